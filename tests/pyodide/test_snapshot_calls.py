"""The pinned Pyodide still has the private calls a returning visitor's fast start relies on.

build_tools/runtime/pyodide-snapshot.mjs holds the only calls into Pyodide that are not its public
API (loadPyodide's ``_makeSnapshot`` and ``_loadSnapshot`` options, ``makeMemorySnapshot``).
A Pyodide upgrade may drop or rename them without notice: this test loads the pinned Pyodide in
Node through that module, makes a snapshot and restores it, and names the call that broke.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).resolve().parents[2]
CHECK = Path(__file__).with_name("snapshot_calls.mjs")


def test_the_private_snapshot_calls_exist_and_restore_memory() -> None:
    if shutil.which("node") is None or not (ROOT / "node_modules" / "pyodide").is_dir():
        pytest.fail("Node.js or node_modules/pyodide is missing: run `make setup`.")
    run = subprocess.run(["node", str(CHECK)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, check=False)
    problems = run.stdout.strip()
    assert run.returncode == 0 and problems == "ok", (
        "The pinned Pyodide no longer has the private snapshot calls that "
        "build_tools/runtime/pyodide-snapshot.mjs uses (a returning visitor's fast start):\n"
        f"{problems}\n{run.stderr.strip()[-2000:]}\n"
        "Adapt pyodide-snapshot.mjs to the new Pyodide, or pin the Pyodide that has them.")
