"""The build's messages against its catalogs: what Babel extracts (babel.cfg) and what each
``<lang>/LC_MESSAGES/site.po`` holds.

``python -m build_tools.i18n.catalog`` prints every problem (a message the catalog lacks, one it
no longer needs, an untranslated or fuzzy entry, a placeholder the translation changes) and
exits 1 when there is one; tests/site/test_translations.py asserts there is none.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from build_tools.i18n import DEFAULT, DOMAIN, LANGUAGES, MAPPING, catalog_path

ROOT = Path(__file__).resolve().parents[2]
# gettext's own names, and N_ for a message marked where it is defined (build_tools/i18n/).
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}


def extracted() -> dict[str, list[str]]:
    """Every message in the code and templates, with where it is (``path:line``)."""
    with MAPPING.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)  # type: ignore[no-untyped-call]
    found: dict[str, list[str]] = {}
    for path, line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS):
        text = message if isinstance(message, str) else message[0]
        found.setdefault(text, []).append(f"{path}:{line}")
    return found


def read(lang: str) -> Catalog:
    """The catalog of ``lang`` as Babel reads it."""
    with catalog_path(lang).open("rb") as po:
        return read_po(po, locale=lang, domain=DOMAIN)


def problems(lang: str, messages: dict[str, list[str]] | None = None) -> list[str]:
    """What is wrong with the catalog of ``lang`` (an empty list when nothing is)."""
    messages = extracted() if messages is None else messages
    catalog = read(lang)
    shown = f"build_tools/i18n/{lang}/LC_MESSAGES/{DOMAIN}.po"
    # A message with a plural form is known by its singular.
    held = {entry.id[0] if entry.pluralizable else str(entry.id): entry
            for entry in catalog if entry.id}
    found = [f"{shown} lacks {text!r} ({messages[text][0]})" for text in messages
             if text not in held]
    found += [f"{shown} has {text!r}, which no code or template uses any more: remove it"
              for text in held if text not in messages]
    for text, entry in held.items():
        strings = list(entry.string) if isinstance(entry.string, (tuple, list)) \
            else [entry.string]
        if not all(strings):
            found.append(f"{shown}: {text!r} is not translated")
        elif entry.fuzzy:
            found.append(f"{shown}: {text!r} is marked fuzzy: check the translation, then "
                         f"remove the fuzzy flag")
    for entry, errors in catalog.check():
        found += [f"{shown}: {entry.id!r}: {error}" for error in errors]
    return found


def main() -> int:
    messages = extracted()
    found = [problem for lang in LANGUAGES if lang != DEFAULT
             for problem in problems(lang, messages)]
    for problem in found:
        print(problem)
    print(f"{len(messages)} messages; {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
