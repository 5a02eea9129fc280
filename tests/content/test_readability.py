"""Every content page reads at Flesch-Kincaid grade 8 or lower, as the writing rules ask.

Measured with textstat 0.7.4 (pinned) on the page's prose as built: the main text of the page
(tests/content/pages.py) without contact cards, with each heading, paragraph, list item and
table cell counted as one sentence. A page that scores above 8 is rewritten, not excused.

To see every page's grade: `make build`, then
`.venv/bin/python -m tests.content.test_readability site`.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest
import textstat

from tests.content import pages

MAX_GRADE = 8.0


def grade(site: Path, src: Path) -> float:
    prose = pages.page_main_text(site, src).prose
    return textstat.flesch_kincaid_grade(pages.as_sentences(prose))


def test_sentence_joining_counts_list_items_as_sentences():
    text = pages.as_sentences(["Your order may end when:", "the child gets married",
                               "the child joins the military"])
    assert text == "Your order may end when. the child gets married. the child joins the military."
    assert textstat.sentence_count(text) == 3


@pytest.mark.parametrize("src", pages.content_sources(),
                         ids=lambda src: pages.url_path(src) or "home")
def test_page_reads_at_grade_8_or_lower(src, built_site):
    prose = pages.page_main_text(built_site.path, src).prose
    assert len(prose) >= 3, f"/{pages.url_path(src)}: too little text found to measure"
    score = grade(built_site.path, src)
    assert score <= MAX_GRADE, (
        f"{src.relative_to(pages.ROOT)} reads at grade {score} (at most {MAX_GRADE}): use shorter "
        f"sentences and plainer words")


def county_pages(site: Path) -> list[Path]:
    return sorted((site / "counties").glob("*/index.html"))


def county_grade(html: Path) -> float:
    return textstat.flesch_kincaid_grade(
        pages.as_sentences(pages.main_text(html.read_text(encoding="utf-8")).prose))


def test_every_county_page_reads_at_grade_8_or_lower(built_site):
    found = county_pages(built_site.path)
    assert len(found) == 115
    over = {html.parent.name: county_grade(html) for html in found}
    over = {slug: score for slug, score in over.items() if score > MAX_GRADE}
    assert not over, (f"county pages above grade {MAX_GRADE} (data/county_page.md or the "
                      f"county's facts in data/counties.yml): {over}")


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    grades = {pages.url_path(src) or "(home)": grade(site, src)
              for src in pages.content_sources()}
    for url, score in sorted(grades.items(), key=lambda item: -item[1]):
        print(f"{score:5.1f}  /{url}")
    print(f"max {max(grades.values())}, median {statistics.median(grades.values())}, "
          f"pages {len(grades)}")
    counties = {html.parent.name: county_grade(html) for html in county_pages(site)}
    if counties:
        print(f"county pages: max {max(counties.values())} "
              f"({max(counties, key=counties.__getitem__)}), median "
              f"{statistics.median(counties.values())}, pages {len(counties)}")
