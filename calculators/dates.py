"""Dates: writing them for people, and birthday arithmetic.

Birthdays and anniversaries follow one convention (``rules.toml``,
``[order_end.birthday_29_february]``, this site's own): a date that does not exist in the target
month (29 February in a common year, 31 April) moves to the first day of the next month. So a
child born on 29 February turns 18 on 1 March, and an order last reviewed on 29 February 2024
can be reviewed again on 1 March 2027. Ages in months count the same way.

This module imports nothing from the package but its language (calculators/i18n.py), so that
``calculators.rules`` can word its notes with :func:`long_date`; reading a date a person
entered, within the site's limits, is ``calculators.date_input``.
"""

from __future__ import annotations

import calendar
import datetime

from calculators.i18n import N_, _

MONTH_NAMES = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
               N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
               N_("December"))


def long_date(value: datetime.date) -> str:
    """A date as people write it, in the request's language: "May 1, 2028", "1 de mayo de
    2028" (no leading zero, no locale)."""
    return _("{month} {day}, {year}", month=_(MONTH_NAMES[value.month - 1]), day=value.day,
             year=value.year)


def add_months(start: datetime.date, months: int) -> datetime.date:
    """The same day of the month ``months`` later, or the first of the following month when
    that day does not exist (this site's 29 February convention, rules.toml)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if start.day <= calendar.monthrange(year, month)[1]:
        return datetime.date(year, month, start.day)
    return datetime.date(year, month, 1) + datetime.timedelta(
        days=calendar.monthrange(year, month)[1])


def add_years(start: datetime.date, years: int) -> datetime.date:
    """The anniversary ``years`` later: a birthday or a review date (29 February -> 1 March)."""
    return add_months(start, 12 * years)


def age_in_months(birth: datetime.date, on: datetime.date) -> int:
    """Completed months of age on ``on`` (on or after ``birth``), counting month-days as
    :func:`add_months` does."""
    months = (on.year - birth.year) * 12 + on.month - birth.month
    if add_months(birth, months) > on:
        months -= 1
    return months


def age(birth: datetime.date, on: datetime.date) -> tuple[int, int]:
    """Completed years and months of age on ``on``."""
    return divmod(age_in_months(birth, on), 12)


def is_29_february(value: datetime.date) -> bool:
    return (value.month, value.day) == (2, 29)
