"""The legal numbers, read once from ``rules.toml`` (shipped inside the package).

Every number the calculators apply (ages, the review cycle, the 20 percent threshold, the limits
on input) comes from here, so that a change in the law is a change to one line of
``rules.toml`` with its citation and effective date. A malformed file stops the import with a
message that names the rule and the key to fix.
"""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

REQUIRED = ("value", "summary", "citation", "effective")
OPTIONAL = ("unit", "url", "seed", "effective_note", "note", "month", "day")
SITE_CONVENTION = "This site's convention"


class RulesError(ValueError):
    """``rules.toml`` does not have the shape the calculators rely on."""


@dataclass(frozen=True)
class Rule:
    """One rule: its value and where it comes from."""

    key: str
    value: Any
    summary: str
    citation: str
    effective: datetime.date
    url: str | None = None
    seed: str | None = None
    unit: str | None = None
    note: str | None = None
    effective_note: str | None = None
    extra: tuple[tuple[str, int], ...] = ()

    @property
    def is_site_convention(self) -> bool:
        return self.citation == SITE_CONVENTION

    def part(self, name: str) -> int:
        """An extra number of the rule, such as the month and day of a deadline."""
        return dict(self.extra)[name]


def parse_rules(text: str) -> dict[str, Rule]:
    """Read the TOML text of a rules file into rules keyed ``"section.name"``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesError(f"calculators/rules.toml is not valid TOML: {error}") from None
    rules: dict[str, Rule] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise RulesError(f"calculators/rules.toml: [{section}] must be a table of rules, "
                             f"like [{section}.some_rule]")
        for name, entry in table.items():
            key = f"{section}.{name}"
            rules[key] = _rule(key, entry)
    return rules


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
    if type(entry["effective"]) is not datetime.date:
        raise RulesError(f"{where}: effective must be a date written YYYY-MM-DD, without quotes")
    texts = ("summary", "citation", "url", "seed", "unit", "note", "effective_note")
    for name in texts:
        if name in entry and not (isinstance(entry[name], str) and entry[name].strip()):
            raise RulesError(f"{where}: {name} must be a non-empty string")
    if entry["citation"] == SITE_CONVENTION and "note" not in entry:
        raise RulesError(f"{where} is this site's convention: add a note saying why the site "
                         "decided so")
    extra = tuple((name, entry[name]) for name in ("month", "day") if name in entry)
    if any(type(number) is not int for _, number in extra):
        raise RulesError(f"{where}: month and day must be whole numbers")
    return Rule(key=key, value=entry["value"], summary=entry["summary"],
                citation=entry["citation"], effective=entry["effective"],
                url=entry.get("url"), seed=entry.get("seed"), unit=entry.get("unit"),
                note=entry.get("note"), effective_note=entry.get("effective_note"), extra=extra)


def _load() -> dict[str, Rule]:
    text = resources.files("calculators").joinpath("rules.toml").read_text(encoding="utf-8")
    return parse_rules(text)


RULES = _load()


def rule(key: str) -> Rule:
    """The rule named ``key`` ("section.name"); a missing rule is a maintainer's mistake."""
    try:
        return RULES[key]
    except KeyError:
        raise RulesError(f"calculators/rules.toml has no rule [{key}]") from None


def number(key: str) -> int:
    """The whole-number value of a rule, such as an age in years."""
    value = rule(key).value
    if type(value) is not int:
        raise RulesError(f"calculators/rules.toml, [{key}]: value must be a whole number")
    return value


def date_value(key: str) -> datetime.date:
    """The date value of a rule, such as the earliest date accepted."""
    value = rule(key).value
    if type(value) is not datetime.date:
        raise RulesError(f"calculators/rules.toml, [{key}]: value must be a date YYYY-MM-DD")
    return value
