"""What every calculator is: its declared fields, a check across fields, its rules, and the
rule itself.

``calculators.api`` finds calculators by name and runs them through :meth:`Calculator.run`,
which reads the input against the declaration, runs the cross-field check, and only then
computes. The rule functions therefore see only valid values, and an :class:`Applied` made for
the input's ``as_of``: every dated value they read through it is named in the response's
``"rules"``, and :meth:`Calculator.run` adds ``applied.notes()`` to the steps (a compute function
need not add them itself).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from calculators import layout
from calculators import rules as rulebook
from calculators.fields import MISSING, Field, Place, Reader, read_members
from calculators.i18n import _
from calculators.layout import Section
from calculators.rules import Applied, Book

Values = dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    """What a rule found: the result, the steps that explain it, and who to call (contact ids
    from data/contacts.yml; the calculators never hold a phone number or an address)."""

    result: dict[str, Any]
    steps: list[str]
    contacts: list[str]


@dataclass(frozen=True)
class Calculator:
    name: str
    title: str
    summary: str
    fields: tuple[Field, ...]
    check: Callable[[Values, Reader], None]  # problems between fields, such as two dates
    compute: Callable[[Values, Applied], Outcome]
    # The rules.toml keys the calculator applies or shows, for its page; compute may read no
    # other through its Applied.
    rules: tuple[str, ...] = ()
    # How the form shows the fields: the usual case first, then groups a parent opens
    # (presentation only: calculators/layout.py).
    layout: tuple[Section, ...] = ()

    def __post_init__(self) -> None:
        layout.check(self.name, self.fields, self.layout)

    def declaration(self) -> dict[str, Any]:
        """The form, as ``calculators.api.declaration`` returns it (calculators/CONTRACT.md)."""
        return {"name": self.name, "title": _(self.title), "summary": _(self.summary),
                "fields": [field.describe() for field in self.fields],
                "layout": [section.describe() for section in self.layout],
                "rules": [describe_rule(key) for key in self.rules]}

    def run(self, payload: Mapping[Any, Any], today: datetime.date,
            book: Book = rulebook.RULES) -> dict[str, Any]:
        """The JSON contract's response for one input object, with the rules of ``book``
        (rules.toml unless a test gives others)."""
        reader = Reader(today)
        values = read_members(self.fields, payload, Place(""), reader)
        self.check(values, reader)
        if reader.errors:
            return {"ok": False, "calculator": self.name, "errors": reader.listed()}
        applied = Applied(values.get("as_of") or today, self.rules, book)
        outcome = self.compute(values, applied)
        steps = outcome.steps + [note for note in applied.notes() if note not in outcome.steps]
        return {"ok": True, "calculator": self.name, "result": outcome.result,
                "steps": steps, "contacts": outcome.contacts, "rules": applied.used()}


def describe_rule(key: str) -> dict[str, Any]:
    """A rule as a calculator's declaration lists it: the value in force now took effect on
    ``effective``; ``documents`` is true for a rule shown but not applied."""
    found = rulebook.latest(key)
    # A citation is the law's own name, in English in both languages; the site's convention
    # is the site's words, said in the page's language.
    citation = (_(found.rule.citation) if found.rule.is_site_convention
                else found.rule.citation)
    return {"key": key, "summary": _(found.rule.summary), "citation": citation,
            "url": found.rule.url, "effective": found.effective.isoformat(),
            "documents": found.rule.documents}


def known(*values: Any) -> bool:
    """True when every value was given and valid (for checks between fields)."""
    return all(value is not MISSING and value is not None for value in values)
