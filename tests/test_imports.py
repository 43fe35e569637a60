"""The package's phases import each other in one direction only: no import cycles.

Every ``import`` counts, also one inside a function (a function-local import hides a
cycle from Python; it does not remove it). Also: no module imports the plugin's code
by a name outside the package (``news_digest.x``), so the installed plugin is one copy.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pelican.plugins.news_digest as package

ROOT = Path(package.__file__).resolve().parent
NAME = package.__name__


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([NAME, *parts])


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``path`` imports, anywhere in it."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            if not target.startswith(NAME):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules else target)
    found.discard(name)
    return {m for m in found if m in modules}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def _with_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Importing ``a.b.c`` runs ``a/b/__init__.py`` first: an edge to each enclosing package
    of an imported module (``ingest.clean`` -> ``extract.dateline`` runs ``extract/__init__``)."""
    out = {}
    for name, targets in graph.items():
        edges = set(targets)
        for target in targets:
            parts = target.split(".")
            edges |= {".".join(parts[:k]) for k in range(len(NAME.split(".")) + 1, len(parts))}
        edges.discard(name)
        out[name] = {e for e in edges if e in graph and not name.startswith(e + ".")}
    return out


def test_no_import_cycles():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert _cycles(graph) == []
    assert _cycles(_with_packages(graph)) == []


def test_an_import_through_a_package_init_counts():
    graph = {f"{NAME}.a": {f"{NAME}.b.m"}, f"{NAME}.b": {f"{NAME}.b.n"},
             f"{NAME}.b.m": set(), f"{NAME}.b.n": {f"{NAME}.a"}}
    assert _cycles(graph) == []
    assert _cycles(_with_packages(graph)) == [[f"{NAME}.a", f"{NAME}.b", f"{NAME}.b.n"]]


def test_no_import_by_a_name_outside_the_package():
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and not node.level and node.module:
                assert not node.module.startswith("news_digest"), path
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("news_digest") for a in node.names), path
