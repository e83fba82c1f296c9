"""What queries return: immutable rosters, sets of states, transitions and timelines.

Each result knows the history it comes from, makes its own rows (``to_records()``), and from
them a pandas frame (``to_pandas()``) and the notebook's HTML table:

>>> import pfp
>>> day = "2023-06-01"
>>> eu, nato, partners = (pfp.members_at(day, org=o) for o in ("EU", "NATO", "PfP"))
>>> eu - nato - partners
<CountrySet: Cyprus>
>>> changes = pfp.transitions("2004-01-01", "2004-12-31")
>>> changes.org, len(changes), changes == tuple(changes)
('PfP', 7, True)
"""

from __future__ import annotations

import operator
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, SupportsIndex, overload

import attrs
import pendulum

from pfp._columns import COUNTRY_COLUMNS, ROSTER_COLUMNS, TRANSITION_COLUMNS
from pfp.dates import from_ordinal
from pfp.display import cited_by_key, html_table
from pfp.errors import InvalidArgumentError, org_key, records_of, shown
from pfp.model import DEFAULT_ORG, Country, Source, Status, Transition

if TYPE_CHECKING:
    import pandas as pd

    from pfp.engine import History
    from pfp.rows import Records

    class _Rows(Protocol):
        COLUMNS: ClassVar[tuple[str, ...]]

        def to_records(self) -> Records: ...  # pragma: no cover

        def _caption(self) -> str: ...  # pragma: no cover

        def _cited(self) -> Iterable[object]: ...  # pragma: no cover

    class SetLike(Protocol):
        """What a set operation needs of its operands: a roster or a country set."""

        @property
        def countries(self) -> tuple[Country, ...]:
            """The states, sorted by name."""

        @property
        def iso3(self) -> frozenset[str]:
            """Their ISO alpha-3 codes."""

        @property
        def history(self) -> History:
            """The history the states come from (it resolves names for ``in``)."""


__all__ = [
    "COLUMN_HINTS",
    "CountrySet",
    "Immutable",
    "Roster",
    "Tabular",
    "Transitions",
    "TransitionsMaker",
    "new_country_set",
    "new_roster",
    "sources_of",
    "transitions_maker",
]


_SUSPENDED = Status.SUSPENDED
_LAST_ORDINAL = 3_652_059
"""The ordinal of 9999-12-31, the last day a ``datetime.date`` holds."""


class Immutable:
    """Refuses assignment and deletion after construction, like the attrs records."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError


COLUMN_HINTS = {
    "since": "the first day of the standing held that day (inclusive)",
    "start": "the first day of the period (inclusive); blank: since records began",
    "end": "the day after the last day (exclusive); blank: still running",
    "last_day": "the last day of the period (inclusive); blank: still running",
    "sources": "what the row rests on, linked to the document where it has an address",
}
"""The tooltip of each column's header in the notebook's tables: which days are inclusive."""


class Tabular:
    """A result with rows: ``to_pandas()`` and the notebook's HTML view, from ``to_records()``."""

    __slots__ = ()

    COLUMNS: ClassVar[tuple[str, ...]] = COUNTRY_COLUMNS
    """The rows' columns, in order."""

    def _caption(self) -> str:
        return repr(self)

    def _cited(self) -> Iterable[object]:
        """The source records the rows may cite by key, linked in HTML: the history's."""
        return sources_of(getattr(self, "history", None))

    def to_pandas(self: _Rows) -> pd.DataFrame:
        """The rows as a pandas DataFrame, the data's version in ``df.attrs``.

        >>> import pfp
        >>> frame = pfp.members_at("1994-01-31").to_pandas()
        >>> list(frame["iso3"]), frame.attrs["data_version"] == pfp.DATA_VERSION
        (['LTU', 'ROU'], True)

        Raises:
            ImportError: naming pandas and pfp's ``pandas`` extra when pandas is missing.

        """
        from pfp.rows import to_dataframe  # noqa: PLC0415 - rows are made on first use

        return to_dataframe(self.to_records(), columns=self.COLUMNS)

    def to_polars(self: _Rows) -> Any:
        """The rows as a Polars DataFrame: the columns of ``to_pandas()``, days as ``pl.Date``.

        >>> import pfp
        >>> frame = pfp.members_at("1994-01-31").to_polars()
        >>> frame["iso3"].to_list(), str(frame.schema["since"])
        (['LTU', 'ROU'], 'Date')

        Raises:
            MissingExtraError: naming polars and pfp's ``polars`` extra when polars is missing.

        """
        from pfp.rows import polars_frame  # noqa: PLC0415 - rows are made on first use

        return polars_frame(self.to_records(), columns=self.COLUMNS)

    def _repr_html_(self: _Rows) -> str:
        return html_table(
            self.to_records(),
            columns=self.COLUMNS,
            caption=self._caption(),
            sources=cited_by_key(self._cited()),
            hints=COLUMN_HINTS,
        )


def sources_of(history: History | None) -> tuple[Source, ...]:
    """The sources a history's rows may cite: its sources file's and those its events carry.

    A history built in code may have no sources file; None (rows made in code) has none.

    >>> import pfp
    >>> len(sources_of(pfp.history())) >= len(pfp.sources()), sources_of(None)
    (True, ())
    """
    if history is None:
        return ()
    return (*history.sources(), *(s for event in history.events() for s in event.sources))


# -- sets of states --------------------------------------------------------------------------


def _by_name(country: Country) -> tuple[str, str]:
    return country.name, country.iso3


class CountrySet(Immutable, Tabular):
    """An immutable set of states, sorted by name, found by any name or code with ``in``.

    >>> import pfp
    >>> before, after = pfp.members_at("2004-03-28"), pfp.members_at("2004-03-29")
    >>> [c.iso2 for c in before - after]
    ['BG', 'EE', 'LV', 'LT', 'RO', 'SK', 'SI']
    >>> "Bulgaria" in before - after
    True
    """

    __slots__ = ("_history", "_keys", "_members")

    _history: History
    _keys: frozenset[str]
    _members: tuple[Country, ...]

    def __init__(self, countries: Iterable[Country], history: History) -> None:
        self._fill(records_of(countries, Country, "countries"), history)

    def _fill(self, countries: Iterable[Country], history: History) -> None:
        unique = {c.iso3: c for c in countries}
        _set = object.__setattr__
        _set(self, "_members", tuple(sorted(unique.values(), key=_by_name)))
        _set(self, "_keys", frozenset(unique))
        _set(self, "_history", history)

    @property
    def countries(self) -> tuple[Country, ...]:
        """The states as a tuple, sorted by name."""
        return self._members

    @property
    def iso3(self) -> frozenset[str]:
        """The states' ISO alpha-3 codes."""
        return self._keys

    @property
    def history(self) -> History:
        """The history the states come from (it resolves names for ``in``)."""
        return self._history

    def to_records(self) -> Records:
        """One plain dict per state: its name and ISO codes.

        >>> import pfp
        >>> gone = pfp.members_at("2009-03-31") - pfp.members_at("2009-04-01")
        >>> [row["iso3"] for row in gone.to_records()]
        ['ALB', 'HRV']
        """
        from pfp.rows import country_records  # noqa: PLC0415 - rows are made on first use

        return country_records(self._members, history=self._history)

    def __len__(self) -> int:
        return len(self._members)

    def __iter__(self) -> Iterator[Country]:
        return iter(self._members)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Country):
            return item.iso3 in self._keys
        if isinstance(item, str):
            return self._history.country(item).iso3 in self._keys
        return False

    def __eq__(self, other: object) -> bool:
        if type(other) is CountrySet and type(self) is CountrySet:
            return self._keys == other._keys
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._keys)

    def __or__(self, other: SetLike) -> CountrySet:
        return combine(self, other, "|")

    def __and__(self, other: SetLike) -> CountrySet:
        return combine(self, other, "&")

    def __sub__(self, other: SetLike) -> CountrySet:
        return combine(self, other, "-")

    def __xor__(self, other: SetLike) -> CountrySet:
        return combine(self, other, "^")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (CountrySet, (self._members, self._history))

    def __repr__(self) -> str:
        if len(self._members) <= 5:
            return f"<CountrySet: {', '.join(c.name for c in self._members) or 'empty'}>"
        return f"<CountrySet: {len(self._members)} states>"

    def _caption(self) -> str:
        """The notebook table's caption: how many states, and which when few.

        >>> import pfp
        >>> day = "2023-06-01"
        >>> eu, nato = pfp.members_at(day, org="EU"), pfp.members_at(day, org="NATO")
        >>> (eu - nato)._caption(), (eu & nato)._caption(), (nato - nato)._caption()
        ('5 states: Austria, Cyprus, Ireland, Malta, Sweden', '22 states', 'no states')
        """
        count = len(self._members)
        if count == 0:
            return "no states"
        size = f"{count} state{'s' if count != 1 else ''}"
        if count > 5:
            return size
        return f"{size}: {', '.join(c.name for c in self._members)}"


def new_country_set(countries: Iterable[Country], history: History) -> CountrySet:
    """``CountrySet(countries, history)`` for records pfp made itself: not checked again.

    >>> import pfp
    >>> new_country_set(pfp.members_at("1994-01-27").countries, pfp.history())
    <CountrySet: Lithuania, Romania>
    """
    made = CountrySet.__new__(CountrySet)
    made._fill(countries, history)
    return made


def combine(left: SetLike, right: object, operator: str) -> CountrySet:
    """Apply a set operator to two rosters or country sets.

    Raises:
        InvalidArgumentError: when ``right`` is neither a roster nor a country set.

    """
    if not isinstance(right, CountrySet):
        raise InvalidArgumentError(
            f"cannot combine a {type(left).__name__} with a {type(right).__name__}; "
            "use a Roster (pfp.members_at) or a CountrySet"
        )
    keys_left, keys_right = left.iso3, right.iso3
    keys = {
        "|": keys_left | keys_right,
        "&": keys_left & keys_right,
        "-": keys_left - keys_right,
        "^": keys_left ^ keys_right,
    }[operator]
    pool = {c.iso3: c for c in (*left.countries, *right.countries)}
    return new_country_set((pool[key] for key in keys), left.history)


class Roster(CountrySet):
    """The members of an organisation on one day: sized, iterable (sorted by name), immutable.

    ``in`` accepts a :class:`~pfp.Country`, any name, former name or alias (any case),
    or an ISO code; a name no state in the data bears raises
    :class:`~pfp.UnknownCountryError` rather than answering False, so that a typo cannot pass
    for an answer. Rosters combine with ``|``, ``&``, ``-`` and ``^`` like any
    :class:`~pfp.CountrySet`; two rosters are equal when they are of the same organisation,
    day and members (a roster never equals a bare ``CountrySet``).

    >>> import pfp
    >>> roster = pfp.members_at("1994-08-03")
    >>> roster
    <Roster PfP 1994-08-03: 22 members>
    >>> "ukraine" in roster, "UA" in roster, "Austria" in roster
    (True, True, False)
    >>> [c.name for c in roster][:3]
    ['Albania', 'Azerbaijan', 'Bulgaria']
    """

    __slots__ = ("_ordinal", "_org")
    COLUMNS: ClassVar[tuple[str, ...]] = ROSTER_COLUMNS

    _ordinal: int
    _org: str

    def __init__(
        self,
        org: str,
        ordinal: int,
        members: tuple[Country, ...],
        keys: frozenset[str],
        history: History,
    ) -> None:
        org_key(org)
        if type(ordinal) is not int or not 1 <= ordinal <= _LAST_ORDINAL:
            raise InvalidArgumentError(
                f"ordinal must be a day's ordinal (date.toordinal()), such as 728143; "
                f"got {shown(ordinal)}"
            )
        members = records_of(members, Country, "members")
        if not isinstance(keys, frozenset) or keys != {c.iso3 for c in members}:
            raise InvalidArgumentError(
                f"keys must be the frozenset of the members' ISO alpha-3 codes; got {shown(keys)}"
            )
        _set = object.__setattr__
        _set(self, "_org", org)
        _set(self, "_ordinal", ordinal)
        _set(self, "_members", members)
        _set(self, "_keys", keys)
        _set(self, "_history", history)

    @property
    def date(self) -> pendulum.Date:
        """The day this roster describes."""
        return from_ordinal(self._ordinal)

    @property
    def org(self) -> str:
        """The organisation's key, such as ``'PfP'``."""
        return self._org

    @property
    def known_to(self) -> pendulum.Date | None:
        """The organisation's review day when this roster's day is after it (else None)."""
        as_of = self._history.organization(self._org).as_of
        return as_of if as_of is not None and self._ordinal > as_of.toordinal() else None

    @property
    def beyond_data(self) -> bool:
        """Whether the day is after the organisation's review day: the last known roster.

        >>> import pfp
        >>> pfp.members_at("2024-03-07").beyond_data, pfp.members_at("2030-01-01").beyond_data
        (False, True)
        >>> pfp.members_at("2030-01-01")
        <Roster PfP 2030-01-01: 18 members; beyond the data, known to 2024-08-06>
        """
        return self.known_to is not None

    @property
    def org_note(self) -> str:
        """Why the roster is empty when the day is outside the organisation's life, else ''.

        >>> import pfp
        >>> pfp.members_at("2010-01-01", org="NACC").org_note
        "NACC's last day was 1997-05-29; its successor is EAPC"
        >>> pfp.members_at("2010-01-01", org="EOP").org_note
        'EOP was founded on 2014-09-05'
        >>> pfp.members_at("1997-05-29", org="NACC").org_note  # its last day
        ''
        >>> pfp.members_at("2010-01-01").org_note
        ''
        """
        organization = self._history.organization(self._org)
        date = self.date
        if date < organization.founded:
            return f"{organization.key} was founded on {organization.founded}"
        if organization.ended is not None and date > organization.ended:
            successor = (
                f"; its successor is {organization.successor}" if organization.successor else ""
            )
            return f"{organization.key}'s last day was {organization.ended}{successor}"
        return ""

    @property
    def suspended(self) -> CountrySet:
        """The members whose participation was suspended that day (still members).

        >>> import pfp
        >>> pfp.members_at("2024-03-07").suspended
        <CountrySet: Belarus, Russia>
        >>> "Armenia" in pfp.members_at("2024-06-01", org="CSTO").suspended
        True
        """
        date, org, history = self.date, self._org, self._history
        return new_country_set(
            (c for c in self._members if history.status_of(c, date, org=org) is _SUSPENDED),
            history,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Roster):
            return NotImplemented
        return (self._org, self._ordinal, self._keys) == (other._org, other._ordinal, other._keys)

    def __hash__(self) -> int:
        return hash((self._org, self._ordinal, self._keys))

    def to_records(self) -> Records:
        """One plain dict per member: name, codes, since when, and the sources.

        >>> import pfp
        >>> row = pfp.members_at("1994-01-31").to_records()[0]
        >>> row["name"], str(row["since"])
        ('Lithuania', '1994-01-27')
        """
        from pfp.rows import roster_records  # noqa: PLC0415 - rows are made on first use

        return roster_records(self)

    def _caption(self) -> str:
        count = len(self._members)
        known = self.known_to
        beyond = "" if known is None else f" (beyond the data: known to {known})"
        note = f" ({self.org_note})" if self.org_note else ""
        return (
            f"{self._org} on {self.date}: {count} member{'s' if count != 1 else ''}{beyond}{note}"
        )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (Roster, (self._org, self._ordinal, self._members, self._keys, self._history))

    def __repr__(self) -> str:
        count = len(self._members)
        known = self.known_to
        beyond = "" if known is None else f"; beyond the data, known to {known}"
        note = f"; {self.org_note}" if self.org_note else ""
        members = f"{count} member{'s' if count != 1 else ''}"
        return f"<Roster {self._org} {self.date}: {members}{beyond}{note}>"


class _Building(Roster):
    """A roster being filled in: plain slot stores, then :func:`new_roster` makes it a Roster."""

    __slots__ = ()
    # Both, so that CPython's one set/delete slot is the plain C one: stores stay fast.
    __setattr__ = object.__setattr__  # type: ignore[assignment]  # unfrozen, on purpose
    __delattr__ = object.__delattr__


def new_roster(
    org: str, ordinal: int, members: tuple[Country, ...], keys: frozenset[str], history: History
) -> Roster:
    """Return ``Roster(org, ordinal, members, keys, history)`` at a third of the cost.

    The engine's hot path: a frozen class must route every store through
    ``object.__setattr__``; this fills a same-layout unfrozen twin and retypes it.

    >>> import pfp
    >>> old = pfp.members_at("1994-08-03")
    >>> new = new_roster("PfP", 728143, old.countries, old.iso3, old.history)
    >>> new == old, type(new).__name__
    (True, 'Roster')
    """
    roster: Roster = _Building.__new__(_Building)
    roster._org = org
    roster._ordinal = ordinal
    roster._members = members
    roster._keys = keys
    roster._history = history
    roster.__class__ = Roster
    return roster


# -- sequences of changes and periods ---------------------------------------------------------


class Transitions(Immutable, Tabular, Sequence[Transition]):
    """The changes ``pfp.transitions`` returns: a read-only sequence of :class:`~pfp.Transition`.

    >>> import pfp
    >>> changes = pfp.transitions("2004-01-01", "2004-12-31")
    >>> changes.org, len(changes), changes[0]
    ('PfP', 7, Transition(2004-03-29, 'Bulgaria', member -> nato_member))
    >>> changes == tuple(changes), changes[1:3] == changes[1:3]
    (True, True)

    A ``Transitions`` is a view over the history's own tuple of changes (a window costs two
    bisects, not a copy of its changes); it equals, and hashes as, the tuple of its changes,
    and ``tuple(changes)`` is that tuple. Slices stay ``Transitions``; ``to_records()``,
    ``to_pandas()`` and the notebook's HTML view give one row per change with its sources.
    Each organisation of each history has its own subclass, so that a result carries its
    ``org`` and ``history`` without a per-instance dictionary (see :func:`transitions_maker`).
    """

    __slots__ = ("_base", "_start", "_stop")
    _base: tuple[Transition, ...]
    _start: int
    _stop: int
    COLUMNS: ClassVar[tuple[str, ...]] = TRANSITION_COLUMNS
    org: ClassVar[str] = ""
    """The organisation whose changes these are."""
    history: ClassVar[History | None] = None
    """The history they come from (None when made in code)."""
    known_to: ClassVar[pendulum.Date | None] = None
    """When the window reaches past the organisation's review day: that day (else None)."""

    def __new__(
        cls,
        items: Iterable[Transition] = (),
        org: str = DEFAULT_ORG,
        *,
        history: History | None = None,
    ) -> Transitions:
        """Make the sequence of ``items``, all changes of membership in ``org``.

        >>> import pfp
        >>> changes = pfp.Transitions(pfp.transitions(org="NATO")[:2], "NATO")
        >>> len(changes), changes.org, changes.history is None
        (2, 'NATO', True)

        Raises:
            InvalidArgumentError: when ``items`` are not transitions, ``org`` is not an
                organisation's key, or (without ``history``) a change is another organisation's.

        """
        base = _checked_changes(items, org, history)
        if history is not None:
            made: Transitions = history.fast_path(org).make_transitions(base, 0, len(base))
            return made
        found = _unbound.get(org)
        if found is None:
            found = _unbound[org] = transitions_class(org, None)
        return _view(found, base, 0, len(base))

    @property
    def beyond_data(self) -> bool:
        """Whether the window reaches past the day the organisation's history is known to.

        >>> import pfp
        >>> pfp.transitions("2004-01-01", "2004-12-31").beyond_data
        False
        >>> late = pfp.transitions("2024-01-01", "2030-12-31")
        >>> late.beyond_data, late.known_to
        (True, Date(2024, 8, 6))
        """
        return type(self).known_to is not None

    def _items(self) -> tuple[Transition, ...]:
        """The changes as a tuple (the history's own when the view is all of it)."""
        base, start, stop = self._base, self._start, self._stop
        return base if start == 0 and stop == len(base) else base[start:stop]

    def __len__(self) -> int:
        return self._stop - self._start

    def __bool__(self) -> bool:
        return self._stop > self._start

    @overload
    def __getitem__(self, index: SupportsIndex) -> Transition: ...
    @overload
    def __getitem__(self, index: slice) -> Transitions: ...
    def __getitem__(self, index: SupportsIndex | slice) -> Transition | Transitions:
        start, stop = self._start, self._stop
        if isinstance(index, slice):
            picked = range(start, stop)[index]
            if picked.step == 1:
                return _view(type(self), self._base, picked.start, max(picked.start, picked.stop))
            items = self._items()[index]  # a step: its own tuple
            return _view(type(self), items, 0, len(items))
        at = operator.index(index)
        if at < 0:
            at += stop - start
        if not 0 <= at < stop - start:
            raise IndexError("Transitions index out of range")
        return self._base[start + at]

    def __iter__(self) -> Iterator[Transition]:
        return iter(self._items())

    def __reversed__(self) -> Iterator[Transition]:
        return reversed(self._items())

    def __contains__(self, value: object) -> bool:
        return value in self._items()

    def index(self, value: Any, start: SupportsIndex = 0, stop: SupportsIndex = sys.maxsize) -> int:
        """The position of the first change equal to ``value`` (ValueError when none is)."""
        return self._items().index(value, start, stop)

    def count(self, value: Any) -> int:
        """How many changes equal ``value``."""
        return self._items().count(value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Transitions):
            return len(self) == len(other) and self._items() == other._items()
        if isinstance(other, tuple):
            return self._items() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items())

    def __add__(self, other: object) -> tuple[Transition, ...]:
        """The changes of both, as a plain tuple (they may belong to different organisations)."""
        if isinstance(other, Transitions):
            return self._items() + other._items()
        if isinstance(other, tuple):
            return self._items() + other
        return NotImplemented

    def __radd__(self, other: object) -> tuple[Any, ...]:
        if isinstance(other, tuple):
            return other + self._items()
        return NotImplemented

    def __repr__(self) -> str:
        text = repr(self._items())
        known = type(self).known_to
        return text if known is None else f"{text} (beyond the data: known to {known})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        beyond = type(self).known_to is not None
        return (_remade, (self._items(), self.org, self.history, beyond))

    def to_records(self) -> Records:
        """One plain dict per change: date, state, before, after, event and source keys."""
        from pfp.rows import transition_records  # noqa: PLC0415 - rows are made on first use

        return transition_records(self, history=self.history)

    def _caption(self) -> str:
        """The notebook table's caption, saying when the window reaches past the data.

        >>> import pfp
        >>> pfp.transitions("2004-01-01", "2004-12-31")._caption()
        '7 transitions in PfP'
        >>> pfp.transitions("2024-01-01", "2030-12-31")._caption()
        '1 transition in PfP (beyond the data: known to 2024-08-06)'
        """
        known = type(self).known_to
        beyond = "" if known is None else f" (beyond the data: known to {known})"
        return f"{len(self)} transition{'s' if len(self) != 1 else ''} in {self.org}{beyond}"

    def _cited(self) -> Iterable[object]:
        """The history's sources and the changes' own (a history made in code may have none)."""
        own = (source for change in self for source in change.sources)
        return (*sources_of(self.history), *own)


def _checked_changes(
    items: Iterable[Transition], org: object, history: History | None
) -> tuple[Transition, ...]:
    """``items`` as a tuple, each a Transition (of ``org`` when no history says otherwise)."""
    org_key(org)
    base: tuple[Transition, ...] = records_of(items, Transition, "items")
    for at, item in enumerate(base):
        if history is None and item.org != org:
            raise InvalidArgumentError(
                f"item {at} is a change in {item.org}, not in {org}: "
                f"a Transitions holds one organisation's changes"
            )
    return base


class _Filling(Transitions):
    """A view being filled in: plain slot stores, then :func:`_view` retypes it."""

    __slots__ = ()
    __setattr__ = object.__setattr__  # type: ignore[assignment]  # unfrozen, on purpose
    __delattr__ = object.__delattr__


_object_new = object.__new__


def _view(
    cls: type[Transitions], base: tuple[Transition, ...], start: int, stop: int
) -> Transitions:
    """The ``cls`` view of ``base[start:stop]`` (bounds already within ``base``)."""
    made: Transitions = _object_new(_Filling)
    made._base = base
    made._start = start
    made._stop = stop
    made.__class__ = cls
    return made


_unbound: dict[str, type[Transitions]] = {}
"""The Transitions class of each organisation, for sequences made in code (no history)."""


def _remade(
    items: tuple[Transition, ...], org: str, history: History | None, beyond: bool = False
) -> Transitions:
    if history is None:
        return Transitions(items, org)
    fast = history.fast_path(org)
    made: Transitions = (fast.make_beyond if beyond else fast.make_transitions)(
        items, 0, len(items)
    )
    return made


def transitions_class(
    org: str, history: History | None, known_to: pendulum.Date | None = None
) -> type[Transitions]:
    """A new :class:`Transitions` subclass whose results belong to ``org`` of ``history``.

    ``known_to`` marks results whose window reaches past the organisation's review day.
    """
    namespace = {
        "__slots__": (),
        "org": org,
        "history": history,
        "known_to": known_to,
        "__module__": __name__,
    }
    made = type("Transitions", (Transitions,), namespace)
    made.__qualname__ = "Transitions"
    return made


TransitionsMaker = Callable[[tuple[Transition, ...], int, int], Transitions]
"""Makes a view of ``changes[start:stop]``: ``make(changes, start, stop)``."""


def transitions_maker(
    org: str, history: History | None, known_to: pendulum.Date | None = None
) -> TransitionsMaker:
    """The engine's constructor of the :class:`Transitions` of ``org`` in ``history``.

    The hot path: ``make(changes, start, stop)`` is a view of ``changes[start:stop]`` made
    without copying a change (the bounds must lie within ``changes``).

    >>> import pfp
    >>> make = transitions_maker("NATO", None)
    >>> every = tuple(pfp.transitions(org="NATO"))
    >>> changes = make(every, 0, 2)
    >>> type(changes).__name__, changes.org, len(changes), changes[1] == every[1]
    ('Transitions', 'NATO', 2, True)
    """
    made: TransitionsMaker = partial(_view, transitions_class(org, history, known_to))
    return made
