"""The runtime's bytes on every kind of host, and what the site keeps on the device.

- On each kind of host (build_tools/commands/serve.py's modes: the build's brotli copies; gzip made on
  the fly for text and WebAssembly only; no compression) a calculator typed with the keyboard
  answers as CPython does, and the runtime's files come over the wire in exactly the bytes
  ``bundle.first_visit_bytes`` says: the worker fetches the brotli copies itself where the host
  sends no brotli, and Pyodide's large script's too where the host compresses nothing (imported
  from a blob: URL, which the worker's own policy allows). Each is at most 4.3 MB. The figure a
  visitor saving data is told is the largest of them.
- A copy the host lacks: the worker takes the gzip copy, then the file itself.
- After the four calculators, the site keeps at most 15 MB (``navigator.storage.estimate()``):
  the snapshot, the WebAssembly and the standard library kept gzip-compressed by the worker.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from build_tools.commands.serve import StaticHost
from build_tools.pages.calculator_pages import PAGES, asked, input_fragment, page_url
from build_tools.runtime import bundle
from calculators import api
from tests.browser.conftest import RUNTIME_TIMEOUT_MS, poll
from tests.browser.test_calculators import (
    FIRST_EXAMPLE,
    asked_input,
    expect_answer,
    python_answer,
    tab_to,
    type_field,
)
from tests.conftest import BuiltSite

pytestmark = pytest.mark.browser

RUNTIME_PATHS = ("/pyodide/", "/calculators/runtime/")
GOAL_BYTES = 4_300_000
STORAGE_BUDGET = 15_000_000

# Every entry the worker keeps (the snapshot, the WebAssembly, Pyodide's script, the standard
# library) is there.
KEPT = """async (prefix) => {
  for (const name of await caches.keys()) {
    if (!name.startsWith(prefix)) continue;
    const urls = (await (await caches.open(name)).keys()).map((request) => request.url);
    return ["python-snapshot", ".wasm", ".mjs", ".zip"].every((end) => urls.some((url) => url.endsWith(end)));
  }
  return false;
}"""


class CountingHost(StaticHost):
    """A StaticHost that notes the bytes it sends for each path."""

    def __init__(self, site: BuiltSite, mode: str):
        super().__init__(site.path, mode=mode)
        self.sent: list[tuple[str, int]] = []
        sent = self.sent

        class Handler(self.server.RequestHandlerClass):  # type: ignore[misc, name-defined]
            def send_header(self, keyword: str, value: str) -> None:
                if keyword == "Content-Length":
                    sent.append((self.path.split("?")[0], int(value)))
                super().send_header(keyword, value)

        self.server.RequestHandlerClass = Handler

    def runtime_bytes(self) -> dict[str, int]:
        sizes: dict[str, int] = {}
        for path, size in self.sent:
            if any(part in path for part in RUNTIME_PATHS):
                sizes[path] = sizes.get(path, 0) + size
        return sizes


@contextmanager
def visitor(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="en-US", timezone_id="America/Chicago")
    context.set_default_timeout(RUNTIME_TIMEOUT_MS)
    try:
        yield context
    finally:
        # A late request (the service worker precaching worker.js) may reach a route handler
        # while the context closes; its "disposed" error would surface in the next test.
        context.unroute_all(behavior="ignoreErrors")
        context.close()


def type_and_calculate(page: Page) -> None:
    """The review calculator's worked example, typed with the keyboard, then Enter."""
    typed = asked_input("review", FIRST_EXAMPLE["review"].input)
    page.locator("body").focus()
    for field in asked(api.declaration("review")["fields"]):
        if field["name"] in typed:
            type_field(page, field, field["name"], typed[field["name"]])
    tab_to(page, ".calculator__submit")
    page.keyboard.press("Enter")
    expect_answer(page, python_answer("review", typed))


@pytest.fixture(scope="module")
def runtime(built_site: BuiltSite) -> bundle.Runtime:
    return bundle.prepare()


@pytest.mark.parametrize("mode", ["copies", "text-gzip", "none"])
def test_the_runtime_comes_in_the_same_bytes_from_every_host(
        browser: Browser, built_site: BuiltSite, runtime: bundle.Runtime, mode: str) -> None:
    expected = bundle.first_visit_bytes(runtime)
    with CountingHost(built_site, mode) as host, visitor(browser) as context:
        errors: list[str] = []
        context.on("weberror", lambda error: errors.append(str(error.error)))
        context.on("console", lambda message: errors.append(message.text)
                   if message.type == "error" else None)
        page = context.new_page()
        page.goto(host.url + page_url(PAGES["review"]))
        type_and_calculate(page)
        sent = host.runtime_bytes()
        assert errors == [], errors
    names = sorted(path.rsplit("/", 1)[1] for path in sent)
    if mode == "copies":
        assert "pyodide.asm.wasm" in names and not any(name.endswith(".br") for name in names)
        assert not any(name.startswith("brotli_dec") for name in names), names
    else:  # the worker fetched the brotli copies and the decoder itself
        assert {"pyodide.asm.wasm.br", "python_stdlib.zip.br",
                "brotli_dec_wasm_bg.wasm.gz"} <= set(names), names
        assert "pyodide.asm.wasm" not in names and "python_stdlib.zip" not in names
    if mode == "none":  # Pyodide's large script too, imported from a blob: URL
        assert "pyodide.asm.mjs.br" in names and "pyodide.asm.mjs" not in names, names
    else:  # imported by its URL, as the host sends it (the browser keeps its compiled code)
        assert "pyodide.asm.mjs" in names and "pyodide.asm.mjs.br" not in names, names
    assert sum(sent.values()) == expected[mode], sent
    assert sum(sent.values()) <= GOAL_BYTES
    assert bundle.download_bytes(runtime) == max(expected.values())


def test_a_missing_copy_falls_back_to_the_gzip_copy_then_to_the_file(
        browser: Browser, built_site: BuiltSite) -> None:
    with CountingHost(built_site, "none") as host, visitor(browser) as context:
        context.route("**/*.wasm.br", lambda route: route.fulfill(status=404, body=""))
        context.route("**/python_stdlib.zip.*", lambda route: route.fulfill(status=404, body=""))
        context.route("**/pyodide.asm.mjs.*", lambda route: route.fulfill(status=404, body=""))
        page = context.new_page()
        case = FIRST_EXAMPLE["review"]
        page.goto(host.url + page_url(PAGES["review"]) + input_fragment(case.input))
        expect_answer(page, python_answer("review", case.input))
        names = {path.rsplit("/", 1)[1] for path in host.runtime_bytes()}
    assert {"pyodide.asm.wasm.gz", "python_stdlib.zip", "pyodide.asm.mjs"} <= names, names
    assert "pyodide.asm.wasm" not in names


def test_a_browser_without_decompressionstream_takes_the_files_themselves(
        browser: Browser, built_site: BuiltSite) -> None:
    """No DecompressionStream in the worker (an older browser): no copy can be decoded, so the
    WebAssembly, the standard library and Pyodide's script come as the files themselves."""

    def without_decompression(route) -> None:  # type: ignore[no-untyped-def]
        response = route.fetch()
        headers = {name: value for name, value in response.headers.items()
                   if name.lower() not in ("content-encoding", "content-length")}
        route.fulfill(response=response, headers=headers,
                      body="self.DecompressionStream = undefined;\n" + response.text())

    case = FIRST_EXAMPLE["review"]
    with CountingHost(built_site, "none") as host, visitor(browser) as context:
        context.route("**/calculators/runtime/*/worker.js", without_decompression)
        page = context.new_page()
        page.goto(host.url + page_url(PAGES["review"]) + input_fragment(case.input))
        expect_answer(page, python_answer("review", case.input))
        names = {path.rsplit("/", 1)[1] for path in host.runtime_bytes()}
    assert {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs"} <= names, names
    assert not any(name.endswith((".br", ".gz")) for name in names), names


def arrivals(page: Page) -> dict[str, str]:
    """How the worker got each large file: "br copy", "gz copy", "HTTP cache", "kept", ..."""
    for worker in page.workers:
        found = worker.evaluate("() => self.calculatorArrivals || null")
        if found:
            return dict(found)
    raise AssertionError("no calculators' worker on the page")


def test_pyodides_script_from_a_gzip_copy_and_from_its_url_where_blob_is_not_allowed(
        browser: Browser, built_site: BuiltSite) -> None:
    """On a host that compresses nothing: without its brotli copy, the script comes as its gzip
    copy; under a worker policy without blob: (a host with other headers), by its URL, raw."""
    case = FIRST_EXAMPLE["review"]
    with CountingHost(built_site, "none") as host, visitor(browser) as context:
        context.route("**/pyodide.asm.mjs.br", lambda route: route.fulfill(status=404, body=""))
        page = context.new_page()
        page.goto(host.url + page_url(PAGES["review"]) + input_fragment(case.input))
        expect_answer(page, python_answer("review", case.input))
        assert arrivals(page)["pyodide.asm.mjs"] == "gz copy"

    def without_blob(route) -> None:  # type: ignore[no-untyped-def]
        response = route.fetch()
        policy = response.headers["content-security-policy"]
        assert " blob:" in policy, policy
        route.fulfill(response=response, headers={
            **response.headers, "content-security-policy": policy.replace(" blob:", "")})

    with CountingHost(built_site, "none") as host, visitor(browser) as context:
        context.route("**/calculators/runtime/*/worker.js", without_blob)
        page = context.new_page()
        page.goto(host.url + page_url(PAGES["review"]) + input_fragment(case.input))
        expect_answer(page, python_answer("review", case.input))
        assert arrivals(page)["pyodide.asm.mjs"] == "by URL"
        names = {path.rsplit("/", 1)[1] for path in host.runtime_bytes()}
    assert "pyodide.asm.mjs" in names, names


@pytest.mark.parametrize("mode", ["copies", "none"])
def test_a_returning_visitor_gets_pyodides_script_without_downloading_it(
        browser: Browser, built_site: BuiltSite, mode: str) -> None:
    """The second visit: by its URL from the HTTP cache where the first visit imported it so
    (the browser keeps its compiled code); from the worker's kept copy where it came as a copy."""
    case = FIRST_EXAMPLE["review"]
    url_path = page_url(PAGES["review"]) + input_fragment(case.input)
    with CountingHost(built_site, mode) as host, visitor(browser) as context:
        page = context.new_page()
        page.goto(host.url + url_path)
        expect_answer(page, python_answer("review", case.input))
        assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        poll(page, KEPT, bundle.SNAPSHOT_CACHE_PREFIX)
        page.close()
        host.sent.clear()
        page = context.new_page()
        page.goto(host.url + url_path)
        expect_answer(page, python_answer("review", case.input))
        way = arrivals(page)["pyodide.asm.mjs"]
        names = {path.rsplit("/", 1)[1] for path in host.runtime_bytes()}
    assert way == ("HTTP cache" if mode == "copies" else "kept"), way
    assert not any(name.startswith("pyodide.asm") for name in names), names


def test_the_site_keeps_at_most_15_mb_after_the_four_calculators(
        browser: Browser, built_site: BuiltSite) -> None:
    with CountingHost(built_site, "copies") as host, visitor(browser) as context:
        for name in PAGES:
            case = FIRST_EXAMPLE[name]
            page = context.new_page()
            page.goto(host.url + page_url(PAGES[name]) + input_fragment(case.input))
            expect_answer(page, python_answer(name, case.input))
            assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            poll(page, KEPT, bundle.SNAPSHOT_CACHE_PREFIX)
            page.close()
        reader = context.new_page()
        reader.goto(host.url)
        usage = reader.evaluate("navigator.storage.estimate().then((e) => e.usage)")
        entries = reader.evaluate("""async () => {
          const out = [];
          for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) out.push(request.url);
          }
          return out;
        }""")
    assert usage <= STORAGE_BUDGET, f"{usage} bytes kept"
    # What is kept: the four pages, the runtime, the snapshot (so the figure is not low because
    # something is missing).
    for name in PAGES:
        assert any(url.endswith(page_url(PAGES[name])) for url in entries), name
    for end in ("python-snapshot", "pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip"):
        assert any(url.endswith(end) for url in entries), end
