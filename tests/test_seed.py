"""The seed article's dated statements about membership and names, each answered by a call.

Where the data contradicts the seed, the test pins the data's answer and says why.
"""

from __future__ import annotations

import pytest

import pfp
from pfp import Status

SNAPSHOT = "2023-06-01"  # the seed was written after Finland's accession, before Sweden's

# The seed's table of current members: (state, its "PfP membership" date, its "Notes").
SEED_TABLE = [
    ("Armenia", "1994-10-05", ("CSTO member",)),
    ("Austria", "1995-02-10", ("EU member",)),
    ("Azerbaijan", "1994-05-04", ("GUAM member",)),
    ("Belarus", "1995-01-11", ("CSTO member",)),
    ("Bosnia and Herzegovina", "2006-12-14", ()),
    ("Georgia", "1994-03-23", ("GUAM member",)),
    ("Ireland", "1999-12-01", ("EU member",)),
    ("Kazakhstan", "1994-05-27", ("CSTO member",)),
    ("Kyrgyzstan", "1994-06-01", ("CSTO member",)),
    ("Malta", "1995-04-26", ("EU member",)),
    ("Moldova", "1994-03-16", ("GUAM member",)),
    ("Russia", "1994-06-22", ("CSTO member",)),
    ("Serbia", "2006-12-14", ("CSTO observer",)),
    ("Sweden", "1994-05-09", ("EU member", "NATO accession protocol signed")),
    ("Switzerland", "1996-12-11", ()),
    ("Tajikistan", "2002-02-20", ("CSTO member",)),
    ("Turkmenistan", "1994-05-10", ()),
    ("Ukraine", "1994-02-08", ("GUAM member",)),
    ("Uzbekistan", "1994-07-13", ()),
]


def test_19_states_are_members() -> None:
    """Seed: "19 states are members" — the partners of its 2023 snapshot, exactly its table."""
    roster = pfp.members_at(SNAPSHOT)
    assert [c.name for c in roster] == [state for state, _, _ in SEED_TABLE]


@pytest.mark.parametrize(("state", "joined", "notes"), SEED_TABLE)
def test_seed_table_row(state: str, joined: str, notes: tuple[str, ...]) -> None:
    """Each row: the first signature day, and its notes produced from the data."""
    first = pfp.transitions(country=state)[0]
    assert str(first.date) == joined or first.after is Status.INVITED
    assert pfp.affiliations(state, SNAPSHOT, orgs=["EU", "CSTO", "GUAM", "NATO"]) == notes


def test_launch_of_january_1994() -> None:
    """Seed: launched at the Brussels summit, 10-11 January 1994."""
    assert str(pfp.organization("PfP").founded) == "1994-01-10"
    assert len(pfp.members_at("1994-01-25")) == 0
    assert len(pfp.members_at("1994-01-26")) == 1


def test_malta_statements() -> None:
    """Seed: member 26 April 1995; left 27 October 1996; reactivated 20 March 2008, accepted
    by NATO 3 April 2008. The data dates the withdrawal from the note verbale of 29 October 1996:
    the seed's day precedes Sant's taking office (28 October), and is kept as another reading.
    """
    dates = [(str(t.date), t.after.value) for t in pfp.transitions(country="Malta")]
    assert dates == [
        ("1995-04-26", "member"),
        ("1996-10-29", "withdrawn"),
        ("2008-03-20", "applicant"),
        ("2008-04-03", "member"),
    ]


def test_riga_and_december_2006() -> None:
    """Seed: invited at Riga on 29 November 2006; joined on 14 December 2006."""
    invited = {t.country.name for t in pfp.transitions("2006-11-29", "2006-11-29")}
    joined = {t.country.name for t in pfp.transitions("2006-12-14", "2006-12-14")}
    assert invited == joined == {"Bosnia and Herzegovina", "Montenegro", "Serbia"}


def test_north_macedonia_name() -> None:
    """Seed footnote: known as the former Yugoslav Republic of Macedonia before 15 Feb 2019."""
    mk = pfp.country("North Macedonia")
    assert mk.name_at("2019-02-14") == "the former Yugoslav Republic of Macedonia"
    assert mk.name_at("2019-02-15") == "North Macedonia"


def test_the_nacc_never_had_the_seeds_36_members() -> None:
    """The seed's "36 members" of the NACC matches no day of its sourced history (25 founders,
    38 at its end), and is kept as a recorded figure with its disagreement.
    """
    changes = pfp.transitions(org="NACC")
    days = sorted({c.date for c in changes} | {pfp.organization("NACC").founded})
    counts = {len(pfp.members_at(day, org="NACC")) for day in days}
    assert 36 not in counts
    assert pfp.figure("nacc-members").value == 36


# Statements the data contradicts, and why (also listed on the docs' data page).
CONTRADICTIONS = {
    "By mid-October 1994, 22 states were part of the PfP": (
        "1994-10-15",
        23,
        "Armenia signed on 5 October 1994; 22 held from 13 July to 4 October",
    ),
    "the seed's table of former partners lists 14 states": (
        "2023-04-04",
        15,
        "Bulgaria (signed 14 February 1994, NATO 29 March 2004) is missing",
    ),
}


def test_contradictions_are_what_the_data_says() -> None:
    """The data's answers to the statements it contradicts."""
    day, count, _ = CONTRADICTIONS["By mid-October 1994, 22 states were part of the PfP"]
    assert len(pfp.members_at(day)) == count
    day, count, _ = CONTRADICTIONS["the seed's table of former partners lists 14 states"]
    graduated = {
        t.country.name
        for t in pfp.transitions(end=day)
        if (t.before, t.after) == (Status.MEMBER, Status.NATO_MEMBER)
    }
    assert len(graduated) == count and "Bulgaria" in graduated
