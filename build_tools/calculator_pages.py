"""The calculator pages' HTML, made at build time from the calculators' own declarations.

Three shortcodes (build_tools/shortcodes.py), registered when this module is imported:

- ``[[calculator:NAME]]`` (a block, on the calculator's own page): the form, generated from
  ``calculators.api.declaration(NAME)`` (labels, help text, input types and limits come from
  there and nowhere else), the error summary, the result region ``#calculator-result``, the
  contact cards a result may name (as ``<template>`` elements, rendered once by the site's
  contact renderer), and the page's settings for docs/assets/calculators/calculator.js.
- ``[[worked-examples:NAME]]`` (a block): the scenarios marked ``example: true`` for that
  calculator, run through ``calculators.api.run`` now, each with what was entered, the result, the
  steps, and a link that opens it in the calculator.
- ``[[calculator-example:ID]]`` (inline, on any page): a link to the calculator with the worked
  example ``ID`` filled in (``#input=<percent-encoded JSON>``, the contract of the pages).

The page's script holds no rule, limit or message of its own: every word it shows is written
here (or by the calculators), and field errors come from the Python validation.
build_tools/hooks/calculator_runtime.py connects this module to MkDocs and tells it the
runtime's URLs.
"""

from __future__ import annotations

import datetime
import html
import json
import posixpath
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from build_tools import shortcodes
from build_tools.contacts import Contacts, render_block
from build_tools.runtime.calculator_view import view
from build_tools.scenarios import Scenario
from build_tools.url_manifest import src_to_url
from calculators import api, dates, money

# The contract's URLs: one page per calculator.
PAGES = {"allocation": "calculators/allocation.md", "order_end": "calculators/order-end.md",
         "review": "calculators/review.md"}
SCRIPT = "assets/calculators/calculator.js"
STYLESHEET = "assets/calculators/calculator.css"
# Sections of each calculator page that the failure message links to (Markdown headings).
EXAMPLES_ANCHOR = "worked-examples"
CONTACTS_ANCHOR = "who-to-call"
# A list starts with two items when it may have two: the allocation is for several orders.
FIRST_ITEMS = 2
# Placeholders in a list item's <template>, replaced by the script for each item it adds.
INDEX, NUMBER = "__INDEX__", "__NUMBER__"

MESSAGES = {
    "idle": "Your result will appear here when you press Calculate.",
    "waiting": "The calculator is still loading. Your result will appear here as soon as it is "
               "ready.",
    "loading": "Loading the calculator",
    "errors": "No result yet: correct the problems listed above the form, then press Calculate.",
    "badLink": "The input in this page's address could not be read: the link may have been cut "
               "short or changed. Fill in the form instead, or ask for the link again.",
    "copied": "Link copied. It opens this calculator with the same answers filled in.",
    "copyFallback": "Copy this link:",
}
FAILED = (
    '<p class="calculator__failed"><strong>The calculator could not start in this browser.'
    "</strong> This can happen when you are offline on a first visit, or when the browser "
    "blocks WebAssembly or web workers. You can still see how it works in the "
    f'<a href="#{EXAMPLES_ANCHOR}">worked examples</a> below, or ask FSD: the phone numbers '
    f'are under <a href="#{CONTACTS_ANCHOR}">Who to call</a>.</p>')


@dataclass(frozen=True)
class Setup:
    """What the build hook knows: the runtime's files and the worked examples."""

    worker: str          # site-relative URL of the worker script
    service_worker: str  # site-relative URL of the service worker
    examples: dict[str, Scenario]  # worked examples by id, in corpus order
    today: datetime.date


_setup: Setup | None = None


def configure(worker: str, service_worker: str, scenarios: list[Scenario],
              today: datetime.date) -> None:
    """Called by the build hook before any page is rendered."""
    global _setup
    examples = {case.id: case for case in scenarios if case.example and case.id}
    _setup = Setup(worker, service_worker, examples, today)


# --- Which build answers -------------------------------------------------------------------------
# Next to each result the page says which build of the site answered, and whether it is the one
# deployed: on each visit (and again after RECHECK_SECONDS, or when the browser comes back online)
# the page's script fetches calculators/build.json from the network. __DATE__ is this page's
# build date in words, __NEWER__ the deployed build's.

BUILD_MESSAGES = {
    "current": "This answer uses the version of this site built on __DATE__.",
    "offline": "You are offline. This answer uses the copy of this site saved on your device, "
               "built on __DATE__. The rules may have changed since then: check again when "
               "you are back online.",
    "unchecked": "This answer uses the version of this site built on __DATE__. It could not be "
                 "checked against the newest version, whose rules may differ.",
    "updating": "A newer version of this site, built on __NEWER__, has been published. Loading "
                "it now.",
    "outdated": "This page is out of date: a newer version of this site, built on __NEWER__, "
                "has been published, and its rules may differ. Reload the page to use it. "
                "(What you typed will need to be entered again.)",
}
# How long the page trusts its last look at build.json before a calculation looks again.
RECHECK_SECONDS = 60
# How long the page waits for build.json before it answers and says it could not check.
CHECK_TIMEOUT_SECONDS = 4

_build: dict[str, Any] | None = None


def configure_build(info: dict[str, str], build_json: str) -> None:
    """Called by the build hook: ``info`` is what ``build_json`` (site-relative) says about this
    build (build_tools.runtime.bundle.build_info)."""
    global _build
    _build = {**info, "url": build_json}


def _build_settings(src_uri: str) -> dict[str, Any]:
    """The page's settings about its build, for the script (``config.build``)."""
    if _build is None:
        raise shortcodes.ShortcodeError(
            "the calculator shortcodes need the build hook "
            "build_tools/hooks/calculator_runtime.py: list it under hooks: in mkdocs.yml")
    return {**_build, "url": relative_url(src_uri, _build["url"]), "messages": BUILD_MESSAGES,
            "recheckSeconds": RECHECK_SECONDS, "timeoutSeconds": CHECK_TIMEOUT_SECONDS}


def _current() -> Setup:
    if _setup is None:
        raise shortcodes.ShortcodeError(
            "the calculator shortcodes need the build hook "
            "build_tools/hooks/calculator_runtime.py: list it under hooks: in mkdocs.yml")
    return _setup


# --- URLs -----------------------------------------------------------------------------------------

def page_url(src_uri: str) -> str:
    """The site-relative URL of a page: ``calculators/allocation/``."""
    url = src_to_url(src_uri)
    return "" if url == "./" else url


def relative_url(from_src: str, site_path: str) -> str:
    """A URL for ``site_path`` (site-relative) that works from the page ``from_src``, under any
    subpath the site is published at."""
    base = page_url(from_src) or "."
    relative = posixpath.relpath(site_path or ".", base)
    if site_path.endswith("/") or site_path == "":
        relative = relative.rstrip("/") + "/"
    return relative.removeprefix("./") if relative != "./" else "./"


def input_fragment(payload: Any) -> str:
    """``#input=<percent-encoded JSON>``: what a calculator page reads from its address."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return "#input=" + urllib.parse.quote(text, safe="")


# --- The form -------------------------------------------------------------------------------------

def field_id(path: str) -> str:
    """The HTML id of a field's control: ``orders[1].current_due`` ->
    ``calc-orders-1-current_due``."""
    return "calc-" + re.sub(r"[^A-Za-z0-9_]+", "-", path).strip("-")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _hint(field: dict[str, Any], fid: str) -> tuple[str, list[str]]:
    """The help text under a label, and the ids that describe the control."""
    parts, ids = [], []
    if field.get("help"):
        parts.append(f'<p class="calculator__hint" id="{fid}-hint">{_e(field["help"])}</p>')
        ids.append(f"{fid}-hint")
    # Money is typed as text: say how, unless the help text already shows an amount.
    if field["kind"] == "money" and not re.search(r"\d\.\d\d", field.get("help") or ""):
        parts.append(f'<p class="calculator__hint" id="{fid}-format">In dollars and cents, like '
                     f'1250.00.</p>')
        ids.append(f"{fid}-format")
    return "\n".join(parts), ids


def _label(field: dict[str, Any]) -> str:
    optional = not field["required"] and field["kind"] in ("money", "date", "text")
    return _e(field["label"]) + (' <span class="calculator__optional">(optional)</span>'
                                 if optional else "")


def _described(ids: list[str]) -> str:
    return f' aria-describedby="{" ".join(ids)}"' if ids else ""


def asked(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fields the form asks for: a declaration may list a field the input accepts but the
    page does not ask (``"asked": false``), which then keeps its default."""
    return [field for field in fields if field.get("asked", True)]


def render_field(field: dict[str, Any], path: str) -> str:
    """One declared field, at ``path`` in the input (placeholders allowed in list items)."""
    kind = field["kind"]
    fid = field_id(path)
    hint, ids = _hint(field, fid)
    data = f'data-path="{_e(path)}" data-kind="{kind}"'
    if kind in ("money", "text", "date"):
        if kind == "date":
            control = (f'<input class="calculator__input calculator__input--date" type="date" '
                       f'id="{fid}" name="{_e(path)}" {data} autocomplete="off" '
                       f'min="{field["min"]}" max="{field["max"]}"{_described(ids)}>')
        else:
            mode = ' inputmode="decimal"' if kind == "money" else ""
            control = (f'<input class="calculator__input calculator__input--{kind}" type="text"'
                       f'{mode} id="{fid}" name="{_e(path)}" {data} autocomplete="off" '
                       f'spellcheck="false"{_described(ids)}>')
            if kind == "money":
                control = (f'<div class="calculator__money"><span class="calculator__prefix" '
                           f'aria-hidden="true">$</span>{control}</div>')
        return (f'<div class="calculator__field" data-field="{_e(path)}">\n'
                f'<label class="calculator__label" for="{fid}">{_label(field)}</label>\n'
                f'{hint}\n{control}\n</div>')
    if kind == "boolean":
        checked = " checked" if field.get("default") is True else ""
        return (f'<div class="calculator__field calculator__field--check" '
                f'data-field="{_e(path)}">\n'
                f'<input class="calculator__checkbox" type="checkbox" id="{fid}" '
                f'name="{_e(path)}" {data}{checked}{_described(ids)}>\n'
                f'<label class="calculator__label" for="{fid}">{_e(field["label"])}</label>\n'
                f'{hint}\n</div>')
    if kind == "choice":
        options = []
        for choice in field["choices"]:
            cid = f"{fid}-{field_id(choice['value']).removeprefix('calc-')}"
            checked = " checked" if choice["value"] == field.get("default") else ""
            options.append(
                f'<div class="calculator__choice"><input type="radio" id="{cid}" '
                f'name="{_e(path)}" value="{_e(choice["value"])}" {data}{checked}>'
                f'<label for="{cid}">{_e(choice["label"])}</label></div>')
        return (f'<fieldset class="calculator__field calculator__fieldset" '
                f'data-field="{_e(path)}"{_described(ids)}>\n'
                f'<legend class="calculator__legend">{_e(field["label"])}</legend>\n{hint}\n'
                f'<div class="calculator__choices">\n' + "\n".join(options) + "\n</div>\n"
                "</fieldset>")
    if kind == "group":
        members = "\n".join(render_field(member, f"{path}.{member['name']}")
                            for member in asked(field["fields"]))
        return (f'<fieldset class="calculator__group calculator__fieldset" '
                f'data-field="{_e(path)}" {data}{_described(ids)}>\n'
                f'<legend class="calculator__legend">{_e(field["label"])}</legend>\n{hint}\n'
                f'{members}\n</fieldset>')
    if kind == "list":
        return _render_list(field, path, fid, hint, ids, data)
    raise ValueError(f"field {path}: unknown kind {kind!r} in the calculator's declaration")


def _render_item(field: dict[str, Any], path: str, index: str, number: str) -> str:
    item = f"{path}[{index}]"
    label = field["item_label"]
    members = "\n".join(render_field(member, f"{item}.{member['name']}")
                        for member in asked(field["fields"]))
    return (f'<fieldset class="calculator__item calculator__fieldset" data-field="{_e(item)}" '
            f'data-path="{_e(item)}" data-kind="item">\n'
            f'<legend class="calculator__legend">{_e(label)} {number}</legend>\n{members}\n'
            f'<button type="button" class="md-button calculator__remove" data-remove>Remove '
            f'{_e(label.lower())} {number}</button>\n</fieldset>')


def _render_list(field: dict[str, Any], path: str, fid: str, hint: str, ids: list[str],
                 data: str) -> str:
    label = field["item_label"]
    first = min(max(field["min_items"], FIRST_ITEMS), field["max_items"])
    template = _render_item(field, path, INDEX, NUMBER)
    items = "\n".join(template.replace(INDEX, str(index)).replace(NUMBER, str(index + 1))
                      for index in range(first))
    return (f'<fieldset class="calculator__list calculator__fieldset" data-field="{_e(path)}" '
            f'{data} data-min-items="{field["min_items"]}" '
            f'data-max-items="{field["max_items"]}"{_described(ids)}>\n'
            f'<legend class="calculator__legend">{_e(field["label"])}</legend>\n{hint}\n'
            f'<div class="calculator__items">\n{items}\n</div>\n'
            f'<template class="calculator__item-template">{template}</template>\n'
            f'<button type="button" class="md-button calculator__add" data-add>Add another '
            f'{_e(label.lower())}</button>\n'
            f'<p class="calculator__announce" role="status" data-announce '
            f'data-added="{_e(label)} {NUMBER} added." '
            f'data-removed="{_e(label)} {NUMBER} removed."></p>\n'
            f'<p class="calculator__limit" data-limit hidden>You can enter up to '
            f'{field["max_items"]} {_e(label.lower())}s.</p>\n</fieldset>')


def render_form(declaration: dict[str, Any]) -> str:
    fields = "\n".join(render_field(field, field["name"])
                       for field in asked(declaration["fields"]))
    # autocomplete="off": nothing typed is kept in the browser's form history. HTML allows the
    # attribute on text-like inputs (each has it) and on the form, whose setting its checkboxes
    # and radio buttons follow (Firefox would otherwise restore their state).
    return (
        '<form class="calculator__form" id="calculator-form" novalidate autocomplete="off">\n'
        f"{fields}\n"
        '<div class="calculator__actions">\n'
        # Enabled by the script: without it, the form cannot be sent anywhere by mistake.
        '<button type="submit" class="md-button md-button--primary calculator__submit" '
        'disabled>Calculate</button>\n'
        '<p class="calculator__loading" id="calculator-loading" hidden>'
        f'<label for="calculator-progress">{MESSAGES["loading"]}</label> '
        '<progress id="calculator-progress" max="100"></progress></p>\n'
        "</div>\n</form>")


def _contact_templates(contacts: Contacts, seeds: Any) -> str:
    return "\n".join(
        f'<template id="calculator-contact-{_e(contact_id)}">'
        f"{render_block(contact, contacts, seeds)}</template>"
        for contact_id, contact in contacts.by_id.items() if not contact.dated)


def _config(name: str, context: shortcodes.Context) -> str:
    setup = _current()
    settings = {
        "calculator": name,
        "worker": relative_url(context.src_uri, setup.worker),
        "serviceWorker": relative_url(context.src_uri, setup.service_worker),
        "messages": MESSAGES,
        "build": _build_settings(context.src_uri),
    }
    text = json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="calculator-config">{text}</script>'


def render_calculator(args: str, context: shortcodes.Context) -> str:
    """``[[calculator:NAME]]``: the whole working calculator."""
    name = _calculator_name(args, "calculator")
    if PAGES[name] != context.src_uri:
        raise shortcodes.ShortcodeError(
            f"the {name} calculator belongs on docs/{PAGES[name]} (its URL is fixed), not here; "
            f"link to it with [[calculator-example:ID]] or a Markdown link")
    context.require_script(SCRIPT)
    declaration = api.declaration(name)
    stylesheet = relative_url(context.src_uri, STYLESHEET)
    return "\n".join([
        f'<div class="calculator" id="calculator" data-calculator="{name}">',
        # A stylesheet only the calculator pages need, loaded by them alone.
        f'<link rel="stylesheet" href="{stylesheet}">',
        _config(name, context),
        '<div class="calculator__errors" id="calculator-errors" tabindex="-1" hidden>',
        '<div role="alert">',
        '<h2 class="calculator__errors-title">There is a problem</h2>',
        '<ul class="calculator__errors-list"></ul>',
        "</div>",
        "</div>",
        '<noscript><p class="calculator__noscript"><strong>This calculator needs JavaScript, '
        "which is turned off in this browser.</strong> The "
        f'<a href="#{EXAMPLES_ANCHOR}">worked examples</a> below show how it works, and '
        f'<a href="#{CONTACTS_ANCHOR}">Who to call</a> lists the phone numbers.</p></noscript>',
        render_form(declaration),
        '<section class="calculator__result" aria-labelledby="calculator-result-title">',
        '<h2 id="calculator-result-title" tabindex="-1">Your result</h2>',
        f'<div id="calculator-result" aria-live="polite"><p>{MESSAGES["idle"]}</p></div>',
        '<div class="calculator__steps" id="calculator-steps" hidden>',
        "<h3>How this was worked out</h3>",
        '<ol class="calculator__steps-list"></ol>',
        "<h3>Who can help</h3>",
        '<div class="calculator__contacts"></div>',
        "</div>",
        '<div class="calculator__share" id="calculator-share" hidden>',
        '<button type="button" class="md-button" id="calculator-copy">Copy a link to this '
        "result</button>",
        '<p class="calculator__copy-status" id="calculator-copy-status" role="status"></p>',
        '<p class="calculator__link-box" id="calculator-link-box" hidden>'
        f'<label for="calculator-link">{MESSAGES["copyFallback"]}</label> '
        '<input class="calculator__input" id="calculator-link" type="text" readonly '
        'autocomplete="off"></p>',
        "</div>",
        "</section>",
        f'<template id="calculator-failed">{FAILED}</template>',
        _contact_templates(context.data["contacts"], context.data["seeds"]),
        "</div>",
    ])


# --- Worked examples ------------------------------------------------------------------------------

def _shown_value(field: dict[str, Any], value: Any) -> str:
    """A value of the input as a person reads it: "$700.00", "May 1, 2010", a choice's label."""
    kind = field["kind"]
    if kind == "money":
        return money.dollars(money.parse_cents(value))
    if kind == "date":
        return dates.long_date(dates.parse_date(value))
    if kind == "choice":
        return next(c["label"] for c in field["choices"] if c["value"] == value)
    if kind == "boolean":
        return "Yes" if value else "No"
    return str(value)


def _entered(fields: list[dict[str, Any]], values: dict[str, Any]) -> str:
    """What was entered, as a definition list (a list of items as a table)."""
    rows = []
    for field in asked(fields):
        value = values.get(field["name"])
        if value is None:
            continue
        label = _e(field["label"])
        if field["kind"] == "group":
            inner = _entered(field["fields"], value)
            if inner:
                rows.append(f"<dt>{label}</dt><dd>{inner}</dd>")
        elif field["kind"] == "list":
            members = asked(field["fields"])
            head = "".join(f'<th scope="col">{_e(member["label"])}</th>' for member in members)
            body = "".join(
                "<tr>" + "".join(
                    f"<td>{_e(_shown_value(member, item[member['name']]))}</td>"
                    if item.get(member["name"]) is not None else "<td>Not given</td>"
                    for member in members) + "</tr>"
                for item in value)
            rows.append(f'<dt>{label}</dt><dd><table class="calculator__entered-list">'
                        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></dd>")
        else:
            rows.append(f"<dt>{label}</dt><dd>{_e(_shown_value(field, value))}</dd>")
    return f'<dl class="calculator__facts">{"".join(rows)}</dl>' if rows else ""


def render_view(shown: dict[str, Any]) -> str:
    """The answer, facts and table of calculator_view, as the page's script also builds them."""
    parts = [f'<p class="calculator__answer"><strong>{_e(shown["answer"])}</strong></p>']
    if shown["facts"]:
        parts.append('<dl class="calculator__facts">' + "".join(
            f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in shown["facts"])
            + "</dl>")
    table = shown["table"]
    if table:
        head = "".join(f'<th scope="col">{_e(cell)}</th>' for cell in table["head"])
        rows = "".join("<tr>" + f'<th scope="row">{_e(row[0])}</th>'
                       + "".join(f"<td>{_e(cell)}</td>" for cell in row[1:]) + "</tr>"
                       for row in table["rows"])
        foot = ("<tr>" + f'<th scope="row">{_e(table["foot"][0])}</th>'
                + "".join(f"<td>{_e(cell)}</td>" for cell in table["foot"][1:]) + "</tr>")
        parts.append(f'<div class="calculator__table"><table><caption>{_e(table["caption"])}'
                     f"</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>"
                     f"<tfoot>{foot}</tfoot></table></div>")
    return "\n".join(parts)


def render_examples(args: str, context: shortcodes.Context) -> str:
    """``[[worked-examples:NAME]]``: every worked example of the calculator, computed now."""
    name = _calculator_name(args, "worked-examples")
    setup = _current()
    cases = [case for case in setup.examples.values() if case.calculator == name]
    if not cases:
        raise shortcodes.ShortcodeError(
            f"the scenario corpus has no worked example for {name}: mark one or more cases in "
            f"tests/scenarios/ with example: true and an id")
    declaration = api.declaration(name)
    link = relative_url(context.src_uri, page_url(PAGES[name])) \
        if PAGES[name] != context.src_uri else ""
    sections = []
    for case in cases:
        response = api.run(name, api.loads(case.json_text()), today=setup.today)
        if not response["ok"]:
            raise shortcodes.ShortcodeError(
                f"the worked example {case.id!r} ({case.file.name}:{case.line}) gives errors: "
                f"{response['errors']}")
        shown = view(response)
        assert shown is not None
        steps = "".join(f"<li>{_e(step)}</li>" for step in response["steps"])
        anchor = f"example-{case.id}"
        sections.append("\n".join([
            f'<section class="calculator__example" id="{anchor}" '
            f'aria-labelledby="{anchor}-title">',
            f'<h3 id="{anchor}-title">{_e(case.name.rstrip("."))}</h3>',
            "<h4>What was entered</h4>",
            _entered(declaration["fields"], case.input),
            "<h4>The result</h4>",
            render_view(shown),
            "<h4>How it was worked out</h4>",
            f'<ol class="calculator__steps-list">{steps}</ol>',
            f'<p><a class="calculator__example-link" href="{link}{input_fragment(case.input)}">'
            f"Open this example in the calculator</a></p>",
            "</section>",
        ]))
    return '<div class="calculator__examples">\n' + "\n".join(sections) + "\n</div>"


def render_example_link(args: str, context: shortcodes.Context) -> str:
    """``[[calculator-example:ID]]``: a link opening the calculator with the example filled in."""
    setup = _current()
    case = setup.examples.get(args)
    if case is None:
        known = list(setup.examples)
        raise shortcodes.ShortcodeError(
            f"there is no worked example with id {args!r}.{shortcodes.suggest(args, known)} "
            f"Worked examples are the cases marked example: true in tests/scenarios/; their ids "
            f"are {', '.join(known)}")
    target = relative_url(context.src_uri, page_url(PAGES[case.calculator]))
    return (f'<a class="calculator-example-link" href="{_e(target + input_fragment(case.input))}'
            f'">open this example in the calculator</a>')


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
shortcodes.register("calculator-example", render_example_link, usage="[[calculator-example:ID]]",
                    summary="a link opening a calculator with a worked example filled in")
