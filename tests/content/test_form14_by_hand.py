"""The pages for working Form 14 by hand (build_tools/pages/form14_pages.py) meet the content pages'
rules: front matter with its required keys, the body starting with the title, one h1 equal to
it, headings in order, link texts that say where they go, grade 8 or lower, and "Exit this page"
as on every calculator page. Their facts are checked by test_fact_coverage.py; their cells by
tests/site/test_form14_by_hand.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import textstat
import yaml

from build_tools.pages import form14_pages
from build_tools.pages.county_pages import FRONT_MATTER
from tests.content import pages
from tests.content.test_pages import REQUIRED_KEYS
from tests.content.test_readability import MAX_GRADE

SOURCES = form14_pages.page_sources(dt.date.today())
MADE = {page.src_uri: page for page in
        form14_pages.Form14Pages(pages.ROOT / "data").pages(dt.date.today())}


def _split(src_uri: str) -> tuple[dict, str]:
    text = MADE[src_uri].content
    match = FRONT_MATTER.match(text)
    assert match, f"{src_uri}: no front matter"
    return yaml.safe_load(match.group(1)), text[match.end():]


def _main(site: Path, src_uri: str) -> pages.MainText:
    html = pages.built_html(site, form14_pages.page_url(src_uri))
    return pages.main_text(html.read_text(encoding="utf-8"))


@pytest.mark.parametrize("src_uri", SOURCES)
def test_front_matter_title_and_headings(src_uri: str, built_site) -> None:
    meta, body = _split(src_uri)
    assert not [key for key in REQUIRED_KEYS if key not in meta]
    assert 0 < len(meta["description"]) <= 160
    assert meta["quick_exit"] is True and meta["search"] == {"exclude": True}
    assert body.lstrip("\n").split("\n", 1)[0] == f"# {meta['title']}"
    main = _main(built_site.path, src_uri)
    assert main.headings[0] == (1, meta["title"])
    assert [level for level, _ in main.headings].count(1) == 1
    for (before, _), (level, text) in zip(main.headings, main.headings[1:]):
        assert level <= before + 1, f"{src_uri}: heading {text!r} skips a level"
    for _, text in main.links:
        assert pages.normalise(text) not in ("here", "click here")


@pytest.mark.parametrize("src_uri", SOURCES)
def test_reads_at_grade_8_or_lower(src_uri: str, built_site) -> None:
    # The tables are data (pages.DATA_CLASSES): their figures are checked by the fact and cell
    # tests, and the words around them are measured here.
    prose = _main(built_site.path, src_uri).prose
    assert len(prose) >= 3
    score = textstat.flesch_kincaid_grade(pages.as_sentences(prose))
    assert score <= MAX_GRADE, f"{src_uri} reads at grade {score} (at most {MAX_GRADE})"

