"""The scenario corpus: named cases for the calculators in tests/scenarios/*.yaml.

Each YAML file is a list of cases, whose fields are declared once in :data:`CASE` and
:data:`EXPECT`: the checks read them, and ``make schema-docs`` writes them into
tests/scenarios/README.md (which says how to write a case). The same
cases run under CPython (tests/calculators/test_scenarios.py), under Pyodide in Node (the parity
test), and the cases marked ``example: true`` become the worked examples on the calculator
pages. This module reads the corpus, checks its format strictly (a maintainer's mistake stops
the run with the file, the line and what to write instead), and matches a response against a
case's ``expect`` (:func:`mismatches`), so that every runner judges a case the same way.

YAML quirks are closed off: only ``true`` and ``false`` are booleans (not ``yes``, ``no``,
``on``, ``off``), only plain decimal integers are integers (not ``012``, ``1_000`` or ``0x1f``),
and dates or decimal numbers written without quotes are refused, because YAML would turn them
into objects that JSON does not have, or into floats.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from build_tools.data.schema import BOOLEAN, SLUG, TEXT, Anything, Field, ListOf, OneOf, Schema
from calculators import api

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests" / "scenarios"
CASE = Schema("Fields of a case", (
    Field("name", TEXT, "a sentence saying what the case shows (a capital letter, a full stop); "
          "unique", "A payment of zero gives zero to every order.", required=True),
    Field("calculator", OneOf(values=tuple(api.NAMES)), "the calculator the case is sent to",
          api.NAMES[0], required=True),
    Field("input", Anything("JSON value"), "the value sent as JSON; its as_of is set (quoted), "
          "so that the case does not depend on the day it runs", "{payment: '0', as_of: '2026-11-22'}",
          required_with="unless raw_input is given"),
    Field("raw_input", TEXT, "instead of input: the exact text sent, for input that is not "
          "valid JSON", "'{'", required_with="instead of input"),
    Field("expect", Anything("mapping"), "what must come back (its fields are below)",
          "{ok: true}", required=True),
    Field("example", BOOLEAN, "true makes the case a worked example on its calculator's "
          "page (a valid input with ok: true)", "true"),
    Field("id", SLUG, "a worked example's id, linked from a page "
          "with [[calculator-example:ID]]", "three-orders-700",
          required_with="with example: true"),
    Field("name_es", TEXT, "a worked example's name in Spanish, its title on the Spanish "
          "calculator page (a capital letter, a full stop; the same figures as name)",
          "Un pago de cero no da nada a ninguna orden.", required_with="with example: true"),
))
EXPECT = Schema("Fields of expect", (
    Field("ok", BOOLEAN, "true for a result, false for errors; the exit code must agree "
          "(0 or 2)", "true", required=True),
    Field("result", Anything("mapping"), "the result fields to check, at any depth (ok: true "
          "only)", "{orders: [{id: 'A', to_current: '0.00'}]}"),
    Field("errors", Anything("list of field paths or null"), "the fields in error, in any "
          "order, as zero-based paths; null is the input as a whole",
          "[payment, 'orders[1].current_due']", required_with="with ok: false"),
    Field("messages_contain", ListOf(TEXT), "pieces of text, each found in some error message "
          "(ok: false only)", "['at most two decimal places']"),
    Field("steps_contain", ListOf(TEXT), "pieces of text, each found in some step (ok: true "
          "only)", "['adds up to $500.00']"),
    Field("contacts", ListOf(SLUG.called("contact id")), "the contact ids of the response, "
          "exactly and in order (ok: true only)", "[fsd-payment-information]"),
))
CASE_KEYS = CASE.names()
EXPECT_KEYS = EXPECT.names()


class ScenarioError(ValueError):
    """The corpus is malformed; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Scenario:
    """One named case: what is sent to which calculator, and what must come back."""

    name: str
    calculator: str
    input: Any  # the JSON value sent (None when raw_input is used)
    expect: dict[str, Any]
    example: bool
    id: str | None
    file: Path
    line: int = 0
    raw_input: str | None = None  # the exact text sent, for input that is not valid JSON
    name_es: str | None = None    # a worked example's name on the Spanish page

    def title(self, lang: str) -> str:
        """A worked example's title in ``lang`` (its name without the full stop)."""
        name = self.name_es if lang == "es" and self.name_es else self.name
        return name.rstrip(".")

    def json_text(self) -> str:
        """The text handed to ``calculators.api.run_json``."""
        if self.raw_input is not None:
            return self.raw_input
        return json.dumps(self.input, ensure_ascii=False)


class _Loader(yaml.SafeLoader):
    """YAML 1.1 as PyYAML reads it, minus the implicit types that surprise people."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"),
                              list("tf"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"),
                              list("-0123456789"))


def load_scenarios(folder: Path = FOLDER) -> list[Scenario]:
    """Every case in ``folder/*.yaml``, checked; names and example ids are unique."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise ScenarioError(f"{folder}: no *.yaml files with scenarios")
    scenarios = [case for path in files for case in _load_file(path)]
    _check_unique(scenarios)
    return scenarios


def _load_file(path: Path) -> list[Scenario]:
    where = _relative(path)
    loader = _Loader(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        raise ScenarioError(f"{where}: not valid YAML: {error}") from None
    finally:
        loader.dispose()
    if not isinstance(data, list):
        raise ScenarioError(f"{where}: the file must be a list of cases, each starting with "
                            '"- name: ..."')
    assert node is not None
    return [_case(entry, path, item.start_mark.line + 1) for entry, item in zip(data, node.value)]


def _case(entry: object, path: Path, line: int) -> Scenario:
    where = f"{_relative(path)}:{line}"
    if not isinstance(entry, dict):
        raise ScenarioError(f"{where}: each case must be a mapping with name, calculator, input "
                            "and expect")
    unknown = [key for key in entry if key not in CASE_KEYS]
    if unknown:
        raise ScenarioError(f"{where}: unknown key {unknown[0]!r}; a case may have "
                            f"{', '.join(CASE_KEYS)}")
    name = entry.get("name")
    if not (isinstance(name, str) and name[:1].isupper() and name.endswith(".")):
        raise ScenarioError(f"{where}: name must be a sentence, starting with a capital letter "
                            "and ending with a full stop")
    where = f"{where} ({name})"
    calculator = entry.get("calculator")
    if calculator not in api.NAMES:
        raise ScenarioError(f"{where}: calculator must be one of {', '.join(api.NAMES)}")
    if ("input" in entry) == ("raw_input" in entry):
        raise ScenarioError(f"{where}: give exactly one of input (a value sent as JSON) and "
                            "raw_input (the exact text sent)")
    raw_input = entry.get("raw_input")
    if "raw_input" in entry and not isinstance(raw_input, str):
        raise ScenarioError(f"{where}: raw_input must be a string (the text sent as is)")
    _check_values(entry.get("input"), where, "input")
    expect = _expect(entry.get("expect"), where)
    example, slug = entry.get("example", False), entry.get("id")
    if not isinstance(example, bool):
        raise ScenarioError(f"{where}: example must be true or false")
    if example:
        _check_example(entry, expect, slug, where)
    elif slug is not None or "name_es" in entry:
        raise ScenarioError(f"{where}: id and name_es are only for worked examples; add "
                            "example: true or remove them")
    if isinstance(entry.get("input"), dict) and "as_of" not in entry["input"] and any(
            field["name"] == "as_of" for field in api.declaration(calculator)["fields"]):
        raise ScenarioError(f"{where}: set input.as_of (quoted, like '2026-11-22'), so that the "
                            "case does not depend on the day it runs")
    return Scenario(name=name, calculator=calculator, input=entry.get("input"), expect=expect,
                    example=example, id=slug, file=path, line=line, raw_input=raw_input,
                    name_es=entry.get("name_es"))


def _check_values(value: object, where: str, path: str) -> None:
    """Input is JSON: strings, plain integers, true/false, null, lists and mappings."""
    if isinstance(value, dict):
        for key, member in value.items():
            if not isinstance(key, str):
                raise ScenarioError(f"{where}: {path}: the key {key!r} must be text; quote it")
            _check_values(member, where, f"{path}.{key}")
    elif isinstance(value, list):
        for index, member in enumerate(value):
            _check_values(member, where, f"{path}[{index}]")
    elif isinstance(value, float):
        raise ScenarioError(f"{where}: {path} is a YAML decimal number; quote it (like "
                            "'700.50') so that it is sent exactly, never as a float")
    elif not (value is None or isinstance(value, (str, int, bool))):
        raise ScenarioError(f"{where}: {path} is a YAML {type(value).__name__}, which JSON does "
                            "not have; quote it (dates like '2026-05-01')")


def _expect(expect: object, where: str) -> dict[str, Any]:
    if not (isinstance(expect, dict) and isinstance(expect.get("ok"), bool)):
        raise ScenarioError(f"{where}: expect must be a mapping with ok: true or ok: false")
    unknown = [key for key in expect if key not in EXPECT_KEYS]
    if unknown:
        raise ScenarioError(f"{where}: unknown key expect.{unknown[0]}; expect may have "
                            f"{', '.join(EXPECT_KEYS)}")
    if expect["ok"] and ({"errors", "messages_contain"} & set(expect)):
        raise ScenarioError(f"{where}: a case with ok: true has no errors or messages_contain")
    if not expect["ok"] and ({"result", "steps_contain", "contacts"} & set(expect)):
        raise ScenarioError(f"{where}: a case with ok: false has no result, steps_contain or "
                            "contacts")
    if not expect["ok"] and "errors" not in expect:
        raise ScenarioError(f"{where}: a case with ok: false lists the fields in error, like "
                            "errors: [payment] (null for the input as a whole)")
    if "result" in expect and not isinstance(expect["result"], dict):
        raise ScenarioError(f"{where}: expect.result must be a mapping of result fields")
    for key in ("errors", "messages_contain", "steps_contain", "contacts"):
        if key in expect and not _is_list_of_text(expect[key], allow_null=key == "errors"):
            raise ScenarioError(f"{where}: expect.{key} must be a list of strings")
    return expect


def _is_list_of_text(value: object, allow_null: bool) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, str) or (allow_null and item is None) for item in value)


def _check_example(entry: dict[str, Any], expect: dict[str, Any], slug: object,
                   where: str) -> None:
    if not (isinstance(slug, str) and SLUG.accepts(slug)):
        raise ScenarioError(f"{where}: a worked example needs an id in lowercase words joined "
                            "by hyphens, like id: three-orders-700")
    if not expect["ok"] or "input" not in entry:
        raise ScenarioError(f"{where}: a worked example must be a valid input (input, not "
                            "raw_input) with ok: true")
    name_es = entry.get("name_es")
    if not (isinstance(name_es, str) and name_es[:1].isupper() and name_es.endswith(".")):
        raise ScenarioError(f"{where}: a worked example needs name_es, its name in Spanish for "
                            "the Spanish calculator page: a sentence, starting with a capital "
                            "letter and ending with a full stop")


def _check_unique(scenarios: list[Scenario]) -> None:
    names: dict[str, Scenario] = {}
    ids: dict[str, Scenario] = {}
    for case in scenarios:
        for seen, key, what in ((names, case.name, "name"), (ids, case.id, "id")):
            if key is None:
                continue
            if key in seen:
                first = seen[key]
                raise ScenarioError(f"{_relative(case.file)}:{case.line}: the {what} {key!r} is "
                                    f"already used at {_relative(first.file)}:{first.line}; "
                                    f"give each case its own {what}")
            seen[key] = case


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def mismatches(expect: dict[str, Any], response: dict[str, Any]) -> list[str]:
    """How ``response`` differs from a case's ``expect``: empty when the case passes.

    ``ok`` and ``contacts`` must be equal; ``result`` matches where given (a mapping checks only
    the keys it names, at any depth; a list must have the same length); ``errors`` lists the
    fields in error in any order (null for the input as a whole); ``steps_contain`` and
    ``messages_contain`` are pieces of text that some step, or some error message, contains.
    """
    problems: list[str] = []
    if response.get("ok") is not expect["ok"]:
        problems.append(f"ok is {response.get('ok')!r}, expected {expect['ok']!r}: {response}")
        return problems
    if "result" in expect:
        problems += _compare(expect["result"], response["result"], "result")
    if "contacts" in expect and response["contacts"] != expect["contacts"]:
        problems.append(f"contacts are {response['contacts']}, expected {expect['contacts']}")
    if "errors" in expect:
        fields = sorted((error["field"] for error in response["errors"]), key=str)
        if fields != sorted(expect["errors"], key=str):
            problems.append(f"errors name {fields}, expected {sorted(expect['errors'], key=str)}:"
                            f" {response['errors']}")
    texts = {"steps_contain": response.get("steps", []),
             "messages_contain": [error["message"] for error in response.get("errors", [])]}
    for key, lines in texts.items():
        for piece in expect.get(key, []):
            if not any(piece in line for line in lines):
                problems.append(f"no {key.split('_')[0][:-1]} contains {piece!r}: {lines}")
    return problems


def _compare(expected: Any, actual: Any, path: str) -> list[str]:
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path} is {actual!r}, expected a mapping"]
        return [problem for key, value in expected.items()
                for problem in (_compare(value, actual[key], f"{path}.{key}") if key in actual
                                else [f"{path} has no {key!r}"])]
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path} is {actual!r}, expected {len(expected)} items"]
        return [problem for index, (want, got) in enumerate(zip(expected, actual))
                for problem in _compare(want, got, f"{path}[{index}]")]
    # bool is an int in Python: true must not pass for 1, nor 0 for false.
    if type(expected) is not type(actual) or expected != actual:
        return [f"{path} is {actual!r}, expected {expected!r}"]
    return []
