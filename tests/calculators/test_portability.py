"""The package runs unchanged on CPython 3.11 and on Pyodide's Python 3.14: standard library
only, nothing deprecated or removed, rules.toml shipped as package data."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import calculators
from calculators import allocation, order_end, review

PACKAGE = Path(calculators.__file__).parent
SOURCES = sorted(PACKAGE.glob("*.py"))
# APIs removed or deprecated by Python 3.14 that code of this kind might reach for.
DEPRECATED_CALLS = ("utcnow", "utcfromtimestamp", "ByteString", "ast.Str", "ast.Num",
                    "ast.NameConstant", "resources.open_text", "resources.read_text",
                    "resources.open_binary", "resources.path", "resources.contents",
                    "resources.is_resource", "get_event_loop", "getdefaultlocale",
                    "typing.io", "typing.re")
REMOVED_MODULES = {"cgi", "cgitb", "imp", "distutils", "asynchat", "asyncore", "smtpd",
                   "pkg_resources", "pipes", "crypt", "telnetlib", "nntplib", "audioop",
                   "msilib", "xdrlib", "uu", "sunau", "sndhdr", "imghdr", "chunk", "aifc",
                   "spwd", "nis", "ossaudiodev", "mailcap"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", SOURCES, ids=[path.name for path in SOURCES])
def test_only_the_standard_library_and_the_package_itself_are_imported(path: Path) -> None:
    outside = imported_modules(path) - set(sys.stdlib_module_names) - {"calculators"}
    assert not outside


@pytest.mark.parametrize("path", SOURCES, ids=[path.name for path in SOURCES])
def test_nothing_deprecated_or_removed_by_python_3_14_is_used(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not [name for name in DEPRECATED_CALLS if name in text]
    assert not imported_modules(path) & REMOVED_MODULES


def test_importing_and_running_raises_no_warning_in_a_clean_interpreter() -> None:
    code = ("import calculators.api as a, calculators.__main__; "
            "print(a.run_json('review', '{\"last_review_date\": \"2023-01-10\"}')[0])")
    done = subprocess.run([sys.executable, "-W", "error", "-X", "warn_default_encoding",
                           "-c", code], cwd=PACKAGE.parent, capture_output=True, text=True,
                          env={}, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "0\n", "")


def test_rules_toml_sits_inside_the_package() -> None:
    assert (PACKAGE / "rules.toml").is_file()


@pytest.mark.parametrize(("module", "sources"), [
    (allocation, ["001_f6079787ae316351.txt", "45 CFR 303.100(a)(5)"]),
    (order_end, ["001_f6079787ae316351.txt", "RSMo 452.340"]),
    (review, ["001_f6079787ae316351.txt", "RSMo 454.498", "452.370"]),
])
def test_each_calculator_cites_its_sources(module: object, sources: list[str]) -> None:
    doc = " ".join((module.__doc__ or "").split())
    assert all(source in doc for source in sources)
