"""The forms' layouts (calculators/layout.py): presentation only, declared beside the fields.
Every field a form asks for stands in exactly one section, the usual case comes first, and a
layout naming a field that is not there, or one field twice, is refused when the calculator is
made."""

from __future__ import annotations

import pytest

from calculators import api
from calculators.calculator import Calculator
from calculators.fields import GroupField, MoneyField
from calculators.layout import Section, ShownWhen, covered, leaves


def shown_paths(fields: list[dict]) -> list[str]:
    """The paths of the declaration's asked fields, a group's members one by one."""
    paths = []
    for field in fields:
        if not field["asked"]:
            continue
        if field["kind"] == "group":
            paths += [f"{field['name']}.{path}" for path in shown_paths(field["fields"])]
        else:
            paths.append(field["name"])
    return paths


@pytest.mark.parametrize("name", api.NAMES)
def test_every_field_the_form_asks_for_is_in_exactly_one_section(name: str) -> None:
    """A field added to a declaration must be placed in the layout too (the form would show it
    after the field declared before it, but the layout should say where it belongs)."""
    declared = api.declaration(name)
    calculator = api.CALCULATORS[name]
    placed = [path for section in calculator.layout for listed in section.fields
              for path in covered(calculator.fields, listed)]
    assert sorted(placed) == sorted(shown_paths(declared["fields"]))
    assert len(placed) == len(set(placed))


@pytest.mark.parametrize("name", api.NAMES)
def test_the_usual_case_comes_first_and_every_other_section_is_titled(name: str) -> None:
    layout = api.declaration(name)["layout"]
    assert layout[0]["title"] is None and layout[0]["open"] is True
    for section in layout:
        assert list(section) == ["title", "intro", "open", "fields", "shown_when"]
    for section in layout[1:]:
        assert section["title"] and not section["title"].endswith(".")
        assert section["intro"].endswith(".") and section["open"] is False


def test_form14_starts_with_the_children_both_incomes_and_the_overnights() -> None:
    layout = api.declaration("support_amount")["layout"]
    # Each parent's income stands with how often it is paid and, for a wage, the hours.
    assert layout[0]["fields"] == [
        "children", "paying_parent.gross_income", "paying_parent.gross_income_period",
        "paying_parent.hours_a_week", "receiving_parent.gross_income",
        "receiving_parent.gross_income_period", "receiving_parent.hours_a_week", "overnights"]
    assert [section["title"] for section in layout[1:5]] == [
        "Child care and health insurance", "Other children and other support orders",
        "Maintenance (alimony)", "Other costs for the children"]


MONEY = MoneyField(name="amount", label="Amount", help="An amount of money.")
GROUP = GroupField(name="parent", label="Parent", help="A parent.", fields=(
    MoneyField(name="income", label="Income", help="Income."),
    MoneyField(name="hidden", label="Hidden", help="Not asked.", asked=False)))


def make(layout: tuple[Section, ...]) -> Calculator:
    return Calculator(name="test", title="T?", summary="S.", fields=(MONEY, GROUP),
                      check=lambda values, reader: None, compute=lambda values, applied: None,
                      layout=layout)  # type: ignore[arg-type,return-value]


def test_a_groups_path_stands_for_its_asked_members() -> None:
    assert leaves((MONEY, GROUP)) == ["amount", "parent.income"]
    assert covered((MONEY, GROUP), "parent") == ["parent.income"]
    assert covered((MONEY, GROUP), "parent.hidden") == []
    made = make((Section(title=None, fields=("amount",),
                         shown_when=(ShownWhen("amount", "parent.income", "1"),)),
                 Section(title="More", intro="When it applies.", fields=("parent",))))
    assert made.declaration()["layout"][0]["shown_when"] == [
        {"field": "amount", "when": "parent.income", "equals": "1"}]


def test_form14_asks_for_the_hours_only_for_an_hourly_wage() -> None:
    first = api.declaration("support_amount")["layout"][0]
    assert first["shown_when"] == [
        {"field": f"{role}.hours_a_week", "when": f"{role}.gross_income_period",
         "equals": "hour"} for role in ("paying_parent", "receiving_parent")]


@pytest.mark.parametrize(("layout", "message"), [
    ((Section(title=None, fields=("amount", "amont")),), "names 'amont'"),
    ((Section(title=None, fields=("parent.hidden",)),), "names 'parent.hidden'"),
    ((Section(title=None, fields=("parent",)),
      Section(title="Again", fields=("parent.income",))), "shows 'parent.income' twice"),
    ((Section(title=None, fields=("amount",)), Section(title=None, fields=("parent",))),
     "only the first section may be untitled"),
    ((Section(title=None, fields=("amount",),
              shown_when=(ShownWhen("parent.income", "amount", "1"),)),),
     "does not list the first"),
    ((Section(title=None, fields=("amount",),
              shown_when=(ShownWhen("amount", "parent.wage", "1"),)),),
     "no field has the second path"),
])
def test_a_layout_that_names_a_missing_field_or_one_twice_is_refused(
        layout: tuple[Section, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make(layout)
