"""A calculator's response and its view together: what the browser's worker sends the page, and
what the site build shows in the worked examples (see :mod:`calculators.views`)."""

from __future__ import annotations

import json
from typing import Any

from calculators import api, rules
from calculators.i18n import ENGLISH, speaking
from calculators.registry import REGISTERED, page_link
from calculators.rules import Book
from calculators.views.common import FollowUp, View, input_fragment


def respond(name: str | None, text: str | bytes, lang: str = ENGLISH) -> str:
    """Run a calculator on JSON ``text`` and return, as JSON text, ``{"code", "response",
    "view"}``: ``response`` is exactly the text ``calculators.api.run_json`` writes (the JSON
    contract), inserted unchanged. ``lang`` is the page's language (the request's envelope);
    the view speaks the language the response was answered in."""
    code, response = api.run_json(name, text, lang=lang)
    answered = json.loads(response)
    shown = view(answered, lang=_answered_in(text, lang) if answered["ok"] else lang)
    return f'{{"code": {code}, "response": {response}, "view": {json.dumps(shown)}}}'


def _answered_in(text: str | bytes, lang: str) -> str:
    """The language a successful response was answered in: the input's own ``"lang"`` member
    if it has one (api.run reads it), else the page's."""
    return str(api.loads(text).get(api.LANG, lang))  # an input that succeeded reads again


def view(response: dict[str, Any], book: Book = rules.RULES, lang: str = ENGLISH
         ) -> View | None:
    """The answer, facts and table for a successful response, in ``lang``; None for one with
    errors. A rule's value in the words is the one the answer used, found by the date its
    ``"rules"`` names in ``book`` (rules.toml unless a test gives others)."""
    if not response.get("ok"):
        return None
    with speaking(lang):
        return _view(response, book)


def _view(response: dict[str, Any], book: Book) -> View:
    name = response["calculator"]
    used = {key: rules.value_used(key, effective, book)
            for key, effective in response["rules"].items()}
    shown = {"summary": [], "follow": None, **REGISTERED[name].view(response["result"], used)}
    follow = shown["follow"]
    if isinstance(follow, FollowUp):
        shown["follow"] = {"text": follow.text, "href": page_link(name, follow.calculator)
                           + input_fragment(follow.input)}
    return shown
