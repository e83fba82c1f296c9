"""Results know their history: rows, frames, HTML and tables carry its data, for any History."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

import pfp
from pfp import tables

NARNIA = pfp.Country("Narnia", "NA", "NAR")
LION = pfp.Source("lion", "The Lion, the Witch and the Wardrobe", "Geoffrey Bles")
SHIP = pfp.Organization("SHIP", "Dawn Treader crew", "1950-01-01")


def _narnia() -> pfp.History:
    """A history built in code: one state, its own organisation as the default, no version."""
    events = [
        pfp.Event("1950-10-16", NARNIA, "accession", [LION], org="SHIP"),
        pfp.Event("1956-09-04", NARNIA, "withdrawal", [LION], org="SHIP"),
    ]
    return pfp.History(events, organizations=[SHIP], default_org="SHIP")


def test_to_pandas_of_each_result_has_its_rows_and_the_bundled_version() -> None:
    """Roster, country set, transitions and timeline frames: their rows, and df.attrs."""
    roster = pfp.members_at("1994-01-31")
    frames = {
        "roster": roster.to_pandas(),
        "set": (roster | pfp.members_at("1994-02-08")).to_pandas(),
        "transitions": pfp.transitions("2004-01-01", "2004-12-31").to_pandas(),
        "timeline": pfp.timeline("Malta").to_pandas(),
    }
    assert list(frames["roster"]["iso3"]) == ["LTU", "ROU"]
    both = roster.iso3 | pfp.members_at("1994-02-08").iso3
    assert sorted(frames["set"]["iso3"]) == sorted(both) and len(both) > 2
    assert len(frames["transitions"]) == 7
    assert list(frames["timeline"]["status"]) == [
        "not_a_state",
        "non_member",
        "member",
        "withdrawn",
        "applicant",
        "member",
    ]
    assert pd.api.types.is_datetime64_any_dtype(frames["timeline"]["start"])
    for frame in frames.values():
        assert frame.attrs["data_version"] == pfp.DATA_VERSION
        assert frame.attrs["data_as_of"] == str(pfp.DATA_AS_OF)


def test_repr_html_is_a_table_of_the_rows_with_a_plain_caption() -> None:
    """The notebook view: a caption in words, a header of the columns, one row per member."""
    html = pfp.members_at("1994-01-31")._repr_html_()
    assert "<caption>PfP on 1994-01-31: 2 members</caption>" in html
    assert ">since</th>" in html  # its header carries a hint: the first day, inclusive
    assert html.count("<tr><td>") == 2
    assert "<td>Lithuania</td>" in html
    record = pfp.country("Malta")._repr_html_()
    assert '<table class="pfp-record">' in record and "<td>MLT</td>" in record


def test_with_events_adds_to_a_new_history_and_keeps_the_old() -> None:
    """with_events: the new history answers with the events; the bundled one does not change."""
    malta, seed = pfp.country("Malta"), pfp.source("seed-19")
    later = pfp.history().with_events([pfp.Event("2030-01-01", malta, "withdrawal", [seed])])
    assert later.status_of("Malta", "2030-01-01") is pfp.Status.WITHDRAWN
    assert pfp.status_of("Malta", "2030-01-01") is pfp.Status.MEMBER
    assert later.default_org == "PfP"
    assert later.as_of == pfp.DATA_AS_OF
    assert later.version == f"{pfp.DATA_VERSION} with 1 event added"
    assert later.sources() == pfp.sources()


def test_a_custom_history_answers_for_its_own_default_organisation() -> None:
    """Without org=, a history built in code answers for its own default organisation."""
    narnia = _narnia()
    assert len(narnia.members_at("1955-01-01")) == 1
    assert narnia.status_of("Narnia", "1957-01-01") is pfp.Status.WITHDRAWN


def test_rows_of_a_custom_history_say_they_are_not_the_bundled_data() -> None:
    """Rows, frames and panels of a history built in code carry no bundled version."""
    narnia = _narnia()
    rows = narnia.members_at("1955-01-01").to_records()
    assert rows.metadata == {
        "data_version": "unversioned (not the bundled data)",
        "data_as_of": "unknown",
    }
    frame = narnia.timeline("Narnia").to_pandas()
    assert frame.attrs["data_version"] == "unversioned (not the bundled data)"
    panel = tables.country_year_panel(1955, 1957, history=narnia)
    assert list(panel["status"]) == ["member", "withdrawn", "withdrawn"]  # on 31 December
    assert set(panel["org"]) == {"SHIP"}
    assert panel.attrs["data_version"] == "unversioned (not the bundled data)"


def test_tables_work_for_the_states_of_a_custom_history() -> None:
    """status_record, history records and the country-day panel know the custom states."""
    narnia = _narnia()
    row = tables.status_record("Narnia", "1955-01-01", history=narnia)
    assert (row["status"], str(row["since"])) == ("member", "1950-10-16")
    assert [r["status"] for r in tables.history_records(history=narnia)] == [
        "non_member",
        "member",
        "withdrawn",
    ]
    days = tables.country_day_panel("1956-09-03", "1956-09-04", history=narnia)
    assert list(days["status"]) == ["member", "withdrawn"]
    with pytest.raises(pfp.UnknownCountryError):
        tables.status_record("Narnia", "1955-01-01")  # the bundled data has no Narnia


def test_a_reading_keeps_the_default_organisation_and_says_it_is_a_reading() -> None:
    """pfp.reading keeps the bundled default organisation, and labels its version."""
    malta = next(d for d in pfp.disputes() if d.country.name == "Malta")
    other = pfp.reading(malta.alternatives[1])
    assert other.default_org == "PfP"
    assert len(other.members_at("2024-03-07")) == len(pfp.members_at("2024-03-07"))
    assert other.version == f"{pfp.DATA_VERSION} (alternative reading)"


def test_results_pickle_with_their_history() -> None:
    """A bundled result unpickles onto the same bundled history; a custom one onto its copy."""
    roster = pfp.members_at("2000-01-01")
    again = pickle.loads(pickle.dumps(roster))
    assert again == roster and again.history is pfp.history()
    changes = pfp.transitions("2004-01-01", "2004-12-31")
    back = pickle.loads(pickle.dumps(changes))
    assert back == changes and back.org == "PfP" and back.history is pfp.history()
    narnia = _narnia().timeline("Narnia")
    copied = pickle.loads(pickle.dumps(narnia))
    assert copied == narnia and copied.history is not None
    assert copied.history.default_org == "SHIP"


def test_the_bundled_history_refuses_changes() -> None:
    """Nothing a caller does to the shared History can change a later answer."""
    bundled = pfp.history()
    with pytest.raises(AttributeError):
        bundled.members_at = pfp.members_at  # type: ignore[method-assign]
    with pytest.raises(AttributeError):
        del bundled.version
    assert len(pfp.members_at("1994-08-03")) == 22


def test_graduation_status_comes_from_the_data() -> None:
    """An organisation's graduation leads to the status its record names, not a fixed one."""
    land = pfp.Country("Land", "LA", "LND")
    source = LION
    camp = pfp.Organization(
        "CAMP", "Camp", "1990-01-01", graduates_to="TEAM", graduation_status="withdrawn"
    )
    team = pfp.Organization("TEAM", "Team", "1990-01-01")
    history = pfp.History(
        [
            pfp.Event("1991-01-01", land, "accession", [source], org="CAMP"),
            pfp.Event("1992-01-01", land, "accession", [source], org="TEAM"),
        ],
        organizations=[camp, team],
        default_org="CAMP",
    )
    assert history.status_of("Land", "1992-01-01") is pfp.Status.WITHDRAWN
    with pytest.raises(pfp.InvalidRecordError, match="needs a graduation_status"):
        pfp.Organization("CAMP", "Camp", "1990-01-01", graduates_to="TEAM")
