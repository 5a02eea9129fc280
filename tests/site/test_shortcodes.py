"""Shortcodes and contacts, called directly: what each renders and what each refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.data import shortcodes
from build_tools.data.contacts import Contacts, find_phone_numbers, tel_href
from build_tools.pages import county_pages  # noqa: F401 (registers [[county-finder:]])
from build_tools.data.county_data import Counties
from build_tools.data.frontmatter import Seeds

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Seeds(ROOT / "data")
CONTACTS = Contacts.load(ROOT / "data" / "contacts.yml", SEEDS)


def expand(markdown: str, src_uri: str = "guide/page.md", feedback_url: str = "") -> str:
    context = shortcodes.Context(src_uri, {"extra": {"feedback_url": feedback_url}}, data={
        "contacts": CONTACTS, "seeds": SEEDS,
        "counties": Counties.load(ROOT / "data" / "counties.yml", CONTACTS, SEEDS)})
    return shortcodes.expand(markdown, context)


def problems(markdown: str) -> list[str]:
    with pytest.raises(shortcodes.ShortcodeErrors) as raised:
        expand(markdown)
    return [f"{p.line}: {p.message}" for p in raised.value.problems]


def test_phone_is_a_link_that_dials_the_number_it_shows():
    assert expand("Call [[phone:fsd-customer-service]] now.") == (
        'Call <a class="site-tel" href="tel:+18663139960">866-313-9960</a> now.')
    assert tel_href("800-859-7999") == "tel:+18008597999"


def test_fax_and_address_are_text():
    assert expand("[[fax:fsd-review-requests]]") == "573-635-7545"
    assert expand("[[address:fsd-review-requests]]") == (
        "Family Support Division, PO Box 6790, Jefferson City, MO 65102")


def test_a_contact_block_shows_purpose_number_and_what_to_have_ready_but_no_source():
    html = expand("Intro.\n[[contact:fsd-payment-information]]\nAfter.")
    assert html.startswith("Intro.\n\n<div class=\"site-contact\">")
    assert html.endswith("</div>\n\nAfter.")
    assert "<dt>For</dt><dd>Get information about child support payments" in html
    assert '<dt>Phone</dt><dd><a class="site-tel" href="tel:+18002250530">800-225-0530</a></dd>' \
        in html
    assert ("<dt>Have ready</dt><dd>Your eight-digit child support case number. The line needs "
            "it.</dd>") in html
    # Its sources go to the page's list at the foot, not onto the card.
    assert "<dt>Source" not in html and "St. Charles" not in html


def test_a_dated_contact_is_text_with_a_warning_and_the_contact_to_use_today():
    html = expand("[[contact:dcse-state-office-1990s]]")
    assert 'class="site-contact site-contact--dated"' in html
    assert "<strong>Out of date.</strong> This address and number come from a guide" in html
    assert "<dt>Phone</dt><dd>573-751-4301</dd>" in html
    assert "tel:+15737514301" not in html
    assert ('Today, use: Child Support Customer Service Call Center, <a class="site-tel" '
            'href="tel:+18663139960">866-313-9960</a>.') in html
    inline = expand("[[phone:dcse-state-office-1990s]]")
    assert inline.startswith('<span class="site-dated">573-751-4301 (out of date. Today, use:')
    assert "tel:+15737514301" not in inline


def test_a_contact_with_a_website_links_to_it():
    html = expand("[[contact:national-domestic-violence-hotline]]")
    assert '<a href="https://www.thehotline.org/">https://www.thehotline.org/</a>' in html


def test_feedback_links_when_the_copy_sets_an_address_and_says_whom_to_ask_otherwise():
    assert expand("Use [[feedback:]].", feedback_url="https://example.org/issues") == (
        "Use <a href=\"https://example.org/issues\">this site's page for reporting an error</a>.")
    assert expand("Use [[feedback:]].") == (
        "Use the contact given by whoever published this copy of the site.")


def test_the_county_finder_links_every_county_relative_to_its_page():
    html = expand("[[county-finder:]]", src_uri="counties/index.md")
    assert "- [Adair County](adair-county.md)" in html
    assert "- [City of St. Louis](city-of-st-louis.md)" in html
    assert html.count("\n- [") == 115


def test_code_spans_and_fences_are_left_alone():
    text = ("Write `[[phone:ID]]` or ``[[contact:x]]``.\n\n```md\n[[contact:nope]]\n```\n\n"
            "~~~\n[[fax:nope]]\n~~~\n")
    assert expand(text) == text


def test_an_unclosed_fence_protects_to_the_end():
    assert expand("```\n[[phone:nope]]\n") == "```\n[[phone:nope]]\n"


def test_every_mistake_in_a_page_is_reported_with_its_line():
    found = problems("Line one [[phone:nope]].\n\n[[Phone:fsd-customer-service]]\n"
                     "[[phone fsd]]\n[[fax:fsd-customer-service]]\n- [[contact:fsd-review-requests]]")
    assert found[0].startswith("1: no contact with id 'nope' in data/contacts.yml.")
    assert found[1] == found[2].replace("4:", "3:") == (
        "3: malformed shortcode: write it as [[phone:ID]] (the kind in lowercase, no spaces).")
    assert found[3].startswith("5: contact 'fsd-customer-service' has no fax in data/contacts.yml")
    assert found[4].startswith("6: [[contact:ID]] is a block: put it on a line of its own")


def test_a_malformed_shortcode_of_no_known_kind_shows_the_form_and_the_kinds():
    [found] = problems("[[see the glossary]]")
    # Other modules (the calculator pages) register kinds of their own once imported, which
    # the order of the tests decides: only the contact kinds are checked here.
    assert found.startswith("1: malformed shortcode: write [[KIND:ARGS]] with no spaces. "
                            "Known kinds:\n    [[address:ID]]  a contact's postal address on "
                            "one line\n")
    assert "\n    [[contact:ID]]  a contact's card" in found


def test_arguments_that_take_nothing_refuse_something():
    assert problems("[[feedback:x]]") == ["1: feedback takes nothing after the colon: [[feedback:]]"]
    assert problems("[[phone:]]") == [
        "1: give a contact id, like [[phone:fsd-customer-service]]"]


def test_line_numbers_count_the_front_matter():
    context = shortcodes.Context("p.md", {}, data={"contacts": CONTACTS, "seeds": SEEDS},
                                 line_offset=7)
    with pytest.raises(shortcodes.ShortcodeErrors) as raised:
        shortcodes.expand("\n\n[[phone:nope]]", context)
    assert str(raised.value).startswith("p.md, line 10: [[phone:nope]]: no contact")


def test_another_module_can_register_a_kind_but_not_take_one():
    def render(args: str, context: shortcodes.Context) -> str:
        context.require_script("assets/x.js")
        return f"<b>{args}</b>"

    shortcodes.register("test-kind", render, usage="[[test-kind:X]]", summary="a test")
    try:
        context = shortcodes.Context("a/b.md", {})
        assert shortcodes.expand("[[test-kind:y]]", context) == "<b>y</b>"
        assert context.scripts == ["assets/x.js"]
        assert context.path_to("counties/x.md") == "../counties/x.md"
        assert "[[test-kind:X]]" in problems("[[nope:x]]")[0]
    finally:
        del shortcodes._KINDS["test-kind"]
    with pytest.raises(ValueError, match="already registered by build_tools.data.contacts"):
        shortcodes.register("phone", render, usage="[[phone:ID]]", summary="again")
    with pytest.raises(ValueError, match="lowercase letters"):
        shortcodes.register("Bad_Kind", render, usage="", summary="")


@pytest.mark.parametrize("text", [
    "866-313-9960", "(866) 313-9960", "(866)313-9960", "866.313.9960", "866 313 9960",
    "1-866-313-9960", "+1 866 313 9960", "call 1 800-859-7999.", "tel:+18663139960",
])
def test_typed_phone_numbers_are_found(text):
    assert find_phone_numbers(f"Before\n{text}\n") != []
    assert find_phone_numbers(f"Before\n{text}\n")[0].line == 2


@pytest.mark.parametrize("text", [
    "2026-11-22", "RSMo 452.340", "Jefferson City, MO 65102-2320", "$10,000,000.00",
    "45 CFR 303.100(a)(5)", "case 12345678901", "Hotel: the one on Main", "313,000 orders",
])
def test_other_numbers_are_not_taken_for_phone_numbers(text):
    assert find_phone_numbers(text) == []
