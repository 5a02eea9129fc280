"""The task pages: the pages a parent opens to get one thing done, whose first paragraph gives
the answer and whose first screen on a phone shows a first action (a link, a phone number or
step 1). Shared by tests/content/test_task_pages.py and tests/browser/test_first_screen.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Markdown sources under docs/, in the order a parent usually meets them.
TASK_PAGES = (
    "receiving-support/open-a-case.md",
    "receiving-support/get-payments.md",
    "paying-support/pay.md",
    "receiving-support/when-support-is-not-paid.md",
    "receiving-support/child-turns-18.md",
    "receiving-support/fees.md",
    "about/legal-help.md",
    "paying-support/review-and-change.md",
)

# The longest first paragraph a task page may have, in words.
MAX_FIRST_PARAGRAPH_WORDS = 60

# The phone the first screen is measured on (CSS pixels).
PHONE_VIEWPORT = {"width": 390, "height": 844}

_WORD = re.compile(r"\w")


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of non-space holding a letter or a digit
    ("866-313-9960" is one word, a lone dash is none)."""
    return sum(1 for token in text.split() if _WORD.search(token))


class _FirstParagraph(HTMLParser):
    """The text of the first <p> after the article's <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen_h1 = False
        self.depth = 0          # > 0 while inside the paragraph
        self.parts: list[str] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "h1":
            self.seen_h1 = True
        elif tag == "p" and self.seen_h1:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.depth:
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.depth and not self.done:
            self.parts.append(data)


def first_paragraph(html: str) -> str:
    """The first paragraph after the page's title, as text ('' if there is none)."""
    parser = _FirstParagraph()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())
