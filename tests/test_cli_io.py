"""The command line when its output cannot be written: a full disk, a reader that left.

``pfp ... > /dev/full`` and ``pfp ... | head -c 10`` must end with one line on standard error
saying what went wrong, no traceback, and a non-zero exit status that ``pfp --help`` documents.
"""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

FORMATS = ["table", "csv", "json"]
PIPE_SIZE = 4096
"""The smallest pipe Linux makes: any answer longer than this must wait for its reader."""


def _pfp(*args: str) -> list[str]:
    return [sys.executable, "-m", "pfp", *args]


def _documented_statuses() -> set[int]:
    """The exit statuses the ``exit status`` block of ``pfp --help`` lists, one a line."""
    done = subprocess.run(_pfp("--help"), capture_output=True, text=True, check=True, timeout=60)
    block = done.stdout.split("\nexit status", 1)[1].split("\n\n", 1)[0]
    return {int(number) for number in re.findall(r"^  (\d+) ", block, flags=re.MULTILINE)}


def test_help_documents_every_exit_status() -> None:
    """``pfp --help`` lists 0, 1, 2, 3, the internal-error status 70 and 130 (interrupted)."""
    assert _documented_statuses() == {0, 1, 2, 3, 70, 130}


def _assert_one_line_and_a_documented_failure(status: int, stderr: str) -> None:
    assert status != 0, f"exit status 0 although the answer was not written; stderr: {stderr!r}"
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{stderr}"
    assert lines[0].strip()
    assert status in _documented_statuses(), f"exit status {status} is not in pfp --help"


def _members_into(stdout: Any, output: str) -> subprocess.CompletedProcess[str]:
    """``pfp members 2000-01-01 --format OUTPUT`` with its standard output sent to ``stdout``."""
    return subprocess.run(
        _pfp("members", "2000-01-01", "--format", output),
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("output", FORMATS)
def test_output_to_a_full_device(output: str) -> None:
    """``pfp members 2000-01-01 > /dev/full``: one line on stderr, a documented failure."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = _members_into(full, output)
    _assert_one_line_and_a_documented_failure(done.returncode, done.stderr)


@pytest.mark.parametrize("output", FORMATS)
def test_output_to_a_pipe_whose_reader_is_gone(output: str) -> None:
    """``pfp members 2000-01-01`` into a pipe whose read end is closed before pfp writes:
    one line on stderr, a documented failure (not a silent success).
    """
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _members_into(write_end, output)
    finally:
        os.close(write_end)
    _assert_one_line_and_a_documented_failure(done.returncode, done.stderr)


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="needs Linux's F_SETPIPE_SZ")
@pytest.mark.parametrize("question", ["transitions", "countries"])
@pytest.mark.parametrize("output", ["table", "csv"])
def test_output_to_head_that_reads_ten_bytes(output: str, question: str) -> None:
    """``pfp transitions | head -c 10`` through a 4 KiB pipe, so that pfp is still writing
    when head leaves: one line on stderr, a documented failure.

    (Table and CSV output is written line by line; a single write larger than the pipe, as
    JSON's is, can end short without any error reaching Python.)
    """
    command = _pfp(question, "--format", output)
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
    with (
        subprocess.Popen(["head", "-c", "10"], stdin=read_end, stdout=subprocess.PIPE) as head,
        subprocess.Popen(command, stdout=write_end, stderr=subprocess.PIPE, text=True) as writer,
    ):
        os.close(read_end)
        os.close(write_end)
        first, _ = head.communicate(timeout=60)
        _, stderr = writer.communicate(timeout=60)
    assert len(first) == 10
    full = subprocess.run(command, capture_output=True, check=True, timeout=60)
    assert len(full.stdout) > PIPE_SIZE + 100, "the answer fits the pipe: head cannot cut it"
    _assert_one_line_and_a_documented_failure(writer.returncode, stderr)


@pytest.mark.parametrize("output", ["csv", "json"])
def test_panel_output_to_a_file_that_cannot_be_made(output: str, tmp_path: Path) -> None:
    """``pfp panel ... --output missing/folder/file``: one line naming the file, status 3."""
    target = tmp_path / "missing" / f"panel.{output}"
    done = subprocess.run(
        _pfp("panel", "1994", "1995", "--format", output, "--output", str(target)),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    _assert_one_line_and_a_documented_failure(done.returncode, done.stderr)
    assert done.returncode == 3
    assert str(target) in done.stderr
    assert not target.exists()
