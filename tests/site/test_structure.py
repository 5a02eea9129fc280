"""The shape of the project's Python: rooms, floors and circles (issue: rooms by concern).

- Circles: the project's own modules import each other without a circle: a module that needs
  another that needs it back is a sign that one of them holds two things. Imports inside
  functions count too: they only hide a circle from Python, not from a reader.
- Rooms: build_tools/ holds no module of its own; each sits in a subpackage named for what it
  holds, and the rooms import each other in one direction only (``ROOMS`` below says which).
- Floors: the longest chain of imports between the modules, measured and printed.

``python tests/site/test_structure.py`` prints the figures: rooms and their modules, floors,
circles.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("calculators", "build_tools")

# build_tools' rooms, lowest first, each with the rooms it may import. Imports go down only:
# the data checks know nothing of pages, the runtime or commands; the pages nothing of
# commands; only the MkDocs hooks (mkdocs.yml names them) and the commands sit above the pages.
ROOMS: dict[str, set[str]] = {
    "i18n": set(),  # the build's own words in each language: below every room that writes any
    "data": {"i18n"},
    "hosting": set(),
    "testing": set(),
    "runtime": {"data", "i18n"},
    "pages": {"data", "runtime", "i18n"},
    "commands": {"data", "runtime", "pages", "hosting", "i18n"},
    "hooks": {"data", "runtime", "pages", "hosting", "commands", "i18n"},
}


def module_files() -> dict[str, Path]:
    """Each project module (a package by its ``__init__.py``) with its file."""
    files = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return files


def module_imports() -> dict[str, set[str]]:
    """Each project module with the project modules it imports, anywhere in its text.

    ``from package import module`` counts as importing the module, not the package: the
    package's ``__init__`` runs for any of its modules, so an edge to it would say nothing."""
    files = module_files()
    edges: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges[name] |= {alias.name for alias in node.names if alias.name in files}
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules = {f"{node.module}.{alias.name}" for alias in node.names}
                edges[name] |= modules & files.keys()
                if node.module in files and not modules <= files.keys():
                    edges[name].add(node.module)
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


def floors(edges: dict[str, set[str]]) -> list[str]:
    """The longest chain of imports, importer first: one module a floor (no circles allowed)."""
    longest: dict[str, list[str]] = {}

    def chain(module: str) -> list[str]:
        if module not in longest:
            below = [chain(target) for target in sorted(edges[module])]
            longest[module] = [module, *max(below, key=len, default=[])]
        return longest[module]

    return max((chain(module) for module in sorted(edges)), key=len, default=[])


def rooms(files: dict[str, Path]) -> dict[str, list[str]]:
    """Each package or folder of modules (hooks/ has no ``__init__``) with the modules that sit
    directly in it, its ``__init__`` not counted."""
    packages = {name for name, path in files.items() if path.name == "__init__.py"}
    found: dict[str, list[str]] = {package: [] for package in packages}
    for name in files.keys() - packages:
        folder, _, module = name.rpartition(".")
        found.setdefault(folder, []).append(module)
    return {folder: sorted(found[folder]) for folder in sorted(found)}


def room_of(module: str) -> str | None:
    """The build_tools room a module sits in (None outside build_tools/ or in its top)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "build_tools" and len(parts) > 1 else None


def rooms_imported_against_the_direction(edges: dict[str, set[str]]) -> list[str]:
    """Each import from one room into a room it may not import, as "importer -> imported"."""
    wrong = []
    for module, targets in sorted(edges.items()):
        room = room_of(module)
        for target in sorted(targets):
            other = room_of(target)
            if room and other and other != room and other not in ROOMS.get(room, set()):
                wrong.append(f"{module} -> {target}")
    return wrong


def test_no_module_imports_one_that_imports_it_back() -> None:
    edges = module_imports()
    assert len(edges) > 40  # the scan found the project's modules
    assert circles(edges) == []


def test_a_circle_is_found_when_there_is_one() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_build_tools_holds_rooms_not_loose_modules() -> None:
    found = rooms(module_files())
    assert found["build_tools"] == [], "move each module into the room (subpackage) it belongs to"
    inside = {package.split(".")[1] for package in found if package.startswith("build_tools.")}
    assert inside == set(ROOMS), "a new room needs its place in ROOMS (what it may import)"
    assert all(found[f"build_tools.{room}"] for room in ROOMS)  # no empty room


def test_the_rooms_import_downwards_only() -> None:
    edges = module_imports()
    assert any(room_of(target) == "data" for target in edges["build_tools.pages.county_pages"])
    assert rooms_imported_against_the_direction(edges) == []


def test_an_import_against_the_direction_is_found() -> None:
    edges = {
        "build_tools.data.contacts": {"build_tools.pages.handout", "build_tools.data.schema"},
        "build_tools.pages.handout": {"build_tools.data.shortcodes", "calculators.api"},
        "build_tools.hooks.site": {"build_tools.commands.url_manifest"},
        "build_tools.commands.url_manifest": {"build_tools.hooks.site"},
    }
    assert rooms_imported_against_the_direction(edges) == [
        "build_tools.commands.url_manifest -> build_tools.hooks.site",
        "build_tools.data.contacts -> build_tools.pages.handout",
    ]


def test_floors_follow_the_longest_chain() -> None:
    edges = {"a": {"b", "d"}, "b": {"c"}, "c": set(), "d": set(), "e": {"a"}}
    assert floors(edges) == ["e", "a", "b", "c"]
    assert floors({}) == []


def test_rooms_list_the_modules_in_each_package() -> None:
    files = {name: ROOT / f"{name}.py" for name in ("p.a", "p.b", "p.q.c")}
    files |= {"p": ROOT / "p" / "__init__.py", "p.e": ROOT / "p" / "e" / "__init__.py"}
    assert rooms(files) == {"p": ["a", "b"], "p.e": [], "p.q": ["c"]}


if __name__ == "__main__":
    found_edges = module_imports()
    for package, modules in rooms(module_files()).items():
        print(f"{package}: {len(modules)} modules")
    between: dict[str, set[str]] = {}
    for importer, imported in found_edges.items():
        for target in imported:
            if room_of(importer) and room_of(target) and room_of(importer) != room_of(target):
                between.setdefault(str(room_of(importer)), set()).add(str(room_of(target)))
    for room, below in sorted(between.items()):
        print(f"  {room} imports {', '.join(sorted(below))}")
    room_chain = floors({room: between.get(room, set()) for room in ROOMS})
    print(f"floors of rooms: {len(room_chain)} ({' -> '.join(room_chain)})")
    chain = floors(found_edges)
    print(f"floors: {len(chain)} ({' -> '.join(chain)})")
    print(f"circles: {len(circles(found_edges))}")
