"""MkDocs hooks of the site machinery: checks that fail the build on a maintainer's mistake,
the county pages, the shortcodes, and what the theme shows at the foot of each page.

In build order:

- on_config: data/contacts.yml, data/sources.yml, data/counties.yml, data/circuits.yml,
  data/county_page.md and data/terms.yml are read and checked whole, before any page (a build
  in Spanish reads data/county_page.es.md: build_tools/pages/county_pages.py, CountyTemplate.load).
- on_files: one page per county jurisdiction, ``counties/<slug>.md``, made from the template;
  the pages for working Form 14 by hand (build_tools/pages/form14_pages.py), from the edition in force.
- on_page_markdown: the page's front matter is checked; a phone number typed into the page is an
  error; shortcodes (build_tools/data/shortcodes.py) are expanded, numbering the page's sources
  (build_tools/data/page_sources.py: front matter first, then each contact card's); a page not
  reviewed for a year is logged at info level.
- on_page_context: the numbered sources, review date, per-page scripts and the quick-exit link,
  for the templates in overrides/.
- on_env: the theme's templates get the build's messages in the build's language
  (``theme.language``: build_tools/i18n/), and ``site_phone``; the page URLs this build makes,
  for the checks of the whole site once both languages are built
  (build_tools/commands/build_languages.py: every URL in data/published_urls.txt is built or
  redirected, and every page is listed there).

Everything the build writes into a page is in the build's language (:func:`i18n.language_of`),
which every renderer is given. In the Spanish build (build_tools/pages/languages.py) a page under
docs/es/ must have its English twin; its front matter is its own title, description and
translates_review, and the build puts in the twin's sources, last_reviewed and quick_exit
(build_tools/data/translated_pages.py) before it checks it like any other. Its links to pages
not translated yet go to the English pages. Every page of both builds gets the language switch
and, with a twin, its hreflang alternates.

The logic lives in importable modules under build_tools/; this file only connects them to MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils.meta import get_data

from build_tools import i18n
from build_tools.data import shortcodes, translated_pages
from build_tools.data.contacts import Contacts, find_phone_numbers, phone_link, typed_numbers_message
from build_tools.data.county_data import Counties
from build_tools.data.frontmatter import (
    Seeds,
    check_page,
    format_problems,
    is_stale,
    reviewed_date,
)
from build_tools.data.page_sources import FootList
from build_tools.data.terms import Terms
from build_tools.pages import languages
from build_tools.pages.calculator_pages import BUILD as CALCULATOR_PAGES
from build_tools.pages.county_pages import CountyTemplate
from build_tools.pages.form14_pages import CALCULATOR as FORM14_CALCULATOR
from build_tools.pages.form14_pages import Form14Pages
from build_tools.pages.form14_pages import page_sources as form14_page_sources

log = get_plugin_logger("site")

QUICK_EXIT_SCRIPT = "assets/site/quick-exit.js"


@dataclass
class _Build:
    """What one build has loaded; replaced at the start of every build (and every `serve` reload)."""

    root: Path
    seeds: Seeds
    contacts: Contacts
    counties: Counties
    template: CountyTemplate
    form14: Form14Pages | None
    today: dt.date
    lang: str = i18n.DEFAULT  # the build's language, theme.language
    twins: set[str] = field(default_factory=set)  # pages that have their twin in the other language
    english_pages: set[str] = field(default_factory=set)  # docs/ pages (for the Spanish links)
    page_urls: list[str] = field(default_factory=list)
    scripts: dict[str, list[str]] = field(default_factory=dict)
    modules: dict[str, list[str]] = field(default_factory=dict)
    generated: dict[str, str] = field(default_factory=dict)  # county page -> where it is made
    feet: dict[str, FootList] = field(default_factory=dict)  # page -> its numbered sources


_build: _Build | None = None


def _current() -> _Build:
    assert _build is not None, "on_config runs first"
    return _build


def on_config(config: Any) -> Any:
    global _build
    root = Path(config.config_file_path).parent
    data = root / "data"
    try:
        lang = i18n.language_of(config)
    except ValueError as error:
        raise PluginError(f"mkdocs.yml, theme.language: {error}") from error
    try:
        seeds = Seeds(data)
        contacts = Contacts.load(data / "contacts.yml", seeds)
        counties = Counties.load(data / "counties.yml", contacts, seeds)
        template = CountyTemplate.load(data, lang)
        form14 = Form14Pages.load(data, lang)
        Terms.load(data / "terms.yml")   # checked now; the Spanish pages will read it
    except (ValueError, OSError) as error:
        raise PluginError(str(error)) from error
    feedback = (config.extra or {}).get("feedback_url") or ""
    if feedback and not feedback.startswith(("https://", "http://")):
        raise PluginError(f"extra.feedback_url (FEEDBACK_URL) is {feedback!r}: give a full "
                          f"http(s) address, or leave it empty")
    _build = _Build(root, seeds, contacts, counties, template, form14, dt.date.today(), lang)
    if lang == languages.SPANISH:  # the English pages a Spanish page may link to meanwhile
        english_docs = root / "docs"
        _build.english_pages = {path.relative_to(english_docs).as_posix()
                                for path in english_docs.rglob("*.md")
                                if not path.relative_to(english_docs).as_posix().startswith(
                                    f"{languages.FOLDER}/")}
        _build.english_pages |= {county.src_uri for county in counties.counties}
        if form14 is not None:
            _build.english_pages |= set(form14_page_sources(_build.today))
    return config


def on_files(files: Any, config: Any) -> Any:
    build = _current()
    for county in build.counties.counties:
        if files.get_file_from_path(county.src_uri) is not None:
            raise PluginError(
                f"docs/{county.src_uri} exists, but county pages are made by the build from "
                f"{build.template.shown_as} and data/counties.yml. Delete docs/{county.src_uri} and "
                f"put what it says about {county.name} in data/counties.yml (facts:, with sources).")
        try:
            content = build.template.render(county, build.contacts)
        except ValueError as error:
            raise PluginError(str(error)) from error
        # Reached from the county index, not the nav: kept out of the nav and its report.
        files.append(File.generated(config, county.src_uri, content=content,
                                    inclusion=InclusionLevel.NOT_IN_NAV))
        build.generated[county.src_uri] = (
            f"{county.src_uri} (made from {build.template.shown_as} and the entry for {county.name} "
            f"in data/counties.yml)")
    # The pages for working Form 14 by hand stand under the calculator's page, and only with it.
    hand_pages = []
    try:
        if build.form14 and files.get_file_from_path(FORM14_CALCULATOR) is not None:
            hand_pages = build.form14.pages(build.today)
    except ValueError as error:
        raise PluginError(str(error)) from error
    for hand in hand_pages:
        if files.get_file_from_path(hand.src_uri) is not None:
            raise PluginError(f"docs/{hand.src_uri} exists, but that page is made by the build "
                              f"({hand.shown}): delete docs/{hand.src_uri}")
        # Reached from the Form 14 calculator's page, not the nav.
        files.append(File.generated(config, hand.src_uri, content=hand.content,
                                    inclusion=InclusionLevel.NOT_IN_NAV))
        build.generated[hand.src_uri] = hand.shown
    if build.lang == languages.SPANISH:
        build.twins = {file.src_uri for file in files.documentation_pages()}
    else:
        build.twins = languages.spanish_sources(build.root)
        if languages.spanish_makes(build.root, "county"):
            build.twins |= {county.src_uri for county in build.counties.counties}
        if languages.spanish_makes(build.root, "form14"):
            build.twins |= {hand.src_uri for hand in hand_pages}
    return files


def _shown(build: _Build, file: Any) -> str:
    """How messages name a page: its file under docs/, or what a generated page is made from."""
    folder = f"docs/{languages.FOLDER}" if build.lang == languages.SPANISH else "docs"
    return build.generated.get(file.src_uri) or f"{folder}/{file.src_uri}"


def _spanish_meta(build: _Build, page: Any, shown: str) -> None:
    """A Spanish page's own front matter checked, and its twin's sources, review date and
    quick exit put in (build_tools/data/translated_pages.py)."""
    english = f"docs/{page.file.src_uri}"
    twin = translated_pages.twin_meta(build.root / english)
    problems = translated_pages.problems_of(page.meta, twin, shown, english)
    if problems:
        raise PluginError(translated_pages.format_problems(shown, problems))
    assert twin is not None
    page.meta = translated_pages.with_twin(page.meta, twin)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    build = _current()
    shown = _shown(build, page.file)
    if build.lang == languages.SPANISH and page.file.src_uri not in build.generated:
        _spanish_meta(build, page, shown)
    elif build.lang == languages.SPANISH:  # a generated page: its template's date is its own
        page.meta = {key: value for key, value in page.meta.items()
                     if key != "translates_review"}
    problems = check_page(page.meta, build.seeds, build.today)
    if problems:
        raise PluginError(format_problems(shown, problems))
    source = page.file.content_string
    typed = find_phone_numbers(source)
    if typed:
        raise PluginError(typed_numbers_message(shown, typed, build.contacts))
    # Lines in messages count from the top of the file, front matter included.
    body = get_data(source)[0]
    offset = source[:len(source) - len(body)].count("\n")
    foot = FootList.of_page(page.meta["sources"], build.seeds, build.lang)
    # The calculator pages' build is made by build_tools/hooks/calculator_runtime.py, which
    # leaves it in the configuration; the calculator shortcodes read it from their context.
    context = shortcodes.Context(page.file.src_uri, config, line_offset=offset, data={
        "contacts": build.contacts.in_language(build.lang), "seeds": build.seeds,
        "counties": build.counties,
        "sources": foot, CALCULATOR_PAGES: config.get(CALCULATOR_PAGES)}, lang=build.lang)
    try:
        markdown = shortcodes.expand(markdown, context)
    except shortcodes.ShortcodeErrors as errors:
        raise PluginError(errors.describe(shown)) from errors
    if build.lang == languages.SPANISH:
        translated = {file.src_uri for file in files.documentation_pages()}
        markdown = languages.english_fallback_links(markdown, page.file.src_uri, translated,
                                                    build.english_pages)
    build.feet[page.file.src_uri] = foot
    build.scripts[page.file.src_uri] = context.scripts
    build.modules[page.file.src_uri] = context.modules
    # A Spanish page's review date is its twin's, which the English build reports.
    if is_stale(page.meta, build.today) and build.lang == languages.ENGLISH:
        log.info("%s was last reviewed on %s, more than a year ago: check it against its "
                 "sources, then update last_reviewed (make check-content lists every page).",
                 shown, page.meta["last_reviewed"])
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if _current().lang != languages.SPANISH:
        return html
    return languages.resolve_fallbacks(html, page.url)


def _at_top(path: str, config: Any) -> str:
    """A script of docs/assets/ as the page's build names it (the Spanish build's are the
    English build's files, one folder up); one already named so is left as it is."""
    return path if path.startswith("../") else languages.site_prefix(config) + path


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    build = _current()
    reviewed = reviewed_date(page.meta["last_reviewed"])
    assert reviewed is not None, "on_page_markdown has checked the front matter"
    foot = build.feet.get(page.file.src_uri)
    context["site_sources"] = foot.entries if foot is not None else []
    context["site_reviewed"] = {"iso": reviewed.isoformat(),
                                "text": i18n.long_date(reviewed, build.lang)}
    scripts = list(build.scripts.get(page.file.src_uri, []))
    context["site_quick_exit"] = None
    if page.meta.get("quick_exit"):
        context["site_quick_exit"] = (config.extra or {}).get("quick_exit_url")
        scripts.append(QUICK_EXIT_SCRIPT)
    context["site_scripts"] = [_at_top(path, config) for path in scripts]
    context["site_modules"] = [_at_top(path, config)
                               for path in build.modules.get(page.file.src_uri, [])]
    context["site_switch"] = languages.switch(page.url, build.lang,
                                              page.file.src_uri in build.twins,
                                              str(config.site_url or ""))
    return context


def on_env(env: Any, config: Any, files: Any) -> Any:
    build = _current()
    build.page_urls = [file.url for file in files.documentation_pages()]
    languages.SHARED.page_urls[build.lang] = build.page_urls

    def site_phone(contact_id: str) -> Markup:
        """A contact's phone as a link, for templates (the 404 page)."""
        contact = build.contacts.by_id[contact_id]
        if contact.phone is None:
            raise PluginError(f"site_phone({contact_id!r}): that contact has no phone in "
                              "data/contacts.yml")
        return Markup(phone_link(contact.phone))

    env.globals["site_phone"] = site_phone
    i18n.install(env, build.lang)
    return env
