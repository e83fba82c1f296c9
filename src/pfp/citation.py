r"""How to cite pfp and its sources: BibTeX entries and an APA reference, as plain strings.

Text only, no I/O: :func:`cite` is given the versions it names (``pfp.cite`` passes the
library's and the bundled data's), and :meth:`pfp.Source.bibtex` renders a source through
:func:`bibtex_entry`. Field values are escaped for BibTeX, except URLs, which BibTeX and biblatex
read verbatim.

>>> from pfp.citation import bibtex_entry
>>> print(bibtex_entry("misc", "a key, with commas", {"title": "A & B_1", "year": "1994"}))
@misc{a-key-with-commas,
  title = {A \& B\_1},
  year = {1994}
}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from pfp.errors import InvalidArgumentError, shown

__all__ = ["AUTHOR", "STYLES", "TITLE", "bibtex_entry", "bibtex_key", "cite", "escape"]

STYLES = ("apa", "bibtex")
"""The citation styles :func:`cite` writes."""

TITLE = "pfp: NATO's Partnership for Peace, day by day, every fact sourced"
"""The library's title, as ``CITATION.cff`` gives it."""

AUTHOR = "The pfp developers"
"""The library's author, as ``pyproject.toml`` and ``CITATION.cff`` name it."""

DISTRIBUTION = "nato-pfp"
"""The library's distribution name (it imports as ``pfp``)."""

_SPECIAL = re.compile(r"[\\{}$&%#_~^]")
_ESCAPED = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_NOT_IN_KEY = re.compile(r"[^A-Za-z0-9_:.+/-]+")
_VERBATIM = frozenset({"url"})
"""Fields written as they are (BibTeX and biblatex read a URL verbatim)."""


def escape(text: str) -> str:
    r"""``text`` with BibTeX's special characters escaped, so that LaTeX prints them as written.

    >>> from pfp.citation import escape
    >>> print(escape("Trade & Development_Report #3, 100% ~ {x}"))
    Trade \& Development\_Report \#3, 100\% \textasciitilde{} \{x\}
    """
    return _SPECIAL.sub(lambda found: _ESCAPED[found.group()], text)


def bibtex_key(text: str) -> str:
    """``text`` made a valid BibTeX key: other characters than letters, digits and ``_:.+/-`` go.

    Each run of them becomes one ``-``:

    >>> from pfp.citation import bibtex_key
    >>> bibtex_key("nato-pr-2002-022"), bibtex_key("Mé {key}, 2")
    ('nato-pr-2002-022', 'M-key-2')

    Raises:
        InvalidArgumentError: for a key with no letter or digit at all.

    """
    key = _NOT_IN_KEY.sub("-", text).strip("-")
    if not key:
        raise InvalidArgumentError(f"a BibTeX key needs a letter or digit; {shown(text)} has none")
    return key


def bibtex_entry(
    kind: str, key: str, fields: Mapping[str, str], *, protect: Iterable[str] = ()
) -> str:
    """One BibTeX entry: ``@kind{key, field = {value}, ...}``, values escaped, empty ones left out.

    A ``month`` is written bare (``month = aug``, BibTeX's own month macros); a field named in
    ``protect`` gets a second pair of braces, so that BibTeX neither splits a group's name into
    first and last names nor changes its case.

    >>> from pfp.citation import bibtex_entry
    >>> print(bibtex_entry("misc", "x", {"title": "T", "note": "", "month": "aug"}))
    @misc{x,
      title = {T},
      month = aug
    }
    """
    braced = frozenset(protect)
    lines = []
    for name, value in fields.items():
        if not value:
            continue
        if name == "month":
            lines.append(f"  month = {value}")
            continue
        text = value if name in _VERBATIM else escape(value)
        if name in braced:
            text = f"{{{text}}}"
        lines.append(f"  {name} = {{{text}}}")
    return f"@{kind}{{{bibtex_key(key)},\n" + ",\n".join(lines) + "\n}"


def _style(style: object) -> str:
    if not isinstance(style, str) or style.lower() not in STYLES:
        raise InvalidArgumentError(
            f"no citation style {shown(style)}; choose one of: {', '.join(STYLES)}"
        )
    return style.lower()


def cite(style: str, *, version: str, data_version: str | None, data_as_of: object) -> str:
    """The citation of pfp ``version`` and its data in ``style`` (see :data:`STYLES`).

    The data is named by ``data_version`` and the day it is complete to, ``data_as_of``:

    >>> from pfp.citation import cite
    >>> print(cite("apa", version="1.0", data_version="2026.1", data_as_of="2025-12-31"))
    ... # doctest: +NORMALIZE_WHITESPACE
    The pfp developers. (n.d.). pfp: NATO's Partnership for Peace, day by day, every fact
    sourced (Version 1.0; data version 2026.1, complete to 2025-12-31) [Computer software].
    Python package nato-pfp.

    Raises:
        InvalidArgumentError: for a style not in :data:`STYLES`, naming those that are.

    """
    chosen = _style(style)
    data = f"data version {data_version or 'unversioned'}, complete to {data_as_of}"
    if chosen == "apa":
        return (
            f"{AUTHOR}. (n.d.). {TITLE} (Version {version}; {data}) [Computer software]. "
            f"Python package {DISTRIBUTION}."
        )
    return bibtex_entry(
        "misc",
        f"{DISTRIBUTION}-{version}",
        {
            "author": AUTHOR,
            "title": TITLE,
            "howpublished": f"Python package {DISTRIBUTION} (imported as pfp)",
            "version": version,
            "note": f"{data[:1].upper()}{data[1:]}. License: MIT",
        },
        protect=("author",),
    )
