"""The Spanish pages use the site's terms (data/terms.yml): no built Spanish page uses a term the
list rules out, and the Spanish glossary's headings are exactly the list's Spanish terms, in the
English glossary's order (docs/es/glossary.md is written by hand from the list; this keeps it
so)."""

from __future__ import annotations

from pathlib import Path

from build_tools.data.terms import Terms, folded
from tests.content import pages, spanish

TERMS = Terms.load(pages.ROOT / "data" / "terms.yml")


def glossary_headings(html: Path) -> list[str]:
    """The terms of a built glossary page: its second-level headings."""
    return [text for level, text in spanish.article(html).headings if level == 2]


def test_a_ruled_out_term_is_found_on_a_page(tmp_path):
    html = tmp_path / "index.html"
    html.write_text('<html lang="es"><body><article><h1>Pagos</h1>'
                    "<p>La pensión alimenticia se paga cada mes.</p></article></body></html>",
                    encoding="utf-8")
    assert TERMS.ruled_out_in(spanish.article(html).text) == ["pensión alimenticia"]


def test_no_spanish_page_uses_a_term_the_list_rules_out(built_site):
    found = spanish.spanish_pages(built_site.path)
    assert len(found) > 150
    used = {page.url: TERMS.ruled_out_in(spanish.article(page.html).text) for page in found}
    used = {url: terms for url, terms in used.items() if terms}
    ruled_out = TERMS.ruled_out()
    assert not used, ("Spanish pages that use a term data/terms.yml rules out (use the list's "
                      "term instead):\n" + "\n".join(
                          f"/{url}: " + "; ".join(
                              f"{term!r} (use {ruled_out[term][0].spanish!r}: "
                              f"{ruled_out[term][1]})" for term in terms)
                          for url, terms in used.items()))


def test_the_spanish_glossary_lists_the_terms_spanish_in_the_english_glossarys_order(built_site):
    english = glossary_headings(built_site.path / "glossary" / "index.html")
    assert len(english) >= 30
    by_english = TERMS.by_english
    missing = [term for term in english if folded(term) not in by_english]
    assert not missing, f"English glossary terms missing from data/terms.yml: {missing}"
    expected = [by_english[folded(term)].spanish for term in english]
    found = glossary_headings(built_site.path / "es" / "glossary" / "index.html")
    assert found == expected, (
        "docs/es/glossary.md's headings must be data/terms.yml's Spanish terms, one for each "
        "heading of docs/glossary.md, in its order:\n"
        + "\n".join(f"  {i}: found {a!r}, expected {b!r}"
                    for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b)
        + (f"\n  found {len(found)} headings, expected {len(expected)}"
           if len(found) != len(expected) else ""))
