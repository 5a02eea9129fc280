"""Each language's sitemap with every page's twin in the other language.

Each build writes its own ``sitemap.xml`` (and its gzip copy): ``sitemap.xml`` for the English
pages, ``es/sitemap.xml`` for the Spanish ones. Once both are built, each page that has its twin
gets the alternates search engines read (``<xhtml:link rel="alternate" hreflang="...">``: en,
es, and x-default, the English page), the same three a page's head carries
(overrides/main.html).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from html import escape
from pathlib import Path

from build_tools.pages.languages import ENGLISH, FOLDER, SPANISH, english_base

XHTML = "http://www.w3.org/1999/xhtml"
# One page's entry: the alternates go at its end, after loc and lastmod (the sitemap schema puts
# elements of other namespaces last).
_URL = re.compile(r"<url>\s*<loc>([^<]+)</loc>.*?(\s*)</url>", re.DOTALL)


def _alternates(english_url: str, spanish_url: str, indent: str) -> str:
    links = ((ENGLISH, english_url), (SPANISH, spanish_url), ("x-default", english_url))
    return "".join(f'\n{indent}<xhtml:link rel="alternate" hreflang="{lang}" '
                   f'href="{escape(href)}"/>' for lang, href in links)


def rewrite(text: str, twins: dict[str, tuple[str, str]]) -> str:
    """A sitemap's text with the alternates of each ``<loc>`` found in ``twins`` (its English
    and its Spanish address)."""
    def add(match: re.Match[str]) -> str:
        pair = twins.get(match.group(1).strip())
        if pair is None:
            return match.group(0)
        end = match.start(2) - match.start(0)
        return (match.group(0)[:end] + _alternates(*pair, indent="         ")
                + match.group(0)[end:])

    text = _URL.sub(add, text)
    if f'xmlns:xhtml="{XHTML}"' not in text:
        text = text.replace("<urlset ", f'<urlset xmlns:xhtml="{XHTML}" ', 1)
    return text


def add_alternates(site_dir: Path, english: Iterable[str], spanish: Iterable[str],
                   site_url: str) -> list[Path]:
    """Add the alternates to ``sitemap.xml`` and ``es/sitemap.xml`` (and their gzip copies) in
    ``site_dir``; ``english`` and ``spanish`` are each build's page URLs."""
    base = english_base(site_url)
    def own(urls: Iterable[str]) -> set[str]:
        return {"" if url == "./" else url for url in urls}

    both = own(english) & own(spanish)
    twins = {}
    for url in both:
        pair = (base + url, f"{base}{FOLDER}/{url}")
        twins[pair[0]] = pair
        twins[pair[1]] = pair
    written = []
    for sitemap in (site_dir / "sitemap.xml", site_dir / FOLDER / "sitemap.xml"):
        if not sitemap.is_file():
            continue
        text = rewrite(sitemap.read_text(encoding="utf-8"), twins)
        sitemap.write_text(text, encoding="utf-8")
        copy = sitemap.with_name("sitemap.xml.gz")
        if copy.is_file():
            copy.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
        written.append(sitemap)
    return written
