"""The project's own modules import each other without a circle: a module that needs another
that needs it back is a sign that one of them holds two things (issue: rooms by concern).
Imports inside functions count too: they only hide a circle from Python, not from a reader."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("calculators", "build_tools")


def module_imports() -> dict[str, set[str]]:
    """Each project module with the project modules it imports, anywhere in its text."""
    files = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    edges: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges[name] |= {alias.name for alias in node.names if alias.name in files}
            elif isinstance(node, ast.ImportFrom) and node.module:
                if node.module in files:
                    edges[name].add(node.module)
                edges[name] |= {f"{node.module}.{alias.name}" for alias in node.names
                                if f"{node.module}.{alias.name}" in files}
        edges[name].discard(name)
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that reach each other (strongly connected, more than one)."""
    found: list[list[str]] = []
    for start in sorted(edges):
        if any(start in group for group in found):
            continue
        reach, todo = set(), [start]
        while todo:
            for target in edges[todo.pop()]:
                if target not in reach:
                    reach.add(target)
                    todo.append(target)
        if start in reach:
            group = sorted(m for m in reach if _reaches(edges, m, start))
            found.append(group)
    return found


def _reaches(edges: dict[str, set[str]], source: str, target: str) -> bool:
    seen, todo = {source}, [source]
    while todo:
        for following in edges[todo.pop()]:
            if following == target:
                return True
            if following not in seen:
                seen.add(following)
                todo.append(following)
    return False


def test_no_module_imports_one_that_imports_it_back() -> None:
    edges = module_imports()
    assert len(edges) > 40  # the scan found the project's modules
    assert circles(edges) == []


def test_a_circle_is_found_when_there_is_one() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []
