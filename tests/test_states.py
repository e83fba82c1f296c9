"""Every state of the world answers: the state systems, codes and names through time, panels."""

from __future__ import annotations

import csv
import datetime
import importlib.resources
import io
from collections import Counter

import pandas as pd
import pytest

import pfp
from pfp import tables
from pfp.panels import state_year_records

Status = pfp.Status


def _code_rows(scheme: str) -> list[dict[str, str]]:
    """``codes.csv``'s rows of one scheme, read directly (not through pfp)."""
    data = importlib.resources.files("pfp").joinpath("_data", "codes.csv")
    text = data.read_text(encoding="utf-8")
    return [row for row in csv.DictReader(io.StringIO(text)) if row["scheme"] == scheme]


def _state_years(scheme: str, first: int, last: int) -> Counter[int]:
    """How many distinct codes of ``scheme`` were in use in each year, from the file itself."""
    codes: dict[int, set[str]] = {}
    for row in _code_rows(scheme):
        start = int(row["start"][:4])
        end = int(row["end"][:4]) if row["end"] else last
        for year in range(max(start, first), min(end, last) + 1):
            codes.setdefault(year, set()).add(row["code"])
    return Counter({year: len(found) for year, found in codes.items()})


@pytest.mark.parametrize(("system", "first", "last"), [("cow", 1949, 2016), ("gw", 1949, 2017)])
def test_panel_has_one_row_per_state_year_of_the_bundled_list(
    system: str, first: int, last: int
) -> None:
    """The COW (G&W) panel has exactly one row per code and year of the bundled list."""
    rows = state_year_records(first, last, system=system)
    per_year = Counter(row["year"] for row in rows)
    assert per_year == _state_years(system, first, last)
    keys = [(row[f"{system}_code"], row["year"]) for row in rows]
    assert len(keys) == len(set(keys))
    assert all(row[f"{system}_code"] is not None for row in rows)


def test_cow_state_years_of_well_known_years() -> None:
    """COW's own counts: 75 states in 1949, 177 in 1991 (by code), 195 in 2016."""
    rows = state_year_records(1949, 2016, system="cow")
    counts = Counter(row["year"] for row in rows)
    assert (counts[1949], counts[1991], counts[2016]) == (75, 177, 195)


@pytest.mark.parametrize(
    ("name", "year", "cow", "gw"),
    [
        ("Germany", 1960, 260, 260),  # West Germany: COW 260 from 1955, G&W 260 from 1949
        ("Germany", 1991, 255, 260),  # COW 255 from 3 October 1990; G&W keeps 260
        ("GDR", 1980, 265, 265),
        ("Czechoslovakia", 1980, 315, 315),
        ("Czech Republic", 1993, 316, 316),
        ("Serbia and Montenegro", 1999, 345, 345),
        ("Serbia", 2010, 345, 340),  # COW keeps 345; G&W codes Serbia 340 from 5 June 2006
        ("Montenegro", 2010, 341, 341),
        ("Soviet Union", 1980, 365, 365),
        ("Russia", 2000, 365, 365),
    ],
)
def test_codes_through_time(name: str, year: int, cow: int, gw: int) -> None:
    """A state's COW and G&W codes on a day of the year, as the lists give them."""
    day = datetime.date(year, 7, 1)
    state = pfp.country(name)
    assert (state.cow_code_at(day), state.gw_code_at(day)) == (cow, gw)


def test_germany_in_a_cow_nato_panel_is_never_lost() -> None:
    """Joined on COW codes, a NATO panel has West Germany (260) to 1990 and Germany (255) after."""
    panel = tables.country_year_panel(1955, 2000, system="cow", orgs=["NATO"])
    germany = panel[panel["iso3"] == "DEU"]
    assert set(germany[germany["year"] < 1990]["cow_code"]) == {260}
    assert set(germany[germany["year"] > 1990]["cow_code"]) == {255}
    assert set(germany[germany["year"] == 1990]["cow_code"]) == {255, 260}
    assert (germany["nato_status"] == "member").all()


def test_days_outside_a_states_life_are_not_a_state() -> None:
    """The GDR in 2000, Czechoslovakia in 1995, South Sudan in 2005, Slovakia in 1980."""
    for name, day in [
        ("GDR", "2000-01-01"),
        ("Czechoslovakia", "1995-01-01"),
        ("South Sudan", "2005-01-01"),
        ("Slovakia", "1980-01-01"),
    ]:
        assert pfp.status_of(name, day) is Status.NOT_A_STATE
        assert pfp.status_of(name, day, org="NATO") is Status.NOT_A_STATE
        assert not pfp.country(name).existed_on(day)
    assert pfp.status_of("South Sudan", "2011-07-09", org="NATO") is Status.NON_MEMBER
    assert pfp.country("South Sudan").existed_on("2011-07-09", "cow")


def test_states_with_no_event_are_non_members_and_answer_everywhere() -> None:
    """Japan and Australia: no event, non-members; rosters answer False instead of raising."""
    assert "Japan" not in pfp.members_at("2000-01-01")
    assert pfp.status_of("Australia", "2000-01-01", org="NATO") is Status.NON_MEMBER
    assert pfp.affiliations("Japan", "2000-01-01") == ()
    assert [p.status for p in pfp.timeline("Japan", org="EU")][-1] is Status.NON_MEMBER


def test_names_and_codes_resolve() -> None:
    """Former names, aliases, COW abbreviations and numbers; a 3-letter string is ISO first."""
    expected = {
        "Serbia and Montenegro": "YUG",
        "Federal Republic of Yugoslavia": "YUG",
        "Yugoslavia": "YUG",
        "Holland": "NLD",
        "Belorussia": "BLR",
        "Burma": "MMR",
        "Czechia": "CZE",
        "Swaziland": "SWZ",
        "Türkiye": "TUR",
        "Turkey": "TUR",
        "Ivory Coast": "CIV",
        "GFR": "DEU",
        "AUS": "AUS",  # Australia's ISO alpha-3, not Austria's COW abbreviation
        "SCG": "YUG",
    }
    assert {query: pfp.country(query).iso3 for query in expected} == expected
    assert pfp.country(cow=260).iso3 == "DEU"
    assert pfp.country(gw=340).iso3 == "SRB"
    assert pfp.country(cow=365, on="1980-01-01").iso3 == "SUN"
    assert pfp.country(cow=365).iso3 == "RUS"
    with pytest.raises(pfp.AmbiguousCountryError):
        pfp.country("Congo")
    with pytest.raises(pfp.UnknownCountryError, match="no state bore COW code 999"):
        pfp.country(cow=999)


def test_one_rule_for_names() -> None:
    """A state's name is its name as of the data; name_at gives the name in use on a day."""
    assert pfp.country("TUR").name == "Türkiye"
    assert pfp.country("MKD").name == "North Macedonia"
    assert pfp.country("TUR").name_at("2020-01-01") == "Turkey"
    assert pfp.country("MMR").name_at("1980-01-01") == "Burma"


def test_predecessors_and_successors_are_linked() -> None:
    """Czechoslovakia, the GDR, the Soviet Union and Serbia and Montenegro to their successors."""
    assert set(pfp.country("Czechoslovakia").successors) == {"CZE", "SVK"}
    assert "DEU" in pfp.country("GDR").successors
    soviet = pfp.country("Soviet Union").successors
    assert len(soviet) == 15 and "RUS" in soviet and "UKR" in soviet
    assert {"SRB", "MNE"} <= set(pfp.country("Serbia and Montenegro").successors)
    assert pfp.country("Czech Republic").predecessors == ("CSK",)


def test_states_on_a_day_per_system() -> None:
    """pfp.states: the members of a state system on a day."""
    assert len(pfp.states("1949-12-31")) == 75
    cow = pfp.states("2016-12-31")
    gw = pfp.states("2016-12-31", system="gw")
    assert len(cow) == 195
    assert "Abkhazia" in gw and "Abkhazia" not in cow  # G&W's lists include Abkhazia from 2008
    assert "Holy See" in pfp.states("2020-01-01", system="iso")
    with pytest.raises(pfp.InvalidArgumentError, match=r"cow .* gw .* iso"):
        pfp.states("2020-01-01", system="un")


def test_every_state_dispute_cites_a_source() -> None:
    """The recorded disagreements between COW, G&W and ISO each name a source."""
    disputes = pfp.state_disputes()
    assert len(disputes) == 126
    assert all(dispute.sources for dispute in disputes)
    assert {d.what for d in disputes} >= {"start", "code", "in G&W only"}


def test_a_global_panel_merges_onto_a_users_cow_panel_without_an_exception() -> None:
    """A user's own COW country-year frame, merged on (ccode, year): every row matches."""
    mine = pd.DataFrame(
        {
            "ccode": [2, 255, 260, 265, 345, 365, 365],
            "year": [2000, 2000, 1980, 1980, 2010, 1980, 2000],
        }
    )
    panel = tables.country_year_panel(1949, 2024, system="cow", orgs=["NATO", "PfP"])
    merged = mine.merge(panel, left_on=["ccode", "year"], right_on=["cow_code", "year"], how="left")
    assert merged["iso3"].notna().all()
    assert list(merged["iso3"]) == ["USA", "DEU", "DEU", "DDR", "SRB", "SUN", "RUS"]
    assert list(merged["nato_status"]) == [
        "member",
        "member",
        "member",
        "non_member",
        "non_member",
        "non_member",
        "non_member",
    ]
