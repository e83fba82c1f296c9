"""Show the ``>>>`` examples of pfp's docstrings as code in the API reference.

pfp's docstrings put a runnable example right after the summary line, not under an
``Examples:`` heading, so the Google-style parser would hand them to Markdown as text (where
``>>>`` reads as nested block quotes). This griffe extension, loaded by ``mkdocs.yml``, wraps
each unindented run of ``>>>`` lines and their expected output in a ``pycon`` code fence before
the docstring is parsed. griffe is imported only when the docs are built.
"""

from __future__ import annotations

from typing import Any


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


def extension(**options: Any) -> Any:
    """The griffe extension instance (``mkdocs.yml``: ``docs/griffe_doctests.py:extension``)."""
    import griffe  # noqa: PLC0415 - only the docs build has griffe installed

    class FenceDoctests(griffe.Extension):
        def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
            if obj.docstring is not None:
                obj.docstring.value = fence_doctests(obj.docstring.value)

    return FenceDoctests(**options)
