"""The build's own words in the site's languages: its gettext catalog, dates, and the page's language.

Every word a visitor reads that the build writes (rather than a page's Markdown or the
calculators) is an English message in the code or a template, marked for translation:

- in a Jinja template, ``{% trans %}...{% endtrans %}`` or ``{{ _("...") }}``
  (build_tools/pages/templates/, overrides/);
- in Python, ``gettext("...")`` (``_ = translations(lang).gettext``) where the text is made, or
  ``N_("...")`` on a module-level constant that is translated where it is used.

The Spanish text of each message is in ``es/LC_MESSAGES/site.po`` here. The build compiles it in
memory when it first needs it (:func:`translations`), so no compiled file can fall out of step
with it; English is the messages themselves. ``babel.cfg`` tells Babel where the messages are:
tests/site/test_translations.py extracts them and fails on a message the catalog lacks, one it
no longer needs, and an untranslated or fuzzy entry. MAINTAINING.md, "The build's own words in
Spanish", says how to add or change one.

A page's language is its build's ``theme.language`` (:func:`language_of`): the site's English
build says ``en``, the Spanish build ``es``. Every renderer takes it as ``lang`` (``"en"`` when
not given). A build in Spanish needs nothing more than ``theme.language: es``: the site hook
(build_tools/hooks/site.py) reads it in ``on_config`` and gives it to every shortcode
(``shortcodes.Context.lang``), the foot list and review date, the county and Form 14 templates
(``county_page.es.md``, ``form14_*.es.md``) and, in ``on_env``, the theme's templates
(:func:`install`); the theme fixes read each page's ``<html lang>``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from calculators.dates import long_date as written
from calculators.i18n import speaking

DEFAULT = "en"
LANGUAGES = ("en", "es")
DOMAIN = "site"
CATALOGS = Path(__file__).resolve().parent
MAPPING = CATALOGS / "babel.cfg"

# Spanish month names, lowercase as Spanish writes them inside a date.


def N_(message: str) -> str:
    """Mark a message for translation where it is defined; it is translated where it is used."""
    return message


def catalog_path(lang: str) -> Path:
    """The catalog of a language other than English: ``<lang>/LC_MESSAGES/site.po``."""
    return CATALOGS / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _known(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"the site's build speaks {', '.join(LANGUAGES)}, not {lang!r}: add "
                         f"build_tools/i18n/{lang}/LC_MESSAGES/{DOMAIN}.po (MAINTAINING.md, "
                         f"\"The build's own words in Spanish\") and the language to LANGUAGES")
    return lang


@functools.cache
def translations(lang: str = DEFAULT) -> gettext.NullTranslations:
    """The build's messages in ``lang``: English is the messages themselves; another language's
    catalog is compiled from its ``.po`` now (untranslated and fuzzy entries are left out, so
    they would show in English: the catalog test fails on them)."""
    if _known(lang) == DEFAULT:
        return gettext.NullTranslations()
    # Babel is a development dependency: only a build in another language than English needs it.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalog_path(lang).open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def gettext_for(lang: str = DEFAULT) -> Any:
    """``gettext`` in ``lang``, to bind as ``_`` where a renderer makes its text."""
    return translations(lang).gettext


def install(environment: jinja2.Environment, lang: str = DEFAULT) -> jinja2.Environment:
    """Give a Jinja environment ``{% trans %}`` and ``_()`` in ``lang`` (new-style gettext: a
    message's ``%(name)s`` is filled in and escaped like any value), and the language itself as
    ``page_lang`` (not ``lang``, which Material's templates use for their own strings)."""
    if "jinja2.ext.InternationalizationExtension" not in environment.extensions:
        environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_translations(  # type: ignore[attr-defined]
        translations(lang), newstyle=True)
    environment.globals["page_lang"] = lang
    return environment


def language_of(config: Mapping[str, Any]) -> str:
    """The language of the pages a build makes, from its MkDocs configuration's
    ``theme.language`` ("en" when it has none); ``es-419`` or ``es_MX`` count as ``es``."""
    theme = config.get("theme")
    value = None
    if theme is not None:
        try:
            value = theme["language"]
        except (KeyError, TypeError):
            value = None
    if not value:
        return DEFAULT
    return _known(str(value).replace("_", "-").split("-")[0].lower())


def language_of_context(context: Mapping[str, Any]) -> str:
    """The language of a page from its template context (MkDocs puts ``config`` in it)."""
    return language_of(context["config"])


def long_date(date: dt.date, lang: str = DEFAULT) -> str:
    """A date as the build writes it: "January 1, 2026" in English, "1 de enero de 2026" in
    Spanish: the calculators' own wording (calculators.dates.long_date in that language), so
    that a page and its results write dates alike."""
    with speaking(_known(lang)):
        return written(date)
