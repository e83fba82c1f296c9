"""The recipes of docs/bulk.md, run as written on a Parquet file, answer as status_of does."""

from __future__ import annotations

import datetime
import re
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import pfp
import pfp.tables

PAGE = Path(__file__).resolve().parents[1] / "docs" / "bulk.md"
RECIPE = re.compile(r'```python title="(?P<title>[a-z_]+\.py)"\n(?P<code>.*?)\n```', re.S)
RECIPES = {match["title"]: match["code"] for match in RECIPE.finditer(PAGE.read_text("utf-8"))}
ROWS = 4_000


def test_the_page_has_every_recipe_the_issue_names() -> None:
    """DuckDB (a range join and an ASOF join), Polars, Dask and Spark."""
    assert set(RECIPES) == {
        "duckdb_range_join.py",
        "duckdb_asof_join.py",
        "polars_join_asof.py",
        "dask_map_partitions.py",
        "spark_range_join.py",
    }


@pytest.fixture(scope="module")
def events_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A Parquet file of (row, iso3, date) events: every ISO-coded state, days 1900 to 2030."""
    rng = np.random.default_rng(2026)
    keys = sorted(set(pfp.tables.intervals(orgs=["PfP"], system="iso")["iso3"]))
    days = np.datetime64("1900-01-01") + rng.integers(0, 47_000, ROWS)
    frame = pd.DataFrame(
        {
            "row": np.arange(ROWS),
            "iso3": rng.choice(keys, ROWS),
            "date": pd.Series(days.astype("datetime64[D]").astype(object)).map(
                lambda day: day  # datetime.date objects: Parquet's date32
            ),
        }
    )
    path = tmp_path_factory.mktemp("recipes") / "events.parquet"
    frame.to_parquet(path, index=False)
    return str(path)


def _run(title: str, events_path: str) -> pd.DataFrame:
    namespace: dict[str, Any] = {"events_path": events_path}
    exec(compile(RECIPES[title], title, "exec"), namespace)
    found = namespace["annotated"]
    if not isinstance(found, pd.DataFrame):  # Polars
        found = found.to_pandas()
    return found.reset_index(drop=True)


def _check(found: pd.DataFrame, orgs: tuple[str, ...]) -> None:
    assert found["row"].tolist() == list(range(ROWS)), "the recipe kept every row, in order"
    for org in orgs:
        column = found[f"{org.lower()}_status"].astype(str).tolist()
        for row in range(0, ROWS, 7):  # a sample of 572 rows
            day = found["date"].iloc[row]
            day = day if isinstance(day, datetime.date) else pd.Timestamp(day).date()
            expected = pfp.status_of(found["iso3"].iloc[row], day, org=org).value
            assert column[row] == expected, (org, found.iloc[row].to_dict())


def test_duckdb_range_join(events_path: str) -> None:
    """Two range joins from the Parquet file, PfP and NATO."""
    pytest.importorskip("duckdb")
    _check(_run("duckdb_range_join.py", events_path), ("PfP", "NATO"))


def test_duckdb_asof_join(events_path: str) -> None:
    """An ASOF join on the periods' starts."""
    pytest.importorskip("duckdb")
    _check(_run("duckdb_asof_join.py", events_path), ("PfP",))


def test_polars_join_asof(events_path: str) -> None:
    """A lazy Polars scan joined as of each row's day."""
    pytest.importorskip("polars")
    _check(_run("polars_join_asof.py", events_path), ("PfP",))


def test_dask_map_partitions_on_a_local_cluster_of_two_worker_processes(events_path: str) -> None:
    """pfp.annotate on each partition, in two worker processes: no pfp warning."""
    pytest.importorskip("dask.distributed")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = _run("dask_map_partitions.py", events_path)
    assert not [w for w in caught if issubclass(w.category, pfp.UnknownCountryWarning)]
    _check(found, ("PfP", "NATO"))


def test_spark_range_join(events_path: str) -> None:
    """Spark SQL's range join, where pyspark is installed (it is not in the test extra).

    PySpark 4.3 warns about pandas 3 (and pandas about PySpark's calls): its warnings, not pfp's.
    """
    pytest.importorskip("pyspark")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = _run("spark_range_join.py", events_path)
    _check(found, ("PfP",))
