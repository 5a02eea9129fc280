"""The list of terms: data/terms.yml, loaded and checked whole.

Each entry maps an English term the site uses (every heading of docs/glossary.md, and the forms,
offices and programs the pages name) to the one Spanish term the Spanish pages will use, with
the official Spanish-language pages that use it (a US child support agency's or a court's), or a
plain statement that no stored Spanish source gives one. Names that stay in English (an office,
a form, a program) carry a short Spanish gloss for their first use. Each entry may list the
alternates the site rules out, each with why.

The fields are declared once, below (build_tools/data/schema.py says how); this module checks only
what spans fields or entries: a source or a ``no_source`` note (not both), a gloss where the name
stays in English, each English term once, and no Spanish term or gloss that uses a term an
entry rules out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.data.frontmatter import read_mapping
from build_tools.data.schema import (
    BOOLEAN,
    DATE,
    TEXT,
    URL,
    Field,
    ListOf,
    Record,
    Schema,
    yaml_comment,
)

SHOWN_AS = "data/terms.yml"


class TermsError(ValueError):
    """data/terms.yml is not as its header describes: the message lists every problem and its
    fix."""


SOURCE = Schema("Fields of a source", (
    Field("title", TEXT, "what the page is, in a few words, with who publishes it",
          "California Courts, self-help: Cómo solicitar una orden de manutención de los hijos",
          required=True),
    Field("url", URL, "the page's address", "http://www.courts.ca.gov/1194.htm?rdeLocaleAttr=es",
          required=True),
    Field("checked", DATE, "the day you read the page", "2026-12-07", required=True),
    Field("says", TEXT, "the Spanish words as the page writes them", "orden de manutención de "
          "los hijos", required=True, if_missing="is required: quote the Spanish words the page "
          "uses, so a reader can find them there"),
    Field("secondary", BOOLEAN, "true when the page is not an official agency's or court's "
          "(a copy on a document site, a legal aid group)", "true"),
    Field("publisher", TEXT, "who published it, for a secondary source", "Michigan Legal Help"),
))
RULED_OUT = Schema("Fields of a ruled-out alternate", (
    Field("term", TEXT, "a Spanish term the site does not use for this", "pensión alimenticia",
          required=True),
    Field("why", TEXT, "why not, in a few words", "in many countries it means support paid to a "
          "former spouse", required=True),
))
TERM = Schema("Fields of a term", (
    Field("english", TEXT, "the English term as the site writes it: a heading of "
          "docs/glossary.md, or a form, office or program the pages name", "Arrears",
          required=True),
    Field("spanish", TEXT, "the Spanish term the Spanish pages use; for a name that stays in "
          "English, the name as written", "atrasos", required=True,
          if_missing="is required: the Spanish term the site will use (for a name that stays "
          "in English, write the name again and set keeps_english: true)"),
    Field("keeps_english", BOOLEAN, "true for an official name (an office, a form, a program, a "
          "law) that stays in English on the Spanish pages, glossed the first time", "true"),
    Field("gloss", TEXT, "a short Spanish explanation shown after an English name the first "
          "time", "la división del estado que maneja la manutención de los hijos",
          required_with="with keeps_english: true"),
    Field("sources", ListOf(Record(schema=SOURCE, noun="source")), "the official Spanish pages "
          "that use this term (or, for a gloss, its words)",
          required_with="unless no_source is given"),
    Field("no_source", TEXT, "instead of sources: what was looked for and why this term was "
          "chosen without one", "no stored Spanish page names this Missouri program; the plainest "
          "words", required_with="instead of sources"),
    Field("ruled_out", ListOf(Record(schema=RULED_OUT, noun="alternate", key="term")),
          "Spanish terms the site does not use for this, each with why"),
))
TERM_ENTRY = Record(schema=TERM, noun="term", key="english")
TERMS_FILE = Schema("Top level", (
    Field("checked", DATE, "the day the whole list was last checked against its sources",
          "2026-12-07", required=True),
    Field("terms", ListOf(TERM_ENTRY), "every term, in the order of the English glossary, then "
          "the forms, offices and programs", required=True),
))
SCHEMAS = (TERMS_FILE, TERM, SOURCE, RULED_OUT)

HEADER = """\
# The list of terms: each English term of the site (every heading of docs/glossary.md, and the
# forms, offices and programs the pages name) and the one Spanish term the Spanish pages use,
# with the official Spanish-language pages that use it. Read and checked by the build
# (build_tools/data/terms.py).
#
{fields}
#
# Never cite a page you have not read. Where no stored Spanish page gives a term, say so in
# no_source and choose the plainest words. A Spanish term must not be one that another entry
# rules out.
""".replace("{fields}", yaml_comment(SCHEMAS, "build_tools/data/terms.py"))


def folded(text: str) -> str:
    """A term as the checks compare it: lowercase, accents kept, spaces squeezed."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


@dataclass(frozen=True)
class Term:
    english: str
    spanish: str
    keeps_english: bool = False
    gloss: str = ""
    sources: tuple[dict[str, Any], ...] = ()
    no_source: str = ""
    ruled_out: tuple[dict[str, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Terms:
    terms: tuple[Term, ...]

    @property
    def by_english(self) -> dict[str, Term]:
        return {folded(term.english): term for term in self.terms}

    def ruled_out(self) -> dict[str, tuple[Term, str]]:
        """Each ruled-out Spanish term (folded), with the entry that rules it out and why."""
        return {folded(alternate["term"]): (term, alternate["why"])
                for term in self.terms for alternate in term.ruled_out}

    def ruled_out_in(self, text: str) -> list[str]:
        """The ruled-out terms found in ``text`` as whole words (for the Spanish pages)."""
        return ruled_out_words(text, self.ruled_out())

    @classmethod
    def load(cls, path: Path, shown_as: str = SHOWN_AS) -> Terms:
        """The file, checked whole: every problem in one error."""
        if not path.is_file():
            raise TermsError(f"{shown_as} is missing: it maps each English term of the site to "
                             f"its Spanish term, with sources (see the README, 'The list of "
                             f"terms')")
        raw = read_mapping(path, shown_as, "checked: and terms:", TermsError)
        problems = TERMS_FILE.problems(raw, shown_as)
        entries = raw.get("terms")
        entries = [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
        problems.extend(_problems(entries, shown_as))
        if problems:
            listed = "\n".join(f"  - {p}" for p in problems)
            raise TermsError(f"{shown_as} has mistakes:\n{listed}\nThe header comment of the "
                             f"file describes every field.")
        return cls(tuple(Term(
            english=e["english"], spanish=e["spanish"],
            keeps_english=bool(e.get("keeps_english")), gloss=e.get("gloss", ""),
            sources=tuple(e.get("sources") or ()), no_source=e.get("no_source", ""),
            ruled_out=tuple(e.get("ruled_out") or ())) for e in entries))


def _problems(entries: list[dict[str, Any]], shown_as: str) -> list[str]:
    """The checks that span fields or entries; :data:`TERM` checks each field itself."""
    problems = []
    seen: dict[str, int] = {}
    rules_out: dict[str, str] = {}
    for index, entry in enumerate(entries, start=1):
        where = f"{shown_as}: {TERM_ENTRY.label(entry, index)}"
        english = entry.get("english")
        if isinstance(english, str) and english.strip():
            key = folded(english)
            if key in seen:
                problems.append(f"{where} appears twice (also entry {seen[key]}): keep one entry "
                                f"for each English term and merge their sources")
            seen.setdefault(key, index)
        has_sources, has_note = bool(entry.get("sources")), bool(entry.get("no_source"))
        if not has_sources and not has_note:
            problems.append(f"{where}: give its sources ([{{title, url, checked, says}}], the "
                            f"official Spanish pages that use the term), or no_source: saying "
                            f"that no stored Spanish page gives one")
        if has_sources and has_note:
            problems.append(f"{where}: it has both sources and no_source; keep the sources and "
                            f"remove no_source")
        if entry.get("keeps_english") and not entry.get("gloss"):
            problems.append(f"{where}: field 'gloss' is required with keeps_english: true: a "
                            f"short Spanish explanation for the English name's first use")
        for alternate in entry.get("ruled_out") or []:
            if isinstance(alternate, dict) and isinstance(alternate.get("term"), str):
                rules_out.setdefault(folded(alternate["term"]), str(english))
    for index, entry in enumerate(entries, start=1):
        where = f"{shown_as}: {TERM_ENTRY.label(entry, index)}"
        for field_name, what in (("spanish", "Spanish term"), ("gloss", "gloss")):
            text = entry.get(field_name)
            if not isinstance(text, str) or not text.strip():
                continue
            for alternate in ruled_out_words(text, rules_out):
                by = rules_out[alternate]
                itself = "this entry" if by == entry.get("english") else f"the entry {by!r}"
                if alternate == folded(text):
                    problems.append(f"{where}: its {what} {text!r} is ruled out by {itself}; "
                                    f"choose another {what}, or take it out of that ruled_out list")
                else:
                    problems.append(f"{where}: its {what} {text!r} uses {alternate!r}, which "
                                    f"{itself} rules out; reword it, or take {alternate!r} out "
                                    f"of that ruled_out list")
    return problems


def ruled_out_words(text: str, alternates: Iterable[str]) -> list[str]:
    """The (folded) alternates found in ``text`` as whole words, sorted."""
    words = folded(text)
    return sorted(alternate for alternate in alternates
                  if re.search(rf"(?<!\w){re.escape(alternate)}(?!\w)", words))
