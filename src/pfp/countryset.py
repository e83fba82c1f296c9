"""Sets of states that combine with ``|``, ``&``, ``-`` and ``^`` across organisations and days.

>>> import pfp
>>> day = "2023-06-01"
>>> eu, nato, partners = (pfp.members_at(day, org=o) for o in ("EU", "NATO", "PfP"))
>>> eu - nato - partners
<CountrySet: Cyprus>
>>> len(eu & nato), len(partners | nato)
(22, 50)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from pfp._result import Immutable, Tabular
from pfp.model import Country

if TYPE_CHECKING:
    from pfp.engine import History

__all__ = ["CountrySet", "SetLike"]


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
        unique = {c.iso3: c for c in countries}
        _set = object.__setattr__
        _set(self, "_members", tuple(sorted(unique.values(), key=lambda c: c.name)))
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

    def to_records(self) -> list[dict[str, object]]:
        """One plain dict per state: its name and ISO codes.

        >>> import pfp
        >>> gone = pfp.members_at("2009-03-31") - pfp.members_at("2009-04-01")
        >>> [row["iso3"] for row in gone.to_records()]
        ['ALB', 'HRV']
        """
        from pfp import tables  # noqa: PLC0415 - tables builds on the public API above

        return tables.country_records(self)

    @property
    def history(self) -> History:
        """The history the states come from (it resolves names for ``in``)."""
        return self._history

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
        from pfp import history  # noqa: PLC0415 - the bundled history, built by now

        if self._history is history():  # the bundled data: pickle the codes, not the data
            return (_bundled_set, (tuple(sorted(self._keys)),))
        return (CountrySet, (self._members, self._history))

    def __repr__(self) -> str:
        if len(self._members) <= 5:
            return f"<CountrySet: {', '.join(c.name for c in self._members) or 'empty'}>"
        return f"<CountrySet: {len(self._members)} states>"


def combine(left: SetLike, right: object, operator: str) -> CountrySet:
    """Apply a set operator to two rosters or country sets.

    Raises:
        TypeError: when ``right`` is neither a roster nor a country set.

    """
    if not (hasattr(right, "iso3") and hasattr(right, "countries")):
        raise TypeError(
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
    return CountrySet((pool[key] for key in keys), left.history)


def _bundled_set(codes: tuple[str, ...]) -> CountrySet:
    """Unpickle a set of bundled states from their ISO alpha-3 codes."""
    from pfp import history  # noqa: PLC0415 - import at unpickling time

    found = history()
    return CountrySet((found.country(code) for code in codes), found)
