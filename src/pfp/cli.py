"""The ``pfp`` command line: the library's questions, answered as a table, CSV or JSON.

``python -m pfp`` and the ``pfp`` console script run :func:`main`. Every row that rests on an
event cites its source keys. Exit status (:data:`EXIT_STATUSES`): 0 for an answer (an empty one
too: "no changes in 2010" is an answer), 1 when ``pfp check`` finds problems in a data folder,
2 for bad input, 3 when the answer could not be written (standard output closed or full), 70
for an internal error (a bug in pfp), 130 when interrupted; the reason is one line on standard
error.

Each subcommand is one :class:`Command` in :data:`COMMANDS`: its name, summary, examples, its
arguments and the function that answers it. A new command is one more function and one more
entry there.

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
import io
import json
import os
import sys
import textwrap
import traceback
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TextIO

import pfp
from pfp import panels, tables
from pfp._terminal import shell_words, table_lines, terminal_width
from pfp.dates import to_date
from pfp.display import cell

__all__ = ["COMMANDS", "EXIT_STATUSES", "Answer", "Command", "build_parser", "main"]

ANSWERED, PROBLEMS_FOUND, BAD_INPUT, OUTPUT_FAILED = 0, 1, 2, 3
INTERNAL_ERROR = 70
"""An unexpected exception: a bug in pfp (70 is ``EX_SOFTWARE`` of BSD's ``sysexits.h``)."""
INTERRUPTED = 130
"""Stopped by Ctrl-C (SIGINT), as shells report it: 128 + 2."""

EXIT_STATUSES = {
    ANSWERED: "answered (an empty answer too)",
    PROBLEMS_FOUND: "pfp check found problems",
    BAD_INPUT: "bad input",
    OUTPUT_FAILED: "output not written",
    INTERNAL_ERROR: "internal error (a bug in pfp)",
    INTERRUPTED: "interrupted",
}
"""Every exit status ``pfp`` returns, and what it means."""

FORMATS = ("table", "csv", "json")
PANEL_FORMATS = ("csv", "json", "parquet")
PARQUET_EXTRA = (
    "--format parquet needs pandas and pyarrow: pip install pandas pyarrow, or install pfp "
    "with its extras: pip install -e '.[pandas,arrow]' in pfp's checkout (the distribution "
    "nato-pfp)"
)

_FOOTER = (
    "dates are ISO 8601 days (YYYY-MM-DD); states are found by any name, former name or ISO\n"
    "code; a table fits the terminal (or COLUMNS); CSV and JSON hold every column.\n\n"
    "exit status (the reason, if any, is one line on standard error):\n"
    + "\n".join(f"  {code:<4} {meaning}" for code, meaning in EXIT_STATUSES.items())
)


# -- answers -------------------------------------------------------------------------------


class Answer(NamedTuple):
    """What a command found: a title, its columns and rows, and the question as asked.

    ``table_columns`` are the columns a table shows (those the title states are left out);
    ``vertical`` shows a one-row answer as one field per line.
    """

    title: str
    columns: Sequence[str]
    rows: Sequence[tables.Record]
    query: dict[str, Any]
    table_columns: Sequence[str] | None = None
    vertical: bool = False


def _without(columns: Sequence[str], *stated: str) -> tuple[str, ...]:
    return tuple(c for c in columns if c not in stated)


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
    columns = tables.ROSTER_COLUMNS
    shown = _without(columns, "date", "org")
    return Answer(title, columns, tables.roster_records(roster), query, shown)


def _status(args: argparse.Namespace) -> Answer:
    row = tables.status_record(args.country, args.date, org=_org(args))
    title = f"{row['name']} in {row['org']} on {row['date']}: {row['status']}"
    query = {"country": row["name"], "date": row["date"], "org": row["org"]}
    as_of = pfp.organization(row["org"]).as_of
    if as_of is not None and row["date"] > as_of:
        query["known_to"] = as_of
    columns = tables.STATUS_COLUMNS
    return Answer(title, columns, [row], query, _without(columns, "org", "date"))


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
    columns = tables.TRANSITION_COLUMNS
    shown = _without(columns, "org", "iso2")  # the title names the org; iso3 names the state
    return Answer(f"{title}, {start} .. {end}", columns, rows, query, shown)


_TIMELINE_COLUMNS = tuple(c for c in tables.PERIOD_COLUMNS if c != "end")


def _timeline(args: argparse.Namespace) -> Answer:
    org = _org(args)
    state = pfp.country(args.country)
    rows = pfp.timeline(state, org=org).to_records()
    query = {"country": state.name, "org": org}
    title = f"{state.name} ({state.iso3}) in {org}, period by period"
    shown = _without(_TIMELINE_COLUMNS, "name", "iso2", "iso3", "org")
    return Answer(title, _TIMELINE_COLUMNS, rows, query, shown)


def _countries(args: argparse.Namespace) -> Answer:
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


def _source(args: argparse.Namespace) -> Answer:
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


def _orgs(args: argparse.Namespace) -> Answer:
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


def _panel_records(args: argparse.Namespace) -> Answer:
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


# -- writing an answer ---------------------------------------------------------------------


def _text(value: object, *, empty: str) -> str:
    return empty if value is None else cell(value, separator=";")


def _json_value(value: object) -> object:
    if isinstance(value, (tuple, list)):
        return [_json_value(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _write_table(out: TextIO, answer: Answer) -> None:
    width = terminal_width(out)
    out.write(answer.title + "\n")
    if not answer.rows:
        return
    columns = answer.table_columns or answer.columns
    if answer.vertical:
        (row,) = answer.rows
        cells = [[c, _text(row[c], empty="-")] for c in columns]
        lines = table_lines(["field", "value"], cells, width=width)[2:]
    else:
        cells = [[_text(row[c], empty="-") for c in columns] for row in answer.rows]
        lines = table_lines(columns, cells, width=width)
    for line in lines:
        out.write(line + "\n")


def _write_csv(out: TextIO, answer: Answer) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(answer.columns)
    writer.writerows([_text(row[c], empty="") for c in answer.columns] for row in answer.rows)


def _write_json(out: TextIO, answer: Answer, command: str) -> None:
    document = {
        "data_version": str(pfp.DATA_VERSION),
        "data_as_of": str(pfp.DATA_AS_OF),
        "command": command,
        "query": {key: _json_value(value) for key, value in answer.query.items()},
        "count": len(answer.rows),
        "rows": [{c: _json_value(row[c]) for c in answer.columns} for row in answer.rows],
    }
    out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _write(out: TextIO, answer: Answer, args: argparse.Namespace) -> None:
    if args.format == "json":
        _write_json(out, answer, args.command)
    elif args.format == "csv":
        _write_csv(out, answer)
    else:
        _write_table(out, answer)


def _note_known_to(answer: Answer) -> None:
    known_to = answer.query.get("known_to")
    if known_to is not None:
        sys.stderr.write(
            f"pfp: note: {answer.query['org']} is known to {known_to}; later days carry its "
            "last known standing forward\n"
        )


def _answered(answer: Callable[[argparse.Namespace], Answer]) -> Callable[..., int]:
    """A command that answers a question, written to standard output in ``--format``."""

    def run(args: argparse.Namespace, out: TextIO) -> int:
        found = answer(args)
        _note_known_to(found)
        _write(out, found, args)
        return ANSWERED

    return run


def _parquet(args: argparse.Namespace) -> bytes:
    try:
        import pandas  # type: ignore[import-not-found, unused-ignore]  # noqa: F401, PLC0415
        import pyarrow  # type: ignore[import-not-found, unused-ignore]  # noqa: F401, PLC0415
    except ImportError as error:
        raise pfp.InvalidArgumentError(PARQUET_EXTRA) from error
    frame = tables.country_year_panel(
        args.start_year, args.end_year, orgs=args.orgs, system=args.system
    )
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def _panel(args: argparse.Namespace, out: TextIO) -> int:
    """``pfp panel``: CSV or JSON text, or Parquet bytes, to standard output or ``--output``."""
    if args.format == "parquet":
        data = _parquet(args)
        if args.output is not None:
            with open(args.output, "wb") as file:
                file.write(data)
            return ANSWERED
        if out.isatty():
            raise pfp.InvalidArgumentError(
                "Parquet is binary: give --output FILE, or redirect standard output"
            )
        out.flush()
        out.buffer.write(data)
        out.buffer.flush()
        return ANSWERED
    answer = _panel_records(args)
    if args.output is None:
        _write(out, answer, args)
        return ANSWERED
    with open(args.output, "w", encoding="utf-8", newline="") as file:
        _write(file, answer, args)
    return ANSWERED


def _check(args: argparse.Namespace, out: TextIO) -> int:
    """``pfp check PATH``: validate a data folder, one line per problem."""
    path = args.path
    try:
        found = pfp.History.from_folder(path)
    except pfp.DataError as error:
        for problem in error.problems:
            out.write(f"{problem}\n")
        count = len(error.problems)
        sys.stderr.write(f"pfp check: {count} problem{'s' * (count != 1)} in {path}\n")
        return PROBLEMS_FOUND
    out.write(
        f"{path}: no problems; {len(found.events())} events, {len(found.countries())} states, "
        f"{len(found.organizations())} organisations, data {found.version} "
        f"complete to {found.as_of}\n"
    )
    return ANSWERED


# -- the commands ----------------------------------------------------------------------------


class Command(NamedTuple):
    """One subcommand: its name, what it does, its examples, its arguments and its runner.

    ``examples`` are (command line, what it shows) pairs, shown by the command's ``--help``;
    the first is also shown by ``pfp --help``. ``arguments`` adds the command's own arguments
    to its parser; ``run(args, out)`` writes the answer to ``out`` and returns the exit status.
    ``common`` commands take ``--org`` and ``--format table|csv|json``.
    """

    name: str
    summary: str
    examples: tuple[tuple[str, str], ...]
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO], int]
    common: bool = True
    description: str = ""


def _day(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("date", help="the day, YYYY-MM-DD")


def _state_and_day(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("country", help="a name, former name, alias or ISO code")
    parser.add_argument("date", help="the day, YYYY-MM-DD")


def _range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("start", nargs="?", help="the first day, YYYY-MM-DD (default: all)")
    parser.add_argument("end", nargs="?", help="the last day, YYYY-MM-DD (default: all)")
    parser.add_argument("--country", help="only this state's changes")


def _state(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("country", help="a name, former name, alias or ISO code")


def _on(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--on", help="the day of the status column (default: the data's as-of day)")


def _key(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", nargs="?", help="a source key, as the sources column cites it")


def _nothing(parser: argparse.ArgumentParser) -> None:
    return None


def _panel_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("start_year", type=int, help="the first year, such as 1994")
    parser.add_argument("end_year", type=int, help="the last year, such as 2024")
    parser.add_argument(
        "--orgs",
        nargs="+",
        metavar="ORG",
        help="one <org>_status column per organisation, by key or name (default: the PfP)",
    )
    parser.add_argument(
        "--system",
        choices=panels.SYSTEM_NAMES,
        default="pfp",
        help="the states: cow (Correlates of War), gw (Gleditsch-Ward), iso (ISO 3166), or pfp "
        "(the default: the states of the events)",
    )
    parser.add_argument(
        "--format",
        choices=PANEL_FORMATS,
        default="csv",
        help="csv (the default), json (with the data's version), or parquet (binary; needs "
        "pandas and pyarrow)",
    )
    parser.add_argument("--output", metavar="FILE", help="write to FILE, not standard output")


def _folder(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="the folder")


COMMANDS: tuple[Command, ...] = (
    Command(
        "members",
        "the members (partners) on a day",
        (
            ("pfp members 1994-08-03", "the 22 partners on 3 August 1994"),
            ("pfp members 2024-03-07 --org NATO", "NATO's members the day Sweden joined"),
            ("pfp members 1990-01-01", "none yet: an empty answer, exit status 0"),
        ),
        _day,
        _answered(_members),
    ),
    Command(
        "status",
        "a state's status on a day, since when, and its sources",
        (
            ("pfp status Malta 2000-01-01", "Malta's standing that day, since when, and why"),
            ("pfp status SWE 2024-03-07 --org NATO", "a state by its ISO code"),
        ),
        _state_and_day,
        _answered(_status),
    ),
    Command(
        "transitions",
        "every change of status between two days",
        (
            ("pfp transitions 2004-01-01 2004-12-31", "every change of status in 2004"),
            ("pfp transitions --country Sweden --org NATO", "Sweden's road into NATO"),
            ("pfp transitions 2010-01-01 2010-12-31 --format json | jq .count", "0, exit 0"),
        ),
        _range,
        _answered(_transitions),
    ),
    Command(
        "timeline",
        "a state's periods, one status each, and their sources",
        (
            ("pfp timeline Malta", "Malta's periods in the PfP"),
            ("pfp timeline Malta --format json", "the same, for a script"),
        ),
        _state,
        _answered(_timeline),
    ),
    Command(
        "countries",
        "every state pfp knows, with its status on a day",
        (
            ("pfp countries --format csv > states.csv", "every state pfp knows, with its codes"),
            ("pfp countries --on 1996-01-01 --org NATO", "every state's NATO status that day"),
        ),
        _on,
        _answered(_countries),
    ),
    Command(
        "source",
        "a source's title, publisher, date and URL, by its key (no key: every source)",
        (
            ("pfp source seed-23", "the source cited as seed-23"),
            ("pfp source nato-pr-2002-022 --format json | jq -r '.rows[0].url'", "its URL"),
            ("pfp source --format csv > sources.csv", "every source the data cites"),
        ),
        _key,
        _answered(_source),
    ),
    Command(
        "orgs",
        "every organisation pfp follows: key, name, founded, ended, reviewed to",
        (
            ("pfp orgs", "the organisations, with the day each is known to (as_of)"),
            ("pfp orgs --format json | jq -r '.rows[].key'", "their keys, one a line"),
        ),
        _nothing,
        _answered(_orgs),
    ),
    Command(
        "panel",
        "a state-year panel from START_YEAR to END_YEAR, as CSV, JSON or Parquet",
        (
            ("pfp panel 1994 2024 > panel.csv", "every state of the events, year by year"),
            (
                "pfp panel 1949 2016 --system cow --orgs NATO PfP --format json",
                "every COW state-year, with NATO and PfP columns",
            ),
            (
                "pfp panel 1991 2024 --system gw --format parquet --output panel.parquet",
                "a Parquet file (needs pandas and pyarrow)",
            ),
        ),
        _panel_arguments,
        _panel,
        common=False,
        description="Each row is a state and a year, with its status on 31 December (or on "
        "its last day in the system that year). The columns are those of "
        "pfp.tables.country_year_panel for the same options.",
    ),
    Command(
        "check",
        "check a data folder laid out like pfp's own: every problem, with file and line",
        (("pfp check path/to/_data", "check a data folder: every problem, file and line"),),
        _folder,
        _check,
        common=False,
        description="Read and validate every file of a data folder (events.csv, countries.csv, "
        "..., dataset.toml) in one pass. Prints a one-line summary and exits 0 when the data is "
        "sound; prints one line per problem and exits 1 otherwise; exits 2 for a path that is "
        "not a folder.",
    ),
)
"""Every subcommand, in the order ``pfp --help`` lists them."""


def _examples(pairs: Sequence[tuple[str, str]]) -> str:
    width = max(len(line) for line, _ in pairs)
    if width > 48:
        return "\n".join(f"  {line}\n      {what}" for line, what in pairs)
    return "\n".join(f"  {line.ljust(width)}  {what}" for line, what in pairs)


class _Version(argparse.Action):
    """``--version``: the library's version, its data's version and as-of day (read on use)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help=kwargs.get("help"))

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        sys.stdout.write(
            f"pfp {pfp.__version__} (distribution nato-pfp)\n"
            f"data {pfp.DATA_VERSION}, complete to {pfp.DATA_AS_OF}\n"
        )
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The ``pfp`` argument parser, with one subcommand per :class:`Command` of COMMANDS.

    >>> from pfp.cli import build_parser
    >>> build_parser().parse_args(["members", "1994-08-03"]).date
    '1994-08-03'
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--org",
        default=None,
        help="the organisation, by key, name or alias: PfP (the default), NATO, ...; "
        "`pfp orgs` lists them",
    )
    common.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default, for people: fits the terminal), csv, or json (with the data's "
        "version)",
    )
    overview = _examples([command.examples[0] for command in COMMANDS])
    parser = argparse.ArgumentParser(
        prog="pfp",
        description="NATO's Partnership for Peace, day by day: who took part, and every source.",
        epilog=f"examples (`pfp COMMAND --help` shows more):\n{overview}\n\n{_FOOTER}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action=_Version,
        help="print pfp's version, the data's version and the day it is complete to",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name,
            parents=[common] if command.common else [],
            help=command.summary,
            description=textwrap.fill(command.description or command.summary, 79),
            epilog=f"examples:\n{_examples(command.examples)}\n\n{_FOOTER}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as stop:  # --help, --version, or a usage error (argparse exits 2)
            return stop.code if isinstance(stop.code, int) else BAD_INPUT
        out = sys.stdout
        try:
            status: int = args.run(args, out)
        except pfp.PfpError as error:
            sys.stderr.write(f"pfp {args.command}: error: {shell_words(str(error))}\n")
            return BAD_INPUT
        out.flush()
    except OSError as error:  # standard output closed, full, or its reader gone (a pipe)
        _silence(sys.stdout)
        where = f" to {error.filename}" if error.filename else ""
        sys.stderr.write(f"pfp: cannot write the answer{where}: {error.strerror or error}\n")
        return OUTPUT_FAILED
    return status


def main(argv: list[str] | None = None) -> int:
    """Run the ``pfp`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    >>> from pfp.cli import main
    >>> main(["members", "1994-01-31", "--format", "csv"])
    date,org,name,iso2,iso3,since,sources
    1994-01-31,PfP,Lithuania,LT,LTU,1994-01-27,...
    1994-01-31,PfP,Romania,RO,ROU,1994-01-26,...
    0

    An unexpected exception is a bug: one line on standard error, exit status 70
    (``PFP_DEBUG=1`` in the environment prints the traceback too).
    """
    try:
        return _run(argv)
    except KeyboardInterrupt:
        sys.stderr.write("pfp: interrupted\n")
        return INTERRUPTED
    except Exception as error:
        if os.environ.get("PFP_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(
            f"pfp: internal error ({type(error).__name__}: {error}); this is a bug in pfp: "
            "please report it with the command you ran (PFP_DEBUG=1 shows the traceback)\n"
        )
        return INTERNAL_ERROR


def _silence(out: TextIO) -> None:
    """Point ``out`` at the null device, so that the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # no file descriptor (a StringIO)
        pass
