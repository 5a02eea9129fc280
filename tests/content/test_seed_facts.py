"""Every statement of every source document is on the site (tests/seed_facts.yml).

See the header of tests/seed_facts.yml for the rules, tests/content/seeds.py for how a seed is cut
into units, and tests/content/pages.py for what a page's main text is.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from tests.content import pages, seeds

FACTS_FILE = pages.ROOT / "tests" / "seed_facts.yml"
STATEMENT_KEYS = {"statement", "page", "phrase", "phrases", "correction", "heading"}
CORRECTION_KEYS = {"page", "phrase", "phrases", "why"}


def _load() -> dict[str, list[dict]]:
    with open(FACTS_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


FACTS = _load()
ENTRIES = [(seed, index, entry) for seed, entries in FACTS.items()
           for index, entry in enumerate(entries)]


def _id(item: tuple[str, int, dict]) -> str:
    seed, index, entry = item
    return f"{seed[:3]}#{index}:{str(entry.get('statement', ''))[:40]}"


def _phrases(where: dict) -> list[str]:
    if "phrase" in where and "phrases" in where:
        raise AssertionError("give either phrase or phrases, not both")
    found = where.get("phrases", [where["phrase"]] if "phrase" in where else [])
    assert isinstance(found, list) and found and all(isinstance(p, str) and p.strip()
                                                     for p in found), \
        "give a phrase (text) or phrases (a list of texts)"
    return found


def _target(entry: dict) -> tuple[str, list[str]] | None:
    """(page, phrases) where the site carries the statement; None for a heading."""
    if entry.get("heading") is True and not {"page", "correction"} & set(entry):
        return None
    if "correction" in entry:
        assert "page" not in entry, "a corrected statement names its page inside correction:"
        correction = entry["correction"]
        assert isinstance(correction, dict), "correction: is {page, phrase(s), why}"
        unknown = set(correction) - CORRECTION_KEYS
        assert not unknown, f"unknown keys in correction: {sorted(unknown)}"
        assert isinstance(correction.get("why"), str) and correction["why"].strip(), \
            "a correction says why: what is out of date and what is current"
        return correction["page"], _phrases(correction)
    assert "page" in entry, "name the page that carries the statement (page: and phrase:)"
    return entry["page"], _phrases(entry)


@cache
def _units(seed: str) -> tuple[seeds.Unit, ...]:
    return tuple(seeds.units(seeds.SEEDS / seed))


def _covered(seed: str, quote: str) -> set[int]:
    """Indices of the seed's units that the quote is made of: the quote must be one unit or
    several consecutive ones, whole (a part of a sentence does not count)."""
    units = _units(seed)
    covered: set[int] = set()
    for start in range(len(units)):
        joined = ""
        for end in range(start, len(units)):
            joined = f"{joined} {units[end].text}".strip()
            if joined == quote:
                covered.update(range(start, end + 1))
            if len(joined) >= len(quote):
                break
    return covered


@cache
def _page_text(site: Path, url: str) -> str:
    html = pages.built_html(site, url)
    assert html.is_file(), f"no page at /{url} (built file {html} is missing)"
    return pages.normalise(pages.main_text(html.read_text(encoding="utf-8")).text)


def test_every_seed_has_an_entry():
    names = {path.name for path in seeds.seed_files()}
    assert names, "no seeds found in data/seeds/"
    assert set(FACTS) == names, (
        f"seed_facts.yml must have one section per seed; missing {sorted(names - set(FACTS))}, "
        f"unknown {sorted(set(FACTS) - names)}")


@pytest.mark.parametrize("item", ENTRIES, ids=_id)
def test_statement_quotes_its_seed(item):
    seed, _, entry = item
    unknown = set(entry) - STATEMENT_KEYS
    assert not unknown, f"unknown keys {sorted(unknown)}; allowed: {sorted(STATEMENT_KEYS)}"
    quote = seeds.normalise_space(str(entry["statement"]))
    assert quote in seeds.seed_text(seeds.SEEDS / seed), (
        f"not found in {seed} (quote the seed exactly, whitespace aside): {quote!r}")
    covered = sorted(_covered(seed, quote))
    assert covered, (f"quote whole sentences, list items or headings of {seed}, one or several "
                     f"in a row, as tests/content/seeds.py cuts them: {quote!r}")
    units = [_units(seed)[index] for index in covered]
    if entry.get("heading") is True and _target(entry) is None:
        assert len(units) == 1 and units[0].heading and units[0].text == quote, (
            f"only a heading may be listed without a page: {quote!r} is not one "
            f"(see tests/content/seeds.py for what counts as a heading)")


def test_every_seed_unit_is_mapped():
    unmapped = []
    for path in seeds.seed_files():
        covered: set[int] = set()
        for entry in FACTS.get(path.name, []):
            covered |= _covered(path.name, seeds.normalise_space(str(entry["statement"])))
        for index, unit in enumerate(_units(path.name)):
            if index not in covered:
                unmapped.append(f"{path.name} (block {unit.block}): {unit.text}")
    assert not unmapped, ("seed sentences with no statement in tests/seed_facts.yml:\n"
                          + "\n".join(unmapped))


def test_no_statement_is_listed_twice():
    counts = Counter((seed, seeds.normalise_space(str(entry["statement"])))
                     for seed, _, entry in ENTRIES)
    repeated = [quote for quote, count in counts.items() if count > 1]
    assert not repeated, f"listed more than once: {repeated}"


@pytest.mark.parametrize("item", ENTRIES, ids=_id)
def test_statement_is_on_its_page(item, built_site):
    _, _, entry = item
    target = _target(entry)
    if target is None:
        return  # a heading (checked in test_statement_quotes_its_seed)
    url, phrases = target
    assert isinstance(url, str) and (url == "" or url.endswith("/")) and not url.startswith("/"), \
        f"page is a URL path such as receiving-support/open-a-case/, not {url!r}"
    text = _page_text(built_site.path, url)
    missing = [phrase for phrase in phrases if pages.normalise(phrase) not in text]
    assert not missing, f"not found in the main text of /{url}: {missing}"
