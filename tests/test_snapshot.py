"""The committed roster snapshot equals what the engine answers now.

When this fails, read the diff: if every changed line is a change you meant (a corrected
date, a new event, an engine fix), regenerate the snapshot with
``python tests/snapshots/regenerate.py`` and commit it with the change.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import pfp

_REGENERATE = Path(__file__).parent / "snapshots" / "regenerate.py"
_MAX_DIFF_LINES = 200


def _regenerate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_pfp_snapshot_regenerate", _REGENERATE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_snapshot = _regenerate_module()


@pytest.mark.parametrize("which", ["rosters.txt", "states.txt"])
def test_snapshot_matches_engine(which: str) -> None:
    """The roster changes, timelines and state codes equal the committed files."""
    path, make = next((p, m) for p, m in _snapshot.TARGETS if p.name == which)
    committed = path.read_text(encoding="utf-8") if path.exists() else ""
    current: str = make()
    if committed != current:
        lines = _snapshot.diff(committed, current, which).splitlines()
        shown = "\n".join(lines[:_MAX_DIFF_LINES])
        more = len(lines) - _MAX_DIFF_LINES
        pytest.fail(
            f"the engine's answers differ from tests/snapshots/{which} "
            "(- committed, + engine now):\n\n"
            f"{shown}\n{f'... and {more} more diff lines' if more > 0 else ''}\n"
            f"If these changes are intended, run `{_snapshot.COMMAND}` and commit the file.",
            pytrace=False,
        )


def test_snapshot_covers_every_organisation_and_state() -> None:
    """The snapshot has a section per organisation and a timeline per known state."""
    text: str = _snapshot.render()
    for org in pfp.organizations():
        assert f"\n## {org.key}: {org.name}\n" in text
    for country in pfp.countries():
        assert f"\n{country.iso3} {country.name}\n" in text


def test_snapshot_roster_lines_agree_with_members_at() -> None:
    """Each day-line's roster is ``members_at`` on that day, and the day before differs."""
    text: str = _snapshot.render()
    for line in text.splitlines():
        if not line[:1].isdigit():
            continue
        day, org_key = line.split()[:2]
        roster = pfp.members_at(day, org=org_key)
        size, members = line.rsplit(" | ", 1)[1].split(": ")
        assert int(size) == len(roster)
        assert (members.split() if members != "(none)" else []) == sorted(roster.iso3)
        assert pfp.transitions(day, day, org=org_key), line


def test_regenerate_check_mode_reports_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--check`` returns 1 for a stale snapshot and 0 for a current one, writing nothing."""
    stale = tmp_path / "rosters.txt"
    stale.write_text("stale\n", encoding="utf-8")
    states = tmp_path / "states.txt"
    monkeypatch.setattr(
        _snapshot, "TARGETS", ((stale, _snapshot.render), (states, _snapshot.render_states))
    )
    assert _snapshot.main(["--check"]) == 1
    assert stale.read_text(encoding="utf-8") == "stale\n"
    assert not states.exists()
    assert _snapshot.main([]) == 0
    assert _snapshot.main(["--check"]) == 0
