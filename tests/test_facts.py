"""Sourced facts, checked day by day against the library's answers.

Each row names the source key that establishes it; the expected values are typed here from
the sources, never computed by the library.
"""

from __future__ import annotations

import pendulum
import pytest

import pfp
from pfp import Status

# (state, PfP Framework Document signature day, source key)
SIGNATURES = [
    ("Romania", "1994-01-26", "nato-chron-1994-01"),
    ("Lithuania", "1994-01-27", "nato-chron-1994-01"),
    ("Poland", "1994-02-02", "seed-23"),
    ("Estonia", "1994-02-03", "seed-23"),
    ("Hungary", "1994-02-08", "seed-23"),
    ("Ukraine", "1994-02-08", "seed-23"),
    ("Slovakia", "1994-02-09", "seed-23"),
    ("Bulgaria", "1994-02-14", "bg-nato-chronology-2002"),
    ("Latvia", "1994-02-14", "seed-23"),
    ("Albania", "1994-02-23", "seed-23"),
    ("Czech Republic", "1994-03-10", "natoaktual-cz-chronology-1994-96"),
    ("Moldova", "1994-03-16", "mfa-md-pfp"),
    ("Georgia", "1994-03-23", "mfa-ge-nato-chronology"),
    ("Slovenia", "1994-03-30", "si-gov-nato-chronology"),
    ("Azerbaijan", "1994-05-04", "ro-embassy-baku-nato-az"),
    ("Finland", "1994-05-09", "seed-23"),
    ("Sweden", "1994-05-09", "seed-23"),
    ("Turkmenistan", "1994-05-10", "seed-23"),
    ("Kazakhstan", "1994-05-27", "seed-23"),
    ("Kyrgyzstan", "1994-06-01", "seed-23"),
    ("Russia", "1994-06-22", "nato-russia-summary-1994-06-22"),
    ("Uzbekistan", "1994-07-13", "uzland-rferl-1994-07"),
    ("Armenia", "1994-10-05", "globalnews-ge-armenia-nato-30"),
    ("Belarus", "1995-01-11", "seed-23"),
    ("Austria", "1995-02-10", "bundesheer-1998-09-24"),
    ("Malta", "1995-04-26", "seed-18"),
    ("North Macedonia", "1995-11-15", "macedonian-encyclopedia-nato"),
    ("Switzerland", "1996-12-11", "ch-fdfa-1996-12-06"),
    ("Ireland", "1999-12-01", "nato-ireland-1999-12-01"),
    ("Croatia", "2000-05-25", "hina-2000-05-24"),
    ("Tajikistan", "2002-02-20", "nato-pr-2002-022"),
    ("Bosnia and Herzegovina", "2006-12-14", "nato-update-2006-12-14"),
    ("Montenegro", "2006-12-14", "nato-update-2006-12-14"),
    ("Serbia", "2006-12-14", "nato-update-2006-12-14"),
]

# (former partner, NATO accession day, source key)
NATO_ACCESSIONS = [
    ("Czech Republic", "1999-03-12", "truman-library-1999"),
    ("Hungary", "1999-03-12", "truman-library-1999"),
    ("Poland", "1999-03-12", "truman-library-1999"),
    ("Bulgaria", "2004-03-29", "bta-2004-03-29"),
    ("Estonia", "2004-03-29", "slovenia-gov-2004-03-29"),
    ("Latvia", "2004-03-29", "slovenia-gov-2004-03-29"),
    ("Lithuania", "2004-03-29", "slovenia-gov-2004-03-29"),
    ("Romania", "2004-03-29", "slovenia-gov-2004-03-29"),
    ("Slovakia", "2004-03-29", "slovenia-gov-2004-03-29"),
    ("Slovenia", "2004-03-29", "slovenia-gov-2004-03-29"),
    ("Albania", "2009-04-01", "america-gov-2009-04-01"),
    ("Croatia", "2009-04-01", "america-gov-2009-04-01"),
    ("Montenegro", "2017-06-05", "nato-montenegro-29th"),
    ("North Macedonia", "2020-03-27", "mia-pompeo-2020-03-27"),
    ("Finland", "2023-04-04", "nato-enlargement"),
    ("Sweden", "2024-03-07", "nato-enlargement"),
]

# Allies that were never partners: (state, NATO accession day, source key)
OTHER_ALLIES = [
    *[
        (name, "1949-08-24", "archives-gov-nr19-42")
        for name in (
            "Belgium", "Canada", "Denmark", "France", "Iceland", "Italy", "Luxembourg",
            "Netherlands", "Norway", "Portugal", "United Kingdom", "United States",
        )
    ],
    ("Greece", "1952-02-18", "nato-gr-tr-60"),
    ("Turkey", "1952-02-18", "nato-gr-tr-60"),
    ("Germany", "1955-05-06", "nato-germany-60-news"),
    ("Spain", "1982-05-30", "nato-chronicle-1982"),
]  # fmt: skip


def _day_before(day: str) -> pendulum.Date:
    return pendulum.Date.fromisoformat(day).subtract(days=1)


@pytest.mark.parametrize(("state", "day", "source"), SIGNATURES)
def test_signatory_becomes_partner_on_its_signature_day(state: str, day: str, source: str) -> None:
    """The day before signing a state is not a partner; on the day it is, citing the source."""
    assert pfp.status_of(state, _day_before(day)) is not Status.MEMBER
    assert pfp.status_of(state, day) is Status.MEMBER
    (signed,) = list(pfp.transitions(day, day, country=state))
    assert signed.after is Status.MEMBER
    assert source in {s.key for s in signed.sources}


def test_every_signatory_is_listed_and_no_other() -> None:
    """34 states signed the Framework Document: the 19 partners of 2023 and 15 later allies."""
    signed = {e.country.name for e in pfp.events() if e.kind is pfp.EventKind.SIGNATURE}
    assert signed == {state for state, _, _ in SIGNATURES}
    assert len(signed) == 34


@pytest.mark.parametrize(("state", "day", "source"), NATO_ACCESSIONS)
def test_former_partner_becomes_ally_on_accession_day(state: str, day: str, source: str) -> None:
    """A partner is a member the day before NATO accession and a NATO member on the day."""
    assert pfp.status_of(state, _day_before(day)) is Status.MEMBER
    assert pfp.status_of(state, day) is Status.NATO_MEMBER
    assert pfp.status_of(state, day, org="NATO") is Status.MEMBER
    (joined,) = pfp.transitions(day, day, country=state, org="NATO")
    assert source in {s.key for s in joined.sources}


@pytest.mark.parametrize(("state", "day", "source"), OTHER_ALLIES)
def test_allies_that_were_never_partners(state: str, day: str, source: str) -> None:
    """Founders and Cold War allies: NATO members from accession, PfP status nato_member."""
    assert pfp.status_of(state, _day_before(day), org="NATO") is not Status.MEMBER
    assert pfp.status_of(state, day, org="NATO") is Status.MEMBER
    assert pfp.status_of(state, _day_before(day)) is Status.NON_MEMBER
    assert pfp.status_of(state, day) is Status.NATO_MEMBER
    (joined,) = pfp.transitions(day, day, country=state, org="NATO")
    assert source in {s.key for s in joined.sources}


def test_nato_has_32_members_from_swedens_accession() -> None:
    """NATO grew from 12 to 32 members; the 32nd, Sweden, joined on 7 March 2024."""
    assert len(pfp.members_at("1949-08-24", org="NATO")) == 12
    assert len(pfp.members_at("2024-03-06", org="NATO")) == 31
    assert len(pfp.members_at("2024-03-07", org="NATO")) == 32


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1995-04-25", Status.NON_MEMBER),
        ("1995-04-26", Status.MEMBER),  # seed-18: welcomed at NATO, 26 April 1995
        ("1996-10-27", Status.MEMBER),  # the seed's day; Sant took office on 28 Oct
        ("1996-10-28", Status.MEMBER),
        ("1996-10-29", Status.WITHDRAWN),  # maltatoday-2012-05-28: note verbale of 29 October 1996
        ("2000-01-01", Status.WITHDRAWN),
        ("2008-03-19", Status.WITHDRAWN),
        ("2008-03-20", Status.APPLICANT),  # independent-mt-2008-03-22: cabinet decision
        ("2008-04-02", Status.APPLICANT),
        ("2008-04-03", Status.MEMBER),  # nato-malta-2008: Bucharest re-activation
        ("2024-01-01", Status.MEMBER),
    ],
)
def test_malta_through_withdrawal_and_return(day: str, expected: Status) -> None:
    """Malta joined in 1995, left in 1996, asked to return in March 2008 and was accepted."""
    assert pfp.status_of("Malta", day) is expected
    assert ("Malta" in pfp.members_at(day)) is (expected is Status.MEMBER)


def test_riga_invitations_precede_signature() -> None:
    """Riga, 29 November 2006: Bosnia and Herzegovina, Montenegro, Serbia invited (seed-22)."""
    for state in ("Bosnia and Herzegovina", "Montenegro", "Serbia"):
        assert pfp.status_of(state, "2006-11-28") is Status.NON_MEMBER
        assert pfp.status_of(state, "2006-11-29") is Status.INVITED
        assert pfp.status_of(state, "2006-12-14") is Status.MEMBER


def test_kosovo_applied_on_11_july_2012() -> None:
    """Kosovo's PM submitted its PfP request on 11 July 2012 (setimes-2012-07-18).

    The seed and its reference 32 (a reprint of the SETimes report) say only "July 2012"; the
    row was dated to the month until the 2026 audit.
    """
    (applied,) = pfp.transitions(country="Kosovo")
    assert applied.after is Status.APPLICANT
    assert applied.event.precision is pfp.Precision.DAY
    assert str(applied.date) == "2012-07-11"
    assert "setimes-2012-07-18" in {s.key for s in applied.sources}
    assert pfp.status_of("Kosovo", "2012-07-10") is Status.NON_MEMBER


def test_cyprus_resolution_changes_no_status() -> None:
    """Cyprus's parliament voted for PfP membership on 24 Feb 2011; Cyprus never joined."""
    (vote,) = [e for e in pfp.events(country="Cyprus") if e.org == "PfP"]
    assert vote.kind is pfp.EventKind.RESOLUTION
    assert str(vote.date) == "2011-02-24"
    assert pfp.transitions(country="Cyprus") == ()
    assert pfp.status_of("Cyprus", "2024-01-01") is Status.NON_MEMBER


def test_swedens_accession_protocol_was_signed_before_accession() -> None:
    """The seed notes Sweden's NATO accession protocol as signed (5 July 2022)."""
    assert pfp.status_of("Sweden", "2022-07-05", org="NATO") is Status.INVITED
    assert pfp.status_of("Sweden", "2022-07-05") is Status.MEMBER


@pytest.mark.parametrize(
    ("day", "count", "claim"),
    [
        ("1994-02-28", 10, "whitehouse-pfp-factsheet-1994-03-02: ten states by 28 Feb 1994"),
        ("1994-08-03", 22, "seed-15 (CRS, August 1994): 22 states"),
        ("1999-12-01", 25, "nato-ireland-1999-12-01: Ireland the 25th member"),
        ("2000-05-25", 26, "hina-2000-05-24: Croatia the 26th member"),
        ("2001-06-01", 26, "seed: nine of the 26 PfP countries in 2001"),
        ("2023-06-01", 19, "seed: 19 states are members (snapshot of 2023)"),
        ("2024-03-07", 18, "after Sweden's accession, nato-enlargement"),
    ],
)
def test_counts_that_sources_state(day: str, count: int, claim: str) -> None:
    """Dated counts in contemporary sources agree with the day-by-day data."""
    assert len(pfp.members_at(day)) == count, claim


def test_seed_count_for_mid_october_1994_disagrees_with_signatures() -> None:
    """The seed says 22 states by mid-October 1994; Armenia's signature (5 Oct) makes 23.

    The 22 comes from the CRS report of August 1994 (seed-15), before Armenia signed.
    """
    assert len(pfp.members_at("1994-10-15")) == 23
    assert "Armenia" in pfp.members_at("1994-10-15")
    assert len(pfp.members_at("1994-10-04")) == 22


def test_ordinal_partners_of_contemporary_reports() -> None:
    """Uzbekistan was the 22nd state to sign (uzland-rferl-1994-07); Tajikistan the 27th partner.

    NATO's release on Tajikistan (nato-pr-2002-022) counts partners then in the programme,
    after three had joined NATO and Malta had left: 31 signatures, 27 partners.
    """
    order = [e.country.name for e in pfp.events() if e.kind is pfp.EventKind.SIGNATURE]
    assert order.index("Uzbekistan") + 1 == 22
    assert order.index("Tajikistan") + 1 == 31
    assert len(pfp.members_at("2002-02-19")) == 26
    assert len(pfp.members_at("2002-02-20")) == 27


def test_fifteen_former_partners_joined_nato() -> None:
    """The seed's prose names fifteen former partners that joined NATO (Bulgaria included)."""
    graduated = {
        t.country.name
        for t in pfp.transitions(end="2023-04-04")
        if (t.before, t.after) == (Status.MEMBER, Status.NATO_MEMBER)
    }
    assert graduated == {state for state, _, _ in NATO_ACCESSIONS} - {"Sweden"}
    assert len(graduated) == 15


def test_after_data_as_of_the_last_known_state_holds() -> None:
    """After an organisation's review day nothing is known to change: the roster stays."""
    later = pendulum.date(2100, 1, 1)
    for org in pfp.organizations():
        if org.as_of is None:  # a framework without a stated review day, or one that ended
            continue
        assert (
            pfp.members_at(later, org=org.key).iso3 == pfp.members_at(org.as_of, org=org.key).iso3
        )
