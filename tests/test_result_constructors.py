"""The result classes a caller may build by hand refuse bad parts with a typed error."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

import pfp

MALTA = pfp.country("Malta")
HISTORY = pfp.history()

REFUSED: dict[str, tuple[Callable[[], object], str]] = {
    "Timeline of a number": (
        lambda: pfp.Timeline(5, MALTA, "NATO"),  # type: ignore[arg-type]
        "periods must be an iterable (a list or tuple), not 5",
    ),
    "Timeline of numbers": (
        lambda: pfp.Timeline([1], MALTA, "NATO"),  # type: ignore[list-item]
        "periods must hold pfp.Period records, not 1",
    ),
    "Timeline of no state": (
        lambda: pfp.Timeline((), "Malta", "NATO"),  # type: ignore[arg-type]
        "country must be a pfp.Country, not 'Malta'",
    ),
    "Timeline of no organisation": (
        lambda: pfp.Timeline((), MALTA, ""),
        "org must be an organisation's key",
    ),
    "CountrySet of names": (
        lambda: pfp.CountrySet(["Malta"], HISTORY),  # type: ignore[list-item]
        "countries must hold pfp.Country records, not 'Malta'",
    ),
    "Roster of a numeric org": (
        lambda: pfp.Roster(1, 728143, (), frozenset(), HISTORY),  # type: ignore[arg-type]
        "org must be an organisation's key",
    ),
    "Roster on no day": (
        lambda: pfp.Roster("PfP", 0, (), frozenset(), HISTORY),
        "ordinal must be a day's ordinal",
    ),
    "Roster whose keys are not its members'": (
        lambda: pfp.Roster("PfP", 728143, (MALTA,), frozenset(), HISTORY),
        "keys must be the frozenset of the members' ISO alpha-3 codes",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_bad_parts_give_a_typed_error(case: str) -> None:
    """Each bad part is named in an InvalidArgumentError (a ValueError and a TypeError)."""
    build, says = REFUSED[case]
    with pytest.raises(pfp.InvalidArgumentError, match=re.escape(says)):
        build()


def test_good_parts_still_build_what_the_engine_builds() -> None:
    """Rebuilt from its own parts, a roster, a timeline and a set equal the engine's."""
    roster = pfp.members_at("1995-05-01")
    again = pfp.Roster("PfP", roster.date.toordinal(), roster.countries, roster.iso3, HISTORY)
    assert again == roster and len(again) == len(roster)
    timeline = pfp.timeline("Malta")
    assert pfp.Timeline(tuple(timeline), MALTA, "PfP", HISTORY) == timeline
    assert pfp.CountrySet(roster.countries, HISTORY).iso3 == roster.iso3
