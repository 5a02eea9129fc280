// The calculator pages' service worker: a second visit starts from the cache, and works offline.
//
// The site build writes this file as calculators/sw.js with one line in front of it,
// `const PRECACHE = {cache, runtime, shell}` (URLs relative to this file):
//   runtime  the versioned files (Pyodide, the worker, the wheel): their URLs change when their
//            content does, so they are served from the cache first;
//   shell    the calculator pages and what they load (styles, scripts, the search index): served
//            from the network first, from the cache when the network fails;
//   cache    the cache's name, new whenever either list changes; older caches are deleted.
// Only the calculator pages register it, after their calculator has loaded, so that installing it
// mostly reads the browser's HTTP cache instead of downloading the runtime a second time.

/* global PRECACHE */

const CACHE_PREFIX = "calculators-";
const absolute = (url) => new URL(url, self.location.href).href;
const RUNTIME = new Set(PRECACHE.runtime.map(absolute));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(PRECACHE.cache)
      .then((cache) => cache.addAll([...RUNTIME, ...PRECACHE.shell.map(absolute)]))
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
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== PRECACHE.cache)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(PRECACHE.cache);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") {
      const cache = await caches.open(PRECACHE.cache);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  url.hash = "";
  event.respondWith(RUNTIME.has(url.href) ? cacheFirst(request) : networkFirst(request));
});
