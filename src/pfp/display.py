"""How values look in a row, a cell and an HTML table: one definition for every record and result.

>>> import pfp
>>> cell(pfp.country("Malta")), cell((pfp.source("seed-19"),)), cell(None)
('Malta', 'seed-19', '')
>>> print(html_table([{"name": "Malta", "iso3": "MLT"}], caption="One state"))
<table class="pfp-table">
<caption>One state</caption>
<thead><tr><th>name</th><th>iso3</th></tr></thead>
<tbody>
<tr><td>Malta</td><td>MLT</td></tr>
</tbody>
</table>
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import attrs

from pfp.errors import InvalidArgumentError, items_of, shown

__all__ = ["Displayed", "cell", "column_names", "html_table", "plain"]


def plain(value: object) -> object:
    """A value as a plain cell: enums by value, records by their ``CELL`` field, tuples kept.

    >>> import pfp
    >>> plain(pfp.Status.MEMBER), plain((pfp.country("Malta"),))
    ('member', ('Malta',))
    """
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Displayed):
        field = type(value).CELL
        return getattr(value, field) if field else repr(value)
    if isinstance(value, tuple):
        return tuple(plain(item) for item in value)
    return value


def cell(value: object, *, separator: str = ", ") -> str:
    """A value as the text of one table cell: '' for None, dates in ISO form, tuples joined.

    >>> import pendulum
    >>> cell(pendulum.date(1994, 1, 10)), cell(0.8219), cell(("a", "b"), separator=";")
    ('1994-01-10', '0.822', 'a;b')
    """
    value = plain(value)
    return _text_of(value, separator)


def _text_of(value: object, separator: str) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return separator.join(cell(item, separator=separator) for item in value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.3f}"
    return _str_of(value)


def _str_of(value: object) -> str:
    """``str(value)``; a value that cannot show itself shows its type."""
    if isinstance(value, str):
        return str.__str__(value)
    try:
        text = str(value)
    except Exception:  # a caller's value whose __str__ fails
        return f"<a {type(value).__name__}>"
    return text if isinstance(text, str) else f"<a {type(value).__name__}>"


def html_table(
    rows: Sequence[Mapping[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    caption: str = "",
    vertical: bool = False,
) -> str:
    """An HTML table of rows, as Jupyter shows it, every cell escaped.

    ``columns`` names the columns and their order (default: the first row's keys), so that
    an empty table still has a header. ``vertical=True`` shows one row as name/value pairs
    (how a single record is shown).
    """
    import html  # noqa: PLC0415 - only notebooks need it; keeps the first query light

    if not isinstance(caption, str):
        raise InvalidArgumentError(f"caption must be a string, not {shown(caption)}")
    names = column_names(columns, rows)
    lines = ['<table class="pfp-record">' if vertical else '<table class="pfp-table">']
    if caption:
        lines.append(f"<caption>{html.escape(caption)}</caption>")
    if vertical:
        lines.append("<tbody>")
        for row in rows:
            lines += [
                f"<tr><th>{html.escape(name)}</th><td>{html.escape(cell(row.get(name)))}</td></tr>"
                for name in names
            ]
    else:
        header = "".join(f"<th>{html.escape(name)}</th>" for name in names)
        lines += [f"<thead><tr>{header}</tr></thead>", "<tbody>"]
        for row in rows:
            cells = "".join(f"<td>{html.escape(cell(row.get(name)))}</td>" for name in names)
            lines.append(f"<tr>{cells}</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


def column_names(columns: object, rows: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """The column names of a table: ``columns``, or the first row's keys."""
    if columns is None:
        return tuple(rows[0]) if rows else ()
    found = items_of(columns, "columns")
    if not all(isinstance(name, str) for name in found):
        raise InvalidArgumentError(f"columns must be names (strings), not {shown(columns)}")
    return tuple(str.__str__(name) for name in found if isinstance(name, str))


class Displayed:
    """What every record shares: a plain-dict form and an HTML table for notebooks.

    ``CELL`` names the field that stands for the record inside another record's row (a
    state's name, a source's key); None shows its repr.
    """

    __slots__ = ()
    CELL: ClassVar[str | None] = None

    def to_record(self) -> dict[str, object]:
        """The record's fields as a plain dict (states by name, sources by key, enums by value).

        >>> import pfp
        >>> pfp.country("Malta").to_record()["iso3"]
        'MLT'
        """
        fields = attrs.fields(type(self))  # type: ignore[arg-type]  # subclasses are attrs classes
        return {f.name: plain(getattr(self, f.name)) for f in fields}

    def _repr_html_(self) -> str:
        return html_table([self.to_record()], caption=repr(self), vertical=True)
