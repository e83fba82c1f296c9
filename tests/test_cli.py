"""The ``pfp`` command, run for real in a subprocess: answers, formats, exit codes, help."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

import pfp
from pfp import tables


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pfp ARGS`` and capture its output as text."""
    return subprocess.run(
        [sys.executable, "-m", "pfp", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
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
    """`pfp members 1994-08-03` prints a title, a header, a rule and one line per partner."""
    done = run("members", "1994-08-03")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0] == "22 members of PfP on 1994-08-03"
    assert lines[1].split()[:3] == ["date", "org", "name"]
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
    ("args", "error"),
    [
        (("status", "Maltaa", "2000-01-01"), lambda: pfp.country("Maltaa")),
        (("members", "2000-13-01"), lambda: pfp.members_at("2000-13-01")),
        (("members", "3 August 1994"), lambda: pfp.members_at("3 August 1994")),
        (
            ("members", "2000-01-01", "--org", "SEATO"),
            lambda: pfp.members_at("2000-01-01", org="SEATO"),
        ),
        (
            ("transitions", "2004-12-31", "2004-01-01"),
            lambda: pfp.transitions("2004-12-31", "2004-01-01"),
        ),
        (("timeline", "Narnia"), lambda: pfp.timeline("Narnia")),
    ],
)
def test_bad_input_exits_2_with_the_library_message(args: tuple[str, ...], error: object) -> None:
    """Bad input exits 2, prints nothing, and puts the library's own message on stderr."""
    assert callable(error)
    with pytest.raises(pfp.PfpError) as raised:
        error()
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert str(raised.value) in done.stderr
    assert done.stderr.startswith(f"pfp {args[0]}: error: ")


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


def test_version() -> None:
    """`pfp --version` prints the package version."""
    done = run("--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"pfp {pfp.__version__}")


def test_main_returns_the_exit_status_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    """`pfp.cli.main` returns the status instead of exiting, for callers and the console script."""
    from pfp.cli import main  # noqa: PLC0415 - the module under test, not a public name

    assert main(["members", "1990-01-01"]) == 0
    assert main(["members", "nonsense"]) == 2
    assert main([]) == 2
    assert "cannot read 'nonsense' as a date" in capsys.readouterr().err
