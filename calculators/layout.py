"""How a calculator's form is laid out: presentation only.

A calculator declares its fields once (calculators/fields.py) and, beside them, the sections its
form shows them in: the usual case first, then groups a parent opens when they apply ("Child
care and health insurance"). A section names fields by their input paths
(``paying_parent.child_care``; a group's own path, such as ``events``, stands for all its
members). Nothing here changes what the input is: the JSON paths, the contract and ``#input=``
links are the same whatever the layout (calculators/CONTRACT.md, "The declaration").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from calculators.fields import Field, GroupField
from calculators.i18n import _


@dataclass(frozen=True)
class ShownWhen:
    """A field the form shows only while another field has a given value (a parent's hours a
    week, for an income paid per hour), or while it holds an entry of its own."""

    field: str  # the path of the field shown or not
    when: str  # the path of the choice it depends on
    equals: str  # the choice's value that shows it


@dataclass(frozen=True, kw_only=True)
class Section:
    """Part of a form. ``title`` is None for the section shown first and always open (the usual
    case); a titled section is a group a parent opens, closed at first unless ``open``."""

    title: str | None
    intro: str = ""  # a sentence or two on when it applies, shown when it is open
    fields: tuple[str, ...]
    open: bool = False
    shown_when: tuple[ShownWhen, ...] = ()

    def describe(self) -> dict[str, Any]:
        return {"title": None if self.title is None else _(self.title),
                "intro": _(self.intro) if self.intro else None,
                "open": self.open or self.title is None, "fields": list(self.fields),
                "shown_when": [{"field": rule.field, "when": rule.when, "equals": rule.equals}
                               for rule in self.shown_when]}


def leaves(fields: tuple[Field, ...], prefix: str = "") -> list[str]:
    """The paths of the asked fields a form shows, a group's members one by one
    (``paying_parent.gross_income``); a list is one field (its items repeat its members)."""
    paths = []
    for field in fields:
        if not field.asked:
            continue
        if isinstance(field, GroupField):
            paths += leaves(field.fields, f"{prefix}{field.name}.")
        else:
            paths.append(prefix + field.name)
    return paths


def covered(fields: tuple[Field, ...], path: str) -> list[str]:
    """The fields a section's ``path`` stands for (a group's path: all its members), or []
    when no asked field has that path."""
    shown = leaves(fields)
    if path in shown:
        return [path]
    return [leaf for leaf in shown if leaf.startswith(path + ".")]


def check(name: str, fields: tuple[Field, ...], sections: tuple[Section, ...]) -> None:
    """A layout may leave fields out (the form shows them after the field declared before
    them), but never names a field that is not asked, nor one field twice."""
    seen: set[str] = set()
    for section in sections:
        if section.title is None and section is not sections[0]:
            raise ValueError(f"calculator {name}: only the first section may be untitled "
                             "(it is the usual case, always shown); give this one a title")
        for path in section.fields:
            paths = covered(fields, path)
            if not paths:
                raise ValueError(f"calculator {name}: the layout names {path!r}, which is not "
                                 "a field the form asks for")
            twice = seen.intersection(paths)
            if twice:
                raise ValueError(f"calculator {name}: the layout shows {sorted(twice)[0]!r} "
                                 "twice")
            seen.update(paths)
        for rule in section.shown_when:
            if rule.field not in section.fields or not covered(fields, rule.when):
                raise ValueError(f"calculator {name}: the layout shows {rule.field!r} only when "
                                 f"{rule.when!r} is {rule.equals!r}, but the section does not "
                                 "list the first or no field has the second path")
