"""The ``pfp`` command line: the library's questions, answered as a table, CSV or JSON.

``python -m pfp`` and the ``pfp`` console script run :func:`main`. Every row that rests on an
event cites its source keys. Exit status (:data:`EXIT_STATUSES`): 0 for an answer (an empty one
too: "no changes in 2010" is an answer), 1 when ``pfp check`` finds problems in a data folder,
2 for bad input, 3 when the answer could not be written (standard output closed or full), 70
for an internal error (a bug in pfp), 130 when interrupted; the reason is one line on standard
error.

Each subcommand is one :class:`Command` in :data:`COMMANDS`: its name, summary, examples, its
arguments and the function that runs it. A question that answers with rows is a function in
``pfp._questions`` wrapped by ``_answered``; a command that writes something else (``pfp
panel``'s Parquet, ``pfp check``'s problems, ``pfp annotate FILE.csv`` writing the
annotated CSV) is a runner of its own, ``run(args, out) -> exit status``. Either way, a new
command is one function and one more entry in COMMANDS.

>>> from pfp.cli import main
>>> main(["status", "Malta", "2000-01-01", "--format", "csv"])
name,iso2,iso3,org,date,status,since,sources
Malta,MT,MLT,PfP,2000-01-01,withdrawn,1996-10-29,...
0
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import textwrap
import traceback
import warnings
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TextIO

import pfp
from pfp import _questions as ask
from pfp import panels, rows, tables
from pfp._terminal import Answer, shell_words, write_answer
from pfp.citation import DISTRIBUTION

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


def _write(out: TextIO, answer: Answer, args: argparse.Namespace) -> None:
    data = {"data_version": str(pfp.DATA_VERSION), "data_as_of": str(pfp.DATA_AS_OF)}
    write_answer(out, answer, form=args.format, command=args.command, data=data)


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
        if args.output is None and out.isatty():
            raise pfp.InvalidArgumentError(
                "Parquet is binary: give --output FILE, or redirect standard output"
            )
        data = _parquet(args)
        if args.output is not None:
            with open(args.output, "wb") as file:
                file.write(data)
            return ANSWERED
        out.flush()
        out.buffer.write(data)
        out.buffer.flush()
        return ANSWERED
    answer = ask.panel(args)
    if args.output is None:
        _write(out, answer, args)
        return ANSWERED
    with open(args.output, "w", encoding="utf-8", newline="") as file:
        _write(file, answer, args)
    return ANSWERED


def _annotate(args: argparse.Namespace, out: TextIO) -> int:
    """``pfp annotate FILE``: the CSV with one status column per organisation, as CSV."""
    pd = rows.pandas()  # or a MissingExtraError naming the extra: exit status 2
    source = sys.stdin if args.file == "-" else args.file
    try:  # every cell as text, as written: only an empty cell is missing
        frame = pd.read_csv(source, dtype=str, keep_default_na=False, na_values=[""])
    except (OSError, ValueError) as error:  # no such file, not CSV
        raise pfp.InvalidArgumentError(f"cannot read {args.file} as CSV: {error}") from None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pfp.UnknownCountryWarning)
        found = pfp.annotate(
            frame,
            country=args.country,
            date=args.date,
            orgs=args.orgs or (pfp.history().default_org,),
            code=args.code,
            unknown=args.unknown,
            beyond=args.beyond,
        )
    for warning in caught:
        sys.stderr.write(f"pfp annotate: warning: {shell_words(str(warning.message))}\n")
    if args.output is None:
        found.to_csv(out, index=False)
        return ANSWERED
    with open(args.output, "w", encoding="utf-8", newline="") as file:
        found.to_csv(file, index=False)
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

    >>> from pfp.cli import COMMANDS
    >>> members = COMMANDS[0]
    >>> members.name, members.examples[0][0]
    ('members', 'pfp members 1994-08-03')
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


def _orgs_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--orgs",
        nargs="+",
        metavar="ORG",
        help="one <org>_status column per organisation, by key or name (default: the PfP)",
    )


def _panel_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("start_year", type=int, help="the first year, such as 1994")
    parser.add_argument("end_year", type=int, help="the last year, such as 2024")
    _orgs_argument(parser)
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


def _annotate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a CSV file with a header row; - reads stdin")
    parser.add_argument(
        "--country",
        default="country",
        metavar="COLUMN",
        help="the column naming each row's state: names and ISO codes, mixed (default: country)",
    )
    parser.add_argument(
        "--date",
        default="date",
        metavar="COLUMN",
        help="the column of each row's day, YYYY-MM-DD (default: date)",
    )
    _orgs_argument(parser)
    parser.add_argument(
        "--code",
        choices=("cow", "gw"),
        help="the country column holds COW or Gleditsch-Ward numbers, read as held that day",
    )
    parser.add_argument(
        "--unknown",
        choices=("na", "raise"),
        default="na",
        help="an unknown country: an empty status and one warning (na, the default), or exit 2",
    )
    parser.add_argument(
        "--beyond",
        choices=("carry", "null", "raise"),
        default="carry",
        help="a day after an organisation's review day: its last known status (carry, the "
        "default), an empty status (null), or exit 2 (raise); beyond_data marks those rows",
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
        _answered(ask.members),
    ),
    Command(
        "status",
        "a state's status on a day, since when, and its sources",
        (
            ("pfp status Malta 2000-01-01", "Malta's standing that day, since when, and why"),
            ("pfp status SWE 2024-03-07 --org NATO", "a state by its ISO code"),
        ),
        _state_and_day,
        _answered(ask.status),
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
        _answered(ask.transitions),
    ),
    Command(
        "timeline",
        "a state's periods, one status each, and their sources",
        (
            ("pfp timeline Malta", "Malta's periods in the PfP"),
            ("pfp timeline Malta --format json", "the same, for a script"),
        ),
        _state,
        _answered(ask.timeline),
    ),
    Command(
        "countries",
        "every state pfp knows, with its status on a day",
        (
            ("pfp countries --format csv > states.csv", "every state pfp knows, with its codes"),
            ("pfp countries --on 1996-01-01 --org NATO", "every state's NATO status that day"),
        ),
        _on,
        _answered(ask.countries),
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
        _answered(ask.source),
    ),
    Command(
        "orgs",
        "every organisation pfp follows: key, name, founded, ended, reviewed to",
        (
            ("pfp orgs", "the organisations, with the day each is known to (as_of)"),
            ("pfp orgs --format json | jq -r '.rows[].key'", "their keys, one a line"),
        ),
        _nothing,
        _answered(ask.orgs),
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
        "annotate",
        "a CSV file with each row's status on its day added, as CSV",
        (
            (
                "pfp annotate events.csv --country iso3 --date day --orgs PfP NATO",
                "events.csv with pfp_status, nato_status and beyond_data columns",
            ),
            (
                "pfp annotate panel.csv --country ccode --date year_end --code cow",
                "COW numbers, each read as held on the row's day",
            ),
            ("cat events.csv | pfp annotate - > annotated.csv", "from standard input"),
        ),
        _annotate_arguments,
        _annotate,
        common=False,
        description="The rows and columns of FILE as they are, in the same order, with one "
        "<org>_status column per organisation and beyond_data (see pfp.annotate). Unknown "
        "countries get an empty status and one warning on standard error. Needs pandas.",
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
            f"pfp {pfp.__version__} (distribution {DISTRIBUTION})\n"
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
