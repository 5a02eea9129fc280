// The JavaScript lint (`make lint`): ESLint's recommended rules, which catch real mistakes
// (an undefined name, an unused variable, unreachable code), and no rule of style. Each file
// gets the globals of where it runs; a file that matches no block below has none, so it fails
// on its first `document` or `self` (tests/site/test_js_lint.py checks every file has one).

import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["node_modules/", ".venv/", ".cache/", "site/", "bench/lighthouse/", "htmlcov/"],
  },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `catch (error)` kept for a reader is still a mistake; a deliberately unused argument
      // is named as it is (an event listener's signature).
      "no-unused-vars": ["error", { args: "none", caughtErrors: "all" }],
    },
  },
  // The calculator pages' ES modules, and the benchmark's naive page.
  {
    files: ["docs/assets/calculators/**/*.js", "bench/naive/**/*.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
  },
  // Classic scripts on the pages: the site's own, and the worker's starter in the page's head.
  {
    files: ["docs/assets/site/**/*.js", "build_tools/runtime/start-worker.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
  // The calculators' worker, an ES module worker (its settings, RUNTIME, are declared in it).
  {
    files: ["build_tools/runtime/worker.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.worker } },
  },
  // The service worker, a classic script (its settings, PRECACHE, are declared in it).
  {
    files: ["build_tools/runtime/service-worker.js", "build_tools/runtime/retired-service-worker.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.serviceworker } },
  },
  // Node scripts: the build's Pyodide runner, the tests' helpers and this file.
  {
    files: ["**/*.mjs"],
    ignores: ["build_tools/runtime/pyodide-snapshot.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
  // Imported by the worker and by the Node runner alike: only what both have.
  {
    files: ["build_tools/runtime/pyodide-snapshot.mjs"],
    languageOptions: { globals: { ...globals["shared-node-browser"] } },
  },
];
