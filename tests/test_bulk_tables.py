"""Bulk tables: joint memberships, the dyad-year panel, the intervals table and Polars frames."""

from __future__ import annotations

import datetime
import functools
import itertools
import math
import sys
from collections.abc import Callable
from typing import Any

import pytest

import pfp
from pfp import panels, tables

ON_ROSTER = {"member", "suspended"}
"""The statuses that put a state on an organisation's roster (as members_at counts them)."""
ORGS = tuple(org.key for org in pfp.organizations())


@functools.cache
def pandas() -> Any:
    """The pandas module, or skip the test when it is not installed."""
    return pytest.importorskip("pandas")


def polars() -> Any:
    """The polars module, or skip the test when it is not installed."""
    return pytest.importorskip("polars")


def _plain(value: Any) -> Any:
    """A cell of a pandas or Polars frame as a comparable Python value (null as None)."""
    if value is None:
        return None
    pd = pandas()
    if value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, datetime.datetime):
        return value.date()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _pandas_rows(frame: Any) -> list[tuple[Any, ...]]:
    return [tuple(_plain(v) for v in row) for row in frame.itertuples(index=False)]


def _polars_rows(frame: Any) -> list[tuple[Any, ...]]:
    return [tuple(_plain(v) for v in row) for row in frame.iter_rows()]


# -- joint memberships ------------------------------------------------------------------------


def test_joint_memberships_are_exported_with_the_public_names() -> None:
    """``pfp.joint_memberships`` is public, and MissingExtraError with the other errors."""
    assert "joint_memberships" in pfp.__all__
    assert "MissingExtraError" in pfp.__all__
    assert issubclass(pfp.MissingExtraError, pfp.PfpError)
    assert issubclass(pfp.MissingExtraError, ImportError)


@pytest.mark.parametrize(
    ("a", "b", "day", "expected"),
    [
        ("United States", "United Kingdom", "1950-12-31", ("NATO",)),
        ("Sweden", "Finland", "2022-12-31", ("EAPC", "EOP", "EU", "PfP")),
        ("Sweden", "Finland", "2023-12-31", ("EAPC", "EU")),  # Finland: NATO, 4 April 2023
        ("Sweden", "Finland", "2024-12-31", ("EAPC", "EU", "NATO")),  # Sweden: 7 March 2024
        ("Russia", "Belarus", "2022-01-01", ("CSTO", "EAPC", "PfP")),  # suspended partners
        ("Malta", "Austria", "2000-01-01", ()),  # Malta left the PfP (and EAPC) in 1996
        ("Malta", "Austria", "2010-01-01", ("EAPC", "EU", "PfP")),  # back since 2008
        ("GDR", "Poland", "1995-01-01", ()),  # the GDR had ceased
    ],
)
def test_joint_memberships_known_facts(a: str, b: str, day: str, expected: tuple[str, ...]) -> None:
    """Both states on each organisation's roster that day, and no other organisation."""
    assert pfp.joint_memberships(a, b, day) == expected
    assert pfp.joint_memberships(b, a, day) == expected


@pytest.mark.parametrize(
    "day", ["1955-05-06", "1994-08-03", "1997-05-29", "2014-04-01", "2024-03-07"]
)
def test_joint_memberships_are_the_intersection_of_the_rosters(day: str) -> None:
    """An organisation is joint exactly when both states are in ``members_at(day, org=...)``."""
    rosters = {org: pfp.members_at(day, org=org) for org in ORGS}
    states = ["Sweden", "Finland", "Russia", "Belarus", "Germany", "Ukraine", "Malta", "Turkey"]
    for a, b in itertools.combinations(states, 2):
        expected = tuple(sorted(o for o in ORGS if a in rosters[o] and b in rosters[o]))
        assert pfp.joint_memberships(a, b, day) == expected, (a, b)


def test_joint_memberships_refuse_an_unknown_state_and_a_bad_day() -> None:
    """A name no state bears raises UnknownCountryError with suggestions; a bad day, its error."""
    with pytest.raises(pfp.UnknownCountryError) as found:
        pfp.joint_memberships("Swedn", "Finland", "2024-01-01")
    assert found.value.suggestions[0].name == "Sweden"
    with pytest.raises(pfp.InvalidDateError):
        pfp.joint_memberships("Sweden", "Finland", "31/12/2024")


# -- the dyad-year panel ----------------------------------------------------------------------


def _pairs(panel: Any, one: str, two: str, year: int) -> dict[tuple[Any, Any], Any]:
    rows = panel[panel["year"] == year]
    return {(a, b): row for a, b, row in zip(rows[one], rows[two], rows.itertuples(), strict=True)}


def test_dyad_year_panel_nato_facts() -> None:
    """US-UK in NATO together in 1950; Finland-Sweden not at the end of 2023, but in 2024."""
    pandas()
    panel = tables.dyad_year_panel(1950, 2024, orgs=["NATO"])
    assert list(panel.columns) == ["ccode1", "ccode2", "year", "nato_both"]
    usa_uk = panel[(panel["ccode1"] == 2) & (panel["ccode2"] == 200)]
    assert usa_uk["nato_both"].all() and len(usa_uk) == 75
    nordic = panel[(panel["ccode1"] == 375) & (panel["ccode2"] == 380)].set_index("year")
    assert not nordic.loc[2023, "nato_both"]
    assert nordic.loc[2024, "nato_both"]
    assert panel.attrs["data_version"] == pfp.DATA_VERSION
    assert (panel.attrs["system"], panel.attrs["on"], panel.attrs["directed"]) == (
        "cow",
        "year_end",
        False,
    )


@pytest.mark.parametrize(
    ("system", "year"), [("cow", 1990), ("cow", 2006), ("gw", 1991), ("iso", 1997)]
)
def test_dyad_year_panel_is_every_pair_of_the_state_year_panel(system: str, year: int) -> None:
    """One row per pair of the year's state-years, flags from each one's year-end status."""
    pandas()
    states = tables.country_year_panel(year, year, system=system, orgs=list(ORGS))
    key = {"cow": "cow_code", "gw": "gw_code", "iso": "iso3"}[system]
    status = {
        str(code) if system == "iso" else int(code): row
        for code, row in zip(states[key], states.to_dict("records"), strict=True)
    }
    panel = tables.dyad_year_panel(year, year, system=system)
    one, two = {"cow": ("ccode1", "ccode2"), "gw": ("gwcode1", "gwcode2")}.get(
        system, ("iso3_1", "iso3_2")
    )
    expected_pairs = set(itertools.combinations(sorted(status), 2))
    found = list(zip(panel[one].tolist(), panel[two].tolist(), strict=True))
    assert len(found) == len(expected_pairs) == len(status) * (len(status) - 1) // 2
    assert set(found) == expected_pairs
    assert found == sorted(found)
    for org in ORGS:
        column = f"{org.lower()}_both"
        member = {code: row[f"{org.lower()}_status"] in ON_ROSTER for code, row in status.items()}
        expected = [member[a] and member[b] for a, b in found]
        assert panel[column].tolist() == expected, org


def test_dyad_year_panel_directed_has_both_orders() -> None:
    """``directed=True``: each pair twice, in both orders, with the same flags."""
    pandas()
    once = tables.dyad_year_panel(2004, 2004, orgs=["NATO", "PfP"])
    twice = tables.dyad_year_panel(2004, 2004, orgs=["NATO", "PfP"], directed=True)
    assert len(twice) == 2 * len(once)
    flags = {
        (a, b): (n, p)
        for a, b, n, p in twice[["ccode1", "ccode2", "nato_both", "pfp_both"]].values.tolist()
    }
    for a, b, n, p in once[["ccode1", "ccode2", "nato_both", "pfp_both"]].values.tolist():
        assert a < b
        assert flags[a, b] == flags[b, a] == (n, p)
    assert not any(a == b for a, b in flags)


def test_dyad_year_panel_keys_by_system() -> None:
    """The key columns and their types follow peacesciencer's names for each system."""
    pd = pandas()
    gw = tables.dyad_year_panel(2000, 2000, orgs="NATO", system="gw")
    assert list(gw.columns) == ["gwcode1", "gwcode2", "year", "nato_both"]
    assert str(gw["gwcode1"].dtype) == "int64"
    iso = tables.dyad_year_panel(2000, 2000, orgs="NATO", system="iso")
    assert list(iso.columns) == ["iso3_1", "iso3_2", "year", "nato_both"]
    assert pd.api.types.is_string_dtype(iso["iso3_1"])
    assert ((iso["iso3_1"] == "SWE") & (iso["iso3_2"] == "USA")).sum() == 1


def _on_roster_day(state: pfp.Country, org: str, day: datetime.date) -> bool:
    return pfp.status_of(state, day, org=org).value in ON_ROSTER


def test_dyad_year_panel_on_any_day_against_a_day_by_day_replay() -> None:
    """``on="any"``: a common day of the year on both rosters, each within its days in COW."""
    pandas()
    year = 1990
    panel = tables.dyad_year_panel(year, year, orgs=["NATO", "PfP"], on="any")
    ends = tables.dyad_year_panel(year, year, orgs=["NATO", "PfP"])
    codes = {255: "Germany", 260: "Germany", 265: "GDR", 2: "United States", 290: "Poland"}
    spans = {255: ("1990-10-03", "1990-12-31"), 260: ("1990-01-01", "1990-10-02")}
    spans[265] = ("1990-01-01", "1990-10-02")
    days = [datetime.date(year, 1, 1) + datetime.timedelta(n) for n in range(365)]
    for a, b in itertools.combinations(sorted(codes), 2):
        row = panel[(panel["ccode1"] == a) & (panel["ccode2"] == b)]
        assert len(row) == 1

        def alive(code: int, day: datetime.date) -> bool:
            low, high = spans.get(code, ("1990-01-01", "1990-12-31"))
            return low <= day.isoformat() <= high

        expected = any(
            alive(a, day)
            and alive(b, day)
            and _on_roster_day(pfp.country(codes[a]), "NATO", day)
            and _on_roster_day(pfp.country(codes[b]), "NATO", day)
            for day in days
        )
        assert bool(row["nato_both"].iloc[0]) is expected, (a, b)
    # West Germany (260) and Germany (255) never coexisted, though both were NATO at year's end.
    pair = (ends["ccode1"] == 255) & (ends["ccode2"] == 260)
    assert ends[pair]["nato_both"].item() and not panel[pair.to_numpy()]["nato_both"].item()


@pytest.mark.parametrize(
    ("year", "org"), [(1990, "NATO"), (1994, "PfP"), (1997, "NACC"), (1991, "NACC"), (2014, "PfP")]
)
def test_dyad_year_panel_on_any_day_equals_the_daily_rosters(year: int, org: str) -> None:
    """``on="any"`` flags exactly the pairs found together on some day's roster, each state
    on a day it held its code (1991: the Soviet Union's 365 passed to Russia on 26 December).
    """
    pandas()
    holders = tables.country_year_panel(year, year, system="cow", orgs=[org])
    holder = dict(zip(holders["cow_code"].tolist(), holders["iso3"].tolist(), strict=True))
    states = {code: pfp.country(iso3) for code, iso3 in holder.items()}
    expected: set[tuple[int, int]] = set()
    day = datetime.date(year, 1, 1)
    while day.year == year:
        roster = pfp.members_at(day, org=org)
        here = sorted(c for c, s in states.items() if s in roster and s.cow_code_at(day) == c)
        expected.update(itertools.combinations(here, 2))
        day += datetime.timedelta(days=1)
    panel = tables.dyad_year_panel(year, year, orgs=[org], on="any")
    flagged = panel[panel[f"{org.lower()}_both"]]
    assert set(zip(flagged["ccode1"].tolist(), flagged["ccode2"].tolist(), strict=True)) == expected
    assert expected  # the year has joint members


def test_dyad_year_panel_on_any_sees_an_organisation_that_ended_within_the_year() -> None:
    """The NACC ended on 29 May 1997: no pair at the year's end, US-UK on some day of it."""
    pandas()
    ends = tables.dyad_year_panel(1997, 1997, orgs="NACC")
    anyday = tables.dyad_year_panel(1997, 1997, orgs="NACC", on="any")
    assert not ends["nacc_both"].any()
    usa_uk = (anyday["ccode1"] == 2) & (anyday["ccode2"] == 200)
    assert anyday[usa_uk]["nacc_both"].item()
    assert anyday["nacc_both"].sum() > 500


def test_dyad_year_panel_polars_backend_equals_pandas() -> None:
    """``backend="polars"`` gives the same rows and columns as a Polars frame."""
    pl = polars()
    pandas()
    for system in ("cow", "iso"):
        frame = tables.dyad_year_panel(1995, 1995, orgs=["PfP", "EU"], system=system)
        other = tables.dyad_year_panel(
            1995, 1995, orgs=["PfP", "EU"], system=system, backend="polars"
        )
        assert isinstance(other, pl.DataFrame)
        assert other.columns == list(frame.columns)
        assert other.schema["pfp_both"] == pl.Boolean
        assert _polars_rows(other) == _pandas_rows(frame)


def test_dyad_year_panel_bad_arguments() -> None:
    """Bad options raise InvalidArgumentError naming what would be right."""
    with pytest.raises(pfp.InvalidArgumentError, match="on must be one of year_end, any"):
        tables.dyad_year_panel(2000, 2001, on="mid_year")
    with pytest.raises(pfp.InvalidArgumentError, match="system must be one of"):
        tables.dyad_year_panel(2000, 2001, system="un")
    with pytest.raises(pfp.InvalidArgumentError, match="backend must be one of pandas, polars"):
        tables.dyad_year_panel(2000, 2001, backend="spark")
    with pytest.raises(pfp.InvalidArgumentError, match="directed must be True or False"):
        tables.dyad_year_panel(2000, 2001, directed="yes")  # type: ignore[arg-type]
    with pytest.raises(pfp.InvalidRangeError):
        tables.dyad_year_panel(2001, 2000)
    with pytest.raises(pfp.UnknownOrganizationError):
        tables.dyad_year_panel(2000, 2001, orgs=["SEATO"])


def test_dyad_year_panel_is_a_new_frame_each_call() -> None:
    """Changing one panel leaves the next one untouched."""
    pandas()
    first = tables.dyad_year_panel(1950, 1950, orgs="NATO")
    first["nato_both"] = False
    assert tables.dyad_year_panel(1950, 1950, orgs="NATO")["nato_both"].any()


# -- the intervals table ----------------------------------------------------------------------


def test_intervals_sentinels() -> None:
    """The open ends are documented dates inside pandas' datetime64[ns] range."""
    assert datetime.date(1800, 1, 1) == tables.OPEN_START
    assert datetime.date(2200, 1, 1) == tables.OPEN_END
    assert tables.INTERVAL_COLUMNS == (
        "iso3",
        "cow_code",
        "gw_code",
        "org",
        "status",
        "start",
        "end",
    )


def test_intervals_pandas_schema() -> None:
    """pandas: its own text type, nullable Int64 codes, datetime64[ns] bounds, no nulls."""
    pd = pandas()
    frame = tables.intervals(orgs=["NATO"])
    assert tuple(frame.columns) == tables.INTERVAL_COLUMNS
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert dtypes["cow_code"] == dtypes["gw_code"] == "Int64"
    assert dtypes["start"] == dtypes["end"] == "datetime64[ns]"
    for name in ("iso3", "org", "status"):
        assert frame[name].dtype == pd.Series(["SWE"]).dtype  # pandas' default text type
    assert not frame[["iso3", "org", "status", "start", "end"]].isna().any().any()
    assert frame.attrs["data_version"] == pfp.DATA_VERSION
    assert frame.attrs["open_end"] == "2200-01-01"


def test_intervals_polars_and_arrow_schemas_and_rows() -> None:
    """Polars (pl.Date) and Arrow (date32) tables hold the same rows as the pandas one."""
    pl = polars()
    pa = pytest.importorskip("pyarrow")
    pandas()
    frame = tables.intervals(orgs=["PfP", "CSTO"], system="gw")
    light = tables.intervals(orgs=["PfP", "CSTO"], system="gw", backend="polars")
    assert light.schema == pl.Schema(
        {
            "iso3": pl.String,
            "cow_code": pl.Int64,
            "gw_code": pl.Int64,
            "org": pl.String,
            "status": pl.String,
            "start": pl.Date,
            "end": pl.Date,
        }
    )
    assert _polars_rows(light) == _pandas_rows(frame)
    table = tables.intervals(orgs=["PfP", "CSTO"], system="gw", backend="arrow")
    assert table.schema.names == list(tables.INTERVAL_COLUMNS)
    assert [str(t) for t in table.schema.types] == [
        "string",
        "int64",
        "int64",
        "string",
        "string",
        "date32[day]",
        "date32[day]",
    ]
    assert table.schema.metadata[b"data_version"] == pfp.DATA_VERSION.encode()
    arrow_rows = list(zip(*(table.column(n).to_pylist() for n in table.schema.names), strict=True))
    assert arrow_rows == _polars_rows(light)
    assert isinstance(table, pa.Table)


def _rows_by_state_and_org(frame: Any) -> dict[tuple[str, str], list[tuple[Any, ...]]]:
    found: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    for row in _pandas_rows(frame):
        found.setdefault((row[0], row[3]), []).append(row)
    return found


def test_intervals_tile_all_time_per_state_and_organisation(intervals_cow: Any) -> None:
    """Per (state, org), rows run from OPEN_START to OPEN_END with no gap and no overlap."""
    groups = _rows_by_state_and_org(intervals_cow)
    for key, rows in groups.items():
        assert rows[0][5] == tables.OPEN_START, key
        assert rows[-1][6] == tables.OPEN_END, key
        for row, after in itertools.pairwise(rows):
            assert row[6] == after[5], key
        assert all(row[5] < row[6] for row in rows), key
        for row, after in itertools.pairwise(rows):  # a cut only where something changed
            assert row[1:5] != after[1:5], key


def test_intervals_cover_every_state_of_the_system_and_every_organisation(
    intervals_cow: Any,
) -> None:
    """Every state with a COW code on some day has rows for every organisation."""
    cow_states = {c.iso3 for c in pfp.countries() if any(k.scheme == "cow" for k in c.codes)}
    groups = _rows_by_state_and_org(intervals_cow)
    assert set(groups) == {(s, o) for s in cow_states for o in ORGS}
    assert set(pfp.states("1991-12-31").iso3) <= cow_states
    # A state never in NATO: all its rows are non_member or not_a_state.
    assert {row[4] for row in groups["CHE", "NATO"]} <= {"non_member", "not_a_state"}


def test_intervals_status_and_codes_equal_the_library_inside_every_row(
    intervals_cow: Any,
) -> None:
    """Each row's status is status_of, and its codes cow_code_at/gw_code_at, on sampled days."""
    for row in _pandas_rows(intervals_cow):
        iso3, cow, gw, org, status, start, end = row
        state = pfp.country(iso3)
        last = end - datetime.timedelta(days=1)
        for day in {start, last, start + (last - start) / 2}:
            assert pfp.status_of(state, day, org=org).value == status, (row, day)
            assert state.cow_code_at(day) == cow, (row, day)
            assert state.gw_code_at(day) == gw, (row, day)


def test_intervals_split_at_germanys_change_of_code(intervals_cow: Any) -> None:
    """West Germany's COW 260 until 2 October 1990, Germany's 255 from the 3rd: two rows."""
    frame = intervals_cow
    rows = frame[
        (frame["iso3"] == "DEU") & (frame["org"] == "NATO") & (frame["status"] == "member")
    ]
    assert _pandas_rows(rows) == [
        ("DEU", 260, 260, "NATO", "member", datetime.date(1955, 5, 6), datetime.date(1990, 10, 3)),
        ("DEU", 255, 260, "NATO", "member", datetime.date(1990, 10, 3), tables.OPEN_END),
    ]


@pytest.mark.parametrize("system", ["gw", "iso", "pfp"])
def test_intervals_of_each_system_cover_its_states(system: str) -> None:
    """The states of ``gw`` and ``iso`` (a code of the scheme on some day), or of the events."""
    pandas()
    frame = tables.intervals(orgs=["PfP"], system=system)
    scheme = {"gw": "gw", "iso": "iso3"}.get(system)
    expected = (
        {e.country.iso3 for e in pfp.events()}
        if scheme is None
        else {c.iso3 for c in pfp.countries() if any(k.scheme == scheme for k in c.codes)}
    )
    assert set(frame["iso3"]) == expected
    assert (frame.groupby("iso3")["start"].min() == datetime.datetime(1800, 1, 1)).all()


def test_intervals_join_with_merge_asof() -> None:
    """The pandas table answers an as-of join: each day's status is status_of's."""
    pd = pandas()
    frame = tables.intervals(orgs=["PfP"])
    days = pd.DataFrame(
        {
            "iso3": ["SWE", "SWE", "MLT", "RUS", "DEU"],
            "date": pd.to_datetime(
                ["1994-05-08", "2024-03-07", "2000-01-01", "2014-04-01", "1990-10-03"]
            ).astype("datetime64[ns]"),  # pandas 3 parses text to microseconds
        }
    ).sort_values("date")
    found = pd.merge_asof(
        days, frame.sort_values("start"), left_on="date", right_on="start", by="iso3"
    )
    assert (found["date"] < found["end"]).all()
    for iso3, date, status in zip(found["iso3"], found["date"], found["status"], strict=True):
        assert pfp.status_of(iso3, date.date()).value == status


def test_intervals_join_in_polars_and_duckdb() -> None:
    """Polars' join_asof on the Polars table and a DuckDB range join on the Arrow table agree
    with status_of.
    """
    pl = polars()
    duckdb = pytest.importorskip("duckdb")
    asked = [("SWE", datetime.date(1994, 5, 9)), ("MLT", datetime.date(2000, 1, 1))]
    asked += [("RUS", datetime.date(2015, 1, 1)), ("DEU", datetime.date(1990, 10, 3))]
    expected = sorted((iso3, day, pfp.status_of(iso3, day).value) for iso3, day in asked)
    spans = tables.intervals(orgs=["PfP"], backend="polars").sort("start")
    days = pl.DataFrame({"iso3": [a for a, _ in asked], "day": [d for _, d in asked]}).sort("day")
    joined = days.join_asof(
        spans, left_on="day", right_on="start", by="iso3", check_sortedness=False
    )
    assert sorted(joined.select("iso3", "day", "status").iter_rows()) == expected
    connection = duckdb.connect()
    connection.register("spans", tables.intervals(orgs=["PfP"], backend="arrow"))
    connection.register("days", days.to_arrow())
    found = connection.sql(
        "SELECT d.iso3, d.day, s.status FROM days d JOIN spans s ON d.iso3 = s.iso3 "
        'AND s.start <= d.day AND d.day < s."end" ORDER BY 1, 2'
    ).fetchall()
    assert found == expected


def test_intervals_bad_arguments() -> None:
    """Bad options raise InvalidArgumentError naming what would be right."""
    with pytest.raises(
        pfp.InvalidArgumentError, match="backend must be one of pandas, polars, arrow"
    ):
        tables.intervals(backend="duckdb")
    with pytest.raises(pfp.InvalidArgumentError, match="system must be one of"):
        tables.intervals(system="un")
    with pytest.raises(pfp.UnknownOrganizationError):
        tables.intervals(orgs=["SEATO"])


# -- Polars frames ----------------------------------------------------------------------------


RESULTS: dict[str, Callable[[], Any]] = {
    "roster": lambda: pfp.members_at("2004-03-29"),
    "empty roster": lambda: pfp.members_at("1990-01-01"),
    "transitions": lambda: pfp.transitions("2004-01-01", "2004-12-31"),
    "timeline": lambda: pfp.timeline("Malta"),
    "country set": lambda: pfp.states("1950-01-01"),
    "set difference": lambda: pfp.members_at("2004-03-28") - pfp.members_at("2004-03-29"),
}


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_to_polars_equals_to_pandas(name: str) -> None:
    """Every result's ``to_polars()`` has the columns and cells of its ``to_pandas()``."""
    pl = polars()
    pandas()
    result = RESULTS[name]()
    frame, other = result.to_pandas(), result.to_polars()
    assert isinstance(other, pl.DataFrame)
    assert other.columns == list(frame.columns) == list(type(result).COLUMNS)
    assert _polars_rows(other) == _pandas_rows(frame)
    for column in ("date", "since", "start", "end", "last_day"):
        if column in other.columns:
            assert other.schema[column] == pl.Date


FRAMES: dict[str, Callable[[str], Any]] = {
    "roster_dataframe": lambda b: tables.roster_dataframe(pfp.members_at("1994-08-03"), backend=b),
    "transition_dataframe": lambda b: tables.transition_dataframe(
        pfp.transitions("1994-01-01", "1994-12-31"), backend=b
    ),
    "period_dataframe": lambda b: tables.period_dataframe(pfp.timeline("Malta"), backend=b),
    "history_dataframe": lambda b: tables.history_dataframe(orgs=["NATO"], backend=b),
    "country_year_panel": lambda b: tables.country_year_panel(1994, 1996, backend=b),
    "country_year_panel(share)": lambda b: tables.country_year_panel(
        1996, 1996, share=True, backend=b
    ),
    "country_year_panel(cow)": lambda b: tables.country_year_panel(
        1990, 1991, system="cow", orgs=["NATO"], backend=b
    ),
    "country_day_panel": lambda b: tables.country_day_panel(
        "1996-10-27", "1996-10-30", countries=["Malta"], backend=b
    ),
    "country_day_panel(gw)": lambda b: tables.country_day_panel(
        "1990-10-01", "1990-10-04", system="gw", backend=b
    ),
    "state_year_panel": lambda b: panels.state_year_panel(1990, 1990, backend=b),
    "state_day_panel": lambda b: panels.state_day_panel("1991-12-24", "1991-12-27", backend=b),
}
"""Each DataFrame function of pfp.tables and pfp.panels, as a call taking ``backend``."""


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_backend_polars_equals_pandas(name: str) -> None:
    """``backend="polars"`` gives a Polars frame with the pandas frame's columns and cells."""
    pl = polars()
    pandas()
    call = FRAMES[name]
    frame, other = call("pandas"), call("polars")
    assert isinstance(other, pl.DataFrame)
    assert other.columns == list(frame.columns)
    assert _polars_rows(other) == _pandas_rows(frame)
    for column in ("date", "since", "start", "end", "last_day"):
        if column in other.columns:
            assert other.schema[column] == pl.Date, column


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_backend_must_be_pandas_or_polars(name: str) -> None:
    """Another backend raises InvalidArgumentError naming the two."""
    with pytest.raises(pfp.InvalidArgumentError, match="backend must be one of pandas, polars"):
        FRAMES[name]("dask")


def test_a_missing_polars_names_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without polars, to_polars and backend="polars" raise MissingExtraError naming the extra."""
    monkeypatch.setitem(sys.modules, "polars", None)  # `import polars` now fails
    pattern = r"pip install polars, .*'\.\[polars\]'"
    calls: list[Callable[[], object]] = [
        lambda: pfp.members_at("2000-01-01").to_polars(),
        lambda: pfp.timeline("Malta").to_polars(),
        lambda: tables.roster_dataframe(pfp.members_at("2000-01-01"), backend="polars"),
        lambda: tables.country_day_panel("2000-01-01", "2000-01-02", backend="polars"),
        lambda: tables.dyad_year_panel(2000, 2000, backend="polars"),
        lambda: tables.intervals(backend="polars"),
    ]
    for call in calls:
        with pytest.raises(pfp.MissingExtraError, match=pattern) as found:
            call()
        assert isinstance(found.value, ImportError)
        assert found.value.extra == "polars"


def test_a_missing_pyarrow_or_pandas_names_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyarrow the Arrow table names the ``arrow`` extra; without pandas, ``pandas``."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(pfp.MissingExtraError, match=r"'\.\[arrow\]'"):
        tables.intervals(backend="arrow")
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(pfp.MissingExtraError, match=r"'\.\[pandas\]'"):
        tables.intervals()
    with pytest.raises(pfp.MissingExtraError, match=r"'\.\[pandas\]'"):
        tables.dyad_year_panel(2000, 2000)


@pytest.fixture(scope="module")
def intervals_cow() -> Any:
    """The intervals table of the COW system over every organisation (built once)."""
    pandas()
    return tables.intervals()


def test_organization_keys_reads_a_one_shot_iterator_once() -> None:
    """A stray in an iterator of names is refused, as it is in a list (it was read twice)."""
    from pfp.words import organization_keys  # noqa: PLC0415

    history = pfp.history()
    assert organization_keys(history, iter(["NATO", "nato", "EU"])) == ("NATO", "EU")
    with pytest.raises(pfp.InvalidArgumentError, match="names of organisations"):
        organization_keys(history, iter(["NATO", 5]))
