"""The timed cases: each question asked of pfp, of its CPython floor and of the alternatives.

Every case is a ``time_func(loops) -> seconds`` for :meth:`pyperf.Runner.bench_time_func`
that runs one ``for`` loop over fixed inputs; pyperf divides by the inputs' count. Fixtures are
built on first use, so a pyperf worker builds only what its one case needs. Only public pfp
names are used: the floors are built from ``pfp.transitions`` and ``pfp.timeline``.
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import functools
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Any

import pfp

TimeFunc = Callable[[int], float]

DAYS = tuple(datetime.date(1990, 1, 1) + datetime.timedelta(days=15 * n) for n in range(1000))
"""Days from 1990 to 2031, every 15 days: the 'warm' inputs (asked again on every loop)."""
NEW_DAYS = tuple(datetime.date(1950, 1, 1) + datetime.timedelta(days=n) for n in range(20_000))
"""20,000 consecutive days, more than pfp's per-organisation memo holds: each call is new."""
ISO_DAYS = tuple(day.isoformat() for day in DAYS)
MISSPELT = ("Slovinia", "Kyrgistan", "Ukrane", "Azerbajan", "Makedonia", "Swedn", "Finnland")
FEW = 50
"""How many inputs the slow alternatives (pandas, portion) get per loop."""


def _clock(body: Callable[[], object]) -> TimeFunc:
    """A pyperf time function that runs ``body`` (one pass over the inputs) ``loops`` times.

    ``body`` runs once first, untimed: pfp's data is then loaded and the 'warm' days asked.
    """
    pfp.history()
    body()

    def time_func(loops: int) -> float:
        start = time.perf_counter()
        for _ in range(loops):
            body()
        return time.perf_counter() - start

    return time_func


# -- fixtures --------------------------------------------------------------------------------


@functools.cache
def names() -> tuple[str, ...]:
    """Every bundled state's name, repeated to 1,000 inputs."""
    every = [c.name for c in pfp.countries()]
    return tuple(every[n % len(every)] for n in range(1000))


@functools.cache
def pairs() -> tuple[tuple[str, datetime.date], ...]:
    """1,000 (name, day) questions."""
    return tuple(zip(names(), DAYS, strict=True))


@functools.cache
def windows() -> tuple[tuple[datetime.date, datetime.date], ...]:
    """200 one-year windows (both ends inclusive)."""
    return tuple((day, day + datetime.timedelta(days=364)) for day in DAYS[::5])


def _plain(day: Any) -> datetime.date:
    return datetime.date(day.year, day.month, day.day)


@functools.cache
def floor_rosters() -> tuple[list[int], tuple[pfp.Roster, ...]]:
    """PfP change days and the roster from each on: what a bare bisect indexes."""
    days = sorted({t.date.toordinal() for t in pfp.transitions()})
    rosters: tuple[pfp.Roster, ...] = (pfp.members_at(datetime.date.fromordinal(days[0] - 1)),)
    rosters += tuple(pfp.members_at(datetime.date.fromordinal(day)) for day in days)
    return days, rosters


def statuses_by_hand(history: pfp.History) -> dict[str, tuple[list[int], tuple[pfp.Status, ...]]]:
    """What a careful programmer would index by hand: name -> (change days, statuses)."""
    table = {}
    for country in history.countries():
        changes = history.transitions(country=country)
        before = changes[0].before if changes else pfp.Status.NON_MEMBER
        table[country.name] = (
            [t.date.toordinal() for t in changes],
            (before, *(t.after for t in changes)),
        )
    return table


@functools.cache
def floor_statuses() -> dict[str, tuple[list[int], tuple[pfp.Status, ...]]]:
    """Name -> (change days, status before and from each), over the bundled data."""
    return statuses_by_hand(pfp.history())


@functools.cache
def floor_transitions() -> tuple[list[int], tuple[pfp.Transition, ...]]:
    """All PfP transitions and their days, as a plain tuple (a bare slice is the floor)."""
    items = tuple(pfp.transitions())
    return [t.date.toordinal() for t in items], items


@functools.cache
def period_records() -> list[dict[str, Any]]:
    """Every state's PfP periods as a list of dicts: what a user might load from a CSV."""
    records = []
    for country in pfp.countries():
        for period in pfp.timeline(country):
            records.append(
                {
                    "country": country.name,
                    "status": period.status.value,
                    "start": datetime.date(1900, 1, 1)
                    if period.start is None
                    else _plain(period.start),
                    "end": datetime.date(2200, 1, 1) if period.end is None else _plain(period.end),
                }
            )
    return records


def as_dicts(changes: Iterable[pfp.Transition]) -> list[dict[str, Any]]:
    """Transitions as a list of dicts with plain dates: what a user might load from a CSV."""
    return [
        {
            "date": _plain(t.date),
            "country": t.country.name,
            "before": t.before.value,
            "after": t.after.value,
        }
        for t in changes
    ]


@functools.cache
def transition_records() -> list[dict[str, Any]]:
    """Every PfP transition as a dict."""
    return as_dicts(pfp.transitions())


@functools.cache
def frames() -> tuple[Any, Any]:
    """The same records as two pandas DataFrames (periods and transitions)."""
    import pandas as pd  # noqa: PLC0415  (only the workers that time pandas pay its import)

    periods = pd.DataFrame(period_records())
    periods["start"] = pd.to_datetime(periods["start"])
    periods["end"] = pd.to_datetime(periods["end"])
    changes = pd.DataFrame(transition_records())
    changes["date"] = pd.to_datetime(changes["date"])
    return periods, changes


@functools.cache
def interval_dicts() -> tuple[Any, dict[str, Any]]:
    """portion.IntervalDict: one for the roster over time, one per state for its status."""
    import portion  # noqa: PLC0415  (only the workers that time portion pay its import)

    days, rosters = floor_rosters()
    bounds = [datetime.date(1900, 1, 1)] + [datetime.date.fromordinal(d) for d in days]
    bounds.append(datetime.date(2200, 1, 1))
    roster_dict = portion.IntervalDict()
    for low, high, roster in zip(bounds[:-1], bounds[1:], rosters, strict=True):
        roster_dict[portion.closedopen(low, high)] = frozenset(c.name for c in roster)
    status_dicts: dict[str, Any] = {}
    for record in period_records():
        status_dict = status_dicts.setdefault(record["country"], portion.IntervalDict())
        status_dict[portion.closedopen(record["start"], record["end"])] = record["status"]
    return roster_dict, status_dicts


# -- the loops' own cost, subtracted from every figure ----------------------------------------


def loop_single() -> TimeFunc:
    """An empty loop over single inputs."""

    def body() -> None:
        for _ in DAYS:
            pass

    return _clock(body)


def loop_pair() -> TimeFunc:
    """An empty loop unpacking pairs."""

    def body() -> None:
        for _a, _b in pairs():
            pass

    return _clock(body)


# -- members_at ------------------------------------------------------------------------------


def members_pfp() -> TimeFunc:
    """``pfp.members_at(date)``, days asked before (warm)."""
    members_at = pfp.members_at

    def body() -> None:
        for day in DAYS:
            members_at(day)

    return _clock(body)


def members_new_day_pfp() -> TimeFunc:
    """``pfp.members_at(date)`` on a day not asked before (the memo misses)."""
    members_at = pfp.members_at

    def body() -> None:
        for day in NEW_DAYS:
            members_at(day)

    return _clock(body)


def members_floor(days: tuple[datetime.date, ...] = DAYS) -> TimeFunc:
    """A bare ``bisect_right`` over the change days and a tuple index."""
    ords, rosters = floor_rosters()

    def body() -> None:
        for day in days:
            rosters[bisect_right(ords, day.toordinal())]

    return _clock(body)


def members_iso_pfp() -> TimeFunc:
    """``pfp.members_at("YYYY-MM-DD")``, warm."""
    members_at = pfp.members_at

    def body() -> None:
        for text in ISO_DAYS:
            members_at(text)

    return _clock(body)


def members_iso_floor() -> TimeFunc:
    """``date.fromisoformat`` + the bare bisect."""
    ords, rosters = floor_rosters()
    from_iso = datetime.date.fromisoformat

    def body() -> None:
        for text in ISO_DAYS:
            rosters[bisect_right(ords, from_iso(text).toordinal())]

    return _clock(body)


def members_scan() -> TimeFunc:
    """A list comprehension over a list of period dicts."""
    records = period_records()

    def body() -> None:
        for day in DAYS:
            [
                r["country"]
                for r in records
                if r["status"] == "member" and r["start"] <= day < r["end"]
            ]

    return _clock(body)


def members_pandas() -> TimeFunc:
    """A pandas boolean filter ``start <= d < end``."""
    import pandas as pd  # noqa: PLC0415  (only the workers that time pandas pay its import)

    periods, _ = frames()
    stamps = [pd.Timestamp(day) for day in DAYS[:FEW]]
    status, start, end = periods["status"], periods["start"], periods["end"]

    def body() -> None:
        for stamp in stamps:
            periods.loc[(status == "member") & (start <= stamp) & (end > stamp), "country"]

    return _clock(body)


def members_portion() -> TimeFunc:
    """``portion.IntervalDict`` from intervals to rosters: ``d[day]``."""
    roster_dict, _ = interval_dicts()

    def body() -> None:
        for day in DAYS[:FEW]:
            roster_dict[day]

    return _clock(body)


# -- status_of -------------------------------------------------------------------------------


def status_pfp() -> TimeFunc:
    """``pfp.status_of(name, date)``."""
    status_of = pfp.status_of
    questions = pairs()

    def body() -> None:
        for name, day in questions:
            status_of(name, day)

    return _clock(body)


def status_day_kind_pfp(kind: str) -> TimeFunc:
    """``pfp.status_of(name, day)`` with the day as a Timestamp, a datetime or a datetime64."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    convert: dict[str, Callable[[datetime.date], pfp.DateLike]] = {
        "Timestamp": pd.Timestamp,
        "datetime": lambda day: datetime.datetime(day.year, day.month, day.day, 12),
        "datetime64": lambda day: np.datetime64(day.isoformat(), "ns"),
    }
    status_of = pfp.status_of
    questions = tuple((name, convert[kind](day)) for name, day in pairs())

    def body() -> None:
        for name, day in questions:
            status_of(name, day)

    return _clock(body)


def status_org_pfp(org: str) -> TimeFunc:
    """``pfp.status_of(name, date, org=org)``."""
    status_of = pfp.status_of
    questions = pairs()

    def body() -> None:
        for name, day in questions:
            status_of(name, day, org=org)

    return _clock(body)


def status_floor() -> TimeFunc:
    """A dict lookup by name, a bare bisect and a tuple index."""
    table = floor_statuses()
    questions = pairs()

    def body() -> None:
        for name, day in questions:
            entry = table[name]
            entry[1][bisect_right(entry[0], day.toordinal())]

    return _clock(body)


def status_scan() -> TimeFunc:
    """``next(...)`` over the list of period dicts."""
    records = period_records()
    questions = pairs()

    def body() -> None:
        for name, day in questions:
            next(
                (
                    r["status"]
                    for r in records
                    if r["country"] == name and r["start"] <= day < r["end"]
                ),
                "non_member",
            )

    return _clock(body)


def status_pandas() -> TimeFunc:
    """A pandas filter on name and ``start <= d < end``."""
    import pandas as pd  # noqa: PLC0415  (only the workers that time pandas pay its import)

    periods, _ = frames()
    questions = [(name, pd.Timestamp(day)) for name, day in pairs()[:FEW]]
    country, start, end = periods["country"], periods["start"], periods["end"]

    def body() -> None:
        for name, stamp in questions:
            found = periods.loc[(country == name) & (start <= stamp) & (end > stamp), "status"]
            found.iat[0] if len(found) else "non_member"

    return _clock(body)


def status_portion() -> TimeFunc:
    """One ``portion.IntervalDict`` per state: ``dicts[name].get(day)``."""
    _, status_dicts = interval_dicts()
    questions = pairs()[:FEW]

    def body() -> None:
        for name, day in questions:
            status_dicts[name].get(day, "non_member")

    return _clock(body)


# -- transitions -----------------------------------------------------------------------------


def transitions_pfp() -> TimeFunc:
    """``pfp.transitions(start, end)`` over one-year windows."""
    transitions = pfp.transitions
    spans = windows()

    def body() -> None:
        for start, end in spans:
            transitions(start, end)

    return _clock(body)


def transitions_floor() -> TimeFunc:
    """Two bare bisects and a slice."""
    ords, items = floor_transitions()
    spans = windows()

    def body() -> None:
        for start, end in spans:
            items[bisect_left(ords, start.toordinal()) : bisect_right(ords, end.toordinal())]

    return _clock(body)


def transitions_scan() -> TimeFunc:
    """A list comprehension over transition dicts."""
    records = transition_records()
    spans = windows()

    def body() -> None:
        for start, end in spans:
            [r for r in records if start <= r["date"] <= end]

    return _clock(body)


def transitions_pandas() -> TimeFunc:
    """A pandas filter ``start <= date <= end``."""
    import pandas as pd  # noqa: PLC0415  (only the workers that time pandas pay its import)

    _, changes = frames()
    spans = [(pd.Timestamp(a), pd.Timestamp(b)) for a, b in windows()[:FEW]]
    dates = changes["date"]

    def body() -> None:
        for start, end in spans:
            changes[(dates >= start) & (dates <= end)]

    return _clock(body)


def transitions_all_pfp() -> TimeFunc:
    """``pfp.transitions()``: all time."""
    transitions = pfp.transitions

    def body() -> None:
        for _ in DAYS:
            transitions()

    return _clock(body)


def transitions_all_floor() -> TimeFunc:
    """A full slice of the tuple of transitions."""
    _, items = floor_transitions()
    count = len(items)

    def body() -> None:
        for _ in DAYS:
            items[0:count]

    return _clock(body)


# -- names -----------------------------------------------------------------------------------


def country_pfp() -> TimeFunc:
    """``pfp.country(name)``, the name as written."""
    country = pfp.country
    queries = names()

    def body() -> None:
        for name in queries:
            country(name)

    return _clock(body)


def country_folded_pfp() -> TimeFunc:
    """``pfp.country(name)`` in lower case (folded once, then remembered)."""
    country = pfp.country
    queries = tuple(name.lower() for name in names())

    def body() -> None:
        for name in queries:
            country(name)

    return _clock(body)


def country_floor() -> TimeFunc:
    """A dict lookup by name."""
    table = {c.name: c for c in pfp.countries()}
    queries = names()

    def body() -> None:
        for name in queries:
            table[name]

    return _clock(body)


def suggest_pfp() -> TimeFunc:
    """``pfp.suggest_countries(misspelt)``."""
    suggest = pfp.suggest_countries

    def body() -> None:
        for name in MISSPELT:
            suggest(name)

    return _clock(body)


def suggest_floor() -> TimeFunc:
    """``difflib.get_close_matches`` over the states' lower-case names."""
    folded = [c.name.lower() for c in pfp.countries()]

    def body() -> None:
        for name in MISSPELT:
            difflib.get_close_matches(name.lower(), folded, n=3)

    return _clock(body)


# -- peers: other libraries' answers to neighbouring questions --------------------------------


PEER_NAMES = (
    "Albania", "Armenia", "Austria", "Belarus", "Croatia", "Finland", "Georgia", "Ireland",
    "Kazakhstan", "Malta", "Montenegro", "Serbia", "Sweden", "Switzerland", "Ukraine",
)  # fmt: skip
"""Names of bundled states that pycountry resolves as written (it wants "Russian Federation")."""


def country_pycountry() -> TimeFunc:
    """``pycountry.countries.lookup(name)``: pycountry's exact lookup by any code or name."""
    import pycountry  # noqa: PLC0415

    queries = PEER_NAMES

    def body() -> None:
        for name in queries:
            pycountry.countries.lookup(name)

    return _clock(body)


def country_pfp_peer_names() -> TimeFunc:
    """``pfp.country(name)`` over the names the peers resolve too."""
    country = pfp.country
    queries = PEER_NAMES

    def body() -> None:
        for name in queries:
            country(name)

    return _clock(body)


def suggest_pycountry() -> TimeFunc:
    """``pycountry.countries.search_fuzzy(misspelt)`` (a miss raises LookupError)."""
    import pycountry  # noqa: PLC0415

    search = pycountry.countries.search_fuzzy

    def body() -> None:
        for name in MISSPELT:
            with contextlib.suppress(LookupError):
                search(name)

    return _clock(body)


def holiday_calendar() -> TimeFunc:
    """``day in holidays.country_holidays("SE")``: another 'what holds on this day' answer."""
    import holidays  # noqa: PLC0415

    calendar = holidays.country_holidays("SE", years=range(1990, 2032))

    def body() -> None:
        for day in DAYS:
            day in calendar  # noqa: B015  (the lookup is what is timed)

    return _clock(body)


CASES: dict[str, tuple[Callable[[], TimeFunc], int]] = {
    "loop/single": (loop_single, len(DAYS)),
    "loop/pair": (loop_pair, len(DAYS)),
    "members_at(date)/pfp": (members_pfp, len(DAYS)),
    "members_at(date)/floor": (members_floor, len(DAYS)),
    "members_at(date)/scan": (members_scan, len(DAYS)),
    "members_at(date)/pandas": (members_pandas, FEW),
    "members_at(date)/portion": (members_portion, FEW),
    "members_at(new date)/pfp": (members_new_day_pfp, len(NEW_DAYS)),
    "members_at(new date)/floor": (functools.partial(members_floor, NEW_DAYS), len(NEW_DAYS)),
    "members_at(iso)/pfp": (members_iso_pfp, len(DAYS)),
    "members_at(iso)/floor": (members_iso_floor, len(DAYS)),
    "status_of/pfp": (status_pfp, len(DAYS)),
    "status_of/floor": (status_floor, len(DAYS)),
    "status_of(Timestamp)/pfp": (functools.partial(status_day_kind_pfp, "Timestamp"), len(DAYS)),
    "status_of(datetime)/pfp": (functools.partial(status_day_kind_pfp, "datetime"), len(DAYS)),
    "status_of(datetime64)/pfp": (
        functools.partial(status_day_kind_pfp, "datetime64"),
        len(DAYS),
    ),
    "status_of(org=NATO)/pfp": (functools.partial(status_org_pfp, "NATO"), len(DAYS)),
    "status_of(org=EOP)/pfp": (functools.partial(status_org_pfp, "EOP"), len(DAYS)),
    "status_of/scan": (status_scan, len(DAYS)),
    "status_of/pandas": (status_pandas, FEW),
    "status_of/portion": (status_portion, FEW),
    "transitions(1 year)/pfp": (transitions_pfp, len(DAYS) // 5),
    "transitions(1 year)/floor": (transitions_floor, len(DAYS) // 5),
    "transitions(1 year)/scan": (transitions_scan, len(DAYS) // 5),
    "transitions(1 year)/pandas": (transitions_pandas, FEW),
    "transitions(all)/pfp": (transitions_all_pfp, len(DAYS)),
    "transitions(all)/floor": (transitions_all_floor, len(DAYS)),
    "country(exact)/pfp": (country_pfp, len(DAYS)),
    "country(exact)/floor": (country_floor, len(DAYS)),
    "country(lower case)/pfp": (country_folded_pfp, len(DAYS)),
    "suggestions/pfp": (suggest_pfp, len(MISSPELT)),
    "suggestions/floor": (suggest_floor, len(MISSPELT)),
    "peer/country(exact)/pfp": (country_pfp_peer_names, len(PEER_NAMES)),
    "peer/country(exact)/pycountry": (country_pycountry, len(PEER_NAMES)),
    "peer/suggestions/pycountry": (suggest_pycountry, len(MISSPELT)),
    "peer/day in calendar/holidays": (holiday_calendar, len(DAYS)),
}
"""Benchmark name -> (fixture factory, calls per loop)."""
