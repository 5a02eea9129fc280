"""The facts a page states, and the sources that back them (tests/content/test_fact_coverage.py).

A *fact* is one of these, found in a page's prose and in its sources by the same rules:

- ``phone``: a ten-digit phone number, in any way of writing it (build_tools/data/phones.py, the same
  recogniser as the build's typed-number check); its key is the ten digits.
- ``money``: a dollar amount ("$2,000", "$17.50", "$1 million", "$2 billion"); its key is the
  amount ("2000", "17.5", "1000000").
- ``percent``: "20%", "20 percent"; its key is the number.
- ``duration``: a count of days, business days, weeks, months or years ("30 days", "3-year",
  "20 business days", "thirty days"); its key is "30 day", "3 year", "20 business day".
- ``citation``: a statute or rule: "RSMo 452.340.5" (key "RSMo 452.340": a source for a section
  backs its subsections), "13 CSR 40-110.030", "45 CFR 302.33", "42 U.S.C. 666" (keys
  "13 CSR 40-110.030", "45 CFR 302.33", "42 USC 666").

Calendar dates ("June 15, 2027", "1995") are not facts here, and neither are ages ("age 18") or
counts of other things ("12 credit hours").

In a *source* (a manifest entry, a seed statement, a data file), citations may also be written
"section 452.340" or "Section 454.548, RSMo", or be a revisor.mo.gov or ecfr.gov address.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from build_tools.data import phones

KINDS = {
    "phone": "phone number",
    "money": "dollar amount",
    "percent": "percentage",
    "duration": "count of days, weeks, months or years",
    "citation": "citation",
}

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
          "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90}
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(_WORDS, key=len, reverse=True))

MONEY = re.compile(
    r"\$\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(?:\s+(million|billion))?(?![\d,]*\d)",
    re.IGNORECASE)
PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
DURATION = re.compile(
    rf"(?<![\w.,$-])({_NUMBER})[\s\u00a0-](business days?|working days?|calendar days?|days?|"
    r"weeks?|months?|years?)\b(?!-old)", re.IGNORECASE)
RSMO = re.compile(r"\bRSMo\.?,?\s*(?:§+\s*)?(\d{1,3}\.\d{3,4})((?:\.\d+)*)")
CSR = re.compile(r"\b(\d{1,2})\s*CSR\s*(\d{1,3}-\d{1,3}\.\d{3})")
CFR = re.compile(r"\b(\d{1,2})\s*C\.?F\.?R\.?\s*(?:§+\s*|[Pp]art\s+)?(\d{1,4}(?:\.\d{1,4})?)")
USC = re.compile(r"\b(\d{1,2})\s*U\.?\s?S\.?\s?C\.?\s*(?:§+\s*)?(\d{1,5}[a-z]?)")
# Only in sources: other ways of naming a Missouri statute or a federal rule.
SECTION = re.compile(r"\b[Ss]ections?\s+(\d{1,3}\.\d{3,4})")
SECTION_RSMO = re.compile(r"\b(\d{1,3}\.\d{3,4})(?:\.\d+)*,?\s+RSMo\b")
REVISOR_URL = re.compile(r"revisor\.mo\.gov/\S*?section=(\d{1,3}\.\d{3,4})")
ECFR_URL = re.compile(r"ecfr\.gov/\S*?title-(\d{1,2})/\S*?section-(\d{1,4}\.\d{1,4})")


@dataclass(frozen=True)
class Fact:
    kind: str   # one of KINDS
    key: str    # what is compared with the sources
    text: str   # as written

    def describe(self) -> str:
        return f"{KINDS[self.kind]} {self.text!r}"


def _number(text: str) -> int:
    text = text.lower()
    return _WORDS[text] if text in _WORDS else int(text.replace(",", ""))


def _amount(whole: str, cents: str | None, scale: str | None) -> str:
    value = Decimal(whole.replace(",", "") + (cents or ""))
    if scale:
        value *= Decimal(10) ** (6 if scale.lower() == "million" else 9)
    return format(value.normalize(), "f")


def _unit(unit: str) -> str:
    unit = unit.lower()
    return unit[:-1] if unit.endswith("s") else unit


def in_text(text: str, source: bool = False) -> list[Fact]:
    """Every fact in ``text``, in order; ``source=True`` also reads the ways sources name laws."""
    found: list[tuple[int, Fact]] = []
    for phone in phones.find(text):
        found.append((phone.start, Fact("phone", phone.digits, phone.text)))
    for match in MONEY.finditer(text):
        found.append((match.start(), Fact("money", _amount(*match.groups()), match.group(0))))
    for match in PERCENT.finditer(text):
        key = format(Decimal(match.group(1)).normalize(), "f")
        found.append((match.start(), Fact("percent", key, match.group(0))))
    for match in DURATION.finditer(text):
        key = f"{_number(match.group(1))} {_unit(match.group(2))}"
        found.append((match.start(), Fact("duration", key, match.group(0))))
    for match in RSMO.finditer(text):
        found.append((match.start(), Fact("citation", f"RSMo {match.group(1)}", match.group(0))))
    for match in CSR.finditer(text):
        key = f"{match.group(1)} CSR {match.group(2)}"
        found.append((match.start(), Fact("citation", key, match.group(0))))
    for match in CFR.finditer(text):
        key = f"{match.group(1)} CFR {match.group(2)}"
        found.append((match.start(), Fact("citation", key, match.group(0))))
    for match in USC.finditer(text):
        key = f"{match.group(1)} USC {match.group(2)}"
        found.append((match.start(), Fact("citation", key, match.group(0))))
    if source:
        for pattern in (SECTION, SECTION_RSMO, REVISOR_URL):
            for match in pattern.finditer(text):
                key = f"RSMo {match.group(1)}"
                found.append((match.start(), Fact("citation", key, match.group(0))))
        for match in ECFR_URL.finditer(text):
            key = f"{match.group(1)} CFR {match.group(2)}"
            found.append((match.start(), Fact("citation", key, match.group(0))))
    return [fact for _, fact in sorted(found, key=lambda pair: pair[0])]


def keys(facts: Iterable[Fact]) -> set[tuple[str, str]]:
    return {(fact.kind, fact.key) for fact in facts}


def in_rules(text: str) -> set[tuple[str, str]]:
    """The facts of a rules or schedule file in TOML: its text, and each rule's value with its
    unit (``value = 3`` with ``unit = "years"`` is the fact "3 years"; dated values too)."""
    found = keys(in_text(text, source=True))

    def walk(table: dict[str, Any]) -> None:
        unit = table.get("unit")
        values: list[Any] = []
        if "value" in table:
            values.append(table["value"])
        if isinstance(table.get("values"), dict):
            values.extend(table["values"].values())
        if isinstance(unit, str):
            for value in values:
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    continue
                found.update(keys(_unit_facts(value, unit)))
        for item in table.values():
            if isinstance(item, dict):
                walk(item)

    walk(tomllib.loads(text))
    return found


def in_schedule(text: str) -> set[tuple[str, str]]:
    """The facts of a Form 14 schedule file in TOML (one with a ``[schedule]`` table), as the
    pages for working Form 14 by hand show them: every row's income and amount, the first row's
    range ("0-1300": $0 and $1,300), the self-support limits, the child care credit's caps, the
    first and last income of each credit band (a band ends a dollar before the next begins) as
    dollar amounts; each credit and overnight percentage as a percentage. Empty for other files."""
    data = tomllib.loads(text)
    head = data.get("schedule")
    if not isinstance(head, dict):
        return set()
    dollars: set[int] = {head["first_row_top"], head["last_row"]}
    dollars.update(int(part) for part in str(head["first_row"]).split("-"))
    for key, amounts in data["rows"].items():
        if key != head["first_row"]:
            dollars.add(int(key))
        dollars.update(amounts)
    dollars.update(data["self_support_limit"]["limits"])
    credit = data["child_care_tax_credit"]
    dollars.update((credit["cap_one_child"], credit["cap_more_children"]))
    lows = [low for low, _ in credit["bands"]]
    dollars.update(lows)
    dollars.update(low - 1 for low in lows[1:])
    percents = {percent for _, percent in credit["bands"]}
    percents.update(percent for _, _, percent in data["overnight_adjustment"]["bands"])
    return ({("money", str(amount)) for amount in dollars}
            | {("percent", str(percent)) for percent in percents})


def _unit_facts(value: int | float, unit: str) -> list[Fact]:
    number = format(Decimal(str(value)).normalize(), "f")
    first = unit.split()[0].lower()
    if first in ("percent", "%"):
        return [Fact("percent", number, f"{number} {unit}")]
    if first == "cents":
        amount = format((Decimal(str(value)) / 100).normalize(), "f")
        return [Fact("money", amount, f"{value} {unit}")]
    if first == "dollars":
        return [Fact("money", number, f"{value} {unit}")]
    return [fact for fact in in_text(f"{number} {unit}") if fact.kind == "duration"]
