"""The built wheel carries the data and py.typed; the README's commands are what CI runs."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import pfp

ROOT = Path(__file__).resolve().parent.parent
DISTRIBUTION = "nato-pfp"
"""pfp's name on PyPI: the name ``pfp`` belongs to another project (an 010 template
interpreter) that also imports as ``pfp``."""


def test_version_matches_metadata() -> None:
    """pfp.__version__ is the installed distribution's (nato-pfp's) version."""
    assert pfp.__version__ == importlib.metadata.version(DISTRIBUTION)


def test_the_installed_distribution_is_nato_pfp_and_imports_as_pfp() -> None:
    """The distribution installed here is named nato-pfp and provides the ``pfp`` console
    script (the wheel tests below show that it imports as ``pfp``).
    """
    distribution = importlib.metadata.distribution(DISTRIBUTION)
    assert distribution.metadata["Name"] == DISTRIBUTION
    (script,) = [e for e in distribution.entry_points if e.group == "console_scripts"]
    assert (script.name, script.value) == ("pfp", "pfp.__main__:main")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout, without network access (no build isolation)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True,
    )  # fmt: skip
    (built,) = out.glob("*.whl")
    return built


def test_wheel_is_named_and_described_as_nato_pfp(wheel: Path) -> None:
    """The wheel's file name and its METADATA name the distribution nato-pfp, version included."""
    assert wheel.name.startswith(f"nato_pfp-{pfp.__version__}-")
    archive = zipfile.ZipFile(wheel)
    (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    headers = archive.read(metadata).decode("utf-8").split("\n\n", 1)[0].splitlines()
    assert f"Name: {DISTRIBUTION}" in headers
    assert f"Version: {pfp.__version__}" in headers
    assert {n.split("/", 1)[0] for n in archive.namelist()} == {
        "pfp",
        metadata.split("/", 1)[0],
    }


def test_wheel_carries_data_and_marker(wheel: Path) -> None:
    """Every data file, its README and py.typed are inside the wheel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    data = {p.name for p in (ROOT / "src" / "pfp" / "_data").iterdir() if p.is_file()}
    assert {f"pfp/_data/{name}" for name in data} <= names
    assert "pfp/py.typed" in names


def test_installed_wheel_finds_its_data(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel into a bare folder, nato-pfp imports as ``pfp`` and answers from
    its own copy of _data.
    """
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True,
    )  # fmt: skip
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import importlib.metadata, pfp; "
        "print(pfp.__file__); print(len(pfp.members_at('1994-08-03'))); "
        f"print(importlib.metadata.version({DISTRIBUTION!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", script, str(target)],
        check=True, capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    module_file, count, version = result.stdout.split()
    assert Path(module_file).is_relative_to(target)
    assert count == "22"
    assert version == pfp.__version__
    assert [p.name for p in target.glob("*.dist-info")] == [f"nato_pfp-{pfp.__version__}.dist-info"]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line and not line.startswith("#")]


def test_readme_opens_with_two_commands_and_ci_runs_the_second() -> None:
    """The README's set-up block has the main job and the test command; CI runs the latter."""
    main_job, test_command = _readme_commands()
    assert "pfp" in main_job
    assert "pytest" in test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
    assert re.search(r"python3 -m venv", main_job)


def test_import_reads_nothing_and_defines_no_record_class() -> None:
    """``import pfp`` loads its dependencies and three small modules; the first query the rest.

    The first query reads and checks every file of the data folder at once (so that every
    fault is reported together), the programme's files and dataset.toml included; the
    programme's record classes, timelines and presentation are made when first asked for.
    """
    code = (
        "import sys, pfp\n"
        "print(sorted(m for m in sys.modules if m.startswith('pfp')), 'csv' in sys.modules)\n"
        "pfp.status_of('Malta', '2000-01-01')\n"
        "print(*(f'pfp.{m}' in sys.modules for m in ('model', 'programme', 'tables')))"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    at_import, after_query = done.stdout.splitlines()
    assert at_import == "['pfp', 'pfp._bundled', 'pfp.dates', 'pfp.errors'] False"
    assert after_query == "True False False"


def test_every_public_name_resolves() -> None:
    """Each name in ``pfp.__all__`` is there, made on first access where it is lazy."""
    found = {name: getattr(pfp, name) for name in pfp.__all__}
    assert found["Status"] is pfp.model.Status
    assert found["History"] is pfp.engine.History
    assert found["Milestone"].__module__ == "pfp.programme"
    assert set(pfp.__all__) <= set(dir(pfp))
    with pytest.raises(AttributeError, match="no attribute 'Statuses'"):
        _ = pfp.Statuses
