"""The European Union (from the EEC of 1958): accessions and the United Kingdom's withdrawal."""

from __future__ import annotations

import pytest

import pfp
from pfp import Status

# (day, members, source key): europa-eu-countries, "Year of entry" table
ENLARGEMENTS = [
    ("1958-01-01", 6, "europa-eu-countries"),
    ("1973-01-01", 9, "europa-eu-countries"),
    ("1981-01-01", 10, "europa-eu-countries"),
    ("1986-01-01", 12, "europa-eu-countries"),
    ("1995-01-01", 15, "europa-eu-countries"),
    ("2004-05-01", 25, "europa-eu-countries"),
    ("2007-01-01", 27, "europa-eu-countries"),
    ("2013-07-01", 28, "europa-eu-countries"),
    ("2020-02-01", 27, "europa-eu-countries"),
]


@pytest.mark.parametrize(("day", "count", "source"), ENLARGEMENTS)
def test_size_after_each_enlargement(day: str, count: int, source: str) -> None:
    """The EU's size on the day of each enlargement, and the change's source."""
    assert len(pfp.members_at(day, org="EU")) == count
    assert all(
        source in {s.key for s in t.sources}
        for t in pfp.transitions(day, day, org="european union")
    )


def test_united_kingdom_left_at_the_end_of_31_january_2020() -> None:
    """A member all of 31 January 2020 (Brussels time), outside from 1 February."""
    assert pfp.status_of("UK", "2020-01-31", org="EU") is Status.MEMBER
    assert pfp.status_of("UK", "2020-02-01", org="EU") is Status.WITHDRAWN
    (left,) = [t for t in pfp.transitions(country="GB", org="EU") if t.after is Status.WITHDRAWN]
    assert [str(a.date) for a in left.event.alternatives] == ["2020-01-31"]


def test_cyprus_is_the_only_eu_state_outside_nato_and_the_pfp() -> None:
    """The seed: "Cyprus is the only European Union member state that is neither a NATO
    member state nor a member of the PfP program" (seed-25), as one set expression.
    """
    day = "2023-06-01"
    outside = pfp.members_at(day, org="EU") - pfp.members_at(day, org="NATO") - pfp.members_at(day)
    assert [c.name for c in outside] == ["Cyprus"]
