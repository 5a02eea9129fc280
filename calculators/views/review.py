"""When an order can next be reviewed, on the review calculator's page, with the change in
monthly support measured against the threshold the answer used."""

from __future__ import annotations

from typing import Any

from calculators import review
from calculators.views.common import Used, View, date
from calculators.wording import plural


def view(result: dict[str, Any], used: Used) -> View:
    """The date a routine review can be asked for, the wait, and whether the change reaches
    the threshold in force on the answer's ``as_of``."""
    when = date(result["next_review_date"])
    if result["eligible_now"]:
        sentence = "You can ask for a routine review now."
        wait = "None: you can ask now"
    else:
        days = plural(result["days_until_eligible"], "day")
        sentence = f"You can ask for a routine review from {when}, in {days}."
        wait = days
    facts = [["Next routine review from", when], ["Time to wait", wait]]
    if result["change_percent"] is not None:
        threshold = f"{used[review.THRESHOLD]}%"
        reaches = "Yes" if result["meets_20_percent"] else "No"
        facts += [["Change in monthly support", f"{result['change_percent']}%"],
                  [f"{threshold} or more", reaches]]
        sentence += (f" The change in monthly support is {result['change_percent']}%, "
                     + ("which is" if result["meets_20_percent"] else "which is less than")
                     + f" {threshold}" + (" or more." if result["meets_20_percent"] else "."))
    return {"answer": sentence, "facts": facts, "table": None}
