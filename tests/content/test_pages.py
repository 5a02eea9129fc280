"""The shape of every content page: front matter, headings, links, safety, glossary.

Content pages are the hand-written Markdown files (tests/content/pages.py). Rules checked here:

- Front matter has title, description (at most 160 characters), sources and last_reviewed, and
  the Markdown body starts with "# " and the title. The built page has one h1, equal to the
  title, first; no heading skips a level (h2 under h1, h3 under h2).
- No link says "click here" or just "here"; no page links to the old dss.mo.gov/cse pages,
  which are no longer online; statute links are revisor.mo.gov "OneSection" pages that match the
  section named in the front matter.
- A page that touches domestic violence (its main text says "domestic" or "abuse") has
  `quick_exit: true`, shows the "Exit this page" control, and carries the National Domestic
  Violence Hotline as a contact card.
- A page with a contact card ends with a "Who to call" section (the contacts page, which is all
  cards, excepted).
- The glossary defines the required terms; a page links a glossary term at most once.
- The pages on several orders, how long an order lasts, and reviews link to their calculators.
- Dates in the text are written out ("January 1, 2017"), never as 2017-01-01.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.content import pages

SOURCES = pages.content_sources()
IDS = [pages.url_path(src) or "home" for src in SOURCES]
REQUIRED_KEYS = ("title", "description", "sources", "last_reviewed")
GLOSSARY_TERMS = ("IV-D", "MACSS", "TANF", "FSD", "Custodial parent", "Non-custodial parent",
                  "Arrears", "Paternity", "Emancipation")
HOTLINE = "national-domestic-violence-hotline"
REVISOR = re.compile(r"^https://revisor\.mo\.gov/main/OneSection\.aspx\?section=(\d+\.\d+)$")
CALCULATOR_LINKS = {
    "paying-support/several-orders.md": "calculators/allocation/",
    "paying-support/how-long.md": "calculators/order-end/",
    "paying-support/review-and-change.md": "calculators/review/",
}


def _html(site: Path, src: Path) -> str:
    return pages.built_html(site, pages.url_path(src)).read_text(encoding="utf-8")


def _rel(src: Path) -> str:
    return src.relative_to(pages.DOCS).as_posix()


def test_content_pages_are_found():
    rels = {_rel(src) for src in SOURCES}
    assert {"index.md", "contacts.md", "glossary.md", "about/index.md"} <= rels
    assert not any(rel.startswith(("calculators/", "counties/")) for rel in rels)


@pytest.mark.parametrize("src", SOURCES, ids=IDS)
def test_front_matter_and_title(src):
    meta, body = pages.front_matter(src)
    missing = [key for key in REQUIRED_KEYS if key not in meta]
    assert not missing, f"{_rel(src)}: front matter lacks {missing}"
    assert isinstance(meta["description"], str) and 0 < len(meta["description"]) <= 160
    assert isinstance(meta["sources"], list)
    first_line = body.lstrip("\n").split("\n", 1)[0]
    assert first_line == f"# {meta['title']}", (
        f"{_rel(src)}: the body must start with '# {meta['title']}', not {first_line!r}")


@pytest.mark.parametrize("src", SOURCES, ids=IDS)
def test_headings(src, built_site):
    meta, _ = pages.front_matter(src)
    headings = pages.main_text(_html(built_site.path, src)).headings
    assert headings and headings[0] == (1, meta["title"]), (
        f"{_rel(src)}: the first heading must be the h1 {meta['title']!r}, not {headings[:1]}")
    assert [level for level, _ in headings].count(1) == 1, f"{_rel(src)}: one h1 only"
    for (before, _), (level, text) in zip(headings, headings[1:]):
        assert level <= before + 1, f"{_rel(src)}: heading {text!r} (h{level}) skips a level"


@pytest.mark.parametrize("src", SOURCES, ids=IDS)
def test_links(src, built_site):
    main = pages.main_text(_html(built_site.path, src))
    for href, text in main.links:
        assert pages.normalise(text) not in ("here", "click here"), \
            f"{_rel(src)}: link text {text!r} must say where it goes"
        # DSS's old /cse/ pages are gone; its child support pages today (dss.mo.gov/child-support/)
        # are sources, and contact cards link to them.
        assert "dss.mo.gov/cse" not in href, f"{_rel(src)}: {href} is no longer online"
        if "revisor.mo.gov" in href:
            assert REVISOR.match(href), f"{_rel(src)}: statute link {href} is not a OneSection URL"
    assert "click here" not in pages.normalise(main.text), f"{_rel(src)}: never 'click here'"
    # Nor anywhere else on the page (the sources at its foot, contact cards).
    whole = _html(built_site.path, src)
    assert not re.search(r'href="https?://(www\.)?dss\.mo\.gov/cse/', whole, re.I), \
        f"{_rel(src)}: links to an old dss.mo.gov/cse/ address, which is no longer online"


@pytest.mark.parametrize("src", SOURCES, ids=IDS)
def test_statute_sources_match_their_links(src):
    meta, _ = pages.front_matter(src)
    for source in meta["sources"]:
        if "statute" in source:
            section = source["statute"].removeprefix("RSMo ")
            match = REVISOR.match(source["url"])
            assert match and match.group(1) == section, (
                f"{_rel(src)}: {source['statute']} must link to its own OneSection page")


@pytest.mark.parametrize("src", SOURCES, ids=IDS)
def test_domestic_violence_pages_offer_quick_exit_and_the_hotline(src, built_site):
    meta, body = pages.front_matter(src)
    html = _html(built_site.path, src)
    text = pages.normalise(pages.main_text(html).text)
    if "domestic" not in text and "abuse" not in text:
        return
    assert meta.get("quick_exit") is True, \
        f"{_rel(src)} touches domestic violence: add quick_exit: true to its front matter"
    assert "site-quick-exit" in html, f"{_rel(src)}: the Exit this page control is not shown"
    assert f"[[contact:{HOTLINE}]]" in body, \
        f"{_rel(src)}: give the hotline as a card: [[contact:{HOTLINE}]]"


@pytest.mark.parametrize("src", SOURCES, ids=IDS)
def test_pages_with_contacts_end_with_who_to_call(src, built_site):
    _, body = pages.front_matter(src)
    if "[[contact:" not in body or _rel(src) == "contacts.md":
        return
    headings = pages.main_text(_html(built_site.path, src)).headings
    assert headings[-1] == (2, "Who to call"), \
        f"{_rel(src)}: end with a '## Who to call' section holding the contacts"


def test_glossary_defines_required_terms(built_site):
    glossary = pages.DOCS / "glossary.md"
    defined = {text for level, text in pages.main_text(_html(built_site.path, glossary)).headings
               if level == 2}
    missing = [term for term in GLOSSARY_TERMS if term not in defined]
    assert not missing, f"glossary.md lacks {missing}"


@pytest.mark.parametrize("src", SOURCES, ids=IDS)
def test_glossary_terms_linked_once_per_page(src, built_site):
    links = pages.main_text(_html(built_site.path, src)).links
    terms = Counter(href.split("#", 1)[1] for href, _ in links
                    if "glossary/#" in href and "#" in href)
    repeated = [term for term, count in terms.items() if count > 1]
    assert not repeated, f"{_rel(src)}: link each glossary term once, at first use: {repeated}"


@pytest.mark.parametrize("rel,target", sorted(CALCULATOR_LINKS.items()))
def test_pages_link_their_calculator(rel, target, built_site):
    links = pages.main_text(_html(built_site.path, pages.DOCS / rel)).links
    assert any(href.rstrip("/").endswith(target.rstrip("/")) or target in href
               for href, _ in links), f"{rel} must link to /{target}"


@pytest.mark.parametrize("src", SOURCES, ids=IDS)
def test_dates_are_written_out(src, built_site):
    text = pages.main_text(_html(built_site.path, src)).text
    iso = re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)
    assert not iso, f"{_rel(src)}: write dates as 'June 15, 2027', not {iso}"
