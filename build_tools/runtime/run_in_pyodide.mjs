// Runs calculator inputs through the calculators wheel under Pyodide in Node, the way the
// browser's worker does: one Pyodide instance, the wheel unpacked once, the package imported once,
// then calculators.api.run_json and calculators.views.respond.respond for every input.
//
// Usage: node build_tools/runtime/run_in_pyodide.mjs WHEEL [--stdlib ZIP] [--trace]
//        [--via-snapshot] < cases.json
//   cases.json: [{"calculator": NAME or null, "text": "JSON text sent", "lang": "es"}, ...]
//                 (lang, the page's language, "en" when left out)
//   --stdlib ZIP  the standard library archive to start from (default: Pyodide's own, whole);
//                 the parity test passes the trimmed one the site ships.
//   --trace       also report what of the standard library was used (see below).
//   --via-snapshot  as a returning visitor's worker does: a first interpreter imports the
//                 calculators, answers the first case and makes a memory snapshot; the answers
//                 come from a second interpreter restored from that snapshot.
// Prints one JSON object: {"answers": [{"code", "response", "view"}, ...] in the same order,
// "stdlib": {member: base64 of its compiled .pyc, ...}} (stdlib only with --trace: every module
// of the archive that was imported, compiled here by Python 3.14 itself, so that the browser loads
// bytecode instead of compiling source on every visit).
// Pyodide is loaded from node_modules (npm ci); nothing is fetched from the network.

import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { memorySnapshot, snapshotOptions } from "./pyodide-snapshot.mjs";

const args = process.argv.slice(2);
const wheel = args[0];
const stdlibAt = args.indexOf("--stdlib");
const stdLibURL = stdlibAt > 0 ? args[stdlibAt + 1] : undefined;
const trace = args.includes("--trace");
const viaSnapshot = args.includes("--via-snapshot");
if (!wheel || (stdlibAt > 0 && !stdLibURL)) {
  console.error("usage: node run_in_pyodide.mjs WHEEL [--stdlib ZIP] [--trace] < cases.json");
  process.exit(64);
}
const cases = JSON.parse(readFileSync(0, "utf-8"));

// Python's own output would be mixed into ours: keep stdout for the answer only.
const options = { stdout: (line) => console.error(line), stdLibURL };
let pyodide = await loadPyodide({ ...options, ...(viaSnapshot ? snapshotOptions(null) : {}) });
// A Node Buffer is not a typed array Pyodide knows: hand it a plain Uint8Array.
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
let respond = pyodide.pyimport("calculators.views.respond.respond");
if (viaSnapshot) {
  if (cases.length) respond(cases[0].calculator, cases[0].text, cases[0].lang ?? "en");
  const snapshot = memorySnapshot(pyodide);
  pyodide = await loadPyodide({ ...options, ...snapshotOptions(snapshot) });
  respond = pyodide.pyimport("calculators.views.respond.respond");
}
const runJson = pyodide.pyimport("calculators.api").run_json;

const answers = cases.map(({ calculator, text, lang = "en" }) => {
  const result = runJson.callKwargs(calculator, text, { lang });
  const [code, response] = result.toJs();
  result.destroy();
  return { code, response, view: respond(calculator, text, lang) };
});

let stdlib = null;
if (trace) {
  // A Python error reaching JavaScript: what reporting one imports is needed too.
  try {
    pyodide.runPython("raise ValueError('traced')");
  } catch {
    // expected
  }
  stdlib = pyodide.runPython(`
import sys
_used = [(module.__file__, module.__name__) for module in list(sys.modules.values())
         if isinstance(getattr(module, "__file__", None), str)]
import base64, importlib._bootstrap_external as _external, zipfile
_archive = next(path for path in sys.path if path.endswith(".zip"))
_prefix = _archive + "/"
with zipfile.ZipFile(_archive) as _zip:
    _compiled = {}
    for _file, _name in sorted(_used):
        if _file.startswith(_prefix) and _file.endswith(".py"):
            _member = _file[len(_prefix):]
            _source = _zip.read(_member)
            _code = compile(_source, _file, "exec", dont_inherit=True, optimize=2)
            _compiled[_member] = base64.b64encode(
                _external._code_to_timestamp_pyc(_code, 0, len(_source))).decode("ascii")
import json
json.dumps(_compiled)
`);
  stdlib = JSON.parse(stdlib);
}
process.stdout.write(JSON.stringify({ answers, stdlib }));
