"""The ``pfp`` command in a real shell script: ``set -euo pipefail``, pipes and ``jq``.

A script that stops at the first failing command must run through an empty answer (a valid
"count: 0"), and get at a source's URL and the organisations' keys from the JSON. ``jq`` is
used where it is installed; otherwise the same filters run through a few lines of Python
(``python -m json.tool`` cannot filter), so the script's habits are checked either way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pfp
from pfp import tables

BASH = shutil.which("bash")
JQ = shutil.which("jq")

SCRIPT = r"""
set -euo pipefail

count=$(pfp transitions 2010-01-01 2010-12-31 --format json | json .count)
echo "count=$count"
members=$(pfp members 1990-01-01 --format json | json .count)
echo "members=$members"

url=$(pfp source nato-pr-2002-022 --format json | json -r '.rows[0].url')
echo "url=$url"
publisher=$(pfp source nato-pr-2002-022 --format json | json -r '.rows[0].publisher')
echo "publisher=$publisher"

pfp orgs --format json | json -r '.rows[].key' > keys.txt
echo "orgs=$(wc -l < keys.txt | tr -d ' ')"
ended=$(pfp orgs --format json | json -r '.rows[] | select(.ended != null) | .key')
echo "ended=$ended"

pfp panel 1994 1994 --format json | json .count > panel_count.txt
echo "panel=$(cat panel_count.txt)"

if pfp source no-such-key --format json > /dev/null 2> error.txt; then
    echo "unexpected success"; exit 1
else
    echo "bad_key_status=$?"
fi
echo "done"
"""
"""The script: each ``echo`` reports one value for the test to check."""

PYTHON_JQ = r"""
import json, sys
raw = sys.argv[1] == "-r"
query = sys.argv[-1]
document = json.load(sys.stdin)
values = {
    ".count": lambda d: [d["count"]],
    ".rows[0].url": lambda d: [d["rows"][0]["url"]],
    ".rows[0].publisher": lambda d: [d["rows"][0]["publisher"]],
    ".rows[].key": lambda d: [row["key"] for row in d["rows"]],
    ".rows[] | select(.ended != null) | .key": lambda d: [
        row["key"] for row in d["rows"] if row["ended"] is not None
    ],
}[query](document)
for value in values:
    print(value if raw and isinstance(value, str) else json.dumps(value))
"""
"""The script's few jq filters, for a machine without jq."""


@pytest.fixture(
    params=[
        pytest.param("jq", marks=pytest.mark.skipif(JQ is None, reason="jq is not installed")),
        "python",
    ]
)
def shell(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    """An environment whose ``pfp`` is this checkout's and whose ``json`` filter is jq, or the
    Python stand-in (run on every machine, so that the script is checked without jq too).
    """
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pfp_command = bin_dir / "pfp"
    pfp_command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m pfp "$@"\n', encoding="utf-8")
    json_command = bin_dir / "json"
    if request.param == "jq":
        assert JQ is not None
        json_command.write_text(f'#!/bin/sh\nexec "{JQ}" "$@"\n', encoding="utf-8")
    else:
        (bin_dir / "jq.py").write_text(PYTHON_JQ, encoding="utf-8")
        json_command.write_text(
            f'#!/bin/sh\nexec "{sys.executable}" "{bin_dir / "jq.py"}" "$@"\n', encoding="utf-8"
        )
    for command in (pfp_command, json_command):
        command.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}


@pytest.mark.skipif(BASH is None, reason="needs bash")
def test_a_strict_shell_script_runs_through_empty_answers(
    shell: dict[str, str], tmp_path: Path
) -> None:
    """Under ``set -euo pipefail`` the script runs to its end: empty answers count 0 and exit
    0, the source's URL and the organisations come out of the JSON, and a bad key is exit 2.
    """
    assert BASH is not None
    done = subprocess.run(
        [BASH, "-c", SCRIPT],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=shell,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    report = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    assert done.stdout.endswith("done\n")
    assert report["count"] == "0"
    assert report["members"] == "0"
    assert report["url"] == pfp.source("nato-pr-2002-022").url
    assert report["publisher"] == "NATO"
    assert report["orgs"] == str(len(pfp.organizations()))
    assert (tmp_path / "keys.txt").read_text().split() == [o.key for o in pfp.organizations()]
    assert report["ended"].split() == [o.key for o in pfp.organizations() if o.ended]
    assert int(report["panel"]) == len(tables.country_year_records(1994, 1994))
    assert report["bad_key_status"] == "2"
    assert "no source has key 'no-such-key'" in (tmp_path / "error.txt").read_text()
