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
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, Protocol

import attrs

from pfp.errors import InvalidArgumentError, items_of, shown

__all__ = ["Cited", "Displayed", "cell", "cited_by_key", "column_names", "html_table", "plain"]


class Cited(Protocol):
    """What a link to a source needs: its key, title and URL (a :class:`~pfp.Source`)."""

    @property
    def key(self) -> str:
        """The key rows cite it by."""

    @property
    def title(self) -> str:
        """Its title, the link's tooltip."""

    @property
    def url(self) -> str:
        """Its address ('' when it has none)."""


def cited_by_key(*groups: Iterable[object]) -> dict[str, Cited]:
    """The source records in ``groups`` by key (later groups win): what a table links to.

    >>> import pfp
    >>> sorted(cited_by_key(pfp.events(country="Malta")[0].sources))
    ['nato-malta-2008', 'seed-18', 'seed-23']
    """
    found: dict[str, Cited] = {}
    for group in groups:
        for item in group:
            key, url = getattr(item, "key", None), getattr(item, "url", None)
            if isinstance(key, str) and isinstance(url, str) and hasattr(item, "title"):
                found[key] = item  # type: ignore[assignment]  # has what Cited needs
    return found


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
    sources: Mapping[str, Cited] | None = None,
    hints: Mapping[str, str] | None = None,
) -> str:
    """An HTML table of rows, as Jupyter shows it, every cell escaped.

    ``columns`` names the columns and their order (default: the first row's keys), so that
    an empty table still has a header. ``vertical=True`` shows one row as name/value pairs
    (how a single record is shown). In a ``sources`` column, each key found in ``sources``
    whose record has a web address becomes a link to it (its title the tooltip); any cell
    that is itself a web address is a link. ``hints`` gives a column's header a tooltip.

    >>> import pfp
    >>> note = pfp.Source("n-1", "Q & A", "NATO", url="https://example.org/?a=1&b=2")
    >>> print(html_table([{"sources": ("n-1", "seed-19")}], sources={"n-1": note},
    ...                  hints={"sources": "what the row rests on"}))
    <table class="pfp-table">
    <thead><tr><th title="what the row rests on">sources</th></tr></thead>
    <tbody>
    <tr><td><a href="https://example.org/?a=1&amp;b=2" title="Q &amp; A">n-1</a>, seed-19</td></tr>
    </tbody>
    </table>
    """
    if not isinstance(caption, str):
        raise InvalidArgumentError(f"caption must be a string, not {shown(caption)}")
    names = column_names(columns, rows)
    linked = {} if sources is None else sources
    tips = {} if hints is None else hints
    lines = ['<table class="pfp-record">' if vertical else '<table class="pfp-table">']
    if caption:
        lines.append(f"<caption>{_escape(caption)}</caption>")
    if vertical:
        lines.append("<tbody>")
        for row in rows:
            lines += [
                f"<tr>{_header(name, tips)}<td>{_cell_html(name, row.get(name), linked)}</td></tr>"
                for name in names
            ]
    else:
        header = "".join(_header(name, tips) for name in names)
        lines += [f"<thead><tr>{header}</tr></thead>", "<tbody>"]
        for row in rows:
            cells = "".join(f"<td>{_cell_html(name, row.get(name), linked)}</td>" for name in names)
            lines.append(f"<tr>{cells}</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


_WEB = ("http://", "https://")
"""The schemes a cell links to: never ``javascript:`` or a file."""


def _escape(text: str) -> str:
    import html  # noqa: PLC0415 - only notebooks need it; keeps the first query light

    return html.escape(text, quote=True)


def _header(name: str, hints: Mapping[str, str]) -> str:
    hint = hints.get(name)
    return (
        f'<th title="{_escape(hint)}">{_escape(name)}</th>' if hint else f"<th>{_escape(name)}</th>"
    )


def _link(url: str, text: str, title: str = "") -> str:
    tip = f' title="{_escape(title)}"' if title else ""
    return f'<a href="{_escape(url)}"{tip}>{_escape(text)}</a>'


def _cell_html(name: str, value: object, sources: Mapping[str, Cited]) -> str:
    """A cell's HTML: escaped text, source keys linked to their documents, addresses linked."""
    plain_value = plain(value)
    if name == "sources" and sources and isinstance(plain_value, (tuple, str)):
        keys = plain_value if isinstance(plain_value, tuple) else (plain_value,)
        return ", ".join(_source_html(key, sources) for key in keys)
    if isinstance(plain_value, str) and _is_web(plain_value):
        return _link(plain_value, plain_value)
    return _escape(cell(value))


def _is_web(url: str) -> bool:
    """Whether ``url`` is a web address on one line (what a cell may link to)."""
    return url.startswith(_WEB) and url.isprintable()


def _source_html(key: object, sources: Mapping[str, Cited]) -> str:
    text = cell(key)
    found = sources.get(text)
    url = "" if found is None else found.url
    if found is None or not _is_web(url):
        return _escape(text)
    return _link(url, text, found.title)


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
        cited = cited_by_key(getattr(self, "sources", ()))  # a record's own sources, linked
        return html_table([self.to_record()], caption=repr(self), vertical=True, sources=cited)
