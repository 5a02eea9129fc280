"""'Exit this page' on the calculator pages and the privacy page, and what a calculator leaves
in the address bar, in Chromium.

- Exit is the keyboard's second stop, right after "Skip to content"; with JavaScript it is a
  button (role="button") that Space and Enter both press; it leaves for the neutral site with
  location.replace(), so Back does not return.
- On a calculator page, Exit empties the form before leaving.
- A calculator opened by an #input= link takes the figures out of the address bar once it has
  read them; "Copy a link to this result" still gives the whole link.

The neutral site is answered locally (page.route): nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page, Route, expect

from build_tools.data.scenarios import load_scenarios
from build_tools.pages.calculator_pages import MESSAGES, PAGES, input_fragment, page_url
from tests.browser.conftest import RUNTIME_TIMEOUT_MS, Recorder

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.google.com/"
EXIT_PAGES = [page_url(source) for source in PAGES.values()] + ["calculators/", "about/privacy/"]
EXAMPLE = {name: next(case for case in load_scenarios() if case.example and case.calculator == name)
           for name in PAGES}


def _neutral(page: Page, status: int = 200) -> list[str]:
    """Answer the neutral site locally; with 204 the browser stays on the page (so that what
    Exit did to it before leaving can be read). Returns the requests made to it."""
    seen: list[str] = []

    def answer(route: Route) -> None:
        seen.append(route.request.url)
        if status == 204:
            route.fulfill(status=204)
        else:
            route.fulfill(status=200, content_type="text/html",
                          body="<!doctype html><title>Neutral</title><p>Neutral page")

    page.route(re.compile(r"^https://www\.google\.com/.*"), answer)
    return seen


def _focused(page: Page) -> dict:
    return page.evaluate("""() => {
      const e = document.activeElement;
      return {text: (e.textContent || "").trim(), role: e.getAttribute("role"),
              link: e.matches("a[href][data-quick-exit-link]")};
    }""")


def _tab_to_exit(page: Page) -> None:
    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Skip to content", "the first stop is the skip link"
    page.keyboard.press("Tab")
    assert _focused(page) == {"text": "Exit this page", "role": "button", "link": True}, (
        "the second stop is Exit this page, a link that behaves as a button")


@pytest.mark.parametrize("key", ["Space", "Enter"])
@pytest.mark.parametrize("path", EXIT_PAGES)
def test_exit_is_the_second_stop_and_both_keys_press_it(warm: Recorder, path: str,
                                                        key: str) -> None:
    page = warm.context.new_page()
    try:
        seen = _neutral(page)
        page.goto(warm.base_url)          # a page before it, to see where Back goes
        page.goto(warm.base_url + path)
        assert seen == [], "nothing is loaded from the neutral site beforehand"
        _tab_to_exit(page)
        page.keyboard.press(key)
        page.wait_for_url(NEUTRAL)
        assert page.title() == "Neutral"
        page.go_back()
        assert page.url == warm.base_url, "the page left is gone from the tab's history"
    finally:
        page.close()


def test_without_javascript_exit_is_a_plain_link(browser, site_host) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for path in EXIT_PAGES:
            page.goto(site_host.url + path)
            link = page.locator("[data-quick-exit-link]")
            expect(link).to_have_attribute("href", NEUTRAL)
            assert link.get_attribute("role") is None
    finally:
        context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_exit_empties_the_calculator_form_before_leaving(warm: Recorder, name: str) -> None:
    case = EXAMPLE[name]
    page = warm.open(name, input_fragment(case.input))
    try:
        seen = _neutral(page, status=204)
        filled = page.locator('#calculator-form input[data-path]:not([type=hidden])')
        page.wait_for_function(
            "() => [...document.querySelectorAll('#calculator-form input[data-path]')]"
            ".some((e) => (e.type === 'checkbox' || e.type === 'radio') ? e.checked : e.value)")
        assert filled.count() > 0
        page.locator("body").focus()
        _tab_to_exit(page)
        page.keyboard.press("Space")
        page.wait_for_function("() => document.documentElement.classList.contains('site-exiting')")
        assert seen == [NEUTRAL]
        left = page.evaluate("""() => [...document.querySelectorAll('#calculator-form input')]
          .filter((e) => (e.type === 'checkbox' || e.type === 'radio') ? e.checked
                         : e.type !== 'submit' && e.type !== 'button' && e.value !== '')
          .map((e) => e.name || e.id)""")
        assert left == [], f"Exit left these fields filled: {left}"
        assert page.evaluate("location.hash") == ""
    finally:
        page.close()


@pytest.mark.parametrize("name", ["support_amount", "allocation"])
def test_a_linked_result_leaves_the_address_bar_and_the_copied_link_is_whole(
        warm: Recorder, name: str) -> None:
    case = EXAMPLE[name]
    page = warm.open(name, input_fragment(case.input))
    try:
        address = warm.base_url + page_url(PAGES[name])
        expect(page.locator("#calculator-result .calculator__answer")).to_be_visible(
            timeout=RUNTIME_TIMEOUT_MS)
        assert page.url == address, f"the figures are still in the address: {page.url}"
        assert page.evaluate("location.hash") == ""
        page.locator("#calculator-copy").press("Enter")
        expect(page.locator("#calculator-copy-status")).to_have_text(MESSAGES["copied"])
        link = page.evaluate("navigator.clipboard.readText()")
        assert link.startswith(address + "#input=")
        assert json.loads(unquote(link.split("#input=", 1)[1])) == case.input
        assert page.url == address, "copying the link does not put it in the address bar"
    finally:
        page.close()
