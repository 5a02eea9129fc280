"""review: when a support order can next be reviewed, and whether a change reaches 20 percent.

The rule (seed 001_f6079787ae316351.txt; RSMo 454.498 and 452.370.1; rules.toml
``[review.*]``):

- FSD reviews an order every 3 years: the next routine review is the third anniversary of the
  date the order was entered, last reviewed or last modified, whichever is latest (29 February
  counts as 1 March, ``dates.add_years``). It can be earlier on a showing of a substantial
  change in circumstances.
- A new guideline amount 20 percent or more away from the existing amount is a prima facie
  showing of a substantial and continuing change, when the existing amount was the presumed
  (Form 14) amount. The decision is exact, in cents: ``5 x |new - current| >= current``.
"""

from __future__ import annotations

import datetime
from typing import Any

from calculators import dates, money, rules
from calculators.calculator import Calculator, Outcome, Values, known
from calculators.fields import DateField, MoneyField, Reader
from calculators.i18n import N_, _, ngettext
from calculators.layout import Section
from calculators.rules import Applied

CYCLE = "review.cycle_years"
THRESHOLD = "review.substantial_change_percent"
# The values in force now, for the form's help text; compute reads them for its as_of.
CYCLE_YEARS = rules.latest(CYCLE).number()
THRESHOLD_PERCENT = rules.latest(THRESHOLD).number()
# This site's convention, the same on every date.
PERCENT_DECIMALS = rules.latest("review.percent_decimals").number()
RULES = (CYCLE, THRESHOLD, "review.percent_decimals", "order_end.birthday_29_february")

FIELDS = (
    DateField(name="last_review_date",
              label=N_("Date the order was entered, last reviewed or last changed"),
              required=True,
              noun="the date the order was entered, last reviewed or last changed",
              help=N_("The latest of these three dates."),
              more=N_("When the order was entered, when it was last reviewed, and when it was "
                      "last changed (modified): use whichever is latest.")),
    DateField(name="as_of", label=N_("Date to work from"), today_if_absent=True,
              help=N_("Normally today: leave it empty to use today's date.")),
    MoneyField(name="current_monthly", label=N_("Current monthly support"),
               help=N_("The monthly amount in your order now.")),
    MoneyField(name="estimated_new_monthly", label=N_("Estimated new monthly support"),
               help=N_("What it would be if worked out again today."),
               more=N_("What you think the monthly support would be if it were worked out "
                       "again today under the Missouri guidelines (Form 14).")),
)

# The form: the date first; the two amounts and another date only for those who want them.
LAYOUT = (
    Section(title=None, fields=("last_review_date",)),
    Section(title=N_("Is the change {percent}% or more?", percent=THRESHOLD_PERCENT),
            intro=N_("Enter both monthly amounts, the one in your order now and the one you "
                     "expect, to see whether the change reaches {percent}%.",
                     percent=THRESHOLD_PERCENT),
            fields=("current_monthly", "estimated_new_monthly")),
    Section(title=N_("The date used"),
            intro=N_("The calculator works from today's date unless you enter another."),
            fields=("as_of",)),
)


def check(values: Values, reader: Reader) -> None:
    """CONTRACT.md, review errors: a last review after ``as_of``; one amount without the other;
    a current amount of 0, which no change can be a percentage of."""
    last, as_of = values["last_review_date"], values["as_of"]
    if known(last, as_of) and last > as_of:
        reader.error("last_review_date",
                     _("The date the order was entered, last reviewed or last changed, {last}, "
                       "is after the date to work from, {as_of}.",
                       last=dates.long_date(last), as_of=dates.long_date(as_of)))
    current, new = values["current_monthly"], values["estimated_new_monthly"]
    if current is None and known(new):
        reader.error("current_monthly", _("Enter the current monthly support too, or leave "
                                          "both monthly amounts empty."))
    if new is None and known(current):
        reader.error("estimated_new_monthly", _("Enter the estimated new monthly support too, "
                                                "or leave both monthly amounts empty."))
    if current == 0:
        reader.error("current_monthly", _("The current monthly support must be more than 0 to "
                                          "work out a change as a percentage of it."))


def change_percent(current: int, new: int) -> str:
    """``|new - current| / current x 100``, rounded half up to one decimal, without "%"."""
    scale = 10**PERCENT_DECIMALS
    whole, rest = divmod(abs(new - current) * 100 * scale, current)
    if 2 * rest >= current:
        whole += 1
    units, decimals = divmod(whole, scale)
    return f"{units}.{decimals:0{PERCENT_DECIMALS}d}" if PERCENT_DECIMALS else str(units)


def meets_threshold(current: int, new: int, threshold: int = THRESHOLD_PERCENT) -> bool:
    """RSMo 452.370.1, decided exactly: ``|new - current| / current >= threshold / 100``."""
    return abs(new - current) * 100 >= threshold * current


def compute(values: Values, applied: Applied) -> Outcome:
    """The next routine review (RSMo 454.498, every 3 years) and, when both amounts are given,
    the change against the 20 percent presumption (RSMo 452.370.1), with the values in force on
    ``as_of``. ``meets_20_percent`` keeps its name from the contract: it answers whether the
    change reaches the threshold in force, whatever its number."""
    last: datetime.date = values["last_review_date"]
    as_of: datetime.date = values["as_of"]
    current: int | None = values["current_monthly"]
    new: int | None = values["estimated_new_monthly"]
    cycle_years = applied.number(CYCLE)
    next_review = dates.add_years(last, cycle_years)
    eligible = next_review <= as_of
    days = max((next_review - as_of).days, 0)
    result: dict[str, Any] = {
        "next_review_date": next_review.isoformat(),
        "eligible_now": eligible,
        "days_until_eligible": days,
        "change_percent": None,
        "meets_20_percent": None,
    }
    steps = [_("FSD can review a support order every {years} years. The latest date the order "
               "was entered, reviewed or changed is {last}, so the next routine review can be "
               "from {next}.", years=cycle_years, last=dates.long_date(last),
               next=dates.long_date(next_review))]
    if dates.is_29_february(last):
        steps.append(_("That date is 29 February: in a year without one, this site counts the "
                       "anniversary as 1 March. No Missouri rule on this was found: it is this "
                       "site's own convention."))
    if eligible:
        steps.append(_("That is on or before {as_of}, so you can ask for a routine review now.",
                       as_of=dates.long_date(as_of)))
    else:
        steps.append(ngettext(
            "That is {number} day after {as_of}. You can ask sooner if you can show a "
            "substantial change in circumstances ({citation}).",
            "That is {number} days after {as_of}. You can ask sooner if you can show a "
            "substantial change in circumstances ({citation}).",
            days, as_of=dates.long_date(as_of), citation=applied.citation(CYCLE)))
    if current is not None and new is not None:
        steps.extend(_change_steps(current, new, result, applied))
    steps.append(_("To ask FSD for a review, mail or fax a written request to the address or "
                   "fax number below. Any parent can also ask the court to change an order, "
                   "through a private attorney."))
    return Outcome(result, steps, ["fsd-review-requests"])


def _change_steps(current: int, new: int, result: dict[str, Any], applied: Applied
                  ) -> list[str]:
    threshold, statute = applied.number(THRESHOLD), applied.citation(THRESHOLD)
    percent = change_percent(current, new)
    meets = meets_threshold(current, new, threshold)
    result["change_percent"], result["meets_20_percent"] = percent, meets
    steps = [_("The change from {current} to {new} a month is {change}, which is {percent}% of "
               "the current amount.", current=money.dollars(current), new=money.dollars(new),
               change=money.dollars(abs(new - current)), percent=percent)]
    if meets:
        steps.append(_("That is {threshold}% or more. Under {statute}, a change of "
                       "{threshold}% or more from the existing amount is a prima facie showing "
                       "of a substantial and continuing change in circumstances, if the "
                       "existing amount was the presumed amount from the Missouri guidelines "
                       "(Form 14). The decision is made on the exact amounts, not the rounded "
                       "percentage.", threshold=threshold, statute=statute))
    else:
        steps.append(_("That is less than {threshold}%, so it is not by itself the prima facie "
                       "showing of a substantial change under {statute} (decided on the exact "
                       "amounts, not the rounded percentage). A change can still be shown in "
                       "other ways.", threshold=threshold, statute=statute))
    return steps


CALCULATOR = Calculator(
    name="review",
    title=N_("When can my support order be reviewed?"),
    summary=N_("FSD can review a support order every {years} years, or sooner if you can show "
               "a substantial change in circumstances. Enter the date your order was entered, "
               "last reviewed or last changed to see when you can ask for a routine review, "
               "and, if you like, two monthly amounts to see whether the change reaches "
               "{percent}%.", years=CYCLE_YEARS, percent=THRESHOLD_PERCENT),
    fields=FIELDS, check=check, compute=compute, rules=RULES, layout=LAYOUT)
