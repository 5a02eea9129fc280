"""order_end: every bullet of calculators/CONTRACT.md's order_end section (RSMo 452.340)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from calculators import api
from calculators.order_end import age_based_end

D = datetime.date
TODAY = D(2026, 11, 22)


def run(**payload: Any) -> dict[str, Any]:
    payload.setdefault("as_of", "2026-11-22")
    return api.run("order_end", payload)


def result(**payload: Any) -> dict[str, Any]:
    response = run(**payload)
    assert response["ok"] is True, response
    return response["result"]


@pytest.mark.parametrize(("schooling", "completion", "end", "reason"), [
    ("none", None, D(2028, 5, 1), "age_18"),
    ("secondary", None, D(2031, 5, 1), "age_21"),
    ("post_secondary", None, D(2031, 5, 1), "age_21"),
    ("secondary", D(2029, 5, 20), D(2029, 5, 20), "education_completed"),
    ("post_secondary", D(2031, 4, 30), D(2031, 4, 30), "education_completed"),
    ("secondary", D(2031, 5, 1), D(2031, 5, 1), "age_21"),
    ("post_secondary", D(2033, 5, 1), D(2031, 5, 1), "age_21"),
    ("secondary", D(2028, 5, 1), D(2028, 5, 1), "age_18"),
    ("secondary", D(2027, 5, 20), D(2028, 5, 1), "age_18"),
    ("secondary", D(2028, 5, 2), D(2028, 5, 2), "education_completed"),
])
def test_age_based_end(schooling: str, completion: D | None, end: D, reason: str) -> None:
    assert age_based_end(D(2010, 5, 1), schooling, completion) == (end, reason)


def test_every_response_says_the_court_decides_and_names_customer_service() -> None:
    for payload in ({"child_birth_date": "2010-05-01"},
                    {"child_birth_date": "2010-05-01", "incapacitated": True},
                    {"child_birth_date": "2010-05-01", "events": {"died": "2011-01-01"}}):
        response = run(**payload)
        assert any("Your court order decides" in step for step in response["steps"])
        assert any("manifestly dictate otherwise" in step for step in response["steps"])
        assert response["contacts"] == ["fsd-customer-service"]


def test_post_secondary_steps_state_the_conditions_not_modelled() -> None:
    steps = " ".join(run(child_birth_date="2006-09-15", schooling="post_secondary")["steps"])
    for condition in ("enroll by October 1", "12 credit hours", "9 for a child who works at "
                      "least 15 hours a week", "disability", "fails half or more of the "
                      "courseload", "transcripts", "within 30 days"):
        assert condition in steps
    secondary = " ".join(run(child_birth_date="2008-06-30", schooling="secondary")["steps"])
    assert "credit hours" not in secondary


def test_an_event_before_the_age_based_end_ends_support_on_its_date() -> None:
    for event in ("died", "married", "military", "self_supporting"):
        assert result(child_birth_date="2010-05-01", events={event: "2027-01-01"}) == {
            "end_date": "2027-01-01", "reason": event, "already_ended": False,
            "age_at_end": {"years": 16, "months": 8}}


def test_on_the_same_day_the_age_based_reason_stands() -> None:
    found = result(child_birth_date="2008-06-30", schooling="secondary",
                   expected_completion="2027-05-28", events={"married": "2027-05-28"})
    assert (found["end_date"], found["reason"]) == ("2027-05-28", "education_completed")


def test_events_on_one_day_rank_died_married_military_self_supporting() -> None:
    order = ["died", "married", "military", "self_supporting"]
    for first in range(4):
        events = {name: "2027-01-01" for name in order[first:]}
        assert result(child_birth_date="2010-05-01", events=events)["reason"] == order[first]


def test_future_events_are_allowed_and_later_ones_are_mentioned() -> None:
    response = run(child_birth_date="2010-05-01",
                   events={"military": "2027-08-01", "married": "2030-01-01"})
    assert response["result"]["end_date"] == "2027-08-01"
    assert ("The child's marriage on January 1, 2030 is not before support ends, so it does "
            "not change the end date.") in response["steps"]


def test_incapacity_leaves_the_end_to_the_court_unless_an_event_ends_it() -> None:
    assert result(child_birth_date="2000-01-01", incapacitated=True) == {
        "end_date": None, "reason": "court_decides", "already_ended": False, "age_at_end": None}
    late = result(child_birth_date="2000-01-01", incapacitated=True,
                  events={"self_supporting": "2024-03-01"})
    assert (late["end_date"], late["reason"], late["already_ended"]) == (
        "2024-03-01", "self_supporting", True)


def test_already_ended_is_on_or_before_as_of() -> None:
    assert result(child_birth_date="2008-11-22")["already_ended"] is True
    assert result(child_birth_date="2008-11-23")["already_ended"] is False


def test_29_february_births_use_1_march_and_the_steps_say_so() -> None:
    response = run(child_birth_date="2008-02-29", schooling="secondary")
    assert response["result"]["end_date"] == "2029-03-01"
    assert any("this site's own convention" in step and "1 March" in step
               for step in response["steps"])
    ordinary = run(child_birth_date="2008-03-01")
    assert not any("29 February" in step for step in ordinary["steps"])


def test_as_of_defaults_to_the_injected_today() -> None:
    response = api.run("order_end", {"child_birth_date": "2008-11-22"}, today=TODAY)
    assert response["result"]["already_ended"] is True
    response = api.run("order_end", {"child_birth_date": "2008-11-23"}, today=TODAY)
    assert response["result"]["already_ended"] is False
    late = api.run("order_end", {"child_birth_date": "2026-11-23"}, today=TODAY)
    assert late["errors"][0]["field"] == "child_birth_date"


def test_all_errors_are_listed_together() -> None:
    response = run(child_birth_date="2030-01-01", schooling="none",
                   expected_completion="2020-01-01", events={"died": "2020-01-01"})
    assert sorted(e["field"] for e in response["errors"]) == [
        "child_birth_date", "events.died", "expected_completion", "expected_completion"]


def test_cross_checks_skip_fields_that_are_already_wrong() -> None:
    response = run(child_birth_date="x", expected_completion="2020-01-01", schooling="bad",
                   events={"died": "2020-01-01"})
    assert sorted(e["field"] for e in response["errors"]) == ["child_birth_date", "schooling"]
    response = run(child_birth_date="2010-01-01", events="x")
    assert [e["field"] for e in response["errors"]] == ["events"]
