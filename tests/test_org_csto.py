"""The Collective Security Treaty and its organisation: entries, exits, re-entries, observers."""

from __future__ import annotations

import pytest

import pfp
from pfp import Status


@pytest.mark.parametrize(
    ("state", "day", "expected"),
    [
        ("Azerbaijan", "1994-04-19", Status.NON_MEMBER),
        ("Azerbaijan", "1994-04-20", Status.MEMBER),  # mfa-by-csto: in force 20 April 1994
        ("Azerbaijan", "1999-04-20", Status.MEMBER),  # protocol-cst-1999: term ends 20 April
        ("Azerbaijan", "1999-04-21", Status.WITHDRAWN),
        ("Georgia", "1999-04-21", Status.WITHDRAWN),
        ("Uzbekistan", "1999-04-21", Status.WITHDRAWN),
        ("Uzbekistan", "2006-06-23", Status.MEMBER),  # asiaplus-2006-06-26: Minsk decision
        ("Uzbekistan", "2012-06-28", Status.MEMBER),  # its note; the Council's act came later
        ("Uzbekistan", "2012-12-19", Status.WITHDRAWN),  # tass-2012-12-19: the Council's act
        ("Serbia", "2013-04-01", Status.OBSERVER),  # tass-2022-12-04: observer since 2013
        ("Armenia", "2024-02-21", Status.MEMBER),
        ("Armenia", "2024-02-22", Status.SUSPENDED),  # rt-2024-02-22: frozen, still a member
        ("Russia", "2024-03-07", Status.MEMBER),
    ],
)
def test_csto_statuses(state: str, day: str, expected: Status) -> None:
    """Membership of the Collective Security Treaty, day by day."""
    assert pfp.status_of(state, day, org="CSTO") is expected


def test_six_members_in_2023() -> None:
    """The seed's "CSTO member" notes: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia,
    Tajikistan.
    """
    names = [c.name for c in pfp.members_at("2023-06-01", org="collective security treaty")]
    assert names == ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]


def test_signature_dates_are_recorded_as_alternatives() -> None:
    """Membership counts from entry into force; each signature day is kept as another reading."""
    (georgia,) = [
        e for e in pfp.events(country="Georgia") if e.org == "CSTO" and e.kind.value == "accession"
    ]
    assert str(georgia.date) == "1994-04-20"
    assert "1993-12-09" in [str(a.date) for a in georgia.alternatives]
