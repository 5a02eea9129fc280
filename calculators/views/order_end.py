"""When support ends, on the order_end calculator's page: the date and why, in words."""

from __future__ import annotations

from typing import Any

from calculators import order_end
from calculators.i18n import _
from calculators.views.common import Used, View, date
from calculators.wording import ordinal


def reason(code: str, used: Used) -> str:
    """The reason code of order_end in words, with the ages the answer used."""
    events = {event.name: event.what for event in order_end.EVENTS}
    if code in events:
        return _(events[code])
    if code in ("age_18", "age_21"):
        age = used[order_end.MAJORITY if code == "age_18" else order_end.EDUCATION_LIMIT]
        # Translators: also {age}, the age as a number (18).
        return _("The child's {ordinal} birthday", ordinal=ordinal(age), age=age)
    return {
        "education_completed": _("The child finishes school"),
        "court_decides": _("The child is incapacitated: the court decides"),
    }[code]


def view(result: dict[str, Any], used: Used) -> View:
    """The end date in one sentence (or that the court decides), why, and the child's age."""
    end = result["end_date"]
    why = reason(result["reason"], used)
    if end is None:
        return {"answer": _("By the general rule there is no end date: the court decides."),
                "facts": [[_("Why"), why]], "table": None}
    age = result["age_at_end"]
    answer = (_("By the general rule, support ended on {date}.", date=date(end))
              if result["already_ended"] else
              _("By the general rule, support ends on {date}.", date=date(end)))
    return {
        "answer": answer,
        "facts": [[_("End date"), date(end)], [_("Why"), why],
                  [_("Child's age then"),
                   order_end.years_and_months(age["years"], age["months"])]],
        "table": None,
    }
