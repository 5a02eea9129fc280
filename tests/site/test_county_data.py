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


def dated_sources(sources: object) -> list[str]:
    """Problems with a list of {title, url, checked[, secondary]} sources."""
    if not isinstance(sources, list):
        return [f"not a list: {sources!r}"]
    problems = []
    for source in sources:
        if not isinstance(source, dict):
            problems.append(f"not a mapping: {source!r}")
            continue
        extra = set(source) - {"title", "url", "checked", "secondary"}
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


def test_every_county_page_names_its_circuit_and_where_its_court_sits() -> None:
    from build_tools.contacts import Contacts
    from build_tools.counties import Counties, CountyTemplate
    from build_tools.frontmatter import Seeds

    seeds = Seeds(DATA)
    contacts = Contacts.load(DATA / "contacts.yml", seeds)
    counties = Counties.load(DATA / "counties.yml", contacts, seeds).counties
    template = CountyTemplate(DATA / "county_page.md")
    assert len(counties) == 115
    unsourced = []
    for county in counties:
        assert county.circuit is not None, county.slug
        page = template.render(county, contacts, seeds)
        front = yaml.safe_load(page.split("---\n")[1])
        urls = {source.get("url") for source in front["sources"]}
        section = page.split("## The court")[1].split("\n## ")[0]
        if county.circuit.sourced:
            assert county.circuit.name in section, county.slug
            assert {s["url"] for s in county.circuit.sources} <= urls, county.slug
        else:
            unsourced.append(county.slug)
            assert "the judicial circuit" in page.split("## What this guide has not found")[1]
        if county.slug == "city-of-st-louis":
            assert county.court_seats == [] and "sits in" not in section
        else:
            assert county.court_seats, county.slug
            assert county.court_seats[-1] in section, county.slug
            assert {s["url"] for s in county.seats_sources} <= urls, county.slug
    # the four circuits with no stored source (9th, 15th, 34th, 41st) and their nine counties
    assert sorted(unsourced) == [
        "chariton-county", "lafayette-county", "linn-county", "macon-county",
        "new-madrid-county", "pemiscot-county", "saline-county", "shelby-county",
        "sullivan-county"]
    jackson = next(county for county in counties if county.slug == "jackson-county")
    assert jackson.court_seats == ["Kansas City", "Independence"]
    assert "sits in two places:\nKansas City and Independence." in template.render(
        jackson, contacts, seeds)
