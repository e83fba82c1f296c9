"""The sequences queries return: tuples that also know what they describe and render as tables.

>>> import pfp
>>> changes = pfp.transitions("2004-01-01", "2004-12-31")
>>> isinstance(changes, tuple), changes.org, len(changes)
(True, 'PfP', 7)
>>> [row["iso3"] for row in changes.to_records()][:3]
['BGR', 'EST', 'LVA']
>>> periods = pfp.timeline("Malta")
>>> periods.country.name, periods.org, len(periods)
('Malta', 'PfP', 5)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, ClassVar, SupportsIndex, overload

from pfp._result import Immutable, Tabular
from pfp.model import Country, Period, Transition

__all__ = ["Timeline", "Transitions", "make_transitions", "transitions_maker"]


class Transitions(Immutable, Tabular, tuple[Transition, ...]):
    """The changes ``pfp.transitions`` returns: a tuple of :class:`~pfp.Transition`, plus ``org``.

    Slices stay ``Transitions``; ``to_records()``, ``to_pandas()`` and the notebook's HTML
    view give one row per change with its sources.
    """

    __slots__ = ()
    COLUMNS = "TRANSITION_COLUMNS"
    org: ClassVar[str] = ""
    """The organisation whose changes these are (each organisation has its own subclass, so
    that a result carries its organisation without a per-instance dictionary)."""

    def __new__(cls, items: Iterable[Transition] = (), org: str = "PfP") -> Transitions:
        """Make the sequence of ``items``, all changes of membership in ``org``."""
        made: Transitions = _tuple_new(_class_for(org), items)
        return made

    def __reduce__(self) -> tuple[type[Transitions], tuple[tuple[Transition, ...], str]]:
        return (Transitions, (tuple(self), self.org))

    @overload
    def __getitem__(self, index: SupportsIndex) -> Transition: ...
    @overload
    def __getitem__(self, index: slice) -> Transitions: ...
    def __getitem__(self, index: SupportsIndex | slice) -> Transition | Transitions:
        if isinstance(index, slice):
            return make_transitions(tuple.__getitem__(self, index), self.org)
        return tuple.__getitem__(self, index)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per change: date, state, before, after, event and source keys."""
        from pfp import tables  # noqa: PLC0415 - tables builds on the public API

        return tables.transition_records(self)

    def _caption(self) -> str:
        return f"{len(self)} transition{'s' if len(self) != 1 else ''} in {self.org}"


_tuple_new = tuple.__new__
_classes: dict[str, type[Transitions]] = {}


def _class_for(org: str) -> type[Transitions]:
    found = _classes.get(org)
    if found is None:
        namespace = {"__slots__": (), "org": org, "__module__": __name__}
        found = _classes[org] = type("Transitions", (Transitions,), namespace)
        found.__qualname__ = "Transitions"
    return found


def transitions_maker(org: str) -> Callable[[tuple[Transition, ...]], Transitions]:
    """A C-level constructor of ``org``'s :class:`Transitions`: the engine's hot path.

    >>> import pfp
    >>> make = transitions_maker("NATO")
    >>> changes = make(pfp.transitions(org="NATO")[:2])
    >>> type(changes).__name__, changes.org, len(changes)
    ('Transitions', 'NATO', 2)
    """
    made: Callable[[tuple[Transition, ...]], Transitions] = partial(_tuple_new, _class_for(org))
    return made


def make_transitions(items: tuple[Transition, ...], org: str) -> Transitions:
    """``Transitions(items, org)`` without the Python-level constructor: the engine's hot path.

    >>> import pfp
    >>> make_transitions((), "NATO").org
    'NATO'
    """
    made: Transitions = _tuple_new(_classes.get(org) or _class_for(org), items)
    return made


class Timeline(Immutable, Tabular, tuple[Period, ...]):
    """The periods ``pfp.timeline`` returns: a tuple of :class:`~pfp.Period` that tiles time.

    It also knows its ``country`` and ``org``, and renders as a table.
    """

    COLUMNS = "PERIOD_COLUMNS"
    country: Country
    org: str

    def __new__(cls, periods: Iterable[Period], country: Country, org: str) -> Timeline:
        """Make the timeline of ``country`` in ``org`` from its ``periods``."""
        made = super().__new__(cls, periods)
        object.__setattr__(made, "country", country)
        object.__setattr__(made, "org", org)
        return made

    def __reduce__(self) -> tuple[type[Timeline], tuple[tuple[Period, ...], Country, str]]:
        return (Timeline, (tuple(self), self.country, self.org))

    @overload
    def __getitem__(self, index: SupportsIndex) -> Period: ...
    @overload
    def __getitem__(self, index: slice) -> Timeline: ...
    def __getitem__(self, index: SupportsIndex | slice) -> Period | Timeline:
        if isinstance(index, slice):
            return Timeline(tuple.__getitem__(self, index), self.country, self.org)
        return tuple.__getitem__(self, index)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per period: status, start, end, last day and source keys."""
        from pfp import tables  # noqa: PLC0415 - tables builds on the public API

        return tables.period_records(self)

    def _caption(self) -> str:
        return f"{self.country.name} in {self.org}"
