"""County pages: one for each of Missouri's 115 jurisdictions, made at build time.

data/counties.yml holds each jurisdiction's name, slug and what a source gives about it (the
FSD office, the prosecutor's unit, who does the state's child support work there, other facts);
data/circuits.yml says which judicial circuit each belongs to and where its court sits;
data/county_page.md is the page every county gets (a Jinja template with front matter). The build
hook turns them into ``counties/<slug>.md`` pages, published at ``/counties/<slug>/``.

Every source of a local fact carries ``checked: YYYY-MM-DD`` (the day it was read), and
``secondary: true`` where it is not an official source (with ``publisher``, ``published`` and
``kind`` where known). The page puts each source it cites into its front matter with an id and
writes ``[[ref:ID]]`` after the fact (:class:`Citations`): the reference number links to the
source in the page's one numbered list at its foot (build_tools/page_sources.py), which shows the
day it was checked and, for a secondary source, who published it, when and what kind of page it is.

The slug rule is part of the site's contract, because county offices link to these URLs: the
name lowercased, "." removed, spaces turned into "-" (``st-charles-county``, ``city-of-st-louis``).

data/counties.yml is made from the list of jurisdictions by::

    python -m build_tools.counties --from path/to/missouri_counties.txt

which keeps every fact already written and refuses to drop a county that has a page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from build_tools import handout, shortcodes  # noqa: F401 (registers [[handout:]])
from build_tools.contacts import Contacts
from build_tools.frontmatter import (
    Seeds,
    read_mapping,
    reviewed_date,
    source_label,
    source_problems,
)
from build_tools.schema import Field, Schema, yaml_comment
from build_tools.text_lists import read_list

DATED_SOURCES = ("list of {title: ..., url: ..., checked: YYYY-MM-DD}, each may add secondary, "
                 "publisher, published and kind")
SOURCES = ("list of {seed: FILE} or {title: ..., url: ..., checked: YYYY-MM-DD}, each may add "
           "secondary, publisher, published and kind")
STATE_WORK_BY = ("fsd", "prosecutor")
COUNTIES_FILE = Schema("Top level", (
    Field("last_reviewed", "YYYY-MM-DD", "the date the list was last checked; each county page "
          "shows the older of the template's date (data/county_page.md) and its county's own",
          "2026-11-23"),
    Field("counties", "list of counties", "every jurisdiction, in the order of the list it was "
          "made from", required=True),
))
COUNTY = Schema("Fields of a county", (
    Field("name", "text", "the jurisdiction's name, as in the list of Missouri counties",
          "St. Charles County", required=True),
    Field("slug", "text", "its URL name: the name lowercased, '.' removed, spaces turned into "
          "'-'; never change it: county offices link to /counties/<slug>/", "st-charles-county",
          required=True),
    Field("fsd_office", "contact id", "the id in data/contacts.yml of the FSD office serving it, "
          "where a source gives one", "fsd-st-charles-county"),
    Field("facts", "list of facts", "a list of {text: Markdown, sources: [...]} that a source "
          "gives about it"),
    Field("state_work_by", "prosecutor, or left out", "'prosecutor' where the prosecuting "
          "attorney's office does the state child support office's work (with "
          "state_work_sources); FSD otherwise", "prosecutor"),
    Field("state_work_sources", DATED_SOURCES, "where state_work_by comes from",
          required_with="with state_work_by"),
    Field("prosecutor_unit", "contact id", "the id in data/contacts.yml of the prosecutor's "
          "child support unit serving it, where a source gives one; that contact lists every "
          "county it serves in its serves field"),
    Field("last_reviewed", "YYYY-MM-DD", "the date its facts were last checked", "2026-11-23",
          required_with="with facts, fsd_office, prosecutor_unit or state_work_by"),
))
FACT = Schema("Fields of a fact", (
    Field("text", "Markdown", "what the source says; shortcodes such as [[phone:ID]] work, typed "
          "numbers do not", required=True),
    Field("sources", SOURCES, "where the fact comes from: a fact needs its source",
          "[{seed: 000_d74ccf04b443ec1b.txt}]", required=True),
))
COUNTY_FIELDS = {field.name: field.meaning for field in COUNTY.fields}
FOLDER = "counties"

HEADER = """\
# Missouri's 115 county jurisdictions (114 counties and the City of St. Louis), one page each at
# /counties/<slug>/, made at build time from this file and data/county_page.md.
#
# Regenerate the list (keeping every fact) with:
#   python -m build_tools.counties --from path/to/missouri_counties.txt
#
{fields}
#
# Never write a fact without its source, and never guess an address, phone number or name.
# state_work_by: prosecutor is set only where a source (the federal Intergovernmental Reference
# Guide) says the prosecuting attorney's office does the state child support office's work.
""".replace("{fields}", yaml_comment((COUNTIES_FILE, COUNTY, FACT), "build_tools/counties.py"))

def slug_for(name: str) -> str:
    """The contract's slug rule: 'St. Charles County' -> 'st-charles-county'."""
    return name.lower().replace(".", "").replace(" ", "-")


def in_sentence(name: str) -> str:
    """How the name reads inside a sentence: 'Adair County', 'the City of St. Louis'."""
    return f"the {name}" if name.startswith("City of ") else name


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


class CountiesError(ValueError):
    """data/counties.yml or data/circuits.yml is not as its header describes: the message lists
    every problem and how to fix it."""


def dated_source_problems(sources: object, seeds: Seeds, where: str) -> list[str]:
    """Problems with a list of a county's sources: each is a page source (every one but a seed
    carries ``checked: YYYY-MM-DD``; ``secondary``, ``publisher``, ``published`` and ``kind``
    may be added: build_tools/frontmatter.py), without an ``id``, which the page gives it."""
    if not isinstance(sources, list):
        return [f"{where} must be a list of {{title: ..., url: ..., checked: YYYY-MM-DD}}"]
    problems = [f"{where} item {index}: remove 'id': the county page numbers its sources itself"
                for index, source in enumerate(sources, start=1)
                if isinstance(source, dict) and "id" in source]
    return problems + source_problems(sources, seeds, where)


def _county_problems(index: int, entry: object, contacts: Contacts, seeds: Seeds) -> list[str]:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        return [f"county number {index}: give it a name: (and a slug:), found {entry!r}"]
    name = entry["name"]
    where = f"county {name!r}"
    problems = []
    for key in COUNTY.unknown(entry):
        hint = shortcodes.suggest(key, list(COUNTY_FIELDS))
        problems.append(f"{where}: unknown field '{key}'.{hint} Fields: {', '.join(COUNTY_FIELDS)}")
    if entry.get("slug") != slug_for(name):
        problems.append(f"{where}: field 'slug' is {entry.get('slug')!r}; the slug rule gives "
                        f"{slug_for(name)!r}")
    for key in ("fsd_office", "prosecutor_unit"):
        office = entry.get(key)
        if office is not None and office not in contacts.by_id:
            hint = shortcodes.suggest(str(office), list(contacts.by_id))
            problems.append(f"{where}: field '{key}' names {office!r}, which is not an id in "
                            f"data/contacts.yml.{hint} Add the contact there (with its source) "
                            f"or correct the id")
    by = entry.get("state_work_by")
    if by is not None and by not in STATE_WORK_BY:
        problems.append(f"{where}: field 'state_work_by' is {by!r}; write 'prosecutor' (or leave "
                        f"it out where FSD does the work)")
    if by == "prosecutor" and not entry.get("state_work_sources"):
        problems.append(f"{where}: field 'state_work_by: prosecutor' needs state_work_sources: "
                        f"[{{title: ..., url: ..., checked: YYYY-MM-DD}}]")
    if "state_work_sources" in entry:
        if by != "prosecutor":
            problems.append(f"{where}: field 'state_work_sources' only goes with "
                            f"state_work_by: prosecutor")
        problems.extend(f"{where}: {p}" for p in dated_source_problems(
            entry["state_work_sources"], seeds, "field 'state_work_sources'"))
    facts = entry.get("facts", [])
    if not isinstance(facts, list):
        problems.append(f"{where}: field 'facts' must be a list of {{text, sources}}")
        facts = []
    for number, fact in enumerate(facts, start=1):
        label = f"{where}: fact {number}"
        if not isinstance(fact, dict):
            problems.append(f"{label} must have text: and sources:")
            continue
        for key in FACT.unknown(fact):
            problems.append(f"{label}: unknown field '{key}'; a fact has text and sources")
        if not isinstance(fact.get("text"), str) or not fact["text"].strip():
            problems.append(f"{label}: field 'text' (Markdown) is required")
        if not fact.get("sources"):
            problems.append(f"{label}: field 'sources' is required: a fact needs its source")
        else:
            problems.extend(f"{label}: {p}" for p in dated_source_problems(
                fact["sources"], seeds, "field 'sources'"))
    local = facts or entry.get("fsd_office") or entry.get("prosecutor_unit") or by
    if local and reviewed_date(entry.get("last_reviewed")) is None:
        problems.append(f"{where}: field 'last_reviewed' (YYYY-MM-DD) is required with facts, "
                        f"fsd_office, prosecutor_unit or state_work_by")
    elif "last_reviewed" in entry and reviewed_date(entry["last_reviewed"]) is None:
        problems.append(f"{where}: field 'last_reviewed' must be a date written YYYY-MM-DD")
    return problems


CIRCUITS_FILE = Schema("Top level", (
    Field("checked", "YYYY-MM-DD", "the day the whole list was last checked against its sources",
          "2026-12-02", required=True),
    Field("circuits", "list of circuits", "Missouri's judicial circuits, in order of number",
          required=True),
))
CIRCUIT = Schema("Fields of a circuit", (
    Field("number", "integer", "the circuit's number", "22", required=True),
    Field("name", "text", "the circuit's name as the courts write it", "22nd Judicial Circuit",
          required=True),
    Field("sources", DATED_SOURCES, "where the circuit's counties come from: at least one; "
          "every county page of the circuit cites them", required=True),
    Field("counties", "list of counties", "the counties of the circuit, each {slug, court_seats, "
          "seats_sources}", required=True),
))
CIRCUIT_COUNTY = Schema("Fields of a county in a circuit", (
    Field("slug", "text", "a slug exactly as in data/counties.yml; every one of the 115 slugs "
          "appears in exactly one circuit", "jackson-county", required=True),
    Field("court_seats", "list of place names", "where the county's circuit court sits, only "
          "from a cited source; [] where there is no county seat (the City of St. Louis)",
          "[Kansas City, Independence]"),
    Field("seats_sources", DATED_SOURCES, "where court_seats comes from",
          required_with="with a non-empty court_seats"),
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
    """The circuits, each county's entry in its circuit (by slug), and every problem found."""
    if not path.is_file():
        return [], {}, [f"{shown_as} is missing: it lists Missouri's judicial circuits and the "
                        f"counties of each (see the README, 'Add a county fact')"]
    raw = read_mapping(path, shown_as, "checked: and circuits:", CountiesError)
    problems = [f"{shown_as}: unknown top-level key '{key}'; expected "
                f"{' and '.join(CIRCUITS_FILE.names())}"
                for key in CIRCUITS_FILE.unknown(raw)]
    if reviewed_date(raw.get("checked")) is None:
        problems.append(f"{shown_as}: give 'checked: YYYY-MM-DD' at the top, the day the list was "
                        f"last checked")
    entries = raw.get("circuits")
    if not isinstance(entries, list) or not entries:
        return [], {}, problems + [f"{shown_as}: 'circuits' must be a list of {{number, name, "
                                   f"sources, counties}}"]
    known = set(slugs)
    circuits: list[Circuit] = []
    placed: dict[str, dict[str, Any]] = {}
    where_placed: dict[str, str] = {}
    numbers: set[int] = set()
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("number"), int):
            problems.append(f"{shown_as}: circuit number {index}: give it a number: (an integer), "
                            f"a name:, sources: and counties:")
            continue
        number = entry["number"]
        where = f"{shown_as}: circuit {number}"
        for key in CIRCUIT.unknown(entry):
            problems.append(f"{where}: unknown field '{key}'; a circuit has "
                            f"{', '.join(CIRCUIT_FIELDS)}")
        if number in numbers:
            problems.append(f"{where} appears twice: each circuit once")
        numbers.add(number)
        expected = f"{_ordinal(number)} Judicial Circuit"
        if entry.get("name") != expected:
            problems.append(f"{where}: field 'name' is {entry.get('name')!r}; write it as the "
                            f"courts do, {expected!r}")
        sources = entry.get("sources", None)
        if not sources:
            problems.append(f"{where}: field 'sources' needs at least one source that names the "
                            f"circuit's counties ({{title: ..., url: ..., checked: YYYY-MM-DD}}, "
                            f"with secondary: true if it is not official): every county page of "
                            f"the circuit cites it")
            sources = []
        problems.extend(f"{where}: {p}"
                        for p in dated_source_problems(sources, seeds, "field 'sources'"))
        members = entry.get("counties")
        if not isinstance(members, list) or not members:
            problems.append(f"{where}: field 'counties' must be a list of {{slug: ...}}")
            members = []
        circuit_slugs = []
        for member in members:
            if not isinstance(member, dict) or not isinstance(member.get("slug"), str):
                problems.append(f"{where}: each county is {{slug: ..., court_seats: [...]}}, "
                                f"not {member!r}")
                continue
            slug = member["slug"]
            at = f"{where}, county {slug!r}"
            for key in CIRCUIT_COUNTY.unknown(member):
                problems.append(f"{at}: unknown field '{key}'; a county here has "
                                f"{', '.join(CIRCUIT_COUNTY_FIELDS)}")
            if slug not in known:
                hint = shortcodes.suggest(slug, slugs)
                problems.append(f"{at}: no county has this slug in data/counties.yml.{hint}")
                continue
            if slug in where_placed:
                problems.append(f"{at}: this county is already in {where_placed[slug]}; each "
                                f"county belongs to exactly one circuit")
                continue
            where_placed[slug] = f"circuit {number}"
            seats = member.get("court_seats")
            if seats is not None and not (isinstance(seats, list)
                                          and all(isinstance(x, str) and x for x in seats)):
                problems.append(f"{at}: field 'court_seats' must be a list of place names "
                                f"([] where there is no county seat)")
            if seats and not member.get("seats_sources"):
                problems.append(f"{at}: field 'court_seats' needs seats_sources: [{{title: ..., "
                                f"url: ..., checked: YYYY-MM-DD}}]")
            if "seats_sources" in member:
                problems.extend(f"{at}: {p}" for p in dated_source_problems(
                    member["seats_sources"], seeds, "field 'seats_sources'"))
            placed[slug] = member
            circuit_slugs.append(slug)
        circuits.append(Circuit(number, str(entry.get("name")), list(sources), circuit_slugs))
    missing = [slug for slug in slugs if slug not in placed]
    if missing:
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
        problems = [f"unknown top-level key '{key}'; expected "
                    f"{' and '.join(COUNTIES_FILE.names())}"
                    for key in COUNTIES_FILE.unknown(raw)]
        entries = raw.get("counties")
        if not isinstance(entries, list) or not entries:
            problems.append("'counties' must be a list of {name, slug, ...}")
            entries = []
        for index, entry in enumerate(entries, start=1):
            problems.extend(_county_problems(index, entry, contacts, seeds))
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


def same_source(source: dict[str, Any]) -> tuple[str, str]:
    """What makes two sources one (as in the page's foot list): the seed file, or the address."""
    if "seed" in source:
        return ("seed", str(source["seed"]))
    return ("url", str(source["url"]).rstrip("/"))


class Citations:
    """The sources one county page cites, in the order it first cites them, each with an id.

    ``cite(sources)`` gives the reference marks to write after a fact, ``[[ref:src-1]]`` for each
    source; a source cited again keeps its first id, so it keeps its number in the foot list."""

    def __init__(self) -> None:
        self.sources: list[dict[str, Any]] = []
        self._ids: dict[tuple[str, str], str] = {}

    def cite(self, sources: list[dict[str, Any]]) -> str:
        marks = []
        for source in sources:
            key = same_source(source)
            if key not in self._ids:
                self._ids[key] = f"src-{len(self._ids) + 1}"
                self.sources.append({**source, "id": self._ids[key]})
            marks.append(f"[[ref:{self._ids[key]}]]")
        # A comma between two numbers, so that 1 and 2 never read as 12.
        return "<sup>,</sup>".join(marks)


def _read(path: Path, shown_as: str) -> dict[str, Any]:
    return read_mapping(path, shown_as, "last_reviewed: and counties:", CountiesError)


# --- Pages --------------------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


class CountyTemplate:
    """data/county_page.md: front matter and body, both Jinja with ``county`` in scope."""

    def __init__(self, path: Path, shown_as: str = "data/county_page.md"):
        self.shown_as = shown_as
        text = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        if not match:
            raise CountiesError(f"{shown_as} must start with front matter between --- lines")
        environment = jinja2.Environment(undefined=jinja2.StrictUndefined,
                                         keep_trailing_newline=True, autoescape=False)
        try:
            self.front = environment.from_string(match.group(1))
            self.body = environment.from_string(text[match.end():])
        except jinja2.TemplateSyntaxError as error:
            raise CountiesError(f"{shown_as}, line {error.lineno}: {error.message}") from error

    def render(self, county: County, contacts: Contacts) -> str:
        """The page's Markdown with front matter: the sources the page cites, each with its id
        and in the order first cited, then the template's own (each source once). The contact
        cards add their sources to the foot list themselves (build_tools/contacts.py).

        In the template: ``county``; ``unit`` and ``office``, the contacts of its prosecutor's
        unit and FSD office (or None); ``cite(sources)``, the ``[[ref:ID]]`` marks to write after
        a fact, one for each of its sources."""
        unit = contacts.by_id[county.prosecutor_unit] if county.prosecutor_unit else None
        office = contacts.by_id[county.fsd_office] if county.fsd_office else None
        citations = Citations()
        scope = {"county": county, "unit": unit, "office": office, "cite": citations.cite}
        try:
            meta = yaml.safe_load(self.front.render(**scope)) or {}
            body = self.body.render(**scope)
        except jinja2.TemplateError as error:
            raise CountiesError(f"{self.shown_as}: {error}") from error
        uncited = [s for s in county.all_sources()
                   if same_source(s) not in {same_source(c) for c in citations.sources}]
        if uncited:  # the template must cite every source of what it says about the county
            raise CountiesError(f"{self.shown_as}: the page for {county.name} does not cite "
                                f"{'; '.join(source_label(s) for s in uncited)}: write "
                                f"cite(...) after the fact that comes from each")
        sources = list(citations.sources)
        cited = {same_source(s) for s in sources}
        sources.extend(s for s in meta.get("sources") or [] if same_source(s) not in cited)
        meta["sources"] = sources
        template_date = reviewed_date(meta.get("last_reviewed"))
        dates = [d for d in (template_date, county.last_reviewed) if d is not None]
        # The sources of the county's facts and of its cards count as parts too.
        card_sources = [s for contact in (office, unit) if contact is not None
                        for s in contact.sources]
        dates.extend(d for d in (reviewed_date(s.get("checked"))
                                 for s in [*citations.sources, *card_sources]) if d is not None)
        if dates:  # the page is as fresh as its oldest part
            meta["last_reviewed"] = min(dates)
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        return f"---\n{front}---\n{body}"


def render_finder(counties: Counties, context: shortcodes.Context) -> str:
    """The county finder: a filter box (shown by its script) over a plain list of every county."""
    context.require_script("assets/site/county-finder.js")
    links = "\n".join(f"- [{county.name}]({context.path_to(county.src_uri)})"
                      for county in counties.counties)
    count = len(counties.counties)
    return f"""\
<div class="site-county-finder" data-county-finder hidden>
<label for="county-finder-input">Type the name of your county</label>
<input id="county-finder-input" type="text" autocomplete="off" spellcheck="false" \
aria-controls="county-list">
<p id="county-finder-status" class="site-county-finder__status" role="status" \
aria-live="polite" data-total="{count}"></p>
</div>

<div id="county-list" class="site-county-list" markdown>

{links}

</div>"""


def _render_finder(args: str, context: shortcodes.Context) -> str:
    if args:
        raise shortcodes.ShortcodeError("county-finder takes nothing after the colon: "
                                        "[[county-finder:]]")
    return render_finder(context.data["counties"], context)


shortcodes.register("county-finder", _render_finder, block=True, usage="[[county-finder:]]",
                    summary="a box that finds a county by name, over the list of all counties")


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
