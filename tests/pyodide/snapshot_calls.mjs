// Checks that the Pyodide in node_modules (the version package.json pins) still has the private
// snapshot calls of build_tools/runtime/pyodide-snapshot.mjs, and that they still do what the
// worker relies on: a value set before the snapshot is there in the interpreter restored from
// it. Prints one line per problem, naming the call, and exits 1; prints "ok" otherwise.
// Run by tests/pyodide/test_snapshot_calls.py.

import { loadPyodide } from "pyodide";
import { memorySnapshot, snapshotOptions } from "../../build_tools/runtime/pyodide-snapshot.mjs";

const problems = [];
const quiet = { stdout: () => {}, stderr: () => {} };
let snapshot = null;
try {
  const first = await loadPyodide({ ...quiet, ...snapshotOptions(null) });
  if (typeof first.makeMemorySnapshot !== "function") {
    problems.push("pyodide.makeMemorySnapshot is no longer a function");
  } else {
    first.runPython("marker = 'kept in the snapshot'");
    snapshot = memorySnapshot(first);
    if (!(snapshot instanceof Uint8Array) || snapshot.length === 0) {
      problems.push("pyodide.makeMemorySnapshot() no longer returns the memory's bytes");
      snapshot = null;
    }
  }
} catch (error) {
  problems.push(`loadPyodide({_makeSnapshot: true}) then makeMemorySnapshot() failed: ${error}`);
}
if (snapshot) {
  try {
    const restored = await loadPyodide({ ...quiet, ...snapshotOptions(snapshot) });
    const marker = restored.runPython("globals().get('marker')");
    if (marker !== "kept in the snapshot") {
      problems.push("loadPyodide's _loadSnapshot option no longer restores the snapshot");
    }
  } catch (error) {
    problems.push(`loadPyodide({_loadSnapshot: snapshot}) failed: ${error}`);
  }
}
if (problems.length) {
  for (const problem of problems) console.log(problem);
  process.exit(1);
}
console.log("ok");
