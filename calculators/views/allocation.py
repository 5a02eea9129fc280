"""The allocation's result on its page: where the payment goes, and the split order by order."""

from __future__ import annotations

from typing import Any

from calculators import money
from calculators.i18n import _
from calculators.views.common import Used, View, dollars


def view(result: dict[str, Any], used: Used) -> View:
    """One sentence for current and past-due support (and what is left over), and the table of
    the split."""
    current, past = result["to_current_total"], result["to_past_due_total"]
    left = money.parse_cents(result["unallocated"])
    sentence = _("{current} of the payment goes to current support and {past} to past-due "
                 "support.", current=dollars(current), past=dollars(past))
    facts = []
    if left:
        sentence += " " + _("{left} is left over after all the support owed on these orders.",
                            left=dollars(result["unallocated"]))
        facts.append([_("Left over"), dollars(result["unallocated"])])
    total = money.parse_cents(current) + money.parse_cents(past)
    table = {
        "caption": _("How the payment is split"),
        "head": [_("Order"), _("Current support"), _("Past-due support"), _("Total")],
        "rows": [[order["id"], dollars(order["to_current"]), dollars(order["to_past_due"]),
                  dollars(order["total"])] for order in result["orders"]],
        "foot": [_("All orders"), dollars(current), dollars(past), money.shown(total)],
        "closed": None,
    }
    return {"answer": sentence, "facts": facts, "table": table}
