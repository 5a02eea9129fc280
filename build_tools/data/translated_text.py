"""The site's languages, and the prose of a data entry in one of them.

English is the language the data files are written in. A data entry's prose fields (declared
``translated=True`` in its schema: a contact's ``for``, a county fact's ``text``) carry their
Spanish text in a mapping named for the language, on the same entry::

    for: Make a child support payment.
    es:
      for: Hacer un pago de manutención de los hijos.

:func:`text_in` gives a field's text in a language; the page makers (build_tools/pages/) take
only the page's language (``lang``, ``en`` by default) and ask the data for its text.
:func:`template_path` names a generated page's template in a language
(``data/county_page.md``, ``data/county_page.es.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from build_tools import i18n

DEFAULT = i18n.DEFAULT
LANGUAGES = i18n.LANGUAGES
TRANSLATED = LANGUAGES[1:]   # the languages whose text sits in an entry's mapping of that name



def checked(lang: str) -> str:
    """``lang`` itself, or a ValueError naming the languages the site has."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of the site's: {', '.join(LANGUAGES)}")
    return lang


def text_in(entry: Mapping[str, Any], field: str, lang: str = DEFAULT) -> str:
    """The text of ``entry``'s ``field`` in ``lang``: the field itself in English, its
    translation (``entry[lang][field]``) otherwise. A missing translation is a KeyError naming
    the field: the schema's checks (build_tools/data/schema.py) have refused it before."""
    if checked(lang) == DEFAULT:
        return str(entry[field])
    translations = entry.get(lang) or {}
    if field not in translations:
        raise KeyError(f"no {lang!r} text for field {field!r} of {dict(entry).get('name', entry)!r}")
    return str(translations[field]).strip()


def template_path(data_dir: Path, name: str, lang: str = DEFAULT) -> Path:
    """A generated page's template in ``lang``: ``county_page.md`` in English,
    ``county_page.es.md`` in Spanish, beside it in ``data_dir``."""
    if checked(lang) == DEFAULT:
        return data_dir / name
    stem, dot, suffix = name.rpartition(".")
    return data_dir / f"{stem}.{lang}{dot}{suffix}"


long_date = i18n.long_date   # one way to write a date in each language
