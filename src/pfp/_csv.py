r"""Reading one data file of a folder: its text, its rows and every problem found on the way.

A :class:`Reader` never stops at a fault: it records a :class:`~pfp.errors.DataProblem` naming
the file and line, and goes on, so that a folder's faults are all reported at once.

>>> reader = Reader(lambda name: b"key,title\nseed,The article\nseed,The article\n")
>>> [row["key"] for _, row in reader.rows("sources.csv", ("key", "title"), key=("key",))]
['seed']
>>> reader.problems
[DataProblem('sources.csv:3', 'repeats row 2 (an identical row)')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import TypeVar

from pfp.errors import DataProblem, InvalidDateError, InvalidRecordError

__all__ = ["Opener", "Reader", "Row", "split"]

T = TypeVar("T")
S = TypeVar("S")
Row = Mapping[str, str]
Opener = Callable[[str], bytes]
"""Reads one file of a data folder by name and returns its bytes (raises OSError if absent)."""

CELL_LIMIT = 128 * 1024
"""The longest cell the reader accepts: the csv module's own limit, reported as a problem."""


def split(cell: str) -> tuple[str, ...]:
    """The values of a multi-valued cell, separated by ``;``.

    >>> split("seed-9; seed-17;")
    ('seed-9', 'seed-17')
    """
    return tuple(part.strip() for part in cell.split(";") if part.strip())


class Reader:
    """Reads the files of one data folder, collecting problems instead of stopping."""

    def __init__(self, open_bytes: Opener) -> None:
        self._open_bytes = open_bytes
        self.problems: list[DataProblem] = []
        self.unreadable: set[str] = set()
        """Files that could not be read at all (missing, not UTF-8, wrong columns): rows of
        other files that refer to them are not reported again for it."""

    def text(self, name: str) -> str | None:
        """The file's text, or None (with a problem recorded) when it is missing or not UTF-8."""
        try:
            data = self._open_bytes(name)
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            self.problems.append(DataProblem(name, "the file is missing"))
            return None
        except OSError as error:
            self.problems.append(DataProblem(name, f"cannot be read ({error.strerror or error})"))
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            self.problems.append(
                DataProblem(
                    f"{name}:{line}",
                    f"byte 0x{data[error.start]:02x} is not UTF-8; data files are UTF-8 text",
                )
            )
            return None

    def rows(
        self, name: str, columns: Sequence[str], *, key: Sequence[str] = ()
    ) -> Iterator[tuple[str, Row]]:
        """Each row of ``name`` as ``(where, cells by column)``; faulty rows are reported.

        A row identical to an earlier one, or with the same ``key`` columns, is reported and
        skipped.
        """
        expected = tuple(columns)
        width = len(expected)
        positions = [expected.index(column) for column in key]
        seen: dict[tuple[str, ...], int] = {}
        keys: dict[tuple[str, ...], int] = {}
        for number, cells in self.lines(name, expected):
            where = f"{name}:{number}"
            if len(cells) != width:
                self.problems.append(
                    DataProblem(
                        where, f"{len(cells)} cells, expected {width} ({', '.join(expected)})"
                    )
                )
                continue
            whole = tuple(map(str.strip, cells))
            row = dict(zip(expected, whole, strict=True))
            if whole in seen:
                self.problems.append(
                    DataProblem(where, f"repeats row {seen[whole]} (an identical row)")
                )
                continue
            seen[whole] = number
            if positions:
                value = tuple(whole[position] for position in positions)
                if value in keys:
                    shown = ", ".join(f"{c}={v!r}" for c, v in zip(key, value, strict=True))
                    self.problems.append(
                        DataProblem(where, f"the same {shown} as row {keys[value]}")
                    )
                    continue
                keys[value] = number
            yield where, row

    def lines(self, name: str, expected: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
        """The line number and cells of each non-blank row after a header equal to ``expected``."""
        import csv  # noqa: PLC0415 - read on first use only, so `import pfp` stays light
        import io  # noqa: PLC0415

        text = self.text(name)
        if text is None:
            self.unreadable.add(name)
            return
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = tuple(next(reader, ()))
        except csv.Error as error:
            header = ()
            self.problems.append(DataProblem(f"{name}:1", f"not CSV ({error})"))
        else:
            if header != expected:
                self.problems.append(
                    DataProblem(
                        f"{name}:1", f"columns are {list(header)}, expected {list(expected)}"
                    )
                )
        if header != expected:
            self.unreadable.add(name)
            return
        while True:
            number = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                self.problems.append(DataProblem(f"{name}:{number}", _csv_fault(error)))
                continue
            if cells:  # not a blank line
                yield number, cells

    def build(self, where: str, make: Callable[[], T]) -> T | None:
        """``make()``, or None with the problem recorded when a record refuses a value."""
        try:
            return make()
        except (InvalidDateError, InvalidRecordError, ValueError, KeyError) as error:
            self.problems.append(DataProblem(where, describe(error)))
            return None

    def made(self, where: str, make: Callable[..., T], *args: object) -> T | None:
        """``make(*args)`` through :meth:`build`."""
        return self.build(where, partial(make, *args))

    def cited(
        self,
        name: str,
        columns: Mapping[str, Sequence[str]],
        keys: Mapping[str, Sequence[str]],
        sources: Mapping[str, S],
        make: Callable[[Row, tuple[S, ...]], T],
    ) -> list[tuple[str, T]]:
        """Every row of a file whose rows cite sources, made into records by ``make``."""
        found: list[tuple[str, T]] = []
        for where, row in self.rows(name, columns[name], key=keys[name]):
            cited = self.sources_of(where, row["sources"], sources)
            record = self.made(where, make, row, cited)
            if record is not None:
                found.append((where, record))
        return found

    def sources_of(self, where: str, cell: str, known: Mapping[str, T]) -> tuple[T, ...]:
        """The records of the source keys in ``cell``; a missing or unknown key is reported."""
        keys = split(cell)
        if not keys:
            self.problems.append(
                DataProblem(where, "no source: every fact cites at least one source")
            )
        missing = [key for key in keys if key not in known]
        if missing and "sources.csv" not in self.unreadable:
            self.problems.append(
                DataProblem(where, f"unknown source key(s) {', '.join(missing)}; see sources.csv")
            )
        return tuple(known[key] for key in keys if key in known)


def _csv_fault(error: Exception) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return "a cell is over 128 KiB; keep cells short"
    return f"not valid CSV ({text})"


def describe(error: Exception) -> str:
    """A record's refusal as a problem's message."""
    if isinstance(error, KeyError):
        return f"unknown value {error.args[0]!r}"
    return str(error)
