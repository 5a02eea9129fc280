"""order_end: when a current support order ends.

The rule (seed 001_f6079787ae316351.txt; RSMo 452.340.3 to .5; rules.toml ``[order_end.*]``),
which applies "unless the circumstances of the child manifestly dictate otherwise and the court
specifically so provides", so the steps always say that the court's order decides:

- Not in school past 18: the 18th birthday.
- Still in high school (or an equivalency programme) at 18, or in college or vocational school:
  completion or the 21st birthday, whichever comes first, never before the 18th birthday.
- The child's death, marriage, entry into active military duty, or becoming self-supporting
  ends support on that date when it comes before the age-based end.
- An incapacitated child: the court decides (only an event gives a date).
- Birthdays of a child born on 29 February fall on 1 March in common years (this site's
  convention, ``dates.add_years``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from calculators import dates, rules
from calculators.calculator import Calculator, Outcome, Values, known
from calculators.fields import BooleanField, Choice, ChoiceField, DateField, GroupField, Reader
from calculators.i18n import N_, _, ngettext
from calculators.layout import Section
from calculators.rules import Applied
from calculators.wording import ordinal


@dataclass(frozen=True)
class Event:
    """Something that ends support on its date (RSMo 452.340.3(1) to (4))."""

    name: str
    label: str
    help: str  # one short line under the label
    what: str  # the event as the subject of a sentence
    more: str = ""  # the longer explanation, behind "What counts here?"


# In the order they rank when several happen on the same day (CONTRACT.md).
EVENTS = (
    Event("died", N_("Date the child died"), N_("Support ends if the child dies."),
          N_("The child's death")),
    Event("married", N_("Date the child married"),
          N_("Support ends when the child marries."), N_("The child's marriage")),
    Event("military", N_("Date the child joined active military duty"),
          N_("A planned date may be entered too."),
          N_("The child's entry into active military duty"),
          N_("Support ends when the child enters active duty in the military.")),
    Event("self_supporting", N_("Date the child became self-supporting"),
          N_("Support can end when the child supports themselves."),
          N_("The child becoming self-supporting"),
          N_("Support can end when the child can support themselves and the parent with "
             "custody has stopped supporting the child.")),
)
RANK = {event.name: rank for rank, event in enumerate(EVENTS)}

MAJORITY = "order_end.age_of_majority"
EDUCATION_LIMIT = "order_end.education_age_limit"
DEADLINE = "order_end.enrolment_deadline"
COURT = "order_end.court_decides"
CONDITIONS = ("order_end.credit_hours", "order_end.credit_hours_when_working",
              "order_end.work_hours_for_reduced_load", "order_end.transcript_days",
              "order_end.failing_share")
RULES = (MAJORITY, EDUCATION_LIMIT, DEADLINE, *CONDITIONS, COURT,
         "order_end.birthday_29_february")
# The values in force now, for the form's labels; compute reads them for its as_of.
AGE_18 = rules.latest(MAJORITY).number()
AGE_21 = rules.latest(EDUCATION_LIMIT).number()
ORDINAL_18, ORDINAL_21 = ordinal(AGE_18), ordinal(AGE_21)  # "18th", "21st"
ENROLMENT_DEADLINE = rules.latest(DEADLINE).value


@dataclass(frozen=True)
class Ages:
    """The ages in force on the date worked from (RSMo 452.340.3(5), (6) and .5)."""

    majority: int
    limit: int

    @classmethod
    def read(cls, applied: Applied) -> Ages:
        return cls(applied.number(MAJORITY), applied.number(EDUCATION_LIMIT))

FIELDS = (
    DateField(name="child_birth_date", label=N_("Child's date of birth"), required=True,
              help=N_("For example 2010-05-01.")),
    DateField(name="as_of", label=N_("Date to work from"), today_if_absent=True,
              help=N_("Normally today: leave it empty to use today's date."),
              more=N_("The calculator says whether support has already ended by this date.")),
    ChoiceField(
        name="schooling", label=N_("Child's schooling after {age}", age=AGE_18),
        default_choice="none", noun="the child's schooling",
        help=N_("Choose what applies or is expected."),
        more=N_("Support can continue past {age} while the child is still in high school, or "
                "is in college or vocational school.", age=AGE_18),
        choices=(
            Choice("none", N_("Not in school after {age}", age=AGE_18)),
            Choice("secondary", N_("Still in high school (or a high school equivalency "
                                   "program) at {age}", age=AGE_18)),
            Choice("post_secondary", N_("In college or vocational school, enrolled by "
                                        "{deadline} after high school",
                                        deadline=lambda: _(ENROLMENT_DEADLINE))),
        )),
    DateField(name="expected_completion",
              label=N_("Date the child is expected to finish school"),
              noun="the expected completion date",
              help=N_("Leave it empty if you do not know."),
              more=N_("When the child is expected to finish high school, college or vocational "
                      "school. Left empty, the calculator uses the 21st birthday.")),
    BooleanField(name="incapacitated",
                 label=N_("The child is physically or mentally incapacitated"),
                 noun="the answer about incapacity",
                 help=N_("So that the child cannot support themselves."),
                 more=N_("Choose this if the child cannot support themselves because of a "
                         "physical or mental condition. The court may then order support to "
                         "continue past {age}.", age=AGE_18)),
    GroupField(name="events", label=N_("Events that end support"),
               help=N_("Only for something that has happened or is planned."),
               fields=tuple(DateField(name=event.name, label=event.label, help=event.help,
                                      more=event.more)
                            for event in EVENTS)),
)

# The form: the birth date and schooling first; the rest only where it applies.
LAYOUT = (
    Section(title=None, fields=("child_birth_date", "schooling")),
    Section(title=N_("When school ends"),
            intro=N_("For a child still in school after {age}: the date the child is expected "
                     "to finish.", age=AGE_18),
            fields=("expected_completion",)),
    Section(title=N_("Incapacity, marriage, military duty and other events"),
            intro=N_("Things that can make support last longer or end sooner."),
            fields=("incapacitated", "events")),
    Section(title=N_("The date used"),
            intro=N_("The calculator works from today's date unless you enter another."),
            fields=("as_of",)),
)


def check(values: Values, reader: Reader) -> None:
    """The dates must make sense together (CONTRACT.md, order_end errors)."""
    birth, as_of = values["child_birth_date"], values["as_of"]
    completion, schooling = values["expected_completion"], values["schooling"]
    if known(birth, as_of) and birth > as_of:
        reader.error("child_birth_date",
                     _("The child's date of birth, {birth}, is after the date to work from, "
                       "{as_of}.", birth=dates.long_date(birth),
                       as_of=dates.long_date(as_of)))
    if known(birth, completion) and completion < birth:
        reader.error("expected_completion",
                     _("The expected completion date, {completion}, is before the child's date "
                       "of birth.", completion=dates.long_date(completion)))
    if known(completion) and schooling == "none":
        reader.error("expected_completion",
                     _("An expected completion date is used only for a child still in high "
                       "school, or in college or vocational school. Choose that schooling, or "
                       "leave the date empty."))
    events = values["events"]
    if not known(birth, events):
        return
    for event in EVENTS:
        when = events[event.name]
        if known(when) and when < birth:
            reader.error(f"events.{event.name}",
                         _("The {label}, {when}, is before the child's date of birth.",
                           label=_lower_first(_(event.label)), when=dates.long_date(when)))


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def age_based_end(birth: datetime.date, schooling: str, completion: datetime.date | None,
                  ages: Ages = Ages(AGE_18, AGE_21)) -> tuple[datetime.date, str]:
    """The end by age and schooling alone (RSMo 452.340.3(5) and (6), and 452.340.5)."""
    eighteenth = dates.add_years(birth, ages.majority)
    twenty_first = dates.add_years(birth, ages.limit)
    if schooling == "none":
        return eighteenth, "age_18"
    if completion is None or completion >= twenty_first:
        return twenty_first, "age_21"
    if completion <= eighteenth:
        return eighteenth, "age_18"
    return completion, "education_completed"


def compute(values: Values, applied: Applied) -> Outcome:
    """The end of support for one valid input: the age-based end, unless an event comes first
    (RSMo 452.340.3(1) to (4); same-day events rank died, married, military, self-supporting),
    or the court decides for an incapacitated child (RSMo 452.340.4)."""
    birth: datetime.date = values["child_birth_date"]
    as_of: datetime.date = values["as_of"]
    schooling: str = values["schooling"]
    completion: datetime.date | None = values["expected_completion"]
    incapacitated: bool = values["incapacitated"]
    ages = Ages.read(applied)
    first_age, last_age = ordinal(ages.majority), ordinal(ages.limit)
    age_end, age_reason = age_based_end(birth, schooling, completion, ages)
    ordinary_end = None if incapacitated else age_end
    happened = sorted((when, RANK[name]) for name, when in values["events"].items() if when)
    first = next(((when, rank) for when, rank in happened
                  if ordinary_end is None or when < ordinary_end), None)
    end_date: datetime.date | None
    if first is not None:
        end_date, reason = first[0], EVENTS[first[1]].name
    elif incapacitated:
        end_date, reason = None, "court_decides"
    else:
        end_date, reason = age_end, age_reason
    result: dict[str, Any] = {
        "end_date": end_date.isoformat() if end_date else None,
        "reason": reason,
        "already_ended": end_date is not None and end_date <= as_of,
        "age_at_end": None,
    }
    steps = _age_steps(birth, schooling, completion, age_end, ages, applied)
    if incapacitated:
        # Translators: also {majority} and {limit}, the ages (18 and 21).
        steps.append(_(
            "Without the incapacity, support would end on {end}. You said the child is "
            "physically or mentally incapacitated from supporting themselves: the court may "
            "order support to continue past the {first_age} birthday, and past the {last_age} "
            "birthday only if the order says so. So this calculator gives no end date: the "
            "court decides. The child's death, marriage, entry into active military duty or "
            "becoming self-supporting still ends support on its date.",
            end=dates.long_date(age_end), first_age=first_age, last_age=last_age,
            majority=ages.majority, limit=ages.limit))
    for when, rank in happened:
        what, on = _(EVENTS[rank].what), dates.long_date(when)
        if (when, rank) == first and ordinary_end is None:
            steps.append(_("{what} on {when} ends support on that date.", what=what, when=on))
        elif (when, rank) == first:
            steps.append(_("{what} on {when} comes before support would otherwise end, so "
                           "support ends on that date.", what=what, when=on))
        else:
            steps.append(_("{what} on {when} is not before support ends, so it does not change "
                           "the end date.", what=what, when=on))
    if end_date is not None:
        years, months = dates.age(birth, end_date)
        result["age_at_end"] = {"years": years, "months": months}
        state = (_("so by this rule support has already ended") if result["already_ended"]
                 else _("so by this rule support has not ended yet"))
        steps.append(_("Support ends on {end}, when the child is {age} old. The date you "
                       "worked from is {as_of}, {state}.", end=dates.long_date(end_date),
                       age=years_and_months(years, months), as_of=dates.long_date(as_of),
                       state=state))
    steps.append(_("This is the general rule of {citation}, which applies unless the "
                   "circumstances of the child manifestly dictate otherwise and the court "
                   "specifically so provides. Your court order decides when support ends: keep "
                   "paying the amount due each month until the court rules otherwise.",
                   citation=applied.citation(COURT)))
    steps.append(_("If you believe your child no longer needs support, call FSD's customer "
                   "service line."))
    return Outcome(result, steps, ["fsd-customer-service"])


def years_and_months(years: int, months: int) -> str:
    """"16 years and 1 month" ("16 años y 1 mes")."""
    return _("{years} and {months}",
             years=ngettext("{number} year", "{number} years", years),
             months=ngettext("{number} month", "{number} months", months))


def _age_steps(birth: datetime.date, schooling: str, completion: datetime.date | None,
               age_end: datetime.date, ages: Ages, applied: Applied) -> list[str]:
    age_18, age_21 = ages.majority, ages.limit
    first_age, last_age = ordinal(age_18), ordinal(age_21)
    eighteenth, twenty_first = dates.add_years(birth, age_18), dates.add_years(birth, age_21)
    ages_said = {"majority": age_18, "limit": age_21, "first_age": first_age,
                 "last_age": last_age, "eighteenth": dates.long_date(eighteenth),
                 "twenty_first": dates.long_date(twenty_first)}
    steps = [_("The child was born on {birth}.", birth=dates.long_date(birth))]
    if dates.is_29_february(birth):
        steps.append(_("The child was born on 29 February. In years without a 29 February this "
                       "site counts the child's birthday as 1 March. No Missouri rule on this "
                       "was found: it is this site's own convention, and the court's order "
                       "decides."))
    if schooling == "none":
        # Translators: also {majority}, {limit} (18, 21), {eighteenth}, {twenty_first} (the birthdays).
        steps.append(_("A child who is not in school after {majority} is supported until the "
                       "{first_age} birthday: {eighteenth}.", **ages_said))
        return steps
    if schooling == "secondary":
        # Translators: also {majority}, {limit} (18, 21), {eighteenth}, {twenty_first} (the birthdays).
        steps.append(_("The child is still in high school or a high school equivalency program "
                       "at {majority}, so support continues until the child finishes or turns "
                       "{limit}, whichever comes first, and not before the {first_age} "
                       "birthday.", **ages_said))
    else:
        # Translators: also {majority}, {limit} (18, 21), {eighteenth}, {twenty_first} (the birthdays).
        steps.append(_("The child is in college or vocational school, so support continues "
                       "until the child finishes or turns {limit}, whichever comes first, and "
                       "not before the {first_age} birthday.", **ages_said))
        steps.append(_post_secondary_conditions(applied))
    if completion is None:
        # Translators: also {majority}, {limit} (18, 21), {eighteenth}, {twenty_first} (the birthdays).
        steps.append(_("No expected completion date was given, so this uses the {last_age} "
                       "birthday: {twenty_first}.", **ages_said))
    elif age_end == twenty_first:
        # Translators: also {majority}, {limit} (18, 21), {eighteenth}, {twenty_first} (the birthdays).
        steps.append(_("The expected completion date, {completion}, is not before the "
                       "{last_age} birthday, so support would end on the {last_age} birthday: "
                       "{twenty_first}.", completion=dates.long_date(completion), **ages_said))
    elif age_end == eighteenth:
        # Translators: also {majority}, {limit} (18, 21), {eighteenth}, {twenty_first} (the birthdays).
        steps.append(_("The expected completion date, {completion}, is not after the "
                       "{first_age} birthday, so support would end on the {first_age} birthday: "
                       "{eighteenth}.", completion=dates.long_date(completion), **ages_said))
    else:
        # Translators: also {majority}, {limit} (18, 21), {eighteenth}, {twenty_first} (the birthdays).
        steps.append(_("The child is expected to finish on {completion}, before the {last_age} "
                       "birthday ({twenty_first}), so support would end on that date.",
                       completion=dates.long_date(completion), **ages_said))
    return steps


def _post_secondary_conditions(applied: Applied) -> str:
    """The conditions of RSMo 452.340.5 that the calculator states but does not check (rules
    marked ``documents`` in rules.toml)."""
    hours, reduced, work, days = (applied.number(key) for key in CONDITIONS[:4])
    failing = applied.value(CONDITIONS[4])
    deadline = applied.value(DEADLINE)
    return _("This assumes the child meets the conditions the law sets for support during "
             "college or vocational school, which this calculator does not check. Support can "
             "end sooner if the child did not enroll by {deadline} after finishing high school; "
             "does not enroll in and complete at least {hours} credit hours each semester "
             "({reduced} for a child who works at least {work} hours a week, and a child with a "
             "disability may be excused); fails {failing} or more of the courseload in a "
             "semester; or does not give a parent transcripts or similar official documents "
             "within {days} days of the parent's request.", deadline=_(deadline), hours=hours,
             reduced=reduced, work=work, failing=_(failing), days=days)



CALCULATOR = Calculator(
    name="order_end",
    title=N_("When does a support order end?"),
    summary=N_("Missouri support usually ends at {majority}, or later while the child "
               "finishes high school or is in college or vocational school, but not after "
               "{limit}, and sooner if the child marries, dies, joins active military duty or "
               "becomes self-supporting. Enter the child's details to see the date the general "
               "rule gives. Your court order decides.", majority=AGE_18, limit=AGE_21),
    fields=FIELDS, check=check, compute=compute, rules=RULES, layout=LAYOUT)
