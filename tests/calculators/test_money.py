"""Money: exact reading of amounts, two-decimal writing, and the largest-remainder split
(calculators/CONTRACT.md, JSON contract and allocation step 5)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import money


@pytest.mark.parametrize(("value", "cents"), [
    ("0", 0), ("0.00", 0), ("1000", 100000), ("1000.5", 100050), ("1000.50", 100050),
    (" 433.33 ", 43333), ("10000000.00", 1_000_000_000), ("007.10", 710),
    (0, 0), (700, 70000), (Decimal("433.33"), 43333), (Decimal("1E+2"), 10000),
    (Decimal("100.500"), 10050), (Decimal("-0"), 0), (Decimal("0E+1000000000"), 0),
    (Decimal("1." + "0" * 5000), 100), (Decimal("5E-2"), 5), (0.1, 10), (1234.56, 123456),
])
def test_accepted_amounts_are_read_as_exact_cents(value: object, cents: int) -> None:
    assert money.parse_cents(value) == cents


@pytest.mark.parametrize(("value", "problem"), [
    (True, "type"), (False, "type"), (None, "type"), ([1], "type"), ({"a": 1}, "type"),
    (Decimal("NaN"), "type"), (Decimal("Infinity"), "type"), (float("nan"), "type"),
    (float("inf"), "type"),
    ("$1,000", "format"), ("1,000", "format"), ("abc", "format"), ("1.2.3", "format"),
    ("1e5", "format"), (".5", "format"), ("5.", "format"), ("٣", "format"), ("", "format"),
    ("-5", "negative"), ("-5.00", "negative"), ("- 1,000", "negative"),
    (-1, "negative"), (Decimal("-0.01"), "negative"),
    ("10.005", "decimals"), ("1.000", "decimals"), (Decimal("0.001"), "decimals"),
    (Decimal("1E-999999999999999999"), "decimals"), (Decimal("1." + "0" * 5000 + "1"), "decimals"),
    (0.001, "decimals"),
    ("10000000.01", "range"), (Decimal("1E+400"), "range"),
    (Decimal("9" * 5000), "range"), ("9" * 5000, "range"), (1e300, "range"),
])
def test_refused_amounts_say_which_problem(value: object, problem: str) -> None:
    with pytest.raises(money.InvalidMoney) as refused:
        money.parse_cents(value)
    assert refused.value.args[0] == problem


def test_an_integer_too_long_for_str_is_refused_as_too_large() -> None:
    # Python refuses to turn ints of over 4,300 digits into text; the amount is never printed.
    with pytest.raises(money.InvalidMoney) as refused:
        money.parse_cents(10**5000)
    assert refused.value.args[0] == "range"


def test_money_is_written_with_exactly_two_decimals_and_steps_with_separators() -> None:
    assert [money.amount(c) for c in (0, 5, 43333, 100000)] == ["0.00", "0.05", "433.33",
                                                               "1000.00"]
    assert money.dollars(100000) == "$1,000.00"
    assert money.dollars(43333) == "$433.33"
    assert money.dollars(1_000_000_000) == "$10,000,000.00"
    assert money.dollars(7) == "$0.07"


def test_split_design_examples() -> None:
    # CONTRACT.md: 100.00 over three orders of 100.00 gives 33.34, 33.33, 33.33.
    assert money.split(10000, [10000, 10000, 10000]) == ([3334, 3333, 3333], [0])
    # CONTRACT.md: the 200.00 left after current support splits 1000:500 as 133.33 and 66.67.
    assert money.split(20000, [100000, 0, 50000]) == ([13333, 0, 6667], [2])


def test_split_gives_leftover_cents_to_the_largest_remainders_first() -> None:
    # Exact shares 142.857, 285.714, 571.428 cents: the two largest fractions win.
    assert money.split(1000, [100, 200, 400]) == ([143, 286, 571], [0, 1])


def test_split_breaks_equal_remainders_by_the_larger_amount_owed_then_position() -> None:
    # Exact shares 0.5 and 1.5 cents: equal fractions, so the larger amount owed wins.
    assert money.split(2, [100, 300]) == ([0, 2], [1])
    assert money.split(2, [300, 100]) == ([2, 0], [0])
    # Equal amounts owed: the earlier order wins.
    assert money.split(1, [100, 100]) == ([1, 0], [0])
    assert money.split(2, [100, 100, 100]) == ([1, 1, 0], [0, 1])


def test_split_of_everything_or_nothing_needs_no_leftover() -> None:
    assert money.split(0, [5, 7]) == ([0, 0], [])
    assert money.split(12, [5, 7]) == ([5, 7], [])


def test_shown_writes_cents_only_where_they_are_not_zero() -> None:
    assert money.shown(650_000) == "$6,500"
    assert money.shown(101_800) == "$1,018"
    assert money.shown(43_333) == "$433.33"
    assert money.shown(5) == "$0.05"
    assert money.shown(0) == "$0"
