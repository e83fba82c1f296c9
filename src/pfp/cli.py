"""The ``pfp`` command line: the library's questions, answered as a table, CSV or JSON.

``python -m pfp`` and the ``pfp`` console script run :func:`main`. Every row that rests on an
event cites its source keys. Exit status: 0 for an answer (an empty one too: "no changes in
2010" is an answer), 1 when ``pfp check`` finds problems in a data folder, 2 for bad input,
3 when the answer could not be written (standard output closed or full); the reason is one
line on standard error.

>>> from pfp.cli import main
>>> main(["status", "Malta", "2000-01-01", "--format", "csv"])
name,iso2,iso3,org,date,status,since,sources
Malta,MT,MLT,PfP,2000-01-01,withdrawn,1996-10-29,...
0
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

import pfp
from pfp import tables
from pfp.dates import to_date
from pfp.display import cell

__all__ = ["build_parser", "main"]

ANSWERED, PROBLEMS_FOUND, BAD_INPUT, OUTPUT_FAILED = 0, 1, 2, 3
"""The exit statuses: an answer written; ``pfp check`` found problems; bad input; the answer
could not be written."""
FORMATS = ("table", "csv", "json")

_EPILOG = """\
examples:
  pfp members 1994-08-03                      the 22 partners on 3 August 1994
  pfp members 2024-03-07 --org NATO           NATO's members the day Sweden joined
  pfp status Malta 2000-01-01                 Malta's standing that day, since when, and why
  pfp transitions 2004-01-01 2004-12-31       every change of status in 2004
  pfp transitions --country Sweden --org NATO Sweden's road into NATO
  pfp timeline Malta --format json            Malta's periods, for a script
  pfp countries --format csv > states.csv     every state pfp knows, with its codes

  pfp check path/to/_data                     check a data folder: every problem, file and line

dates are ISO 8601 days (YYYY-MM-DD); states are found by any name, former name or ISO code.
exit status: 0 answered (empty too), 1 check found problems, 2 bad input, 3 output not written
(the reason is one line on standard error).
"""


# -- answers: each returns (title, columns, rows, query) ----------------------------------

Answer = tuple[str, Sequence[str], list[tables.Record], dict[str, Any]]


def _org(args: argparse.Namespace) -> str:
    return pfp.history().default_org if args.org is None else pfp.organization(args.org).key


def _members(args: argparse.Namespace) -> Answer:
    roster = pfp.members_at(args.date, org=_org(args))
    count = len(roster)
    title = f"{count} member{'s' if count != 1 else ''} of {roster.org} on {roster.date}"
    if roster.org_note:
        title += f" ({roster.org_note})"
    query: dict[str, Any] = {"date": roster.date, "org": roster.org}
    if roster.known_to is not None:
        query["known_to"] = roster.known_to
    return title, tables.ROSTER_COLUMNS, tables.roster_records(roster), query


def _status(args: argparse.Namespace) -> Answer:
    row = tables.status_record(args.country, args.date, org=_org(args))
    title = f"{row['name']} in {row['org']} on {row['date']}: {row['status']}"
    query = {"country": row["name"], "date": row["date"], "org": row["org"]}
    as_of = pfp.organization(row["org"]).as_of
    if as_of is not None and row["date"] > as_of:
        query["known_to"] = as_of
    return title, tables.STATUS_COLUMNS, [row], query


def _transitions(args: argparse.Namespace) -> Answer:
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
    return f"{title}, {start} .. {end}", tables.TRANSITION_COLUMNS, rows, query


_TIMELINE_COLUMNS = tuple(c for c in tables.PERIOD_COLUMNS if c != "end")


def _timeline(args: argparse.Namespace) -> Answer:
    org = _org(args)
    state = pfp.country(args.country)
    rows = pfp.timeline(state, org=org).to_records()
    query = {"country": state.name, "org": org}
    return f"{state.name} in {org}, period by period", _TIMELINE_COLUMNS, rows, query


def _countries(args: argparse.Namespace) -> Answer:
    org = _org(args)
    day = to_date(pfp.DATA_AS_OF if args.on is None else args.on)
    rows = [tables.status_record(state, day, org=org) for state in pfp.countries()]
    query = {"date": day, "org": org}
    return (
        f"{len(rows)} states, their status in {org} on {day}",
        tables.STATUS_COLUMNS,
        rows,
        query,
    )


# -- output --------------------------------------------------------------------------------


def _text(value: object, *, empty: str) -> str:
    return empty if value is None else cell(value, separator=";")


def _json_value(value: object) -> object:
    if isinstance(value, tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _write_table(out: TextIO, answer: Answer) -> None:
    title, columns, rows, _ = answer
    cells = [[_text(row[c], empty="-") for c in columns] for row in rows]
    out.write(title + "\n")
    if not rows:
        return
    widths = [max(len(c), *(len(line[i]) for line in cells)) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for line in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() + "\n")


def _write_csv(out: TextIO, answer: Answer) -> None:
    _, columns, rows, _ = answer
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_text(row[c], empty="") for c in columns] for row in rows)


def _write_json(out: TextIO, answer: Answer, command: str) -> None:
    _, columns, rows, query = answer
    document = {
        "data_version": str(pfp.DATA_VERSION),
        "data_as_of": str(pfp.DATA_AS_OF),
        "command": command,
        "query": {key: _json_value(value) for key, value in query.items()},
        "count": len(rows),
        "rows": [{c: _json_value(row[c]) for c in columns} for row in rows],
    }
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


# -- the parser ----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The ``pfp`` argument parser, with one subcommand per question.

    >>> from pfp.cli import build_parser
    >>> args = build_parser().parse_args(["members", "1994-08-03", "--org", "NATO"])
    >>> args.command, args.date, args.org
    ('members', '1994-08-03', 'NATO')
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--org",
        default=None,
        help="the organisation, by key, name or alias: PfP (the default), NATO, ...",
    )
    common.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default, for people), csv, or json (with the data's version)",
    )
    parser = argparse.ArgumentParser(
        prog="pfp",
        description="NATO's Partnership for Peace, day by day: who took part, and every source.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"pfp {pfp.__version__}",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help_text: str, answer: Callable[[argparse.Namespace], Answer]) -> Any:
        sub = commands.add_parser(
            name,
            parents=[common],
            help=help_text,
            description=help_text,
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(answer=answer)
        return sub

    members = command("members", "the members (partners) on a day", _members)
    members.add_argument("date", help="the day, YYYY-MM-DD")

    status = command("status", "a state's status on a day, since when, and its sources", _status)
    status.add_argument("country", help="a name, former name, alias or ISO code")
    status.add_argument("date", help="the day, YYYY-MM-DD")

    changes = command("transitions", "every change of status between two days", _transitions)
    changes.add_argument("start", nargs="?", help="the first day, YYYY-MM-DD (default: all)")
    changes.add_argument("end", nargs="?", help="the last day, YYYY-MM-DD (default: all)")
    changes.add_argument("--country", help="only this state's changes")

    timeline = command(
        "timeline", "a state's periods, one status each, and their sources", _timeline
    )
    timeline.add_argument("country", help="a name, former name, alias or ISO code")

    states = command("countries", "every state pfp knows, with its status on a day", _countries)
    states.add_argument("--on", help="the day of the status column (default: the data's as-of day)")

    check = commands.add_parser(
        "check",
        help="check a data folder laid out like pfp's own: every problem, with file and line",
        description="Read and validate every file of a data folder (events.csv, countries.csv, "
        "..., dataset.toml) in one pass. Prints a one-line summary and exits 0 when the data is "
        "sound; prints one line per problem and exits 1 otherwise; exits 2 for a path that is "
        "not a folder.",
        epilog="example:\n  pfp check src/pfp/_data",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("path", help="the folder")
    check.set_defaults(answer=None)
    return parser


def _check(path: str, out: TextIO) -> int:
    """``pfp check PATH``: validate a data folder, one line per problem."""
    try:
        found = pfp.History.from_folder(path)
    except pfp.DataError as error:
        for problem in error.problems:
            out.write(f"{problem}\n")
        count = len(error.problems)
        sys.stderr.write(f"pfp check: {count} problem{'s' * (count != 1)} in {path}\n")
        return PROBLEMS_FOUND
    except pfp.PfpError as error:
        sys.stderr.write(f"pfp check: error: {error}\n")
        return BAD_INPUT
    out.write(
        f"{path}: no problems; {len(found.events())} events, {len(found.countries())} states, "
        f"{len(found.organizations())} organisations, data {found.version} "
        f"complete to {found.as_of}\n"
    )
    return ANSWERED


def main(argv: list[str] | None = None) -> int:
    """Run the ``pfp`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    >>> from pfp.cli import main
    >>> main(["members", "1994-01-31", "--format", "csv"])
    date,org,name,iso2,iso3,since,sources
    1994-01-31,PfP,Lithuania,LT,LTU,1994-01-27,...
    1994-01-31,PfP,Romania,RO,ROU,1994-01-26,...
    0
    """
    parser = build_parser()
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as stop:  # --help, --version, or a usage error (argparse exits 2)
            return stop.code if isinstance(stop.code, int) else BAD_INPUT
        out = sys.stdout
        if args.answer is None:
            status = _check(args.path, out)
            out.flush()
            return status
        try:
            answer: Answer = args.answer(args)
        except pfp.PfpError as error:
            sys.stderr.write(f"pfp {args.command}: error: {error}\n")
            return BAD_INPUT
        known_to = answer[3].get("known_to")
        if known_to is not None:
            sys.stderr.write(
                f"pfp: note: {answer[3]['org']} is known to {known_to}; later days carry its "
                "last known standing forward\n"
            )
        if args.format == "json":
            _write_json(out, answer, args.command)
        elif args.format == "csv":
            _write_csv(out, answer)
        else:
            _write_table(out, answer)
        out.flush()
    except OSError as error:  # standard output closed, full, or its reader gone (a pipe)
        _silence(sys.stdout)
        sys.stderr.write(f"pfp: cannot write the answer: {error.strerror or error}\n")
        return OUTPUT_FAILED
    return ANSWERED


def _silence(out: TextIO) -> None:
    """Point ``out`` at the null device, so that the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
    except (OSError, ValueError):  # no file descriptor (a StringIO in tests): nothing to do
        pass
