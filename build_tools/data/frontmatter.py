"""Front matter of every page, and the ``sources`` lists that pages, contacts and county facts share.

Every page starts with::

    ---
    title: How long will I pay child support?
    description: When a Missouri child support order ends.   # at most 160 characters
    sources:
      - seed: 001_f6079787ae316351.txt
      - statute: RSMo 452.340
        url: https://revisor.mo.gov/main/OneSection.aspx?section=452.340
        checked: 2026-11-22          # the day this source was checked
    last_reviewed: 2026-11-22
    ---

Every source other than a seed (seeds are fixed documents in data/seeds/) carries ``checked``,
the date someone last read it against what the page says, and a page's ``last_reviewed`` is no
later than its oldest source's ``checked``: a page cannot claim to be reviewed more recently than
the least recently checked source it rests on. Sources of contacts and county facts carry
``checked`` too.

The keys are declared once, in :data:`PAGE`: :func:`check_page` reads it, and ``make
schema-docs`` writes it into MAINTAINING.md ("Edit a page"). :func:`check_page` returns every problem
in one page's front matter as a sentence naming the key and the fix; the build hook turns them
into one error naming the file. :class:`Seeds` knows the
source documents in data/seeds/ and their titles in data/sources.yml.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from build_tools import i18n
from build_tools.data.schema import (
    BOOLEAN,
    DATE,
    TEXT,
    Anything,
    Checked,
    Field,
    ListOf,
    Pattern,
    Schema,
    Text,
    as_date,
)
from calculators.wording import closest

DESCRIPTION_MAX = 160
# Pages not reviewed for longer than this are listed by `make check-content` and logged (at
# info level: the build is strict, and the passing of a date must not break it).
STALE_AFTER = dt.timedelta(days=365)

EXAMPLE = """\
---
title: How long will I pay child support?
description: When a Missouri child support order ends, and what to do if you think it should.
sources:
  - seed: 001_f6079787ae316351.txt
  - statute: RSMo 452.340
    url: https://revisor.mo.gov/main/OneSection.aspx?section=452.340
    checked: 2026-11-22
last_reviewed: 2026-11-22
---"""

# The kinds of source, each with the keys it must have. A source is one of these, exactly.
SOURCE_FORMS = {
    "seed": ("seed",),
    "statute": ("statute", "url", "checked"),
    "regulation": ("regulation", "url", "checked"),
    "title": ("title", "url", "checked"),
}
SOURCE_FORMS_TEXT = ('{seed: FILE} (a file in data/seeds/), {statute: "RSMo 452.340", url: ..., '
                     'checked: YYYY-MM-DD}, {regulation: "45 CFR 303.100", url: ..., checked: ...} '
                     'or {title: ..., url: ..., checked: ...}')
URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")

# Keys any source may carry besides its form's own: an id for the page's [[ref:ID]] reference
# numbers, and who published a secondary (not official) source, when, and what kind of page it
# is. The foot list (build_tools/data/page_sources.py) shows them.
SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SOURCE = Schema("Optional keys of a source", (
    Field("id", Pattern("a short slug: lowercase letters, digits and '-'",
                        pattern=SOURCE_ID.pattern[1:-1]),
          "unique within the page: [[ref:ID]] in the text links to this source's number in the "
          "list at the foot of the page", "boone-circuit"),
    Field("secondary", BOOLEAN,
          "true when it is not an official source (news, a law firm, a directory)", "true"),
    Field("publisher", TEXT, "who published it, for a secondary source",
          "Columbia Daily Tribune"),
    Field("published", Checked("YYYY-MM-DD or YYYY", lambda value, what, context: (
        [] if published_text(value) is not None else
        [f"{what} must be a date written YYYY-MM-DD or a year YYYY, not {value!r}"])),
        "when it was published", "2012-02-21"),
    Field("kind", TEXT.called("short text"), "what kind of page it is",
          "news, law firm, court notice, municipal code"),
))

# The keys of a page's front matter: this site's own, and Material's (hide the navigation or the
# table of contents; keep a page out of search). A hook that reads another key registers it with
# register_key(), so that a misspelt key ("quick_exti") fails instead of being ignored.
PAGE = Schema("Front matter keys", (
    Field("title", TEXT, "the page's question or task", "How long will I pay child support?",
          required=True),
    Field("description", Text(longest=DESCRIPTION_MAX),
          "one sentence for search results", "When a Missouri child support order ends.",
          required=True),
    Field("sources", Checked("list of sources, each " + SOURCE_FORMS_TEXT,
                             lambda value, what, context: source_problems(
                                 value, context["seeds"], what, context.get("today"))),
          "where what the page says comes from; [] only on pages about this site itself",
          "[{seed: 001_f6079787ae316351.txt}]", required=True),
    Field("last_reviewed", DATE, "the day the page was checked against its sources, no "
          "later than its oldest source's checked", "2026-11-22", required=True),
    Field("quick_exit", BOOLEAN,
          "true on every calculator page, the privacy page and pages that touch domestic "
          "violence: shows the Exit this page button", "true"),
    Field("hide", ListOf(Anything("a part of the page"), written="list"), "Material: a list of "
          "parts of the page to hide (navigation, toc, footer)", "[toc]"),
    Field("search", Anything("mapping"), "Material: {exclude: true} keeps the page out of site "
          "search", "{exclude: true}"),
))
REQUIRED_KEYS = PAGE.required()
_OPTIONAL_KEYS: dict[str, str] = {field.name: field.meaning for field in PAGE.fields
                                  if not field.required}


def register_key(name: str, meaning: str) -> None:
    """Allow an optional front matter key that a build hook reads."""
    _OPTIONAL_KEYS[name] = meaning


def known_keys() -> list[str]:
    return [*REQUIRED_KEYS, *_OPTIONAL_KEYS]


def read_mapping(path: Path, shown_as: str, expected: str,
                 error: type[ValueError] = ValueError) -> dict[Any, Any]:
    """A YAML data file whose top level is a mapping, or ``error`` saying what is wrong."""
    with open(path, encoding="utf-8") as handle:
        try:
            raw = yaml.safe_load(handle) or {}
        except yaml.YAMLError as problem:
            raise error(f"{shown_as} is not valid YAML: {problem}") from problem
    if not isinstance(raw, dict):
        raise error(f"{shown_as}: expected {expected}")
    return raw


class Seeds:
    """The source documents: the files in data/seeds/ and their titles in data/sources.yml."""

    def __init__(self, data_dir: Path):
        self.dir = data_dir / "seeds"
        self.registry_path = data_dir / "sources.yml"
        registry = read_mapping(self.registry_path, "data/sources.yml",
                                "FILE: {title: ...} entries")
        self.titles: dict[str, str] = {}
        for name, entry in registry.items():
            if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
                raise ValueError(f"data/sources.yml: {name}: give it a title: line")
            self.titles[str(name)] = entry["title"]

    def problem(self, name: object) -> str | None:
        """Why ``name`` is not a usable seed, or None."""
        if not isinstance(name, str) or not name:
            return "seed must be a file name in data/seeds/"
        if not (self.dir / name).is_file():
            known = sorted(p.name for p in self.dir.glob("*.txt"))
            return f"data/seeds/{name} does not exist. Files there: {', '.join(known)}"
        if name not in self.titles:
            return f"data/sources.yml has no entry for {name}: add its title there"
        return None


@dataclass(frozen=True)
class Source:
    """One source as shown at the foot of a page."""

    kind: str        # seed, statute, regulation, title
    label: str       # what the reader sees
    url: str | None  # seeds are not published, so they have no link

    def as_dict(self) -> dict[str, str | None]:
        return {"kind": self.kind, "label": self.label, "url": self.url}


def source_problems(sources: object, seeds: Seeds, where: str = "sources",
                    today: dt.date | None = None) -> list[str]:
    """Problems with a ``sources`` list; ``where`` names it in messages (e.g. "sources").

    A non-seed source's ``checked`` must be a date (YYYY-MM-DD) no later than ``today``.
    """
    today = today or dt.date.today()
    if not isinstance(sources, list):
        return [f"{where} must be a list, each item one of {SOURCE_FORMS_TEXT}"]
    problems = []
    ids: set[str] = set()
    for index, source in enumerate(sources, start=1):
        item = f"{where} item {index}"
        if not isinstance(source, dict):
            problems.append(f"{item} must be one of {SOURCE_FORMS_TEXT}, not {source!r}")
            continue
        forms = [form for form in SOURCE_FORMS if form in source]
        if len(forms) != 1:
            problems.append(f"{item} ({source!r}) must be exactly one of {SOURCE_FORMS_TEXT}")
            continue
        form = forms[0]
        allowed = SOURCE_FORMS[form]
        extra = sorted(set(source) - set(allowed) - set(SOURCE.names()))
        if extra:
            problems.append(f"{item}: unknown key(s) {', '.join(extra)}; a {form} source has "
                            f"{', '.join(allowed)}, and may have {', '.join(SOURCE.names())}")
        problems.extend(f"{item}: {p}" for p in _optional_key_problems(source))
        if isinstance(source.get("id"), str):
            if source["id"] in ids:
                problems.append(f"{item}: id {source['id']!r} is already used by another source "
                                f"of this list; give each source its own id")
            ids.add(source["id"])
        missing = [key for key in allowed if not source.get(key)]
        if missing:
            hint = ""
            if "checked" in missing:
                hint = (" (checked: the date, YYYY-MM-DD, you last read this source against "
                        "what is written from it; read it again and write today's date)")
            problems.append(f"{item}: a {form} source needs {', '.join(missing)}{hint}")
            continue
        if form == "seed":
            seed_problem = seeds.problem(source["seed"])
            if seed_problem:
                problems.append(f"{item}: {seed_problem}")
        else:
            if not isinstance(source[form], str):
                problems.append(f"{item}: {form} must be text")
            if not isinstance(source["url"], str) or not URL.match(source["url"]):
                problems.append(f"{item}: url must be a full http(s) address, not "
                                f"{source['url']!r}")
            checked = reviewed_date(source["checked"])
            if checked is None:
                problems.append(f"{item}: checked must be a date written YYYY-MM-DD, not "
                                f"{source['checked']!r}")
            elif checked > today:
                problems.append(f"{item}: checked ({checked.isoformat()}) is in the future; "
                                f"write the date you read the source")
    return problems


def published_text(value: object, lang: str = "en") -> str | None:
    """``published`` as a reader sees it ("February 21, 2012" or "2012"; a date in ``lang``), or
    None if malformed."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}", value):
        return value
    date = reviewed_date(value)
    return i18n.long_date(date, lang) if date is not None else None


def _optional_key_problems(source: Mapping[str, Any]) -> list[str]:
    """Problems with the optional keys (:data:`SOURCE`) of one source."""
    problems = []
    if "id" in source and not (isinstance(source["id"], str) and SOURCE_ID.match(source["id"])):
        problems.append(f"id must be a short slug of lowercase letters, digits and '-' (like "
                        f"boone-circuit), not {source['id']!r}")
    if "secondary" in source and not isinstance(source["secondary"], bool):
        problems.append(f"'secondary' must be true or false, not {source['secondary']!r}")
    for key in ("publisher", "kind"):
        if key in source and not (isinstance(source[key], str) and source[key].strip()):
            problems.append(f"'{key}' must be text ({SOURCE[key].meaning})")
    if "published" in source and published_text(source["published"]) is None:
        problems.append(f"'published' must be a date written YYYY-MM-DD or a year YYYY, not "
                        f"{source['published']!r}")
    return problems


def source_label(source: Mapping[str, Any]) -> str:
    """How messages name a source: 'RSMo 452.340 (https://...)' or the seed's file name."""
    if "seed" in source:
        return f"seed {source['seed']}"
    form = next((form for form in SOURCE_FORMS if form in source), None)
    if form is None:
        return repr(dict(source))
    return f"{source[form]} ({source.get('url')})"


def oldest_checked(sources: object) -> tuple[dt.date, Mapping[str, Any]] | None:
    """The earliest ``checked`` date among well-formed non-seed sources, with its source."""
    if not isinstance(sources, list):
        return None
    found = []
    for source in sources:
        if isinstance(source, dict) and "seed" not in source:
            checked = reviewed_date(source.get("checked"))
            if checked is not None:
                found.append((checked, source))
    return min(found, key=lambda pair: pair[0]) if found else None


def resolve_sources(sources: list[dict[str, str]], seeds: Seeds) -> list[Source]:
    """Checked sources as the reader sees them (seeds by their title), without repeats."""
    shown: list[Source] = []
    for source in sources:
        if "seed" in source:
            item = Source("seed", seeds.titles[source["seed"]], None)
        else:
            form = next(form for form in SOURCE_FORMS if form in source)
            item = Source(form, source[form], source["url"])
        if item not in shown:
            shown.append(item)
    return shown


def reviewed_date(value: object) -> dt.date | None:
    """The date of ``last_reviewed`` (YAML gives a date; a quoted ISO date is accepted too)."""
    return as_date(value)


def check_page(meta: Mapping[str, Any], seeds: Seeds, today: dt.date) -> list[str]:
    """Every problem in one page's front matter, each a sentence naming the key and the fix."""
    problems = []
    for key in REQUIRED_KEYS:
        if key not in meta or meta[key] in (None, ""):
            problems.append(f"missing front matter key '{key}'")
    unknown = sorted(set(meta) - set(known_keys()))
    for key in unknown:
        close = closest(str(key), known_keys())
        hint = f" (did you mean '{close}'?)" if close else ""
        problems.append(f"unknown front matter key '{key}'{hint}; known keys: "
                        f"{', '.join(known_keys())}")
    title = meta.get("title")
    if title not in (None, "") and (not isinstance(title, str) or not title.strip()):
        problems.append(f"'title' must be text: {PAGE['title'].meaning}")
    description = meta.get("description")
    if description not in (None, ""):
        if not isinstance(description, str):
            problems.append(f"'description' must be text ({PAGE['description'].meaning})")
        elif len(description) > DESCRIPTION_MAX:
            problems.append(f"'description' is {len(description)} characters; shorten it to "
                            f"at most {DESCRIPTION_MAX}")
    if meta.get("sources") not in (None, ""):
        problems.extend(f"'sources': {p}"
                        for p in source_problems(meta["sources"], seeds, today=today))
    reviewed = meta.get("last_reviewed")
    if reviewed not in (None, ""):
        date = reviewed_date(reviewed)
        if date is None:
            problems.append(f"'last_reviewed' must be a date written YYYY-MM-DD, not {reviewed!r}")
        elif date > today:
            problems.append(f"'last_reviewed' ({date.isoformat()}) is in the future; write the "
                            f"date you checked the page")
        else:
            problems.extend(_later_than_sources(date, meta.get("sources")))
    quick_exit = meta.get("quick_exit")
    if quick_exit is not None and not isinstance(quick_exit, bool):
        problems.append(f"'quick_exit' must be true or false, not {quick_exit!r}")
    return problems


def _later_than_sources(reviewed: dt.date, sources: object) -> list[str]:
    """A sentence for each source checked before the page's review date (the fix included)."""
    if not isinstance(sources, list):
        return []
    problems = []
    for source in sources:
        if not isinstance(source, dict) or "seed" in source:
            continue
        checked = reviewed_date(source.get("checked"))
        if checked is not None and checked < reviewed:
            problems.append(
                f"'last_reviewed' ({reviewed.isoformat()}) is later than the date its source "
                f"{source_label(source)} was checked ({checked.isoformat()}): a page is no "
                f"fresher than its oldest source. Read that source again and set its checked: "
                f"to the date you did, or set last_reviewed to {checked.isoformat()} or earlier")
    return problems


def format_problems(page: str, problems: list[str], example: str = EXAMPLE,
                    kind: str = "Every page") -> str:
    """One message for a page's front matter problems, with an example to copy (a Spanish
    page's has its own: build_tools/data/translated_pages.py)."""
    listed = "\n".join(f"  - {problem}" for problem in problems)
    return (f"Front matter of {page}:\n{listed}\n"
            f"{kind} starts with front matter like this:\n{example}")


def age_in_days(meta: Mapping[str, Any], today: dt.date) -> int | None:
    date = reviewed_date(meta.get("last_reviewed"))
    return None if date is None else (today - date).days


def is_stale(meta: Mapping[str, Any], today: dt.date) -> bool:
    age = age_in_days(meta, today)
    return age is not None and age > STALE_AFTER.days


