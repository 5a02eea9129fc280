"""The one entry point: the CLI, the browser worker and the site build all call this module.

- :func:`run` takes parsed JSON (numbers as ``Decimal``) and returns the response dict of the
  JSON contract (calculators/CONTRACT.md): ``{"ok": true, "calculator", "result", "steps",
  "contacts", "rules"}`` or
  ``{"ok": false, "calculator", "errors": [{"field", "message"}]}``.
- :func:`run_json` takes the JSON text (or bytes) and returns ``(exit_code, response_text)``, so
  that the CLI and the browser produce byte-identical output.
- :func:`declaration` describes a calculator's form, from the same field declaration that
  checks its input.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from calculators import rules
from calculators.calculator import Calculator
from calculators.fields import RepeatedKeys, Unreadable, shown
from calculators.registry import REGISTERED
from calculators.wording import join_or

# The calculators by name, from the one list of them (calculators/registry.py).
CALCULATORS: dict[str, Calculator] = {name: entry.calculator
                                      for name, entry in REGISTERED.items()}
NAMES: tuple[str, ...] = tuple(CALCULATORS)
EXIT_OK = 0
EXIT_INVALID = 2
MAX_BYTES = rules.latest("limits.request_max_bytes").number()
MAX_EXPONENT_DIGITS = rules.latest("limits.exponent_digits_max").number()
MAX_DEPTH = rules.latest("limits.nesting_max").number()  # real input nests 3 deep
# A string (its end quote optional, so that an unterminated one is read once, to the end) or a
# bracket. Written so that no part can match the same text two ways: the scan never backtracks,
# and is linear in the text.
BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


class UnreadableInput(ValueError):
    """The input text is not one JSON object this site can read; the message says why."""


def run(name: object, payload: object, *, today: datetime.date | None = None
        ) -> dict[str, Any]:
    """Run calculator ``name`` on ``payload`` (a parsed JSON object).

    ``today`` is the date ``as_of`` defaults to; it is today's date unless a caller (a test, the
    site build) fixes it.
    """
    calculator = CALCULATORS.get(name) if isinstance(name, str) else None
    if calculator is None:
        return failure(None, unknown_calculator(name))
    if isinstance(payload, Unreadable):
        return failure(calculator.name, payload.message)
    if not isinstance(payload, Mapping):
        return failure(calculator.name, "The input must be one JSON object, like "
                                        '{"field": "value", ...}.')
    return calculator.run(payload, today or datetime.date.today())


def run_json(name: str | None, text: str | bytes, *, today: datetime.date | None = None
             ) -> tuple[int, str]:
    """Read JSON ``text``, run calculator ``name`` and return ``(exit code, response JSON)``:
    0 when the result is there, 2 for any problem with the name or the input."""
    if not (isinstance(name, str) and name in CALCULATORS):
        response = failure(None, unknown_calculator(name))
    else:
        try:
            payload = loads(text)
        except UnreadableInput as problem:
            response = failure(name, str(problem))
        else:
            response = run(name, payload, today=today)
    code = EXIT_OK if response["ok"] else EXIT_INVALID
    return code, json.dumps(response, ensure_ascii=False)


def declaration(name: str) -> dict[str, Any]:
    """The declared form of calculator ``name``: title, summary, fields and rules
    (calculators/CONTRACT.md, "The declaration")."""
    if name not in CALCULATORS:
        raise ValueError(unknown_calculator(name))
    return CALCULATORS[name].declaration()


def failure(name: str | None, message: str) -> dict[str, Any]:
    """A response for a problem that belongs to no single field."""
    return {"ok": False, "calculator": name, "errors": [{"field": None, "message": message}]}


def unknown_calculator(name: object) -> str:
    choices = join_or(list(NAMES))
    if name is None or name == "":
        return f"Name a calculator: {choices}."
    return f'There is no calculator called "{shown(name)}". The calculators are {choices}.'


def loads(text: str | bytes) -> Any:
    """Parse JSON exactly: numbers become ``Decimal`` (never float), NaN, Infinity and numbers
    too large to read become :class:`Unreadable` (reported at their field's path), and an object
    that gives a key twice is a :class:`RepeatedKeys`, reported too, rather than silently keeping
    the last value. Text over ``[limits.request_max_bytes]`` is refused before anything else."""
    if len(text) > MAX_BYTES or (isinstance(text, str) and _utf8_length(text) > MAX_BYTES):
        raise UnreadableInput(f"The input is longer than {MAX_BYTES:,} bytes, the most a "
                              "calculator reads. A real input is far shorter: check that the "
                              "right text was sent.")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise UnreadableInput("The input is not readable text: save it as UTF-8.") from None
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors add is not content
    if not text.strip():
        raise UnreadableInput('The input is empty. Send one JSON object, like '
                              '{"field": "value", ...}.')
    if _depth(text) > MAX_DEPTH:
        raise UnreadableInput("The input is nested too deeply to read.")
    try:
        return json.loads(text, parse_float=_number, parse_int=_number,
                          parse_constant=_constant, object_pairs_hook=_object)
    except json.JSONDecodeError as error:
        raise UnreadableInput(f"The input is not valid JSON: {error.msg} (line {error.lineno}, "
                              f"column {error.colno}).") from None


def _utf8_length(text: str) -> int:
    """The length of ``text`` in UTF-8 bytes (a lone surrogate, which the decoder refuses
    later, counts as three). Called only on text of at most MAX_BYTES characters."""
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def _depth(text: str) -> int:
    """How deeply lists and objects nest, brackets inside strings aside, in one pass that never
    backtracks (an unterminated string runs to the end of the text).

    Checked before parsing: under Pyodide, JSON nested some thousands deep overflows the
    JavaScript stack and kills the interpreter before Python can raise RecursionError.
    """
    depth = deepest = 0
    for token in BRACKETS.finditer(text):
        if token.group() in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token.group() in ("]", "}"):
            depth -= 1
    return deepest


def _number(text: str) -> Decimal | Unreadable:
    # Decimal's exponent limit differs between 64-bit CPython and 32-bit WebAssembly; refusing
    # exponents of nine digits or more (1e100000000) gives the same answer on both.
    exponent = text.lower().partition("e")[2].lstrip("+-").lstrip("0")
    if len(exponent) > MAX_EXPONENT_DIGITS:
        return Unreadable(f"The number {shown(text)} is too large or too small to read.",
                          text=text, too_large=True)
    return Decimal(text)


def _constant(text: str) -> Unreadable:
    return Unreadable(f"{text} is not a number this site accepts: write amounts like 1000.00.",
                      text=text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    repeated: list[str] = []
    for key, value in pairs:
        if key not in result:
            result[key] = value
        elif key not in repeated:
            repeated.append(key)
    return RepeatedKeys(result, repeated) if repeated else result

