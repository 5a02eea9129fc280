"""The language of an answer: English, as the code writes it, or Spanish, from a compiled
gettext catalog inside the package (``calculators/locale/es/LC_MESSAGES/calculators.mo``).

Every sentence a person reads (a declaration's titles, labels and help, field errors, steps,
the rules' notes, the views) is an English message in the code, marked for extraction
(babel.cfg): :func:`_` says it in the language of the request being answered, :func:`ngettext`
chooses between singular and plural, and :func:`N_` marks a message kept for later (a field's
label, declared once at import and said in the request's language when it is shown). A
message with values is a ``str.format`` string (``"Born on {date}."``, ``_(..., date=...)``):
the values go into the translation, so a translator can move them.

The language is the request's ``lang`` (calculators/CONTRACT.md): :func:`speaking` sets it
for the time one request is answered. English needs no catalog: its text is the code's own,
byte for byte. Figures, keys, contact ids and dates in the JSON never depend on it.

Standard library only: ``gettext`` reads the catalog (the browser's trimmed standard library
keeps it), ``contextvars`` holds the language of the request in hand.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
import io
from collections.abc import Iterator
from importlib import resources
from typing import Any

ENGLISH = "en"
SPANISH = "es"
LANGUAGES = (ENGLISH, SPANISH)
DOMAIN = "calculators"
_speaking: contextvars.ContextVar[str] = contextvars.ContextVar("calculators_language",
                                                                default=ENGLISH)
_catalogs: dict[str, gettext.NullTranslations] = {}


class Text(str):
    """A message with its values, in English (so that English code reads it as the string it
    is), which remembers the message and the values so that :func:`_` can say it in another
    language: a label such as "Child's schooling after 18", declared once at import with the
    age from rules.toml."""

    message: str
    values: dict[str, Any]

    def __new__(cls, message: str, **values: Any) -> Text:
        text = super().__new__(cls, message.format(**_said(values)))
        text.message, text.values = message, values
        return text


def _said(values: dict[str, Any]) -> dict[str, Any]:
    """The values of a message as said now: a value that depends on the language (a date
    written in words, a word of rules.toml) is given as a function, called when it is said."""
    return {name: value() if callable(value) else value for name, value in values.items()}


def N_(message: str, **values: Any) -> str:
    """Mark ``message`` for the catalog without saying it yet: it is said when shown, in the
    language of that request (``_(label)``). With values, a :class:`Text`."""
    return Text(message, **values) if values else message


def language() -> str:
    """The language of the request being answered: "en" or "es"."""
    return _speaking.get()


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Answer in ``lang`` (one of LANGUAGES) until the block ends."""
    if lang not in LANGUAGES:
        raise ValueError(f"no language {lang!r}: the languages are {', '.join(LANGUAGES)}")
    token = _speaking.set(lang)
    try:
        yield
    finally:
        _speaking.reset(token)


def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang`` (read once, at import); English is the code's own
    text."""
    if lang not in _catalogs:
        if lang == ENGLISH:
            _catalogs[lang] = gettext.NullTranslations()
        else:
            data = resources.files("calculators").joinpath(
                f"locale/{lang}/LC_MESSAGES/{DOMAIN}.mo").read_bytes()
            _catalogs[lang] = gettext.GNUTranslations(io.BytesIO(data))
    return _catalogs[lang]


def _(message: str, **values: Any) -> str:
    """``message`` in the language of the request, with ``values`` put in (a :class:`Text`
    brings its own)."""
    if isinstance(message, Text):
        values = {**message.values, **values}
        message = message.message
    said = catalog(language()).gettext(message)
    return said.format(**_said(values)) if values else said


def ngettext(singular: str, plural: str, number: int, **values: Any) -> str:
    """The singular or the plural message for ``number``, in the request's language, with
    ``number`` and ``values`` put in."""
    said = catalog(language()).ngettext(singular, plural, number)
    return said.format(number=number, **_said(values))


# Every catalog is read when the package is imported, like rules.toml: the browser's worker
# makes its memory snapshot right after the import, and an interpreter restored from it has the
# package's modules and data in memory, not its files.
for _lang in LANGUAGES:
    catalog(_lang)
