"""Every message a field can give reads as a sentence a parent can act on.

For each field of each calculator's declaration (all four, fields inside groups and lists
included), the test feeds each kind of bad value its kind can meet (missing, too long, NaN, a
number too large to read, and the kind's own: negative money, a count out of range, a date
that does not exist, a choice not offered, "yes" for a boolean, ...) and checks every message:
a capital first letter, a full stop at the end, the field named by its label or its noun, the
parent named for a parent's field, and no doubled words ("the the") or a label pasted after
"The" ("The also work out ...").
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest

from calculators import api
from calculators.fields import (
    BooleanField,
    ChoiceField,
    CountField,
    DateField,
    Field,
    GroupField,
    ListField,
    MoneyField,
    Place,
    Reader,
    RepeatedKeys,
    TextField,
    Unreadable,
)

TODAY = datetime.date(2026, 12, 7)
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
# An article before a word that cannot follow it: a label pasted after "The" ("The also work
# out the amount ...", "The how often ...").
PASTED = re.compile(r"\b(the|a|an)\s+(the|a|an|also|how|is|are|can|must|will)\b", re.IGNORECASE)
PARENTS = {"paying_parent": "paying parent", "receiving_parent": "receiving parent"}


def bad_values(field: Field) -> Iterator[tuple[str, object]]:
    """(kind of message, a value that gives it) for each message ``field`` can give alone."""
    if field.required:
        yield "missing", None
    yield "NaN", Unreadable("", text="NaN")
    yield "too large to read", Unreadable("", text="1e999999999", too_large=True)
    longest = field.text_limit()
    if longest is not None:
        yield "too long", "9" * (longest + 1)
    if isinstance(field, MoneyField):
        yield from [("negative", "-5"), ("decimals", "1.234"), ("range", "99999999999"),
                    ("format", "$1,000"), ("type", True)]
    elif isinstance(field, CountField):
        yield from [("not whole", "two"), ("not whole", Decimal("2.5")),
                    ("below", Decimal(field.minimum - 1)), ("above", Decimal(field.maximum + 1)),
                    ("exponent", Decimal("1E+3"))]
        if field.possible is not None:
            yield "impossible", Decimal(field.possible + 1)
    elif isinstance(field, DateField):
        yield from [("calendar", "2026-02-30"), ("range", "1800-01-01"), ("format", "soon"),
                    ("type", 20260105)]
    elif isinstance(field, ChoiceField):
        yield "not a choice", "something else"
    elif isinstance(field, BooleanField):
        yield from [("yes", "yes"), ("number", Decimal(1))]
    elif isinstance(field, TextField):
        yield from [("not text", Decimal(5)), ("control", "a\nb")]
    elif isinstance(field, GroupField):
        yield from [("not an object", "x"), ("unknown key", {"zzz_unknown": 1}),
                    ("repeated key", RepeatedKeys({}, [field.fields[0].name]))]
    elif isinstance(field, ListField):
        yield from [("not a list", "x"), ("too many", [{}] * (field.max_items + 1)),
                    ("item not an object", ["x"])]
        if field.min_items:
            yield "too few", []


def every_field(members: tuple[Field, ...], path: str = "", prefix: str = "",
                parent: str | None = None) -> Iterator[tuple[str, Field, Place, str | None]]:
    for member in members:
        place = Place(f"{path}.{member.name}" if path else member.name, prefix)
        owner = PARENTS.get(member.name, parent)
        yield member.name, member, place, owner
        if isinstance(member, GroupField):
            yield from every_field(member.fields, place.path, prefix, owner)
        elif isinstance(member, ListField):
            yield from every_field(member.fields, f"{place.path}[1]",
                                   f"{member.item_label} 2: ", owner)


CASES = [pytest.param(field, place, owner, kind, value,
                      id=f"{name}:{place.path}:{kind}")
         for name in api.NAMES
         for _, field, place, owner in every_field(api.CALCULATORS[name].fields)
         for kind, value in bad_values(field)]


def test_every_calculator_and_every_kind_of_field_is_covered() -> None:
    calculators = {param.id.split(":")[0] for param in CASES}
    assert calculators == set(api.NAMES)
    kinds = {type(param.values[0]) for param in CASES}
    assert kinds == {MoneyField, CountField, DateField, ChoiceField, BooleanField, TextField,
                     GroupField, ListField}


@pytest.mark.parametrize(("field", "place", "owner", "kind", "value"), CASES)
def test_each_message_reads_as_a_sentence_naming_its_field(field: Field, place: Place,
                                                           owner: str | None, kind: str,
                                                           value: object) -> None:
    reader = Reader(TODAY)
    field.read(value, place, reader)
    assert reader.errors, f"{kind}: no message"
    for error in reader.errors:
        message = error["message"]
        assert message is not None
        assert message.startswith(place.prefix), message
        sentence = message.removeprefix(place.prefix)
        assert sentence[:1].isupper(), message
        assert sentence.endswith("."), message
        names = (field.label.lower(), field.phrase().lower())
        if error["field"] == place.path:  # a message about the field itself
            assert any(name in sentence.lower() for name in names), message
        if owner is not None:
            assert owner in sentence, message
        assert not DOUBLED.search(sentence), message
        assert not PASTED.search(sentence), message
