"""NATO's Membership Action Plan: who took part, from when to when."""

from __future__ import annotations

import pfp
from pfp import Status


def test_nine_of_the_26_pfp_countries_in_2001() -> None:
    """Seed: "In 2001, NATO granted participation in its MAP to nine of the 26 PfP countries"."""
    day = "2001-06-01"
    participants = pfp.members_at(day, org="MAP")
    partners = pfp.members_at(day)
    assert len(participants) == 9 and len(partners) == 26
    assert not participants - partners


def test_participants_leave_on_nato_accession() -> None:
    """MAP ends on joining NATO: Croatia took part from May 2002 to its accession in 2009."""
    assert pfp.status_of("Croatia", "2002-05-13", org="MAP") is Status.NON_MEMBER
    assert pfp.status_of("Croatia", "2002-05-14", org="MAP") is Status.MEMBER
    assert pfp.status_of("Croatia", "2009-03-31", org="MAP") is Status.MEMBER
    assert pfp.status_of("Croatia", "2009-04-01", org="MAP") is Status.NATO_MEMBER


def test_bosnia_is_the_only_participant_in_2023() -> None:
    """Seed: "As of 2023, Bosnia and Herzegovina is the only remaining participant" (seed-37)."""
    assert [c.name for c in pfp.members_at("2023-06-01", org="MAP")] == ["Bosnia and Herzegovina"]
