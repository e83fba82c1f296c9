"""Every accepted form of a day gives the same answer; anything else a clear InvalidDateError."""

from __future__ import annotations

import datetime

import pendulum
import pytest

import pfp


@pytest.mark.parametrize(
    "day",
    [
        "1994-08-03",
        datetime.date(1994, 8, 3),
        datetime.datetime(1994, 8, 3, 23, 59),
        pendulum.date(1994, 8, 3),
        pendulum.datetime(1994, 8, 3, 12, tz="Asia/Tokyo"),
    ],
)
def test_accepted_forms_agree(day: pfp.DateLike) -> None:
    """A string, a date, a datetime and pendulum values all name 3 August 1994."""
    roster = pfp.members_at(day)
    assert roster.date == pendulum.date(1994, 8, 3)
    assert isinstance(roster.date, pendulum.Date)
    assert len(roster) == 22


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("3 August 1994", "strings must be 'YYYY-MM-DD'"),
        ("1994/08/03", "strings must be 'YYYY-MM-DD'"),
        ("19940803", "strings must be 'YYYY-MM-DD'"),
        ("1994-02-30", "no such calendar day"),
        (1994, "a value of type int is not a date"),
        (None, "a value of type NoneType is not a date"),
        (pendulum.duration(days=1), "a value of type Duration is not a date"),
    ],
)
def test_rejected_values_name_the_accepted_forms(value: object, reason: str) -> None:
    """The message says what was wrong and lists every accepted form."""
    with pytest.raises(pfp.InvalidDateError) as raised:
        pfp.status_of("Malta", value)  # type: ignore[arg-type]  # not a day: the error is the point
    message = str(raised.value)
    assert reason in message
    assert "datetime.date" in message and "'YYYY-MM-DD'" in message
    assert isinstance(raised.value, ValueError)


def test_transition_bounds_are_checked() -> None:
    """A range that ends before it starts is a ValueError naming both bounds."""
    with pytest.raises(pfp.InvalidRangeError, match="ends \\(2004-01-01\\) before it starts"):
        pfp.transitions("2004-12-31", "2004-01-01")
    with pytest.raises(ValueError, match="cannot read"):
        pfp.transitions("2004", None)
