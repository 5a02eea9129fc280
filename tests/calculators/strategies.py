"""Hypothesis settings and input generators shared by the calculators' property tests.

Settings: 200 examples a property by default (the whole calculators suite stays well under a
minute on two cores). With ``CI`` set, the run is derandomized (a fixed seed), so that CI
failures reproduce exactly; locally each run explores new examples and Hypothesis' database
replays past failures first. ``deadline=None``: timings are never asserted in tests.
"""

from __future__ import annotations

import datetime
import os
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=200, deadline=None, derandomize=bool(os.environ.get("CI")),
                    suppress_health_check=[HealthCheck.too_slow])
FEW = settings(SETTINGS, max_examples=25)  # for properties that start a process per example

MAX_CENTS = 1_000_000_000

cents = st.integers(min_value=0, max_value=MAX_CENTS)
small_cents = st.integers(min_value=0, max_value=100_000)


def money_text(value: int) -> str:
    return f"{value // 100}.{value % 100:02d}"


money_json = st.one_of(
    cents.map(money_text),
    cents.filter(lambda c: c % 100 == 0).map(lambda c: c // 100),
    cents.map(lambda c: Decimal(c).scaleb(-2)),
)

orders = st.lists(
    st.fixed_dictionaries({"current_due": st.one_of(small_cents, cents),
                           "past_due": st.one_of(small_cents, cents)}),
    min_size=1, max_size=12)
orders_json = orders.map(lambda entries: [{key: money_text(value) for key, value in entry.items()}
                                          for entry in entries])

dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2199, 12, 31))
recent_dates = st.dates(min_value=datetime.date(1990, 1, 1),
                        max_value=datetime.date(2060, 12, 31))


@st.composite
def order_end_inputs(draw: st.DrawFn) -> dict[str, Any]:
    """Valid order_end input: every combination of schooling, completion, incapacity and
    events, with dates on or after the birth."""
    birth = draw(recent_dates)
    later = st.dates(min_value=birth, max_value=birth + datetime.timedelta(days=40 * 366))
    as_of = draw(st.dates(min_value=birth, max_value=datetime.date(2199, 12, 31)))
    schooling = draw(st.sampled_from(["none", "secondary", "post_secondary"]))
    payload: dict[str, Any] = {"child_birth_date": birth.isoformat(),
                               "as_of": as_of.isoformat(), "schooling": schooling,
                               "incapacitated": draw(st.booleans())}
    if schooling != "none" and draw(st.booleans()):
        payload["expected_completion"] = draw(later).isoformat()
    payload["events"] = {name: draw(st.one_of(st.none(), later.map(datetime.date.isoformat)))
                         for name in ("died", "married", "military", "self_supporting")}
    return payload


@st.composite
def review_inputs(draw: st.DrawFn) -> dict[str, Any]:
    last = draw(recent_dates)
    as_of = draw(st.dates(min_value=last, max_value=datetime.date(2199, 12, 31)))
    payload: dict[str, Any] = {"last_review_date": last.isoformat(), "as_of": as_of.isoformat()}
    if draw(st.booleans()):
        payload["current_monthly"] = money_text(draw(cents.filter(bool)))
        payload["estimated_new_monthly"] = money_text(draw(cents))
    return payload


json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
    st.decimals(allow_nan=False, allow_infinity=False), st.text(max_size=30),
    st.sampled_from(["", " ", "2026-02-29", "2024-02-29", "1e400", "-0", "$1,000", "0.005",
                     "10000000.00", "10000000.01", "\ud800", "2026-W01-1", "20260105"]))
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=20)


def field_names() -> st.SearchStrategy[str]:
    return st.sampled_from(["payment", "orders", "id", "current_due", "past_due",
                            "child_birth_date", "as_of", "schooling", "expected_completion",
                            "incapacitated", "events", "married", "died", "military",
                            "self_supporting", "last_review_date", "current_monthly",
                            "estimated_new_monthly"])


@st.composite
def near_valid_payloads(draw: st.DrawFn) -> Any:
    """Objects with the calculators' own field names and arbitrary values, nested the way the
    real input is, so that generated input reaches every field's reader."""
    names = field_names()
    item = st.dictionaries(names, json_values, max_size=4)
    value = st.one_of(json_values, st.lists(item, max_size=3), item)
    return draw(st.one_of(json_values, st.dictionaries(names, value, max_size=6)))
