// Starts the calculators' worker from the calculator page's head, before the page's other scripts
// have been fetched and run: Python starts loading that much sooner. The page's own script
// (docs/assets/calculators/main.js, runtime.js) takes the worker over with the events it has sent so
// far; if that script runs first, it starts the worker itself and this one does nothing.
//
// The site build writes this file beside the worker (calculators/runtime/<key>/start-worker.js)
// and the calculator pages load it with `async` from their head.

(function () {
  "use strict";

  if ("calculatorWorker" in window) return; // the page's script already started one
  // A visitor saving data downloads the runtime only when they ask for a result (main.js).
  if (navigator.connection && navigator.connection.saveData) return;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") return;
  let worker;
  try {
    const script = /** @type {HTMLScriptElement} */ (document.currentScript);
    worker = new Worker(new URL("worker.js", script.src), { type: "module" });
  } catch {
    return; // the page's script tries again and says that the calculator could not start
  }
  const events = [];
  const keep = (event) => events.push(event);
  const types = ["message", "error", "messageerror"];
  for (const type of types) worker.addEventListener(type, keep);
  window.calculatorWorker = {
    worker,
    // Hands the worker over: the events so far, in order; nothing more is kept here.
    take() {
      for (const type of types) worker.removeEventListener(type, keep);
      return events.splice(0);
    },
  };
})();
