"""Form 14's presumed amount on the support_amount calculator's page: the amount in one
sentence, a summary to read aloud, the whole worksheet, and a link on to the review calculator."""

from __future__ import annotations

import datetime
from typing import Any

from calculators import money, review, rules
from calculators.views.common import FollowUp, Used, View, date, dollars
from calculators.wording import number_of_children


# Form 14's line keys as the form prints them: "2c1" is Line 2c(1).
def line_number(key: str) -> str:
    """A line key of the support_amount result as Form 14 numbers it: "6a1" -> "6a(1)"."""
    if len(key) > 2 and key[-1].isdigit() and key[-2].isalpha():
        return f"{key[:-1]}({key[-1]})"
    return key


def _line_cell(key: str, value: Any) -> str:
    """One figure of the worksheet: money, Line 4's percent, Line 2c(1)'s count, or nothing
    where Form 14 has no figure."""
    if value is None:
        return ""
    if key == "4":
        return f"{value}%"
    if key == "2c1":
        return str(value)
    return dollars(value)


def _row(row: str) -> str:
    """A schedule row as money: "6500" -> "$6,500", "0-1300" -> "$0 to $1,300"."""
    low, _, high = row.partition("-")
    shown = money.shown(int(low) * money.CENTS_PER_DOLLAR)
    return f"{shown} to {money.shown(int(high) * money.CENTS_PER_DOLLAR)}" if high else shown


def summary(result: dict[str, Any]) -> list[str]:
    """What a parent can read aloud after the amount: who pays, each parent's share of the
    combined income, the schedule amount and, only where they apply, the children's costs, the
    overnight credit and the low-income calculation."""
    lines = result["lines"]
    schedule = result["schedule"]
    shares = lines["4"]
    said = ["Form 14 has the parent paying support, the one with fewer overnights, pay it to "
            "the parent receiving support.",
            f"The parents' combined adjusted income is {dollars(lines['3']['combined'])} a "
            f"month (Line 3): {shares['paying']}% of it is the paying parent's and "
            f"{shares['receiving']}% the receiving parent's (Line 4)."]
    if lines["5"]["combined"] is not None:
        said.append(f"The schedule in force from {date(schedule['effective'])} gives "
                    f"{dollars(lines['5']['combined'])} a month for "
                    f"{number_of_children(schedule['children'])} at a combined income of "
                    f"{_row(schedule['row'])} (Line 5).")
    if money.parse_cents(lines["7"]["combined"]) and lines["9"]["paying"] is not None:
        said.append(f"With the children's costs added (Line 8), the paying parent's "
                    f"{shares['paying']}% share is {dollars(lines['9']['paying'])} a month "
                    "(Line 9).")
    if money.parse_cents(lines["10"]["paying"]):
        said.append(f"The {dollars(lines['10']['paying'])} a month of those costs that the "
                    "paying parent already pays is taken off (Line 10).")
    overnight = lines["11"]
    low = result["low_income_calculation"]
    if overnight["percent"] and overnight["allowed"]:
        said.append(f"The paying parent's overnights give a credit of {overnight['percent']}% "
                    f"of the schedule amount: {dollars(overnight['paying'])} a month is taken "
                    "off (Line 11).")
    elif overnight["percent"]:
        said.append(f"The overnight credit ({overnight['percent']}% of the schedule amount) is "
                    "not given, because the receiving parent's adjusted income is not above "
                    f"{dollars(low['limit'])} (Line 11).")
    if low["made"] and low["decided"]:
        said.append(f"The paying parent's adjusted income is at or below "
                    f"{dollars(low['limit'])}, so the low-income calculation was made: it gives "
                    f"the lower amount, {dollars(low['line_12'])}, which is the one presumed.")
    elif low["made"]:
        said.append(f"The paying parent's adjusted income is at or below "
                    f"{dollars(low['limit'])}, so the low-income calculation was made too: it "
                    f"gives {dollars(low['line_12'])}, which is not lower, so Line 12 stands.")
    if result["beyond_schedule"] and result["presumed_amount"] is not None:
        said.append("The parents' combined income is above the schedule's last row, "
                    f"{_row(schedule['row'])}, so Form 14 is worked out with that row: a court "
                    "may decide on a different amount (see the steps).")
    for item in result["increments"] or []:
        amount = item["presumed_amount"]
        said.append(f"For {number_of_children(item['children'])}, "
                    + ("the court sets the amount." if amount is None else
                       f"Form 14 presumes {dollars(amount)} a month."))
    return said


def view(result: dict[str, Any], used: Used) -> View:
    """The presumed amount in one sentence that keeps the law's meaning (Rule 88.01: the amount
    is presumed correct, and the court decides), a summary to read aloud, and the whole Form 14
    worksheet, closed until opened: one row a line, numbered and labelled as on the form, with
    the receiving parent's, the paying parent's and the combined column; and a link to the
    review calculator with the amount filled in, for the 20 percent comparison."""
    lines = result["lines"]
    rows = [[f"{line_number(key)}. {line['label']}",
             *(_line_cell(key, line[column]) for column in ("receiving", "paying", "combined"))]
            for key, line in lines.items()]
    presumed = result["presumed_amount"]
    if presumed is None:
        answer = ("The parents' combined income is above the schedule's last row: the court "
                  "sets the amount.")
    else:
        answer = (f"Form 14 presumes {dollars(presumed)} a month of child support; the court "
                  "decides the amount it orders.")
    effective = date(result["schedule"]["effective"])
    table = {"caption": (f"Form 14 worksheet, with the schedule in force from {effective}: "
                         "each line, as numbered on the form"),
             "head": ["Line", "Parent receiving support", "Parent paying support", "Combined"],
             "rows": rows,
             "foot": ["Presumed child support amount", "",
                      "Set by the court" if presumed is None else dollars(presumed), ""],
             "closed": "Every line of Form 14"}
    follow = None
    if presumed is not None:
        # The linked calculator works from today, with the threshold in force today.
        threshold = rules.at(review.THRESHOLD, datetime.date.today()).number()
        follow = FollowUp(f"Compare {dollars(presumed)} with your current order: the review "
                          f"calculator checks if the change is {threshold}% or more",
                          "review", {"estimated_new_monthly": presumed})
    return {"answer": answer, "summary": summary(result), "facts": [],
            "table": table, "follow": follow}
