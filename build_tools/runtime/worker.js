// The calculators' worker: Python (Pyodide) and the calculators package, off the page's thread.
//
// The site build writes this file into calculators/runtime/<key>/worker.js with one line
// in front of it, `const RUNTIME = {...}`: where the Pyodide folder is (relative to this file),
// the wheel's file name, the size of each file loaded (for the progress bar), the files fetched
// as their own compressed copies where the host does not send brotli, and the brotli decoder.
//
// Messages from the page: {id, calculator, input, lang} where input is the JSON text to calculate
// on and lang the page's language ("en" or "es"), in which the answer's words are written.
// Messages to the page:
//   {type: "progress", loaded, total}   bytes loaded so far, of the total to load
//   {type: "ready"}                      Python and the calculators are loaded
//   {type: "failed", reason}             loading failed; the page says so in words
//   {type: "result", id, code, response, view}
//       response: exactly the JSON contract, as calculators.api.run_json writes it;
//       view: the answer, facts and table for the page (calculators/views/, null for errors).
// A message that arrives before Python is ready waits for it.
//
// Nothing here is fetched from another host: the URLs are relative to this file, and Pyodide is
// given its index URL, so it never falls back to its CDN.

/* global RUNTIME */

import { memorySnapshot, snapshotOptions } from "./pyodide-snapshot.mjs";

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

// Pyodide fetches the WebAssembly and the standard library with fetch(). When one of them fails,
// Pyodide only logs a warning and waits for ever, so every fetch is watched here: a failure is
// reported at once.
const networkFetch = globalThis.fetch.bind(globalThis);
async function watchedFetch(input, init) {
  let response;
  try {
    response = await networkFetch(input, init);
  } catch (error) {
    fail(error);
    throw error;
  }
  if (!response.ok) fail(`${response.status} ${response.url}`);
  return response;
}
globalThis.fetch = watchedFetch;
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

// A stream that counts the bytes passing through it for the progress bar. What is counted is the
// file's own bytes (after any decoding), which is what RUNTIME.sizes gives the total of.
function counted() {
  return new TransformStream({
    transform(chunk, controller) {
      advance(chunk.byteLength);
      controller.enqueue(chunk);
    },
  });
}

// ---- The same bytes on every host --------------------------------------------------------------
//
// The build writes beside each large file F a brotli copy F.br and a gzip copy F.gz
// (build_tools/runtime/precompress.py). A host that reads them (nginx's brotli_static, the
// project's own) sends F.br to a browser asking for F, with Content-Encoding: br, and the browser
// decodes it. Most hosts do not: they send F raw, or gzip only some types of file on the fly, and
// never a zip. So the worker asks how the host sent its own script (from the HTTP cache: no
// request reaches the host), and where that was not brotli, it fetches the copies itself:
// F.br, decoded here by a small WebAssembly brotli decoder (RUNTIME.brotli, fetched only then,
// its module as its own gzip copy), or F.gz, decoded by the browser's DecompressionStream. A
// browser without either, or a copy that is missing, falls back to F itself.
const OWN_COPIES = new Set(RUNTIME.ownCopies);
const canGunzip = typeof DecompressionStream === "function";
const decoderScriptURL = new URL(RUNTIME.brotli.script, here).href;
const decoderModuleURL = new URL(RUNTIME.brotli.module, here).href;

// How the host sends a file that has a brotli copy: "br" when it sends the copy itself.
const hostCoding = (async () => {
  try {
    const own = await networkFetch(here, { cache: "force-cache" });
    const coding = own.headers.get("Content-Encoding");
    own.body?.cancel().catch(() => {});
    return coding ? coding.toLowerCase() : "";
  } catch {
    return "";
  }
})();

// A stream of the bytes of `body` (a stream of gzip or not): a host that sends F.gz with
// Content-Encoding: gzip has had fetch decode it already, so the first two bytes decide.
function gunzipIfGzip(body) {
  const reader = body.getReader();
  let first = new Uint8Array(0);
  let source = null; // the reader of the file's bytes, once the first two have decided
  return new ReadableStream({
    async start(controller) {
      while (first.length < 2) {
        const { done, value } = await reader.read();
        if (done) break;
        const joined = new Uint8Array(first.length + value.length);
        joined.set(first);
        joined.set(value, first.length);
        first = joined;
      }
      const rest = new ReadableStream({
        start(inner) {
          if (first.length) inner.enqueue(first);
        },
        async pull(inner) {
          const { done, value } = await reader.read();
          if (done) inner.close();
          else inner.enqueue(value);
        },
        cancel(reason) {
          return reader.cancel(reason);
        },
      });
      const gzip = first[0] === 0x1f && first[1] === 0x8b;
      source = (gzip ? rest.pipeThrough(new DecompressionStream("gzip")) : rest).getReader();
    },
    async pull(controller) {
      const { done, value } = await source.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return source?.cancel(reason);
    },
  });
}

// The brotli decoder, loaded once, when a file is first fetched as its brotli copy.
let brotliDecoder = null;
function loadBrotliDecoder() {
  brotliDecoder ??= (async () => {
    if (!canGunzip) throw new Error("no DecompressionStream for the decoder's module");
    const [glue, module] = await Promise.all([
      import(decoderScriptURL),
      networkFetch(decoderModuleURL + ".gz").then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.url}`);
        return new Response(gunzipIfGzip(response.body)).arrayBuffer();
      }),
    ]);
    await glue.default({ module_or_path: module });
    return glue;
  })();
  return brotliDecoder;
}

// A TransformStream decoding brotli with the decoder's streaming state.
const NEEDS_MORE_OUTPUT = 3;
const SUCCESS = 1;
function brotliStream(glue) {
  const state = new glue.BrotliDecStream();
  let finished = false;
  return new TransformStream({
    transform(chunk, controller) {
      let input = chunk;
      while (!finished) {
        const result = state.dec(input, 1 << 20);
        const output = result.buf;
        if (output.length) controller.enqueue(output);
        input = input.subarray(result.input_offset);
        const code = result.code;
        result.free();
        if (code === SUCCESS) finished = true;
        if (code !== NEEDS_MORE_OUTPUT) break;
      }
    },
    flush() {
      state.free();
      if (!finished) throw new Error("the brotli copy ended too soon");
    },
  });
}

// The file at `url` from the network: {response, bytes}, where the response's body is the file's
// own bytes however they travelled, and `bytes` a Blob of the same, to keep on the device.
// `arrivals` says which way each came, for the benchmark.
const arrivals = {};
self.calculatorArrivals = arrivals;
function collected(stream) {
  return new Response(stream.pipeThrough(counted())).blob();
}
function decoded(body, type) {
  const [mine, copy] = body.tee();
  return { response: new Response(mine, { headers: { "Content-Type": type } }),
    bytes: collected(copy) };
}
// The file at `url` as its brotli or gzip copy, decoded: {body, way}, where `body` is a stream
// of the file's own bytes; null where there is no copy to take (a missing copy, no decoder, or a
// host that sends brotli itself).
async function fetchCopy(url) {
  const name = url.slice(url.lastIndexOf("/") + 1);
  if ((await hostCoding) === "br" || !OWN_COPIES.has(name)) return null;
  if (canGunzip) { // which the decoder needs for its own module (loadBrotliDecoder)
    // Asked for while the decoder loads, so that the network is never idle meanwhile.
    const brotliCopy = networkFetch(url + ".br");
    try {
      const [glue, copy] = await Promise.all([loadBrotliDecoder(), brotliCopy]);
      if (copy.ok) {
        // A host that sent the copy with Content-Encoding: br has had fetch decode it already.
        return { way: "br copy", body: copy.headers.get("Content-Encoding") === "br" ? copy.body
          : copy.body.pipeThrough(brotliStream(glue)) };
      }
      copy.body?.cancel().catch(() => {});
    } catch {
      // No decoder here: the gzip copy, then the file itself.
      brotliCopy.then((copy) => copy.body?.cancel(), () => {}).catch(() => {});
    }
  }
  if (canGunzip) {
    try {
      const copy = await networkFetch(url + ".gz");
      if (copy.ok) return { way: "gz copy", body: gunzipIfGzip(copy.body) };
    } catch {
      // The file itself.
    }
  }
  return null;
}

async function fetchDecoded(url, type) {
  const name = url.slice(url.lastIndexOf("/") + 1);
  const copy = await fetchCopy(url);
  if (copy) {
    arrivals[name] = copy.way;
    return decoded(copy.body, type);
  }
  // The browser's own response: it keeps its URL (the browser keeps WebAssembly's compiled code
  // by URL), and its bytes are counted and kept from a copy.
  const response = await watchedFetch(url);
  arrivals[name] = response.headers.get("Content-Encoding") || "raw";
  if (!response.ok || !response.body) return { response, bytes: null };
  return { response, bytes: collected(response.clone().body) };
}

// A returning visitor's start: the interpreter's memory as it was once the calculators had been
// imported (a Pyodide memory snapshot, made by this worker on the first visit and kept in the
// browser's Cache Storage) replaces starting Python and importing the calculators again. It is
// made on this device, never downloaded: it is 31 MB (about 5 MB kept, compressed).
//
// The snapshot is made right after the calculators are imported, before this worker has passed
// anything from the page to Python: the memory it copies has never held what a visitor entered
// (tests/browser/test_privacy.py searches it for a marker typed and linked). It is kept in a
// cache named after this runtime's key (the folder this worker is in), so a snapshot of another
// runtime can never be restored here; the caches of other runtimes are deleted when this one is
// saved, and by the service worker when a new version of the site takes over.
//
// The same cache keeps the WebAssembly, Pyodide's large script and the standard library as this
// worker fetched them (the service worker does not fetch them a second time), so a returning
// visitor, online or not, downloads nothing of them. Every entry is kept compressed with gzip (CompressionStream, marked
// with the header X-Stored-Coding), the snapshot and the WebAssembly a sixth and a third of their
// size: a phone keeps about 10 MB in all instead of 47 MB.
const SNAPSHOT_PREFIX = "calculators-snapshot-";
const runtimeKey = new URL(".", here).pathname.split("/").filter(Boolean).pop();
const SNAPSHOTS = SNAPSHOT_PREFIX + runtimeKey;
const snapshotURL = new URL("python-snapshot", here).href;
const STORED_CODING = "X-Stored-Coding";
const canGzip = typeof CompressionStream === "function" && canGunzip;
const store = (async () => {
  try {
    return await caches.open(SNAPSHOTS);
  } catch {
    return null; // no Cache Storage here (a private window, say): start as on a first visit
  }
})();

// The body of an entry kept by keep(), as it was before it was compressed; null without one.
async function kept(url) {
  try {
    const cache = await store;
    const response = cache && (await cache.match(url));
    if (!response) return null;
    const coding = response.headers.get(STORED_CODING);
    if (coding === "gzip" && canGunzip) {
      return response.body.pipeThrough(new DecompressionStream("gzip"));
    }
    return coding ? null : response.body;
  } catch {
    return null;
  }
}

async function keep(url, bytes, type) {
  try {
    const cache = await store;
    if (!cache) return;
    const blob = await bytes;
    const headers = { "Content-Type": type };
    let body = blob;
    if (canGzip) {
      body = await new Response(blob.stream().pipeThrough(new CompressionStream("gzip"))).blob();
      headers[STORED_CODING] = "gzip";
    }
    await cache.put(url, new Response(body, { headers }));
  } catch {
    // No room, or no Cache Storage: the next visit downloads it again.
  }
}

const savedSnapshot = (async () => {
  const body = await kept(snapshotURL);
  try {
    const bytes = body ? new Uint8Array(await new Response(body).arrayBuffer()) : null;
    if (bytes) mark("snapshot_read");
    return bytes;
  } catch {
    return null; // a damaged entry: start as on a first visit
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

// What this visit downloaded and the next one can use: kept once the first result is shown.
const toKeep = [];

async function saveSnapshot(bytes) {
  await deleteOtherSnapshots();
  if (bytes) {
    await keep(snapshotURL, Promise.resolve(new Blob([bytes])), "application/octet-stream");
  }
  for (const { url, bytes: file, type } of toKeep.splice(0)) await keep(url, file, type);
  mark("kept");
}

// A large runtime file: kept on the device from an earlier visit, or fetched (and kept later).
// A returning visitor's browser may still hold the file in its HTTP cache as the host sent it
// (a host sending brotli): that response is taken first, because it keeps its URL, and with it
// the compiled code the browser keeps for the WebAssembly (a response made here has no URL, so
// its module is compiled again on every visit).
async function runtimeFile(url, type) {
  const name = url.slice(url.lastIndexOf("/") + 1);
  const body = await kept(url);
  if (body) {
    try {
      const cached = await networkFetch(url, { cache: "only-if-cached", mode: "same-origin" });
      if (cached.ok) {
        body.cancel().catch(() => {});
        arrivals[name] = "HTTP cache";
        new Response(cached.clone().body.pipeThrough(counted())).arrayBuffer().catch(() => {});
        return cached;
      }
    } catch {
      // Not in the HTTP cache: the kept copy.
    }
    arrivals[name] = "kept";
    return new Response(body.pipeThrough(counted()), { headers: { "Content-Type": type } });
  }
  const { response, bytes } = await fetchDecoded(url, type);
  if (bytes) toKeep.push({ url, bytes, type });
  return response;
}

// Pyodide's large script (pyodide.asm.mjs, 1.25 MB) is a module, imported. Imported by its URL,
// it comes as the host sends it, and the browser keeps its compiled code for the next visit. A
// host that compresses nothing would send it raw: there the worker fetches its copy as it does
// the WebAssembly's, and imports the decoded text from a blob: URL (the worker's own policy
// allows blob: scripts, and nothing else does: build_tools/headers.py). The worker keeps it on
// the device, compressed, with the other large files: a returning visitor's browser imports it
// by its URL where its HTTP cache still holds it, or else from the kept copy.
const scriptURL = indexURL + "pyodide.asm.mjs";
const SCRIPT_TYPE = "text/javascript";

async function importBlob(blob) {
  const url = URL.createObjectURL(new Blob([blob], { type: SCRIPT_TYPE }));
  try {
    return await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Imported by its URL; kept from the HTTP cache, where the import has just put it (no second
// download), unless the device keeps it already.
async function importByURL(keptAlready) {
  const module = await import(scriptURL);
  if (!(await keptAlready)) {
    toKeep.push({ url: scriptURL, type: SCRIPT_TYPE,
      bytes: networkFetch(scriptURL, { cache: "force-cache" }).then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.url}`);
        return response.blob();
      }) });
  }
  return module;
}

async function inHTTPCache(url) {
  try {
    const cached = await networkFetch(url, { cache: "only-if-cached", mode: "same-origin" });
    cached.body?.cancel().catch(() => {});
    return cached.ok;
  } catch {
    return false;
  }
}

async function pyodideScript() {
  const name = "pyodide.asm.mjs";
  const body = kept(scriptURL); // looked up meanwhile
  const keptAlready = () => body.then((found) => {
    found?.cancel().catch(() => {});
    return Boolean(found);
  });
  // A returning visitor whose browser holds it: at once, by its URL (the answer is the same on a
  // first visit, whose HTTP cache does not hold it, in a few milliseconds).
  if (await inHTTPCache(scriptURL)) {
    arrivals[name] = "HTTP cache";
    return importByURL(keptAlready());
  }
  // A host that compresses scripts (the worker's own came compressed): by its URL, at once.
  if ((await hostCoding) !== "") {
    arrivals[name] = "by URL";
    return importByURL(keptAlready());
  }
  const keptBody = await body;
  if (keptBody) {
    try {
      const module = await importBlob(await new Response(keptBody).blob());
      arrivals[name] = "kept";
      return module;
    } catch {
      // A damaged entry, or a policy without blob: scripts: from the network, as on a first visit.
    }
  }
  // A host that compresses nothing: the copy, decoded.
  const copy = await fetchCopy(scriptURL);
  if (copy) {
    try {
      const blob = await new Response(copy.body).blob();
      const module = await importBlob(blob);
      arrivals[name] = copy.way;
      toKeep.push({ url: scriptURL, bytes: Promise.resolve(blob), type: SCRIPT_TYPE });
      return module;
    } catch {
      // A damaged copy, or a host whose policy for the worker allows no blob: script: the
      // file itself, by its URL.
    }
  }
  arrivals[name] = "by URL";
  return importByURL(false);
}

// Every download starts now, before Pyodide's own script has even been fetched: the WebAssembly
// (compiled while it streams in, on its own thread), the standard library and the wheel. When
// Pyodide asks for the same URLs, it is handed these responses.
const early = new Map();
const wasmResponse = runtimeFile(wasmURL, "application/wasm");
const stdlibResponse = runtimeFile(stdlibURL, "application/zip");
early.set(wasmURL, wasmResponse);
early.set(stdlibURL, stdlibResponse);
wasmResponse.then(() => mark("wasm_response"), fail);
stdlibResponse.catch(fail);
const wheelBytes = watchedFetch(wheelURL)
  .then((response) => response.arrayBuffer())
  .then((buffer) => {
    advance(buffer.byteLength);
    return new Uint8Array(buffer);
  });
const compiled = typeof WebAssembly === "object"
  ? WebAssembly.compileStreaming(wasmResponse).then((module) => {
    mark("wasm");
    return module;
  })
  : null;
compiled?.catch(() => {}); // reported by start(), which awaits it
stdlibResponse.then((response) => response.clone().arrayBuffer()).then(() => mark("stdlib"),
  () => {});

// Pyodide asks with a string or a URL object.
globalThis.fetch = ((watched) => (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
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
    if ((await source) !== (await wasmResponse)) return instantiateStreaming(source, imports);
    const module = await compiled;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
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
    ...snapshotOptions(snapshot),
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
    pyodideScript().then((module) => {
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
      const respond = pyodide.pyimport("calculators.views.respond.respond");
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
  const respond = pyodide.pyimport("calculators.views.respond.respond");
  mark("imported");
  // Now, before the first message from the page reaches Python: see "A returning visitor's
  // start" above. Copying the memory takes a few milliseconds; writing it waits.
  try {
    snapshotToSave = memorySnapshot(pyodide);
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
    answer = JSON.parse(respond(data.calculator, data.input, data.lang ?? "en"));
    timings.compute_ms = performance.now() - began;
    timings.results += 1;
    if (timings.results === 1) mark("first_result");
  } catch (error) {
    fail(error);
    return;
  }
  postMessage({ type: "result", id: data.id, ...answer });
  if (snapshotToSave || toKeep.length) {
    const bytes = snapshotToSave;
    snapshotToSave = null;
    // After the answer is on its way, when the page has nothing waiting on this worker.
    setTimeout(() => saveSnapshot(bytes), 0);
  }
};
