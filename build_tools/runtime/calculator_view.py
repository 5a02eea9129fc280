"""What a calculator page shows for a response: a one-sentence answer, a few labelled facts and,
for the allocation, a table. Dates and money are written the way the steps write them.

This module is shipped in the calculators wheel (as the top-level module ``calculator_view``)
and runs in the browser's worker after each calculation; the site build runs the same function
for the worked examples. The page's script then only places text into elements: it holds no
rule and no wording of its own. It imports nothing but the standard library and
``calculators``, because it must run under Pyodide.

The view of a successful response::

    {"answer": "...", "facts": [["label", "value"], ...],
     "table": {"caption", "head": [...], "rows": [[...], ...], "foot": [...]} or null}

A response with errors has no view (``None``): the page shows the errors themselves.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from calculators import api, money, order_end, review
from calculators.dates import long_date
from calculators.wording import plural

View = dict[str, Any]


def respond(name: str | None, text: str | bytes) -> str:
    """Run a calculator on JSON ``text`` and return, as JSON text, ``{"code", "response",
    "view"}``: ``response`` is exactly the text ``calculators.api.run_json`` writes (the JSON
    contract), inserted unchanged."""
    code, response = api.run_json(name, text)
    shown = view(json.loads(response))
    return f'{{"code": {code}, "response": {response}, "view": {json.dumps(shown)}}}'


def view(response: dict[str, Any]) -> View | None:
    """The answer, facts and table for a successful response; None for one with errors."""
    if not response.get("ok"):
        return None
    make = {"allocation": _allocation, "order_end": _order_end, "review": _review,
            "support_amount": _support_amount}
    return make[response["calculator"]](response["result"])


def _dollars(amount: str) -> str:
    return money.dollars(money.parse_cents(amount))


def _date(iso: str) -> str:
    return long_date(datetime.date.fromisoformat(iso))


def _allocation(result: dict[str, Any]) -> View:
    current, past = result["to_current_total"], result["to_past_due_total"]
    left = money.parse_cents(result["unallocated"])
    sentence = (f"{_dollars(current)} of the payment goes to current support and "
                f"{_dollars(past)} to past-due support.")
    facts = []
    if left:
        sentence += (f" {_dollars(result['unallocated'])} is left over after all the support "
                     "owed on these orders.")
        facts.append(["Left over", _dollars(result["unallocated"])])
    total = money.parse_cents(current) + money.parse_cents(past)
    table = {
        "caption": "How the payment is split",
        "head": ["Order", "Current support", "Past-due support", "Total"],
        "rows": [[order["id"], _dollars(order["to_current"]), _dollars(order["to_past_due"]),
                  _dollars(order["total"])] for order in result["orders"]],
        "foot": ["All orders", _dollars(current), _dollars(past), money.dollars(total)],
    }
    return {"answer": sentence, "facts": facts, "table": table}


def _reason(code: str) -> str:
    """The reason code of order_end in words."""
    events = {event.name: event.what for event in order_end.EVENTS}
    if code in events:
        return events[code]
    return {
        "age_18": f"The child's {order_end.ORDINAL_18} birthday",
        "age_21": f"The child's {order_end.ORDINAL_21} birthday",
        "education_completed": "The child finishes school",
        "court_decides": "The child is incapacitated: the court decides",
    }[code]


def _order_end(result: dict[str, Any]) -> View:
    end = result["end_date"]
    reason = _reason(result["reason"])
    if end is None:
        return {"answer": "By the general rule there is no end date: the court decides.",
                "facts": [["Why", reason]], "table": None}
    verb = "ended" if result["already_ended"] else "ends"
    age = result["age_at_end"]
    return {
        "answer": f"By the general rule, support {verb} on {_date(end)}.",
        "facts": [["End date", _date(end)], ["Why", reason],
                  ["Child's age then", f"{plural(age['years'], 'year')} and "
                                       f"{plural(age['months'], 'month')}"]],
        "table": None,
    }


def _review(result: dict[str, Any]) -> View:
    when = _date(result["next_review_date"])
    if result["eligible_now"]:
        sentence = "You can ask for a routine review now."
        wait = "None: you can ask now"
    else:
        days = plural(result["days_until_eligible"], "day")
        sentence = f"You can ask for a routine review from {when}, in {days}."
        wait = days
    facts = [["Next routine review from", when], ["Time to wait", wait]]
    if result["change_percent"] is not None:
        threshold = f"{review.THRESHOLD_PERCENT}%"
        reaches = "Yes" if result["meets_20_percent"] else "No"
        facts += [["Change in monthly support", f"{result['change_percent']}%"],
                  [f"{threshold} or more", reaches]]
        sentence += (f" The change in monthly support is {result['change_percent']}%, "
                     + ("which is" if result["meets_20_percent"] else "which is less than")
                     + f" {threshold}" + (" or more." if result["meets_20_percent"] else "."))
    return {"answer": sentence, "facts": facts, "table": None}


def _support_amount(result: dict[str, Any]) -> View:
    """The presumed amount and the worksheet, one row a line, both parents' columns and the
    combined one (a first view: the calculator's page may show more)."""
    def cell(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, str) and "." in value and value.endswith(".00"):
            return _dollars(value)
        return f"{value}%" if isinstance(value, str) else str(value)
    lines = result["lines"]
    rows = [[f"{key}. {line['label']}", cell(line["receiving"]), cell(line["paying"]),
             cell(line["combined"])] for key, line in lines.items()]
    facts = [["Schedule in force from", _date(result["schedule"]["effective"])]]
    if result["presumed_amount"] is None:
        answer = ("The parents' combined income is above the schedule's last row: the court "
                  "sets the amount.")
    else:
        answer = (f"The presumed child support amount is {_dollars(result['presumed_amount'])} "
                  "a month.")
        facts.append(["Low-income calculation decided it",
                      "Yes" if result["low_income_calculation"]["decided"] else "No"])
    for item in result["increments"] or []:
        amount = item["presumed_amount"]
        count = item["children"]
        facts.append([f"For {count} {'child' if count == 1 else 'children'}",
                      "Set by the court" if amount is None else _dollars(amount)])
    table = {"caption": "Form 14 worksheet", "head": ["Line", "Parent receiving support",
                                                      "Parent paying support", "Combined"],
             "rows": rows,
             "foot": ["Presumed child support amount", "",
                      "Set by the court" if result["presumed_amount"] is None
                      else _dollars(result["presumed_amount"]), ""]}
    return {"answer": answer, "facts": facts, "table": table}
