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
        ("Malta", "withdrawal"): "1996-10-29",
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
    """Under the note-verbale reading Malta was still a partner on 28 October 1996."""
    malta = _dispute("Malta", "withdrawal")
    note_verbale = next(a for a in malta.alternatives if str(a.date) == "1996-10-29")
    other = pfp.reading(note_verbale)
    assert other.status_of("Malta", "1996-10-28") is Status.MEMBER
    assert other.status_of("Malta", "1996-10-29") is Status.WITHDRAWN
    assert pfp.status_of("Malta", "1996-10-28") is Status.WITHDRAWN
    (left,) = [t for t in other.transitions(country="Malta") if t.after is Status.WITHDRAWN]
    assert [s.key for s in left.sources] == ["maltatoday-2012-05-28"]


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
