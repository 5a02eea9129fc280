"""The same facts in both languages: each built Spanish page carries exactly the phone numbers,
dollar amounts, percentages and citations (RSMo, CFR, CSR, U.S.C., Form 14) of its English twin.

Both pages are read as built, each its article (tests/content/pages.py: contact cards included,
the sources list left out, which is the same list on both), and each kind of fact is compared
as a set: a fact said twice on one page and once on the other is the same fact. Every built
Spanish page is compared: the written pages, the county pages, the calculator pages and Form 14
by hand.

Money written with a word of scale is read whole, in both languages, so that "$2 billion" and
"$2 mil millones" are the same amount and "$2 millones" is not: the scale words are listed in
SCALE, each language's own, and nothing else is translated. Money is written the US way in both
languages ("$1,018", "$433.33"), so no other form is read.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from tests.content import spanish

# A number of dollars and, after it, a word of scale ("$2 billion", "$2 mil millones"). The
# longer Spanish words come first: "mil millones" is a billion, "mil" alone a thousand.
SCALE = {
    "billion": 10**9, "million": 10**6, "thousand": 10**3,
    "mil millones": 10**9, "millones": 10**6, "millón": 10**6, "mil": 10**3,
}
MONEY = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)(?:\s(" + "|".join(SCALE) + r")\b)?")
PATTERNS = {
    "phone": re.compile(r"(?:1-)?\(?\b\d{3}\)?[-. ]\d{3}-\d{4}\b"),
    "percent": re.compile(r"\b\d+(?:\.\d+)?\s?%"),
    "citation": re.compile(
        r"RSMo\s+\d+\.\d+(?:\.\d+)?|\d+\s+CFR\s+\d+(?:\.\d+)?|\d+\s+CSR\s+[\d-]+\.\d+"
        r"|\d+\s+U\.S\.C\.\s*§*\s*\d+\w*|Form 14\b"),
}


def amount(match: re.Match[str]) -> str:
    """A dollar amount as written, scale words multiplied out: "$2 mil millones" ->
    "$2,000,000,000", "$433.33" -> "$433.33"."""
    figure, scale = match.group(1), match.group(2)
    if not scale:
        return "$" + figure
    whole = Decimal(figure.replace(",", "")) * SCALE[scale]
    return f"${whole:,.0f}" if whole == whole.to_integral_value() else f"${whole:,}"


def facts(text: str) -> dict[str, set[str]]:
    """The phone numbers, dollar amounts, percentages and citations of ``text``."""
    text = text.replace("\u00a0", " ")
    found = {kind: {re.sub(r"\s+", " ", fact) for fact in pattern.findall(text)}
             for kind, pattern in PATTERNS.items()}
    found["percent"] = {fact.replace(" ", "") for fact in found["percent"]}
    found["money"] = {amount(match) for match in MONEY.finditer(text)}
    return found


def page_facts(html: Path) -> dict[str, set[str]]:
    return facts(spanish.article(html).text)


@pytest.mark.parametrize(("english", "spanish_text"), [
    ("owed more than $2 billion", "debían más de $2 mil millones"),
    ("collected $1 million", "cobraron $1 millón"),
    ("$1.5 million", "$1.5 millones"),
    ("$40,000 a month and 20%", "$40,000 al mes y 20 %"),
    ("Call 1-800-859-7999 or 573-751-4301", "Llame al 1-800-859-7999 o al 573-751-4301"),
    ("RSMo 452.340 and 45 CFR 303.100, 13 CSR 40-110.030, 42 U.S.C. 666, Form 14",
     "RSMo 452.340 y 45 CFR 303.100, 13 CSR 40-110.030, 42 U.S.C. 666, Form 14"),
])
def test_the_same_facts_are_read_the_same_in_both_languages(english, spanish_text):
    assert facts(english) == facts(spanish_text)
    assert any(facts(english).values())


@pytest.mark.parametrize(("english", "spanish_text"), [
    ("$2 billion", "$2 millones"),     # a million is not a billion
    ("$2 thousand", "$2 mil millones"),
    ("$1,018", "$1,081"),
    ("25%", "20%"),
    ("RSMo 452.340", "RSMo 452.370"),
    ("573-751-4301", "573-751-4310"),
])
def test_a_different_fact_is_found(english, spanish_text):
    assert facts(english) != facts(spanish_text)


def test_every_spanish_page_carries_exactly_the_facts_of_its_english_twin(built_site):
    pages = spanish.spanish_pages(built_site.path)
    kinds = {page.kind for page in pages}
    assert {"page", "county", "form14"} <= kinds
    differ = []
    with_facts = 0
    for page in pages:
        if not page.twin.is_file():
            differ.append(f"/{page.url}: no English twin")
            continue
        ours, theirs = page_facts(page.html), page_facts(page.twin)
        with_facts += any(ours.values())
        for kind in theirs:
            if ours[kind] != theirs[kind]:
                differ.append(f"/{page.url} {kind}: only in Spanish "
                              f"{sorted(ours[kind] - theirs[kind])}, only in English "
                              f"{sorted(theirs[kind] - ours[kind])}")
    assert with_facts > 100, "too few pages with facts: is the article being read?"
    assert not differ, ("Spanish pages whose facts differ from their English twin's (write "
                        "the same number, amount or citation in the Spanish text, docs/es/ or "
                        "the Spanish template under data/):\n" + "\n".join(differ))
