"""Arbitrary values into every public function and method: only pfp's own errors come out.

Each call gets anything a caller might pass by mistake -- text with control characters and
lone surrogates, 100 kB strings, ints, floats (nan, inf), bytes, containers, None, naive and
aware datetimes, days in years 1 and 9999, pandas Timestamp and NaT, numpy datetime64,
``str`` subclasses (one whose ``__str__`` returns itself), objects whose ``__str__``,
``__eq__`` or ``__hash__`` raise or return a non-bool -- mixed with valid values so that the
calls reach past their first check. The contract (``pfp.errors``): a call returns, or raises
a :class:`pfp.PfpError`; any other exception is a failure, and so is a call that takes more
than a second (a watchdog stops one that hangs). The ``@example`` cases are the defects
known when these tests were written.
"""

# Cases run: 6,900 generated (17 tests x 300, 7 x 200, 4 x 100) plus 79 @example cases in
# 28 property tests, and 35 explicit tests. Measured on two CPUs: about 20 s once every call
# keeps the contract (simulated by catching the errors), about 7 s today, when each property
# test stops at its first failure (report_multiple_bugs=False) and shrinks only that one.
#   300 each: members_at, status_of, transitions, timeline, affiliations, country,
#             suggest_countries, organization, organization (non-str), events, source and
#             figure, milestones, reading, name_at, containment, record constructors, cli
#   200 each: History(...), History over own events, with_events, tables records, to_html
#             and to_dataframe, status_record and history_records, country-year tables
#   100 each: country-day panel, dataframes, plot.timeline, plot.membership_count
# (set on each test: the conftest profile does not change these numbers)

from __future__ import annotations

import contextlib
import datetime
import functools
import inspect
import io
import signal
import time
import warnings
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import numpy as np
import pandas as pd
import pendulum
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import pfp
import pfp.cli
import pfp.plot
import pfp.tables

CALL_SECONDS = 1.0
"""The longest any one call may take."""
HANG_SECONDS = 5.0
"""When the watchdog stops a call that has not returned."""


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,  # each call is timed by _call instead
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,  # one bug per test, shrunk: keeps a failing run short
    )


# -- hostile values ---------------------------------------------------------------------------


class SelfStr(str):
    """A str subclass whose ``__str__`` returns itself (a SelfStr, never a plain str)."""

    __slots__ = ()

    def __str__(self) -> str:
        return self


class PlainStr(str):
    """A str subclass that changes nothing (as numpy.str_ or a framework's SafeString)."""

    __slots__ = ()


class HostileStr(str):
    """A str subclass whose comparisons and hash raise."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("HostileStr.__eq__")

    def __hash__(self) -> int:
        raise RuntimeError("HostileStr.__hash__")


class RaisingStr:
    """An object whose ``__str__`` and ``__format__`` raise."""

    def __str__(self) -> str:
        raise RuntimeError("RaisingStr.__str__")

    def __format__(self, spec: str) -> str:
        raise RuntimeError("RaisingStr.__format__")


class RaisingEq:
    """An object whose ``==`` and hash raise."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("RaisingEq.__eq__")

    def __hash__(self) -> int:
        raise RuntimeError("RaisingEq.__hash__")


class NotABool:
    """What a numpy-like ``==`` returns: truth-testing it raises."""

    def __bool__(self) -> bool:
        raise RuntimeError("NotABool.__bool__")


class NonBoolEq:
    """An object whose ``==`` returns something that is not a bool (and cannot become one)."""

    def __eq__(self, other: object) -> NotABool:  # type: ignore[override]
        return NotABool()

    def __hash__(self) -> int:
        return 0


class RaisingIter:
    """An iterable whose iteration raises half way."""

    def __iter__(self) -> Iterator[object]:
        yield "Malta"
        raise RuntimeError("RaisingIter.__iter__")


_FIXED_ZONES = [
    datetime.UTC,
    datetime.timezone(datetime.timedelta(hours=14)),
    datetime.timezone(datetime.timedelta(hours=-12)),
    datetime.timezone(datetime.timedelta(hours=5, minutes=45)),
]
_BIG = [
    "x" * 100_000,
    "1994-08-03" * 10_000,
    "\x00" * 100_000,
    "Malta " * 20_000,
    "é" * 100_000,
    "2000-01-01" + " " * 100_000,
]
"""Strings of 100 kB or more."""

TEXT = st.text(
    st.characters()
    | st.characters(categories=["Cs"])
    | st.sampled_from("\x00\r\n\t\x1b\x7f\x85\u2028\ufeff\u200b"),
    max_size=40,
)
"""Short text with control characters and lone surrogates."""

_EXTREME_DAYS = [
    datetime.date.min,
    datetime.date.max,
    datetime.datetime.min,
    datetime.datetime.max,
    "0001-01-01",
    "9999-12-31",
    "0000-01-01",
    "10000-01-01",
    "2024-02-29",
    "2023-02-29",
    "1994-08-03T00:00",
    " 1994-08-03",
    "1994-8-3",
    "١٩٩٤-٠٨-٠٣",  # Arabic-Indic digits
]

HOSTILE = st.one_of(
    st.builds(RaisingStr),
    st.builds(RaisingEq),
    st.builds(NonBoolEq),
    st.builds(RaisingIter),
    st.builds(SelfStr, TEXT | st.sampled_from(["Malta", "1994-08-03", "PfP", "seed"])),
    st.builds(PlainStr, TEXT | st.sampled_from(["Malta", "1994-08-03", "PfP", "seed"])),
    st.builds(HostileStr, TEXT | st.sampled_from(["Malta", "1994-08-03", "PfP", "seed"])),
    st.sampled_from([object(), Ellipsis, NotImplemented, int, str, pfp.Country, len, pfp]),
)

DATETIMES = st.one_of(
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.sampled_from(_FIXED_ZONES)),
    st.dates().map(lambda d: pendulum.Date(d.year, d.month, d.day)),
    st.datetimes().map(lambda d: pendulum.instance(d, tz="Europe/Brussels")),
    st.datetimes(
        min_value=datetime.datetime(1678, 1, 1), max_value=datetime.datetime(2261, 12, 31)
    ).map(pd.Timestamp),
    st.datetimes(
        min_value=datetime.datetime(1678, 1, 2), max_value=datetime.datetime(2261, 12, 30)
    ).map(lambda d: pd.Timestamp(d, tz="Asia/Tokyo")),
    st.just(pd.NaT),
    st.dates().map(np.datetime64),
    st.just(np.datetime64("NaT")),
    st.times(),
    st.timedeltas(),
    st.sampled_from(_EXTREME_DAYS),
)

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.sampled_from([float("nan"), float("inf"), float("-inf"), -0.0, 1e308, 5e-324]),
    st.binary(max_size=20),
    st.complex_numbers(),
    TEXT,
    st.sampled_from(_BIG),
    DATETIMES,
    HOSTILE,
    st.sampled_from([np.int64(3), np.float64("nan"), np.str_("Malta"), np.str_("1994-08-03")]),
)

HASHABLE = st.one_of(st.none(), st.integers(), TEXT, st.dates(), st.floats(allow_nan=False))

ANYTHING = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(TEXT, inner, max_size=3),
        st.frozensets(HASHABLE, max_size=3),
        st.sets(HASHABLE, max_size=3),
        st.lists(inner, max_size=3).map(iter),  # a one-shot iterator
    ),
    max_leaves=6,
)
"""Any value at all."""

NOT_A_DATE = ANYTHING.filter(
    lambda v: not isinstance(v, datetime.date | pd.Timestamp) and not isinstance(v, str)
)
"""Anything but a date, a datetime or a string (for panels, whose size grows with the range)."""


def _names() -> list[str]:
    names = ["Swizerland", "Congo", "", " ", "the", "Republic of", "MT ", "mlt", "Türkiye"]
    for state in pfp.countries():
        names += [state.name, state.iso2, state.iso3.lower(), *state.aliases, *state.former_names]
    return names


NAMES = st.deferred(lambda: st.sampled_from(_names()))
COUNTRIES = st.deferred(lambda: st.sampled_from(pfp.countries()))
ORG_NAMES = st.deferred(
    lambda: st.sampled_from(
        [o.key for o in pfp.organizations()]
        + [o.name.upper() for o in pfp.organizations()]
        + ["pfp", "nato ", "SEATO", ""]
    )
)
DAYS = st.one_of(
    st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(2030, 12, 31)).map(
        datetime.date.isoformat
    ),
    st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(2030, 12, 31)),
    st.sampled_from(_EXTREME_DAYS),
)
"""Days that are valid, most of them in the data's range."""

A_COUNTRY = NAMES | COUNTRIES | ANYTHING
A_DAY = DAYS | ANYTHING
AN_ORG = st.none() | ORG_NAMES | ANYTHING
SOME_ORGS = st.none() | st.lists(ORG_NAMES, max_size=3) | ORG_NAMES | ANYTHING
SOME_COUNTRIES = st.none() | st.lists(NAMES | COUNTRIES, max_size=3) | NAMES | ANYTHING

EVENTS = st.deferred(lambda: st.sampled_from(pfp.events()))
SOURCES = st.deferred(lambda: st.sampled_from(pfp.sources()))
ALTERNATIVES = st.deferred(
    lambda: st.sampled_from([a for d in pfp.disputes() for a in d.alternatives])
)
ORGANIZATIONS = st.deferred(lambda: st.sampled_from(pfp.organizations()))

TARGETS = ["pfp", "history", "reading"]
"""Who is asked: the module's functions, the bundled History, a History under a reading."""


def _target(name: str) -> Any:
    if name == "pfp":
        return pfp
    if name == "history":
        return pfp.history()
    germany = next(d for d in pfp.disputes() if d.country.name == "Germany")
    return pfp.reading(germany.alternatives[0])


# -- calling ---------------------------------------------------------------------------------


class _Hang(BaseException):
    """Raised by the watchdog inside a call that has not returned (not an Exception, so that
    no ``except Exception`` in the code under test swallows it).
    """


@contextlib.contextmanager
def _watchdog(what: str) -> Iterator[None]:
    def alarm(signum: int, frame: FrameType | None) -> None:
        raise _Hang(what)

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``function(*args, **kwargs)``: its result, or the PfpError it raised.

    Any other exception propagates (the test fails with it); so does a call that takes more
    than CALL_SECONDS or hangs. Warnings are not errors here.
    """
    what = getattr(function, "__qualname__", None) or type(function).__name__
    start = time.perf_counter()
    try:
        with warnings.catch_warnings(), _watchdog(what):
            warnings.simplefilter("ignore")
            result = function(*args, **kwargs)
    except pfp.PfpError as error:
        result = error
    except _Hang:
        raise AssertionError(f"{what} did not return within {HANG_SECONDS:.0f} s") from None
    elapsed = time.perf_counter() - start
    assert elapsed < CALL_SECONDS, f"{what} took {elapsed:.2f} s"
    return result


def _use(result: object) -> None:
    """What a caller does next with a result: show it, and turn it into rows."""
    if isinstance(result, BaseException):
        _call(str, result)
        return
    _call(repr, result)
    if hasattr(result, "to_records"):
        _call(result.to_records)
    if isinstance(result, tuple) and not hasattr(result, "to_records"):
        for item in result[:5]:
            _call(repr, item)


@pytest.fixture(scope="module", autouse=True)
def warm() -> Iterator[None]:
    """Everything imported and built once, so that no call pays for an import; plots on Agg."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg", force=True)
    plt = pytest.importorskip("matplotlib.pyplot")
    pfp.history()
    pfp.milestones()
    _ = pfp.DATA_VERSION, pfp.DATA_AS_OF
    pfp.tables.country_day_panel("2000-01-01", "2000-01-02")
    pfp.tables.history_dataframe()
    pfp.plot.timeline(countries=["Malta"])
    pfp.plot.membership_count()
    plt.close("all")
    with contextlib.redirect_stdout(io.StringIO()):
        pfp.cli.main(["members", "2000-01-01"])
    yield
    plt.close("all")


def _close_figures() -> None:
    import matplotlib.pyplot as plt  # noqa: PLC0415 - the plot extra

    plt.close("all")


# -- the module's queries and the History methods ---------------------------------------------


@_settings(300)
@given(target=st.sampled_from(TARGETS), when=A_DAY, org=AN_ORG)
@example(target="pfp", when="2000-01-01", org=[])
@example(target="history", when="2000-01-01", org={"PfP": 1})
@example(target="pfp", when=SelfStr("2000-01-01"), org=None)
@example(target="pfp", when="2000-01-01", org=RaisingEq())
@example(target="pfp", when=HostileStr("2000-01-01"), org=None)
def test_members_at(target: str, when: object, org: object) -> None:
    """``members_at(when, org=org)``: a roster, or a PfpError."""
    _use(_call(_target(target).members_at, when, org=org))


@_settings(300)
@given(target=st.sampled_from(TARGETS), country=A_COUNTRY, when=A_DAY, org=AN_ORG)
@example(target="pfp", country="Malta", when="2000-01-01", org=[])
@example(target="pfp", country="Malta", when="2000-01-01", org=RaisingEq())  # its hash raises
@example(target="pfp", country=["Malta"], when="2000-01-01", org=None)
@example(target="pfp", country=SelfStr("Malta"), when="2000-01-01", org=None)
@example(target="history", country=HostileStr("Malta"), when="2000-01-01", org=None)
def test_status_of(target: str, country: object, when: object, org: object) -> None:
    """``status_of(country, when, org=org)``: a Status, or a PfpError."""
    _use(_call(_target(target).status_of, country, when, org=org))


@_settings(300)
@given(
    target=st.sampled_from(TARGETS),
    start=st.none() | A_DAY,
    end=st.none() | A_DAY,
    country=st.none() | A_COUNTRY,
    org=AN_ORG,
)
@example(target="pfp", start="2000-01-01", end="2000-12-31", country=None, org=[])
@example(target="pfp", start=None, end=None, country=[], org=None)
def test_transitions(target: str, start: object, end: object, country: object, org: object) -> None:
    """``transitions(start, end, country=, org=)``: transitions, or a PfpError."""
    _use(_call(_target(target).transitions, start, end, country=country, org=org))


@_settings(300)
@given(target=st.sampled_from(TARGETS), country=A_COUNTRY, org=AN_ORG)
@example(target="pfp", country="Malta", org=[])
@example(target="pfp", country={"Malta"}, org=None)
def test_timeline(target: str, country: object, org: object) -> None:
    """``timeline(country, org=org)``: a timeline, or a PfpError."""
    _use(_call(_target(target).timeline, country, org=org))


@_settings(300)
@given(country=A_COUNTRY, when=A_DAY, orgs=SOME_ORGS)
@example(country="Malta", when="2000-01-01", orgs=5)
@example(country="Malta", when="2000-01-01", orgs=[None])
@example(country="Malta", when="2000-01-01", orgs=RaisingIter())
def test_affiliations(country: object, when: object, orgs: object) -> None:
    """``affiliations(country, when, orgs=orgs)``: a tuple of words, or a PfpError."""
    _use(_call(pfp.affiliations, country, when, orgs=orgs))


@_settings(300)
@given(target=st.sampled_from(TARGETS), query=A_COUNTRY)
@example(target="pfp", query=SelfStr("Malta"))
@example(target="pfp", query=HostileStr("Malta"))
@example(target="pfp", query="Malta " * 20_000)
def test_country(target: str, query: object) -> None:
    """``country(query)``: a Country, or a PfpError."""
    _use(_call(_target(target).country, query))


@_settings(300)
@given(target=st.sampled_from(TARGETS), query=A_COUNTRY, limit=st.integers(-3, 60) | ANYTHING)
@example(target="pfp", query="Malt", limit="3")
@example(target="pfp", query="Malt", limit=2.5)
@example(target="pfp", query="Malt", limit=None)
def test_suggest_countries(target: str, query: object, limit: object) -> None:
    """``suggest_countries(query, limit=limit)``: a tuple of countries, or a PfpError."""
    _use(_call(_target(target).suggest_countries, query, limit=limit))


@_settings(300)
@given(target=st.sampled_from(TARGETS), query=ORG_NAMES | ANYTHING)
@example(target="pfp", query=None)
@example(target="pfp", query=[])
@example(target="pfp", query=RaisingEq())
def test_organization(target: str, query: object) -> None:
    """``organization(query)``: an Organization, or a PfpError."""
    _use(_call(_target(target).organization, query))


@_settings(300)
@given(target=st.sampled_from(TARGETS), query=ANYTHING.filter(lambda v: not isinstance(v, str)))
@example(target="pfp", query=None)
@example(target="history", query=None)
def test_organization_refuses_what_is_not_text(target: str, query: object) -> None:
    """``organization(query)`` for a query that is not a string (None included) raises a
    PfpError: only a key, name or alias names an organisation.
    """
    found = _call(_target(target).organization, query)
    assert isinstance(found, pfp.PfpError), f"organization({query!r}) returned {found!r}"


@_settings(300)
@given(target=st.sampled_from(TARGETS), country=st.none() | A_COUNTRY)
@example(target="pfp", country=[])
def test_events(target: str, country: object) -> None:
    """``events(country=country)``: a tuple of events, or a PfpError."""
    _use(_call(_target(target).events, country=country))


@_settings(300)
@given(key=st.sampled_from(["seed", "seed-23", "isaf-troops-2010-08", "seed-230"]) | ANYTHING)
@example(key=[])
@example(key=SelfStr("seed-2"))
def test_source_and_figure(key: object) -> None:
    """``source(key)`` and ``figure(key)``: a record, or a PfpError."""
    _use(_call(pfp.source, key))
    _use(_call(pfp.figure, key))


@_settings(300)
@given(start=st.none() | A_DAY, end=st.none() | A_DAY)
@example(start="9999-12-31", end=None)
@example(start=None, end="0001-01-01")
def test_milestones(start: object, end: object) -> None:
    """``milestones(start, end)``: a tuple of milestones, or a PfpError."""
    _use(_call(pfp.milestones, start, end))


@_settings(300)
@given(alternatives=st.lists(ALTERNATIVES | ANYTHING, max_size=3))
@example(alternatives=[None])
@example(alternatives=[RaisingEq()])
def test_reading(alternatives: list[object]) -> None:
    """``reading(*alternatives)``: a History, or a PfpError."""
    found = _call(pfp.reading, *alternatives)
    if isinstance(found, pfp.History):
        _use(_call(found.members_at, "2000-01-01"))


def _is_a_day(value: object) -> bool:
    """The oracle: what ``members_at`` accepts as a day (its InvalidDateError says no)."""
    return not isinstance(_call(pfp.members_at, value), pfp.InvalidDateError)


@_settings(300)
@given(country=COUNTRIES, when=A_DAY)
@example(country="Malta", when="garbage")
@example(country="Malta", when=None)
@example(country="North Macedonia", when="garbage")
def test_name_at(country: pfp.Country | str, when: object) -> None:
    """``Country.name_at(when)`` accepts exactly the days ``members_at`` accepts: a name
    for a day, InvalidDateError for anything else -- for every state, renamed or not.
    """
    state = pfp.country(country) if isinstance(country, str) else country
    found = _call(state.name_at, when)
    if _is_a_day(when):
        assert isinstance(found, str), found
    else:
        assert isinstance(found, pfp.InvalidDateError), f"name_at({when!r}) gave {found!r}"


@_settings(300)
@given(item=A_COUNTRY | A_DAY)
@example(item=SelfStr("Malta"))
@example(item=HostileStr("Malta"))
@example(item=NonBoolEq())
def test_containment(item: object) -> None:
    """``item in roster``, ``item in country set`` and ``item in period``: a bool, or a
    PfpError.
    """
    roster = pfp.members_at("2000-01-01")
    for container in (roster, roster - pfp.members_at("1995-01-01"), *pfp.timeline("Malta")):
        found = _call(container.__contains__, item)
        assert isinstance(found, bool | pfp.PfpError), found


# -- records, histories ---------------------------------------------------------------------


@functools.cache
def _record_arguments() -> dict[str, tuple[Callable[..., object], list[st.SearchStrategy[Any]]]]:
    """Each public record class and a strategy for each of its positional fields."""
    a_status = st.sampled_from(list(pfp.Status)) | ANYTHING
    sources = st.lists(SOURCES, max_size=2) | ANYTHING
    return {
        "Country": (pfp.Country, [TEXT | ANYTHING] * 3),
        "Source": (pfp.Source, [TEXT | ANYTHING] * 3 + [st.none() | A_DAY]),
        "Event": (
            pfp.Event,
            [A_DAY, COUNTRIES | ANYTHING, st.sampled_from(list(pfp.EventKind)) | ANYTHING, sources],
        ),
        "Organization": (pfp.Organization, [TEXT | ANYTHING, TEXT | ANYTHING, A_DAY]),
        "Alternative": (pfp.Alternative, [A_DAY, sources, TEXT | ANYTHING]),
        "Rename": (pfp.Rename, [A_DAY, TEXT | ANYTHING, TEXT | ANYTHING, sources]),
        "Period": (pfp.Period, [st.none() | A_DAY, st.none() | A_DAY, a_status]),
        "Transition": (
            pfp.Transition,
            [A_DAY, COUNTRIES | ANYTHING, a_status, a_status, EVENTS | ANYTHING],
        ),
        "Milestone": (
            pfp.Milestone,
            [
                A_DAY,
                st.none() | A_DAY,
                TEXT,
                st.sampled_from(list(pfp.MilestoneKind)) | ANYTHING,
                TEXT | ANYTHING,
                sources,
            ],
        ),
        "Figure": (
            pfp.Figure,
            [
                TEXT,
                TEXT,
                st.integers() | st.floats() | ANYTHING,
                TEXT,
                st.none() | A_DAY,
                st.none() | A_DAY,
                sources,
            ],
        ),
        "CooperationArea": (pfp.CooperationArea, [st.integers() | ANYTHING, TEXT, sources]),
        "Dispute": (
            pfp.Dispute,
            [COUNTRIES | ANYTHING, ORG_NAMES | ANYTHING, TEXT, EVENTS | ANYTHING],
        ),
    }


RECORDS = [
    "Country", "Source", "Event", "Organization", "Alternative", "Rename", "Period",
    "Transition", "Milestone", "Figure", "CooperationArea", "Dispute",
]  # fmt: skip

_KEYWORDS = {
    "precision": st.sampled_from(["day", "month", "year", "hour", "", None]) | ANYTHING,
    "org": ORG_NAMES | ANYTHING,
    "note": TEXT | ANYTHING,
    "aliases": st.lists(TEXT, max_size=2) | ANYTHING,
    "former_names": st.lists(TEXT, max_size=2) | ANYTHING,
    "cow_code": st.integers() | TEXT | ANYTHING,
    "gw_code": st.integers() | TEXT | ANYTHING,
    "renames": ANYTHING,
    "alternatives": st.lists(ALTERNATIVES, max_size=2) | ANYTHING,
    "graduates_to": ORG_NAMES | ANYTHING,
    "event": EVENTS | ANYTHING,
}


@_settings(300)
@given(name=st.sampled_from(RECORDS), data=st.data())
def test_record_constructors(name: str, data: st.DataObject) -> None:
    """Each public record class, given arbitrary field values (and keywords): a record that
    shows itself and turns into a row, or a PfpError.
    """
    make, fields = _record_arguments()[name]
    args = [data.draw(field) for field in fields]
    given = list(inspect.signature(make).parameters)[: len(args)]  # filled positionally
    keywords = {
        key: data.draw(value)
        for key, value in _KEYWORDS.items()
        if key in inspect.signature(make).parameters
        and key not in given
        and data.draw(st.booleans())
    }
    record = _call(make, *args, **keywords)
    if not isinstance(record, pfp.PfpError):
        _use(record)
        _call(record.to_record)
        _call(record._repr_html_)


@pytest.mark.parametrize(
    "value", [HostileStr("member"), (HostileStr("member"),), [HostileStr("x")], b"member", 1]
)
@pytest.mark.parametrize("field", ["before", "after"])
def test_a_transition_status_that_hashes_or_compares_badly(field: str, value: object) -> None:
    """Found by ``test_record_constructors``: a status that is a tuple of a str whose hash
    raises reached the enum lookup; only text names a status, anything else is refused
    without being hashed or compared. A str subclass is read by its own text.
    """
    malta = _malta()
    event = next(period.event for period in pfp.timeline(malta) if period.event is not None)
    fields: dict[str, object] = {"before": "non_member", "after": "withdrawn", field: value}
    made = _call(pfp.Transition, "2000-01-01", malta, fields["before"], fields["after"], event)
    if isinstance(value, str):
        assert not isinstance(made, pfp.PfpError)
        assert getattr(made, field) is pfp.Status.MEMBER
    else:
        assert isinstance(made, pfp.InvalidRecordError)


def _malta() -> pfp.Country:
    return pfp.country("Malta")


def _seed() -> list[pfp.Source]:
    return [pfp.source("seed")]


BAD_RECORDS: dict[str, Callable[[], object]] = {
    "Event of an unknown kind": lambda: pfp.Event("2000-01-01", _malta(), "annexation", _seed()),
    "Event with precision 'hour'": lambda: pfp.Event(
        "2000-01-01", _malta(), "signature", _seed(), precision="hour"
    ),
    "Event of a name, not a Country": lambda: pfp.Event(
        "2000-01-01",
        "Malta",  # type: ignore[arg-type, unused-ignore]
        "signature",
        _seed(),
    ),
    "Event citing a str": lambda: pfp.Event(
        "2000-01-01",
        _malta(),
        "signature",
        "seed",  # type: ignore[arg-type, unused-ignore]
    ),
    "Event of an empty org": lambda: pfp.Event(
        "2000-01-01", _malta(), "signature", _seed(), org=""
    ),
    "Country with aliases 5": lambda: pfp.Country("Narnia", "NA", "NAR", aliases=5),
    "Source dated 'garbage'": lambda: pfp.Source("k", "t", "p", "garbage"),
    "Source with precision 'hour'": lambda: pfp.Source("k", "t", "p", precision="hour"),
    "Milestone of kind 'picnic'": lambda: pfp.Milestone("2004-06-28", None, "x", "picnic", "y", []),
    "Figure of value 'many'": lambda: pfp.Figure("k", "d", "many", "u", None, None, []),
    "CooperationArea numbered 'first'": lambda: pfp.CooperationArea("first", "text", []),
}
"""Records that cannot be made: each must say so with a PfpError."""


@pytest.mark.parametrize("case", list(BAD_RECORDS))
def test_a_record_that_cannot_be_made_raises_a_pfp_error(case: str) -> None:
    """The known cases -- an Event of an unknown kind, with precision 'hour', of a name
    instead of a Country, citing a str; a Country with aliases 5; a Milestone of an
    unknown kind; ... -- raise a PfpError (which may also be a TypeError or ValueError).
    """
    with pytest.raises(pfp.PfpError):
        BAD_RECORDS[case]()


def _some_events() -> st.SearchStrategy[Any]:
    return st.lists(EVENTS | ANYTHING, max_size=6) | st.just(pfp.events()) | ANYTHING


@_settings(200)
@given(
    events=_some_events(),
    organizations=st.lists(ORGANIZATIONS | ANYTHING, max_size=3) | ANYTHING,
    countries=st.lists(COUNTRIES | ANYTHING, max_size=3) | ANYTHING,
    default_org=ORG_NAMES | ANYTHING,
)
@example(events=None, organizations=(), countries=(), default_org="PfP")
@example(events=[], organizations=(), countries=[5], default_org="PfP")
@example(events=[], organizations=[5], countries=(), default_org="PfP")
@example(events=[], organizations=(), countries=(), default_org=None)
@example(events=RaisingIter(), organizations=(), countries=(), default_org="PfP")
def test_history_constructor(
    events: object, organizations: object, countries: object, default_org: object
) -> None:
    """``History(events, organizations=, countries=, default_org=)``: a History that answers,
    or a PfpError.
    """
    built = _call(
        pfp.History,
        events,
        organizations=organizations,
        countries=countries,
        default_org=default_org,
    )
    if isinstance(built, pfp.History):
        _use(_call(built.members_at, "2000-01-01"))
        _use(_call(built.transitions))
        for state in _call(built.countries)[:3]:
            _use(_call(built.timeline, state))


_NARNIA = pfp.Country("Narnia", "NA", "NAR")
_ARCHENLAND = pfp.Country("Archenland", "AR", "ARC")
_LION = pfp.Source("lion", "The Lion, the Witch and the Wardrobe", "Geoffrey Bles")


@st.composite
def _own_events(draw: st.DrawFn) -> list[pfp.Event]:
    """Valid Event records of two made-up states, on any days from year 1 to 9999."""
    days = draw(st.lists(st.dates(), max_size=5))
    days += draw(st.lists(st.sampled_from([datetime.date.min, datetime.date.max]), max_size=1))
    return [
        pfp.Event(
            day,
            draw(st.sampled_from([_NARNIA, _ARCHENLAND])),
            draw(st.sampled_from(list(pfp.EventKind))),
            [_LION],
            org=draw(st.sampled_from(["PfP", "NATO", "Cair Paravel"])),
        )
        for day in sorted(days)
    ]


@_settings(200)
@given(events=_own_events(), day=A_DAY)
@example(events=[pfp.Event("0001-01-01", _NARNIA, "signature", [_LION])], day="0001-01-01")
@example(events=[pfp.Event("9999-12-31", _NARNIA, "signature", [_LION])], day="9999-12-31")
@example(
    events=[
        pfp.Event("0001-01-01", _NARNIA, "signature", [_LION]),
        pfp.Event("9999-12-31", _NARNIA, "withdrawal", [_LION]),
    ],
    day=datetime.date.max,
)
def test_history_over_own_events(events: list[pfp.Event], day: object) -> None:
    """A History over valid events on any days (year 1 to 9999), asked anything: answers,
    timelines that show themselves (first and last days too), or a PfpError.
    """
    built = _call(pfp.History, events)
    if not isinstance(built, pfp.History):
        return
    for org in ("PfP", "NATO"):
        _use(_call(built.members_at, day, org=org))
        _use(_call(built.transitions, day, None, org=org))
        for state in ("Narnia", "ARC"):
            _use(_call(built.status_of, state, day, org=org))
            timeline = _call(built.timeline, state, org=org)
            _use(timeline)
            if isinstance(timeline, tuple):
                for period in timeline:
                    _call(lambda period=period: period.last_day)
                    _call(period.__contains__, day)


@_settings(200)
@given(events=_some_events())
@example(events=None)
@example(events=[None])
def test_with_events(events: object) -> None:
    """``history().with_events(events)``: a new History, or a PfpError."""
    built = _call(pfp.history().with_events, events)
    if isinstance(built, pfp.History):
        _use(_call(built.members_at, "2000-01-01"))


# -- tables ----------------------------------------------------------------------------------


def _sequences() -> st.SearchStrategy[Any]:
    """Results to turn into rows, and things that are not."""
    return st.one_of(
        st.sampled_from(["roster", "set", "transitions", "timeline", "countries"]).map(
            lambda kind: {
                "roster": pfp.members_at("2000-01-01"),
                "set": pfp.members_at("2000-01-01") - pfp.members_at("1995-01-01"),
                "transitions": pfp.transitions(country="Malta"),
                "timeline": pfp.timeline("Malta"),
                "countries": pfp.countries()[:3],
            }[kind]
        ),
        st.lists(EVENTS | COUNTRIES | ANYTHING, max_size=3),
        ANYTHING,
    )


RECORD_FUNCTIONS = [
    "country_records",
    "roster_records",
    "transition_records",
    "period_records",
]


@_settings(200)
@given(
    name=st.sampled_from(RECORD_FUNCTIONS),
    value=_sequences(),
    country=st.none() | A_COUNTRY,
    org=st.none() | AN_ORG,
)
@example(name="country_records", value=5, country=None, org=None)
@example(name="roster_records", value=None, country=None, org=None)
@example(name="period_records", value=[None], country="Malta", org=None)
def test_tables_records(name: str, value: object, country: object, org: object) -> None:
    """``tables.*_records(value)`` (``period_records`` with ``country`` and ``org``): rows,
    or a PfpError.
    """
    function = getattr(pfp.tables, name)
    if name == "period_records":
        _use(_call(function, value, country, org=org))
    else:
        _use(_call(function, value))


@_settings(200)
@given(
    records=st.lists(st.dictionaries(TEXT, ANYTHING, max_size=3), max_size=3)
    | st.sampled_from(["roster", "transitions"]).map(
        lambda kind: (
            pfp.members_at("2000-01-01").to_records()
            if kind == "roster"
            else pfp.transitions(country="Malta").to_records()
        )
    )
    | ANYTHING,
    columns=st.none() | st.lists(TEXT, max_size=3) | ANYTHING,
    caption=TEXT | ANYTHING,
)
@example(records=5, columns=None, caption="")
@example(records=[{"a": RaisingStr()}], columns=None, caption="")
@example(records=[], columns=None, caption=RaisingStr())
def test_to_html_and_to_dataframe(records: object, columns: object, caption: object) -> None:
    """``tables.to_html(records, columns=, caption=)`` and ``tables.to_dataframe(records,
    columns=)``: a table, or a PfpError.
    """
    _call(pfp.tables.to_html, records, columns=columns, caption=caption)
    _call(pfp.tables.to_dataframe, records, columns=columns)


@_settings(200)
@given(country=A_COUNTRY, when=A_DAY, org=st.none() | AN_ORG, orgs=SOME_ORGS)
@example(country="Malta", when="2000-01-01", org=[], orgs=5)
def test_status_record_and_history_records(
    country: object, when: object, org: object, orgs: object
) -> None:
    """``tables.status_record(country, when, org=)`` and ``tables.history_records(orgs=)``:
    rows, or a PfpError.
    """
    _use(_call(pfp.tables.status_record, country, when, org=org))
    _call(pfp.tables.history_records, orgs=orgs)


_YEARS_IN_RANGE = st.integers(1, 9999)
_YEAR_LIKE = ANYTHING.filter(lambda v: not (type(v) is int and 1 <= v <= 9999))
"""Not a year in range: the panel of a range is as large as the range."""


@_settings(200)
@given(
    first=_YEARS_IN_RANGE | _YEAR_LIKE,
    span=st.integers(-2, 3) | _YEAR_LIKE,
    org=ORG_NAMES | ANYTHING,
    reference=st.sampled_from(["12-31", "02-29", "01-01", "13-01", "1-1"]) | TEXT | ANYTHING,
    share=st.booleans() | ANYTHING,
    countries=SOME_COUNTRIES,
    frame=st.booleans(),
)
@example(first=1994, span=1, org="PfP", reference="12-31", share=False, countries=5, frame=False)
@example(first=1994, span=1, org="PfP", reference="12-31", share=False, countries=5, frame=True)
@example(first=9999, span=0, org="PfP", reference="12-31", share=True, countries=None, frame=True)
@example(first=1, span=0, org="PfP", reference="01-01", share=False, countries=None, frame=True)
def test_country_year_tables(
    *,
    first: object,
    span: object,
    org: object,
    reference: object,
    share: object,
    countries: object,
    frame: bool,
) -> None:
    """``tables.country_year_records`` / ``country_year_panel(start_year, end_year, org=,
    reference=, share=, countries=)``: rows or a frame, or a PfpError.
    """
    last = first + span if type(first) is int and type(span) is int else span
    function = pfp.tables.country_year_panel if frame else pfp.tables.country_year_records
    _call(function, first, last, org=org, reference=reference, share=share, countries=countries)


@st.composite
def _day_range(draw: st.DrawFn) -> tuple[object, object]:
    """A start and an end at most 40 days apart (in any accepted form), or one not a day."""
    start = draw(st.dates() | st.sampled_from([datetime.date.min, datetime.date(9999, 12, 1)]))
    ordinal = start.toordinal() + draw(st.integers(-3, 40))
    end = datetime.date.fromordinal(min(max(ordinal, 1), datetime.date.max.toordinal()))
    forms: list[Callable[[datetime.date], object]] = [
        datetime.date.isoformat,
        lambda d: d,
        lambda d: datetime.datetime(d.year, d.month, d.day, 23, 59, tzinfo=datetime.UTC),
        lambda d: pendulum.Date(d.year, d.month, d.day),
    ]
    pair: tuple[object, object] = (
        draw(st.sampled_from(forms))(start),
        draw(st.sampled_from(forms))(end),
    )
    if draw(st.booleans()):
        return pair
    return (draw(NOT_A_DATE), pair[1]) if draw(st.booleans()) else (pair[0], draw(NOT_A_DATE))


@_settings(100)
@given(days=_day_range(), org=ORG_NAMES | ANYTHING, countries=SOME_COUNTRIES)
@example(days=("1994-01-01", "1994-02-01"), org="PfP", countries=5)
@example(days=("9999-12-01", "9999-12-31"), org="PfP", countries=["Malta"])
@example(days=("0001-01-01", "0001-01-31"), org="PfP", countries=["Malta"])
def test_country_day_panel(days: tuple[object, object], org: object, countries: object) -> None:
    """``tables.country_day_panel(start, end, org=, countries=)``: a frame, or a PfpError."""
    _call(pfp.tables.country_day_panel, days[0], days[1], org=org, countries=countries)


@_settings(100)
@given(
    name=st.sampled_from(["roster", "transition", "period", "history"]),
    value=_sequences(),
    country=st.none() | A_COUNTRY,
    orgs=SOME_ORGS,
)
@example(name="roster", value=5, country=None, orgs=None)
@example(name="history", value=None, country=None, orgs=5)
def test_dataframes(name: str, value: object, country: object, orgs: object) -> None:
    """``tables.roster_dataframe``, ``transition_dataframe``, ``period_dataframe`` and
    ``history_dataframe``: a frame, or a PfpError.
    """
    if name == "roster":
        _call(pfp.tables.roster_dataframe, value)
    elif name == "transition":
        _call(pfp.tables.transition_dataframe, value)
    elif name == "period":
        _call(pfp.tables.period_dataframe, value, country)
    else:
        _call(pfp.tables.history_dataframe, orgs=orgs)


# -- pictures --------------------------------------------------------------------------------


_PLOT_COUNTRIES = st.none() | st.lists(NAMES | COUNTRIES, max_size=3) | NAMES | ANYTHING


@_settings(100)
@given(
    org=ORG_NAMES | ANYTHING,
    countries=_PLOT_COUNTRIES,
    start=st.none() | A_DAY,
    end=st.none() | A_DAY,
    ax=st.none() | ANYTHING,
)
@example(org="PfP", countries=5, start=None, end=None, ax=None)
@example(org="PfP", countries=["Malta"], start=None, end="9999-12-31", ax=None)
@example(org="PfP", countries=["Malta"], start="0001-01-01", end="0001-12-31", ax=None)
@example(org="PfP", countries=["Malta"], start=None, end=None, ax=5)
def test_plot_timeline(
    org: object, countries: object, start: object, end: object, ax: object
) -> None:
    """``plot.timeline(org=, countries=, start=, end=, ax=)``: an Axes, or a PfpError."""
    try:
        _call(pfp.plot.timeline, org=org, countries=countries, start=start, end=end, ax=ax)
    finally:
        _close_figures()


@_settings(100)
@given(orgs=SOME_ORGS, start=st.none() | A_DAY, end=st.none() | A_DAY, ax=st.none() | ANYTHING)
@example(orgs=("PfP", "NATO"), start=None, end="9999-12-31", ax=None)
@example(orgs=5, start=None, end=None, ax=None)
@example(orgs=(), start=None, end=None, ax=None)
def test_plot_membership_count(orgs: object, start: object, end: object, ax: object) -> None:
    """``plot.membership_count(orgs=, start=, end=, ax=)``: an Axes, or a PfpError."""
    try:
        _call(pfp.plot.membership_count, orgs=orgs, start=start, end=end, ax=ax)
    finally:
        _close_figures()


# -- the command line ------------------------------------------------------------------------

_WORDS = [
    "members", "status", "transitions", "timeline", "countries", "check",
    "--org", "--format", "--country", "--on", "--help", "-h", "--version",
    "table", "csv", "json", "NATO", "PfP", "SEATO", "Malta", "FYROM", "Swizerland",
    "1994-08-03", "2000-01-01", "0001-01-01", "9999-12-31", "2024-02-30", "--", "-", "",
]  # fmt: skip


@_settings(300)
@given(argv=st.lists(st.sampled_from(_WORDS) | TEXT | st.sampled_from(_BIG), max_size=7))
@example(argv=["members", "2000-01-01", "--org", "nato", "--format", "json"])
@example(argv=["status", "Malta", "9999-12-31"])
@example(argv=["transitions", "9999-12-31", "0001-01-01"])
@example(argv=["timeline", "\x00"])
@example(argv=["countries", "--on", "0001-01-01"])
@example(argv=["members", "\udcff"])
def test_cli(argv: list[str]) -> None:
    """``pfp.cli.main(argv)`` for any argv: returns 0, 1 or 2 (or exits with one of them),
    never a traceback; a failure says why on stderr.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = _call(pfp.cli.main, argv)
        except SystemExit as stop:
            status = stop.code
    assert not isinstance(status, BaseException), f"main raised {status!r}"
    assert status in (0, 1, 2), f"exit status {status!r}"
    assert "Traceback" not in err.getvalue()
    if status == 2:
        assert err.getvalue().strip()


# -- explicit cases ---------------------------------------------------------------------------


def test_name_at_refuses_a_non_day_for_a_state_never_renamed() -> None:
    """``country('Malta').name_at('garbage')`` raises InvalidDateError (as North
    Macedonia's does): whether a state was renamed does not change what a day is.
    """
    with pytest.raises(pfp.InvalidDateError):
        pfp.country("North Macedonia").name_at("garbage")
    with pytest.raises(pfp.InvalidDateError):
        pfp.country("Malta").name_at("garbage")


def test_organization_of_none_raises() -> None:
    """``organization(None)`` raises UnknownOrganizationError: None names no organisation
    (the default of ``org=`` parameters is not a name).
    """
    with pytest.raises(pfp.UnknownOrganizationError):
        pfp.organization(None)  # type: ignore[arg-type]


def _malta_copies() -> list[pfp.Country]:
    malta = pfp.country("Malta")
    return [
        pfp.Country(malta.name, malta.iso2, malta.iso3),
        pfp.Country(malta.name, malta.iso2, malta.iso3, malta.aliases, malta.former_names),
        pfp.Country(
            malta.name,
            malta.iso2,
            malta.iso3,
            malta.aliases,
            malta.former_names,
            iso_numeric=malta.iso_numeric,
            cow_code=malta.cow_code,
            cow_abb=malta.cow_abb,
            gw_code=malta.gw_code,
            renames=malta.renames,
        ),
    ]


@pytest.mark.parametrize("copy", range(3))
def test_a_country_record_made_by_the_caller_is_found(copy: int) -> None:
    """``status_of(pfp.Country('Malta', 'MT', 'MLT'), day)`` answers for Malta, as do the
    other queries: a record with Malta's real name and codes is Malta, not a stranger
    whose name is "did you mean 'Malta'?".
    """
    state = _malta_copies()[copy]
    assert pfp.status_of(state, "2000-01-01") is pfp.Status.WITHDRAWN
    assert pfp.timeline(state) == pfp.timeline("Malta")
    assert pfp.transitions(country=state) == pfp.transitions(country="Malta")
    assert pfp.country(state).iso3 == "MLT"
    assert state in pfp.members_at("2010-01-01")


BAD_HISTORIES: dict[str, Callable[[], object]] = {
    "History(None)": lambda: pfp.History(None),  # type: ignore[arg-type]
    "countries=[5]": lambda: pfp.History([], countries=[5]),  # type: ignore[list-item]
    "organizations=['NATO']": lambda: pfp.History(
        [],
        organizations=["NATO"],  # type: ignore[list-item]
    ),
    "events=[None]": lambda: pfp.History([None]),  # type: ignore[list-item]
    "events=5": lambda: pfp.History(5),  # type: ignore[arg-type]
    "default_org=None": lambda: pfp.History([], default_org=None),  # type: ignore[arg-type]
}
"""Histories that cannot be built: each must say so with a PfpError."""


@pytest.mark.parametrize("case", list(BAD_HISTORIES))
def test_a_history_that_cannot_be_built_raises_a_pfp_error(case: str) -> None:
    """``History(None)``, and a History given things that are not records as its events,
    countries or organisations, raise a PfpError (a DataError naming the item).
    """
    with pytest.raises(pfp.PfpError):
        BAD_HISTORIES[case]()


def test_history_keeps_the_states_of_a_countries_generator() -> None:
    """``History(events, countries=<generator>)`` knows every state the generator yields,
    as with a list: the generator is read once, not once per use.
    """
    events = pfp.events()
    states = [*pfp.countries(), _NARNIA, _ARCHENLAND]
    from_list = pfp.History(events, countries=list(states))
    from_generator = pfp.History(events, countries=(state for state in states))
    assert from_generator.countries() == from_list.countries()
    assert from_generator.country("Narnia") == _NARNIA
    assert from_generator.status_of("ARC", "2000-01-01") is pfp.Status.NON_MEMBER
    alone = pfp.History([], countries=iter([_NARNIA]))
    assert alone.country("NAR") == _NARNIA


def test_an_event_on_the_first_day_of_year_one() -> None:
    """A History whose event falls on 0001-01-01 answers, and its timeline shows itself:
    no OverflowError from the day before it.
    """
    built = pfp.History([pfp.Event("0001-01-01", _NARNIA, "signature", [_LION])])
    assert built.status_of("Narnia", "0001-01-01") is pfp.Status.MEMBER
    timeline = built.timeline("Narnia")
    assert [period.status for period in timeline][-1] is pfp.Status.MEMBER
    assert all(repr(period) for period in timeline)
    assert timeline[-1].start == pendulum.Date(1, 1, 1)


HISTORY_METHODS = [
    "members_at", "status_of", "transitions", "timeline", "country", "countries",
    "suggest_countries", "organizations", "organization", "events", "with_events",
]  # fmt: skip


@pytest.mark.parametrize("name", HISTORY_METHODS)
def test_the_bundled_history_cannot_be_changed(name: str) -> None:
    """``pfp.history().<method> = ...`` raises AttributeError: the history every query
    answers from cannot be patched by accident (restored if it can).
    """
    bundled = pfp.history()
    before = pfp.members_at("1994-08-03")
    try:
        with pytest.raises(AttributeError):
            setattr(bundled, name, lambda *args, **kwargs: None)
    finally:
        if name in getattr(bundled, "__dict__", {}):
            object.__delattr__(bundled, name)
    assert pfp.members_at("1994-08-03") == before
    assert len(pfp.members_at("1994-08-03")) == 22


def test_events_by_evidence_reads_a_str_subclass_by_its_text() -> None:
    """Found in review: ``events(evidence=...)`` compared a str subclass with ``==`` (whose
    ``__eq__`` raised from inside); it is read by its own text, and anything else refused.
    """
    history = pfp.history()
    assert history.events(evidence=HostileStr("primary")) == history.events(evidence="primary")
    for wrong in ("Primary", ("primary",), 1):
        assert isinstance(_call(history.events, evidence=wrong), pfp.InvalidArgumentError)
