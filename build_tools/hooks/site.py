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
  (``theme.language``: build_tools/i18n/), and ``site_phone``.

Everything the build writes into a page is in the build's language (:func:`i18n.language_of`),
which every renderer is given.
- on_post_build: every URL in data/published_urls.txt is built or redirected, and every page is
  listed there (build_tools/commands/url_manifest.py).

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
from build_tools.commands import url_manifest
from build_tools.data import shortcodes
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
from build_tools.pages.calculator_pages import BUILD as CALCULATOR_PAGES
from build_tools.pages.county_pages import CountyTemplate
from build_tools.pages.form14_pages import CALCULATOR as FORM14_CALCULATOR
from build_tools.pages.form14_pages import Form14Pages
from build_tools.pages.site_pages import redirected_urls

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
    return files


def _shown(build: _Build, file: Any) -> str:
    """How messages name a page: its file under docs/, or what a generated page is made from."""
    return build.generated.get(file.src_uri) or f"docs/{file.src_uri}"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    build = _current()
    shown = _shown(build, page.file)
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
    build.feet[page.file.src_uri] = foot
    build.scripts[page.file.src_uri] = context.scripts
    build.modules[page.file.src_uri] = context.modules
    if is_stale(page.meta, build.today):
        log.info("%s was last reviewed on %s, more than a year ago: check it against its "
                 "sources, then update last_reviewed (make check-content lists every page).",
                 shown, page.meta["last_reviewed"])
    return markdown


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
    context["site_scripts"] = scripts
    context["site_modules"] = list(build.modules.get(page.file.src_uri, []))
    return context


def on_env(env: Any, config: Any, files: Any) -> Any:
    build = _current()
    build.page_urls = [file.url for file in files.documentation_pages()]

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


def on_post_build(config: Any) -> None:
    build = _current()
    manifest = build.root / "data" / "published_urls.txt"
    result = url_manifest.check(url_manifest.read(manifest), build.page_urls,
                                redirected_urls(config))
    if not result.ok:
        raise PluginError(url_manifest.message(result))
