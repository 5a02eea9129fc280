"""The standard library the calculator pages ship: only what the calculators use, precompiled.

Pyodide's ``python_stdlib.zip`` holds the whole standard library as source (2.5 MB, as much again
as the WebAssembly on a phone network), and Python compiles every module it imports from it on
every visit. The site ships instead an archive with only the modules that are imported when the
calculators run, as bytecode compiled by Pyodide's own Python.

Which modules: the scenario corpus is run through the calculators wheel under Pyodide in Node
(build_tools/runtime/run_in_pyodide.mjs --trace), every case in English and in Spanish (which
reads the gettext catalog), plus one Python error reaching
JavaScript; every module imported from the archive by then is kept. The parity test
(tests/pyodide/) runs the whole corpus again against the archive as shipped, so a module missing
from it fails that test, not a visitor's page.

Tracing takes a few seconds (Node starts Pyodide), so the archive is kept in ``.cache/runtime/``
under a key made of everything it depends on: the Pyodide version, the wheel, the corpus and the
tracing script. A build with none of them changed reads the cached archive.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from build_tools.runtime.wheel import FIXED_DATE, ROOT, Wheel

RUNNER = Path(__file__).with_name("run_in_pyodide.mjs")
CACHE = ROOT / ".cache" / "runtime"
FILENAME = "python_stdlib.zip"
ARCHIVE_FORMAT = "stored"  # part of the cache key: an archive cached in another format is remade


class StdlibError(Exception):
    """The trimmed standard library could not be made; the message says why and what to do."""


def run_in_pyodide(wheel: Path, cases: list[dict[str, Any]], stdlib: Path | None = None,
                   trace: bool = False, via_snapshot: bool = False,
                   root: Path = ROOT) -> dict[str, Any]:
    """The runner's answer: {"answers": [...], "stdlib": {member: base64 .pyc} or None}."""
    node = shutil.which("node")
    if node is None:
        raise StdlibError("Node.js was not found: run `make setup` (it needs Node.js 20 with npm).")
    command = [node, str(RUNNER), str(wheel)]
    if stdlib is not None:
        command += ["--stdlib", str(stdlib)]
    if trace:
        command.append("--trace")
    if via_snapshot:
        command.append("--via-snapshot")
    result = subprocess.run(command, cwd=root, input=json.dumps(cases), capture_output=True,
                            text=True, timeout=300)
    if result.returncode != 0:
        raise StdlibError(f"Pyodide in Node failed ({result.returncode}) running "
                          f"{RUNNER.name}:\n{result.stderr[-4000:]}")
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def corpus_cases() -> list[dict[str, Any]]:
    """Every case of the corpus in every language the calculators speak (a Spanish answer reads
    the gettext catalog: what that imports is kept too)."""
    from build_tools.data.scenarios import load_scenarios
    from calculators.i18n import LANGUAGES

    return [{"calculator": case.calculator, "text": case.json_text(), "lang": lang}
            for lang in LANGUAGES for case in load_scenarios()]


def archive(compiled: dict[str, bytes]) -> bytes:
    """A zip of ``member.pyc`` for every ``member.py``, deterministic like the wheel.

    The entries are stored, not deflated: the transfer is compressed anyway (gzip or brotli,
    build_tools/runtime/precompress.py), and a compressor sees across stored entries, so the
    archive goes over the wire smaller than one deflated entry by entry (1.32 MB, against
    1.25 MB with gzip and 0.92 MB with brotli stored).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for member in sorted(compiled):
            info = zipfile.ZipInfo(member.removesuffix(".py") + ".pyc", date_time=FIXED_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            zipped.writestr(info, compiled[member])
    return buffer.getvalue()


def trimmed_stdlib(pyodide_version: str, wheel: Wheel, root: Path = ROOT) -> bytes:
    """The archive the site ships (from the cache when nothing it depends on has changed)."""
    cases = corpus_cases()
    key = hashlib.sha256(json.dumps(
        [pyodide_version, wheel.sha256, cases, hashlib.sha256(RUNNER.read_bytes()).hexdigest(),
         ARCHIVE_FORMAT],
        sort_keys=True).encode("utf-8")).hexdigest()[:24]
    cached = CACHE / f"stdlib-{key}.zip"
    if cached.is_file():
        return cached.read_bytes()
    CACHE.mkdir(parents=True, exist_ok=True)
    wheel_path = CACHE / wheel.filename
    wheel_path.write_bytes(wheel.data)
    traced = run_in_pyodide(wheel_path, cases, trace=True, root=root)
    compiled = {member: base64.b64decode(data) for member, data in traced["stdlib"].items()}
    if not compiled:
        raise StdlibError(f"{RUNNER.name} --trace reported no standard library module.")
    data = archive(compiled)
    for old in CACHE.glob("stdlib-*.zip"):
        old.unlink()
    cached.write_bytes(data)
    return data
