"""The home page answers first what people ask first, on the first screen of a phone.

At 390 x 844 (a common phone), the first link to a task in the page's text is the Form 14
calculator ("how much will support be?"), and it is on the first screen without scrolling; the
links that follow it are, in this order, apply, get payments, pay, support not paid and find my
county. The audience pages ("I get child support", "I pay child support") each list all four
calculators, the Form 14 calculator first.
"""

from __future__ import annotations

import pytest

from build_tools.pages.calculator_pages import PAGES
from build_tools.pages.page_urls import page_url

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
FIRST_TASKS = ["calculators/support-amount/", "receiving-support/open-a-case/",
               "receiving-support/get-payments/", "paying-support/pay/",
               "receiving-support/when-support-is-not-paid/", "counties/"]
CALCULATORS = ["support_amount", "order_end", "review", "allocation"]

# The article's links, with where each goes (relative to the site) and its box on the screen;
# the glossary's terms and the phone links are words in a sentence, not tasks.
TASK_LINKS = """(base) => [...document.querySelectorAll("article a[href]")]
  .filter((a) => !a.closest(".site-page-foot, .site-contact, h1, h2, h3")
                 && !a.href.startsWith("tel:") && !a.href.includes("glossary"))
  .map((a) => ({path: a.href.startsWith(base) ? a.href.slice(base.length) : a.href,
                text: a.textContent.trim(), bottom: a.getBoundingClientRect().bottom}))"""


def _links(browser, site_host, path: str) -> list[dict]:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site_host.url + path, wait_until="load")
        assert page.evaluate("window.scrollY") == 0
        return page.evaluate(TASK_LINKS, site_host.url)
    finally:
        context.close()


def test_the_first_task_on_the_home_page_is_the_form_14_calculator_on_the_first_screen(
        browser, site_host):
    links = _links(browser, site_host, "")
    first = links[0]
    assert first["path"] == "calculators/support-amount/", links[:3]
    assert "how much child support" in first["text"].lower()
    assert 0 < first["bottom"] <= PHONE["height"], \
        f"the Form 14 link ends {first['bottom']}px down: below the first screen"
    assert [link["path"] for link in links[:len(FIRST_TASKS)]] == FIRST_TASKS


@pytest.mark.parametrize("path", ["receiving-support/", "paying-support/"])
def test_each_audience_page_lists_the_four_calculators_form_14_first(browser, site_host, path):
    calculators = [page_url(PAGES[name]) for name in CALCULATORS]
    listed = [link["path"] for link in _links(browser, site_host, path)
              if link["path"] in calculators]
    assert listed[:4] == calculators, listed
