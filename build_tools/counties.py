"""County pages: one for each of Missouri's 115 jurisdictions, made at build time.

data/counties.yml holds each jurisdiction's name, slug and the facts a source gives about it;
data/county_page.md is the page every county gets (a Jinja template with front matter). The build
hook turns the two into ``counties/<slug>.md`` pages, published at ``/counties/<slug>/``.

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

from build_tools import shortcodes
from build_tools.contacts import Contacts
from build_tools.frontmatter import Seeds, read_mapping, reviewed_date, source_problems
from build_tools.text_lists import read_list

COUNTY_FIELDS = {
    "name": "the jurisdiction's name, as in the list of Missouri counties",
    "slug": "its URL name: the name lowercased, '.' removed, spaces turned into '-'",
    "fsd_office": "the id in data/contacts.yml of the FSD office serving it, where a source "
                  "gives one",
    "facts": "a list of {text: Markdown, sources: [...]} that a source gives about it",
    "last_reviewed": "the date its facts were last checked (required with facts or fsd_office)",
}
FACT_FIELDS = ("text", "sources")
FOLDER = "counties"

HEADER = """\
# Missouri's 115 county jurisdictions (114 counties and the City of St. Louis), one page each at
# /counties/<slug>/, made at build time from this file and data/county_page.md.
#
# Regenerate the list (keeping every fact) with:
#   python -m build_tools.counties --from path/to/missouri_counties.txt
#
# Fields of a county:
#   name           the jurisdiction's name (required)
#   slug           its URL name: name lowercased, "." removed, spaces to "-" (required; never
#                  change it: county offices link to /counties/<slug>/)
#   fsd_office     id in data/contacts.yml of the FSD office serving it, only where a source
#                  gives one (optional)
#   facts          what a source says about this county: a list of
#                    - text: Markdown (shortcodes such as [[phone:ID]] work; no typed numbers)
#                      sources: [{seed: FILE} or {title: ..., url: ..., checked: YYYY-MM-DD}, ...]
#                  Never write a fact without its source, and never guess an address, phone
#                  number or name (optional)
#   last_reviewed  when its facts were last checked (required with facts or fsd_office)
#
# last_reviewed at the top is the date the list was last checked; each county page shows the
# older of the template's date (data/county_page.md) and its county's own.
"""


def slug_for(name: str) -> str:
    """The contract's slug rule: 'St. Charles County' -> 'st-charles-county'."""
    return name.lower().replace(".", "").replace(" ", "-")


def in_sentence(name: str) -> str:
    """How the name reads inside a sentence: 'Adair County', 'the City of St. Louis'."""
    return f"the {name}" if name.startswith("City of ") else name


@dataclass
class County:
    name: str
    slug: str
    fsd_office: str | None = None
    facts: list[dict[str, Any]] = field(default_factory=list)
    last_reviewed: dt.date | None = None

    @property
    def in_sentence(self) -> str:
        return in_sentence(self.name)

    @property
    def src_uri(self) -> str:
        return f"{FOLDER}/{self.slug}.md"


class CountiesError(ValueError):
    """data/counties.yml is not as its header describes: the message lists every problem."""


def _county_problems(index: int, entry: object, contacts: Contacts, seeds: Seeds) -> list[str]:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        return [f"county number {index}: give it a name: (and a slug:), found {entry!r}"]
    name = entry["name"]
    where = f"county {name!r}"
    problems = []
    for key in sorted(set(entry) - set(COUNTY_FIELDS)):
        hint = shortcodes.suggest(key, list(COUNTY_FIELDS))
        problems.append(f"{where}: unknown field '{key}'.{hint} Fields: {', '.join(COUNTY_FIELDS)}")
    if entry.get("slug") != slug_for(name):
        problems.append(f"{where}: field 'slug' is {entry.get('slug')!r}; the slug rule gives "
                        f"{slug_for(name)!r}")
    office = entry.get("fsd_office")
    if office is not None and office not in contacts.by_id:
        hint = shortcodes.suggest(str(office), list(contacts.by_id))
        problems.append(f"{where}: field 'fsd_office' names {office!r}, which is not an id in "
                        f"data/contacts.yml.{hint}")
    facts = entry.get("facts", [])
    if not isinstance(facts, list):
        problems.append(f"{where}: field 'facts' must be a list of {{text, sources}}")
        facts = []
    for number, fact in enumerate(facts, start=1):
        label = f"{where}: fact {number}"
        if not isinstance(fact, dict):
            problems.append(f"{label} must have text: and sources:")
            continue
        for key in sorted(set(fact) - set(FACT_FIELDS)):
            problems.append(f"{label}: unknown field '{key}'; a fact has text and sources")
        if not isinstance(fact.get("text"), str) or not fact["text"].strip():
            problems.append(f"{label}: field 'text' (Markdown) is required")
        if not fact.get("sources"):
            problems.append(f"{label}: field 'sources' is required: a fact needs its source")
        else:
            problems.extend(f"{label}: {p}"
                            for p in source_problems(fact["sources"], seeds, "field 'sources'"))
    if (facts or office) and reviewed_date(entry.get("last_reviewed")) is None:
        problems.append(f"{where}: field 'last_reviewed' (YYYY-MM-DD) is required with facts or "
                        f"fsd_office")
    elif "last_reviewed" in entry and reviewed_date(entry["last_reviewed"]) is None:
        problems.append(f"{where}: field 'last_reviewed' must be a date written YYYY-MM-DD")
    return problems


@dataclass
class Counties:
    counties: list[County]
    last_reviewed: dt.date | None

    @classmethod
    def load(cls, path: Path, contacts: Contacts, seeds: Seeds,
             shown_as: str = "data/counties.yml") -> "Counties":
        raw = _read(path, shown_as)
        problems = [f"unknown top-level key '{key}'; expected last_reviewed and counties"
                    for key in sorted(set(raw) - {"last_reviewed", "counties"})]
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
                seen.add(value)
        if problems:
            listed = "\n".join(f"  - {p}" for p in problems)
            raise CountiesError(f"{shown_as} has mistakes:\n{listed}\n"
                                f"Its header comment describes every field.")
        counties = [County(name=e["name"], slug=e["slug"], fsd_office=e.get("fsd_office"),
                           facts=e.get("facts") or [],
                           last_reviewed=reviewed_date(e.get("last_reviewed")))
                    for e in entries]
        return cls(counties, reviewed_date(raw.get("last_reviewed")))


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
        """The page's Markdown with front matter: the template's sources, then the county's."""
        try:
            meta = yaml.safe_load(self.front.render(county=county)) or {}
            body = self.body.render(county=county)
        except jinja2.TemplateError as error:
            raise CountiesError(f"{self.shown_as}: {error}") from error
        sources = list(meta.get("sources") or [])
        extra = [s for fact in county.facts for s in fact["sources"]]
        if county.fsd_office:
            extra.extend(contacts.by_id[county.fsd_office].sources)
        for source in extra:
            if source not in sources:
                sources.append(source)
        meta["sources"] = sources
        template_date = reviewed_date(meta.get("last_reviewed"))
        dates = [d for d in (template_date, county.last_reviewed) if d is not None]
        # The sources of the county's facts and of its office count as parts too.
        dates.extend(d for d in (reviewed_date(s.get("checked")) for s in extra
                                 if isinstance(s, dict)) if d is not None)
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
