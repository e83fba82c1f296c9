"""The documentation says what the data says: generated pages are current, numbers are true.

The ``>>>`` examples in ``docs/*.md`` run as doctests (``--doctest-glob="*.md"``); these tests
cover what doctests cannot: numbers written in prose, the generated data page, and the pages
that include files from the repository root.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pendulum
import pytest

import pfp

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_data_page = _load(DOCS / "gen_data_page.py", "_pfp_gen_data_page")


def _as_of() -> pendulum.Date:
    """The latest review day of the organisations: the counts the prose gives are as of it."""
    days = [org.as_of for org in pfp.organizations() if org.as_of is not None]
    return max(days)


def _signatories() -> int:
    signed = {e.country.iso3 for e in pfp.events() if e.org == "PfP" and e.kind == "signature"}
    return len(signed)


def _graduates() -> int:
    return len(
        {
            t.country.iso3
            for t in pfp.transitions(None, _as_of())
            if t.before is pfp.Status.MEMBER and t.after is pfp.Status.NATO_MEMBER
        }
    )


def _partners() -> int:
    return len(pfp.members_at(_as_of()))


def _nato() -> int:
    return len(pfp.members_at(_as_of(), org="NATO"))


PROSE_NUMBERS: dict[str, Callable[[], int]] = {
    r"(\d+) states have signed the PfP Framework Document": _signatories,
    r"(\d+) of them have (?:since )?left the programme by joining NATO": _graduates,
    r"the PfP has (\d+) partners": _partners,
    r"(\d+) are partners on": _partners,
    r"NATO has (\d+) members": _nato,
}
"""Sentences in the docs whose number the data computes: pattern -> the computation."""


def _prose() -> dict[str, str]:
    pages = {path.name: path.read_text(encoding="utf-8") for path in sorted(DOCS.glob("*.md"))}
    pages["CONTRIBUTING.md"] = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return {name: " ".join(text.split()) for name, text in pages.items()}


@pytest.mark.parametrize("pattern", sorted(PROSE_NUMBERS))
def test_numbers_in_prose_equal_the_data(pattern: str) -> None:
    """Each counted sentence appears in the docs, and every occurrence has the data's number."""
    expected = PROSE_NUMBERS[pattern]()
    found = [
        (name, int(match.group(1)))
        for name, text in _prose().items()
        for match in re.finditer(pattern, text)
    ]
    assert found, f"no page says {pattern!r} any more; update PROSE_NUMBERS in tests/test_docs.py"
    wrong = [(name, number) for name, number in found if number != expected]
    assert not wrong, f"{pattern!r}: the data gives {expected}, the docs say {wrong}"


def test_data_page_is_generated_from_the_data() -> None:
    """docs/data.md equals what docs/gen_data_page.py writes from the bundled data now."""
    committed = (DOCS / "data.md").read_text(encoding="utf-8")
    current: str = _data_page.render()
    if committed != current:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                current.splitlines(keepends=True),
                "docs/data.md (committed)",
                "docs/data.md (data now)",
            )
        )
        pytest.fail(
            f"docs/data.md is stale; run `{_data_page.COMMAND}`:\n\n{diff[:20000]}",
            pytrace=False,
        )


def test_data_page_lists_every_dispute_and_source() -> None:
    """Every disputed event's state and every source key appear on the data page."""
    page: str = _data_page.render()
    for event in pfp.disputes():
        assert event.country.name in page
        for alternative in event.alternatives:
            for source in alternative.sources:
                assert f"`{source.key}`" in page
    for source in pfp.sources():
        assert f'<span id="source-{source.key}"></span>' in page


@pytest.mark.parametrize(
    ("page", "included"), [("changelog.md", "CHANGELOG.md"), ("contributing.md", "CONTRIBUTING.md")]
)
def test_pages_include_root_files(page: str, included: str) -> None:
    """The changelog and contributing pages include the root files, which exist."""
    assert (DOCS / page).read_text(encoding="utf-8").strip() == f'--8<-- "{included}"'
    assert (ROOT / included).is_file()


def test_guide_describes_every_status() -> None:
    """The user guide's table of statuses has one row per ``pfp.Status`` value."""
    guide = (DOCS / "guide.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([a-z_]+)` \|", guide, flags=re.MULTILINE))
    assert rows == {status.value for status in pfp.Status}


def test_contributing_names_the_regenerate_commands() -> None:
    """CONTRIBUTING.md gives the commands that regenerate the snapshot and the data page."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    snapshot = _load(ROOT / "tests" / "snapshots" / "regenerate.py", "_pfp_snapshot_cmd")
    assert snapshot.COMMAND in text
    assert _data_page.COMMAND in text
