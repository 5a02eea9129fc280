"""review: CONTRACT.md's review section (RSMo 454.498 and 452.370)."""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import Any

import pytest

from calculators import api
from calculators.review import change_percent, meets_threshold


def run(**payload: Any) -> dict[str, Any]:
    payload.setdefault("as_of", "2026-11-22")
    return api.run("review", payload)


def test_next_review_is_the_third_anniversary() -> None:
    assert run(last_review_date="2023-11-22")["result"] == {
        "next_review_date": "2026-11-22", "eligible_now": True, "days_until_eligible": 0,
        "change_percent": None, "meets_20_percent": None}
    assert run(last_review_date="2024-02-29")["result"]["next_review_date"] == "2027-03-01"
    assert run(last_review_date="2024-11-22")["result"]["days_until_eligible"] == 365


@pytest.mark.parametrize(("current", "new", "percent", "meets"), [
    (50000, 62500, "25.0", True), (50000, 60000, "20.0", True), (50000, 59999, "20.0", False),
    (50000, 40000, "20.0", True), (50000, 40001, "20.0", False), (40000, 40022, "0.1", False),
    (40000, 40021, "0.1", False), (40000, 40019, "0.0", False), (30000, 36015, "20.1", True),
    (1, 0, "100.0", True), (1, 1_000_000_000, "99999999900.0", True), (300, 301, "0.3", False),
])
def test_change_percent_rounds_half_up_and_the_threshold_is_exact(
        current: int, new: int, percent: str, meets: bool) -> None:
    assert change_percent(current, new) == percent
    assert meets_threshold(current, new) is meets
    assert meets is (5 * abs(new - current) >= current)
    exact = Fraction(abs(new - current) * 100, current)
    assert abs(Fraction(percent) - exact) <= Fraction(1, 20)


def test_steps_say_how_to_ask_and_name_the_review_contact() -> None:
    response = run(last_review_date="2023-01-10", current_monthly="500",
                   estimated_new_monthly="650")
    assert any("mail or fax a written request" in step for step in response["steps"])
    assert any("presumed amount" in step and "Form 14" in step for step in response["steps"])
    assert response["contacts"] == ["fsd-review-requests"]


def test_as_of_defaults_to_the_injected_today() -> None:
    today = datetime.date(2026, 11, 22)
    response = api.run("review", {"last_review_date": "2023-11-23"}, today=today)
    assert response["result"]["days_until_eligible"] == 1


def test_errors_of_the_review_section() -> None:
    assert [e["field"] for e in run(last_review_date="2026-11-23")["errors"]] == [
        "last_review_date"]
    assert [e["field"] for e in run(last_review_date="2023-01-10",
                                    current_monthly="1")["errors"]] == ["estimated_new_monthly"]
    assert [e["field"] for e in run(last_review_date="2023-01-10",
                                    estimated_new_monthly="1")["errors"]] == ["current_monthly"]
    assert [e["field"] for e in run(last_review_date="2023-01-10", current_monthly=0,
                                    estimated_new_monthly="1")["errors"]] == ["current_monthly"]


def test_cross_checks_skip_fields_that_are_already_wrong() -> None:
    response = run(last_review_date="nope", as_of="2026-11-22", current_monthly="bad",
                   estimated_new_monthly="1")
    assert sorted(e["field"] for e in response["errors"]) == ["current_monthly",
                                                              "last_review_date"]
