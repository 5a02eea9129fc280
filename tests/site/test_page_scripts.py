"""The site's two small scripts in Chromium: the county finder and "Exit this page" (its keys and
its place in the tab order: tests/browser/test_quick_exit.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from build_tools.data import shortcodes
from build_tools.data.contacts import Contacts
from build_tools.data.county_data import Counties
from build_tools.data.frontmatter import Seeds
from build_tools.pages import county_pages
from tests.site.test_translations import theme_environment

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Seeds(ROOT / "data")
CONTACTS = Contacts.load(ROOT / "data" / "contacts.yml", SEEDS)

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.google.com/"


@pytest.fixture
def context(browser):
    """A browser context that never reaches the internet: the neutral site is answered locally,
    and every request to it is recorded."""
    context = browser.new_context()
    context.neutral_requests = []

    def neutral(route):
        context.neutral_requests.append(route.request.url)
        route.fulfill(status=200, content_type="text/html",
                      body="<!doctype html><title>Neutral</title><p>Neutral page")

    context.route(re.compile(r"^https://www\.google\.com/.*"), neutral)
    yield context
    context.close()


def _open(context, url: str):
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error"
            and page.console_errors.append(message.text))
    page.goto(url)
    return page


def test_the_county_finder_filters_as_you_type_and_says_how_many_match(context, site_host):
    page = _open(context, f"{site_host.url}counties/")
    field = page.get_by_label("Type the name of your county")
    assert field.is_visible()
    links = page.locator("#county-list li:visible")
    assert links.count() == 115
    field.fill("saint charles")
    assert links.count() == 1
    assert links.first.inner_text() == "St. Charles County"
    status = page.locator("#county-finder-status")
    expect(status).to_have_text("1 county matches.")
    field.fill("st. louis")
    assert sorted(links.all_inner_texts()) == ["City of St. Louis", "St. Louis County"]
    expect(status).to_have_text("2 counties match.")
    field.fill("zzz")
    assert links.count() == 0
    expect(status).to_have_text("No county matches \u201czzz\u201d. Check the spelling.")
    field.fill("")
    assert links.count() == 115
    assert page.console_errors == []


def test_without_javascript_the_county_list_is_all_there(browser, site_host):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_host.url}counties/")
        assert page.locator("#county-list li:visible").count() == 115
        assert not page.locator("#county-finder-input").is_visible()
    finally:
        context.close()


@pytest.fixture
def quick_exit_url(built_site, site_host) -> str:
    for html in sorted(built_site.path.rglob("index.html")):
        if "data-quick-exit-link" in html.read_text(encoding="utf-8"):
            relative = html.parent.relative_to(built_site.path).as_posix()
            return f"{site_host.url}{relative}/"
    pytest.fail("no built page has the quick exit")


def test_exit_this_page_replaces_the_page_and_leaves_no_way_back(context, site_host,
                                                                   quick_exit_url):
    page = _open(context, site_host.url)
    page.goto(quick_exit_url)
    assert context.neutral_requests == []  # nothing is loaded from the neutral site beforehand
    page.get_by_role("button", name="Exit this page").click()
    page.wait_for_url(NEUTRAL)
    assert page.title() == "Neutral"
    page.go_back()
    assert page.url == site_host.url  # the page that was left is gone from the history
    assert page.console_errors == []


def test_pressing_shift_three_times_exits(context, quick_exit_url):
    page = _open(context, quick_exit_url)
    status = page.locator("[data-quick-exit-status]")
    page.keyboard.press("Shift")
    assert status.inner_text() == "Shift, press 2 more times to exit."
    page.keyboard.press("Shift")
    assert status.inner_text() == "Shift, press 1 more time to exit."
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)


def test_another_key_between_shifts_starts_the_count_again(context, quick_exit_url):
    page = _open(context, quick_exit_url)
    for key in ("Shift", "Shift", "a", "Shift"):
        page.keyboard.press(key)
    assert page.url == quick_exit_url
    assert page.locator("[data-quick-exit-status]").inner_text() == \
        "Shift, press 2 more times to exit."


# --- In Spanish: the scripts say what the page gives them, in the page's language ------------------

SCRIPTS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "site"


def _spanish_page(context, body: str, script: str):
    page = _open(context, "about:blank")
    page.set_content(f'<!doctype html><html lang="es"><title>Página</title><body>{body}</body>')
    page.add_script_tag(path=str(SCRIPTS / script))
    return page


def test_the_county_finder_speaks_the_pages_language(context):
    counties = Counties.load(ROOT / "data" / "counties.yml", CONTACTS, SEEDS)
    finder = county_pages.render_finder(counties, shortcodes.Context(
        "counties/index.md", {}, lang="es")).split("\n\n")[0]
    names = "".join(f"<li>{county.name}</li>" for county in counties.counties)
    page = _spanish_page(context, f'{finder}<div id="county-list"><ul>{names}</ul></div>',
                         "county-finder.js")
    field = page.get_by_label("Escriba el nombre de su condado")
    status = page.locator("#county-finder-status")
    field.fill("saint charles")
    expect(status).to_have_text("1 condado coincide.")
    field.fill("st. louis")
    expect(status).to_have_text("2 condados coinciden.")
    field.fill("$& zzz")  # what was typed is shown as typed, never read as a pattern
    expect(status).to_have_text("Ningún condado coincide con \u201c$& zzz\u201d. "
                                "Revise cómo lo escribió.")
    assert page.console_errors == []


def test_exit_this_page_speaks_the_pages_language(context):
    environment = theme_environment("es")
    box = environment.get_template("partials/site-quick-exit.html").render(
        site_quick_exit=NEUTRAL)
    page = _spanish_page(context, box + "<p><input id='x' value='1250.00'>", "quick-exit.js")
    status = page.locator("[data-quick-exit-status]")
    assert page.get_by_text("o presione Shift 3 veces").is_visible()
    page.keyboard.press("Shift")
    assert status.inner_text() == "Shift: presione 2 veces más para salir."
    page.keyboard.press("Shift")
    assert status.inner_text() == "Shift: presione 1 vez más para salir."
    page.get_by_role("button", name="Salir de esta página").click()
    page.wait_for_url(NEUTRAL)
    assert page.console_errors == []
