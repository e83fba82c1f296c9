"""The dyad-year benchmark: ``pfp.tables.dyad_year_panel`` over the COW system, 1949-2024.

One fresh process per measure, so that the memory figures are the build's own::

    python benchmarks/dyads.py            # COW 1949-2024, every organisation
    python benchmarks/dyads.py 1990 1995  # other years

prints one JSON object: the rows, the build time in a fresh process (data loaded, pandas
imported: what a user's first call costs), the time of a second build, the peak of memory
allocated while building (``tracemalloc``, in a second pass: it slows what it watches) and the
process's peak resident set. ``benchmarks/run.py`` runs it and prints the table; the issue's
target is a build in at most 10 s and 2 GiB.
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from collections.abc import Sequence
from typing import Any

if sys.platform != "win32":
    import resource

START, END = 1949, 2024


def _peak_rss_mib() -> float | None:
    """The process's peak resident set size so far, in MiB (None where not known)."""
    if sys.platform == "win32":
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (peak if sys.platform == "darwin" else peak * 1024) / 2**20


def measure(start_year: int, end_year: int) -> dict[str, Any]:
    """Build the panel four times: cold, under tracemalloc, warm, and with ``on="any"``."""
    began = time.perf_counter()
    from pfp import tables  # noqa: PLC0415 - timed: a fresh process's first call includes it

    panel = tables.dyad_year_panel(start_year, end_year)
    cold = time.perf_counter() - began
    rows, columns = panel.shape
    del panel
    tracemalloc.start()
    tables.dyad_year_panel(start_year, end_year)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    began = time.perf_counter()
    tables.dyad_year_panel(start_year, end_year)
    warm = time.perf_counter() - began
    began = time.perf_counter()
    tables.dyad_year_panel(start_year, end_year, on="any")
    anyday = time.perf_counter() - began
    return {
        "years": f"{start_year}-{end_year}",
        "rows": rows,
        "columns": columns,
        "cold_s": cold,
        "warm_s": warm,
        "any_day_s": anyday,
        "traced_peak_mib": peak,
        "rss_peak_mib": _peak_rss_mib(),
    }


def main(argv: Sequence[str]) -> int:
    """Measure the years given on the command line (default 1949-2024), print JSON."""
    if argv and (len(argv) != 2 or not all(a.isdigit() for a in argv)):
        print("usage: python benchmarks/dyads.py [START_YEAR END_YEAR]", file=sys.stderr)
        return 2
    first, last = (int(argv[0]), int(argv[1])) if argv else (START, END)
    print(json.dumps(measure(first, last)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
