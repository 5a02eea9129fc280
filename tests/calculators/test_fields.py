"""Field declarations: the form each calculator declares (calculators/CONTRACT.md,
api.declaration) and the reading rules every field shares, with their limits."""

from __future__ import annotations

import datetime
import json
from collections import OrderedDict
from typing import Any

import pytest

from calculators import api, fields, rules
from calculators.fields import MISSING, GroupField, Place, Reader, TextField, shown

TODAY = datetime.date(2026, 11, 22)
BASE_KEYS = ["name", "label", "kind", "help", "more", "required", "default", "asked"]
HELP_MAX = 60  # one short line under a label: about a line and a half on a phone
KIND_KEYS = {"money": {"min", "max", "max_length"}, "date": {"min", "max", "max_length"},
             "choice": {"choices", "max_length"}, "count": {"min", "max", "max_length"},
             "boolean": set(), "text": {"max_length"}, "group": {"fields"},
             "list": {"fields", "min_items", "max_items", "item_label"}}


def all_fields(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for field in fields for f in [field, *all_fields(field.get("fields", []))]]


@pytest.mark.parametrize("name", api.NAMES)
def test_each_declaration_follows_the_contract(name: str) -> None:
    declared = api.declaration(name)
    assert list(declared) == ["name", "title", "summary", "fields", "layout", "rules"]
    for rule in declared["rules"]:
        assert list(rule) == ["key", "summary", "citation", "url", "effective", "documents"]
        assert datetime.date.fromisoformat(rule["effective"]).year >= 1990, rule["key"]
    assert declared["name"] == name and declared["title"].endswith("?")
    assert json.loads(json.dumps(declared)) == declared
    for field in all_fields(declared["fields"]):
        assert list(field)[:8] == BASE_KEYS
        assert set(field) - set(BASE_KEYS) == KIND_KEYS[field["kind"]], field["name"]
        assert field["label"][0].isupper() and not field["label"].endswith(".")
        # One short line under the label; a longer explanation, where there is one, in more.
        assert field["help"].endswith(".") and 15 <= len(field["help"]) <= HELP_MAX, \
            (field["name"], len(field["help"]))
        assert field["more"] is None or (field["more"].endswith(".") and
                                         len(field["more"]) > len(field["help"])), field["name"]
        assert isinstance(field["required"], bool) and isinstance(field["asked"], bool)
        if field["kind"] == "money":
            assert (field["min"], field["max"]) == ("0.00", "10000000.00")
        if field["kind"] == "date":
            assert (field["min"], field["max"]) == ("1900-01-01", "2199-12-31")
        if field["kind"] == "choice":
            assert field["default"] in [c["value"] for c in field["choices"]]


def test_the_declared_fields_are_the_fields_design_names() -> None:
    names = {n: [f["name"] for f in api.declaration(n)["fields"]] for n in api.NAMES}
    assert names == {
        "allocation": ["payment", "orders", "as_of"],
        "order_end": ["child_birth_date", "as_of", "schooling", "expected_completion",
                      "incapacitated", "events"],
        "review": ["last_review_date", "as_of", "current_monthly", "estimated_new_monthly"],
        "support_amount": ["children", "overnights", "incremental", "as_of", "paying_parent",
                           "receiving_parent"],
    }
    asked = {n: [f["name"] for f in api.declaration(n)["fields"] if f["asked"]]
             for n in api.NAMES}
    assert asked["allocation"] == ["payment", "orders"]  # no date changes a split
    assert asked["order_end"] == names["order_end"] and asked["review"] == names["review"]
    orders = api.declaration("allocation")["fields"][1]
    assert [f["name"] for f in orders["fields"]] == ["id", "current_due", "past_due"]
    assert (orders["min_items"], orders["max_items"], orders["item_label"]) == (1, 50, "Order")
    assert orders["fields"][2]["default"] == "0.00"
    events = api.declaration("order_end")["fields"][5]
    assert [f["name"] for f in events["fields"]] == ["died", "married", "military",
                                                     "self_supporting"]
    schooling = api.declaration("order_end")["fields"][2]
    assert [c["value"] for c in schooling["choices"]] == ["none", "secondary", "post_secondary"]
    assert "October 1" in schooling["choices"][2]["label"]


def test_an_unknown_declaration_is_a_loud_error() -> None:
    with pytest.raises(ValueError, match="There is no calculator called"):
        api.declaration("alimony")


def read(field: Any, raw: object) -> tuple[Any, list[dict[str, str | None]]]:
    reader = Reader(TODAY)
    return field.read(raw, Place(field.name), reader), reader.errors


NAME = TextField(name="id", label="Name of the order", help="A name.", max_length=10)


@pytest.mark.parametrize(("raw", "value"), [("A", "A"), ("  A b ", "A b"), ("", None),
                                             ("   ", None), (None, None), ("é✓", "é✓")])
def test_text_is_trimmed_and_blank_means_not_given(raw: object, value: object) -> None:
    assert read(NAME, raw) == (value, [])


@pytest.mark.parametrize(("raw", "message"), [
    (5, "The name of the order must be text, in quotes."),
    ("x" * 11, "The name of the order can be at most 10 characters long."),
    ("a\nb", "cannot contain line breaks or other control characters."),
    ("a\x00", "or other control characters."), ("\ud800", "or other control characters."),
])
def test_bad_text_is_refused(raw: object, message: str) -> None:
    value, errors = read(NAME, raw)
    assert value is MISSING
    assert [error["field"] for error in errors] == ["id"]
    assert errors[0]["message"].startswith("The name of the order ")
    assert errors[0]["message"].endswith(message)


def test_a_group_reads_any_mapping_and_reports_unknown_keys_shortly() -> None:
    group = GroupField(name="events", label="Events", help="Events.", fields=(NAME,))
    assert read(group, OrderedDict(id="A")) == ({"id": "A"}, [])
    assert read(group, None) == ({"id": None}, [])
    long_key = "k" * 100 + "\ud800"
    value, errors = read(group, {long_key: 1, 7: 2})
    assert value == {"id": None}
    assert errors[0]["field"] == "events." + "k" * 40 + "…"
    assert errors[0]["message"].startswith('There is no field "' + "k" * 40 + '…" in the events.')
    assert errors[1] == {"field": "events.7", "message":
                         'There is no field "7" in the events. The fields are: id.'}


def test_shown_text_has_no_lone_surrogates() -> None:
    assert shown("a\ud800b") == "a\ufffdb"
    assert shown("a\ud800b").encode("utf-8")


def test_the_limits_on_input_are_the_ones_rules_toml_states() -> None:
    assert fields.FIELD_MAX_LENGTH == rules.latest("limits.field_max_length").number() == 30
    assert fields.ERRORS_MAX == rules.latest("limits.errors_max").number() == 100
    assert api.MAX_BYTES == rules.latest("limits.request_max_bytes").number() == 65_536
    for name in api.NAMES:
        for field in all_fields(api.declaration(name)["fields"]):
            if field["kind"] in ("money", "date", "choice"):
                assert field["max_length"] == fields.FIELD_MAX_LENGTH, field["name"]


@pytest.mark.parametrize("name", api.NAMES)
def test_every_string_field_refuses_a_value_over_its_length_before_reading_it(name: str) -> None:
    for field in all_fields(api.declaration(name)["fields"]):
        if "max_length" not in field:
            continue
        declared = next(f for f in _declared(name) if f.name == field["name"])
        too_long = "1" * (field["max_length"] + 1)
        value, errors = read(declared, "  " + too_long + "  ")
        assert value is MISSING and len(errors) == 1, field["name"]
        assert errors[0]["message"].endswith(
            f"can be at most {field['max_length']} characters long."), field["name"]
        # surrounding spaces do not count
        _, errors = read(declared, " " * 100 + "1" * field["max_length"])
        assert not any("characters long" in str(e["message"]) for e in errors), field["name"]


def _declared(name: str) -> list[Any]:
    def walk(members: tuple[Any, ...]) -> list[Any]:
        return [f for member in members for f in [member, *walk(getattr(member, "fields", ()))]]
    return walk(api.CALCULATORS[name].fields)


def test_the_list_of_errors_is_capped_with_a_last_entry_saying_how_many_more() -> None:
    def errors_for(unknown: int) -> list[dict[str, Any]]:
        payload = {"payment": "1", "orders": [{"current_due": "1"}], "as_of": "2026-11-22",
                   **{f"k{index}": index for index in range(unknown)}}
        code, text = api.run_json("allocation", json.dumps(payload))
        assert code == 2
        errors: list[dict[str, Any]] = json.loads(text)["errors"]
        return errors

    assert len(errors_for(100)) == 100
    assert errors_for(101)[-1] == {"field": None, "message": (
        "1 more problem was not listed: only the first 100 are. Correct these and send the "
        "input again to see the rest.")}
    many = errors_for(3_000)
    assert len(many) == 101 and [e["field"] for e in many[:100]] == [f"k{i}" for i in range(100)]
    assert many[-1]["field"] is None
    assert many[-1]["message"].startswith("2,900 more problems were not listed")


def test_the_cap_counts_problems_of_every_kind() -> None:
    reader = Reader(TODAY, limit=2)
    for index in range(5):
        reader.error(f"f{index}", "Bad.")
    assert reader.full and reader.more == 3
    assert [e["field"] for e in reader.listed()] == ["f0", "f1", None]
    orders = [{"current_due": "-1", "past_due": "x"}] * 50
    code, text = api.run_json("allocation", json.dumps({"payment": "-1", "orders": orders}))
    errors = json.loads(text)["errors"]
    assert code == 2 and len(errors) == 101 and errors[-1]["field"] is None
    assert errors[-1]["message"].startswith("1 more problem was not listed")
