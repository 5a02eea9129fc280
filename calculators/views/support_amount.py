"""Form 14's presumed amount on the support_amount calculator's page: the amount in one
sentence, a summary to read aloud, the whole worksheet, and a link on to the review calculator."""

from __future__ import annotations

import datetime
from typing import Any

from calculators import money, review, rules
from calculators.i18n import _
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
    low, _dash, high = row.partition("-")
    shown = money.shown(int(low) * money.CENTS_PER_DOLLAR)
    if not high:
        return shown
    return _("{low} to {high}", low=shown, high=money.shown(int(high) * money.CENTS_PER_DOLLAR))


def summary(result: dict[str, Any]) -> list[str]:
    """What a parent can read aloud after the amount: who pays, each parent's share of the
    combined income, the schedule amount and, only where they apply, the children's costs, the
    overnight credit and the low-income calculation."""
    lines = result["lines"]
    schedule = result["schedule"]
    shares = lines["4"]
    said = [_("Form 14 has the parent paying support, the one with fewer overnights, pay it to "
              "the parent receiving support."),
            _("The parents' combined adjusted income is {combined} a month (Line 3): {paying}% "
              "of it is the paying parent's and {receiving}% the receiving parent's (Line 4).",
              combined=dollars(lines["3"]["combined"]), paying=shares["paying"],
              receiving=shares["receiving"])]
    if lines["5"]["combined"] is not None:
        said.append(_("The schedule in force from {since} gives {amount} a month for {children} "
                      "at a combined income of {row} (Line 5).",
                      since=date(schedule["effective"]), amount=dollars(lines["5"]["combined"]),
                      children=number_of_children(schedule["children"]),
                      row=_row(schedule["row"])))
    if money.parse_cents(lines["7"]["combined"]) and lines["9"]["paying"] is not None:
        said.append(_("With the children's costs added (Line 8), the paying parent's {share}% "
                      "share is {amount} a month (Line 9).", share=shares["paying"],
                      amount=dollars(lines["9"]["paying"])))
    if money.parse_cents(lines["10"]["paying"]):
        said.append(_("The {amount} a month of those costs that the paying parent already pays "
                      "is taken off (Line 10).", amount=dollars(lines["10"]["paying"])))
    overnight = lines["11"]
    low = result["low_income_calculation"]
    if overnight["percent"] and overnight["allowed"]:
        said.append(_("The paying parent's overnights give a credit of {percent}% of the "
                      "schedule amount: {amount} a month is taken off (Line 11).",
                      percent=overnight["percent"], amount=dollars(overnight["paying"])))
    elif overnight["percent"]:
        said.append(_("The overnight credit ({percent}% of the schedule amount) is not given, "
                      "because the receiving parent's adjusted income is not above {limit} "
                      "(Line 11).", percent=overnight["percent"], limit=dollars(low["limit"])))
    if low["made"] and low["decided"]:
        said.append(_("The paying parent's adjusted income is at or below {limit}, so the "
                      "low-income calculation was made: it gives the lower amount, {amount}, "
                      "which is the one presumed.", limit=dollars(low["limit"]),
                      amount=dollars(low["line_12"])))
    elif low["made"]:
        said.append(_("The paying parent's adjusted income is at or below {limit}, so the "
                      "low-income calculation was made too: it gives {amount}, which is not "
                      "lower, so Line 12 stands.", limit=dollars(low["limit"]),
                      amount=dollars(low["line_12"])))
    if result["beyond_schedule"] and result["presumed_amount"] is not None:
        said.append(_("The parents' combined income is above the schedule's last row, {row}, "
                      "so Form 14 is worked out with that row: a court may decide on a "
                      "different amount (see the steps).", row=_row(schedule["row"])))
    for item in result["increments"] or []:
        amount = item["presumed_amount"]
        children = number_of_children(item["children"])
        said.append(_("For {children}, the court sets the amount.", children=children)
                    if amount is None else
                    _("For {children}, Form 14 presumes {amount} a month.", children=children,
                      amount=dollars(amount)))
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
        answer = _("The parents' combined income is above the schedule's last row: the court "
                   "sets the amount.")
    else:
        answer = _("Form 14 presumes {amount} a month of child support; the court decides the "
                   "amount it orders.", amount=dollars(presumed))
    effective = date(result["schedule"]["effective"])
    table = {"caption": _("Form 14 worksheet, with the schedule in force from {since}: each "
                          "line, as numbered on the form", since=effective),
             "head": [_("Line"), _("Parent receiving support"), _("Parent paying support"),
                      _("Combined")],
             "rows": rows,
             "foot": [_("Presumed child support amount"), "",
                      _("Set by the court") if presumed is None else dollars(presumed), ""],
             "closed": _("Every line of Form 14")}
    follow = None
    if presumed is not None:
        # The linked calculator works from today, with the threshold in force today.
        threshold = rules.at(review.THRESHOLD, datetime.date.today()).number()
        follow = FollowUp(_("Compare {amount} with your current order: the review calculator "
                            "checks if the change is {threshold}% or more",
                            amount=dollars(presumed), threshold=threshold),
                          "review", {"estimated_new_monthly": presumed})
    return {"answer": answer, "summary": summary(result), "facts": [],
            "table": table, "follow": follow}
