"""Every page's sources stand once, at its foot; the text talks about the parent's case.

Checked on every built page (the hand-written pages, the calculators and all 115 county pages):

- The text (the article without its foot, tests/content/pages.py) has no paragraph, list item or
  card row beginning "Source:" or "Sources:", and never says "(not an official source)": who
  published a secondary source is said in the list at the foot.
- No contact card has a source row, and no line of sources sits beside a fact
  (``<p class="site-cite">``): the card's and the fact's sources are in the foot list.
- A page has one list of sources (``<ol class="site-sources">`` inside the page foot) and no
  second footnote list; each item's id is source-N, numbered from 1; every reference number in
  the text links to an item of that list.
- A page shows each contact card once, and its last section holds at most two cards (the ones its
  task needs, not every line FSD has). Left out of that one rule: the contacts page, which is all
  cards, and the county pages, whose statewide part is made from data/county_page.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.content import pages

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
FOOT = re.compile(r'<aside class="site-page-foot".*?</aside>', re.S)
TEMPLATE = re.compile(r"<template\b.*?</template>", re.S)
SOURCE_LABEL = re.compile(r"^sources?:", re.I)


def _built_pages(site: Path) -> list[tuple[str, str]]:
    """(URL path, HTML) of every page of the built site."""
    found = []
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        found.append(("" if url == "." else f"{url}/", path.read_text(encoding="utf-8")))
    assert len(found) > 150, "the whole site: content pages, calculators and 115 counties"
    return found


def _article(html: str) -> str:
    match = ARTICLE.search(html)
    return match.group(1) if match else ""


def test_no_text_names_its_sources_in_the_body(built_site):
    problems = []
    for url, html in _built_pages(built_site.path):
        main = pages.main_text(html)
        for block in main.blocks:
            if SOURCE_LABEL.match(block):
                problems.append(f"/{url}: {block[:90]!r} (move its sources to the front matter; "
                                f"give a source an id: and write [[ref:ID]] at the fact)")
        if "not an official source" in pages.normalise(main.text):
            problems.append(f"/{url}: says '(not an official source)' in its text; the foot "
                            f"list says who published a secondary source")
    assert not problems, "\n".join(problems)


def test_no_card_has_a_source_row_and_no_fact_a_line_of_sources(built_site):
    problems = []
    for url, html in _built_pages(built_site.path):
        if re.search(r"<dt>Sources?</dt>", html):
            problems.append(f"/{url}: a contact card has a Source row")
        if '<p class="site-cite"' in html:
            problems.append(f"/{url}: a line of sources stands beside a fact (site-cite)")
    assert not problems, "\n".join(problems)


def test_one_numbered_list_of_sources_that_every_reference_points_into(built_site):
    problems = []
    for url, html in _built_pages(built_site.path):
        article = _article(html)
        if not article:
            continue
        lists = re.findall(r'<ol class="site-sources">(.*?)</ol>', article, re.S)
        if len(lists) > 1 or 'class="footnote' in article:
            problems.append(f"/{url}: more than one list of sources")
            continue
        ids = re.findall(r'<li id="(source-\d+)">', lists[0]) if lists else []
        if ids != [f"source-{n}" for n in range(1, len(ids) + 1)]:
            problems.append(f"/{url}: the sources are not numbered source-1, source-2, ...: {ids}")
        body = FOOT.sub("", article)
        for target in re.findall(r'<sup class="site-ref"><a href="#([^"]+)"', body):
            if target not in ids:
                problems.append(f"/{url}: a reference number links to #{target}, not in the list")
    assert not problems, "\n".join(problems)


def test_each_contact_once_and_at_most_two_cards_at_the_end(built_site):
    problems = []
    for url, html in _built_pages(built_site.path):
        body = TEMPLATE.sub("", FOOT.sub("", _article(html)))
        names = re.findall(r'<p class="site-contact__name"><strong>(.*?)</strong>', body)
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            problems.append(f"/{url}: shows the card of {', '.join(repeated)} more than once")
        if url.startswith("counties/") or url == "contacts/":
            continue
        last = re.split(r"<h2\b", body)[-1]
        cards = last.count('<div class="site-contact')
        if cards > 2:
            problems.append(f"/{url}: its last section has {cards} contact cards; keep the two "
                            f"its task needs and name others in the text ([[phone:ID]])")
    assert not problems, "\n".join(problems)
