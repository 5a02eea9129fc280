"""The entry point: names, the JSON text interface, and input that is not a JSON object."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest

from calculators import api, dates

VALID = {"allocation": {"payment": "700.00", "orders": [{"current_due": "300.00"}]},
         "order_end": {"child_birth_date": "2010-05-01", "as_of": "2026-11-22"},
         "review": {"last_review_date": "2023-01-10", "as_of": "2026-11-22"},
         "support_amount": {"children": 1, "as_of": "2026-12-02",
                            "paying_parent": {"gross_income": "4500.00"},
                            "receiving_parent": {"gross_income": "3000.00"}}}


def whole_input_error(response: dict[str, object]) -> str:
    assert response["ok"] is False
    errors = response["errors"]
    assert isinstance(errors, list) and len(errors) == 1 and errors[0]["field"] is None
    return str(errors[0]["message"])


def test_names() -> None:
    assert api.NAMES == ("allocation", "order_end", "review", "support_amount")


@pytest.mark.parametrize("name", api.NAMES)
def test_run_json_is_run_serialised_exactly(name: str) -> None:
    text = json.dumps(VALID[name])
    code, output = api.run_json(name, text)
    assert code == 0
    assert output == json.dumps(api.run(name, json.loads(text, parse_float=Decimal)),
                                ensure_ascii=False)
    assert api.run_json(name, text.encode("utf-8")) == (code, output)


@pytest.mark.parametrize("name", [None, "", "alimony", "ALLOCATION", 5, "\ud800x"])
def test_an_unknown_calculator_is_named_null(name: object) -> None:
    response = api.run(name, {})
    message = whole_input_error(response)
    assert response["calculator"] is None
    assert "allocation, order_end, review or support_amount" in message
    code, text = api.run_json(name, "{}")  # type: ignore[arg-type]
    assert code == 2 and json.loads(text) == response
    text.encode("utf-8")


@pytest.mark.parametrize("payload", [[], "text", 5, None, True, Decimal("1")])
def test_input_that_is_not_an_object_is_refused_as_a_whole(payload: object) -> None:
    response = api.run("review", payload)
    assert response["calculator"] == "review"
    assert "must be one JSON object" in whole_input_error(response)


@pytest.mark.parametrize(("text", "says"), [
    (b"\xff\xfe{}", "not readable text: save it as UTF-8"),
    (b'{"a": "\xc3"}', "not readable text"),
    ("", "The input is empty."), ("  \n", "The input is empty."),
    ("{", "not valid JSON: Expecting property name enclosed in double quotes (line 1, column 2)"),
    ('{"a": 1} {"b": 2}', "not valid JSON: Extra data"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"a": ' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
    ('{"payment": NaN}', "NaN is not a number"), ('{"payment": Infinity}', "Infinity is not"),
    ('{"payment": -Infinity}', "-Infinity is not"),
    ('{"payment": 1, "payment": 1}', 'gives "payment" more than once'),
    ('{"orders": [{"id": "A", "id": "B"}]}', 'gives "id" more than once'),
    ('{"payment": 1e100000000}', "too large or too small to read"),
    ('{"payment": 1E-100000000}', "too large or too small to read"),
])
def test_unreadable_input_is_refused_as_a_whole(text: str | bytes, says: str) -> None:
    code, output = api.run_json("allocation", text)
    response = json.loads(output)
    assert code == 2 and response["calculator"] == "allocation"
    assert says in whole_input_error(response)


def test_numbers_are_read_exactly_and_huge_ones_are_field_errors() -> None:
    assert api.loads('{"a": 0.1, "b": 7, "c": 1e400}') == {
        "a": Decimal("0.1"), "b": Decimal(7), "c": Decimal("1e400")}
    assert api.loads('{"a": 1e99999999}') == {"a": Decimal("1e99999999")}
    digits = "9" * 5000
    code, output = api.run_json("allocation", '{"payment": %s, "orders": []}' % digits)
    assert code == 2
    assert json.loads(output)["errors"][0] == {
        "field": "payment", "message": "The payment amount must be $10,000,000.00 or less."}


def test_a_byte_order_mark_is_ignored() -> None:
    code, _ = api.run_json("review", "\ufeff" + json.dumps(VALID["review"]))
    assert code == 0
    code, _ = api.run_json("review", b"\xef\xbb\xbf" + json.dumps(VALID["review"]).encode())
    assert code == 0


def test_output_keeps_text_as_written_and_is_always_utf8() -> None:
    payload = {"payment": "1.00", "orders": [{"id": "Zoë", "current_due": "1"}]}
    code, text = api.run_json("allocation", json.dumps(payload, ensure_ascii=False))
    assert code == 0 and '"Zoë"' in text
    code, text = api.run_json("allocation", '{"\\ud800": 1}')
    assert code == 2 and "\ufffd" in text
    text.encode("utf-8")


def test_as_of_defaults_to_todays_date() -> None:
    before = datetime.date.today()
    response = api.run("review", {"last_review_date": before.isoformat()})
    after = datetime.date.today()
    assert response["result"]["days_until_eligible"] in {
        (dates.add_years(day, 3) - day).days for day in (before, after)}


def test_nesting_is_limited_before_parsing_and_brackets_in_text_do_not_count() -> None:
    # Under Pyodide, nesting thousands deep would overflow the JavaScript stack inside the
    # parser, so depth is measured first; real input nests 3 deep.
    assert api.loads('{"a": ' * 32 + "1" + "}" * 32)
    with pytest.raises(api.UnreadableInput, match="nested too deeply"):
        api.loads('{"a": ' * 33 + "1" + "}" * 33)
    assert api.loads('{"a": "[[[[{{{{\\"' + "[" * 50 + '"}') == {"a": '[[[[{{{{"' + "[" * 50}
