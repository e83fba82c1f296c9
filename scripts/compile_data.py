"""Remake ``src/pfp/_data/checked.marshal``, the bundled data checked ahead of time.

Run from the repository root after any change to a file of ``src/pfp/_data``::

    python scripts/compile_data.py          # rewrite it
    python scripts/compile_data.py --check  # exit 1 if it is stale

The CSV files are read and validated in full (as ``pfp check`` does) and replayed by the
engine; ``tests/test_load_compiled.py`` fails while the shipped file differs from what this
writes, and pfp never reads a stale one (it reads the CSV files instead).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from pfp._bundled import COMMAND, compile_bundled
from pfp._load_compiled import FILE

DATA = Path(__file__).resolve().parents[1] / "src" / "pfp" / "_data"


def main(argv: Sequence[str]) -> int:
    """Write the compiled form, or with ``--check`` say whether it is stale."""
    made = compile_bundled(lambda name: (DATA / name).read_bytes())
    target = DATA / FILE
    current = target.read_bytes() if target.exists() else b""
    if "--check" in argv:
        if made != current:
            print(f"{target} is stale; run `{COMMAND}`")
            return 1
        return 0
    if made != current:
        target.write_bytes(made)
        print(f"wrote {target} ({len(made):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
