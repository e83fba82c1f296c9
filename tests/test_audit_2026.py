"""Facts corrected or confirmed by the 2026-12-01 data audit, each pinned to its source.

Every expected value is typed here from the source named beside it (see audit/NOTES.md for the
URL and the sentence quoted), never computed by the library. Only the public API is used.
"""

from __future__ import annotations

import pendulum
import pytest

import pfp
from pfp import Status

SEED_DAY = pendulum.date(2006, 10, 5)
"""The date of seed-23, NATO's list of signatures as the seed cites it."""


def _day_before(day: str) -> str:
    return str(pendulum.Date.fromisoformat(day).subtract(days=1))


def _event(state: str, org: str, kind: str) -> pfp.Event:
    (found,) = [e for e in pfp.events(country=state) if e.org == org and e.kind.value == kind]
    return found


# (state, organisation, kind, day, status on the day, status the day before, source key)
DAY_NOW_SOURCED = [
    *[
        (state, "NATO", "invitation", "2002-11-21", Status.INVITED, Status.NON_MEMBER,
         "nato-update-2002-11-21")
        for state in ("Bulgaria", "Estonia", "Latvia", "Lithuania", "Romania", "Slovakia",
                      "Slovenia")
    ],
    ("North Macedonia", "NATO", "invitation", "2018-07-11", Status.INVITED, Status.NON_MEMBER,
     "nato-sg-2018-07-12"),
    ("Kosovo", "PfP", "application", "2012-07-11", Status.APPLICANT, Status.NON_MEMBER,
     "setimes-2012-07-18"),
]  # fmt: skip


@pytest.mark.parametrize("case", DAY_NOW_SOURCED, ids=lambda case: f"{case[0]}-{case[3]}")
def test_month_dates_now_have_their_day(
    case: tuple[str, str, str, str, Status, Status, str],
) -> None:
    """Rows dated to the month until 2026 take effect on the sourced day, not the 1st."""
    state, org, kind, day, on_day, before, source = case
    event = _event(state, org, kind)
    assert str(event.date) == day
    assert event.precision is pfp.Precision.DAY
    assert pfp.status_of(state, day, org=org) is on_day
    assert pfp.status_of(state, _day_before(day), org=org) is before
    assert source in {s.key for s in event.sources}


def test_prague_invitees_were_not_invited_on_1_november_2002() -> None:
    """The month reading made the seven 'invited' from 1 November 2002 (nato-update-2002-11-21)."""
    for state in ("Bulgaria", "Romania", "Slovenia"):
        assert pfp.status_of(state, "2002-11-01", org="NATO") is Status.NON_MEMBER
        assert pfp.status_of(state, "2002-11-20", org="NATO") is Status.NON_MEMBER
    assert len(pfp.members_at("2002-11-21", org="NATO")) == 19


@pytest.mark.parametrize("state", ["Czech Republic", "Hungary", "Poland"])
def test_madrid_protocols_signed_on_16_december_1997(state: str) -> None:
    """Protocols of accession signed in Brussels on 16 December 1997 (nato-sg-speech-1997-12-16)."""
    signed = _event(state, "NATO", "protocol_signed")
    assert str(signed.date) == "1997-12-16"
    assert signed.precision is pfp.Precision.DAY
    assert "nato-sg-speech-1997-12-16" in {s.key for s in signed.sources}
    assert pfp.status_of(state, "1997-12-16", org="NATO") is Status.INVITED


@pytest.mark.parametrize(
    ("state", "org", "kind", "other", "source"),
    [
        ("Bulgaria", "NATO", "invitation", "2002-11-01", "nato-news-2003-01-29"),
        ("Poland", "NATO", "protocol_signed", "1997-12-01", "clinton-wh-1999-newest-members"),
        ("North Macedonia", "NATO", "invitation", "2018-07-12", "nato-sg-2018-07-12"),
        ("North Macedonia", "NATO", "invitation", "2018-07-01", "nato-fyrom-topics-48830-2018"),
        ("Uzbekistan", "GUAM", "accession", "1999-04-25", "ipn-md-2006-guam"),
    ],
)
def test_old_and_other_readings_are_kept(
    state: str, org: str, kind: str, other: str, source: str
) -> None:
    """A moved date keeps its old reading, with the source that gives it."""
    event = _event(state, org, kind)
    readings = {str(a.date): {s.key for s in a.sources} for a in event.alternatives}
    assert other in readings
    assert source in readings[other]


# (state, PfP signature day, the non-seed source that now confirms the day)
SEED_ONLY_NOW_SOURCED = [
    ("Czech Republic", "1994-03-10", "natoaktual-cz-chronology-1994-96"),
    ("Moldova", "1994-03-16", "mfa-md-pfp"),
    ("Georgia", "1994-03-23", "mfa-ge-nato-chronology"),
    ("Slovenia", "1994-03-30", "si-gov-nato-chronology"),
    ("Armenia", "1994-10-05", "globalnews-ge-armenia-nato-30"),
    ("Austria", "1995-02-10", "bundesheer-1998-09-24"),
    ("North Macedonia", "1995-11-15", "macedonian-encyclopedia-nato"),
]


@pytest.mark.parametrize(("state", "day", "source"), SEED_ONLY_NOW_SOURCED)
def test_seed_only_signatures_confirmed(state: str, day: str, source: str) -> None:
    """Signature days that rested on the seed alone, now confirmed by another source."""
    signed = _event(state, "PfP", "signature")
    assert str(signed.date) == day
    assert source in {s.key for s in signed.sources}
    assert pfp.status_of(state, _day_before(day)) is Status.NON_MEMBER
    assert pfp.status_of(state, day) is Status.MEMBER


@pytest.mark.parametrize(
    ("state", "source"),
    [
        ("Finland", "nato-finland-relations"),
        ("Sweden", "nato-sweden-relations"),
        ("Turkmenistan", "nato-turkmenistan-relations"),
        ("Kyrgyzstan", "nato-kyrgyz-relations"),
    ],
)
def test_signature_years_confirmed_by_nato(state: str, source: str) -> None:
    """NATO's relations pages confirm the year of these signatures (the day is the seed's)."""
    signed = _event(state, "PfP", "signature")
    assert signed.date.year == 1994
    assert source in {s.key for s in signed.sources}


def test_at_most_three_seed_only_events() -> None:
    """After the audit only Kazakhstan's signature rests on the seed alone (NATO disagrees)."""
    seed_only = [
        e
        for e in pfp.events()
        if all(s.key == "seed" or s.key.startswith("seed-") for s in e.sources)
    ]
    assert len(seed_only) <= 3
    assert [(e.country.name, str(e.date)) for e in seed_only] == [("Kazakhstan", "1994-05-27")]


def test_no_event_cites_a_source_written_before_it_without_saying_so() -> None:
    """seed-23 (5 October 2006) is cited only for events on or before its own date."""
    late = [e for e in pfp.events() if "seed-23" in {s.key for s in e.sources}]
    assert late
    assert all(e.date <= SEED_DAY for e in late)
    for state in ("Bosnia and Herzegovina", "Montenegro", "Serbia"):
        keys = {s.key for s in _event(state, "PfP", "signature").sources}
        assert "seed-23" not in keys and "seed-24" in keys


def test_istanbul_cooperation_initiative_disagreement_is_recorded() -> None:
    """Six GCC states were invited, four joined (nato-ici-uae-2005-06-22); the seed says six."""
    (ici,) = [m for m in pfp.milestones() if m.name.startswith("Istanbul Cooperation Initiative")]
    assert "nato-ici-uae-2005-06-22" in {s.key for s in ici.sources}
    assert "four of the six" in ici.note


def test_malta_was_a_partner_until_the_note_verbale_of_29_october_1996() -> None:
    """Sant took office on 28 October 1996; the note verbale ending participation is of 29 Oct."""
    assert pfp.status_of("Malta", "1996-10-28") is Status.MEMBER
    assert pfp.status_of("Malta", "1996-10-29") is Status.WITHDRAWN
    left = _event("Malta", "PfP", "withdrawal")
    assert {"maltatoday-2012-05-28", "ipu-parline-malta-1996"} <= {s.key for s in left.sources}
    assert "1996-10-27" in [str(a.date) for a in left.alternatives]


def test_data_version_is_at_least_the_audits() -> None:
    """The data carries a version of the form YYYY.MM.DD.N, no older than the 2026 audit's."""
    parts = tuple(int(part) for part in pfp.DATA_VERSION.split("."))
    assert len(parts) == 4
    assert parts >= (2026, 12, 1, 2)
