"""The repository's own documents: README.md stays a short map whose first screen gives the two
commands and where things are, every `make` command it names exists, and every relative link
between the documents (README.md, MAINTAINING.md, HOSTING.md, bench/, calculators/, tests/)
points to a file or folder that exists, and to a heading that exists where it names one.

The site's pages under docs/ are not read here: MkDocs checks their links when it builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
MAX_README_LINES = 250
FIRST_SCREEN_LINES = 20   # about what a laptop's window shows of the file at once

# Every Markdown document of the repository outside the site's pages and page templates.
PATTERNS = ("*.md", "bench/*.md", "calculators/*.md", "data/seeds/*.md", "tests/**/*.md")
DOCUMENTS = sorted({path for pattern in PATTERNS for path in ROOT.glob(pattern)})
MOVED_TO = ("MAINTAINING.md", "HOSTING.md", "bench/README.md", "calculators/README.md")

FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)   # https:, mailto:, tel:


def _prose(text: str) -> str:
    """The text without fenced code blocks and code spans, where brackets are not links."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def anchors(text: str) -> set[str]:
    """The anchors GitHub gives a document's headings: lowercased, punctuation dropped, spaces
    turned into '-', and '-1', '-2' after a heading that repeats an earlier one."""
    seen: dict[str, int] = {}
    found = set()
    for heading in HEADING.findall(FENCE.sub("", text)):
        slug = re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def broken_links(document: Path, root: Path = ROOT) -> list[str]:
    """Each relative link of ``document`` whose file, folder or heading does not exist (files
    named relative to ``root``)."""
    text = document.read_text(encoding="utf-8")
    problems = []
    for target in LINK.findall(_prose(text)):
        if EXTERNAL.match(target):
            continue
        path_part, _, fragment = target.partition("#")
        path = (document.parent / path_part).resolve() if path_part else document
        if not path.exists():
            problems.append(f"{target}: no such file or folder")
        elif fragment and path.suffix == ".md" and \
                fragment not in anchors(path.read_text(encoding="utf-8")):
            problems.append(f"{target}: no heading '#{fragment}' in {path.relative_to(root)}")
    return problems


def test_the_documents_are_found():
    names = {path.relative_to(ROOT).as_posix() for path in DOCUMENTS}
    assert {"README.md", *MOVED_TO, "calculators/CONTRACT.md", "tests/scenarios/README.md"} <= names


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(document: Path):
    problems = broken_links(document)
    assert not problems, f"{document.relative_to(ROOT)}: " + "; ".join(problems)


def test_the_readme_is_a_short_map():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < MAX_README_LINES, (
        f"README.md has {len(lines)} lines; it is a map (under {MAX_README_LINES}): put the "
        f"detail into the document the map points to ({', '.join(MOVED_TO)})")
    first_screen = "\n".join(lines[:FIRST_SCREEN_LINES])
    assert "make serve" in first_screen and "make test" in first_screen
    assert "## Where things are" in first_screen
    for document in MOVED_TO:
        assert f"]({document})" in README.read_text(encoding="utf-8"), document


def test_every_make_command_the_readme_names_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    named = set(re.findall(r"(?:^|`)make ([a-z][a-z-]*)", README.read_text(encoding="utf-8"), re.M))
    assert {"serve", "test", "test-fast", "lint", "build"} <= named
    assert named <= targets, f"README.md names make targets the Makefile lacks: {named - targets}"


def test_a_broken_link_or_heading_is_named(tmp_path):
    (tmp_path / "there.md").write_text("# A heading\n\n## Twice\n\n## Twice\n", encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text(
        "[ok](there.md#a-heading) [ok](there.md#twice-1) [ok](https://example.org/x)\n"
        "`[not a link](nowhere.md)`\n```\n[not a link](nowhere.md)\n```\n"
        "[gone](missing.md) [no heading](there.md#twice-2) [here](#nothing)\n",
        encoding="utf-8")
    assert broken_links(document, tmp_path) == [
        "missing.md: no such file or folder",
        "there.md#twice-2: no heading '#twice-2' in there.md",
        "#nothing: no heading '#nothing' in doc.md",
    ]
