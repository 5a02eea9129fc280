"""What a calculator page shows for a response: a one-sentence answer, a few labelled facts, for
some a table (the allocation's split, Form 14's worksheet) and, where a result leads on to
another calculator, a follow-up link to it with the figures filled in. Dates and money are
written the way the steps write them.

This module is shipped in the calculators wheel (as the top-level module ``calculator_view``)
and runs in the browser's worker after each calculation; the site build runs the same function
for the worked examples. The page's script then only places text into elements: it holds no
rule and no wording of its own. It imports nothing but the standard library and
``calculators``, because it must run under Pyodide.

The view of a successful response::

    {"answer": "...", "summary": ["sentence", ...], "facts": [["label", "value"], ...],
     "table": {"caption", "head": [...], "rows": [[...], ...], "foot": [...] or null,
               "closed": "Every line of Form 14" or null} or null,
     "follow": {"text", "href"} or null}

The answer is one sentence; ``summary`` a few more a parent can read aloud (Form 14: who
pays, each parent's share, the schedule amount, the overnight credit and the low-income
calculation where they apply); ``facts`` labelled details; a table with ``closed`` is shown
inside a disclosure with that text, closed until opened (and open when printed). Money is
written as money, "$1,018", with cents only where they are not zero (:func:`calculators.money.shown`).

``follow.href`` is relative to the calculator's own page (``../review/#input=...``, made by
``page_href`` and ``input_fragment``); the site build checks that it names a calculator page.

A response with errors has no view (``None``): the page shows the errors themselves.
"""

from __future__ import annotations

import datetime
import json
import string
from collections.abc import Callable
from functools import partial
from typing import Any

from calculators import api, money, order_end, review, rules
from calculators.dates import long_date
from calculators.rules import Book
from calculators.wording import number_of_children, ordinal, plural

View = dict[str, Any]
Used = dict[str, Any]  # each rule the answer used ("rules"), with the value it used

# Characters a percent-encoded #input= keeps as they are (urllib.parse.quote with safe="").
_UNENCODED = frozenset(string.ascii_letters + string.digits + "_.-~")


def input_fragment(payload: Any) -> str:
    """``#input=<percent-encoded JSON>``: what a calculator page reads from its address (the
    contract's links; the same as ``urllib.parse.quote(text, safe="")``, without importing it
    into the browser's trimmed standard library)."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return "#input=" + "".join(
        char if char in _UNENCODED else "".join(f"%{byte:02X}" for byte in char.encode())
        for char in text)


def page_href(name: str) -> str:
    """The link from one calculator's page to calculator ``name``'s: the pages are siblings,
    named after their calculator (``order_end`` is ``../order-end/``)."""
    return "../" + name.replace("_", "-") + "/"


def _children(count: int) -> str:
    return number_of_children(count)


def respond(name: str | None, text: str | bytes) -> str:
    """Run a calculator on JSON ``text`` and return, as JSON text, ``{"code", "response",
    "view"}``: ``response`` is exactly the text ``calculators.api.run_json`` writes (the JSON
    contract), inserted unchanged."""
    code, response = api.run_json(name, text)
    shown = view(json.loads(response))
    return f'{{"code": {code}, "response": {response}, "view": {json.dumps(shown)}}}'


def view(response: dict[str, Any], book: Book = rules.RULES) -> View | None:
    """The answer, facts and table for a successful response; None for one with errors. A
    rule's value in the words is the one the answer used, found by the date its ``"rules"``
    names in ``book`` (rules.toml unless a test gives others)."""
    if not response.get("ok"):
        return None
    used = {key: rules.value_used(key, effective, book)
            for key, effective in response["rules"].items()}
    make: dict[str, Callable[[dict[str, Any]], View]] = {
        "allocation": _allocation, "order_end": partial(_order_end, used=used),
        "review": partial(_review, used=used), "support_amount": _support_amount}
    return {"summary": [], "follow": None, **make[response["calculator"]](response["result"])}


def _dollars(amount: str) -> str:
    return money.shown(money.parse_cents(amount))


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
        "foot": ["All orders", _dollars(current), _dollars(past), money.shown(total)],
        "closed": None,
    }
    return {"answer": sentence, "facts": facts, "table": table}


def _reason(code: str, used: Used) -> str:
    """The reason code of order_end in words, with the ages the answer used."""
    events = {event.name: event.what for event in order_end.EVENTS}
    if code in events:
        return events[code]
    return {
        "age_18": f"The child's {ordinal(used[order_end.MAJORITY])} birthday",
        "age_21": f"The child's {ordinal(used[order_end.EDUCATION_LIMIT])} birthday",
        "education_completed": "The child finishes school",
        "court_decides": "The child is incapacitated: the court decides",
    }[code]


def _order_end(result: dict[str, Any], used: Used) -> View:
    end = result["end_date"]
    reason = _reason(result["reason"], used)
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


def _review(result: dict[str, Any], used: Used) -> View:
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
        threshold = f"{used[review.THRESHOLD]}%"
        reaches = "Yes" if result["meets_20_percent"] else "No"
        facts += [["Change in monthly support", f"{result['change_percent']}%"],
                  [f"{threshold} or more", reaches]]
        sentence += (f" The change in monthly support is {result['change_percent']}%, "
                     + ("which is" if result["meets_20_percent"] else "which is less than")
                     + f" {threshold}" + (" or more." if result["meets_20_percent"] else "."))
    return {"answer": sentence, "facts": facts, "table": None}


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
    return _dollars(value)


def _row(row: str) -> str:
    """A schedule row as money: "6500" -> "$6,500", "0-1300" -> "$0 to $1,300"."""
    low, _, high = row.partition("-")
    shown = money.shown(int(low) * money.CENTS_PER_DOLLAR)
    return f"{shown} to {money.shown(int(high) * money.CENTS_PER_DOLLAR)}" if high else shown


def _form14_summary(result: dict[str, Any]) -> list[str]:
    """What a parent can read aloud after the amount: who pays, each parent's share of the
    combined income, the schedule amount and, only where they apply, the children's costs, the
    overnight credit and the low-income calculation."""
    lines = result["lines"]
    schedule = result["schedule"]
    shares = lines["4"]
    said = ["Form 14 has the parent paying support, the one with fewer overnights, pay it to "
            "the parent receiving support.",
            f"The parents' combined adjusted income is {_dollars(lines['3']['combined'])} a "
            f"month (Line 3): {shares['paying']}% of it is the paying parent's and "
            f"{shares['receiving']}% the receiving parent's (Line 4)."]
    if lines["5"]["combined"] is not None:
        said.append(f"The schedule in force from {_date(schedule['effective'])} gives "
                    f"{_dollars(lines['5']['combined'])} a month for "
                    f"{_children(schedule['children'])} at a combined income of "
                    f"{_row(schedule['row'])} (Line 5).")
    if money.parse_cents(lines["7"]["combined"]) and lines["9"]["paying"] is not None:
        said.append(f"With the children's costs added (Line 8), the paying parent's "
                    f"{shares['paying']}% share is {_dollars(lines['9']['paying'])} a month "
                    "(Line 9).")
    if money.parse_cents(lines["10"]["paying"]):
        said.append(f"The {_dollars(lines['10']['paying'])} a month of those costs that the "
                    "paying parent already pays is taken off (Line 10).")
    overnight = lines["11"]
    low = result["low_income_calculation"]
    if overnight["percent"] and overnight["allowed"]:
        said.append(f"The paying parent's overnights give a credit of {overnight['percent']}% "
                    f"of the schedule amount: {_dollars(overnight['paying'])} a month is taken "
                    "off (Line 11).")
    elif overnight["percent"]:
        said.append(f"The overnight credit ({overnight['percent']}% of the schedule amount) is "
                    "not given, because the receiving parent's adjusted income is not above "
                    f"{_dollars(low['limit'])} (Line 11).")
    if low["made"] and low["decided"]:
        said.append(f"The paying parent's adjusted income is at or below "
                    f"{_dollars(low['limit'])}, so the low-income calculation was made: it gives "
                    f"the lower amount, {_dollars(low['line_12'])}, which is the one presumed.")
    elif low["made"]:
        said.append(f"The paying parent's adjusted income is at or below "
                    f"{_dollars(low['limit'])}, so the low-income calculation was made too: it "
                    f"gives {_dollars(low['line_12'])}, which is not lower, so Line 12 stands.")
    if result["beyond_schedule"] and result["presumed_amount"] is not None:
        said.append("The parents' combined income is above the schedule's last row, "
                    f"{_row(schedule['row'])}, so Form 14 is worked out with that row: a court "
                    "may decide on a different amount (see the steps).")
    for item in result["increments"] or []:
        amount = item["presumed_amount"]
        said.append(f"For {_children(item['children'])}, "
                    + ("the court sets the amount." if amount is None else
                       f"Form 14 presumes {_dollars(amount)} a month."))
    return said


def _support_amount(result: dict[str, Any]) -> View:
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
        answer = (f"Form 14 presumes {_dollars(presumed)} a month of child support; the court "
                  "decides the amount it orders.")
    effective = _date(result["schedule"]["effective"])
    table = {"caption": (f"Form 14 worksheet, with the schedule in force from {effective}: "
                         "each line, as numbered on the form"),
             "head": ["Line", "Parent receiving support", "Parent paying support", "Combined"],
             "rows": rows,
             "foot": ["Presumed child support amount", "",
                      "Set by the court" if presumed is None else _dollars(presumed), ""],
             "closed": "Every line of Form 14"}
    follow = None
    if presumed is not None:
        # The linked calculator works from today, with the threshold in force today.
        threshold = rules.at(review.THRESHOLD, datetime.date.today()).number()
        follow = {"text": (f"Compare {_dollars(presumed)} with your current order: the review "
                           f"calculator checks if the change is {threshold}% or more"),
                  "href": page_href("review") + input_fragment(
                      {"estimated_new_monthly": presumed})}
    return {"answer": answer, "summary": _form14_summary(result), "facts": [],
            "table": table, "follow": follow}
