"""Properties that hold for every input (Hypothesis): the allocation invariants, the bounds on
order-end dates, the exactness of the review threshold, contact ids, and that no input, however
malformed, escapes the JSON contract."""

from __future__ import annotations

import datetime
import json
import math
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from calculators import api, dates, money
from calculators.allocation import allocate
from calculators.review import change_percent, meets_threshold
from tests.calculators import strategies as gen

ROOT = Path(__file__).resolve().parents[2]
CONTACT_IDS = set(yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8")))
PHONE_LIKE = re.compile(r"\d{3}[ .)-]+\d{3}[ .-]\d{4}")
REASONS = {"age_18", "age_21", "education_completed", "died", "married", "military",
           "self_supporting", "court_decides"}

# Amounts drawn from a few values, so that equal amounts (ties) are common.
tied_amounts = st.sampled_from([0, 1, 3, 100, 300, 10000, 33333])
tied_orders = st.lists(st.tuples(tied_amounts, tied_amounts), min_size=1, max_size=8)


def parts_of(orders: list[tuple[int, int]], payment: int) -> tuple[list[int], list[int], int]:
    to_current, to_past, unallocated, _, _ = allocate(
        payment, [c for c, _ in orders], [p for _, p in orders])
    return to_current, to_past, unallocated


# --- allocation ---------------------------------------------------------------------------

@gen.SETTINGS
@given(orders=st.one_of(tied_orders, gen.orders.map(
    lambda os: [(o["current_due"], o["past_due"]) for o in os])), payment=gen.cents)
def test_allocation_parts_add_up_to_the_payment_to_the_cent(orders: list[tuple[int, int]],
                                                             payment: int) -> None:
    to_current, to_past, unallocated = parts_of(orders, payment)
    assert sum(to_current) + sum(to_past) + unallocated == payment
    assert min(to_current + to_past + [unallocated]) >= 0


@gen.SETTINGS
@given(orders=tied_orders, payment=st.integers(min_value=0, max_value=200_000))
def test_no_order_receives_more_than_it_is_owed(orders: list[tuple[int, int]],
                                                payment: int) -> None:
    to_current, to_past, _ = parts_of(orders, payment)
    for (current, past), paid_current, paid_past in zip(orders, to_current, to_past):
        assert paid_current <= current and paid_past <= past


@gen.SETTINGS
@given(orders=tied_orders, payment=st.integers(min_value=0, max_value=200_000))
def test_no_past_due_cent_is_paid_while_current_support_is_unpaid(
        orders: list[tuple[int, int]], payment: int) -> None:
    to_current, to_past, unallocated = parts_of(orders, payment)
    if any(paid < current for (current, _), paid in zip(orders, to_current)):
        assert sum(to_past) == 0 and unallocated == 0
    if any(paid < past for (_, past), paid in zip(orders, to_past)):
        assert unallocated == 0


@gen.SETTINGS
@given(orders=tied_orders, payment=st.integers(min_value=0, max_value=200_000))
def test_every_share_is_within_one_cent_of_its_exact_share(orders: list[tuple[int, int]],
                                                           payment: int) -> None:
    """Each part is the floor or the ceiling of its exact proportional share."""
    to_current, to_past, _ = parts_of(orders, payment)
    total_current = sum(c for c, _ in orders)
    rest = max(payment - total_current, 0)
    total_past = sum(p for _, p in orders)
    for (current, past), paid_current, paid_past in zip(orders, to_current, to_past):
        if payment < total_current:
            exact = Fraction(payment * current, total_current)
            assert math.floor(exact) <= paid_current <= math.ceil(exact)
        if 0 < rest < total_past:
            exact = Fraction(rest * past, total_past)
            assert math.floor(exact) <= paid_past <= math.ceil(exact)


@gen.SETTINGS
@given(orders=tied_orders, payment=st.integers(min_value=0, max_value=200_000),
       data=st.data())
def test_reordering_changes_a_share_only_where_list_position_decides_a_cent(
        orders: list[tuple[int, int]], payment: int, data: st.DataObject) -> None:
    """Stated precisely: list position decides a leftover cent only between orders that owe
    the same amount in the step being split (equal amounts have equal remainders). So after any
    reordering, an order that owes a different amount from every other order in that step gets
    exactly the same share; orders owing the same amount may swap a cent among themselves:
    their shares, as a group, are unchanged, and each differs by at most one cent."""
    order = data.draw(st.permutations(range(len(orders))))
    before = parts_of(orders, payment)
    after_reordered = parts_of([orders[i] for i in order], payment)
    after = tuple([0] * len(orders) for _ in range(2))
    for position, index in enumerate(order):
        after[0][index] = after_reordered[0][position]
        after[1][index] = after_reordered[1][position]
    assert before[2] == after_reordered[2]
    for step in (0, 1):
        owed = [amounts[step] for amounts in orders]
        for index, amount in enumerate(owed):
            group = [i for i, other in enumerate(owed) if other == amount]
            assert abs(before[step][index] - after[step][index]) <= 1
            if len(group) == 1:
                assert before[step][index] == after[step][index]
            assert sorted(before[step][i] for i in group) == sorted(after[step][i] for i in group)


@gen.SETTINGS
@given(payment=gen.money_json, orders=gen.orders)
def test_allocation_responses_add_up_in_their_two_decimal_strings(
        payment: Any, orders: list[dict[str, int]]) -> None:
    payload = {"payment": payment,
               "orders": [{"current_due": gen.money_text(o["current_due"]),
                           "past_due": gen.money_text(o["past_due"])} for o in orders]}
    response = api.run("allocation", payload)
    result = response["result"]
    for text in [result["to_current_total"], result["to_past_due_total"], result["unallocated"]]:
        assert re.fullmatch(r"[0-9]+\.[0-9]{2}", text)
    cents = [money.parse_cents(o["total"]) for o in result["orders"]]
    assert sum(cents) + money.parse_cents(result["unallocated"]) == money.parse_cents(payment)


# --- order_end ----------------------------------------------------------------------------

@gen.SETTINGS
@given(payload=gen.order_end_inputs())
def test_order_end_dates_are_never_before_birth_nor_after_21_unless_incapacitated(
        payload: dict[str, Any]) -> None:
    response = api.run("order_end", payload)
    assert response["ok"] is True, response
    result = response["result"]
    birth = datetime.date.fromisoformat(payload["child_birth_date"])
    as_of = datetime.date.fromisoformat(payload["as_of"])
    events = [datetime.date.fromisoformat(when) for when in payload["events"].values() if when]
    assert result["reason"] in REASONS
    if result["end_date"] is None:
        assert payload["incapacitated"] and not events
        assert result["reason"] == "court_decides" and result["age_at_end"] is None
        assert result["already_ended"] is False
        return
    end = datetime.date.fromisoformat(result["end_date"])
    assert end >= birth
    if not payload["incapacitated"]:
        assert end <= dates.add_years(birth, 21)
    if result["reason"] in ("age_18", "age_21", "education_completed"):
        assert end >= dates.add_years(birth, 18)
    assert all(end <= when for when in events)
    assert result["already_ended"] is (end <= as_of)
    months = result["age_at_end"]["years"] * 12 + result["age_at_end"]["months"]
    assert 0 <= result["age_at_end"]["months"] < 12
    assert dates.add_months(birth, months) <= end < dates.add_months(birth, months + 1)


# --- review -------------------------------------------------------------------------------

@gen.SETTINGS
@given(payload=gen.review_inputs())
def test_review_dates_and_eligibility_agree(payload: dict[str, Any]) -> None:
    result = api.run("review", payload)["result"]
    last = datetime.date.fromisoformat(payload["last_review_date"])
    as_of = datetime.date.fromisoformat(payload["as_of"])
    next_review = datetime.date.fromisoformat(result["next_review_date"])
    assert next_review == dates.add_years(last, 3)
    assert result["eligible_now"] is (next_review <= as_of)
    assert result["days_until_eligible"] == max((next_review - as_of).days, 0)
    assert (result["change_percent"] is None) is ("current_monthly" not in payload)


@gen.SETTINGS
@given(current=gen.cents.filter(bool), new=gen.cents)
def test_the_20_percent_decision_is_exact_and_the_shown_percent_is_rounded_half_up(
        current: int, new: int) -> None:
    exact = Fraction(abs(new - current) * 100, current)
    assert meets_threshold(current, new) is (exact >= 20)
    tenths = math.floor(exact * 10 + Fraction(1, 2))
    assert change_percent(current, new) == f"{tenths // 10}.{tenths % 10}"


# --- every calculator ---------------------------------------------------------------------

valid_inputs = st.one_of(
    st.tuples(st.just("allocation"), st.builds(
        lambda payment, orders: {"payment": payment, "orders": orders},
        gen.money_json, gen.orders_json)),
    st.tuples(st.just("order_end"), gen.order_end_inputs()),
    st.tuples(st.just("review"), gen.review_inputs()))


@gen.SETTINGS
@given(case=valid_inputs)
def test_every_contact_id_a_response_names_exists_and_no_phone_number_is_written(
        case: tuple[str, dict[str, Any]]) -> None:
    name, payload = case
    response = api.run(name, payload)
    assert response["ok"] is True
    assert response["contacts"] and set(response["contacts"]) <= CONTACT_IDS
    assert not any(PHONE_LIKE.search(step) for step in response["steps"])


def assert_contract(response: dict[str, Any], name: str) -> None:
    if response["ok"]:
        assert list(response) == ["ok", "calculator", "result", "steps", "contacts", "rules"]
        assert response["calculator"] == name
        assert all(isinstance(step, str) and step for step in response["steps"])
    else:
        assert list(response) == ["ok", "calculator", "errors"]
        assert response["calculator"] in (name, None)
        assert response["errors"]
        for error in response["errors"]:
            assert list(error) == ["field", "message"]
            assert error["field"] is None or isinstance(error["field"], str)
            assert isinstance(error["message"], str) and error["message"].endswith((".", "?"))
    json.dumps(response, ensure_ascii=False).encode("utf-8")


@gen.SETTINGS
@given(name=st.sampled_from(api.NAMES), payload=gen.near_valid_payloads())
def test_no_parsed_input_raises_and_every_response_keeps_the_contract(name: str,
                                                                      payload: Any) -> None:
    assert_contract(api.run(name, payload, today=datetime.date(2026, 11, 22)), name)


@gen.SETTINGS
@given(name=st.one_of(st.sampled_from(api.NAMES), st.text(max_size=5)),
       text=st.one_of(st.binary(max_size=200), st.text(max_size=200),
                      gen.json_values.map(lambda v: json.dumps(v, default=str))))
def test_no_text_raises_and_the_exit_code_is_0_or_2(name: str, text: str | bytes) -> None:
    code, output = api.run_json(name, text, today=datetime.date(2026, 11, 22))
    response = json.loads(output)
    assert code == (0 if response["ok"] else 2)
    assert_contract(response, name)


@gen.FEW
@given(name=st.sampled_from([*api.NAMES, "nope"]),
       stdin=st.one_of(st.binary(max_size=100),
                       gen.near_valid_payloads().map(
                           lambda v: json.dumps(v, default=str).encode("utf-8", "replace"))))
def test_the_command_line_only_ever_exits_0_or_2(name: str, stdin: bytes) -> None:
    done = subprocess.run([sys.executable, "-m", "calculators", name], input=stdin, cwd=ROOT,
                          env={}, capture_output=True, timeout=60)
    assert done.returncode in (0, 2)
    assert done.stderr == b""
    assert json.loads(done.stdout)["ok"] is (done.returncode == 0)
