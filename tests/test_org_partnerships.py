"""NATO's other partnership frameworks: NACC, EAPC, MD, ICI, IPAP, EOP, partners across the globe.

Every member count a source states is a figure of the data (``<org>-members-<day>``); the
engine's roster on that day has that many members, but for the two disagreements recorded
below.
"""

from __future__ import annotations

import re

import pytest

import pfp
import pfp.cli

Status = pfp.Status

COUNTS = [f for f in pfp.figures() if re.fullmatch(r"[a-z]+-members-\d{4}-\d{2}-\d{2}", f.key)]
"""The sourced member counts of the frameworks on a day (and two of the PfP)."""

DISAGREEMENTS = {
    "nacc-members-1997-05-29": 38,  # NATO's Press Info says 40; the sourced rows give 38
    "pfp-members-1994-12-01": 23,  # the LA Times says 24; the signatures give 23
}
"""Sourced counts the day-by-day data does not reproduce, with the data's own count."""


def test_every_framework_is_an_organisation_of_the_engine() -> None:
    """The seven frameworks answer members_at, with NATO as the organisation they partner."""
    for key in ("NACC", "EAPC", "MD", "ICI", "IPAP", "EOP", "PATG"):
        org = pfp.organization(key)
        assert org.partner_of == "NATO"
        pfp.members_at("2010-01-01", org=key)  # answers, for every framework


@pytest.mark.parametrize("figure", COUNTS, ids=[f.key for f in COUNTS])
def test_sourced_counts_equal_the_engine(figure: pfp.Figure) -> None:
    """Each sourced count of a framework's members equals the roster that day."""
    org = figure.key.split("-members-")[0]
    key = pfp.organization(org).key
    assert figure.period_start is not None
    found = len(pfp.members_at(figure.period_start, org=key))
    expected = DISAGREEMENTS.get(figure.key, figure.value)
    assert found == expected
    assert figure.sources


def test_there_are_at_least_twenty_sourced_counts() -> None:
    """The counts table of the docs page rests on the sources."""
    assert len(COUNTS) >= 20
    assert set(DISAGREEMENTS) <= {f.key for f in COUNTS}


def test_nacc_from_its_founding_to_its_end() -> None:
    """25 founders on 20 December 1991 with the Soviet Union; ended 29 May 1997."""
    founders = pfp.members_at("1991-12-20", org="NACC")
    assert len(founders) == 25 and "Soviet Union" in founders
    assert "Russia" in pfp.members_at("1991-12-26", org="NACC")
    assert pfp.status_of("Finland", "1995-01-01", org="NACC") is Status.OBSERVER
    assert len(pfp.members_at("1997-05-30", org="NACC")) == 0
    assert pfp.status_of("Poland", "1997-05-30", org="NACC") is Status.WITHDRAWN
    assert pfp.organization("NACC").successor == "EAPC"


def test_eapc_has_fifty_members_and_tajikistan_before_its_pfp_signature() -> None:
    """EAPC: NATO and its partners (50 since 2008); Tajikistan from 1997, five years before PfP."""
    assert len(pfp.members_at("2020-06-01", org="EAPC")) == 50
    assert pfp.status_of("Tajikistan", "1998-01-01", org="EAPC") is Status.MEMBER
    assert pfp.status_of("Tajikistan", "1998-01-01") is Status.NON_MEMBER


def test_istanbul_initiative_four_of_six() -> None:
    """Four of the six Gulf states invited joined the ICI; Oman and Saudi Arabia did not."""
    members = pfp.members_at("2010-01-01", org="ICI")
    assert {c.iso3 for c in members} == {"ARE", "BHR", "KWT", "QAT"}
    assert pfp.status_of("Saudi Arabia", "2010-01-01", org="ICI") is Status.INVITED


def test_partnerships_of_a_state_on_a_day() -> None:
    """pfp.partnerships: every framework a state held on a day, in words and as periods."""
    assert [str(p) for p in pfp.partnerships("Jordan", "2015-01-01")] == [
        "EOP member",
        "MD member",
    ]
    (japan,) = pfp.partnerships("Japan", "2015-01-01")
    assert japan.org.key == "PATG" and japan.period.sources
    assert pfp.partnerships("Brazil", "2015-01-01") == ()


def test_a_roster_outside_its_organisations_life_says_why_it_is_empty() -> None:
    """Before a framework's founding or after its last day the roster says so; within, nothing."""
    nacc = pfp.organization("NACC")
    assert nacc.ended is not None
    after = pfp.members_at(nacc.ended.add(days=1), org="NACC")
    assert len(after) == 0
    assert after.org_note == f"NACC's last day was {nacc.ended}; its successor is {nacc.successor}"
    assert after.org_note in repr(after)
    assert pfp.members_at(nacc.ended, org="NACC").org_note == ""
    eop = pfp.organization("EOP")
    before = pfp.members_at(eop.founded.subtract(days=1), org="EOP")
    assert len(before) == 0 and before.org_note == f"EOP was founded on {eop.founded}"
    assert pfp.members_at(eop.founded, org="EOP").org_note == ""


def test_the_cli_says_why_a_framework_has_no_members(capsys: pytest.CaptureFixture[str]) -> None:
    """``pfp members DAY --org NACC`` after its end names its last day and successor."""
    assert pfp.cli.main(["members", "2010-01-01", "--org", "NACC"]) == 0
    out = capsys.readouterr().out
    assert "0 members of NACC on 2010-01-01 (NACC's last day was 1997-05-29" in out
    assert "successor is EAPC" in out
