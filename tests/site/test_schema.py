"""The schema checker itself (build_tools/data/schema.py): each shape, nested records, and the
messages that name the entry, the field and what to write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from build_tools.data import contacts, county_data
from build_tools.data.schema import (
    BOOLEAN,
    DATE,
    INTEGER,
    PHONE,
    SLUG,
    TEXT,
    URL,
    Checked,
    Field,
    ListOf,
    OneOf,
    Record,
    Schema,
    Text,
    check_type_matches,
)


@pytest.mark.parametrize("shape, good, bad", [
    (TEXT, ["a", " b "], ["", "   ", 3, None, ["a"]]),
    (Text(longest=5), ["12345"], ["123456"]),
    (PHONE, ["866-313-9960"], ["8663139960", "866-313-99600", 8663139960]),
    (URL, ["https://dss.mo.gov/", "http://a.org/x?y=1"], ["www.a.org", "https://localhost",
                                                          "ftp://a.org", "https://a .org"]),
    (DATE, [dt.date(2026, 1, 5), "2026-01-05"], ["2026-02-30", "5 Jan 2026", 2026]),
    (SLUG, ["cole-county", "a1"], ["Cole County", "cole--county", "-cole", ""]),
    (BOOLEAN, [True, False], ["yes", 1, None]),
    (INTEGER, [22, 0], [True, "22", 2.0]),
    (OneOf(values=("a", "b")), ["a", "b"], ["c", None]),
])
def test_each_shape_accepts_its_values_and_refuses_others(shape, good, bad):
    assert all(shape.problems(value, "field 'x'", {}) == [] for value in good)
    for value in bad:
        [problem] = shape.problems(value, "field 'x'", {})
        assert problem.startswith(f"field 'x' is {value!r}; write ")


def test_the_written_form_comes_from_the_shape():
    assert ListOf(TEXT).written == "list of text"
    assert ListOf(SLUG.called("county slug")).written == "list of county slugs"
    assert OneOf(values=("prosecutor",)).written == "prosecutor"
    assert OneOf(values=("a", "b")).written == "one of a, b"
    assert Text(longest=160).written == "text, at most 160 characters"
    assert ListOf(Record(schema=county_data.FACT, noun="fact")).written == "list of facts"
    assert contacts.CONTACT["phone"].shape.written == "NNN-NNN-NNNN"


def test_lists_are_checked_item_by_item_and_once_each():
    shape = ListOf(SLUG.called("county slug"), unique=True)
    assert shape.problems(["a", "b"], "field 's'", {}) == []
    assert shape.problems(["a", "B", "a"], "field 's'", {}) == [
        "field 's' item 2 is 'B'; write it as county slug", "field 's' names 'a' twice"]
    assert shape.problems([], "field 's'", {}, "[a]") == [
        "field 's' is []; write it as a list of county slugs, like [a]"]
    assert ListOf(TEXT, empty_ok=True).problems([], "field 's'", {}) == []


THING = Schema("Fields of a thing", (
    Field("name", TEXT, "what it is called", "Adair", required=True),
    Field("phone", PHONE, "its number", "866-313-9960"),
    Field("parts", ListOf(Record(schema=Schema("Fields of a part", (
        Field("size", INTEGER, "how big", "3", required=True),
    )), noun="part")), "its parts"),
    Field("code", Checked("a code", lambda value, what, context: (
        [] if value in context["codes"] else [f"{what} names {value!r}, which is no code"])),
        "a code from the list"),
))


def test_an_entry_is_checked_whole_and_each_message_names_entry_field_and_fix():
    entry = {"nmae": "x", "phone": "5551234", "parts": [{"size": 2}, {"size": "big"}, 7],
             "code": "zz"}
    assert THING.problems(entry, "thing 'x'", {"codes": ["aa"]}) == [
        "thing 'x': unknown field 'nmae'. Did you mean \"name\"? Fields: name, phone, parts, code",
        "thing 'x': field 'name' is required (what it is called)",
        "thing 'x': field 'phone' is '5551234'; write it as NNN-NNN-NNNN, like 866-313-9960",
        "thing 'x': part 2: field 'size' is 'big'; write it as integer, like 3",
        "thing 'x': part 3: expected fields (size), found 7",
        "thing 'x': field 'code' names 'zz', which is no code",
    ]
    assert THING.problems({"name": "Adair"}, "") == []
    assert THING.problems(["name"], "thing 1") == [
        "thing 1: expected fields (name, ...), found ['name']"]


def test_a_nested_record_is_named_by_its_key_or_its_place():
    record = Record(schema=THING, noun="county", key="name", joiner=", ")
    assert record.label({"name": "Cole"}, 4, "data/x.yml: circuit 1") == \
        "data/x.yml: circuit 1, county 'Cole'"
    assert record.label({"name": 5}, 4) == "county 5"
    assert record.label({}, 4) == "county number 4"


def test_a_typed_view_must_match_its_declaration():
    @dataclass
    class Thing:
        name: str
        phone: str | None = None

    with pytest.raises(TypeError, match=r"Thing and 'Fields of a thing' disagree: \['code', "
                                        r"'parts'\]"):
        check_type_matches(THING, Thing)
    check_type_matches(contacts.CONTACT, contacts.Contact, contacts.ATTRIBUTE, extra=("id",))
