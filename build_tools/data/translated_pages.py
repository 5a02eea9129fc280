"""A Spanish page's front matter, and what it takes from its English twin.

A Spanish page (docs/es/<the English page's path>) writes only what is its own::

    ---
    title: ¿Cuánto cuesta la manutención de los hijos?
    description: Una oración en español, de 160 caracteres como máximo.
    translates_review: 2026-12-07   # the English twin's last_reviewed this text translates
    ---

plus ``hide`` where the English page has it. Its ``sources``, ``last_reviewed`` and
``quick_exit`` are the English twin's (one list of sources for both: the same ``[[ref:ID]]`` ids
and the same foot), which :func:`with_twin` puts into the page's front matter before the build
checks it like any other page. ``make check-content`` lists a Spanish page whose twin was
reviewed after the review its text translates (:func:`behind_twin`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

from build_tools.data import frontmatter
from build_tools.data.schema import as_date

OWN_KEYS = ("title", "description", "translates_review")
TWIN_KEYS = ("sources", "last_reviewed", "quick_exit")  # taken from the English twin
HIDE = "hide"  # allowed where the English twin has it

EXAMPLE = """\
---
title: ¿Cuánto cuesta la manutención de los hijos?
description: Una oración en español, de 160 caracteres como máximo.
translates_review: 2026-12-02   # the English page's last_reviewed this text translates
---"""


def twin_meta(english_page: Path) -> dict[str, Any] | None:
    """The English twin's front matter; None when there is no such page."""
    if not english_page.is_file():
        return None
    return get_data(english_page.read_text(encoding="utf-8"))[1]


def problems_of(meta: Mapping[str, Any], twin: Mapping[str, Any] | None, spanish: str,
                english: str) -> list[str]:
    """Every problem in a Spanish page's own front matter, each with its fix. ``spanish`` and
    ``english`` name the page and its twin (``docs/es/x.md``, ``docs/x.md``)."""
    if twin is None:
        return [f"{spanish} has no English twin: a Spanish page translates the English page at "
                f"the same path, {english}, which does not exist. Move the page to "
                f"docs/es/<the English page's path>, or write {english} first."]
    problems = []
    for key in TWIN_KEYS:
        if key in meta:
            problems.append(f"'{key}' is not written on a Spanish page: the build takes it from "
                            f"the English twin, {english}. Delete it here (change it there).")
    for key in sorted(set(meta) - set(OWN_KEYS) - set(TWIN_KEYS) - {HIDE}):
        problems.append(f"unknown front matter key '{key}': a Spanish page has only "
                        f"{', '.join(OWN_KEYS)} (and hide where {english} has it)")
    for key in ("title", "description"):
        if meta.get(key) in (None, ""):
            problems.append(f"missing front matter key '{key}' (in Spanish)")
    if HIDE in meta and meta[HIDE] != twin.get(HIDE):
        problems.append(f"'hide' is {meta[HIDE]!r} here and {twin.get(HIDE)!r} on {english}: "
                        "write the English page's hide, or none where it has none")
    elif HIDE in twin and HIDE not in meta:
        problems.append(f"missing 'hide: {twin[HIDE]!r}': {english} has it")
    twin_reviewed = as_date(twin.get("last_reviewed"))
    shown = twin_reviewed.isoformat() if twin_reviewed else "its last_reviewed date"
    if meta.get("translates_review") in (None, ""):
        problems.append(f"missing front matter key 'translates_review': the English twin's "
                        f"last_reviewed that this text translates (add "
                        f"'translates_review: {shown}' once it says what {english} says)")
    elif as_date(meta["translates_review"]) is None:
        problems.append(f"'translates_review' must be a date written YYYY-MM-DD, not "
                        f"{meta['translates_review']!r}")
    return problems


def format_problems(page: str, problems: list[str]) -> str:
    """One message for a Spanish page's front matter problems, with its example to copy."""
    return frontmatter.format_problems(page, problems, EXAMPLE, "A Spanish page")


def with_twin(meta: Mapping[str, Any], twin: Mapping[str, Any]) -> dict[str, Any]:
    """A Spanish page's front matter with what it takes from its English twin; its own
    ``translates_review`` is left out (the page checks of every language do not know it)."""
    merged = {key: value for key, value in meta.items() if key != "translates_review"}
    for key in TWIN_KEYS:
        if key in twin:
            merged[key] = twin[key]
    return merged


def behind_twin(meta: Mapping[str, Any], twin: Mapping[str, Any]) -> dt.date | None:
    """The twin's last_reviewed when it is later than the review this page translates."""
    translated = as_date(meta.get("translates_review"))
    reviewed = as_date(twin.get("last_reviewed"))
    if translated is None or reviewed is None or reviewed <= translated:
        return None
    return reviewed
