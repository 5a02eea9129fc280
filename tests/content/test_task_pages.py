"""The task pages answer first, and the pages that state the same rule state it alike.

- Each task page's first paragraph (the answer) is at most 60 words (tests/content/task_pages.py
  lists the pages; tests/browser/test_first_screen.py checks that it and a first action fit the
  first screen of a phone).
- The college rules of RSMo 452.340.5 stand on the page for the parent who pays (how long) and
  on the page for the parent who gets support (when a child turns 18): the two say the same
  figures, so they cannot disagree.
- No page talks about the site's own copies of its sources ("our copy", "an older copy was cut
  off"): a page talks about the parent's case.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.content import pages
from tests.content.task_pages import MAX_FIRST_PARAGRAPH_WORDS, TASK_PAGES, first_paragraph, word_count


def test_word_count_counts_a_phone_number_as_one_word_and_a_dash_as_none():
    assert word_count("Call FSD at 866-313-9960 - today.") == 5


def test_first_paragraph_is_the_first_paragraph_after_the_title():
    html = "<p>menu</p><article><h1>Title</h1><p>The <a href='x'>answer</a> here.</p><p>More.</p>"
    assert first_paragraph(html) == "The answer here."


@pytest.mark.parametrize("src", TASK_PAGES)
def test_a_task_page_answers_in_at_most_60_words(src, built_site):
    html = pages.built_html(built_site.path, pages.url_path(pages.DOCS / src))
    text = first_paragraph(html.read_text(encoding="utf-8"))
    assert text, f"docs/{src}: no paragraph after the title"
    words = word_count(text)
    assert words <= MAX_FIRST_PARAGRAPH_WORDS, (
        f"docs/{src}: the first paragraph has {words} words (at most "
        f"{MAX_FIRST_PARAGRAPH_WORDS}): keep the answer and the first action, move the rest down")


# Each rule of RSMo 452.340.5 that both pages state, as a pattern whose groups are its figures.
COLLEGE_RULES = {
    "enrol by": r"enroll by (october \d+) after high school",
    "credit hours": r"at least (\d+) credit hours a semester",
    "working child": r"works at least (\d+) hours a week needs only (\d+) credit hours",
    "disability": r"(disability) or health problem limits how many credit hours",
    "age": r"until the child finishes, or turns (\d+)",
    "failing": r"fails (half or more) of their classes in a (semester)",
    "records": r"school records within (\d+) days of a request",
    "summer": r"(summer) terms do not count",
}
COLLEGE_PAGES = ("paying-support/how-long.md", "receiving-support/child-turns-18.md")


def college_rules(site: Path, src: str) -> dict[str, set[tuple[str, ...]]]:
    """Each rule's figures as the page states them (a rule stated twice counts once)."""
    text = pages.normalise(pages.page_main_text(site, pages.DOCS / src).text)
    return {rule: {match.groups() for match in re.finditer(pattern, text)}
            for rule, pattern in COLLEGE_RULES.items()}


def test_the_college_rules_are_the_same_on_both_pages(built_site):
    found = {src: college_rules(built_site.path, src) for src in COLLEGE_PAGES}
    for src, rules in found.items():
        missing = [rule for rule, figures in rules.items() if not figures]
        assert not missing, f"docs/{src} does not state the college rule(s): {missing}"
    first, second = (found[src] for src in COLLEGE_PAGES)
    assert first == second, f"the college rules differ: {first} against {second}"
    assert first["credit hours"] == {("12",)} and first["working child"] == {("15", "9")}


# Sentences about the site's own copies of its sources, or which sources it has: a page talks
# about the parent's case and says whom to ask where a fact is not known.
SITE_COPY_PHRASES = (
    "our copy",
    "older copy",
    "an old copy",
    "stored copy",
    "copy we have",
    "cut off after",
    "was cut off",
    "our sources",
    "we have a source",
    "the figures we have",
    "so we say",
)


def every_built_page(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


def test_the_built_site_has_pages_to_search(built_site):
    found = every_built_page(built_site.path)
    assert len(found) > 115 + len(pages.content_sources()) - 1


def test_no_page_talks_about_the_sites_copies_of_its_sources(built_site):
    said = []
    for html in every_built_page(built_site.path):
        text = pages.normalise(pages.main_text(html.read_text(encoding="utf-8")).text)
        said += [f"/{html.parent.relative_to(built_site.path).as_posix()}/: '{phrase}'"
                 for phrase in SITE_COPY_PHRASES if phrase in text]
    assert not said, "pages that talk about the site's copies of sources: " + "; ".join(said)
