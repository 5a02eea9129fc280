"""The calculators' Spanish catalog (calculators/locale/es/LC_MESSAGES/): complete, translated,
compiled, and in the site's terms.

The messages are extracted from the code and rules.toml here, with the same Babel configuration
as ``python -m build_tools.i18n.calculator_catalog update``; a message added to the code without its
translation fails, and so does a ``.mo`` that is not the compiled ``.po`` (the ``.mo`` is
committed: the command line, the tests and the browser's wheel read it as it is).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from babel.messages.pofile import read_po

from build_tools.data.terms import Terms
from build_tools.i18n.calculator_catalog import (
    TEMPLATE,
    compiled,
    extracted,
    mo_path,
    placeholders,
    read,
)
from build_tools.runtime.wheel import build_wheel

ROOT = Path(__file__).resolve().parents[2]
CATALOG = read("es")
MESSAGES = [message for message in CATALOG if message.id]


def ids(catalog: object) -> set[object]:
    return {message.id for message in catalog if message.id}  # type: ignore[attr-defined]


def test_every_message_of_the_code_and_of_rules_toml_is_in_the_catalog() -> None:
    code = ids(extracted())
    assert len(code) > 400
    assert sorted(map(str, code - ids(CATALOG))) == [], \
        "run `python -m build_tools.i18n.calculator_catalog update` and translate the new messages"
    assert sorted(map(str, ids(CATALOG) - code)) == [], "the catalog has messages the code no " \
                                                        "longer has: run the update"


def test_the_committed_template_is_the_extraction() -> None:
    with TEMPLATE.open("rb") as pot:
        assert ids(read_po(pot)) == ids(extracted())


def test_every_entry_is_translated_and_none_is_fuzzy() -> None:
    assert not CATALOG.fuzzy
    untranslated = [message.id for message in MESSAGES
                    if not all(message.string if isinstance(message.string, tuple)
                               else (message.string,))]
    fuzzy = [message.id for message in MESSAGES if message.fuzzy]
    assert (untranslated, fuzzy) == ([], [])
    assert CATALOG.plural_forms == "nplurals=2; plural=(n != 1);"


def test_the_committed_mo_is_the_compiled_po() -> None:
    assert mo_path("es").read_bytes() == compiled(CATALOG), \
        "run `python -m build_tools.i18n.calculator_catalog compile`"


def test_the_browsers_wheel_carries_the_compiled_catalog_and_not_its_sources() -> None:
    wheel = build_wheel(ROOT)
    names = zipfile.ZipFile(io.BytesIO(wheel.data)).namelist()
    assert "calculators/locale/es/LC_MESSAGES/calculators.mo" in names
    assert not [name for name in names if name.endswith((".po", ".pot"))]


def test_a_translation_uses_only_the_values_its_message_is_given() -> None:
    """Each ``{name}`` of a translation is one the code puts in: those of the English message,
    ``{number}`` for a plural, and those a ``Translators:`` comment names."""
    wrong = []
    for message in MESSAGES:
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        given = set().union(*(placeholders(text) for text in english))
        given |= set().union(*(placeholders(comment) for comment in message.auto_comments))
        if message.pluralizable:
            given.add("number")
        spanish = message.string if isinstance(message.string, tuple) else (message.string,)
        wrong += [(message.id, extra) for text in spanish
                  if (extra := placeholders(text) - given)]
        # Doubled braces are literal braces: they must survive translation.
        for text in spanish:
            assert text.count("{{") == english[0].count("{{"), message.id
    assert wrong == []


def test_the_translations_use_the_sites_terms_and_never_one_it_rules_out() -> None:
    terms = Terms.load(ROOT / "data" / "terms.yml")
    found = []
    for message in MESSAGES:
        spanish = message.string if isinstance(message.string, tuple) else (message.string,)
        found += [(message.id, term) for text in spanish for term in terms.ruled_out_in(text)]
    assert found == []
    words = " ".join(str(message.string) for message in MESSAGES)
    for term in ("manutención", "orden de manutención", "atrasos", "revisión", "Form 14",
                 "número de caso"):
        assert term in words, term
