"""The "Joining onto big data" recipes on many rows, against pfp.annotate on the same rows.

    python benchmarks/recipes.py 10000000     # prints a Markdown table (docs/bulk.md shows it)

Each route answers the PfP status of every row of a Parquet file of (row, iso3, date) events,
read from disk by the route itself; best of ROUNDS, after one untimed warm-up.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import polars as pl

import pfp
import pfp.tables

ROUNDS = 3


def write_events(rows: int, folder: Path) -> Path:
    """``rows`` events over the ISO system's states, days from 1900 to 2030, as Parquet."""
    rng = np.random.default_rng(1994)
    keys = sorted(set(pfp.tables.intervals(orgs=["PfP"], system="iso")["iso3"]))
    days = (np.datetime64("1900-01-01") + rng.integers(0, 47_000, rows)).astype("datetime64[D]")
    path = folder / "events.parquet"
    pl.DataFrame(
        {"row": np.arange(rows), "iso3": rng.choice(keys, rows), "date": days}
    ).write_parquet(path)
    return path


def routes(path: Path) -> dict[str, Callable[[], object]]:
    """Each route, reading ``path`` itself."""
    arrow = pfp.tables.intervals(orgs=["PfP"], system="iso", backend="arrow")
    periods = pfp.tables.intervals(orgs=["PfP"], system="iso", backend="polars")
    starts = periods.lazy().select("iso3", "start", pl.col("status").alias("pfp_status"))

    def duckdb_range() -> object:
        con = duckdb.connect()
        con.register("periods", arrow)
        return con.sql(
            f"""SELECT e.*, p.status AS pfp_status FROM read_parquet('{path}') AS e
            LEFT JOIN periods AS p ON p.iso3 = e.iso3 AND e.date >= p.start AND e.date < p."end"
            """
        ).to_arrow_table()

    def duckdb_asof() -> object:
        con = duckdb.connect()
        con.register("periods", arrow)
        return con.sql(
            f"""SELECT e.*, p.status AS pfp_status FROM read_parquet('{path}') AS e
            ASOF LEFT JOIN periods AS p ON p.iso3 = e.iso3 AND e.date >= p.start"""
        ).to_arrow_table()

    def polars_asof() -> object:
        return (
            pl.scan_parquet(path)
            .sort("date")
            .join_asof(starts.sort("start"), left_on="date", right_on="start", by="iso3")
            .collect()
        )

    in_memory = pd.read_parquet(path)
    return {
        "pfp.annotate (pandas frame in memory)": lambda: pfp.annotate(in_memory, country="iso3"),
        "pfp.annotate (pandas, read_parquet)": lambda: pfp.annotate(
            pd.read_parquet(path), country="iso3"
        ),
        "pfp.annotate (Polars, read_parquet)": lambda: pfp.annotate(
            pl.read_parquet(path), country="iso3"
        ),
        "DuckDB range join (unordered)": duckdb_range,
        "DuckDB ASOF JOIN (unordered)": duckdb_asof,
        "Polars join_asof (sorted by day)": polars_asof,
    }


def main(rows: int) -> None:
    """Print the table of rows/s of every route."""
    with tempfile.TemporaryDirectory() as folder:
        path = write_events(rows, Path(folder))
        found = routes(path)
        best = dict.fromkeys(found, float("inf"))
        for route in found.values():
            route()
        for _ in range(ROUNDS):
            for name, route in found.items():
                start = time.perf_counter()
                route()
                best[name] = min(best[name], time.perf_counter() - start)
    base = rows / best["pfp.annotate (pandas, read_parquet)"]
    print(f"| route ({rows:,} rows, from Parquet) | rows/s | ÷ annotate (pandas) |")
    print("|---|---:|---:|")
    for name, seconds in best.items():
        speed = rows / seconds
        print(f"| {name} | {speed / 1e6:.1f} M | {speed / base:.2f}x |")


if __name__ == "__main__":
    main(int(sys.argv[1]))
