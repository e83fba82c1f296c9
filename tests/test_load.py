"""The loader reports every fault of broken data at once, each with file and row."""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable, Iterator

import pytest

import pfp
from pfp._load import read_dataset


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
