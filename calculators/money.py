"""Money in whole cents: reading amounts exactly, writing them, splitting them fairly.

Amounts are integers of cents inside the calculators and never floats (CONTRACT.md, "The
calculators"). Input is a JSON number, parsed exactly as a ``Decimal``, or a string such as
"1000" or "1000.00"; output is a string with exactly two decimals.
"""

from __future__ import annotations

import re
from decimal import Decimal

from calculators import rules

CENTS_PER_DOLLAR = 100
MAX_CENTS = rules.latest("limits.money_max").number()
# Each pattern reads its text once, without backtracking, so the time is linear in its length
# (the field's length limit bounds it too). NEGATIVE is a minus sign, then digits, dots, commas
# and spaces with at least one digit: the lookahead finds the digit, the class checks the rest.
AMOUNT = re.compile(r"[0-9]+(\.[0-9]{1,2})?")
NEGATIVE = re.compile(r"-(?=[^0-9]*[0-9])[0-9.,\s]*")
TOO_PRECISE = re.compile(r"[0-9]+\.[0-9]{3,}")


class InvalidMoney(ValueError):
    """An amount that is not one this site accepts; ``args[0]`` says which problem:
    "type", "format", "negative", "decimals" or "range"."""


def parse_cents(value: object) -> int:
    """Read an amount of money as whole cents (CONTRACT.md, "Values").

    Accepted: a JSON number (``int``, or ``Decimal`` from ``parse_float``/``parse_int``) or a
    string matching ``^[0-9]+(\\.[0-9]{1,2})?$``, from 0 to the maximum in rules.toml. Booleans
    are not numbers here, though Python counts them as ints. A float (only from a Python caller)
    is taken at its shortest decimal spelling, never at its binary value.
    """
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, float, str)):
        raise InvalidMoney("type")
    if isinstance(value, str):
        return _parse_text(value.strip())
    if isinstance(value, float):
        value = Decimal(repr(value))
    number = Decimal(value)
    if not number.is_finite():
        raise InvalidMoney("type")
    return _exact_cents(number)


def _parse_text(text: str) -> int:
    if AMOUNT.fullmatch(text):
        return _exact_cents(Decimal(text))
    if NEGATIVE.fullmatch(text):
        raise InvalidMoney("negative")
    if TOO_PRECISE.fullmatch(text):
        raise InvalidMoney("decimals")
    raise InvalidMoney("format")


def _exact_cents(number: Decimal) -> int:
    """Whole cents of ``number``, checked without rounding or expanding: the bounds first, so
    that a huge exponent (1e400) or a 5,000-digit integer is never turned into an int."""
    if number < 0:
        raise InvalidMoney("negative")
    if number > Decimal(MAX_CENTS) / CENTS_PER_DOLLAR:
        raise InvalidMoney("range")
    if number == 0:
        return 0
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # finite numbers only reach this point
    # The coefficient has no leading zeros and the value is at most 10,000,000.00, so at most
    # ten digits lie before the cents boundary; any digit after it must be zero.
    cut = len(digits) + exponent + 2
    if cut <= 0 or any(digits[cut:]):
        raise InvalidMoney("decimals")
    scale: int = 10 ** max(exponent + 2, 0)
    return int("".join(map(str, digits[:cut]))) * scale


def amount(cents: int) -> str:
    """Cents written as the JSON contract writes money: "433.33"."""
    whole, rest = divmod(cents, CENTS_PER_DOLLAR)
    return f"{whole}.{rest:02d}"


def dollars(cents: int) -> str:
    """Cents written as the steps write money: "$1,000.00". (Rounding cents to whole dollars,
    as Form 14 does, is ``support_amount.round_to_dollar``.)"""
    whole, rest = divmod(cents, CENTS_PER_DOLLAR)
    return f"${whole:,}.{rest:02d}"


def shown(cents: int) -> str:
    """Cents written as a result page shows money: "$6,500", "$1,018", "$433.33" (cents only
    where they are not zero). The steps keep :func:`dollars`, which always writes them."""
    whole, rest = divmod(cents, CENTS_PER_DOLLAR)
    return f"${whole:,}" if rest == 0 else f"${whole:,}.{rest:02d}"


def split(total: int, weights: list[int]) -> tuple[list[int], list[int]]:
    """Split ``total`` cents in proportion to ``weights`` by the largest-remainder method.

    CONTRACT.md, allocation step 5 (this site's convention, rules.toml
    ``[allocation.whole_cents]``): each part is first the floor of its exact share
    ``total * weight / sum(weights)``; the cents left over go one each to the parts with the
    largest fractional remainders, compared exactly; ties go to the larger weight (the larger
    amount owed in that step), then to the earlier part. The parts add up to ``total``.
    Requires ``0 <= total <= sum(weights)`` and ``sum(weights) > 0``.

    Returns the parts and the indexes of the parts that received a leftover cent.
    """
    whole = sum(weights)
    parts = [total * weight // whole for weight in weights]
    # All remainders share the denominator ``whole``, so their numerators compare exactly.
    remainders = [total * weight % whole for weight in weights]
    leftover = total - sum(parts)
    ranking = sorted(range(len(weights)), key=lambda i: (-remainders[i], -weights[i], i))
    rounded_up = sorted(ranking[:leftover])
    for index in rounded_up:
        parts[index] += 1
    return parts, rounded_up
