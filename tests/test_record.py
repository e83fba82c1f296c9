"""The programme's record: milestones, figures and objectives, each against its source."""

from __future__ import annotations

import pytest

import pfp

# (milestone name fragment, start, end or None, source key)
MILESTONES = [
    ("Rome summit", "1991-11-07", "1991-11-08", "nato-review-1991-worner"),
    ("North Atlantic Cooperation Council", "1991-12-20", None, "nato-nacc-statement-1991-12-20"),
    ("Travemünde", "1993-10-20", "1993-10-21", "ap-travemuende-1993"),
    ("Brussels summit", "1994-01-10", "1994-01-11", "nato-chron-1994-01"),
    ("Framework Document", "1994-01-10", None, "nato-basictxt-pfp-framework"),
    ("Euro-Atlantic Partnership Council", "1997-05-30", None, "nato-eapc-basic-document"),
    ("Membership Action Plan", "1999-04-24", None, "wh-washington-communique-1999"),
    ("Prague summit", "2002-11-21", "2002-11-22", "nato-prague-readers-guide"),
    ("Individual Partnership Action Plans", "2002-11-21", None, "nato-prague-readers-guide"),
    ("ISAF", "2003-08-11", None, "nato-update-2003-08-11"),
    ("Istanbul Cooperation Initiative", "2004-06-28", None, "wh-ici-factsheet-2004-06-28"),
    ("Riga summit", "2006-11-28", "2006-11-29", "nato-riga-declaration-2006"),
    ("Bucharest summit", "2008-04-02", "2008-04-04", "ro-mfa-bucharest-2008"),
]


@pytest.mark.parametrize(("fragment", "start", "end", "source"), MILESTONES)
def test_milestone_dates(fragment: str, start: str, end: str | None, source: str) -> None:
    """Each milestone the seed dates has the sourced start and end days."""
    (milestone,) = [m for m in pfp.milestones() if fragment in m.name]
    assert str(milestone.start) == start
    assert (None if milestone.end is None else str(milestone.end)) == end
    assert source in [s.key for s in milestone.sources]


def test_milestones_by_range_include_overlaps() -> None:
    """A range returns the milestones touching it, both ends inclusive."""
    names = [m.name for m in pfp.milestones("1994-01-11", "1994-01-11")]
    assert len(names) == 1
    assert names[0].startswith("Brussels summit")
    assert pfp.milestones("1995-01-01", "1995-12-31") == ()
    with pytest.raises(pfp.InvalidRangeError):
        pfp.milestones("2000-01-01", "1999-01-01")


@pytest.mark.parametrize(
    ("key", "value", "unit"),
    [
        ("austria-1997-activities", 227, "activities"),
        ("austria-1997-people", 713, "people"),
        ("sweden-1997-field-exercises", 15, "exercises"),
        ("sweden-1997-interoperability-objectives", 35, "objectives"),
        ("wif-avg-fy1996-2005", 43, "USD million per year"),
        ("wif-avg-fy2006-2010", 29, "USD million per year"),
        ("isaf-troops-2010-08", 120000, "troops"),
        ("isaf-countries-2010-08", 47, "countries"),
    ],
)
def test_figures_the_seed_gives(key: str, value: int, unit: str) -> None:
    """Each figure carries its value, unit and at least one source."""
    figure = pfp.figure(key)
    assert (figure.value, figure.unit) == (value, unit)
    assert figure.sources


def test_unknown_figure_suggests_keys() -> None:
    """A misspelt key raises a LookupError naming the nearest keys."""
    with pytest.raises(LookupError, match="did you mean isaf-troops-2010-08"):
        pfp.figure("isaf-troop-2010-08")


def test_framework_document_objectives() -> None:
    """NATO's texts list five objectives, not the seed's six; none is invented."""
    areas = pfp.cooperation_areas()
    assert [a.number for a in areas] == [1, 2, 3, 4, 5]
    assert areas[1].text == "ensuring democratic control of defence forces"
    assert all("nato-logistics-handbook-1997-601" in [s.key for s in a.sources] for a in areas)
