"""One edition of Form 14's numbers: the Schedule of Basic Child Support Obligations and the
directions' tables, read from a data file inside the package.

The file in force on a date is named by ``rules.toml`` (``[support_amount.form14]``); the
edition in force from January 1, 2026 is ``form14_schedule_2026.toml``, whose header gives its
provenance and checks. The Supreme Court of Missouri adopted it with Form No. 14 by its order of
March 4, 2025 (Rule 88.01).

- :meth:`Edition.row` finds the schedule row for an income as the Line 5 direction says: the
  nearest income on the schedule, $25 and $75 rounded upward, the first row ("0-1300") covering
  every income up to its top. An income nearest the last row ($40,000 up to $40,024) takes it;
  an income past that (:meth:`Edition.beyond`) takes the last row too, this site's convention
  (``rules.toml``, ``[support_amount.above_schedule]``), and the steps say a court may decide
  on a different amount.
- :meth:`Edition.basic_amount` is the basic child support amount of a row for a number of
  children.
- :meth:`Edition.credit_percent`, :meth:`Edition.overnight_percent` and :meth:`Edition.limit` read
  the Line 6a child care tax credit table, the Line 11 overnight table and the Line 11 caveat's
  table of incomes (the self-support reserve's upper limits, footnote 2).

A malformed file stops with a message naming the file and the fix, like ``rules.toml``.
"""

from __future__ import annotations

import datetime
import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

SHOWN = 5  # rows named in a message about missing or misplaced rows


class ScheduleError(ValueError):
    """A schedule file does not have the shape the calculator relies on."""


@dataclass(frozen=True)
class Edition:
    """The numbers of one edition of Form 14, in whole dollars and whole percents."""

    file: str
    title: str
    citation: str
    adopted_by: str  # the order that adopted this edition, as a step names it
    presumed_by: str  # the rule that makes the Form 14 amount the presumed correct amount
    url: str
    effective: datetime.date
    first_label: str  # "0-1300": the first row covers every income up to first_top
    first_top: int
    step: int
    last_row: int
    children: int  # columns: 1 to this many children
    rows: dict[int, tuple[int, ...]]  # row income -> amounts for 1..children children
    credit_bands: tuple[tuple[int, int], ...]  # (lowest Line 1 income, percent), rising
    credit_cap_one: int
    credit_cap_more: int
    credit_under_age: int  # a child in care counts for the credit while under this age
    overnight_bands: tuple[tuple[int, int, int], ...]  # (fewest, most, percent)
    limits: tuple[int, ...]  # Line 11 caveat table, for 1..children children

    @property
    def max_overnights(self) -> int:
        return self.overnight_bands[-1][1]

    def nearest(self, income: int) -> int:
        """The schedule income nearest ``income`` whole dollars ($25 and $75 upward), at least
        the first row's top, whether or not the schedule goes that far."""
        whole, rest = divmod(income, self.step)
        return max((whole + (2 * rest >= self.step)) * self.step, self.first_top)

    def beyond(self, income: int) -> bool:
        """True when the income nearest ``income`` is above the schedule's last row."""
        return self.nearest(income) > self.last_row

    def row(self, income: int) -> int:
        """The row for ``income`` whole dollars (Line 5 direction); the last row for an income
        beyond it (:meth:`beyond`)."""
        return min(self.nearest(income), self.last_row)

    def label(self, row: int) -> str:
        """A row as the schedule prints it: "0-1300" for the first row, else "7500"."""
        return self.first_label if row == self.first_top else str(row)

    def basic_amount(self, row: int, children: int) -> int:
        """The basic child support amount of ``row`` for ``children`` children."""
        return self.rows[row][children - 1]

    def credit_percent(self, income: int) -> int:
        """The Line 6a child care tax credit percent for the receiving parent's Line 1."""
        percent = self.credit_bands[0][1]
        for lowest, band_percent in self.credit_bands:
            if income >= lowest:
                percent = band_percent
        return percent

    def overnight_percent(self, overnights: int) -> int:
        """The Line 11 adjustment percent for a number of overnights a year (0 to the most the
        table lists)."""
        return next(percent for fewest, most, percent in self.overnight_bands
                    if fewest <= overnights <= most)

    def limit(self, children: int) -> int:
        """The Line 11 caveat's income for ``children`` children."""
        return self.limits[children - 1]


def parse_edition(text: str, file: str) -> Edition:
    """Read and check the TOML text of a schedule file."""
    where = f"calculators/{file}"
    try:
        data = tomllib.loads(text)
        head = data["schedule"]
        credit = data["child_care_tax_credit"]
        edition = Edition(
            file=file, title=head["title"], citation=head["citation"],
            adopted_by=head["adopted_by"], presumed_by=head["presumed_by"], url=head["url"],
            effective=head["effective"], first_label=head["first_row"],
            first_top=head["first_row_top"], step=head["step"], last_row=head["last_row"],
            children=head["children"], rows=_rows(data["rows"], head, where),
            credit_bands=tuple((low, percent) for low, percent in credit["bands"]),
            credit_cap_one=credit["cap_one_child"], credit_cap_more=credit["cap_more_children"],
            credit_under_age=credit["children_under"],
            overnight_bands=tuple((low, high, percent) for low, high, percent
                                  in data["overnight_adjustment"]["bands"]),
            limits=tuple(data["self_support_limit"]["limits"]))
    except tomllib.TOMLDecodeError as error:
        raise ScheduleError(f"{where} is not valid TOML: {error}") from None
    except ScheduleError:
        raise
    except (KeyError, TypeError, ValueError) as error:
        raise ScheduleError(f"{where} lacks or misspells {error}: see the format described "
                            "at the top of the file") from None
    _check_tables(edition, where)
    return edition


def _rows(table: dict[str, Any], head: dict[str, Any], where: str
          ) -> dict[int, tuple[int, ...]]:
    """The rows, checked: every row from the first to the last, in order, one amount for each
    number of children, no amount smaller than the row before or than fewer children's."""
    expected = [head["first_row"]] + [str(income) for income in range(
        head["first_row_top"] + head["step"], head["last_row"] + 1, head["step"])]
    if list(table) != expected:
        missing = sorted(set(expected) - set(table), key=expected.index)
        extra = [key for key in table if key not in expected]
        raise ScheduleError(f"{where}: [rows] must list every row from {expected[0]} to "
                            f"{expected[-1]} in steps of {head['step']}, in order; missing "
                            f"{missing[:SHOWN]}, unexpected or out of place {extra[:SHOWN]}")
    rows: dict[int, tuple[int, ...]] = {}
    previous: tuple[int, ...] | None = None
    for key, amounts in table.items():
        income = head["first_row_top"] if key == head["first_row"] else int(key)
        if len(amounts) != head["children"] or any(type(a) is not int for a in amounts):
            raise ScheduleError(f"{where}: row {key} must have {head['children']} whole-dollar "
                                "amounts")
        if list(amounts) != sorted(amounts) or (
                previous and any(now < before for now, before in zip(amounts, previous))):
            raise ScheduleError(f"{where}: row {key} has an amount smaller than the row before "
                                "it or than for fewer children: check it against the schedule")
        rows[income] = previous = tuple(amounts)
    return rows


def _check_tables(edition: Edition, where: str) -> None:
    lows = [low for low, _ in edition.credit_bands]
    if not lows or lows[0] != 0 or lows != sorted(set(lows)):
        raise ScheduleError(f"{where}: [child_care_tax_credit] bands must start at 0 and rise")
    starts = [low for low, _, _ in edition.overnight_bands]
    follows = [high + 1 for _, high, _ in edition.overnight_bands]
    if starts[:1] != [0] or starts[1:] != follows[:-1] or starts != sorted(set(starts)):
        raise ScheduleError(f"{where}: [overnight_adjustment] bands must start at 0 and follow "
                            "each other without gaps")
    if len(edition.limits) != edition.children:
        raise ScheduleError(f"{where}: [self_support_limit] must give one income for each "
                            f"number of children, 1 to {edition.children}")


@functools.cache
def edition(file: str) -> Edition:
    """The edition in package data file ``file`` (read once)."""
    text = resources.files("calculators").joinpath(file).read_text(encoding="utf-8")
    return parse_edition(text, file)
