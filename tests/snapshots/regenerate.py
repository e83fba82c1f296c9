"""Write ``tests/snapshots/rosters.txt`` and ``states.txt``: rosters, timelines, state codes.

``rosters.txt`` holds every organisation's roster on each day it changed and every state's
periods where an event concerns it; ``states.txt`` every state's days in each state system and
every code it bore, with the days it bore it.

The snapshot is committed; ``tests/test_snapshot.py`` fails with a diff whenever the
engine's answers differ from it, so a change to the data or the engine shows up in review
as a readable change to this file. Regenerate it (from the repository root) with::

    python tests/snapshots/regenerate.py

and ``--check`` only reports whether the committed file is current (exit status 1 if not).
Everything is derived from the public API, organisation by organisation, so new
organisations, states and events appear without changes here.
"""

from __future__ import annotations

import difflib
import itertools
import sys
from pathlib import Path

import pfp

SNAPSHOT = Path(__file__).with_name("rosters.txt")
"""The committed roster snapshot this script writes."""
STATES = Path(__file__).with_name("states.txt")
"""The committed snapshot of the state system this script writes."""

COMMAND = "python tests/snapshots/regenerate.py"
"""The one command that regenerates the snapshot, as the header and the docs name it."""

_STATUS_ORDER = {status: i for i, status in enumerate(pfp.Status)}


def _day(value: object) -> str:
    return "..." if value is None else str(value)


def _change_lines(org: pfp.Organization, width: int) -> list[str]:
    """One line per day on which anything changed in ``org``: the changes, then the roster."""
    lines = []
    changes = pfp.transitions(org=org.key)
    for day, same_day in itertools.groupby(changes, key=lambda t: t.date):
        groups: dict[tuple[pfp.Status, pfp.Status], list[str]] = {}
        for change in same_day:
            groups.setdefault((change.before, change.after), []).append(change.country.iso3)
        described = "; ".join(
            f"{before.value}->{after.value}: {' '.join(sorted(codes))}"
            for (before, after), codes in sorted(
                groups.items(),
                key=lambda item: (_STATUS_ORDER[item[0][0]], _STATUS_ORDER[item[0][1]]),
            )
        )
        roster = pfp.members_at(day, org=org.key)
        members = " ".join(sorted(roster.iso3)) or "(none)"
        lines.append(f"{day} {org.key:<{width}} | {described} | {len(roster)}: {members}")
    return lines


def _timeline_lines(country: pfp.Country, orgs: tuple[pfp.Organization, ...]) -> list[str]:
    """One line per period of ``country`` in each organisation where its status ever changed."""
    width = max(len(org.key) for org in orgs)
    lines = []
    for org in orgs:
        periods = pfp.timeline(country, org=org.key)
        if all(period.event is None for period in periods):
            continue  # no event concerns it here: its life alone (see states.txt)
        for period in periods:
            cause = ""
            if period.event is not None:
                event = period.event
                origin = "" if event.org == org.key else f"{event.org} "
                keys = ";".join(source.key for source in event.sources)
                coarse = "" if event.precision is pfp.Precision.DAY else f" ({event.precision})"
                cause = f"  {origin}{event.kind.value}{coarse} [{keys}]"
            lines.append(
                f"  {org.key:<{width}} {_day(period.start):>10} .. {_day(period.last_day):<10} "
                f"{period.status.value:<12}{cause}".rstrip()
            )
    return lines or ["  (no change of status in any organisation)"]


def render() -> str:
    """The snapshot's text for the bundled data, as the engine answers now."""
    orgs = pfp.organizations()
    width = max(len(org.key) for org in orgs)
    out = [
        "# pfp regression snapshot (generated; do not edit by hand).",
        f"# Regenerate from the repository root with: {COMMAND}",
        f"# data_version {pfp.DATA_VERSION}, data_as_of {pfp.DATA_AS_OF}",
        "#",
        "# Part 1, one line per organisation and day on which any status changed:",
        "#   day org | before->after: states changed (ISO3) | roster size: members (ISO3)",
        "# Part 2, per state (sorted by name), its periods in each organisation where it ever",
        "#   had a status other than non_member: first day .. last day, status, and the event",
        "#   that began the period: its organisation when another, its kind, its precision",
        "#   when coarser than a day (the date then stands for the first day), [source keys].",
    ]
    for org in orgs:
        out += ["", f"## {org.key}: {org.name}", *_change_lines(org, width)]
    out += ["", "## States"]
    for country in pfp.countries():
        out += ["", f"{country.iso3} {country.name}", *_timeline_lines(country, orgs)]
    return "\n".join(out) + "\n"


def render_states() -> str:
    """The state-system snapshot: each state's spans in each system and every code it bore."""
    out = [
        "# pfp state-system snapshot (generated; do not edit by hand).",
        f"# Regenerate from the repository root with: {COMMAND}",
        f"# data_version {pfp.DATA_VERSION}",
        "#",
        "# Per state (by key): its name, successors and predecessors, its days in each state",
        "# system (first .. last, '...' while it lasts), then every code it bore:",
        "#   scheme code first .. last.",
    ]
    for country in sorted(pfp.countries(), key=lambda c: c.iso3):
        links = ""
        if country.predecessors:
            links += f" <- {' '.join(country.predecessors)}"
        if country.successors:
            links += f" -> {' '.join(country.successors)}"
        out += ["", f"{country.iso3} {country.name}{links}"]
        for system in ("cow", "gw", "iso"):
            spans = ", ".join(f"{_day(a)} .. {_day(b)}" for a, b in country.spans(system))
            out.append(f"  {system:<4} {spans or '-'}")
        for code in sorted(country.codes, key=lambda c: (c.scheme.value, _day(c.start))):
            out.append(
                f"    {code.scheme.value:<12}{code.code:<5} {_day(code.start)} .. {_day(code.end)}"
            )
    return "\n".join(out) + "\n"


TARGETS = ((SNAPSHOT, render), (STATES, render_states))
"""Each committed snapshot and the function that renders it."""


def diff(committed: str, current: str, name: str = "rosters.txt") -> str:
    """A unified diff from the committed snapshot to the engine's current answers."""
    return "".join(
        difflib.unified_diff(
            committed.splitlines(keepends=True),
            current.splitlines(keepends=True),
            fromfile=f"tests/snapshots/{name} (committed)",
            tofile=f"tests/snapshots/{name} (engine now)",
        )
    )


def main(argv: list[str]) -> int:
    """Write the snapshots, or with ``--check`` print the diffs and return 1 when stale."""
    stale = 0
    for path, make in TARGETS:
        current = make()
        if "--check" in argv:
            committed = path.read_text(encoding="utf-8") if path.exists() else ""
            if committed != current:
                sys.stdout.write(diff(committed, current, path.name))
                stale = 1
            continue
        path.write_text(current, encoding="utf-8")
        print(f"wrote {path} ({current.count(chr(10))} lines)")
    return stale


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
