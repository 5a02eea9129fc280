"""Contacts: data/contacts.yml, checked at build start, and the shortcodes that show them.

data/contacts.yml is the only place a phone number, fax or postal address is written. Its fields
are declared once, in :data:`CONTACT`: the checks below read it, and ``make schema-docs`` writes
it into the file's header comment and MAINTAINING.md ("Add a contact"). Pages name a contact by id:

- ``[[contact:ID]]``  a block: name, what it is for, phone (a link that dials it), fax, address,
  hours, what to have ready; its sources join the page's numbered list at the foot
  (build_tools/data/page_sources.py). A page shows each contact's card once. An out-of-date contact
  is shown with a warning, as text, and points to the contact to use today.
- ``[[phone:ID]]``, ``[[fax:ID]]``, ``[[address:ID]]``  the number or address inside a sentence.
- ``[[feedback:]]``  where readers report an error: a link to ``extra.feedback_url`` when the copy
  of the site being built sets one (FEEDBACK_URL), otherwise words saying to use the contact
  given by whoever published it.

A phone number typed straight into a page is an error (:func:`find_phone_numbers`): it would
escape the checks here and go stale without anyone noticing.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.data import phones, shortcodes, translated_text
from build_tools.data.frontmatter import Seeds, read_mapping, source_problems
from build_tools.data.page_sources import foot_of
from build_tools.data.schema import (
    BOOLEAN,
    PHONE,
    SLUG,
    TEXT,
    URL,
    Checked,
    Field,
    ListOf,
    Schema,
    check_type_matches,
    spanish_of,
)
from build_tools.i18n import DEFAULT as ENGLISH
from build_tools.i18n import N_, gettext_for

NUMBER = re.compile(f"^{PHONE.pattern}$")   # a phone number as written in the file
TEL_LINK = re.compile(r"\btel:", re.IGNORECASE)
SOURCES = Checked("list of sources", lambda value, what, context: source_problems(
    value, context["seeds"], what))

CONTACT_FIELDS = (
    Field("name", TEXT, "what the line or office is called",
          "Child Support Customer Service Call Center", required=True),
    Field("organisation", TEXT, "who runs it", "Family Support Division (FSD)", required=True),
    Field("for", TEXT, "what to call it for, in plain words, starting with a verb",
          "Make a child support payment.", required=True, translated=True),
    Field("phone", PHONE, "its phone number", "866-313-9960"),
    Field("fax", PHONE, "its fax number", "573-635-7545"),
    Field("address", ListOf(TEXT), "a list of lines of the postal address",
          "[first line, second line, city, MO ZIP]"),
    Field("hours", TEXT, "when the line answers or the office is open, only where a source "
          "says so", "Monday to Friday, 8 a.m. to 5 p.m.", translated=True),
    Field("have_ready", TEXT, "what to have ready when you call, only where a source says so",
          "Your child support case number. The line needs it.", translated=True),
    Field("url", URL, "the contact's own site, only where a source gives it",
          "https://www.thehotline.org/"),
    Field("sources", SOURCES,
          "a list of {seed: FILE} or {title: TEXT, url: URL, checked: YYYY-MM-DD}",
          "[{seed: 000_d74ccf04b443ec1b.txt}]", required=True),
    Field("dated", BOOLEAN, "true when the only source is old: shown with a warning, "
          "as text, never as a link", "true"),
    Field("dated_note", TEXT, "why it is dated",
          "This address and number come from a guide from the 1990s.",
          required_with="with dated: true", translated=True),
    Field("instead", SLUG.called("contact id"), "the id of the contact to use today",
          "fsd-customer-service", required_with="with dated: true"),
    Field("serves", ListOf(SLUG.called("county slug"), unique=True), "a prosecutor's unit: the "
          "slugs of every county it serves, where a source lists them (each such county names it "
          "as its prosecutor_unit in data/counties.yml)", "[jefferson-county]"),
)
# Names and organisations stay as they officially are; a name this file made up to describe a
# line ("Pay child support by phone") is prose, and may have its Spanish too.
CONTACT = Schema("Fields of a contact", (
    *CONTACT_FIELDS, spanish_of(
    CONTACT_FIELDS, "contact", optional=("name", "organisation"),
    example="{for: Hacer un pago de manutención de los hijos.}")))
FIELDS = {field.name: field.meaning for field in CONTACT.fields}
REQUIRED = CONTACT.required()
TEXT_FIELDS = CONTACT.shaped(TEXT)
IF_DATED = CONTACT.required_with("with dated: true")
WAYS_TO_REACH = ("phone", "fax", "address", "url")


@dataclass(frozen=True)
class Contact:
    """A checked contact: the fields of :data:`CONTACT` (``for`` as ``for_``), typed for the code
    that shows them; :func:`_contact` fills it from the declaration."""

    id: str
    name: str
    organisation: str
    for_: str
    sources: tuple[dict[str, str], ...]
    phone: str | None = None
    fax: str | None = None
    address: tuple[str, ...] = ()
    hours: str | None = None
    have_ready: str | None = None
    url: str | None = None
    dated: bool = False
    dated_note: str | None = None
    instead: str | None = None
    serves: tuple[str, ...] = ()
    es: Mapping[str, str] = dataclasses.field(default_factory=dict)  # Spanish of the prose

    def text(self, field: str, lang: str = translated_text.DEFAULT) -> str | None:
        """A field's text in ``lang`` (``for``, ``hours``, ``have_ready``, ``dated_note``, and
        ``name`` or ``organisation``, which stay in English unless the file gives their
        Spanish); None when the contact has no such field."""
        english: str | None = getattr(self, ATTRIBUTE.get(field, field))
        if english is None or translated_text.checked(lang) == translated_text.DEFAULT:
            return english
        translations: Mapping[str, str] = getattr(self, lang)
        if field in translations:
            return str(translations[field])
        if field in TRANSLATED:
            raise KeyError(f"contact {self.id!r} has no {lang!r} text for {field!r}")
        return english

    def in_language(self, lang: str = translated_text.DEFAULT) -> Contact:
        """The same contact with its prose in ``lang``: what the cards and sentences show."""
        if translated_text.checked(lang) == translated_text.DEFAULT:
            return self
        name, organisation = self.text("name", lang), self.text("organisation", lang)
        assert name is not None and organisation is not None, "both are required"
        return dataclasses.replace(
            self, name=name, organisation=organisation, for_=self.text("for", lang) or "",
            hours=self.text("hours", lang), have_ready=self.text("have_ready", lang),
            dated_note=self.text("dated_note", lang))


ATTRIBUTE = {"for": "for_"}   # a field whose name is a Python keyword
TRANSLATED = tuple(field.name for field in CONTACT_FIELDS if field.translated)
check_type_matches(CONTACT, Contact, ATTRIBUTE, extra=("id",))


def _contact(contact_id: str, entry: dict[str, Any]) -> Contact:
    values: dict[str, Any] = {}
    for name in CONTACT.names():
        if name in entry:
            value = entry[name]
            values[ATTRIBUTE.get(name, name)] = (
                tuple(value) if isinstance(value, list) else
                value.strip() if isinstance(value, str) else
                {key: str(text).strip() for key, text in value.items()}
                if isinstance(value, dict) else value)
    return Contact(id=contact_id, **values)


class ContactsError(ValueError):
    """data/contacts.yml is not as its header describes: the message lists every problem."""


def _problems(contact_id: object, entry: object, seeds: Seeds) -> list[str]:
    """The checks that span fields; :data:`CONTACT` checks each field itself."""
    where = f"contact {contact_id!r}"
    if not SLUG.accepts(contact_id):
        return [f"{where}: an id is lowercase words joined by '-', like fsd-customer-service"]
    problems = CONTACT.problems(entry, where, {"seeds": seeds})
    if not isinstance(entry, dict):
        return problems
    if not any(entry.get(key) for key in WAYS_TO_REACH):
        problems.append(f"{where}: give at least one of {', '.join(WAYS_TO_REACH)}")
    if entry.get("dated") is True:
        for key in IF_DATED:
            if not entry.get(key):
                problems.append(f"{where}: field '{key}' is required when dated is true "
                                f"({FIELDS[key]})")
    else:
        for key in IF_DATED:
            if key in entry:
                problems.append(f"{where}: field '{key}' only goes with dated: true")
    return problems


class Contacts:
    """Every contact in data/contacts.yml, checked: ``Contacts.load(path, seeds)``."""

    def __init__(self, contacts: dict[str, Contact], path: str = "data/contacts.yml"):
        self.by_id = contacts
        self.path = path

    @classmethod
    def load(cls, path: Path, seeds: Seeds, shown_as: str = "data/contacts.yml") -> Contacts:
        raw = read_mapping(path, shown_as, "contacts by id (id: {name: ...})", ContactsError)
        problems = []
        for contact_id, entry in raw.items():
            problems.extend(_problems(contact_id, entry, seeds))
        for contact_id, entry in raw.items():
            if isinstance(entry, dict) and entry.get("instead"):
                target = entry["instead"]
                if target not in raw:
                    hint = shortcodes.suggest(str(target), [str(k) for k in raw])
                    problems.append(f"contact {contact_id!r}: field 'instead' names {target!r}, "
                                    f"which is not a contact id.{hint}")
                elif isinstance(raw[target], dict) and raw[target].get("dated"):
                    problems.append(f"contact {contact_id!r}: field 'instead' names {target!r}, "
                                    f"which is itself dated: name a current contact")
        if problems:
            listed = "\n".join(f"  - {p}" for p in problems)
            raise ContactsError(f"{shown_as} has mistakes:\n{listed}\n"
                                f"Its header comment describes every field.")
        contacts = {contact_id: _contact(contact_id, entry) for contact_id, entry in raw.items()}
        return cls(contacts, shown_as)

    def in_language(self, lang: str = translated_text.DEFAULT) -> Contacts:
        """The same contacts with their prose in ``lang``: give this to the shortcodes of a page
        in that language (``context.data["contacts"]``)."""
        if translated_text.checked(lang) == translated_text.DEFAULT:
            return self
        return Contacts({contact_id: contact.in_language(lang)
                         for contact_id, contact in self.by_id.items()}, self.path)

    def get(self, contact_id: str, shortcode: str) -> Contact:
        """The contact, or a ShortcodeError naming the near miss and where ids are listed."""
        if not contact_id:
            raise shortcodes.ShortcodeError(
                f"give a contact id, like [[{shortcode}:fsd-customer-service]]")
        contact = self.by_id.get(contact_id)
        if contact is None:
            hint = shortcodes.suggest(contact_id, list(self.by_id))
            raise shortcodes.ShortcodeError(
                f"no contact with id {contact_id!r} in {self.path}.{hint} Use an id listed there, "
                f"or add the contact there (with its source).")
        return contact


# --- Rendering ----------------------------------------------------------------------------------

def _text(value: str) -> str:
    """Text safe inside HTML that Markdown still reads: escape HTML and Markdown's own marks."""
    escaped = html.escape(" ".join(value.split()), quote=True)
    for mark in "\\`*_[]":
        escaped = escaped.replace(mark, f"&#{ord(mark)};")
    return escaped


def tel_href(number: str) -> str:
    return "tel:+1" + number.replace("-", "")


def phone_link(number: str) -> str:
    return f'<a class="site-tel" href="{tel_href(number)}">{number}</a>'


def _instead_text(contact: Contact, contacts: Contacts, lang: str = ENGLISH) -> str:
    assert contact.instead is not None, "a dated contact names the one to use instead (load)"
    today = contacts.by_id[contact.instead]
    reach = f", {phone_link(today.phone)}" if today.phone else ""
    _ = gettext_for(lang)
    return str(_("Today, use: %(contact)s.") % {
        "contact": f"{_text(today.name)}{reach}"})


def render_block(contact: Contact, contacts: Contacts, lang: str = ENGLISH) -> str:
    """A contact's card, its labels in ``lang``. Its sources are not on the card: they join
    the page's foot list (:func:`_render_contact`)."""
    _ = gettext_for(lang)
    rows: list[tuple[str, str]] = [(_("For"), _text(contact.for_))]
    if contact.phone:
        rows.append((_("Phone"), _text(contact.phone) if contact.dated
                     else phone_link(contact.phone)))
    if contact.fax:
        rows.append((_("Fax"), _text(contact.fax)))
    if contact.address:
        rows.append((_("Address"), "<br>".join(_text(line) for line in contact.address)))
    if contact.hours:
        rows.append((_("Hours"), _text(contact.hours)))
    if contact.have_ready:
        rows.append((_("Have ready"), _text(contact.have_ready)))
    if contact.url and not contact.dated:
        rows.append((_("Website"), f'<a href="{html.escape(contact.url)}">'
                                   f'{_text(contact.url)}</a>'))
    classes = "site-contact site-contact--dated" if contact.dated else "site-contact"
    parts = [f'<div class="{classes}">',
             f'<p class="site-contact__name"><strong>{_text(contact.name)}</strong><br>'
             f'{_text(contact.organisation)}</p>']
    if contact.dated:
        warning = _("Out of date.")
        parts.append(f'<p class="site-contact__warning"><strong>{warning}</strong> '
                     f'{_text(contact.dated_note or "")} '
                     f'{_instead_text(contact, contacts, lang)}</p>')
    parts.append("<dl>")
    parts.extend(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    parts.append("</dl>")
    parts.append("</div>")
    return "\n".join(parts)


def _inline(contact: Contact, contacts: Contacts, shown: str, lang: str = ENGLISH) -> str:
    """An inline value; an out-of-date one is marked so, with the contact to use today."""
    if not contact.dated:
        return shown
    _ = gettext_for(lang)
    marked = _("out of date.")
    return (f'<span class="site-dated">{shown} ({marked} '
            f'{_instead_text(contact, contacts, lang)})</span>')


def _contacts(context: shortcodes.Context) -> Contacts:
    contacts: Contacts = context.data["contacts"]
    return contacts


def _render_contact(args: str, context: shortcodes.Context) -> str:
    contact = _contacts(context).get(args, "contact")
    shown = context.shown_contacts
    if contact.id in shown:
        raise shortcodes.ShortcodeError(
            f"the card of {contact.id!r} is already on this page (line {shown[contact.id]}): "
            f"show each contact once; to name it again in a sentence, write [[phone:{contact.id}]]")
    shown[contact.id] = context.line
    foot = foot_of(context)
    if foot is not None:
        foot.add_all(contact.sources)
    return render_block(contact, _contacts(context), context.lang)


def _inline_renderer(field: str, show: Callable[[Contact], str],
                     english: bool = False) -> shortcodes.Renderer:
    """The renderer of [[phone:ID]], [[fax:ID]] or [[address:ID]]: one field of a contact.
    An ``english`` field (a postal address: its office's name, "PO Box") is marked so on a
    page in another language, for a screen reader to read it in English."""

    def render(args: str, context: shortcodes.Context) -> str:
        contacts = _contacts(context)
        contact = contacts.get(args, field)
        if not getattr(contact, field):
            raise shortcodes.ShortcodeError(
                f"contact {args!r} has no {field} in {contacts.path}; use [[contact:{args}]] to "
                f"show how to reach it")
        shown = show(contact)
        if english and context.lang != ENGLISH:
            shown = f'<span lang="{ENGLISH}">{shown}</span>'
        return _inline(contact, contacts, shown, context.lang)

    return render


def _show_phone(contact: Contact) -> str:
    # An out-of-date number is text, never a link that would dial it.
    return _text(contact.phone or "") if contact.dated else phone_link(contact.phone or "")


FEEDBACK_LINK_TEXT = N_("this site's page for reporting an error")
FEEDBACK_NO_LINK = N_("the contact given by whoever published this copy of the site")


def _render_feedback(args: str, context: shortcodes.Context) -> str:
    if args:
        raise shortcodes.ShortcodeError("feedback takes nothing after the colon: [[feedback:]]")
    url = (context.config.get("extra") or {}).get("feedback_url") or ""
    _ = gettext_for(context.lang)
    if not url:
        return str(_(FEEDBACK_NO_LINK))
    return f'<a href="{html.escape(url)}">{_(FEEDBACK_LINK_TEXT)}</a>'


shortcodes.register("contact", _render_contact, block=True, usage="[[contact:ID]]",
                    summary="a contact's card: what it is for, phone, fax, address, hours")
shortcodes.register("phone", _inline_renderer("phone", _show_phone), usage="[[phone:ID]]",
                    summary="a contact's phone number, as a link that dials it")
shortcodes.register("fax", _inline_renderer("fax", lambda c: _text(c.fax or "")),
                    usage="[[fax:ID]]", summary="a contact's fax number")
shortcodes.register("address", _inline_renderer(
                        "address", lambda c: ", ".join(_text(line) for line in c.address),
                        english=True),
                    usage="[[address:ID]]", summary="a contact's postal address on one line")
shortcodes.register("feedback", _render_feedback, usage="[[feedback:]]",
                    summary="where readers report an error on this copy of the site")


# --- Numbers typed into pages -------------------------------------------------------------------

@dataclass(frozen=True)
class TypedNumber:
    line: int
    text: str


def find_phone_numbers(text: str) -> list[TypedNumber]:
    """Phone numbers (build_tools/data/phones.py) and tel: links written directly in text (which must
    use [[phone:ID]])."""
    found = [TypedNumber(text.count("\n", 0, phone.start) + 1, phone.text)
             for phone in phones.find(text)]
    for match in TEL_LINK.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        snippet = text[line_start:(line_end if line_end != -1 else len(text))].strip()
        found.append(TypedNumber(text.count("\n", 0, match.start()) + 1, snippet))
    return sorted(found, key=lambda typed: typed.line)


def typed_numbers_message(page: str, typed: list[TypedNumber], contacts: Contacts,
                          line_offset: int = 0) -> str:
    """The error for numbers typed into a page, naming the contact id where the number is known."""
    by_number = {c.phone: c.id for c in contacts.by_id.values() if c.phone}
    by_number.update({c.fax: c.id for c in contacts.by_id.values() if c.fax})
    lines = []
    for item in typed:
        digits = "".join(sorted(phones.digits(item.text))) or re.sub(r"\D", "", item.text)[-10:]
        known = next((cid for number, cid in by_number.items()
                      if number.replace("-", "") == digits), None)
        fix = (f"write [[phone:{known}]] (or [[fax:{known}]] for a fax)" if known else
               f"add the number to {contacts.path} with its source, then write [[phone:ID]]")
        lines.append(f"{page}, line {item.line + line_offset}: {item.text!r} is a phone "
                     f"number typed into the page; {fix}.")
    return ("\n".join(lines) + "\nPhone numbers live only in data/contacts.yml, so that each one "
            "is checked, dials when tapped, and changes in one place.")
