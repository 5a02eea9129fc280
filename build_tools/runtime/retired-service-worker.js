// Where the calculator pages' service worker used to be (calculators/sw.js, scope calculators/),
// before the site had Spanish pages under es/calculators/. A browser that still has that worker
// checks this file for an update and finds this: it takes over, unregisters itself and reloads
// nothing. The next visit to a calculator page registers the site's one service worker (sw.js at
// the top of the site, build_tools/runtime/service-worker.js), which keeps its own caches and
// deletes the ones this worker kept when it activates.

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.registration.unregister());
});
