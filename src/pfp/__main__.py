"""``python -m pfp``: the command line (see :mod:`pfp.cli`, or ``python -m pfp --help``)."""

from __future__ import annotations

from pfp.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
