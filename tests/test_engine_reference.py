"""The fast engine against a brute-force replay, on random histories (hypothesis).

Each history has a few states and organisations (one of which may graduate into another, as
the PfP into NATO) and a random run of events that obey the rules of ``src/pfp/rules.py``.
The reference answers every question by replaying all events up to the day asked, from scratch.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, MutableSequence, Sequence
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pfp
from pfp import EventKind, Status, engine

FIRST = datetime.date(2000, 1, 1)
SOURCE = pfp.Source("ref", "Reference", "tests")

_OUTSIDE = {Status.NON_MEMBER, Status.APPLICANT, Status.INVITED}
RULES: dict[EventKind, tuple[set[Status], Status | None]] = {
    EventKind.SIGNATURE: (_OUTSIDE, Status.MEMBER),
    EventKind.ACCESSION: (_OUTSIDE | {Status.WITHDRAWN}, Status.MEMBER),
    EventKind.WITHDRAWAL: ({Status.MEMBER}, Status.WITHDRAWN),
    EventKind.REACTIVATION_REQUEST: ({Status.WITHDRAWN}, Status.APPLICANT),
    EventKind.REACTIVATION: ({Status.WITHDRAWN, Status.APPLICANT}, Status.MEMBER),
    EventKind.APPLICATION: (
        {Status.NON_MEMBER, Status.WITHDRAWN, Status.APPLICANT},
        Status.APPLICANT,
    ),
    EventKind.INVITATION: (_OUTSIDE, Status.INVITED),
    EventKind.RESOLUTION: (set(Status), None),
}
"""An independent statement of the rules for the kinds generated here (what each allows, does)."""


@attrs.frozen
class Case:
    """A random history: its events (in the order given), organisations and states."""

    events: tuple[pfp.Event, ...]
    orgs: tuple[pfp.Organization, ...]
    countries: tuple[pfp.Country, ...]
    long_from: int = 64
    """How long a run of days must be for the engine to store it as a C array (with a bucket
    directory, for a state's run)."""

    def history(self) -> pfp.History:
        """The engine under test (1: every run of days takes the large-history path)."""
        with (
            mock.patch.object(engine, "_COMPACT_FROM", self.long_from),
            mock.patch.object(engine, "_DIRECTORY_FROM", self.long_from),
        ):
            return pfp.History(
                self.events, organizations=self.orgs, countries=self.countries, default_org="A"
            )


def _effects(event: pfp.Event, orgs: Iterable[pfp.Organization]) -> list[tuple[str, Status | None]]:
    """The (organisation, status after) pairs an event sets: its own, and any graduation."""
    effects = [(event.org, RULES[event.kind][1])]
    if event.kind is EventKind.ACCESSION:
        effects += [(o.key, o.graduation_status) for o in orgs if o.graduates_to == event.org]
    return effects


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """A history of valid events: joins, exits, re-entries, applications, graduations."""
    countries = tuple(
        pfp.Country(f"Land {letter}", f"L{letter}", f"LD{letter}")
        for letter in draw(st.sets(st.sampled_from("ABCDEFGH"), min_size=1, max_size=5))
    )
    keys = "ABC"[: draw(st.integers(1, 3))]
    graduates = len(keys) > 1 and draw(st.booleans())  # A graduates into B, as the PfP into NATO
    orgs = tuple(
        pfp.Organization(
            key,
            f"Org {key}",
            FIRST,
            graduates_to="B" if graduates and key == "A" else "",
            graduation_status="nato_member" if graduates and key == "A" else None,
        )
        for key in keys
    )
    status: dict[tuple[str, str], Status] = {}
    day = FIRST
    events: list[pfp.Event] = []
    for _ in range(draw(st.integers(0, 80))):  # up to 80: several roster checkpoints
        day += datetime.timedelta(days=draw(st.integers(0, 30)))  # 0: several on one day
        country = draw(st.sampled_from(countries))
        org = draw(st.sampled_from(orgs))
        here = status.get((org.key, country.iso3), Status.NON_MEMBER)
        allowed = [kind for kind, (before, _) in RULES.items() if here in before]
        graduating = [o.key for o in orgs if o.graduates_to == org.key]
        if any(status.get((key, country.iso3)) is Status.NATO_MEMBER for key in graduating):
            allowed = [kind for kind in allowed if kind is not EventKind.ACCESSION]
        if not allowed:
            continue
        event = pfp.Event(day, country, draw(st.sampled_from(allowed)), [SOURCE], org=org.key)
        for key, after in _effects(event, orgs):
            if after is not None:
                status[(key, country.iso3)] = after
        events.append(event)
    return Case(tuple(events), orgs, countries, draw(st.sampled_from((1, 64))))


def replay_until(
    case: Case, day: datetime.date | None
) -> list[tuple[pfp.Event, str, Status, Status]]:
    """Every change (event, organisation, before, after) on or before ``day``, in replay order."""
    status: dict[tuple[str, str], Status] = {}
    changes = []
    for event in sorted(case.events, key=lambda e: e.date):  # stable: same-day order kept
        if day is not None and event.date > day:
            break
        for org, after in _effects(event, case.orgs):
            key = (org, event.country.iso3)
            before = status.get(key, Status.NON_MEMBER)
            if after is None or after is before:
                continue
            status[key] = after
            changes.append((event, org, before, after))
    return changes


def reference_status(case: Case, iso3: str, org: str, day: datetime.date) -> Status:
    """A state's status on ``day``: the last change before it, replayed from scratch."""
    found = Status.NON_MEMBER
    for event, where, _, after in replay_until(case, day):
        if where == org and event.country.iso3 == iso3:
            found = after
    return found


def days_of(case: Case) -> st.SearchStrategy[datetime.date]:
    """Days around and inside the history."""
    last = max((datetime.date.fromordinal(e.date.toordinal()) for e in case.events), default=FIRST)
    return st.dates(FIRST - datetime.timedelta(days=3), last + datetime.timedelta(days=3))


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_members_at_equals_replay(data: st.DataObject) -> None:
    """members_at(day) holds exactly the states a replay finds members, sorted by name."""
    case = data.draw(cases())
    history = case.history()
    for _ in range(5):
        day = data.draw(days_of(case))
        for org in case.orgs:
            expected = sorted(
                (
                    c
                    for c in case.countries
                    if reference_status(case, c.iso3, org.key, day) is Status.MEMBER
                ),
                key=lambda c: c.name,
            )
            for asked in (
                day,
                day.isoformat(),
                datetime.datetime(day.year, day.month, day.day, 12),
            ):
                roster = history.members_at(asked, org=org.key)
                assert list(roster) == expected
                assert roster.iso3 == frozenset(c.iso3 for c in expected)
                assert len(roster) == len(expected)
                assert roster.date == day


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_status_of_equals_replay(data: st.DataObject) -> None:
    """status_of(state, day) is the status a replay reaches, by name, code or record."""
    case = data.draw(cases())
    history = case.history()
    for _ in range(5):
        day = data.draw(days_of(case))
        country = data.draw(st.sampled_from(case.countries))
        for org in case.orgs:
            expected = reference_status(case, country.iso3, org.key, day)
            for asked in (country.name, country.iso3, country.name.lower(), country):
                assert history.status_of(asked, day, org=org.key) is expected


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_transitions_equal_replay(data: st.DataObject) -> None:
    """transitions(a, b) lists the replay's changes in [a, b], by date then name."""
    case = data.draw(cases())
    history = case.history()
    everything = replay_until(case, None)
    for _ in range(5):
        start, end = sorted((data.draw(days_of(case)), data.draw(days_of(case))))
        bounds = data.draw(
            st.sampled_from([(start, end), (None, end), (start, None), (None, None)])
        )
        low, high = bounds
        for org in case.orgs:
            inside = [
                (e.date, e.country.iso3, before, after)
                for e, where, before, after in everything
                if where == org.key
                and (low is None or low <= e.date)
                and (high is None or e.date <= high)
            ]
            by_date = sorted(inside, key=lambda change: (change[0], f"Land {change[1][2]}"))
            found = history.transitions(low, high, org=org.key)
            assert [(t.date, t.country.iso3, t.before, t.after) for t in found] == by_date
            country = data.draw(st.sampled_from(case.countries))
            mine = history.transitions(low, high, country=country.iso3, org=org.key)
            assert [(t.date, t.country.iso3, t.before, t.after) for t in mine] == [
                change for change in inside if change[1] == country.iso3
            ]


@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_results_stay_immutable(data: st.DataObject) -> None:
    """Rosters and transitions cannot be changed, and asking again gives the same answer."""
    case = data.draw(cases())
    history = case.history()
    day = data.draw(days_of(case))
    roster = history.members_at(day)
    before = (tuple(roster), roster.iso3, roster.date)
    with pytest.raises(AttributeError):
        roster._members = ()
    with pytest.raises(AttributeError):
        roster.extra = 1
    assert isinstance(roster.countries, tuple)
    assert isinstance(roster.iso3, frozenset)
    again = history.members_at(day.isoformat())
    assert again == roster
    assert (tuple(again), again.iso3, again.date) == before
    found = history.transitions()
    assert isinstance(found, Sequence) and not isinstance(found, MutableSequence)
    with pytest.raises(AttributeError):
        found._stop = 0
    assert found == tuple(found) == history.transitions()
    for change in found:
        with pytest.raises(AttributeError):
            change.after = Status.NON_MEMBER  # type: ignore[misc]
