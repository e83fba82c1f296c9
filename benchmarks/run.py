"""Every pfp benchmark in one command, printed as ratios against baselines of the same run.

    python benchmarks/run.py            # the full run: a few minutes
    python benchmarks/run.py --quick    # a smoke run: one value of each, sizes 10^3 and 10^4

Other options are pyperf's (``--processes``, ``--values``, ``--fast``, ``-o FILE``...).
Needs the ``bench`` extra: ``pip install -e '.[bench]'``. docs/performance.md explains the table.
"""

from __future__ import annotations

import compileall
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyperf

import pfp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import cases  # noqa: E402  (a sibling module, found through the line above)
import scale  # noqa: E402

COMMANDS = {
    "python -c pass": "pass",
    "import attrs, pendulum": "import attrs, pendulum",
    "import pfp": "import pfp",
    "import pfp + first query": "import pfp; pfp.members_at('2005-06-01')",
    "first query, timed inside": (
        "import time, pfp; start = time.perf_counter(); pfp.members_at('2005-06-01'); "
        "print(time.perf_counter() - start)"
    ),
}
"""Fresh-process measures: the name shown and the code given to ``python -c``."""
INSIDE = "first query, timed inside"
"""The command that prints its own first call's duration (its process's wall time unused)."""


def _lazy(factory: Callable[[], cases.TimeFunc]) -> cases.TimeFunc:
    """Build a case's fixtures on its first call, so that each pyperf worker builds only its own."""
    built: list[cases.TimeFunc] = []

    def time_func(loops: int) -> float:
        if not built:
            built.append(factory())
        return built[0](loops)

    return time_func


def _ns(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e9:.0f} ns"


def _own(seconds: float) -> str:
    """A difference of two noisy medians: below zero means lost in the noise."""
    return _ns(seconds) if seconds > 0 else "< 0 (within the noise)"


def _times(value: float) -> str:
    return f"{value:.2f}x" if value < 10 else f"{value:,.0f}x"


def speed_table(medians: dict[str, float]) -> str:
    """The main table: pfp against its floor, and the alternatives against pfp.

    Where the issue sets a target (pfp within a multiple of the floor, the scan at least 10x
    and pandas at least 100x slower than pfp), a miss is marked **no**.
    """
    single, pair = medians["loop/single"], medians["loop/pair"]
    rows = [
        ("members_at(date)", single, "≤ 2x"),
        ("members_at(new date)", single, "—"),
        ("members_at(iso)", single, "≤ 2x"),
        ("status_of", pair, "≤ 2.5x"),
        ("transitions(1 year)", pair, "≤ 3x"),
        ("transitions(all)", single, "—"),
        ("country(exact)", single, "≤ 1 µs"),
        ("country(lower case)", single, "—"),
        ("suggestions", 0.0, "≤ 1 ms"),
    ]
    lines = [
        "| question | pfp | floor | pfp ÷ floor | target | met | "
        "scan ÷ pfp | pandas ÷ pfp | portion ÷ pfp | scan ÷ floor |",
        "|---|---:|---:|---:|---|---|---:|---:|---:|---:|",
    ]
    for question, loop, target in rows:
        net = {
            kind: max(medians[f"{question}/{kind}"] - loop, 1e-12)
            for kind in ("pfp", "floor", "scan", "pandas", "portion")
            if f"{question}/{kind}" in medians
        }
        if "floor" not in net:  # the same floor as the question as written
            net["floor"] = max(medians["country(exact)/floor"] - loop, 1e-12)
        ratio = net["pfp"] / net["floor"]
        if target.endswith("x"):
            met = "yes" if ratio <= float(target[2:-1]) else "**no**"
        elif target.endswith("µs"):
            met = "yes" if net["pfp"] <= 1e-6 else "**no**"
        elif target.endswith("ms"):
            met = "yes" if net["pfp"] <= 1e-3 else "**no**"
        else:
            met = ""
        others = []
        for kind, least in (("scan", 10.0), ("pandas", 100.0), ("portion", 0.0)):
            faster = net[kind] / net["pfp"] if kind in net else None
            short = faster is not None and target.endswith("x") and faster < least
            others.append("" if faster is None else _times(faster) + (" **no**" if short else ""))
        # How much faster than the scan any implementation doing the floor's work could be.
        bound = _times(net["scan"] / net["floor"]) if "scan" in net else ""
        lines.append(
            f"| {question} | {_ns(net['pfp'])} | {_ns(net['floor'])} | {_times(ratio)} "
            f"| {target} | {met} | " + " | ".join(others) + f" | {bound} |"
        )
    return "\n".join(lines)


def fresh_processes(rounds: int) -> dict[str, list[float]]:
    """Wall times of each of COMMANDS in fresh processes, ``rounds`` times.

    For INSIDE, the duration of the first call, which the process times itself and prints.

    Each round runs every command once, in a shuffled order, so that a burst of noise on a
    shared machine falls on all of them alike and the ratios are taken within a round.
    """
    shuffler = random.Random(1994)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for code in COMMANDS.values():  # once each, untimed: the files are in the page cache
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    for _ in range(rounds):
        order = list(COMMANDS.items())
        shuffler.shuffle(order)
        for name, code in order:
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            )
            wall = time.perf_counter() - start
            times[name].append(float(done.stdout) if name == INSIDE else wall)
    return times


def import_table(times: dict[str, list[float]], warm: float) -> str:
    """Fresh processes: the import against attrs + pendulum, and the first query.

    Ratios and differences are taken within each round, then their median is shown.
    """
    median = statistics.median
    bare, deps = median(times["python -c pass"]), median(times["import attrs, pendulum"])
    pfp_import = median(times["import pfp"])
    deps_times, pfp_times = times["import attrs, pendulum"], times["import pfp"]
    rounds = list(zip(deps_times, pfp_times, times["import pfp + first query"], strict=True))
    ratio = median(mine / theirs for theirs, mine, _ in rounds)
    own = median(mine - theirs for theirs, mine, _ in rounds)
    first = median(query - mine for _, mine, query in rounds) - warm
    inside = median(times[INSIDE]) - warm
    return "\n".join(
        [
            "| measure | value | target | met |",
            "|---|---:|---|---|",
            f"| `python -c pass` (interpreter start) | {_ns(bare)} | | |",
            f"| `import attrs, pendulum` process | {_ns(deps)} | | |",
            f"| `import pfp` process | {_ns(pfp_import)} | | |",
            f"| `import pfp` ÷ `import attrs, pendulum` | {_times(ratio)} | ≤ 1.10x "
            f"| {'yes' if ratio <= 1.10 else '**no**'} |",
            f"| pfp's own import time (pfp - attrs, pendulum) | {_own(own)} | | |",
            f"| first query - warm query, timed inside the process (load, validate, index) "
            f"| {_ns(inside)} | ≤ 20 ms | {'yes' if inside <= 0.020 else '**no**'} |",
            f"| the same, as process wall times (pfp + first query - pfp; exit included) "
            f"| {_ns(first)} | ≤ 20 ms | {'yes' if first <= 0.020 else '**no**'} |",
        ]
    )


def per_row_table(medians: dict[str, float]) -> str:
    """``status_of`` with other kinds of day and other organisations, against a date's cost."""
    pair = medians["loop/pair"]
    base = medians["status_of/pfp"] - pair
    rows = [
        ("status_of(Timestamp)", "a pandas Timestamp", "≤ 2x"),
        ("status_of(datetime)", "a datetime", "≤ 2x"),
        ("status_of(datetime64)", "a numpy.datetime64[ns]", "≤ 2x"),
        ("status_of(org=NATO)", 'org="NATO"', "≤ 1.2x"),
        ("status_of(org=EOP)", 'org="EOP"', "≤ 1.2x"),
    ]
    lines = ["| `status_of` with | per call | ÷ a date, default org | target | met |"]
    lines.append("|---|---:|---:|---|---|")
    for name, what, target in rows:
        cost = medians[f"{name}/pfp"] - pair
        ratio = cost / base
        met = "yes" if ratio <= float(target[2:-1]) else "**no**"
        lines.append(f"| {what} | {_ns(cost)} | {_times(ratio)} | {target} | {met} |")
    return "\n".join(lines)


def _fresh(script: str, *args: object) -> dict[str, Any]:
    """What a benchmark script beside this one prints as JSON, run in a fresh process."""
    done = subprocess.run(
        [sys.executable, str(HERE / script), *map(str, args)],
        check=True,
        capture_output=True,
        text=True,
    )
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def bulk_table(rows: int) -> str:
    """Rows per second of each route to a status column, measured in one fresh process."""
    speed: dict[str, float] = _fresh("bulk.py", rows)
    floor, one = speed["numpy floor"], speed["annotate"]
    targets = {
        "annotate": ("≥ 0.7x the floor", one / floor >= 0.7),
        "annotate, two orgs": ("cost ≤ 1.6x one org", one / speed["annotate, two orgs"] <= 1.6),
        "list comprehension (Timestamps)": (
            "annotate ≥ 5x it",
            one / speed["list comprehension (Timestamps)"] >= 5,
        ),
        "df.apply": ("annotate ≥ 30x it", one / speed["df.apply"] >= 30),
    }
    lines = [
        f"| route ({rows:,} rows) | rows/s | ÷ numpy floor | annotate ÷ it | target | met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for name, value in speed.items():
        target, met = targets.get(name, ("", None))
        shown = "" if met is None else "yes" if met else "**no**"
        lines.append(
            f"| {name} | {value / 1e6:.2f} M | {_times(value / floor)} | {_times(one / value)} "
            f"| {target} | {shown} |"
        )
    return "\n".join(lines)


def scale_table(sizes: tuple[int, ...]) -> str:
    """Run each size in a fresh process and tabulate the growth curve."""
    lines = [
        "| events | orgs | default-org transitions | build | peak memory | retained | "
        "members_at warm | members_at new day | status_of | status_of floor | "
        "transitions(1 year) | ÷ bare slice | scan ÷ transitions(1 year) | roster k |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        found: dict[str, Any] = _fresh("scale.py", size)
        big, small = found["synthetic"], found["bundled"]

        def cell(key: str, big: dict[str, float] = big, small: dict[str, float] = small) -> str:
            return f"{big[key]:.2f} µs ({big[key] / small[key]:.1f}x)"

        memory = [
            "n/a" if found[key] is None else f"{found[key]:.0f} MiB"
            for key in ("peak_mib", "retained_mib")
        ]
        lines.append(
            f"| {size:,} | {found['organisations']} | {found['default_org_transitions']:,} "
            f"| {found['build_s']:.2f} s | {memory[0]} | {memory[1]} "
            f"| {cell('members_at_warm')} | {cell('members_at_new_day')} | {cell('status_of')} "
            f"| {cell('status_floor')} "
            f"| {cell('transitions_1y')} "
            f"| {_times(big['transitions_1y'] / big['transitions_slice'])} "
            f"| {_times(big['transitions_scan'] / big['transitions_1y'])} "
            f"({_times(small['transitions_scan'] / small['transitions_1y'])}) "
            f"| {big['roster_size']:.0f} |"
        )
    return "\n".join(lines)


def dyad_table(years: tuple[int, int]) -> str:
    """The dyad-year panel over the COW system, built in a fresh process (benchmarks/dyads.py)."""
    found: dict[str, Any] = _fresh("dyads.py", *years)
    rss = found["rss_peak_mib"]
    memory = found["traced_peak_mib"] if rss is None else max(rss, found["traced_peak_mib"])
    full = years == (1949, 2024)  # the target is for these years
    met = "yes" if found["cold_s"] <= 10 and memory <= 2048 else "**no**"
    return "\n".join(
        [
            '| years | rows | first build (fresh process) | again | on="any" | '
            "peak allocated | peak RSS | target | met |",
            "|---|---:|---:|---:|---:|---:|---:|---|---|",
            f"| {found['years']} | {found['rows']:,} | {found['cold_s']:.2f} s "
            f"| {found['warm_s']:.2f} s | {found['any_day_s']:.2f} s "
            f"| {found['traced_peak_mib']:,.0f} MiB "
            f"| {'n/a' if rss is None else f'{rss:,.0f} MiB'} "
            f"| {'≤ 10 s, ≤ 2 GiB' if full else '(smoke run)'} | {met if full else ''} |",
        ]
    )


def peer_table(medians: dict[str, float]) -> str:
    """Other libraries' answers to neighbouring questions, against pfp's own per-call cost."""
    single = medians["loop/single"]
    rows = [
        ("country(exact)", "pycountry", "`pycountry.countries.lookup(name)`"),
        ("suggestions", "pycountry", "`pycountry.countries.search_fuzzy(misspelt)`"),
        ("day in calendar", "holidays", "`day in holidays.country_holidays('SE')` (warm)"),
    ]
    mine = {
        "country(exact)": medians["peer/country(exact)/pfp"] - single,
        "suggestions": medians["suggestions/pfp"],
        "day in calendar": medians["status_of/pfp"] - medians["loop/pair"],
    }
    asked = {
        "country(exact)": "`pfp.country(name)`",
        "suggestions": "`pfp.suggest_countries(misspelt)`",
        "day in calendar": "`pfp.status_of(name, day)`",
    }
    lines = ["| question | pfp | peer | peer ÷ pfp |", "|---|---:|---|---:|"]
    for question, peer, call in rows:
        theirs = medians[f"peer/{question}/{peer}"] - (0.0 if question == "suggestions" else single)
        lines.append(
            f"| {asked[question]} vs {call} | {_ns(mine[question])} | {_ns(theirs)} "
            f"| {_times(theirs / mine[question])} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Run the pyperf benchmarks, then the scale benchmark, and print the tables."""
    # pip compiles an installed package's bytecode; an editable checkout may hold stale or no
    # .pyc files (PYTHONDONTWRITEBYTECODE), which would time the compiler, not the import.
    compileall.compile_dir(Path(pfp.__file__).parent, quiet=1)
    quick = "--quick" in sys.argv
    if quick:
        sys.argv.remove("--quick")
        sys.argv.append("--debug-single-value")
    runner = pyperf.Runner(processes=6, values=3, min_time=0.05)
    runner.metadata["description"] = "pfp benchmarks (benchmarks/run.py)"
    benches: dict[str, pyperf.Benchmark] = {}
    for name, (factory, calls) in cases.CASES.items():
        bench = runner.bench_time_func(name, _lazy(factory), inner_loops=calls)
        if bench is not None:
            benches[name] = bench
    if runner.args.worker or len(benches) < len(cases.CASES):
        return  # a pyperf worker, or a run of only some benchmarks
    medians = {name: bench.median() for name, bench in benches.items()}
    sizes = scale.QUICK_SIZES if quick else scale.SIZES
    warm = medians["members_at(date)/pfp"] - medians["loop/single"]
    print()
    print(f"pfp benchmarks: Python {platform.python_version()}, {platform.machine()}, ", end="")
    print(f"{os.cpu_count()} CPUs{', QUICK (smoke run: numbers are rough)' if quick else ''}")
    print("\nQueries (per call; the loop's own cost subtracted):\n")
    print(speed_table(medians))
    print("\nPer-row days and organisations (the loop's own cost subtracted):\n")
    print(per_row_table(medians))
    print("\nBulk: a status column for a whole frame (one fresh process; best of rounds):\n")
    print(bulk_table(10_000 if quick else 1_000_000))
    print("\nPeers (the same inputs; each library's own question of the same shape):\n")
    print(peer_table(medians))
    print("\nImport and first query (fresh processes):\n")
    print(import_table(fresh_processes(3 if quick else 60), warm))
    print("\nScale (synthetic histories, 200 states; in brackets: x the same query on the ")
    print("bundled data, timed in the same process):\n")
    print(scale_table(sizes))
    print("\nDyad-year panel (COW, every organisation; a fresh process):\n")
    print(dyad_table((2000, 2004) if quick else (1949, 2024)))


if __name__ == "__main__":
    main()
