"""How many requests a calculator page costs: a first (cold) visit at most 25, a returning
(warm) one at most 8, everything counted: the page's, its worker's and its service worker's,
the service worker's install included.

Chromium, driven by Playwright, records every request the context makes (the page's, the
dedicated worker's and the service worker's); a request counts when it reaches the host
(build_tools/commands/serve.py keeps the path of each), which is what crosses the network. A request the
service worker or the browser's cache answers does not. Each visit is waited out: the answer
shown, the service worker active (its install has fetched what it keeps), the network idle. No
time is measured.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from build_tools.commands.serve import StaticHost
from build_tools.data.scenarios import load_scenarios
from build_tools.pages.calculator_pages import PAGES, page_url
from calculators import api
from calculators.views.common import input_fragment
from calculators.views.respond import view
from tests.browser.conftest import RUNTIME_TIMEOUT_MS

pytestmark = pytest.mark.browser

COLD_LIMIT = 25
WARM_LIMIT = 8
EXAMPLES = {case.calculator: case for case in reversed(load_scenarios()) if case.example}

SERVICE_WORKER_ACTIVE = """() => navigator.serviceWorker.ready.then((registration) =>
  new Promise((done) => {
    const worker = registration.active;
    if (worker.state === "activated") done(true);
    else worker.addEventListener("statechange", () => worker.state === "activated" && done(true));
  }))"""


def _visit(page: Page, url: str, answer: str) -> None:
    page.goto(url)
    page.locator("#calculator-result .calculator__answer").filter(has_text=answer).wait_for(
        timeout=RUNTIME_TIMEOUT_MS)
    assert page.evaluate(SERVICE_WORKER_ACTIVE)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("name", list(PAGES))
def test_a_calculator_page_makes_few_requests_cold_and_warm(browser: Browser,
                                                            site_host: StaticHost,
                                                            name: str) -> None:
    case = EXAMPLES[name]
    shown = view(api.run(name, api.loads(case.json_text())))
    assert shown is not None
    url = site_host.url + page_url(PAGES[name]) + input_fragment(case.input)
    context = browser.new_context()
    context.set_default_timeout(RUNTIME_TIMEOUT_MS)
    recorded: list[str] = []
    context.on("request", lambda request: recorded.append(urlsplit(request.url).path))
    try:
        site_host.requests.clear()
        _visit(context.new_page(), url, shown["answer"])
        cold, cold_recorded = list(site_host.requests), list(recorded)
        site_host.requests.clear()
        recorded.clear()
        # A returning visit: a new tab, as a parent opening the page again.
        _visit(context.new_page(), url, shown["answer"])
        warm, warm_recorded = list(site_host.requests), list(recorded)
    finally:
        context.close()
    service_worker = next(path for path in cold if path.endswith("/sw.js"))
    for reached, made in ((cold, cold_recorded), (warm, warm_recorded)):
        # Whatever reached the host is something this browser asked for (no other visitor);
        # Playwright does not report the browser's own fetch of the service worker's script.
        assert not [path for path in reached if urlsplit(path).path not in made
                    and path != service_worker], (reached, made)
    listing = "\n".join(f"  {path}" for path in cold)
    assert len(cold) <= COLD_LIMIT, (
        f"a first visit to {page_url(PAGES[name])} makes {len(cold)} requests, over "
        f"{COLD_LIMIT}:\n{listing}")
    listing = "\n".join(f"  {path}" for path in warm)
    assert len(warm) <= WARM_LIMIT, (
        f"a returning visit to {page_url(PAGES[name])} makes {len(warm)} requests, over "
        f"{WARM_LIMIT}:\n{listing}")
    # The runtime is never fetched again on a returning visit: the service worker has it.
    assert not [path for path in warm if "/pyodide/" in path or "/runtime/" in path], warm
