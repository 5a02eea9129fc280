"""The pages for working Form 14 by hand, made at build time from the calculator's own data.

A parent without JavaScript (or who wants to check the calculator) fills in the court's Form 14
on paper. These pages give what that takes, from the edition of Form 14 in force on the day of
the build: the rule ``support_amount.form14`` in calculators/rules.toml names it, and
``calculators.schedule`` reads it, exactly as the calculator does. Nothing here names a schedule
file, so a new edition (a new dated line in rules.toml) changes these pages on the day it takes
effect.

- ``calculators/support-amount/by-hand/``: how to work it out, the link to the court's Form 14
  and its directions, the self-support reserve limits, the overnight table and the child care
  tax credit table (template: data/form14_by_hand.md).
- ``calculators/support-amount/schedule/<N>-child(ren)/``: the whole Schedule of Basic Child
  Support Obligations for one number of children, 1 to the edition's last, every row, with a
  jump list by $1,000 of combined income; the rows where the low-income calculation applies
  (at or below the self-support limit for that number of children) are marked (template:
  data/form14_schedule_page.md). One page per number of children keeps each page within the
  content-page budget and two columns wide on a phone.

The templates are Jinja (front matter and Markdown with HTML tables, like data/county_page.md);
the build hook (build_tools/hooks/site.py) adds the pages in ``on_files``. The pages stay out of
the site search (``search: {exclude: true}`` in their front matter): every page downloads the
search index, and 4,650 amounts would only make it heavier.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

from build_tools.counties import FRONT_MATTER
from build_tools.url_manifest import page_url as page_url  # re-exported for the tests
from calculators import rules
from calculators.dates import long_date
from calculators.schedule import Edition, edition
from calculators.support_amount import FORM14

BY_HAND = "calculators/support-amount/by-hand.md"
CALCULATOR = "calculators/support-amount.md"
SCHEDULE_FOLDER = "calculators/support-amount/schedule"
TEMPLATES = {"by_hand": "form14_by_hand.md", "schedule": "form14_schedule_page.md"}
JUMP_STEP = 1000  # the jump list's step, in dollars of combined income


class Form14PagesError(ValueError):
    """A template of these pages cannot be rendered."""


def usd(amount: int) -> str:
    """Whole dollars as the pages show them: "$1,350"."""
    return f"${amount:,}"


def children_words(count: int) -> str:
    return f"{count} child" if count == 1 else f"{count} children"


def schedule_src(children: int) -> str:
    """The page of the schedule for ``children`` children: ``.../schedule/2-children.md``."""
    return f"{SCHEDULE_FOLDER}/{children_words(children).replace(' ', '-')}.md"


def row_anchor(row: int) -> str:
    return f"row-{row}"


@dataclass(frozen=True)
class Row:
    income: int       # the row's combined income (the first row: its top)
    label: str        # "$0 to $1,300" for the first row, else "$1,350"
    amount: int
    low_income: bool  # at or below the self-support limit: the low-income rows

    @property
    def anchor(self) -> str:
        return row_anchor(self.income)


@dataclass(frozen=True)
class Band:
    lowest: int
    highest: int | None  # None: the last band, "or more"
    percent: int


@dataclass(frozen=True)
class Form14Tables:
    """The edition in force on ``on`` and its tables as the pages show them."""

    on: dt.date
    edition: Edition
    rule: rules.Rule      # support_amount.form14: the citation of the whole form
    effective: dt.date    # the date the edition in force took effect

    @classmethod
    def in_force(cls, on: dt.date) -> Form14Tables:
        dated = rules.at(FORM14, on)
        return cls(on, edition(dated.value), dated.rule, dated.effective)

    @property
    def effective_text(self) -> str:
        return long_date(self.effective)

    @property
    def children(self) -> list[int]:
        return list(range(1, self.edition.children + 1))

    def row_label(self, row: int) -> str:
        book = self.edition
        return f"{usd(0)} to {usd(row)}" if row == book.first_top else usd(row)

    def rows(self, children: int) -> list[Row]:
        limit = self.edition.limit(children)
        return [Row(income, self.row_label(income), amounts[children - 1], income <= limit)
                for income, amounts in self.edition.rows.items()]

    def jumps(self) -> list[tuple[str, str]]:
        """(label, anchor) for the first row and each multiple of $1,000 up to the last row."""
        book = self.edition
        found = [(self.row_label(book.first_top), row_anchor(book.first_top))]
        start = (book.first_top // JUMP_STEP + 1) * JUMP_STEP
        for income in range(start, book.last_row + 1, JUMP_STEP):
            found.append((usd(income), row_anchor(income)))
        return found

    def credit_bands(self) -> list[Band]:
        bands = self.edition.credit_bands
        return [Band(low, bands[i + 1][0] - 1 if i + 1 < len(bands) else None, percent)
                for i, (low, percent) in enumerate(bands)]

    def overnight_bands(self) -> list[Band]:
        return [Band(low, high, percent) for low, high, percent in self.edition.overnight_bands]

    def limits(self) -> list[tuple[int, int]]:
        return [(children, self.edition.limit(children)) for children in self.children]


@dataclass(frozen=True)
class HandPage:
    src_uri: str
    content: str   # Markdown with front matter
    shown: str     # how build messages name it


class Form14Pages:
    """The two templates, read and compiled once per build."""

    def __init__(self, data_dir: Path):
        environment = jinja2.Environment(undefined=jinja2.StrictUndefined,
                                         keep_trailing_newline=True, autoescape=False)
        environment.filters["usd"] = usd
        environment.filters["children"] = children_words
        self.templates: dict[str, tuple[str, jinja2.Template, jinja2.Template]] = {}
        for key, name in TEMPLATES.items():
            shown = f"data/{name}"
            text = (data_dir / name).read_text(encoding="utf-8")
            match = FRONT_MATTER.match(text)
            if not match:
                raise Form14PagesError(f"{shown} must start with front matter between --- lines")
            try:
                front = environment.from_string(match.group(1))
                body = environment.from_string(text[match.end():])
            except jinja2.TemplateSyntaxError as error:
                raise Form14PagesError(f"{shown}, line {error.lineno}: {error.message}") from error
            self.templates[key] = (shown, front, body)

    def _render(self, key: str, src_uri: str, scope: dict[str, Any]) -> HandPage:
        shown, front, body = self.templates[key]
        here = posixpath.dirname(src_uri)

        def link(target: str) -> str:
            """A Markdown link target from this page to the page at ``target`` (a src_uri)."""
            return posixpath.relpath(target, here)

        scope = dict(scope, link=link, calculator=CALCULATOR, by_hand=BY_HAND,
                     schedule_src=schedule_src)
        try:
            meta = yaml.safe_load(front.render(**scope)) or {}
            text = body.render(**scope)
        except jinja2.TemplateError as error:
            raise Form14PagesError(f"{shown}: {error}") from error
        front_text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        return HandPage(src_uri, f"---\n{front_text}---\n{text}",
                        f"{src_uri} (made from {shown} and the Form 14 edition in force)")

    def pages(self, on: dt.date) -> list[HandPage]:
        """Every page, for the edition of Form 14 in force on ``on``."""
        tables = Form14Tables.in_force(on)
        made = [self._render("by_hand", BY_HAND, {"tables": tables})]
        for children in tables.children:
            made.append(self._render("schedule", schedule_src(children), {
                "tables": tables, "children": children, "rows": tables.rows(children),
                "limit": tables.edition.limit(children), "jumps": tables.jumps()}))
        return made


def page_sources(on: dt.date) -> list[str]:
    """The src_uri of every page, in order (for the tests and ``make urls``)."""
    tables = Form14Tables.in_force(on)
    return [BY_HAND] + [schedule_src(children) for children in tables.children]
