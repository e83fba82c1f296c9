"""Tables fitted to a width, and library messages in shell words (``pfp._terminal``)."""

from __future__ import annotations

import pytest

import pfp
from pfp._terminal import shell_words, table_lines, wrap

ROWS = [
    ["2004-03-29", "Bosnia and Herzegovina", "reactivation_request", "seed-23;nato-pr-2004-028"],
    ["1994-01-26", "Romania", "signature", "seed-23"],
]
COLUMNS = ["date", "name", "event", "sources"]


@pytest.mark.parametrize("width", [200, 80, 60, 48, 40])
def test_a_table_fits_the_width_it_is_given(width: int) -> None:
    """Each line is at most ``width`` wide, as long as the headers fit."""
    lines = table_lines(COLUMNS, ROWS, width=width)
    assert max(len(line) for line in lines) <= width


def test_a_table_that_fits_is_not_wrapped() -> None:
    """At 200 columns each row is one line, cells whole."""
    lines = table_lines(COLUMNS, ROWS, width=200)
    assert len(lines) == 2 + len(ROWS)
    assert lines[2].split("  ")[0] == "2004-03-29"


def test_the_sources_wrap_first_and_days_stay_whole() -> None:
    """8 columns too narrow (74 for 82): only the sources wrap, at their ``;``; at 40 the
    other cells wrap too, but every day stays one piece.
    """
    lines = table_lines(COLUMNS, ROWS, width=74)
    assert lines[2].split()[0] == "2004-03-29"
    assert lines[2].endswith("seed-23;")
    assert lines[3].strip() == "nato-pr-2004-028"
    assert lines[2].split("  ")[1] == "Bosnia and Herzegovina"
    narrow = table_lines(COLUMNS, ROWS, width=40)
    assert [line[:10] for line in narrow[2:] if line[:1].isdigit()] == ["2004-03-29", "1994-01-26"]


def test_no_width_keeps_every_row_on_one_line() -> None:
    """``width=None`` (a file or a pipe) never wraps."""
    assert len(table_lines(COLUMNS, ROWS, width=None)) == 4


@pytest.mark.parametrize("width", [1, 3, 7, 12, 30])
def test_wrap_keeps_every_character_and_each_line_within_the_width(width: int) -> None:
    """Wrapped lines are at most ``width`` long and hold the text, spaces at breaks aside."""
    text = "Bosnia and Herzegovina; slovenia-gov-2004-03-29;bta_2004"
    lines = wrap(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_shell_words_leave_no_python_in_the_library_messages() -> None:
    """Date, range and unknown-state messages speak of days and commands, not of Python."""
    messages = []
    for call in (
        lambda: pfp.members_at("1994-8-3"),
        lambda: pfp.transitions("2004-12-31", "2004-01-01"),
        lambda: pfp.country("Xyzzyq"),
        lambda: pfp.tables.country_year_records(2010, 2000),  # type: ignore[attr-defined]
    ):
        with pytest.raises(pfp.PfpError) as raised:
            call()
        messages.append(shell_words(str(raised.value)))
    for message in messages:
        for python in ("datetime", "pendulum", "pfp.", "()", "<="):
            assert python not in message, message
    assert "YYYY-MM-DD, such as 1994-08-03" in messages[0]
    assert "`pfp countries` lists them" in messages[2]
