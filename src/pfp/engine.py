"""The temporal index: events in, day-by-day answers out, each a binary search.

:class:`History` is public so that other tools can build the same queries over their own
events; ``pfp.members_at`` and friends are a ``History`` over the bundled data.

>>> import pfp
>>> from pfp.model import Country, Event, Source
>>> narnia = Country("Narnia", "NA", "NAR")
>>> lion = Source("lion", "The Lion, the Witch and the Wardrobe", "Geoffrey Bles")
>>> history = pfp.History([
...     Event("1950-10-16", narnia, "signature", [lion]),
...     Event("1956-09-04", narnia, "withdrawal", [lion]),
... ])
>>> history.status_of("Narnia", "1955-01-01")
<Status.MEMBER: 'member'>
>>> for period in history.timeline("NAR"):
...     print(period)
Period(... .. 1950-10-15, non_member)
Period(1950-10-16 .. 1956-09-03, member)
Period(1956-09-04 .. ..., withdrawn)
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from pfp.dates import from_ordinal, to_ordinal
from pfp.errors import DataError, DataProblem, InvalidRangeError, UnknownOrganizationError
from pfp.model import Country, Event, Organization, Period, Status, Transition
from pfp.names import CountryIndex, normalize
from pfp.roster import Roster
from pfp.rules import replay

if TYPE_CHECKING:
    from typing import Self

__all__ = ["History"]

_CHECKPOINT_EVERY = 32
"""A full roster is kept every this many change points; others are rebuilt from deltas."""
_ROSTER_CACHE_SIZE = 4096
_NO_EVENT_YET = (Status.NON_MEMBER,)


@attrs.frozen
class _Snapshot:
    members: tuple[Country, ...]
    keys: frozenset[str]


_EMPTY = _Snapshot((), frozenset())


class _OrgIndex:
    """Everything one organisation's queries need, built once from its replayed events."""

    def __init__(self, org: Organization, changes: list[tuple[int, Transition]]) -> None:
        self.org = org
        by_date = sorted(changes, key=lambda pair: (pair[0], pair[1].country.name))
        self.transitions: tuple[Transition, ...] = tuple(t for _, t in by_date)
        self.transition_ords: list[int] = [o for o, _ in by_date]

        # Per country: change days and the status from each day on (index 0 = before any).
        self.country_ords: dict[str, list[int]] = {}
        self.country_statuses: dict[str, tuple[Status, ...]] = {}
        self.country_transitions: dict[str, tuple[Transition, ...]] = {}
        per_country: dict[str, list[tuple[int, Transition]]] = {}
        for ordinal, transition in changes:  # changes are in replay order
            per_country.setdefault(transition.country.iso3, []).append((ordinal, transition))
        for iso3, items in per_country.items():
            self.country_ords[iso3] = [o for o, _ in items]
            self.country_statuses[iso3] = (items[0][1].before, *(t.after for _, t in items))
            self.country_transitions[iso3] = tuple(t for _, t in items)

        # Roster deltas at each day the set of members changes, and periodic checkpoints.
        members: dict[str, Country] = {}
        self.change_ords: list[int] = []
        self._deltas: list[tuple[tuple[Country, ...], tuple[str, ...]]] = []
        self._checkpoints: list[dict[str, Country]] = []
        position = 0
        ordered = sorted(changes, key=lambda pair: pair[0])  # stable: replay order within a day
        while position < len(ordered):
            day = ordered[position][0]
            before = dict(members)
            while position < len(ordered) and ordered[position][0] == day:
                transition = ordered[position][1]
                if transition.after is Status.MEMBER:
                    members[transition.country.iso3] = transition.country
                else:
                    members.pop(transition.country.iso3, None)
                position += 1
            if members.keys() == before.keys():
                continue
            added = tuple(c for k, c in members.items() if k not in before)
            removed = tuple(k for k in before if k not in members)
            if len(self.change_ords) % _CHECKPOINT_EVERY == 0:
                self._checkpoints.append(dict(members))
            self.change_ords.append(day)
            self._deltas.append((added, removed))
        self._cache: dict[int, _Snapshot] = {}
        self._lock = threading.Lock()

    def snapshot(self, position: int) -> _Snapshot:
        """The roster in force from change point ``position`` on (-1: before the first)."""
        found = self._cache.get(position)
        if found is not None:
            return found
        if position < 0:
            return _EMPTY
        base = position - position % _CHECKPOINT_EVERY
        members = dict(self._checkpoints[base // _CHECKPOINT_EVERY])
        for added, removed in self._deltas[base + 1 : position + 1]:
            for country in added:
                members[country.iso3] = country
            for key in removed:
                del members[key]
        ordered = tuple(sorted(members.values(), key=lambda c: c.name))
        snapshot = _Snapshot(ordered, frozenset(members))
        with self._lock:
            if len(self._cache) >= _ROSTER_CACHE_SIZE:
                self._cache.clear()
            self._cache[position] = snapshot
        return snapshot


class History:
    """A membership history over events, answering the same questions as ``pfp.members_at`` etc.

    Events are validated as a whole: every fault is collected and reported in one
    :class:`~pfp.DataError`; nothing is dropped or repaired. ``organizations`` defines the
    organisations the events refer to (any other key gets a plain record);
    ``countries`` adds states with no events, so that they can be named in queries.
    """

    def __init__(
        self,
        events: Iterable[Event],
        *,
        organizations: Iterable[Organization] = (),
        countries: Iterable[Country] = (),
        default_org: str = "PfP",
    ) -> None:
        self._events: tuple[Event, ...] = tuple(events)
        orgs = {org.key: org for org in organizations}
        first_seen: dict[str, pendulum.Date] = {}
        for event in self._events:
            if event.org not in first_seen or event.date < first_seen[event.org]:
                first_seen[event.org] = event.date
        for key, founded in first_seen.items():
            orgs.setdefault(key, Organization(key, key, founded))
        if default_org not in orgs:
            orgs[default_org] = Organization(default_org, default_org, pendulum.Date(1, 1, 1))
        problems = [
            DataProblem(f"organisation {org.key}", f"graduates to unknown {org.graduates_to!r}")
            for org in orgs.values()
            if org.graduates_to and org.graduates_to not in orgs
        ]
        changes, replay_problems = replay(self._events, orgs)
        problems += replay_problems
        if problems:
            raise DataError(problems)
        self._organizations = orgs
        self._default = default_org
        self._org_lookup = {normalize(key): key for key in orgs}
        for org in orgs.values():
            for alias in (org.name, *org.aliases):
                self._org_lookup.setdefault(normalize(alias), org.key)
        self._names = CountryIndex(
            {c.iso3: c for c in (*countries, *(e.country for e in self._events))}.values()
        )
        self._indexes = {key: _OrgIndex(orgs[key], changes[key]) for key in orgs}

    # -- lookups -----------------------------------------------------------------------

    def _org(self, org: str | None) -> _OrgIndex:
        if org is None:
            return self._indexes[self._default]
        index = self._indexes.get(org)
        if index is not None:
            return index
        key = self._org_lookup.get(normalize(org)) if isinstance(org, str) else None
        if key is None:
            raise UnknownOrganizationError(org, self._indexes)
        return self._indexes[key]

    def country(self, query: str | Country) -> Country:
        """Return the state named by ``query`` (a name, former name, alias or ISO code).

        Raises:
            UnknownCountryError: with the nearest names as suggestions.
            AmbiguousCountryError: when the name belongs to several states.

        """
        return self._names.find(query)

    def countries(self) -> tuple[Country, ...]:
        """Every state known to this history, sorted by name."""
        return self._names.countries

    def suggest_countries(self, query: str, *, limit: int = 3) -> tuple[Country, ...]:
        """The states whose names are nearest to ``query``, best first."""
        return self._names.suggest(query, limit=limit)

    def organizations(self) -> tuple[Organization, ...]:
        """The organisations this history follows, by key."""
        return tuple(sorted(self._organizations.values(), key=lambda o: o.key))

    def organization(self, query: str) -> Organization:
        """The organisation named by its key, name or alias (any case).

        Raises:
            UnknownOrganizationError: listing the known organisations.

        """
        return self._org(query).org

    def events(self, *, country: str | Country | None = None) -> tuple[Event, ...]:
        """Every event, in date order (then in the order given), optionally for one state."""
        ordered = sorted(self._events, key=lambda e: e.date)
        if country is None:
            return tuple(ordered)
        iso3 = self._names.find(country).iso3
        return tuple(e for e in ordered if e.country.iso3 == iso3)

    # -- queries -----------------------------------------------------------------------

    def members_at(self, when: Any, *, org: str | None = None) -> Roster:
        """The members of ``org`` (default: the PfP) on day ``when``.

        Raises:
            InvalidDateError: when ``when`` is not a date.
            UnknownOrganizationError: when ``org`` is not known.

        """
        index = self._org(org)
        ordinal = to_ordinal(when)
        snapshot = index.snapshot(bisect_right(index.change_ords, ordinal) - 1)
        return Roster(index.org.key, ordinal, snapshot.members, snapshot.keys, self._names)

    def status_of(self, country: str | Country, when: Any, *, org: str | None = None) -> Status:
        """The status of ``country`` in ``org`` (default: the PfP) on day ``when``.

        Raises:
            UnknownCountryError: with suggestions, for a name no state bears.
            InvalidDateError: when ``when`` is not a date.

        """
        index = self._org(org)
        iso3 = self._names.find(country).iso3
        ordinal = to_ordinal(when)
        ords = index.country_ords.get(iso3)
        if ords is None:
            return Status.NON_MEMBER
        return index.country_statuses[iso3][bisect_right(ords, ordinal)]

    def transitions(
        self,
        start: Any = None,
        end: Any = None,
        *,
        country: str | Country | None = None,
        org: str | None = None,
    ) -> tuple[Transition, ...]:
        """Every change between ``start`` and ``end`` (both inclusive; None: unbounded).

        Ordered by date, then by country name.

        Raises:
            InvalidRangeError: when ``end`` is before ``start``.

        """
        index = self._org(org)
        low = None if start is None else to_ordinal(start)
        high = None if end is None else to_ordinal(end)
        if low is not None and high is not None and high < low:
            raise InvalidRangeError(
                f"the range ends ({from_ordinal(high)}) before it starts ({from_ordinal(low)}); "
                "pass start <= end"
            )
        if country is None:
            items, ords = index.transitions, index.transition_ords
        else:
            iso3 = self._names.find(country).iso3
            items = index.country_transitions.get(iso3, ())
            ords = index.country_ords.get(iso3, [])
        first = 0 if low is None else bisect_left(ords, low)
        last = len(ords) if high is None else bisect_right(ords, high)
        return items[first:last]

    def timeline(self, country: str | Country, *, org: str | None = None) -> tuple[Period, ...]:
        """The periods that tile all time for ``country``: no gap, no overlap.

        Raises:
            UnknownCountryError: with suggestions, for a name no state bears.

        """
        index = self._org(org)
        iso3 = self._names.find(country).iso3
        changes = index.country_transitions.get(iso3, ())
        if not changes:
            return (Period(None, None, Status.NON_MEMBER),)
        periods = [Period(None, changes[0].date, changes[0].before)]
        for current, following in zip(changes, (*changes[1:], None), strict=True):
            end = None if following is None else following.date
            if end is not None and end == current.date:
                continue  # superseded on its own day
            periods.append(Period(current.date, end, current.after, current.event))
        return tuple(periods)

    def with_events(self, events: Iterable[Event]) -> Self:
        """A new history with ``events`` added to these (this one is unchanged)."""
        return type(self)(
            (*self._events, *events),
            organizations=self._organizations.values(),
            countries=self._names.countries,
            default_org=self._default,
        )
