"""Parity: every case of the scenario corpus gives, under Pyodide in Node, exactly the answer it
gives under CPython: the same exit code and byte-identical response text, and the same page view.

Node runs the very wheel the site build ships (build_tools/runtime/wheel.py) in one Pyodide
instance (tests/pyodide/run_in_pyodide.mjs), as the browser's worker does.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from build_tools.runtime import calculator_view
from build_tools.runtime.wheel import write_wheel
from build_tools.scenarios import Scenario, load_scenarios
from calculators import api

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("run_in_pyodide.mjs")
SCENARIOS = load_scenarios()


def node_or_fail() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js was not found: run `make setup` (it needs Node.js 20 with npm).")
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").is_file():
        pytest.fail("node_modules/pyodide is missing: run `make setup` (npm ci).")
    return node


def run_in_pyodide(wheel: Path, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each case's {"code", "response", "view"} from Pyodide in Node."""
    result = subprocess.run([node_or_fail(), str(RUNNER), str(wheel)], cwd=ROOT,
                            input=json.dumps(cases), capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0:
        pytest.fail(f"Pyodide in Node failed ({result.returncode}):\n{result.stderr[-4000:]}")
    answers: list[dict[str, Any]] = json.loads(result.stdout)
    assert len(answers) == len(cases)
    return answers


@pytest.fixture(scope="module")
def pyodide_answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    wheel = write_wheel(tmp_path_factory.mktemp("wheel"))
    cases = [{"calculator": case.calculator, "text": case.json_text()} for case in SCENARIOS]
    return dict(zip((case.name for case in SCENARIOS), run_in_pyodide(wheel, cases)))


def test_the_corpus_is_not_empty() -> None:
    names = {case.calculator for case in SCENARIOS}
    assert names == set(api.NAMES), f"the corpus covers {sorted(names)} only"


@pytest.mark.parametrize("case", SCENARIOS, ids=[case.name for case in SCENARIOS])
def test_pyodide_answers_exactly_as_cpython(case: Scenario,
                                            pyodide_answers: dict[str, dict[str, Any]]) -> None:
    code, response = api.run_json(case.calculator, case.json_text())
    answer = pyodide_answers[case.name]
    where = f"{case.file.name}:{case.line} ({case.name})"
    assert answer["code"] == code, f"{where}: exit code {answer['code']} under Pyodide, {code} " \
                                   f"under CPython"
    assert answer["response"] == response, (
        f"{where}: the response text differs.\nCPython: {response}\nPyodide: "
        f"{answer['response']}")
    assert answer["view"] == calculator_view.respond(case.calculator, case.json_text()), (
        f"{where}: the page view differs between CPython and Pyodide")
