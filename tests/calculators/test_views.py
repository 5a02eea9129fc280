"""What a calculator page shows of a response (calculators/views/), and the registry that pairs
each calculator with its page and its view (calculators/registry.py)."""

from __future__ import annotations

import copy
import datetime
import json
from typing import Any

import pytest

from build_tools.data.scenarios import Scenario, load_scenarios
from calculators import api, registry
from calculators.views.common import FollowUp, input_fragment
from calculators.views.order_end import reason
from calculators.views.respond import respond, view
from calculators.views.support_amount import line_number

SCENARIOS = load_scenarios()
TODAY = datetime.date(2026, 12, 2)
KEYS = ["summary", "follow", "answer", "facts", "table"]


def run(name: str, payload: dict[str, Any]) -> dict[str, Any]:
    response = api.run(name, api.loads(json.dumps(payload)), today=TODAY)
    assert response["ok"], response
    return response


@pytest.mark.parametrize("case", SCENARIOS, ids=[case.name for case in SCENARIOS])
def test_every_answer_has_its_view_and_every_error_none(case: Scenario) -> None:
    code, text = api.run_json(case.calculator, case.json_text())
    answer = json.loads(respond(case.calculator, case.json_text()))
    assert answer["code"] == code and json.dumps(answer["response"], ensure_ascii=False) == text
    shown = answer["view"]
    if code:
        assert shown is None
        return
    assert list(shown) == KEYS
    assert shown["answer"].endswith(".") and not shown["answer"][0].islower()
    assert all(sentence.endswith(".") for sentence in shown["summary"])
    assert all(len(fact) == 2 and all(fact) for fact in shown["facts"])
    if shown["follow"] is not None:  # a link onward, from this calculator's page
        assert shown["follow"]["href"].startswith("../") and "#input=" in shown["follow"]["href"]


def test_the_registry_is_the_list_of_calculators_with_their_pages_and_views() -> None:
    assert list(registry.REGISTERED) == list(api.NAMES) == list(api.CALCULATORS)
    for name, entry in registry.REGISTERED.items():
        assert entry.name == name and api.CALCULATORS[name] is entry.calculator
        assert entry.page.endswith(".md") and callable(entry.view)
    assert registry.REGISTERED["order_end"].page == "calculators/order-end.md"


def test_two_calculators_may_share_neither_a_name_nor_a_page() -> None:
    review = registry.REGISTERED["review"]
    again = registry.Registered(review.calculator, "calculators/other.md", review.view)
    same_page = registry.Registered(registry.REGISTERED["allocation"].calculator, review.page,
                                    review.view)
    for twice in ([review, again], [review, same_page]):
        with pytest.raises(ValueError, match="repeats a name or a page"):
            registry.by_name(twice)


def test_links_between_pages_follow_the_published_folders() -> None:
    assert registry.page_folder("calculators/order-end.md") == "calculators/order-end"
    assert registry.page_folder("calculators/index.md") == "calculators"
    assert registry.page_link("support_amount", "review") == "../review/"
    assert registry.page_link("review", "review") == "./"


def test_a_follow_up_names_a_calculator_and_becomes_a_link_from_the_page() -> None:
    response = run("support_amount", {"children": 1, "paying_parent": {"gross_income": "4500"},
                                      "receiving_parent": {"gross_income": "3000"}})
    made = registry.REGISTERED["support_amount"].view(response["result"], {})
    assert made["follow"] == FollowUp(made["follow"].text, "review",
                                      {"estimated_new_monthly": "698.00"})
    assert view(response)["follow"] == {
        "text": made["follow"].text,
        "href": "../review/" + input_fragment({"estimated_new_monthly": "698.00"})}
    assert input_fragment({"a": "é 1"}) == "#input=%7B%22a%22%3A%22%C3%A9%201%22%7D"


def test_a_payment_left_over_is_said_and_listed() -> None:
    shown = view(run("allocation", {"payment": "500", "orders": [
        {"id": "A", "current_due": "300", "past_due": "100"}]}))
    assert shown["answer"] == ("$300 of the payment goes to current support and $100 to "
                               "past-due support. $100 is left over after all the support owed "
                               "on these orders.")
    assert shown["facts"] == [["Left over", "$100"]]
    assert shown["table"]["foot"] == ["All orders", "$300", "$100", "$400"]


def test_an_order_ends_by_an_event_or_the_court_decides() -> None:
    married = view(run("order_end", {"child_birth_date": "2010-05-01",
                                     "events": {"married": "2026-01-10"}}))
    assert married["answer"] == "By the general rule, support ended on January 10, 2026."
    assert married["facts"][1] == ["Why", reason("married", {})]
    incapacitated = view(run("order_end", {"child_birth_date": "2010-05-01",
                                           "incapacitated": True}))
    assert incapacitated == {"summary": [], "follow": None, "answer": (
        "By the general rule there is no end date: the court decides."), "facts": [
        ["Why", "The child is incapacitated: the court decides"]], "table": None}
    ages = {"order_end.age_of_majority": 18, "order_end.education_age_limit": 21}
    assert reason("education_completed", ages) == "The child finishes school"
    assert reason("age_21", ages) == "The child's 21st birthday"


def test_a_review_due_now_and_a_change_below_the_threshold() -> None:
    shown = view(run("review", {"last_review_date": "2020-01-01", "current_monthly": "500",
                                "estimated_new_monthly": "550"}))
    assert shown["answer"] == ("You can ask for a routine review now. The change in monthly "
                               "support is 10.0%, which is less than 20%.")
    assert shown["facts"][1] == ["Time to wait", "None: you can ask now"]
    assert shown["facts"][3] == ["20% or more", "No"]
    later = view(run("review", {"last_review_date": "2026-01-01"}))
    assert later["answer"] == "You can ask for a routine review from January 1, 2029, in 761 days."
    assert len(later["facts"]) == 2


def form14(**changes: Any) -> dict[str, Any]:
    """A Form 14 result with its worksheet's lines and parts replaced."""
    response = run("support_amount", {"children": 2, "paying_parent": {"gross_income": "4500"},
                                      "receiving_parent": {"gross_income": "3000"}})
    result = copy.deepcopy(response["result"])
    for key, value in changes.items():
        if key.startswith("line_"):
            result["lines"][key.removeprefix("line_")].update(value)
        else:
            result[key] = value
    return {**response, "result": result}


def test_form14s_summary_says_only_what_applies() -> None:
    plain = view(form14())["summary"]
    assert len(plain) == 3 and plain[2].startswith("The schedule in force from January 1, 2026")
    costs = view(form14(line_7={"combined": "300.00"}, line_10={"paying": "100.00"}))["summary"]
    assert any("(Line 9)" in said for said in costs)
    assert any(said.startswith("The $100 a month of those costs") for said in costs)
    allowed = view(form14(line_11={"percent": 10, "allowed": True, "paying": "150.00"}))
    assert "credit of 10% of the schedule amount: $150 a month" in allowed["summary"][3]
    refused = view(form14(line_11={"percent": 10, "allowed": False}))
    assert refused["summary"][3].startswith("The overnight credit (10% of the schedule amount) "
                                            "is not given")
    low = {"made": True, "decided": True, "limit": "1750.00", "line_12": "60.00"}
    decided = view(form14(low_income_calculation=low))["summary"]
    assert "the lower amount, $60, which is the one presumed." in decided[-1]
    made = view(form14(low_income_calculation={**low, "decided": False}))["summary"]
    assert "which is not lower, so Line 12 stands." in made[-1]
    no_schedule = view(form14(line_5={"combined": None}))["summary"]
    assert not any("(Line 5)" in said for said in no_schedule)
    increments = view(form14(increments=[{"children": 1, "presumed_amount": None},
                                         {"children": 1, "presumed_amount": "698.00"}]))
    assert increments["summary"][-2:] == ["For 1 child, the court sets the amount.",
                                          "For 1 child, Form 14 presumes $698 a month."]


def test_form14_without_a_presumed_amount_says_the_court_sets_it() -> None:
    shown = view(form14(presumed_amount=None, beyond_schedule=True))
    assert shown["answer"] == ("The parents' combined income is above the schedule's last row: "
                               "the court sets the amount.")
    assert shown["table"]["foot"][2] == "Set by the court" and shown["follow"] is None
    assert not any("worked out with that row" in said for said in shown["summary"])


def test_form14s_line_numbers_are_written_as_on_the_form() -> None:
    assert [line_number(key) for key in ("1", "1a", "2c1", "6a1", "12")] == [
        "1", "1a", "2c(1)", "6a(1)", "12"]
