"""How the calculators' time grows with the size of a hostile input, on the command line and
under Pyodide in Node.

Each worst case of a request that is too big or malformed is built at growing sizes and sent,
as JSON text, to ``calculators.api.run_json`` (what the command line and the browser's worker
call), and the time is printed as a table: size -> milliseconds, with the response's size.

- money string: an amount of N characters, "-1111...1x" (not a number; it starts like a
  negative one);
- money parser alone: the same string given to ``money.parse_cents`` directly, past the
  field's length limit (how the parser itself grows);
- malformed JSON: N bytes of an unterminated string of escaped quotes, ``{"payment": "\\"\\"...``
  (what the nesting check reads before the parser does);
- unknown keys: an object with N bytes of different keys no calculator declares;
- large request: N bytes of a list of zeros under an unknown key, up to 10 MB (each zero would
  become a Decimal: the memory, not only the time, grows with it).

The same Python timing code runs in both runtimes: in a child CPython process, and in Pyodide
in Node (Pyodide from node_modules, the calculators from a wheel built from the checkout, as
the site ships them). ``--root`` measures another checkout (a copy of an older commit, to give
"before" figures). Nothing is asserted; timings belong here, not in the tests.

Usage: ``python bench/input_growth.py [--root DIR] [--max-size BYTES] [--runtime cpython|pyodide|both]``
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000)
LARGE = (100_000, 1_000_000, 10_000_000)
ORDERS = '"orders": [{"current_due": "300.00"}]'

# Runs in the measured runtime: times each case (the best of a few runs for quick ones).
TIMER = r'''
import json, time
from calculators import api, money

def measure(cases_text):
    rows = []
    for case in json.loads(cases_text):
        unit, count = case["unit"], case["count"]
        body = ("".join(unit.format(i) for i in range(count)) if case.get("numbered")
                else unit * count)
        text = case["prefix"] + body + case["suffix"]
        best, size = None, 0
        for attempt in range(3):
            began = time.perf_counter()
            if case["calculator"] == "money.parse_cents":  # the parser, without the limits
                try:
                    money.parse_cents(text)
                except money.InvalidMoney as problem:
                    code, response = 2, str(problem)
            else:
                code, response = api.run_json(case["calculator"], text)
            took = (time.perf_counter() - began) * 1000
            best = took if best is None else min(best, took)
            size = len(response.encode("utf-8"))
            if took > 200:
                break
        rows.append({"case": case["case"], "bytes": len(text.encode("utf-8")), "ms": best,
                     "response_bytes": size, "code": code})
    return json.dumps(rows)
'''

NODE_RUNNER = r'''
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
const [wheel, timerFile] = process.argv.slice(1);
const cases = readFileSync(0, "utf-8");
const pyodide = await loadPyodide({ stdout: (line) => console.error(line) });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.runPython(readFileSync(timerFile, "utf-8"));
process.stdout.write(pyodide.globals.get("measure")(cases));
'''


def cases(max_size: int) -> list[dict[str, object]]:
    """Each worst case at each size up to ``max_size`` bytes."""
    built: list[dict[str, object]] = []
    for size in SIZES:
        if size > max_size:
            break
        built += [
            {"case": "money string", "calculator": "allocation",
             "prefix": '{"payment": "-', "unit": "1", "count": size,
             "suffix": 'x", ' + ORDERS + "}"},
            {"case": "money parser alone", "calculator": "money.parse_cents",
             "prefix": "-", "unit": "1", "count": size, "suffix": "x"},
            {"case": "malformed JSON", "calculator": "allocation",
             "prefix": '{"payment": "', "unit": '\\"', "count": size // 2, "suffix": ""},
            {"case": "unknown keys", "calculator": "allocation",
             "prefix": '{"payment": "1", ' + ORDERS, "unit": ', "k{}": 0', "count": size // 12,
             "numbered": True, "suffix": "}"},
        ]
    for size in (*SIZES, *LARGE):
        if size > max_size and size not in LARGE:
            continue
        built.append({"case": "large request", "calculator": "allocation",
                      "prefix": '{"payment": "1", ' + ORDERS + ', "extra": [', "unit": "0,",
                      "count": size // 2, "suffix": "0]}"})
    return built


def run_cpython(root: Path, measured: list[dict[str, object]]) -> list[dict[str, object]]:
    code = TIMER + "\nimport sys\nprint(measure(sys.stdin.read()))\n"
    result = subprocess.run([sys.executable, "-c", code], cwd=root, input=json.dumps(measured),
                            capture_output=True, text=True, check=True)
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def run_pyodide(root: Path, measured: list[dict[str, object]]) -> list[dict[str, object]]:
    sys.path.insert(0, str(ROOT))
    from build_tools.runtime.wheel import build_wheel

    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide").is_dir():
        raise SystemExit("Node.js or node_modules/pyodide is missing: run `make setup`.")
    wheel = build_wheel(root)
    with tempfile.TemporaryDirectory() as folder:
        wheel_file = Path(folder) / wheel.filename
        wheel_file.write_bytes(wheel.data)
        timer = Path(folder) / "timer.py"
        timer.write_text(TIMER, encoding="utf-8")
        result = subprocess.run([node, "--input-type=module", "-e", NODE_RUNNER, str(wheel_file),
                                 str(timer)], cwd=ROOT, input=json.dumps(measured),
                                capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"Pyodide in Node failed:\n{result.stderr[-3000:]}")
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def table(title: str, rows: list[dict[str, object]]) -> str:
    lines = [f"## {title}", "", "| case | bytes | ms | response bytes | exit |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for row in rows:
        lines.append(f"| {row['case']} | {row['bytes']:,} | {float(str(row['ms'])):.1f} | "
                     f"{row['response_bytes']:,} | {row['code']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the checkout whose calculators/ to measure (default: this one)")
    parser.add_argument("--max-size", type=int, default=SIZES[-1],
                        help="the largest size of the growing cases, in bytes (default 64000)")
    parser.add_argument("--large", action=argparse.BooleanOptionalAction, default=True,
                        help="also send requests of 100 kB, 1 MB and 10 MB (default: yes)")
    parser.add_argument("--runtime", choices=("cpython", "pyodide", "both"), default="both")
    options = parser.parse_args(argv)
    measured = [case for case in cases(options.max_size)
                if options.large or case["count"] <= options.max_size]
    root = options.root.resolve()
    if options.runtime in ("cpython", "both"):
        print(table(f"CPython {sys.version.split()[0]}, {root}", run_cpython(root, measured)))
        print()
    if options.runtime in ("pyodide", "both"):
        print(table(f"Pyodide in Node, {root}", run_pyodide(root, measured)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
