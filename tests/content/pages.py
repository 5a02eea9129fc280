"""The content pages as the tests see them: their Markdown source and their built HTML.

Shared by the content tests (seed facts, readability, structure). Reading rules, decided once:

- "Content pages" are the Markdown files under docs/ that are written by hand: every `*.md`
  except `docs/calculators/` (calculator pages, generated forms) and `docs/counties/` (county
  pages, generated from data/counties.yml).
- A page's "main text" is the text of the `<article>` element of its built HTML: the page
  body as a reader sees it, without the site header, navigation, search and footer. Inside
  the article, these are left out too, because they are not the page's own prose:
  permalink symbols after headings, scripts and styles, and any element whose class is in
  `SKIP_CLASSES` (the sources list and review date the theme adds from front matter, the
  quick-exit control).
- The main text is kept as blocks: each heading, paragraph, list item, table cell and
  similar element is one block, so that a list item counts as one sentence for readability.
- A block inside a contact card (`[[contact:ID]]`: name, phone, address and sources from
  data/contacts.yml) is part of the page, so facts may be found in it, but it is marked as not
  prose: readability is measured on the page's own sentences, not on cards of data that the
  page's writer does not word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from build_tools.pages.page_urls import page_url

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# Folders under docs/ whose pages are generated, not written by hand.
GENERATED_FOLDERS = ("calculators", "counties")
# The Spanish pages (docs/es/): the English pages' twins, checked against them on their own.
SPANISH_FOLDER = "es"

# Elements inside the article that are not the page's own prose (see the module docstring).
# Class names are those the site's templates and hooks give these elements.
SKIP_CLASSES = frozenset({
    "headerlink",          # the permalink symbol after a heading (toc permalink)
    "site-page-foot",      # sources and review date from front matter (overrides/partials)
    "site-quick-exit",     # the "Exit this page" control (overrides/partials)
    "site-ref",            # a reference number ([[ref:ID]]) pointing into the sources list
})
# Elements that belong to the page but are data rather than prose (see the module docstring).
DATA_CLASSES = frozenset({
    "site-contact",        # a contact card ([[contact:ID]])
    "site-handout",        # the printed page's address and QR code ([[handout:]])
    "site-table",          # a table of figures from the calculators' data (Form 14 by hand)
})

# Elements whose text starts a new block.
BLOCK_TAGS = frozenset({
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "pre",
    "blockquote", "figcaption", "summary", "caption", "address", "div", "section",
    "table", "tr", "ul", "ol", "dl", "details", "br",
})
VOID_TAGS = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "source"})
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def content_sources() -> list[Path]:
    """Every hand-written Markdown page under docs/, sorted."""
    pages = []
    for path in sorted(DOCS.rglob("*.md")):
        rel = path.relative_to(DOCS)
        if rel.parts[0] in GENERATED_FOLDERS or rel.parts[0] == SPANISH_FOLDER:
            continue
        pages.append(path)
    return pages


def url_path(src: Path) -> str:
    """The page's path on the site (use_directory_urls): 'about/privacy/', '' for the home page."""
    return page_url(src.relative_to(DOCS).as_posix())


def built_html(site: Path, url: str) -> Path:
    return site / url / "index.html"


def front_matter(src: Path) -> tuple[dict, str]:
    """The YAML front matter of a Markdown page and the body after it."""
    text = src.read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?\n)---\n(.*)\Z", text, re.S)
    if not match:
        return {}, text
    return yaml.safe_load(match.group(1)) or {}, match.group(2)


def normalise(text: str) -> str:
    """Text for phrase matching: typographic quotes and dashes as ASCII, one space, lower case."""
    text = (text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
            .replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
            .replace("\u00a0", " "))
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class MainText:
    blocks: list[str] = field(default_factory=list)            # text of each block, in order
    prose: list[str] = field(default_factory=list)             # the blocks outside data cards
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, text)
    links: list[tuple[str, str]] = field(default_factory=list)     # (href, link text)

    @property
    def text(self) -> str:
        return " ".join(self.blocks)


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = MainText()
        self._article_depth = 0      # > 0 while inside <article>
        self._stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, data) open in article
        self._skip_depth = 0
        self._data_depth = 0         # > 0 while inside a data card (DATA_CLASSES)
        self._buffer: list[str] = []
        self._heading: tuple[int, list[str]] | None = None
        self._link: tuple[str, list[str]] | None = None

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._buffer)).strip()
        if text:
            self.result.blocks.append(text)
            if not self._data_depth:
                self.result.prose.append(text)
        self._buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._article_depth += 1
            if self._article_depth == 1:
                return
        if not self._article_depth:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        skipped = bool(classes & SKIP_CLASSES) or tag in ("script", "style", "template")
        if tag in BLOCK_TAGS and not self._skip_depth:
            self._flush()
        if tag in VOID_TAGS:
            return
        data = bool(classes & DATA_CLASSES)
        self._stack.append((tag, skipped, data))
        if skipped:
            self._skip_depth += 1
        if data:
            self._data_depth += 1
        if self._skip_depth:
            return
        if tag in HEADING_TAGS:
            self._heading = (int(tag[1]), [])
        if tag == "a":
            self._link = (attributes.get("href") or "", [])

    def handle_endtag(self, tag: str) -> None:
        if not self._article_depth:
            return
        if tag == "article" and not any(entry[0] == "article" for entry in self._stack):
            self._flush()
            self._article_depth -= 1
            return
        if tag in VOID_TAGS:
            return
        # Close up to the matching open element (HTML allows some end tags to be left out).
        while self._stack:
            open_tag, skipped, data = self._stack.pop()
            if skipped:
                self._skip_depth -= 1
            if not self._skip_depth:
                self._close(open_tag)
            if data:
                self._data_depth -= 1
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in HEADING_TAGS and self._heading:
            level, parts = self._heading
            self.result.headings.append((level, re.sub(r"\s+", " ", "".join(parts)).strip()))
            self._heading = None
        if tag == "a" and self._link:
            href, parts = self._link
            self.result.links.append((href, re.sub(r"\s+", " ", "".join(parts)).strip()))
            self._link = None
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._article_depth or self._skip_depth:
            return
        self._buffer.append(data)
        if self._heading:
            self._heading[1].append(data)
        if self._link:
            self._link[1].append(data)


def main_text(html: str) -> MainText:
    """The main text of a built page (see the module docstring for what is left out)."""
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    return parser.result


def page_main_text(site: Path, src: Path) -> MainText:
    return main_text(built_html(site, url_path(src)).read_text(encoding="utf-8"))


def as_sentences(blocks: list[str]) -> str:
    """Blocks joined so that each one counts as a sentence: a block that does not end with
    '.', '!' or '?' (a list item, a heading, a table cell, a line ending in ':') gets a full
    stop."""
    sentences = []
    for block in blocks:
        block = block.rstrip(" :;,")
        if block and block[-1] not in ".!?":
            block += "."
        if block:
            sentences.append(block)
    return " ".join(sentences)
