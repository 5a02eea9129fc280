"""allocation: CONTRACT.md's rule steps 1 to 5 and its two examples, through the rule function
and through api.run."""

from __future__ import annotations

from typing import Any

from calculators import api
from calculators.allocation import allocate


def run(payment: Any, *orders: dict[str, Any]) -> dict[str, Any]:
    return api.run("allocation", {"payment": payment, "orders": list(orders)})


def test_design_example_700_over_three_orders() -> None:
    response = run("700.00", {"id": "A", "current_due": "300", "past_due": "1000"},
                   {"id": "B", "current_due": "150", "past_due": "0"},
                   {"id": "C", "current_due": "50", "past_due": "500"})
    assert response["ok"] is True
    assert [order["total"] for order in response["result"]["orders"]] == [
        "433.33", "150.00", "116.67"]
    assert list(response) == ["ok", "calculator", "result", "steps", "contacts", "rules"]
    assert list(response["result"]) == ["orders", "to_current_total", "to_past_due_total",
                                         "unallocated"]
    assert list(response["result"]["orders"][0]) == ["id", "to_current", "to_past_due", "total"]


def test_design_example_100_over_three_equal_orders() -> None:
    response = run("100.00", *[{"current_due": "100.00"}] * 3)
    assert [o["to_current"] for o in response["result"]["orders"]] == ["33.34", "33.33", "33.33"]


def test_step_1_a_payment_covering_current_support_pays_each_in_full() -> None:
    assert allocate(50000, [30000, 20000], [0, 0]) == ([30000, 20000], [0, 0], 0, [], [])


def test_step_1_a_payment_of_zero_gives_zero_everywhere() -> None:
    assert allocate(0, [30000, 20000], [5000, 0]) == ([0, 0], [0, 0], 0, [], [])
    assert allocate(0, [0], [0]) == ([0], [0], 0, [], [])


def test_step_2_a_short_payment_is_split_by_current_support() -> None:
    assert allocate(40000, [30000, 20000], [99900, 0]) == ([24000, 16000], [0, 0], 0, [], [])


def test_step_3_the_rest_is_split_by_past_due_support() -> None:
    assert allocate(70000, [30000, 15000, 5000], [100000, 0, 50000]) == (
        [30000, 15000, 5000], [13333, 0, 6667], 0, [], [2])


def test_step_4_money_beyond_all_support_is_unallocated() -> None:
    assert allocate(100000, [30000, 10000], [20000, 0]) == ([30000, 10000], [20000, 0], 40000,
                                                           [], [])
    response = run("1000.00", {"current_due": "300.00", "past_due": "200.00"})
    assert response["result"]["unallocated"] == "500.00"
    assert response["contacts"] == ["fsd-customer-service", "fsd-payment-information"]
    assert any("this is the site's own reading" in step for step in response["steps"])


def test_step_5_rounding_is_explained_as_this_sites_convention() -> None:
    response = run("10.00", {"id": "A", "current_due": "100"}, {"id": "B", "current_due": "200"},
                   {"id": "C", "current_due": "400"})
    assert [o["to_current"] for o in response["result"]["orders"]] == ["1.43", "2.86", "5.71"]
    rounding = [step for step in response["steps"] if "whole cents" in step]
    assert len(rounding) == 1
    assert "2 cents were left over: one each went to A and B" in rounding[0]
    assert "this site's own convention" in rounding[0]


def test_no_rounding_step_when_the_split_is_exact() -> None:
    response = run("300.00", {"current_due": "200"}, {"current_due": "100"})
    assert not any("whole cents" in step for step in response["steps"])
    assert response["contacts"] == ["fsd-payment-information"]


def test_steps_cover_no_current_support_and_no_past_due_support() -> None:
    steps = run("10.00", {"current_due": "0", "past_due": "20.00"})["steps"]
    assert "No current support is due" in steps[1]
    assert "That leaves $10.00 for past-due support" in steps[2]
    steps = run("10.00", {"current_due": "10.00"})["steps"]
    assert "None of the orders has past-due support." in steps


def test_the_most_orders_accepted_is_fifty() -> None:
    assert run("50.00", *[{"current_due": "1.00"}] * 50)["ok"] is True
    response = run("50.00", *[{"current_due": "1.00"}] * 51)
    assert response["errors"] == [{"field": "orders", "message":
                                   "The list of support orders can have at most 50 orders."}]


def test_names_must_differ_once_defaults_are_filled_in() -> None:
    response = run("1.00", {"id": "Order 2", "current_due": "1"}, {"current_due": "1"},
                   {"id": "Order 2", "current_due": "1"})
    assert [e["field"] for e in response["errors"]] == ["orders[1].id", "orders[2].id"]
    assert response["errors"][1]["message"] == (
        'Order 3: The name "Order 2" is already used by order 1. Give each order a different '
        "name.")


def test_name_checks_skip_orders_that_are_already_wrong() -> None:
    response = run("1.00", "A", {"id": 5, "current_due": "1"}, {"id": "A", "current_due": "1"})
    assert [e["field"] for e in response["errors"]] == ["orders[0]", "orders[1].id"]
    response = run("1.00", {"current_due": "x"})
    assert [e["field"] for e in response["errors"]] == ["orders[0].current_due"]
    response = run("1.00")
    assert [e["field"] for e in response["errors"]] == ["orders"]
