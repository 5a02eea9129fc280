"""When support ends, on the order_end calculator's page: the date and why, in words."""

from __future__ import annotations

from typing import Any

from calculators import order_end
from calculators.views.common import Used, View, date
from calculators.wording import ordinal, plural


def reason(code: str, used: Used) -> str:
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


def view(result: dict[str, Any], used: Used) -> View:
    """The end date in one sentence (or that the court decides), why, and the child's age."""
    end = result["end_date"]
    why = reason(result["reason"], used)
    if end is None:
        return {"answer": "By the general rule there is no end date: the court decides.",
                "facts": [["Why", why]], "table": None}
    verb = "ended" if result["already_ended"] else "ends"
    age = result["age_at_end"]
    return {
        "answer": f"By the general rule, support {verb} on {date(end)}.",
        "facts": [["End date", date(end)], ["Why", why],
                  ["Child's age then", f"{plural(age['years'], 'year')} and "
                                       f"{plural(age['months'], 'month')}"]],
        "table": None,
    }
