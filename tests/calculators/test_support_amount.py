"""support_amount: the contract's example, the declaration a page is built from, the count
field, and Hypothesis properties of Form 14 (never negative; more overnights never raise the
amount; a higher paying income never lowers it where Form 14 guarantees it) and of the
conversion of an income to a monthly one (a monthly amount is unchanged, a yearly one is twelve
months' worth within a cent, more income never converts to less)."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators import api, support_amount
from calculators.fields import CountField, Place, Reader
from tests.calculators import strategies as gen

ROOT = Path(__file__).resolve().parents[2]
CONTACT_IDS = set(yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8")))
PHONE_LIKE = re.compile(r"\d{3}[ .)-]+\d{3}[ .-]\d{4}")
TODAY = datetime.date(2026, 12, 2)
EXAMPLE = {"children": 1, "overnights": 0, "incremental": False, "as_of": "2026-12-02",
           "paying_parent": {"gross_income": "4500.00"},
           "receiving_parent": {"gross_income": "3000.00"}}
LINES = ["1", "1a", "2a", "2b", "2c1", "2c2", "2c3", "2c", "3", "4", "5", "6a1", "6a2", "6a",
         "6b", "6c", "6d", "6e", "7", "8", "9", "10", "11", "12"]


def run(payload: dict[str, Any]) -> dict[str, Any]:
    return api.run("support_amount", json.loads(json.dumps(payload)), today=TODAY)


def test_the_issue_example_gives_698() -> None:
    response = run(EXAMPLE)
    assert response["ok"] is True
    result = response["result"]
    assert list(result) == ["presumed_amount", "beyond_schedule", "lines", "schedule",
                            "low_income_calculation", "increments"]
    assert result["presumed_amount"] == "698.00"
    assert list(result["lines"]) == LINES
    assert all(list(line)[:4] == ["label", "receiving", "paying", "combined"]
               for line in result["lines"].values())
    assert response["rules"] == {"support_amount.form14": "2026-01-01",
                                 "support_amount.percent_decimals": "2026-01-01"}
    assert response["contacts"] == ["fsd-customer-service", "fsd-review-requests"]


def test_the_declaration_groups_each_parents_fields_with_labels_and_help() -> None:
    declared = api.declaration("support_amount")
    fields = {field["name"]: field for field in declared["fields"]}
    assert (fields["children"]["min"], fields["children"]["max"]) == (1, 6)
    assert (fields["overnights"]["max"], fields["overnights"]["default"]) == (183, 0)
    for role in ("paying_parent", "receiving_parent"):
        group = fields[role]
        assert group["kind"] == "group" and group["required"] is True
        names = [member["name"] for member in group["fields"]]
        assert names[:6] == ["gross_income", "gross_income_period", "hours_a_week",
                             "maintenance_received", "other_support_paid", "maintenance_paid"]
        assert [m["name"] for m in group["fields"] if m["required"]] == ["gross_income"]
        # The short help is one line; the longer one, or the short one where it says all,
        # names the Form 14 line it fills.
        assert all((member["more"] or member["help"]).startswith(("Line ", "How many"))
                   for member in group["fields"])
    receiving = [m["name"] for m in fields["receiving_parent"]["fields"]]
    assert "child_care_children" in receiving
    assert "child_care_children" not in [m["name"] for m in fields["paying_parent"]["fields"]]
    assert [rule["key"] for rule in declared["rules"]] == [
        "support_amount.form14", "support_amount.percent_decimals",
        "support_amount.above_schedule", "support_amount.months_a_year",
        "support_amount.paydays_twice_a_month", "support_amount.paydays_every_two_weeks",
        "support_amount.weeks_a_year"]


def test_a_count_is_a_json_integer_or_digits_and_nothing_else() -> None:
    field = CountField(name="n", label="Children", help="How many.", minimum=1, maximum=6)
    reader = Reader(TODAY)
    from decimal import Decimal
    read = [field.read(value, Place("n"), reader) for value in
            (2, Decimal("3"), "4", Decimal("2.0"), Decimal("2E+0"), "two", [1], "1234567", True,
             Decimal("2.5"), Decimal("Infinity"), 0, 7, Decimal("1E+3"), Decimal("1E+99999999"))]
    # A JSON number is read at its exact value, like money: 2.0 and 2e0 are 2, 1e3 is 1000.
    assert read[:5] == [2, 3, 4, 2, 2] and all(type(value) is int for value in read[:5])
    assert [error["message"] for error in reader.errors] == [
        "The children must be a whole number, like 2, without decimals."] * 6 + [
        "The children must be at least 1."] + ["The children must be 6 or less."] * 3


def test_a_higher_paying_income_can_lower_the_amount_through_line_2c() -> None:
    """Form 14 itself: Line 2c(2) jumps at a schedule row, so one more dollar of Line 1 can
    lower Line 3 by $33 (calculators/DECISIONS.md)."""
    def lines(income: str) -> dict[str, Any]:
        payload = {**EXAMPLE, "paying_parent": {"gross_income": income, "other_children": 6}}
        return run(payload)["result"]
    before, after = lines("3624"), lines("3625")
    assert (before["lines"]["2c2"]["paying"], after["lines"]["2c2"]["paying"]) == ("1670.00",
                                                                                 "1704.00")
    assert (before["lines"]["3"]["paying"], after["lines"]["3"]["paying"]) == ("1954.00",
                                                                             "1921.00")
    assert (before["presumed_amount"], after["presumed_amount"]) == ("358.00", "351.00")


def test_a_higher_paying_income_can_lower_the_amount_through_line_11() -> None:
    """Form 14 itself: Line 11 is a share of Line 5, which grows with the combined income, and
    the low-income calculation subtracts it from a Line 9 that did not grow."""
    def result(income: int) -> dict[str, Any]:
        return run({"children": 4, "overnights": 52, "as_of": "2026-12-02",
                    "paying_parent": {"gross_income": income},
                    "receiving_parent": {"gross_income": 7920, "child_care": 800}})["result"]
    before, after = result(1801), result(1810)
    assert (before["lines"]["11"]["paying"], after["lines"]["11"]["paying"]) == ("155.00",
                                                                               "156.00")
    assert before["low_income_calculation"]["line_9"] == after["low_income_calculation"][
        "line_9"] == "535.00"
    assert (before["presumed_amount"], after["presumed_amount"]) == ("380.00", "379.00")


# --- properties ----------------------------------------------------------------------------

whole_dollar_incomes = st.integers(min_value=0, max_value=25_000)
small_amounts = st.one_of(st.just(0), st.integers(min_value=0, max_value=1_500))


@st.composite
def parents(draw: st.DrawFn, others: bool = True) -> dict[str, Any]:
    def parent(receiving: bool) -> dict[str, Any]:
        figures: dict[str, Any] = {"gross_income": draw(whole_dollar_incomes)}
        for name in ("maintenance_received", "other_support_paid", "maintenance_paid",
                     "child_care", "health_insurance", "extraordinary_medical",
                     "other_extraordinary"):
            figures[name] = draw(small_amounts)
        if others:
            figures["other_children"] = draw(st.integers(min_value=0, max_value=6))
            if figures["other_children"]:
                figures["other_children_support_received"] = draw(small_amounts)
        if receiving:
            figures["child_care_children"] = draw(st.one_of(st.none(),
                                                            st.integers(min_value=0,
                                                                        max_value=1)))
        return figures
    return {"paying_parent": parent(False), "receiving_parent": parent(True)}


def inputs(others: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        lambda children, overnights, incremental, figures: {
            "children": children, "overnights": overnights, "incremental": incremental,
            "as_of": "2026-12-02", **figures},
        st.integers(min_value=1, max_value=6), st.integers(min_value=0, max_value=183),
        st.booleans(), parents(others))


def amount_of(response: dict[str, Any]) -> int:
    return int(response["result"]["presumed_amount"].split(".")[0])


def whole(money: str) -> int:
    return int(money.split(".")[0])


@gen.SETTINGS
@given(payload=inputs())
def test_the_amount_is_never_negative_and_every_line_is_whole_dollars(
        payload: dict[str, Any]) -> None:
    response = run(payload)
    assume(response["ok"])
    result = response["result"]
    lines = result["lines"]
    # Beyond the schedule: combined Line 3 past the $40,000 row ($40,025 and up), or Line 2c
    # read for a parent whose Line 1 is past it. Either way an amount is given.
    past = [whole(lines["1"][who]) >= 40_025 and (lines["2c1"][who] or 0) > 0
            for who in ("receiving", "paying")]
    assert result["beyond_schedule"] is (whole(lines["3"]["combined"]) >= 40_025 or any(past))
    assert result["schedule"]["row"] is not None and lines["5"]["combined"] is not None
    presumed, low = amount_of(response), result["low_income_calculation"]
    line12 = whole(lines["12"]["paying"])
    assert presumed >= 0
    if low["decided"]:
        assert presumed == whole(low["line_12"]) < line12
    else:
        assert presumed == line12
    for increment in result["increments"] or []:
        assert increment["presumed_amount"][0] != "-"
    money = [value for line in result["lines"].values()
             for value in (line["receiving"], line["paying"], line["combined"])
             if isinstance(value, str) and line["label"] != support_amount.LABELS["4"]]
    assert all(value.endswith(".00") and not value.startswith("-") for value in money)
    assert response["contacts"] and set(response["contacts"]) <= CONTACT_IDS
    assert not any(PHONE_LIKE.search(step) for step in response["steps"])


@gen.SETTINGS
@given(payload=inputs(), more=st.integers(min_value=1, max_value=183))
def test_more_overnights_never_raise_the_amount(payload: dict[str, Any], more: int) -> None:
    fewer = run(payload)
    assume(fewer["ok"])
    payload["overnights"] = min(payload["overnights"] + more, 183)
    assert amount_of(run(payload)) <= amount_of(fewer)


@gen.SETTINGS
@given(payload=inputs(others=False), raise_by=st.integers(min_value=1, max_value=5_000))
def test_a_higher_paying_income_never_lowers_the_amount(payload: dict[str, Any],
                                                        raise_by: int) -> None:
    """Where Form 14 guarantees it: no Line 2c for the paying parent and no Line 11 (fewer than
    36 overnights). With an overnight adjustment, Line 11 grows with Line 5 and can outweigh
    the paying parent's share by a few dollars (calculators/DECISIONS.md)."""
    payload["overnights"] = payload["overnights"] % 36
    lower = run(payload)
    assume(lower["ok"])
    payload["paying_parent"]["gross_income"] += raise_by
    assert amount_of(run(payload)) >= amount_of(lower)


# --- income paid other than monthly ---------------------------------------------------------

PERIODS = [value for value, _, _ in support_amount.PERIODS]
MONTHS = support_amount.rules.latest(support_amount.MONTHS_A_YEAR).number()
income_cents = st.integers(min_value=0, max_value=gen.MAX_CENTS)
hours = st.integers(min_value=1, max_value=support_amount.MOST_HOURS_A_WEEK)


def monthly(cents: int, period: str, hours_a_week: int | None = None) -> int:
    return support_amount.monthly_cents({"gross_income": cents, "gross_income_period": period,
                                         "hours_a_week": hours_a_week}, MONTHS)


@gen.SETTINGS
@given(cents=income_cents)
def test_a_monthly_income_is_unchanged(cents: int) -> None:
    assert monthly(cents, "month") == cents


@gen.SETTINGS
@given(cents=income_cents)
def test_a_yearly_income_is_twelve_months_worth_within_a_cent(cents: int) -> None:
    month = monthly(cents, "year")
    assert abs(MONTHS * month - cents) * 2 <= MONTHS  # within half a cent a month, rounded
    assert monthly(MONTHS * cents, "year") == cents  # twelve months' worth converts back


@gen.SETTINGS
@given(low=income_cents, more=income_cents, period=st.sampled_from(PERIODS), worked=hours,
       extra=st.integers(min_value=0, max_value=support_amount.MOST_HOURS_A_WEEK))
def test_more_income_never_converts_to_less(low: int, more: int, period: str, worked: int,
                                            extra: int) -> None:
    if period != "hour":
        assert monthly(low, period) <= monthly(low + more, period)
        return
    longer = min(worked + extra, support_amount.MOST_HOURS_A_WEEK)
    assert monthly(low, period, worked) <= monthly(low + more, period, worked)
    assert monthly(low, period, worked) <= monthly(low, period, longer)


def test_a_paycheck_every_two_weeks_of_2000_is_4333_33_a_month() -> None:
    assert monthly(200_000, "every_two_weeks") == 433_333
    assert monthly(200_000, "twice_a_month") == 400_000
    assert monthly(100_000, "every_week") == 433_333
    assert monthly(2_500, "hour", 40) == 433_333
    assert monthly(1, "year") == 0 and monthly(6, "year") == 1  # half a cent rounds up


@gen.SETTINGS
@given(payload=inputs(), period=st.sampled_from(["month", "year"]))
def test_the_same_income_a_month_or_twelve_times_it_a_year_gives_the_same_answer(
        payload: dict[str, Any], period: str) -> None:
    monthly_answer = run(payload)
    assume(monthly_answer["ok"])
    parent = payload["paying_parent"]
    parent["gross_income_period"] = period
    if period == "year":
        parent["gross_income"] *= MONTHS
    converted = run(payload)
    assert converted["result"] == monthly_answer["result"]
