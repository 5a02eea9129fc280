"""Markdown shortcodes: ``[[KIND:ARGS]]`` in a page, replaced before the Markdown is rendered.

A shortcode names data that lives elsewhere (a contact in data/contacts.yml, a worked example
of a calculator) so that a page never copies it. Each kind is registered here by the module that
owns its data::

    from build_tools.data import shortcodes

    def render_phone(args: str, context: shortcodes.Context) -> str:
        ...  # return Markdown or HTML; raise shortcodes.ShortcodeError("what to write instead")

    shortcodes.register("phone", render_phone, usage="[[phone:ID]]",
                        summary="a phone number as a link that dials it")

Rules every kind shares:

- Shortcodes inside inline code (`` `[[phone:x]]` ``) or fenced code blocks are left as they are,
  so that a page for maintainers can show the syntax.
- A *block* kind (``block=True``) must stand alone on its line, not indented: its output is a
  block of HTML, which Markdown does not allow inside a sentence or a list item.
- Every mistake (an unknown kind, a malformed shortcode, a bad argument) is collected with its
  line number, and :func:`expand` raises one :class:`ShortcodeErrors` listing all of them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from calculators.wording import closest

# Anything between "[[" and "]]" on one line is taken to be a shortcode attempt, so that a typo
# such as "[[phone fsd]]" is reported instead of being published as text.
CANDIDATE = re.compile(r"\[\[([^\[\]\n]*)\]\]")
WELL_FORMED = re.compile(r"^([a-z][a-z0-9-]*):([^\s\]]*)$")
FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A code span: a run of backticks, then text (not crossing a blank line), then the same run.
CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)


class ShortcodeError(Exception):
    """Raised by a kind's renderer: the message says what is wrong and what to write instead."""


@dataclass
class Problem:
    line: int
    text: str      # the shortcode as written
    message: str


class ShortcodeErrors(Exception):
    """Every shortcode mistake in one page, each with its line."""

    def __init__(self, page: str, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.describe(page))

    def describe(self, page: str) -> str:
        """Every problem, one a line, with the page named as ``page``."""
        return "\n".join(f"{page}, line {p.line}: {p.text}: {p.message}" for p in self.problems)


@dataclass
class Context:
    """What a renderer may know about the page it is rendering into."""

    src_uri: str                     # the page's path under docs/, e.g. "counties/index.md"
    config: Mapping[str, Any]        # the MkDocs configuration (``extra`` is read from it)
    data: Mapping[str, Any] = field(default_factory=dict)  # loaded data files, by name
    line_offset: int = 0             # lines of front matter above the Markdown, for messages
    line: int = 0                    # the line (in the file) of the shortcode being rendered
    scripts: list[str] = field(default_factory=list)  # site-relative scripts the page needs
    modules: list[str] = field(default_factory=list)  # the same, loaded as ES modules
    shown_contacts: dict[str, int] = field(default_factory=dict)  # contact cards shown: line
    # The page's language (build_tools/i18n/: its build's theme.language): the renderers write
    # their own words in it.
    lang: str = "en"

    def path_to(self, src_uri: str) -> str:
        """A relative link from this page to another page's source file (``counties/x.md``).

        MkDocs turns it into the right URL and checks that the page exists."""
        return posixpath.relpath(src_uri, posixpath.dirname(self.src_uri) or ".")

    def require_script(self, path: str, *, module: bool = False) -> None:
        """Ask for a script (site-relative, e.g. ``assets/site/county-finder.js``) on this page;
        ``module=True`` loads it with ``type="module"`` (it may then import other files)."""
        scripts = self.modules if module else self.scripts
        if path not in scripts:
            scripts.append(path)


Renderer = Callable[[str, Context], str]


@dataclass(frozen=True)
class Kind:
    name: str
    render: Renderer
    block: bool
    usage: str     # how to write it, e.g. "[[phone:ID]]"
    summary: str   # what it produces, for error messages and the README


_KINDS: dict[str, Kind] = {}


def register(name: str, render: Renderer, *, usage: str, summary: str, block: bool = False) -> None:
    """Register a kind. Registering the same kind again from the same module replaces it (MkDocs
    may load a hook file more than once); another module taking a name already used is an error."""
    if not WELL_FORMED.match(f"{name}:"):
        raise ValueError(f"shortcode kind {name!r}: use lowercase letters, digits and '-'")
    existing = _KINDS.get(name)
    if existing is not None and existing.render.__module__ != render.__module__:
        raise ValueError(f"shortcode kind {name!r} is already registered by "
                         f"{existing.render.__module__}")
    _KINDS[name] = Kind(name, render, block, usage, summary)


def kinds() -> dict[str, Kind]:
    """The registered kinds, by name."""
    return dict(_KINDS)


def protected_spans(markdown: str) -> list[tuple[int, int]]:
    """Character ranges of fenced code blocks and code spans, where shortcodes are not expanded."""
    spans: list[tuple[int, int]] = []
    outside: list[tuple[int, int]] = []  # text between fences, searched for code spans
    offset = 0
    fence: str | None = None
    fence_start = 0
    text_start = 0
    for line in markdown.splitlines(keepends=True):
        stripped = line.strip()
        if fence is None:
            opened = FENCE_OPEN.match(line)
            if opened:
                fence = opened.group(1)
                fence_start = offset
                outside.append((text_start, offset))
        elif stripped.startswith(fence[0] * len(fence)) and stripped.strip(fence[0]) == "":
            spans.append((fence_start, offset + len(line)))
            fence = None
            text_start = offset + len(line)
        offset += len(line)
    if fence is not None:  # an unclosed fence runs to the end, as Markdown reads it
        spans.append((fence_start, len(markdown)))
    else:
        outside.append((text_start, len(markdown)))
    for start, end in outside:
        for match in CODE_SPAN.finditer(markdown, start, end):
            spans.append(match.span())
    return sorted(spans)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _line_of(markdown: str, position: int) -> int:
    return markdown.count("\n", 0, position) + 1


def _alone_on_line(markdown: str, start: int, end: int) -> bool:
    line_start = markdown.rfind("\n", 0, start) + 1
    line_end = markdown.find("\n", end)
    line_end = len(markdown) if line_end == -1 else line_end
    return markdown[line_start:start] == "" and markdown[end:line_end].strip() == ""


def _known_kinds_text() -> str:
    """The known kinds, one a line with what each shows (messages end with this list)."""
    return "".join(f"\n    {kind.usage}  {kind.summary}"
                   for kind in sorted(_KINDS.values(), key=lambda k: k.name))


def _check_form(text: str) -> tuple[str, str] | str:
    """(kind, args) for a well-formed, known shortcode; otherwise the message saying what to do."""
    body = text[2:-2]
    match = WELL_FORMED.match(body)
    if not match:
        leading = re.match(r"\s*([A-Za-z][A-Za-z0-9-]*)", body)
        name = leading.group(1).lower() if leading else ""
        if name in _KINDS:
            return (f"malformed shortcode: write it as {_KINDS[name].usage} (the kind in "
                    f"lowercase, no spaces).")
        return (f"malformed shortcode: write [[KIND:ARGS]] with no spaces. "
                f"Known kinds:{_known_kinds_text()}")
    name, args = match.groups()
    if name not in _KINDS:
        close = closest(name, list(_KINDS))
        hint = f" Did you mean [[{close}:{args}]]?" if close else ""
        return f"unknown shortcode kind {name!r}.{hint} Known kinds:{_known_kinds_text()}"
    return name, args


def expand(markdown: str, context: Context) -> str:
    """Replace every shortcode outside code with its rendering; raise ShortcodeErrors on mistakes."""
    spans = protected_spans(markdown)
    problems: list[Problem] = []
    pieces: list[str] = []
    last = 0
    for match in CANDIDATE.finditer(markdown):
        if _inside(match.start(), spans):
            continue
        text = match.group(0)
        line = _line_of(markdown, match.start()) + context.line_offset
        checked = _check_form(text)
        if isinstance(checked, str):
            problems.append(Problem(line, text, checked))
            continue
        kind = _KINDS[checked[0]]
        alone = _alone_on_line(markdown, match.start(), match.end())
        if kind.block and not alone:
            problems.append(Problem(line, text, (
                f"{kind.usage} is a block: put it on a line of its own, not indented and not in "
                f"a sentence or a list item.")))
            continue
        context.line = line
        try:
            rendered = kind.render(checked[1], context)
        except ShortcodeError as error:
            problems.append(Problem(line, text, str(error)))
            continue
        if kind.block:
            rendered = f"\n{rendered.strip()}\n"
        pieces.append(markdown[last:match.start()])
        pieces.append(rendered)
        last = match.end()
    if problems:
        raise ShortcodeErrors(context.src_uri, problems)
    pieces.append(markdown[last:])
    return "".join(pieces)


def suggest(value: str, known: list[str]) -> str:
    """' Did you mean "x"?' for a near miss among ``known``, else ''."""
    close = closest(value, known)
    return f' Did you mean "{close}"?' if close else ""
