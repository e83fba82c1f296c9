"""Engine invariants on the bundled data, over random days (hypothesis)."""

from __future__ import annotations

import datetime
import itertools

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pfp
from pfp import Status

ON_ROSTER = {Status.MEMBER, Status.SUSPENDED}
"""A suspension is not an exit: a suspended member stays on the roster."""

DAYS = st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(2030, 12, 31))
EDGES = st.sampled_from(
    sorted(
        {
            change.date + datetime.timedelta(days=shift)
            for change in pfp.transitions()
            for shift in (-1, 0, 1)
        }
    )
).map(lambda day: datetime.date(day.year, day.month, day.day))
"""The PfP's change days and their neighbours: where an off-by-one would show."""
DAYS_AND_EDGES = st.one_of(DAYS, EDGES)
ORGS = st.sampled_from([org.key for org in pfp.organizations()])


@given(day=DAYS, org=ORGS)
def test_replaying_transitions_gives_the_roster(day: datetime.date, org: str) -> None:
    """Applying every transition up to a day to an empty roster reproduces members_at."""
    members: set[str] = set()
    for change in pfp.transitions(end=day, org=org):
        if change.after in ON_ROSTER:
            members.add(change.country.iso3)
        else:
            members.discard(change.country.iso3)
    assert members == set(pfp.members_at(day, org=org).iso3)


@given(start=DAYS, end=DAYS, org=ORGS)
def test_transitions_between_two_days_turn_one_roster_into_the_other(
    start: datetime.date, end: datetime.date, org: str
) -> None:
    """members_at(a) plus transitions(a+1, b) gives members_at(b)."""
    start, end = min(start, end), max(start, end)
    members = set(pfp.members_at(start, org=org).iso3)
    if end > start:
        for change in pfp.transitions(start + datetime.timedelta(days=1), end, org=org):
            if change.after in ON_ROSTER:
                members.add(change.country.iso3)
            else:
                members.discard(change.country.iso3)
    assert members == set(pfp.members_at(end, org=org).iso3)


@given(day=DAYS, org=ORGS)
def test_status_of_agrees_with_members_at(day: datetime.date, org: str) -> None:
    """A state is in the roster exactly when it is a member: taking part, or suspended."""
    roster = pfp.members_at(day, org=org)
    for country in pfp.countries():
        assert (country in roster) is (pfp.status_of(country, day, org=org) in ON_ROSTER)


@given(day=DAYS, org=ORGS)
def test_timeline_periods_tile_time(day: datetime.date, org: str) -> None:
    """Periods have no gap and no overlap, and the one containing a day gives its status."""
    for country in pfp.countries():
        periods = pfp.timeline(country, org=org)
        assert periods[0].start is None and periods[-1].end is None
        for before, after in itertools.pairwise(periods):
            assert before.end == after.start
            assert before.status is not after.status
        (containing,) = [p for p in periods if day in p]
        assert containing.status is pfp.status_of(country, day, org=org)


@given(start=DAYS, end=DAYS)
def test_transitions_are_ordered_and_inside_the_range(
    start: datetime.date, end: datetime.date
) -> None:
    """Both ends inclusive, ordered by date then country name."""
    start, end = min(start, end), max(start, end)
    changes = pfp.transitions(start, end)
    assert all(start <= c.date <= end for c in changes)
    keys = [(c.date, c.country.name) for c in changes]
    assert keys == sorted(keys)


def _spellings(country: pfp.Country) -> list[str]:
    return [s for s in (country.name, country.iso3, country.iso2, country.name.upper()) if s]


def _unique(spelling: str) -> bool:
    """Whether a spelling names one state ('CS' was Czechoslovakia's code and later
    Serbia and Montenegro's: it asks which).
    """
    try:
        pfp.country(spelling)
    except pfp.AmbiguousCountryError:
        return False
    return True


SPELLINGS = st.sampled_from(
    [spelling for c in pfp.countries() for spelling in _spellings(c) if _unique(spelling)]
)


@st.composite
def _asked_on_its_change_day(draw: st.DrawFn) -> tuple[str, datetime.date]:
    change = draw(st.sampled_from(pfp.transitions()))
    shift = draw(st.sampled_from([-1, 0, 1]))
    day = change.date + datetime.timedelta(days=shift)
    spelling = draw(st.sampled_from([s for s in _spellings(change.country) if _unique(s)]))
    return spelling, datetime.date(day.year, day.month, day.day)


FORMS = st.sampled_from(["date", "iso", "pendulum", "datetime"])


def _written(day: datetime.date, form: str) -> pfp.DateLike:
    """``day`` as a user might pass it: a date, an ISO string, a pendulum Date, a datetime."""
    forms: dict[str, pfp.DateLike] = {
        "date": day,
        "iso": day.isoformat(),
        "pendulum": pendulum.Date(day.year, day.month, day.day),
        "datetime": datetime.datetime(day.year, day.month, day.day, 23, 59),
    }
    return forms[form]


QUESTIONS = st.one_of(st.tuples(SPELLINGS, DAYS), _asked_on_its_change_day())
"""(spelling, day): any day, or a day at one of that state's own changes."""


@given(question=QUESTIONS, form=FORMS)
def test_the_public_fast_path_agrees_with_the_engine(
    question: tuple[str, datetime.date], form: str
) -> None:
    """pfp.status_of answers names as written from its own table: it must agree with History."""
    spelling, day = question
    assert pfp.status_of(spelling, _written(day, form)) is pfp.history().status_of(spelling, day)


@given(start=st.none() | DAYS_AND_EDGES, end=st.none() | DAYS_AND_EDGES, form=FORMS)
def test_the_public_transitions_fast_path_agrees_with_the_engine(
    start: datetime.date | None, end: datetime.date | None, form: str
) -> None:
    """pfp.transitions answers from its own table: it must agree with History."""
    asked = [None if day is None else _written(day, form) for day in (start, end)]
    if start is not None and end is not None and end < start:
        with pytest.raises(pfp.InvalidRangeError):
            pfp.transitions(*asked)
        return
    found = pfp.transitions(*asked)
    expected = pfp.history().transitions(start, end)
    assert found == expected
    assert type(found) is type(expected)
    assert found.org == expected.org == "PfP"
