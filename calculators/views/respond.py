"""A calculator's response and its view together: what the browser's worker sends the page, and
what the site build shows in the worked examples (see :mod:`calculators.views`)."""

from __future__ import annotations

import json
from typing import Any

from calculators import api, rules
from calculators.registry import REGISTERED, page_link
from calculators.rules import Book
from calculators.views.common import FollowUp, View, input_fragment


def respond(name: str | None, text: str | bytes) -> str:
    """Run a calculator on JSON ``text`` and return, as JSON text, ``{"code", "response",
    "view"}``: ``response`` is exactly the text ``calculators.api.run_json`` writes (the JSON
    contract), inserted unchanged."""
    code, response = api.run_json(name, text)
    shown = view(json.loads(response))
    return f'{{"code": {code}, "response": {response}, "view": {json.dumps(shown)}}}'


def view(response: dict[str, Any], book: Book = rules.RULES) -> View | None:
    """The answer, facts and table for a successful response; None for one with errors. A
    rule's value in the words is the one the answer used, found by the date its ``"rules"``
    names in ``book`` (rules.toml unless a test gives others)."""
    if not response.get("ok"):
        return None
    name = response["calculator"]
    used = {key: rules.value_used(key, effective, book)
            for key, effective in response["rules"].items()}
    shown = {"summary": [], "follow": None, **REGISTERED[name].view(response["result"], used)}
    follow = shown["follow"]
    if isinstance(follow, FollowUp):
        shown["follow"] = {"text": follow.text, "href": page_link(name, follow.calculator)
                           + input_fragment(follow.input)}
    return shown
