"""The legal numbers, read once from ``rules.toml`` (shipped inside the package), each keyed by
the date it took effect.

Every number the calculators apply (ages, the review cycle, the 20 percent threshold, the limits
on input) comes from here, so that a change in the law is one new dated line in ``rules.toml``
with its citation; answers for earlier dates keep the value in force then. A malformed file stops
the import with a message that names the rule and the key to fix.

- :func:`at` gives a rule's value in force on a date (:class:`Dated`); before the rule's earliest
  dated value it gives the earliest and says so (``Dated.before_earliest``).
- :func:`latest` gives the newest value, for limits and conventions that do not depend on a date.
- :class:`Applied` is what a calculator's compute function receives: it reads values for the
  request's ``as_of`` and remembers each one, so that the response names the effective date of
  every dated value it used (``"rules"``, calculators/CONTRACT.md).
"""

from __future__ import annotations

import datetime
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from calculators.dates import long_date
from calculators.i18n import N_, ngettext
from calculators.wording import join_and

REQUIRED = ("values", "summary", "citation")
OPTIONAL = ("unit", "url", "seed", "effective_note", "note", "documents")
SITE_CONVENTION = N_("This site's convention")  # said in the steps: _convention

Book = Mapping[str, "Rule"]  # every rule of a rules file, keyed "section.name"


class RulesError(ValueError):
    """``rules.toml`` does not have the shape the calculators rely on, or the code asked for a
    rule it has not declared."""


@dataclass(frozen=True)
class Rule:
    """One rule: its dated values and where it comes from.

    ``values`` holds ``(effective date, value)`` pairs, oldest first. ``documents`` marks a rule
    that is shown (on a page, in a step) but decides no number a calculator computes.
    """

    key: str
    values: tuple[tuple[datetime.date, Any], ...]
    summary: str
    citation: str
    url: str | None = None
    seed: str | None = None
    unit: str | None = None
    note: str | None = None
    effective_note: str | None = None
    documents: bool = False

    @property
    def is_site_convention(self) -> bool:
        return self.citation == SITE_CONVENTION

    @property
    def earliest(self) -> datetime.date:
        return self.values[0][0]

    def at(self, as_of: datetime.date) -> Dated:
        """The value in force on ``as_of``: the one with the latest effective date on or before
        it, or the earliest value when ``as_of`` is before every dated value."""
        effective, value = self.values[0]
        for date, dated_value in self.values:
            if date <= as_of:
                effective, value = date, dated_value
        return Dated(value=value, effective=effective, before_earliest=as_of < self.earliest,
                     rule=self)

    def latest(self) -> Dated:
        effective, value = self.values[-1]
        return Dated(value=value, effective=effective, before_earliest=False, rule=self)


@dataclass(frozen=True)
class Dated:
    """A rule's value as found for a date, with the date that value took effect."""

    value: Any
    effective: datetime.date
    before_earliest: bool  # the date asked for is before the rule's earliest value
    rule: Rule

    def number(self) -> int:
        if type(self.value) is not int:
            raise RulesError(f"calculators/rules.toml, [{self.rule.key}]: values must be whole "
                             "numbers")
        return self.value

    def date(self) -> datetime.date:
        if type(self.value) is not datetime.date:
            raise RulesError(f"calculators/rules.toml, [{self.rule.key}]: values must be dates "
                             "YYYY-MM-DD")
        return self.value


def parse_rules(text: str) -> dict[str, Rule]:
    """Read the TOML text of a rules file into rules keyed ``"section.name"``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesError(f"calculators/rules.toml is not valid TOML: {error}") from None
    book: dict[str, Rule] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise RulesError(f"calculators/rules.toml: [{section}] must be a table of rules, "
                             f"like [{section}.some_rule]")
        for name, entry in table.items():
            key = f"{section}.{name}"
            book[key] = _rule(key, entry)
    return book


def _rule(key: str, entry: object) -> Rule:
    where = f"calculators/rules.toml, [{key}]"
    if not isinstance(entry, dict):
        raise RulesError(f"{where} must be a table with {', '.join(REQUIRED)}")
    missing = [name for name in REQUIRED if name not in entry]
    if missing:
        raise RulesError(f"{where} lacks {', '.join(missing)}: every rule needs "
                         f"{', '.join(REQUIRED)}")
    unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise RulesError(f"{where} has unknown keys {', '.join(unknown)}; the keys a rule may "
                         f"have are {', '.join(REQUIRED + OPTIONAL)}")
    texts = ("summary", "citation", "url", "seed", "unit", "note", "effective_note")
    for name in texts:
        if name in entry and not (isinstance(entry[name], str) and entry[name].strip()):
            raise RulesError(f"{where}: {name} must be a non-empty string")
    if entry["citation"] == SITE_CONVENTION and "note" not in entry:
        raise RulesError(f"{where} is this site's convention: add a note saying why the site "
                         "decided so")
    if type(entry.get("documents", False)) is not bool:
        raise RulesError(f"{where}: documents must be true or false")
    return Rule(key=key, values=_values(key, entry["values"]), summary=entry["summary"],
                citation=entry["citation"], url=entry.get("url"), seed=entry.get("seed"),
                unit=entry.get("unit"), note=entry.get("note"),
                effective_note=entry.get("effective_note"),
                documents=entry.get("documents", False))


def _values(key: str, table: object) -> tuple[tuple[datetime.date, Any], ...]:
    where = f"calculators/rules.toml, [{key}]"
    example = f"[{key}.values] with lines like 2020-01-01 = 3"
    if not isinstance(table, dict) or not table:
        raise RulesError(f"{where}: values must be a table {example}")
    values = []
    for written, value in table.items():
        try:
            date = datetime.date.fromisoformat(written)
        except ValueError:
            date = None
        if date is None or len(written) != len("YYYY-MM-DD"):
            raise RulesError(f"calculators/rules.toml, [{key}.values]: {written} is not a date "
                             f"YYYY-MM-DD ({example})")
        if isinstance(value, (dict, list)):
            raise RulesError(f"calculators/rules.toml, [{key}.values]: the value from {written} "
                             "must be one number, word or date")
        values.append((date, value))
    return tuple(sorted(values, key=lambda pair: pair[0]))


def _load() -> dict[str, Rule]:
    text = resources.files("calculators").joinpath("rules.toml").read_text(encoding="utf-8")
    return parse_rules(text)


RULES: Book = _load()


def rule(key: str, book: Book = RULES) -> Rule:
    """The rule named ``key`` ("section.name"); a missing rule is a maintainer's mistake."""
    try:
        return book[key]
    except KeyError:
        raise RulesError(f"calculators/rules.toml has no rule [{key}]") from None


def at(key: str, as_of: datetime.date, book: Book = RULES) -> Dated:
    """The value of rule ``key`` in force on ``as_of`` (the earliest value before that)."""
    return rule(key, book).at(as_of)


def latest(key: str, book: Book = RULES) -> Dated:
    """The newest value of rule ``key``: for limits and this site's conventions, which do not
    depend on the date a calculation works from, and for a form's labels."""
    return rule(key, book).latest()


def value_used(key: str, effective: str, book: Book = RULES) -> Any:
    """The value of rule ``key`` that took effect on ``effective`` ("YYYY-MM-DD"), as a
    response's ``"rules"`` names it: the value the answer used, for the words shown with it."""
    for date, value in rule(key, book).values:
        if date.isoformat() == effective:
            return value
    raise RulesError(f"calculators/rules.toml has no value of [{key}] that took effect on "
                     f"{effective}")


class Applied:
    """The rules as one request applies them: each value read for the request's ``as_of``.

    ``keys`` are the rules the calculator declares (``Calculator.rules``); reading any other is
    refused, so that the list a calculator's page shows stays true. Every value read is
    remembered: :meth:`used` is the response's ``"rules"`` (key -> effective date, ISO) and
    :meth:`notes` the steps saying which values were used before their earliest date.
    """

    def __init__(self, as_of: datetime.date, keys: Collection[str], book: Book = RULES) -> None:
        self.as_of = as_of
        self.keys = keys
        self.book = book
        self._used: dict[str, Dated] = {}

    def dated(self, key: str) -> Dated:
        if key not in self.keys:
            raise RulesError(f"the calculator reads [{key}] without declaring it in its rules")
        found = at(key, self.as_of, self.book)
        self._used[key] = found
        return found

    def value(self, key: str) -> Any:
        """The value in force on ``as_of``."""
        return self.dated(key).value

    def number(self, key: str) -> int:
        """The whole-number value in force on ``as_of``, such as an age in years."""
        return self.dated(key).number()

    def citation(self, key: str) -> str:
        """Where the rule comes from, as a step cites it: "RSMo 454.498". A step that cites a
        rule states it, so the rule counts as used."""
        return self.dated(key).rule.citation

    def used(self) -> dict[str, str]:
        """Each rule read, sorted by key, with the date its value took effect."""
        return {key: self._used[key].effective.isoformat() for key in sorted(self._used)}

    def notes(self) -> list[str]:
        """A step for each earliest date used for a date before it: the rules whose earliest
        dated value was used because ``as_of`` comes before any."""
        early: dict[datetime.date, list[str]] = {}
        for _, dated in sorted(self._used.items()):
            if dated.before_earliest and dated.rule.citation not in early.get(dated.effective, []):
                early.setdefault(dated.effective, []).append(dated.rule.citation)
        notes = []
        for effective, citations in sorted(early.items()):
            notes.append(ngettext(
                "This site has the rule of {citations} only as it stands from {since}. The "
                "date worked from, {worked}, is earlier, so it is used as it stood on {since}; "
                "the law in force before then may have been different.",
                "This site has the rules of {citations} only as they stand from {since}. The "
                "date worked from, {worked}, is earlier, so they are used as they stood on "
                "{since}; the law in force before then may have been different.",
                len(citations), citations=join_and(citations), since=long_date(effective),
                worked=long_date(self.as_of)))
        return notes
