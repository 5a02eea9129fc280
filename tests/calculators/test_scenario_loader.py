"""build_tools/data/scenarios.py: a malformed corpus stops with the file, the line and the fix, and
expectations are matched as tests/scenarios/README.md says."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from build_tools.data.scenarios import ScenarioError, load_scenarios, mismatches

CASE = """\
- name: A case.
  calculator: review
  input: {last_review_date: "2023-01-10", as_of: "2026-11-22"}
  expect: {ok: true}
"""


def load(tmp_path: Path, text: str, name: str = "cases.yaml") -> list:
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return load_scenarios(tmp_path)


def test_a_good_case_is_read_with_its_place(tmp_path: Path) -> None:
    [case] = load(tmp_path, CASE)
    assert (case.name, case.calculator, case.example, case.id, case.line) == (
        "A case.", "review", False, None, 1)
    assert case.json_text() == '{"last_review_date": "2023-01-10", "as_of": "2026-11-22"}'
    [raw] = load(tmp_path, CASE.replace("  input: {last_review_date: \"2023-01-10\", as_of: "
                                        "\"2026-11-22\"}", "  raw_input: '{'")
                 .replace("{ok: true}", "{ok: false, errors: [null]}"))
    assert raw.json_text() == "{" and raw.input is None


def test_yaml_booleans_and_integers_are_only_the_plain_ones(tmp_path: Path) -> None:
    [case] = load(tmp_path, """\
        - name: Words stay words.
          calculator: allocation
          input: {a: yes, b: no, c: on, d: true, e: 012, f: 1_000, g: 0x1f, h: 7, i: -3, j: 1:20,
                  as_of: "2026-11-22"}
          expect: {ok: false, errors: [a]}
        """)
    assert case.input == {"a": "yes", "b": "no", "c": "on", "d": True, "e": "012",
                          "f": "1_000", "g": "0x1f", "h": 7, "i": -3, "j": "1:20",
                          "as_of": "2026-11-22"}


@pytest.mark.parametrize(("text", "complaint"), [
    ("a: [", "not valid YAML"),
    ("", "must be a list of cases"),
    ("{name: x}", "must be a list of cases"),
    ("- just text", "must be a mapping"),
    (CASE + "  colour: red\n", "unknown key 'colour'"),
    (CASE.replace("A case.", "a case."), "name must be a sentence"),
    (CASE.replace("A case.", "A case"), "name must be a sentence"),
    (CASE.replace("review", "reviews"), "calculator must be one of"),
    (CASE + "  raw_input: '{}'\n", "exactly one of input"),
    (CASE.replace("  input:", "  inputs:"), "unknown key 'inputs'"),
    (CASE.replace('as_of: "2026-11-22"', "as_of: 2026-11-22"), "YAML date"),
    (CASE.replace('"2023-01-10"', "700.50"), "YAML decimal number"),
    (CASE.replace('"2023-01-10"', "!!binary aGk="), "YAML bytes"),
    (CASE.replace("last_review_date", "1"), "the key 1 must be text"),
    (CASE.replace('  input: {last_review_date: "2023-01-10", as_of: "2026-11-22"}',
                  "  raw_input: 5"), "raw_input must be a string"),
    (CASE.replace(', as_of: "2026-11-22"', ""), "set input.as_of"),
    (CASE.replace("{ok: true}", "{okay: true}"), "ok: true or ok: false"),
    (CASE.replace("{ok: true}", "{ok: true, result: 1}"), "expect.result must be a mapping"),
    (CASE.replace("{ok: true}", "{ok: true, colour: 1}"), "unknown key expect.colour"),
    (CASE.replace("{ok: true}", "{ok: true, errors: []}"), "ok: true has no errors"),
    (CASE.replace("{ok: true}", "{ok: false, errors: [], result: {}}"), "ok: false has no"),
    (CASE.replace("{ok: true}", "{ok: false}"), "lists the fields in error"),
    (CASE.replace("{ok: true}", "{ok: true, steps_contain: [1]}"), "list of strings"),
    (CASE.replace("{ok: true}", "{ok: true, contacts: [null]}"), "list of strings"),
    (CASE.replace("{ok: true}", "{ok: false, errors: x}"), "list of strings"),
    (CASE + "  example: yes\n", "example must be true or false"),
    (CASE + "  example: true\n", "needs an id"),
    (CASE + "  example: true\n  id: Not_A_Slug\n", "needs an id"),
    (CASE.replace("{ok: true}", "{ok: false, errors: [x]}") + "  example: true\n  id: a-b\n"
     "  name_es: Un caso.\n", "must be a valid input"),
    (CASE + "  example: true\n  id: a-b\n", "needs name_es, its name in Spanish"),
    (CASE + "  example: true\n  id: a-b\n  name_es: un caso\n", "needs name_es"),
    (CASE + "  id: a-b\n", "id and name_es are only for worked examples"),
    (CASE + "  name_es: Un caso.\n", "id and name_es are only for worked examples"),
    (CASE + CASE, "the name 'A case.' is already used at"),
    (CASE + "  example: true\n  id: a-b\n  name_es: Un caso.\n"
     + CASE.replace("A case.", "B case.") + "  example: true\n  id: a-b\n  name_es: Otro.\n",
     "the id 'a-b' is already used"),
])
def test_a_malformed_case_is_refused_with_its_place_and_the_fix(tmp_path: Path, text: str,
                                                                complaint: str) -> None:
    with pytest.raises(ScenarioError, match="cases.yaml") as refused:
        load(tmp_path, text)
    assert complaint in str(refused.value)


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no \\*.yaml files"):
        load_scenarios(tmp_path)


RESPONSE = {"ok": True, "calculator": "x",
            "result": {"a": "1.00", "n": 1, "flag": True, "none": None,
                       "list": [{"id": "A", "v": "1"}, {"id": "B", "v": "2"}]},
            "steps": ["First step.", "Second step."], "contacts": ["c1", "c2"]}
ERRORS = {"ok": False, "calculator": "x",
          "errors": [{"field": "b", "message": "Bad b."}, {"field": None, "message": "All."},
                     {"field": "a", "message": "Bad a."}]}


@pytest.mark.parametrize(("expect", "response", "problems"), [
    ({"ok": True}, RESPONSE, 0),
    ({"ok": True, "result": {"a": "1.00", "list": [{"id": "A"}, {"v": "2"}]}}, RESPONSE, 0),
    ({"ok": True, "result": {"n": 1, "flag": True, "none": None}}, RESPONSE, 0),
    ({"ok": True, "result": {"flag": 1}}, RESPONSE, 1),
    ({"ok": True, "result": {"n": True}}, RESPONSE, 1),
    ({"ok": True, "result": {"a": "1.0"}}, RESPONSE, 1),
    ({"ok": True, "result": {"missing": 1}}, RESPONSE, 1),
    ({"ok": True, "result": {"a": {"b": 1}}}, RESPONSE, 1),
    ({"ok": True, "result": {"list": [{"id": "A"}]}}, RESPONSE, 1),
    ({"ok": True, "result": {"a": ["1.00"]}}, RESPONSE, 1),
    ({"ok": True, "steps_contain": ["Second", "First step."]}, RESPONSE, 0),
    ({"ok": True, "steps_contain": ["Third"]}, RESPONSE, 1),
    ({"ok": True, "contacts": ["c1", "c2"]}, RESPONSE, 0),
    ({"ok": True, "contacts": ["c2", "c1"]}, RESPONSE, 1),
    ({"ok": False, "errors": ["a"]}, RESPONSE, 1),
    ({"ok": False, "errors": [None, "a", "b"], "messages_contain": ["Bad a", "All"]}, ERRORS, 0),
    ({"ok": False, "errors": ["a", "b"]}, ERRORS, 1),
    ({"ok": False, "errors": ["a", "b", None, "a"]}, ERRORS, 1),
    ({"ok": False, "errors": [None, "a", "b"], "messages_contain": ["Bad c"]}, ERRORS, 1),
])
def test_expectations_are_matched_as_documented(expect: dict, response: dict,
                                                problems: int) -> None:
    assert len(mismatches(expect, response)) == problems


def test_scenario_dates_are_refused_before_they_become_date_objects(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as refused:
        load(tmp_path, CASE.replace('"2023-01-10"', "2023-01-10"))
    assert "quote it (dates like '2026-05-01')" in str(refused.value)


def test_each_worked_example_has_a_spanish_title_with_the_same_figures() -> None:
    examples = [case for case in load_scenarios() if case.example]
    assert examples
    for case in examples:
        assert case.title("en") == case.name.rstrip(".")
        assert case.name_es and case.title("es") == case.name_es.rstrip(".")
        assert sorted(re.findall(r"\d[\d.,]*\d|\d", case.title("es"))) == sorted(
            re.findall(r"\d[\d.,]*\d|\d", case.title("en"))), case.id
