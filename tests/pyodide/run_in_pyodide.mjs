// Runs calculator inputs through the calculators wheel under Pyodide in Node, the way the
// browser's worker does: one Pyodide instance, the wheel unpacked once, the package imported once,
// then calculators.api.run_json for every input.
//
// Usage: node tests/pyodide/run_in_pyodide.mjs WHEEL < cases.json
//   cases.json: [{"calculator": NAME or null, "text": "JSON text sent"}, ...]
// Prints one JSON array: [{"code": EXIT_CODE, "response": "response JSON text",
// "view": "calculator_view.respond output"}, ...] in the same order.
// Pyodide is loaded from node_modules (npm ci); nothing is fetched from the network.

import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const wheel = process.argv[2];
if (!wheel) {
  console.error("usage: node tests/pyodide/run_in_pyodide.mjs WHEEL < cases.json");
  process.exit(64);
}
const cases = JSON.parse(readFileSync(0, "utf-8"));

// Python's own output would be mixed into ours: keep stdout for the answer only.
const pyodide = await loadPyodide({ stdout: (line) => console.error(line) });
// A Node Buffer is not a typed array Pyodide knows: hand it a plain Uint8Array.
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.runPython("import calculators.api, calculator_view");
const runJson = pyodide.runPython("calculators.api.run_json");
const respond = pyodide.runPython("calculator_view.respond");

const answers = cases.map(({ calculator, text }) => {
  const result = runJson(calculator, text);
  const [code, response] = result.toJs();
  result.destroy();
  return { code, response, view: respond(calculator, text) };
});
process.stdout.write(JSON.stringify(answers));
