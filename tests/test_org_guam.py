"""GUAM: its four founders, and Uzbekistan's entry, suspension and withdrawal."""

from __future__ import annotations

import pfp
from pfp import Status


def test_founders_of_10_october_1997() -> None:
    """Georgia, Ukraine, Azerbaijan and Moldova founded GUAM at Strasbourg (guam-org-about)."""
    assert len(pfp.members_at("1997-10-09", org="GUAM")) == 0
    names = {c.name for c in pfp.members_at("1997-10-10", org="GUAM")}
    assert names == {"Azerbaijan", "Georgia", "Moldova", "Ukraine"}


def test_uzbekistan_in_and_out() -> None:
    """GUUAM from 24 April 1999; suspended June 2002; withdrew May 2005."""
    statuses = [
        pfp.status_of("Uzbekistan", day, org="GUUAM")
        for day in ("1999-04-23", "1999-04-24", "2002-06-12", "2005-05-05")
    ]
    assert statuses == [Status.NON_MEMBER, Status.MEMBER, Status.SUSPENDED, Status.WITHDRAWN]
    assert len(pfp.members_at("2001-01-01", org="GUAM")) == 5
