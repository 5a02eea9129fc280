"""No English left on a Spanish page: every paragraph of its own prose reads as Spanish to an
offline language detector.

The detector is langdetect 1.0.9 (pinned in requirements.txt; its language profiles ship in
the package, so nothing is downloaded), seeded so that every run gives the same answer. It
reads each block of a built Spanish page's article (each heading, paragraph, list item, table
cell: tests/content/pages.py), without what may stay in English: names marked as English
(`<span lang="en">`, which a screen reader then reads in English), citations of the law
(RSMo, CFR, CSR, U.S.C., Form 14), code (a web address's path), the sources list with its
titles, and contact cards (data/contacts.yml). What is left must not be English.

A block fails when English is the language the detector finds most likely. The check does not
demand that Spanish come first: on a short block ("¿Qué hace FSD?", a table cell) langdetect
often takes Spanish for Portuguese, Catalan or Italian, but it does not take it for English,
while an English sentence is found English at once (the tests below show both). A block with
fewer than three words is not read: a number, a label of two words ("Fecha final",
which langdetect takes for English) or a lone name is too short to have a language.

Fix a failure by writing the words in Spanish, or, for an English name, by marking it:
`<span lang="en">Family Support Payment Center</span>`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from langdetect import DetectorFactory, detect_langs

from tests.content import spanish

DetectorFactory.seed = 0  # langdetect draws at random; a fixed seed gives the same answer
WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 3


def language(text: str) -> str:
    """The language the detector finds most likely for ``text`` ('es', 'en', 'pt'...)."""
    return str(detect_langs(text)[0].lang)


def is_english(block: str) -> bool:
    return len(WORD.findall(block)) >= MIN_WORDS and language(block) == "en"


def english_blocks(html: Path) -> list[str]:
    return [block for block in spanish.paragraphs_to_detect(html) if is_english(block)]


@pytest.mark.parametrize("block", [
    "This site's convention",
    "A drop of under 20% does not by itself show a substantial change.",
    "Mail it to the payment center.",
])
def test_an_english_sentence_is_found(block):
    assert is_english(block)


@pytest.mark.parametrize("block", [
    "¿Qué hace FSD?",
    "¿Y si vivo fuera de Misuri?",
    "Es interés simple. No se cobra interés sobre el interés.",
    "Otros números de hijos: 2 hijos, 3 hijos, 4 hijos, 5 hijos, 6 hijos.",
    "Envíelo por correo con su número de caso.",
])
def test_spanish_is_not_taken_for_english(block):
    assert not is_english(block)


def test_names_marked_english_citations_and_code_are_not_read(tmp_path):
    html = tmp_path / "index.html"
    html.write_text(
        '<html lang="es"><body><article>'
        '<p>Envíelo al <span lang="en">Family Support Payment Center</span>.</p>'
        "<p>Lo dice RSMo 452.340 y también 45 CFR 303.100.</p>"
        "<p>Su página está en <code>counties/st-charles-county/</code>.</p>"
        '<p lang="en">Missouri Department of Social Services</p>'
        "<p>Mail it to the payment center.</p>"
        "</article></body></html>", encoding="utf-8")
    blocks = spanish.paragraphs_to_detect(html)
    assert blocks[:3] == ["Envíelo al .", "Lo dice   y también  .", "Su página está en ."]
    assert len(blocks) == 4
    assert english_blocks(html) == ["Mail it to the payment center."]


def test_no_spanish_page_has_an_english_paragraph(built_site):
    found = spanish.spanish_pages(built_site.path)
    assert len(found) > 150
    english = {}
    for page in found:
        blocks = english_blocks(page.html)
        if blocks:
            english[page.url] = blocks
    assert not english, (
        "English left on Spanish pages: write it in Spanish, or mark an English name with "
        '<span lang="en">...</span> (the page under docs/es/, the Spanish template under data/ '
        "or the build's Spanish catalog):\n" + "\n".join(
            f"/{url}:\n  " + "\n  ".join(blocks) for url, blocks in english.items()))
