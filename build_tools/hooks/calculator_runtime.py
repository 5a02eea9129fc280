"""MkDocs hook of the calculators in the browser (logic in build_tools/pages/calculator_pages.py and
build_tools/runtime/).

(Not named calculators.py: MkDocs registers a hook module under its file name, which would
hide the ``calculators`` package from every module imported after it.)

- on_config: the runtime is prepared (Pyodide found in node_modules at the pinned version, the
  calculators wheel built in memory, the worker's versioned URL decided), the page's script and
  stylesheet are bundled (build_tools/runtime/page_bundle.py: the pages name the hashed files) and the
  worked examples are read from the scenario corpus: all of it goes into the build's
  ``calculator_pages.PageBuild``, left in the configuration under ``calculator_pages.BUILD``,
  which the site hook hands the calculator shortcodes (build_tools/hooks/site.py).
- on_files: every calculator of calculators/registry.py has its page in docs/; the modules and
  stylesheet that went into the bundle are not published.
- on_page_content: each calculator page has its calculator and the sections its failure message
  links to.
- on_post_page: each calculator page asks, in its head, for the runtime's largest files (the
  WebAssembly, Pyodide's script, the standard library), so that they download while the page
  itself loads; the worker's own requests for the same URLs then join these downloads in the
  browser's HTTP cache instead of starting after the page's scripts have run. The head also
  starts the worker (build_tools/runtime/start-worker.js), which the page's script takes over.
- on_post_build: the bundle, Pyodide, the wheel, the worker and calculators/build.json (which
  runtime this build deployed, and its date) are written into the site. The service worker,
  which keeps both languages' calculator pages, is written once both are built
  (build_tools/commands/build_languages.py).

The Spanish build (build_tools/pages/languages.py) makes no runtime of its own: it takes the
English build's from ``languages.SHARED`` (or, run alone, works it out in memory without writing
it) and its pages name the same files, one folder up.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from build_tools.data.scenarios import ScenarioError, load_scenarios
from build_tools.pages import calculator_pages, languages
from build_tools.runtime import bundle, page_bundle, precompress

log = get_plugin_logger("calculators")

_runtime: bundle.Runtime | None = None
_page_bundle: page_bundle.Bundle | None = None
_built: dt.date | None = None  # the build's date, shown next to each result
_spanish = False


def on_config(config: Any) -> Any:
    global _runtime, _built, _page_bundle, _spanish
    root = languages.root_of(config)
    shared = languages.SHARED
    _spanish = languages.is_spanish(config)
    try:
        if _spanish and shared.runtime is not None and shared.root == root:
            _runtime, _page_bundle, _built = shared.runtime, shared.page_bundle, shared.built
        else:
            _runtime = bundle.prepare(root)
            docs = Path(config.docs_dir)
            _page_bundle = page_bundle.build(docs.parent if _spanish else docs, root)
            _built = dt.date.today()
            if not _spanish:
                shared.root, shared.runtime, shared.page_bundle, shared.built = (
                    root, _runtime, _page_bundle, _built)
        scenarios = load_scenarios()
    except (bundle.RuntimeBuildError, page_bundle.BundleError, ScenarioError) as error:
        raise PluginError(str(error)) from None
    up = languages.site_prefix(config)  # the Spanish pages name the English build's files
    config[calculator_pages.BUILD] = calculator_pages.PageBuild.of(
        up + _runtime.worker, up + bundle.SERVICE_WORKER, scenarios, _built,
        bundle.download_bytes(_runtime),
        assets=(up + _page_bundle.script, up + _page_bundle.stylesheet),
        build_info=bundle.build_info(_runtime, _built), build_json=up + bundle.BUILD_INFO)
    return config


def on_files(files: Any, config: Any) -> Any:
    assert _page_bundle is not None, "on_config runs first"
    # A Spanish calculator page without its translation yet is simply not built in Spanish.
    missing = [f"{name} (docs/{page})" for name, page in calculator_pages.PAGES.items()
               if files.get_file_from_path(page) is None and not _spanish]
    if missing:
        raise PluginError(f"calculators without their page: {', '.join(missing)}. Each "
                          "calculator of calculators/registry.py needs the page its line names, "
                          "with [[calculator:NAME]] (calculators/CONTRACT.md, \"Adding a "
                          "calculator\").")
    for source in _page_bundle.sources:
        file = files.get_file_from_path(source)
        if file is not None:
            files.remove(file)
    return files


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    src = page.file.src_uri
    for name, source in calculator_pages.PAGES.items():
        if source != src:
            continue
        needed = {"calculator-result": f"[[calculator:{name}]] on a line of its own",
                  calculator_pages.EXAMPLES_ANCHOR: "a '## Worked examples' section with "
                                                    f"[[worked-examples:{name}]]",
                  calculator_pages.CONTACTS_ANCHOR: "a '## Who to call' section"}
        missing = [what for anchor, what in needed.items() if f'id="{anchor}"' not in html]
        if missing:
            raise PluginError(f"docs/{src} is a calculator page and needs "
                              + "; ".join(missing) + ".")
    return html


def on_post_page(output: str, page: Any, config: Any) -> str:
    src = page.file.src_uri
    if _runtime is None or src not in calculator_pages.PAGES.values():
        return output
    # The worker starts from the head, without waiting for the page's scripts; it asks for
    # the runtime's files itself. No prefetch hints: with JavaScript off they would download
    # megabytes that nothing can use, and Lighthouse counts them against the page's first paint.
    starter = languages.site_prefix(config) + _runtime.starter
    links = (f'<script src="{calculator_pages.relative_url(src, starter)}" async>'
             '</script>')
    head_end = output.find("</head>")
    if head_end < 0:
        raise PluginError(f"docs/{src}: the built page has no </head> for the script that starts the worker")
    return output[:head_end] + links + output[head_end:]


def on_post_build(config: Any) -> None:
    assert _runtime is not None, "on_config runs first"
    if _spanish:
        return  # the English build has written the runtime both languages use
    site_dir = Path(config.site_dir)
    assert _page_bundle is not None
    page_bundle.write(_page_bundle, site_dir)
    written = bundle.write(_runtime, site_dir, _built)
    copies = precompress.write_copies(site_dir, written.files)
    log.debug("calculator runtime: %d files written, %d pre-compressed copies",
              len(written.files), len(copies))
