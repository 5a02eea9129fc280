"""When an order can next be reviewed, on the review calculator's page, with the change in
monthly support measured against the threshold the answer used."""

from __future__ import annotations

from typing import Any

from calculators import review
from calculators.i18n import _, ngettext
from calculators.views.common import Used, View, date


def view(result: dict[str, Any], used: Used) -> View:
    """The date a routine review can be asked for, the wait, and whether the change reaches
    the threshold in force on the answer's ``as_of``."""
    when = date(result["next_review_date"])
    if result["eligible_now"]:
        sentence = _("You can ask for a routine review now.")
        wait = _("None: you can ask now")
    else:
        days = ngettext("{number} day", "{number} days", result["days_until_eligible"])
        sentence = _("You can ask for a routine review from {date}, in {days}.", date=when,
                     days=days)
        wait = days
    facts = [[_("Next routine review from"), when], [_("Time to wait"), wait]]
    if result["change_percent"] is not None:
        threshold = used[review.THRESHOLD]
        reaches = _("Yes") if result["meets_20_percent"] else _("No")
        facts += [[_("Change in monthly support"), f"{result['change_percent']}%"],
                  [_("{threshold}% or more", threshold=threshold), reaches]]
        sentence += " " + (
            _("The change in monthly support is {change}%, which is {threshold}% or more.",
              change=result["change_percent"], threshold=threshold)
            if result["meets_20_percent"] else
            _("The change in monthly support is {change}%, which is less than {threshold}%.",
              change=result["change_percent"], threshold=threshold))
    return {"answer": sentence, "facts": facts, "table": None}
