"""The calculator pages on a phone (issue: the usual case in one screen, the answer before the
worksheet), in Chromium with the default font: where Calculate stands at 390 x 844, the answer
to the usual Form 14 question in view after Calculate, nothing scrolling sideways at 320 x 640,
and entries in closed sections of the form, typed or from a link, reaching the calculator.
bench/calculator_layout.py prints the same figures."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from build_tools.pages.calculator_pages import MESSAGES, PAGES, field_id, input_fragment, page_url
from calculators import api
from tests.browser.conftest import Recorder
from tests.browser.test_calculators import (
    EXAMPLES,
    expect_answer,
    open_section_of,
    python_answer,
    tab_to,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SMALL = {"width": 320, "height": 640}
# The top of Calculate, in CSS pixels from the top of the page: Form 14 within two screens,
# the others within a screen and a half.
CALCULATE_TOP_MAX = {"support_amount": 1700, "allocation": 1300, "order_end": 1300,
                     "review": 1300}
# The usual question: two children, the paying parent earns $4,000 a month, the other $2,500.
USUAL = {"children": "2", "paying_parent.gross_income": "4000",
         "receiving_parent.gross_income": "2500"}


def usual_input() -> dict[str, Any]:
    return {"children": "2", "paying_parent": {"gross_income": "4000"},
            "receiving_parent": {"gross_income": "2500"}}


def phone_page(recorder: Recorder, name: str, fragment: str = "",
               size: dict[str, int] = PHONE) -> Page:
    page = recorder.context.new_page()
    page.set_viewport_size(size)
    page.goto(recorder.base_url + page_url(PAGES[name]) + fragment)
    return page


@pytest.mark.parametrize("name", api.NAMES)
def test_calculate_is_within_reach_on_a_phone(warm: Recorder, name: str) -> None:
    page = phone_page(warm, name)
    try:
        top = page.evaluate("document.querySelector('.calculator__submit')"
                            ".getBoundingClientRect().top + window.scrollY")
        assert 0 < top <= CALCULATE_TOP_MAX[name], f"{name}: Calculate at {top} px"
    finally:
        page.close()


def test_the_usual_form14_answer_is_in_view_after_calculate(warm: Recorder) -> None:
    """Three fields typed, Calculate pressed: the result's heading takes focus, and the amount,
    in its sentence, is on the screen without scrolling."""
    page = phone_page(warm, "support_amount")
    try:
        for path, value in USUAL.items():
            page.locator("#" + field_id(path)).fill(value)
        page.locator(".calculator__submit").press("Enter")
        expected = python_answer("support_amount", usual_input())
        expect_answer(page, expected)
        expect(page.locator("#calculator-result-title")).to_be_focused()
        answer = page.locator("#calculator-result .calculator__answer")
        assert "$1,018 a month" in expected["view"]["answer"]
        box = page.evaluate("(e) => { const r = e.getBoundingClientRect(); "
                            "return [r.top, r.bottom]; }", answer.element_handle())
        assert 0 <= box[0] and box[1] <= PHONE["height"], f"the answer is at {box}"
    finally:
        page.close()


@pytest.mark.parametrize("case", EXAMPLES, ids=[case.id for case in EXAMPLES])
def test_no_result_scrolls_sideways_on_a_small_phone(warm: Recorder, case) -> None:
    """At 320 x 640 neither the page nor any table in the result is wider than the screen:
    a worksheet's lines become blocks, each figure labelled with its column."""
    page = phone_page(warm, case.calculator, input_fragment(case.input), SMALL)
    try:
        expect_answer(page, python_answer(case.calculator, case.input))
        for summary in page.locator("#calculator-result details > summary").all():
            summary.click()
        assert page.evaluate("document.documentElement.scrollWidth") <= SMALL["width"]
        for table in page.locator(".calculator__table").all():
            widths = table.evaluate("(e) => [e.scrollWidth, e.clientWidth]")
            assert widths[0] <= widths[1], f"a table scrolls sideways: {widths}"
        cells = page.locator("#calculator-result .calculator__table tbody td")
        if cells.count():
            first = cells.first
            assert first.evaluate("(e) => getComputedStyle(e).display") == "flex"
            label = first.get_attribute("data-label")
            assert label and first.evaluate(
                "(e) => getComputedStyle(e, '::before').content") == f'"{label}"'
    finally:
        page.close()


def test_an_entry_typed_in_a_closed_section_reaches_the_calculator(warm: Recorder) -> None:
    """A section opened with the keyboard, a cost typed, the section closed again: its summary
    says it holds an entry, and the answer counts it."""
    page = phone_page(warm, "support_amount")
    try:
        page.locator("body").focus()
        for path, value in USUAL.items():
            tab_to(page, "#" + field_id(path))
            page.keyboard.type(value)
        open_section_of(page, "paying_parent.child_care")
        tab_to(page, "#" + field_id("paying_parent.child_care"))
        page.keyboard.type("300")
        section = page.locator("details.calculator__section").filter(
            has=page.locator('[data-path="paying_parent.child_care"]'))
        summary = section.locator(":scope > summary")
        summary.press("Enter")  # closed again
        expect(section).not_to_have_attribute("open", "")
        expect(summary.locator("[data-entries]")).to_have_text(MESSAGES["entry"])
        page.locator(".calculator__submit").press("Enter")
        entered = usual_input()
        entered["paying_parent"]["child_care"] = "300"
        expected = python_answer("support_amount", entered)
        assert expected["view"]["answer"] != python_answer("support_amount",
                                                           usual_input())["view"]["answer"]
        expect_answer(page, expected)
    finally:
        page.close()


def test_entries_from_a_link_in_closed_sections_reach_the_calculator(warm: Recorder) -> None:
    linked = {**usual_input(), "incremental": True, "as_of": "2026-12-02",
              "receiving_parent": {"gross_income": "2500", "health_insurance": "120",
                                   "child_care": "400"}}
    page = phone_page(warm, "support_amount", input_fragment(linked))
    try:
        expect_answer(page, python_answer("support_amount", linked))
        care = page.locator("details.calculator__section").filter(
            has=page.locator('[data-path="receiving_parent.child_care"]'))
        expect(care).not_to_have_attribute("open", "")
        expect(care.locator("summary [data-entries]")).to_have_text(
            MESSAGES["entries"].replace("__COUNT__", "2"))
        later = page.locator("details.calculator__section").filter(
            has=page.locator('[data-path="as_of"]'))
        expect(later.locator("summary [data-entries]")).to_have_text(
            MESSAGES["entries"].replace("__COUNT__", "2"))
        empty = page.locator("details.calculator__section").filter(
            has=page.locator('[data-path="paying_parent.maintenance_paid"]'))
        expect(empty.locator("summary [data-entries]")).to_have_text("")
    finally:
        page.close()


def test_an_error_in_a_closed_section_opens_it(warm: Recorder) -> None:
    wrong = {**usual_input(), "receiving_parent": {"gross_income": "2500",
                                                   "child_care_children": "5"}}
    messages = [error["message"] for error in python_answer("support_amount", wrong)
                ["response"]["errors"]]
    assert messages
    page = phone_page(warm, "support_amount", input_fragment(wrong))
    try:
        expect(page.locator("#calculator-errors li")).to_have_text(messages)
        note = page.locator('[data-field="receiving_parent.child_care_children"] '
                            '.calculator__error')
        expect(note).to_be_visible()
        page.locator("#calculator-errors a").first.press("Enter")
        expect(page.locator("#" + field_id("receiving_parent.child_care_children"))) \
            .to_be_focused()
    finally:
        page.close()


def test_the_hours_a_week_show_for_an_hourly_wage_or_when_given(warm: Recorder) -> None:
    page = phone_page(warm, "support_amount")
    try:
        hours = page.locator('[data-field="paying_parent.hours_a_week"]')
        expect(hours).to_be_hidden()
        page.locator("#" + field_id("paying_parent.gross_income_period")).select_option("hour")
        expect(hours).to_be_visible()
        expect(page.locator('[data-field="receiving_parent.hours_a_week"]')).to_be_hidden()
        # A link that gives hours with another period shows them, with Python's message.
        linked = {**usual_input(), "paying_parent": {"gross_income": "4000",
                                                     "hours_a_week": "40"}}
        page.goto(page.url.split("#")[0] + input_fragment(linked))
        messages = [error["message"] for error in python_answer("support_amount", linked)
                    ["response"]["errors"]]
        expect(page.locator("#calculator-errors li")).to_have_text(messages)
        expect(hours).to_be_visible()
    finally:
        page.close()
