// The calculator pages' service worker, one for both languages: a second visit starts from the
// cache, and works offline.
//
// The site build writes this file as sw.js at the top of the site, so that its scope holds the
// English calculator pages (calculators/) and the Spanish ones (es/calculators/), with one line
// in front of it,
// `const PRECACHE = {cache, snapshots, runtime, shell}` (URLs relative to this file):
//   runtime    the versioned files (Pyodide's small script, the worker, the wheel): their URLs
//              change when their content does, so they are served from the cache first. The
//              largest three, the WebAssembly, Pyodide's large script and the standard library,
//              are not here: the worker keeps them itself, compressed, as it fetched them (a host
//              that compresses nothing sends it their copies, which this worker could only
//              fetch again, raw: build_tools/runtime/worker.js);
//   shell      each language's calculator pages and what they load (styles, scripts, its
//              search index), by the language's folder ("" for English, "es/" for Spanish):
//              served from the network first, from the cache when the network fails;
//   cache      the cache's name, new whenever either list changes;
//   snapshots  the name of the cache the worker keeps its Python memory snapshot in (one per
//              runtime, build_tools/runtime/worker.js).
// When this version takes over, every other cache of the calculators is deleted: older
// versions' files and older runtimes' snapshots. Being the only one, it deletes no cache a page
// of the other language still needs.
//
// What is kept is the site's own files and nothing else, each under its address without the
// part after "#" (and, for a page, without the part after "?"), so that no cache entry holds
// what a visitor put in a link (#input=...). The file's own bytes are stored, not the response
// that brought it, whose URL could carry the same. Every other request (any other page of the
// site, build.json, which says which version of the site is deployed) goes to the network as if
// this did not exist.
// Only the calculator pages register it, after their calculator has loaded, so that installing it
// reads the browser's HTTP cache instead of downloading the runtime a second time.

/* global PRECACHE */

const CACHE_PREFIX = "calculators-";
const LEGACY_SNAPSHOTS = "python-snapshots";
const absolute = (url) => new URL(url, self.location.href).href;
const RUNTIME = new Set(PRECACHE.runtime.map(absolute));
const SHELL = new Set(Object.values(PRECACHE.shell).flat().map(absolute));
// Language folders, longest first: the one a page's path starts with is its language's.
const FOLDERS = Object.keys(PRECACHE.shell).sort((a, b) => b.length - a.length);
const KEPT = new Set([PRECACHE.cache, PRECACHE.snapshots]);

// The shells of the languages of the open calculator pages (the page installing this worker
// among them): a visitor reading English downloads no Spanish page on a first visit, and the
// other way round. A page of the other language is kept when it is visited (networkFirst).
async function installingShell() {
  const scope = self.registration.scope;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const folders = new Set();
  for (const client of windows) {
    if (!client.url.startsWith(scope)) continue;
    const path = client.url.slice(scope.length);
    folders.add(FOLDERS.find((folder) => path.startsWith(folder)) ?? "");
  }
  if (folders.size === 0) folders.add("");
  return [...folders].flatMap((folder) => PRECACHE.shell[folder] || []).map(absolute);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([caches.open(PRECACHE.cache), installingShell()])
      // The versioned files from the HTTP cache, where the worker's visit has just put them: a
      // runtime file is never downloaded twice. So are the shell's styles, scripts and search
      // index: every calculator page loads (and revalidates) them before it registers this
      // worker. The four pages are asked for again, since the page installing it is only one.
      .then(([cache, shell]) => cache.addAll([
        ...[...RUNTIME].map((url) => new Request(url, { cache: "force-cache" })),
        ...[...new Set(shell)].map((url) => (url.endsWith("/") ? url : new Request(url, { cache: "force-cache" }))),
      ]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => (name.startsWith(CACHE_PREFIX) || name === LEGACY_SNAPSHOTS) &&
              !KEPT.has(name))
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The address a request is kept under: no fragment ever; a page without its query either.
function keyOf(request) {
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") url.search = "";
  return url.href;
}

// A copy of a response with its status, type and body only (the body as it was decoded, so the
// network's encoding and length no longer apply to it).
async function stored(response) {
  const headers = new Headers(response.headers);
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  return new Response(await response.clone().arrayBuffer(), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

// Keeps a copy of a response, unless a newer version of this service worker has deleted this
// version's cache meanwhile: a request still in flight here must not bring it back.
async function keep(key, response) {
  if (!(await caches.has(PRECACHE.cache))) return;
  const cache = await caches.open(PRECACHE.cache);
  await cache.put(key, await stored(response));
}

async function cacheFirst(request, key) {
  const cached = await caches.match(key, { cacheName: PRECACHE.cache });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await keep(key, response);
  return response;
}

async function networkFirst(request, key) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic" && !response.redirected) {
      await keep(key, response);
    }
    return response;
  } catch (error) {
    const cached = await caches.match(key, { cacheName: PRECACHE.cache });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const key = keyOf(request);
  if (RUNTIME.has(key)) event.respondWith(cacheFirst(request, key));
  else if (SHELL.has(key)) event.respondWith(networkFirst(request, key));
});
