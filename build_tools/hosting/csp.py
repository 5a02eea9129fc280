"""The content security policy written into every built page, as a ``<meta>`` tag.

Static hosts usually cannot set response headers, so each page carries its own policy in
``<meta http-equiv="Content-Security-Policy">``, inserted at the top of ``<head>`` before any
script, with a referrer policy beside it. The policy allows scripts, styles, workers and
requests only from the site itself; an inline ``<script>`` or ``<style>`` block is allowed by the
SHA-256 hash of its exact text, computed here for each page. No page gets ``'unsafe-inline'``,
``'unsafe-eval'`` or ``'wasm-unsafe-eval'``: Pyodide runs in a worker, whose own policy comes
from its response headers (build_tools/hosting/headers.py declares them for the hosts that read them).

What a hash cannot allow fails the build, naming the page and what to change instead:
an inline event handler (``onclick=``), a ``javascript:`` URL, a ``style=`` attribute, and an
inline script whose end a browser might find somewhere else than we do (``<!--`` or ``<script``
inside it).

build_tools/hooks/csp.py applies this to every ``*.html`` file after everything else has
written the site, including redirect pages and the calculator pages.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Decided: no referrer at all. The site needs none (no analytics, no sign-in), and the address of
# a page someone read here (a page about domestic violence, a county) is nobody else's business.
REFERRER_POLICY = "no-referrer"

# Sources every page allows. `data:` images: Material's stylesheet draws its icons with
# `mask-image: url("data:image/svg+xml,...")`, which the img-src directive governs.
BASE_DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'",)),      # + the page's inline script hashes
    ("style-src", ("'self'",)),       # + the page's inline style block hashes
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("worker-src", ("'self'",)),
    ("manifest-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
)
# Never in a page's policy: each would reopen what the policy is there to close.
FORBIDDEN_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'",
                     "*", "http:", "https:")

# `<script type>` values a browser executes (or, for importmap and speculationrules, reads as
# script-src governs them). Other types (application/json, ld+json) are data and need no hash.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "importmap",
                "speculationrules", "text/ecmascript", "application/ecmascript"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}

CSP_META = re.compile(
    r'[ \t]*<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*/?>\n?', re.I)
REFERRER_META = re.compile(r'[ \t]*<meta\s+name="referrer"\s+content="[^"]*"\s*/?>\n?', re.I)


class CspError(Exception):
    """Pages that cannot be given a safe policy; the message lists each with what to change."""


@dataclass(frozen=True)
class Problem:
    page: str     # the page, as the person who must fix it knows it (its Markdown file)
    line: int     # line in the built HTML file
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.page}, line {self.line} of the built HTML: {self.what}. {self.fix}"


def source_hash(text: str) -> str:
    """The CSP source expression for an inline block: 'sha256-<base64 of its UTF-8 text>'.

    A browser hashes the text after the HTML parser has turned CR LF and lone CR into LF.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def build_policy(script_hashes: Iterable[str] = (), style_hashes: Iterable[str] = ()) -> str:
    """The policy text for a page with these inline script and style hashes."""
    extra = {"script-src": _unique(script_hashes), "style-src": _unique(style_hashes)}
    return "; ".join(" ".join((name, *sources, *extra.get(name, ())))
                     for name, sources in BASE_DIRECTIVES)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


@dataclass
class _Inline:
    kind: str     # "script" or "style"
    line: int
    text: str


class _PageScan(HTMLParser):
    """Finds inline blocks, what a hash cannot allow, and where ``<head>`` begins."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.blocks: list[_Inline] = []
        self.problems: list[tuple[int, str, str]] = []  # (line, what, fix)
        self.head_insert_at: int | None = None
        self._head_open_end: int | None = None
        self._first_in_head = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        if tag == "head" and self._head_open_end is None:
            self._head_open_end = end
            self.head_insert_at = end
            self._first_in_head = True
        elif self._first_in_head:
            # `<meta charset>` stays first: it must sit in the first 1024 bytes.
            if tag == "meta" and any(name == "charset" for name, _ in attrs):
                self.head_insert_at = end
            self._first_in_head = False
        self._check_attributes(tag, attrs, line)
        if tag in ("script", "style"):
            self._inline_block(tag, dict(attrs), line, end)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def _check_attributes(self, tag: str, attrs: list[tuple[str, str | None]], line: int) -> None:
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append((
                    line,
                    f'<{tag} {name}="..."> is an inline event handler, which the policy blocks',
                    "Attach the handler from a script file under docs/assets/ with "
                    "addEventListener, and remove the attribute."))
            elif name in URL_ATTRIBUTES and re.sub(r"[\s\x00-\x1f]", "", value).lower() \
                    .startswith("javascript:"):
                self.problems.append((
                    line, f'<{tag} {name}="javascript:..."> is a javascript: URL, which the '
                    "policy blocks",
                    "Use a real link, or a <button> whose click handler lives in a script file "
                    "under docs/assets/."))
            elif name == "style":
                self.problems.append((
                    line, f'<{tag} style="{value[:60]}"> is an inline style attribute, which the '
                    "policy blocks",
                    "Give the element a class and put the rule in the site's stylesheet under "
                    "docs/assets/ (a Markdown table's column alignment, `:--`, writes one: "
                    "remove the colons)."))

    def _inline_block(self, tag: str, attrs: dict[str, str | None], line: int,
                      content_start: int) -> None:
        close = re.compile(rf"</{tag}[\s/>]", re.I).search(self.source, content_start)
        text = self.source[content_start:close.start() if close else len(self.source)]
        if tag == "script":
            if "src" in attrs:
                if text.strip():
                    self.problems.append((
                        line, "a <script src> also has text inside it, which no browser runs",
                        "Remove the text, or move it into its own file."))
                return
            if (attrs.get("type") or "").strip().lower() not in SCRIPT_TYPES:
                return  # a data block (JSON): never executed, needs no hash
            if re.search(r"<!--|<script", text, re.I):
                self.problems.append((
                    line, "an inline script contains `<!--` or `<script`, so a browser may end "
                    "it somewhere else than the hash was computed for",
                    "Move the script into a file under docs/assets/ and load it with "
                    "<script src>, or write the string as '<\\!--' / '<\\script'."))
                return
        if text.strip():
            self.blocks.append(_Inline(tag, line, text))


@dataclass(frozen=True)
class SecuredPage:
    html: str
    policy: str
    problems: list[Problem]


def secure_page(html: str, page: str) -> SecuredPage:
    """Insert (or replace) the page's policy and referrer meta tags.

    ``page`` names the page in problem messages. A page with problems is returned unchanged,
    with the problems listed.
    """
    html = REFERRER_META.sub("", CSP_META.sub("", html))
    scan = _PageScan(html)
    scan.feed(html)
    scan.close()
    problems = [Problem(page, line, what, fix) for line, what, fix in scan.problems]
    if scan.head_insert_at is None:
        problems.append(Problem(page, 1, "the page has no <head> start tag, so it has nowhere "
                                "to carry its content security policy",
                                "Give the template an explicit <head>."))
    policy = build_policy(
        (source_hash(b.text) for b in scan.blocks if b.kind == "script"),
        (source_hash(b.text) for b in scan.blocks if b.kind == "style"))
    if problems:
        return SecuredPage(html, policy, problems)
    assert scan.head_insert_at is not None
    tags = (f'\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
            f'\n<meta name="referrer" content="{REFERRER_POLICY}">')
    at = scan.head_insert_at
    return SecuredPage(html[:at] + tags + html[at:], policy, [])


def secure_site(site_dir: Path, page_name: Callable[[str], str] = str) -> int:
    """Secure every ``*.html`` file under ``site_dir`` in place; return how many were written.

    ``page_name`` turns a file's path relative to the site into the name a maintainer knows
    (its Markdown source). Raises CspError listing every problem on every page.
    """
    problems: list[Problem] = []
    secured: list[tuple[Path, str]] = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        result = secure_page(path.read_text(encoding="utf-8"), page_name(relative))
        problems.extend(result.problems)
        secured.append((path, result.html))
    if problems:
        raise CspError(
            f"{len(problems)} thing(s) on the built pages would need 'unsafe-inline' in the "
            "content security policy, which this site never allows:\n"
            + "\n".join(f"  - {problem}" for problem in problems))
    for path, html in secured:
        path.write_text(html, encoding="utf-8")
    return len(secured)
