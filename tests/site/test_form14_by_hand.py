"""The pages for working Form 14 by hand (build_tools/pages/form14_pages.py), as built: every cell of
every table equals the edition of Form 14 in force today, read here the way the calculator reads
it (the rule in calculators/rules.toml, then calculators.schedule); the low-income rows are
exactly those at or below the self-support limit; the jump list reaches a row for every $1,000;
the pages link each other, the court's Form 14 and the calculator, and stay out of the search
index."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_tools.pages import form14_pages
from calculators import rules
from calculators.schedule import edition
from calculators.support_amount import FORM14
from tests.content import pages

TODAY = dt.date.today()
BOOK = edition(rules.at(FORM14, TODAY).value)
RULE = rules.rule(FORM14)
CHILDREN = list(range(1, BOOK.children + 1))


class _Tables(HTMLParser):
    """Each table's rows (the text of each cell), by the table's id; each row's id; links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self.row_ids: dict[str, list[str | None]] = {}
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.captions: dict[str, str] = {}
        self._table: str | None = None
        self._caption: list[str] | None = None
        self._section = ""
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "table":
            self._table = attributes.get("id") or f"table-{len(self.tables)}"
            self.tables[self._table] = []
            self.row_ids[self._table] = []
        elif tag == "caption":
            self._caption = []
        elif tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr" and self._table and self._section == "tbody":
            self.tables[self._table].append([])
            self.row_ids[self._table].append(attributes.get("id"))
        elif tag in ("td", "th") and self._table and self._section == "tbody":
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "caption" and self._caption is not None and self._table:
            self.captions[self._table] = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[self._table][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._caption is not None:
            self._caption.append(data)


def _read(site: Path, src_uri: str) -> _Tables:
    html = pages.built_html(site, form14_pages.page_url(src_uri))
    assert html.is_file(), f"no page at /{form14_pages.page_url(src_uri)}"
    parser = _Tables()
    parser.feed(html.read_text(encoding="utf-8"))
    return parser


def money(amount: int) -> str:
    return f"${amount:,}"


SPLIT = form14_pages.PAGE_SPLIT
PARTS = [(BOOK.first_top, SPLIT), (SPLIT + BOOK.step, BOOK.last_row)]


def _label(income: int) -> str:
    return f"{money(0)} to {money(income)}" if income == BOOK.first_top else money(income)


@pytest.mark.parametrize("children", CHILDREN)
def test_every_row_of_the_schedule_equals_the_data(built_site, children: int) -> None:
    limit = BOOK.limit(children)
    shown: list[list[str]] = []
    for part, (lowest, highest) in enumerate(PARTS):
        page = _read(built_site.path, form14_pages.schedule_src(children, part))
        rows = page.tables["schedule"]
        incomes = [income for income in BOOK.rows if lowest <= income <= highest]
        assert len(rows) == len(incomes), f"part {part}: every row of its incomes"
        # A page with low-income rows has a third column marking them; the other, two columns.
        marks = any(income <= limit for income in incomes)
        for income, row in zip(incomes, rows, strict=True):
            want = [_label(income), money(BOOK.basic_amount(income, children))]
            if marks:
                want.append("Low income" if income <= limit else "")
            assert row == want, f"{children} children, row {income}: the page shows {row}, " \
                                f"the data {want}"
        shown += rows
        assert page.captions["schedule"] == (
            f"Basic child support amounts for {form14_pages.children_words(children)}. From "
            f"{BOOK.citation}; in force since {BOOK.effective:%B} {BOOK.effective.day}, "
            f"{BOOK.effective.year}.")
        # The rows the jump list names carry ids (see the next test), the others none.
        jumps = {lowest, *range((lowest // 1000 + 1) * 1000, highest + 1, 1000)}
        assert page.row_ids["schedule"] == [f"row-{income}" if income in jumps else None
                                            for income in incomes]
    assert len(shown) == len(BOOK.rows) == 775
    # The low-income rows are a block from the first row to the limit, on the first page.
    marked = [income for income, row in zip(BOOK.rows, shown) if row[2:] == ["Low income"]]
    assert marked and marked[-1] == limit and marked == [i for i in BOOK.rows if i <= limit]


@pytest.mark.parametrize("children", CHILDREN)
def test_the_jump_list_reaches_a_row_for_every_thousand_dollars(built_site, children: int) -> None:
    for part, (lowest, highest) in enumerate(PARTS):
        page = _read(built_site.path, form14_pages.schedule_src(children, part))
        jumps = [link for link in page.links if link.startswith("#row-")]
        wanted = [f"#row-{lowest}"] + [f"#row-{income}" for income in
                                       range((lowest // 1000 + 1) * 1000, highest + 1, 1000)]
        assert jumps == wanted
        assert all(link[1:] in page.ids for link in jumps)
        others = {f"../{Path(form14_pages.schedule_src(n, part)).stem}/" for n in CHILDREN
                  if n != children}
        assert others <= set(page.links), "each schedule page links the other numbers"
        assert f"../{Path(form14_pages.schedule_src(children, 1 - part)).stem}/" in page.links
        assert "../../by-hand/" in page.links
    first = _read(built_site.path, form14_pages.schedule_src(children, 0))
    assert "../../by-hand/#low-income" in first.links


def test_the_directions_tables_equal_the_data(built_site) -> None:
    page = _read(built_site.path, form14_pages.BY_HAND)
    assert page.tables["self-support-table"] == [
        [str(n), money(BOOK.limit(n))] for n in CHILDREN]
    assert page.tables["overnight-table"] == [
        [f"{low} to {high}", f"{percent}%"] for low, high, percent in BOOK.overnight_bands]
    lows = [low for low, _ in BOOK.credit_bands]
    expected = []
    for index, (low, percent) in enumerate(BOOK.credit_bands):
        band = (f"{money(low)} to {money(lows[index + 1] - 1)}" if index + 1 < len(lows)
                else f"{money(low)} or more")
        expected.append([band, f"{percent}%"])
    assert page.tables["child-care-table"] == expected
    html = pages.built_html(built_site.path, form14_pages.page_url(form14_pages.BY_HAND))
    text = pages.main_text(html.read_text(encoding="utf-8")).text
    for cap in (BOOK.credit_cap_one, BOOK.credit_cap_more):
        assert money(cap) in text
    # Each table's caption names its source and the date the edition took effect.
    effective = f"in force since {BOOK.effective:%B} {BOOK.effective.day}, {BOOK.effective.year}"
    for table, citation in (("self-support-table", BOOK.limit_citation),
                            ("overnight-table", BOOK.overnight_citation),
                            ("child-care-table", BOOK.credit_citation)):
        assert f"From {citation}; {effective}." in page.captions[table]


def test_the_pages_link_the_court_form_the_calculator_and_each_schedule(built_site) -> None:
    page = _read(built_site.path, form14_pages.BY_HAND)
    assert RULE.url and RULE.url in page.links, "the link to the court's Form 14 and directions"
    assert "../" in page.links  # the calculator's page, calculators/support-amount/
    for children in CHILDREN:
        for part in (0, 1):
            stem = Path(form14_pages.schedule_src(children, part)).stem
            assert f"../schedule/{stem}/" in page.links
    for src in ("calculators/support-amount.md", "calculators/index.md"):
        html = pages.built_html(built_site.path, form14_pages.page_url(src))
        assert 'by-hand/"' in html.read_text(encoding="utf-8"), f"{src} links the page"


def test_the_pages_stay_out_of_the_search_index(built_site) -> None:
    index = json.loads((built_site.path / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    made = {form14_pages.page_url(src) for src in form14_pages.page_sources(TODAY)}
    assert len(made) == 1 + 2 * BOOK.children
    assert not made & locations
    assert "calculators/support-amount/" in locations  # the index was read at all


def test_the_page_maker_names_no_schedule_file() -> None:
    """The edition comes from the rule in force, never from a file name in the page maker."""
    source = Path(form14_pages.__file__).read_text(encoding="utf-8")
    named = [value for _, value in RULE.values if value in source]
    assert not named, f"build_tools/pages/form14_pages.py names {named}: read the rule instead"
    tables = form14_pages.Form14Tables.in_force(TODAY)
    assert tables.edition is BOOK and tables.effective == rules.at(FORM14, TODAY).effective
