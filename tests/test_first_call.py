"""Any public name works as the first thing a fresh process asks, alone or from 16 threads.

Every subprocess of this file is started at once (a thread pool), so that a hang costs one
timeout for the whole file, not one per name: the file runs in about the timeout at worst.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import pfp
import pfp.cli

TIMEOUT = 30.0
"""Seconds a fresh process may take for one first call (a few tenths are normal alone). All of
this file's ~90 processes start at once: on a 2-core machine each gets about 1/45 of a core,
and the heaviest first call, ``annotate`` (which imports a frame library), took 14.4 s there
while the others took 12 s; 30 s still tells a hang from a slow start."""

_SOURCE = "pfp.Source('lion', 'The Lion', 'Bles')"
_NARNIA = "pfp.Country('Narnia', 'NA', 'NAR')"

FIRST_CALLS: dict[str, str] = {
    # data and version
    "DATA_AS_OF": "pfp.DATA_AS_OF",
    "DATA_VERSION": "pfp.DATA_VERSION",
    "DateLike": "pfp.DateLike",
    "__version__": "pfp.__version__",
    # queries
    "affiliations": "pfp.affiliations('Sweden', '2023-06-01')",
    "annotate": "pfp.annotate(__import__('pandas').DataFrame("
    "{'country': ['Malta', 'SWE'], 'date': ['2000-01-01', '2024-03-07']}))['pfp_status'].tolist()",
    "cite": "pfp.cite('apa')",
    "cooperation_areas": "pfp.cooperation_areas()",
    "countries": "pfp.countries()",
    "country": "pfp.country('FYROM')",
    "disputes": "pfp.disputes()",
    "events": "pfp.events(country='Sweden')",
    "figure": "pfp.figure('isaf-troops-2010-08')",
    "figures": "pfp.figures()",
    "history": "pfp.history().status_of('Malta', '2000-01-01')",
    "joint_memberships": "pfp.joint_memberships('Sweden', 'Finland', '2024-12-31')",
    "members_at": "pfp.members_at('1994-08-03')",
    "milestones": "pfp.milestones()",
    "organization": "pfp.organization('north atlantic treaty organisation')",
    "organizations": "pfp.organizations()",
    "partnerships": "[str(p) for p in pfp.partnerships('Jordan', '2015-01-01')]",
    "reading": "pfp.reading().status_of('Malta', '2000-01-01')",
    "source": "pfp.source('seed-23')",
    "state_disputes": "len(pfp.state_disputes())",
    "states": "len(pfp.states('1991-12-31', system='gw'))",
    "sources": "pfp.sources()",
    "status_of": "pfp.status_of('Malta', '2000-01-01')",
    "suggest_countries": "pfp.suggest_countries('Kyrgistan')",
    "timeline": "pfp.timeline('Malta')",
    "transitions": "pfp.transitions('2004-01-01', '2004-12-31')",
    # record classes, made by the caller
    "Alternative": f"pfp.Alternative('1996-10-29', [{_SOURCE}], 'a note verbale')",
    "SYSTEMS": "sorted(pfp.SYSTEMS)",
    "Code": f"pfp.Code('cow', '260', '1955-05-05', '1990-10-02', [{_SOURCE}])",
    "CodeScheme": "pfp.CodeScheme('gw')",
    "Evidence": "pfp.Evidence('primary')",
    "StateDispute": "pfp.StateDispute.__name__",
    "CooperationArea": f"pfp.CooperationArea(1, 'transparency', [{_SOURCE}])",
    "Country": _NARNIA,
    "CountrySet": "pfp.CountrySet([pfp.country('Malta')], pfp.history())",
    "Dispute": "pfp.Dispute.__name__",
    "Event": f"pfp.Event('1950-10-16', {_NARNIA}, 'signature', [{_SOURCE}])",
    "EventKind": "pfp.EventKind('signature')",
    "Figure": f"pfp.Figure('k', 'troops', 35, 'troops', '1997-01-01', None, [{_SOURCE}])",
    "History": (
        f"pfp.History([pfp.Event('1950-10-16', {_NARNIA}, 'signature', [{_SOURCE}])])"
        ".status_of('Narnia', '1955-01-01')"
    ),
    "Milestone": (
        f"pfp.Milestone('2004-06-28', None, 'Istanbul', 'summit', 'Istanbul', [{_SOURCE}])"
    ),
    "MilestoneKind": "pfp.MilestoneKind('summit')",
    "Organization": "pfp.Organization('SEATO', 'Southeast Asia Treaty Organization', '1955-02-19')",
    "Partnership": "pfp.Partnership.__name__",
    "Period": "pfp.Period(None, None, pfp.Status.MEMBER)",
    "Precision": "pfp.Precision('month')",
    "Rename": f"pfp.Rename('2019-02-15', 'FYROM', 'North Macedonia', [{_SOURCE}])",
    "Roster": "pfp.Roster.__name__",
    "Source": _SOURCE,
    "Status": "pfp.Status('withdrawn')",
    "Timeline": f"pfp.Timeline([pfp.Period(None, None, pfp.Status.MEMBER)], {_NARNIA}, 'PfP')",
    "Transition": "pfp.Transition.__name__",
    "Transitions": "pfp.Transitions([], 'NATO').org",
    # errors, made with the arguments pfp gives them
    "AmbiguousCountryError": (
        "str(pfp.AmbiguousCountryError('Congo', "
        "[pfp.Country('Congo', 'CG', 'COG'), pfp.Country('Congo', 'CD', 'COD')]))"
    ),
    "ConflictingReadingsError": "str(pfp.ConflictingReadingsError('2 readings for one fact'))",
    "BeyondDataError": "str(pfp.BeyondDataError('2030-12-31 is after the review day'))",
    "InvalidArgumentError": "str(pfp.InvalidArgumentError('limit must be a whole number'))",
    "InvalidRecordError": "str(pfp.InvalidRecordError('kind: no event kind'))",
    "DataError": "str(pfp.DataError([pfp.errors.DataProblem('events.csv:12', 'bad')]))",
    "InvalidDateError": "str(pfp.InvalidDateError('3 Aug 1994', 'not YYYY-MM-DD'))",
    "InvalidRangeError": "str(pfp.InvalidRangeError('the range ends before it starts'))",
    "MissingExtraError": "str(pfp.MissingExtraError('polars', 'polars', 'Polars frames'))",
    "PfpError": "str(pfp.PfpError('x'))",
    "UnknownAlternativeError": "str(pfp.UnknownAlternativeError('no such alternative'))",
    "UnknownCountryError": "str(pfp.UnknownCountryError('Swizerland'))",
    "UnknownCountryWarning": "str(pfp.UnknownCountryWarning('Narnia'))",
    "UnknownKeyError": "str(pfp.UnknownKeyError('source', 'seed-230', ['seed-23']))",
    "UnknownOrganizationError": "str(pfp.UnknownOrganizationError('SEATO', ['NATO', 'PfP']))",
}
"""A valid first call (or first access) for every name in ``pfp.__all__``."""

MORE_FIRST_CALLS: dict[str, str] = {
    "members_at NATO": "pfp.members_at('2024-03-07', org='NATO')",
    "milestones range": "pfp.milestones('2004-01-01', '2004-12-31')",
    "status_of date": "pfp.status_of('Sweden', __import__('datetime').date(2024, 3, 7))",
    "transitions all": "pfp.transitions()",
    "transitions country": "pfp.transitions(country='Malta', org='NATO')",
    "timeline org": "pfp.timeline('Sweden', org='NATO')",
    "tables.country_year_records": "pfp.tables.country_year_records(1995, 1997)",
    "tables.history_records": "len(pfp.tables.history_records(orgs=['NATO']))",
    "tables.status_record": "pfp.tables.status_record('Malta', '2000-01-01')",
    "tables.country_year_panel": "pfp.tables.country_year_panel(1995, 1996).shape",
    "tables.dyad_year_panel": "pfp.tables.dyad_year_panel(1995, 1996).shape",
    "tables.intervals": "pfp.tables.intervals(orgs=['NATO'], backend='polars').shape",
    "plot.timeline": "len(pfp.plot.timeline().patches)",
    "plot.membership_count": "len(pfp.plot.membership_count().lines)",
    "cli.main members": "pfp.cli.main(['members', '1994-08-03', '--format', 'csv'])",
    "cli.main status": "pfp.cli.main(['status', 'Malta', '2000-01-01', '--format', 'json'])",
}
"""First calls through the other public modules and keyword paths."""

ALL_CALLS = {**FIRST_CALLS, **MORE_FIRST_CALLS}

_PRELUDE = """\
import contextlib, io, sys
import pfp
if "pfp.cli" in sys.argv[1]:
    import pfp.cli
"""

_ONE = (
    _PRELUDE
    + """\
_out = io.StringIO()
with contextlib.redirect_stdout(_out):
    _value = eval(sys.argv[1])
print(_out.getvalue() + repr(_value), end="")
"""
)
"""The script of one first call: the expression's printed output, then its repr."""

RACE_CALLS = [
    "pfp.members_at('1994-08-03')",
    "pfp.milestones()",
    "pfp.status_of('Malta', '2000-01-01')",
    "pfp.figures()",
    "pfp.transitions('2004-01-01', '2004-12-31')",
    "pfp.cooperation_areas()",
    "pfp.timeline('Malta')",
    "pfp.figure('isaf-troops-2010-08')",
    "pfp.DATA_VERSION",
    "pfp.country('FYROM')",
    "pfp.affiliations('Sweden', '2023-06-01')",
    "pfp.DATA_AS_OF",
    "pfp.events(country='Sweden')",
    "pfp.sources()",
    "pfp.disputes()",
    "pfp.organization('NATO')",
    "pfp.countries()",
    "pfp.history().status_of('Malta', '2000-01-01')",
    "pfp.suggest_countries('Kyrgistan')",
    "pfp.transitions()",
]
"""The first calls 16 threads race with: the programme record's and the engine's."""

_RECORD = ("milestones", "figure", "cooperation_areas")
ENGINE_RACE_CALLS = [call for call in RACE_CALLS if not any(name in call for name in _RECORD)]
"""The same without the programme record, so that a race in the engine shows on its own."""

THREADS = 16
RACES = 10

_RACE = (
    _PRELUDE
    + """\
import json, os, threading, time
calls = json.loads(sys.argv[1])
barrier = threading.Barrier(len(calls))
answers = [None] * len(calls)
def ask(i):
    barrier.wait()
    try:
        answers[i] = repr(eval(calls[i]))
    except BaseException as error:
        answers[i] = "raised " + type(error).__name__ + ": " + str(error)
threads = [threading.Thread(target=ask, args=(i,), daemon=True) for i in range(len(calls))]
for thread in threads:
    thread.start()
deadline = time.monotonic() + float(sys.argv[2])
for thread in threads:
    thread.join(max(0.0, deadline - time.monotonic()))
stuck = [calls[i] for i, thread in enumerate(threads) if thread.is_alive()]
sys.stdout.write(json.dumps({"stuck": stuck, "answers": dict(zip(calls, answers))}))
sys.stdout.flush()
os._exit(0)
"""
)
"""16 threads released at once by a barrier, each making its first call; hung ones reported."""


def _race_calls(number: int) -> list[str]:
    """The 16 first calls of race ``number``: rotations of the lists, every call in some race."""
    pool = RACE_CALLS if number % 2 == 0 else ENGINE_RACE_CALLS
    start = (number * 7) % len(pool)
    return [pool[(start + i) % len(pool)] for i in range(THREADS)]


def _environment() -> dict[str, str]:
    return {**os.environ, "MPLBACKEND": "Agg"}


def _run(args: list[str], timeout: float) -> tuple[str, str, str]:
    """Run ``python -c ARGS`` in a fresh process: ('ok'|'failed'|'hung', stdout, stderr)."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            env=_environment(),
            cwd=Path(__file__).parent,
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        err = expired.stderr.decode() if isinstance(expired.stderr, bytes) else ""
        return "hung", "", err
    return ("ok" if done.returncode == 0 else "failed"), done.stdout, done.stderr


@pytest.fixture(scope="module")
def fresh_answers() -> dict[str, tuple[str, str, str]]:
    """Every first call and every race of this file, each in its own fresh process, at once."""
    jobs: dict[str, list[str]] = {name: [_ONE, expr] for name, expr in ALL_CALLS.items()}
    for number in range(RACES):
        calls = json.dumps(_race_calls(number))
        jobs[f"race {number}"] = [_RACE, calls, str(TIMEOUT - 5)]
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = {name: pool.submit(_run, args, TIMEOUT) for name, args in jobs.items()}
        return {name: future.result() for name, future in futures.items()}


def _answer_here(expression: str) -> str:
    """What the first-call script prints, computed in this (warm) process."""
    pfp.history()  # warm: this process answers from state that is already built
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        value = eval(expression, {"pfp": pfp})
    return out.getvalue() + repr(value)


@pytest.fixture
def agg() -> Iterator[None]:
    """Matplotlib on Agg for the in-process comparison of the plot calls; figures closed."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg", force=True)
    plt = pytest.importorskip("matplotlib.pyplot")
    yield
    plt.close("all")


def test_every_public_name_has_a_first_call() -> None:
    """The table of first calls covers ``pfp.__all__`` exactly: a new public name needs one."""
    assert set(FIRST_CALLS) == set(pfp.__all__)


@pytest.mark.parametrize("name", list(ALL_CALLS))
@pytest.mark.usefixtures("agg")
def test_first_call_in_a_fresh_process(
    name: str, fresh_answers: dict[str, tuple[str, str, str]]
) -> None:
    """``import pfp`` then this one call, in a fresh process: it returns (no hang, no error)
    within the timeout, and gives the answer a warm process gives.
    """
    outcome, out, err = fresh_answers[name]
    assert outcome != "hung", f"{ALL_CALLS[name]} as a first call hung for {TIMEOUT:.0f} s"
    assert outcome == "ok", f"{ALL_CALLS[name]} as a first call failed:\n{err[-2000:]}"
    assert out == _answer_here(ALL_CALLS[name])


@pytest.mark.parametrize("number", range(RACES))
def test_sixteen_threads_making_their_first_calls_at_once(
    number: int, fresh_answers: dict[str, tuple[str, str, str]]
) -> None:
    """In a fresh process, 16 threads released by a barrier make 16 different first calls:
    none hangs or raises, and each answer is the one a warm process gives.
    """
    calls = _race_calls(number)
    outcome, out, err = fresh_answers[f"race {number}"]
    assert outcome == "ok", f"the race process {outcome}:\n{err[-2000:]}"
    found = json.loads(out)
    assert found["stuck"] == [], f"threads hung on their first call: {found['stuck']}"
    pfp.history()
    expected = {call: repr(eval(call, {"pfp": pfp})) for call in calls}
    assert found["answers"] == expected


def _in_process_calls() -> list[tuple[str, Any, Any]]:
    """(expression, its compiled code, its answer asked serially): what every thread must give."""
    first = datetime.date(1993, 6, 1).toordinal()
    days = [datetime.date.fromordinal(first + n).isoformat() for n in range(0, 5200 * 2, 2)]
    calls = [f"pfp.members_at({day!r})" for day in days]  # more days than the memo keeps
    spellings = ["".join(c.upper() if n >> i & 1 else c for i, c in enumerate("north macedonia"))
                 for n in range(0, 2**15, 6)]  # fmt: skip  # more than the name memo keeps
    calls += [f"pfp.country({name!r})" for name in spellings]
    calls += [f"pfp.members_at({day!r}, org='NATO')" for day in days[::7]]
    calls += [f"pfp.status_of({name!r}, {day!r})" for day in days[::50] for name in ("mt", "MLT")]
    calls += [f"pfp.transitions({a!r}, {b!r})" for a, b in zip(days, days[40:], strict=False)][::40]
    calls += [f"pfp.country({name!r})" for name in ("fyrom", "Czechia", "the Netherlands", "UA")]
    calls += ["pfp.milestones('2004-01-01')", "pfp.figures()", "pfp.cooperation_areas()"]
    calls += ["pfp.timeline('Malta')", "pfp.disputes()", "pfp.DATA_VERSION", "pfp.DATA_AS_OF"]
    pfp.history()
    found = []
    for call in calls:
        code = compile(call, call, "eval")
        found.append((call, code, eval(code, {"pfp": pfp})))
    return found


def test_sixteen_threads_for_a_hundred_rounds_agree_with_one() -> None:
    """In this process (warm: fresh state is the subprocesses' job), 16 threads released
    together for 100 rounds each ask a different slice of many questions, so that memo
    tables fill, empty and refill under them: every answer equals the serial one.
    """
    serial = _in_process_calls()
    rounds, per_round = 100, 120
    barrier = threading.Barrier(THREADS)
    wrong: list[str] = []
    errors: list[str] = []

    def ask(number: int) -> None:
        for round_number in range(rounds):
            try:
                barrier.wait(timeout=TIMEOUT)
            except threading.BrokenBarrierError:
                errors.append(f"thread {number}: the barrier broke in round {round_number}")
                return
            start = (number * 13 + round_number * per_round) % len(serial)
            for call, code, expected in (serial + serial)[start : start + per_round]:
                try:
                    found = eval(code, {"pfp": pfp})
                except Exception as error:
                    errors.append(f"{call}: {type(error).__name__}: {error}")
                    continue
                if found != expected:
                    wrong.append(f"round {round_number}: {call} gave {found!r}")

    threads = [threading.Thread(target=ask, args=(n,), daemon=True) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + TIMEOUT * 3
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    assert errors == []
    assert wrong == []
