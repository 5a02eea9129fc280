"""The calculators in the visitor's browser: the wheel of the ``calculators`` package, the
Pyodide files copied from node_modules, the worker and the service worker written into the site.

- :mod:`build_tools.runtime.wheel` writes the wheel (also a command, for the Node parity test).
- The views (``calculators/views/``: what the page shows of a response) are part of the
  package, so they are shipped in the wheel and also run at build time for the worked examples.
- :mod:`build_tools.runtime.bundle` decides the runtime's files and versioned URLs and writes
  them into the built site.
- :mod:`build_tools.runtime.page_bundle` bundles the calculator pages' script and stylesheet
  with esbuild.
"""
