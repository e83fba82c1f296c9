"""Bulk answers: rows per second of each route to a status column, all in one process.

    python benchmarks/bulk.py 1000000     # prints one JSON object (run.py tabulates it)

Each route answers the same question, the PfP (or NATO) status of each row of a frame of
(country, datetime64[ns] day) rows, names and ISO codes mixed. Every route is timed as the
best of a few runs after one untimed warm-up; the numpy floor is what a careful programmer
would write by hand over pfp's published change days (built before the clock starts, as
pfp's own tables are built by the warm-up).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import polars as pl

import pfp

ROUNDS = 7
"""Each round runs every route once (a burst of noise falls on all alike); best per route."""
APPLY_ROWS = 20_000
"""``df.apply`` runs over this many rows only (at ~0.15 M rows/s a full frame takes minutes)."""
LOOP_ROWS = 200_000
"""The per-row list comprehension runs over this many rows."""


def frame(rows: int, seed: int = 1994) -> pd.DataFrame:
    """``rows`` (country, day) rows: every state's name and ISO3 code, days 1990 to 2022."""
    rng = np.random.default_rng(seed)
    spellings = [c.name for c in pfp.countries()] + [c.iso3 for c in pfp.countries()]
    days = np.datetime64("1990-01-01") + rng.integers(0, 12_000, rows)
    return pd.DataFrame(
        {"country": rng.choice(spellings, rows), "date": days.astype("datetime64[ns]")}
    )


def numpy_floor(org: str | None = None) -> Callable[[pd.DataFrame], np.ndarray[Any, Any]]:
    """``factorize`` + one ``searchsorted`` over every state's change days, by hand."""
    history = pfp.history()
    runs = history.status_runs(org)
    number = {c.iso3: n for n, c in enumerate(history.countries())}
    by_spelling = {}
    for country in history.countries():
        for spelling in (country.name, country.iso3):
            by_spelling[spelling] = number[country.iso3]
    keys: list[int] = []
    values: list[int] = []
    codes = {status: k for k, status in enumerate(pfp.Status)}
    for iso3, state in number.items():
        days, statuses = runs[iso3][:2] if iso3 in runs else ((), (pfp.Status.NON_MEMBER,))
        keys += [state << 22, *((state << 22) | day for day in days)]
        values += [codes[status] for status in statuses]
    key_array, value_array = np.array(keys, dtype=np.int64), np.array(values, dtype=np.int8)

    def answer(data: pd.DataFrame) -> np.ndarray[Any, Any]:
        index, distinct = pd.factorize(data["country"])
        states = np.array([by_spelling[name] for name in distinct], dtype=np.int64)[index]
        days = data["date"].to_numpy().astype("datetime64[D]").view(np.int64) + 719_163
        found: np.ndarray[Any, Any] = value_array[
            np.searchsorted(key_array, (states << 22) | days, side="right") - 1
        ]
        return found

    return answer


def measure(rows: int) -> dict[str, float]:
    """Rows per second of every route over one frame of ``rows`` rows (best of ROUNDS)."""
    data = frame(rows)
    in_polars = pl.from_pandas(data)
    few = data.head(min(APPLY_ROWS, rows))
    some = data.head(min(LOOP_ROWS, rows))
    floor = numpy_floor()
    status_of = pfp.status_of
    routes: dict[str, tuple[Callable[[], object], int]] = {
        "numpy floor": (lambda: floor(data), rows),
        "annotate": (lambda: pfp.annotate(data), rows),
        "annotate, two orgs": (lambda: pfp.annotate(data, orgs=("PfP", "NATO")), rows),
        "annotate, Polars": (lambda: pfp.annotate(in_polars), rows),
        "list comprehension (Timestamps)": (
            lambda: [
                status_of(name, day)
                for name, day in zip(some["country"], some["date"], strict=True)
            ],
            len(some),
        ),
        "df.apply": (
            lambda: few.apply(lambda row: status_of(row.country, row.date), axis=1),
            len(few),
        ),
    }
    best = dict.fromkeys(routes, float("inf"))
    for route, _ in routes.values():
        route()  # untimed: pfp's tables are compiled, the caches warm
    for _ in range(ROUNDS):
        for name, (route, _) in routes.items():
            start = time.perf_counter()
            route()
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: count / best[name] for name, (_, count) in routes.items()}


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]))))
