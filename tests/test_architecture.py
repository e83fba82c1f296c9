"""The house is one-way: files -> records -> index -> results -> presentation, with no circles.

Read from the source with ``ast``, so that an import inside a function counts as much as one at
the top (only imports under ``if TYPE_CHECKING:`` are left out: they never run).
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "pfp"
CORE = (
    "pfp.errors",
    "pfp.citation",
    "pfp.dates",
    "pfp.display",
    "pfp.model",
    "pfp.programme",
    "pfp.rules",
    "pfp.names",
    "pfp._csv",
    "pfp._schema",
    "pfp._load",
    "pfp._load_programme",
    "pfp._load_compiled",
    "pfp._folder",
    "pfp._collector",
    "pfp._columns",
    "pfp.rows",
    "pfp.results",
    "pfp.engine",
    "pfp.readings",
    "pfp.words",
    "pfp.bulk",
    "pfp.timelines",
    "pfp._bundled",
)
"""The core: everything below the presentation (tables, plots, the command line, the front)."""
PRESENTATION = (
    "pfp",
    "pfp.tables",
    "pfp.panels",
    "pfp.plot",
    "pfp._terminal",
    "pfp._questions",
    "pfp.cli",
    "pfp.__main__",
)


def _module_name(path: Path) -> str:
    return "pfp" if path.name == "__init__.py" else f"pfp.{path.stem}"


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, known: set[str]) -> set[str]:
    """The pfp modules a module imports at run time (anywhere but under TYPE_CHECKING)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for branch in node.orelse:
                visit(branch)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "pfp")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "pfp":
                for alias in node.names:
                    sub = f"pfp.{alias.name}"
                    found.add(sub if sub in known else "pfp")
            elif node.module.startswith("pfp."):
                found.add(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    for node in ast.iter_child_nodes(tree):
        visit(node)
    return found


def _graph() -> dict[str, set[str]]:
    paths = sorted(SRC.glob("*.py"))
    known = {_module_name(path) for path in paths}
    graph = {}
    for path in paths:
        name = _module_name(path)
        imported = _imports(ast.parse(path.read_text(encoding="utf-8")), known)
        graph[name] = {module for module in imported if module != name}
    return graph


def test_no_import_cycle() -> None:
    """No module imports, directly or through others, a module that imports it back."""
    graph = _graph()
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:  # pragma: no cover - the failure this test is for
        pytest.fail(f"an import cycle: {' -> '.join(error.args[1])}")
    assert set(order) == set(graph)


def test_the_core_imports_no_presentation() -> None:
    """Records, loaders, the engine and results never import tables, plots, the CLI or ``pfp``."""
    graph = _graph()
    offenders = {
        module: sorted(graph[module] & set(PRESENTATION)) for module in CORE if module in graph
    }
    assert {module: found for module, found in offenders.items() if found} == {}
    assert set(CORE) | set(PRESENTATION) == set(graph), "a new module: place it in CORE or not"


def _defined_private(tree: ast.AST) -> set[str]:
    """The private attribute names a module defines (on self, in __slots__, or as fields)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in ("self", "cls") and node.attr.startswith("_"):
                names.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value.startswith("_") and node.value.isidentifier():
                names.add(node.value)  # slots and object.__setattr__(self, "_name", ...)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_no_module_reads_another_modules_private_attributes() -> None:
    """``obj._name`` appears only where ``_name`` belongs to the module's own classes."""
    offences = []
    for path in sorted(SRC.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = _defined_private(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not node.attr.startswith("_"):
                continue
            if node.attr.startswith("__") and node.attr.endswith("__"):
                continue  # protocols: __class__, __new__, ...
            base = node.value
            if isinstance(base, ast.Name) and base.id in ("self", "cls"):
                continue
            if node.attr not in own:
                offences.append(f"{path.name}:{node.lineno}: .{node.attr}")
    assert offences == []


def test_the_dependency_order_reads_bottom_up() -> None:
    """The modules in an order where each imports only those before it (shown in design.md)."""
    graph = _graph()
    order = list(TopologicalSorter(graph).static_order())
    position = {module: n for n, module in enumerate(order)}
    assert position["pfp.errors"] < position["pfp.model"] < position["pfp.engine"]
    assert position["pfp.results"] < position["pfp.engine"] < position["pfp.tables"]
    assert position["pfp._load"] < position["pfp.engine"] < position["pfp._bundled"]
    assert position["pfp.errors"] < position["pfp.citation"] < position["pfp.model"]
    assert position["pfp._terminal"] < position["pfp._questions"] < position["pfp.cli"]
