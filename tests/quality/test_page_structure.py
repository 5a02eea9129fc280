"""On every built page, without a browser: one h1, headings in order (never skipping a level on
the way down), and a label on every form control. axe checks the same in Chromium on the
templates and their states (test_accessibility.py); this covers all 115 county pages as well.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Controls that take no label: they are buttons with their own text, or carry no value to enter.
UNLABELLED_TYPES = {"hidden", "submit", "reset", "button", "image"}


@dataclass
class _Control:
    line: int
    tag: str
    attrs: dict[str, str]
    in_label: bool


@dataclass
class PageStructure:
    headings: list[tuple[int, int, str]] = field(default_factory=list)  # (line, level, text)
    controls: list[_Control] = field(default_factory=list)
    label_text: dict[str, str] = field(default_factory=dict)  # label for= id -> its text
    text_by_id: dict[str, str] = field(default_factory=dict)
    redirect: bool = False


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = PageStructure()
        self._open: list[tuple[str, str | None, list[str]]] = []  # (tag, id, text parts)
        self._heading: tuple[int, int, list[str]] | None = None
        self._labels: list[str | None] = []  # the for= of each open <label>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.found.redirect = True
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = (self.getpos()[0], int(tag[1]), [])
        if tag == "label":
            self._labels.append(values.get("for"))
        if tag in ("input", "select", "textarea"):
            self.found.controls.append(_Control(self.getpos()[0], tag, values, bool(self._labels)))
        if tag not in ("input", "meta", "link", "br", "img", "hr", "source", "wbr"):
            self._open.append((tag, values.get("id"), []))

    def handle_endtag(self, tag: str) -> None:
        if self._heading and tag == f"h{self._heading[1]}":
            line, level, parts = self._heading
            self.found.headings.append((line, level, " ".join("".join(parts).split())))
            self._heading = None
        if tag == "label" and self._labels:
            target = self._labels.pop()
            if target:
                self.found.label_text[target] = self._text_of("label")
        if all(open_tag != tag for open_tag, _, _ in self._open):
            return  # a void element written <x/>, or a stray end tag
        while self._open:
            open_tag, element_id, parts = self._open.pop()
            if element_id:
                self.found.text_by_id[element_id] = " ".join("".join(parts).split())
            if open_tag == tag:
                break

    def _text_of(self, tag: str) -> str:
        for open_tag, _, parts in reversed(self._open):
            if open_tag == tag:
                return " ".join("".join(parts).split())
        return ""

    def handle_data(self, data: str) -> None:
        if self._heading:
            self._heading[2].append(data)
        for _, _, parts in self._open:
            parts.append(data)


def read_structure(path: Path) -> PageStructure:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.found


def heading_problems(found: PageStructure) -> list[str]:
    problems = []
    levels = [level for _, level, _ in found.headings]
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 headings (a page has exactly one: its title)")
    previous = 0
    for line, level, text in found.headings:
        if previous == 0 and level != 1:
            problems.append(f"line {line}: the first heading is h{level} ({text!r}), not h1")
        elif level > previous + 1 and previous:
            problems.append(f"line {line}: h{level} {text!r} follows h{previous}: make it "
                            f"h{previous + 1} (no level is skipped on the way down)")
        previous = level
    return problems


def label_problems(found: PageStructure) -> list[str]:
    problems = []
    for control in found.controls:
        attrs = control.attrs
        if control.tag == "input" and attrs.get("type", "text").lower() in UNLABELLED_TYPES:
            continue
        # Material's drawer, search and nav toggles: hidden by its stylesheet
        # (.md-toggle{display:none}) and worked through their visible <label>s.
        if "md-toggle" in attrs.get("class", "").split():
            continue
        named = (attrs.get("aria-label", "").strip() or attrs.get("title", "").strip()
                 or control.in_label
                 or found.label_text.get(attrs.get("id", ""), "").strip()
                 or any(found.text_by_id.get(ref, "").strip()
                        for ref in attrs.get("aria-labelledby", "").split()))
        if not named:
            problems.append(f"line {control.line}: <{control.tag} id={attrs.get('id')!r}> has no "
                            "label: add <label for=\"ID\">, or aria-labelledby")
    return problems


@functools.lru_cache(maxsize=1)
def _every_page(site: Path) -> dict[str, PageStructure]:
    return {path.relative_to(site).as_posix(): read_structure(path)
            for path in sorted(site.rglob("*.html"))}


def test_every_page_has_one_h1_and_headings_in_order(built_site) -> None:
    failing = {name: problems for name, found in _every_page(built_site.path).items()
               if not found.redirect and (problems := heading_problems(found))}
    assert not failing, "headings out of order (fix the page's Markdown, or its template):\n" + \
        "\n".join(f"{name}:\n  " + "\n  ".join(problems) for name, problems in failing.items())


def test_every_form_control_on_every_page_has_a_label(built_site) -> None:
    failing = {name: problems for name, found in _every_page(built_site.path).items()
               if (problems := label_problems(found))}
    assert not failing, "form controls without a label:\n" + "\n".join(
        f"{name}:\n  " + "\n  ".join(problems) for name, problems in failing.items())


def _structure_of(html: str, tmp_path: Path) -> PageStructure:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return read_structure(path)


def test_skipped_levels_and_extra_h1s_are_reported(tmp_path: Path) -> None:
    found = _structure_of("<h1>A</h1>\n<h2>B</h2>\n<h4>C</h4>\n<h1>D</h1>", tmp_path)
    problems = heading_problems(found)
    assert problems[0].startswith("2 h1 headings")
    assert "line 3: h4 'C' follows h2: make it h3" in problems[1]
    assert not heading_problems(_structure_of("<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2>",
                                              tmp_path))


def test_a_control_without_a_label_is_reported_and_labelled_ones_are_not(tmp_path: Path) -> None:
    found = _structure_of(
        '<label for="a">Amount</label><input id="a">'
        '<label>Date <input type="date"></label>'
        '<span id="t">Orders</span><select aria-labelledby="t"></select>'
        '<input type="text" aria-label="Search">'
        '<input type="checkbox" class="md-toggle" id="__drawer"><button>Go</button>'
        '<input type="submit" value="Go">\n<textarea id="lonely"></textarea>'
        '<label for="empty"></label><input id="empty"><p><input aria-label="x"/></p>', tmp_path)
    assert [problem.split(":")[0] for problem in label_problems(found)] == ["line 2", "line 2"]
