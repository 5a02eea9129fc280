// The worker that runs Python and the calculators (Pyodide): started, or taken over from the
// page's head (calculators/runtime/<key>/start-worker.js), and the service worker registered.

/**
 * Register the service worker, which makes the next visit faster and work offline. Without it
 * the calculator still works.
 * @param {string} url relative to the page
 */
function registerServiceWorker(url) {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(new URL(url, document.baseURI)).catch(() => {});
}

/**
 * Start the calculators' worker (or take over the one the head started, with the events it
 * has received so far) and pass what it says to `handlers`.
 * @param {{worker: string, serviceWorker: string}} config the page's settings
 * @param {{progress: (loaded: number, total: number) => void, ready: () => void,
 *          result: (message: object) => void, failed: () => void}} handlers
 * @returns {{post: (message: object) => void} | null} null when this browser cannot run it
 *   (handlers.failed has been called)
 */
export function startRuntime(config, handlers) {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    handlers.failed();
    return null;
  }
  const early = window.calculatorWorker;
  window.calculatorWorker = null;
  let worker;
  try {
    worker = early ? early.worker
      : new Worker(new URL(config.worker, document.baseURI), { type: "module" });
  } catch {
    handlers.failed();
    return null;
  }
  // A worker that failed is stopped before the page is told.
  const fail = () => {
    worker.terminate();
    handlers.failed();
  };
  const onMessage = (event) => {
    const data = event.data;
    if (data.type === "progress") handlers.progress(data.loaded, data.total);
    else if (data.type === "ready") {
      handlers.ready();
      registerServiceWorker(config.serviceWorker);
    } else if (data.type === "failed") fail();
    else if (data.type === "result") handlers.result(data);
  };
  worker.addEventListener("message", onMessage);
  worker.addEventListener("error", fail);
  worker.addEventListener("messageerror", fail);
  if (early) {
    for (const event of early.take()) {
      if (event.type === "message") onMessage(event);
      else fail();
    }
  }
  return { post: (message) => worker.postMessage(message) };
}
