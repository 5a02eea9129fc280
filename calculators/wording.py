"""Small helpers for writing steps and messages in plain words, in the request's language
(calculators/i18n.py)."""

from __future__ import annotations

import difflib

from calculators.i18n import SPANISH, _, language, ngettext


def closest(value: str, known: list[str]) -> str | None:
    """The one of ``known`` that ``value`` is most likely a typing mistake for, or None: the
    site's one "did you mean" rule, for the calculators' messages and the build's alike."""
    close = difflib.get_close_matches(value, known, n=1)
    return close[0] if close else None


def join_and(words: list[str]) -> str:
    """"a", "a and b", "a, b and c" ("a, b y c"; "e" before a word that sounds "i")."""
    return _join(words, _("and"), ("i", "hi"), "e")


def join_or(words: list[str]) -> str:
    """"a", "a or b", "a, b or c" ("a, b o c"; "u" before a word that sounds "o")."""
    return _join(words, _("or"), ("o", "ho"), "u")


def _join(words: list[str], conjunction: str, sounds: tuple[str, ...], before: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    last = words[-1]
    if language() == SPANISH and last.lower().lstrip('"').startswith(sounds) and not \
            last.lower().lstrip('"').startswith(("hie", "hia")):
        conjunction = before
    return f"{', '.join(words[:-1])} {conjunction} {last}"


def plural(number: int, noun: str) -> str:
    """"1 month", "2 months"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def number_of_children(number: int, kind: str = "") -> str:
    """"1 child", "2 children", "1 other child" (``kind`` "other ")."""
    if kind:
        return ngettext("{number} other child", "{number} other children", number)
    return ngettext("{number} child", "{number} children", number)


def ordinal(number: int) -> str:
    """"18th", "21st", "22nd", "3rd", "11th"."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{({1: 'st', 2: 'nd', 3: 'rd'}).get(number % 10, 'th')}"
