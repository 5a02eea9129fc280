"""The county pages: one for each of Missouri's 115 jurisdictions, made at build time.

data/county_page.md is the page every county gets (a Jinja template with front matter); the
build hook renders it for each county that build_tools/data/county_data.py loads and checks, as
``counties/<slug>.md``, published at ``/counties/<slug>/``. ``[[county-finder:]]`` is the county
index's filter box over the list of every county page.

The page puts each source it cites into its front matter with an id and writes ``[[ref:ID]]``
after the fact (:class:`Citations`): the reference number links to the source in the page's one
numbered list at its foot (build_tools/data/page_sources.py), which shows the day it was checked and,
for a secondary source, who published it, when and what kind of page it is.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import jinja2
import yaml

from build_tools.data import shortcodes, translated_text
from build_tools.data.contacts import Contacts
from build_tools.data.county_data import Counties, CountiesError, County, spanish_in_sentence, spanish_name
from build_tools.data.frontmatter import reviewed_date, source_label
from build_tools.i18n import DEFAULT as ENGLISH
from build_tools.i18n import gettext_for
from build_tools.pages import handout  # noqa: F401 (registers [[handout:]])


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


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
TEMPLATE = "county_page.md"
# What a translated template's front matter says itself; the rest (the sources, the review date)
# comes from the English template's, so that a page has one list of sources in both translated_text.
OWN_KEYS = ("title", "description", "translates_review")


def shared_front_matter(own: dict[str, Any], english: dict[str, Any], shown_as: str,
                        english_shown_as: str) -> dict[str, Any]:
    """A translated page's front matter: its own title, description and translates_review,
    then every other key of the English template's, in their order."""
    extra = [key for key in own if key not in OWN_KEYS]
    if extra:
        raise ValueError(f"{shown_as}: the front matter holds {', '.join(extra)}; a translated "
                         f"template gives only {', '.join(OWN_KEYS)}. Take the others out: "
                         f"they come from {english_shown_as}")
    return {**{key: own[key] for key in OWN_KEYS if key in own},
            **{key: value for key, value in english.items() if key not in OWN_KEYS}}


class CountyTemplate:
    """data/county_page.md (or its translation, data/county_page.es.md): front matter and body,
    both Jinja with ``county`` in scope. :meth:`load` picks the template of a language."""

    def __init__(self, path: Path, shown_as: str = "data/county_page.md",
                 lang: str = translated_text.DEFAULT, english: CountyTemplate | None = None):
        self.shown_as = shown_as
        self.lang = translated_text.checked(lang)
        self.english = english   # a translation's English template: its sources and dates
        text = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        if not match:
            raise CountiesError(f"{shown_as} must start with front matter between --- lines")
        environment = jinja2.Environment(undefined=jinja2.StrictUndefined,
                                         keep_trailing_newline=True, autoescape=False)
        environment.filters["spanish_name"] = spanish_name
        environment.filters["spanish_in_sentence"] = spanish_in_sentence
        try:
            self.front = environment.from_string(match.group(1))
            self.body = environment.from_string(text[match.end():])
        except jinja2.TemplateSyntaxError as error:
            raise CountiesError(f"{shown_as}, line {error.lineno}: {error.message}") from error

    @classmethod
    def load(cls, data_dir: Path, lang: str = translated_text.DEFAULT) -> CountyTemplate:
        """The county page's template in ``lang``: data/county_page.md in English,
        data/county_page.es.md in Spanish (with the English one for its front matter)."""
        english = cls(data_dir / TEMPLATE)
        if translated_text.checked(lang) == translated_text.DEFAULT:
            return english
        path = translated_text.template_path(data_dir, TEMPLATE, lang)
        shown = f"data/{path.name}"
        if not path.is_file():
            raise CountiesError(f"{shown} is missing: it is data/{TEMPLATE} in {lang}, with the "
                                f"same outline, shortcodes and fields")
        return cls(path, shown, lang, english)

    def render(self, county: County, contacts: Contacts) -> str:
        """The page's Markdown with front matter: the sources the page cites, each with its id
        and in the order first cited, then the template's own (each source once). The contact
        cards add their sources to the foot list themselves (build_tools/data/contacts.py).

        In the template: ``county``; ``facts``, its facts in the template's language ({text,
        sources}); ``unit`` and ``office``, the contacts of its prosecutor's unit and FSD office
        (or None), in that language; ``cite(sources)``, the ``[[ref:ID]]`` marks to write after
        a fact, one for each of its sources; ``lang``; the filters ``spanish_name`` ('Adair
        County' -> 'condado de Adair') and ``spanish_in_sentence`` ('el condado de Adair')."""
        contacts = contacts.in_language(self.lang)
        unit = contacts.by_id[county.prosecutor_unit] if county.prosecutor_unit else None
        office = contacts.by_id[county.fsd_office] if county.fsd_office else None
        citations = Citations()
        scope = {"county": county, "facts": county.facts_in(self.lang), "unit": unit,
                 "office": office, "cite": citations.cite, "lang": self.lang}
        try:
            meta = yaml.safe_load(self.front.render(**scope)) or {}
            body = self.body.render(**scope)
            if self.english is not None:
                english = yaml.safe_load(self.english.front.render(**scope)) or {}
                meta = shared_front_matter(meta, english, self.shown_as, self.english.shown_as)
        except jinja2.TemplateError as error:
            raise CountiesError(f"{self.shown_as}: {error}") from error
        except ValueError as error:
            raise CountiesError(str(error)) from error
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
    """The county finder: a filter box (shown by its script) over a plain list of every county.
    What the script says is written here, in the page's language, as data attributes of its
    status line: ``__COUNT__`` and ``__QUERY__`` are filled in by the script."""
    context.require_script("assets/site/county-finder.js")
    _ = gettext_for(context.lang)
    # A county's name is its English name on every page: marked so on a page in another
    # language, for a screen reader to read it in English.
    name = "{}" if context.lang == ENGLISH else f'<span lang="{ENGLISH}">{{}}</span>'
    links = "\n".join(f"- [{name.format(county.name)}]({context.path_to(county.src_uri)})"
                      for county in counties.counties)
    count = len(counties.counties)
    said = {"none": _("No county matches \u201c__QUERY__\u201d. Check the spelling."),
            "one": _("1 county matches."), "many": _("__COUNT__ counties match.")}
    label = _("Type the name of your county")
    messages = " ".join(f'data-{key}="{html.escape(text, quote=True)}"'
                        for key, text in said.items())
    return f"""\
<div class="site-county-finder" data-county-finder hidden>
<label for="county-finder-input">{label}</label>
<input id="county-finder-input" type="text" autocomplete="off" spellcheck="false" \
aria-controls="county-list">
<p id="county-finder-status" class="site-county-finder__status" role="status" \
aria-live="polite" data-total="{count}" {messages}></p>
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

