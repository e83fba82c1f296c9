"""Tables of answers: records, HTML, DataFrames and country-year panels agree with the library."""

from __future__ import annotations

import datetime
import itertools
import sys
from typing import Any

import pytest

import pfp
from pfp import tables

EVENT_STATES = {event.country.iso3 for event in pfp.events()}
"""The states of the events: the default panels (system="pfp") cover them."""


def pandas() -> Any:
    """The pandas module, or skip the test when the extra is not installed."""
    return pytest.importorskip("pandas")


# -- records ----------------------------------------------------------------------------------


def test_roster_records_are_the_roster_in_order_with_their_membership_sources() -> None:
    """One row per member, sorted as the roster, citing the period in force on the day."""
    roster = pfp.members_at("1994-08-03")
    rows = tables.roster_records(roster)
    assert [row["iso3"] for row in rows] == [c.iso3 for c in roster]
    for row in rows:
        assert tuple(row) == tables.ROSTER_COLUMNS
        assert (row["date"], row["org"]) == (roster.date, "PfP")
        period = next(p for p in pfp.timeline(row["iso3"]) if roster.date in p)
        assert (row["since"], row["sources"]) == (
            period.start,
            tuple(s.key for s in period.sources),
        )
        assert row["sources"]


def test_roster_records_of_an_empty_roster() -> None:
    """A day with no members gives no rows."""
    assert tables.roster_records(pfp.members_at("1990-01-01")) == []


def test_transition_records_follow_the_transitions() -> None:
    """One row per transition, with statuses as strings and the event's org beside the asked org."""
    changes = pfp.transitions("2004-01-01", "2004-12-31")
    rows = tables.transition_records(changes)
    assert len(rows) == len(changes)
    for row, change in zip(rows, changes, strict=True):
        assert tuple(row) == tables.TRANSITION_COLUMNS
        assert row["date"] == change.date
        assert (row["before"], row["after"]) == (change.before.value, change.after.value)
        assert row["org"] == "PfP"
        assert row["event_org"] == change.event.org
        assert row["sources"] == tuple(s.key for s in change.sources)
    bulgaria = rows[0]
    assert (bulgaria["name"], bulgaria["after"], bulgaria["event_org"]) == (
        "Bulgaria",
        "nato_member",
        "NATO",
    )


def test_period_records_tile_the_timeline() -> None:
    """Each period becomes a row; starts and ends chain with no gap, as on the Period records."""
    periods = pfp.timeline("Sweden", org="NATO")
    rows = tables.period_records(periods, "SWE", org="NATO")
    assert [r["status"] for r in rows] == [
        "not_a_state",
        "non_member",
        "applicant",  # its letter of application, 18 May 2022
        "invited",
        "member",
    ]
    assert rows[0]["start"] is None
    assert str(rows[1]["start"]) == "1816-01-01"  # in the state systems from their beginning
    assert rows[-1]["end"] is None
    assert rows[-1]["last_day"] is None
    for earlier, later in itertools.pairwise(rows):
        assert earlier["end"] == later["start"]
        assert earlier["last_day"] == later["start"].subtract(days=1)
    assert {r["org"] for r in rows} == {"NATO"}
    assert rows[0]["event"] == ""
    assert rows[0]["sources"] == ()
    assert all(r["sources"] for r in rows[1:])


def test_period_records_default_to_the_pfp() -> None:
    """Without ``org`` the rows name the PfP, even for a period begun by a NATO event."""
    rows = tables.period_records(pfp.timeline("United States"), "United States")
    assert {r["org"] for r in rows} == {"PfP"}


def test_history_records_hold_every_period_of_every_state_and_organisation() -> None:
    """The whole-history table has one row per state, organisation and period, sorted so."""
    rows = tables.history_records()
    orgs = [o.key for o in pfp.organizations()]
    expected = [
        (c.iso3, org, p.start)
        for c in pfp.countries()
        for org in orgs
        for p in pfp.timeline(c, org=org)
    ]
    assert [(r["iso3"], r["org"], r["start"]) for r in rows] == expected
    assert all(tuple(r) == tables.PERIOD_COLUMNS for r in rows)
    assert all(r["sources"] for r in rows if r["start"] is not None)


def test_history_records_for_chosen_organisations() -> None:
    """``orgs`` limits the table, accepting names as well as keys."""
    rows = tables.history_records(orgs=["partnership for peace"])
    assert {r["org"] for r in rows} == {"PfP"}
    with pytest.raises(pfp.UnknownOrganizationError):
        tables.history_records(orgs=["SEATO"])


def test_status_record_matches_status_of() -> None:
    """A status record's status is ``status_of`` on that day, with the period's start."""
    row = tables.status_record("Finland", "2023-04-04")
    assert tuple(row) == tables.STATUS_COLUMNS
    assert row["status"] == pfp.status_of("Finland", "2023-04-04").value == "nato_member"
    assert str(row["since"]) == "2023-04-04"
    assert row["sources"]


# -- country-year panels (records) ----------------------------------------------------------


def test_country_year_records_give_the_status_on_the_reference_day() -> None:
    """Every row's status is ``status_of`` on the reference day of its year."""
    rows = tables.country_year_records(1994, 2024, reference="06-30")
    assert len(rows) == len(EVENT_STATES) * 31
    for row in rows:
        assert tuple(row) == tables.COUNTRY_YEAR_COLUMNS
        assert row["date"] == datetime.date(row["year"], 6, 30)
        assert row["status"] == pfp.status_of(row["iso3"], row["date"]).value
    assert [r["year"] for r in rows[:3]] == [1994, 1995, 1996]


def test_country_year_shares_sum_to_one_and_match_the_days() -> None:
    """Share rows split each year's days between the statuses: Malta left on 29 October 1996."""
    rows = tables.country_year_records(1994, 2024, share=True)
    for row in rows:
        assert tuple(row) == tables.COUNTRY_YEAR_SHARE_COLUMNS
        total = sum(row[f"share_{status.value}"] for status in pfp.Status)
        assert total == pytest.approx(1.0)
    (malta,) = tables.country_year_records(1996, 1996, share=True, countries=["MLT"])
    member_days = datetime.date(1996, 10, 29).toordinal() - datetime.date(1996, 1, 1).toordinal()
    assert malta["share_member"] == pytest.approx(member_days / 366)
    assert malta["share_withdrawn"] == pytest.approx(1 - member_days / 366)


def test_country_year_records_for_nato_and_chosen_states() -> None:
    """``org`` and ``countries`` pick the organisation and the states (sorted by name)."""
    rows = tables.country_year_records(2022, 2024, org="NATO", countries=["Sweden", "Finland"])
    assert [(r["name"], r["year"], r["status"]) for r in rows] == [
        ("Finland", 2022, "invited"),
        ("Finland", 2023, "member"),
        ("Finland", 2024, "member"),
        ("Sweden", 2022, "invited"),
        ("Sweden", 2023, "invited"),
        ("Sweden", 2024, "member"),
    ]


@pytest.mark.parametrize("reference", ["02-29", "13-01", "12/31", "31-12", ""])
def test_a_reference_day_must_exist_every_year(reference: str) -> None:
    """A reference day that is not 'MM-DD' of every year is an InvalidDateError."""
    with pytest.raises(pfp.InvalidDateError, match="MM-DD"):
        tables.country_year_records(2000, 2001, reference=reference)


def test_a_reversed_year_range_is_an_invalid_range() -> None:
    """End year before start year is an InvalidRangeError saying so."""
    with pytest.raises(pfp.InvalidRangeError, match="ends"):
        tables.country_year_records(2001, 2000)


# -- HTML -------------------------------------------------------------------------------------


def test_to_html_renders_a_header_and_a_row_per_record() -> None:
    """The table has the columns as header cells and one row per record."""
    roster = pfp.members_at("1994-08-03")
    html = tables.to_html(tables.roster_records(roster), caption=repr(roster))
    assert html.startswith('<table class="pfp-table">')
    assert html.count("<tr>") == 1 + len(roster)
    assert html.count("<th>") == len(tables.ROSTER_COLUMNS)
    assert "<caption>&lt;Roster PfP 1994-08-03: 22 members&gt;</caption>" in html
    assert "<td>Ukraine</td>" in html


def test_to_html_escapes_cells_and_shows_open_dates_blank() -> None:
    """Cell text is escaped; None is an empty cell; tuples are comma-separated."""
    html = tables.to_html([{"a": "<b>&", "b": None, "c": ("x", "y"), "d": 0.5}])
    assert "<td>&lt;b&gt;&amp;</td><td></td><td>x, y</td><td>0.500</td>" in html


def test_to_html_of_no_records_keeps_the_header() -> None:
    """An empty table with named columns still shows its header."""
    html = tables.to_html([], columns=tables.ROSTER_COLUMNS)
    assert html.count("<th>") == len(tables.ROSTER_COLUMNS)
    assert "<td>" not in html


# -- pandas ---------------------------------------------------------------------------------


def test_roster_dataframe_has_dates_attrs_and_joined_sources() -> None:
    """A roster frame: dates as datetime64, sources joined with ';', metadata in attrs."""
    pd = pandas()
    roster = pfp.members_at("1994-08-03")
    frame = tables.roster_dataframe(roster)
    assert list(frame.columns) == list(tables.ROSTER_COLUMNS)
    assert len(frame) == 22
    assert pd.api.types.is_datetime64_any_dtype(frame["since"])
    assert frame.attrs["data_version"] == pfp.DATA_VERSION
    assert frame.attrs["data_as_of"] == str(pfp.DATA_AS_OF)
    assert (frame.attrs["org"], frame.attrs["date"]) == ("PfP", "1994-08-03")
    records = tables.roster_records(roster)
    assert list(frame["sources"]) == [";".join(r["sources"]) for r in records]


def test_empty_frames_keep_their_columns() -> None:
    """An empty answer is an empty frame with the usual columns."""
    pandas()
    frame = tables.roster_dataframe(pfp.members_at("1990-01-01"))
    assert frame.empty
    assert list(frame.columns) == list(tables.ROSTER_COLUMNS)


def test_history_dataframe_marks_open_ends_as_nat() -> None:
    """Open starts and ends are NaT; the frame has one row per history record."""
    pd = pandas()
    frame = tables.history_dataframe(orgs=["PfP"])
    assert len(frame) == len(tables.history_records(orgs=["PfP"]))
    assert frame["start"].isna().sum() == len(pfp.countries())
    assert pd.api.types.is_datetime64_any_dtype(frame["end"])


def test_transition_and_period_dataframes() -> None:
    """Transitions and a timeline convert with their column sets."""
    pandas()
    frame = tables.transition_dataframe(pfp.transitions(country="Malta"))
    assert list(frame["after"]) == ["member", "withdrawn", "applicant", "member"]
    periods = tables.period_dataframe(pfp.timeline("Malta"), "Malta")
    assert list(periods.columns) == list(tables.PERIOD_COLUMNS)
    assert len(periods) == 6


def test_country_year_panel_in_three_lines() -> None:
    """The panel has a row per state and year and says what data it was built from."""
    pandas()
    panel = tables.country_year_panel(1994, 2023)
    assert panel.shape == (len(EVENT_STATES) * 30, len(tables.COUNTRY_YEAR_COLUMNS))
    assert panel.attrs["reference"] == "12-31"
    assert panel.attrs["org"] == "PfP"
    malta = panel[(panel["iso3"] == "MLT") & (panel["year"] == 2000)].iloc[0]
    assert malta["status"] == "withdrawn"
    shares = tables.country_year_panel(1994, 2023, share=True)
    assert shares.attrs["share"] is True
    assert (shares.filter(like="share_").sum(axis=1).round(9) == 1).all()


def test_country_day_panel_matches_status_of() -> None:
    """The country-day panel has a row per state and day, each the status that day."""
    pandas()
    panel = tables.country_day_panel("1996-10-25", "1996-10-28", countries=["Malta", "Sweden"])
    assert len(panel) == 2 * 4
    for row in panel.itertuples():
        assert row.status == pfp.status_of(row.iso3, row.date.date()).value
    assert panel.attrs["data_version"] == pfp.DATA_VERSION
    with pytest.raises(pfp.InvalidRangeError):
        tables.country_day_panel("2000-01-02", "2000-01-01")


def test_a_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, a DataFrame function raises ImportError naming pandas and its extra."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install pandas, .*'\.\[pandas\]'"):
        tables.roster_dataframe(pfp.members_at("1994-08-03"))
    with pytest.raises(ImportError, match=r"pip install pandas, .*'\.\[pandas\]'"):
        tables.country_year_panel(2000, 2001)
