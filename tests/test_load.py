"""Reading a data folder reports every fault of broken data at once, each with file and row."""

from __future__ import annotations

import importlib.resources
import shutil
from pathlib import Path

import pytest

import pfp

BUNDLED = importlib.resources.files("pfp").joinpath("_data")


def _bundled(name: str) -> str:
    return BUNDLED.joinpath(name).read_text(encoding="utf-8")


def _folder(tmp_path: Path, changes: dict[str, str], *, as_of: str = "2030-12-31") -> Path:
    """A copy of the bundled folder with ``changes`` (file name -> text), complete to ``as_of``."""
    folder = tmp_path / "data"
    shutil.copytree(str(BUNDLED), folder)
    toml = _bundled("dataset.toml").replace(
        f'data_as_of = "{pfp.DATA_AS_OF}"', f'data_as_of = "{as_of}"'
    )
    (folder / "dataset.toml").write_text(toml, encoding="utf-8")
    reviews = _bundled("reviews.csv").splitlines(keepends=True)
    moved = [reviews[0]] + [
        line.split(",", 2)[0] + f",{as_of}," + line.split(",", 2)[2] for line in reviews[1:]
    ]
    (folder / "reviews.csv").write_text("".join(moved), encoding="utf-8")
    for name, text in changes.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(pfp.DataError) as raised:
        pfp.History.from_folder(folder)
    return [str(problem) for problem in raised.value.problems]


def test_bundled_data_reads_cleanly() -> None:
    """The shipped files pass every check, and the folder's history is the bundled one's."""
    copy = pfp.History.from_folder(BUNDLED)
    assert copy.events() == pfp.events()
    assert (copy.version, copy.as_of) == (pfp.DATA_VERSION, pfp.DATA_AS_OF)
    assert copy.programme == pfp.history().programme


def test_three_faults_give_one_error_naming_all_three(tmp_path: Path) -> None:
    """An unknown country, an unknown source and a withdrawal while not a member: one error."""
    events = _bundled("events.csv")
    broken = events.replace(
        "1994-01-26,PfP,ROU,signature", "1994-01-26,PfP,ROX,signature", 1
    ).replace("seed-18", "seed-1800", 1)
    broken += "2030-01-01,PfP,CHE,withdrawal,seed,seed,\n2030-01-02,PfP,CHE,withdrawal,seed,seed,\n"
    messages = _problems(_folder(tmp_path, {"events.csv": broken}))
    text = "\n".join(messages)
    assert "unknown country 'ROX'" in text
    assert "unknown source key(s) seed-1800" in text
    assert "a withdrawal needs status member/suspended, but Switzerland is withdrawn" in text
    assert len(messages) == 3
    assert all(message.startswith("events.csv:") for message in messages)


def test_row_without_source_and_out_of_order(tmp_path: Path) -> None:
    """A row citing nothing, and a row dated before the one above, are both reported."""
    rows = _bundled("events.csv").splitlines(keepends=True)
    rows.insert(2, "1993-01-01,PfP,CYP,resolution,,secondary,\n")
    messages = _problems(_folder(tmp_path, {"events.csv": "".join(rows)}))
    assert any(m.startswith("events.csv:3: no source") for m in messages)
    assert any(
        "events.csv:4: dated 1949-08-24, before the row above (1993-01-01)" in m for m in messages
    )
    assert len(messages) == 2


def test_nato_accession_twice(tmp_path: Path) -> None:
    """A second NATO accession for the same state is refused."""
    broken = _bundled("events.csv") + "2030-01-01,NATO,FRA,accession,seed,seed,\n"
    messages = _problems(_folder(tmp_path, {"events.csv": broken}))
    assert any("an accession needs status" in m and "France is member" in m for m in messages)


def test_unknown_kind_and_bad_date(tmp_path: Path) -> None:
    """A kind the model does not know and a date that does not exist are named with the row."""
    broken = _bundled("events.csv") + "2030-02-30,PfP,CHE,resolution,seed,seed,\n"
    broken += "2030-03-01,PfP,CHE,annexation,seed,seed,\n"
    text = "\n".join(_problems(_folder(tmp_path, {"events.csv": broken})))
    assert "cannot read '2030-02-30' as a date" in text
    assert "unknown kind 'annexation'" in text


@pytest.mark.parametrize(
    ("row", "cells"),
    [("2030-01-01,PfP,CHE,resolution", 4), ("2030-01-01,PfP,CHE,resolution,seed,seed,,e", 8)],
)
def test_row_with_a_missing_or_extra_cell(tmp_path: Path, row: str, cells: int) -> None:
    """A row with fewer or more cells than the header is reported with its row, not read shifted."""
    broken = _bundled("events.csv") + row + "\n"
    (message,) = _problems(_folder(tmp_path, {"events.csv": broken}))
    columns = "date, org, country, kind, sources, evidence, note"
    assert message.endswith(f"{cells} cells, expected 7 ({columns})")


def test_programme_files_are_checked_with_the_rest(tmp_path: Path) -> None:
    """A broken figure row is reported in the same error as a broken event row."""
    figures = _bundled("figures.csv") + "extra,x,1,count,1999-13,,seed,\n"
    events = _bundled("events.csv") + "2030-03-01,PfP,CHE,annexation,seed,seed,\n"
    messages = _problems(_folder(tmp_path, {"figures.csv": figures, "events.csv": events}))
    assert any(m.startswith("figures.csv:") and "1999-13" in m for m in messages)
    assert any(m.startswith("events.csv:") and "annexation" in m for m in messages)


def test_metadata_faults(tmp_path: Path) -> None:
    """dataset.toml: a missing key and a day that does not exist are named."""
    missing = _problems(_folder(tmp_path / "a", {"dataset.toml": 'data_version = "1"\n'}))
    assert "dataset.toml: data_as_of is missing; it is a quoted string" in missing
    bad = 'data_version = "1"\ndata_as_of = "2024-02-30"\ndefault_org = "PfP"\n'
    (message,) = _problems(_folder(tmp_path / "b", {"dataset.toml": bad}))
    assert message.startswith("dataset.toml: data_as_of: cannot read '2024-02-30'")


def test_a_path_that_is_not_a_folder(tmp_path: Path) -> None:
    """A file or a missing path is an argument error that says what a folder must hold."""
    with pytest.raises(pfp.InvalidArgumentError, match="is not a folder"):
        pfp.History.from_folder(tmp_path / "missing")
    with pytest.raises(pfp.InvalidArgumentError, match=r"a str or os\.PathLike"):
        pfp.History.from_folder(42)  # type: ignore[arg-type]
