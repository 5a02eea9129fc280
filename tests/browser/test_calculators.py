"""The calculator pages in Chromium, as a visitor uses them: typing with the keyboard
alone, opening a prefilled #input= link, making mistakes, copying a link, printing, going
offline, with JavaScript off, and when the runtime cannot load. Every answer the page shows is
compared with what the calculators give in CPython for the same input.

The worked examples of the scenario corpus (tests/scenarios/, ``example: true``) are the inputs.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote, unquote

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from build_tools.data.scenarios import load_scenarios
from build_tools.pages.calculator_pages import (
    CONTACTS_ANCHOR,
    EXAMPLES_ANCHOR,
    MESSAGES,
    asked,
    field_id,
    form_sections,
    input_fragment,
)
from calculators import api
from calculators.views.respond import view
from tests.browser.conftest import RUNTIME_TIMEOUT_MS, Recorder, poll

pytestmark = pytest.mark.browser

EXAMPLES = [case for case in load_scenarios() if case.example]
FIRST_EXAMPLE = {name: next(case for case in EXAMPLES if case.calculator == name)
                 for name in api.NAMES}
MAX_TABS = 300  # more tab stops than this before a field means the field cannot be reached


def python_answer(name: str, payload: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    """What CPython's calculators give for ``payload`` in ``lang``: the response and its page
    view."""
    response = api.run(name, api.loads(json.dumps(payload)), lang=lang)
    return {"response": response, "view": view(response, lang=lang)}


def asked_input(name: str, values: dict[str, Any]) -> dict[str, Any]:
    """The part of an input the form asks for (what typing can reproduce)."""
    def keep(fields: list[dict[str, Any]], data: dict[str, Any]) -> dict[str, Any]:
        kept = {}
        for field in asked(fields):
            value = data.get(field["name"])
            if value is None:
                continue
            if field["kind"] == "group":
                value = keep(field["fields"], value)
            elif field["kind"] == "list":
                value = [keep(field["fields"], item) for item in value]
            kept[field["name"]] = value
        return kept
    return keep(api.declaration(name)["fields"], values)


def expect_answer(page: Page, expected: dict[str, Any]) -> None:
    """The page shows the answer and every step CPython gives."""
    shown = expected["view"]
    assert shown is not None, f"expected a result, CPython gives errors: {expected['response']}"
    result = page.locator("#calculator-result")
    # The first answer waits for the runtime to load; the steps come with it.
    expect(result.locator(".calculator__answer")).to_have_text(shown["answer"],
                                                               timeout=RUNTIME_TIMEOUT_MS)
    expect(page.locator("#calculator-steps .calculator__steps-list li")).to_have_text(
        expected["response"]["steps"])


def active_id(page: Page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the focused element matches ``selector`` (a CSS selector)."""
    for _ in range(MAX_TABS):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector} ({MAX_TABS} presses)")


def form_fields(name: str) -> list[tuple[str, dict[str, Any]]]:
    """``(path, field)`` for each field of the calculator's form, in the order the form shows
    them (its layout's sections; a list is one field)."""
    return [(member["path"], member["field"])
            for section in form_sections(api.declaration(name))
            for item in section["items"] for member in item.get("members", [item])]


def value_at(data: dict[str, Any], path: str) -> Any:
    for key in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(key)  # type: ignore[assignment]
    return data


def open_section_of(page: Page, path: str) -> None:
    """Open with the keyboard the closed section of the form that holds the field at ``path``
    (Tab does not reach into a closed <details>)."""
    summary = f'details.calculator__section:not([open]):has([data-path="{path}"]) > summary'
    if page.locator(summary).count():
        tab_to(page, summary)
        page.keyboard.press("Enter")
        expect(page.locator(f'details.calculator__section:has([data-path="{path}"])')) \
            .to_have_attribute("open", "")


def reveal(page: Page, path: str) -> Locator:
    """The control of the field at ``path``, its closed section of the form opened first (as a
    pointer opens it: a click on its summary line)."""
    summary = f'details.calculator__section:not([open]):has([data-path="{path}"]) > summary'
    if page.locator(summary).count():
        page.locator(summary).click()
    return page.locator("#" + field_id(path))


def type_field(page: Page, field: dict[str, Any], path: str, value: Any) -> None:
    """Reach a field with Tab (opening its section) and enter ``value`` with the keyboard, as a
    person would."""
    kind = field["kind"]
    if kind not in ("group", "list"):
        open_section_of(page, path)
    if kind == "group":
        for member in asked(field["fields"]):
            if value.get(member["name"]) is not None:
                type_field(page, member, f"{path}.{member['name']}", value[member["name"]])
        return
    if kind == "list":
        for index, item in enumerate(value):
            items = page.locator(f'[data-path="{path}[{index}]"]')
            if items.count() == 0:
                tab_to(page, f'[data-field="{path}"] [data-add]')
                page.keyboard.press("Enter")
                assert active_id(page) == field_id(f"{path}[{index}].{field['fields'][0]['name']}")
            for member in asked(field["fields"]):
                if item.get(member["name"]) is not None:
                    type_field(page, member, f"{path}[{index}].{member['name']}",
                               item[member["name"]])
        return
    if kind == "choice" and page.locator(f'select[name="{path}"]').count():
        tab_to(page, "#" + field_id(path))
        page.locator("#" + field_id(path)).select_option(value)
        return
    if kind == "choice":
        tab_to(page, f'input[type=radio][name="{path}"]')
        for _ in field["choices"]:
            if page.locator(f'input[name="{path}"][value="{value}"]').is_checked():
                return
            page.keyboard.press("ArrowDown")
        raise AssertionError(f"the arrow keys never chose {value!r} in {path}")
    tab_to(page, "#" + field_id(path))
    if kind == "boolean":
        if page.locator("#" + field_id(path)).is_checked() != value:
            page.keyboard.press("Space")
    elif kind == "date":
        year, month, day = value.split("-")
        page.keyboard.type(month + day + year)  # the order an en-US date field takes
    else:
        page.keyboard.type(str(value))


def type_input(page: Page, name: str, typed: dict[str, Any]) -> None:
    """From the top of the page, Tab to each field of calculator ``name`` and type its value in
    ``typed``, then press Enter on Calculate."""
    page.locator("body").focus()
    for path, field in form_fields(name):
        value = value_at(typed, path)
        if value is not None:
            type_field(page, field, path, value)
    tab_to(page, ".calculator__submit")
    page.keyboard.press("Enter")


# --- Computing ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", api.NAMES)
def test_computes_from_input_typed_with_the_keyboard(warm: Recorder, name: str) -> None:
    """From the top of the page, Tab reaches every field (Enter opens the closed section it is
    in), the keys fill it, Enter on Calculate computes: the answer and steps are CPython's for
    the same input, the date to work from, in a closed section, included."""
    case = FIRST_EXAMPLE[name]
    typed = asked_input(name, case.input)
    page = warm.open(name)
    try:
        type_input(page, name, typed)
        expect_answer(page, python_answer(name, typed))
        # A person who asked for the result is taken to it.
        expect(page.locator("#calculator-result-title")).to_be_focused()
    finally:
        page.close()


@pytest.mark.parametrize("name", api.NAMES)
def test_computes_from_a_prefilled_link_on_a_first_visit(new_recorder, name: str) -> None:
    """A cold visit (empty cache) to a worked example's link fills the form and computes at
    once; nothing leaves 127.0.0.1, the worker's requests included; the console stays clean."""
    recorder = new_recorder()
    case = FIRST_EXAMPLE[name]
    page = recorder.open(name, input_fragment(case.input))
    expect_answer(page, python_answer(name, case.input))
    result = page.locator("#calculator-result")
    expect(result).to_have_attribute("aria-live", "polite")
    # The form shows what the link holds.
    for path, value in _leaves(asked_input(name, case.input)):
        control = page.locator("#" + field_id(path))
        if control.count():
            expect(control).to_have_value(str(value))
        else:  # a choice: its radio buttons have ids of their own
            expect(page.locator(f'input[name="{path}"][value="{value}"]')).to_be_checked()
    # The service worker installs after the runtime has loaded; its requests count too.
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith(".wasm") for url in recorder.requests), \
        "the worker's requests were not recorded: this check would see nothing"
    assert recorder.off_site() == [], f"requests to other hosts: {recorder.off_site()}"
    assert recorder.errors == [], "console errors:\n" + "\n".join(recorder.errors)


@pytest.mark.parametrize("name", ["review", "support_amount"])
def test_a_page_in_spanish_gets_its_answer_in_spanish(warm: Recorder, name: str) -> None:
    """The request carries the page's language (``<html lang>``), not a form field: the same
    form, on a page whose language is Spanish, gets the Spanish answer and steps, with the same
    figures as CPython's in Spanish."""
    case = FIRST_EXAMPLE[name]
    page = warm.open(name, input_fragment(case.input))
    try:
        expect_answer(page, python_answer(name, case.input))  # English first
        page.evaluate("document.documentElement.lang = 'es'")
        page.locator(".calculator__submit").click()
        response = api.run(name, api.loads(json.dumps(case.input)), lang="es")
        expect_answer(page, {"response": response, "view": view(response, lang="es")})
        assert "lang" not in unquote(page.url)
    finally:
        page.close()


@pytest.mark.parametrize("name", api.NAMES)
def test_the_spanish_page_answers_in_spanish_typed_and_linked(warm: Recorder, name: str) -> None:
    """On the calculator's Spanish page (es/ + the same path), a worked example's link and the
    same input typed with the keyboard both get CPython's Spanish answer and steps (whose
    figures tests/calculators/test_spanish.py compares with the English ones)."""
    case = FIRST_EXAMPLE[name]
    page = warm.open(name, input_fragment(case.input), lang="es")
    try:
        expect(page.locator("html")).to_have_attribute("lang", "es")
        expect_answer(page, python_answer(name, case.input, "es"))
    finally:
        page.close()
    typed = asked_input(name, case.input)
    page = warm.open(name, lang="es")
    try:
        type_input(page, name, typed)
        expect_answer(page, python_answer(name, typed, "es"))
    finally:
        page.close()


def _leaves(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    leaves = []
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            leaves += _leaves(value, path + ".")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                leaves += _leaves(item, f"{path}[{index}].")
        elif not isinstance(value, bool):
            leaves.append((path, value))
    return leaves


# --- Mistakes ------------------------------------------------------------------------------------

# A mistake in each calculator's first worked example: (field, what is entered instead).
# None empties the field (the field is required).
MISTAKES = {"allocation": ("payment", "12.345"), "order_end": ("child_birth_date", None),
            "review": ("current_monthly", "twelve dollars"), "support_amount": ("children", "7")}


@pytest.mark.parametrize("name", api.NAMES)
def test_field_errors_show_next_to_their_fields(warm: Recorder, name: str) -> None:
    """Python's messages for a mistake show next to the field, tied to it with
    aria-describedby, and in a summary that takes focus and links to the field; correcting the
    mistake clears them and brings the answer back."""
    case = FIRST_EXAMPLE[name]
    path, wrong = MISTAKES[name]
    mistaken = dict(case.input)
    if wrong is None:
        del mistaken[path]
    else:
        mistaken[path] = wrong
    messages = [error["message"] for error in python_answer(name, mistaken)["response"]["errors"]
                if error["field"] == path]
    assert messages, f"CPython finds no mistake in {path} of {mistaken}: change MISTAKES"
    page = warm.open(name, input_fragment(case.input))
    try:
        expect_answer(page, python_answer(name, case.input))
        control = reveal(page, path)
        described = control.get_attribute("aria-describedby")
        control.fill(wrong or "")
        control.press("Enter")  # Enter in a field sends the form

        summary = page.locator("#calculator-errors")
        expect(summary).to_be_visible()
        expect(summary).to_be_focused()
        expect(summary.locator("[role=alert] li")).to_have_text(messages)
        expect(page.locator("#calculator-result")).to_have_text(MESSAGES["errors"])
        notes = page.locator(f'[data-field="{path}"] .calculator__error')
        expect(notes).to_have_text(messages)
        ids = (control.get_attribute("aria-describedby") or "").split()
        for note in notes.all():
            assert note.get_attribute("id") in ids, \
                f"{path}'s error is not tied to it: aria-describedby={ids}"
        expect(control).to_have_attribute("aria-invalid", "true")

        # The summary's link takes the keyboard to the field.
        summary.locator("a").first.press("Enter")
        expect(control).to_be_focused()

        control.fill(str(case.input[path]))
        page.locator(".calculator__submit").press("Enter")
        expect_answer(page, python_answer(name, case.input))
        expect(summary).to_be_hidden()
        expect(notes).to_have_count(0)
        assert control.get_attribute("aria-describedby") == described
        assert control.get_attribute("aria-invalid") is None
    finally:
        page.close()


# --- Keyboard: adding and removing orders -------------------------------------------------------

def test_orders_are_added_and_removed_with_the_keyboard(warm: Recorder) -> None:
    """Enter and Space on "Add another order" and "Remove order N": focus follows, the change
    is announced, the values move with their order, and the declared limits hold. The list
    starts with one order (a phone keeps Calculate within reach); a second is one Enter away."""
    orders = next(f for f in api.declaration("allocation")["fields"] if f["kind"] == "list")
    least, most = orders["min_items"], orders["max_items"]
    page = warm.open("allocation")
    try:
        items = page.locator('[data-path="orders"] .calculator__items > fieldset')
        announced = page.locator('[data-path="orders"] [data-announce]')
        add = page.locator('[data-path="orders"] [data-add]')
        expect(items).to_have_count(1)
        expect(page.locator('[data-path="orders"] [data-remove]:visible')).to_have_count(0)
        page.locator("body").focus()
        tab_to(page, '[data-path="orders"] [data-add]')
        page.keyboard.press("Enter")
        expect(items).to_have_count(2)
        assert active_id(page) == field_id("orders[1].id")
        expect(announced).to_have_text("Order 2 added.")
        tab_to(page, '[data-path="orders"] [data-add]')
        page.keyboard.press("Enter")
        expect(items).to_have_count(3)
        assert active_id(page) == field_id("orders[2].id")
        expect(announced).to_have_text("Order 3 added.")
        page.keyboard.type("third")
        tab_to(page, "#" + field_id("orders[2].current_due"))
        page.keyboard.type("50.00")

        # Remove order 2 with Space: order 3 becomes order 2, with its values.
        page.locator("#" + field_id("orders[1].id")).focus()
        tab_to(page, '[data-path="orders[1]"] [data-remove]')
        page.keyboard.press("Space")
        expect(items).to_have_count(2)
        expect(announced).to_have_text("Order 2 removed.")
        assert active_id(page) == field_id("orders[1].id")
        expect(page.locator("#" + field_id("orders[1].id"))).to_have_value("third")
        expect(page.locator("#" + field_id("orders[1].current_due"))).to_have_value("50.00")
        expect(items.nth(1).locator("legend").first).to_have_text("Order 2")

        # Up to the most orders allowed: then no "Add another", and the limit is said.
        while items.count() < most:
            add.focus()
            page.keyboard.press("Enter")
        expect(items).to_have_count(most)
        expect(add).to_be_hidden()
        expect(page.locator('[data-path="orders"] [data-limit]')).to_be_visible()
        # Down to the fewest: no "Remove" button is left.
        while items.count() > least:
            items.last.locator("[data-remove]").focus()
            page.keyboard.press("Enter")
        expect(items).to_have_count(least)
        expect(page.locator('[data-path="orders"] [data-remove]:visible')).to_have_count(0)
        expect(add).to_be_visible()
    finally:
        page.close()


# --- Hostile links ---------------------------------------------------------------------------------

MARKUP = '<img src="x-hostile" onerror="document.title=\'hostile\'">'


def test_a_hostile_link_runs_nothing(warm: Recorder) -> None:
    """Markup in a value stays text in the field; a link that is not JSON, or not
    percent-encoded, says it could not be read; __proto__ keys pollute nothing."""
    case = FIRST_EXAMPLE["allocation"]
    page = warm.open("allocation", input_fragment(case.input))
    try:
        expect_answer(page, python_answer("allocation", case.input))
        title = page.title()

        hostile = dict(case.input, orders=[dict(case.input["orders"][0], id=MARKUP)],
                       payment=MARKUP)
        page.goto(page.url.split("#")[0] + input_fragment(hostile))  # same page: hashchange
        expected = [e["message"] for e in python_answer("allocation", hostile)["response"]
                    ["errors"]]
        expect(page.locator("#calculator-errors li")).to_have_text(expected)
        expect(page.locator("#" + field_id("orders[0].id"))).to_have_value(MARKUP)
        assert page.locator("img[src='x-hostile']").count() == 0
        page.wait_for_timeout(200)  # an onerror would run as soon as the image failed
        assert page.title() == title
        assert not [url for url in warm.requests if "x-hostile" in url]

        for fragment in ("#input=%7Bnot%20json", "#input=%E0%A4%A", "#input=<script>"):
            page.goto(page.url.split("#")[0] + "#input=%7B%7D")  # reset between cases
            expect(page.locator("#calculator-errors")).to_be_visible()
            page.goto(page.url.split("#")[0] + fragment)
            expect(page.locator("#calculator-errors li")).to_have_text([MESSAGES["badLink"]])
            expect(page.locator("#calculator-result")).to_have_text(MESSAGES["errors"])

        # NaN and Infinity, which JSON.parse refuses, reach Python: each field's own message.
        for text in ('{"payment": NaN, "orders": [{"current_due": 100}]}',
                     '{"payment": 100, "orders": [{"current_due": Infinity}]}'):
            page.goto(page.url.split("#")[0] + "#input=%7B%7D")  # reset between cases
            expect(page.locator("#calculator-errors")).to_be_visible()
            page.goto(page.url.split("#")[0] + "#input=" + quote(text))
            expected = [e["message"] for e in api.run("allocation", api.loads(text))["errors"]]
            assert "cannot be" in expected[0] and MESSAGES["badLink"] not in expected
            expect(page.locator("#calculator-errors li")).to_have_text(expected)

        polluting = ('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": '
                     '{"polluted": "yes"}}, "payment": "100.00", "orders": '
                     '[{"__proto__": {"polluted": "yes"}, "current_due": "100.00"}]}')
        page.goto(page.url.split("#")[0] + "#input=" + polluting.replace(" ", "%20"))
        expected = [e["message"] for e in
                    api.run("allocation", api.loads(polluting))["errors"]]
        expect(page.locator("#calculator-errors li")).to_have_text(expected)
        assert page.evaluate("({}).polluted === undefined && [].polluted === undefined")
        assert warm.errors == [], "console errors:\n" + "\n".join(warm.errors)
        assert warm.off_site() == [], f"requests to other hosts: {warm.off_site()}"
    finally:
        page.close()


# --- Without JavaScript -------------------------------------------------------------------------

def test_without_javascript_the_examples_and_phone_numbers_are_there(new_recorder) -> None:
    recorder = new_recorder(java_script_enabled=False)
    for name in api.NAMES:
        page = recorder.open(name)
        cases = [case for case in EXAMPLES if case.calculator == name]
        examples = page.locator(f"#{EXAMPLES_ANCHOR} ~ .calculator__examples "
                                ".calculator__example")
        expect(examples).to_have_count(len(cases))
        for case, example in zip(cases, examples.all()):
            expected = python_answer(name, case.input)
            expect(example.locator(".calculator__answer")).to_have_text(
                expected["view"]["answer"])
            expect(example.locator(".calculator__steps-list li")).to_have_text(
                expected["response"]["steps"])
        phones = page.locator(f"#{CONTACTS_ANCHOR} ~ * a[href^='tel:']")
        assert phones.count() > 0, f"{name}: no phone number under Who to call"
        expect(phones.first).to_be_visible()
        expect(page.locator(".calculator__noscript")).to_be_visible()
        page.close()
    # No worker starts, and none of the runtime's megabytes is downloaded for nothing.
    assert not [url for url in recorder.requests
                if url.endswith(("worker.js", ".wasm", ".zip", ".mjs"))]


# --- Loading: at once, with progress, offline, and when it fails ---------------------------------

def test_the_form_is_usable_before_the_runtime_is_ready(new_recorder) -> None:
    """While the runtime loads, progress shows and the form works: Calculate says the result is
    on its way, and the result comes when the runtime is ready."""
    recorder = new_recorder()
    held: list[Route] = []
    released = False

    def hold(route: Route) -> None:  # the WebAssembly comes when the test says so
        if released:
            route.continue_()
        else:
            held.append(route)

    recorder.context.route("**/*.wasm", hold)
    case = FIRST_EXAMPLE["review"]
    page = recorder.open("review")
    loading = page.locator("#calculator-loading")
    expect(loading).to_be_visible()
    expect(loading.locator("progress")).to_be_visible()
    expect(page.locator("#calculator")).to_have_attribute("data-state", "loading")
    for path, value in _leaves(case.input):
        reveal(page, path).fill(str(value))
    page.locator(".calculator__submit").press("Enter")
    expect(page.locator("#calculator-result")).to_have_text(MESSAGES["waiting"])
    while not held:
        page.wait_for_timeout(100)
    released = True
    for route in held:
        route.continue_()
    expect_answer(page, python_answer("review", case.input))
    expect(loading).to_be_hidden()
    expect(page.locator("#calculator")).to_have_attribute("data-state", "ready")


def test_a_second_visit_works_offline(new_recorder) -> None:
    recorder = new_recorder()
    case = FIRST_EXAMPLE["order_end"]
    page = recorder.open("order_end", input_fragment(case.input))
    expected = python_answer("order_end", case.input)
    expect_answer(page, expected)
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    # The calculator took the figures out of the address once it read them: open the link again.
    link = page.url + input_fragment(case.input)
    recorder.context.set_offline(True)
    page.goto("about:blank")
    page.goto(link)
    expect_answer(page, expected)
    assert page.evaluate("navigator.serviceWorker.controller !== null"), \
        "the page was not served by the service worker"


@pytest.mark.parametrize("blocked", ["**/*.wasm", "**/worker.js"],
                         ids=["webassembly fails to load", "worker blocked"])
def test_when_loading_fails_the_page_says_so_and_where_to_turn(new_recorder,
                                                               blocked: str) -> None:
    recorder = new_recorder()
    recorder.context.route(blocked, lambda route: route.abort())
    page = recorder.open("allocation")
    failed = page.locator("#calculator-result .calculator__failed")
    expect(failed).to_be_visible(timeout=RUNTIME_TIMEOUT_MS)
    expect(page.locator("#calculator")).to_have_attribute("data-state", "failed")
    expect(page.locator("#calculator-loading")).to_be_hidden()
    for anchor in (EXAMPLES_ANCHOR, CONTACTS_ANCHOR):
        expect(failed.locator(f'a[href="#{anchor}"]')).to_have_count(1)
        expect(page.locator(f"#{anchor}")).to_have_count(1)
    # Asking again says the same, and takes the reader to it.
    page.locator(".calculator__submit").press("Enter")
    expect(failed).to_be_visible()
    expect(page.locator("#calculator-result-title")).to_be_focused()


# --- Sharing and printing -------------------------------------------------------------------------

def test_copy_a_link_to_this_result_reproduces_it(warm: Recorder) -> None:
    case = FIRST_EXAMPLE["allocation"]
    page = warm.open("allocation", input_fragment(case.input))
    other = None
    try:
        expect_answer(page, python_answer("allocation", case.input))
        changed = dict(asked_input("allocation", case.input), payment="250.00")
        page.locator("#" + field_id("payment")).fill("250.00")
        page.locator(".calculator__submit").press("Enter")
        expected = python_answer("allocation", changed)
        expect_answer(page, expected)
        page.locator("#calculator-copy").press("Enter")
        expect(page.locator("#calculator-copy-status")).to_have_text(MESSAGES["copied"])
        link = page.evaluate("navigator.clipboard.readText()")
        fragment = re.fullmatch(r"[^#]+#input=(.+)", link)
        assert fragment, f"the copied link has no #input=: {link}"
        assert json.loads(unquote(fragment.group(1))) == changed
        other = warm.context.new_page()
        other.goto(link)
        expect_answer(other, expected)
    finally:
        page.close()
        if other:
            other.close()


def expect_printed_entries(page: Page, name: str, values: dict[str, Any]) -> None:
    """Printed, the form shows every field that holds a value, whatever section it is in
    (closed ones too), with its label, and leaves out the empty fields, the help and the
    buttons."""
    filled = {path for path, value in _leaves(asked_input(name, values))}
    for path, field in form_fields(name):
        if field["kind"] == "list":
            continue
        box = page.locator(f'[data-field="{path}"]')
        if path in filled:
            expect(box).to_be_visible()
            if field["kind"] != "choice":
                expect(page.locator("#" + field_id(path))).to_be_visible()
        elif field["kind"] not in ("choice",):
            expect(box).to_be_hidden()
    for chrome in (".calculator__submit", ".calculator__hint", ".calculator__more"):
        expect(page.locator(f"#calculator-form {chrome}").first).to_be_hidden()


def test_the_printout_has_what_was_entered_and_the_result(warm: Recorder) -> None:
    case = FIRST_EXAMPLE["order_end"]
    page = warm.open("order_end", input_fragment(case.input))
    try:
        expect_answer(page, python_answer("order_end", case.input))
        page.emulate_media(media="print")
        for chrome in ("#calculator-share", ".md-header", ".md-sidebar",
                       ".calculator__examples"):
            expect(page.locator(chrome).first).to_be_hidden()
        expect_printed_entries(page, "order_end", case.input)
        expect(page.locator("#calculator-result .calculator__answer")).to_be_visible()
        expect(page.locator("#calculator-steps")).to_be_visible()
        page.emulate_media(media="screen")
        expect(page.locator(".calculator__submit")).to_be_visible()
    finally:
        page.close()


# --- Saving data ---------------------------------------------------------------------------------

# What Chromium reports when the visitor turns on its data saver (or a phone's lite mode); set
# before any script of the page runs.
SAVE_DATA = """Object.defineProperty(Navigator.prototype, "connection", {configurable: true,
  get: () => ({saveData: true, effectiveType: "3g", addEventListener() {},
               removeEventListener() {}})});"""
RUNTIME_REQUEST = re.compile(r"(\.wasm|/worker\.js|pyodide\.asm\.mjs|python_stdlib\.zip)$")


def _runtime_requests(recorder: Recorder) -> list[str]:
    return [url for url in recorder.requests if RUNTIME_REQUEST.search(url.split("?")[0])]


@pytest.mark.parametrize("linked", [False, True], ids=["typed", "linked"])
def test_a_visitor_saving_data_downloads_the_runtime_only_when_asking(new_recorder,
                                                                      linked: bool) -> None:
    """With Save-Data on, nothing of the runtime is fetched until Calculate is pressed, the page
    says how large the download is, the worked examples are there, and the result then comes.
    A link's input fills the form and waits for Calculate too."""
    recorder = new_recorder()
    recorder.context.add_init_script(SAVE_DATA)
    case = FIRST_EXAMPLE["review"]
    page = recorder.open("review", input_fragment(case.input) if linked else "")
    result = page.locator("#calculator-result")
    expect(result).to_contain_text("save data")
    expect(result).to_contain_text(re.compile(r"about \d+\.\d MB"))
    expect(page.locator(f"#{EXAMPLES_ANCHOR}")).to_be_attached()
    if not linked:
        for path, value in _leaves(case.input):
            reveal(page, path).fill(str(value))
    else:
        for path, value in _leaves(asked_input("review", case.input)):
            expect(page.locator("#" + field_id(path))).to_have_value(str(value))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    assert _runtime_requests(recorder) == [], _runtime_requests(recorder)
    page.locator(".calculator__submit").press("Enter")
    expect_answer(page, python_answer("review", case.input))
    assert any(url.endswith(".wasm") for url in _runtime_requests(recorder))
    assert recorder.errors == [], "console errors:\n" + "\n".join(recorder.errors)


def test_without_save_data_the_runtime_loads_as_the_page_opens(new_recorder) -> None:
    """The same page without Save-Data fetches the runtime before anything is pressed (so the
    test above would see a download if the page started one)."""
    recorder = new_recorder()
    page = recorder.open("review")
    expect(page.locator("#calculator")).to_have_attribute("data-state", "ready",
                                                          timeout=RUNTIME_TIMEOUT_MS)
    assert any(url.endswith(".wasm") for url in _runtime_requests(recorder))
    expect(page.locator("#calculator-result")).to_have_text(MESSAGES["idle"])


# --- Form 14: its worksheet, printed, and on to the review calculator -------------------------

def test_support_amount_prints_as_a_worksheet_and_leads_to_the_review_calculator(
        warm: Recorder) -> None:
    """The result is Form 14's worksheet, every line numbered, closed under its summary line;
    printed, it shows what was entered (in closed sections too) and the whole worksheet, open,
    without the navigation and the follow-up link; the link opens the review
    calculator with the presumed amount filled in, where adding the current amount and the
    order's date gives the 20 percent comparison."""
    case = next(case for case in EXAMPLES if case.calculator == "support_amount"
                and "child_care" in case.input["receiving_parent"])
    page = warm.open("support_amount", input_fragment(case.input))
    expected = python_answer("support_amount", case.input)
    try:
        expect_answer(page, expected)
        table = expected["view"]["table"]
        worksheet = page.locator("#calculator-result .calculator__worksheet")
        expect(worksheet.locator("summary")).to_have_text(table["closed"])
        expect(worksheet).not_to_have_attribute("open", "")
        expect(worksheet.locator(".calculator__table")).to_be_hidden()
        rows = page.locator("#calculator-result .calculator__table tbody tr")
        expect(rows.locator("th")).to_have_text([row[0] for row in table["rows"]])
        expect(rows.nth(0).locator("td")).to_have_text(table["rows"][0][1:])
        expect(page.locator("#calculator-result .calculator__table tfoot td")).to_have_text(
            table["foot"][1:])
        follow = page.locator("#calculator-result .calculator__follow a")
        expect(follow).to_have_text(expected["view"]["follow"]["text"])

        page.emulate_media(media="print")
        for chrome in ("#calculator-share", ".md-header", ".md-sidebar",
                       ".calculator__examples", "#calculator-result .calculator__follow"):
            expect(page.locator(chrome).first).to_be_hidden()
        expect_printed_entries(page, "support_amount", case.input)
        expect(page.locator("#calculator-result .calculator__table")).to_be_visible()
        for index in range(len(table["rows"])):  # the whole worksheet, as a table
            expect(rows.nth(index).locator("th")).to_be_visible()
            assert rows.nth(index).evaluate("(row) => getComputedStyle(row).display") == \
                "table-row"
        page.emulate_media(media="screen")
        expect(worksheet.locator(".calculator__table")).to_be_hidden()
        worksheet.locator("summary").press("Enter")
        expect(rows.last.locator("th")).to_be_visible()

        follow.press("Enter")
        page.wait_for_url("**/calculators/review/#input=*")
        amount = expected["response"]["result"]["presumed_amount"]
        new = page.locator("#" + field_id("estimated_new_monthly"))
        expect(new).to_have_value(amount)
        # Python says what is still missing: the order's date and the current amount.
        missing = [error["message"] for error in api.run(
            "review", {"estimated_new_monthly": amount})["errors"]]
        expect(page.locator("#calculator-errors li")).to_have_text(missing)
        # The date to work from is fixed: the browser's today (in Chicago) is not CPython's.
        completed = {"last_review_date": "2023-10-02", "as_of": "2026-12-02",
                     "current_monthly": "500.00", "estimated_new_monthly": amount}
        for path in ("last_review_date", "as_of", "current_monthly"):
            reveal(page, path).fill(completed[path])
        page.locator(".calculator__submit").press("Enter")
        review = python_answer("review", completed)
        expect_answer(page, review)
        assert review["response"]["result"]["change_percent"] is not None
        assert warm.off_site() == [], f"requests to other hosts: {warm.off_site()}"
    finally:
        page.close()


def test_one_service_worker_serves_both_languages_from_the_top_of_the_site(new_recorder) -> None:
    recorder = new_recorder()
    page = recorder.open("allocation")
    # Its scope is the site's top, which holds calculators/ and es/calculators/ alike.
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)") == recorder.base_url
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.active.scriptURL)") == \
        recorder.base_url + "sw.js"
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 1
    kept = """() => caches.keys().then((names) => Promise.all(names
        .filter((name) => name.startsWith('calculators-') && !name.startsWith('calculators-snapshot-'))
        .map((name) => caches.open(name).then((cache) => cache.keys()))))
        .then((lists) => lists.flat().map((request) => request.url))"""
    # Installed from an English page, it kept the English pages only.
    english = page.evaluate(kept)
    assert recorder.base_url + "calculators/order-end/" in english
    assert not [url for url in english if url.startswith(recorder.base_url + "es/")]
    # The Spanish page of a calculator, visited once, opens offline from the same worker.
    spanish = recorder.base_url + "es/calculators/allocation/"
    page.goto(spanish)
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    poll(page, f"() => ({kept})().then((urls) => urls.includes({spanish!r}))")
    recorder.context.set_offline(True)
    page.goto("about:blank")
    page.goto(spanish)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("#calculator")).to_be_attached()
    assert page.evaluate("caches.keys().then((names) => names.filter((name) => "
                         "name.startsWith('calculators-') && !name.startsWith("
                         "'calculators-snapshot-')).length)") == 1


def test_the_service_worker_of_the_old_place_unregisters_itself(new_recorder) -> None:
    # A browser that still has the worker registered from calculators/sw.js, before there were
    # Spanish pages, finds there a worker that leaves, so the one at the top takes over.
    recorder = new_recorder()
    page = recorder.context.new_page()
    page.goto(recorder.base_url + "contacts/")
    scope = page.evaluate("navigator.serviceWorker.register('../calculators/sw.js', "
                          "{scope: '../calculators/'}).then((r) => r.scope)")
    assert scope == recorder.base_url + "calculators/"
    poll(page, "() => navigator.serviceWorker.getRegistrations().then((r) => r.length === 0)")
    assert not recorder.errors, recorder.errors
