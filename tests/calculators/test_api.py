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
    ("[" * 30_000 + "]" * 30_000, "nested too deeply"),
    ('{"a": ' * 9_000 + "1" + "}" * 9_000, "nested too deeply"),
    ("NaN", "NaN is not a number"), ("1e100000000", "too large or too small to read"),
    (" " * (api.MAX_BYTES + 1), f"longer than {api.MAX_BYTES:,} bytes"),
    (b" " * (api.MAX_BYTES + 1), f"longer than {api.MAX_BYTES:,} bytes"),
    ("[" + "é" * (api.MAX_BYTES // 2) + "]", "longer than 65,536 bytes, the most a calculator"),
])
def test_unreadable_input_is_refused_as_a_whole(text: str | bytes, says: str) -> None:
    code, output = api.run_json("allocation", text)
    response = json.loads(output)
    assert code == 2 and response["calculator"] == "allocation"
    assert says in whole_input_error(response)


@pytest.mark.parametrize(("text", "path", "says"), [
    ('{"payment": NaN}', "payment", "The payment amount cannot be NaN: enter an amount"),
    ('{"payment": Infinity}', "payment", "The payment amount cannot be Infinity"),
    ('{"payment": -Infinity}', "payment", "The payment amount cannot be -Infinity"),
    ('{"payment": 1, "payment": 1}', "payment", 'gives "payment" more than once'),
    ('{"orders": [{"id": "A", "id": "B"}]}', "orders[0].id",
     'Order 1: The input gives "id" more than once'),
    ('{"orders": [{"current_due": 1}, {"current_due": 1e100000000}]}', "orders[1].current_due",
     "Order 2: The current support due, 1e100000000, is a number too large or too small to "
     "read."),
    ('{"payment": 1E-100000000}', "payment", "too large or too small to read"),
    ('{"orders": [{"current_due": 1}, NaN]}', "orders[1]", "Order 2 must be a JSON object"),
    ('{"orders": NaN}', "orders", "The list of support orders cannot be NaN"),
    ('{"as_of": Infinity}', "as_of", "The date to work from cannot be Infinity: enter a date"),
    ('{"orders": [{"current_due": 1, "past_due": 1, "past_due": 2, "past_due": 3}]}',
     "orders[0].past_due", 'gives "past_due" more than once'),
])
def test_a_value_the_reader_cannot_take_is_reported_at_its_path(text: str, path: str,
                                                                says: str) -> None:
    code, output = api.run_json("allocation", text)
    errors = json.loads(output)["errors"]
    assert code == 2
    assert [error["message"] for error in errors if error["field"] == path] == [
        next(error["message"] for error in errors if says in error["message"])]


def test_a_request_up_to_the_limit_is_read_and_one_byte_more_is_refused_unparsed() -> None:
    base = json.dumps(VALID["allocation"])
    padded = base[:-1] + " " * (api.MAX_BYTES - len(base)) + "}"
    assert len(padded.encode("utf-8")) == api.MAX_BYTES
    assert api.run_json("allocation", padded)[0] == 0
    code, output = api.run_json("allocation", padded + " ")
    assert code == 2 and "longer than" in whole_input_error(json.loads(output))
    # ten megabytes are refused as quickly as one more byte: nothing is decoded or parsed
    assert "longer than" in whole_input_error(json.loads(api.run_json(
        "allocation", b"[" * 10_000_000)[1]))


def test_the_largest_real_input_is_far_under_the_limit() -> None:
    """Fifty orders, each named with 60 characters that JSON writes as escapes of 12 bytes,
    and the largest amounts: accepted, and under 40,000 bytes (rules.toml says so)."""
    orders = [{"id": f"{index:02d}" + "\U0001F600" * 58, "current_due": "10000000.00",
               "past_due": "10000000.00"} for index in range(50)]
    payload = {"payment": "10000000.00", "orders": orders, "as_of": "2026-11-22"}
    text = json.dumps(payload)  # each emoji written as two escapes, \\ud83d\\ude00
    assert 38_000 < len(text) < 40_000 < api.MAX_BYTES
    code, output = api.run_json("allocation", text)
    assert code == 0, output


def test_numbers_are_read_exactly_and_huge_ones_are_field_errors() -> None:
    assert api.loads('{"a": 0.1, "b": 7, "c": 1e400}') == {
        "a": Decimal("0.1"), "b": Decimal(7), "c": Decimal("1e400")}
    assert api.loads('{"a": 1e99999999}') == {"a": Decimal("1e99999999")}
    digits = "9" * 5000
    code, output = api.run_json("allocation", f'{{"payment": {digits}, "orders": []}}')
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
    # An unterminated string hides every bracket after it; the scan is still one pass.
    assert api._depth('{"a": "\\"[[[' + "[" * 50) == 1
    assert api._depth('[["\\\\"]]') == 2
    with pytest.raises(api.UnreadableInput, match="not valid JSON"):
        api.loads('{"a": "' + '\\"' * 30_000)
