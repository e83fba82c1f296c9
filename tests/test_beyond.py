"""Answers past an organisation's review day carry its last known standing, and say so."""

from __future__ import annotations

import subprocess
import sys

import pytest

import pfp
from pfp import tables

PFP_KNOWN_TO = pfp.organization("PfP").as_of


def test_each_organisation_has_a_review_day_and_data_as_of_is_the_earliest() -> None:
    """The review days of reviews.csv; DATA_AS_OF is the earliest of them."""
    days = {org.key: org.as_of for org in pfp.organizations()}
    assert str(days["NATO"]) == "2025-06-25"
    assert str(days["PfP"]) == "2024-08-06"
    assert str(days["GUAM"]) == "2025-03-03"  # the 17th GUAM PA session, all four members
    assert str(days["MAP"]) == "2025-10-23"  # BiH's first ITPP approved, its MAP going on
    assert str(pfp.DATA_AS_OF) == "2024-08-06"  # the PfP's: no later full list of partners
    assert min(day for day in days.values() if day is not None) == pfp.DATA_AS_OF


def test_a_roster_after_the_review_day_says_so() -> None:
    """members_at past the PfP's review day: the last known roster, beyond_data=True."""
    assert PFP_KNOWN_TO is not None
    inside, outside = pfp.members_at(PFP_KNOWN_TO), pfp.members_at("2030-01-01")
    assert not inside.beyond_data and inside.known_to is None
    assert outside.beyond_data and outside.known_to == PFP_KNOWN_TO
    assert outside.iso3 == inside.iso3
    assert "beyond the data, known to 2024-08-06" in repr(outside)
    assert "beyond the data: known to 2024-08-06" in outside._repr_html_()


def test_transitions_reaching_past_the_review_day_say_so() -> None:
    """A window ending after the review day (or open) is beyond the data; one before it is not."""
    assert not pfp.transitions("2004-01-01", "2004-12-31").beyond_data
    late = pfp.transitions("2024-01-01", "2030-12-31")
    assert late.beyond_data and late.known_to == PFP_KNOWN_TO
    assert pfp.history().transitions("2024-01-01", "2030-12-31").beyond_data
    assert pfp.transitions(country="Malta").beyond_data  # open-ended
    assert "beyond the data" in repr(late)


def test_a_period_running_past_the_review_day_says_so() -> None:
    """The period still running, or ending after the review day, carries known_to."""
    last = pfp.timeline("Malta")[-1]
    assert last.beyond_data and last.known_to == PFP_KNOWN_TO
    assert repr(last).endswith("; known to 2024-08-06)")
    assert not any(period.beyond_data for period in pfp.timeline("Malta")[:-1])


@pytest.mark.parametrize("beyond", ["carry", "null"])
def test_panels_mark_rows_beyond_the_data(beyond: str) -> None:
    """beyond="carry" keeps the status and flags the row; "null" leaves the status empty."""
    panel = tables.country_year_panel(2023, 2030, system="cow", orgs=["PfP"], beyond=beyond)
    malta = panel[panel["iso3"] == "MLT"].set_index("year")
    assert not malta.loc[2023, "beyond_data"] and malta.loc[2024, "beyond_data"]
    assert malta.loc[2023, "pfp_status"] == "member"
    if beyond == "carry":
        assert malta.loc[2030, "pfp_status"] == "member"
    else:
        assert malta.loc[2030, "pfp_status"] is None or malta.loc[2030, "pfp_status"] != "member"
        assert malta["pfp_status"].isna().loc[2030]


def test_panels_can_refuse_days_beyond_the_data() -> None:
    """beyond="raise" raises a BeyondDataError (a ValueError) naming the review day."""
    with pytest.raises(pfp.BeyondDataError, match="known to \\(2024-08-06\\)"):
        tables.country_year_panel(2030, 2030, system="cow", beyond="raise")
    with pytest.raises(pfp.InvalidArgumentError, match="beyond must be one of"):
        tables.country_year_panel(2030, 2030, system="cow", beyond="maybe")


def test_the_command_line_notes_an_answer_beyond_the_data() -> None:
    """One line on standard error; the answer itself on standard output, exit 0."""
    done = subprocess.run(
        [sys.executable, "-m", "pfp", "members", "2030-01-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stderr == (
        "pfp: note: PfP is known to 2024-08-06; later days carry its last known standing forward\n"
    )
    inside = subprocess.run(
        [sys.executable, "-m", "pfp", "members", "2024-01-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert inside.stderr == ""


def test_the_review_sources_say_what_the_review_rests_on() -> None:
    """GUAM's and the MAP's 2025 review days, each from a source dated that day."""
    guam = pfp.source("guam-pa-2025-03-03")
    assert str(guam.date) == "2025-03-03" and "all GUAM Member States" in guam.note
    assert (
        "Azerbaijan, Georgia, the Republic of Moldova, and Ukraine"
        in pfp.source("trend-2025-03-03").note
    )
    nato = pfp.source("rtrs-2025-10-27")
    assert str(nato.date) == "2025-10-27" and "23. oktobra ove godine" in nato.note
    assert pfp.organization("MAP").reviewed_by[0].key == "sarajevotimes-bih-reform-2025"
