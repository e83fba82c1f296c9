"""The loader reports every fault of broken data at once, each with file and row."""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable, Iterator

import pytest

import pfp
from pfp import _load
from pfp._load import read_dataset, read_metadata
from pfp._load_record import read_record


def _bundled(name: str) -> str:
    return importlib.resources.files("pfp").joinpath("_data", name).read_text(encoding="utf-8")


def _opener(changes: dict[str, str]) -> Callable[[str], Iterator[str]]:
    def open_text(name: str) -> Iterator[str]:
        return iter(changes.get(name, _bundled(name)).splitlines(keepends=True))

    return open_text


def test_bundled_data_reads_cleanly() -> None:
    """The shipped files pass every check."""
    data = read_dataset(_opener({}))
    assert len(data.events) == len(pfp.events())


def test_three_faults_give_one_error_naming_all_three() -> None:
    """An unknown country, an unknown source and a withdrawal while not a member: one error."""
    events = _bundled("events.csv")
    broken = events.replace(
        "1994-01-26,PfP,ROU,signature", "1994-01-26,PfP,ROX,signature", 1
    ).replace("seed-18", "seed-1800", 1)
    broken += "2030-01-01,PfP,CHE,withdrawal,seed,\n2030-01-02,PfP,CHE,withdrawal,seed,\n"
    with pytest.raises(pfp.DataError) as raised:
        read_dataset(_opener({"events.csv": broken}))
    message = str(raised.value)
    assert "unknown country 'ROX'" in message
    assert "unknown source key(s) seed-1800" in message
    assert "a withdrawal needs status member/suspended, but Switzerland is withdrawn" in message
    assert len(raised.value.problems) == 3
    assert all(problem.where.startswith("events.csv:") for problem in raised.value.problems)


def test_row_without_source_and_out_of_order() -> None:
    """A row citing nothing, and a row dated before the one above, are both reported."""
    rows = _bundled("events.csv").splitlines(keepends=True)
    rows.insert(2, "1993-01-01,PfP,CYP,resolution,,\n")
    with pytest.raises(pfp.DataError) as raised:
        read_dataset(_opener({"events.csv": "".join(rows)}))
    messages = [str(p) for p in raised.value.problems]
    assert any("events.csv:3: no source" in m for m in messages)
    assert any(
        "events.csv:4: dated 1949-08-24, before the row above (1993-01-01)" in m for m in messages
    )
    assert len(messages) == 2


def test_nato_accession_twice() -> None:
    """A second NATO accession for the same state is refused."""
    broken = _bundled("events.csv") + "2030-01-01,NATO,FRA,accession,seed,\n"
    with pytest.raises(pfp.DataError, match=r"an accession needs status .*France is member"):
        read_dataset(_opener({"events.csv": broken}))


def test_unknown_kind_and_bad_date() -> None:
    """A kind the model does not know and a date that does not exist are named with the row."""
    broken = _bundled("events.csv") + "2030-02-30,PfP,CHE,resolution,seed,\n"
    broken += "2030-03-01,PfP,CHE,annexation,seed,\n"
    with pytest.raises(pfp.DataError) as raised:
        read_dataset(_opener({"events.csv": broken}))
    text = str(raised.value)
    assert "cannot read '2030-02-30' as a date" in text
    assert "unknown kind 'annexation'" in text


def test_row_with_a_missing_cell() -> None:
    """A row with fewer cells than the header is reported with its row, not read shifted."""
    broken = _bundled("events.csv") + "2030-01-01,PfP,CHE,resolution\n"
    with pytest.raises(pfp.DataError, match=r"events\.csv:\d+: 4 cells, expected 6"):
        read_dataset(_opener({"events.csv": broken}))


def test_programme_record_is_read_apart_and_checked() -> None:
    """Milestones, figures and objectives read cleanly; a broken row names its file and row."""
    sources = {s.key: s for s in pfp.sources()}
    record = read_record(_opener({}), sources)
    assert record.milestones == pfp.milestones()
    assert record.cooperation_areas == pfp.cooperation_areas()
    broken = _bundled("figures.csv") + "extra,x,1,count,1999-13,,seed,\n"
    with pytest.raises(pfp.DataError, match=r"figures\.csv:\d+: .*1999-13"):
        read_record(_opener({"figures.csv": broken}), sources)


def test_metadata() -> None:
    """dataset.toml gives the version and the day the data is complete to; faults are named."""
    found = read_metadata(_opener({}))
    assert (found.version, found.as_of) == (pfp.DATA_VERSION, pfp.DATA_AS_OF)
    with pytest.raises(pfp.DataError, match=r"dataset\.toml: unknown value 'data_as_of'"):
        read_metadata(_opener({"dataset.toml": 'data_version = "1"\n'}))
    with pytest.raises(pfp.DataError, match=r"dataset\.toml: .*2024-02-30"):
        read_metadata(_opener({"dataset.toml": 'data_version = "1"\ndata_as_of = "2024-02-30"\n'}))


def test_files_are_read_through_the_import_system_without_a_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Inside a zip archive there is no data folder: the same lines come through importlib."""
    direct = _load._open_bundled("events.csv")
    monkeypatch.setattr(_load, "_DATA_FOLDER", "/nonexistent/pfp/_data")
    assert _load._open_bundled("events.csv") == direct


def test_row_with_an_extra_cell() -> None:
    """A row with more cells than the header is a reported problem, not a crash."""
    broken = _bundled("events.csv") + "2030-01-01,PfP,CHE,resolution,seed,,extra\n"
    with pytest.raises(pfp.DataError, match=r"events\.csv:\d+: 7 cells, expected 6"):
        read_dataset(_opener({"events.csv": broken}))
