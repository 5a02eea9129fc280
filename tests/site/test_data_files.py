"""The data files the site is built from: contacts, counties, front matter rules, the URL list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.commands import url_manifest
from build_tools.pages import page_urls
from build_tools.commands.check_content import describe_sources
from build_tools.data.contacts import Contacts, ContactsError
from build_tools.data.county_data import Counties, CountiesError, read_names, regenerate, slug_for
from build_tools.pages.county_pages import Citations, CountyTemplate
from build_tools.data.frontmatter import EXAMPLE, Seeds, check_page, format_problems, is_stale

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Seeds(ROOT / "data")
CONTACTS = Contacts.load(ROOT / "data" / "contacts.yml", SEEDS)
# The list the counties were made from, where this checkout sits beside it (a user's clone
# does not; the checks that need no list run everywhere).
SHARED_LIST = ROOT.parent / "shared" / "data" / "missouri_counties.txt"
TODAY = dt.date(2026, 11, 23)


def load_contacts(tmp_path: Path, text: str) -> Contacts:
    path = tmp_path / "contacts.yml"
    path.write_text(text, encoding="utf-8")
    return Contacts.load(path, SEEDS)


def contact_errors(tmp_path: Path, text: str) -> str:
    with pytest.raises(ContactsError) as raised:
        load_contacts(tmp_path, text)
    return str(raised.value)


GOOD = """\
line:
  name: A line
  organisation: FSD
  for: Ask things.
  phone: 866-313-9960
  es: {for: Pregunte.}
  sources:
    - seed: 001_f6079787ae316351.txt
"""


def test_the_project_contacts_are_valid_and_every_one_has_a_source():
    assert "fsd-customer-service" in CONTACTS.by_id
    assert all(contact.sources for contact in CONTACTS.by_id.values())


def test_a_good_contact_loads(tmp_path):
    contact = load_contacts(tmp_path, GOOD).by_id["line"]
    assert (contact.name, contact.phone, contact.dated) == ("A line", "866-313-9960", False)


@pytest.mark.parametrize("change, message", [
    (("  phone: 866-313-9960\n", "  phone: 8663139960\n"),
     "contact 'line': field 'phone' is 8663139960; write it as NNN-NNN-NNNN"),
    (("  phone: 866-313-9960\n", "  fax: (573) 635-7545\n"),
     "contact 'line': field 'fax' is '(573) 635-7545'; write it as NNN-NNN-NNNN"),
    (("  organisation: FSD\n", ""),
     "contact 'line': field 'organisation' is required (who runs it)"),
    (("  for: Ask things.\n", "  for: Ask things.\n  open: 8 to 5\n"),
     "contact 'line': unknown field 'open'."),
    (("  for: Ask things.\n", "  for: Ask things.\n  source: x\n"),
     "contact 'line': unknown field 'source'. Did you mean \"sources\"?"),
    (("001_f6079787ae316351.txt", "007.txt"),
     "contact 'line': field 'sources' item 1: data/seeds/007.txt does not exist."),
    (("    - seed: 001_f6079787ae316351.txt\n", "    - title: A page\n"),
     "contact 'line': field 'sources' item 1: a title source needs url"),
    (("  phone: 866-313-9960\n", ""),
     "contact 'line': give at least one of phone, fax, address, url"),
    (("  phone: 866-313-9960\n", "  phone: 866-313-9960\n  dated: true\n"),
     "contact 'line': field 'dated_note' is required when dated is true"),
    (("  phone: 866-313-9960\n", "  phone: 866-313-9960\n  instead: line\n"),
     "contact 'line': field 'instead' only goes with dated: true"),
    (("line:\n", "Line One:\n"),
     "contact 'Line One': an id is lowercase words joined by '-'"),
])
def test_contact_mistakes_name_the_contact_and_the_field(tmp_path, change, message):
    errors = contact_errors(tmp_path, GOOD.replace(*change))
    assert message in errors
    assert errors.startswith("data/contacts.yml has mistakes:")


def test_instead_must_name_a_current_contact(tmp_path):
    dated = GOOD + """\
old:
  name: Old line
  organisation: FSD
  for: Ask things.
  phone: 573-751-4301
  sources: [{seed: 003_68ed67a5595e0478.txt}]
  dated: true
  dated_note: From the 1990s.
  es: {for: Pregunte., dated_note: De los años 1990.}
  instead: TARGET
"""
    assert load_contacts(tmp_path, dated.replace("TARGET", "line")).by_id["old"].instead == "line"
    assert "field 'instead' names 'lin', which is not a contact id. Did you mean \"line\"?" in \
        contact_errors(tmp_path, dated.replace("TARGET", "lin"))
    assert "field 'instead' names 'old', which is itself dated" in \
        contact_errors(tmp_path, dated.replace("TARGET", "old"))


def test_unreadable_contacts_say_so(tmp_path):
    assert "is not valid YAML" in contact_errors(tmp_path, "a: [")
    assert "expected contacts by id" in contact_errors(tmp_path, "- a\n")


# --- Counties -----------------------------------------------------------------------------------

def test_there_are_115_jurisdictions_with_unique_slugs_by_the_contract_rule():
    counties = Counties.load(ROOT / "data" / "counties.yml", CONTACTS, SEEDS).counties
    slugs = [county.slug for county in counties]
    assert len(counties) == 115 == len(set(slugs)) == len({c.name for c in counties})
    assert {"st-charles-county", "city-of-st-louis", "ste-genevieve-county",
            "dekalb-county"} <= set(slugs)
    assert all(county.slug == slug_for(county.name) for county in counties)
    if SHARED_LIST.exists():  # beside the list the file was made from: the same names, in order
        assert [county.name for county in counties] == read_names(SHARED_LIST)


def test_the_slug_rule():
    assert slug_for("St. Charles County") == "st-charles-county"
    assert slug_for("Ste. Genevieve County") == "ste-genevieve-county"
    assert slug_for("City of St. Louis") == "city-of-st-louis"
    assert slug_for("DeKalb County") == "dekalb-county"


def test_regenerating_keeps_facts_and_refuses_to_drop_a_county():
    existing = yaml.safe_load((ROOT / "data" / "counties.yml").read_text(encoding="utf-8"))
    names = [county["name"] for county in existing["counties"]]
    again = yaml.safe_load(regenerate(names, existing))
    assert again == existing
    with pytest.raises(CountiesError, match="Cass County. Their pages are published URLs"):
        regenerate([name for name in names if name != "Cass County"], existing)
    fresh = yaml.safe_load(regenerate(["Adair County", "New County"], None))
    assert fresh["counties"] == [{"name": "Adair County", "slug": "adair-county"},
                                 {"name": "New County", "slug": "new-county"}]


def test_the_regenerating_command_writes_the_file(tmp_path):
    from build_tools.data.county_data import main

    names = tmp_path / "list.txt"
    names.write_text("# a comment\nAdair County\n\nSt. Charles County\n", encoding="utf-8")
    out = tmp_path / "counties.yml"
    assert main(["--from", str(names), "--out", str(out)]) == 0
    assert "slug: st-charles-county" in out.read_text()
    out.write_text(out.read_text().replace("Adair County", "Zed County"))
    assert main(["--from", str(names), "--out", str(out)]) == 1  # Zed would be dropped


def county_errors(tmp_path: Path, text: str) -> str:
    path = tmp_path / "counties.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CountiesError) as raised:
        Counties.load(path, CONTACTS, SEEDS)
    return str(raised.value)


def test_county_mistakes_name_the_county_and_field(tmp_path):
    errors = county_errors(tmp_path, """\
counties:
  - name: St. Charles County
    slug: saint-charles
    fsd_office: fsd-st-charles
    color: red
    facts:
      - text: A fact.
        sources: [{seed: 000_d74ccf04b443ec1b.txt}]
  - name: Adair County
    slug: adair-county
  - name: Adair County
    slug: adair-county
""")
    assert "county 'St. Charles County': field 'slug' is 'saint-charles'; the slug rule gives " \
           "'st-charles-county'" in errors
    assert "county 'St. Charles County': field 'fsd_office' names 'fsd-st-charles', which is " \
           "not an id in data/contacts.yml. Did you mean \"fsd-st-charles-county\"?" in errors
    assert "county 'St. Charles County': unknown field 'color'" in errors
    assert "county 'St. Charles County': field 'last_reviewed' (YYYY-MM-DD) is required" in errors
    assert "name 'Adair County' appears twice" in errors


def test_a_county_page_adds_its_facts_sources_and_takes_the_older_review_date(tmp_path):
    counties = Counties.load(ROOT / "data" / "counties.yml", CONTACTS, SEEDS)
    template = CountyTemplate(ROOT / "data" / "county_page.md")
    cass = next(c for c in counties.counties if c.slug == "cass-county")
    cass.last_reviewed = dt.date(2020, 1, 2)
    page = template.render(cass, CONTACTS)
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta["title"] == "Child support in Cass County"
    assert meta["last_reviewed"] == dt.date(2020, 1, 2)
    cited = [source for source in meta["sources"] if source.get("seed") == "004_81250328f63d688f.txt"]
    assert len(cited) == 1 and cited[0]["id"].startswith("src-")
    assert f"[[ref:{cited[0]['id']}]]" in page
    assert "Source:" not in page and "Sources:" not in page and "not an official" not in page
    assert check_page(meta, SEEDS, dt.date.today()) == []
    city = next(c for c in counties.counties if c.slug == "city-of-st-louis")
    assert "# Child support in the City of St. Louis" in template.render(city, CONTACTS)


CIRCUITS = """\
checked: 2026-12-02
circuits:
- number: 1
  name: 1st Judicial Circuit
  sources: [{title: A list, url: "https://example.org/a", checked: 2026-12-02}]
  counties:
  - slug: adair-county
    court_seats: [Kirksville]
    seats_sources: [{title: A page, url: "https://example.org/b", checked: 2026-12-02,
                     secondary: true}]
  - slug: cole-county
- number: 22
  name: 22nd Judicial Circuit
  sources: [{title: A court page, url: "https://example.org/c", checked: 2026-12-02,
             secondary: true, publisher: A paper, published: 2020-05-06, kind: news}]
  counties:
  - slug: city-of-st-louis
    court_seats: []
"""
COUNTIES = """\
counties:
- {name: Adair County, slug: adair-county}
- {name: Cole County, slug: cole-county}
- {name: City of St. Louis, slug: city-of-st-louis}
"""


NO_CONTACTS = Contacts({})  # the real ones serve counties these small lists do not have


def circuit_load(tmp_path: Path, counties: str = COUNTIES, circuits: str = CIRCUITS,
                 contacts: Contacts = NO_CONTACTS) -> Counties:
    (tmp_path / "counties.yml").write_text(counties, encoding="utf-8")
    (tmp_path / "circuits.yml").write_text(circuits, encoding="utf-8")
    return Counties.load(tmp_path / "counties.yml", contacts, SEEDS)


def circuit_errors(tmp_path: Path, **files: Any) -> str:
    with pytest.raises(CountiesError) as raised:
        circuit_load(tmp_path, **files)
    return str(raised.value)


def test_every_county_is_in_one_circuit_with_its_court_seats(tmp_path):
    loaded = {c.slug: c for c in circuit_load(tmp_path).counties}
    adair, cole, city = loaded["adair-county"], loaded["cole-county"], loaded["city-of-st-louis"]
    assert adair.circuit.name == "1st Judicial Circuit" and adair.circuit.sources
    assert adair.court_seats == ["Kirksville"] and cole.court_seats is None
    assert city.court_seats == [] and city.circuit.sources[0]["kind"] == "news"
    assert adair.circuit_counties == ["Adair County", "Cole County"]
    real = Counties.load(ROOT / "data" / "counties.yml", CONTACTS, SEEDS)
    assert all(county.circuit is not None for county in real.counties)
    assert sorted(slug for c in real.circuits for slug in c.slugs) == \
        sorted(c.slug for c in real.counties)


def test_circuit_mistakes_name_the_file_the_county_and_the_fix(tmp_path):
    errors = circuit_errors(tmp_path, circuits=CIRCUITS.replace(
        "  - slug: cole-county\n", "  - slug: cole-county\n  - slug: adair-county\n"
        "  - slug: adiar-county\n").replace("22nd Judicial", "22th Judicial").replace(
        "checked: 2026-12-02\ncircuits", "circuits"))
    assert "data/circuits.yml: circuit 1, county 'adair-county': this county is already in " \
           "circuit 1; each county belongs to exactly one circuit" in errors
    assert "county 'adiar-county': no county has this slug in data/counties.yml. Did you " \
           "mean \"adair-county\"?" in errors
    assert "circuit 22: field 'name' is '22th Judicial Circuit'; write it as the courts do, " \
           "'22nd Judicial Circuit'" in errors
    assert "give 'checked: YYYY-MM-DD' at the top" in errors
    errors = circuit_errors(tmp_path, circuits=CIRCUITS.replace("  - slug: cole-county\n", ""))
    assert "data/circuits.yml: these counties are in no circuit: cole-county" in errors
    errors = circuit_errors(tmp_path, circuits=CIRCUITS.replace(", checked: 2026-12-02,\n", ",\n"))
    assert "county 'adair-county': field 'seats_sources' item 1: a title source needs checked" \
           in errors
    errors = circuit_errors(tmp_path, circuits=CIRCUITS.replace("    seats_sources", "    x"))
    assert "field 'court_seats' needs seats_sources" in errors
    errors = circuit_errors(tmp_path, circuits=CIRCUITS.replace(
        '  sources: [{title: A list, url: "https://example.org/a", checked: 2026-12-02}]',
        "  sources: []"))
    assert "data/circuits.yml: circuit 1: field 'sources' needs at least one source that names " \
           "the circuit's counties" in errors
    errors = circuit_errors(tmp_path, circuits=CIRCUITS.replace(
        "checked: 2026-12-02}]\n  counties", "checked: 2026-12-02, id: one}]\n  counties", 1))
    assert "circuit 1: field 'sources' item 1: remove 'id': the county page numbers its sources " \
           "itself" in errors
    (tmp_path / "circuits.yml").unlink()
    (tmp_path / "counties.yml").write_text(COUNTIES, encoding="utf-8")
    with pytest.raises(CountiesError, match="data/circuits.yml is missing"):
        Counties.load(tmp_path / "counties.yml", NO_CONTACTS, SEEDS)


UNIT = """\
cole-unit:
  name: Regional Child Support Unit
  organisation: Cole County Prosecuting Attorney
  for: Work the cases FSD sends it.
  es: {for: Lleva los casos que FSD le envía.}
  phone: 573-555-0100
  serves: [cole-county, adair-county]
  sources: [{title: Its page, url: "https://example.org/u", checked: 2026-12-02}]
"""


def test_a_regional_unit_and_its_counties_agree(tmp_path):
    contacts = load_contacts(tmp_path, UNIT)
    counties = COUNTIES.replace("slug: adair-county}", "slug: adair-county, prosecutor_unit: "
                                "cole-unit, last_reviewed: 2026-12-02}").replace(
        "slug: cole-county}", "slug: cole-county, prosecutor_unit: cole-unit, "
        "last_reviewed: 2026-12-02}")
    loaded = {c.slug: c for c in circuit_load(tmp_path, counties, contacts=contacts).counties}
    assert loaded["adair-county"].unit_counties == ["Cole County", "Adair County"]
    one_way = counties.replace(", prosecutor_unit: cole-unit, last_reviewed: 2026-12-02}", "}", 1)
    errors = circuit_errors(tmp_path, counties=one_way, contacts=contacts)
    assert "contact 'cole-unit' serves 'adair-county', but that county's prosecutor_unit in " \
           "data/counties.yml is None" in errors
    errors = circuit_errors(tmp_path, counties=counties.replace("cole-unit", "cole-uint", 1),
                            contacts=contacts)
    assert "county 'Adair County': field 'prosecutor_unit' names 'cole-uint', which is not an " \
           "id in data/contacts.yml" in errors
    other = load_contacts(tmp_path, UNIT.replace("adair-county]", "adair-county, nowhere]"))
    assert "field 'serves' names 'nowhere', which is no county's slug" in \
        circuit_errors(tmp_path, counties=counties, contacts=other)
    alone = load_contacts(tmp_path, UNIT.replace(", adair-county]", "]"))
    assert "county 'adair-county' names prosecutor_unit 'cole-unit', whose 'serves' in " \
           "data/contacts.yml does not list it" in circuit_errors(
               tmp_path, counties=counties, contacts=alone)


def test_a_prosecutor_run_county_needs_its_source(tmp_path):
    counties = COUNTIES.replace("slug: cole-county}", "slug: cole-county, state_work_by: "
                                "prosecutor, last_reviewed: 2026-12-02}")
    assert "field 'state_work_by: prosecutor' needs state_work_sources" in \
        circuit_errors(tmp_path, counties=counties)
    assert "field 'state_work_by' is 'county'" in circuit_errors(
        tmp_path, counties=counties.replace(": prosecutor", ": county"))
    sourced = counties.replace("state_work_by: prosecutor,", "state_work_by: prosecutor, "
                               "state_work_sources: [{title: Guide, url: 'https://example.org/g',"
                               " checked: 2026-12-02}],")
    cole = next(c for c in circuit_load(tmp_path, sourced).counties if c.slug == "cole-county")
    assert cole.prosecutor_runs_office and cole.has_local_source


def test_citations_number_each_source_once_in_the_order_first_cited():
    citations = Citations()
    page = {"title": "A page", "url": "https://example.org/a/", "checked": "2026-12-02",
            "secondary": True, "publisher": "A paper"}
    seed = {"seed": "000_d74ccf04b443ec1b.txt"}
    assert citations.cite([page, seed]) == "[[ref:src-1]]<sup>,</sup>[[ref:src-2]]"
    # the same source again (its address without the last slash) keeps its number
    assert citations.cite([dict(page, url="https://example.org/a")]) == "[[ref:src-1]]"
    assert citations.cite([]) == ""
    assert citations.sources == [dict(page, id="src-1"), dict(seed, id="src-2")]


def test_a_county_page_is_no_fresher_than_the_sources_of_its_facts():
    counties = Counties.load(ROOT / "data" / "counties.yml", CONTACTS, SEEDS)
    template = CountyTemplate(ROOT / "data" / "county_page.md")
    county = next(c for c in counties.counties if c.facts)
    county.last_reviewed = dt.date(2026, 11, 23)
    county.facts = [dict(county.facts[0], sources=[
        {"title": "A county page", "url": "https://example.org/", "checked": dt.date(2025, 5, 6)}])]
    meta = yaml.safe_load(template.render(county, CONTACTS).split("---\n")[1])
    assert meta["last_reviewed"] == dt.date(2025, 5, 6)
    assert check_page(meta, SEEDS, dt.date.today()) == []


def test_a_broken_template_names_its_line(tmp_path):
    path = tmp_path / "county_page.md"
    path.write_text("---\ntitle: x\n---\n# {{ county.name }\n", encoding="utf-8")
    with pytest.raises(CountiesError, match=r"county_page.md, line \d"):
        CountyTemplate(path)
    path.write_text("# no front matter\n", encoding="utf-8")
    with pytest.raises(CountiesError, match="must start with front matter"):
        CountyTemplate(path)


def test_a_template_that_leaves_a_county_source_uncited_is_refused(tmp_path):
    counties = Counties.load(ROOT / "data" / "counties.yml", CONTACTS, SEEDS)
    cass = next(c for c in counties.counties if c.slug == "cass-county")
    path = tmp_path / "county_page.md"
    path.write_text("---\ntitle: x\n---\n# {{ county.name }}\n\n{{ cite(county.circuit.sources) }}"
                    "{{ cite(county.seats_sources) }}\n", encoding="utf-8")
    with pytest.raises(CountiesError, match=r"the page for Cass County does not cite seed "
                                            r"004_81250328f63d688f.txt; RSMo 454.498 "):
        CountyTemplate(path).render(cass, CONTACTS)


# --- Front matter -------------------------------------------------------------------------------

META = {
    "title": "A page", "description": "What it says.", "last_reviewed": dt.date(2026, 1, 5),
    "sources": [{"seed": "001_f6079787ae316351.txt"},
                {"statute": "RSMo 452.340", "url": "https://revisor.mo.gov/x",
                 "checked": dt.date(2026, 1, 5)}],
}


def test_complete_front_matter_passes():
    assert check_page(META, SEEDS, TODAY) == []
    assert check_page(dict(META, last_reviewed="2026-01-05", quick_exit=True), SEEDS, TODAY) == []


@pytest.mark.parametrize("change, message", [
    ({"title": None}, "missing front matter key 'title'"),
    ({"description": ""}, "missing front matter key 'description'"),
    ({"last_reviewed": "5 Jan 2026"}, "'last_reviewed' must be a date written YYYY-MM-DD"),
    ({"last_reviewed": "2026-02-30"}, "'last_reviewed' must be a date written YYYY-MM-DD"),
    ({"last_reviewed": dt.date(2027, 1, 1)}, "'last_reviewed' (2027-01-01) is in the future"),
    ({"sources": "seed 001"}, "'sources': sources must be a list"),
    ({"sources": [{"statute": "RSMo 1", "url": "revisor", "checked": dt.date(2026, 1, 5)}]},
     "'sources': sources item 1: url must be a full http(s) address, not 'revisor'"),
    ({"sources": [{"statute": "RSMo 1", "url": "https://x.org"}]},
     "'sources': sources item 1: a statute source needs checked (checked: the date"),
    ({"sources": [{"title": "T", "url": "https://x.org", "checked": "last week"}]},
     "sources item 1: checked must be a date written YYYY-MM-DD, not 'last week'"),
    ({"sources": [{"title": "T", "url": "https://x.org", "checked": dt.date(2027, 1, 1)}]},
     "sources item 1: checked (2027-01-01) is in the future"),
    ({"last_reviewed": dt.date(2026, 1, 6)},
     "'last_reviewed' (2026-01-06) is later than the date its source RSMo 452.340 "
     "(https://revisor.mo.gov/x) was checked (2026-01-05): a page is no fresher than its oldest "
     "source. Read that source again and set its checked: to the date you did, or set "
     "last_reviewed to 2026-01-05 or earlier"),
    ({"sources": [{"seed": "001_f6079787ae316351.txt", "url": "https://x.org"}]},
     "sources item 1: unknown key(s) url; a seed source has seed, and may have id"),
    ({"sources": [{"statute": "RSMo 1", "title": "T", "url": "https://x.org"}]},
     "must be exactly one of {seed: FILE}"),
    ({"sources": [{"statute": "RSMo 1", "url": "https://x.org", "note": "n",
                   "checked": dt.date(2026, 1, 5)}]},
     "sources item 1: unknown key(s) note; a statute source has statute, url, checked, and may"),
    ({"sources": ["RSMo 1"]}, "sources item 1 must be one of"),
    ({"quick_exit": "yes"}, "'quick_exit' must be true or false, not 'yes'"),
    ({"titel": "x"}, "unknown front matter key 'titel' (did you mean 'title'?)"),
])
def test_front_matter_mistakes_name_the_key(change, message):
    found = check_page({**META, **change}, SEEDS, TODAY)
    assert any(message in problem for problem in found), found


def test_the_message_shows_an_example_to_copy():
    text = format_problems("docs/x.md", ["missing front matter key 'title'"])
    assert text.startswith("Front matter of docs/x.md:\n  - missing front matter key 'title'\n")
    assert text.endswith(EXAMPLE)


def test_a_page_is_stale_after_a_year():
    assert not is_stale({"last_reviewed": dt.date(2025, 11, 23)}, TODAY)
    assert is_stale({"last_reviewed": dt.date(2025, 11, 22)}, TODAY)


# --- Published URLs and make check-content -------------------------------------------------------

def test_updating_the_url_list_adds_new_pages_and_never_drops_one(tmp_path):
    path = tmp_path / "urls.txt"
    url_manifest.write(path, ["old/", "./", "kept/"])
    result = url_manifest.update(path, built=["", "kept/", "new/"], redirected=[])
    assert result.new == ["new/"] and result.gone == ["old/"]
    assert url_manifest.read(path) == ["./", "kept/", "new/", "old/"]
    assert url_manifest.check(url_manifest.read(path), ["", "kept/", "new/"], ["old/"]).ok
    assert path.read_text().startswith("# Every page URL")


def test_redirect_sources_become_urls():
    assert page_urls.src_to_url("about/old.md") == "about/old/"
    assert page_urls.src_to_url("index.md") == "./"


def test_check_content_lists_pages_oldest_first_with_their_sources():
    from build_tools.commands.check_content import rows

    table = rows(str(ROOT / "mkdocs.yml"), TODAY + dt.timedelta(days=400))
    ages = [age for age, *_ in table]
    assert ages == sorted(ages, reverse=True) and ages[0] >= 400
    pages = {page: sources for _, _, page, sources in table}
    assert "seed 000_d74ccf04b443ec1b.txt" in pages["counties/st-charles-county.md"]
    assert "RSMo 568.040" in pages["counties/st-charles-county.md"]
    assert describe_sources([], SEEDS) == "(no sources)"
