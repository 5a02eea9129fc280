"""The site as `make build` makes it: pages, links, contacts, counties, and nothing from elsewhere."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from build_tools.commands import url_manifest
from build_tools.data import phones
from build_tools.pages import form14_pages, page_urls
from build_tools.data.contacts import NUMBER, tel_href
from build_tools.data.county_data import slug_for
from build_tools.data.frontmatter import Seeds, check_page
from tests.content import pages
from tests.site import sitecheck

ROOT = Path(__file__).resolve().parents[2]
CONTACTS = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))
COUNTIES = yaml.safe_load((ROOT / "data" / "counties.yml").read_text(encoding="utf-8"))
SHORTCODE = re.compile(r"\[\[(contact|phone):([a-z0-9-]+)\]\]")


@lru_cache(maxsize=None)
def _site_files():
    from build_tools.pages.site_pages import load_site

    return load_site(str(ROOT / "mkdocs.yml"))


def _pages(built_site) -> dict[str, sitecheck.Page]:
    return _read_site(built_site.path)


@lru_cache(maxsize=None)
def _read_site(path: Path) -> dict[str, sitecheck.Page]:
    return sitecheck.read_site(path)


def _html(built_site, url: str) -> str:
    return (built_site.path / url / "index.html").read_text(encoding="utf-8")


def test_the_strict_build_passes_and_writes_every_page(built_site):
    config, files = _site_files()
    for file in files.documentation_pages():
        assert (built_site.path / file.dest_uri).is_file(), file.src_uri
    assert "WARNING" not in built_site.log


def test_the_404_page_is_built_and_helpful(built_site):
    html = (built_site.path / "404.html").read_text(encoding="utf-8")
    assert "We can&#39;t find that page" in html or "We can't find that page" in html
    for href in ('href="/."', 'href="/counties/"', 'href="/contacts/"'):
        assert href in html
    assert 'name="q"' in html  # the search form opens the site's search with the words typed
    assert f'href="{tel_href(CONTACTS["fsd-customer-service"]["phone"])}"' in html


def test_every_page_has_complete_front_matter():
    import datetime as dt

    from build_tools.pages.site_pages import page_meta

    config, files = _site_files()
    seeds = Seeds(ROOT / "data")
    problems = {file.src_uri: check_page(page_meta(file), seeds, dt.date.today())
                for file in files.documentation_pages()}
    assert {page: found for page, found in problems.items() if found} == {}


def test_every_page_shows_its_sources_and_review_date(built_site):
    for url, page in _pages(built_site).items():
        if url == "/404.html" or "Redirecting..." in page.path.read_text(encoding="utf-8"):
            continue
        html = page.path.read_text(encoding="utf-8")
        assert 'class="site-page-foot"' in html, url
        if url.startswith("/es/"):  # the same foot in Spanish: "1 de enero de 2026"
            assert re.search(r'Última revisión: <time datetime="\d{4}-\d{2}-\d{2}">\d{1,2} de '
                             r'\w+ de \d{4}</time>', html), url
        else:
            assert re.search(r'Last reviewed: <time datetime="\d{4}-\d{2}-\d{2}">\w+ \d{1,2}, '
                             r'\d{4}</time>', html), url


def test_every_page_except_county_pages_is_in_the_nav():
    from mkdocs.structure.nav import get_navigation

    config, files = _site_files()
    nav = get_navigation(files, config)
    in_nav = {page.file.src_uri for page in nav.pages}
    county_pages = {f"counties/{c['slug']}.md" for c in COUNTIES["counties"]}
    # The pages for working Form 14 by hand are reached from the calculator's page.
    hand_pages = set(form14_pages.page_sources(dt.date.today()))
    missing = [file.src_uri for file in files.documentation_pages()
               if file.src_uri not in in_nav and file.src_uri not in county_pages | hand_pages]
    assert missing == [], "add these pages to nav: in mkdocs.yml"


def test_there_are_115_county_pages_at_their_slugs(built_site):
    counties = COUNTIES["counties"]
    assert len(counties) == 115
    for county in counties:
        html = _html(built_site, f"counties/{slug_for(county['name'])}")
        title = county["name"] if not county["name"].startswith("City") else f"the {county['name']}"
        assert f"Child support in {title}" in html


def test_the_county_index_lists_every_county_and_loads_its_finder(built_site):
    html = _html(built_site, "counties")
    listed = re.search(r'<div class="site-county-list" id="county-list">(.*?)</div>', html,
                       re.DOTALL).group(1)
    links = re.findall(r'<li><a href="([a-z0-9-]+)/">([^<]+)</a></li>', listed)
    assert len(links) == 115
    assert {slug for slug, _ in links} == {c["slug"] for c in COUNTIES["counties"]}
    assert re.search(r'<label for="county-finder-input">[^<]+</label>\s*<input '
                     r'id="county-finder-input"', html)
    assert 'role="status" aria-live="polite"' in html
    assert '<script src="../assets/site/county-finder.js" defer></script>' in html
    # The filter box is hidden until its script shows it: without JavaScript, only the list.
    assert '<div class="site-county-finder" data-county-finder hidden>' in html


def test_contacts_used_on_pages_appear_as_tel_links(built_site):
    config, files = _site_files()
    checked = 0
    for file in files.documentation_pages():
        html = (built_site.path / file.dest_uri).read_text(encoding="utf-8")
        for _, contact_id in SHORTCODE.findall(file.content_string):
            contact = CONTACTS[contact_id]
            if "phone" not in contact:
                continue
            link = f'href="{tel_href(contact["phone"])}">{contact["phone"]}</a>'
            if contact.get("dated"):
                assert link not in html, f"{file.src_uri}: dated {contact_id} must not be a link"
            else:
                assert link in html, f"{file.src_uri}: {contact_id}"
                checked += 1
    assert checked > 115  # every county page shows the statewide numbers


def test_every_tel_link_dials_the_number_it_shows(built_site):
    seen = 0
    for page in _pages(built_site).values():
        for href, text in page.tel_links:
            assert NUMBER.match(text), (page.url, text)
            assert href == tel_href(text), (page.url, href, text)
            seen += 1
    assert seen


def test_every_number_on_the_site_comes_from_contacts_yml(built_site):
    known = {contact.get(key) for contact in CONTACTS.values() for key in ("phone", "fax")}
    for url, page in _pages(built_site).items():
        text = re.sub(r"<script.*?</script>", "", page.path.read_text(encoding="utf-8"),
                      flags=re.DOTALL)
        unknown = [phone.text for phone in phones.find(text) if phone.formatted not in known]
        assert unknown == [], url


def test_no_internal_link_or_anchor_is_broken(built_site):
    def calculator_input(path: str, fragment: str) -> bool:
        return path.startswith(("/calculators/", "/es/calculators/")) and \
            fragment.startswith("input=")

    problems = sitecheck.broken_links(built_site.path, pages=_pages(built_site),
                                      ignore_fragment=calculator_input)
    assert problems == []


def test_no_page_loads_anything_from_another_host(built_site):
    loads = [(page.url, tag, url) for page in _pages(built_site).values()
             for tag, url in page.loads if sitecheck.is_external(url)]
    assert loads == []
    for html in built_site.path.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not re.search(r'rel="(preconnect|dns-prefetch|prefetch|preload)"[^>]*'
                             r'href="(https?:)?//', text), html
    for css in built_site.path.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            assert not sitecheck.is_external(url.strip("'\"")), (css, url)


def test_site_search_works_from_files_on_the_site(built_site):
    html = _html(built_site, "")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  html, re.DOTALL).group(1))
    worker = built_site.path / config["search"]
    assert worker.is_file() and not sitecheck.is_external(config["search"])
    index = json.loads((built_site.path / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert "counties/st-charles-county/" in locations


# Pages that always offer "Exit this page", besides those that touch domestic violence
# (tests/content/test_pages.py): every calculator page (and the pages under them), and privacy.
QUICK_EXIT_ALWAYS = ("calculators/", "about/privacy.md")


def test_quick_exit_is_on_pages_that_ask_for_it_and_nowhere_else(built_site):
    from build_tools.pages.site_pages import page_meta

    config, files = _site_files()
    destination = config.extra["quick_exit_url"]
    asked = 0
    for file in files.documentation_pages():
        html = (built_site.path / file.dest_uri).read_text(encoding="utf-8")
        if file.src_uri.startswith(QUICK_EXIT_ALWAYS):
            assert page_meta(file).get("quick_exit") is True, (
                f"{file.src_uri}: every calculator page and the privacy page offer Exit this "
                "page: add quick_exit: true to its front matter")
        # Any page that speaks of abuse, generated pages (counties, Form 14 by hand) included.
        text = pages.normalise(pages.main_text(html).text)
        if "domestic" in text or "abuse" in text:
            assert page_meta(file).get("quick_exit") is True, (
                f"{file.src_uri} mentions domestic violence or abuse: give it quick_exit: true")
        if page_meta(file).get("quick_exit"):
            asked += 1
            assert re.search(rf'<a class="site-quick-exit__button" href="{re.escape(destination)}"'
                             r' rel="nofollow noreferrer" data-quick-exit-link>Exit this page</a>',
                             html), file.src_uri
            assert re.search(r'<script src="[./]*assets/site/quick-exit\.js" defer>', html)
            assert '<meta name="referrer" content="no-referrer">' in html
            # Right after "Skip to content", before the header: the keyboard's second stop.
            button = html.index("site-quick-exit__button")
            assert html.index('class="md-skip"') < button < html.index('<header class="md-header')
            assert html.count("data-quick-exit-link") == 1
        else:
            assert "site-quick-exit" not in html and "quick-exit.js" not in html, file.src_uri
    assert asked, "no page has quick_exit: true (the pages on domestic violence should)"


def test_scripts_are_files_with_no_inline_event_handlers(built_site):
    for page in _pages(built_site).values():
        text = page.path.read_text(encoding="utf-8")
        assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", text), page.url


def test_the_list_of_published_urls_names_the_contract_urls():
    listed = set(url_manifest.read(ROOT / "data" / "published_urls.txt"))
    for county in COUNTIES["counties"]:
        assert f"counties/{county['slug']}/" in listed
    assert {"counties/st-charles-county/", "counties/city-of-st-louis/",
            "counties/ste-genevieve-county/", "counties/dekalb-county/", "counties/"} <= listed
    assert {"calculators/", "calculators/allocation/", "calculators/order-end/",
            "calculators/review/", "./"} <= listed


def test_every_published_url_is_built_or_redirected(built_site):
    for url in url_manifest.read(ROOT / "data" / "published_urls.txt"):
        path = built_site.path / ("" if url == page_urls.HOME else url) / "index.html"
        assert path.is_file(), f"{url} is in data/published_urls.txt but not in the built site"


@pytest.mark.parametrize("slug", ["st-charles-county", "city-of-st-louis"])
def test_contract_county_urls_are_served(site_host, slug):
    import urllib.request

    with urllib.request.urlopen(f"{site_host.url}counties/{slug}/") as response:
        assert response.status == 200
