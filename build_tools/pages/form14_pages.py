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
- ``calculators/support-amount/schedule/<N>-child(ren)/`` and
  ``.../<N>-child(ren)-above-20000/``: the whole Schedule of Basic Child Support Obligations for
  one number of children, 1 to the edition's last, every row, combined incomes up to $20,000 on
  the first page and above it on the second, each with a jump list by $1,000 of combined
  income; the rows where the low-income calculation applies (at or below the self-support limit
  for that number of children) are marked (template: data/form14_schedule_page.md). Pages by
  number of children, each cut in two at PAGE_SPLIT, keep every page within the content-page
  budget (tests/quality/test_budget.py: every page also downloads the site's search index) and
  two columns wide on a phone.

The templates are Jinja (front matter and Markdown with HTML tables, like data/county_page.md);
the build hook (build_tools/hooks/site.py) adds the pages in ``on_files``. A build in another
language than English reads that language's templates beside them (``form14_by_hand.es.md``,
``form14_schedule_page.es.md``), and the words these pages are given ("2 children", "$0 to
$1,300", "up to $20,000", the date) are in that language (build_tools/i18n/); the pages' URLs
stay the English ones. The pages stay out of
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

from build_tools.data import translated_text
from build_tools.i18n import DEFAULT as ENGLISH
from build_tools.i18n import gettext_for, long_date, translations
from build_tools.pages.county_pages import FRONT_MATTER, shared_front_matter
from build_tools.pages.page_urls import page_url as page_url  # re-exported for the tests
from calculators import rules
from calculators.schedule import Edition, edition
from calculators.support_amount import FORM14

BY_HAND = "calculators/support-amount/by-hand.md"
CALCULATOR = "calculators/support-amount.md"
SCHEDULE_FOLDER = "calculators/support-amount/schedule"
TEMPLATES = {"by_hand": "form14_by_hand.md", "schedule": "form14_schedule_page.md"}
JUMP_STEP = 1000  # the jump list's step, in dollars of combined income
# Where a schedule page ends and the next begins, in dollars of combined income: a page size,
# not a rule (775 rows on one page would break the content-page budget).
PAGE_SPLIT = 20000


class Form14PagesError(ValueError):
    """A template of these pages cannot be rendered."""


def usd(amount: int) -> str:
    """Whole dollars as the pages show them: "$1,350"."""
    return f"${amount:,}"


def children_words(count: int, lang: str = ENGLISH) -> str:
    """"1 child", "2 children", in ``lang``."""
    ngettext = translations(lang).ngettext
    return ngettext("%(count)s child", "%(count)s children", count) % {"count": count}


def schedule_src(children: int, part: int = 0) -> str:
    """The page of the schedule for ``children`` children: ``.../schedule/2-children.md``
    for the rows up to PAGE_SPLIT (part 0), ``.../2-children-above-20000.md`` above it (in
    English whatever the page's language: the URL is the same in both)."""
    name = children_words(children).replace(" ", "-")
    return f"{SCHEDULE_FOLDER}/{name}{f'-above-{PAGE_SPLIT}' if part else ''}.md"


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
    lang: str = ENGLISH   # the language of the words the pages are given

    @classmethod
    def in_force(cls, on: dt.date, lang: str = ENGLISH) -> Form14Tables:
        dated = rules.at(FORM14, on)
        return cls(on, edition(dated.value), dated.rule, dated.effective, lang)

    @property
    def effective_text(self) -> str:
        return long_date(self.effective, self.lang)

    def _span(self, lowest: int, highest: int) -> str:
        _ = gettext_for(self.lang)
        return str(_("%(lowest)s to %(highest)s") % {"lowest": usd(lowest),
                                                      "highest": usd(highest)})

    @property
    def children(self) -> list[int]:
        return list(range(1, self.edition.children + 1))

    def row_label(self, row: int) -> str:
        book = self.edition
        return self._span(0, row) if row == book.first_top else usd(row)

    @property
    def parts(self) -> list[tuple[int, int]]:
        """The lowest and highest row of each schedule page for one number of children."""
        book = self.edition
        if book.last_row <= PAGE_SPLIT:
            return [(book.first_top, book.last_row)]
        return [(book.first_top, PAGE_SPLIT), (PAGE_SPLIT + book.step, book.last_row)]

    def part_label(self, part: int) -> str:
        """"up to $20,000" or "$20,050 to $40,000" (in Spanish "hasta $20,000", "$20,050 a
        $40,000")."""
        lowest, highest = self.parts[part]
        _ = gettext_for(self.lang)
        return (str(_("up to %(highest)s") % {"highest": usd(highest)}) if part == 0
                else self._span(lowest, highest))

    def rows(self, children: int, part: int = 0) -> list[Row]:
        limit = self.edition.limit(children)
        lowest, highest = self.parts[part]
        return [Row(income, self.row_label(income), amounts[children - 1], income <= limit)
                for income, amounts in self.edition.rows.items() if lowest <= income <= highest]

    def jumps(self, part: int = 0) -> list[tuple[str, str]]:
        """(label, anchor) for the page's first row and each multiple of $1,000 on it."""
        lowest, highest = self.parts[part]
        found = [(self.row_label(lowest), row_anchor(lowest))]
        start = (lowest // JUMP_STEP + 1) * JUMP_STEP
        for income in range(start, highest + 1, JUMP_STEP):
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
    """The two templates of one language, read and compiled once per build."""

    @classmethod
    def load(cls, data_dir: Path, lang: str = translated_text.DEFAULT) -> Form14Pages | None:
        """The templates in ``data_dir`` in ``lang`` (data/form14_by_hand.md, or
        data/form14_by_hand.es.md with the English one for its front matter); None for a site
        without them (a test's tiny site), which then has no such pages (a published URL of one
        would fail the build)."""
        names = dict(TEMPLATES)   # the English ones: a translation takes its front matter from them
        present = [name for name in names.values() if (data_dir / name).is_file()]
        if not present:
            return None
        if len(present) < len(names):
            missing = sorted(set(names.values()) - set(present))
            raise Form14PagesError(f"data/{missing[0]} is missing: the pages for working Form "
                                   "14 by hand need both of their templates")
        if translated_text.checked(lang) == translated_text.DEFAULT:
            return cls(data_dir)
        for name in TEMPLATES.values():
            path = translated_text.template_path(data_dir, name, lang)
            if not path.is_file():
                raise Form14PagesError(f"data/{path.name} is missing: it is data/{name} in "
                                       f"{lang}, with the same outline and fields")
        return cls(data_dir, lang, english=cls(data_dir))

    def __init__(self, data_dir: Path, lang: str = translated_text.DEFAULT,
                 english: Form14Pages | None = None):
        self.lang = translated_text.checked(lang)
        self.english = english   # a translation's English templates: their front matter
        environment = jinja2.Environment(undefined=jinja2.StrictUndefined,
                                         keep_trailing_newline=True, autoescape=False)
        environment.filters["usd"] = usd
        environment.filters["children"] = lambda count: children_words(count, self.lang)
        self.templates: dict[str, tuple[str, jinja2.Template, jinja2.Template]] = {}
        for key, english_name in TEMPLATES.items():
            name = translated_text.template_path(data_dir, english_name, self.lang).name
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
            if self.english is not None:
                english_shown, english_front, _ = self.english.templates[key]
                english = yaml.safe_load(english_front.render(**scope)) or {}
                meta = shared_front_matter(meta, english, shown, english_shown)
        except jinja2.TemplateError as error:
            raise Form14PagesError(f"{shown}: {error}") from error
        except ValueError as error:
            raise Form14PagesError(str(error)) from error
        front_text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        return HandPage(src_uri, f"---\n{front_text}---\n{text}",
                        f"{src_uri} (made from {shown} and the Form 14 edition in force)")

    def pages(self, on: dt.date) -> list[HandPage]:
        """Every page, for the edition of Form 14 in force on ``on``."""
        tables = Form14Tables.in_force(on, self.lang)
        made = [self._render("by_hand", BY_HAND, {"tables": tables})]
        for children in tables.children:
            for part in range(len(tables.parts)):
                made.append(self._render("schedule", schedule_src(children, part), {
                    "tables": tables, "children": children, "part": part,
                    "rows": tables.rows(children, part), "jumps": tables.jumps(part),
                    "limit": tables.edition.limit(children)}))
        return made


def page_sources(on: dt.date) -> list[str]:
    """The src_uri of every page, in order (for the tests and ``make urls``)."""
    tables = Form14Tables.in_force(on)
    return [BY_HAND] + [schedule_src(children, part) for children in tables.children
                        for part in range(len(tables.parts))]
