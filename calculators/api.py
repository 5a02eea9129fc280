"""The one entry point: the CLI, the browser worker and the site build all call this module.

- :func:`run` takes parsed JSON (numbers as ``Decimal``) and returns the response dict of the
  JSON contract (calculators/CONTRACT.md): ``{"ok": true, "calculator", "result", "steps",
  "contacts", "rules"}`` or
  ``{"ok": false, "calculator", "errors": [{"field", "message"}]}``.
- :func:`run_json` takes the JSON text (or bytes) and returns ``(exit_code, response_text)``, so
  that the CLI and the browser produce byte-identical output.
- :func:`declaration` describes a calculator's form, from the same field declaration that
  checks its input.

Each takes the language of its words (calculators/i18n.py): ``lang``, "en" by default or "es".
A request says it by a ``"lang"`` member of its JSON object (the command line); the browser's
worker and the site build, which hold the input apart from it, pass ``lang=``, and a member in
the input overrides that. Figures, keys, contact ids and dates never depend on it.
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
from calculators.i18n import ENGLISH, LANGUAGES, _, speaking
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
LANG = "lang"  # the request's language: a member of its object, not a field


class UnreadableInput(ValueError):
    """The input text is not one JSON object this site can read; the message says why."""


def run(name: object, payload: object, *, today: datetime.date | None = None,
        lang: str = ENGLISH) -> dict[str, Any]:
    """Run calculator ``name`` on ``payload`` (a parsed JSON object), answering in ``lang``
    unless the object's own ``"lang"`` member says another language.

    ``today`` is the date ``as_of`` defaults to; it is today's date unless a caller (a test, the
    site build) fixes it.
    """
    if isinstance(payload, Mapping) and LANG in payload:
        payload, chosen = _without_lang(payload)
        if not (isinstance(chosen, str) and chosen in LANGUAGES):
            return {"ok": False, "calculator": _known(name),
                    "errors": [{"field": LANG, "message": unknown_language(chosen)}]}
        lang = chosen
    if lang not in LANGUAGES:
        return failure(_known(name), unknown_language(lang))
    with speaking(lang):
        return _run(name, payload, today)


def _run(name: object, payload: object, today: datetime.date | None) -> dict[str, Any]:
    calculator = CALCULATORS.get(name) if isinstance(name, str) else None
    if calculator is None:
        return failure(None, unknown_calculator(name))
    if isinstance(payload, Unreadable):
        return failure(calculator.name, payload.message)
    if not isinstance(payload, Mapping):
        return failure(calculator.name, _('The input must be one JSON object, like '
                                          '{"field": "value", ...}.'))
    return calculator.run(payload, today or datetime.date.today())


def run_json(name: str | None, text: str | bytes, *, today: datetime.date | None = None,
             lang: str = ENGLISH) -> tuple[int, str]:
    """Read JSON ``text``, run calculator ``name`` and return ``(exit code, response JSON)``:
    0 when the result is there, 2 for any problem with the name or the input. The words are in
    ``lang``, or in the language the object's ``"lang"`` member names."""
    if lang not in LANGUAGES:
        response = failure(_known(name), unknown_language(lang))
    elif not (isinstance(name, str) and name in CALCULATORS):
        with speaking(lang):
            response = failure(None, unknown_calculator(name))
    else:
        try:
            with speaking(lang):
                payload = loads(text)
        except UnreadableInput as problem:
            response = failure(name, str(problem))
        else:
            response = run(name, payload, today=today, lang=lang)
    code = EXIT_OK if response["ok"] else EXIT_INVALID
    return code, json.dumps(response, ensure_ascii=False)


def declaration(name: str, lang: str = ENGLISH) -> dict[str, Any]:
    """The declared form of calculator ``name``: title, summary, fields and rules
    (calculators/CONTRACT.md, "The declaration"), its words in ``lang``."""
    if name not in CALCULATORS:
        raise ValueError(unknown_calculator(name))
    with speaking(lang):
        return CALCULATORS[name].declaration()


def _known(name: object) -> str | None:
    """``name`` when it names a calculator, else None (as a response's ``calculator``)."""
    return name if isinstance(name, str) and name in CALCULATORS else None


def unknown_language(lang: object) -> str:
    """Said in both languages: the request did not say one this site speaks."""
    return (f'There is no language "{shown(lang)}" here: "lang" is "en" (English) or "es" '
            f'(Spanish). / No hay un idioma "{shown(lang)}": "lang" es "en" (inglés) o "es" '
            "(español).")


def _without_lang(payload: Mapping[Any, Any]) -> tuple[Mapping[Any, Any], object]:
    """The object without its ``"lang"`` member (which is no field), and that member."""
    rest = {key: value for key, value in payload.items() if key != LANG}
    repeated = getattr(payload, "repeated", None)
    return (RepeatedKeys(rest, repeated) if repeated else rest), payload[LANG]


def failure(name: str | None, message: str) -> dict[str, Any]:
    """A response for a problem that belongs to no single field."""
    return {"ok": False, "calculator": name, "errors": [{"field": None, "message": message}]}


def unknown_calculator(name: object) -> str:
    choices = join_or(list(NAMES))
    if name is None or name == "":
        return _("Name a calculator: {choices}.", choices=choices)
    return _('There is no calculator called "{name}". The calculators are {choices}.',
             name=shown(name), choices=choices)


def loads(text: str | bytes) -> Any:
    """Parse JSON exactly: numbers become ``Decimal`` (never float), NaN, Infinity and numbers
    too large to read become :class:`Unreadable` (reported at their field's path), and an object
    that gives a key twice is a :class:`RepeatedKeys`, reported too, rather than silently keeping
    the last value. Text over ``[limits.request_max_bytes]`` is refused before anything else."""
    if len(text) > MAX_BYTES or (isinstance(text, str) and _utf8_length(text) > MAX_BYTES):
        raise UnreadableInput(_("The input is longer than {most:,} bytes, the most a "
                                "calculator reads. A real input is far shorter: check that the "
                                "right text was sent.", most=MAX_BYTES))
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise UnreadableInput(_("The input is not readable text: save it as UTF-8.")
                                  ) from None
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors add is not content
    if not text.strip():
        raise UnreadableInput(_('The input is empty. Send one JSON object, like '
                                '{"field": "value", ...}.'))
    if _depth(text) > MAX_DEPTH:
        raise UnreadableInput(_("The input is nested too deeply to read."))
    try:
        return json.loads(text, parse_float=_number, parse_int=_number,
                          parse_constant=_constant, object_pairs_hook=_object)
    except json.JSONDecodeError as error:
        # The reader's own words (error.msg) are Python's, in English in both languages.
        raise UnreadableInput(_("The input is not valid JSON: {problem} (line {line}, column "
                                "{column}).", problem=error.msg, line=error.lineno,
                                column=error.colno)) from None


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
        return Unreadable(_("The number {text} is too large or too small to read.",
                            text=shown(text)), text=text, too_large=True)
    return Decimal(text)


def _constant(text: str) -> Unreadable:
    return Unreadable(_("{text} is not a number this site accepts: write amounts like "
                        "1000.00.", text=text), text=text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    repeated: list[str] = []
    for key, value in pairs:
        if key not in result:
            result[key] = value
        elif key not in repeated:
            repeated.append(key)
    return RepeatedKeys(result, repeated) if repeated else result

