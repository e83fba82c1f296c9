"""Prepare pfp's docstrings for the API reference: doctests as code, Sphinx roles as links.

pfp's docstrings put a runnable example right after the summary line, not under an
``Examples:`` heading, so the Google-style parser would hand them to Markdown as text (where
``>>>`` reads as nested block quotes). This griffe extension, loaded by ``mkdocs.yml``, wraps
each unindented run of ``>>>`` lines and their expected output in a ``pycon`` code fence before
the docstring is parsed.

The docstrings also name other objects with Sphinx roles (``:class:`~pfp.Country```,
``:func:`roster_records```), which read well in ``help()`` but are raw text to Markdown. Once
the package is loaded, each role becomes an autorefs cross-reference to the object it names,
resolved from the docstring's own scope (``[`Country`][pfp.model.Country]``); a role naming an
object the reference does not document (a private helper) becomes plain code. An attrs
field shows its default, not its ``attrs.field(...)`` call. griffe is imported only when the
docs are built.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

PUBLIC_MODULES = ("pfp", "pfp.tables", "pfp.panels", "pfp.plot", "pfp.cli", "pfp.errors")
"""The modules whose exported names (``__all__``) the API reference documents."""

_ROLE = re.compile(r":(?:py:)?(?:class|meth|func|attr|mod|data|exc|obj|const):`([~!]?)([^`]+)`")


def fence_doctests(text: str) -> str:
    r"""Wrap every unindented doctest block of ``text`` in a ``pycon`` fence.

    >>> fence_doctests("Summary.\n\n>>> 1 + 1\n2\n\nMore.").splitlines()
    ['Summary.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'More.']
    """
    out: list[str] = []
    in_block = False
    for line in text.splitlines():
        if not in_block and line.startswith(">>>"):
            out.append("```pycon")
            in_block = True
        elif in_block and not line.strip():
            out.append("```")
            in_block = False
        out.append(line)
    if in_block:
        out.append("```")
    return "\n".join(out)


def crossrefs(text: str, link: Callable[[str], str | None]) -> str:
    """Replace each Sphinx role of ``text`` by a cross-reference, or by code where none links.

    ``link`` maps a role's target as written to the identifier to link to (None: no link). A
    ``~`` shows the last part of the name only, as in Sphinx.

    >>> known = {"pfp.Country": "pfp.model.Country", "History": "pfp.engine.History"}
    >>> crossrefs("A :class:`~pfp.Country` or :class:`History`.", known.get)
    'A [`Country`][pfp.model.Country] or [`History`][pfp.engine.History].'
    >>> crossrefs("See :func:`_merged`.", known.get)
    'See `_merged`.'
    """

    def replace(match: re.Match[str]) -> str:
        short, target = match[1] == "~", match[2].strip()
        shown = target.rsplit(".", 1)[-1] if short else target
        identifier = link(target)
        return f"`{shown}`" if identifier is None else f"[`{shown}`][{identifier}]"

    return _ROLE.sub(replace, text)


def _objects(obj: Any) -> Iterator[Any]:
    """``obj`` and every object defined in it, at any depth (aliases are not followed)."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _objects(member)


def _documented(collection: Any) -> set[str]:
    """The canonical paths of the objects the reference shows.

    Every export of the public modules, and the public members of classes that have a docstring.
    """
    found: set[str] = set()

    def add(obj: Any) -> None:
        if obj.canonical_path in found:
            return
        found.add(obj.canonical_path)
        if obj.is_class:
            for name, member in obj.members.items():
                if not name.startswith("_") and not member.is_alias and member.docstring:
                    add(member)

    for module in PUBLIC_MODULES:
        exported = collection[module]
        for name in exported.exports or ():
            add(exported[str(name)])
    return found


def _linker(obj: Any, collection: Any, documented: set[str]) -> Callable[[str], str | None]:
    """Resolve a role's target from ``obj``'s scope to a documented canonical path."""

    def link(target: str) -> str | None:
        head, _, rest = target.partition(".")
        try:
            if head == "pfp":
                found = collection[target]
            else:
                base = obj.resolve(head)
                found = collection[f"{base}.{rest}" if rest else base]
            path = str(found.canonical_path)
        except Exception:  # griffe's KeyError, NameResolutionError, AliasResolutionError
            return None
        return path if path in documented else None

    return link


def _field_default(value: Any) -> Any:
    """An ``attrs.field(...)`` value as the reader needs it: its default, or nothing."""
    function = getattr(value, "function", None)
    if function is None or str(function) not in ("attrs.field", "field", "attr.ib"):
        return value
    for argument in value.arguments:
        if getattr(argument, "name", None) == "default":
            made = getattr(argument.value, "function", None)  # attrs.Factory(...): computed
            return None if made is not None and "Factory" in str(made) else argument.value
    return None


def extension(**options: Any) -> Any:
    """The griffe extension instance (``mkdocs.yml``: ``docs/griffe_doctests.py:extension``)."""
    import griffe  # noqa: PLC0415 - only the docs build has griffe installed

    class PrepareDocstrings(griffe.Extension):
        def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
            if obj.docstring is not None:
                obj.docstring.value = fence_doctests(obj.docstring.value)

        def on_package(self, *, pkg: griffe.Module, loader: Any, **kwargs: Any) -> None:
            collection = loader.modules_collection
            documented = _documented(collection)
            for obj in _objects(pkg):
                if obj.is_attribute and obj.value is not None:  # not its converter and flags
                    obj.value = _field_default(obj.value)
                if obj.docstring is not None:
                    scope = obj if obj.is_module or obj.is_class else obj.parent
                    link = _linker(scope, collection, documented)
                    obj.docstring.value = crossrefs(obj.docstring.value, link)

    return PrepareDocstrings(**options)
