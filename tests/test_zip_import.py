"""pfp imported from a zip archive, and run as a zipapp, answers every kind of question.

Inside an archive there is no data folder on disk: the data must come through the import
system. Each question is asked first in its own fresh process (all started at once, so that a
hang costs one timeout), and each process checks that the ``pfp`` it imported is the archive's,
not this checkout's.
"""

from __future__ import annotations

import shutil
import site
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import pfp

SOURCE = Path(pfp.__file__).resolve().parent
"""The package folder these tests archive (this checkout's src/pfp)."""
TIMEOUT = 15.0

QUERIES = {
    "members_at": "len(pfp.members_at('2000-01-01'))",
    "members_at NATO": "pfp.members_at('2024-03-07', org='NATO')",
    "status_of": "pfp.status_of('Malta', '2000-01-01')",
    "transitions": "pfp.transitions('2004-01-01', '2004-12-31')",
    "timeline": "pfp.timeline('Malta')",
    "countries": "len(pfp.countries())",
    "sources": "len(pfp.sources())",
    "disputes": "pfp.disputes()",
    "milestones": "pfp.milestones('2004-01-01', '2004-12-31')",
    "figures": "pfp.figures()",
    "figure": "pfp.figure('isaf-troops-2010-08')",
    "cooperation_areas": "pfp.cooperation_areas()",
    "DATA_VERSION": "pfp.DATA_VERSION",
    "DATA_AS_OF": "pfp.DATA_AS_OF",
}
"""One question of each kind, as the first thing the archived pfp is asked."""

_ASK = """\
import sys
{path}
import pfp
archive = sys.argv[2]
if not pfp.__file__.startswith(archive):
    sys.exit("imported " + pfp.__file__ + ", not the archive's pfp in " + archive)
print(repr(eval(sys.argv[1])))
"""
"""Ask one question of the archive's pfp; refuse to answer from any other copy of pfp."""


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A zip of src/pfp (entries pfp/...), and a zipapp holding pfp and a question-asking main."""
    folder = tmp_path_factory.mktemp("archives")
    zipped = folder / "pfp.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in _files(SOURCE):
            archive.write(path, Path("pfp") / path.relative_to(SOURCE))
    app = folder / "app"
    shutil.copytree(SOURCE, app / "pfp", ignore=shutil.ignore_patterns("__pycache__"))
    (app / "__main__.py").write_text(_ASK.format(path=""), encoding="utf-8")
    pyz = folder / "app.pyz"
    subprocess.run(
        [sys.executable, "-m", "zipapp", str(app), "-o", str(pyz)], check=True, timeout=60
    )
    cli = folder / "cli"
    shutil.copytree(SOURCE, cli / "pfp", ignore=shutil.ignore_patterns("__pycache__"))
    cli_pyz = folder / "cli.pyz"
    subprocess.run(
        [sys.executable, "-m", "zipapp", str(cli), "-o", str(cli_pyz), "-m", "pfp.cli:main"],
        check=True,
        timeout=60,
    )
    return {"zip": zipped, "pyz": pyz, "cli": cli_pyz}


def _zip_command(zipped: Path, expression: str) -> list[str]:
    """``python -I -S``: no site, so no .pth puts this checkout on the path; the archive
    first, then the site-packages folders for attrs and pendulum.
    """
    folders = [*site.getsitepackages(), site.getusersitepackages()]
    path = f"sys.path[:0] = [{str(zipped)!r}, *{folders!r}]"
    return [sys.executable, "-I", "-S", "-c", _ASK.format(path=path), expression, str(zipped)]


def _pyz_command(pyz: Path, expression: str) -> list[str]:
    """``python -I app.pyz``: the archive is the first entry of sys.path."""
    return [sys.executable, "-I", str(pyz), expression, str(pyz)]


def _run(command: list[str], cwd: Path) -> tuple[str, str, str]:
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd, check=False
        )
    except subprocess.TimeoutExpired:
        return "hung", "", ""
    return ("ok" if done.returncode == 0 else "failed"), done.stdout, done.stderr


@pytest.fixture(scope="module")
def answers(
    archives: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], tuple[str, str, str]]:
    """Every question, asked of the zip and of the zipapp, each in a fresh process, at once."""
    cwd = tmp_path_factory.mktemp("cwd")  # not the checkout: nothing to import from here
    jobs = {}
    for name, expression in QUERIES.items():
        jobs["zip", name] = _zip_command(archives["zip"], expression)
        jobs["pyz", name] = _pyz_command(archives["pyz"], expression)
    jobs["cli", "members"] = [
        sys.executable, "-I", str(archives["cli"]), "members", "2000-01-01", "--format", "csv"
    ]  # fmt: skip
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = {key: pool.submit(_run, command, cwd) for key, command in jobs.items()}
        return {key: future.result() for key, future in futures.items()}


def test_the_zip_holds_the_package_and_its_data(archives: dict[str, Path]) -> None:
    """The archive has every file of src/pfp, the data files included (the test's premise)."""
    names = set(zipfile.ZipFile(archives["zip"]).namelist())
    assert "pfp/__init__.py" in names
    assert {f"pfp/_data/{p.name}" for p in (SOURCE / "_data").iterdir() if p.is_file()} <= names


@pytest.mark.parametrize("kind", ["zip", "pyz"])
@pytest.mark.parametrize("name", list(QUERIES))
def test_question_answered_from_an_archive(
    kind: str, name: str, answers: dict[tuple[str, str], tuple[str, str, str]]
) -> None:
    """Asked first of pfp imported from a zip on sys.path (or run as a zipapp), the question
    gets the answer the installed pfp gives, from the archive's copy of pfp.
    """
    outcome, out, err = answers[kind, name]
    assert outcome != "hung", f"{QUERIES[name]} hung for {TIMEOUT:.0f} s in a {kind}"
    assert outcome == "ok", err[-2000:]
    pfp.history()
    assert out.strip() == repr(eval(QUERIES[name], {"pfp": pfp}))


def test_command_line_runs_as_a_zipapp(
    answers: dict[tuple[str, str], tuple[str, str, str]],
) -> None:
    """``python cli.pyz members 2000-01-01 --format csv`` prints what ``python -m pfp`` prints."""
    outcome, out, err = answers["cli", "members"]
    assert outcome == "ok", err[-2000:]
    expected = subprocess.run(
        [sys.executable, "-m", "pfp", "members", "2000-01-01", "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out == expected.stdout
    assert err == ""
