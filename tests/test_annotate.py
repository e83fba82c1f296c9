"""pfp.annotate: a whole frame in one call, equal row by row to status_of."""

from __future__ import annotations

import datetime
import warnings

import numpy as np
import pandas as pd
import polars as pl
import pytest

import pfp
from pfp import bulk

ORGS = tuple(org.key for org in pfp.organizations())


def _sample(size: int, seed: int) -> pd.DataFrame:
    """Names, ISO2/ISO3 codes and former names mixed, on days from 1900 to 2030."""
    rng = np.random.default_rng(seed)
    spellings = [
        spelling
        for country in pfp.countries()
        for spelling in (country.name, country.iso3)
        if spelling
    ]
    spellings += ["FYROM", "Macedonia", "Czechia", "GB", "Türkiye", "Turkey", "West Germany"]
    days = np.datetime64("1900-01-01") + rng.integers(0, 47_000, size)
    return pd.DataFrame(
        {"country": rng.choice(spellings, size), "date": days.astype("datetime64[ns]")},
        index=pd.Index(rng.permutation(size) * 7 + 3, name="row"),
    )


def _expected(frame: pd.DataFrame, org: str) -> list[str]:
    return [
        pfp.status_of(name, day.date(), org=org).value
        for name, day in zip(frame["country"], frame["date"], strict=True)
    ]


@pytest.mark.parametrize("dense", [True, False], ids=["day-table", "bisect"])
def test_every_org_equals_status_of_row_by_row(
    monkeypatch: pytest.MonkeyPatch, dense: bool
) -> None:
    """Every organisation's column equals status_of on each of 3,000 mixed rows, on both lookups."""
    if not dense:
        monkeypatch.setattr(bulk, "_DENSE_CELLS", 0)
        monkeypatch.setattr(bulk, "_NUMBERS", {})
    frame = _sample(3_000, seed=7)
    found = pfp.annotate(frame, orgs=ORGS)
    for org in ORGS:
        assert found[f"{org.lower()}_status"].astype(str).tolist() == _expected(frame, org), org


def test_polars_equals_pandas() -> None:
    """A Polars frame gets Enum columns with the same answers."""
    frame = _sample(2_000, seed=11)
    in_polars = pl.from_pandas(frame.reset_index(drop=True))
    found = pfp.annotate(in_polars, orgs=("PfP", "NATO", "CSTO"))
    assert isinstance(found, pl.DataFrame)
    assert found.columns == [
        "country",
        "date",
        "pfp_status",
        "nato_status",
        "csto_status",
        "beyond_data",
    ]
    assert found.get_column("nato_status").dtype == pl.Enum(bulk.STATUS_VALUES)
    for org in ("PfP", "NATO", "CSTO"):
        assert found.get_column(f"{org.lower()}_status").cast(pl.String).to_list() == _expected(
            frame, org
        )


def test_same_rows_same_order_same_index_input_unchanged() -> None:
    """The rows, their order and index stay; the input is not touched."""
    frame = _sample(500, seed=3)
    before = frame.copy(deep=True)
    found = pfp.annotate(frame, orgs=["NATO"])
    pd.testing.assert_frame_equal(frame, before)
    assert found.index.equals(frame.index)
    pd.testing.assert_frame_equal(found[["country", "date"]], frame)
    assert list(found.columns) == ["country", "date", "nato_status", "beyond_data"]
    assert isinstance(found["nato_status"].dtype, pd.CategoricalDtype)
    assert tuple(found["nato_status"].cat.categories) == bulk.STATUS_VALUES


@pytest.mark.parametrize("unit", ["D", "s", "ms", "us", "ns"])
def test_datetime64_of_any_unit_reads_the_day_and_ignores_the_time(unit: str) -> None:
    """Sweden joined NATO on 7 March 2024: a second either side of midnight decides."""
    days = np.array(["2024-03-06T23:59:59", "2024-03-07T00:00:01"], dtype=f"datetime64[{unit}]")
    frame = pd.DataFrame({"country": ["Sweden", "Sweden"], "date": days})
    expected = ["invited", "member"]
    assert pfp.annotate(frame, orgs="NATO")["nato_status"].astype(str).tolist() == expected


def test_a_zoned_timestamp_is_read_on_its_own_calendar_day() -> None:
    """A zoned time counts on the day as written, in bulk and per row."""
    # 23:30 on 6 March in Stockholm is already 7 March nowhere that matters: the day as written.
    day = pd.Series(pd.to_datetime(["2024-03-06 23:30"]).tz_localize("Europe/Stockholm"))
    frame = pd.DataFrame({"country": ["SWE"], "date": day})
    assert pfp.annotate(frame, orgs="NATO")["nato_status"].tolist() == ["invited"]
    assert pfp.status_of("SWE", day[0], org="NATO") is pfp.Status.INVITED


def test_mixed_objects_strings_dates_timestamps_and_nulls() -> None:
    """An object column may mix every accepted kind of day and nulls."""
    values = [
        "1994-05-09",
        datetime.date(1994, 5, 8),
        pd.Timestamp("1994-05-09 18:00"),
        np.datetime64("1994-05-08", "D"),
        None,
        pd.NaT,
        float("nan"),
    ]
    frame = pd.DataFrame(
        {"country": ["Sweden"] * len(values), "date": pd.Series(values, dtype=object)}
    )
    found = pfp.annotate(frame)["pfp_status"].tolist()
    assert found[:4] == ["member", "non_member", "member", "non_member"]
    assert all(pd.isna(value) for value in found[4:])


def test_a_null_country_or_day_gives_a_null_status_and_no_warning() -> None:
    """Nulls are not unknowns: a null status, silently."""
    frame = pd.DataFrame(
        {
            "country": ["Malta", None, "Malta"],
            "date": pd.to_datetime(["2000-01-01", "2000-01-01", None]),
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = pfp.annotate(frame)["pfp_status"]
    assert found.iloc[0] == "withdrawn"
    assert found.iloc[1:].isna().all()


def test_unknown_countries_are_null_with_one_warning_that_counts_them() -> None:
    """One warning names the distinct unknown values and counts their rows."""
    frame = pd.DataFrame(
        {
            "country": ["Narnia", "Malta", "Narnia", "Atlantis", "Congo"],
            "date": ["2000-01-01"] * 5,
        }
    )
    with pytest.warns(pfp.UnknownCountryWarning) as caught:
        found = pfp.annotate(frame)["pfp_status"]
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "3 distinct values" in message and "(4 rows)" in message
    assert "'Narnia'" in message and "'Atlantis'" in message and "'Congo'" in message
    assert found.iloc[1] == "withdrawn"
    assert found.iloc[[0, 2, 3, 4]].isna().all()


def test_unknown_raise_names_them() -> None:
    """unknown='raise' stops with the values named."""
    frame = pd.DataFrame({"country": ["Narnia", "Malta"], "date": ["2000-01-01"] * 2})
    with pytest.raises(pfp.UnknownCountryError, match="Narnia"):
        pfp.annotate(frame, unknown="raise")


def test_cow_numbers_are_read_as_held_on_each_rows_day() -> None:
    """A COW number names the state that held it on the row's day."""
    frame = pd.DataFrame(
        {
            "ccode": [260, 260, 255, 255, 265, 2],
            "year_end": pd.to_datetime(
                ["1980-12-31", "1991-12-31", "1995-12-31", "1980-12-31", "1980-12-31", "1950-12-31"]
            ),
        }
    )
    with pytest.warns(pfp.UnknownCountryWarning, match="2 distinct values"):
        found = pfp.annotate(frame, country="ccode", date="year_end", orgs="NATO", code="cow")
    statuses = found["nato_status"].astype(object).where(found["nato_status"].notna(), None)
    # 260 is West Germany to 1990-10-02; 255 is united Germany from 1990-10-03 (and 1816-1945);
    # 265, the GDR, never joined; 2 is the United States.
    assert statuses.tolist() == ["member", None, "member", None, "non_member", "member"]


def test_gw_numbers_too() -> None:
    """Gleditsch-Ward numbers: 345 is Yugoslavia/Serbia and Montenegro, 340 Serbia."""
    frame = pl.DataFrame(
        {"gw": [345, 340], "day": [datetime.date(1999, 1, 1), datetime.date(2007, 1, 1)]}
    )
    found = pfp.annotate(frame, country="gw", date="day", orgs="PfP", code="gw")
    assert found.get_column("pfp_status").cast(pl.String).to_list() == ["non_member", "member"]


def test_beyond_the_data_carry_null_raise() -> None:
    """A day after the review day: carried and flagged, left null, or refused."""
    as_of = pfp.organization("PfP").as_of
    assert as_of is not None
    later = as_of.add(days=1)
    frame = pd.DataFrame({"country": ["Malta", "Malta"], "date": [str(as_of), str(later)]})
    carried = pfp.annotate(frame)
    assert carried["pfp_status"].tolist() == ["member", "member"]
    assert carried["beyond_data"].tolist() == [False, True]
    nulled = pfp.annotate(frame, beyond="null")
    assert nulled["pfp_status"].iloc[0] == "member" and pd.isna(nulled["pfp_status"].iloc[1])
    with pytest.raises(pfp.BeyondDataError, match="1 rows"):
        pfp.annotate(frame, beyond="raise")


@pytest.mark.parametrize(
    ("call", "error", "says"),
    [
        (lambda f: pfp.annotate([1, 2]), pfp.InvalidArgumentError, "pandas or Polars DataFrame"),
        (
            lambda f: pfp.annotate(f, country="nation"),
            pfp.InvalidArgumentError,
            "no column 'nation'",
        ),
        (lambda f: pfp.annotate(f, orgs=("NATO", "WTO")), pfp.UnknownOrganizationError, "WTO"),
        (lambda f: pfp.annotate(f, orgs=()), pfp.InvalidArgumentError, "orgs is empty"),
        (lambda f: pfp.annotate(f, code="iso9"), pfp.InvalidArgumentError, "code must be one of"),
        (lambda f: pfp.annotate(f, unknown="drop"), pfp.InvalidArgumentError, "unknown must be"),
        (lambda f: pfp.annotate(f, beyond="later"), pfp.InvalidArgumentError, "beyond must be"),
        (lambda f: pfp.annotate(f, code="cow"), pfp.InvalidArgumentError, "whole numbers"),
        (
            lambda f: pfp.annotate(f.assign(pfp_status=1)),
            pfp.InvalidArgumentError,
            "already has pfp_status",
        ),
        (
            lambda f: pfp.annotate(f.assign(date=["1994-05-09", "soon"])),
            pfp.InvalidDateError,
            "'soon'",
        ),
        (
            lambda f: pfp.annotate(pl.from_pandas(f).lazy()),
            pfp.InvalidArgumentError,
            "collect",
        ),
    ],
)
def test_bad_input_gets_a_typed_error_saying_what_would_be_right(
    call: object, error: type[Exception], says: str
) -> None:
    """Each kind of bad input gets its own PfpError and a hint."""
    frame = pd.DataFrame({"country": ["Sweden", "Malta"], "date": ["1994-05-09", "1995-04-26"]})
    with pytest.raises(error, match=says):
        call(frame)  # type: ignore[operator]


def test_an_empty_frame_keeps_its_schema() -> None:
    """Zero rows (Dask's meta frame) give the same columns and dtypes."""
    empty = pd.DataFrame(
        {"country": pd.Series([], dtype=object), "date": pd.Series([], dtype="datetime64[ns]")}
    )
    found = pfp.annotate(empty, orgs=("PfP", "NATO"))
    assert list(found.columns) == ["country", "date", "pfp_status", "nato_status", "beyond_data"]
    assert len(found) == 0
    assert isinstance(found["pfp_status"].dtype, pd.CategoricalDtype)


def test_a_later_call_is_not_changed_by_what_a_caller_does_to_an_answer() -> None:
    """Editing a returned frame does not reach the compiled tables."""
    frame = pd.DataFrame({"country": ["Malta"], "date": ["2000-01-01"]})
    first = pfp.annotate(frame)
    first.loc[first.index[0], "pfp_status"] = "member"
    assert pfp.annotate(frame)["pfp_status"].tolist() == ["withdrawn"]


@pytest.mark.parametrize(
    "day",
    [
        pd.Timestamp("2024-03-07 23:00"),
        datetime.datetime(2024, 3, 7, 1, 2),
        np.datetime64("2024-03-07T10:00:00.000000000"),
        np.datetime64("2024-03-07", "D"),
        np.datetime64("2024-03-07T10:00", "m"),
    ],
    ids=["Timestamp", "datetime", "datetime64[ns]", "datetime64[D]", "datetime64[m]"],
)
@pytest.mark.parametrize("org", [None, "NATO", "nato", "EOP", "PfP"])
def test_per_row_days_of_every_kind_answer_as_the_engine(
    day: pfp.DateLike, org: str | None
) -> None:
    """The per-row fast paths answer as History.status_of for every day type and org."""
    engine = pfp.history().status_of("Sweden", "2024-03-07", org=org)
    assert pfp.status_of("Sweden", day, org=org) is engine
    assert pfp.status_of("SWE", day, org=org) is engine


def test_per_row_nat_and_unknown_orgs_still_raise() -> None:
    """NaT, a day past 9999 and an unknown org still raise on the fast path."""
    for day in (pd.NaT, np.datetime64("NaT", "ns"), np.datetime64("NaT")):
        with pytest.raises(pfp.InvalidDateError, match="NaT"):
            pfp.status_of("Sweden", day)
    with pytest.raises(pfp.UnknownOrganizationError):
        pfp.status_of("Sweden", "2024-03-07", org="WTO")
    with pytest.raises(pfp.InvalidDateError):
        pfp.status_of("Sweden", np.datetime64("12000-01-01", "D"))


def test_arrow_backed_and_object_date_columns_read_as_days() -> None:
    """Parquet's date32 as pandas reads it (objects, or Arrow with dtype_backend='pyarrow')."""
    pa = pytest.importorskip("pyarrow")
    days = [datetime.date(2024, 3, 7), None, datetime.date(2024, 3, 6), datetime.date(1, 1, 1)]
    expected = ["member", None, "invited", "not_a_state"]
    for column in (
        pd.Series(days, dtype=object),
        pd.Series(days, dtype=pd.ArrowDtype(pa.date32())),
    ):
        frame = pd.DataFrame({"country": ["SWE"] * 4, "date": column})
        found = pfp.annotate(frame, orgs="NATO")["nato_status"].tolist()
        assert [None if pd.isna(v) else v for v in found] == expected, column.dtype
    zoned = pd.Series(pd.to_datetime(["2024-03-06 23:30"]).tz_localize("Europe/Stockholm"))
    arrow = zoned.astype(pd.ArrowDtype(pa.timestamp("us", tz="Europe/Stockholm")))
    frame = pd.DataFrame({"country": ["SWE"], "date": arrow})
    assert pfp.annotate(frame, orgs="NATO")["nato_status"].tolist() == ["invited"]


def test_text_a_frame_cannot_hold_is_a_typed_error() -> None:
    """A lone surrogate (pyarrow-backed pandas strings and Polars refuse it) is bad input."""
    from pfp import rows  # noqa: PLC0415

    for make in (rows.to_dataframe, rows.polars_frame):
        with pytest.raises(pfp.InvalidArgumentError, match="not valid Unicode"):
            make([{"name": "\udc00"}], columns=["name"])
