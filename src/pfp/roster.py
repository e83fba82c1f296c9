"""An organisation's members on one day: what ``pfp.members_at`` returns.

>>> import pfp
>>> partners = pfp.members_at("2023-06-01")
>>> len(partners), "Sweden" in partners, "Finland" in partners
(19, True, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pendulum

from pfp.countryset import CountrySet
from pfp.dates import from_ordinal
from pfp.model import Country

if TYPE_CHECKING:
    from pfp.engine import History

__all__ = ["Roster", "new_roster"]


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
    COLUMNS = "ROSTER_COLUMNS"

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

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Roster):
            return NotImplemented
        return (self._org, self._ordinal, self._keys) == (other._org, other._ordinal, other._keys)

    def __hash__(self) -> int:
        return hash((self._org, self._ordinal, self._keys))

    def to_records(self) -> list[dict[str, object]]:
        """One plain dict per member: name, codes, since when, and the sources.

        >>> import pfp
        >>> row = pfp.members_at("1994-01-31").to_records()[0]
        >>> row["name"], str(row["since"])
        ('Lithuania', '1994-01-27')
        """
        from pfp import tables  # noqa: PLC0415 - tables builds on the public API above

        return tables.roster_records(self)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        from pfp import history  # noqa: PLC0415 - the bundled history, built by now

        if self._history is history():  # the bundled data: pickle the question, not the data
            return (_bundled_roster, (self._org, self._ordinal))
        return (Roster, (self._org, self._ordinal, self._members, self._keys, self._history))

    def __repr__(self) -> str:
        count = len(self._members)
        return f"<Roster {self._org} {self.date}: {count} member{'s' if count != 1 else ''}>"


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


def _bundled_roster(org: str, ordinal: int) -> Roster:
    """Unpickle a roster of the bundled data by asking the question again."""
    from pfp import history  # noqa: PLC0415 - import at unpickling time

    return history().members_at(from_ordinal(ordinal), org=org)
