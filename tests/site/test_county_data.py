"""The county data written for the county pages: data/circuits.yml, and the county fields that
link to data/contacts.yml (prosecutor_unit, fsd_office, serves, state_work_by).

These read the YAML files directly, so they hold whatever the build does with them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
CIRCUITS = yaml.safe_load((DATA / "circuits.yml").read_text(encoding="utf-8"))
COUNTIES = yaml.safe_load((DATA / "counties.yml").read_text(encoding="utf-8"))["counties"]
CONTACTS = yaml.safe_load((DATA / "contacts.yml").read_text(encoding="utf-8"))
SLUGS = [county["slug"] for county in COUNTIES]
ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th) Judicial Circuit$")


SECONDARY_DETAILS = {"secondary", "publisher", "published", "kind"}


def dated_sources(sources: object) -> list[str]:
    """Problems with a list of {title, url, checked[, secondary, publisher, published, kind]}
    sources."""
    if not isinstance(sources, list):
        return [f"not a list: {sources!r}"]
    problems = []
    for source in sources:
        if not isinstance(source, dict):
            problems.append(f"not a mapping: {source!r}")
            continue
        extra = set(source) - {"title", "url", "checked"} - SECONDARY_DETAILS
        if extra:
            problems.append(f"unknown keys {sorted(extra)} in {source!r}")
        if not isinstance(source.get("title"), str) or not source["title"].strip():
            problems.append(f"no title in {source!r}")
        if not re.match(r"^https?://\S+$", str(source.get("url", ""))):
            problems.append(f"no full url in {source!r}")
        if not isinstance(source.get("checked"), dt.date):
            problems.append(f"checked is not a date in {source!r}")
        if "secondary" in source and source["secondary"] is not True:
            problems.append(f"secondary is written only as true, in {source!r}")
    return problems


def test_every_county_is_in_exactly_one_circuit() -> None:
    placed = Counter(county["slug"] for circuit in CIRCUITS["circuits"]
                     for county in circuit["counties"])
    assert set(placed) == set(SLUGS)
    assert [slug for slug, times in placed.items() if times > 1] == []
    assert len(SLUGS) == 115


def test_circuits_are_numbered_once_and_named_as_the_courts_write_them() -> None:
    numbers = [circuit["number"] for circuit in CIRCUITS["circuits"]]
    assert numbers == sorted(set(numbers))
    for circuit in CIRCUITS["circuits"]:
        match = ORDINAL.match(circuit["name"])
        assert match and int(match.group(1)) == circuit["number"], circuit["name"]
    named = {c["number"]: c["name"] for c in CIRCUITS["circuits"]}
    assert named[22] == "22nd Judicial Circuit" and named[1] == "1st Judicial Circuit"
    assert named[13] == "13th Judicial Circuit" and named[43] == "43rd Judicial Circuit"


def test_every_source_in_circuits_is_titled_linked_and_dated() -> None:
    assert isinstance(CIRCUITS["checked"], dt.date)
    problems = []
    for circuit in CIRCUITS["circuits"]:
        assert circuit["sources"], f"circuit {circuit['number']} names its counties from no source"
        problems += dated_sources(circuit["sources"])
        for county in circuit["counties"]:
            if "seats_sources" in county:
                problems += dated_sources(county["seats_sources"])
    assert problems == []


def test_a_court_seat_comes_with_its_source_and_the_city_of_st_louis_has_none() -> None:
    for circuit in CIRCUITS["circuits"]:
        for county in circuit["counties"]:
            assert set(county) <= {"slug", "court_seats", "seats_sources"}, county
            seats = county.get("court_seats")
            if seats:
                assert county.get("seats_sources"), county["slug"]
                assert all(isinstance(seat, str) and seat.strip() for seat in seats)
    city = next(county for circuit in CIRCUITS["circuits"] for county in circuit["counties"]
                if county["slug"] == "city-of-st-louis")
    assert city["court_seats"] == []
    jackson = next(county for circuit in CIRCUITS["circuits"] for county in circuit["counties"]
                   if county["slug"] == "jackson-county")
    assert jackson["court_seats"] == ["Kansas City", "Independence"]


def test_a_prosecutor_unit_and_the_counties_it_serves_agree() -> None:
    units = {county["slug"]: county["prosecutor_unit"] for county in COUNTIES
             if "prosecutor_unit" in county}
    serves = {cid: contact["serves"] for cid, contact in CONTACTS.items() if "serves" in contact}
    for slug, unit in units.items():
        assert slug in serves.get(unit, []), f"{slug} names {unit}, which does not serve it"
    for unit, slugs in serves.items():
        assert set(slugs) <= set(SLUGS), unit
        assert all(units.get(slug) == unit for slug in slugs), unit
    # the regional units the sources name, each on every county it serves
    assert sorted(serves["pa-jefferson-city-regional-child-support"]) == [
        "callaway-county", "cole-county", "gasconade-county", "maries-county", "osage-county"]
    assert sorted(serves["pa-franklin-county-child-support"]) == [
        "franklin-county", "lincoln-county", "montgomery-county", "warren-county"]


def test_the_four_prosecutor_run_counties_say_so_with_dated_sources() -> None:
    run = {county["slug"] for county in COUNTIES if county.get("state_work_by") == "prosecutor"}
    assert run == {"audrain-county", "buchanan-county", "clay-county", "jackson-county"}
    for county in COUNTIES:
        if "state_work_by" in county:
            assert county["state_work_sources"] and dated_sources(county["state_work_sources"]) == []
            assert isinstance(county.get("last_reviewed"), dt.date)


def _rendered() -> list[tuple[object, str, dict]]:
    """(county, page Markdown, front matter) for every county, as the build makes them."""
    from build_tools.data.contacts import Contacts
    from build_tools.data.county_data import Counties
    from build_tools.pages.county_pages import CountyTemplate
    from build_tools.data.frontmatter import Seeds

    seeds = Seeds(DATA)
    contacts = Contacts.load(DATA / "contacts.yml", seeds)
    counties = Counties.load(DATA / "counties.yml", contacts, seeds).counties
    template = CountyTemplate(DATA / "county_page.md")
    pages = []
    for county in counties:
        page = template.render(county, contacts)
        pages.append((county, page, yaml.safe_load(page.split("---\n")[1])))
    return pages


def _refs_to(front: dict, sources: list[dict]) -> list[str]:
    """The [[ref:ID]] marks a page writes for these sources (their ids in its front matter)."""
    ids = {source.get("url"): source["id"] for source in front["sources"] if "id" in source}
    return [f"[[ref:{ids[source['url']]}]]" for source in sources]


def test_every_county_page_names_its_circuit_from_a_cited_source_and_where_its_court_sits() -> None:
    pages = _rendered()
    assert len(pages) == 115
    for county, page, front in pages:
        assert county.circuit is not None and county.circuit.sources, county.slug
        section = page.split("## Which court handles support orders?")[1].split("\n## ")[0]
        sentence = next(line for line in section.splitlines() if county.circuit.name in line)
        # the circuit's name, followed by a reference number to each of its sources
        assert sentence.endswith("<sup>,</sup>".join(_refs_to(front, county.circuit.sources))), \
            county.slug
        if county.slug == "city-of-st-louis":
            assert county.court_seats == [] and "sits in" not in section
        else:
            assert county.court_seats, county.slug
            assert county.court_seats[-1] in section, county.slug
            assert "<sup>,</sup>".join(_refs_to(front, county.seats_sources)) in section
    by_slug = {county.slug: page for county, page, _ in pages}
    # the circuits whose counties came from no source before (9th, 15th, 34th, 41st)
    for slug, circuit in (("chariton-county", "9th"), ("linn-county", "9th"),
                          ("sullivan-county", "9th"), ("lafayette-county", "15th"),
                          ("saline-county", "15th"), ("new-madrid-county", "34th"),
                          ("pemiscot-county", "34th"), ("macon-county", "41st"),
                          ("shelby-county", "41st")):
        assert f"is in the {circuit} Judicial Circuit, with" in by_slug[slug], slug
    assert "sits in two places:\nKansas City and Independence." in by_slug["jackson-county"]


def test_the_new_circuit_sources_are_secondary_and_macon_county_comes_from_none_of_the_wrong_ones(
) -> None:
    circuits = {circuit["number"]: circuit for circuit in CIRCUITS["circuits"]}
    for number, hosts in ((9, {"www.einpresswire.com"}), (15, {"ecode360.com", "www.ecode360.com"}),
                          (34, {"ecode360.com"}), (41, {"www.nemonews.net"})):
        sources = circuits[number]["sources"]
        assert {source["url"].split("/")[2] for source in sources} == hosts, number
        assert all(source["secondary"] is True for source in sources), number
    wrong = ("missouricourtaccess.org", "missouriofficialrecords.com")
    assert not [source["url"] for circuit in CIRCUITS["circuits"]
                for source in circuit["sources"] if any(host in source["url"] for host in wrong)]
    # Adair County's circuit: the county's own (official) page as well as a student paper
    second = circuits[2]["sources"]
    assert any("adaircountymissouri.com" in s["url"] and not s.get("secondary") for s in second)
