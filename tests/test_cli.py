"""The ``pfp`` command, run for real in a subprocess: answers, formats, exit codes, help."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import pfp
from pfp import tables
from pfp.cli import COMMANDS

COMMAND_NAMES = [command.name for command in COMMANDS]


def run(*args: str, columns: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pfp ARGS`` and capture its output as text, with ``COLUMNS`` set to
    ``columns`` (None: unset, so that a table keeps each row on one line).
    """
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = str(columns)
    return subprocess.run(
        [sys.executable, "-m", "pfp", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
        env=env,
    )


def csv_rows(*args: str) -> list[dict[str, str]]:
    """The rows of ``pfp ARGS --format csv``, which must succeed."""
    done = run(*args, "--format", "csv")
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


def json_document(*args: str) -> dict[str, object]:
    """The document printed by ``pfp ARGS --format json``, which must succeed."""
    done = run(*args, "--format", "json")
    assert done.returncode == 0, done.stderr
    document: dict[str, object] = json.loads(done.stdout)
    return document


# -- the four questions of the issue ------------------------------------------------------


def test_members_table_lists_the_22_partners_of_3_august_1994() -> None:
    """`pfp members 1994-08-03` prints a title, a header, a rule and one line per partner;
    the day and the organisation are in the title, not repeated on every row.
    """
    done = run("members", "1994-08-03")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0] == "22 members of PfP on 1994-08-03"
    assert lines[1].split() == ["name", "iso2", "iso3", "since", "sources"]
    assert lines[3].split()[:4] == ["Albania", "AL", "ALB", "1994-02-23"]
    assert set(lines[2]) <= {"-", " "}
    assert len(lines) == 3 + 22
    assert done.stderr == ""


def test_members_csv_matches_the_library_and_cites_sources() -> None:
    """The CSV rows are the roster, in order, each with the source keys of its membership."""
    rows = csv_rows("members", "1994-08-03")
    roster = pfp.members_at("1994-08-03")
    assert [row["name"] for row in rows] == [c.name for c in roster]
    expected = {r["iso3"]: ";".join(r["sources"]) for r in tables.roster_records(roster)}
    assert {row["iso3"]: row["sources"] for row in rows} == expected
    assert all(row["sources"] for row in rows)


def test_status_of_malta_in_2000_is_withdrawn_since_october_1996() -> None:
    """`pfp status Malta 2000-01-01` answers withdrawn, since the withdrawal, with its sources."""
    (row,) = csv_rows("status", "Malta", "2000-01-01")
    assert (row["name"], row["status"], row["since"]) == ("Malta", "withdrawn", "1996-10-29")
    period = pfp.timeline("Malta")[3]
    assert row["sources"].split(";") == [s.key for s in period.sources]


def test_transitions_of_2004_are_the_library_transitions_each_sourced() -> None:
    """`pfp transitions 2004-01-01 2004-12-31` lists every change of 2004, each with sources."""
    rows = csv_rows("transitions", "2004-01-01", "2004-12-31")
    changes = pfp.transitions("2004-01-01", "2004-12-31")
    assert [(r["date"], r["name"], r["after"]) for r in rows] == [
        (str(t.date), t.country.name, t.after.value) for t in changes
    ]
    assert all(r["org"] == "PfP" and r["sources"] for r in rows)


def test_timeline_of_malta_lists_its_periods() -> None:
    """`pfp timeline Malta` gives the statuses of the library's timeline, in order."""
    rows = csv_rows("timeline", "Malta")
    assert [r["status"] for r in rows] == [p.status.value for p in pfp.timeline("Malta")]
    assert rows[0]["start"] == ""
    assert (rows[1]["start"], rows[1]["event"]) == ("1964-09-21", "state_began")
    assert rows[2]["start"] == "1995-04-26"
    assert all(r["sources"] for r in rows[1:])


def test_countries_lists_every_state_with_its_codes() -> None:
    """`pfp countries` gives one row per state pfp knows, with both ISO codes."""
    rows = csv_rows("countries")
    assert [(r["name"], r["iso2"], r["iso3"]) for r in rows] == [
        (c.name, c.iso2, c.iso3) for c in pfp.countries()
    ]
    assert {r["date"] for r in rows} == {str(pfp.DATA_AS_OF)}


def test_countries_on_a_day_gives_each_status_that_day() -> None:
    """`pfp countries --on DAY` reports every state's status on that day."""
    rows = csv_rows("countries", "--on", "1996-01-01")
    assert {r["iso3"]: r["status"] for r in rows} == {
        c.iso3: pfp.status_of(c, "1996-01-01").value for c in pfp.countries()
    }


# -- options --------------------------------------------------------------------------------


def test_org_option_asks_another_organisation() -> None:
    """`--org NATO` answers for NATO: 32 members the day Sweden joined."""
    rows = csv_rows("members", "2024-03-07", "--org", "NATO")
    assert len(rows) == 32
    assert "Sweden" in {r["name"] for r in rows}
    assert {r["org"] for r in rows} == {"NATO"}


def test_org_option_accepts_a_name_in_any_case() -> None:
    """`--org` accepts an organisation's name as well as its key."""
    rows = csv_rows("status", "Sweden", "2024-03-07", "--org", "north atlantic treaty organization")
    assert (rows[0]["org"], rows[0]["status"]) == ("NATO", "member")


def test_transitions_of_one_country() -> None:
    """`pfp transitions --country Malta` lists Malta's changes only, over all time."""
    rows = csv_rows("transitions", "--country", "Malta")
    assert [r["after"] for r in rows] == [t.after.value for t in pfp.transitions(country="Malta")]


def test_json_carries_the_data_version_and_source_lists() -> None:
    """JSON output states data_version and data_as_of, the query, and sources as lists."""
    document = json_document("members", "1994-08-03")
    assert document["data_version"] == pfp.DATA_VERSION
    assert document["data_as_of"] == str(pfp.DATA_AS_OF)
    assert document["command"] == "members"
    assert document["query"] == {"date": "1994-08-03", "org": "PfP"}
    assert document["count"] == 22
    rows = document["rows"]
    assert isinstance(rows, list)
    assert all(isinstance(row["sources"], list) and row["sources"] for row in rows)


def test_json_writes_open_dates_as_null() -> None:
    """A period with no start (since records began) has ``"start": null`` in JSON."""
    rows = json_document("timeline", "Malta")["rows"]
    assert isinstance(rows, list)
    assert rows[0]["start"] is None
    assert rows[-1]["last_day"] is None


@pytest.mark.parametrize(
    "args",
    [
        ("members", "1994-08-03"),
        ("status", "Malta", "2000-01-01"),
        ("transitions", "2004-01-01", "2004-12-31"),
        ("timeline", "Malta"),
        ("countries",),
    ],
)
@pytest.mark.parametrize("output", ["table", "csv", "json"])
def test_every_command_answers_in_every_format(args: tuple[str, ...], output: str) -> None:
    """Each of the five commands succeeds in each of the three formats, silent on stderr."""
    done = run(*args, "--format", output)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.endswith("\n")


# -- exit codes -------------------------------------------------------------------------------


def test_an_empty_answer_exits_0() -> None:
    """Before the PfP began there are no partners: a valid answer, exit status 0."""
    done = run("members", "1990-01-01")
    assert done.returncode == 0
    founded = pfp.organization("PfP").founded
    assert done.stdout == f"0 members of PfP on 1990-01-01 (PfP was founded on {founded})\n"


@pytest.mark.parametrize(
    ("args", "error", "expected"),
    [
        (
            ("status", "Maltaa", "2000-01-01"),
            lambda: pfp.country("Maltaa"),
            "no state is known as 'Maltaa'; did you mean 'Malta'",
        ),
        (
            ("members", "2000-13-01"),
            lambda: pfp.members_at("2000-13-01"),
            "cannot read '2000-13-01' as a date (no such calendar day); expected a day written "
            "YYYY-MM-DD, such as 1994-08-03",
        ),
        (
            ("members", "3 August 1994"),
            lambda: pfp.members_at("3 August 1994"),
            "cannot read '3 August 1994' as a date (not YYYY-MM-DD); expected a day written "
            "YYYY-MM-DD, such as 1994-08-03",
        ),
        (
            ("members", "2000-01-01", "--org", "SEATO"),
            lambda: pfp.members_at("2000-01-01", org="SEATO"),
            "no organisation is known as 'SEATO'; known: CSTO, ",
        ),
        (
            ("transitions", "2004-12-31", "2004-01-01"),
            lambda: pfp.transitions("2004-12-31", "2004-01-01"),
            "the range ends (2004-01-01) before it starts (2004-12-31); give the earlier day first",
        ),
        (
            ("timeline", "Xyzzyq"),
            lambda: pfp.timeline("Xyzzyq"),
            "no state is known as 'Xyzzyq'; pfp follows only the states in its data, and "
            "`pfp countries` lists them",
        ),
        (
            ("source", "seed-230"),
            lambda: pfp.source("seed-230"),
            "no source has key 'seed-230'; did you mean seed-23, seed-20, seed-38?",
        ),
        (
            ("panel", "2010", "2000"),
            lambda: pfp.tables.country_year_records(2010, 2000),
            "the range ends (2000) before it starts (2010); give the earlier year first",
        ),
    ],
)
def test_bad_input_exits_2_with_the_library_message_in_shell_words(
    args: tuple[str, ...], error: object, expected: str
) -> None:
    """Bad input exits 2, prints nothing on standard output, and gives the library's message
    on standard error in a shell user's words: days as YYYY-MM-DD and pfp's commands, never
    Python's types or functions.
    """
    assert callable(error)
    with pytest.raises(pfp.PfpError):
        error()
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"pfp {args[0]}: error: ")
    assert expected in done.stderr
    assert len(done.stderr.splitlines()) == 1
    for python in ("datetime", "pendulum", "pfp.", "()", "<=", "Traceback"):
        assert python not in done.stderr


def test_an_error_the_cli_does_not_translate_is_the_library_message() -> None:
    """A message with nothing Python-specific in it is the library's own, word for word."""
    with pytest.raises(pfp.UnknownCountryError) as raised:
        pfp.country("Maltaa")
    assert run("status", "Maltaa", "2000-01-01").stderr == f"pfp status: error: {raised.value}\n"


@pytest.mark.parametrize(
    "args", [(), ("members",), ("frobnicate",), ("members", "1994-08-03", "--format", "xml")]
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    """A missing or unknown command, argument or format is a usage error: exit 2 with usage."""
    done = run(*args)
    assert done.returncode == 2
    assert "usage: pfp" in done.stderr


def test_help_shows_examples_of_each_question() -> None:
    """`pfp --help` exits 0 and shows an example of each command."""
    done = run("--help")
    assert done.returncode == 0
    for example in (
        "pfp members 1994-08-03",
        "pfp status Malta 2000-01-01",
        "pfp transitions 2004-01-01 2004-12-31",
        "pfp timeline Malta",
        "pfp countries",
    ):
        assert example in done.stdout
    assert "exit status" in done.stdout


def test_subcommand_help_documents_org_and_format() -> None:
    """`pfp members --help` documents --org and --format."""
    done = run("members", "--help")
    assert done.returncode == 0
    assert "--org" in done.stdout
    assert "--format" in done.stdout


def test_version_names_the_library_the_data_and_its_as_of_day() -> None:
    """`pfp --version` prints the library's version and distribution, then the data's version
    and the day it is complete to.
    """
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        f"pfp {pfp.__version__} (distribution nato-pfp)",
        f"data {pfp.DATA_VERSION}, complete to {pfp.DATA_AS_OF}",
    ]


def test_main_returns_the_exit_status_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    """`pfp.cli.main` returns the status instead of exiting, for callers and the console script."""
    from pfp.cli import main  # noqa: PLC0415 - the module under test, not a public name

    assert main(["members", "1990-01-01"]) == 0
    assert main(["members", "nonsense"]) == 2
    assert main([]) == 2
    assert "cannot read 'nonsense' as a date" in capsys.readouterr().err


# -- shell habits: empty answers, new commands, widths, help, failures ---------------------


def test_an_empty_range_of_transitions_exits_0_with_count_0() -> None:
    """No change of PfP status in 2010: JSON says count 0 with no rows, and the exit status is 0
    (so that `set -e` scripts run on); the table is its title alone.
    """
    document = json_document("transitions", "2010-01-01", "2010-12-31")
    assert (document["count"], document["rows"]) == (0, [])
    assert pfp.transitions("2010-01-01", "2010-12-31") == ()
    table = run("transitions", "2010-01-01", "2010-12-31")
    assert (table.returncode, table.stdout) == (0, "0 changes in PfP, 2010-01-01 .. 2010-12-31\n")


def test_source_shows_title_publisher_date_and_url() -> None:
    """`pfp source nato-pr-2002-022` gives the record of the source behind Tajikistan's entry."""
    source = pfp.source("nato-pr-2002-022")
    rows = json_document("source", source.key)["rows"]
    assert isinstance(rows, list)
    (row,) = rows
    assert row == {
        "key": source.key,
        "title": source.title,
        "publisher": "NATO",
        "date": "2002-02-20",
        "precision": "day",
        "url": source.url,
        "archived_url": source.archived_url or None,
        "note": source.note or None,
    }
    table = run("source", source.key).stdout.splitlines()
    assert table[0] == f"source {source.key}"
    assert table[1].split() == ["key", source.key]
    assert ["publisher", "NATO"] in [line.split() for line in table]
    assert f"url           {source.url}" in table


def test_source_without_a_key_lists_every_source() -> None:
    """`pfp source --format csv` has one row per source of `pfp.sources()`, in order."""
    rows = csv_rows("source")
    assert [r["key"] for r in rows] == [s.key for s in pfp.sources()]
    assert [r["url"] for r in rows] == [s.url for s in pfp.sources()]


def test_orgs_lists_every_organisation_with_its_days() -> None:
    """`pfp orgs` gives each organisation's key, name, founding, end and review day."""
    rows = csv_rows("orgs")
    expected = [
        (o.key, o.name, str(o.founded), str(o.ended or ""), str(o.as_of or ""))
        for o in pfp.organizations()
    ]
    assert [(r["key"], r["name"], r["founded"], r["ended"], r["as_of"]) for r in rows] == expected
    nacc = next(r for r in rows if r["key"] == "NACC")
    assert (nacc["ended"], nacc["successor"]) == ("1997-05-29", "EAPC")
    document = json_document("orgs")
    assert document["count"] == len(pfp.organizations())
    table = run("orgs").stdout.splitlines()
    assert table[1].split() == ["key", "name", "founded", "ended", "as_of"]


def test_panel_csv_is_the_country_year_panel_of_the_library() -> None:
    """`pfp panel 1994 1996` is `pfp.tables.country_year_records(1994, 1996)`, row by row."""
    rows = csv_rows("panel", "1994", "1996")
    expected = tables.country_year_records(1994, 1996)
    assert list(rows[0]) == list(tables.COUNTRY_YEAR_COLUMNS)
    assert [(r["iso3"], int(r["year"]), r["status"]) for r in rows] == [
        (r["iso3"], r["year"], r["status"]) for r in expected
    ]
    malta = {int(r["year"]): r["status"] for r in rows if r["iso3"] == "MLT"}
    assert malta == {1994: "non_member", 1995: "member", 1996: "withdrawn"}


def test_panel_over_a_state_system_has_a_column_per_organisation() -> None:
    """`pfp panel 1990 1990 --system cow --orgs NATO PfP`: the 1990 COW states with both
    statuses; the two Germanies of 1990 as COW counts them.
    """
    document = json_document("panel", "1990", "1990", "--system", "cow", "--orgs", "NATO", "PfP")
    rows = document["rows"]
    assert isinstance(rows, list)
    assert document["query"] == {
        "start_year": 1990,
        "end_year": 1990,
        "system": "cow",
        "orgs": ["NATO", "PfP"],
    }
    expected = pfp.panels.state_year_records(1990, 1990, system="cow", orgs=["NATO", "PfP"])
    assert len(rows) == document["count"] == len(expected)
    germanies = {r["cow_code"]: r["nato_status"] for r in rows if r["iso3"] in ("DEU", "DDR")}
    assert germanies == {255: "member", 260: "member", 265: "non_member"}
    assert {"nato_status", "pfp_status"} <= set(rows[0])


def test_panel_parquet_to_a_file_and_to_standard_output(tmp_path: Path) -> None:
    """`--format parquet --output FILE` writes the library's frame; to standard output (a
    pipe) the same bytes.
    """
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    target = tmp_path / "panel.parquet"
    done = run("panel", "1994", "1995", "--format", "parquet", "--output", str(target))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    frame = pd.read_parquet(target)
    expected = tables.country_year_panel(1994, 1995)
    assert frame["iso3"].tolist() == expected["iso3"].tolist()
    assert frame["status"].tolist() == expected["status"].tolist()
    piped = subprocess.run(
        [sys.executable, "-m", "pfp", "panel", "1994", "1995", "--format", "parquet"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert piped.stdout[:4] == b"PAR1"
    assert pd.read_parquet(io.BytesIO(piped.stdout))["iso3"].tolist() == frame["iso3"].tolist()


def test_panel_parquet_without_pyarrow_exits_2_naming_the_extras() -> None:
    """Without pyarrow, `--format parquet` is bad input (exit 2) naming what to install."""
    code = (
        "import sys; sys.modules['pyarrow'] = None\n"
        "from pfp.cli import main\n"
        "raise SystemExit(main(['panel', '1994', '1995', '--format', 'parquet']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("pfp panel: error: --format parquet needs pandas and pyarrow")
    assert "'.[pandas,arrow]'" in done.stderr and "nato-pfp" in done.stderr


def test_panel_parquet_refuses_to_write_bytes_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Parquet is binary: to a terminal it is bad input, with the way to write it instead."""
    pytest.importorskip("pyarrow")
    from pfp.cli import main  # noqa: PLC0415 - the module under test, not a public name

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    assert main(["panel", "1994", "1994", "--format", "parquet"]) == 2
    assert "give --output FILE, or redirect standard output" in capsys.readouterr().err


TABLES = [
    ("members", "1994-08-03"),
    ("members", "2024-03-07", "--org", "NATO"),
    ("status", "Malta", "2000-01-01"),
    ("transitions", "2004-01-01", "2004-12-31"),
    ("transitions",),
    ("timeline", "Malta"),
    ("countries",),
    ("source", "seed-23"),
    ("source",),
    ("orgs",),
]


@pytest.mark.parametrize("args", TABLES)
def test_a_table_fits_80_columns_and_keeps_every_source_key(args: tuple[str, ...]) -> None:
    """With COLUMNS=80 every line of a table is at most 80 characters, and the sources column,
    wrapped, still holds every key the CSV gives.
    """
    done = run(*args, columns=80)
    assert done.returncode == 0
    assert max(len(line) for line in done.stdout.splitlines()) <= 80
    wide = run(*args, columns=1000).stdout
    assert max(len(line) for line in wide.splitlines()) > 80
    csv_text = run(*args, "--format", "csv").stdout
    keys = {key for row in csv.DictReader(io.StringIO(csv_text)) for key in _keys(row)}
    lines = done.stdout.splitlines()
    if keys:  # the sources column is the last: read it from where its header starts
        start = lines[1].index("sources")
        column = "".join(line[start:].strip() for line in lines[3:])
        assert all(key in column for key in keys)


def _keys(row: dict[str, str]) -> list[str]:
    return [key for key in row.get("sources", "").split(";") if key]


def test_a_table_written_to_a_pipe_keeps_each_row_on_one_line() -> None:
    """With no COLUMNS and no terminal, `pfp members 1994-08-03` has one line per partner."""
    lines = run("members", "1994-08-03").stdout.splitlines()
    assert len(lines) == 3 + 22


@pytest.mark.parametrize("command", COMMAND_NAMES)
def test_each_command_help_shows_its_own_examples(command: str) -> None:
    """`pfp COMMAND --help` shows examples of that command only, and the exit statuses."""
    done = run(command, "--help")
    assert done.returncode == 0
    examples = done.stdout.split("\nexamples:\n", 1)[1].split("\n\n", 1)[0]
    commands = re.findall(r"^  (pfp \S+)", examples, flags=re.MULTILINE)
    assert commands and set(commands) == {f"pfp {command}"}
    assert "  70   internal error" in done.stdout


def test_the_overview_help_shows_one_example_per_command() -> None:
    """`pfp --help` shows one example of each command."""
    done = run("--help")
    examples = done.stdout.split("\nexamples", 1)[1].split("\n\n", 1)[0]
    commands = re.findall(r"^  pfp (\S+)", examples, flags=re.MULTILINE)
    assert commands == COMMAND_NAMES


def test_an_unexpected_exception_exits_70_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug (here a RuntimeError inside a query) is no traceback but one line and status 70."""
    from pfp.cli import main  # noqa: PLC0415 - the module under test, not a public name

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the index is gone")

    monkeypatch.setattr(pfp, "members_at", broken)
    monkeypatch.delenv("PFP_DEBUG", raising=False)
    assert main(["members", "1994-08-03"]) == 70
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith("pfp: internal error (RuntimeError: the index is gone); this is a bug")
    monkeypatch.setenv("PFP_DEBUG", "1")
    assert main(["members", "1994-08-03"]) == 70
    assert "Traceback" in capsys.readouterr().err


ANNOTATE_CSV = (
    'iso3,day,note\nSWE,2024-03-06,a\nSWE,2024-03-07,"b, quoted"\nXXX,2000-01-01,c\n'
    ",2000-01-01,d\nMLT,2030-01-01,e\n"
)


def test_annotate_writes_the_csv_back_with_status_columns(tmp_path: Path) -> None:
    """`pfp annotate FILE`: every row and cell as written, plus the statuses pfp.annotate gives;
    an unknown country is one warning on standard error and an empty cell.
    """
    events = tmp_path / "events.csv"
    events.write_text(ANNOTATE_CSV, encoding="utf-8")
    done = run(
        "annotate", str(events), "--country", "iso3", "--date", "day", "--orgs", "PfP", "NATO"
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0]) == ["iso3", "day", "note", "pfp_status", "nato_status", "beyond_data"]
    assert [r["note"] for r in rows] == ["a", "b, quoted", "c", "d", "e"]
    assert [(r["pfp_status"], r["nato_status"]) for r in rows] == [
        ("member", "invited"),
        ("nato_member", "member"),
        ("", ""),
        ("", ""),
        ("member", "non_member"),
    ]
    assert [r["beyond_data"] for r in rows] == ["False"] * 4 + ["True"]
    assert done.stderr.count("\n") == 1 and "'XXX'" in done.stderr
    assert "--unknown raise" in done.stderr


def test_annotate_reads_standard_input_and_refuses_bad_input_with_exit_2(tmp_path: Path) -> None:
    """`-` reads standard input; a missing file, a missing column, --unknown raise and
    --beyond raise exit 2 with one line in shell words.
    """
    done = subprocess.run(
        [sys.executable, "-m", "pfp", "annotate", "-", "--country", "iso3", "--date", "day"],
        input=ANNOTATE_CSV.replace("XXX", "FIN").replace("MLT", "FIN"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.splitlines()[1] == "SWE,2024-03-06,a,member,False"
    events = tmp_path / "events.csv"
    events.write_text(ANNOTATE_CSV, encoding="utf-8")
    for args, says in [
        ((str(tmp_path / "none.csv"),), "cannot read"),
        ((str(events), "--country", "nation"), "--country and --date name them"),
        ((str(events), "--country", "iso3", "--date", "day", "--unknown", "raise"), "'XXX'"),
        ((str(events), "--country", "iso3", "--date", "day", "--beyond", "raise"), "--beyond"),
    ]:
        failed = run("annotate", *args)
        assert failed.returncode == 2, args
        assert says in failed.stderr and failed.stderr.count("\n") == 1, failed.stderr
