// Pyodide's memory snapshot, through the only calls the calculators make that are not Pyodide's
// public API: loadPyodide's options _makeSnapshot and _loadSnapshot (marked @ignore in
// pyodide.d.ts) and pyodide.makeMemorySnapshot() (marked @private). They are what lets a
// returning visitor start from the interpreter's memory instead of starting Python and
// importing the calculators again (worker.js, "A returning visitor's start"), so they are kept
// here, in one place, and tests/runtime/test_pyodide_snapshot_calls.py checks that the pinned
// Pyodide still has them: a Pyodide upgrade that renames or drops one fails that test, with
// the name, instead of silently losing the fast start.
//
// The worker and build_tools/runtime/run_in_pyodide.mjs import it; the build writes it into
// the worker in place of the import (build_tools/runtime/bundle.py), so the worker stays one
// file.

/**
 * loadPyodide's options for an interpreter restored from `snapshot`, or, without one, for an
 * interpreter that can make a snapshot later.
 * @param {Uint8Array | null} snapshot
 * @returns {object}
 */
export function snapshotOptions(snapshot) {
  return snapshot ? { _loadSnapshot: snapshot } : { _makeSnapshot: true };
}

/**
 * A copy of the interpreter's memory, which snapshotOptions(copy) restores.
 * @param {{makeMemorySnapshot: () => Uint8Array}} pyodide loaded with snapshotOptions(null)
 * @returns {Uint8Array}
 */
export function memorySnapshot(pyodide) {
  return pyodide.makeMemorySnapshot();
}
