"""The site in two languages: English at the top, Spanish at the same paths under ``es/``.

One configuration, two MkDocs builds (build_tools/commands/build_languages.py runs them, English
first). The Spanish configuration is not a file of its own: :func:`spanish_config` derives it
from mkdocs.yml at build time, so a setting changed there holds for both languages:

- ``theme.language: es`` (the theme's own words and ``<html lang="es">``), ``docs_dir: docs/es``,
  ``site_dir`` and ``site_url`` one folder down (``es/``);
- the search plugin with ``lang: es`` (the theme's Spanish stemmer): each language has its own
  index, ``search/search_index.json`` and ``es/search/search_index.json``;
- the same ``nav``, each entry whose page has its Spanish twin, without the English labels:
  a Spanish page's entry is its own title, a section's label the title of its first page;
- the redirects whose new page has its Spanish twin.

A Spanish page is the English page's path under docs/es/ (docs/es/receiving-support/fees.md
translates docs/receiving-support/fees.md). Until every page has its twin, a Spanish page's link
to a page not yet translated goes to the English page (:func:`english_fallback_links`), and the
language switch of a page without its twin goes to the other language's home page.

What the two builds share lives in :data:`SHARED` for the length of one run: the calculator
runtime is made once, by the English build, and the Spanish pages name the same files.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

ENGLISH = "en"
SPANISH = "es"
FOLDER = "es"                      # docs/es/ and the site's es/
LABELS = {ENGLISH: "English", SPANISH: "Español"}  # each language named in its own words
# Pages a build makes from templates in data/, the Spanish templates that make their twins and
# the Spanish page they stand under (build_tools/hooks/site.py): without them the Spanish build
# makes none of them yet.
SPANISH_TEMPLATES = {"county": ("county_page.es.md",),
                     "form14": ("form14_by_hand.es.md", "form14_schedule_page.es.md")}
SPANISH_PARENT = {"form14": "calculators/support-amount.md"}


@dataclass
class Shared:
    """What the English build leaves for the Spanish one, within one run of both."""

    root: Path | None = None
    runtime: Any = None       # build_tools.runtime.bundle.Runtime
    page_bundle: Any = None   # build_tools.runtime.page_bundle.Bundle
    built: Any = None         # the build's date
    page_urls: dict[str, list[str]] = field(default_factory=dict)  # language -> page URLs

    def clear(self) -> None:
        self.__init__()  # type: ignore[misc]


SHARED = Shared()


def language(config: Any) -> str:
    """The language a build writes (``theme.language``)."""
    return str(config.theme["language"] if config.theme else ENGLISH)


def is_spanish(config: Any) -> bool:
    return language(config) == SPANISH


def root_of(config: Any) -> Path:
    return Path(config.config_file_path).parent


def site_prefix(config: Any) -> str:
    """Prefix of a path at the top of the whole site, as the build's own site-relative path:
    the Spanish build's site is one folder down."""
    return "../" if is_spanish(config) else ""


def published(url: str) -> str:
    """A Spanish page's URL (its build's own, ``""`` or ``./`` for the home page) as the whole
    site publishes it: ``es/...``."""
    return f"{FOLDER}/" + ("" if url in ("", "./") else url)


def english_base(site_url: str) -> str:
    """The English site's address from either build's ``site_url``."""
    url = site_url or "/"
    if not url.endswith("/"):
        url += "/"
    return url.removesuffix(f"{FOLDER}/") if url.endswith(f"/{FOLDER}/") else url


# --- Twins ---------------------------------------------------------------------------------------

def spanish_sources(root: Path) -> set[str]:
    """The Spanish pages written under docs/es/ (their paths there, as under docs/)."""
    folder = root / "docs" / FOLDER
    if not folder.is_dir():
        return set()
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


def spanish_makes(root: Path, kind: str) -> bool:
    """Whether the Spanish build makes its twins of the generated pages of ``kind``."""
    names = SPANISH_TEMPLATES.get(kind, ())
    parent = SPANISH_PARENT.get(kind)
    return (bool(names) and all((root / "data" / name).is_file() for name in names)
            and (parent is None or (root / "docs" / FOLDER / parent).is_file()))


def page_link(from_url: str, to_url: str) -> str:
    """A relative link from the page at site URL ``from_url`` to ``to_url`` (both relative to
    the whole site's top, ``es/`` included; ``""`` is the home page)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    relative = posixpath.relpath(to_url or ".", base or ".")
    if to_url.endswith("/") or not to_url:
        relative = relative.rstrip("/") + "/"
    return "./" if relative in (".", "./") else relative.removeprefix("./")


@dataclass(frozen=True)
class Switch:
    """A page's link to the other language, and its head's alternates."""

    href: str            # relative to the page
    lang: str            # the other language
    label: str           # its name in its own words
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL); empty without a twin


def switch(page_url: str, lang: str, has_twin: bool, site_url: str) -> Switch:
    """The switch of the page at ``page_url`` (its build's own URL) in language ``lang``."""
    other = SPANISH if lang == ENGLISH else ENGLISH
    page_url = "" if page_url == "./" else page_url
    here = published(page_url) if lang == SPANISH else page_url
    english_url = page_url
    spanish_url = published(page_url)
    target = (spanish_url if other == SPANISH else english_url) if has_twin else (
        f"{FOLDER}/" if other == SPANISH else "")
    alternates: tuple[tuple[str, str], ...] = ()
    if has_twin:
        base = english_base(site_url)
        alternates = ((ENGLISH, base + english_url), (SPANISH, base + spanish_url),
                      ("x-default", base + english_url))
    return Switch(page_link(here, target), other, LABELS[other], alternates)


# --- Links to pages not yet translated ------------------------------------------------------------

FALLBACK_SCHEME = "site-english:"
# A Markdown link's target: ](target) or ](target "title"); reference definitions: [id]: target
_LINK = re.compile(r"(\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?)([^)\s>#]+\.md)(#[^)\s>]*)?", re.MULTILINE)


def english_fallback_links(markdown: str, src_uri: str, translated: set[str],
                           english: set[str]) -> str:
    """A Spanish page's links to pages without their Spanish twin yet, marked to go to the
    English page (:func:`resolve_fallbacks` writes their URL once the page is HTML). A link to
    a page that exists in neither language is left for MkDocs to report."""
    here = posixpath.dirname(src_uri)

    def mark(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(here, match.group(2)))
        if target in translated or target not in english:
            return match.group(0)
        return f"{match.group(1)}{FALLBACK_SCHEME}{target}{match.group(3) or ''}"

    return _LINK.sub(mark, markdown)


_FALLBACK_HREF = re.compile(r'href="' + re.escape(FALLBACK_SCHEME) + r'([^"#]+)(#[^"]*)?"')


def resolve_fallbacks(html: str, page_url: str) -> str:
    """The marked links as relative URLs of the English pages, marked ``hreflang="en"``."""
    from build_tools.pages.page_urls import page_url as url_of

    def resolve(match: re.Match[str]) -> str:
        href = page_link(published(page_url), url_of(match.group(1)))
        return f'href="{href}{match.group(2) or ""}" hreflang="{ENGLISH}"'

    return _FALLBACK_HREF.sub(resolve, html)


# --- The Spanish configuration -------------------------------------------------------------------

def _title(path: Path) -> str | None:
    try:
        meta = get_data(path.read_text(encoding="utf-8"))[1]
    except OSError:
        return None
    title = meta.get("title")
    return str(title) if title else None


def spanish_nav(nav: Iterable[Any], docs: Path) -> list[Any]:
    """The English nav's structure with the pages that have their Spanish twin in ``docs``
    (docs/es/), unlabelled: a page's entry is its Spanish title; a section's label is the
    Spanish title of its first page."""
    result: list[Any] = []
    for entry in nav:
        if isinstance(entry, str):
            if (docs / entry).is_file():
                result.append(entry)
            continue
        if not isinstance(entry, dict) or len(entry) != 1:
            continue
        (_label, value), = entry.items()
        if isinstance(value, str):
            if (docs / value).is_file():
                result.append(value)
            continue
        children = spanish_nav(value, docs)
        if not children:
            continue
        first = children[0]
        while not isinstance(first, str):
            first = next(iter(first.values()))[0]
        result.append({_title(docs / first) or first: children})
    return result


def spanish_settings(english: dict[str, Any], root: Path) -> dict[str, Any]:
    """The Spanish build's settings, derived from mkdocs.yml's (``english``, as read)."""
    docs = root / "docs" / FOLDER
    settings = dict(english)
    settings.pop("exclude_docs", None)
    settings["docs_dir"] = f"docs/{FOLDER}"
    settings["theme"] = {**english.get("theme", {}), "language": SPANISH}
    if english.get("site_url"):
        settings["site_url"] = english_base(str(english["site_url"])) + f"{FOLDER}/"
    translated = spanish_sources(root)
    plugins = []
    for plugin in english.get("plugins", []):
        name, options = (plugin, {}) if isinstance(plugin, str) else next(iter(plugin.items()))
        options = dict(options or {})
        if name == "search":
            options["lang"] = SPANISH
        if name == "redirects":
            maps = options.get("redirect_maps") or {}
            options["redirect_maps"] = {old: new for old, new in maps.items() if new in translated}
        plugins.append({name: options})
    settings["plugins"] = plugins
    settings["nav"] = spanish_nav(english.get("nav", []), docs)
    # Paths at the top of the site (the site's stylesheet) are the English build's files.
    settings["extra_css"] = ["../" + path for path in english.get("extra_css", [])]
    return settings


def read_settings(config_file: Path) -> dict[str, Any]:
    with config_file.open("rb") as handle:
        return yaml_load(handle) or {}


def spanish_config(config_file: Path | str = "mkdocs.yml", **options: Any) -> MkDocsConfig:
    """The Spanish build's configuration, derived from ``config_file`` (mkdocs.yml). ``options``
    are load_config's (``strict``, ``site_dir`` of the Spanish site, ``site_url`` of the
    English one)."""
    config_file = Path(config_file).resolve()
    root = config_file.parent
    english = read_settings(config_file)
    if options.get("site_url"):
        english["site_url"] = options.pop("site_url")
    settings = spanish_settings(english, root)
    if options.get("site_dir") is None:
        site = Path(english.get("site_dir", "site"))
        options["site_dir"] = str((root / site / FOLDER) if not site.is_absolute()
                                  else site / FOLDER)
    text = yaml.safe_dump(settings, sort_keys=False, allow_unicode=True).encode("utf-8")
    return load_config(io.BytesIO(text), config_file_path=str(config_file), **options)


def has_spanish(root: Path) -> bool:
    """Whether the site has Spanish pages (a Spanish home page) to build."""
    return (root / "docs" / FOLDER / "index.md").is_file()
