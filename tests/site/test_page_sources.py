"""The numbered list of sources at the foot of a page, and [[ref:ID]] reference numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_tools.data import shortcodes
from build_tools.data.contacts import Contacts
from build_tools.data.frontmatter import Seeds, source_problems
from build_tools.data.page_sources import FootList, reference

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Seeds(ROOT / "data")
CONTACTS = Contacts.load(ROOT / "data" / "contacts.yml", SEEDS)
TODAY = dt.date(2026, 12, 7)

TRIBUNE = {"title": "Boone County courthouse story", "url": "https://example.org/news/1",
           "checked": dt.date(2026, 12, 2), "id": "tribune", "secondary": True,
           "publisher": "Columbia Daily Tribune", "published": dt.date(2012, 2, 21),
           "kind": "news"}
STATUTE = {"statute": "RSMo 478.610", "url": "https://revisor.mo.gov/main/OneSection.aspx?"
           "section=478.610", "checked": dt.date(2026, 12, 2), "id": "circuit-law"}
RETIRED = {"title": "FSD, General Information about Child Support",
           "url": "http://dss.mo.gov/cse/geninfo.htm", "checked": dt.date(2026, 12, 2)}
SEED = {"seed": "000_d74ccf04b443ec1b.txt", "id": "st-charles"}


def page(markdown: str, sources: list[dict]) -> tuple[str, FootList]:
    foot = FootList.of_page(sources, SEEDS)
    context = shortcodes.Context("counties/boone-county.md", {}, data={
        "contacts": CONTACTS, "seeds": SEEDS, "sources": foot}, line_offset=10)
    return shortcodes.expand(markdown, context), foot


def test_a_reference_links_to_its_numbered_item_with_an_accessible_name():
    html, foot = page("The 13th Circuit.[[ref:circuit-law]] A story.[[ref:tribune]]",
                      [TRIBUNE, STATUTE])
    assert html == (f"The 13th Circuit.{reference(2)} A story.{reference(1)}")
    assert reference(2) == ('<sup class="site-ref"><a href="#source-2" aria-label="source 2">2'
                            '</a></sup>')
    assert [entry.anchor for entry in foot.entries] == ["source-1", "source-2"]


def test_an_unknown_id_names_the_page_line_and_the_ids_that_exist():
    with pytest.raises(shortcodes.ShortcodeErrors) as raised:
        page("First.\n\nSee [[ref:circuit-lw]].", [TRIBUNE, STATUTE])
    assert raised.value.describe("docs/counties/boone-county.md") == (
        "docs/counties/boone-county.md, line 13: [[ref:circuit-lw]]: no source with id "
        "'circuit-lw' in this page's front matter sources. Did you mean \"circuit-law\"? Ids "
        "this page has: circuit-law, tribune")
    with pytest.raises(shortcodes.ShortcodeErrors, match="give the id of one of the page's"):
        page("[[ref:]]", [STATUTE])


def test_each_source_is_listed_once_and_a_contact_card_adds_only_what_the_page_lacks():
    html, foot = page("[[contact:fsd-make-a-payment]]\n\n[[ref:st-charles]]",
                      [dict(SEED, seed="001_f6079787ae316351.txt"), STATUTE,
                       dict(STATUTE, id="again")])
    # fsd-make-a-payment's only source is FSD's page for parents who pay, which the page has.
    assert len(foot.entries) == 2
    assert foot.ids == {"st-charles": 1, "circuit-law": 2, "again": 2}
    assert html.endswith(reference(1))
    _, foot = page("[[contact:fsd-general-information]]", [STATUTE])
    assert [entry.label for entry in foot.entries] == [
        "RSMo 478.610", "St. Charles County Prosecuting Attorney, Child Support Unit web page",
        "Guide, \"Who Enforces a Child Support Order?\""]


def test_an_item_shows_title_link_checked_date_and_who_published_a_secondary_source():
    _, foot = page("", [TRIBUNE, STATUTE, RETIRED, SEED])
    tribune, statute, retired, seed = foot.entries
    assert (tribune.label, tribune.url, tribune.checked, tribune.details) == (
        "Boone County courthouse story", "https://example.org/news/1", "December 2, 2026",
        "Columbia Daily Tribune, February 21, 2012, news")
    assert tribune.secondary and not statute.secondary
    assert (statute.label, statute.details) == ("RSMo 478.610", None)
    # An address no longer online is text, never a link.
    assert (retired.url, retired.retired) == (None, "dss.mo.gov/cse/geninfo.htm")
    assert (seed.label, seed.url, seed.checked) == (
        "St. Charles County Prosecuting Attorney, Child Support Unit web page", None, None)


def test_a_secondary_source_with_a_year_or_without_details_still_says_what_it_is():
    _, foot = page("", [dict(TRIBUNE, published=2019, kind="news", publisher="NEMO News"),
                        {"title": "A directory", "url": "https://example.org/d",
                         "checked": dt.date(2026, 12, 2), "secondary": True}])
    assert [entry.details for entry in foot.entries] == ["NEMO News, 2019, news",
                                                         "not an official source"]


def test_a_page_shows_each_contact_card_once():
    with pytest.raises(shortcodes.ShortcodeErrors) as raised:
        page("[[contact:fsd-customer-service]]\n\nCall [[phone:fsd-customer-service]].\n\n"
             "[[contact:fsd-customer-service]]", [])
    assert [f"{p.line}: {p.message}" for p in raised.value.problems] == [
        "15: the card of 'fsd-customer-service' is already on this page (line 11): show each "
        "contact once; to name it again in a sentence, write [[phone:fsd-customer-service]]"]


def test_the_optional_keys_of_a_source_are_checked():
    bad = [dict(STATUTE, id="Circuit Law"), dict(TRIBUNE, published="Feb 2012", secondary="yes",
                                                  publisher=""),
           dict(STATUTE, id="tribune"), dict(STATUTE, pages=3)]
    found = source_problems([TRIBUNE, *bad], SEEDS, today=TODAY)
    assert found == [
        "sources item 2: id must be a short slug of lowercase letters, digits and '-' (like "
        "boone-circuit), not 'Circuit Law'",
        "sources item 3: 'secondary' must be true or false, not 'yes'",
        "sources item 3: 'publisher' must be text (who published it, for a secondary source)",
        "sources item 3: 'published' must be a date written YYYY-MM-DD or a year YYYY, not "
        "'Feb 2012'",
        "sources item 3: id 'tribune' is already used by another source of this list; give each "
        "source its own id",
        "sources item 4: id 'tribune' is already used by another source of this list; give each "
        "source its own id",
        "sources item 5: unknown key(s) pages; a statute source has statute, url, checked, and "
        "may have id, secondary, publisher, published, kind",
    ]
    assert source_problems([TRIBUNE, STATUTE, SEED, dict(RETIRED, published="2003")], SEEDS,
                           today=TODAY) == []
