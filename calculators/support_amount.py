"""support_amount: the presumed child support amount, worked out line by line as on Form 14.

The rule (Supreme Court of Missouri, order of March 4, 2025, effective January 1, 2026: Civil
Procedure Form No. 14, its directions, comments for use and assumptions, and the Schedule of
Basic Child Support Obligations; Rule 88.01 makes the Form 14 amount the presumed correct
amount). The numbers of the edition in force are in the schedule file that ``rules.toml``
names (``[support_amount.form14]``, read by ``calculators.schedule``); the choices where the
directions are unclear are in calculators/DECISIONS.md.

- Every amount is rounded to the nearest dollar, $X.50 upward (directions, In General, A),
  including each amount entered; Line 4 is a percentage to a tenth of one percent.
- Line 3: Line 1 plus 1a, minus 2a, 2b and 2c, never below 0. Line 2c(2) is the schedule amount
  at the parent's own Line 1 for the other children; 2c is 2c(2) minus 2c(3), never below 0.
- Line 1 is monthly: an income entered per paycheck, per year or per hour is first turned into
  a month's worth, one twelfth of the year's income (directions, Line 1), with the counts of
  paydays a year in ``rules.toml`` (:func:`monthly_cents`).
- Line 5: the schedule row nearest combined Line 3 ($25 and $75 upward), so $40,001 to $40,024
  take the last row ($40,000). Past that the schedule gives no row: the calculator uses its last
  row (this site's convention, ``[support_amount.above_schedule]``), reports
  ``beyond_schedule`` and says that a court may decide on a different amount (Line 12, Comment
  A). Line 2c(2) reads a parent's Line 1 above the schedule the same way.
- Line 6a(2): the child care tax credit, the credit percent for the receiving parent's Line 1
  times the lesser of Line 6a(1) and $250 (one eligible child) or $500 (two or more).
- Line 9: Line 8 times each parent's Line 4. Line 10: the paying parent's Line 7.
- Line 11: Line 5 times the overnight table's percent, allowed only if the receiving parent's
  Line 3 exceeds the caveat's amount for the number of children. The caveat's two exceptions
  (a court "may" still allow it) are explained, never applied.
- Line 12: Line 9 minus Lines 10 and 11, never below 0.
- Low income (Line 5 direction): when the paying parent's Line 3, rounded to a schedule row,
  is at or below the Line 11 caveat's amount (footnote 2: the self-support reserve's limit), a
  second calculation uses the schedule amount at the paying parent's Line 3 alone, at 100%,
  plus that parent's Line 4 share of Line 7, with the same Lines 10 and 11; the lower wins.
- Increment orders (Line 12, increment orders): with ``incremental``, a Form 14 for one child
  fewer each time, down to one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from calculators import dates, money, rules, schedule
from calculators.calculator import Calculator, Outcome, Values, known
from calculators.fields import (
    BooleanField,
    Choice,
    ChoiceField,
    CountField,
    DateField,
    Field,
    GroupField,
    MoneyField,
    Reader,
)
from calculators.i18n import N_, _, ngettext
from calculators.layout import Section, ShownWhen
from calculators.rules import Applied, Book, RulesError
from calculators.schedule import Edition
from calculators.wording import number_of_children

FORM14 = "support_amount.form14"
DECIMALS = "support_amount.percent_decimals"
ABOVE_SCHEDULE = "support_amount.above_schedule"
MONTHS_A_YEAR = "support_amount.months_a_year"
WEEKS_A_YEAR = "support_amount.weeks_a_year"
PAYDAYS = {"twice_a_month": "support_amount.paydays_twice_a_month",
           "every_two_weeks": "support_amount.paydays_every_two_weeks",
           "every_week": WEEKS_A_YEAR}
RULE_KEYS = (FORM14, DECIMALS, ABOVE_SCHEDULE, MONTHS_A_YEAR, *dict.fromkeys(PAYDAYS.values()))
PAYING, RECEIVING = "paying_parent", "receiving_parent"
HUNDRED_PERCENT = 100  # a whole share, in percent
CONTACTS = ["fsd-customer-service", "fsd-review-requests"]
PERIOD, HOURS = "gross_income_period", "hours_a_week"
INCOME_FIELDS = ("gross_income", PERIOD, "maintenance_received", "other_support_paid",
                 "maintenance_paid", "other_children",
                 "other_children_support_received")  # Lines 1 to 3
# How often an income is paid, as the form offers it: (value, label, the amount "a ..." in a
# step). "month" is Form 14's own; the others are turned into a month's worth.
PERIODS = (("month", N_("Per month"), N_("a month")),
           ("twice_a_month", N_("Twice a month"), N_("twice a month")),
           ("every_two_weeks", N_("Every two weeks"), N_("every two weeks")),
           ("every_week", N_("Every week"), N_("a week")), ("year", N_("Per year"), N_("a year")),
           ("hour", N_("Per hour"), N_("an hour")))
MOST_HOURS_A_WEEK = 7 * 24  # every hour of a week
NIGHTS_A_YEAR = 366  # a leap year's

# The declaration's limits come from the edition in force now (the form asks for one edition).
CURRENT = schedule.edition(rules.latest(FORM14).value)
MAX_CHILDREN = CURRENT.children
MAX_OVERNIGHTS = CURRENT.max_overnights
CREDIT_UNDER_AGE = CURRENT.credit_under_age  # children in care count for the credit under it
# Conventions of this site (rules.toml) do not depend on a date: their latest value is used.
PAYDAYS_A_YEAR = {period: rules.latest(key).number() for period, key in PAYDAYS.items()}


def check_above_schedule(book: Book) -> None:
    """Stop the import if ``[support_amount.above_schedule]`` names a method other than the
    one the code applies (the schedule's last row): a new method needs new code."""
    for date, value in rules.rule(ABOVE_SCHEDULE, book).values:
        if value != "last_row":
            raise RulesError(f"calculators/rules.toml, [{ABOVE_SCHEDULE}.values]: from {date} "
                             f"the value is {value!r}, but the calculator applies only "
                             "\"last_row\"; change calculators/support_amount.py with it")


check_above_schedule(rules.RULES)


# --- the fields --------------------------------------------------------------------------

def _parent_fields(role: str) -> tuple[Field, ...]:
    """The Form 14 lines each parent fills in, named for that parent in every message."""
    who = "the paying parent" if role == PAYING else "the receiving parent"

    def money_field(name: str, label: str, help: str, more: str,
                    required: bool = False) -> MoneyField:
        return MoneyField(name=name, label=label, help=help, more=more, required=required,
                          default_cents=None if required else 0,
                          noun=f"{who}'s {label[0].lower()}{label[1:]}")

    care_help = N_("Paid so that this parent can work.")
    care = N_("Line 6b. Reasonable child care costs a month that this parent pays for the "
              "children in this case so that they can work. Count them only if the income "
              "earned while the children are in care is in Line 1.")
    if role == RECEIVING:
        care_help = N_("Paid so that this parent can work or look for work.")
        care = N_("Line 6a(1). Reasonable child care costs a month that this parent pays for "
                  "the children in this case so that they can work or look for work. Count them "
                  "only if the income earned while the children are in care is in Line 1. The "
                  "site takes off the child care tax credit (Line 6a(2)).")
    members: list[Field] = [
        money_field("gross_income", N_("Gross income"), required=True,
                    help=N_("Before taxes, like 4000.00."), more=N_(
            "Line 1. One twelfth of the parent's gross income for the year, before taxes: "
            "wages, salary, commissions, self-employment profit, pensions, Social Security, "
            "disability, unemployment and workers' compensation benefits and more. Leave out "
            "TANF, SSI, food stamps and other benefits based on need, and child support received "
            "for other children.")),
        ChoiceField(name=PERIOD, label=N_("How often this income is paid"),
                    choices=tuple(Choice(value, label) for value, label, _a in PERIODS),
                    default_choice=PERIODS[0][0],
                    noun=f"the pay period of {who}'s gross income",
                    help=N_("Line 1: the site turns it into a monthly amount.")),
        CountField(name=HOURS, label=N_("Hours worked a week"), minimum=1,
                   maximum=MOST_HOURS_A_WEEK, noun=f"{who}'s hours worked a week",
                   above=N_("A week has {hours} hours, so {who}'s hours worked a week can be at "
                            "most {hours}.", hours=MOST_HOURS_A_WEEK, who=who),
                   help=N_("Only for an income paid per hour."),
                   more=N_("Line 1. Only for an income paid per hour: the hours worked in a "
                           "usual week.")),
        money_field("maintenance_received", N_("Maintenance received"),
                    help=N_("Court-ordered alimony this parent receives."), more=N_(
            "Line 1a. Court-ordered maintenance (alimony) this parent actually receives each "
            "month. Leave empty if none.")),
        money_field("other_support_paid", N_("Other child support paid"),
                    help=N_("Under another order, for a child not in this case."), more=N_(
            "Line 2a. Child support this parent pays each month under another court or "
            "administrative order, for a child who is not part of this case.")),
        money_field("maintenance_paid", N_("Maintenance paid"),
                    help=N_("Court-ordered alimony this parent pays."), more=N_(
            "Line 2b. Court-ordered maintenance (alimony) this parent actually pays each "
            "month.")),
        CountField(name="other_children", label=N_("Other children living with this parent"),
                   minimum=0, maximum=MAX_CHILDREN, default_count=0,
                   noun=f"the number of other children living with {who}",
                   above=N_("The schedule stops at {most} children, so the number of other "
                            "children living with {who} can be at most {most}: for more, the "
                            "court sets the Line 2c adjustment.", most=MAX_CHILDREN, who=who),
                   help=N_("Their own children, not in this case, living with them."),
                   more=N_("Line 2c(1). How many of this parent's own children (born or "
                           "adopted, not stepchildren) who are not part of this case live "
                           "mainly with this parent, including children away at school. Do not "
                           "count a child already counted in Line 2a. The site looks up the "
                           "schedule amount for them at this parent's Line 1.")),
        money_field("other_children_support_received", N_("Support received for those children"),
                    help=N_("Support this parent receives for those children."),
                    more=N_("Line 2c(3). Child support this parent actually receives each month "
                            "under a court or administrative order for those other children.")),
        money_field("child_care", N_("Work-related child care costs"), help=care_help,
                    more=care),
        money_field("health_insurance", N_("Health insurance for the children"),
                    help=N_("Only the children's part of the premium."), more=N_(
            "Line 6c. The monthly premium this parent pays, or has taken from pay, for health "
            "insurance for the children in this case: only the children's part of it (the "
            "premium divided by the people covered, times the children in this case).")),
        money_field("extraordinary_medical", N_("Extraordinary medical costs"),
                    help=N_("Uninsured costs that recur, such as orthodontics."), more=N_(
            "Line 6d. Uninsured medical and dental costs a month this parent pays by agreement "
            "or court order that are predictable and recurring, such as orthodontics, asthma "
            "treatment or physical therapy.")),
        money_field("other_extraordinary", N_("Other extraordinary costs"),
                    help=N_("Agreed or ordered, such as tutoring or camps."), more=N_(
            "Line 6e. Other costs a month for the children that the parents agreed on or the "
            "court ordered, such as tutoring, private school, college, camps or lessons.")),
    ]
    if role == RECEIVING:
        after_care = [member.name for member in members].index("child_care") + 1
        members.insert(after_care, CountField(
            name="child_care_children",
            label=N_("Children in child care under {age}", age=CREDIT_UNDER_AGE),
            minimum=0, maximum=MAX_CHILDREN,
            noun=(f"the number of children under {CREDIT_UNDER_AGE} in the receiving parent's "
                  "child care"),
            help=N_("Leave empty to count every child in this case."),
            more=N_("How many of the children in work-related child care are under {age} (or "
                    "disabled and unable to care for themselves). It sets the tax credit's cap: "
                    "the first ${one} a month of costs for one child, ${more} for two or more.",
                    age=CREDIT_UNDER_AGE, one=CURRENT.credit_cap_one,
                    more=CURRENT.credit_cap_more)))
    return tuple(members)


FIELDS: tuple[Field, ...] = (
    CountField(name="children", label=N_("Children in this case"), required=True, minimum=1,
               maximum=MAX_CHILDREN, noun="the number of children",
               above=N_("The schedule stops at {most} children, so the number of children can "
                        "be at most {most}: for more, the court sets the amount (Form 14 "
                        "directions, Line 12, Comment A).", most=MAX_CHILDREN),
               help=N_("How many children this support is for: 1 to {most}.",
                       most=MAX_CHILDREN)),
    CountField(name="overnights", label=N_("Overnights a year with the paying parent"),
               minimum=0, maximum=MAX_OVERNIGHTS, default_count=0,
               noun="the number of overnights a year with the paying parent",
               above=N_("The number of overnights a year with the paying parent can be at most "
                        "{most}: in Form 14 the parent with most of the overnights is the "
                        "parent receiving support, so swap the two parents' details.",
                        most=MAX_OVERNIGHTS),
               possible=NIGHTS_A_YEAR,
               impossible=N_("A year has at most {nights} nights, so the number of overnights "
                             "a year with the paying parent cannot be more: check it (in Form "
                             "14 it is at most {most}).", nights=NIGHTS_A_YEAR,
                             most=MAX_OVERNIGHTS),
               help=N_("Leave empty for none."),
               more=N_("Line 11. How many overnights a year the parent paying support is "
                       "awarded and actually has with the children. In Form 14 the parent with "
                       "most of the overnights receives support, so it is at most {most}.",
                       most=MAX_OVERNIGHTS)),
    BooleanField(name="incremental", label=N_("Also work out the amount for fewer children"),
                 noun="the answer to \"Also work out the amount for fewer children\"",
                 help=N_("The amount for one child fewer each time, down to one."),
                 more=N_("For an order that steps down as each child's support ends (Form 14 "
                         "directions, increment orders).")),
    DateField(name="as_of", label=N_("Date to work from"), today_if_absent=True,
              help=N_("Normally today: leave it empty."),
              more=N_("The schedule this site has applies from {since}.",
                      since=lambda: dates.long_date(CURRENT.effective))),
    GroupField(name=PAYING, label=N_("Parent paying support"), required=True,
               noun="the paying parent's details", fields=_parent_fields(PAYING),
               help=N_("The parent with fewer overnights.")),
    GroupField(name=RECEIVING, label=N_("Parent receiving support"), required=True,
               noun="the receiving parent's details", fields=_parent_fields(RECEIVING),
               help=N_("The parent with most of the overnights.")),
)


def _both(*names: str) -> tuple[str, ...]:
    """The paying parent's fields, then the receiving parent's, by their paths."""
    return tuple(f"{role}.{name}" for role in (PAYING, RECEIVING) for name in names
                 if any(field.name == name for field in _parent_fields(role)))


# The form: the usual case first (how many children, both incomes, the overnights), then the
# lines that apply to some families only, each group closed until a parent opens it.
LAYOUT = (
    Section(title=None, fields=("children", *_both("gross_income", PERIOD, HOURS),
                                "overnights"),
            shown_when=tuple(ShownWhen(f"{role}.{HOURS}", f"{role}.{PERIOD}", "hour")
                             for role in (PAYING, RECEIVING))),
    Section(title=N_("Child care and health insurance"),
            intro=N_("Costs a parent pays for the children in this case each month: child care "
                   "needed for work (Lines 6a and 6b) and the children's part of a health "
                   "insurance premium (Line 6c). Amounts are monthly."),
            fields=_both("child_care", "child_care_children", "health_insurance")),
    Section(title=N_("Other children and other support orders"),
            intro=N_("A parent who pays support under another order (Line 2a), or has other "
                   "children of their own living with them (Line 2c). Amounts are monthly."),
            fields=_both("other_support_paid", "other_children",
                         "other_children_support_received")),
    Section(title=N_("Maintenance (alimony)"),
            intro=N_("Court-ordered maintenance a parent receives (Line 1a) or pays (Line 2b). "
                   "Amounts are monthly."),
            fields=_both("maintenance_received", "maintenance_paid")),
    Section(title=N_("Other costs for the children"),
            intro=N_("Uninsured medical costs (Line 6d) and other costs the parents agreed on or "
                   "a court ordered (Line 6e). Amounts are monthly."),
            fields=_both("extraordinary_medical", "other_extraordinary")),
    Section(title=N_("Fewer children, and the date used"),
            intro=N_("For an order that steps down as each child's support ends, and to work "
                   "from a date other than today."),
            fields=("incremental", "as_of")),
)


def check(values: Values, reader: Reader) -> None:
    """Problems between fields: more children in child care than in the case, support received
    for other children without other children, hours a week missing for an hourly income or
    given for another, and two parents whose adjusted incomes are both 0 (Line 4 cannot share
    anything)."""
    children = values["children"]
    parents = {role: values[role] for role in (PAYING, RECEIVING) if known(values[role])}
    receiving = parents.get(RECEIVING)
    if receiving and known(children, receiving["child_care_children"]) and \
            receiving["child_care_children"] > children:
        reader.error(f"{RECEIVING}.child_care_children",
                     _("The number of children in child care, {care}, is more than the "
                       "children in this case, {children}.",
                       care=receiving["child_care_children"], children=children))
    for role, parent in parents.items():
        who = _("the paying parent") if role == PAYING else _("the receiving parent")
        whose = _("the paying parent's") if role == PAYING else _("the receiving parent's")
        others, received = parent["other_children"], parent["other_children_support_received"]
        if others == 0 and known(received) and received > 0:
            reader.error(f"{role}.other_children_support_received",
                         _("Line 2c(3) is support received for the other children of Line "
                           "2c(1): enter how many other children live with {who}, or leave it "
                           "empty.", who=who))
        period, hours = parent[PERIOD], parent[HOURS]
        if period == "hour" and hours is None:
            reader.error(f"{role}.{HOURS}",
                         _("Enter {whose} hours worked a week: their gross income is paid per "
                           "hour, so the monthly income is the hourly pay times the hours.",
                           whose=whose))
        elif known(period) and period != "hour" and known(hours):
            reader.error(f"{role}.{HOURS}",
                         # Translators: also {whose}, the same without a capital letter.
                         _('{whose_start} hours worked a week are used only for an income paid '
                           'per hour: leave them empty, or choose "Per hour" for how often the '
                           'income is paid.', whose=whose,
                           whose_start=whose[0].upper() + whose[1:]))
    if len(parents) == len((PAYING, RECEIVING)) and all(
            known(*(parent[name] for name in INCOME_FIELDS)) and
            (parent[PERIOD] != "hour" or known(parent[HOURS])) for parent in parents.values()):
        months = rules.latest(MONTHS_A_YEAR).number()
        totals = [_adjusted(parent, monthly_cents(parent, months), CURRENT)[-1]
                  for parent in parents.values()]
        if sum(totals) == 0:
            reader.error(f"{PAYING}.gross_income",
                         _("Both parents' adjusted incomes (Line 3) are $0, so Form 14 cannot "
                           "share the support between them (Line 4). A court may base income "
                           "on what a parent could earn (imputed income, Line 1 directions)."))


# --- arithmetic --------------------------------------------------------------------------

def round_to_dollar(cents: int) -> int:
    """Cents rounded to whole dollars, $X.50 upward (directions, In General, A)."""
    whole, rest = divmod(cents, money.CENTS_PER_DOLLAR)
    return whole + (2 * rest >= money.CENTS_PER_DOLLAR)


def share_of(amount: int, numerator: int, denominator: int) -> int:
    """``amount * numerator / denominator`` rounded to the nearest whole number, halves up."""
    whole, rest = divmod(amount * numerator, denominator)
    return whole + (2 * rest >= denominator)


def whole_amount(dollars: int | None) -> str | None:
    """Whole dollars written as the contract writes money, "698.00"."""
    return None if dollars is None else money.amount(dollars * money.CENTS_PER_DOLLAR)


def whole_dollars(dollars: int) -> str:
    """Whole dollars written as the steps write them: "$1,163" (money.shown, which writes no
    cents for a whole amount; money.dollars always writes them)."""
    return money.shown(dollars * money.CENTS_PER_DOLLAR)


def paid_a_year(period: str, hours: int | None, months: int) -> int:
    """How many times a year an income paid per ``period`` is paid: ``months`` for a monthly
    one, 1 for a yearly one, the paydays a year of rules.toml for a paycheck, and the weeks a
    year times ``hours`` a week for an hourly wage."""
    if period == "month":
        return months
    if period == "year":
        return 1
    if period == "hour":
        assert hours is not None  # check() asks for the hours of an hourly income
        return PAYDAYS_A_YEAR["every_week"] * hours
    return PAYDAYS_A_YEAR[period]


def monthly_cents(parent: Values, months: int) -> int:
    """A parent's gross income as the monthly amount Line 1 uses: one twelfth of what it comes
    to in a year (Form 14 directions, Line 1), in cents rounded to the nearest cent, half a cent
    upward (this site's convention, calculators/DECISIONS.md). A monthly amount is unchanged."""
    return share_of(parent["gross_income"], paid_a_year(parent[PERIOD], parent[HOURS], months),
                    months)


def _adjusted(parent: Values, income: int, edition: Edition
              ) -> tuple[int, int, int, int, int, int, int, int]:
    """Lines 1, 1a, 2a, 2b, 2c(2), 2c(3), 2c and 3 of one parent, in dollars, for a monthly
    gross ``income`` in cents (:func:`monthly_cents`)."""
    line1, line1a = round_to_dollar(income), round_to_dollar(parent["maintenance_received"])
    line2a = round_to_dollar(parent["other_support_paid"])
    line2b = round_to_dollar(parent["maintenance_paid"])
    others = parent["other_children"]
    line2c2 = edition.basic_amount(edition.row(line1), others) if others else 0
    line2c3 = round_to_dollar(parent["other_children_support_received"])
    line2c = max(line2c2 - line2c3, 0)
    line3 = max(line1 + line1a - line2a - line2b - line2c, 0)
    return line1, line1a, line2a, line2b, line2c2, line2c3, line2c, line3


# --- the worksheet -----------------------------------------------------------------------

@dataclass
class Sheet:
    """One Form 14, every line in whole dollars (Line 4 in units of 10**-decimals percent)."""

    children: int
    receiving: tuple[int, ...]  # Lines 1 to 3 of the receiving parent (see _adjusted)
    paying: tuple[int, ...]
    combined3: int
    shares: tuple[int, int]  # Line 4: receiving, paying, in units of 10**-decimals percent
    decimals: int
    beyond: bool  # combined Line 3 is past the schedule's last row (Edition.beyond)
    beyond_2c: tuple[bool, bool]  # Line 2c(2) read past the last row: receiving, paying
    row: int
    line5: int
    care: tuple[int, int, int, int, int]  # 6a(1), eligible children, cap, percent, 6a(2)
    line6: dict[str, tuple[int, int]]  # "6a", "6b", "6c", "6d", "6e": (receiving, paying)
    line7: tuple[int, int]
    line8: int
    line9: tuple[int, int]
    line10: int
    overnights: int
    line11_percent: int
    limit: int
    line11_allowed: bool
    line11: int
    line12: int
    low_row: int
    low_made: bool
    low5: int | None = None
    low9: int | None = None
    low12: int | None = None

    @property
    def presumed(self) -> int:
        return self.line12 if self.low12 is None else min(self.line12, self.low12)

    @property
    def low_decided(self) -> bool:
        return self.low12 is not None and self.low12 < self.line12


def worksheet(values: Values, incomes: tuple[int, int], children: int, edition: Edition,
              decimals: int) -> Sheet:
    """Form 14 for ``children`` children with the parents' figures in ``values`` and their
    monthly gross ``incomes`` in cents (receiving, paying: :func:`monthly_cents`)."""
    paying, receiving = values[PAYING], values[RECEIVING]
    lines_r = _adjusted(receiving, incomes[0], edition)
    lines_p = _adjusted(paying, incomes[1], edition)
    combined3 = lines_r[-1] + lines_p[-1]
    whole = HUNDRED_PERCENT * 10**decimals
    shares = (share_of(whole, lines_r[-1], combined3), share_of(whole, lines_p[-1], combined3))
    row = edition.row(combined3)
    line5 = edition.basic_amount(row, children)
    care_cost = round_to_dollar(receiving["child_care"])
    eligible = receiving["child_care_children"]
    eligible = children if eligible is None else min(eligible, children)
    cap = (0 if eligible == 0 else edition.credit_cap_one if eligible == 1
           else edition.credit_cap_more)
    percent = edition.credit_percent(lines_r[0])
    credit = share_of(min(care_cost, cap), percent, HUNDRED_PERCENT)
    line6 = {"6a": (care_cost - credit, 0), "6b": (0, round_to_dollar(paying["child_care"]))}
    for line, name in (("6c", "health_insurance"), ("6d", "extraordinary_medical"),
                       ("6e", "other_extraordinary")):
        line6[line] = (round_to_dollar(receiving[name]), round_to_dollar(paying[name]))
    line7 = (sum(pair[0] for pair in line6.values()), sum(pair[1] for pair in line6.values()))
    line8 = line5 + sum(line7)
    line9 = (share_of(line8, shares[0], whole), share_of(line8, shares[1], whole))
    overnights = values["overnights"]
    line11_percent = edition.overnight_percent(overnights)
    limit = edition.limit(children)
    allowed = lines_r[-1] > limit
    line11 = share_of(line5, line11_percent, HUNDRED_PERCENT) if allowed else 0
    line10 = line7[1]
    # The low-income calculation (Line 5 direction): the paying parent's own row, at 100%.
    low_row = edition.row(lines_p[-1])
    sheet = Sheet(children=children, receiving=lines_r, paying=lines_p, combined3=combined3,
                  shares=shares, decimals=decimals, beyond=edition.beyond(combined3),
                  beyond_2c=(bool(receiving["other_children"]) and edition.beyond(lines_r[0]),
                             bool(paying["other_children"]) and edition.beyond(lines_p[0])),
                  row=row, line5=line5, care=(care_cost, eligible, cap, percent, credit),
                  line6=line6, line7=line7, line8=line8, line9=line9, line10=line10,
                  overnights=overnights, line11_percent=line11_percent, limit=limit,
                  line11_allowed=allowed, line11=line11,
                  line12=max(line9[1] - line10 - line11, 0),
                  low_row=low_row, low_made=low_row <= limit)
    if sheet.low_made:
        sheet.low5 = edition.basic_amount(low_row, children)
        sheet.low9 = sheet.low5 + share_of(sum(line7), shares[1], whole)
        sheet.low12 = max(sheet.low9 - line10 - line11, 0)
    return sheet


# --- the result --------------------------------------------------------------------------

LABELS = {
    "1": N_("Monthly gross income"),
    "1a": N_("Monthly court-ordered maintenance being received"),
    "2a": N_("Other monthly child support paid under a court or administrative order"),
    "2b": N_("Monthly court-ordered maintenance being paid"),
    "2c1": N_("Number of other children primarily residing in each parent's custody"),
    "2c2": N_("Each parent's support obligation for them from the schedule, using the parent's "
           "Line 1 income"),
    "2c3": N_("Monthly child support received under a court or administrative order for those "
           "children"),
    "2c": N_("Total adjustment for other children (Line 2c(2) minus Line 2c(3))"),
    "3": N_("Adjusted monthly gross income"),
    "4": N_("Proportionate share of combined adjusted monthly gross income"),
    "5": N_("Basic child support amount (from the schedule, using combined Line 3)"),
    "6a1": N_("Reasonable work-related child care costs of the parent receiving support"),
    "6a2": N_("Child care tax credit"),
    "6a": N_("Total adjusted child care costs (Line 6a(1) minus Line 6a(2))"),
    "6b": N_("Reasonable work-related child care costs of the parent paying support"),
    "6c": N_("Health insurance costs for the children in this case"),
    "6d": N_("Uninsured agreed-upon or court-ordered extraordinary medical costs"),
    "6e": N_("Other agreed-upon or court-ordered extraordinary child-rearing costs"),
    "7": N_("Total additional child-rearing costs"),
    "8": N_("Total combined child support costs (Line 5 plus Line 7)"),
    "9": N_("Each parent's support obligation (Line 8 times each parent's Line 4)"),
    "10": N_("Credit for additional child-rearing costs (Line 7 of the parent paying support)"),
    "11": N_("Adjustment for overnight visitation or custody (Line 5 times the percentage)"),
    "12": N_("Presumed child support amount (Line 9 minus Lines 10 and 11)"),
}


def _line(key: str, receiving: Any = None, paying: Any = None, combined: Any = None,
          **more: Any) -> dict[str, Any]:
    return {"label": _(LABELS[key]), "receiving": receiving, "paying": paying,
            "combined": combined, **more}


def percent_text(units: int, decimals: int) -> str:
    """Line 4 in percent with its decimals, "60.0"."""
    return str(Decimal(units).scaleb(-decimals))


def lines(sheet: Sheet, values: Values) -> dict[str, dict[str, Any]]:
    """Every line of the worksheet, each with the figures Form 14 has for it."""
    per_parent = {key: (whole_amount(sheet.receiving[index]), whole_amount(sheet.paying[index]))
                  for index, key in enumerate(("1", "1a", "2a", "2b", "2c2", "2c3", "2c", "3"))}
    care_cost, *_others, credit = sheet.care
    result = {key: _line(key, *per_parent[key]) for key in ("1", "1a", "2a", "2b")}
    result["2c1"] = _line("2c1", values[RECEIVING]["other_children"],
                          values[PAYING]["other_children"])
    result.update({key: _line(key, *per_parent[key]) for key in ("2c2", "2c3", "2c")})
    receiving3, paying3 = per_parent["3"]
    result["3"] = _line("3", receiving3, paying3, combined=whole_amount(sheet.combined3))
    result["4"] = _line("4", *(percent_text(share, sheet.decimals) for share in sheet.shares))
    result["5"] = _line("5", combined=whole_amount(sheet.line5))
    result["6a1"] = _line("6a1", receiving=whole_amount(care_cost))
    result["6a2"] = _line("6a2", receiving=whole_amount(credit))
    result["6a"] = _line("6a", receiving=whole_amount(sheet.line6["6a"][0]))
    result["6b"] = _line("6b", paying=whole_amount(sheet.line6["6b"][1]))
    for key in ("6c", "6d", "6e"):
        result[key] = _line(key, *(whole_amount(amount) for amount in sheet.line6[key]))
    receiving7, paying7 = (whole_amount(amount) for amount in sheet.line7)
    result["7"] = _line("7", receiving7, paying7, combined=whole_amount(sum(sheet.line7)))
    result["8"] = _line("8", combined=whole_amount(sheet.line8))
    result["9"] = _line("9", whole_amount(sheet.line9[0]), whole_amount(sheet.line9[1]))
    result["10"] = _line("10", paying=whole_amount(sheet.line10))
    result["11"] = _line("11", paying=whole_amount(sheet.line11), percent=sheet.line11_percent,
                         allowed=sheet.line11_allowed)
    result["12"] = _line("12", paying=whole_amount(sheet.line12))
    return result


def compute(values: Values, applied: Applied) -> Outcome:
    """Form 14 for the input, with the edition of Form 14 in force on ``as_of``."""
    edition = schedule.edition(applied.value(FORM14))
    decimals = applied.number(DECIMALS)
    children = values["children"]
    parents = (values[RECEIVING], values[PAYING])
    converted = [parent[PERIOD] != "month" for parent in parents]
    # Form 14's twelve months are named in "rules" only when an income is converted with them;
    # the paydays a year are this site's conventions (rules.toml), read with rules.latest.
    months = applied.number(MONTHS_A_YEAR) if any(converted) else \
        rules.latest(MONTHS_A_YEAR).number()
    incomes = (monthly_cents(parents[0], months), monthly_cents(parents[1], months))
    sheet = worksheet(values, incomes, children, edition, decimals)
    increments = None
    if values["incremental"]:
        increments = []
        for fewer in range(children - 1, 0, -1):
            smaller = worksheet(values, incomes, fewer, edition, decimals)
            increments.append({"children": fewer, "presumed_amount": whole_amount(smaller.presumed),
                               "low_income_calculation": smaller.low_decided})
    result = {
        "presumed_amount": whole_amount(sheet.presumed),
        "beyond_schedule": sheet.beyond or any(sheet.beyond_2c),
        "lines": lines(sheet, values),
        "schedule": {"effective": edition.effective.isoformat(), "row": edition.label(sheet.row),
                     "children": children},
        "low_income_calculation": {
            "made": sheet.low_made, "decided": sheet.low_decided,
            "limit": whole_amount(sheet.limit), "row": edition.label(sheet.low_row),
            "line_5": whole_amount(sheet.low5), "line_9": whole_amount(sheet.low9),
            "line_12": whole_amount(sheet.low12)},
        "increments": increments,
    }
    steps = _steps(sheet, values, edition, _income_steps(parents, incomes, months, applied))
    if increments is not None:
        steps.extend(_increment_steps(increments, children))
    return Outcome(result, steps, list(CONTACTS))


# --- the steps ---------------------------------------------------------------------------

def _income_steps(parents: tuple[Values, Values], incomes: tuple[int, int], months: int,
                  applied: Applied) -> list[str]:
    """A step for each income entered other than per month, showing how it became monthly."""
    steps = []
    a_what = {value: words for value, _label, words in PERIODS}
    for role, parent, income in zip((RECEIVING, PAYING), parents, incomes, strict=True):
        period = parent[PERIOD]
        if period == "month":
            continue
        entered = _("{amount} {period}", amount=money.dollars(parent["gross_income"]),
                    period=_(a_what[period]))
        if period == "year":
            how = _("{entered} divided by {months} months", entered=entered, months=months)
        elif period == "hour":
            how = ngettext("{entered} times {number} hour a week, times {weeks} weeks a year "
                           "({convention}), divided by {months} months",
                           "{entered} times {number} hours a week, times {weeks} weeks a year "
                           "({convention}), divided by {months} months", parent[HOURS],
                           entered=entered, weeks=PAYDAYS_A_YEAR["every_week"],
                           convention=_convention(WEEKS_A_YEAR), months=months)
        else:
            how = _("{entered} times {paydays} paydays a year ({convention}), divided by "
                    "{months} months", entered=entered, paydays=PAYDAYS_A_YEAR[period],
                    convention=_convention(PAYDAYS[period]), months=months)
        message = (N_("Line 1: the receiving parent's gross income of {how} is {monthly} a "
                      "month, rounded to the cent. Form 14 uses a monthly income, one twelfth "
                      "of the income for the year ({citation}).") if role == RECEIVING else
                   N_("Line 1: the paying parent's gross income of {how} is {monthly} a month, "
                      "rounded to the cent. Form 14 uses a monthly income, one twelfth of the "
                      "income for the year ({citation})."))
        steps.append(_(message, how=how, monthly=money.dollars(income),
                       citation=applied.citation(MONTHS_A_YEAR)))
    return steps


def _convention(key: str) -> str:
    """How a step cites one of this site's conventions: "this site's convention"."""
    citation = _(rules.latest(key).rule.citation)
    return citation[0].lower() + citation[1:]


def _steps(sheet: Sheet, values: Values, edition: Edition, income_steps: list[str]) -> list[str]:
    as_of: datetime.date = values["as_of"]
    since = dates.long_date(edition.effective)
    steps = []
    if as_of < edition.effective:
        steps.append(_("You asked about {as_of}. An earlier schedule and Form 14 applied on that "
                       "date, and this site does not have them: these are the figures in force "
                       "from {since}.", as_of=dates.long_date(as_of), since=since))
    steps.append(_("This follows Form 14 and the Schedule of Basic Child Support Obligations in "
                   "force from {since} ({adopted_by}). Every amount is rounded to the nearest "
                   "dollar, with 50 cents rounded up (Form 14 directions, In General, A), so "
                   "amounts you enter with cents are rounded first.", since=since,
                   adopted_by=edition.adopted_by))
    steps.extend(income_steps)
    if values["overnights"] >= edition.overnight_bands[-1][0]:
        steps.append(_("With this many overnights the parents share about equal parenting "
                       "time. Then Form 14 presumes that the parent with the higher Line 1 "
                       "income pays support; the presumption can be rebutted, for example by "
                       "showing who pays most of the children's fixed costs (Form 14 "
                       "directions, In General, D)."))
    receiving, paying = sheet.receiving, sheet.paying
    for figures, role in ((receiving, RECEIVING), (paying, PAYING)):
        others = values[role]["other_children"]
        if others:
            income = whole_dollars(figures[0])
            read_at = (_("at the schedule's last row, {row}, since that parent's Line 1 income "
                         "of {income} is above {top}, where the schedule stops ({convention}),",
                         row=edition.label(edition.last_row), income=income,
                         top=whole_dollars(edition.last_row),
                         convention=_convention(ABOVE_SCHEDULE))
                       if edition.beyond(figures[0]) else
                       _("at that parent's Line 1 income of {income}", income=income))
            message = (N_("Line 2c: the receiving parent has {children} living with them. The "
                          "schedule amount for {others} {read_at} is {amount}; less {received} "
                          "of support received for them, the adjustment is {adjustment} (Form "
                          "14 directions, Line 2c).") if role == RECEIVING else
                       N_("Line 2c: the paying parent has {children} living with them. The "
                          "schedule amount for {others} {read_at} is {amount}; less {received} "
                          "of support received for them, the adjustment is {adjustment} (Form "
                          "14 directions, Line 2c)."))
            steps.append(_(message, children=number_of_children(others, "other "),
                           others=others, read_at=read_at, amount=whole_dollars(figures[4]),
                           received=whole_dollars(figures[5]),
                           adjustment=whole_dollars(figures[6])))
    steps.append(_("Line 3: adjusted monthly gross income is Line 1 plus maintenance received, "
                   "minus other support paid, maintenance paid and Line 2c, and never below $0: "
                   "{receiving} for the receiving parent and {paying} for the paying parent, "
                   "{combined} together (Form 14 directions, Line 3).",
                   receiving=whole_dollars(receiving[-1]), paying=whole_dollars(paying[-1]),
                   combined=whole_dollars(sheet.combined3)))
    steps.append(_("Line 4: the receiving parent's share is {receiving}% and the paying "
                   "parent's {paying}%, each rounded to a tenth of a percent (Form 14 "
                   "directions, Line 4).",
                   receiving=percent_text(sheet.shares[0], sheet.decimals),
                   paying=percent_text(sheet.shares[1], sheet.decimals)))
    basic = _("the basic amount for {children} is {amount} (Form 14 directions, Line 5).",
              children=number_of_children(sheet.children), amount=whole_dollars(sheet.line5))
    if sheet.beyond:
        steps.append(_("Line 5: {combined} is above {top}, where the schedule stops, so Form 14 "
                       "is worked out with the schedule's last row, {row} ({convention}), where "
                       "{basic}", combined=whole_dollars(sheet.combined3),
                       top=whole_dollars(edition.last_row), row=edition.label(sheet.row),
                       convention=_convention(ABOVE_SCHEDULE), basic=basic))
    else:
        steps.append(_("Line 5: {combined} is nearest the schedule's row {row} ({halves} round "
                       "up), where {basic}", combined=whole_dollars(sheet.combined3),
                       row=edition.label(sheet.row), halves=_rounding_up(edition), basic=basic))
    steps.extend(_care_steps(sheet, edition))
    steps.append(_("Line 7: additional child-rearing costs are {receiving} for the receiving "
                   "parent and {paying} for the paying parent. Line 8: {line5} plus {costs} is "
                   "{line8} (Form 14 directions, Lines 7 and 8).",
                   receiving=whole_dollars(sheet.line7[0]), paying=whole_dollars(sheet.line7[1]),
                   line5=whole_dollars(sheet.line5), costs=whole_dollars(sum(sheet.line7)),
                   line8=whole_dollars(sheet.line8)))
    steps.append(_("Line 9: the paying parent's {share}% of {line8} is {paying}; the receiving "
                   "parent's share is {receiving} (Form 14 directions, Line 9). Line 10: the "
                   "paying parent gets credit for the {line10} of costs they pay (Form 14 "
                   "directions, Line 10).", share=percent_text(sheet.shares[1], sheet.decimals),
                   line8=whole_dollars(sheet.line8), paying=whole_dollars(sheet.line9[1]),
                   receiving=whole_dollars(sheet.line9[0]), line10=whole_dollars(sheet.line10)))
    steps.extend(_overnight_steps(sheet, edition))
    line12 = {"line9": whole_dollars(sheet.line9[1]), "line10": whole_dollars(sheet.line10),
              "line11": whole_dollars(sheet.line11), "line12": whole_dollars(sheet.line12)}
    if sheet.line9[1] - sheet.line10 - sheet.line11 <= 0:
        steps.append(_("Line 12: {line9} minus {line10} and {line11} gives {line12} (the "
                       "credits reach Line 9, so Line 12 is $0, never a negative amount) (Form "
                       "14 directions, Line 12).", **line12))
    else:
        steps.append(_("Line 12: {line9} minus {line10} and {line11} gives {line12} (Form 14 "
                       "directions, Line 12).", **line12))
    steps.extend(_low_income_steps(sheet, edition))
    steps.append(_("The presumed child support amount is {amount} a month. Under {presumed_by} "
                   "a court presumes it is correct, but it can find it unjust or inappropriate "
                   "after considering all relevant factors and order a different amount. This "
                   "site does not impute income, deviate from the amount, or handle split or "
                   "third-party custody.", amount=whole_dollars(sheet.presumed),
                   presumed_by=edition.presumed_by))
    steps.extend(_above_schedule_steps(sheet, edition))
    return steps


def _rounding_up(edition: Edition) -> str:
    """The incomes halfway between two schedule rows, which take the higher row (Line 5
    direction): "$25 and $75" for rows $50 apart."""
    half = edition.step // 2
    return _("{low} and {high}", low=whole_dollars(half), high=whole_dollars(half + edition.step))


def _above_schedule_steps(sheet: Sheet, edition: Edition) -> list[str]:
    """What a court may do when an income is above the schedule (Line 12, Comment A)."""
    top = whole_dollars(edition.last_row)
    if sheet.combined3 > edition.last_row:
        return [_("The schedule stops at a combined income of {top} a month, and the parents' "
                  "is {combined}. A court may decide on a different amount: combined income "
                  "above {top} is one of the reasons Form 14 gives for a court to consider "
                  "departing from the presumed amount (Form 14 directions, Line 12, Comment A).",
                  top=top, combined=whole_dollars(sheet.combined3))]
    if any(sheet.beyond_2c):
        return [_("The schedule stops at {top} of income a month, so Line 2c was read at its "
                  "last row for a parent whose income is higher. A court may decide on a "
                  "different amount after considering all relevant factors (Form 14 "
                  "directions, Line 12, Comment A).", top=top)]
    return []


def _care_steps(sheet: Sheet, edition: Edition) -> list[str]:
    care_cost, eligible, cap, percent, credit = sheet.care
    if care_cost == 0:
        return []
    if eligible == 0:
        return [_("Line 6a: no child in child care is under {age}, so there is no child care "
                  "tax credit (Form 14 directions, Line 6a, Comment B).",
                  age=edition.credit_under_age)]
    return [ngettext("Line 6a: the child care tax credit is {percent}% (for the receiving "
                     "parent's Line 1 of {income}) of the lesser of the costs, {costs}, and "
                     "{cap} (for {number} child under {age}): {credit}, leaving {left} (Form 14 "
                     "directions, Line 6a, Comment B, and its table).",
                     "Line 6a: the child care tax credit is {percent}% (for the receiving "
                     "parent's Line 1 of {income}) of the lesser of the costs, {costs}, and "
                     "{cap} (for {number} children under {age}): {credit}, leaving {left} (Form "
                     "14 directions, Line 6a, Comment B, and its table).", eligible,
                     percent=percent, income=whole_dollars(sheet.receiving[0]),
                     costs=whole_dollars(care_cost), cap=whole_dollars(cap),
                     age=edition.credit_under_age, credit=whole_dollars(credit),
                     left=whole_dollars(sheet.line6["6a"][0]))]


def _overnight_steps(sheet: Sheet, edition: Edition) -> list[str]:
    if sheet.line11_percent == 0:
        return [ngettext("Line 11: with {number} overnight a year (fewer than {fewest}) there "
                         "is no overnight adjustment (Form 14 directions, Line 11).",
                         "Line 11: with {number} overnights a year (fewer than {fewest}) there "
                         "is no overnight adjustment (Form 14 directions, Line 11).",
                         sheet.overnights, fewest=edition.overnight_bands[1][0])]
    said = {"children": number_of_children(sheet.children),
            "line3": whole_dollars(sheet.receiving[-1]), "percent": sheet.line11_percent,
            "limit": whole_dollars(sheet.limit)}
    if sheet.line11_allowed:
        return [ngettext("Line 11: {number} overnight a year gives {percent}% of Line 5 "
                         "({line5}), {line11}. It is allowed because the receiving parent's "
                         "Line 3, {line3}, is above {limit} for {children} (Form 14 "
                         "directions, Line 11).",
                         "Line 11: {number} overnights a year gives {percent}% of Line 5 "
                         "({line5}), {line11}. It is allowed because the receiving parent's "
                         "Line 3, {line3}, is above {limit} for {children} (Form 14 "
                         "directions, Line 11).", sheet.overnights,
                         line5=whole_dollars(sheet.line5), line11=whole_dollars(sheet.line11),
                         **said)]
    return [ngettext("Line 11: {number} overnight a year would give {percent}% of Line 5, but "
                     "the adjustment is not allowed because the receiving parent's Line 3, "
                     "{line3}, is not above {limit} for {children} (Form 14 directions, Line "
                     "11, caveat). A court may still allow it if the receiving parent is "
                     "unemployed or underemployed because someone they live with pays their "
                     "expenses, or if the paying parent's Line 3 minus Line 12 is at or below "
                     "that amount. This site does not apply either exception.",
                     "Line 11: {number} overnights a year would give {percent}% of Line 5, but "
                     "the adjustment is not allowed because the receiving parent's Line 3, "
                     "{line3}, is not above {limit} for {children} (Form 14 directions, Line "
                     "11, caveat). A court may still allow it if the receiving parent is "
                     "unemployed or underemployed because someone they live with pays their "
                     "expenses, or if the paying parent's Line 3 minus Line 12 is at or below "
                     "that amount. This site does not apply either exception.",
                     sheet.overnights, **said)]


def _low_income_steps(sheet: Sheet, edition: Edition) -> list[str]:
    said = {"line3": whole_dollars(sheet.paying[-1]), "row": edition.label(sheet.low_row),
            "limit": whole_dollars(sheet.limit)}
    where = (_("The paying parent's Line 3, {line3}, is above the schedule's last row, {row}",
               **said) if edition.beyond(sheet.paying[-1]) else
             _("The paying parent's Line 3, {line3}, is nearest the schedule's row {row}",
               **said))
    if not sheet.low_made:
        return [_("{where}, above {limit}, the highest income the schedule's self-support "
                  "reserve covers for {children}, so the low-income calculation does not apply "
                  "(Form 14 directions, Line 5).", where=where, limit=said["limit"],
                  children=number_of_children(sheet.children))]
    assert sheet.low5 is not None and sheet.low9 is not None and sheet.low12 is not None
    outcome = (_("This is lower, so it is the presumed amount") if sheet.low_decided else
               _("This is not lower, so the first calculation stands"))
    return [_("{where}, at or below {limit}, so a second, low-income calculation is made (Form "
              "14 directions, Line 5): the schedule amount at the paying parent's own income, "
              "{line5}, at 100%, plus the paying parent's share of Line 7 gives a Line 9 of "
              "{line9}; minus the same Lines 10 and 11 it gives {line12}. {outcome}.",
              where=where, limit=said["limit"], line5=whole_dollars(sheet.low5),
              line9=whole_dollars(sheet.low9), line12=whole_dollars(sheet.low12),
              outcome=outcome)]


def _increment_steps(increments: list[dict[str, Any]], children: int) -> list[str]:
    if not increments:
        return [_("With one child there is no smaller order to work out for an increment "
                  "order.")]
    amounts = "; ".join(_("{children}: {amount}", children=number_of_children(item["children"]),
                          amount=whole_dollars(int(Decimal(item["presumed_amount"]))))
                        for item in increments)
    return [_("Increment order: a separate Form 14 for each number of children from {fewer} "
              "down to 1, with the same incomes and costs ({amounts}). A court orders support "
              "as one amount or in steps like these, never split per child (Form 14 "
              "directions, Line 12, increment orders). If the costs change with fewer children, "
              "work each one out again with its own costs.", fewer=children - 1,
              amounts=amounts)]


CALCULATOR = Calculator(
    name="support_amount",
    title=N_("How much child support does Form 14 give?"),
    summary=N_("Missouri works out the presumed child support amount on Form 14 with the "
               "Supreme Court's schedule. Enter both parents' monthly incomes and costs to see "
               "each line of the worksheet and the presumed monthly amount."),
    fields=FIELDS, check=check, compute=compute, rules=RULE_KEYS, layout=LAYOUT)
