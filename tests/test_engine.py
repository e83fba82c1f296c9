"""pfp.History over a caller's own events: validation, tables and pickling."""

from __future__ import annotations

import bisect
import copy
import datetime
import pickle

import pytest

import pfp

NARNIA = pfp.Country("Narnia", "NA", "NAR")
LION = pfp.Source("lion", "The Lion, the Witch and the Wardrobe", "Geoffrey Bles")


def _history(*events: pfp.Event, default_org: str = "PfP") -> pfp.History:
    return pfp.History(events, default_org=default_org)


def test_tables_of_an_own_history_cite_its_own_sources() -> None:
    """A roster of one's own history reports its own periods and sources, in its own orgs."""
    history = _history(
        pfp.Event("2000-01-01", NARNIA, "accession", [LION], org="Aslan League"),
        default_org="Aslan League",
    )
    (row,) = history.members_at("2001-01-01").to_records()
    assert (row["org"], str(row["since"]), row["sources"]) == (
        "Aslan League",
        "2000-01-01",
        ("lion",),
    )
    (change,) = history.transitions().to_records()
    assert change["org"] == "Aslan League"
    periods = history.timeline("Narnia").to_records()
    assert [p["status"] for p in periods] == ["non_member", "member"]


def test_records_say_which_organisation_changed() -> None:
    """NATO's transitions and timelines are labelled NATO, not the default PfP."""
    rows = pfp.transitions("2004-01-01", "2004-12-31", org="NATO").to_records()
    assert {row["org"] for row in rows} == {"NATO"}
    periods = pfp.timeline("Sweden", org="NATO").to_records()
    assert {row["org"] for row in periods} == {"NATO"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"sources": "lion"}, "sources must be a sequence of pfp.Source records"),
        ({"sources": [None]}, "sources must be pfp.Source records"),
        ({"country": "Narnia"}, "country must be a pfp.Country"),
        ({"kind": "joined"}, "no event kind 'joined'; known: signature"),
        ({"org": ""}, "org must be a non-empty string"),
    ],
)
def test_events_refuse_malformed_fields(arguments: dict[str, object], message: str) -> None:
    """An Event checks its fields when made and says what each should be."""
    fields: dict[str, object] = {"country": NARNIA, "kind": "signature", "sources": [LION]}
    fields.update(arguments)
    org = fields.pop("org", "PfP")
    with pytest.raises((TypeError, ValueError), match=message):
        pfp.Event("2000-01-01", org=org, **fields)  # type: ignore[arg-type]


def test_history_refuses_what_is_not_an_event_and_clashing_records() -> None:
    """Items that are not events, two records under one code and keys differing in case."""
    with pytest.raises(pfp.DataError, match=r"item 1: a str, not a pfp\.Event"):
        pfp.History(["Narnia joined"])  # type: ignore[list-item]
    other = pfp.Country("Narnia Republic", "NB", "NAR")
    with pytest.raises(pfp.DataError, match="two different records use this code"):
        _history(
            pfp.Event("2000-01-01", NARNIA, "signature", [LION]),
            pfp.Event("2001-01-01", other, "withdrawal", [LION]),
        )
    with pytest.raises(pfp.DataError, match="differs from 'pfp' only in case"):
        _history(pfp.Event("2000-01-01", NARNIA, "signature", [LION], org="pfp"))


def test_a_country_record_from_elsewhere_is_not_silently_a_non_member() -> None:
    """A Country the history does not know raises instead of answering non_member."""
    with pytest.raises(pfp.UnknownCountryError):
        pfp.status_of(NARNIA, "2000-01-01")


@pytest.mark.parametrize(
    "make",
    [
        lambda: pfp.members_at("2004-03-28"),
        lambda: pfp.members_at("2004-03-28") - pfp.members_at("2004-03-29"),
        lambda: pfp.timeline("Malta"),
        lambda: pfp.timeline("Malta")[1:3],
        lambda: pfp.transitions(country="Malta"),
        lambda: pfp.country("Malta"),
        lambda: pfp.disputes()[0],
    ],
)
def test_results_pickle_and_copy(make: object) -> None:
    """Results survive pickle, copy and deepcopy (for multiprocessing and notebook caches)."""
    value = make()  # type: ignore[operator]
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.copy(value) == value
    assert copy.deepcopy(value) == value


def test_an_own_history_pickles() -> None:
    """A History of one's own events, and its rosters, pickle whole."""
    history = _history(pfp.Event("1950-10-16", NARNIA, "signature", [LION]))
    roster = history.members_at("1951-01-01")
    again = pickle.loads(pickle.dumps(roster))
    assert [c.name for c in again] == ["Narnia"]
    assert pickle.loads(pickle.dumps(history)).status_of("Narnia", "1951-01-01").value == "member"


def test_a_long_run_of_changes_answers_every_day_like_a_plain_search() -> None:
    """600 changes (an array with a bucket directory): each day from before the first change
    to after the last has the status a plain bisect over the same run gives.
    """
    first = datetime.date(1900, 1, 1)
    days = [first + datetime.timedelta(days=3 * n + n % 3) for n in range(600)]
    kinds = ("signature", *("withdrawal", "reactivation") * 299, "withdrawal")
    history = _history(*(pfp.Event(d, NARNIA, k, [LION]) for d, k in zip(days, kinds, strict=True)))
    ords = [d.toordinal() for d in days]
    statuses = (pfp.Status.NON_MEMBER, *(t.after for t in history.transitions(country=NARNIA)))
    for ordinal in range(ords[0] - 3, ords[-1] + 40):
        day = datetime.date.fromordinal(ordinal)
        assert history.status_of(NARNIA, day) is statuses[bisect.bisect_right(ords, ordinal)]
