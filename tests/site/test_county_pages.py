"""The 115 county pages as the build makes them: local first and short, every local fact kept,
each with a reference number to its source at the foot, never a "Source:" paragraph.

"Body text" is what a reader reads in the page's article: its main text (tests/content/pages.py:
headings, paragraphs, list items and the contact cards), without the navigation, the footer, the
list of sources and the printed handout's address (shown on paper only)."""

from __future__ import annotations

import html as html_module
import re
import statistics
from functools import lru_cache
from pathlib import Path

import yaml

from build_tools.data.contacts import Contacts, tel_href
from build_tools.data.county_data import Counties, County
from build_tools.data.frontmatter import Seeds
from tests.content.pages import main_text, normalise

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
CONTACTS = yaml.safe_load((DATA / "contacts.yml").read_text(encoding="utf-8"))
MEDIAN_WORDS = 450
HANDOUT = re.compile(r'<div class="site-handout">.*?</div>', re.S)
REF = re.compile(r'<sup class="site-ref"><a href="#(source-\d+)"')


@lru_cache(maxsize=None)
def _counties() -> tuple[County, ...]:
    seeds = Seeds(DATA)
    contacts = Contacts.load(DATA / "contacts.yml", seeds)
    return tuple(Counties.load(DATA / "counties.yml", contacts, seeds).counties)


def _html(built_site, county: County) -> str:
    return (built_site.path / "counties" / county.slug / "index.html").read_text(encoding="utf-8")


def _by_slug(slug: str) -> County:
    return next(county for county in _counties() if county.slug == slug)


def body_blocks(html: str) -> list[str]:
    return main_text(HANDOUT.sub("", html)).blocks


def body_words(html: str) -> int:
    return sum(len(block.split()) for block in body_blocks(html))


def _plain(markdown: str) -> str:
    """A fact's Markdown as a reader sees it: numbers for [[phone:ID]], link text for links."""
    text = re.sub(r"\[\[phone:([a-z0-9-]+)\]\]", lambda m: CONTACTS[m.group(1)]["phone"], markdown)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return normalise(text)


def _text(fragment: str) -> str:
    return normalise(html_module.unescape(re.sub(r"<[^>]+>", "", fragment)))


def _foot_items(html: str) -> dict[str, str]:
    """The foot list's items by anchor (source-1, ...), as text."""
    foot = html[html.index('class="site-page-foot"'):]
    # an address stays in the text (a link's href, or the text of a retired one)
    items = re.findall(r'<li id="(source-\d+)">(.*?)</li>', foot, re.S)
    return {anchor: " ".join(html_module.unescape(re.sub(r'<a href="https?://([^"]*)">', r" \1 ",
                                                         item)).split()).replace("<", " <")
            for anchor, item in items}


def test_the_median_county_page_has_at_most_450_words_of_body_text(built_site):
    words = {county.slug: body_words(_html(built_site, county)) for county in _counties()}
    assert len(words) == 115
    assert statistics.median(words.values()) <= MEDIAN_WORDS, sorted(words.items(),
                                                                     key=lambda x: -x[1])[:5]
    # the counting is real: a page with the most local facts has more than a plain one
    assert words["city-of-st-louis"] > words["adair-county"] > 150


def test_every_local_fact_is_on_its_page_with_a_reference_number_to_each_source(built_site):
    checked = 0
    for county in _counties():
        html = _html(built_site, county)
        body = normalise(" ".join(body_blocks(html)))
        items = _foot_items(html)
        for fact in county.facts:
            assert _plain(fact["text"]) in body, (county.slug, fact["text"][:60])
            # the paragraph of the fact ends with one reference number per source
            paragraph = next(p for p in re.findall(r"<p>(.*?)</p>", html, re.S)
                             if _plain(fact["text"]) in _text(p))
            anchors = REF.findall(paragraph)
            assert len(anchors) == len(fact["sources"]), (county.slug, fact["text"][:60])
            for anchor, source in zip(anchors, fact["sources"], strict=True):
                # the item of that source: its title (a seed's) or its address
                shown = (Seeds(DATA).titles[source["seed"]] if "seed" in source
                         else re.sub(r"^https?://", "", source["url"]))
                assert " ".join(shown.split()) in items[anchor], (county.slug, anchor)
            checked += 1
        for contact_id in (county.fsd_office, county.prosecutor_unit):
            if contact_id and CONTACTS[contact_id].get("phone"):
                assert f'href="{tel_href(CONTACTS[contact_id]["phone"])}"' in html, county.slug
        assert county.circuit is not None and normalise(county.circuit.name) in body, county.slug
        for seat in county.court_seats or []:
            assert normalise(seat) in body, (county.slug, seat)
    assert checked == sum(len(county.facts) for county in _counties()) > 40


def test_no_county_page_writes_its_sources_in_the_text(built_site):
    for county in _counties():
        html = _html(built_site, county)
        blocks = body_blocks(html)
        assert not [b for b in blocks if b.startswith(("Source:", "Sources:"))], county.slug
        assert "not an official source" not in " ".join(blocks), county.slug
        assert "site-cite" not in html, county.slug
        # every reference number leads to an item of the one list at the foot
        items = _foot_items(html)
        assert items and set(REF.findall(html)) <= set(items), county.slug


def test_a_county_page_is_local_first_in_the_same_order(built_site):
    for county in _counties():
        text = main_text(_html(built_site, county))
        headings = [heading for level, heading in text.headings if level == 2]
        expected = ["Who takes a case to court?", "Which court handles support orders?",
                    f"What else should I know about {county.in_sentence}?", "Help in every county"]
        if county.prosecutor_runs_office:
            expected.remove("Who takes a case to court?")
        if not county.facts:
            expected.remove(f"What else should I know about {county.in_sentence}?")
        assert headings == expected, county.slug
        # the first paragraph says who handles child support here; the first card is whom to call
        assert text.blocks[1].startswith(f"In {county.in_sentence}, the "), county.slug
        first_card = _html(built_site, county).split('<div class="site-contact">')[1]
        who = county.prosecutor_unit if county.prosecutor_runs_office and county.prosecutor_unit \
            else "fsd-customer-service"
        assert CONTACTS[who]["name"] in first_card.replace("&#x27;", "'"), county.slug
        # the four calculators, the Form 14 calculator first
        calculators = [href for href, _ in text.links if "/calculators/" in href]
        assert calculators == ["../../calculators/support-amount/",
                               "../../calculators/allocation/", "../../calculators/order-end/",
                               "../../calculators/review/"], county.slug


def test_the_four_prosecutor_run_counties_say_how_to_reach_the_office(built_site):
    for slug in ("audrain-county", "buchanan-county", "clay-county", "jackson-county"):
        county = _by_slug(slug)
        assert county.prosecutor_runs_office
        html = _html(built_site, county)
        text = " ".join(body_blocks(html))
        assert "the county prosecuting attorney's office does the child support work" in text
        assert f'href="{tel_href(CONTACTS["fsd-customer-service"]["phone"])}"' in html
        if county.prosecutor_unit:
            assert f'href="{tel_href(CONTACTS[county.prosecutor_unit]["phone"])}"' in html
            assert "This guide has not found" not in text
        else:
            assert text.count("This guide has not found a phone number or address for that "
                              "office.") == 1, slug
    # The only one a stored source gives: a 2020 news story, said at the number
    buchanan = " ".join(body_blocks(_html(built_site, _by_slug("buchanan-county"))))
    assert "816-271-1480" in buchanan and "A March 2020 news story gave this number; call to " \
        "check it." in buchanan


def test_pages_name_what_is_missing_once_and_never_after_listing_it(built_site):
    for county in _counties():
        text = " ".join(body_blocks(_html(built_site, county)))
        assert text.count("This guide has not found") <= 1, county.slug
        for wrong in ("What this guide has not found", "no public source for the FSD office",
                      "as it does everywhere in Missouri", "handles every case first",
                      "free for Missouri residents", "services are free"):
            assert wrong not in text, (county.slug, wrong)
    st_louis = " ".join(body_blocks(_html(built_site, _by_slug("st-louis-county"))))
    assert "FSD has three offices in the St. Louis area" in st_louis
    assert "not found" not in st_louis


def test_county_facts_appear_only_on_their_county(built_site):
    cass, christian, st_charles, adair = (_html(built_site, _by_slug(slug)) for slug in (
        "cass-county", "christian-county", "st-charles-county", "adair-county"))
    assert "represents the State of Missouri" in cass
    assert "$1 million in the first quarter of 2012" in christian
    assert "enforcement questionnaire" in st_charles
    assert tel_href(CONTACTS["fsd-st-charles-county"]["phone"]) in st_charles
    for other in (adair, cass, christian):
        assert tel_href(CONTACTS["fsd-st-charles-county"]["phone"]) not in other
    assert "Ask FSD which office works cases for Adair County." in " ".join(adair.split())
    # where a fact is about the county's prosecutor, the page points to it instead
    cass_text = " ".join(body_blocks(cass))
    assert "What a source says about the prosecutor's office in Cass County is below." in cass_text
    assert "Ask FSD which office" not in cass_text


def test_cass_county_says_a_parent_can_ask_fsd_for_a_review_as_well_as_hire_a_lawyer(built_site):
    cass = normalise(" ".join(body_blocks(_html(built_site, _by_slug("cass-county")))))
    assert ("to change the amount of your support, you can ask fsd to review your order every "
            "3 years, or sooner if your circumstances have changed a lot. you can also hire a "
            "private lawyer to ask the court.") in cass


def test_the_city_of_st_louis_is_a_circuit_of_its_own(built_site):
    city = " ".join(body_blocks(_html(built_site, _by_slug("city-of-st-louis"))))
    assert "is a judicial circuit of its own, the 22nd Judicial Circuit." in city
    assert "no county seat" in city and "sits in" not in city
