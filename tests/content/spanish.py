"""The built Spanish pages as the Spanish checks see them, each with its English twin.

Shared by the readability, language and facts checks of the Spanish site (issue 21, points 6
and 7). A Spanish page is every built ``es/**/index.html`` page of the site (hand-written pages,
county pages, calculator pages, Form 14 by hand), except redirect pages; its twin is the page at
the same path without ``es/``. Its text is read as tests/content/pages.py reads the English
pages: the article without navigation, contact cards, the sources list and the review date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tests.content import pages

SPANISH = "es"


@dataclass(frozen=True)
class SpanishPage:
    url: str        # the Spanish page's path on the site: 'es/receiving-support/fees/'
    html: Path      # its built file
    twin: Path      # the English twin's built file (it may be missing: checked by the tests)

    @property
    def kind(self) -> str:
        """What made the page: a county page, Form 14 by hand, a calculator or a written page."""
        parts = self.url.split("/")
        if len(parts) > 3 and parts[1] == "counties":
            return "county"
        if self.url.startswith("es/calculators/support-amount/schedule/") or (
                self.url.startswith("es/calculators/support-amount/") and "by-hand" in self.url):
            return "form14"
        return "page"


def is_redirect(html: Path) -> bool:
    return 'http-equiv="refresh"' in html.read_text(encoding="utf-8")


def spanish_pages(site: Path) -> list[SpanishPage]:
    """Every built Spanish page with the path of its English twin, sorted by URL."""
    found = []
    for html in sorted((site / SPANISH).rglob("index.html")):
        if is_redirect(html):
            continue
        rel = html.parent.relative_to(site / SPANISH).as_posix()
        rel = "" if rel == "." else rel + "/"
        found.append(SpanishPage(f"{SPANISH}/{rel}", html, site / rel / "index.html"))
    return found


def article(html: Path) -> pages.MainText:
    return pages.main_text(html.read_text(encoding="utf-8"))


# --- Paragraphs for the language check -----------------------------------------------------------
# What is left out of a block before its language is detected: names marked as English
# (lang="en"), and citations of the law. Sources' titles are in the sources list, which
# pages.main_text already leaves out.
CITATION = re.compile(
    r"RSMo\s*(?:§+\s*)?\d+\.\d+(?:\.\d+)?|\bRSMo\b|\d+\s+CFR\s+(?:§+\s*)?\d+(?:\.\d+)?|\bCFR\b"
    r"|\d+\s+CSR\s+[\d-]+(?:\.\d+)?|\bCSR\b|\d+\s+U\.S\.C\.\s*(?:§+\s*)?\d+\w*|U\.S\.C\."
    r"|\bForm 14\b|§+\s*[\d.]+", re.I)


class _WithoutEnglish(pages._ArticleParser):
    """The article's blocks with the text of every lang="en" element (and its children) left
    out, so that a name marked as English does not count as English prose; and without code
    (a web address's path, written as code, is not prose either)."""

    def __init__(self) -> None:
        super().__init__()
        self._english: list[str] = []  # tags open inside a lang="en" element
        self._english_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        if tag in pages.VOID_TAGS:
            return
        if self._english_depth or tag == "code" or (
                dict(attrs).get("lang") or "").lower().startswith("en"):
            self._english_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self._english_depth and tag not in pages.VOID_TAGS:
            self._english_depth -= 1
        super().handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if not self._english_depth:
            super().handle_data(data)


def paragraphs_to_detect(html: Path) -> list[str]:
    """The page's own prose blocks (contact cards and tables of figures left out), without
    English names and citations: what the language check reads."""
    parser = _WithoutEnglish()
    parser.feed(html.read_text(encoding="utf-8"))
    parser.close()
    return [CITATION.sub(" ", block) for block in parser.result.prose]
