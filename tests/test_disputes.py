"""Disputed dates: listed with their alternatives, and answerable under another reading."""

from __future__ import annotations

import pytest

import pfp
from pfp import Status


def _dispute(name: str, kind: str) -> pfp.Dispute:
    return next(d for d in pfp.disputes() if d.country.name == name and d.kind == kind)


def test_known_disputes_are_all_listed() -> None:
    """Malta's withdrawal, Kazakhstan's entry, North Macedonia's renaming, Germany's and the
    founders' NATO dates are each recorded with the other reading and its source.
    """
    expected = {
        ("Malta", "withdrawal"): "1996-10-27",
        ("Kazakhstan", "signature"): "1995-01-01",
        ("North Macedonia", "rename"): "2019-02-12",
        ("Germany", "accession"): "1955-05-09",
        ("Belgium", "accession"): "1949-04-04",
    }
    for (name, kind), other in expected.items():
        dispute = _dispute(name, kind)
        assert other in [str(a.date) for a in dispute.alternatives]
        assert all(a.sources and a.reason for a in dispute.alternatives)


def test_reading_changes_answers_and_leaves_the_default_alone() -> None:
    """Under the seed's reading Malta had left by 28 October 1996; the data says 29 October."""
    malta = _dispute("Malta", "withdrawal")
    seed_day = next(a for a in malta.alternatives if str(a.date) == "1996-10-27")
    other = pfp.reading(seed_day)
    assert other.status_of("Malta", "1996-10-26") is Status.MEMBER
    assert other.status_of("Malta", "1996-10-27") is Status.WITHDRAWN
    assert pfp.status_of("Malta", "1996-10-28") is Status.MEMBER
    assert pfp.status_of("Malta", "1996-10-29") is Status.WITHDRAWN
    (left,) = [t for t in other.transitions(country="Malta") if t.after is Status.WITHDRAWN]
    assert [s.key for s in left.sources] == ["seed"]
    # Everything else the history records comes along: its state disputes too.
    assert pfp.history().state_disputes()
    assert other.state_disputes() == pfp.history().state_disputes()


def test_founders_under_the_signature_reading() -> None:
    """Dating the founders from the treaty's signature, NATO had 12 members in May 1949."""
    founders = [
        d.alternatives[0] for d in pfp.disputes() if d.org == "NATO" and str(d.date) == "1949-08-24"
    ]
    assert len(founders) == 12
    assert len(pfp.members_at("1949-05-01", org="NATO")) == 0
    assert len(pfp.reading(*founders).members_at("1949-05-01", org="NATO")) == 12


def test_unknown_alternative_is_refused() -> None:
    """An alternative no event records raises a LookupError saying where to look."""
    stray = pfp.Alternative("2000-01-01", [pfp.source("seed")], "made up")
    with pytest.raises(pfp.UnknownAlternativeError, match=r"pfp\.disputes\(\) lists"):
        pfp.reading(stray)


def test_every_alternative_moves_its_own_fact() -> None:
    """Each alternative, applied alone, moves the disputed fact of its own state and no other.

    Many alternatives are the same reading for several states (the founders' 4 April 1949);
    each must still move only the state it was taken from.
    """
    for dispute in pfp.disputes():
        for alternative in dispute.alternatives:
            other = pfp.reading(alternative)
            state = other.country(dispute.country.iso3)
            if dispute.kind == "rename":
                (rename,) = state.renames
                assert rename.date == alternative.date
                continue
            moved = [
                e
                for e in other.events(country=state)
                if e.org == dispute.org and e.kind.value == dispute.kind
            ]
            assert alternative.date in [e.date for e in moved], (dispute, alternative)
            untouched = [
                e
                for e in other.events()
                if e.country.iso3 != state.iso3 and e.note.startswith("Alternative reading")
            ]
            assert untouched == [], (dispute, alternative)


def test_two_readings_of_one_fact_are_refused() -> None:
    """A reading takes at most one alternative per fact, and only Alternative records."""
    malta = _dispute("Malta", "withdrawal")
    with pytest.raises(pfp.ConflictingReadingsError, match="2 readings given for one fact"):
        pfp.reading(*malta.alternatives)
    with pytest.raises(pfp.UnknownAlternativeError, match="not a str"):
        pfp.reading("1996-10-29")  # type: ignore[arg-type]


def test_reading_a_rename() -> None:
    """Under the Prespa reading, North Macedonia bore its new name from 12 February 2019."""
    rename = _dispute("North Macedonia", "rename")
    other = pfp.reading(rename.alternatives[0])
    assert other.country("MK").name_at("2019-02-12") == "North Macedonia"
    assert pfp.country("MK").name_at("2019-02-12") == "the former Yugoslav Republic of Macedonia"
