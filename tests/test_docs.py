"""The documentation says what the data says: generated pages are current, numbers are true.

The ``>>>`` examples in ``docs/*.md`` run as doctests (``--doctest-glob="*.md"``); these tests
cover what doctests cannot: numbers written in prose, the generated data and command-line pages,
the API reference's coverage of every public name, and the pages that include files from the
repository root.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import inspect
import os
import re
import subprocess
import sys
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
_cli_page = _load(DOCS / "gen_cli_page.py", "_pfp_gen_cli_page")
_docstrings = _load(DOCS / "griffe_doctests.py", "_pfp_griffe_doctests")
REFERENCE = DOCS / "reference"


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
    assert _cli_page.COMMAND in text


def _stale(committed: str, current: str, name: str, command: str) -> None:
    """Fail with a diff when a generated page differs from what its generator writes now."""
    if committed != current:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                current.splitlines(keepends=True),
                f"{name} (committed)",
                f"{name} (generated now)",
            )
        )
        pytest.fail(f"{name} is stale; run `{command}`:\n\n{diff[:20000]}", pytrace=False)


def test_cli_page_is_generated_from_the_parser() -> None:
    """docs/reference/cli.md equals what docs/gen_cli_page.py writes from the parser now."""
    committed = (REFERENCE / "cli.md").read_text(encoding="utf-8")
    _stale(committed, _cli_page.render(), "docs/reference/cli.md", _cli_page.COMMAND)


def test_cli_page_has_every_subcommand_and_option() -> None:
    """Each subcommand of ``pfp`` has its section, and each of its options and arguments a row."""
    from pfp.cli import build_parser  # noqa: PLC0415 - the command line, for this test only

    page: str = _cli_page.render()
    commands = list(_cli_page._subcommands(build_parser()))
    assert {"members", "status", "transitions", "timeline", "countries", "check"} <= {
        name for name, _ in commands
    }
    for name, sub in commands:
        section = page.split(f"## `pfp {name}`\n", 1)[1].split("\n## ", 1)[0]
        for action in _cli_page._arguments(sub):
            shown = (
                action.option_strings[-1] if action.option_strings else _cli_page._values(action)
            )
            assert f"`{shown}" in section, f"pfp {name}: {shown} is not on the page"


_DIRECTIVE = re.compile(r"^::: (\S+)[ \t]*\n((?:(?:[ \t]+.*)?\n)*)", re.MULTILINE)
_MEMBERS = re.compile(r"^\s+members:\s*(?:\[([^\]]*)\]|\n((?:\s+- .*\n?)+))", re.MULTILINE)


def _reference_pages() -> dict[str, str]:
    pages = {path.name: path.read_text(encoding="utf-8") for path in sorted(REFERENCE.glob("*.md"))}
    pages["cli.md"] = _cli_page.render()
    return pages


def _documented() -> dict[str, list[str]]:
    """Each identifier on the reference pages (``::: name``, its ``members:``) -> its pages."""
    found: dict[str, list[str]] = {}
    for page, text in _reference_pages().items():
        for directive in _DIRECTIVE.finditer(text):
            identifier, options = directive[1], directive[2]
            names = [identifier]
            listed = _MEMBERS.search(options)
            if listed is not None:
                items = listed[1].split(",") if listed[1] is not None else listed[2].split("- ")
                names += [f"{identifier}.{item.strip()}" for item in items if item.strip()]
            for name in names:
                found.setdefault(name, []).append(page)
    return found


def _public_names() -> list[tuple[str, str]]:
    """(module, name) for every name in the ``__all__`` of each module the reference covers."""
    return [
        (module, name)
        for module in _docstrings.PUBLIC_MODULES
        for name in importlib.import_module(module).__all__
    ]


def test_reference_covers_the_public_modules() -> None:
    """The reference documents at least pfp, pfp.tables, pfp.plot and the command line."""
    assert {"pfp", "pfp.tables", "pfp.panels", "pfp.plot", "pfp.cli"} <= set(
        _docstrings.PUBLIC_MODULES
    )


@pytest.mark.parametrize(("module", "name"), _public_names())
def test_reference_documents_every_public_name(module: str, name: str) -> None:
    """Each public name is on a reference page, under its own module or as the same ``pfp.X``."""
    documented = _documented()
    if f"{module}.{name}" in documented:
        return
    same = module != "pfp" and getattr(pfp, name, None) is getattr(
        importlib.import_module(module), name
    )
    assert same and f"pfp.{name}" in documented, (
        f"{module}.{name} is on no page of docs/reference/: add `::: {module}.{name}` to the "
        "page of its area"
    )


@pytest.mark.parametrize(("module", "name"), _public_names())
def test_every_public_function_and_class_has_an_example(module: str, name: str) -> None:
    """Each public function and class shows a runnable ``>>>`` example in its docstring."""
    found = getattr(importlib.import_module(module), name)
    if inspect.isclass(found) or inspect.isroutine(found):  # not constants or type aliases
        assert ">>>" in (found.__doc__ or ""), f"{module}.{name}: no example in its docstring"


def test_reference_documents_each_name_once() -> None:
    """No object is documented on two pages, or twice on one (its anchor would be ambiguous)."""
    twice = {name: pages for name, pages in _documented().items() if len(pages) > 1}
    assert twice == {}


def test_reference_pages_are_in_the_nav() -> None:
    """Every reference page is listed under "API reference" in mkdocs.yml."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in _reference_pages():
        assert f"reference/{page}" in config


_ANY_ROLE = re.compile(r":[a-z]+(?::[a-z]+)?:`")


def test_every_sphinx_role_in_the_docstrings_becomes_a_link() -> None:
    """Each Sphinx role written in src/pfp is one the docs' griffe extension turns into a link."""
    for path in sorted((ROOT / "src" / "pfp").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for found in _ANY_ROLE.finditer(text):
            assert _docstrings._ROLE.match(text, found.start()), (
                f"{path.name}: {text[found.start() : found.start() + 60]!r} would show as raw "
                "text in the reference; use :class:, :func:, :meth:, :attr: or :data:"
            )


_RAW_ROLE = re.compile(r":(?:py:)?(?:class|meth|func|attr|mod|data|exc|obj|const):(?:`|<code>)")


def test_built_site_shows_no_raw_roles(tmp_path: Path) -> None:
    """The built documentation shows no Sphinx role as text (needs the ``docs`` extra)."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings_handlers.python")
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    raw = [
        (str(page.relative_to(site)), match[0])
        for page in pages
        for match in _RAW_ROLE.finditer(page.read_text(encoding="utf-8"))
    ]
    assert raw == []
    queries = (site / "reference" / "queries" / "index.html").read_text(encoding="utf-8")
    assert "Bases:" not in queries and "Displayed" not in queries
    assert 'href="../records/#pfp.Country"' in queries
    records = (site / "reference" / "records" / "index.html").read_text(encoding="utf-8")
    assert "attrs.field(" not in records  # a field shows its default, not its converter
