"""The recipe for a new calculator (calculators/CONTRACT.md, "Adding a calculator"), followed
once. In a copy of the project a small calculator, ``days_until``, is added by the recipe's five
steps and nothing else: its modules, its line in the registry, its scenarios (and `make
schema-docs`), its page, `make urls`. Then the site is built, once, and the new page has its
form, made from the calculator's declaration, and its worked examples; the wheel the browser
loads carries it, and the command line knows its name. (Its corpus is smaller than the corpus
test asks of a real calculator, which this test does not run.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAME, PAGE, URL = "days_until", "calculators/days-until.md", "calculators/days-until/"

pytestmark = pytest.mark.build

# Step 1: its modules in calculators/ (the rule, its view, its section of the contract and its
# tests).
MODULE = '''"""days_until: how many days there are from one date to another."""

from __future__ import annotations

from calculators import dates
from calculators.calculator import Calculator, Outcome, Values, known
from calculators.fields import DateField, Reader
from calculators.layout import Section
from calculators.rules import Applied
from calculators.wording import plural

FIELDS = (
    DateField(name="until", label="Date to count to", required=True,
              noun="the date to count to", help="The day you are waiting for."),
    DateField(name="as_of", label="Date to count from", today_if_absent=True,
              help="Normally today: leave it empty to use today's date."),
)
LAYOUT = (
    Section(title=None, fields=("until",)),
    Section(title="The date used", intro="The count starts today unless you enter a date.",
            fields=("as_of",)),
)


def check(values: Values, reader: Reader) -> None:
    until, as_of = values["until"], values["as_of"]
    if known(until, as_of) and until < as_of:
        reader.error("until", "The date to count to is before the date to count from.")


def compute(values: Values, applied: Applied) -> Outcome:
    days = (values["until"] - values["as_of"]).days
    return Outcome({"days": days},
                   [f"From {dates.long_date(values['as_of'])} to "
                    f"{dates.long_date(values['until'])} is {plural(days, 'day')}."],
                   ["fsd-customer-service"])


CALCULATOR = Calculator(name="days_until", title="How many days until a date?",
                        summary="Counts the days from one date to another.", fields=FIELDS,
                        check=check, compute=compute, layout=LAYOUT)
'''
VIEW = '''"""days_until on its page: the count in one sentence."""

from __future__ import annotations

from typing import Any

from calculators.views.common import Used, View
from calculators.wording import plural


def view(result: dict[str, Any], used: Used) -> View:
    return {"answer": f"{plural(result['days'], 'day')} to go.",
            "facts": [["Days", str(result["days"])]], "table": None}
'''
CONTRACT = '''
## days_until: how many days until a date

Input: `{"until": "2026-12-14", "as_of": "2026-12-02"}`; `until` is required and may not be
before `as_of`. Output `result`: `{"days": int}`.
'''
TESTS = '''from calculators import api


def test_twelve_days():
    response = api.run("days_until", {"until": "2026-12-14", "as_of": "2026-12-02"})
    assert response["result"] == {"days": 12}
'''
# Step 2: its line in the registry (with the imports of its two modules).
IMPORTS = ("from calculators import days_until\n"
           "from calculators.views import days_until as days_until_view\n")
LINE = f'    Registered(days_until.CALCULATOR, "{PAGE}", days_until_view.view),\n'
# Step 3: its scenarios, one of them a worked example.
SCENARIOS = '''- name: Twelve days from December 2 to December 14.
  name_es: Doce días del 2 al 14 de diciembre.
  id: days-until-december-14
  example: true
  calculator: days_until
  input: {until: "2026-12-14", as_of: "2026-12-02"}
  expect:
    ok: true
    result: {days: 12}

- name: No days to wait for a date that is today.
  name_es: Cero días de espera para una fecha que es hoy.
  id: days-until-today
  example: true
  calculator: days_until
  input: {until: "2026-12-02", as_of: "2026-12-02"}
  expect:
    ok: true
    result: {days: 0}

- name: A date to count to before the date to count from is refused.
  calculator: days_until
  input: {until: "2026-12-01", as_of: "2026-12-02"}
  expect:
    ok: false
    errors: [until]
'''
# Step 4: its page.
DOC = '''---
title: How many days until a date?
description: Count the days from one date to another.
sources:
  - seed: 001_f6079787ae316351.txt
last_reviewed: 2026-12-02
quick_exit: true
---
# How many days until a date?

Enter a date to see how many days there are until it. Nothing you type leaves your browser.

[[calculator:days_until]]

## Worked examples

[[worked-examples:days_until]]

## Who to call

[[contact:fsd-customer-service]]
'''
# What the recipe touches, and nothing else may change.
TOUCHED = {"calculators/days_until.py", "calculators/views/days_until.py",
           "calculators/CONTRACT.md", "tests/calculators/test_days_until.py",
           "calculators/registry.py", "tests/scenarios/days_until.yaml",
           "tests/scenarios/README.md", f"docs/{PAGE}", "data/published_urls.txt"}


def project_files() -> list[str]:
    """The project's files: tracked, or new and not ignored (what a commit would hold)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard",
                             "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return sorted(path for path in listed.decode("utf-8").split("\0")
                  if path and (ROOT / path).is_file())


def snapshot(root: Path, paths: list[str]) -> dict[str, bytes]:
    return {path: (root / path).read_bytes() for path in paths if (root / path).is_file()}


def run(copy: Path, *command: str, fails: bool = False) -> str:
    """A command in the copy, with the copy's packages first on Python's path: its output, or
    (``fails``) what it printed on failing."""
    env = dict(os.environ, PYTHONPATH=str(copy), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True)
    if (result.returncode != 0) != fails:
        pytest.fail(f"{' '.join(command)} {'passed' if fails else 'failed'} "
                    f"({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout + result.stderr


def build(copy: Path, *, fails: bool = False) -> str:
    return run(copy, sys.executable, "-m", "build_tools.commands.build_languages", "--strict",
               "--site-dir", str(copy / "site"), fails=fails)


def make(copy: Path, target: str) -> str:
    """`make TARGET` in the copy, with this project's virtual environment (never reinstalled)."""
    venv = Path(sys.executable).parent.parent
    return run(copy, "make", "--no-print-directory", target, f"VENV={venv}",
               f"PY={sys.executable}", "-o", f"{venv}/.installed")


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The copy, with the calculator added by the recipe and the site built in site/."""
    copy = tmp_path_factory.mktemp("new-calculator") / "project"
    files = project_files()
    for path in files:
        (copy / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, copy / path)
    # What the build reads beside the project's files: the npm packages (Pyodide, esbuild) and,
    # when there, the cache of compressed runtime files, which saves minutes.
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", copy / ".cache")
    before = snapshot(copy, files)

    (copy / "calculators" / "days_until.py").write_text(MODULE, encoding="utf-8")
    (copy / "calculators" / "views" / "days_until.py").write_text(VIEW, encoding="utf-8")
    with (copy / "calculators" / "CONTRACT.md").open("a", encoding="utf-8") as contract:
        contract.write(CONTRACT)
    (copy / "tests" / "calculators" / "test_days_until.py").write_text(TESTS, encoding="utf-8")
    registry = copy / "calculators" / "registry.py"
    text = registry.read_text(encoding="utf-8")
    anchor, end = "from calculators.views.common import", "\n])\n"
    assert text.count(anchor) == 1 and text.count(end) == 1, "calculators/registry.py changed shape"
    text = text.replace(anchor, IMPORTS + anchor).replace(end, "\n" + LINE.rstrip("\n") + end)
    registry.write_text(text, encoding="utf-8")
    (copy / "tests" / "scenarios" / "days_until.yaml").write_text(SCENARIOS, encoding="utf-8")
    make(copy, "schema-docs")
    # Until its page is written, the build stops and names it.
    assert f"{NAME} (docs/{PAGE})" in build(copy, fails=True)
    (copy / "docs" / PAGE).write_text(DOC, encoding="utf-8")
    make(copy, "urls")

    after = snapshot(copy, project_files_in(copy))
    changed = {path for path in before.keys() | after.keys()
               if before.get(path) != after.get(path)}
    assert changed == TOUCHED, f"the recipe touched {sorted(changed ^ TOUCHED)} unexpectedly"
    run(copy, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        "tests/calculators/test_days_until.py")
    build(copy)
    return copy


def project_files_in(copy: Path) -> list[str]:
    """Every file of the copy but what the tools leave (caches, the npm link, a built site)."""
    skipped = {"node_modules", ".cache", "__pycache__", ".pytest_cache", ".hypothesis"}
    return sorted(path.relative_to(copy).as_posix() for path in copy.rglob("*")
                  if path.is_file() and not skipped & set(path.relative_to(copy).parts)
                  and path.relative_to(copy).parts[0] not in ("site", ".site.building")
                  and not path.name.startswith(".coverage"))


def test_the_new_calculators_page_has_its_form_and_its_worked_example(added):
    html = (added / "site" / URL / "index.html").read_text(encoding="utf-8")
    # The form, from its declaration: each asked field's control and label.
    for path, label in (("until", "Date to count to"), ("as_of", "Date to count from")):
        assert re.search(rf'<input [^>]*\bid="calc-{path}" name="{path}"[^>]*type="date"'
                         rf'|<input [^>]*type="date"[^>]*\bid="calc-{path}" name="{path}"', html)
        assert re.search(rf'<label [^>]*for="calc-{path}">{label}[ <]', html)
    assert re.search(r'<summary [^>]*>The date used\b', html)  # the layout's second section
    assert '"calculator": "days_until"' in html
    # The worked example, computed by the build through the calculator and its view.
    assert 'id="example-days-until-december-14"' in html and 'id="example-days-until-today"' in html
    assert "12 days to go." in html and "0 days to go." in html
    assert "From December 2, 2026 to December 14, 2026 is 12 days." in html


def test_the_registry_lists_it_everywhere(added):
    assert URL in (added / "data" / "published_urls.txt").read_text(encoding="utf-8").split()
    assert NAME in (added / "tests" / "scenarios" / "README.md").read_text(encoding="utf-8")
    usage = run(added, sys.executable, "-m", "calculators", "--help")
    assert f"{NAME}." in usage or f"{NAME}," in usage
    answer = json.loads(run(added, sys.executable, "-c",
                            "from calculators.views.respond import respond; "
                            "print(respond('days_until', '{\"until\": \"2026-12-14\", "
                            "\"as_of\": \"2026-12-02\"}'))"))
    assert answer["response"]["result"] == {"days": 12}
    assert answer["view"]["answer"] == "12 days to go."
    # The browser's copy: the wheel carries the calculator and its view, and the service
    # worker keeps the new page.
    wheels = list((added / "site" / "calculators" / "runtime").glob("*/*.whl"))
    assert len(wheels) == 1
    with zipfile.ZipFile(wheels[0]) as wheel:
        assert {"calculators/days_until.py", "calculators/views/days_until.py"} <= set(
            wheel.namelist())
    service_worker = (added / "site" / "sw.js").read_text(encoding="utf-8")
    assert '"calculators/days-until/"' in service_worker
