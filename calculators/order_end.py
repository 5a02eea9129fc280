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
from calculators.layout import Section
from calculators.rules import Applied
from calculators.wording import ordinal, plural


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
    Event("died", "Date the child died", "Support ends if the child dies.", "The child's death"),
    Event("married", "Date the child married",
          "Support ends when the child marries.", "The child's marriage"),
    Event("military", "Date the child joined active military duty",
          "A planned date may be entered too.", "The child's entry into active military duty",
          "Support ends when the child enters active duty in the military."),
    Event("self_supporting", "Date the child became self-supporting",
          "Support can end when the child supports themselves.",
          "The child becoming self-supporting",
          "Support can end when the child can support themselves and the parent with custody "
          "has stopped supporting the child."),
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
    DateField(name="child_birth_date", label="Child's date of birth", required=True,
              help="For example 2010-05-01."),
    DateField(name="as_of", label="Date to work from", today_if_absent=True,
              help="Normally today: leave it empty to use today's date.",
              more="The calculator says whether support has already ended by this date."),
    ChoiceField(
        name="schooling", label=f"Child's schooling after {AGE_18}", default_choice="none",
        noun="the child's schooling",
        help="Choose what applies or is expected.",
        more=(f"Support can continue past {AGE_18} while the child is still in high school, or "
              "is in college or vocational school."),
        choices=(
            Choice("none", f"Not in school after {AGE_18}"),
            Choice("secondary", "Still in high school (or a high school equivalency program) "
                                f"at {AGE_18}"),
            Choice("post_secondary", "In college or vocational school, enrolled by "
                                     f"{ENROLMENT_DEADLINE} after high school"),
        )),
    DateField(name="expected_completion", label="Date the child is expected to finish school",
              noun="the expected completion date",
              help="Leave it empty if you do not know.",
              more=("When the child is expected to finish high school, college or vocational "
                    "school. Left empty, the calculator uses the 21st birthday.")),
    BooleanField(name="incapacitated",
                 label="The child is physically or mentally incapacitated",
                 noun="the answer about incapacity",
                 help="So that the child cannot support themselves.",
                 more=("Choose this if the child cannot support themselves because of a "
                       "physical or mental condition. The court may then order support to "
                       f"continue past {AGE_18}.")),
    GroupField(name="events", label="Events that end support",
               help="Only for something that has happened or is planned.",
               fields=tuple(DateField(name=event.name, label=event.label, help=event.help,
                                      more=event.more)
                            for event in EVENTS)),
)

# The form: the birth date and schooling first; the rest only where it applies.
LAYOUT = (
    Section(title=None, fields=("child_birth_date", "schooling")),
    Section(title="When school ends",
            intro=("For a child still in school after "
                   f"{AGE_18}: the date the child is expected to finish."),
            fields=("expected_completion",)),
    Section(title="Incapacity, marriage, military duty and other events",
            intro="Things that can make support last longer or end sooner.",
            fields=("incapacitated", "events")),
    Section(title="The date used",
            intro="The calculator works from today's date unless you enter another.",
            fields=("as_of",)),
)


def check(values: Values, reader: Reader) -> None:
    """The dates must make sense together (CONTRACT.md, order_end errors)."""
    birth, as_of = values["child_birth_date"], values["as_of"]
    completion, schooling = values["expected_completion"], values["schooling"]
    if known(birth, as_of) and birth > as_of:
        reader.error("child_birth_date",
                     f"The child's date of birth, {dates.long_date(birth)}, is after the date "
                     f"to work from, {dates.long_date(as_of)}.")
    if known(birth, completion) and completion < birth:
        reader.error("expected_completion",
                     f"The expected completion date, {dates.long_date(completion)}, is before "
                     "the child's date of birth.")
    if known(completion) and schooling == "none":
        reader.error("expected_completion",
                     "An expected completion date is used only for a child still in high "
                     "school, or in college or vocational school. Choose that schooling, or "
                     "leave the date empty.")
    events = values["events"]
    if not known(birth, events):
        return
    for event in EVENTS:
        when = events[event.name]
        if known(when) and when < birth:
            reader.error(f"events.{event.name}",
                         f"The {event.label[0].lower()}{event.label[1:]}, "
                         f"{dates.long_date(when)}, is before the child's date of birth.")


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
        steps.append(
            f"Without the incapacity, support would end on {dates.long_date(age_end)}. You said "
            "the child is physically or mentally incapacitated from supporting themselves: the "
            f"court may order support to continue past the {first_age} birthday, and past the "
            f"{last_age} birthday only if the order says so. So this calculator gives no end "
            "date: the court decides. The child's death, marriage, entry into active military "
            "duty or becoming self-supporting still ends support on its date.")
    for when, rank in happened:
        what = f"{EVENTS[rank].what} on {dates.long_date(when)}"
        if (when, rank) == first and ordinary_end is None:
            steps.append(f"{what} ends support on that date.")
        elif (when, rank) == first:
            steps.append(f"{what} comes before support would otherwise end, so support ends on "
                         "that date.")
        else:
            steps.append(f"{what} is not before support ends, so it does not change the end "
                         "date.")
    if end_date is not None:
        years, months = dates.age(birth, end_date)
        result["age_at_end"] = {"years": years, "months": months}
        state = ("so by this rule support has already ended" if result["already_ended"]
                 else "so by this rule support has not ended yet")
        steps.append(f"Support ends on {dates.long_date(end_date)}, when the child is "
                     f"{plural(years, 'year')} and {plural(months, 'month')} old. The date you "
                     f"worked from is {dates.long_date(as_of)}, {state}.")
    steps.append(f"This is the general rule of {applied.citation(COURT)}, which applies unless the "
                 "circumstances of the child manifestly dictate otherwise and the court "
                 "specifically so provides. Your court order decides when support ends: keep "
                 "paying the amount due each month until the court rules otherwise.")
    steps.append("If you believe your child no longer needs support, call FSD's customer "
                 "service line.")
    return Outcome(result, steps, ["fsd-customer-service"])


def _age_steps(birth: datetime.date, schooling: str, completion: datetime.date | None,
               age_end: datetime.date, ages: Ages, applied: Applied) -> list[str]:
    age_18, age_21 = ages.majority, ages.limit
    first_age, last_age = ordinal(age_18), ordinal(age_21)
    eighteenth, twenty_first = dates.add_years(birth, age_18), dates.add_years(birth, age_21)
    steps = [f"The child was born on {dates.long_date(birth)}."]
    if dates.is_29_february(birth):
        steps.append("The child was born on 29 February. In years without a 29 February this "
                     "site counts the child's birthday as 1 March. No Missouri rule on this was "
                     "found: it is this site's own convention, and the court's order decides.")
    if schooling == "none":
        steps.append(f"A child who is not in school after {age_18} is supported until the "
                     f"{first_age} birthday: {dates.long_date(eighteenth)}.")
        return steps
    if schooling == "secondary":
        steps.append(f"The child is still in high school or a high school equivalency program "
                     f"at {age_18}, so support continues until the child finishes or turns "
                     f"{age_21}, whichever comes first, and not before the {first_age} birthday.")
    else:
        steps.append(f"The child is in college or vocational school, so support continues until "
                     f"the child finishes or turns {age_21}, whichever comes first, and not "
                     f"before the {first_age} birthday.")
        steps.append(_post_secondary_conditions(applied))
    if completion is None:
        steps.append(f"No expected completion date was given, so this uses the {last_age} "
                     f"birthday: {dates.long_date(twenty_first)}.")
    elif age_end == twenty_first:
        steps.append(f"The expected completion date, {dates.long_date(completion)}, is not "
                     f"before the {last_age} birthday, so support would end on the {last_age} "
                     f"birthday: {dates.long_date(twenty_first)}.")
    elif age_end == eighteenth:
        steps.append(f"The expected completion date, {dates.long_date(completion)}, is not "
                     f"after the {first_age} birthday, so support would end on the {first_age} "
                     f"birthday: {dates.long_date(eighteenth)}.")
    else:
        steps.append(f"The child is expected to finish on {dates.long_date(completion)}, before "
                     f"the {last_age} birthday ({dates.long_date(twenty_first)}), so support "
                     "would end on that date.")
    return steps


def _post_secondary_conditions(applied: Applied) -> str:
    """The conditions of RSMo 452.340.5 that the calculator states but does not check (rules
    marked ``documents`` in rules.toml)."""
    hours, reduced, work, days = (applied.number(key) for key in CONDITIONS[:4])
    failing = applied.value(CONDITIONS[4])
    deadline = applied.value(DEADLINE)
    return ("This assumes the child meets the conditions the law sets for support during "
            "college or vocational school, which this calculator does not check. Support can "
            f"end sooner if the child did not enroll by {deadline} after finishing "
            f"high school; does not enroll in and complete at least {hours} credit hours each "
            f"semester ({reduced} for a child who works at least {work} hours a week, and a "
            f"child with a disability may be excused); fails {failing} or more of the "
            "courseload in a semester; or does not give a parent transcripts or similar "
            f"official documents within {days} days of the parent's request.")



CALCULATOR = Calculator(
    name="order_end",
    title="When does a support order end?",
    summary=(f"Missouri support usually ends at {AGE_18}, or later while the child finishes "
             f"high school or is in college or vocational school, but not after {AGE_21}, and "
             "sooner if the child marries, dies, joins active military duty or becomes "
             "self-supporting. Enter "
             "the child's details to see the date the general rule gives. Your court order "
             "decides."),
    fields=FIELDS, check=check, compute=compute, rules=RULES, layout=LAYOUT)
