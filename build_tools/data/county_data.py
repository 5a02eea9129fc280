"""The county data: data/counties.yml and data/circuits.yml, loaded and checked whole.

data/counties.yml holds each of Missouri's 115 jurisdictions: its name, its slug and what a
source gives about it (the FSD office, the prosecutor's unit, who does the state's child support
work there, other facts); data/circuits.yml says which judicial circuit each belongs to and where
its court sits. Their fields are declared once, below (build_tools/data/schema.py says how): the
declarations check each field, and this module only what spans fields, entries or files (the
slug rule, a county in exactly one circuit, a unit's ``serves`` and its counties agreeing).
build_tools/pages/county_pages.py makes the pages from what :meth:`Counties.load` gives.

Every source of a local fact carries ``checked: YYYY-MM-DD`` (the day it was read), and
``secondary: true`` where it is not an official source (with ``publisher``, ``published`` and
``kind`` where known).

The slug rule is part of the site's contract, because county offices link to these URLs: the
name lowercased, "." removed, spaces turned into "-" (``st-charles-county``, ``city-of-st-louis``).

data/counties.yml is made from the list of jurisdictions by::

    python -m build_tools.data.county_data --from path/to/missouri_counties.txt

which keeps every fact already written and refuses to drop a county that has a page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from build_tools.data import shortcodes, translated_text
from build_tools.data.contacts import Contacts
from build_tools.data.frontmatter import Seeds, read_mapping, reviewed_date, source_problems
from build_tools.data.schema import (
    DATE,
    INTEGER,
    MARKDOWN,
    SLUG,
    TEXT,
    Checked,
    Context,
    Field,
    ListOf,
    OneOf,
    Record,
    Schema,
    spanish_of,
    yaml_comment,
)
from build_tools.data.text_lists import read_list

SOURCE_FORMS = ("{title: ..., url: ..., checked: YYYY-MM-DD}, each may add secondary, publisher, "
                "published and kind")


class CountiesError(ValueError):
    """data/counties.yml or data/circuits.yml is not as its header describes: the message lists
    every problem and how to fix it."""


def dated_source_problems(sources: object, seeds: Seeds, where: str) -> list[str]:
    """Problems with a list of a county's sources: each is a page source (every one but a seed
    carries ``checked: YYYY-MM-DD``; ``secondary``, ``publisher``, ``published`` and ``kind``
    may be added: build_tools/data/frontmatter.py), without an ``id``, which the page gives it."""
    if not isinstance(sources, list):
        return [f"{where} must be a list of {{title: ..., url: ..., checked: YYYY-MM-DD}}"]
    problems = [f"{where} item {index}: remove 'id': the county page numbers its sources itself"
                for index, source in enumerate(sources, start=1)
                if isinstance(source, dict) and "id" in source]
    return problems + source_problems(sources, seeds, where)


def _names_a_contact(value: object, what: str, context: Context) -> list[str]:
    contacts: Contacts = context["contacts"]
    if isinstance(value, str) and value in contacts.by_id:
        return []
    hint = shortcodes.suggest(str(value), list(contacts.by_id))
    return [f"{what} names {value!r}, which is not an id in data/contacts.yml.{hint} Add the "
            f"contact there (with its source) or correct the id"]


DATED_SOURCES = Checked(
    "list of " + SOURCE_FORMS,
    lambda value, what, context: dated_source_problems(value, context["seeds"], what))
SOURCES = Checked("list of {seed: FILE} or " + SOURCE_FORMS, DATED_SOURCES.check)
CONTACT_ID = Checked("contact id", _names_a_contact)
STATE_WORK_BY = ("prosecutor", "fsd")

FACT_FIELDS = (
    Field("text", MARKDOWN, "what the source says; shortcodes such as [[phone:ID]] work, typed "
          "numbers do not", required=True, if_missing="(Markdown) is required", translated=True),
    Field("sources", SOURCES, "where the fact comes from: a fact needs its source",
          "[{seed: 000_d74ccf04b443ec1b.txt}]", required=True,
          if_missing="is required: a fact needs its source"),
)
FACT = Schema("Fields of a fact", (*FACT_FIELDS, spanish_of(FACT_FIELDS, "fact", example="{text: ...}")))
COUNTY = Schema("Fields of a county", (
    Field("name", TEXT, "the jurisdiction's name, as in the list of Missouri counties",
          "St. Charles County", required=True),
    Field("slug", SLUG, "its URL name: the name lowercased, '.' removed, spaces "
          "turned into '-'; never change it: county offices link to /counties/<slug>/",
          "st-charles-county", required=True),
    Field("fsd_office", CONTACT_ID, "the id in data/contacts.yml of the FSD office serving it, "
          "where a source gives one", "fsd-st-charles-county"),
    Field("facts", ListOf(Record(schema=FACT, noun="fact"), empty_ok=True), "a list of "
          "{text: Markdown, sources: [...]} that a source gives about it"),
    Field("state_work_by", OneOf(values=STATE_WORK_BY), "'prosecutor' where the prosecuting "
          "attorney's office does the state child support office's work (with "
          "state_work_sources); FSD otherwise", "prosecutor"),
    Field("state_work_sources", DATED_SOURCES, "where state_work_by comes from",
          required_with="with state_work_by"),
    Field("prosecutor_unit", CONTACT_ID, "the id in data/contacts.yml of the prosecutor's "
          "child support unit serving it, where a source gives one; that contact lists every "
          "county it serves in its serves field"),
    Field("last_reviewed", DATE, "the date its facts were last checked", "2026-11-23",
          required_with="with facts, fsd_office, prosecutor_unit or state_work_by"),
))
COUNTY_ENTRY = Record(schema=COUNTY, noun="county", plural="counties", key="name")
COUNTIES_FILE = Schema("Top level", (
    Field("last_reviewed", DATE, "the date the list was last checked; each county page "
          "shows the older of the template's date (data/county_page.md) and its county's own",
          "2026-11-23"),
    Field("counties", ListOf(COUNTY_ENTRY),
          "every jurisdiction, in the order of the list it was made from", required=True,
          if_missing="is required: a list of {name, slug, ...}"),
))
COUNTY_FIELDS = {field.name: field.meaning for field in COUNTY.fields}
FOLDER = "counties"

HEADER = """\
# Missouri's 115 county jurisdictions (114 counties and the City of St. Louis), one page each at
# /counties/<slug>/, made at build time from this file and data/county_page.md.
#
# Regenerate the list (keeping every fact) with:
#   python -m build_tools.data.county_data --from path/to/missouri_counties.txt
#
{fields}
#
# Never write a fact without its source, and never guess an address, phone number or name.
# state_work_by: prosecutor is set only where a source (the federal Intergovernmental Reference
# Guide) says the prosecuting attorney's office does the state child support office's work.
""".replace("{fields}", yaml_comment((COUNTIES_FILE, COUNTY, FACT), "build_tools/data/county_data.py"))

def slug_for(name: str) -> str:
    """The contract's slug rule: 'St. Charles County' -> 'st-charles-county'."""
    return name.lower().replace(".", "").replace(" ", "-")


def in_sentence(name: str) -> str:
    """How the name reads inside a sentence: 'Adair County', 'the City of St. Louis'."""
    return f"the {name}" if name.startswith("City of ") else name


def spanish_name(name: str) -> str:
    """How the Spanish pages name a jurisdiction, without its article (the templates add "el",
    "del" or "la", "de la"): 'Adair County' -> 'condado de Adair', 'City of St. Louis' ->
    'ciudad de St. Louis'."""
    if name.startswith("City of "):
        return "ciudad de " + name.removeprefix("City of ")
    return "condado de " + name.removesuffix(" County")


def spanish_in_sentence(name: str) -> str:
    """The Spanish name with its article: 'el condado de Adair', 'la ciudad de St. Louis'."""
    return ("la " if name.startswith("City of ") else "el ") + spanish_name(name)


@dataclass
class Circuit:
    """A judicial circuit from data/circuits.yml, with the slugs of its counties in order and the
    sources (at least one) that name its counties."""

    number: int
    name: str
    sources: list[dict[str, Any]]
    slugs: list[str]


@dataclass
class County:
    name: str
    slug: str
    fsd_office: str | None = None
    facts: list[dict[str, Any]] = field(default_factory=list)
    last_reviewed: dt.date | None = None
    state_work_by: str = "fsd"
    state_work_sources: list[dict[str, Any]] = field(default_factory=list)
    prosecutor_unit: str | None = None
    circuit: Circuit | None = None
    court_seats: list[str] | None = None      # None: no source gives it; []: no county seat
    seats_sources: list[dict[str, Any]] = field(default_factory=list)
    # Filled in once every county is loaded:
    unit_counties: list[str] = field(default_factory=list)     # names the unit serves, in order
    circuit_counties: list[str] = field(default_factory=list)  # names in the circuit, in order

    @property
    def in_sentence(self) -> str:
        return in_sentence(self.name)

    def facts_in(self, lang: str = translated_text.DEFAULT) -> list[dict[str, Any]]:
        """Its facts as a page in ``lang`` shows them: {text, sources}, the text in ``lang``."""
        return [{"text": translated_text.text_in(fact, "text", lang), "sources": fact["sources"]}
                for fact in self.facts]

    @property
    def src_uri(self) -> str:
        return f"{FOLDER}/{self.slug}.md"

    @property
    def is_city(self) -> bool:
        return self.name.startswith("City of ")

    @property
    def prosecutor_runs_office(self) -> bool:
        return self.state_work_by == "prosecutor"

    @property
    def prosecutor_in_facts(self) -> bool:
        """Whether one of its facts is about the prosecutor's office (the page then points to them
        rather than saying to ask FSD which office takes its cases)."""
        return any("prosecut" in fact["text"].lower() for fact in self.facts)

    @property
    def has_local_source(self) -> bool:
        """Whether any source gives something about this county's own offices or facts."""
        return bool(self.fsd_office or self.prosecutor_unit or self.facts
                    or self.prosecutor_runs_office)

    def all_sources(self) -> list[dict[str, Any]]:
        """Every source of what the page says about this county, without repeats."""
        found: list[dict[str, Any]] = []
        groups = [self.state_work_sources, self.seats_sources,
                  *(fact["sources"] for fact in self.facts)]
        if self.circuit is not None:
            groups.insert(0, self.circuit.sources)
        for group in groups:
            for source in group:
                if source not in found:
                    found.append(source)
        return found


def _county_problems(index: int, entry: object) -> list[str]:
    """The checks that span a county's fields; :data:`COUNTY` checks each field itself."""
    if not isinstance(entry, dict):
        return []
    where = COUNTY_ENTRY.label(entry, index)
    problems = []
    name = entry.get("name")
    if isinstance(name, str) and entry.get("slug") != slug_for(name):
        problems.append(f"{where}: field 'slug' is {entry.get('slug')!r}; the slug rule gives "
                        f"{slug_for(name)!r}")
    by = entry.get("state_work_by")
    if by == "prosecutor" and not entry.get("state_work_sources"):
        problems.append(f"{where}: field 'state_work_by: prosecutor' needs state_work_sources: "
                        f"[{{title: ..., url: ..., checked: YYYY-MM-DD}}]")
    if "state_work_sources" in entry and by != "prosecutor":
        problems.append(f"{where}: field 'state_work_sources' only goes with "
                        f"state_work_by: prosecutor")
    local = entry.get("facts") or entry.get("fsd_office") or entry.get("prosecutor_unit") or by
    if local and "last_reviewed" not in entry:
        problems.append(f"{where}: field 'last_reviewed' (YYYY-MM-DD) is required with facts, "
                        f"fsd_office, prosecutor_unit or state_work_by")
    return problems


CIRCUIT_COUNTY = Schema("Fields of a county in a circuit", (
    Field("slug", SLUG, "a slug exactly as in data/counties.yml; every one of the 115 slugs "
          "appears in exactly one circuit", "jackson-county", required=True),
    Field("court_seats", ListOf(TEXT.called("place name"), empty_ok=True), "where the county's "
          "circuit court sits, only from a cited source; [] where there is no county seat (the "
          "City of St. Louis)", "[Kansas City, Independence]"),
    Field("seats_sources", DATED_SOURCES, "where court_seats comes from",
          required_with="with a non-empty court_seats"),
))
CIRCUIT = Schema("Fields of a circuit", (
    Field("number", INTEGER, "the circuit's number", "22", required=True),
    Field("name", TEXT, "the circuit's name as the courts write it", "22nd Judicial Circuit",
          required=True),
    Field("sources", DATED_SOURCES, "where the circuit's counties come from: at least one; "
          "every county page of the circuit cites them", required=True,
          if_missing="needs at least one source that names the circuit's counties ({title: ..., "
          "url: ..., checked: YYYY-MM-DD}, with secondary: true if it is not official): every "
          "county page of the circuit cites it"),
    Field("counties", ListOf(Record(schema=CIRCUIT_COUNTY, noun="county", plural="counties",
                                    key="slug", joiner=", ")),
          "the counties of the circuit, each {slug, court_seats, seats_sources}", required=True),
))
CIRCUITS_FILE = Schema("Top level", (
    Field("checked", DATE, "the day the whole list was last checked against its sources",
          "2026-12-02", required=True, if_missing="is missing: give 'checked: YYYY-MM-DD' at the "
          "top, the day the list was last checked"),
    Field("circuits", ListOf(Record(schema=CIRCUIT, noun="circuit", key="number")),
          "Missouri's judicial circuits, in order of number", required=True),
))
CIRCUIT_FIELDS = CIRCUIT.names()
CIRCUIT_COUNTY_FIELDS = CIRCUIT_COUNTY.names()
CIRCUITS_SHOWN = "data/circuits.yml"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def load_circuits(path: Path, slugs: list[str], seeds: Seeds,
                  shown_as: str = CIRCUITS_SHOWN) -> tuple[list[Circuit], dict[str, dict[str, Any]],
                                                            list[str]]:
    """The circuits, each county's entry in its circuit (by slug), and every problem found:
    :data:`CIRCUITS_FILE` checks the fields, this what spans them (a circuit's name and number,
    each county in exactly one circuit, court seats with their sources)."""
    if not path.is_file():
        return [], {}, [f"{shown_as} is missing: it lists Missouri's judicial circuits and the "
                        f"counties of each (see MAINTAINING.md, 'Add a county fact')"]
    raw = read_mapping(path, shown_as, "checked: and circuits:", CountiesError)
    problems = CIRCUITS_FILE.problems(raw, shown_as, {"seeds": seeds})
    entries = raw.get("circuits")
    known = set(slugs)
    circuits: list[Circuit] = []
    placed: dict[str, dict[str, Any]] = {}
    where_placed: dict[str, str] = {}
    numbers: set[int] = set()
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not INTEGER.accepts(entry.get("number")):
            continue  # the declaration names it
        number = entry["number"]
        where = f"{shown_as}: circuit {number}"
        if number in numbers:
            problems.append(f"{where} appears twice: each circuit once")
        numbers.add(number)
        expected = f"{_ordinal(number)} Judicial Circuit"
        if entry.get("name") != expected:
            problems.append(f"{where}: field 'name' is {entry.get('name')!r}; write it as the "
                            f"courts do, {expected!r}")
        members = entry.get("counties")
        circuit_slugs = []
        for member in members if isinstance(members, list) else []:
            if not isinstance(member, dict) or not isinstance(member.get("slug"), str):
                continue  # the declaration names it
            slug = member["slug"]
            at = f"{where}, county {slug!r}"
            if slug not in known:
                hint = shortcodes.suggest(slug, slugs)
                problems.append(f"{at}: no county has this slug in data/counties.yml.{hint}")
                continue
            if slug in where_placed:
                problems.append(f"{at}: this county is already in {where_placed[slug]}; each "
                                f"county belongs to exactly one circuit")
                continue
            where_placed[slug] = f"circuit {number}"
            if member.get("court_seats") and not member.get("seats_sources"):
                problems.append(f"{at}: field 'court_seats' needs seats_sources: [{{title: ..., "
                                f"url: ..., checked: YYYY-MM-DD}}]")
            placed[slug] = member
            circuit_slugs.append(slug)
        sources = entry.get("sources")
        circuits.append(Circuit(number, str(entry.get("name")),
                                list(sources) if isinstance(sources, list) else [], circuit_slugs))
    missing = [slug for slug in slugs if slug not in placed]
    if missing and isinstance(entries, list) and entries:
        problems.append(f"{shown_as}: these counties are in no circuit: {', '.join(missing)}. Add "
                        f"each to the circuit a source puts it in")
    return circuits, placed, problems


@dataclass
class Counties:
    counties: list[County]
    last_reviewed: dt.date | None
    circuits: list[Circuit] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path, contacts: Contacts, seeds: Seeds,
             shown_as: str = "data/counties.yml", circuits_path: Path | None = None,
             circuits_shown_as: str = CIRCUITS_SHOWN) -> Counties:
        """Both files, checked whole: every problem in one error. data/circuits.yml is read from
        beside data/counties.yml unless ``circuits_path`` is given."""
        raw = _read(path, shown_as)
        problems = COUNTIES_FILE.problems(raw, "", {"seeds": seeds, "contacts": contacts})
        entries = raw.get("counties")
        if not isinstance(entries, list):
            entries = []
        for index, entry in enumerate(entries, start=1):
            problems.extend(_county_problems(index, entry))
        for key in ("name", "slug"):
            seen: set[str] = set()
            for entry in entries:
                value = entry.get(key) if isinstance(entry, dict) else None
                if value in seen:
                    problems.append(f"{key} {value!r} appears twice: each county once")
                seen.add(str(value))
        good = [e for e in entries if isinstance(e, dict) and isinstance(e.get("slug"), str)]
        slugs = [e["slug"] for e in good]
        circuits, placed, circuit_problems = load_circuits(
            circuits_path or path.parent / "circuits.yml", slugs, seeds, circuits_shown_as)
        problems.extend(circuit_problems)
        problems.extend(_unit_problems(good, contacts))
        if problems:
            listed = "\n".join(f"  - {p}" for p in problems)
            raise CountiesError(f"{shown_as} or {circuits_shown_as} has mistakes:\n{listed}\n"
                                f"The header comment of each file describes every field.")
        by_number = {c.number: c for c in circuits}
        circuit_of = {slug: circuit for circuit in circuits for slug in circuit.slugs}
        counties = []
        for e in entries:
            member = placed[e["slug"]]
            counties.append(County(
                name=e["name"], slug=e["slug"], fsd_office=e.get("fsd_office"),
                facts=e.get("facts") or [], last_reviewed=reviewed_date(e.get("last_reviewed")),
                state_work_by=e.get("state_work_by") or "fsd",
                state_work_sources=list(e.get("state_work_sources") or []),
                prosecutor_unit=e.get("prosecutor_unit"),
                circuit=by_number[circuit_of[e["slug"]].number],
                court_seats=(list(member["court_seats"]) if "court_seats" in member else None),
                seats_sources=list(member.get("seats_sources") or [])))
        names = {county.slug: county.name for county in counties}
        for county in counties:
            assert county.circuit is not None
            county.circuit_counties = [names[slug] for slug in county.circuit.slugs]
            if county.prosecutor_unit:
                unit = contacts.by_id[county.prosecutor_unit]
                served = list(unit.serves) or [c.slug for c in counties
                                               if c.prosecutor_unit == county.prosecutor_unit]
                county.unit_counties = [names[slug] for slug in served]
        return cls(counties, reviewed_date(raw.get("last_reviewed")), circuits)


def _unit_problems(entries: list[dict[str, Any]], contacts: Contacts) -> list[str]:
    """A unit's ``serves`` and the counties' ``prosecutor_unit`` must say the same thing."""
    problems = []
    unit_of = {e["slug"]: e.get("prosecutor_unit") for e in entries}
    slugs = list(unit_of)
    for contact in contacts.by_id.values():
        for slug in contact.serves:
            if slug not in unit_of:
                hint = shortcodes.suggest(slug, slugs)
                problems.append(f"data/contacts.yml: contact {contact.id!r}: field 'serves' names "
                                f"{slug!r}, which is no county's slug in data/counties.yml.{hint}")
            elif unit_of[slug] != contact.id:
                problems.append(
                    f"data/contacts.yml: contact {contact.id!r} serves {slug!r}, but that county's "
                    f"prosecutor_unit in data/counties.yml is {unit_of[slug]!r}: set it to "
                    f"{contact.id!r}, or take {slug!r} out of 'serves'")
    for slug, unit in unit_of.items():
        unit_contact = contacts.by_id.get(unit) if unit else None
        if unit_contact is not None and unit_contact.serves and slug not in unit_contact.serves:
            problems.append(f"data/counties.yml: county {slug!r} names prosecutor_unit {unit!r}, "
                            f"whose 'serves' in data/contacts.yml does not list it: add {slug!r} "
                            f"there, or correct the county's prosecutor_unit")
    return problems



def _read(path: Path, shown_as: str) -> dict[str, Any]:
    return read_mapping(path, shown_as, "last_reviewed: and counties:", CountiesError)



# --- Regenerating data/counties.yml -------------------------------------------------------------

def read_names(path: Path) -> list[str]:
    """Names from the list of jurisdictions: one a line; '#' starts a comment line."""
    return read_list(path)


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 60 or "\n" in value else None
    if "\n" in value.rstrip("\n"):
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def regenerate(names: list[str], existing: dict[str, Any] | None) -> str:
    """The text of data/counties.yml for ``names``, keeping every field already written."""
    kept = {entry["name"]: entry for entry in (existing or {}).get("counties", [])
            if isinstance(entry, dict) and "name" in entry}
    dropped = [name for name in kept if name not in names]
    if dropped:
        raise CountiesError(
            "these counties are in data/counties.yml but not in the new list: "
            f"{', '.join(dropped)}. Their pages are published URLs: fix the list, or remove "
            "them by hand and add redirects for their pages.")
    counties = []
    for name in names:
        entry = {"name": name, "slug": slug_for(name)}
        for key, value in kept.get(name, {}).items():
            if key not in ("name", "slug"):
                entry[key] = value
        counties.append(entry)
    document = {"last_reviewed": (existing or {}).get("last_reviewed", dt.date.today()),
                "counties": counties}
    body = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=86)
    return HEADER + "\n" + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rewrite data/counties.yml from the list of "
                                                 "Missouri's jurisdictions, keeping its facts.")
    parser.add_argument("--from", dest="source", type=Path, required=True,
                        help="the list: one name a line (missouri_counties.txt)")
    parser.add_argument("--out", type=Path, default=Path("data/counties.yml"))
    args = parser.parse_args(argv)
    existing = _read(args.out, str(args.out)) if args.out.exists() else None
    names = read_names(args.source)
    try:
        text = regenerate(names, existing)
    except CountiesError as error:
        print(error, file=sys.stderr)
        return 1
    args.out.write_text(text, encoding="utf-8")
    print(f"Wrote {args.out} ({len(names)} jurisdictions).")
    return 0


if __name__ == "__main__":
    sys.exit(main())

