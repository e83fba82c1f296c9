"""Records and rosters cannot be changed, and changing a returned value changes no answer."""

from __future__ import annotations

import copy
import pickle
from collections.abc import MutableSequence, Sequence

import attrs
import pytest

import pfp


def test_records_are_frozen() -> None:
    """Country, Event, Transition, Period and Source refuse assignment."""
    change = pfp.transitions(country="Malta")[0]
    period = pfp.timeline("Malta")[2]
    for record, field in [
        (change.country, "name"),
        (change.event, "date"),
        (change, "after"),
        (period, "status"),
        (change.sources[0], "title"),
    ]:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, field, None)


def test_roster_is_frozen() -> None:
    """A roster's attributes cannot be set or deleted, and its members are a tuple."""
    roster = pfp.members_at("2000-01-01")
    with pytest.raises(AttributeError):
        roster._members = ()
    with pytest.raises(AttributeError):
        del roster._members
    assert isinstance(roster.countries, tuple)
    assert isinstance(roster.iso3, frozenset)


def test_results_are_read_only_and_later_answers_do_not_change() -> None:
    """Queries return tuples or read-only views; copying them leaves the engine's answers alone."""
    changes = pfp.transitions("2004-01-01", "2004-12-31")
    assert isinstance(changes, Sequence) and not isinstance(changes, MutableSequence)
    assert changes == tuple(changes) and hash(changes) == hash(tuple(changes))
    for name in ("_base", "_start", "_stop"):
        with pytest.raises(AttributeError):
            setattr(changes, name, ())
        with pytest.raises(AttributeError):
            delattr(changes, name)
    as_list = list(changes)
    as_list.clear()
    assert len(pfp.transitions("2004-01-01", "2004-12-31")) == 7
    events = pfp.events(country="Malta")
    assert isinstance(events, tuple) and isinstance(events[0].sources, tuple)
    assert isinstance(pfp.timeline("Malta"), tuple)
    assert isinstance(pfp.countries()[0].aliases, tuple)


def test_records_built_from_lists_store_tuples() -> None:
    """Lists passed to a record are stored as tuples, so the caller keeps no handle on them."""
    aliases = ["Narnia Kingdom"]
    narnia = pfp.Country("Narnia", "NA", "NAR", aliases=aliases)
    aliases.append("Archenland")
    assert narnia.aliases == ("Narnia Kingdom",)


def test_sequences_are_frozen_and_not_shared() -> None:
    """Transitions and timelines refuse assignment; a timeline is built afresh for each call."""
    changes = pfp.transitions(country="Malta")
    periods = pfp.timeline("Malta")
    with pytest.raises(AttributeError):
        changes.org = "NATO"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        periods.org = "NATO"
    assert pfp.timeline("Malta") is not periods
    assert pfp.timeline("Malta") == periods


def test_equal_states_and_sources_hash_alike_and_differing_ones_are_unequal() -> None:
    """States and sources hash by their key: equal records hash alike (any copy of them),
    and records sharing a key but not every field are unequal, as keys of one dict.
    """
    state, source = pfp.country("Germany"), pfp.source("seed-23")
    for record, change in ((state, {"aliases": ("Almanya",)}), (source, {"note": "read"})):
        for same in (pickle.loads(pickle.dumps(record)), copy.deepcopy(record)):
            assert same == record and hash(same) == hash(record)
        other = attrs.evolve(record, **change)
        assert other != record and hash(other) == hash(record)
        assert {record: 1, other: 2}[record] == 1
    assert len({state, pfp.country("DEU"), pfp.country("Malta")}) == 2
