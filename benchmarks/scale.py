"""The scale benchmark: ``pfp.History`` over synthetic histories of 10^3 to 10^6 events.

One size per fresh process, so that memory figures do not mix::

    python benchmarks/scale.py 1000000

prints one JSON object: build time, memory, and query latencies at that size, each beside the
same query on the bundled data timed in the same process. ``benchmarks/run.py`` runs every
size this way and prints the growth table.
"""

from __future__ import annotations

import datetime
import gc
import json
import os
import random
import statistics
import sys
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any

import pendulum

import pfp
from cases import as_dicts, statuses_by_hand

if sys.platform != "win32":
    import resource

STATES = 200
"""States in every synthetic history (the issue's upper bound)."""
SIZES = (1_000, 10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000, 10_000)
DEFAULT_SHARE = 4
"""The default organisation holds 1/DEFAULT_SHARE of all events; the others share the rest."""
FIRST_DAY = datetime.date(1900, 1, 1).toordinal()
LAST_DAY = datetime.date(2100, 12, 31).toordinal()
REPEAT = 11
"""Timed passes over the same inputs; each figure is their median."""
COLD_BATCHES, COLD_BATCH = 5, 1000
"""Batches of days never asked before (the bundled data's 41 years hold 15,000 days)."""
SCAN_WINDOWS, SCAN_REPEAT = 20, 3
"""One-year windows and passes for the list-of-dicts scan (at 10^6 events, ~6 ms a window)."""


def organisations_for(size: int) -> int:
    """How many organisations a history of ``size`` events spreads over (2 to 500)."""
    return max(2, min(500, size // 200))


def _state(number: int) -> pfp.Country:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    first, second = divmod(number, 26)
    code = letters[first] + letters[second]
    return pfp.Country(f"State {code}", code, "S" + code)


def synthetic_history(
    size: int, *, seed: int = 1994
) -> tuple[list[pfp.Event], list[pfp.Organization], list[pfp.Country]]:
    """Exactly ``size`` valid events: joins, exits and re-entries of 200 states in many orgs.

    Each (state, organisation) pair runs signature -> withdrawal -> reactivation ->
    withdrawal -> ..., sometimes through an application or a reactivation request, on
    distinct random days between 1900 and 2100. Events are shuffled: the engine sorts them.
    """
    rng = random.Random(seed)
    source = pfp.Source("synthetic", "Synthetic history", "pfp benchmarks")
    countries = [_state(n) for n in range(STATES)]
    org_count = organisations_for(size)
    orgs = [
        pfp.Organization(f"O{n:03d}", f"Organisation {n}", "1900-01-01") for n in range(org_count)
    ]
    default = size // DEFAULT_SHARE
    rest, extra = divmod(size - default, org_count - 1)
    per_org = [default] + [rest + (1 if n < extra else 0) for n in range(org_count - 1)]
    kinds = pfp.EventKind
    days: dict[int, pendulum.Date] = {}
    events: list[pfp.Event] = []
    for org, count in zip(orgs, per_org, strict=True):
        share, spare = divmod(count, STATES)
        for index, country in enumerate(countries):
            status = "out"
            ordinals = sorted(rng.sample(range(FIRST_DAY, LAST_DAY), share + (index < spare)))
            for ordinal in ordinals:
                if status == "out" and rng.random() < 0.2:
                    kind, status = kinds.APPLICATION, "asked"
                elif status in ("out", "asked"):
                    kind, status = (
                        (kinds.SIGNATURE if status == "out" else kinds.REACTIVATION),
                        "in",
                    )
                elif status == "in":
                    kind, status = kinds.WITHDRAWAL, "left"
                elif rng.random() < 0.2:
                    kind, status = kinds.REACTIVATION_REQUEST, "asked"
                else:
                    kind, status = kinds.REACTIVATION, "in"
                day = days.get(ordinal)
                if day is None:
                    day = days[ordinal] = pendulum.Date.fromordinal(ordinal)
                events.append(pfp.Event(day, country, kind, (source,), org=org.key))
    rng.shuffle(events)
    return events, orgs, countries


def _rss_bytes() -> int | None:
    """The process's current resident set size (Linux), else None."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _peak_bytes() -> int | None:
    """The process's peak resident set size so far, else None."""
    if sys.platform == "win32":
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def per_call(run: Callable[[Any], object], batches: Sequence[Sequence[Any]]) -> float:
    """The median over ``batches`` of the time per call of ``run`` (seconds)."""
    times = []
    for batch in batches:
        start = time.perf_counter()
        for item in batch:
            run(item)
        times.append((time.perf_counter() - start) / len(batch))
    return statistics.median(times)


def latencies(
    history: pfp.History, first: int, last: int, seed: int, half: int
) -> dict[str, float]:
    """Per-call latency (µs) of the engine's queries over days between ``first`` and ``last``.

    New days are drawn from every other day (``half``: 0 or 1, a different set each round)
    and never include the warm days, so that none was asked before.
    """
    rng = random.Random(seed)
    warm = {rng.randrange(first, last) for _ in range(1000)}
    warm_days = [datetime.date.fromordinal(o) for o in sorted(warm)]
    rng.shuffle(warm_days)
    unasked = [o for o in range(first + half, last, 2) if o not in warm]
    cold = rng.sample(unasked, COLD_BATCH * COLD_BATCHES)
    cold_batches = [
        [datetime.date.fromordinal(o) for o in cold[n * COLD_BATCH : (n + 1) * COLD_BATCH]]
        for n in range(COLD_BATCHES)
    ]
    names = [c.name for c in history.countries()]
    pairs = [(rng.choice(names), day) for day in warm_days]
    windows = [(day, day + datetime.timedelta(days=364)) for day in warm_days[:200]]
    members_at, status_of, transitions = history.members_at, history.status_of, history.transitions
    floor = statuses_by_hand(history)
    records = as_dicts(history.transitions())

    def transitions_scan(pair: tuple[datetime.date, datetime.date]) -> object:
        start, end = pair
        return [r for r in records if start <= r["date"] <= end]

    fast = history.fast_path()
    items, item_days = fast.transitions, fast.transition_days

    def transitions_slice(pair: tuple[datetime.date, datetime.date]) -> object:
        start, end = pair
        return items[
            bisect_left(item_days, start.toordinal()) : bisect_right(item_days, end.toordinal())
        ]

    def status_floor(pair: tuple[str, datetime.date]) -> object:
        entry = floor[pair[0]]
        return entry[1][bisect_right(entry[0], pair[1].toordinal())]

    for day in warm_days:
        members_at(day)  # the warm figures are for days already asked once
    sizes = [len(members_at(day)) for day in warm_days]
    return {
        "members_at_warm": 1e6 * per_call(members_at, [warm_days] * REPEAT),
        "members_at_new_day": 1e6 * per_call(members_at, cold_batches),
        "status_of": 1e6 * per_call(lambda pair: status_of(*pair), [pairs] * REPEAT),
        "status_floor": 1e6 * per_call(status_floor, [pairs] * REPEAT),
        "transitions_1y": 1e6 * per_call(lambda pair: transitions(*pair), [windows] * REPEAT),
        "transitions_slice": 1e6 * per_call(transitions_slice, [windows] * REPEAT),
        "transitions_scan": 1e6
        * per_call(transitions_scan, [windows[:SCAN_WINDOWS]] * SCAN_REPEAT),
        "roster_size": statistics.mean(sizes),
    }


def measure(size: int) -> dict[str, Any]:
    """Build a history of ``size`` events; time it, weigh it and query it."""
    events, orgs, countries = synthetic_history(size)
    gc.collect()
    rss_before, peak_before = _rss_bytes(), _peak_bytes()
    start = time.perf_counter()
    history = pfp.History(events, organizations=orgs, countries=countries, default_org="O000")
    for org in orgs:  # every organisation's index and name table, as a build made them all
        history.fast_path(org.key)  # before they were made on first use
    build = time.perf_counter() - start
    gc.collect()
    rss_after, peak_after = _rss_bytes(), _peak_bytes()
    default = history.transitions(org="O000")
    result: dict[str, Any] = {
        "events": size,
        "states": STATES,
        "organisations": len(orgs),
        "default_org_events": sum(1 for e in events if e.org == "O000"),
        "default_org_transitions": len(default),
        "build_s": build,
        "retained_mib": None
        if rss_before is None or rss_after is None
        else (rss_after - rss_before) / 2**20,
        "peak_mib": None
        if peak_before is None or peak_after is None
        else (peak_after - peak_before) / 2**20,
    }
    bundled = pfp.history()
    bundled_days = datetime.date(1990, 1, 1).toordinal(), datetime.date(2030, 12, 31).toordinal()
    # Each side twice, alternating, keeping the faster median of each: a burst of noise on a
    # shared machine then spoils neither side's figure alone. Other days each round, so that
    # "new" days are new to the memo.
    rounds = [
        (
            latencies(history, FIRST_DAY, LAST_DAY, seed=size + again, half=again),
            latencies(bundled, *bundled_days, seed=size + again, half=again),
        )
        for again in range(2)
    ]
    for side, name in enumerate(("synthetic", "bundled")):
        result[name] = {key: min(r[side][key] for r in rounds) for key in rounds[0][side]}
    return result


def main(argv: Sequence[str]) -> int:
    """Measure the size given on the command line and print it as JSON."""
    if len(argv) != 1 or not argv[0].isdigit():
        print("usage: python benchmarks/scale.py EVENTS", file=sys.stderr)
        return 2
    print(json.dumps(measure(int(argv[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
