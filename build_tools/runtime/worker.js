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

// When each step of the start ended (milliseconds since the epoch, so that they compare with
// the page's clock), and how long the latest calculation took in Python. Kept for the benchmark
// (bench/calculator_speed.py reads them from the worker); nothing here depends on them.
const timings = { results: 0, compute_ms: null };
self.calculatorTimings = timings;
const mark = (name) => {
  timings[name] = performance.timeOrigin + performance.now();
};
mark("worker_start");

const here = import.meta.url;
const indexURL = new URL(RUNTIME.pyodide, here).href;
const wheelURL = new URL(RUNTIME.wheel, here).href;
const wasmURL = indexURL + "pyodide.asm.wasm";
const stdlibURL = new URL(RUNTIME.stdlib, here).href;

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

// Every download starts now, before Pyodide's own script has even been fetched: the WebAssembly
// (compiled while it streams in, on its own thread), the standard library and the wheel. When
// Pyodide asks for the same URLs, it is handed these responses.
const early = new Map();
function startFetch(url) {
  const response = fetch(url);
  early.set(url, response);
  return response;
}
const wasmResponse = startFetch(wasmURL);
const stdlibResponse = startFetch(stdlibURL);
const wheelBytes = fetch(wheelURL)
  .then((response) => response.arrayBuffer())
  .then((buffer) => new Uint8Array(buffer));
const compiled = typeof WebAssembly === "object"
  ? WebAssembly.compileStreaming(wasmResponse).then((module) => {
    mark("wasm");
    return module;
  })
  : null;
compiled?.catch(() => {}); // reported by start(), which awaits it
stdlibResponse.then((response) => response.clone().arrayBuffer()).then(() => mark("stdlib"),
  () => {});

globalThis.fetch = ((watched) => (input, init) => {
  const url = typeof input === "string" ? input : input.url;
  const response = early.get(url);
  if (response) {
    early.delete(url);
    return response;
  }
  return watched(input, init);
})(globalThis.fetch);

// Pyodide instantiates the WebAssembly it fetched; it is given the module compiled above instead.
const instantiateStreaming = WebAssembly.instantiateStreaming;
if (instantiateStreaming) {
  WebAssembly.instantiateStreaming = async (source, imports) => {
    if ((await source).url !== wasmURL) return instantiateStreaming(source, imports);
    const module = await compiled;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
}

// A returning visitor's start: the interpreter's memory as it was once the calculators had been
// imported (a Pyodide memory snapshot, made by this worker on the first visit and kept in the
// browser's Cache Storage) replaces starting Python and importing the calculators again. It is
// made on this device, never downloaded: it is 30 MB.
//
// The snapshot is made right after the calculators are imported, before this worker has passed
// anything from the page to Python: the memory it copies has never held what a visitor entered
// (tests/browser/test_privacy.py searches it for a marker typed and linked). It is kept in a
// cache named after this runtime's key (the folder this worker is in), so a snapshot of another
// runtime can never be restored here; the caches of other runtimes are deleted when this one is
// saved, and by the service worker when a new version of the site takes over.
const SNAPSHOT_PREFIX = "calculators-snapshot-";
const runtimeKey = new URL(".", here).pathname.split("/").filter(Boolean).pop();
const SNAPSHOTS = SNAPSHOT_PREFIX + runtimeKey;
const snapshotURL = new URL("python-snapshot", here).href;
const savedSnapshot = (async () => {
  try {
    const response = await caches.match(snapshotURL, { cacheName: SNAPSHOTS });
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null; // no Cache Storage here (a private window, say): start as on a first visit
  }
})();

// Caches of snapshots that this runtime cannot use: other runtimes', and the one cache all
// snapshots shared before they were kept per runtime ("python-snapshots").
function otherSnapshots(name) {
  return (name.startsWith(SNAPSHOT_PREFIX) && name !== SNAPSHOTS) || name === "python-snapshots";
}

async function deleteOtherSnapshots() {
  try {
    for (const name of await caches.keys()) {
      if (otherSnapshots(name)) await caches.delete(name);
    }
  } catch {
    // No Cache Storage: nothing to delete.
  }
}

async function saveSnapshot(bytes) {
  await deleteOtherSnapshots();
  try {
    const cache = await caches.open(SNAPSHOTS);
    await cache.put(snapshotURL, new Response(bytes));
  } catch {
    // No room, or no Cache Storage: the next visit starts as this one did.
  }
}

async function loadPython(loadPyodide, asm, snapshot) {
  return loadPyodide({
    indexURL,
    createPyodideModule: asm.default,
    stdLibURL: stdlibURL,
    // No package is ever installed from Pyodide's index, so its lock file (120 kB) is not
    // fetched: an empty one, with the real ABI version that Pyodide checks, takes its place.
    lockFileContents: { info: RUNTIME.lockInfo, packages: {} },
    // Python prints nothing in normal use; what it might print goes to the console as such.
    stdout: (line) => console.log(line),
    stderr: (line) => console.warn(line),
    ...(snapshot ? { _loadSnapshot: snapshot } : { _makeSnapshot: true }),
  });
}

// Set when this visit started without a snapshot: the snapshot, made before any calculation,
// is written to the cache once the first result is on its way.
let snapshotToSave = null;

async function start() {
  if (typeof WebAssembly !== "object") {
    throw new Error("This browser does not run WebAssembly.");
  }
  const scripts = Promise.all([
    import(indexURL + "pyodide.mjs").then((module) => {
      advance(RUNTIME.sizes["pyodide.mjs"]);
      return module;
    }),
    import(indexURL + "pyodide.asm.mjs").then((module) => {
      advance(RUNTIME.sizes["pyodide.asm.mjs"]);
      return module;
    }),
  ]);
  const [{ loadPyodide }, asm] = await scripts;
  mark("scripts");
  await compiled;
  const snapshot = await savedSnapshot;
  if (snapshot) {
    try {
      const pyodide = await loadPython(loadPyodide, asm, snapshot);
      mark("interpreter");
      const respond = pyodide.pyimport("calculator_view").respond;
      mark("imported");
      timings.snapshot = true;
      setTimeout(deleteOtherSnapshots, 0);
      return respond;
    } catch {
      // A snapshot this browser cannot restore: forget it and start from scratch.
      await caches.delete(SNAPSHOTS).catch(() => {});
    }
  }
  const pyodide = await loadPython(loadPyodide, asm, null);
  mark("interpreter");
  pyodide.unpackArchive(await wheelBytes, "wheel");
  mark("wheel");
  // Imported once: every calculation after this runs in well under a frame.
  const respond = pyodide.pyimport("calculator_view").respond;
  mark("imported");
  // Now, before the first message from the page reaches Python: see "A returning visitor's
  // start" above. Copying the memory takes a few milliseconds; writing it waits.
  try {
    snapshotToSave = pyodide.makeMemorySnapshot();
  } catch {
    snapshotToSave = null; // the next visit starts as this one did
  }
  mark("snapshot");
  return respond;
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
    const began = performance.now();
    answer = JSON.parse(respond(data.calculator, data.input));
    timings.compute_ms = performance.now() - began;
    timings.results += 1;
    if (timings.results === 1) mark("first_result");
  } catch (error) {
    fail(error);
    return;
  }
  postMessage({ type: "result", id: data.id, ...answer });
  if (snapshotToSave) {
    const bytes = snapshotToSave;
    snapshotToSave = null;
    // After the answer is on its way, when the page has nothing waiting on this worker.
    setTimeout(() => saveSnapshot(bytes), 0);
  }
};
