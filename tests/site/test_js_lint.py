"""The JavaScript lint (`make lint`: ESLint, and tsc checking the JSDoc types) covers every
script of the project, and fails on a mistake.

Every .js, .mjs and .cjs file of the repository (what the site ships, what the build and the
tests run with Node) is linted by ESLint with the globals of where it runs (eslint.config.mjs),
and every .js file (the browser's: pages, workers, the benchmark's page) is in one of the
TypeScript programs `make lint` checks. A new file in a new place therefore fails here until
the configuration says where it runs: no script escapes the lint.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "node_modules" / ".bin"
# Files that must be among those found, so that an empty listing cannot pass.
KNOWN = {"docs/assets/calculators/main.js", "docs/assets/site/quick-exit.js",
         "build_tools/runtime/worker.js", "build_tools/runtime/service-worker.js",
         "build_tools/runtime/start-worker.js", "build_tools/runtime/pyodide-snapshot.mjs",
         "build_tools/runtime/run_in_pyodide.mjs", "eslint.config.mjs"}

# Each file's ESLint configuration, through ESLint's own API: whether it is ignored, and the
# globals it is linted with.
CONFIG_OF_FILES = """
import { ESLint } from "eslint";
import { readFileSync } from "node:fs";
const eslint = new ESLint();
const answer = {};
for (const file of JSON.parse(readFileSync(0, "utf-8"))) {
  const ignored = await eslint.isPathIgnored(file);
  const config = ignored ? undefined : await eslint.calculateConfigForFile(file);
  answer[file] = { ignored, globals: Object.keys(config?.languageOptions?.globals ?? {}) };
}
process.stdout.write(JSON.stringify(answer));
"""


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    if shutil.which("node") is None or not (BIN / "eslint").exists() or not (BIN / "tsc").exists():
        pytest.fail("Node.js, ESLint or TypeScript is missing: run `make setup` (npm ci).")


def _scripts() -> list[str]:
    """Every script of the repository: tracked, or new and not ignored by git."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--",
         "*.js", "*.mjs", "*.cjs"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    files = sorted(file for file in set(listed) if (ROOT / file).is_file())
    assert KNOWN <= set(files), f"git lists no {sorted(KNOWN - set(files))}"
    return files


def _run(args: list[str], stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, input=stdin, capture_output=True, text=True,
                          timeout=300, check=False)


def test_eslint_lints_every_script_with_the_globals_of_where_it_runs() -> None:
    files = _scripts()
    run = _run(["node", "--input-type=module", "-e", CONFIG_OF_FILES], json.dumps(files))
    assert run.returncode == 0, run.stderr
    configs = json.loads(run.stdout)
    ignored = [file for file in files if configs[file]["ignored"]]
    assert not ignored, f"eslint.config.mjs ignores {ignored}: every script is linted"
    # Browsers, workers, service workers and Node all have setTimeout; a file that matches no
    # environment block of eslint.config.mjs has none of their globals.
    placeless = [file for file in files if "setTimeout" not in configs[file]["globals"]]
    assert not placeless, (
        f"{placeless} match no environment in eslint.config.mjs: add each to the block for "
        "where it runs (page, worker, service worker or Node)")


def _type_checked_programs() -> list[str]:
    """The TypeScript configurations `make lint` runs tsc with."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no lint target"
    configs = re.findall(r"tsc -p (\S+)", recipe.group(1))
    assert configs, "`make lint` runs no tsc"
    return configs


def test_every_browser_script_is_type_checked() -> None:
    checked: set[str] = set()
    for config in _type_checked_programs():
        run = _run([str(BIN / "tsc"), "-p", config, "--listFilesOnly"])
        assert run.returncode == 0, run.stdout + run.stderr
        checked |= {Path(line).resolve().relative_to(ROOT).as_posix()
                    for line in run.stdout.splitlines()
                    if line.strip() and Path(line).resolve().is_relative_to(ROOT)}
    unchecked = [file for file in _scripts() if file.endswith(".js") and file not in checked]
    assert not unchecked, (
        f"{unchecked} are in no TypeScript program of `make lint`: add each to tsconfig.json "
        "(pages) or to its worker's configuration in build_tools/runtime/")


def test_eslint_fails_on_an_undefined_name() -> None:
    name = "docs/assets/calculators/new-module.js"
    eslint = [str(BIN / "eslint"), "--stdin", "--stdin-filename", name]
    wrong = _run(eslint, "const total = 1;\nexport const shown = totl + 1;\n")
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    assert "'totl' is not defined" in wrong.stdout and "no-undef" in wrong.stdout, wrong.stdout
    right = _run(eslint, "const total = 1;\nexport const shown = total + 1;\n")
    assert right.returncode == 0, right.stdout + right.stderr


def test_tsc_fails_on_a_wrong_type(tmp_path: Path) -> None:
    config = tmp_path / "tsconfig.json"
    config.write_text(json.dumps({"extends": str(ROOT / "tsconfig.json"),
                                  "include": ["probe.js"]}), encoding="utf-8")
    probe = tmp_path / "probe.js"
    probe.write_text('document.getElementById("calculator-progress").max = 3;\n',
                     encoding="utf-8")
    wrong = _run([str(BIN / "tsc"), "-p", str(config)], cwd=tmp_path)
    assert wrong.returncode != 0
    assert "Property 'max' does not exist on type 'HTMLElement'" in wrong.stdout, wrong.stdout
    probe.write_text('/** @type {HTMLProgressElement} */ '
                     '(document.getElementById("calculator-progress")).max = 3;\n',
                     encoding="utf-8")
    right = _run([str(BIN / "tsc"), "-p", str(config)], cwd=tmp_path)
    assert right.returncode == 0, right.stdout + right.stderr
