"""The calculator pages' HTML, made at build time from the calculators' own declarations.

The markup is in autoescaped Jinja templates, build_tools/pages/templates/calculator/:

- ``calculator.html``: the whole calculator: the form, the error summary, the result region,
  and the ``<template>`` elements the page's script clones and fills with text (the result
  view, a step, an error note, a summary entry, a message, the failure notice, the contact
  cards, rendered once by the site's contact renderer).
- ``fields.html``: one macro per kind of declared field (money, text, date, boolean, choice,
  group, list and its items), read from ``calculators.api.declaration(NAME)``: labels, help
  text, input types and limits come from there and nowhere else.
- ``view.html``: a result (calculators/views/): the answer, facts and a
  worksheet table, the same markup for the worked examples and, as
  ``<template id="calculator-view">``, for the live result.
- ``examples.html`` and ``rules.html``: the worked examples and the rules a calculator applies.

Four shortcodes (build_tools/data/shortcodes.py), registered when this module is imported:

- ``[[calculator:NAME]]`` (a block, on the calculator's own page): calculator.html, and the
  page's settings for its script, docs/assets/calculators/main.js (ES modules).
- ``[[worked-examples:NAME]]`` (a block): the scenarios marked ``example: true`` for that
  calculator, run through ``calculators.api.run`` now, each with what was entered, the result, the
  steps, and a link that opens it in the calculator.
- ``[[calculator-rules:NAME]]`` (a block): the rules the calculator applies, with citation,
  link and the date each took effect (from its declaration's ``rules``).
- ``[[calculator-example:ID]]`` (inline, on any page): a link to the calculator with the worked
  example ``ID`` filled in (``#input=<percent-encoded JSON>``, the contract of the pages).

The calculators and their pages come from calculators/registry.py (``PAGES`` here is read
from it): a new calculator's page needs its line there (with its declaration, fields of the
kinds above, groups such as ``paying_parent.gross_income`` included, and its view) and a page in
docs/ with the shortcodes (calculators/CONTRACT.md, "Adding a calculator"); a new kind of field
is one macro in fields.html.

What the renderers need from the build that runs them (the runtime's URLs, the worked examples,
the build's date, the bundled script) is a :class:`PageBuild`, which the build hook
(build_tools/hooks/calculator_runtime.py) makes and the site hook hands each page's shortcodes
in their context's ``data`` (``data[BUILD]``); the template tests make their own.

The page's script holds no rule, limit, message or markup of its own: every word it shows is
written here (or by the calculators), and field errors come from the Python validation.
build_tools/hooks/calculator_runtime.py connects this module to MkDocs and tells it the
runtime's URLs.
"""

from __future__ import annotations

import datetime
import functools
import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from build_tools.data import shortcodes
from build_tools.data.contacts import Contacts, render_block
from build_tools.data.scenarios import Scenario
from build_tools.i18n import DEFAULT as ENGLISH
from build_tools.i18n import N_, gettext_for, install, long_date
from build_tools.pages.page_urls import page_url as page_url  # re-exported with PAGES
from calculators import api, date_input, money
from calculators import rules as rulebook
from calculators.i18n import speaking
from calculators.registry import REGISTERED
from calculators.views.common import input_fragment as input_fragment  # re-exported
from calculators.views.respond import view

# The contract's URLs: one page per calculator, as the registry names them.
PAGES = {name: entry.page for name, entry in REGISTERED.items()}
# The page's script: ES modules (docs/assets/calculators/), main.js imports the others; and its
# stylesheet. The build publishes them bundled (build_tools/runtime/page_bundle.py, PageBuild.assets).
SCRIPTS = ["assets/calculators/main.js"]
STYLESHEET = "assets/calculators/calculator.css"
# Sections of each calculator page that the failure message links to (Markdown headings).
EXAMPLES_ANCHOR = "worked-examples"
CONTACTS_ANCHOR = "who-to-call"
# A list starts with one item, or its minimum: the allocation's orders are added with "Add
# another order" right under the first, which keeps Calculate within reach on a phone.
FIRST_ITEMS = 1
# A choice of more options than this is a drop-down list rather than radio buttons.
MANY_CHOICES = 4
# Placeholders in a list item's <template>, replaced by the script for each item it adds.
INDEX, NUMBER = "__INDEX__", "__NUMBER__"
# The forms, results and examples: autoescaped Jinja templates.
TEMPLATES = Path(__file__).resolve().parent / "templates" / "calculator"

# What the page's script says, in English: :func:`messages` gives them in the page's language
# (build_tools/i18n/).
MESSAGES = {
    "idle": N_("Your result will appear here when you press Calculate."),
    "waiting": N_("The calculator is still loading. Your result will appear here as soon as it "
                  "is ready."),
    "loading": N_("Loading the calculator"),
    "errors": N_("No result yet: correct the problems listed above the form, then press "
                 "Calculate."),
    "badLink": N_("The input in this page's address could not be read: the link may have been "
                  "cut short or changed. Fill in the form instead, or ask for the link again."),
    "copied": N_("Link copied. It opens this calculator with the same answers filled in."),
    "copyFallback": N_("Copy this link:"),
    # How many entries a closed section of the form holds, in its summary line.
    "entry": N_("1 entry"),
    "entries": N_("__COUNT__ entries"),
    # __SIZE__ is the runtime's largest first download, whatever the host ("5.1 MB").
    "saveData": N_("Your browser is set to save data, so the calculator is not downloaded until "
                   "you ask for a result. Press Calculate to download it (about __SIZE__, once) "
                   "and see your answer. The worked examples below need no download."),
}


def messages(lang: str = ENGLISH, english: dict[str, str] = MESSAGES) -> dict[str, str]:
    """The page script's messages (``english``: MESSAGES or BUILD_MESSAGES) in ``lang``."""
    _ = gettext_for(lang)
    return {key: _(text) for key, text in english.items()}


# Where a page's shortcode context carries the PageBuild (``context.data[BUILD]``).
BUILD = "calculator_pages"


@dataclass(frozen=True)
class PageBuild:
    """What one build tells the calculator pages: the runtime's files, the worked examples, the
    build's date and what the pages load. Made by the build hook before any page is rendered;
    the template tests make their own, without a runtime or a bundle."""

    worker: str          # site-relative URL of the worker script
    service_worker: str  # site-relative URL of the service worker
    examples: dict[str, Scenario]  # worked examples by id, in corpus order
    today: datetime.date
    download_bytes: int = 0  # the runtime's largest first download (bundle.download_bytes)
    # The bundled script and stylesheet the pages load (site-relative); None without a bundle:
    # the pages then load the modules and stylesheet of docs/assets/calculators/.
    assets: tuple[str, str] | None = None
    # What calculators/build.json says about this build, with that file's URL under "url"
    # (build_tools.runtime.bundle.build_info); None without a runtime.
    deployed: dict[str, str] | None = None

    @classmethod
    def of(cls, worker: str, service_worker: str, scenarios: list[Scenario],
           today: datetime.date, download_bytes: int = 0,
           assets: tuple[str, str] | None = None, build_info: dict[str, str] | None = None,
           build_json: str | None = None) -> PageBuild:
        """The build's settings, with the worked examples picked out of the scenario corpus and
        ``build_info`` (when given) published at ``build_json``."""
        examples = {case.id: case for case in scenarios if case.example and case.id}
        deployed = None if build_info is None else {**build_info, "url": build_json or ""}
        return cls(worker, service_worker, examples, today, download_bytes, assets, deployed)


def megabytes(size: int) -> str:
    """"5.2 MB" (decimal megabytes, as browsers and phone plans count them)."""
    return f"{size / 1_000_000:.1f} MB"


# --- Which build answers -------------------------------------------------------------------------
# Next to each result the page says which build of the site answered, and whether it is the one
# deployed: on each visit (and again after RECHECK_SECONDS, or when the browser comes back online)
# the page's script fetches calculators/build.json from the network. __DATE__ is this page's
# build date in words, __NEWER__ the deployed build's.

BUILD_MESSAGES = {
    "current": N_("This answer uses the version of this site built on __DATE__."),
    "offline": N_("You are offline. This answer uses the copy of this site saved on your "
                  "device, built on __DATE__. The rules may have changed since then: check "
                  "again when you are back online."),
    "unchecked": N_("This answer uses the version of this site built on __DATE__. It could not "
                    "be checked against the newest version, whose rules may differ."),
    "updating": N_("A newer version of this site, built on __NEWER__, has been published. "
                   "Loading it now."),
    "outdated": N_("This page is out of date: a newer version of this site, built on "
                   "__NEWER__, has been published, and its rules may differ. Reload the page "
                   "to use it. (What you typed will need to be entered again.)"),
}
# How long the page trusts its last look at build.json before a calculation looks again.
RECHECK_SECONDS = 60
# How long the page waits for build.json before it answers and says it could not check.
CHECK_TIMEOUT_SECONDS = 4


def _build_settings(src_uri: str, setup: PageBuild, lang: str = ENGLISH) -> dict[str, Any]:
    """The page's settings about its build, for the script (``config.build``), its date in
    words in the page's language. Rendered without a runtime (the template tests), the page
    knows only its date and never takes a deployed runtime for a newer one."""
    build: dict[str, Any] = setup.deployed or {
        "runtime": None, "built": setup.today.isoformat(), "shown": "",
        "url": "calculators/build.json"}
    shown = long_date(datetime.date.fromisoformat(build["built"]), lang)
    return {**build, "shown": shown, "url": relative_url(src_uri, build["url"]),
            "messages": messages(lang, BUILD_MESSAGES),
            "recheckSeconds": RECHECK_SECONDS, "timeoutSeconds": CHECK_TIMEOUT_SECONDS}


def page_build(context: shortcodes.Context) -> PageBuild:
    """The build a page's calculator shortcodes are rendered for, from their context."""
    setup = context.data.get(BUILD)
    if not isinstance(setup, PageBuild):
        raise shortcodes.ShortcodeError(
            "the calculator shortcodes need the build hook "
            "build_tools/hooks/calculator_runtime.py: list it under hooks: in mkdocs.yml")
    return setup


# --- URLs -----------------------------------------------------------------------------------------

def relative_url(from_src: str, site_path: str) -> str:
    """A URL for ``site_path`` (site-relative) that works from the page ``from_src``, under any
    subpath the site is published at."""
    base = page_url(from_src) or "."
    relative = posixpath.relpath(site_path or ".", base)
    if site_path.endswith("/") or site_path == "":
        relative = relative.rstrip("/") + "/"
    return relative.removeprefix("./") if relative != "./" else "./"


def follow_url(name: str, href: str, from_src: str) -> str:
    """A result's follow-up link (calculators/views/: relative to calculator ``name``'s page), as
    a URL that works from the page ``from_src``; it must lead to a calculator page."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_url(PAGES[name]), path)) + "/"
    pages = {page_url(source) for source in PAGES.values()}
    if target not in pages:
        raise shortcodes.ShortcodeError(
            f"the {name} calculator's result links to {href!r}, which is no calculator page "
            f"(calculators.registry.page_link makes them; the pages are "
            f"{', '.join(sorted(pages))})")
    return relative_url(from_src, target) + ("#" + fragment if fragment else "")


# --- The templates (build_tools/pages/templates/calculator/) ---------------------------------------

def field_id(path: str) -> str:
    """The HTML id of a field's control: ``orders[1].current_due`` ->
    ``calc-orders-1-current_due``."""
    return "calc-" + re.sub(r"[^A-Za-z0-9_]+", "-", path).strip("-")


def asked(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fields the form asks for: a declaration may list a field the input accepts but the
    page does not ask (``"asked": false``), which then keeps its default."""
    return [field for field in fields if field.get("asked", True)]


def _shown_fields(fields: list[dict[str, Any]], prefix: str = "",
                  group: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every field the form shows, in declaration order: ``{"path", "field", "group",
    "group_path"}``, a group's members one by one (``group`` is the group they belong to)."""
    shown = []
    for field in asked(fields):
        path = prefix + field["name"]
        if field["kind"] == "group":
            shown += _shown_fields(field["fields"], path + ".", field)
        else:
            shown.append({"path": path, "field": field, "group": group,
                          "group_path": prefix[:-1] if group else None})
    return shown


def form_sections(declaration: dict[str, Any]) -> list[dict[str, Any]]:
    """The form's sections, from the declaration's ``layout`` (calculators/layout.py): each
    ``{"title", "intro", "open", "items"}``, an item either one field (``{"field", "path"}``) or
    a run of one group's members (``{"group", "path", "members": [{"field", "path"}],
    "first"}``, ``first`` for the group's first run on the form, which carries its help).

    A field the layout does not list is shown right after the field declared before it (a
    parent's new companion of ``gross_income`` stands with the income), or first; a declaration
    without a layout is one untitled section of every field."""
    fields = _shown_fields(declaration["fields"])
    by_path = {entry["path"]: entry for entry in fields}
    layout = declaration.get("layout") or [{"title": None, "intro": None, "open": True,
                                            "fields": []}]
    placed: list[list[str]] = []
    where: dict[str, tuple[int, int]] = {}
    for number, section in enumerate(layout):
        paths = [path for listed in section["fields"] for path in by_path
                 if path == listed or path.startswith(listed + ".")]
        placed.append(paths)
        for position, path in enumerate(paths):
            where[path] = (number, position)
    previous: str | None = None
    for entry in fields:
        path = entry["path"]
        if path not in where:
            number, position = where[previous] if previous else (0, -1)
            placed[number].insert(position + 1, path)
            where.update({moved: (number, index) for index, moved in enumerate(placed[number])})
        previous = path
    groups_seen: set[str] = set()
    sections = []
    for section, paths in zip(layout, placed):
        # A field shown only while a choice has a given value carries it as "shown_when"
        # (fields.html writes it on the field; sections.js shows and hides it).
        conditions = {rule["field"]: rule for rule in section.get("shown_when", [])}
        items: list[dict[str, Any]] = []
        for path in paths:
            entry = by_path[path]
            field = entry["field"]
            if path in conditions:
                field = {**field, "shown_when": conditions[path]}
            member = {"field": field, "path": path}
            group_path = entry["group_path"]
            if group_path is None:
                items.append(member)
            elif items and items[-1].get("path") == group_path and "members" in items[-1]:
                items[-1]["members"].append(member)
            else:
                items.append({"group": entry["group"], "path": group_path, "members": [member],
                              "first": group_path not in groups_seen})
                groups_seen.add(group_path)
        sections.append({"title": section["title"], "intro": section.get("intro"),
                         "open": section["open"] or section["title"] is None, "items": items})
    return sections


def members_of(group: dict[str, Any], path: str) -> list[dict[str, Any]]:
    """A group's asked members with their paths, as a run of form_sections lists them."""
    return [{"field": member, "path": f"{path}.{member['name']}"}
            for member in asked(group["fields"])]


def money_format_hint(field: dict[str, Any]) -> bool:
    """Money is typed as text: say how, unless the help text already shows an amount."""
    return field["kind"] == "money" and not re.search(r"\d\.\d\d", field.get("help") or "")


def hint_ids(field: dict[str, Any], fid: str) -> list[str]:
    """The ids of the help texts that describe a field's control (fields.html writes them)."""
    ids = [f"{fid}-hint"] if field.get("help") else []
    return ids + ([f"{fid}-format"] if money_format_hint(field) else [])


def first_items(field: dict[str, Any]) -> int:
    """How many items a list shows at first."""
    return int(min(max(field["min_items"], FIRST_ITEMS), field["max_items"]))


def _unknown_kind(field: dict[str, Any], path: str) -> str:
    raise ValueError(f"field {path}: unknown kind {field['kind']!r} in the calculator's "
                     "declaration: add a macro for it to build_tools/pages/templates/calculator/"
                     "fields.html")


# The view rendered into <template id="calculator-view">: one of each repeated part (a fact, a
# table row with its header cell and a data cell), which the page's script clones.
EMPTY_VIEW = {"answer": "", "summary": [""], "facts": [["", ""]],
              "table": {"caption": "", "head": ["", ""], "rows": [["", ""]], "foot": ["", ""],
                        "closed": ""},
              "follow": {"text": "", "href": ""}}


@functools.cache
def environment(lang: str = ENGLISH) -> jinja2.Environment:
    """The calculator templates in ``lang``, autoescaped: every value from a declaration, a
    scenario or a response is text, and only what the build itself marks as markup (the contact
    cards, the page's settings as JSON) is inserted as HTML. Their words are the build's
    messages (``{% trans %}``, ``_()``: build_tools/i18n/)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=False)
    env.globals.update(field_id=field_id, asked=asked, form_sections=form_sections,
                       members_of=members_of,
                       money_format_hint=money_format_hint,
                       hint_ids=hint_ids, first_items=first_items, unknown_kind=_unknown_kind,
                       entered_rows=entered_rows, INDEX=INDEX, NUMBER=NUMBER,
                       MANY_CHOICES=MANY_CHOICES)
    return install(env, lang)


def render(template: str, lang: str = ENGLISH, **values: Any) -> str:
    """Render one of the calculator templates (a file name under TEMPLATES) in ``lang``,
    without blank lines: the HTML goes into Markdown, where a blank line would end the raw HTML
    block."""
    text = environment(lang).get_template(template).render(**values)
    return re.sub(r"\n\s*\n", "\n", text).strip()


def _macro(template: str, name: str, lang: str = ENGLISH) -> Callable[..., Any]:
    """A macro of one of the calculator templates, to call from Python."""
    return getattr(environment(lang).get_template(template).make_module(), name)  # type: ignore[no-any-return]


def render_form(declaration: dict[str, Any], lang: str = ENGLISH) -> str:
    """The form's fields alone, in their sections, for a declaration (the tests render it for
    each calculator)."""
    return str(_macro("fields.html", "sections", lang)(declaration)).strip()


def render_view(shown: dict[str, Any], lang: str = ENGLISH) -> str:
    """A result's view (calculators.views.respond.view), as the worked examples and the page
    show it."""
    macro = _macro("view.html", "result_view", lang)
    return str(macro(shown)).strip()


def _config(name: str, context: shortcodes.Context, setup: PageBuild) -> Markup:
    settings = {
        "calculator": name,
        "worker": relative_url(context.src_uri, setup.worker),
        "serviceWorker": relative_url(context.src_uri, setup.service_worker),
        "messages": messages(context.lang),
        "build": _build_settings(context.src_uri, setup, context.lang),
        "download": megabytes(setup.download_bytes),
    }
    # JSON inside <script>: no "<" can close the element or open a comment.
    return Markup(json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c"))


def render_calculator(args: str, context: shortcodes.Context) -> str:
    """``[[calculator:NAME]]``: the whole working calculator (calculator.html)."""
    name = _calculator_name(args, "calculator")
    if PAGES[name] != context.src_uri:
        raise shortcodes.ShortcodeError(
            f"the {name} calculator belongs on docs/{PAGES[name]} (its URL is fixed), not here; "
            f"link to it with [[calculator-example:ID]] or a Markdown link")
    setup = page_build(context)
    scripts, stylesheet = ([setup.assets[0]], setup.assets[1]) if setup.assets \
        else (SCRIPTS, STYLESHEET)
    for script in scripts:
        context.require_script(script, module=True)
    contacts: Contacts = context.data["contacts"]
    cards = [(contact_id, Markup(render_block(contact, contacts, context.lang)))
             for contact_id, contact in contacts.by_id.items() if not contact.dated]
    return render("calculator.html", context.lang, name=name,
                  declaration=api.declaration(name, context.lang),
                  stylesheet=relative_url(context.src_uri, stylesheet),
                  config=_config(name, context, setup), messages=messages(context.lang),
                  empty_view=EMPTY_VIEW,
                  contact_cards=cards, examples_anchor=EXAMPLES_ANCHOR,
                  contacts_anchor=CONTACTS_ANCHOR)


# --- Worked examples ------------------------------------------------------------------------------

def _shown_value(field: dict[str, Any], value: Any, lang: str = ENGLISH) -> str:
    """A value of the input as a person reads it: "$700", "May 1, 2010", a choice's label."""
    kind = field["kind"]
    if kind == "money":
        return money.shown(money.parse_cents(value))
    if kind == "date":
        return long_date(date_input.parse_date(value), lang)
    if kind == "choice":
        return str(next(c["label"] for c in field["choices"] if c["value"] == value))
    if kind == "boolean":
        _ = gettext_for(lang)
        return str(_("Yes") if value else _("No"))
    return str(value)


def entered_rows(fields: list[dict[str, Any]], values: dict[str, Any],
                 lang: str = ENGLISH) -> list[dict[str, Any]]:
    """What was entered in a worked example, one row per field given: ``{"label", "kind",
    "value"}``; a group's row keeps its ``field`` (examples.html nests it), a list's row has its
    ``members`` and ``cells`` (one row of text per item, "Not given" where a value is not)."""
    rows: list[dict[str, Any]] = []
    for field in asked(fields):
        value = values.get(field["name"])
        if value is None:
            continue
        kind = field["kind"]
        if kind == "group":
            if entered_rows(field["fields"], value, lang):
                rows.append({"label": field["label"], "kind": kind, "field": field,
                             "value": value})
        elif kind == "list":
            members = asked(field["fields"])
            _ = gettext_for(lang)
            not_given = _("Not given")
            cells = [[_shown_value(member, item[member["name"]], lang)
                      if item.get(member["name"]) is not None else not_given
                      for member in members] for item in value]
            rows.append({"label": field["label"], "kind": kind, "members": members,
                         "cells": cells})
        else:
            rows.append({"label": field["label"], "kind": kind,
                         "value": _shown_value(field, value, lang)})
    return rows


def render_examples(args: str, context: shortcodes.Context) -> str:
    """``[[worked-examples:NAME]]``: every worked example of the calculator, computed now."""
    name = _calculator_name(args, "worked-examples")
    setup = page_build(context)
    cases = [case for case in setup.examples.values() if case.calculator == name]
    if not cases:
        raise shortcodes.ShortcodeError(
            f"the scenario corpus has no worked example for {name}: mark one or more cases in "
            f"tests/scenarios/ with example: true and an id")
    link = relative_url(context.src_uri, page_url(PAGES[name])) \
        if PAGES[name] != context.src_uri else ""
    examples = []
    for case in cases:
        response = api.run(name, api.loads(case.json_text()), today=setup.today,
                           lang=context.lang)
        if not response["ok"]:
            raise shortcodes.ShortcodeError(
                f"the worked example {case.id!r} ({case.file.name}:{case.line}) gives errors: "
                f"{response['errors']}")
        shown = view(response, lang=context.lang)
        if shown and shown["follow"]:
            shown["follow"] = {**shown["follow"], "href": follow_url(
                name, shown["follow"]["href"], context.src_uri)}
        examples.append({"anchor": f"example-{case.id}", "title": case.title(context.lang),
                         "input": case.input, "view": shown,
                         "steps": response["steps"],
                         "href": link + input_fragment(case.input)})
    # What was entered is written in the page's language too (dates: "1 de mayo de 2010").
    with speaking(context.lang):
        return render("examples.html", context.lang,
                      declaration=api.declaration(name, context.lang), examples=examples)


# --- The rules a calculator applies ---------------------------------------------------------------

def calculator_rules(name: str, lang: str = ENGLISH) -> list[dict[str, Any]]:
    """The rules the calculator ``name`` applies or shows, from its declaration
    (``calculators.api.declaration(name, lang)["rules"]``: ``key``, ``summary``, ``citation``,
    ``url``, ``effective`` as an ISO date, ``documents``), with the date written out in
    ``lang``, and ``cites_source``: false for the site's own convention, whose words are
    translated, true for a source's title, which stays in English."""
    return [{**rule, "effective": long_date(datetime.date.fromisoformat(rule["effective"]), lang),
             "cites_source": not rulebook.latest(rule["key"]).rule.is_site_convention}
            for rule in api.declaration(name, lang)["rules"]]


def render_rules(args: str, context: shortcodes.Context) -> str:
    """``[[calculator-rules:NAME]]``: the table of the rules the calculator applies."""
    name = _calculator_name(args, "calculator-rules")
    listed = calculator_rules(name, context.lang)
    if not listed:
        raise shortcodes.ShortcodeError(f"the {name} calculator declares no rules: nothing to "
                                        "list (see calculators/rules.toml)")
    return render("rules.html", context.lang, rules=listed)


def render_example_link(args: str, context: shortcodes.Context) -> str:
    """``[[calculator-example:ID]]``: a link opening the calculator with the example filled in."""
    setup = page_build(context)
    case = setup.examples.get(args)
    if case is None:
        known = list(setup.examples)
        raise shortcodes.ShortcodeError(
            f"there is no worked example with id {args!r}.{shortcodes.suggest(args, known)} "
            f"Worked examples are the cases marked example: true in tests/scenarios/; their ids "
            f"are {', '.join(known)}")
    target = relative_url(context.src_uri, page_url(PAGES[case.calculator]))
    _ = gettext_for(context.lang)
    text = _("open this example in the calculator")
    return str(Markup('<a class="calculator-example-link" href="{}">{}</a>').format(
        target + input_fragment(case.input), text))


def _calculator_name(args: str, kind: str) -> str:
    if args not in PAGES:
        raise shortcodes.ShortcodeError(
            f"name a calculator: [[{kind}:NAME]] with NAME one of {', '.join(PAGES)}"
            f"{shortcodes.suggest(args, list(PAGES))}")
    return args


shortcodes.register("calculator", render_calculator, block=True, usage="[[calculator:NAME]]",
                    summary="a calculator's form and result (on the calculator's own page)")
shortcodes.register("worked-examples", render_examples, block=True,
                    usage="[[worked-examples:NAME]]",
                    summary="a calculator's worked examples, computed at build time")
shortcodes.register("calculator-rules", render_rules, block=True,
                    usage="[[calculator-rules:NAME]]",
                    summary="the rules a calculator applies: citation, summary, date in force")
shortcodes.register("calculator-example", render_example_link, usage="[[calculator-example:ID]]",
                    summary="a link opening a calculator with a worked example filled in")
