"""Dates: strict reading, long dates for people, and the 29 February convention (rules.toml,
[order_end.birthday_29_february])."""

from __future__ import annotations

import datetime

import pytest

from calculators import date_input, dates

D = datetime.date


@pytest.mark.parametrize("text", ["2026-01-05", "1900-01-01", "2199-12-31", "2024-02-29"])
def test_real_dates_in_range_are_read(text: str) -> None:
    assert date_input.parse_date(text) == D.fromisoformat(text)


@pytest.mark.parametrize(("text", "problem"), [
    ("20260105", "format"), ("2026-W01-1", "format"), ("2026-1-05", "format"),
    ("2026-01-05T00:00", "format"), ("２０２６-01-05", "format"), ("2026-01-05\n", "format"),
    ("2026-02-29", "calendar"), ("2026-13-01", "calendar"), ("2026-00-10", "calendar"),
    ("0000-01-01", "calendar"), ("2026-04-31", "calendar"),
    ("1899-12-31", "range"), ("2200-01-01", "range"), ("9999-12-31", "range"),
])
def test_other_text_is_refused_with_the_problem(text: str, problem: str) -> None:
    with pytest.raises(date_input.InvalidDate) as refused:
        date_input.parse_date(text)
    assert refused.value.args[0] == problem


def test_long_dates_have_no_leading_zero_and_no_locale() -> None:
    assert dates.long_date(D(2028, 5, 1)) == "May 1, 2028"
    assert dates.long_date(D(2026, 11, 22)) == "November 22, 2026"
    assert [dates.long_date(D(2026, m, 1)).split()[0] for m in (1, 2, 9, 12)] == [
        "January", "February", "September", "December"]


def test_a_birthday_on_29_february_falls_on_1_march_in_common_years() -> None:
    born = D(2008, 2, 29)
    assert dates.add_years(born, 18) == D(2026, 3, 1)
    assert dates.add_years(born, 21) == D(2029, 3, 1)
    assert dates.add_years(born, 4) == D(2012, 2, 29)
    assert dates.add_years(D(2024, 2, 29), 3) == D(2027, 3, 1)
    assert dates.add_years(D(2010, 5, 1), 18) == D(2028, 5, 1)


def test_months_that_lack_the_day_move_to_the_first_of_the_next_month() -> None:
    assert dates.add_months(D(2010, 1, 31), 1) == D(2010, 3, 1)
    assert dates.add_months(D(2010, 1, 31), 3) == D(2010, 5, 1)
    assert dates.add_months(D(2010, 1, 31), 2) == D(2010, 3, 31)
    assert dates.add_months(D(2010, 12, 15), 1) == D(2011, 1, 15)
    assert dates.add_months(D(2012, 1, 30), 1) == D(2012, 3, 1)


def test_age_counts_completed_years_and_months_by_the_same_convention() -> None:
    assert dates.age(D(2010, 5, 1), D(2028, 5, 1)) == (18, 0)
    assert dates.age(D(2010, 5, 1), D(2028, 4, 30)) == (17, 11)
    assert dates.age(D(2008, 11, 10), D(2027, 5, 21)) == (18, 6)
    assert dates.age(D(2008, 2, 29), D(2026, 2, 28)) == (17, 11)
    assert dates.age(D(2008, 2, 29), D(2026, 3, 1)) == (18, 0)
    assert dates.age(D(2010, 1, 31), D(2027, 2, 28)) == (17, 0)
    assert dates.age(D(2010, 1, 31), D(2027, 3, 1)) == (17, 1)
    assert dates.age(D(2010, 1, 31), D(2010, 1, 31)) == (0, 0)
    assert dates.age(D(2010, 1, 31), D(2010, 2, 1)) == (0, 0)


def test_29_february_is_recognised() -> None:
    assert dates.is_29_february(D(2024, 2, 29))
    assert not dates.is_29_february(D(2024, 3, 1))
