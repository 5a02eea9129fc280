"""The build's own words in Spanish (build_tools/i18n/): the catalog is whole and current, its
Spanish keeps to the list of terms, every renderer speaks the page's language, and English stays
exactly as it was."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from mkdocs.theme import Theme

from build_tools import i18n
from build_tools.data import shortcodes
from build_tools.data.contacts import Contacts, render_block
from build_tools.data.county_data import Counties
from build_tools.data.frontmatter import Seeds
from build_tools.data.page_sources import KINDS, FootList, reference
from build_tools.data.terms import Terms
from build_tools.i18n import catalog
from build_tools.pages import calculator_pages, county_pages, form14_pages, handout
from build_tools.pages.theme_fixes import fix_page
from tests.site.test_calculator_templates import BUILD

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Seeds(ROOT / "data")
CONTACTS = Contacts.load(ROOT / "data" / "contacts.yml", SEEDS)
SPANISH = catalog.read("es")
# English message -> Spanish, for the messages whose Spanish differs ("Fax", "No" do not).
CHANGED = {str(entry.id): str(entry.string) for entry in SPANISH
           if entry.id and not entry.pluralizable and entry.string != entry.id}


# --- The catalog ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def extracted() -> dict[str, list[str]]:
    return catalog.extracted()


def test_every_message_in_the_code_and_templates_is_in_the_catalog_and_translated(extracted):
    assert catalog.problems("es", extracted) == []
    assert len(extracted) >= 100


def test_the_check_finds_a_missing_an_unused_a_fuzzy_and_an_untranslated_entry(
        extracted, tmp_path, monkeypatch):
    text = i18n.catalog_path("es").read_text(encoding="utf-8")
    changed = text.replace('msgid "Sources"\nmsgstr "Fuentes"\n', "")
    changed = changed.replace('msgid "Phone"\nmsgstr "Teléfono"',
                              '#, fuzzy\nmsgid "Phone"\nmsgstr "Teléfono"')
    changed = changed.replace('msgid "Hours"\nmsgstr "Horario"', 'msgid "Hours"\nmsgstr ""')
    changed += '\nmsgid "A message nothing uses"\nmsgstr "Un mensaje"\n'
    po = tmp_path / "es" / "LC_MESSAGES" / "site.po"
    po.parent.mkdir(parents=True)
    po.write_text(changed, encoding="utf-8")
    monkeypatch.setattr(catalog, "catalog_path", lambda lang: tmp_path / lang / "LC_MESSAGES" /
                        "site.po")
    found = "\n".join(catalog.problems("es", extracted))
    assert "lacks 'Sources' (overrides/partials/site-page-foot.html:" in found
    assert "'Phone' is marked fuzzy" in found
    assert "'Hours' is not translated" in found
    assert "'A message nothing uses', which no code or template uses any more" in found


def test_the_extraction_reads_python_and_both_kinds_of_template(extracted):
    assert extracted["Phone"][0].startswith("build_tools/data/contacts.py:")
    assert extracted["Calculate"][0].startswith("build_tools/pages/templates/calculator/")
    assert extracted["Exit this page"][0].startswith("overrides/partials/site-quick-exit.html")
    assert "Remove %(item)s %(number)s" in extracted  # a {% trans %} block with its variables


def test_the_spanish_uses_the_sites_terms_and_none_it_rules_out():
    terms = Terms.load(ROOT / "data" / "terms.yml")
    for english, spanish in CHANGED.items():
        assert terms.ruled_out_in(spanish) == [], english
    assert "manutención de los hijos" in CHANGED["Who to call about child support"]


def test_the_compiled_catalog_gives_every_translation():
    spanish = i18n.translations("es")
    for english, text in CHANGED.items():
        assert spanish.gettext(english) == text
    assert i18n.translations("en").gettext("Sources") == "Sources"


def test_every_kind_of_source_the_site_names_has_its_translation():
    kinds: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            if "url" in value and isinstance(value.get("kind"), str):
                kinds.add(value["kind"].strip())
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for path in [*ROOT.joinpath("docs").rglob("*.md"), *ROOT.joinpath("data").glob("*.md")]:
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            front = text.split("\n---", 1)[0][4:]
            collect(yaml.safe_load(re.sub(r"\{[{%#].*?[}%#]\}", "x", front)))
    for path in ROOT.joinpath("data").glob("*.yml"):
        collect(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert len(kinds) > 10
    assert kinds <= set(KINDS), sorted(kinds - set(KINDS))


# --- The page's language, and dates ---------------------------------------------------------------

def test_the_language_comes_from_the_builds_theme_language():
    assert i18n.language_of({"theme": Theme(name="material", language="es")}) == "es"
    assert i18n.language_of({"theme": Theme(name="material", language="en")}) == "en"
    assert i18n.language_of({"theme": {"language": "es-419"}}) == "es"
    assert i18n.language_of({"theme": {"language": "es_MX"}}) == "es"
    assert i18n.language_of({}) == "en"
    assert i18n.language_of_context({"config": {"theme": {"language": "es"}}}) == "es"
    with pytest.raises(ValueError, match="not 'fr'.*build_tools/i18n/fr/LC_MESSAGES/site.po"):
        i18n.language_of({"theme": {"language": "fr"}})


def test_dates_in_spanish_form():
    assert i18n.long_date(datetime.date(2026, 1, 1), "es") == "1 de enero de 2026"
    assert i18n.long_date(datetime.date(2026, 12, 31), "es") == "31 de diciembre de 2026"
    assert i18n.long_date(datetime.date(2026, 1, 1)) == "January 1, 2026"
    assert [i18n.long_date(datetime.date(2026, month, 5), "es").split()[2]
            for month in (5, 9)] == ["mayo", "septiembre"]


# --- Renderings in Spanish ------------------------------------------------------------------------

class _Text(HTMLParser):
    """What a visitor reads or hears: the text, and the attributes that carry words."""

    SPOKEN = ("aria-label", "title", "alt", "placeholder")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts += [value or "" for name, value in attrs
                       if name in self.SPOKEN or name.startswith("data-")]

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def read_aloud(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def pieces(message: str) -> list[str]:
    """The words of a message between its placeholders and tags."""
    return [" ".join(piece.split()) for piece in
            re.split(r"%\(\w+\)s|__[A-Z]+__|<[^>]+>", message) if piece.strip()]


def assert_spanish(html: str, *expected: str) -> None:
    """The rendering has each expected Spanish message and no English one of the catalog: a
    whole message of two words or more or of one long word, or a run of three words or more of
    one with placeholders (a shorter run, such as "up to", is also in the calculators' English
    rules, which are theirs to translate)."""
    said = read_aloud(html)
    for english in expected:
        for piece in pieces(CHANGED[english]):
            assert piece in said, (english, piece)
    for english in CHANGED:
        whole = pieces(english) == [" ".join(english.split())]
        for piece in pieces(english):
            words = len(piece.split())
            if words >= 3 or (whole and (words == 2 or len(piece) > 6)):
                assert not re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", said), piece


def context(src_uri: str, lang: str, **data: Any) -> shortcodes.Context:
    return shortcodes.Context(src_uri, {"extra": {}, "site_url": "https://example.org/mo/"},
                              data={"contacts": CONTACTS, "seeds": SEEDS,
                                    calculator_pages.BUILD: BUILD, **data}, lang=lang)


@pytest.mark.parametrize("name", list(calculator_pages.PAGES))
def test_the_calculator_page_speaks_spanish(name):
    here = context(calculator_pages.PAGES[name], "es")
    html = calculator_pages.render_calculator(name, here)
    # The page's script is told its messages in Spanish, the build's date in Spanish form.
    assert "Su resultado aparecerá aquí cuando oprima Calcular." in html
    assert '"shown": "2 de diciembre de 2026"' in html
    assert "Esta respuesta usa la versión de este sitio hecha el __DATE__." in html
    assert_spanish(html.split('<script type="application/json"')[0]
                   + html.split("</script>", 1)[1],
                   "There is a problem", "Calculate", "Your result", "How this was worked out",
                   "Who can help", "Copy a link to this result", "Copy this link:",
                   "Loading the calculator", "Phone",
                   "<strong>The calculator could not start in this browser.</strong> This can "
                   "happen when you are offline on a first visit, or when the browser blocks "
                   "WebAssembly or web workers. You can still see how it works in the <a "
                   "href=\"#%(examples)s\">worked examples</a> below, or ask FSD: the phone "
                   "numbers are under <a href=\"#%(contacts)s\">Who to call</a>.")


def test_a_list_of_the_form_speaks_spanish():
    html = calculator_pages.render_calculator("allocation", context(
        calculator_pages.PAGES["allocation"], "es"))
    for text in ("Quitar orden 1", "Agregar orden", "Se agregó: Orden __NUMBER__.",
                 "Se quitó: Orden __NUMBER__.", "Puede ingresar hasta"):
        assert text in html  # the item's own name ("orden") comes from the calculators' catalog
    assert "Add another" not in html and "You can enter" not in html


@pytest.mark.parametrize("name", list(calculator_pages.PAGES))
def test_the_worked_examples_and_rules_speak_spanish(name):
    here = context(calculator_pages.PAGES[name], "es")
    examples = calculator_pages.render_examples(name, here)
    assert_spanish(examples, "What was entered", "The result", "How it was worked out",
                   "Open this example in the calculator")
    # What was entered is written by the build: its dates are in Spanish form (the result and
    # the steps are the calculators' words).
    entered = [part.split("<h4>El resultado</h4>")[0]
               for part in examples.split("<h4>Lo que se ingresó</h4>")[1:]]
    english_date = (r"(January|February|March|April|May|June|July|August|September|October|"
                    r"November|December) \d{1,2}, \d{4}")
    assert entered and not any(re.search(english_date, part) for part in entered)
    if name == "order_end":
        assert any(re.search(r"\d{1,2} de [a-z]+ de \d{4}", part) for part in entered)
    rules = calculator_pages.render_rules(name, here)
    assert_spanish(rules, "The rules this calculator applies", "Rule", "Source", "In force from")
    assert re.search(r"<td>\d{1,2} de [a-z]+ de \d{4}</td>", rules)


def test_a_worked_example_shows_its_dates_and_answers_in_spanish():
    shown = calculator_pages.entered_rows(
        [{"name": "d", "label": "D", "kind": "date"}, {"name": "b", "label": "B",
                                                       "kind": "boolean"}],
        {"d": "2010-05-01", "b": True}, "es")
    assert [row["value"] for row in shown] == ["1 de mayo de 2010", "Sí"]


def test_contact_cards_and_their_inline_forms_speak_spanish():
    card = render_block(CONTACTS.by_id["fsd-customer-service"], CONTACTS, "es")
    assert_spanish(card, "For", "Phone")
    dated = render_block(CONTACTS.by_id["dcse-state-office-1990s"], CONTACTS, "es")
    assert_spanish(dated, "Out of date.", "Today, use: %(contact)s.")
    here = context("guide/page.md", "es")
    inline = shortcodes.expand("[[phone:dcse-state-office-1990s]]", here)
    assert "(desactualizado. Hoy, use:" in inline
    assert shortcodes.expand("[[feedback:]]", here) == (
        "el contacto que da quien publicó esta copia del sitio")


def test_the_sources_list_and_references_speak_spanish():
    foot = FootList.of_page([
        {"title": "A news story", "url": "https://example.org/story", "checked": "2026-12-02",
         "secondary": True, "publisher": "News Tribune", "published": "2016-05-10",
         "kind": "news"},
        {"title": "An unnamed page", "url": "https://example.org/x", "checked": "2026-11-01",
         "secondary": True}], SEEDS, "es")
    first, second = foot.entries
    assert (first.checked, first.details) == ("2 de diciembre de 2026",
                                              "News Tribune, 10 de mayo de 2016, noticia")
    assert second.details == "no es una fuente oficial"
    assert 'aria-label="fuente 3"' in reference(3, "es")


def test_the_handout_and_the_county_finder_speak_spanish():
    here = context("counties/adair-county.md", "es")
    printed = handout.render_handout("", here)
    assert_spanish(printed, "This page is online at %(address)s. Scan the code to open it on a "
                            "phone.", "QR code that opens %(address)s")
    assert "https://example.org/mo/counties/adair-county/" in printed
    counties = Counties.load(ROOT / "data" / "counties.yml", CONTACTS, SEEDS)
    finder = county_pages.render_finder(counties, context("counties/index.md", "es"))
    assert_spanish(finder, "Type the name of your county", "1 county matches.",
                   "__COUNT__ counties match.", "No county matches “__QUERY__”. Check the spelling.")


def theme_environment(lang: str) -> jinja2.Environment:
    """The overrides as the theme loads them, with the build's messages in ``lang`` (and MkDocs'
    ``url`` filter, which the 404 page uses)."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    environment.filters["url"] = lambda path: path
    return i18n.install(environment, lang)


FOOT_VALUES = {
    "site_sources": [
        {"anchor": "source-1", "label": "RSMo 452.340", "url": "https://revisor.mo.gov/x",
         "retired": None, "details": None, "checked": "2 de diciembre de 2026"},
        {"anchor": "source-2", "label": "General information", "url": None,
         "retired": "dss.mo.gov/cse/geninfo.htm", "details": None, "checked": None}],
    "site_reviewed": {"iso": "2026-12-02", "text": "2 de diciembre de 2026"},
}


def test_the_theme_overrides_speak_spanish():
    environment = theme_environment("es")
    foot = environment.get_template("partials/site-page-foot.html").render(**FOOT_VALUES)
    assert_spanish(foot, "Sources", "checked %(date)s", "Last reviewed:",
                   "%(label)s, once at %(address)s (no longer online there)")
    empty = environment.get_template("partials/site-page-foot.html").render(
        **{**FOOT_VALUES, "site_sources": []})
    assert_spanish(empty, "This page describes this site itself.")
    quick = environment.get_template("partials/site-quick-exit.html").render(
        site_quick_exit="https://www.google.com/")
    assert_spanish(quick, "Quick exit", "Exit this page", "or press Shift 3 times",
                   "Exiting this page.", "Shift, press 1 more time to exit.",
                   "Shift, press __COUNT__ more times to exit.")
    missing = environment.get_template("404.html")
    values = {"config": {"extra": {"feedback_url": "https://example.org/report"}},
              "site_phone": lambda contact: "866-313-9960"}
    page = "".join(missing.blocks["content"](missing.new_context(values)))
    assert_spanish(page, "We can't find that page", "Where to go from here", "Search this site",
                   "Find your county's page", "Who to call about child support",
                   "To open a child support case or ask about yours, call the Family Support "
                   "Division at\n    %(phone)s.")
    assert '<a href="https://example.org/report">díganos qué enlace no funciona</a>' in page


def test_the_theme_overrides_in_english_are_the_messages_themselves():
    environment = theme_environment("en")
    foot = environment.get_template("partials/site-page-foot.html").render(**FOOT_VALUES)
    assert '<h2 id="site-page-sources">Sources</h2>' in foot
    assert ("General information, once at dss.mo.gov/cse/geninfo.htm (no longer online there)"
            in foot)
    assert ", checked 2 de diciembre de 2026" in foot


def test_the_theme_fixes_write_in_the_pages_language():
    page = ('<html lang="{}"><body><div data-md-component="skip"> </div>'
            '<div data-md-component="search" role="dialog"></div><h1 id="x">X</h1></body></html>')
    spanish, _counts = fix_page(page.format("es"))
    assert "Saltar a contenido" in spanish and 'aria-label="Buscar"' in spanish
    english, _counts = fix_page(page.format("en"))
    assert "Skip to content" in english and 'aria-label="Search"' in english


def test_english_renderings_are_unchanged_by_the_language_parameter():
    name = "review"
    english = context(calculator_pages.PAGES[name], "en")
    default = shortcodes.Context(english.src_uri, english.config, data=english.data)
    assert calculator_pages.render_calculator(name, english) == \
        calculator_pages.render_calculator(name, default)
    assert render_block(CONTACTS.by_id["fsd-customer-service"], CONTACTS) == \
        render_block(CONTACTS.by_id["fsd-customer-service"], CONTACTS, "en")


def test_form_14_by_hand_gives_its_templates_spanish_words(tmp_path):
    assert [form14_pages.children_words(count, "es") for count in (1, 2)] == ["1 hijo",
                                                                            "2 hijos"]
    assert form14_pages.children_words(2) == "2 children"
    tables = form14_pages.Form14Tables.in_force(datetime.date(2026, 12, 7), "es")
    first = tables.edition.first_top
    assert tables.row_label(first) == f"$0 a {form14_pages.usd(first)}"
    assert tables.part_label(0) == f"hasta {form14_pages.usd(form14_pages.PAGE_SPLIT)}"
    assert re.fullmatch(r"\$[\d,]+ a \$[\d,]+", tables.part_label(1))
    assert re.fullmatch(r"\d{1,2} de [a-z]+ de \d{4}", tables.effective_text)
    # A Spanish build reads the Spanish templates beside the English ones (whose front matter
    # it shares); the URLs stay.
    front = "---\ntitle: T\n---\n"
    for name in ("form14_by_hand.md", "form14_schedule_page.md"):
        (tmp_path / name).write_text(front + "English.\n", encoding="utf-8")
    (tmp_path / "form14_by_hand.es.md").write_text(
        front + "Desde el {{ tables.effective_text }}: {{ 3 | children }}.\n", encoding="utf-8")
    (tmp_path / "form14_schedule_page.es.md").write_text(
        front + "{{ children | children }}, {{ tables.part_label(part) }}\n", encoding="utf-8")
    pages = form14_pages.Form14Pages.load(tmp_path, "es")
    assert pages is not None and form14_pages.Form14Pages.load(tmp_path / "none") is None
    made = pages.pages(datetime.date(2026, 12, 7))
    assert made[0].src_uri == form14_pages.BY_HAND
    assert made[0].content.endswith(f"Desde el {tables.effective_text}: 3 hijos.\n")
    assert made[1].src_uri.endswith("/schedule/1-child.md")
    assert made[1].content.endswith(f"1 hijo, {tables.part_label(0)}\n")


def test_a_spanish_build_reads_the_spanish_county_template():
    data = Path(__file__).resolve().parents[2] / "data"
    assert county_pages.CountyTemplate.load(data).shown_as == "data/county_page.md"
    assert county_pages.CountyTemplate.load(data, "es").shown_as == "data/county_page.es.md"


def test_a_build_with_theme_language_es_writes_the_builds_words_in_spanish(project):
    """The Spanish build (theme.language: es, in the configuration derived from the project's:
    build_tools/pages/languages.py) writes the build's own words in Spanish."""
    root = Path(__file__).resolve().parents[2]
    project.page("privacy.md", "Privacy", "A page.")
    project.replace("docs/privacy.md", "last_reviewed:", "quick_exit: true\nlast_reviewed:")
    project.write("docs/es/privacy.md", "---\ntitle: Privacidad\ndescription: Una página.\n"
                  "translates_review: 2026-01-05\n---\n# Privacidad\n\nUna página.\n")
    project.write("docs/es/counties/index.md", (root / "docs" / "es" / "counties" / "index.md")
                  .read_text(encoding="utf-8"))
    project.write("data/published_urls.txt", (project.root / "data" / "published_urls.txt")
                  .read_text(encoding="utf-8") + "privacy/\nes/privacy/\nes/counties/\n")
    outcome = project.build()
    assert outcome.ok, outcome.log
    spanish = outcome.site / "es"
    home = (spanish / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in home
    assert '<h2 id="site-page-sources">Fuentes</h2>' in home
    assert 'Última revisión: <time datetime="2026-01-05">5 de enero de 2026</time>' in home
    assert "Sources" not in read_aloud(home) and "Last reviewed" not in home
    finder = (spanish / "counties" / "index.html").read_text(encoding="utf-8")
    assert "Escriba el nombre de su condado" in finder and 'data-one="1 condado coincide."' in finder
    county = (spanish / "counties" / "adair-county" / "index.html").read_text(encoding="utf-8")
    assert "Esta página está en internet en" in county and "Teléfono" in county
    privacy = (spanish / "privacy" / "index.html").read_text(encoding="utf-8")
    assert ">Salir de esta página</a>" in privacy and 'aria-label="Salida rápida"' in privacy
