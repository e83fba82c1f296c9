"""Writing a generated docs page, or checking that the committed one is current.

Shared by ``gen_data_page.py`` and ``gen_cli_page.py``: ``python docs/gen_X.py`` writes the
page, ``--check`` prints a diff and returns 1 when the committed page is stale.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path


def write_or_check(page: Path, current: str, argv: list[str], *, made_from: str) -> int:
    """Write ``current`` to ``page``, or with ``--check`` in ``argv`` compare it (1: stale)."""
    name = f"docs/{page.relative_to(Path(__file__).resolve().parent).as_posix()}"
    if "--check" in argv:
        committed = page.read_text(encoding="utf-8") if page.exists() else ""
        if committed == current:
            return 0
        sys.stdout.writelines(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                current.splitlines(keepends=True),
                f"{name} (committed)",
                f"{name} ({made_from} now)",
            )
        )
        return 1
    page.write_text(current, encoding="utf-8")
    print(f"wrote {page}")
    return 0
