"""The site search in Chromium with its index asked for only when a visitor searches
(build_tools/pages/theme_script.py, change 2): a page loads without the index, and the search
still finds pages whether it is opened with a tap on a phone or with the keyboard, in both
languages, and a page opened from a result still highlights the searched words."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from build_tools.commands.serve import StaticHost

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 375, "height": 667}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
TIMEOUT_MS = 60_000


def index_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if url.endswith("search/search_index.json")]


def results(page: Page, words: str) -> list[str]:
    """The titles of the search results for ``words``, typed into the focused search box."""
    page.keyboard.type(words)
    page.locator(".md-search-result__item").first.wait_for(timeout=TIMEOUT_MS)
    return page.locator(".md-search-result__item h1").all_inner_texts()


@pytest.mark.parametrize(("viewport", "path", "words", "found"), [
    (PHONE, "calculators/support-amount/", "fees", "What does child support cost?"),
    (DESKTOP, "es/", "cargos", "¿Cuánto cuesta la manutención de los hijos?"),
], ids=["phone, tap, English", "keyboard, Spanish"])
def test_the_index_comes_only_when_the_visitor_searches(
        browser: Browser, site_host: StaticHost, viewport: ViewportSize, path: str,
        words: str, found: str) -> None:
    context = browser.new_context(viewport=viewport, service_workers="block")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(site_host.url + path, wait_until="load")
        page.wait_for_timeout(1_000)  # the theme has started and has asked for what it wants
        assert index_requests(requests) == [], "the search index was fetched before any search"
        if viewport is PHONE:
            page.locator("label[for=__search]").first.click()  # the header's search icon
        else:
            page.keyboard.press("/")  # the theme's shortcut: it focuses the search box
        titles = results(page, words)
    finally:
        context.close()
    assert any(found in title for title in titles), titles
    language = "es/" if path.startswith("es/") else ""
    assert index_requests(requests) == [f"{site_host.url}{language}search/search_index.json"]


def test_a_page_opened_from_a_result_highlights_the_searched_words(
        browser: Browser, site_host: StaticHost) -> None:
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(site_host.url + "receiving-support/fees/?h=fee")
        page.locator("mark[data-md-highlight]").first.wait_for(timeout=TIMEOUT_MS)
        marked = page.locator("mark[data-md-highlight]").all_inner_texts()
    finally:
        context.close()
    assert marked and all(text.lower().startswith("fee") for text in marked), marked
