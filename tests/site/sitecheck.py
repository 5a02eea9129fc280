"""Reading a built site for the site tests: every page's links, ids and external references."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that load something (a page that names another host here makes a request there).
LOADING = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("source", "src"),
    ("source", "srcset"), ("audio", "src"), ("video", "src"), ("video", "poster"),
    ("embed", "src"), ("object", "data"), ("link", "href"),
}
# <link rel=...> values that only name a page and load nothing.
NON_LOADING_LINK_RELS = {"canonical", "prev", "next", "alternate"}
SKIPPED_SCHEMES = ("tel:", "mailto:", "javascript:", "data:")


@dataclass
class Page:
    path: Path                       # the HTML file
    url: str                         # its path on the site, e.g. "/counties/" (with the base)
    links: list[tuple[str, str]] = field(default_factory=list)   # (tag.attr, value)
    ids: set[str] = field(default_factory=set)
    loads: list[tuple[str, str]] = field(default_factory=list)   # (tag, url) loaded by the page
    tel_links: list[tuple[str, str]] = field(default_factory=list)  # (href, visible text)
    css_urls: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._tel: list | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for key in ("id", "name"):
            if key in values and (key == "id" or tag == "a"):
                self.page.ids.add(values[key])
        rel = set(values.get("rel", "").split())
        for attr in ("href", "src", "action", "srcset", "poster", "data"):
            if attr not in values:
                continue
            value = values[attr]
            if (tag, attr) in LOADING and not (tag == "link" and rel <= NON_LOADING_LINK_RELS
                                               and rel):
                for part in value.split(",") if attr == "srcset" else [value]:
                    self.page.loads.append((tag, part.strip().split(" ")[0]))
            if attr in ("href", "src", "action"):
                self.page.links.append((f"{tag}.{attr}", value))
        if tag == "a" and values.get("href", "").startswith("tel:"):
            self._tel = [values["href"], ""]

    def handle_data(self, data: str) -> None:
        if self._tel is not None:
            self._tel[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._tel is not None:
            self.page.tel_links.append((self._tel[0], self._tel[1].strip()))
            self._tel = None


def url_of(site: Path, html: Path, base: str = "/") -> str:
    relative = html.relative_to(site).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return base + relative


def read_page(site: Path, html: Path, base: str = "/") -> Page:
    page = Page(html, url_of(site, html, base))
    _Parser(page).feed(html.read_text(encoding="utf-8"))
    return page


def read_site(site: Path, base: str = "/") -> dict[str, Page]:
    """Every HTML page of a built site, by URL path."""
    return {page.url: page for page in (read_page(site, html, base)
                                        for html in sorted(site.rglob("*.html")))}


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme in ("http", "https") or url.startswith("//"))


def resolve(page_url: str, href: str) -> tuple[str, str]:
    """(path, fragment) of ``href`` as a browser resolves it on the page at ``page_url``."""
    parts = urlsplit(urljoin("http://site.invalid" + page_url, href))
    return unquote(parts.path), unquote(parts.fragment)


def target_file(site: Path, base: str, path: str) -> Path | None:
    """The file a static host serves for ``path``, or None (also None outside the base)."""
    if not path.startswith(base):
        return None
    relative = path[len(base):]
    candidate = site / relative
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, base: str = "/", pages: dict[str, Page] | None = None,
                 ignore_fragment=lambda path, fragment: False) -> list[str]:
    """Every internal href/src/action whose file, or whose #id, is missing: 'page: link (why)'."""
    pages = pages if pages is not None else read_site(site, base)
    problems = []
    ids_by_file: dict[Path, set[str]] = {page.path: page.ids for page in pages.values()}
    for page in pages.values():
        for where, link in page.links:
            if not link or is_external(link) or link.startswith(SKIPPED_SCHEMES):
                continue
            path, fragment = resolve(page.url, link)
            target = target_file(site, base, path)
            if target is None:
                problems.append(f"{page.url}: {where}={link!r} (no file for {path})")
                continue
            if fragment and not ignore_fragment(path, fragment) and target.suffix == ".html":
                ids = ids_by_file.get(target)
                if ids is None:
                    ids = read_page(site, target, base).ids
                if fragment not in ids:
                    problems.append(f"{page.url}: {where}={link!r} (no id {fragment!r})")
    return problems
