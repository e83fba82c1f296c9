"""The command line's questions: each turns parsed arguments into an :class:`Answer`.

An answer holds a title, columns and rows (plain dicts, as ``pfp.tables`` makes them) and the
question as asked; :mod:`pfp.cli` writes it in the format asked for.

>>> import argparse
>>> from pfp._questions import members
>>> answer = members(argparse.Namespace(date="1994-01-31", org=None))
>>> answer.title, [row["name"] for row in answer.rows]
('2 members of PfP on 1994-01-31', ['Lithuania', 'Romania'])
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

import pfp
from pfp import panels, tables
from pfp._terminal import Answer
from pfp.dates import to_date

__all__ = [
    "ORG_COLUMNS",
    "SOURCE_COLUMNS",
    "countries",
    "members",
    "orgs",
    "panel",
    "source",
    "status",
    "timeline",
    "transitions",
]


def _without(columns: Sequence[str], *stated: str) -> tuple[str, ...]:
    return tuple(c for c in columns if c not in stated)


def _org(args: argparse.Namespace) -> str:
    return pfp.history().default_org if args.org is None else pfp.organization(args.org).key


def members(args: argparse.Namespace) -> Answer:
    """``pfp members``."""
    roster = pfp.members_at(args.date, org=_org(args))
    count = len(roster)
    title = f"{count} member{'s' if count != 1 else ''} of {roster.org} on {roster.date}"
    if roster.org_note:
        title += f" ({roster.org_note})"
    query: dict[str, Any] = {"date": roster.date, "org": roster.org}
    if roster.known_to is not None:
        query["known_to"] = roster.known_to
    columns = tables.ROSTER_COLUMNS
    shown = _without(columns, "date", "org")
    return Answer(title, columns, tables.roster_records(roster), query, shown)


def status(args: argparse.Namespace) -> Answer:
    """``pfp status``."""
    row = tables.status_record(args.country, args.date, org=_org(args))
    title = f"{row['name']} in {row['org']} on {row['date']}: {row['status']}"
    query = {"country": row["name"], "date": row["date"], "org": row["org"]}
    as_of = pfp.organization(row["org"]).as_of
    if as_of is not None and row["date"] > as_of:
        query["known_to"] = as_of
    columns = tables.STATUS_COLUMNS
    return Answer(title, columns, [row], query, _without(columns, "org", "date"))


def transitions(args: argparse.Namespace) -> Answer:
    """``pfp transitions``."""
    org = _org(args)
    changes = pfp.transitions(args.start, args.end, country=args.country, org=org)
    start = "..." if args.start is None else str(to_date(args.start))
    end = "..." if args.end is None else str(to_date(args.end))
    country = None if args.country is None else pfp.country(args.country).name
    who = "" if country is None else f" of {country}"
    title = f"{len(changes)} change{'s' if len(changes) != 1 else ''}{who} in {org}"
    query: dict[str, Any] = {"start": start, "end": end, "country": country, "org": org}
    if args.end is not None and changes.known_to is not None:
        query["known_to"] = changes.known_to
    rows = tables.transition_records(changes)
    columns = tables.TRANSITION_COLUMNS
    shown = _without(columns, "org", "iso2")  # the title names the org; iso3 names the state
    return Answer(f"{title}, {start} .. {end}", columns, rows, query, shown)


_TIMELINE_COLUMNS = tuple(c for c in tables.PERIOD_COLUMNS if c != "end")


def timeline(args: argparse.Namespace) -> Answer:
    """``pfp timeline``."""
    org = _org(args)
    state = pfp.country(args.country)
    rows = pfp.timeline(state, org=org).to_records()
    query = {"country": state.name, "org": org}
    title = f"{state.name} ({state.iso3}) in {org}, period by period"
    shown = _without(_TIMELINE_COLUMNS, "name", "iso2", "iso3", "org")
    return Answer(title, _TIMELINE_COLUMNS, rows, query, shown)


def countries(args: argparse.Namespace) -> Answer:
    """``pfp countries``."""
    org = _org(args)
    day = to_date(pfp.DATA_AS_OF if args.on is None else args.on)
    rows = [tables.status_record(state, day, org=org) for state in pfp.countries()]
    query = {"date": day, "org": org}
    columns = tables.STATUS_COLUMNS
    title = f"{len(rows)} states, their status in {org} on {day}"
    return Answer(title, columns, rows, query, _without(columns, "org", "date"))


SOURCE_COLUMNS = ("key", "title", "publisher", "date", "precision", "url", "archived_url", "note")
"""The columns of ``pfp source``: everything a source record holds."""


def _source_record(source: pfp.Source) -> tables.Record:
    return {
        "key": source.key,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date,
        "precision": None if source.date is None else source.precision.value,
        "url": source.url or None,
        "archived_url": source.archived_url or None,
        "note": source.note or None,
    }


def source(args: argparse.Namespace) -> Answer:
    """``pfp source``."""
    if args.key is None:
        rows = [_source_record(source) for source in pfp.sources()]
        title = f"{len(rows)} sources cited by the data"
        shown = ("key", "title", "publisher", "date", "url")
        return Answer(title, SOURCE_COLUMNS, rows, {"key": None}, shown)
    source = pfp.source(args.key)
    row = _source_record(source)
    return Answer(f"source {source.key}", SOURCE_COLUMNS, [row], {"key": source.key}, None, True)


ORG_COLUMNS = ("key", "name", "founded", "ended", "as_of", "partner_of", "successor")
"""The columns of ``pfp orgs``."""


def orgs(args: argparse.Namespace) -> Answer:
    """``pfp orgs``."""
    rows = [
        {
            "key": org.key,
            "name": org.name,
            "founded": org.founded,
            "ended": org.ended,
            "as_of": org.as_of,
            "partner_of": org.partner_of or None,
            "successor": org.successor or None,
        }
        for org in pfp.organizations()
    ]
    title = f"{len(rows)} organisations; as_of is the last day each is reviewed to"
    return Answer(title, ORG_COLUMNS, rows, {}, ("key", "name", "founded", "ended", "as_of"))


def panel(args: argparse.Namespace) -> Answer:
    """The panel as rows, in the columns of ``pfp.tables.country_year_panel`` (no pandas)."""
    query = {
        "start_year": args.start_year,
        "end_year": args.end_year,
        "system": args.system,
        "orgs": None if args.orgs is None else list(args.orgs),
    }
    if args.system == "pfp" and args.orgs is None:
        rows = tables.country_year_records(args.start_year, args.end_year)
        columns: Sequence[str] = tables.COUNTRY_YEAR_COLUMNS
    else:
        rows = panels.state_year_records(
            args.start_year, args.end_year, system=args.system, orgs=args.orgs
        )
        keys = [pfp.organization(org).key for org in args.orgs or [pfp.history().default_org]]
        columns = panels.state_year_columns(keys)
    title = f"{len(rows)} rows, {args.start_year} .. {args.end_year}, system {args.system}"
    return Answer(title, columns, rows, query)
