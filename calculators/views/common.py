"""What the calculators' views share: the shape of a view, money and dates as a page writes
them, and the ``#input=`` links of the calculator pages."""

from __future__ import annotations

import datetime
import json
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from calculators import money
from calculators.dates import long_date

View = dict[str, Any]
Used = dict[str, Any]  # each rule the answer used ("rules"), with the value it used
# A calculator's view: its result and the rules' values it used -> what the page shows.
ViewMaker = Callable[[dict[str, Any], Used], View]

# Characters a percent-encoded #input= keeps as they are (urllib.parse.quote with safe="").
_UNENCODED = frozenset(string.ascii_letters + string.digits + "_.-~")


@dataclass(frozen=True)
class FollowUp:
    """A link from a result to another calculator's page with ``input`` filled in: the view
    names the calculator, :func:`calculators.views.respond.view` makes the link from its page."""

    text: str
    calculator: str
    input: dict[str, Any]


def input_fragment(payload: Any) -> str:
    """``#input=<percent-encoded JSON>``: what a calculator page reads from its address (the
    contract's links; the same as ``urllib.parse.quote(text, safe="")``, without importing it
    into the browser's trimmed standard library)."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return "#input=" + "".join(
        char if char in _UNENCODED else "".join(f"%{byte:02X}" for byte in char.encode())
        for char in text)


def dollars(amount: str) -> str:
    """Money of the response ("1018.00") as a page shows it: "$1,018"."""
    return money.shown(money.parse_cents(amount))


def date(iso: str) -> str:
    """A date of the response ("2028-05-01") as a page shows it: "May 1, 2028"."""
    return long_date(datetime.date.fromisoformat(iso))
