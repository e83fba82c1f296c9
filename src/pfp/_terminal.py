r"""How the command line writes: tables that fit the terminal, CSV, JSON, errors in shell words.

A table wider than the terminal (``COLUMNS``, or the terminal's own width) wraps its cells,
the sources first, then the widest of the others; whole words and source keys stay on one
line where they fit. Written to a file or a pipe with no ``COLUMNS`` set, a table keeps each
row on one line.

>>> from pfp._terminal import table_lines
>>> rows = [["Malta", "seed-19;nato-malta-2008"], ["Sweden", "seed-23"]]
>>> print("\n".join(table_lines(["name", "sources"], rows, width=24)))
name    sources
------  ----------------
Malta   seed-19;
        nato-malta-2008
Sweden  seed-23
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import re
import shutil
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, TextIO

from pfp.display import cell
from pfp.errors import ACCEPTED_DATE_FORMS

__all__ = [
    "FIRST_TO_WRAP",
    "Answer",
    "shell_words",
    "table_lines",
    "terminal_width",
    "wrap",
    "write_answer",
]

FIRST_TO_WRAP = ("sources", "note", "title", "url", "archived_url")
"""The columns a narrow table wraps before any other, in this order."""

GAP = "  "
"""The space between two columns."""

_WHOLE_WORDS = 20
"""A narrow table keeps words of up to this many characters whole where it can."""

_SHORTEST = 10
"""Where whole words do not fit, words of up to this many characters (a day, ``YYYY-MM-DD``)
are the last to be broken."""

_TOKEN = re.compile(r"[^ ;_/]+[ ;_/]*|[ ;_/]+")
"""A word and the separators after it: a line may break after a space, ``;``, ``_`` or ``/``."""


def terminal_width(out: TextIO) -> int | None:
    """The width a table must fit: ``COLUMNS``, or the terminal's; None for a file or a pipe.

    >>> import io
    >>> terminal_width(io.StringIO()) is None or "COLUMNS" in __import__("os").environ
    True
    """
    if os.environ.get("COLUMNS", "").strip().isdigit() or out.isatty():
        return max(shutil.get_terminal_size().columns, 1)
    return None


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words where it can be.

    A line breaks after a space, ``;``, ``_`` or ``/``, and inside a word only where the word
    is longer than a line:

    >>> wrap("Bosnia and Herzegovina", 12)
    ['Bosnia and', 'Herzegovina']
    >>> wrap("seed-23;nato-pr-2002-022", 10)
    ['seed-23;', 'nato-pr-20', '02-022']
    """
    lines: list[str] = []
    line = ""
    for word in _TOKEN.findall(text):
        if line and len(line + word.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        rest = word
        while len(line + rest.rstrip()) > width:
            room = width - len(line)
            lines.append(line + rest[:room])
            line, rest = "", rest[room:]
        line += rest
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _narrowest(header: str, cells: Sequence[str], words_up_to: int) -> int:
    """The least width of a column that keeps its words of up to ``words_up_to`` whole.

    A column of one short word a cell (days, codes, statuses) is kept whole in any case.
    """
    words = [len(token.rstrip()) for text in cells for token in _TOKEN.findall(text)]
    longest = max(words, default=0)
    if longest <= _SHORTEST and len(words) <= len(cells):
        return max(len(header), longest)  # one short word a cell: a day, a code, a key word
    return max(len(header), min(longest, words_up_to))


def _fitted(columns: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Column widths whose table, with its gaps, is at most ``width`` wide where it can be."""
    widths = [max([len(c), *(len(row[i]) for row in rows)]) for i, c in enumerate(columns)]
    excess = sum(widths) + len(GAP) * (len(widths) - 1) - width
    if excess <= 0:
        return widths
    # Whole words first; then words of more than _SHORTEST characters broken; then any word,
    # down to the width of the column's header.
    for words_up_to in (_WHOLE_WORDS, _SHORTEST, 0):
        least = [
            _narrowest(c, [row[i] for row in rows], words_up_to) for i, c in enumerate(columns)
        ]
        for name in FIRST_TO_WRAP if words_up_to == _WHOLE_WORDS else ():
            if name in columns and excess > 0:
                i = list(columns).index(name)
                given = max(min(excess, widths[i] - least[i]), 0)
                widths[i] -= given
                excess -= given
        while excess > 0:
            spare = [(widths[i], i) for i in range(len(widths)) if widths[i] > least[i]]
            if not spare:
                break  # the headers and the shortest widths alone are wider than the terminal
            _, widest = max(spare)
            widths[widest] -= 1
            excess -= 1
    return widths


def table_lines(
    columns: Sequence[str], rows: Sequence[Sequence[str]], *, width: int | None
) -> list[str]:
    r"""A header, a rule and the rows, in columns; at most ``width`` wide when it is given.

    >>> print("\n".join(table_lines(["key", "name"], [["PfP", "Partnership for Peace"]],
    ...                              width=None)))
    key  name
    ---  ---------------------
    PfP  Partnership for Peace
    """
    if width is None:
        widths = [max([len(c), *(len(row[i]) for row in rows)]) for i, c in enumerate(columns)]
    else:
        widths = _fitted(columns, rows, width)
    lines = [
        GAP.join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
        GAP.join("-" * w for w in widths),
    ]
    for row in rows:
        cells = [wrap(text, w) for text, w in zip(row, widths, strict=True)]
        for n in range(max(len(lines_of) for lines_of in cells)):
            parts = [
                (c[n] if n < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)
            ]
            lines.append(GAP.join(parts).rstrip())
    return lines


class Answer(NamedTuple):
    """What a command found: a title, its columns and rows, and the question as asked.

    ``table_columns`` are the columns a table shows (those the title states are left out);
    ``vertical`` shows a one-row answer as one field per line.

    >>> answer = Answer("1 member of PfP", ("name",), [{"name": "Romania"}], {"org": "PfP"})
    >>> answer.title, answer.rows[0]["name"]
    ('1 member of PfP', 'Romania')
    """

    title: str
    columns: Sequence[str]
    rows: Sequence[Mapping[str, Any]]
    query: dict[str, Any]
    table_columns: Sequence[str] | None = None
    vertical: bool = False


def _text(value: object, *, empty: str) -> str:
    return empty if value is None else cell(value, separator=";")


def _json_value(value: object) -> object:
    if isinstance(value, (tuple, list)):
        return [_json_value(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _write_table(out: TextIO, answer: Answer) -> None:
    width = terminal_width(out)
    out.write(answer.title + "\n")
    if not answer.rows:
        return
    columns = answer.table_columns or answer.columns
    if answer.vertical:
        (row,) = answer.rows
        cells = [[c, _text(row[c], empty="-")] for c in columns]
        lines = table_lines(["field", "value"], cells, width=width)[2:]
    else:
        cells = [[_text(row[c], empty="-") for c in columns] for row in answer.rows]
        lines = table_lines(columns, cells, width=width)
    for line in lines:
        out.write(line + "\n")


def _write_csv(out: TextIO, answer: Answer) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(answer.columns)
    writer.writerows([_text(row[c], empty="") for c in answer.columns] for row in answer.rows)


def _write_json(out: TextIO, answer: Answer, command: str, data: Mapping[str, str]) -> None:
    document = {
        **data,
        "command": command,
        "query": {key: _json_value(value) for key, value in answer.query.items()},
        "count": len(answer.rows),
        "rows": [{c: _json_value(row[c]) for c in answer.columns} for row in answer.rows],
    }
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def write_answer(
    out: TextIO, answer: Answer, *, form: str, command: str, data: Mapping[str, str]
) -> None:
    """Write ``answer`` to ``out`` as a ``table``, ``csv`` or ``json`` (``form``).

    JSON names the ``command`` and opens with ``data`` (the data's version and as-of day).

    >>> import sys
    >>> rows = [{"key": "PfP", "ended": None}]
    >>> answer = Answer("1 organisation", ("key", "ended"), rows, {})
    >>> write_answer(sys.stdout, answer, form="csv", command="orgs", data={})
    key,ended
    PfP,
    >>> write_answer(sys.stdout, answer, form="table", command="orgs", data={})
    1 organisation
    key  ended
    ---  -----
    PfP  -
    """
    if form == "json":
        _write_json(out, answer, command, data)
    elif form == "csv":
        _write_csv(out, answer)
    else:
        _write_table(out, answer)


SHELL_WORDS = (
    (ACCEPTED_DATE_FORMS, "a day written YYYY-MM-DD, such as 1994-08-03"),
    ("(strings must be 'YYYY-MM-DD')", "(not YYYY-MM-DD)"),
    ("pass start <= end", "give the earlier day first"),
    ("pass start_year <= end_year", "give the earlier year first"),
    ("pfp.countries() lists them", "`pfp countries` lists them"),
    ("pfp.sources() lists them", "`pfp source` with no key lists them"),
    ("pfp.organizations() lists them", "`pfp orgs` lists them"),
    ("pass country= and date= to name them", "--country and --date name them"),
    ("pass unknown='raise' to stop instead", "--unknown raise stops instead"),
    ("pass unknown='na' for null statuses instead", "--unknown na leaves them empty instead"),
    ('pass beyond="carry"', "give --beyond carry"),
    ('or beyond="null"', "or --beyond null"),
)
"""The library's words for Python callers, and what the command line says instead."""


def shell_words(message: str) -> str:
    """A library error's message as a shell user reads it: days and commands, not Python.

    >>> import pfp
    >>> try:
    ...     pfp.members_at("3 August 1994")
    ... except pfp.InvalidDateError as error:
    ...     print(shell_words(str(error)))  # doctest: +NORMALIZE_WHITESPACE
    cannot read '3 August 1994' as a date (not YYYY-MM-DD); expected a day written
    YYYY-MM-DD, such as 1994-08-03
    """
    for python, shell in SHELL_WORDS:
        message = message.replace(python, shell)
    return message
