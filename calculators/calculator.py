"""What every calculator is: its declared fields, a check across fields, and the rule itself.

``calculators.api`` finds calculators by name and runs them through :meth:`Calculator.run`,
which reads the input against the declaration, runs the cross-field check, and only then
computes. The rule functions therefore see only valid values.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from calculators.fields import MISSING, Field, Place, Reader, read_members

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
    compute: Callable[[Values], Outcome]

    def declaration(self) -> dict[str, Any]:
        """The form, as ``calculators.api.declaration`` returns it."""
        return {"name": self.name, "title": self.title, "summary": self.summary,
                "fields": [field.describe() for field in self.fields]}

    def run(self, payload: Mapping[Any, Any], today: datetime.date) -> dict[str, Any]:
        """The JSON contract's response for one input object."""
        reader = Reader(today)
        values = read_members(self.fields, payload, Place(""), reader)
        self.check(values, reader)
        if reader.errors:
            return {"ok": False, "calculator": self.name, "errors": reader.errors}
        outcome = self.compute(values)
        return {"ok": True, "calculator": self.name, "result": outcome.result,
                "steps": outcome.steps, "contacts": outcome.contacts}


def known(*values: Any) -> bool:
    """True when every value was given and valid (for checks between fields)."""
    return all(value is not MISSING and value is not None for value in values)
