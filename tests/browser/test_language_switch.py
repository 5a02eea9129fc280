"""The language switch in the header (overrides/partials/alternate.html), in Chromium: on a
phone it is shown and big enough to tap; the keyboard reaches it; it goes to the same page in the
other language and back; and a page asks for nothing to make it work (no sitemap)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from build_tools.commands.serve import StaticHost

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}


def test_on_a_phone_the_switch_is_shown_and_big_enough_to_tap(browser: Browser,
                                                               site_host: StaticHost) -> None:
    context = browser.new_context(viewport=PHONE, locale="en-US")
    try:
        page = context.new_page()
        page.goto(site_host.url)
        link = page.get_by_role("link", name="Español")
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24, box  # WCAG 2.5.8
        assert box["y"] + box["height"] <= 4 * 20  # in the header bar, at the top
    finally:
        context.close()


def test_the_keyboard_reaches_the_switch_and_it_goes_there_and_back(browser: Browser,
                                                                    site_host: StaticHost) -> None:
    context = browser.new_context(locale="en-US")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(site_host.url)
        for _ in range(20):  # the header comes before the page's own links
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == "Español":
                break
        else:
            raise AssertionError("20 presses of Tab did not reach the language switch")
        assert page.evaluate("document.activeElement.lang") == "es"
        page.keyboard.press("Enter")
        page.wait_for_url(site_host.url + "es/")
        assert page.evaluate("document.documentElement.lang") == "es"
        page.get_by_role("link", name="English").click()
        page.wait_for_url(site_host.url)
        assert page.evaluate("document.documentElement.lang") == "en"
        assert not [url for url in requests if url.endswith("sitemap.xml")], requests
    finally:
        context.close()
