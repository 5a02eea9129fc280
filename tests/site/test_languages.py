"""The site in two languages (build_tools/pages/languages.py, build_tools/commands/build_languages.py):
two builds of one configuration, one runtime, one service worker, one 404 page; each page's
language, its switch to the other language and its hreflang alternates; each language's search
index; the Spanish front matter taken from the English twin; the published URLs of both."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mkdocs.config import load_config

from build_tools.pages import languages

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = "http://127.0.0.1:8000/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SWITCH = re.compile(r'<a class="site-language__link" href="([^"]*)" hreflang="(\w+)" '
                    r'lang="(\w+)">([^<]*)</a>')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]*)">')


def _pages(site: Path) -> dict[str, str]:
    """Site URL ("" for the home page, "es/..." for Spanish pages) -> HTML of every page built
    from Markdown (redirect pages left out)."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        url = path.parent.relative_to(site).as_posix() + "/"
        found["" if url == "./" else url] = html
    return found


def _resolve(page_url: str, href: str) -> str:
    target = posixpath.normpath(posixpath.join(page_url or ".", href))
    return "" if target == "." else target + "/"


# --- Two builds, one configuration ------------------------------------------------------------------

def test_the_spanish_configuration_is_derived_from_mkdocs_yml():
    english = languages.read_settings(ROOT / "mkdocs.yml")
    spanish = languages.spanish_config(ROOT / "mkdocs.yml")
    assert spanish.theme["language"] == "es" and spanish.docs_dir == str(ROOT / "docs" / "es")
    assert spanish.site_dir == str(ROOT / "site" / "es")
    assert spanish.site_url == languages.english_base(english["site_url"]) + "es/"
    assert spanish.plugins["material/search"].config.lang == ["es"]
    assert spanish.hooks.keys() == load_config(str(ROOT / "mkdocs.yml")).hooks.keys()
    assert spanish.extra_css == ["../" + path for path in english["extra_css"]]
    # The nav has the English structure, the pages that have their Spanish twin, no labels.
    assert spanish.nav[0] == "index.md"
    flat = json.dumps(spanish.nav)
    for src in languages.spanish_sources(ROOT):
        if f'"{src}"' in json.dumps(english["nav"]):
            assert f'"{src}"' in flat, src


def test_the_spanish_nav_keeps_the_english_structure(tmp_path):
    docs = tmp_path / "es"
    for src, title in {"index.md": "Inicio", "paying-support/index.md": "Pago manutención",
                       "paying-support/pay.md": "Cómo pagar"}.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(f"---\ntitle: {title}\n---\n# {title}\n", encoding="utf-8")
    nav = [{"Home": "index.md"},
           {"I pay child support": ["paying-support/index.md", {"How to pay": "paying-support/pay.md"},
                                    {"How long": "paying-support/how-long.md"}]},
           {"Employers": "employers/index.md"}]
    assert languages.spanish_nav(nav, docs) == [
        "index.md", {"Pago manutención": ["paying-support/index.md", "paying-support/pay.md"]}]


def test_both_languages_are_built_into_one_site(built_site):
    site = built_site.path
    assert (site / "index.html").is_file() and (site / "es" / "index.html").is_file()
    assert "Guía de manutención de los hijos en Misuri" in (site / "es" / "index.html").read_text(
        encoding="utf-8")
    # The English build left docs/es/ to the Spanish one.
    assert not (site / "es" / "es").exists()
    assert built_site.log.count("Building documentation to directory") == 2, built_site.log


def test_html_lang_is_each_pages_language(built_site):
    pages = _pages(built_site.path)
    assert any(url.startswith("es/") for url in pages)
    wrong = [url for url, html in pages.items()
             if f'<html lang="{"es" if url.startswith("es/") else "en"}"' not in html]
    assert not wrong, wrong
    assert '<html lang="en"' in (built_site.path / "404.html").read_text(encoding="utf-8")


# --- Search --------------------------------------------------------------------------------------

def test_each_language_has_its_own_search_index_with_its_stemmer(built_site):
    site = built_site.path
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    spanish = json.loads((site / "es" / "search" / "search_index.json").read_text(
        encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and spanish["config"]["lang"] == ["es"]
    spanish_titles = {doc["title"] for doc in spanish["docs"]}
    assert "Guía de manutención de los hijos en Misuri" in spanish_titles
    assert "Missouri Child Support Guide" not in spanish_titles
    assert "Guía de manutención de los hijos en Misuri" not in {
        doc["title"] for doc in english["docs"]}
    # The theme's Spanish stemmer, which the Spanish index's lang makes the search worker load.
    assert (site / "es" / "assets" / "javascripts" / "lunr" / "min" / "lunr.es.min.js").is_file()


# --- The language switch and the alternates -------------------------------------------------------

def test_the_switch_on_every_page_goes_to_its_twin_or_the_other_home_page(built_site):
    pages = _pages(built_site.path)
    lacking = []
    for url, html in pages.items():
        found = SWITCH.findall(html)
        assert len(found) == 1, f"/{url}: {len(found)} language switches"
        href, hreflang, lang, label = found[0]
        target = _resolve(url, href)
        if url.startswith("es/"):
            english = url.removeprefix("es/")
            assert (hreflang, lang, label) == ("en", "en", "English"), url
            assert english in pages, f"/{url} has no English twin"
            assert target == english, (url, target)
        else:
            assert (hreflang, lang, label) == ("es", "es", "Español"), url
            twin = f"es/{url}"
            if twin in pages:
                assert target == twin, (url, target)
            else:
                assert target == "es/", (url, target)
                lacking.append(url or "./")
    # The pages whose Spanish twin is still to be written (the switch goes to /es/ meanwhile).
    print(f"\n{len(lacking)} English pages without their Spanish twin yet:")
    for url in lacking:
        print(f"  /{url}")
    assert "" not in lacking  # the home page has its twin


def test_the_switch_is_a_link_in_the_header_reachable_by_keyboard(built_site):
    html = (built_site.path / "index.html").read_text(encoding="utf-8")
    header = re.search(r'<header class="md-header.*?</header>', html, re.S)
    assert header and SWITCH.search(header.group(0))
    # A plain link: no tabindex taking it out of the keyboard's order, no script needed.
    link = re.search(r'<a class="site-language__link"[^>]*>', header.group(0))
    assert link and "tabindex" not in link.group(0) and 'href="es/"' in link.group(0)


def test_pages_with_a_twin_name_it_in_their_head(built_site):
    pages = _pages(built_site.path)
    for url, html in pages.items():
        english = url.removeprefix("es/")
        head = html.split("</head>", 1)[0]
        found = ALTERNATE.findall(head)
        if f"es/{english}" in pages and english in pages:
            assert found == [("en", SITE_URL + english), ("es", f"{SITE_URL}es/{english}"),
                             ("x-default", SITE_URL + english)], url
        else:
            assert found == [], url


def test_the_sitemaps_give_each_page_with_a_twin_its_alternates(built_site):
    site = built_site.path
    pages = _pages(site)
    for sitemap in (site / "sitemap.xml", site / "es" / "sitemap.xml"):
        text = sitemap.read_text(encoding="utf-8")
        assert gzip.decompress(sitemap.with_name("sitemap.xml.gz").read_bytes()).decode() == text
        entries = ET.fromstring(text).findall(f"{SITEMAP}url")
        assert entries
        for entry in entries:
            loc = entry.findtext(f"{SITEMAP}loc")
            assert loc and loc.startswith(SITE_URL)
            url = loc.removeprefix(SITE_URL)
            english = url.removeprefix("es/")
            links = [(link.get("rel"), link.get("hreflang"), link.get("href"))
                     for link in entry.findall(f"{XHTML}link")]
            if f"es/{english}" in pages:
                assert links == [("alternate", "en", SITE_URL + english),
                                 ("alternate", "es", f"{SITE_URL}es/{english}"),
                                 ("alternate", "x-default", SITE_URL + english)], loc
            else:
                assert links == [], loc
    spanish = ET.fromstring((site / "es" / "sitemap.xml").read_text(encoding="utf-8"))
    assert {e.findtext(f"{SITEMAP}loc") for e in spanish} == {
        f"{SITE_URL}{url}" for url in pages if url.startswith("es/")}


def test_a_spanish_link_to_a_page_not_yet_translated_goes_to_the_english_page(project):
    project.write("docs/es/index.md", "---\ntitle: Inicio\ndescription: La página principal.\n"
                  "translates_review: 2026-01-05\n---\n# Inicio\n\n"
                  "[Cuánto cuesta](receiving-support/fees.md#what-it-costs) y "
                  "[los contactos](contacts.md).\n")
    project.write("docs/es/contacts.md", "---\ntitle: Contactos\ndescription: A quién llamar.\n"
                  "translates_review: 2026-01-05\n---\n# Contactos\n\nUna página.\n")
    project.replace("data/published_urls.txt", "es/\n", "es/\nes/contacts/\n")
    outcome = project.build()
    assert outcome.ok, outcome.log
    html = (outcome.site / "es" / "index.html").read_text(encoding="utf-8")
    # Not yet translated: the English page, marked as English; translated: the Spanish twin.
    assert '<a href="../receiving-support/fees/#what-it-costs" hreflang="en">' in html
    assert '<a href="contacts/">' in html


# --- One 404 page --------------------------------------------------------------------------------

def test_one_404_page_speaks_both_languages(built_site):
    site = built_site.path
    assert not (site / "es" / "404.html").exists()
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "We can&#39;t find that page" in html or "We can't find that page" in html
    spanish = re.search(r'<section class="site-404-other-language" lang="es"[^>]*>(.*?)</section>',
                        html, re.S)
    assert spanish, "the Spanish text, marked lang=\"es\""
    assert "No encontramos esa página" in spanish.group(1)
    assert '<span lang="en">Family Support Division</span>' in spanish.group(1)
    assert 'href="/es/"' in spanish.group(1)


# --- One runtime, one service worker -----------------------------------------------------------------

def test_the_spanish_build_writes_no_runtime_and_no_headers(built_site):
    site = built_site.path
    assert not (site / "es" / "pyodide").exists()
    assert not (site / "es" / "calculators" / "runtime").exists()
    assert not (site / "es" / "sw.js").exists() and not (site / "es" / "_headers").exists()
    assert "/es/assets/javascripts/bundle.*" in (site / "_headers").read_text(encoding="utf-8")


def test_one_service_worker_at_the_top_of_the_site(built_site):
    site = built_site.path
    first = (site / "sw.js").read_text(encoding="utf-8").splitlines()[0]
    settings = json.loads(first.removeprefix("const PRECACHE = ").rstrip(";"))
    # One shell a language: its calculator pages, what they load, its search index.
    english, spanish = settings["shell"][""], settings["shell"]["es/"]
    assert {"calculators/allocation/", "calculators/support-amount/",
            "search/search_index.json"} <= set(english)
    assert {"es/calculators/allocation/", "es/calculators/support-amount/",
            "es/search/search_index.json"} <= set(spanish)
    assert not [url for url in english if url.startswith("es/")]
    # The calculator pages' bundle and the site's stylesheet are the same files in both.
    assert {url for url in english if url.startswith("assets/calculators/bundle/")} == \
        {url for url in spanish if url.startswith("assets/calculators/bundle/")} != set()
    # Where it used to be, a worker that only unregisters itself.
    retired = (site / "calculators" / "sw.js").read_text(encoding="utf-8")
    assert "self.registration.unregister()" in retired and "caches." not in retired
    for page in site.glob("calculators/*/index.html"):
        config = re.search(r'id="calculator-config">(.*?)</script>', page.read_text("utf-8"), re.S)
        if config:
            href = json.loads(config.group(1))["serviceWorker"]
            assert _resolve(page.parent.relative_to(site).as_posix() + "/", href) == "sw.js/"


def _loads(site: Path, url: str) -> dict[str, str]:
    """What a calculator page names of the runtime, each as a site-relative path."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    config = re.search(r'id="calculator-config">(.*?)</script>', html, re.S)
    assert config
    settings = json.loads(config.group(1))
    starter = re.search(r'<script src="([^"]*start-worker\.js)" async>', html)
    module = re.search(r'<script type="module" src="([^"]+)"', html)
    assert starter and module
    return {name: _resolve(url, href).rstrip("/") for name, href in {
        "worker": settings["worker"], "service worker": settings["serviceWorker"],
        "build.json": settings["build"]["url"], "starter": starter.group(1),
        "script": module.group(1)}.items()}


def test_spanish_calculator_pages_use_the_english_builds_runtime(built_site):
    site = built_site.path
    english, spanish = _loads(site, "calculators/allocation/"), _loads(site, "es/calculators/allocation/")
    assert spanish == english
    assert english["service worker"] == "sw.js"
    for path in english.values():
        assert (site / path).is_file(), path
    assert not (site / "es" / "calculators" / "runtime").exists()
    first = (site / "sw.js").read_text(encoding="utf-8").splitlines()[0]
    shell = json.loads(first.removeprefix("const PRECACHE = ").rstrip(";"))["shell"]
    assert "calculators/allocation/" in shell[""] and "es/calculators/allocation/" in shell["es/"]
    assert _foot(site / "calculators/allocation/index.html") == \
        _foot(site / "es/calculators/allocation/index.html")


def _foot(page: Path) -> tuple[list[str], str]:
    """A page's foot: the links of its front matter's sources (before the contact cards'),
    and its review date."""
    html = page.read_text(encoding="utf-8")
    foot = re.search(r'<aside class="site-page-foot".*?</aside>', html, re.S)
    assert foot, page
    links = re.findall(r'<li id="source-\d+">(?:<a href="([^"]*)")?', foot.group(0))
    reviewed = re.search(r'<time datetime="([^"]+)"', foot.group(0))
    assert links and reviewed, page
    return links[:1], reviewed.group(1)


def test_a_spanish_calculator_page_carries_its_content_security_policy(built_site):
    for url in ("es/", "es/calculators/allocation/"):
        html = (built_site.path / url / "index.html").read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert policy, url
        assert "script-src 'self'" in policy.group(1) and "'unsafe-inline'" not in policy.group(1)
        assert "'sha256-" in policy.group(1), url  # the theme's inline scripts, by their hash


# --- The published URLs ---------------------------------------------------------------------------

def test_the_published_urls_list_every_spanish_page(built_site):
    listed = set((ROOT / "data" / "published_urls.txt").read_text(encoding="utf-8").split())
    spanish = [url for url in _pages(built_site.path) if url.startswith("es/")]
    assert spanish and set(spanish) <= listed


def test_a_new_spanish_page_not_in_the_url_list_fails_the_build(project):
    project.write("docs/es/contacts.md", "---\ntitle: Contactos\ndescription: A quién llamar.\n"
                  "translates_review: 2026-01-05\n---\n# Contactos\n\nUna página.\n")
    log = project.failure()
    assert "These pages are new and not yet in data/published_urls.txt:\n  - es/contacts/" in log
    assert "make urls" in log


# --- A Spanish page's front matter ------------------------------------------------------------------

def test_a_spanish_page_without_an_english_twin_fails_the_build(project):
    project.write("docs/es/nowhere.md", "---\ntitle: Ninguna\ndescription: Ninguna.\n"
                  "translates_review: 2026-01-05\n---\n# Ninguna\n")
    log = project.failure()
    assert "docs/es/nowhere.md has no English twin" in log
    assert "docs/nowhere.md, which does not exist" in log


def test_a_spanish_page_that_repeats_its_twins_sources_fails_the_build(project):
    project.replace("docs/es/index.md", "translates_review: 2026-01-05",
                    "translates_review: 2026-01-05\nsources: []\nlast_reviewed: 2026-01-05")
    log = project.failure()
    assert "Front matter of docs/es/index.md" in log
    assert ("'sources' is not written on a Spanish page: the build takes it from the English "
            "twin, docs/index.md. Delete it here") in log
    assert "'last_reviewed' is not written on a Spanish page" in log


def test_a_spanish_page_without_translates_review_fails_the_build(project):
    project.replace("docs/es/index.md", "translates_review: 2026-01-05\n", "")
    log = project.failure()
    assert "missing front matter key 'translates_review'" in log
    assert "translates_review: 2026-01-05" in log  # the fix, with the twin's date


def test_a_spanish_page_takes_its_sources_and_review_date_from_its_twin(project):
    outcome = project.build()
    assert outcome.ok, outcome.log
    english, spanish = _foot(outcome.site / "index.html"), _foot(outcome.site / "es/index.html")
    assert english == spanish and spanish[1] == "2026-01-05"


def test_check_content_lists_a_spanish_page_behind_its_twin(tmp_path):
    from build_tools.commands.check_content import behind

    for path, text in {
        "docs/x.md": "---\ntitle: X\nlast_reviewed: 2026-12-01\n---\n# X\n",
        "docs/es/x.md": "---\ntitle: X\ntranslates_review: 2026-11-02\n---\n# X\n",
        "docs/y.md": "---\ntitle: Y\nlast_reviewed: 2026-11-02\n---\n# Y\n",
        "docs/es/y.md": "---\ntitle: Y\ntranslates_review: 2026-11-02\n---\n# Y\n",
    }.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert behind(tmp_path) == [("docs/es/x.md", "2026-11-02", "2026-12-01")]
