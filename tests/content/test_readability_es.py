"""Every Spanish page reads at Fernández Huerta 70 or more, and the median page at 75 or more.

Fernández Huerta (206.84 - 60 x syllables per word - 1.02 x words per sentence; higher is
easier, 70-80 "fairly easy", 80-90 "easy") is textstat 0.7.4's (pinned), with its language set
to Spanish, so that syllables are counted with pyphen's Spanish dictionary, which ships in the
pyphen package (nothing is downloaded). The text is measured as test_readability.py measures the
English pages: the article of the built page, without navigation, the sources list, the review
date and contact cards, each heading, paragraph, list item and table cell counted as one
sentence (tests/content/pages.py). Every built Spanish page is measured: the written pages, the
county pages, the calculator pages and Form 14 by hand. A page below 70 is rewritten in
shorter sentences and shorter words, with the same facts; it is not excused.

To see every page's figure: `make build`, then
`.venv/bin/python -m tests.content.test_readability_es site`.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import textstat

from tests.content import pages, spanish

MIN_SCORE = 70.0      # every page (issue 21, point 7)
MIN_MEDIAN = 75.0     # the median page
DEFAULT_LANGUAGE = "en_US"  # textstat's own default, which the English readability test uses
SPANISH_DOCS = pages.DOCS / spanish.SPANISH


@contextmanager
def spanish_syllables() -> Iterator[None]:
    """textstat set to Spanish for the block, then back to English: textstat's language is
    global, and the English readability test shares the process."""
    textstat.set_lang("es")
    try:
        yield
    finally:
        textstat.set_lang(DEFAULT_LANGUAGE)


def fernandez_huerta(blocks: list[str]) -> float:
    with spanish_syllables():
        return float(textstat.fernandez_huerta(pages.as_sentences(blocks)))


def score(html: Path) -> float:
    return fernandez_huerta(spanish.article(html).prose)


def scores(site: Path) -> dict[str, float]:
    """Every built Spanish page's figure, by URL."""
    return {page.url: score(page.html) for page in spanish.spanish_pages(site)}


def written_pages() -> list[Path]:
    """The hand-written Spanish pages (docs/es/**/*.md)."""
    return sorted(SPANISH_DOCS.rglob("*.md"))


def spanish_url(src: Path) -> str:
    return f"{spanish.SPANISH}/{pages.url_path(pages.DOCS / src.relative_to(SPANISH_DOCS))}"


def test_syllables_are_counted_the_spanish_way_and_english_is_restored():
    with spanish_syllables():
        assert textstat.syllable_count("manutención") == 4  # ma-nu-ten-ción
    assert textstat.syllable_count("the") == 1
    # Short words, short sentences score high; long ones low: the measure can fail a page.
    easy = fernandez_huerta(["Usted paga cada mes.", "El juez fija la suma."])
    hard = fernandez_huerta(["La administración correspondiente determinará "
                             "retroactivamente la modificación presupuestaria "
                             "extraordinariamente solicitada por los progenitores "
                             "involucrados en el procedimiento administrativo."])
    assert easy > 90
    assert hard < MIN_SCORE


@pytest.mark.parametrize("src", written_pages(), ids=lambda src: spanish_url(src))
def test_written_spanish_page_reads_at_70_or_more(src, built_site):
    url = spanish_url(src)
    prose = spanish.article(pages.built_html(built_site.path, url)).prose
    assert len(prose) >= 3, f"/{url}: too little text found to measure"
    found = fernandez_huerta(prose)
    assert found >= MIN_SCORE, (
        f"{src.relative_to(pages.ROOT)} reads at Fernández Huerta {found} (at least "
        f"{MIN_SCORE}): use shorter sentences and shorter, common words, with the same facts")


def test_every_generated_spanish_page_reads_at_70_or_more(built_site):
    generated = [page for page in spanish.spanish_pages(built_site.path) if page.kind != "page"]
    assert sum(page.kind == "county" for page in generated) == 115
    assert any(page.kind == "form14" for page in generated)
    low = {page.url: score(page.html) for page in generated}
    low = {url: found for url, found in low.items() if found < MIN_SCORE}
    assert not low, (f"generated Spanish pages below Fernández Huerta {MIN_SCORE} "
                     f"(data/county_page.es.md, data/form14_by_hand.es.md, "
                     f"data/form14_schedule_page.es.md or the Spanish text in data/): {low}")


def test_the_median_spanish_page_reads_at_75_or_more(built_site):
    found = scores(built_site.path)
    assert len(found) >= len(written_pages()) + 115
    median = statistics.median(found.values())
    assert median >= MIN_MEDIAN, (f"the median Spanish page reads at Fernández Huerta {median} "
                                  f"(at least {MIN_MEDIAN}): simplify the lowest pages")


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    found = scores(site)
    counties = {url: value for url, value in found.items()
                if url.startswith("es/counties/") and url != "es/counties/"}
    for url, value in sorted(found.items(), key=lambda item: item[1]):
        if url not in counties:
            print(f"{value:6.1f}  /{url}")
    if counties:
        lowest = min(counties, key=counties.__getitem__)
        print(f"county pages: lowest {counties[lowest]} (/{lowest}), median "
              f"{statistics.median(counties.values())}, pages {len(counties)}")
    print(f"lowest {min(found.values())}, median {statistics.median(found.values())}, "
          f"pages {len(found)}")
