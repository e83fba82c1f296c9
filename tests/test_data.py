"""Integrity of the bundled data: every row sourced, every key resolves, rows sorted, no loss."""

from __future__ import annotations

import csv
import importlib.resources
from collections import Counter

import pfp

CITING = (
    "events.csv",
    "alternatives.csv",
    "countries.csv",
    "organizations.csv",
    "renames.csv",
    "milestones.csv",
    "figures.csv",
    "cooperation_areas.csv",
    "codes.csv",
    "state_disputes.csv",
    "reviews.csv",
)
"""Every data file whose rows cite sources."""


def _rows(name: str) -> list[dict[str, str]]:
    resource = importlib.resources.files("pfp").joinpath("_data", name)
    with resource.open("r", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _keys(cell: str) -> list[str]:
    return [key for key in cell.split(";") if key]


def test_every_event_row_becomes_an_event() -> None:
    """Nothing is lost between events.csv and the index: one Event per row, same order."""
    rows = _rows("events.csv")
    events = pfp.history().events()
    assert len(events) == len(rows)
    assert sorted(e.origin for e in events) == sorted(
        f"events.csv:{number}" for number in range(2, len(rows) + 2)
    )


def test_every_row_cites_a_source_that_exists() -> None:
    """Every row of every citing file cites at least one source key, and each key exists."""
    known = {s.key for s in pfp.sources()}
    for name in CITING:
        for number, row in enumerate(_rows(name), start=2):
            keys = _keys(row["sources"])
            assert keys, f"{name}:{number} cites no source"
            assert set(keys) <= known, f"{name}:{number} cites unknown {set(keys) - known}"


def test_every_source_is_cited_by_some_row() -> None:
    """No orphan sources: each key in sources.csv is used by at least one row."""
    cited: set[str] = set()
    for name in CITING:
        for row in _rows(name):
            cited.update(_keys(row["sources"]))
    assert {s.key for s in pfp.sources()} == cited


def test_event_rows_are_sorted_and_unique() -> None:
    """events.csv is sorted by date (then org and country) and states no fact twice."""
    rows = _rows("events.csv")
    keys = [(r["date"], r["org"], r["country"], r["kind"]) for r in rows]
    assert keys == sorted(keys)
    assert not [key for key, count in Counter(keys).items() if count > 1]


def test_every_event_reaches_its_sources_in_one_step() -> None:
    """Each event, transition and period carries Source records with a title and publisher."""
    for event in pfp.events():
        assert event.sources
        assert all(source.title and source.publisher for source in event.sources)
    for change in pfp.transitions():
        assert change.sources == change.event.sources


def test_countries_have_unique_codes() -> None:
    """Keys unique; the ISO alpha-2 codes of states that exist today unique; codes well formed."""
    countries = pfp.countries()
    assert len({c.iso3 for c in countries}) == len(countries)
    today = [c for c in countries if c.existed_on(pfp.DATA_AS_OF) and c.iso2]
    assert len({c.iso2 for c in today}) == len(today)
    assert all(len(c.iso2) == 2 and c.iso2.isupper() for c in countries if c.iso2)
    assert all(len(c.iso3) == 3 and c.iso3.isupper() for c in countries)
    no_iso = sorted(c.iso3 for c in countries if not c.iso2)
    assert no_iso == ["XAB", "XSO", "XSV", "XTB", "XZN"]  # pfp's user-assigned keys


def test_disputes_name_their_sources_and_reasons() -> None:
    """Every recorded alternative reading has its own source and a reason for the choice."""
    disputes = pfp.disputes()
    assert {e.country.name for e in disputes} >= {"Malta", "Kazakhstan", "Germany", "Belgium"}
    for event in disputes:
        for alternative in event.alternatives:
            assert alternative.sources and alternative.reason
            assert alternative.date != event.date or alternative.precision != event.precision


def test_data_version_and_as_of() -> None:
    """The dataset says which version it is and, per organisation, the day it is complete to.

    DATA_AS_OF is the earliest of the organisations' review days; no event is dated after its
    organisation's.
    """
    assert pfp.DATA_VERSION
    reviewed = {org.key: org.as_of for org in pfp.organizations() if org.as_of is not None}
    assert set(reviewed) >= {"NATO", "PfP", "EU", "CSTO", "GUAM", "MAP"}
    assert min(reviewed.values()) == pfp.DATA_AS_OF
    for event in pfp.events():  # a framework without a review day is held to DATA_AS_OF
        assert event.date <= reviewed.get(event.org, pfp.DATA_AS_OF)
    assert all(org.reviewed_by for org in pfp.organizations() if org.as_of is not None)


def test_every_row_of_every_file_becomes_a_record() -> None:
    """Nothing is lost between the files and the API: one record per row, for every file."""
    assert len(_rows("sources.csv")) == len(pfp.sources())
    assert len(_rows("countries.csv")) == len(pfp.countries())
    assert len(_rows("organizations.csv")) == len(pfp.organizations())
    assert len(_rows("milestones.csv")) == len(pfp.milestones())
    assert len(_rows("figures.csv")) == len(pfp.figures())
    assert len(_rows("cooperation_areas.csv")) == len(pfp.cooperation_areas())
    assert len(_rows("renames.csv")) == sum(len(c.renames) for c in pfp.countries())
    alternatives = sum(len(d.alternatives) for d in pfp.disputes())
    assert len(_rows("alternatives.csv")) == alternatives


def test_evidence_is_graded_and_at_most_three_events_rest_on_the_seed_alone() -> None:
    """Every event has its evidence graded; 'seed' exactly when every source is the seed's."""
    for event in pfp.events():
        seed_only = all(s.key == "seed" or s.key.startswith("seed-") for s in event.sources)
        assert event.evidence is not None
        assert (event.evidence is pfp.Evidence.SEED) is seed_only
    seed = pfp.events(evidence="seed")
    assert len(seed) <= 3
    assert [(e.country.name, e.org, e.kind.value) for e in seed] == [
        ("Kazakhstan", "PfP", "signature")
    ]
    assert len(pfp.events(evidence="primary")) > len(pfp.events(evidence="secondary"))
