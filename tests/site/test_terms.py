"""The list of terms, data/terms.yml: every glossary term has its Spanish term with a source or
a note saying none was found, and the build's check fails, naming the entry and the fix, on a
broken list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_tools.data.terms import Terms, TermsError, folded

ROOT = Path(__file__).resolve().parents[2]
TERMS_FILE = ROOT / "data" / "terms.yml"
GLOSSARY = ROOT / "docs" / "glossary.md"
SOURCE = {"title": "California Courts, self-help in Spanish", "url":
          "http://www.courts.ca.gov/1194.htm?rdeLocaleAttr=es", "checked": "2026-12-07",
          "says": "manutención de los hijos"}


def glossary_terms() -> list[str]:
    return re.findall(r"^## (.+)$", GLOSSARY.read_text(encoding="utf-8"), flags=re.M)


def write(tmp_path: Path, terms: list[dict[str, object]]) -> Path:
    path = tmp_path / "terms.yml"
    path.write_text(yaml.safe_dump({"checked": "2026-12-07", "terms": terms},
                                   allow_unicode=True), encoding="utf-8")
    return path


def good(english: str = "child support", spanish: str = "manutención de los hijos",
         **more: object) -> dict[str, object]:
    return {"english": english, "spanish": spanish, "sources": [dict(SOURCE)], **more}


def problems(tmp_path: Path, terms: list[dict[str, object]]) -> str:
    with pytest.raises(TermsError) as error:
        Terms.load(write(tmp_path, terms), shown_as="terms.yml")
    return str(error.value)


def test_the_list_loads_as_the_build_loads_it():
    terms = Terms.load(TERMS_FILE)
    assert len(terms.terms) >= len(glossary_terms())


def test_every_term_of_the_english_glossary_has_an_entry():
    glossary = glossary_terms()
    assert len(glossary) >= 30
    listed = Terms.load(TERMS_FILE).by_english
    missing = [term for term in glossary if folded(term) not in listed]
    assert missing == [], f"add these glossary terms to data/terms.yml: {missing}"


def test_child_support_is_manutencion_de_los_hijos_and_pension_alimenticia_is_ruled_out():
    terms = Terms.load(TERMS_FILE)
    child_support = terms.by_english["child support"]
    assert child_support.spanish == "manutención de los hijos"
    assert {s["url"] for s in child_support.sources} >= {SOURCE["url"]}
    assert terms.ruled_out()["pensión alimenticia"][0] is child_support


def test_each_source_quotes_words_and_each_name_kept_in_english_has_a_gloss():
    for term in Terms.load(TERMS_FILE).terms:
        assert term.sources or term.no_source, term.english
        assert all(source["says"].strip() for source in term.sources), term.english
        assert all(str(source["checked"]) == "2026-12-07" for source in term.sources)
        if term.keeps_english:
            assert term.gloss and term.spanish == term.spanish.strip(), term.english


def test_ruled_out_terms_are_found_in_spanish_text_as_whole_words():
    terms = Terms.load(TERMS_FILE)
    assert terms.ruled_out_in("La Pensión  Alimenticia se paga cada mes.") == \
        ["pensión alimenticia"]
    assert terms.ruled_out_in("La manutención de los hijos se paga cada mes.") == []
    assert terms.ruled_out_in("Un juicioso plan.") == []


def test_a_good_fixture_loads(tmp_path):
    loaded = Terms.load(write(tmp_path, [good(), {"english": "FSD", "spanish": "FSD",
                                                  "keeps_english": True, "gloss": "la división",
                                                  "no_source": "English only"}]))
    assert [term.english for term in loaded.terms] == ["child support", "FSD"]


def test_a_missing_source_is_named_with_the_fix(tmp_path):
    entry = good()
    del entry["sources"]
    message = problems(tmp_path, [entry])
    assert "term 'child support': give its sources" in message
    assert "no_source" in message


def test_both_sources_and_no_source_is_refused(tmp_path):
    message = problems(tmp_path, [good(no_source="none found")])
    assert "term 'child support': it has both sources and no_source" in message


def test_an_empty_spanish_term_is_named(tmp_path):
    message = problems(tmp_path, [good(spanish="")])
    assert "term 'child support': field 'spanish' is required" in message
    message = problems(tmp_path, [good(spanish="  ")])
    assert "term 'child support': field 'spanish' is '  '; write it as text" in message


def test_a_source_without_the_words_it_says_is_named(tmp_path):
    entry = good()
    entry["sources"] = [{key: value for key, value in SOURCE.items() if key != "says"}]
    message = problems(tmp_path, [entry])
    assert "term 'child support': source 1: field 'says' is required" in message


def test_a_duplicate_english_term_is_named(tmp_path):
    message = problems(tmp_path, [good(), good(english="Child  Support")])
    assert "term 'Child  Support' appears twice (also entry 1)" in message


def test_a_spanish_term_ruled_out_elsewhere_is_named(tmp_path):
    ruling = good(ruled_out=[{"term": "Pensión alimenticia", "why": "spousal support"}])
    other = good(english="alimony", spanish="pensión alimenticia")
    message = problems(tmp_path, [ruling, other])
    assert ("term 'alimony': its Spanish term 'pensión alimenticia' is ruled out by the entry "
            "'child support'") in message
    assert "choose another Spanish term" in message


def test_a_spanish_term_its_own_entry_rules_out_is_named(tmp_path):
    entry = good(ruled_out=[{"term": "manutención de los hijos", "why": "x"}])
    assert "is ruled out by this entry" in problems(tmp_path, [entry])


def test_a_spanish_term_or_gloss_using_a_ruled_out_term_is_named(tmp_path):
    ruling = good(ruled_out=[{"term": "pensión alimenticia", "why": "spousal support"}])
    other = good(english="arrears", spanish="atrasos de la pensión alimenticia")
    named = good(english="FSD", spanish="FSD", keeps_english=True,
                 gloss="la oficina de la Pensión Alimenticia")
    message = problems(tmp_path, [ruling, other, named])
    assert ("term 'arrears': its Spanish term 'atrasos de la pensión alimenticia' uses "
            "'pensión alimenticia', which the entry 'child support' rules out") in message
    assert "term 'FSD': its gloss 'la oficina de la Pensión Alimenticia' uses" in message


def test_no_entry_uses_a_term_the_list_rules_out():
    terms = Terms.load(TERMS_FILE)
    for term in terms.terms:
        assert terms.ruled_out_in(f"{term.spanish}. {term.gloss}") == [], term.english


def test_an_english_name_without_its_gloss_is_named(tmp_path):
    message = problems(tmp_path, [good(english="FSD", spanish="FSD", keeps_english=True)])
    assert "term 'FSD': field 'gloss' is required with keeps_english: true" in message


def test_an_unknown_field_is_named_with_the_near_miss(tmp_path):
    message = problems(tmp_path, [good(glos="x")])
    assert "unknown field 'glos'" in message and 'Did you mean "gloss"?' in message


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(TermsError, match="terms.yml is missing"):
        Terms.load(tmp_path / "nothing.yml", shown_as="terms.yml")
