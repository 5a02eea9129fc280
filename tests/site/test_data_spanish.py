"""The data files in both languages (build_tools/data/translated_text.py): every prose field of
data/contacts.yml and every county fact of data/counties.yml has its Spanish text in the entry's
``es:`` mapping; each Spanish text uses data/terms.yml's terms (no ruled-out alternate) and
carries exactly the phone numbers, dollar amounts, percentages, other numbers (dates' among them)
and citations of its English; data/circuits.yml has no prose of its own (names and source titles
stay as they are). The page makers render a county page and the Form 14 pages from the Spanish
templates with the Spanish text, with the same shortcodes, heading ids, sources and numbers as
the English page, and render the English pages as before."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from build_tools.data import contacts as contacts_module
from build_tools.data import county_data, translated_text
from build_tools.data.contacts import Contacts, ContactsError
from build_tools.data.county_data import Counties, CountiesError
from build_tools.data.frontmatter import Seeds
from build_tools.data.schema import MARKDOWN, TEXT, ListOf, Schema
from build_tools.data.terms import Terms
from build_tools.pages.county_pages import FRONT_MATTER, CountyTemplate
from build_tools.pages.form14_pages import Form14Pages

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
TODAY = dt.date(2026, 12, 7)

# The text fields that stay as they officially are (names, places, addresses, titles of sources):
# every other text field of the three files is prose and must be declared translated.
NAMES = {
    ("Fields of a contact", "name"), ("Fields of a contact", "organisation"),
    ("Fields of a contact", "address"),
    ("Fields of a county", "name"),
    ("Fields of a circuit", "name"),
    ("Fields of a county in a circuit", "court_seats"),
}
SCHEMAS = (contacts_module.CONTACT, county_data.COUNTY, county_data.FACT, county_data.CIRCUIT,
           county_data.CIRCUIT_COUNTY)

CITATION = re.compile(r"RSMo\s+[\d.]+|\d+\s+CFR\s+[\d.]+|\d+\s+CSR\s+[\d.-]+|Form\s+14")
MONEY = re.compile(r"\$\d[\d,]*(?:\.\d+)?")
PERCENT = re.compile(r"\d+(?:\.\d+)?\s?%")
SHORTCODE = re.compile(r"\[\[[a-z-]+:[^\]]*\]\]")
NUMBER = re.compile(r"\d+")


def facts_of(text: str) -> Counter[str]:
    """What must be the same in both languages: shortcodes (phone numbers are written only as
    [[phone:ID]]), citations, dollar amounts, percentages, then every other number. A heading's
    written id ({ #form-14-...}) is the English one and left out."""
    found: Counter[str] = Counter()
    text = re.sub(r"\{ ?#[a-z0-9-]+ ?\}", " ", text)
    for kind, pattern in (("shortcode", SHORTCODE), ("citation", CITATION), ("money", MONEY),
                          ("percent", PERCENT)):
        for match in pattern.findall(text):
            found[f"{kind} {' '.join(match.split())}"] += 1
        text = pattern.sub(" ", text)
    found.update(f"number {number}" for number in NUMBER.findall(text))
    return found


def _pairs() -> Iterator[tuple[str, str, str, str]]:
    """(entry, field, English, Spanish or "") for every prose field in the two files."""
    raw_contacts = yaml.safe_load((DATA / "contacts.yml").read_text(encoding="utf-8"))
    for contact_id, entry in raw_contacts.items():
        spanish = entry.get("es") or {}
        for field in contacts_module.TRANSLATED:
            if entry.get(field):
                yield f"contact {contact_id!r}", field, entry[field], spanish.get(field, "")
        for field in ("name", "organisation"):
            if field in spanish:
                yield f"contact {contact_id!r}", field, entry[field], spanish[field]
    raw_counties = yaml.safe_load((DATA / "counties.yml").read_text(encoding="utf-8"))
    for county in raw_counties["counties"]:
        for number, fact in enumerate(county.get("facts") or [], start=1):
            spanish = (fact.get("es") or {}).get("text", "")
            yield f"county {county['name']!r}, fact {number}", "text", fact["text"], spanish


PAIRS = list(_pairs())


def test_every_prose_field_has_its_spanish_text() -> None:
    missing = [f"{entry}: field {field!r}" for entry, field, _, spanish in PAIRS
               if not spanish.strip()]
    assert not missing, "no Spanish text (add it under es:):\n" + "\n".join(missing)
    contacts = {entry for entry, *_ in PAIRS if entry.startswith("contact")}
    facts = [entry for entry, *_ in PAIRS if entry.startswith("county")]
    assert len(contacts) == 38 and len(facts) == 45


def test_the_spanish_text_uses_the_terms_of_the_list() -> None:
    terms = Terms.load(DATA / "terms.yml")
    found = [f"{entry}: field {field!r} uses {', '.join(terms.ruled_out_in(spanish))}"
             for entry, field, _, spanish in PAIRS if terms.ruled_out_in(spanish)]
    assert not found, "ruled out by data/terms.yml:\n" + "\n".join(found)
    # The check itself finds an alternate the list rules out.
    assert terms.ruled_out_in("Pague la pensión alimenticia.") == ["pensión alimenticia"]


def test_the_spanish_text_carries_the_same_numbers_and_citations() -> None:
    different = []
    for entry, field, english, spanish in PAIRS:
        if facts_of(english) != facts_of(spanish):
            only_en = facts_of(english) - facts_of(spanish)
            only_es = facts_of(spanish) - facts_of(english)
            different.append(f"{entry}: field {field!r}: only in English {sorted(only_en)}, "
                             f"only in Spanish {sorted(only_es)}")
    assert not different, "\n".join(different)


def test_the_comparison_sees_each_kind_of_fact() -> None:
    english = ("Call [[phone:fsd-customer-service]] by May 1, 2028: $1,018 a month, 20%, "
               "RSMo 452.340, 45 CFR 303.100, 13 CSR 40-110.030 and Form 14.")
    spanish = ("Llame al [[phone:fsd-customer-service]] antes del 1 de mayo de 2028: $1,018 al "
               "mes, 20%, RSMo 452.340, 45 CFR 303.100, 13 CSR 40-110.030 y Form 14.")
    assert facts_of(english) == facts_of(spanish)
    for changed in ("[[phone:fsd-general-information]]", "$1,081", "25%", "RSMo 452.370",
                    "2029", "Form 15"):
        kind = spanish.replace({"[[phone:fsd-general-information]]":
                                "[[phone:fsd-customer-service]]", "$1,081": "$1,018",
                                "25%": "20%", "RSMo 452.370": "RSMo 452.340", "2029": "2028",
                                "Form 15": "Form 14"}[changed], changed)
        assert facts_of(english) != facts_of(kind), changed


def test_every_text_field_is_prose_to_translate_or_a_name_kept_as_it_is() -> None:
    undeclared = []
    for schema in SCHEMAS:
        for field in schema.fields:
            shape = field.shape.item if isinstance(field.shape, ListOf) else field.shape
            is_text = shape in (TEXT, MARKDOWN) or type(shape) is type(TEXT)
            if is_text and not field.translated and (schema.title, field.name) not in NAMES:
                undeclared.append(f"{schema.title}: {field.name}")
    assert not undeclared, ("prose fields not declared translated=True (or add a name to "
                            "NAMES):\n" + "\n".join(undeclared))
    # data/circuits.yml holds names and sources only: no es: field to fill in.
    assert "es" not in county_data.CIRCUIT and "es" not in county_data.CIRCUIT_COUNTY
    assert "es" in contacts_module.CONTACT and "es" in county_data.FACT


def _copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("seeds"))
    (data / "seeds").symlink_to(DATA / "seeds")
    return data


def test_the_build_names_a_missing_spanish_text(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    seeds = Seeds(DATA)
    contacts_path = data / "contacts.yml"
    text = contacts_path.read_text(encoding="utf-8")
    contacts_path.write_text(text.replace(
        "    have_ready: Su número de caso de manutención, de ocho dígitos. La línea lo pide.\n",
        "", 1), encoding="utf-8")
    with pytest.raises(ContactsError) as raised:
        Contacts.load(contacts_path, seeds)
    assert ("contact 'fsd-payment-information': field 'have_ready' has no Spanish text: add it "
            "as es: {have_ready: ...}") in str(raised.value)
    contacts_path.write_text(text, encoding="utf-8")
    contacts = Contacts.load(contacts_path, seeds)
    counties_path = data / "counties.yml"
    raw = counties_path.read_text(encoding="utf-8")
    start = raw.index("    es:\n      text: >-\n        El secretario del tribunal de circuito "
                      "del condado de Barry")
    end = raw.index("    sources:", start)
    counties_path.write_text(raw[:start] + raw[end:], encoding="utf-8")
    with pytest.raises(CountiesError) as raised:
        Counties.load(counties_path, contacts, seeds)
    assert "county 'Barry County': fact 1: field 'es' is required" in str(raised.value)


def test_a_spanish_text_without_its_english_or_of_an_unknown_field_is_refused() -> None:
    schema: Schema = contacts_module.CONTACT
    entry = {"name": "X", "organisation": "Y", "for": "Call.", "phone": "866-313-9960",
             "sources": [{"seed": "000_d74ccf04b443ec1b.txt"}],
             "es": {"for": "Llame.", "hours": "De lunes a viernes.", "fro": "Llame."}}
    problems = schema.problems(entry, "contact 'x'", {"seeds": Seeds(DATA)})
    assert ("contact 'x': field 'es' translates 'hours', which the entry does not have: remove "
            "it, or add the English") in problems
    assert any("'fro', which is not a translated field." in p for p in problems), problems


@lru_cache(maxsize=None)
def _loaded() -> tuple[Contacts, Counties]:
    seeds = Seeds(DATA)
    contacts = Contacts.load(DATA / "contacts.yml", seeds)
    return contacts, Counties.load(DATA / "counties.yml", contacts, seeds)


def test_text_in_gives_a_field_in_the_language_asked() -> None:
    contacts, counties = _loaded()
    payment = contacts.by_id["fsd-payment-information"]
    assert payment.text("have_ready") == payment.have_ready
    assert payment.text("have_ready", "es") == ("Su número de caso de manutención, de ocho "
                                                "dígitos. La línea lo pide.")
    assert payment.text("name", "es") == payment.name   # an official name stays as it is
    assert payment.text("hours", "es") is None
    shown = contacts.in_language("es").by_id["fsd-make-a-payment"]
    assert (shown.name, shown.for_) == ("Pagar la manutención por teléfono",
                                        "Hacer un pago de manutención de los hijos.")
    assert contacts.in_language("en") is contacts
    barry = next(c for c in counties.counties if c.slug == "barry-county")
    assert barry.facts_in()[0]["text"] == barry.facts[0]["text"]
    assert barry.facts_in("es")[0]["text"].startswith("El secretario del tribunal de circuito")
    assert translated_text.text_in({"for": "Go.", "es": {"for": "Vaya."}}, "for", "es") == "Vaya."
    with pytest.raises(ValueError, match="not one of the site's: en, es"):
        translated_text.text_in({"for": "Go."}, "for", "fr")
    assert translated_text.template_path(DATA, "county_page.md", "es") == DATA / "county_page.es.md"
    assert translated_text.long_date(dt.date(2026, 1, 1), "es") == "1 de enero de 2026"
    assert translated_text.long_date(dt.date(2026, 1, 1)) == "January 1, 2026"


def _split(page: str) -> tuple[dict[str, object], str]:
    match = FRONT_MATTER.match(page)
    assert match
    return yaml.safe_load(match.group(1)), page[match.end():]


HEADING_ID = re.compile(r"^#+ .*?\{ ?#([a-z0-9-]+) ?\}\s*$", re.M)
HEADING = re.compile(r"^(#+) (.*?)\s*$", re.M)


def _heading_ids(body: str, english: bool) -> list[str]:
    """The ids of the page's headings: the English page's from MkDocs' slug rule (lowercase,
    punctuation dropped, spaces to hyphens) unless written; the Spanish page's as written."""
    found = []
    for _, text in HEADING.findall(body):
        written = re.search(r"\{ ?#([a-z0-9-]+) ?\}$", text)
        if written:
            found.append(written.group(1))
        else:
            assert english, f"a Spanish heading without its English id: {text}"
            found.append(re.sub(r"[\s]+", "-", re.sub(r"[^\w\s-]", "", text.lower())).strip("-"))
    return found


def test_a_county_page_in_spanish_has_the_english_pages_outline_sources_and_numbers() -> None:
    contacts, counties = _loaded()
    english = CountyTemplate.load(DATA)
    spanish = CountyTemplate.load(DATA, "es")
    assert spanish.shown_as == "data/county_page.es.md" and english.lang == "en"
    for county in counties.counties:
        meta_en, body_en = _split(english.render(county, contacts))
        meta_es, body_es = _split(spanish.render(county, contacts))
        assert meta_es["sources"] == meta_en["sources"], county.name
        assert meta_es["last_reviewed"] == meta_en["last_reviewed"], county.name
        assert meta_es["translates_review"] == dt.date(2026, 12, 2)
        assert meta_es["title"].startswith("La manutención de los hijos en ")
        assert facts_of(body_es) == facts_of(body_en), county.name
        assert _heading_ids(body_es, False) == _heading_ids(body_en, True), county.name
        for fact in county.facts:
            assert fact["es"]["text"].strip() in body_es and fact["text"] not in body_es
            assert fact["text"] in body_en
    barry = next(c for c in counties.counties if c.slug == "barry-county")
    _, body = _split(spanish.render(barry, contacts))
    assert "# La manutención de los hijos en el condado de Barry { #child-support-in-barry-county }" \
        in body
    city = next(c for c in counties.counties if c.is_city)
    meta, _ = _split(spanish.render(city, contacts))
    assert meta["title"] == "La manutención de los hijos en la ciudad de St. Louis"


def test_the_english_county_page_is_made_from_the_english_template_and_text() -> None:
    contacts, counties = _loaded()
    barry = next(c for c in counties.counties if c.slug == "barry-county")
    page = CountyTemplate(DATA / "county_page.md").render(barry, contacts)
    assert page == CountyTemplate.load(DATA, "en").render(barry, contacts)
    meta, body = _split(page)
    assert meta["title"] == "Child support in Barry County" and "translates_review" not in meta
    assert "# Child support in Barry County\n" in body
    assert barry.facts[0]["text"] in body and "condado" not in body


def test_a_translated_template_takes_its_sources_from_the_english_one(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    template = data / "county_page.es.md"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "translates_review: 2026-12-02\n", "translates_review: 2026-12-02\nlast_reviewed: "
        "2026-12-02\n", 1), encoding="utf-8")
    contacts, counties = _loaded()
    with pytest.raises(CountiesError, match=r"data/county_page.es.md: the front matter holds "
                                            r"last_reviewed; a translated template gives only "
                                            r"title, description, translates_review"):
        CountyTemplate.load(data, "es").render(counties.counties[0], contacts)
    template.unlink()
    with pytest.raises(CountiesError, match="data/county_page.es.md is missing"):
        CountyTemplate.load(data, "es")


def test_the_form14_pages_in_spanish_have_the_english_pages_tables_and_outline() -> None:
    english = Form14Pages.load(DATA)
    spanish = Form14Pages.load(DATA, "es")
    assert english is not None and spanish is not None
    pages_en = english.pages(TODAY)
    pages_es = spanish.pages(TODAY)
    assert [p.src_uri for p in pages_es] == [p.src_uri for p in pages_en]
    for page_en, page_es in zip(pages_en, pages_es, strict=True):
        meta_en, body_en = _split(page_en.content)
        meta_es, body_es = _split(page_es.content)
        for key in ("sources", "last_reviewed", "quick_exit", "search"):
            assert meta_es[key] == meta_en[key], (page_es.src_uri, key)
        assert "made from data/form14_" in page_es.shown and ".es.md" in page_es.shown
        # The same amounts, percentages and citations; the dates' numbers (the month is a word).
        assert facts_of(body_es) == facts_of(body_en), page_es.src_uri
        assert _heading_ids(body_es, False) == _heading_ids(body_en, True), page_es.src_uri
        assert re.findall(r'id="([^"]+)"', body_es) == re.findall(r'id="([^"]+)"', body_en)
    _, by_hand = _split(pages_es[0].content)
    assert "# ¿Cómo lleno el Form 14 a mano? { #how-do-i-work-out-form-14-by-hand }" in by_hand
    assert "1 de enero de 2026" in by_hand
    assert "[hasta $20,000](schedule/1-child.md)" in by_hand
    meta, schedule = _split(pages_es[1].content)
    assert meta["title"] == "Tabla del Form 14 para 1 hijo, hasta $20,000"
    assert '<a href="#row-1300">$0 a $1,300</a>' in schedule
    _, english_by_hand = _split(pages_en[0].content)
    assert "[up to $20,000](schedule/1-child.md)" in english_by_hand
    assert "January 1, 2026" in english_by_hand
