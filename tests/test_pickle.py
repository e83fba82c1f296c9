"""Errors and results survive pickling: across processes, as multiprocessing sends them.

Every error class of ``pfp.__all__`` comes back with its type, message and public attributes;
every result comes back equal. Errors are made the way pfp makes them, by asking a wrong
question, so that the tests hold whatever each constructor's signature becomes.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from typing import Any

import pytest

import pfp
from pfp import tables

PROTOCOLS = sorted({pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL})


def _withdrawal_while_not_a_member() -> pfp.History:
    malta, nyt = pfp.country("Malta"), pfp.source("seed-19")
    return pfp.History([pfp.Event("2000-01-01", malta, "withdrawal", [nyt])])


def _two_states_named_congo() -> pfp.Country:
    congos = [pfp.Country("Congo", "CG", "COG"), pfp.Country("Congo", "CD", "COD")]
    return pfp.History([], countries=congos).country("Congo")


def _two_readings_of_one_fact() -> pfp.History:
    malta_left = pfp.timeline("Malta")[3].event  # its 1996 withdrawal: two other readings
    assert malta_left is not None
    return pfp.reading(*malta_left.alternatives)


def _polars_missing() -> object:
    """``to_polars()`` where ``import polars`` fails."""
    saved = sys.modules.get("polars")
    sys.modules["polars"] = None  # type: ignore[assignment]  # `import polars` now fails
    try:
        return pfp.members_at("2000-01-01").to_polars()
    finally:
        if saved is None:
            del sys.modules["polars"]
        else:
            sys.modules["polars"] = saved


WRONG_QUESTIONS: dict[str, Callable[[], object]] = {
    "AmbiguousCountryError": _two_states_named_congo,
    "ConflictingReadingsError": _two_readings_of_one_fact,
    "DataError": _withdrawal_while_not_a_member,
    "BeyondDataError": partial(tables.country_year_panel, 2030, 2030, system="cow", beyond="raise"),
    "InvalidArgumentError": partial(pfp.suggest_countries, "Malt", limit="3"),  # type: ignore[arg-type]
    "InvalidRecordError": partial(pfp.Event, "2000-01-01", pfp.country("Malta"), "joined", []),
    "InvalidDateError": partial(pfp.members_at, "3 Aug 1994"),
    "InvalidRangeError": partial(pfp.transitions, "2004-12-31", "2004-01-01"),
    "MissingExtraError": _polars_missing,
    "PfpError": partial(pfp.country, "Swizerland"),  # any pfp error is a PfpError
    "UnknownAlternativeError": partial(pfp.reading, pfp.Alternative("2000-01-01", [], "none")),
    "UnknownCountryError": partial(pfp.country, "Swizerland"),
    "UnknownKeyError": partial(pfp.source, "seed-230"),
    "UnknownOrganizationError": partial(pfp.members_at, "2000-01-01", org="SEATO"),
}
"""For each error class of ``pfp.__all__``, a question pfp answers with that error."""

WORKER_QUESTIONS: dict[str, tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]] = {
    "UnknownCountryError": (pfp.country, ("Swizerland",), {}),
    "UnknownOrganizationError": (pfp.members_at, ("2000-01-01",), {"org": "SEATO"}),
    "UnknownKeyError": (pfp.source, ("seed-230",), {}),
    "InvalidDateError": (pfp.status_of, ("Malta", "3 Aug 1994"), {}),
    "InvalidRangeError": (pfp.milestones, ("2004-12-31", "2004-01-01"), {}),
    "UnknownAlternativeError": (pfp.reading, (pfp.Alternative("2000-01-01", [], "x"),), {}),
    "DataError": (
        pfp.History,
        ([pfp.Event("2000-01-01", pfp.Country("Narnia", "NA", "NAR"), "withdrawal", [])],),
        {},
    ),
}
"""Questions a worker process is asked (picklable callables), and the error each raises."""


def _error_classes() -> list[type[pfp.PfpError]]:
    found = [getattr(pfp, name) for name in pfp.__all__]
    return [c for c in found if isinstance(c, type) and issubclass(c, pfp.PfpError)]


def _raised(question: Callable[[], object]) -> pfp.PfpError:
    with pytest.raises(pfp.PfpError) as raised:
        question()
    return raised.value


def _plain(value: object) -> object:
    """A comparable form of an error's attribute (problems have no ``==``: their fields)."""
    if isinstance(value, tuple | list):
        return tuple(_plain(item) for item in value)
    if hasattr(value, "where") and hasattr(value, "message"):
        return ("problem", value.where, value.message)
    return value


def _public(error: BaseException) -> dict[str, object]:
    names = {name for name in dir(error) if not name.startswith("_")}
    names -= {"args", "with_traceback", "add_note"}
    return {name: _plain(getattr(error, name)) for name in sorted(names)}


def _assert_same_error(copy: BaseException, original: BaseException) -> None:
    assert type(copy) is type(original)
    assert str(copy) == str(original)
    assert copy.args == original.args
    assert _public(copy) == _public(original)


def test_every_error_class_is_provoked() -> None:
    """The table of wrong questions covers every PfpError subclass pfp exports."""
    assert {c.__name__ for c in _error_classes()} == set(WRONG_QUESTIONS)


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("name", list(WRONG_QUESTIONS))
def test_error_round_trips_through_pickle(name: str, protocol: int) -> None:
    """The error pfp raises comes back from pickle with the same type, ``str()``, ``args``
    and public attributes (``.query``, ``.suggestions``, ``.problems``, ...).
    """
    error = _raised(WRONG_QUESTIONS[name])
    assert isinstance(error, getattr(pfp, name))
    copy = pickle.loads(pickle.dumps(error, protocol=protocol))
    _assert_same_error(copy, error)


def test_data_error_keeps_every_problem() -> None:
    """A DataError's problems come back from pickle one by one, with ``.where`` and
    ``.message``, and still render in its message.
    """
    error = _raised(_withdrawal_while_not_a_member)
    assert isinstance(error, pfp.DataError)
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, pfp.DataError)
    assert [(p.where, p.message) for p in copy.problems] == [
        (p.where, p.message) for p in error.problems
    ]
    assert str(copy) == str(error)  # every problem, listed in the message


@pytest.fixture(scope="module")
def workers() -> Iterator[Callable[[], ProcessPoolExecutor]]:
    """Makes process pools (forkserver: no fork of this threaded process), each worker warmed
    by building the bundled history (first calls are test_first_call's subject); at the end
    stops them, killing a worker that hangs.
    """
    made: list[ProcessPoolExecutor] = []
    context = multiprocessing.get_context("forkserver")

    def make() -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=pfp.history)
        made.append(pool)
        return pool

    yield make
    for pool in made:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()  # a hung worker would keep shutdown waiting forever
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome(future: Future[object]) -> BaseException | None:
    try:
        future.result(timeout=30)
    except BaseException as error:
        return error
    return None


@pytest.mark.parametrize("name", list(WORKER_QUESTIONS))
def test_error_raised_in_a_worker_process_arrives_whole(
    name: str, workers: Callable[[], ProcessPoolExecutor]
) -> None:
    """A ProcessPoolExecutor worker asked a wrong question raises the same pfp error, with
    the same message and attributes, in the parent (not a pickling failure or a broken pool).
    """
    function, args, kwargs = WORKER_QUESTIONS[name]
    here = _raised(partial(function, *args, **kwargs))
    assert type(here).__name__ == name
    there = _outcome(workers().submit(function, *args, **kwargs))
    assert there is not None, "the worker answered instead of raising"
    _assert_same_error(there, here)


def _results() -> dict[str, object]:
    """One of every result type pfp hands out, from the bundled data and from a History."""
    narnia = pfp.Country("Narnia", "NA", "NAR", aliases=["Narnia Kingdom"])
    lion = pfp.Source("lion", "The Lion, the Witch and the Wardrobe", "Geoffrey Bles")
    own = pfp.History([
        pfp.Event("1950-10-16", narnia, "signature", [lion]),
        pfp.Event("1956-09-04", narnia, "withdrawal", [lion]),
    ])  # fmt: skip
    roster = pfp.members_at("2000-01-01")
    malta = pfp.timeline("Malta")
    germany = next(d for d in pfp.disputes() if d.country.name == "Germany")
    return {
        "Roster": roster,
        "Roster NATO": pfp.members_at("2024-03-07", org="NATO"),
        "Roster empty": pfp.members_at("1990-01-01"),
        "Roster of a History": own.members_at("1955-01-01"),
        "Roster of a reading": pfp.reading(germany.alternatives[0]).members_at("2000-01-01"),
        "CountrySet": roster - pfp.members_at("1995-01-01"),
        "CountrySet empty": roster - roster,
        "CountrySet of a History": own.members_at("1955-01-01") | own.members_at("1951-01-01"),
        "Transitions": pfp.transitions("2004-01-01", "2004-12-31"),
        "Transitions NATO": pfp.transitions(org="NATO"),
        "Transitions slice": pfp.transitions()[3:9],
        "Transitions of a History": own.transitions(),
        "Timeline": malta,
        "Timeline slice": malta[1:3],
        "Timeline of a History": own.timeline("Narnia"),
        "Period": malta[1],
        "Period first": malta[0],
        "Transition": pfp.transitions(country="Malta")[1],
        "Country": pfp.country("North Macedonia"),
        "Country own": narnia,
        "Event": pfp.events(country="Malta")[1],
        "Source": pfp.source("seed-23"),
        "Status": pfp.status_of("Malta", "2000-01-01"),
        "EventKind": pfp.EventKind.WITHDRAWAL,
        "Precision": pfp.Precision.MONTH,
        "Organization": pfp.organization("PfP"),
        "Alternative": germany.alternatives[0],
        "Rename": pfp.country("North Macedonia").renames[0],
        "Dispute": germany,
        "Milestone": pfp.milestones("2004-01-01", "2004-12-31")[0],
        "MilestoneKind": pfp.MilestoneKind.SUMMIT,
        "Figure": pfp.figure("isaf-troops-2010-08"),
        "CooperationArea": pfp.cooperation_areas()[0],
        "affiliations": pfp.affiliations("Sweden", "2023-06-01"),
        "Records": roster.to_records(),
    }


RESULTS = list(_results())


def _same_result(copy: object, original: object) -> None:
    if isinstance(original, pfp.Transitions) and original.history is not pfp.history():
        # A history built in code is built again from its events on unpickling: the copy is
        # a Transitions of that new history's organisation (its class is the history's own).
        assert isinstance(copy, pfp.Transitions)
        assert (copy.org, copy.beyond_data) == (original.org, original.beyond_data)
    else:
        assert type(copy) is type(original)
    assert copy == original
    for name in ("org", "country", "date", "metadata"):
        if hasattr(original, name):
            assert getattr(copy, name) == getattr(original, name), name
    if isinstance(original, pfp.CountrySet):  # rosters too
        assert isinstance(copy, pfp.CountrySet)
        assert copy.countries == original.countries
        assert hash(copy) == hash(original)
        assert [c.name in copy for c in original] == [True] * len(original)


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("name", RESULTS)
def test_result_round_trips_through_pickle(name: str, protocol: int) -> None:
    """Every result type comes back from pickle equal, of the same type, with the same
    organisation, state, day and members.
    """
    original = _results()[name]
    _same_result(pickle.loads(pickle.dumps(original, protocol=protocol)), original)


def test_results_from_a_worker_process_are_equal(
    workers: Callable[[], ProcessPoolExecutor],
) -> None:
    """Results a worker process computes arrive equal to the same questions asked here."""
    pool = workers()
    questions: list[tuple[Callable[..., object], tuple[Any, ...]]] = [
        (pfp.members_at, ("2000-01-01",)),
        (pfp.transitions, ("2004-01-01", "2004-12-31")),
        (pfp.timeline, ("Malta",)),
        (pfp.country, ("FYROM",)),
        (pfp.status_of, ("Sweden", "2024-03-07")),
        (pfp.milestones, ("2004-01-01", "2004-12-31")),
        (pfp.disputes, ()),
    ]
    for function, args in questions:
        _same_result(pool.submit(function, *args).result(timeout=30), function(*args))


def test_a_history_round_trips_and_answers_the_same() -> None:
    """The bundled History and one over other events come back from pickle answering the
    same questions the same way (a History has no ``==``: its answers are compared).
    """
    narnia = pfp.Country("Narnia", "NA", "NAR")
    lion = pfp.Source("lion", "The Lion", "Bles")
    own = pfp.History([pfp.Event("1950-10-16", narnia, "signature", [lion])])
    for history, day, name in [(pfp.history(), "2000-01-01", "Malta"), (own, "1955-01-01", "NAR")]:
        copy = pickle.loads(pickle.dumps(history))
        assert copy.members_at(day) == history.members_at(day)
        assert copy.status_of(name, day) == history.status_of(name, day)
        assert copy.transitions() == history.transitions()
        assert copy.timeline(name) == history.timeline(name)
        assert copy.countries() == history.countries()
