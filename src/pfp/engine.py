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

import datetime
import operator
import os
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import compress
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

import attrs
import pendulum

from pfp._collector import LARGE_BUILD, collector_paused
from pfp._folder import Folder, ProgrammeRows, Replayed
from pfp.dates import DateLike, from_ordinal, ordinal_range, to_date, to_ordinal
from pfp.errors import (
    DataError,
    DataProblem,
    InvalidArgumentError,
    UnknownKeyError,
    UnknownOrganizationError,
    items_of,
    shown,
)
from pfp.model import (
    DEFAULT_ORG,
    SYSTEMS,
    Code,
    CodeScheme,
    Country,
    Event,
    Evidence,
    Organization,
    Source,
    StateDispute,
    Status,
    Transition,
    span_ordinals,
)
from pfp.names import CountryIndex, normalize
from pfp.results import (
    Roster,
    Transitions,
    TransitionsMaker,
    new_country_set,
    new_roster,
    transitions_maker,
)

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from typing import Self

    from pfp.programme import Programme
    from pfp.results import CountrySet
    from pfp.timelines import Timeline

__all__ = ["FastPath", "History", "StatusRun", "SystemIndex", "from_records", "replayed"]

_CHECKPOINT_EVERY = 16
"""A full roster is kept every this many change points; others are rebuilt from deltas."""
_SNAPSHOT_CACHE_SIZE = 1024
"""Rebuilt rosters kept per organisation (the cache is emptied when full)."""
_DAY_MEMO_SIZE = 4096
"""Rosters kept per organisation by the day asked, so a loop over days is a dict lookup."""
_EMPTY: tuple[tuple[Country, ...], frozenset[str]] = ((), frozenset())
_Date = datetime.date
_PDate = pendulum.Date


Days = Sequence[int]
"""Day ordinals in ascending order, ready for ``bisect``."""
_COMPACT_FROM = 512
"""Runs of at least this many days are stored as a C array of ints (see _compact)."""
_DIRECTORY_FROM = 64
"""A state's run of at least this many change days gets a bucket directory (see _status_run)."""


StatusRun = (
    tuple[Days, tuple[Status, ...]] | tuple[Days, tuple[Status, ...], Sequence[int], int, int, int]
)
"""A state's change days and its status from each on (index 0: before any); a long run
also carries a bucket directory (see _status_run). ``run[1][bisect_right(run[0], day)]``
answers for either form."""


def _compact(ords: list[int]) -> Days:
    """``ords`` as a C ``array`` when long, as the list itself when short.

    An array of 4-byte ints takes a tenth of a list's memory (no int object per day) and
    keeps a long binary search in a few cache lines; a short list bisects a little faster.

    >>> type(_compact([1, 2])).__name__, type(_compact(list(range(1000)))).__name__
    ('list', 'array')
    """
    if len(ords) < _COMPACT_FROM:
        return ords
    from array import array  # noqa: PLC0415 - only long runs need it (the bundled data has none)

    return array("i", ords)


def _status_run(ords: list[int], statuses: tuple[Status, ...]) -> StatusRun:
    """``(ords, statuses)``; a run of _DIRECTORY_FROM days or more as an array, with a directory.

    The days are cut into buckets of ``2**shift`` days, about one change per bucket; the
    directory holds, per bucket, the position of its first change. A search then reads two
    directory entries and bisects a few neighbours, a couple of cache lines instead of a
    dozen scattered over the run: on large histories, memory is most of a query's cost.

    >>> from pfp.model import Status
    >>> days = list(range(700_000, 740_000, 40))  # 1,000 changes, one every 40 days
    >>> run = _status_run(days, (Status.MEMBER,) * 1001)
    >>> run[3], 2 ** run[4], run[5]  # the first day, 32-day buckets, 1,249 of them
    (700000, 32, 1249)
    """
    if len(ords) < _DIRECTORY_FROM:
        return ords, statuses
    from array import array  # noqa: PLC0415 - only long runs need it (the bundled data has none)

    base, span = ords[0], ords[-1] - ords[0] + 1
    shift = max(0, (span // len(ords)).bit_length() - 1)
    buckets = ((ords[-1] - base) >> shift) + 1
    directory = array("i", (bisect_left(ords, base + (b << shift)) for b in range(buckets + 1)))
    return array("i", ords), statuses, directory, base, shift, buckets


_ON_ROSTER = frozenset({Status.MEMBER, Status.SUSPENDED})
"""The statuses that count a state among an organisation's members."""

_NEVER: StatusRun = ((), (Status.NON_MEMBER,))
"""The change days and statuses of a state no event concerns and whose life is not recorded."""


def _status_in(run: StatusRun, ordinal: int) -> Status:
    """The status of a run on the day ``ordinal`` (either form of run: one bisect)."""
    return run[1][bisect_right(run[0], ordinal)]


Life = tuple[tuple[int, int | None, Code | None, Code | None], ...]
"""A state's life: its stretches of days in any state system, as (first, last) ordinals
(last None while it lasts), in order and not touching, each with the code records that
begin and end it (their sources are the sources of the state's first and last day)."""

_SYSTEM_RANK = {CodeScheme.COW: 0, CodeScheme.GW: 1, CodeScheme.ISO3: 2}


def life_of(country: Country) -> Life:
    """The days ``country`` existed in any state system (empty: not recorded), as ordinals.

    >>> import pfp
    >>> [(pfp.dates.from_ordinal(a), b, begun.scheme.value) for a, b, begun, _ in
    ...  life_of(pfp.country("Slovakia"))]
    [(Date(1993, 1, 1), None, 'cow')]
    """
    ranked = sorted(
        (c for c in country.codes if c.scheme in _SYSTEM_RANK), key=lambda c: _SYSTEM_RANK[c.scheme]
    )
    begun: dict[int, Code] = {}  # the first code, by system, that begins or ends on each day
    ended: dict[int, Code] = {}
    for code in ranked:
        if code.start is not None:
            begun.setdefault(code.start.toordinal(), code)
        if code.end is not None:
            ended.setdefault(code.end.toordinal(), code)
    return tuple(
        (first, last, begun.get(first), None if last is None else ended.get(last))
        for first, last in span_ordinals(country.codes, SYSTEMS.values())
    )


Cause = Event | Code | None
"""What began a period: an event, the code record of a state's first or last day, or
nothing known (a state's standing before its first record)."""


def _merged(
    items: Sequence[tuple[int, Transition]], life: Life | None
) -> tuple[list[int], tuple[Status, ...], tuple[Cause, ...]]:
    """A state's run in one organisation: its events' changes and the days it began or ceased.

    Returns the change days, the status from each on (index 0: before any) and the event behind
    each change (None where the state began or ceased to exist). Outside its life the status
    is :attr:`Status.NOT_A_STATE`; within it, what the events made it.
    """
    if not life:  # no recorded life (a state made in code): the events' changes alone
        return _changes(items)
    bounds: list[tuple[int, bool, Code | None]] = []
    for first, last, begun, ended in life:
        bounds.append((first, True, begun))
        if last is not None:
            bounds.append((last + 1, False, ended))
    alive = not bounds or bounds[0][0] <= 1
    standing = items[0][1].before if items else Status.NON_MEMBER
    current = standing if alive else Status.NOT_A_STATE
    days: list[int] = []
    statuses = [current]
    causes: list[Cause] = []
    points = sorted({day for day, _ in items} | {bound[0] for bound in bounds})
    event_at, bound_at = 0, 0
    for day in points:
        cause: Cause = None
        while bound_at < len(bounds) and bounds[bound_at][0] == day:
            alive, cause = bounds[bound_at][1], bounds[bound_at][2]
            bound_at += 1
        while event_at < len(items) and items[event_at][0] == day:
            standing = items[event_at][1].after
            cause = items[event_at][1].event  # an event on a state's first day explains it
            event_at += 1
        new = standing if alive else Status.NOT_A_STATE
        if new is not current:
            days.append(day)
            statuses.append(new)
            causes.append(cause)
            current = new
    return days, tuple(statuses), tuple(causes)


def _changes(
    items: Sequence[tuple[int, Transition]],
) -> tuple[list[int], tuple[Status, ...], tuple[Cause, ...]]:
    """:func:`_merged` for a state with no recorded life: each day's last event decides."""
    current = items[0][1].before if items else Status.NON_MEMBER
    days: list[int] = []
    statuses = [current]
    causes: list[Cause] = []
    for position, (day, transition) in enumerate(items):
        if position + 1 < len(items) and items[position + 1][0] == day:
            continue  # a later event the same day decides that day's standing
        if transition.after is not current:
            days.append(day)
            statuses.append(transition.after)
            causes.append(transition.event)
            current = transition.after
    return days, tuple(statuses), tuple(causes)


_day = operator.itemgetter(0)
_second = operator.itemgetter(1)
_after = operator.attrgetter("after")


def _day_then_name(pair: tuple[int, Transition]) -> tuple[int, str]:
    return pair[0], pair[1].country.name


_by_name = operator.attrgetter("name", "iso3")
"""Rosters are sorted by name (then code, should two states share a name)."""


class FastPath(NamedTuple):
    """What one organisation's hot paths read: published by the engine for inlined callers.

    ``pfp.status_of`` and ``pfp.transitions`` answer their commonest calls from these without
    a method call; a property test keeps them equal to :meth:`History.status_of` and
    :meth:`History.transitions`, the one definition of each answer.

    >>> import bisect, pfp
    >>> fast = pfp.history().fast_path()
    >>> days, statuses = fast.statuses_by_name["Malta"][:2]
    >>> statuses[bisect.bisect_right(days, pfp.dates.to_ordinal("2000-01-01"))]
    <Status.WITHDRAWN: 'withdrawn'>
    """

    statuses_by_name: Mapping[str, StatusRun]
    """Every exact spelling of every state's names and codes -> its change days and statuses
    (``run[1][bisect_right(run[0], day)]`` is the status on ``day``)."""
    transitions: tuple[Transition, ...]
    """Every change, by date then name."""
    transition_days: Days
    """The day ordinal of each change."""
    make_transitions: TransitionsMaker
    """Makes this organisation's :class:`~pfp.Transitions`: ``make(transitions, start, stop)``
    is the view of ``transitions[start:stop]``."""
    all_transitions: Transitions
    """The all-time answer, made once (it is immutable)."""
    make_beyond: TransitionsMaker
    """The same for a window that reaches past the review day (``beyond_data``)."""
    known_to_day: int | None
    """The ordinal of the organisation's review day (None: not stated)."""


T = TypeVar("T")


class _Made(Generic[T]):
    """An attribute made on first access, under its history's lock, then a plain attribute.

    A non-data descriptor: once made, the value sits in the instance's ``__dict__``, which a
    lookup finds first. (A class ``__getattr__`` would do the same but slows every other
    attribute read of the class: CPython does not specialise attribute reads on such classes,
    and the queries' hot paths read several.)
    """

    def __init__(self, make: Callable[[Any], T]) -> None:
        self._make = make
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        history = instance if isinstance(instance, History) else instance.history
        with history._lock:
            made: dict[str, Any] = instance._made  # not __dict__: reading it would end the
            found: T | None = made.get(self._name)  # instance's compact layout, and with it
            if found is None:  # the fast attribute reads of every query
                found = made[self._name] = self._make(instance)
                object.__setattr__(instance, self._name, found)  # a plain attribute now
        return found


class _OrgIndex:
    """Everything one organisation's queries need, built once from its replayed events."""

    def __init__(
        self,
        org: Organization,
        changes: Sequence[tuple[int, Transition]],
        history: History,
        lives: Mapping[str, Life],
    ) -> None:
        self._made: dict[str, Any] = {}
        """The attributes made on first use so far (see _Made)."""
        self.org = org
        self.key = org.key
        self.history = history
        """The history these answers belong to: rosters refer to it to resolve names."""
        by_date = sorted(changes, key=_day_then_name)
        self.transitions: tuple[Transition, ...] = tuple(map(_second, by_date))
        self.transition_ords: Days = _compact(list(map(_day, by_date)))
        self._make_results()

        # Per country its events concern: change days and the status from each day on (index
        # 0 = before any), its days outside any state system included (Status.NOT_A_STATE).
        self.own_statuses: dict[str, StatusRun] = {}
        """Per country the organisation's events concern: its change days, and its status
        from each of them on (country_statuses adds every other state's)."""
        self.own_causes: dict[str, tuple[Cause, ...]] = {}
        """Per country, the event behind each change of its run (None: it began or ceased)."""
        self.country_transitions: dict[str, tuple[Transition, ...]] = {}
        self.country_transition_days: dict[str, list[int]] = {}
        """Per country: the day of each of its transitions (aligned with the above)."""
        per_country: dict[str, list[tuple[int, Transition]]] = {}
        for ordinal, transition in changes:  # changes are in replay order
            per_country.setdefault(transition.country.iso3, []).append((ordinal, transition))
        members: dict[str, tuple[Country, list[int], tuple[Status, ...]]] = {}
        for iso3, items in per_country.items():
            changed = tuple(map(_second, items))
            days, statuses, causes = _merged(items, lives.get(iso3))
            self.own_statuses[iso3] = _status_run(days, statuses)
            self.own_causes[iso3] = causes
            self.country_transitions[iso3] = changed
            self.country_transition_days[iso3] = list(map(_day, items))
            if not _ON_ROSTER.isdisjoint(statuses):
                members[iso3] = (changed[0].country, days, statuses)

        self.change_ords: Days = []
        self._deltas: list[tuple[int, ...]] = []
        """Per change point, the numbers of the states that join or leave on its day."""
        self._checkpoints: list[bytes] = []
        """Every _CHECKPOINT_EVERY change points, the roster as a row of 0/1 bytes."""
        self._index_rosters(members)
        self._snapshots: dict[int, tuple[tuple[Country, ...], frozenset[str]]] = {}
        self.days: dict[object, Roster] = {}
        """Rosters already returned, by the day exactly as asked (a bounded memo)."""

    country_statuses: _Made[dict[str, StatusRun]] = _Made(
        lambda index: index.with_alone(index.own_statuses, 0)
    )
    """Per state: its change days, and its status from each of them on; made on first use
    (``members_at`` needs none): a state no event concerns has its life's run (the history's
    ``_alone``)."""
    country_causes: _Made[dict[str, tuple[Cause, ...]]] = _Made(
        lambda index: index.with_alone(index.own_causes, 1)
    )
    """Per state: the event behind each change of its run (None: it began or ceased)."""
    by_name: _Made[dict[str, StatusRun]] = _Made(lambda index: index.make_by_name())
    """The same as ``country_statuses``, by every exact spelling of every state's names and
    codes (see History); made on first use, from the history's name index."""

    def with_alone(self, own: dict[str, Any], part: int) -> dict[str, Any]:
        """``own`` (per state the events concern), then each other state's run or causes."""
        found = dict(own)
        for iso3, alone in self.history._alone.items():
            found.setdefault(iso3, alone[part])
        return found

    def make_by_name(self) -> dict[str, StatusRun]:
        """``by_name``, made (on its first use)."""
        statuses = self.country_statuses
        exact = self.history._exact_iso3
        return {spelling: statuses.get(iso3, _NEVER) for spelling, iso3 in exact.items()}

    def _make_results(self) -> None:
        self.new_transitions = transitions_maker(self.key, self.history)
        """Makes this organisation's Transitions: a view of a tuple's ``[start:stop]``."""
        as_of = self.org.as_of
        self.known_to_day = None if as_of is None else as_of.toordinal()
        """The ordinal of the organisation's review day: a window past it is beyond the data."""
        self.beyond_transitions = (
            self.new_transitions
            if as_of is None
            else transitions_maker(self.key, self.history, as_of)
        )
        self.all_transitions = self.beyond_transitions(self.transitions, 0, len(self.transitions))
        """transitions() over all time, made once: it is immutable."""

    def fast_path(self) -> FastPath:
        """The structures the hot paths read (see :class:`FastPath`)."""
        return FastPath(
            self.by_name,
            self.transitions,
            self.transition_ords,
            self.new_transitions,
            self.all_transitions,
            self.beyond_transitions,
            self.known_to_day,
        )

    def _index_rosters(
        self, members: Mapping[str, tuple[Country, list[int], tuple[Status, ...]]]
    ) -> None:
        """Record which states flip on each day the roster changes, and periodic checkpoints.

        A state is on the roster while its run (``members``: its change days and statuses)
        says ``member`` or ``suspended`` (a suspension is not an exit): it leaves by an event
        or when it ceases to exist. The organisation's
        states are numbered in name order and a roster is a row of one byte per state (1:
        member), so that ``itertools.compress`` turns a row into the sorted members in C. A
        checkpoint (a row) every _CHECKPOINT_EVERY change points: memory grows as events plus
        states x change points / _CHECKPOINT_EVERY bytes, never as a roster of records at
        every change point.
        """
        ranked = sorted((country for country, _, _ in members.values()), key=_by_name)
        self._ranked: tuple[Country, ...] = tuple(ranked)
        self._ranked_iso3: tuple[str, ...] = tuple(c.iso3 for c in ranked)
        number = {iso3: n for n, iso3 in enumerate(self._ranked_iso3)}
        flips = sorted(
            (day, number[iso3], statuses[k + 1] in _ON_ROSTER)
            for iso3, (_, days, statuses) in members.items()
            for k, day in enumerate(days)
        )
        flags = bytearray(len(ranked))
        change_ords: list[int] = []
        position = 0
        count = len(flips)
        while position < count:
            day = flips[position][0]
            before: dict[int, int] = {}  # the states this day touches, as they were before it
            while position < count and flips[position][0] == day:
                _, state, member = flips[position]
                before.setdefault(state, flags[state])
                flags[state] = member
                position += 1
            flipped = tuple(state for state, was in before.items() if flags[state] != was)
            if not flipped:
                continue
            if len(change_ords) % _CHECKPOINT_EVERY == 0:
                self._checkpoints.append(bytes(flags))
            change_ords.append(day)
            self._deltas.append(flipped)
        self.change_ords = _compact(change_ords)

    def roster(self, ordinal: int) -> Roster:
        """The roster on day ``ordinal``: a binary search, then a cached snapshot."""
        position = bisect_right(self.change_ords, ordinal) - 1
        found = self._snapshots.get(position)
        if found is None:
            found = self._snapshot(position)
        return new_roster(self.org.key, ordinal, found[0], found[1], self.history)

    def _snapshot(self, position: int) -> tuple[tuple[Country, ...], frozenset[str]]:
        """Rebuild the members in force from change point ``position`` on (-1: before any)."""
        if position < 0:
            return _EMPTY
        base = position - position % _CHECKPOINT_EVERY
        flags = bytearray(self._checkpoints[base // _CHECKPOINT_EVERY])
        for flipped in self._deltas[base + 1 : position + 1]:
            for state in flipped:
                flags[state] ^= 1
        snapshot = (
            tuple(compress(self._ranked, flags)),
            frozenset(compress(self._ranked_iso3, flags)),
        )
        if len(self._snapshots) >= _SNAPSHOT_CACHE_SIZE:
            self._snapshots.clear()
        self._snapshots[position] = snapshot
        return snapshot


def _alone(lives: Mapping[str, Life]) -> dict[str, tuple[StatusRun, tuple[Cause, ...]]]:
    """Each state's run and causes in an organisation none of whose events concern it."""
    alone = {}
    for iso3, life in lives.items():
        days, statuses, causes = _merged((), life)
        alone[iso3] = (_status_run(days, statuses), causes)
    return alone


def _cessations(events: tuple[Event, ...], lives: Mapping[str, Life]) -> list[Event]:
    """The ends of states' lives in each organisation they had a standing in.

    A state that ceases to exist leaves every organisation the day after its last day in the
    state systems (Czechoslovakia left the NACC on 1 January 1993): a ``cessation`` the
    engine derives from the code records that end its life, so that ``transitions`` turn one
    roster into the next.
    """
    ending = {iso3 for iso3, life in lives.items() if any(last is not None for _, last, *_ in life)}
    if not ending:
        return []  # no state of the history ever ceased: nothing to derive
    orgs_of: dict[str, dict[str, Country]] = {}
    earliest: dict[tuple[str, str], int] = {}  # (state, org) -> the day of its first event
    for event in events:
        iso3 = event.country.iso3
        if iso3 in ending:
            orgs_of.setdefault(iso3, {})[event.org] = event.country
            ordinal = event.date.toordinal()
            if earliest.setdefault((iso3, event.org), ordinal) > ordinal:
                earliest[iso3, event.org] = ordinal
    made = []
    for iso3, orgs in orgs_of.items():
        for _, last, _, ended in lives.get(iso3, ()):
            if last is None:
                continue
            day = from_ordinal(last + 1)
            for org, country in orgs.items():
                if earliest[iso3, org] <= last:  # it had a standing there before it ceased
                    made.append(
                        Event(
                            day,
                            country,
                            "cessation",
                            ended.sources if ended is not None else (),
                            org=org,
                            note=f"{country.name} ceased to exist after {from_ordinal(last)}.",
                            origin=f"codes.csv ({iso3}'s last day, {from_ordinal(last)})",
                        )
                    )
    return made


def _existing(lives: Mapping[str, Life]) -> Callable[[Country, pendulum.Date], bool]:
    """Whether a state existed on a day, by its life (a state with none always exists)."""

    def exists(country: Country, day: pendulum.Date) -> bool:
        life = lives.get(country.iso3)
        ordinal = day.toordinal()
        return not life or any(
            first <= ordinal and (last is None or ordinal <= last) for first, last, *_ in life
        )

    return exists


def _outside_life(events: tuple[Event, ...], lives: Mapping[str, Life]) -> list[DataProblem]:
    """Events dated on a day their state did not exist in any state system."""
    problems: list[DataProblem] = []
    if not lives:
        return problems
    for position, event in enumerate(events):
        life = lives.get(event.country.iso3)
        day = event.date.toordinal()
        if life and not any(
            first <= day and (last is None or day <= last) for first, last, *_ in life
        ):
            spans = "; ".join(
                f"{from_ordinal(first)} to {'today' if last is None else from_ordinal(last)}"
                for first, last, *_ in life
            )
            problems.append(
                DataProblem(
                    event.origin or f"event {position + 1}",
                    f"{event.country.name} did not exist as a state on {event.date} (it existed "
                    f"{spans}); date the event within its life",
                )
            )
    return problems


def _clashes(
    orgs: dict[str, Organization], countries: Iterable[Country], events: tuple[Event, ...]
) -> list[DataProblem]:
    """Organisation keys that differ only in case, and one ISO code on two different states."""
    problems = []
    folded: dict[str, str] = {}
    for key in orgs:
        other = folded.setdefault(normalize(key), key)
        if other != key:
            problems.append(
                DataProblem(f"organisation {key}", f"differs from {shown(other)} only in case")
            )
    states: dict[str, Country] = {}
    for country in (*countries, *(event.country for event in events)):
        known = states.setdefault(country.iso3, country)
        if known is not country and known != country:
            problems.append(
                DataProblem(
                    f"country {country.iso3}",
                    f"two different records use this code: {shown(known)} and {shown(country)}",
                )
            )
            states[country.iso3] = country  # report each different record once
    return problems


def _records_of(value: object, kind: type[Any], what: str) -> tuple[Any, ...]:
    """``value`` as a tuple of ``kind`` records, or a DataError naming each stray item."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise DataError(
            [
                DataProblem(
                    what, f"must be an iterable of pfp.{kind.__name__} records, not {shown(value)}"
                )
            ]
        )
    found = items_of(value, what)
    problems = [
        DataProblem(f"{what} item {i + 1}", f"a {type(item).__name__}, not a pfp.{kind.__name__}")
        for i, item in enumerate(found)
        if not isinstance(item, kind)
    ]
    if problems:
        raise DataError(problems)
    return found


class History:
    """A membership history over events, answering the same questions as ``pfp.members_at`` etc.

    >>> import pfp
    >>> sweden = pfp.History(pfp.events(country="Sweden"))
    >>> [state.name for state in sweden.countries()]
    ['Sweden']
    >>> sweden.status_of("Sweden", "2024-03-07", org="NATO")
    <Status.MEMBER: 'member'>

    Events are validated as a whole: every fault is collected and reported in one
    :class:`~pfp.DataError`; nothing is dropped or repaired. ``organizations`` defines the
    organisations the events refer to (any other key gets a plain record);
    ``countries`` adds states with no events, so that they can be named in queries.
    ``version`` and ``as_of`` say which data this is and the last day it is known complete
    (None for a history built in code: its tables say so); ``sources`` and ``programme`` are
    the folder's other records. ``shared_as`` is a function of no arguments that returns this
    same history in any process: pickling then stores that function, not the data (the
    bundled history is ``pfp.history``).

    A History is immutable: its attributes cannot be set or deleted. Its repr says what it
    holds; in a notebook it shows as a table of the same.

    >>> import pfp
    >>> pfp.history()
    <History: ... events, ... states, 13 organisations (default PfP); data ..., complete to ...>
    """

    def __init__(
        self,
        events: Iterable[Event],
        *,
        organizations: Iterable[Organization] = (),
        countries: Iterable[Country] = (),
        default_org: str = DEFAULT_ORG,
        version: str | None = None,
        as_of: DateLike | None = None,
        sources: Iterable[Source] = (),
        programme: Programme | None = None,
        state_disputes: Iterable[StateDispute] = (),
        shared_as: Callable[[], History] | None = None,
    ) -> None:
        self._initialise(
            events,
            organizations,
            countries,
            default_org,
            version,
            as_of,
            sources,
            programme,
            state_disputes,
            shared_as,
            None,
        )

    def _initialise(  # noqa: PLR0917 - __init__'s arguments, and the replay if known
        self,
        events: Iterable[Event],
        organizations: Iterable[Organization],
        countries: Iterable[Country],
        default_org: str,
        version: str | None,
        as_of: Any,
        sources: Iterable[Source],
        programme: Programme | None,
        state_disputes: Iterable[StateDispute],
        shared_as: Callable[[], History] | None,
        replayed: Replayed | None,
    ) -> None:
        found = _records_of(events, Event, "events")
        disputed = _records_of(state_disputes, StateDispute, "state_disputes")
        orgs = _records_of(organizations, Organization, "organizations")
        states = _records_of(countries, Country, "countries")
        cited = _records_of(sources, Source, "sources")
        if not isinstance(default_org, str) or not default_org:
            raise InvalidArgumentError(
                "default_org must be an organisation's key, such as 'PfP'; "
                f"got {shown(default_org)}"
            )
        if version is not None and not isinstance(version, str):
            raise InvalidArgumentError(f"version must be a string or None; got {shown(version)}")
        if programme is not None:
            from pfp.programme import Programme  # noqa: PLC0415 - its records, when given

            if not isinstance(programme, Programme):
                raise InvalidArgumentError(f"programme must be a Programme; got {shown(programme)}")
        if shared_as is not None and not callable(shared_as):
            raise InvalidArgumentError(f"shared_as must be a function; got {shown(shared_as)}")
        _set = object.__setattr__
        _set(self, "version", version)
        _set(self, "as_of", None if as_of is None else to_date(as_of))
        _set(self, "_sources", tuple(sorted(cited, key=lambda s: s.key)))
        _set(self, "_source_by_key", {s.key: s for s in cited})
        _set(self, "_programme", programme)
        _set(self, "_programme_rows", ProgrammeRows())
        _set(self, "_shared_as", shared_as)
        _set(self, "_state_disputes", disputed)
        _set(self, "_made", {})  # the attributes made on first use so far (see _Made)
        with collector_paused(len(found)):
            self._build(found, orgs, states, default_org, replayed)

    _events: tuple[Event, ...]
    _ordered: tuple[Event, ...]
    _organizations: dict[str, Organization]
    _default: str
    _sorted_organizations: tuple[Organization, ...]
    _org_lookup: dict[str, str]
    _names: _Made[CountryIndex] = _Made(lambda history: CountryIndex(history._states))
    """The name index, made on first use, as the three below: the first query needs none."""
    _exact_iso3: _Made[dict[str, str]] = _Made(lambda history: history._names.exact_iso3())
    """Every exact spelling of a state's names and codes -> its ISO alpha-3 (see by_name)."""
    _events_by_country: _Made[dict[str, tuple[Event, ...]]] = _Made(
        lambda history: _events_by_country(history)  # noqa: PLW0108 - defined further down
    )
    """Each state's events in date order, by ISO alpha-3."""
    _systems: _Made[dict[str, SystemIndex]] = _Made(
        lambda history: _systems(history)  # noqa: PLW0108 - defined further down
    )
    """Per state system, the states in it on each day."""
    _made: dict[str, Any]
    """The attributes made on first use so far (see _Made)."""
    _states: tuple[Country, ...]
    _changes: Mapping[str, Sequence[tuple[int, Transition]]]
    _lives: Mapping[str, Life]
    _alone: _Made[dict[str, tuple[StatusRun, tuple[Cause, ...]]]] = _Made(
        lambda history: _alone(history._lives)
    )
    """A state no event of an organisation concerns: its life alone, one run for every org."""
    _lock: threading.RLock
    _indexes: dict[str, _OrgIndex]
    """The organisations' indexes built so far (see _index_of)."""
    _default_index: _OrgIndex
    _sources: tuple[Source, ...]
    _source_by_key: dict[str, Source]
    _shared_as: Callable[[], History] | None
    _state_disputes: tuple[StateDispute, ...]

    version: str | None
    """The data's version (``dataset.toml``'s ``data_version``), or None."""
    as_of: pendulum.Date | None
    """The last day the data is known complete, or None."""
    _programme: Programme | None
    _programme_rows: ProgrammeRows

    @property
    def programme(self) -> Programme:
        """The programme's milestones, figures and cooperation areas (empty unless given).

        A history read from a folder checks the programme's files with the rest and makes
        their records on first use.
        """
        found = self._programme
        if found is None:
            from pfp.programme import build  # noqa: PLC0415 - the records' classes, on first use

            found = build(*self._programme_rows)
            object.__setattr__(self, "_programme", found)  # the same value from any thread
        return found

    @classmethod
    def from_folder(
        cls,
        path: str | os.PathLike[str] | Traversable,
        *,
        shared_as: Callable[[], History] | None = None,
    ) -> History:
        """Read, validate and index a data folder laid out like pfp's own ``_data``.

        Every file is read in one pass (events, states, organisations, sources, alternatives,
        renames, the programme's files and ``dataset.toml``); every fault is reported in one
        :class:`~pfp.DataError` whose ``.problems`` name the file and line. ``path`` may also
        be an ``importlib.resources`` folder (how pfp reads its own data, zipped or not);
        ``shared_as`` is as for :class:`History`.

        >>> import pfp
        >>> from importlib.resources import files
        >>> copy = pfp.History.from_folder(files("pfp") / "_data")
        >>> copy.members_at("1994-08-03") == pfp.members_at("1994-08-03")
        True
        >>> copy.version == pfp.DATA_VERSION
        True

        Raises:
            DataError: listing every problem found.
            InvalidArgumentError: when ``path`` is not a folder.

        """
        root = _folder(path)
        return cls.from_reader(lambda name: root.joinpath(name).read_bytes(), shared_as=shared_as)

    @classmethod
    def from_reader(
        cls,
        read: Callable[[str], bytes],
        *,
        shared_as: Callable[[], History] | None = None,
    ) -> History:
        """Like :meth:`from_folder`, reading each file with ``read(name) -> bytes``.

        ``read`` raises ``OSError`` (``FileNotFoundError``) for a file the folder lacks.

        >>> import pfp
        >>> from importlib.resources import files
        >>> data = files("pfp") / "_data"
        >>> pfp.History.from_reader(lambda name: data.joinpath(name).read_bytes()).version
        '...'

        Raises:
            DataError: listing every problem found.

        """
        if not callable(read):
            raise InvalidArgumentError(f"read must be a function of a file name, not {shown(read)}")
        from pfp._load import read_folder  # noqa: PLC0415 - the loaders' checks, on first use

        return cls._from(read_folder(read), shared_as)

    @classmethod
    def _from(cls, folder: Folder, shared_as: Callable[[], History] | None = None) -> History:
        """The history of a folder's records, or one DataError with every problem found."""
        problems = list(folder.problems)
        data, metadata = folder.dataset, folder.metadata
        try:
            made = cls.__new__(cls)
            made._initialise(
                data.events,
                data.organizations,
                data.countries,
                metadata.default_org if metadata else DEFAULT_ORG,
                metadata.version if metadata else None,
                metadata.as_of if metadata else None,
                data.sources,
                None,
                data.state_disputes,
                shared_as,
                folder.replayed,
            )
            object.__setattr__(made, "_programme_rows", folder.programme)
        except DataError as error:
            if not problems:
                raise
            problems += [p for p in error.problems if p not in problems]
        if problems:
            raise DataError(problems)
        return made

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        if self._shared_as is not None:
            return (self._shared_as, ())
        return (_rebuilt, (self._events, self._settings()))

    def _settings(self) -> dict[str, Any]:
        """The keyword arguments that rebuild this history from its events."""
        return {
            "organizations": tuple(self._organizations.values()),
            "countries": self._names.countries,
            "default_org": self._default,
            "version": self.version,
            "as_of": self.as_of,
            "sources": self._sources,
            "programme": self.programme,
            "state_disputes": self._state_disputes,
        }

    def __repr__(self) -> str:
        data = f"data {self.version}" if self.version else "data built in code"
        as_of = f", complete to {self.as_of}" if self.as_of else ""
        counts = ", ".join(
            f"{count} {noun}{'s' if count != 1 else ''}"
            for count, noun in (
                (len(self._events), "event"),
                (len(self._names.countries), "state"),
                (len(self._organizations), "organisation"),
            )
        )
        return f"<History: {counts} (default {self._default}); {data}{as_of}>"

    def _caption(self) -> str:
        """The notebook view's caption: which data this is.

        >>> import pfp
        >>> pfp.history()._caption() == f"pfp history, data {pfp.DATA_VERSION}"
        True
        """
        data = f"data {self.version}" if self.version else "built in code (not the bundled data)"
        return f"pfp history, {data}"

    def _repr_html_(self) -> str:
        from pfp.display import html_table  # noqa: PLC0415 - only notebooks need it

        row = {
            "data version": self.version or "none (built in code)",
            "complete to": self.as_of or "not stated",
            "events": len(self._events),
            "states": len(self._names.countries),
            "organisations": f"{len(self._organizations)}: "
            + ", ".join(sorted(self._organizations)),
            "default organisation": self._default,
            "sources": len(self._sources),
        }
        hints = {
            "complete to": "the last day the data is known complete (each organisation's own "
            "review day is Organization.as_of)",
            "default organisation": "the organisation queries answer for without org=",
        }
        return html_table([row], caption=self._caption(), vertical=True, hints=hints)

    def _build(
        self,
        events: tuple[Event, ...],
        organizations: tuple[Organization, ...],
        countries: tuple[Country, ...],
        default_org: str,
        replayed: Replayed | None = None,
    ) -> None:
        """Index the history; ``replayed``: its replay and lives, already made and checked."""
        _set = object.__setattr__
        _set(self, "_events", events)
        orgs: dict[str, Organization] = {}
        problems: list[DataProblem] = []
        for org in organizations:
            if org.key in orgs:
                problems.append(DataProblem(f"organisation {org.key}", "given twice"))
            orgs[org.key] = org
        first_seen: dict[str, pendulum.Date] = {}
        for event in events:
            if event.org not in first_seen or event.date < first_seen[event.org]:
                first_seen[event.org] = event.date
        for key, founded in first_seen.items():
            if key not in orgs:
                orgs[key] = Organization(key, key, founded)
        if default_org not in orgs:
            orgs[default_org] = Organization(default_org, default_org, pendulum.Date(1, 1, 1))
        problems += [
            DataProblem(
                f"organisation {org.key}", f"graduates to unknown {shown(org.graduates_to)}"
            )
            for org in orgs.values()
            if org.graduates_to and org.graduates_to not in orgs
        ]
        known = {c.iso3: c for c in (*countries, *(e.country for e in events))}
        changes: Mapping[str, Sequence[tuple[int, Transition]]]
        lives: Mapping[str, Life]
        if replayed is None:
            from pfp.rules import replay  # noqa: PLC0415 - the bundled data's is compiled

            problems += _clashes(orgs, countries, events)
            lives = {iso3: life for iso3, c in known.items() if (life := life_of(c))}
            problems += _outside_life(events, lives)
            changes, replay_problems = replay(
                (*events, *_cessations(events, lives)), orgs, exists=_existing(lives)
            )
            problems += replay_problems
        else:  # the bundled data's, checked when compiled (see pfp._load_compiled)
            changes, lives = replayed
        if problems:
            raise DataError(problems)
        _set(self, "_ordered", tuple(sorted(events, key=lambda e: e.date)))
        _set(self, "_organizations", orgs)
        _set(self, "_sorted_organizations", tuple(sorted(orgs.values(), key=lambda o: o.key)))
        _set(self, "_default", default_org)
        lookup = {normalize(key): key for key in orgs}
        for org in orgs.values():
            for alias in (org.name, *org.aliases):
                lookup.setdefault(normalize(alias), org.key)
        _set(self, "_org_lookup", lookup)
        _set(self, "_states", tuple(known.values()))
        _set(self, "_changes", changes)
        _set(self, "_lives", lives)
        _set(self, "_lock", threading.RLock())
        _set(self, "_indexes", {})
        _set(self, "_default_index", self._index_of(default_org))
        if len(events) >= LARGE_BUILD:
            # A large history builds every index now, while the collector is paused: built
            # one by one later, each would run the collector over the whole heap between them.
            for key in orgs:
                index = self._index_of(key)
                _ = index.by_name, index.country_causes
            _set(self, "_changes", {})  # every index holds its own: let the replay's pairs go

    def _index_of(self, key: str) -> _OrgIndex:
        """Organisation ``key``'s index, built on its first use (once, whichever thread asks).

        Only the default organisation's is built with a small history (the bundled one): the
        others' (and the name index) cost the first query nothing until a question is asked
        of them. A large history (LARGE_BUILD events or more) builds them all at once. The index is
        complete before it is published, so a reader never sees it half built.
        """
        with self._lock:
            index = self._indexes.get(key)
            if index is None:
                index = self._new_index(key)
                self._indexes[key] = index
        return index

    def _new_index(self, key: str) -> _OrgIndex:
        return _OrgIndex(self._organizations[key], self._changes[key], self, self._lives)

    # -- lookups -----------------------------------------------------------------------

    def _org(self, org: object) -> _OrgIndex:
        if org is None:
            return self._default_index
        if type(org) is str:
            index = self._indexes.get(org)
            if index is not None:
                return index
        key = self._org_lookup.get(normalize(str.__str__(org))) if isinstance(org, str) else None
        if key is None:
            raise UnknownOrganizationError(org, self._organizations)
        return self._indexes.get(key) or self._index_of(key)

    @property
    def default_org(self) -> str:
        """The key of the organisation queries answer for when no ``org`` is given.

        >>> import pfp
        >>> pfp.history().default_org
        'PfP'
        """
        return self._default

    def fast_path(self, org: str | None = None) -> FastPath:
        """The lookup structures of ``org``'s hot paths (see :class:`FastPath`).

        Raises:
            UnknownOrganizationError: when ``org`` is not known.

        """
        return self._org(org).fast_path()

    def status_runs(self, org: str | None = None) -> Mapping[str, StatusRun]:
        """Every state's change days and statuses in ``org``, by ISO alpha-3 code (read-only).

        ``run[1][bisect_right(run[0], day_ordinal)]`` is the state's status on a day; a state
        missing here has never been a state in any system and has no event (``non_member``
        every day). The bulk answers (:func:`pfp.annotate`) are compiled from these.

        >>> import bisect, pfp
        >>> run = pfp.history().status_runs("NATO")["SWE"]
        >>> run[1][bisect.bisect_right(run[0], pfp.dates.to_ordinal("2024-03-07"))]
        <Status.MEMBER: 'member'>

        Raises:
            UnknownOrganizationError: when ``org`` is not known.

        """
        return MappingProxyType(self._org(org).country_statuses)

    def sources(self) -> tuple[Source, ...]:
        """Every source this history's data cites, by key (empty for a history built in code)."""
        return self._sources

    def source(self, key: str) -> Source:
        """The source cited as ``key``.

        Raises:
            UnknownKeyError: naming the nearest keys.

        """
        found = self._source_by_key.get(key) if type(key) is str else None
        if found is None:
            raise UnknownKeyError("source", key, list(self._source_by_key))
        return found

    def country(
        self,
        query: str | Country | None = None,
        *,
        cow: int | None = None,
        gw: int | None = None,
        on: DateLike | None = None,
    ) -> Country:
        """Return the state named by ``query``, or numbered ``cow=`` or ``gw=``.

        ``query`` is any name, former name or alias, an ISO alpha-2 or alpha-3 code (current
        or former), a COW or G&W abbreviation (a three-letter string is read as ISO alpha-3
        first: "AUS" is Australia, "GFR" West Germany). A COW or G&W number names the state
        that bore it on day ``on``, or the last to bear it.

        Raises:
            UnknownCountryError: with the nearest names as suggestions.
            AmbiguousCountryError: when the name belongs to several states.
            InvalidArgumentError: for no question, or more than one.

        """
        if cow is None and gw is None and query is not None:
            return self._names.find(query)
        asked = [query is not None, cow is not None, gw is not None]
        if sum(asked) != 1:
            raise InvalidArgumentError(
                "ask for one state: a name or code, cow=NUMBER or gw=NUMBER, such as "
                "country('Germany') or country(cow=260)"
            )
        scheme, number = ("cow", cow) if cow is not None else ("gw", gw)
        if isinstance(number, bool) or not isinstance(number, int):
            raise InvalidArgumentError(
                f"{scheme} must be a whole number, such as 255; got {shown(number)}"
            )
        ordinal = None if on is None else to_ordinal(on)
        return self._names.by_number(scheme, number, ordinal)

    def countries_named(self, query: str) -> tuple[Country, ...]:
        """The states ``query`` names, as :meth:`country` reads it: none, one or several.

        The quiet form of :meth:`country` for bulk lookups: no error, no suggestions made.

        >>> import pfp
        >>> [c.name for c in pfp.history().countries_named("FYROM")]
        ['North Macedonia']
        >>> pfp.history().countries_named("Narnia")
        ()

        Raises:
            InvalidArgumentError: when ``query`` is not a string.

        """
        if not isinstance(query, str):
            raise InvalidArgumentError(
                f"a state's name or code is a string, such as 'Sweden'; got {shown(query)}"
            )
        return self._names.matches(query)

    def countries(self) -> tuple[Country, ...]:
        """Every state known to this history, sorted by name."""
        return self._names.countries

    def states(self, when: DateLike, *, system: str = "cow") -> CountrySet:
        """The states that existed on day ``when`` in ``system``: ``cow``, ``gw`` or ``iso``.

        Raises:
            InvalidDateError: when ``when`` is not a date.
            InvalidArgumentError: for another system.

        """
        day = to_date(when)
        if system not in SYSTEMS:
            raise InvalidArgumentError(
                f"no state system {shown(system)}; pfp follows cow (Correlates of War), gw "
                "(Gleditsch-Ward) and iso (ISO 3166)"
            )
        return new_country_set(self._systems[system].on(day.toordinal()), self)

    def state_disputes(self) -> tuple[StateDispute, ...]:
        """Where the state systems' lists (and ISO) disagree about a state, by state."""
        return self._state_disputes

    def suggest_countries(self, query: str, *, limit: int = 3) -> tuple[Country, ...]:
        """The states whose names are nearest to ``query``, best first.

        Raises:
            InvalidArgumentError: when ``limit`` is not a whole number from 0 up.

        """
        if type(limit) is not int or limit < 0:
            raise InvalidArgumentError(
                f"limit must be a whole number from 0 up, such as 3; got {shown(limit)}"
            )
        return self._names.suggest(query, limit=limit)

    def organizations(self) -> tuple[Organization, ...]:
        """The organisations this history follows, by key."""
        return self._sorted_organizations

    def organization(self, query: str) -> Organization:
        """The organisation named by its key, name or alias (any case).

        Raises:
            UnknownOrganizationError: listing the known organisations.

        """
        if query is None:
            raise UnknownOrganizationError(query, self._organizations)
        return self._org(query).org

    def events(
        self, *, country: str | Country | None = None, evidence: str | None = None
    ) -> tuple[Event, ...]:
        """Every event, in date order (then in the order given), for one state, of one evidence.

        Raises:
            UnknownCountryError: for a name no state bears.
            InvalidArgumentError: for an ``evidence`` other than primary, secondary and seed.

        """
        found = self._ordered
        if country is not None:
            found = self._events_by_country.get(self._names.find(country).iso3, ())
        if evidence is not None:
            # By its own text (a str subclass's __eq__ or __hash__ is never called).
            text = str.__str__(evidence) if isinstance(evidence, str) else None
            grade = next((kind for kind in Evidence if kind.value == text), None)
            if grade is None:
                known = ", ".join(kind.value for kind in Evidence)
                raise InvalidArgumentError(
                    f"evidence must be one of {known}; got {shown(evidence)}"
                )
            found = tuple(e for e in found if e.evidence is grade)
        return found

    # -- queries -----------------------------------------------------------------------

    def members_at(self, when: DateLike, *, org: str | None = None) -> Roster:
        """The members of ``org`` (default: the PfP) on day ``when``.

        Raises:
            InvalidDateError: when ``when`` is not a date.
            UnknownOrganizationError: when ``org`` is not known.

        """
        index = self._default_index if org is None else self._org(org)
        kind = type(when)
        # Only these types are memoised: equal values always name the same calendar day
        # (two equal aware datetimes may not).
        if kind is str or kind is _Date or kind is _PDate:
            days = index.days
            found = days.get(when)
            if found is not None:
                return found
            found = index.roster(when.toordinal() if kind is not str else to_ordinal(when))  # type: ignore[union-attr]  # not a str: a date
            if len(days) >= _DAY_MEMO_SIZE:
                days.clear()
            days[when] = found
            return found
        return index.roster(to_ordinal(when))

    def status_of(
        self, country: str | Country, when: DateLike, *, org: str | None = None
    ) -> Status:
        """The status of ``country`` in ``org`` (default: the PfP) on day ``when``.

        Raises:
            UnknownCountryError: with suggestions, for a name no state bears.
            InvalidDateError: when ``when`` is not a date.

        """
        index = self._default_index if org is None else self._org(org)
        found = index.by_name.get(country) if type(country) is str else None
        if found is None:
            found = index.country_statuses.get(self._names.find(country).iso3, _NEVER)
        kind = type(when)
        ordinal = when.toordinal() if kind is _Date or kind is _PDate else to_ordinal(when)  # type: ignore[union-attr]  # a date
        if len(found) == 2:  # a short run: one bisect
            return found[1][bisect_right(found[0], ordinal)]
        ords, statuses, directory, base, shift, buckets = found  # a long run: bucket, bisect
        bucket = (ordinal - base) >> shift
        if 0 <= bucket < buckets:
            return statuses[bisect_right(ords, ordinal, directory[bucket], directory[bucket + 1])]
        return statuses[0] if bucket < 0 else statuses[-1]

    def transitions(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        country: str | Country | None = None,
        org: str | None = None,
    ) -> Transitions:
        """Every change between ``start`` and ``end`` (both inclusive; None: unbounded).

        Ordered by date, then by country name.

        Raises:
            InvalidRangeError: when ``end`` is before ``start``.

        """
        index = self._default_index if org is None else self._org(org)
        low, high = ordinal_range(start, end)
        if country is None:
            if low is None and high is None:
                return index.all_transitions
            items, ords = index.transitions, index.transition_ords
        else:
            iso3 = self._names.find(country).iso3
            items = index.country_transitions.get(iso3, ())
            ords = index.country_transition_days.get(iso3, [])
        first = 0 if low is None else bisect_left(ords, low)
        known = index.known_to_day
        if high is None:
            make = index.new_transitions if known is None else index.beyond_transitions
            return make(items, first, len(items))
        make = (
            index.beyond_transitions
            if known is not None and high > known
            else index.new_transitions
        )
        return make(items, first, max(first, bisect_right(ords, high)))

    def timeline(self, country: str | Country, *, org: str | None = None) -> Timeline:
        """The periods that tile all time for ``country``: no gap, no overlap.

        Raises:
            UnknownCountryError: with suggestions, for a name no state bears.

        """
        from pfp.timelines import Period, Timeline  # noqa: PLC0415 - made on first use

        index = self._org(org)
        state = self._names.find(country)
        run = index.country_statuses.get(state.iso3, _NEVER)
        days, statuses = list(run[0]), run[1]
        causes = index.country_causes.get(state.iso3, ())
        bounds = [from_ordinal(day) for day in days]
        as_of = index.org.as_of
        past = index.known_to_day  # an end after the review day runs past the data

        def known(end: pendulum.Date | None) -> pendulum.Date | None:
            if past is None:
                return None
            return as_of if end is None or end.toordinal() > past + 1 else None

        first_end = bounds[0] if bounds else None
        periods = (
            []
            if days and days[0] == 1
            else [Period(None, first_end, statuses[0], known_to=known(first_end))]
        )
        for k, start in enumerate(bounds):
            end = bounds[k + 1] if k + 1 < len(bounds) else None
            cause = causes[k]
            if isinstance(cause, Code):
                periods.append(Period(start, end, statuses[k + 1], code=cause, known_to=known(end)))
            else:
                periods.append(Period(start, end, statuses[k + 1], cause, known_to=known(end)))
        return Timeline(periods, state, index.key, self)

    def joint_memberships(
        self, a: str | Country, b: str | Country, when: DateLike
    ) -> tuple[str, ...]:
        """The keys of the organisations both states were on the roster of on day ``when``.

        On the roster: ``member`` or ``suspended``, as :meth:`members_at` counts it.

        >>> import pfp
        >>> pfp.history().joint_memberships("United States", "United Kingdom", "1950-01-01")
        ('NATO',)

        Raises:
            UnknownCountryError: with suggestions, for a name no state bears.
            InvalidDateError: when ``when`` is not a date.

        """
        first, second = self._names.find(a).iso3, self._names.find(b).iso3
        ordinal = to_ordinal(when)
        both = []
        for org in self._sorted_organizations:
            key = org.key
            index = self._org(key)  # built on first use
            if all(
                _status_in(index.country_statuses.get(iso3, _NEVER), ordinal) in _ON_ROSTER
                for iso3 in (first, second)
            ):
                both.append(key)
        return tuple(both)

    def with_events(self, events: Iterable[Event]) -> Self:
        """A new history with ``events`` added to these (this one is unchanged).

        It keeps this history's organisations, states, default organisation, sources and
        programme; its version says that events were added.

        >>> import pfp
        >>> malta, seed = pfp.country("Malta"), pfp.source("seed-19")
        >>> left = pfp.Event("2030-01-01", malta, "withdrawal", [seed])
        >>> later = pfp.history().with_events([left])
        >>> later.status_of("Malta", "2030-01-01"), pfp.status_of("Malta", "2030-01-01")
        (<Status.WITHDRAWN: 'withdrawn'>, <Status.MEMBER: 'member'>)
        >>> later.version.endswith("with 1 event added")
        True
        """
        added = _records_of(events, Event, "events")
        settings = self._settings()
        if self.version:
            count = len(added)
            settings["version"] = f"{self.version} with {count} event{'s' * (count != 1)} added"
        return type(self)((*self._events, *added), **settings)


class SystemIndex:
    """The states of one state system on each day: a bisect, then a remembered answer.

    The days the system's membership changes cut time into stretches; the states of a
    stretch are found (by their codes' ``covers``, as :meth:`Country.existed_on`) the first
    time a day in it is asked, and kept.

    >>> import pfp
    >>> gw = SystemIndex(pfp.countries(), pfp.CodeScheme.GW)
    >>> "DDR" in [c.iso3 for c in gw.on(pfp.dates.to_ordinal("1980-01-01"))]
    True
    """

    def __init__(self, countries: Iterable[Country], scheme: CodeScheme) -> None:
        self._entries = [
            (country, codes)
            for country in countries
            if (codes := tuple(code for code in country.codes if code.scheme is scheme))
        ]
        bounds = set()
        for _, codes in self._entries:
            for code in codes:
                if code.start is not None:
                    bounds.add(code.start.toordinal())
                if code.end is not None:
                    bounds.add(code.end.toordinal() + 1)
        self._bounds = sorted(bounds)
        self._found: dict[int, tuple[Country, ...]] = {}

    def on(self, ordinal: int) -> tuple[Country, ...]:
        """The states in the system on day ``ordinal``, in the order given."""
        stretch = bisect_right(self._bounds, ordinal)
        found = self._found.get(stretch)
        if found is None:  # the same answer from any thread: a race stores it twice
            found = tuple(
                country
                for country, codes in self._entries
                if any(code.covers(ordinal) for code in codes)
            )
            self._found[stretch] = found
        return found


def _events_by_country(history: History) -> dict[str, tuple[Event, ...]]:
    by_country: dict[str, list[Event]] = {}
    for event in history._ordered:
        by_country.setdefault(event.country.iso3, []).append(event)
    return {iso3: tuple(events) for iso3, events in by_country.items()}


def _systems(history: History) -> dict[str, SystemIndex]:
    countries = history._names.countries
    return {system: SystemIndex(countries, scheme) for system, scheme in SYSTEMS.items()}


def replayed(history: History) -> Replayed:
    """A history's replay (each organisation's changes) and its states' lives, as built.

    What the bundled data's compiled form stores beside the records (see pfp._bundled).
    """
    if len(history._changes) < len(history._organizations):
        raise InvalidArgumentError("a large history keeps no replay: its indexes hold it")
    return history._changes, history._lives


def from_records(folder: Folder, *, shared_as: Callable[[], History] | None = None) -> History:
    """The history of a folder's records (``pfp._load.read_folder``'s or its compiled form's).

    The engine's own checks (replay, the states' lives, clashing codes) run on them; a folder
    with problems raises them with the engine's in one DataError.

    Raises:
        DataError: listing every problem found.

    """
    return History._from(folder, shared_as)


def _rebuilt(events: tuple[Event, ...], settings: dict[str, Any]) -> History:
    """A pickled history, built again from its events and settings."""
    return History(events, **settings)


def _folder(path: object) -> Traversable:
    """A folder to read data files from: a path (str or PathLike) or a Traversable."""
    import pathlib  # noqa: PLC0415 - only reading a folder needs it

    if isinstance(path, (str, os.PathLike)):
        root: Any = pathlib.Path(os.fspath(path))
    elif hasattr(path, "joinpath") and hasattr(path, "is_dir"):
        root = path
    else:
        raise InvalidArgumentError(
            f"a data folder is a path (a str or os.PathLike), not {type(path).__name__}"
        )
    try:
        is_dir = root.is_dir()
    except (OSError, ValueError):
        is_dir = False
    if not is_dir:
        raise InvalidArgumentError(
            f"{os.fspath(path) if isinstance(path, (str, os.PathLike)) else path!r} is not a "
            "folder; give the folder that holds events.csv, countries.csv, ... and dataset.toml"
        )
    found: Traversable = root
    return found
