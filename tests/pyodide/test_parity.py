"""Parity: every case of the scenario corpus gives, under Pyodide in Node, exactly the answer it
gives under CPython: the same exit code and byte-identical response text, and the same page view,
in English and in Spanish (the request's ``lang``: the Spanish answers read the gettext catalog
with the trimmed standard library's ``gettext``).

Node runs the very wheel and the very standard library archive the site build ships
(build_tools/runtime/bundle.py: the wheel, and only the standard library modules the calculators
were seen to import, precompiled) in one Pyodide instance
(build_tools/runtime/run_in_pyodide.mjs), as the browser's worker does: a module missing from
the trimmed archive fails here.
"""

from __future__ import annotations

import gzip
import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from build_tools.data.scenarios import Scenario, load_scenarios
from build_tools.runtime import bundle, stdlib
from calculators import api
from calculators.i18n import LANGUAGES
from calculators.views.respond import respond

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = load_scenarios()


@pytest.fixture(scope="module", params=["started", "restored"],
                ids=["interpreter started", "interpreter restored from a memory snapshot"])
def pyodide_answers(request: pytest.FixtureRequest,
                    tmp_path_factory: pytest.TempPathFactory
                    ) -> dict[tuple[str, str], dict[str, Any]]:
    """Each case's {"code", "response", "view"} from Pyodide in Node, by language and case
    name: from an
    interpreter started as on a first visit, and from one restored from a memory snapshot as
    on a returning visit (build_tools/runtime/worker.js)."""
    if shutil.which("node") is None or not (ROOT / "node_modules" / "pyodide").is_dir():
        pytest.fail("Node.js or node_modules/pyodide is missing: run `make setup`.")
    runtime = bundle.prepare(ROOT)
    folder = tmp_path_factory.mktemp("runtime")
    wheel = folder / runtime.wheel.filename
    wheel.write_bytes(runtime.wheel.data)
    archive = folder / stdlib.FILENAME
    archive.write_bytes(runtime.stdlib)
    cases = [{"calculator": case.calculator, "text": case.json_text(), "lang": lang}
             for lang in LANGUAGES for case in SCENARIOS]
    try:
        answers = stdlib.run_in_pyodide(wheel, cases, stdlib=archive,
                                        via_snapshot=request.param == "restored")["answers"]
    except stdlib.StdlibError as error:
        pytest.fail(str(error))
    assert len(answers) == len(cases)
    return dict(zip(((lang, case.name) for lang in LANGUAGES for case in SCENARIOS), answers))


def test_the_shipped_standard_library_is_trimmed_and_compiled() -> None:
    runtime = bundle.prepare(ROOT)
    whole = runtime.pyodide.source / stdlib.FILENAME
    names = zipfile.ZipFile(io.BytesIO(runtime.stdlib)).namelist()
    assert names and all(name.endswith(".pyc") for name in names), names[:5]
    assert {"decimal.pyc", "json/__init__.pyc", "tomllib/__init__.pyc", "gettext.pyc"} <= set(names)
    whole_names = zipfile.ZipFile(whole).namelist()
    assert len(names) < len(whole_names) / 2
    # The entries are stored (the transfer compresses them): compare what goes over the wire.
    assert len(gzip.compress(runtime.stdlib, compresslevel=9)) < whole.stat().st_size * 0.7


def test_the_corpus_is_not_empty() -> None:
    names = {case.calculator for case in SCENARIOS}
    assert names == set(api.NAMES), f"the corpus covers {sorted(names)} only"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", SCENARIOS, ids=[case.name for case in SCENARIOS])
def test_pyodide_answers_exactly_as_cpython(
        case: Scenario, lang: str, pyodide_answers: dict[tuple[str, str], dict[str, Any]]
) -> None:
    code, response = api.run_json(case.calculator, case.json_text(), lang=lang)
    answer = pyodide_answers[lang, case.name]
    where = f"{case.file.name}:{case.line} ({case.name}, {lang})"
    assert answer["code"] == code, f"{where}: exit code {answer['code']} under Pyodide, {code} " \
                                   f"under CPython"
    assert answer["response"] == response, (
        f"{where}: the response text differs.\nCPython: {response}\nPyodide: "
        f"{answer['response']}")
    assert answer["view"] == respond(case.calculator, case.json_text(), lang), (
        f"{where}: the page view differs between CPython and Pyodide")
