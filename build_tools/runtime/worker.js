// The calculators' worker: Python (Pyodide) and the calculators package, off the page's thread.
//
// The site build writes this file into calculators/runtime/<key>/worker.js with one line
// in front of it, `const RUNTIME = {...}`: where the Pyodide folder is (relative to this file),
// the wheel's file name, and the size of each file loaded (for the progress bar).
//
// Messages from the page: {id, calculator, input} where input is the JSON text to calculate on.
// Messages to the page:
//   {type: "progress", loaded, total}   bytes loaded so far, of the total to load
//   {type: "ready"}                      Python and the calculators are loaded
//   {type: "failed", reason}             loading failed; the page says so in words
//   {type: "result", id, code, response, view}
//       response: exactly the JSON contract, as calculators.api.run_json writes it;
//       view: calculator_view's answer, facts and table for the page (null for errors).
// A message that arrives before Python is ready waits for it.
//
// Nothing here is fetched from another host: the URLs are relative to this file, and Pyodide is
// given its index URL, so it never falls back to its CDN.

/* global RUNTIME */

const here = import.meta.url;
const indexURL = new URL(RUNTIME.pyodide, here).href;
const wheelURL = new URL(RUNTIME.wheel, here).href;

let failed = false;
function fail(reason) {
  if (!failed) {
    failed = true;
    const text = reason && reason.message ? reason.message : reason;
    postMessage({ type: "failed", reason: String(text) });
  }
}

const total = Object.values(RUNTIME.sizes).reduce((sum, size) => sum + size, 0);
let loaded = 0;
function advance(bytes) {
  loaded = Math.min(total, loaded + bytes);
  postMessage({ type: "progress", loaded, total });
}

// Count the bytes of a response as they arrive, on a copy, leaving the original untouched for
// Pyodide (WebAssembly compiles the original while it streams in).
async function count(response) {
  try {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      advance(value.byteLength);
    }
  } catch {
    // A copy that cannot be read changes nothing but the progress bar.
  }
}

// Pyodide fetches the WebAssembly, the standard library and its lock file with fetch(). When one
// of them fails, Pyodide only logs a warning and waits for ever, so every fetch is watched here:
// a failure is reported at once, and the bytes of a success are counted.
const networkFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (input, init) => {
  let response;
  try {
    response = await networkFetch(input, init);
  } catch (error) {
    fail(error);
    throw error;
  }
  if (!response.ok) {
    fail(`${response.status} ${response.url}`);
  } else if (response.body) {
    count(response.clone());
  }
  return response;
};
// Likewise a WebAssembly module that cannot be compiled (a policy forbidding it, a damaged file).
for (const name of ["instantiateStreaming", "instantiate"]) {
  const original = globalThis.WebAssembly && WebAssembly[name];
  if (original) {
    WebAssembly[name] = function watched(...args) {
      return original.apply(this, args).catch((error) => {
        fail(error);
        throw error;
      });
    };
  }
}

async function fetchWheel() {
  const response = await fetch(wheelURL);
  return new Uint8Array(await response.arrayBuffer());
}

async function start() {
  if (typeof WebAssembly !== "object") {
    throw new Error("This browser does not run WebAssembly.");
  }
  // Everything is asked for at once: the two Pyodide scripts and the wheel download side by
  // side, and Pyodide then fetches the WebAssembly and the standard library together.
  const asmURL = indexURL + "pyodide.asm.mjs";
  const scripts = Promise.all([
    import(indexURL + "pyodide.mjs").then((module) => {
      advance(RUNTIME.sizes["pyodide.mjs"]);
      return module;
    }),
    import(asmURL).then((module) => {
      advance(RUNTIME.sizes["pyodide.asm.mjs"]);
      return module;
    }),
  ]);
  const wheel = fetchWheel();
  const [{ loadPyodide }, asm] = await scripts;
  const pyodide = await loadPyodide({
    indexURL,
    createPyodideModule: asm.default,
    // Python prints nothing in normal use; what it might print goes to the console as such.
    stdout: (line) => console.log(line),
    stderr: (line) => console.warn(line),
  });
  pyodide.unpackArchive(await wheel, "wheel");
  // Imported once: every calculation after this runs in well under a frame.
  return pyodide.pyimport("calculator_view").respond;
}

const ready = start().then(
  (respond) => {
    if (!failed) postMessage({ type: "ready" });
    return respond;
  },
  (error) => {
    fail(error);
    return null;
  },
);

onmessage = async ({ data }) => {
  const respond = await ready;
  if (!respond || failed) return; // the page has been told that loading failed
  let answer;
  try {
    answer = JSON.parse(respond(data.calculator, data.input));
  } catch (error) {
    fail(error);
    return;
  }
  postMessage({ type: "result", id: data.id, ...answer });
};
