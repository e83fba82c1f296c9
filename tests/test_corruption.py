"""A data folder with faults: ``History.from_folder`` names each one, with its file and row.

Each test copies the bundled folder, breaks it, and loads the copy with
``pfp.History.from_folder``, which reads every file of the folder and reports every fault in
one :class:`pfp.DataError`, each problem with ``.where`` (``file:row``, the header being row
1) and ``.message``. ``pfp check FOLDER`` prints the same problems, one per line.
"""

from __future__ import annotations

import contextlib
import csv
import importlib.resources
import io
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import pfp
import pfp.cli

FILES = (
    "events.csv",
    "countries.csv",
    "organizations.csv",
    "sources.csv",
    "alternatives.csv",
    "renames.csv",
    "milestones.csv",
    "figures.csv",
    "cooperation_areas.csv",
    "dataset.toml",
)
"""Every file of a data folder; ``from_folder`` reads them all."""

Expected = tuple[str, int | None]
"""A problem the error must name: its file, and its row (None: the file as a whole)."""


@pytest.fixture(scope="module")
def bundled() -> Iterator[Path]:
    """The bundled data folder, as a path on disk."""
    with importlib.resources.as_file(importlib.resources.files("pfp") / "_data") as path:
        yield Path(path)


@pytest.fixture
def folder(bundled: Path, tmp_path: Path) -> Path:
    """A fresh copy of the bundled data folder, to break."""
    copy = tmp_path / "data"
    shutil.copytree(bundled, copy)
    return copy


# -- editing a copy, row by row -------------------------------------------------------------


def _lines(folder: Path, name: str) -> list[str]:
    return (folder / name).read_text(encoding="utf-8").splitlines(keepends=True)


def _write(folder: Path, name: str, lines: list[str]) -> None:
    (folder / name).write_text("".join(lines), encoding="utf-8")


def _cells(line: str) -> list[str]:
    return next(csv.reader([line]))


def _line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


def _row(folder: Path, name: str, **match: str) -> int:
    """The row number (header: 1) of the first row whose columns have these values."""
    lines = _lines(folder, name)
    header = _cells(lines[0])
    for number, line in enumerate(lines[1:], start=2):
        row = dict(zip(header, _cells(line), strict=True))
        if all(row[column] == value for column, value in match.items()):
            return number
    raise AssertionError(f"no row of {name} has {match}")  # the test's premise


def _set(folder: Path, name: str, number: int, **cells: str) -> int:
    """Set some cells of row ``number``; return the row number."""
    lines = _lines(folder, name)
    header = _cells(lines[0])
    row = dict(zip(header, _cells(lines[number - 1]), strict=True))
    assert set(cells) <= set(row)
    row.update(cells)
    lines[number - 1] = _line([row[column] for column in header])
    _write(folder, name, lines)
    return number


def _append(folder: Path, name: str, line: str) -> int:
    """Append a row; return its row number."""
    lines = _lines(folder, name)
    assert lines[-1].endswith("\n")
    _write(folder, name, [*lines, line])
    return len(lines) + 1


def _repeat(folder: Path, name: str, number: int, *, next_to_it: bool = False) -> int:
    """Repeat row ``number`` at the end (or right after itself); return the copy's row."""
    lines = _lines(folder, name)
    if next_to_it:
        lines.insert(number, lines[number - 1])
        _write(folder, name, lines)
        return number + 1
    return _append(folder, name, lines[number - 1])


def _toml(folder: Path, text: str) -> None:
    (folder / "dataset.toml").write_text(text, encoding="utf-8")


# -- the faults ----------------------------------------------------------------------------


def _organization_twice(folder: Path) -> list[Expected]:
    return [("organizations.csv", _repeat(folder, "organizations.csv", 3))]


def _nato_graduates_to_itself(folder: Path) -> list[Expected]:
    nato = _row(folder, "organizations.csv", key="NATO")
    return [("organizations.csv", _set(folder, "organizations.csv", nato, graduates_to="NATO"))]


def _unknown_graduates_to(folder: Path) -> list[Expected]:
    pfp_row = _row(folder, "organizations.csv", key="PfP")
    return [("organizations.csv", _set(folder, "organizations.csv", pfp_row, graduates_to="NATX"))]


def _event_twice(folder: Path) -> list[Expected]:
    # Cyprus's 2011 resolution changes no status: only the repetition itself is wrong.
    cyprus = _row(folder, "events.csv", country="CYP", kind="resolution")
    return [("events.csv", _repeat(folder, "events.csv", cyprus, next_to_it=True))]


def _repeated(name: str) -> Callable[[Path], list[Expected]]:
    def fault(folder: Path) -> list[Expected]:
        return [(name, _repeat(folder, name, 2))]

    fault.__name__ = f"_{name}_row_twice"
    return fault


def _figure_key_twice(folder: Path) -> list[Expected]:
    first = _cells(_lines(folder, "figures.csv")[1])
    again = [first[0], "another figure under the same key", "7", *first[3:]]
    return [("figures.csv", _append(folder, "figures.csv", _line(again)))]


def _milestone_ends_before_it_starts(folder: Path) -> list[Expected]:
    row = "2004-06-28,2004-06-01,Backwards summit,summit,Nowhere,seed,\n"
    return [("milestones.csv", _append(folder, "milestones.csv", row))]


def _iso2_on_two_states(folder: Path) -> list[Expected]:
    sweden = _row(folder, "countries.csv", iso3="SWE")  # after Malta's row: the repeat
    return [("countries.csv", _set(folder, "countries.csv", sweden, iso2="MT"))]


def _iso3_on_two_states(folder: Path) -> list[Expected]:
    sweden = _row(folder, "countries.csv", iso3="SWE")
    return [("countries.csv", _set(folder, "countries.csv", sweden, iso3="MLT"))]


def _as_of_before_the_last_event(folder: Path) -> list[Expected]:
    _toml(folder, 'data_version = "2026.11.28.1"\ndata_as_of = "2000-01-01"\n')
    return [("dataset.toml", None)]


def _event_after_as_of(folder: Path) -> list[Expected]:
    row = '2030-01-01,PfP,CHE,resolution,seed,"after the data\'s as-of day"\n'
    return [("events.csv", _append(folder, "events.csv", row))]


def _not_utf8(name: str, number: int) -> Callable[[Path], list[Expected]]:
    def fault(folder: Path) -> list[Expected]:
        raw = (folder / name).read_bytes().split(b"\n")
        raw[number - 1] = raw[number - 1].replace(b",", b",\xff", 1)  # a Latin-1 byte
        (folder / name).write_bytes(b"\n".join(raw))
        return [(name, number)]

    fault.__name__ = f"_{name}_not_utf8"
    return fault


def _cell_over_128_kib(folder: Path) -> list[Expected]:
    return [("events.csv", _set(folder, "events.csv", 10, note="x" * (128 * 1024 + 1)))]


def _missing(name: str) -> Callable[[Path], list[Expected]]:
    def fault(folder: Path) -> list[Expected]:
        (folder / name).unlink()
        return [(name, None)]

    fault.__name__ = f"_{name}_missing"
    return fault


def _rename_on_no_such_day(folder: Path) -> list[Expected]:
    turkey = _row(folder, "renames.csv", country="TUR")
    return [("renames.csv", _set(folder, "renames.csv", turkey, date="2022-02-30"))]


def _malformed_toml(folder: Path) -> list[Expected]:
    _toml(folder, 'data_version = "2026.11.28.1\ndata_as_of = 2024-03-08 = 1\n')
    return [("dataset.toml", None)]


FAULTS: dict[str, Callable[[Path], list[Expected]]] = {
    "organizations.csv: PfP twice": _organization_twice,
    "organizations.csv: NATO graduates to NATO": _nato_graduates_to_itself,
    "organizations.csv: graduates to an unknown key": _unknown_graduates_to,
    "events.csv: a row twice": _event_twice,
    "alternatives.csv: a row twice": _repeated("alternatives.csv"),
    "renames.csv: a row twice": _repeated("renames.csv"),
    "sources.csv: a row twice": _repeated("sources.csv"),
    "figures.csv: a key twice": _figure_key_twice,
    "milestones.csv: a row twice": _repeated("milestones.csv"),
    "cooperation_areas.csv: a row twice": _repeated("cooperation_areas.csv"),
    "milestones.csv: ends before it starts": _milestone_ends_before_it_starts,
    "countries.csv: one ISO alpha-2 code on two states": _iso2_on_two_states,
    "countries.csv: one ISO alpha-3 code on two states": _iso3_on_two_states,
    "dataset.toml: data_as_of before the last event": _as_of_before_the_last_event,
    "events.csv: an event after data_as_of": _event_after_as_of,
    "sources.csv: a byte that is not UTF-8": _not_utf8("sources.csv", 5),
    "figures.csv: a byte that is not UTF-8": _not_utf8("figures.csv", 3),
    "events.csv: a cell over 128 KiB": _cell_over_128_kib,
    **{f"{name}: missing": _missing(name) for name in FILES},
    "renames.csv: a date that does not exist": _rename_on_no_such_day,
    "dataset.toml: not TOML": _malformed_toml,
}
"""Each kind of fault, applied alone to a fresh copy: what it breaks, and where."""

SEVERAL = [
    "organizations.csv: PfP twice",
    "events.csv: an event after data_as_of",
    "alternatives.csv: a row twice",
    "sources.csv: a row twice",
    "figures.csv: a key twice",
    "milestones.csv: ends before it starts",
    "cooperation_areas.csv: a row twice",
    "countries.csv: one ISO alpha-2 code on two states",
    "renames.csv: a date that does not exist",
]
"""Faults in nine different files, applied together."""


def _from_folder(path: str | os.PathLike[str]) -> pfp.History:
    """``pfp.History.from_folder(path)`` (the API these tests pin, written before it exists)."""
    load: Callable[[str | os.PathLike[str]], pfp.History]
    load = pfp.History.from_folder  # type: ignore[attr-defined, unused-ignore]
    return load(path)


def _load_error(folder: Path) -> pfp.DataError:
    with pytest.raises(pfp.DataError) as raised:
        _from_folder(folder)
    return raised.value


def _names(problem: object, name: str, row: int | None) -> bool:
    where = str(getattr(problem, "where", ""))
    if row is None:
        return where == name or where.startswith(f"{name}:")
    return where == f"{name}:{row}"


def _assert_named(error: pfp.DataError, expected: list[Expected]) -> None:
    problems = error.problems
    assert isinstance(problems, tuple)
    assert problems, "a DataError with no problems"
    for problem in problems:
        assert isinstance(problem.where, str) and problem.where
        assert isinstance(problem.message, str) and problem.message
    listing = "\n".join(f"  {p.where}: {p.message}" for p in problems)
    for name, row in expected:
        place = name if row is None else f"{name}:{row}"
        assert any(_names(p, name, row) for p in problems), f"{place} not named in:\n{listing}"


# -- the tests -----------------------------------------------------------------------------


def test_the_bundled_folder_has_every_file(bundled: Path) -> None:
    """The premise: the bundled folder holds every file the faults break."""
    assert {name for name in FILES if (bundled / name).is_file()} == set(FILES)


@pytest.mark.parametrize("fault", list(FAULTS))
def test_one_fault_is_named_with_its_file_and_row(fault: str, folder: Path) -> None:
    """A copy of the data with one fault: ``from_folder`` raises one DataError whose
    problems name the file and the row of the fault.
    """
    expected = FAULTS[fault](folder)
    _assert_named(_load_error(folder), expected)


def test_faults_in_nine_files_are_all_named_in_one_error(folder: Path) -> None:
    """Nine faults in nine different files at once: one DataError names every one of them,
    each with its file and row.
    """
    expected = [place for fault in SEVERAL for place in FAULTS[fault](folder)]
    assert len({name for name, _ in expected}) == len(SEVERAL)
    _assert_named(_load_error(folder), expected)


class _PathLike:
    """A path that is neither str nor Path: only ``__fspath__``."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def __fspath__(self) -> str:
        return str(self._path)


@pytest.mark.parametrize("kind", [str, Path, _PathLike])
def test_the_bundled_folder_loads_to_the_bundled_answers(
    kind: Callable[[Path], str | os.PathLike[str]], folder: Path
) -> None:
    """``from_folder`` on a copy of the bundled folder (as str, Path or any PathLike) gives
    a History that answers as the bundled one does.
    """
    loaded = _from_folder(kind(folder))
    bundled = pfp.history()
    assert isinstance(loaded, pfp.History)
    for org in ("PfP", "NATO", "EU", "CSTO", "GUAM", "MAP"):
        for day in ("1994-08-03", "2000-01-01", "2004-03-29", "2024-03-07"):
            assert loaded.members_at(day, org=org) == bundled.members_at(day, org=org)
        assert loaded.transitions(org=org) == bundled.transitions(org=org)
    for name in ("Malta", "FYROM", "Sweden", "Russia"):
        assert loaded.timeline(name) == bundled.timeline(name)
        assert loaded.status_of(name, "2000-01-01") == bundled.status_of(name, "2000-01-01")
    assert loaded.countries() == bundled.countries()
    assert loaded.organizations() == bundled.organizations()
    assert loaded.events() == bundled.events()


def _check(argv: list[str]) -> tuple[int, str, str]:
    """Run ``pfp.cli.main(argv)``: its exit status (returned or raised), stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = pfp.cli.main(argv)
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else 2
    return status, out.getvalue(), err.getvalue()


def test_check_passes_the_bundled_folder(bundled: Path) -> None:
    """``pfp check FOLDER`` on the bundled folder: exit 0 and a one-line summary."""
    status, out, err = _check(["check", str(bundled)])
    assert status == 0, err
    assert len(out.splitlines()) == 1
    assert out.strip()


def test_check_lists_every_problem_of_a_broken_folder(folder: Path) -> None:
    """``pfp check FOLDER`` on a copy with faults in several files: exit 1 and one line per
    problem on stdout (a summary line aside), each with the problem's place and message.
    """
    for fault in SEVERAL[:4]:
        FAULTS[fault](folder)
    problems = _load_error(folder).problems
    status, out, err = _check(["check", str(folder)])
    assert status == 1, err
    assert "Traceback" not in out + err
    lines = out.splitlines()
    for problem in problems:
        assert any(problem.where in line and problem.message in line for line in lines), problem
    placed = [line for line in lines if any(p.where in line for p in problems)]
    assert len(placed) == len(problems)
    assert len(lines) in (len(problems), len(problems) + 1)


@pytest.mark.parametrize("what", ["a file", "nothing"])
def test_check_refuses_a_path_that_is_not_a_folder(what: str, folder: Path) -> None:
    """``pfp check PATH`` where PATH is a file, or does not exist: exit 2, the reason (naming
    the path) on stderr, no traceback.
    """
    path = folder / "events.csv" if what == "a file" else folder / "no-such-folder"
    status, out, err = _check(["check", str(path)])
    assert status == 2
    assert path.name in err, f"the reason does not name the path: {err!r}"
    assert "Traceback" not in out + err
