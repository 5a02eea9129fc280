"""The calculator pages' templates (build_tools/pages/templates/calculator/), rendered without a
browser: for each calculator's declaration and for the results of the scenario corpus's worked
examples. Labels are tied to their controls, help and errors to aria-describedby, ids are
unique, every field is kept out of form history, the live result's <template> has the parts
the page's script fills, and text from anywhere (a declaration, a scenario, a response) is
escaped, never markup."""

from __future__ import annotations

import copy
import datetime
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from build_tools.data import shortcodes
from build_tools.data.contacts import Contacts
from build_tools.data.frontmatter import Seeds
from build_tools.data.scenarios import load_scenarios
from build_tools.pages import calculator_pages
from calculators import api, dates, money, registry
from calculators.i18n import speaking
from calculators.views.respond import view

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>&amp;\'"'
EXAMPLES = [case for case in load_scenarios() if case.example]
VOID = {"input", "br", "img", "link", "meta", "hr", "source", "wbr", "area", "col", "embed"}


# --- A small tree of the rendered HTML (the standard library's parser) ------------------------

@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    text: str = ""  # the text directly and deeply inside, in order

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and all(
                    child.attrs.get(name.rstrip("_").replace("_", "-")) == value
                    for name, value in attrs.items()):
                found.append(child)
            found += child.find_all(tag, **attrs)
        return found

    def find(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}> in <{self.tag}>"
        return found[0]

    def ancestors(self) -> list[Node]:
        node, up = self.parent, []
        while node is not None:
            up.append(node)
            node = node.parent
        return up

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs}, self.open[-1])
        self.open[-1].children.append(node)
        if tag not in VOID:
            self.open.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"</{tag}>"
        assert self.open[-1].tag == tag, f"</{tag}> closes <{self.open[-1].tag}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for node in self.open:
            node.text += data


def parse(html: str) -> Node:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.open == [tree.root], f"unclosed: {[node.tag for node in tree.open[1:]]}"
    return tree.root


# --- Rendering -------------------------------------------------------------------------------

# What a build would tell the pages, without a runtime or a bundle: the pages then load the
# modules of docs/assets/calculators/ and know only the build's date.
BUILD = calculator_pages.PageBuild.of("calculators/runtime/0123/worker.js", "calculators/sw.js",
                                      load_scenarios(), datetime.date(2026, 12, 2))


@pytest.fixture(scope="module")
def page_data() -> dict[str, Any]:
    seeds = Seeds(ROOT / "data")
    return {"contacts": Contacts.load(ROOT / "data" / "contacts.yml", seeds), "seeds": seeds,
            calculator_pages.BUILD: BUILD}


def render_calculator(name: str, data: dict[str, Any]) -> Node:
    context = shortcodes.Context(calculator_pages.PAGES[name], {}, data=data)
    html = calculator_pages.render_calculator(name, context)
    assert context.modules == calculator_pages.SCRIPTS and context.scripts == []
    return parse(html)


def hostile(declaration: dict[str, Any]) -> dict[str, Any]:
    """The declaration with every label, help text and choice label replaced by HOSTILE."""
    changed = copy.deepcopy(declaration)

    def spoil(fields: list[dict[str, Any]]) -> None:
        for one in fields:
            one["label"] = one["help"] = one["more"] = HOSTILE
            if "item_label" in one:
                one["item_label"] = HOSTILE
            for choice in one.get("choices", []):
                choice["label"] = HOSTILE
            spoil(one.get("fields", []))
    spoil(changed["fields"])
    return changed


def controls(tree: Node) -> list[Node]:
    """Every form control a visitor fills in: inputs, drop-down lists and text areas."""
    return [node for tag in ("input", "select", "textarea") for node in tree.find_all(tag)]


# --- The form --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", api.NAMES)
def test_every_control_has_a_label_and_its_help(name, page_data):
    tree = render_calculator(name, page_data)
    ids = {node.attrs["id"] for node in tree.find_all() if "id" in node.attrs}
    labels = {node.attrs["for"]: node for node in tree.find_all("label")}
    for control in controls(tree):
        assert control.attrs.get("id") in labels, f"no label for {control.attrs}"
        assert labels[control.attrs["id"]].text.strip()
    for node in tree.find_all():
        for target in node.attrs.get("aria-describedby", "").split():
            assert target in ids, f"aria-describedby names {target!r}, which is not on the page"
    # Each field's help line describes its control, or its fieldset for a group of controls.
    hints = [span for line in tree.find_all("p", class_="calculator__hint")
             for span in line.find_all("span")]
    assert hints
    for hint in hints:
        field = hint.parent.parent
        described = [node for node in field.find_all()
                     if hint.attrs["id"] in node.attrs.get("aria-describedby", "").split()]
        described += [field] if hint.attrs["id"] in field.attrs.get(
            "aria-describedby", "").split() else []
        assert described, f"nothing is described by {hint.attrs['id']}"
    # Radio buttons are grouped in a fieldset with a legend.
    for radio in tree.find_all("input", type="radio"):
        fieldset = next(node for node in radio.ancestors() if node.tag == "fieldset")
        assert fieldset.find("legend").text.strip()


@pytest.mark.parametrize("name", api.NAMES)
def test_ids_are_unique_and_every_declared_field_is_on_the_form(name, page_data):
    tree = render_calculator(name, page_data)
    ids = [node.attrs["id"] for node in tree.find_all() if "id" in node.attrs]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    paths = {node.attrs["data-path"] for node in tree.find_all() if "data-path" in node.attrs}

    def expected(fields: list[dict[str, Any]], prefix: str) -> list[str]:
        names = []
        for one in calculator_pages.asked(fields):
            path = prefix + one["name"]
            if one["kind"] == "list":
                names += [path, *expected(one["fields"], f"{path}[0].")]
            elif one["kind"] == "group":
                names += [path, *expected(one["fields"], f"{path}.")]
            else:
                names.append(path)
        return names
    missing = set(expected(api.declaration(name)["fields"], "")) - paths
    assert not missing


@pytest.mark.parametrize("name", api.NAMES)
def test_the_form_and_every_field_stay_out_of_form_history(name, page_data):
    tree = render_calculator(name, page_data)
    form = tree.find("form", id="calculator-form")
    assert form.attrs.get("autocomplete") == "off"
    for control in controls(tree):
        if control.attrs.get("type") in ("checkbox", "radio"):
            # HTML forbids autocomplete here; the form's own autocomplete="off" applies.
            assert "autocomplete" not in control.attrs
        else:
            assert control.attrs.get("autocomplete") == "off", control.attrs


@pytest.mark.parametrize("name", api.NAMES)
def test_text_in_a_declaration_is_escaped(name):
    html = calculator_pages.render_form(hostile(api.declaration(name)))
    assert "<script" not in html and "<img" not in html
    tree = parse(html)
    assert tree.find_all("script") == [] and tree.find_all("img") == []
    assert HOSTILE in {label.text for label in tree.find_all("label")} | \
        {legend.text for legend in tree.find_all("legend")}
    assert HOSTILE in {hint.text for hint in tree.find_all("span") if "id" in hint.attrs}


def test_a_field_of_an_unknown_kind_is_refused_with_where_to_add_it():
    declaration = {"fields": [{"name": "x", "label": "X", "kind": "colour", "required": False,
                               "asked": True}]}
    with pytest.raises(ValueError, match="fields.html"):
        calculator_pages.render_form(declaration)


def test_a_group_of_fields_nests_its_members_paths():
    """Form 14's groups (paying_parent.gross_income) need no template of their own."""
    money = {"kind": "money", "required": True, "asked": True, "help": "Per month.",
             "min": "0.00", "max": "10000000.00"}
    declaration = {"fields": [{"name": "paying_parent", "label": "Paying parent",
                               "kind": "group", "required": True, "asked": True,
                               "help": None, "fields": [
                                   {**money, "name": "gross_income", "label": "Gross income"},
                                   {**money, "name": "other_support", "label": "Other support",
                                    "asked": False}]}]}
    tree = parse(calculator_pages.render_form(declaration))
    group = tree.find("fieldset", data_path="paying_parent")
    assert group.attrs["data-kind"] == "group" and group.find("legend").text == "Paying parent"
    income = group.find("input", id="calc-paying_parent-gross_income")
    assert income.attrs["data-path"] == "paying_parent.gross_income"
    assert tree.find_all("input", data_path="paying_parent.other_support") == []


# --- The result ------------------------------------------------------------------------------

def shown_text(tree: Node) -> dict[str, Any]:
    """What a rendered view says, read back from its markup."""
    facts = tree.find_all("dl", class_="calculator__facts")
    tables = tree.find_all("table")
    table = None
    if tables:
        box = tables[0]

        def cells(row: Node) -> list[str]:
            return [cell.text for cell in row.children]
        disclosure = [node for node in box.ancestors() if node.tag == "details"]
        table = {"caption": box.find("caption").text,
                 "head": cells(box.find("thead").find("tr")),
                 "rows": [cells(row) for row in box.find("tbody").find_all("tr")],
                 "foot": cells(box.find("tfoot").find("tr")) if box.find_all("tfoot") else None,
                 "closed": disclosure[0].find("summary").text if disclosure else None}
        for row in box.find_all("tr")[1:]:
            assert row.children[0].tag == "th" and row.children[0].attrs["scope"] == "row"
            # Each figure carries its column's heading, shown beside it on a narrow screen.
            assert [cell.attrs["data-label"] for cell in row.children[1:]] == \
                table["head"][1:len(row.children)]
        if disclosure:  # closed until opened
            assert "open" not in disclosure[0].attrs
        # The box scrolls on a phone: it is in the tab order, named by the caption.
        assert box.parent.attrs["tabindex"] == "0" and box.parent.attrs["role"] == "group"
        assert box.parent.attrs["aria-label"] == table["caption"]
    pairs = []
    if facts:
        items = facts[0].children
        assert [node.tag for node in items] == ["dt", "dd"] * (len(items) // 2)
        pairs = [[items[i].text, items[i + 1].text] for i in range(0, len(items), 2)]
    summaries = tree.find_all("ul", data_slot="summary")
    summary = [item.text for item in summaries[0].children] if summaries else []
    follows = tree.find_all("p", data_slot="follow")
    follow = None
    if follows:
        link = follows[0].find("a")
        follow = {"text": link.text, "href": link.attrs["href"]}
    return {"answer": tree.find("strong", data_slot="answer").text, "summary": summary,
            "facts": pairs, "table": table, "follow": follow}


@pytest.mark.parametrize("case", EXAMPLES, ids=[case.id for case in EXAMPLES])
def test_a_worked_examples_result_shows_its_whole_view(case):
    response = api.run(case.calculator, api.loads(case.json_text()),
                       today=datetime.date(2026, 12, 2))
    shown = view(response)
    assert shown is not None
    assert shown_text(parse(calculator_pages.render_view(shown))) == shown


def test_the_live_results_template_has_one_of_each_part_the_script_fills(page_data):
    """docs/assets/calculators/result.js clones these parts: one fact, a header and a data cell
    in each table row."""
    tree = render_calculator("allocation", page_data)
    template = tree.find("template", id="calculator-view")
    assert template.find("strong", data_slot="answer").text == ""
    facts = template.find("dl", data_slot="facts")
    assert [node.tag for node in facts.children] == ["dt", "dd"]
    assert [node.tag for node in template.find("ul", data_slot="summary").children] == ["li"]
    # The table inside its disclosure, which the script fills, or replaces by the table alone.
    closed = template.find("details", data_slot="closed")
    assert closed.find("summary", data_slot="closed-title")
    table = closed.find("div", data_slot="table")
    assert [node.tag for node in table.find("thead").find("tr").children] == ["th", "th"]
    # A follow-up link, which the script fills or removes.
    assert template.find("p", data_slot="follow").find("a").attrs == {"href": ""}
    for part in ("tbody", "tfoot"):
        assert [node.tag for node in table.find(part).find("tr").children] == ["th", "td"]
    for template_id in ("calculator-step", "calculator-message", "calculator-error-note",
                        "calculator-error-item", "calculator-failed"):
        assert tree.find("template", id=template_id).children
    # The contact cards a result may name are there, rendered once.
    for contact_id in ("fsd-payment-information", "fsd-customer-service"):
        assert tree.find("template", id=f"calculator-contact-{contact_id}").find_all("a")


def test_text_in_a_response_is_escaped():
    shown = {"answer": HOSTILE, "summary": [HOSTILE], "facts": [[HOSTILE, HOSTILE]],
             "table": {"caption": HOSTILE, "head": [HOSTILE, HOSTILE],
                       "rows": [[HOSTILE, HOSTILE]], "foot": [HOSTILE, HOSTILE],
                       "closed": HOSTILE},
             "follow": {"text": HOSTILE, "href": "../review/#input=" + HOSTILE}}
    html = calculator_pages.render_view(shown)
    assert "<script" not in html and "<img" not in html
    assert shown_text(parse(html)) == shown


def test_a_worksheet_table_may_have_no_total_row():
    shown = {"answer": "A", "summary": [], "facts": [],
             "table": {"caption": "Worksheet", "head": ["Line", "x"], "rows": [["1", "$2"]],
                       "foot": None, "closed": None},
             "follow": None}
    assert shown_text(parse(calculator_pages.render_view(shown))) == shown


def test_the_pages_settings_cannot_close_their_script_element(page_data, monkeypatch):
    monkeypatch.setitem(calculator_pages.MESSAGES, "idle", "</script><script>alert(1)</script>")
    tree = render_calculator("review", page_data)
    config = tree.find("script", id="calculator-config")
    assert json.loads(config.text)["messages"]["idle"] == "</script><script>alert(1)</script>"
    assert len(tree.find_all("script")) == 1


# --- Worked examples and rules ---------------------------------------------------------------

@pytest.mark.parametrize("name", api.NAMES)
def test_the_worked_examples_show_what_was_entered_the_result_and_the_steps(name):
    context = shortcodes.Context(calculator_pages.PAGES[name], {},
                                 data={calculator_pages.BUILD: BUILD})
    tree = parse(calculator_pages.render_examples(name, context))
    cases = [case for case in EXAMPLES if case.calculator == name]
    sections = tree.find_all("section", class_="calculator__example")
    assert [section.attrs["id"] for section in sections] == [f"example-{c.id}" for c in cases]
    for section, case in zip(sections, cases):
        response = api.run(name, api.loads(case.json_text()), today=datetime.date(2026, 12, 2))
        assert section.find("h3").text == case.name.rstrip(".")
        assert [step.text for step in section.find("ol").children] == response["steps"]
        assert section.find("a", class_="calculator__example-link").attrs["href"] == \
            calculator_pages.input_fragment(case.input)
        assert section.find("strong", data_slot="answer").text == view(response)["answer"]
        entered = section.find("dl", class_="calculator__facts")
        assert entered.parent is section  # what was entered, before the result


def test_text_from_a_scenario_is_escaped_in_what_was_entered():
    case = next(case for case in EXAMPLES if case.calculator == "allocation")
    entered = copy.deepcopy(case.input)
    entered["orders"][0]["id"] = HOSTILE
    response = api.run("allocation", api.loads(json.dumps(entered)))
    assert response["ok"], response
    html = calculator_pages.render(
        "examples.html", declaration=api.declaration("allocation"),
        examples=[{"anchor": "example-x", "title": HOSTILE, "input": entered,
                   "view": view(response), "steps": response["steps"], "href": "#input="}])
    assert "<script" not in html and "<img" not in html
    tree = parse(html)
    assert tree.find("h3").text == HOSTILE
    assert HOSTILE in {cell.text for cell in tree.find_all("td")}  # what was entered
    assert HOSTILE in {cell.text for cell in tree.find_all("th")}  # the result's row


@pytest.mark.parametrize("name", api.NAMES)
def test_each_calculator_lists_its_rules_with_citation_and_date(name):
    rules = calculator_pages.calculator_rules(name)
    assert [rule["key"] for rule in rules] == [r["key"] for r in api.declaration(name)["rules"]]
    tree = parse(calculator_pages.render_rules(name, shortcodes.Context("x.md", {})))
    rows = tree.find("tbody").find_all("tr")
    assert len(rows) == len(rules)
    for row, rule in zip(rows, rules):
        summary, source, effective = (cell.text for cell in row.children)
        assert summary.startswith(rule["summary"]) and source == rule["citation"]
        assert ("does not check" in summary) == rule["documents"]
        assert effective == rule["effective"]
        datetime.datetime.strptime(effective, "%B %d, %Y")  # written out: "July 1, 1997"
        links = row.find_all("a")
        assert [a.attrs["href"] for a in links] == ([rule["url"]] if rule["url"] else [])


# --- Form 14 (support_amount) ------------------------------------------------------------------

FORM14_LINES = ["1", "1a", "2a", "2b", "2c(1)", "2c(2)", "2c(3)", "2c", "3", "4", "5", "6a(1)",
                "6a(2)", "6a", "6b", "6c", "6d", "6e", "7", "8", "9", "10", "11", "12"]
FORM14_EXAMPLES = [case for case in EXAMPLES if case.calculator == "support_amount"]


def test_form14_shows_each_parents_fields_under_that_parents_legend(page_data):
    """A parent's fields stand in several sections (the income first, child care further down),
    each run under the parent's legend; the group's own help and path are on its first run."""
    tree = render_calculator("support_amount", page_data)
    declared = {field["name"]: field for field in api.declaration("support_amount")["fields"]}
    for role, legend in (("paying_parent", "Parent paying support"),
                         ("receiving_parent", "Parent receiving support")):
        runs = [node for node in tree.find_all("fieldset")
                if "calculator__group" in node.classes and node.find("legend").text == legend]
        assert len(runs) > 1
        assert runs[0].attrs["data-path"] == role and runs[0].attrs["data-kind"] == "group"
        assert all("data-path" not in run.attrs for run in runs[1:])
        inputs = [node.attrs["data-path"] for run in runs
                  for node in run.find_all("input") + run.find_all("select")]
        assert sorted(inputs) == sorted(f"{role}.{member['name']}"
                                        for member in declared[role]["fields"])
        # Each of a parent's fields says which line of Form 14 it fills in, behind
        # "What counts here?".
        for member in declared[role]["fields"]:
            field = tree.find("div", data_field=f"{role}.{member['name']}")
            if member["more"] is None:  # the help line says it: "Line 1: ..."
                assert member["help"].startswith("Line "), member["name"]
                assert field.find_all("details") == []
                continue
            more = field.find("details", class_="calculator__more")
            assert more.find("summary").text == f"What counts here? ({member['label']})"
            assert more.find("span", class_="calculator__unseen").text == f" ({member['label']})"
            assert more.find("p").text == member["more"]
            assert member["more"].startswith(("Line ", "How many")), (role, member["name"])
    # Counts are typed as whole numbers, with a numeric keyboard on a phone.
    children = tree.find("input", data_path="children")
    assert children.attrs["data-kind"] == "count" and children.attrs["inputmode"] == "numeric"
    assert "(optional)" not in tree.find("label", for_="calc-children").text
    assert "(optional)" in tree.find("label", for_="calc-overnights").text


def layout_paths(name: str, section: dict[str, Any]) -> list[str]:
    """The input paths a layout section shows, a group's members one by one."""
    declared = {field["name"]: field for field in api.declaration(name)["fields"]}
    paths = []
    for listed in section["fields"]:
        field = declared.get(listed)
        if field and field["kind"] == "group":
            paths += [f"{listed}.{member['name']}" for member in field["fields"]
                      if member["asked"]]
        else:
            paths.append(listed)
    return paths


def form_paths(node: Node) -> list[str]:
    """The data-path of each field inside ``node`` (a list's items aside), once each."""
    paths = []
    for control in node.find_all():
        path = control.attrs.get("data-path")
        if path and control.attrs.get("data-kind") not in ("group", "item") and "[" not in path \
                and path not in paths:
            paths.append(path)
    return paths


@pytest.mark.parametrize("name", api.NAMES)
def test_the_form_is_made_of_the_declared_layouts_sections(name, page_data):
    """The usual case stands first, open; every other section is a <details> (it works without
    the page's script), closed, titled as declared, with its introduction and a slot for the
    count of its entries, and it holds the fields the layout lists, in that order."""
    tree = render_calculator(name, page_data)
    form = tree.find("form", id="calculator-form")
    layout = api.declaration(name)["layout"]
    sections = form.find_all("details", class_="calculator__section")
    assert [node.find("summary").text.strip() for node in sections] == \
        [section["title"] for section in layout[1:]]
    for node, section in zip(sections, layout[1:]):
        assert "data-section" in node.attrs and "open" not in node.attrs
        assert node.find("summary").find("span", data_entries="").text == ""
        assert node.find("p", class_="calculator__intro").text == section["intro"]
        assert form_paths(node) == layout_paths(name, section)
    first = [path for path in form_paths(form)
             if not any(path in form_paths(node) for node in sections)]
    assert first == layout_paths(name, layout[0])


def test_a_field_the_layout_does_not_list_follows_the_field_declared_before_it():
    """A new field shows on the form before its place in the layout is declared: right after
    the field declared before it (a parent's new companion of the income stands with it)."""
    declaration = copy.deepcopy(api.declaration("support_amount"))
    for group in declaration["fields"]:
        if group["kind"] == "group":
            group["fields"].insert(1, {
                "name": "bonus", "label": "Bonus", "kind": "money", "help": "A bonus.",
                "more": None, "required": False, "default": "0.00", "asked": True,
                "min": "0.00", "max": "10000000.00", "max_length": 30})
    first = calculator_pages.form_sections(declaration)[0]
    paths = [member["path"] for item in first["items"]
             for member in item.get("members", [item])]
    assert paths == ["children", "paying_parent.gross_income", "paying_parent.bonus",
                     "paying_parent.gross_income_period", "paying_parent.hours_a_week",
                     "receiving_parent.gross_income", "receiving_parent.bonus",
                     "receiving_parent.gross_income_period", "receiving_parent.hours_a_week",
                     "overnights"]


def test_a_choice_of_many_options_is_a_drop_down_list_and_the_hours_wait_for_an_hourly_wage():
    declared = {field["name"]: field for field in api.declaration("support_amount")["fields"]}
    period = next(member for member in declared["paying_parent"]["fields"]
                  if member["name"] == "gross_income_period")
    assert len(period["choices"]) > calculator_pages.MANY_CHOICES
    tree = parse(calculator_pages.render_form(api.declaration("support_amount")))
    select = tree.find("select", id="calc-paying_parent-gross_income_period")
    assert select.attrs["data-kind"] == "choice"
    assert [option.attrs["value"] for option in select.children] == \
        [choice["value"] for choice in period["choices"]]
    assert [option for option in select.children if "selected" in option.attrs][0].attrs[
        "value"] == period["default"]
    assert tree.find("label", for_="calc-paying_parent-gross_income_period").text == \
        period["label"]
    hours = tree.find("div", data_field="paying_parent.hours_a_week")
    assert hours.attrs["data-when"] == "paying_parent.gross_income_period"
    assert hours.attrs["data-when-equals"] == "hour"


def test_a_declaration_without_a_layout_is_one_section_of_every_field():
    declaration = copy.deepcopy(api.declaration("review"))
    del declaration["layout"]
    sections = calculator_pages.form_sections(declaration)
    assert len(sections) == 1 and sections[0]["title"] is None
    assert [item["path"] for item in sections[0]["items"]] == [
        "last_review_date", "as_of", "current_monthly", "estimated_new_monthly"]


@pytest.mark.parametrize("case", FORM14_EXAMPLES, ids=[case.id for case in FORM14_EXAMPLES])
def test_form14s_worksheet_shows_every_line_numbered_with_both_parents_and_combined(case):
    response = api.run("support_amount", api.loads(case.json_text()),
                       today=datetime.date(2026, 12, 2))
    shown = shown_text(parse(calculator_pages.render_view(view(response))))
    table = shown["table"]
    assert table["head"] == ["Line", "Parent receiving support", "Parent paying support",
                             "Combined"]
    lines = response["result"]["lines"]
    assert [row[0] for row in table["rows"]] == [
        f"{number}. {line['label']}" for number, line in zip(FORM14_LINES, lines.values())]
    by_number = dict(zip(FORM14_LINES, table["rows"]))
    assert by_number["3"][3] == money.shown(money.parse_cents(lines["3"]["combined"]))
    assert re.fullmatch(r"\$[0-9,]+", by_number["3"][3])  # whole dollars show no cents
    assert by_number["4"][1:3] == [lines["4"]["receiving"] + "%", lines["4"]["paying"] + "%"]
    assert by_number["5"][1:3] == ["", ""]  # Form 14 has only a combined figure there
    amount = response["result"]["presumed_amount"]
    assert table["foot"] == ["Presumed child support amount", "",
                             money.shown(money.parse_cents(amount)), ""]
    assert table["closed"] == "Every line of Form 14"


@pytest.mark.parametrize("case", FORM14_EXAMPLES, ids=[case.id for case in FORM14_EXAMPLES])
def test_a_form14_result_links_to_the_review_calculator_with_the_amount_filled_in(case):
    response = api.run("support_amount", api.loads(case.json_text()),
                       today=datetime.date(2026, 12, 2))
    follow = view(response)["follow"]
    path, _, fragment = follow["href"].partition("#")
    assert path == "../review/"
    assert fragment.startswith("input=")
    linked = json.loads(urllib.parse.unquote(fragment.removeprefix("input=")))
    assert linked == {"estimated_new_monthly": response["result"]["presumed_amount"]}
    assert "#" + fragment == calculator_pages.input_fragment(linked)
    # The field it fills is the review calculator's, and the link opens that page.
    assert "estimated_new_monthly" in {f["name"] for f in api.declaration("review")["fields"]}
    assert calculator_pages.follow_url("support_amount", follow["href"],
                                       "calculators/support-amount.md") == follow["href"]
    assert calculator_pages.follow_url(
        "support_amount", follow["href"], "paying-support/review-and-change.md") == \
        "../../calculators/review/#" + fragment
    assert "20%" in follow["text"] and \
        money.shown(money.parse_cents(linked["estimated_new_monthly"])) in follow["text"]


def test_above_the_schedule_the_amount_of_the_last_row_is_shown_with_a_warning():
    response = api.run("support_amount", {"children": 1, "paying_parent": {
        "gross_income": "30000.00"}, "receiving_parent": {"gross_income": "20000.00"}})
    shown = view(response)
    assert response["result"]["beyond_schedule"] and shown["follow"] is not None
    assert shown["answer"] == ("Form 14 presumes $1,999 a month of child support; the court "
                               "decides the amount it orders.")
    assert ("The parents' combined income is above the schedule's last row, $40,000, so Form 14 "
            "is worked out with that row: a court may decide on a different amount (see the "
            "steps).") in shown["summary"]
    assert shown["table"]["foot"][2] == "$1,999"


def test_a_follow_up_link_must_lead_to_a_calculator_page():
    with pytest.raises(shortcodes.ShortcodeError, match="no calculator page"):
        calculator_pages.follow_url("support_amount", "../../elsewhere/#input=%7B%7D",
                                    "calculators/support-amount.md")


@pytest.mark.parametrize("name", api.NAMES)
def test_the_views_links_between_calculators_are_the_pages_urls(name):
    """The views run in the browser without MkDocs: the registry's links between calculator
    pages must be the URLs MkDocs gives those pages."""
    for other, source in calculator_pages.PAGES.items():
        assert calculator_pages.relative_url(source, calculator_pages.page_url(
            calculator_pages.PAGES[name])) == registry.page_link(other, name)


def test_the_calculator_shortcodes_need_the_builds_settings(page_data):
    """Rendered in a context without the build's PageBuild (a site without the calculator
    hook), a calculator shortcode says which hook it needs."""
    without = {key: value for key, value in page_data.items() if key != calculator_pages.BUILD}
    for render, args in ((calculator_pages.render_calculator, "review"),
                         (calculator_pages.render_examples, "review"),
                         (calculator_pages.render_example_link, EXAMPLES[0].id)):
        context = shortcodes.Context(calculator_pages.PAGES["review"], {}, data=without)
        with pytest.raises(shortcodes.ShortcodeError, match="calculator_runtime.py"):
            render(args, context)


def test_the_pages_settings_name_the_deployed_build_when_the_build_gives_it(page_data):
    deployed = calculator_pages.PageBuild.of(
        "calculators/runtime/0123/worker.js", "calculators/sw.js", load_scenarios(),
        datetime.date(2026, 12, 2), 5_100_000, assets=("assets/bundle/main.x.js",
                                                       "assets/bundle/calculator.x.css"),
        build_info={"runtime": "0123", "built": "2026-12-02", "shown": "December 2, 2026"},
        build_json="calculators/build.json")
    context = shortcodes.Context(calculator_pages.PAGES["review"], {},
                                 data={**page_data, calculator_pages.BUILD: deployed})
    tree = parse(calculator_pages.render_calculator("review", context))
    assert context.modules == ["assets/bundle/main.x.js"]
    settings = json.loads(tree.find("script", id="calculator-config").text)
    assert settings["build"]["runtime"] == "0123" and settings["build"]["url"] == "../build.json"
    assert settings["download"] == "5.1 MB"
    without = json.loads(render_calculator("review", page_data).find(
        "script", id="calculator-config").text)
    assert without["build"]["runtime"] is None and without["build"]["built"] == "2026-12-02"


def test_the_form14_page_says_what_it_does_not_do_and_links_onward(built_site):
    html = (built_site.path / "calculators" / "support-amount" / "index.html").read_text("utf-8")
    tree = parse(html[html.index("<article"):html.index("</article>") + len("</article>")])
    headings = [node.text.strip() for node in tree.find_all("h2")]
    for heading in ("Worked examples", "What this does not do", "The rules it uses",
                    "Who to call"):
        assert any(text.startswith(heading) for text in headings), headings
    section = tree.find("h2", id="what-this-does-not-do")
    siblings = section.parent.children
    items = siblings[siblings.index(section) + 2].find_all("li")
    assert [item.find("strong").text for item in items] == [
        "Income a parent could earn.", "A different amount.", "Split custody.",
        "More than six children.", "High incomes."]
    assert len(tree.find_all("section", class_="calculator__example")) == len(FORM14_EXAMPLES)
    # The review calculator and the topic page on changing an order are linked.
    hrefs = {node.attrs.get("href") for node in tree.find_all("a")}
    assert {"../review/", "../../paying-support/review-and-change/"} <= hrefs
    for page in ("paying-support/review-and-change", "calculators", "glossary"):
        text = (built_site.path / page / "index.html").read_text("utf-8")
        assert 'support-amount/"' in text, page


def test_search_finds_a_calculator_pages_prose_not_its_form_or_worked_examples(built_site):
    """The search index is part of every page's download: the form, the templates and the
    worked examples (data-search-exclude) stay out of it, the page's own words are in it."""
    index = json.loads((built_site.path / "search" / "search_index.json").read_text("utf-8"))
    texts = " ".join(doc["text"] for doc in index["docs"]
                     if doc["location"].startswith("calculators/support-amount/"))
    assert "imputed income" in texts
    help_text = next(f for f in api.declaration("support_amount")["fields"]
                     if f["name"] == "children")["help"]
    assert help_text not in texts
    assert "What was entered" not in texts


def test_the_printout_keeps_the_worksheet_and_drops_the_follow_up_link():
    css = (ROOT / "docs" / "assets" / "calculators" / "calculator.css").read_text("utf-8")
    printed = css[css.index("@media print"):]
    assert ".md-header" in printed
    # What was entered prints (the empty fields do not), every section and the worksheet open.
    assert ".calculator__field--empty" in printed
    assert re.search(r"details::details-content[^{]*\{\s*content-visibility: visible;", printed)
    assert re.search(r"\.calculator__follow\s*\{\s*display: none;", printed)
    assert re.search(r"\.calculator__table\s*\{\s*overflow: visible;", printed)


# --- The page's script, as built -----------------------------------------------------------

def test_the_page_loads_one_bundled_script_and_stylesheet_that_the_service_worker_keeps(
        built_site):
    """The modules and the stylesheet are published as one hashed file each (with source
    maps), the page loads those, and offline a second visit finds them in the service
    worker's cache."""
    site = built_site.path
    page = (site / "calculators" / "review" / "index.html").read_text("utf-8")
    scripts = re.findall(r'<script type="module" src="\.\./\.\./(assets/calculators/[^"]+)"',
                         page)
    styles = re.findall(r'<link rel="stylesheet" href="\.\./\.\./(assets/calculators/[^"]+)"',
                        page)
    assert len(scripts) == 1 and re.fullmatch(r"assets/calculators/bundle/main\.\w+\.js",
                                              scripts[0]), scripts
    assert len(styles) == 1 and re.fullmatch(
        r"assets/calculators/bundle/calculator\.\w+\.css", styles[0]), styles
    published = sorted(path.relative_to(site).as_posix()
                       for path in (site / "assets" / "calculators").rglob("*")
                       if path.is_file())
    assert published == sorted([scripts[0], scripts[0] + ".map", styles[0], styles[0] + ".map"])
    bundle = (site / scripts[0]).read_text("utf-8")
    assert "import " not in bundle.split("\n")[0][:200] and 'from"./' not in bundle
    assert bundle.rstrip().endswith(f"sourceMappingURL={Path(scripts[0]).name}.map")
    source_map = json.loads((site / (scripts[0] + ".map")).read_text("utf-8"))
    modules = sorted(f"docs/assets/calculators/{path.name}"
                     for path in (ROOT / "docs" / "assets" / "calculators").glob("*.js"))
    assert sorted(source_map["sources"]) == modules
    assert len(source_map["sourcesContent"]) == len(modules)
    first = (site / "sw.js").read_text("utf-8").splitlines()[0]
    shell = json.loads(first.removeprefix("const PRECACHE = ").rstrip(";"))["shell"][""]
    assert {scripts[0], styles[0]} <= set(shell)
    assert not [url for url in shell if url.endswith(".map")]

# --- In Spanish: the page's language, one argument ---------------------------------------------

@pytest.mark.parametrize("name", api.NAMES)
def test_a_spanish_page_shows_the_form_and_the_worked_examples_in_spanish(name, page_data):
    """The page's language (``Context.lang``) words the form from the Spanish declaration and
    runs the worked examples in Spanish, with the same figures."""
    context = shortcodes.Context(calculator_pages.PAGES[name], {}, data=page_data, lang="es")
    form = parse(calculator_pages.render_calculator(name, context))
    labels = [label.text for label in form.find_all("label")]
    declaration = api.declaration(name, "es")
    assert declaration["fields"][0]["label"] in " ".join(labels)
    assert api.declaration(name)["fields"][0]["label"] not in labels
    examples = parse(calculator_pages.render_examples(name, context))
    for section, case in zip(examples.find_all("section", class_="calculator__example"),
                             [case for case in EXAMPLES if case.calculator == name]):
        spanish = api.run(name, api.loads(case.json_text()), today=datetime.date(2026, 12, 2),
                          lang="es")
        english = api.run(name, api.loads(case.json_text()), today=datetime.date(2026, 12, 2))
        assert [step.text for step in section.find("ol").children] == spanish["steps"]
        assert spanish["steps"] != english["steps"]
        assert section.find("strong", data_slot="answer").text == \
            view(spanish, lang="es")["answer"]


def test_a_spanish_page_lists_the_rules_and_what_was_entered_in_spanish():
    rules = calculator_pages.calculator_rules("review", "es")
    assert rules[0]["summary"] == ("FSD revisa cada 3 años una orden de manutención que hace "
                                   "cumplir; antes, solo si se muestra un cambio importante en "
                                   "las circunstancias.")
    assert rules[0]["effective"] == "1 de julio de 1997"
    assert rules[0]["citation"] == calculator_pages.calculator_rules("review")[0]["citation"]
    context = shortcodes.Context(calculator_pages.PAGES["order_end"], {},
                                 data={calculator_pages.BUILD: BUILD}, lang="es")
    html = calculator_pages.render_examples("order_end", context)
    case = next(case for case in EXAMPLES if case.calculator == "order_end")
    birth = datetime.date.fromisoformat(case.input["child_birth_date"])
    with speaking("es"):
        assert dates.long_date(birth) in html
