"""Nothing on a page that no source backs.

Every phone number, dollar amount, percentage, count of days, weeks, months or years, and citation
(tests/content/facts.py says how each is recognised) in a built page's prose must be covered by a
source. The prose is the page's article (tests/content/pages.py), without the navigation, the
footer and the sources list, and without what the calculators compute: a calculator's form and
results, its worked examples, and any worked example written in a page inside
``<div class="site-worked-example" data-scenario="ID" markdown>`` (ID a scenario in
tests/scenarios/). Calendar dates are not facts.

A fact on a page is covered when it is found, by the same rules, in one of:

- the page's own manifest, ``tests/source_facts/<the page's path under docs/>.yml`` (the county
  pages: ``tests/source_facts/counties.yml``): each entry names the phrase on the page that
  carries the fact, its source (``{title, url}``, or ``{seed: FILE}`` for a document in
  data/seeds/) and the date the source was checked (tests/source_facts/README.md);
- a statement of a source document that tests/seed_facts.yml maps to the page (its words, and the
  ``why`` of a correction);
- data/contacts.yml, data/counties.yml, data/circuits.yml (where it exists), calculators/rules.toml
  and any other data file in calculators/ (a schedule: its rows, limits and tables count too,
  tests/content/facts.py, ``in_schedule``).

The pages for working Form 14 by hand (build_tools/pages/form14_pages.py, made from
data/form14_by_hand.md and data/form14_schedule_page.md) are checked like the others; their
manifest, if they ever need one, is tests/source_facts/form14_by_hand.yml.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from build_tools.data.frontmatter import reviewed_date
from build_tools.data.schema import DATE, TEXT, URL, Checked, Context, Field, Schema
from build_tools.pages import form14_pages
from tests.content import facts, pages

ROOT = pages.ROOT
MANIFESTS = ROOT / "tests" / "source_facts"
SEED_FACTS = ROOT / "tests" / "seed_facts.yml"
SCENARIOS = ROOT / "tests" / "scenarios"
SEEDS = ROOT / "data" / "seeds"
COUNTY_TEMPLATE = ROOT / "data" / "county_page.md"
COUNTY_MANIFEST = MANIFESTS / "counties.yml"
FORM14_MANIFEST = MANIFESTS / "form14_by_hand.yml"
DATA_FILES = [ROOT / "data" / "contacts.yml", ROOT / "data" / "counties.yml",
              ROOT / "data" / "circuits.yml"]


def _seed_problems(value: object, what: str, context: Context) -> list[str]:
    if isinstance(value, str) and (SEEDS / value).is_file():
        return []
    return [f"{what} must be a file in data/seeds/, not {value!r}"]


# A manifest entry's fields, declared as the data files' are (build_tools/data/schema.py).
WEB_SOURCE = Schema("Fields of a source", (
    Field("title", TEXT, "the source's title", required=True),
    Field("url", URL, "its address", required=True),
))
SEED_SOURCE = Schema("Fields of a seed source", (
    Field("seed", Checked("file name", _seed_problems), "a document in data/seeds/",
          required=True),
))
SOURCE_FORMS = "{title: ..., url: ...} (or {seed: FILE} for a document in data/seeds/)"


def _source_problems(value: object, what: str, context: Context) -> list[str]:
    form = SEED_SOURCE if isinstance(value, dict) and "seed" in value else WEB_SOURCE
    problems = form.problems(value, "", context)
    if problems:
        return [f"{what} must be {SOURCE_FORMS}: {'; '.join(problems)}"]
    return []


ENTRY = Schema("Fields of a manifest entry", (
    Field("phrase", TEXT, "the words on the page that carry the fact", required=True),
    Field("source", Checked(SOURCE_FORMS, _source_problems), "where the fact comes from",
          required=True),
    Field("checked", DATE, "the date you last read the source, not in the future", required=True),
))

# What the calculators compute, left out of the prose (classes from build_tools/pages/calculator_pages.py).
COMPUTED_CLASSES = frozenset({"calculator", "calculator__examples", "site-worked-example"})


class _CoverageParser(pages._ArticleParser):
    """The article's blocks, leaving out what the calculators compute (and the usual parts)."""

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if classes & COMPUTED_CLASSES and self._article_depth:
            # Treat it as skipped: reuse the parser's own skipping by marking a skip class.
            attrs = [(k, v) for k, v in attrs if k != "class"] + [("class", "site-page-foot")]
            if "site-worked-example" in classes:
                self.worked_examples.append(dict(attrs).get("data-scenario") or "")
        super().handle_starttag(tag, attrs)


def prose_blocks(html: str) -> tuple[list[str], list[str]]:
    """(blocks of prose, scenario ids of the worked examples written in the page)."""
    parser = _CoverageParser()
    parser.worked_examples = []
    parser.feed(html)
    parser.close()
    return parser.result.blocks, parser.worked_examples


# --- The pages -----------------------------------------------------------------------------------

def _all_pages() -> list[tuple[str, Path, Path, Path]]:
    """(url, source shown in messages, its front matter file, its manifest) for every page built
    from docs/ and every county page."""
    found = []
    for src in sorted(pages.DOCS.rglob("*.md")):
        if src.relative_to(pages.DOCS).parts[0] == pages.SPANISH_FOLDER:
            continue  # the manifests trace the English wording only
        url = pages.url_path(src)
        rel = src.relative_to(pages.DOCS).with_suffix(".yml")
        found.append((url, src, src, MANIFESTS / rel))
    counties = yaml.safe_load((ROOT / "data" / "counties.yml").read_text(encoding="utf-8"))
    for county in counties["counties"]:
        found.append((f"counties/{county['slug']}/", COUNTY_TEMPLATE, COUNTY_TEMPLATE,
                      COUNTY_MANIFEST))
    for src_uri in form14_pages.page_sources(dt.date.today()):
        template = ROOT / "data" / (form14_pages.TEMPLATES["by_hand"] if src_uri ==
                                    form14_pages.BY_HAND else form14_pages.TEMPLATES["schedule"])
        found.append((form14_pages.page_url(src_uri), template, template, FORM14_MANIFEST))
    return found


PAGES = _all_pages()


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


# --- The sources ---------------------------------------------------------------------------------

@cache
def global_sources() -> frozenset[tuple[str, str]]:
    """Facts from the data files and the calculators' rules and schedules."""
    found: set[tuple[str, str]] = set()
    for path in DATA_FILES:
        if path.is_file():
            found |= facts.keys(facts.in_text(path.read_text(encoding="utf-8"), source=True))
    for path in sorted((ROOT / "calculators").iterdir()):
        if path.suffix == ".toml":
            found |= facts.in_rules(path.read_text(encoding="utf-8"))
            found |= facts.in_schedule(path.read_text(encoding="utf-8"))
        elif path.suffix in (".csv", ".json", ".yml", ".yaml", ".tsv"):
            found |= facts.keys(facts.in_text(path.read_text(encoding="utf-8"), source=True))
    return frozenset(found)


@cache
def seed_sources() -> dict[str, frozenset[tuple[str, str]]]:
    """Facts from the seed statements (and corrections' reasons), by the page they are mapped to."""
    data = yaml.safe_load(SEED_FACTS.read_text(encoding="utf-8"))
    by_page: dict[str, set[tuple[str, str]]] = {}
    for entries in data.values():
        for entry in entries:
            correction = entry.get("correction") or {}
            page = correction.get("page", entry.get("page"))
            if page is None:
                continue
            text = f"{entry.get('statement', '')} {correction.get('why', '')}"
            by_page.setdefault(page, set()).update(facts.keys(facts.in_text(text, source=True)))
    return {page: frozenset(found) for page, found in by_page.items()}


def load_manifest(path: Path) -> tuple[list[dict], list[str]]:
    """The manifest's entries and every problem with its form (an absent manifest is empty)."""
    if not path.is_file():
        return [], []
    shown = _shown(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        return [], [f"{shown} is not valid YAML: {error}"]
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [f"{shown} must be a list of {{phrase, source: {{title, url}}, checked}}"]
    problems = []
    entries = []
    for index, entry in enumerate(data, start=1):
        where = f"{shown}, entry {index}"
        problems.extend(ENTRY.problems(entry, where))
        if not (isinstance(entry, dict) and all(key in entry for key in ENTRY.required())):
            continue
        checked = reviewed_date(entry["checked"])
        if checked is not None and checked > dt.date.today():  # the one check of a date's value
            problems.append(f"{where}: checked ({checked}) is in the future")
        entries.append(entry)
    return entries, problems


def manifest_sources(entries: list[dict]) -> frozenset[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for entry in entries:
        source = entry.get("source") or {}
        text = (f"{entry.get('phrase', '')} {source.get('title', '')} {source.get('url', '')}"
                if isinstance(source, dict) else str(entry.get("phrase", "")))
        found |= facts.keys(facts.in_text(text, source=True))
    return frozenset(found)


def uncovered(blocks: list[str], covered: frozenset[tuple[str, str]] | set[tuple[str, str]]
              ) -> list[tuple[facts.Fact, str]]:
    """Each fact in the blocks that no source covers, with the block it is in."""
    return [(fact, block) for block in blocks for fact in facts.in_text(block)
            if (fact.kind, fact.key) not in covered]


def _hint(src: Path, manifest: Path, fact: facts.Fact, block: str) -> str:
    return (f"{_shown(src)}: the {fact.describe()} (in {block[:160]!r}) is backed by no source. "
            f"Find its source, then add to {_shown(manifest)}:\n"
            f"- phrase: \"<the words on the page that carry it>\"\n"
            f"  source: {{title: <the source's title>, url: <its address>}}\n"
            f"  checked: <the date you read it, YYYY-MM-DD>\n"
            f"(tests/source_facts/README.md); or put a phone number in data/contacts.yml, a rule in "
            f"calculators/rules.toml. If no source states it, take it off the page.")


# --- The tests -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(built_site):
    return built_site.path


def test_every_manifest_belongs_to_a_page():
    expected = {manifest for _, _, _, manifest in PAGES}
    found = set(MANIFESTS.rglob("*.yml")) if MANIFESTS.is_dir() else set()
    strays = sorted(_shown(path) for path in found - expected)
    assert not strays, (f"these manifests name no page (a manifest mirrors its page's path under "
                        f"docs/, e.g. docs/receiving-support/fees.md -> "
                        f"tests/source_facts/receiving-support/fees.yml): {strays}")


@pytest.mark.parametrize("manifest", sorted({m for _, _, _, m in PAGES if m.is_file()}),
                         ids=lambda m: str(m.relative_to(MANIFESTS)))
def test_manifest_entries_are_well_formed_and_no_older_than_their_page(manifest):
    entries, problems = load_manifest(manifest)
    assert not problems, "\n".join(problems)
    src = next(src for _, src, _, m in PAGES if m == manifest)
    meta, _ = pages.front_matter(src)
    reviewed = reviewed_date(meta.get("last_reviewed"))
    stale = [entry["phrase"] for entry in entries
             if reviewed and reviewed_date(entry["checked"]) < reviewed]
    assert not stale, (f"{_shown(src)} was last reviewed on {reviewed}, after these sources in "
                       f"{_shown(manifest)} were checked: {stale}. A page is no fresher than its "
                       f"oldest source: check them again and update checked, or move "
                       f"last_reviewed back.")


@pytest.mark.parametrize("url, src, front, manifest", PAGES, ids=[p[0] or "home" for p in PAGES])
def test_every_fact_on_the_page_has_a_source(url, src, front, manifest, site):
    html_path = pages.built_html(site, url)
    assert html_path.is_file(), f"no page at /{url}"
    blocks, examples = prose_blocks(html_path.read_text(encoding="utf-8"))
    known_ids = {m.group(1) for path in SCENARIOS.glob("*.yaml")
                 for m in re.finditer(r"^\s*id:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)}
    bad = [ex for ex in examples if ex not in known_ids]
    assert not bad, (f"{_shown(src)}: a site-worked-example names no scenario in tests/scenarios/ "
                     f"(data-scenario={bad!r}): give the id of the case it restates")
    entries, problems = load_manifest(manifest)
    assert not problems, "\n".join(problems)
    text = pages.normalise(" ".join(blocks))
    absent = [entry["phrase"] for entry in entries
              if pages.normalise(entry["phrase"]) not in text]
    if manifest not in (COUNTY_MANIFEST, FORM14_MANIFEST):  # shared by several pages
        assert not absent, (f"{_shown(manifest)}: these phrases are not on /{url} (reword them as "
                            f"the page says it now): {absent}")
    covered = global_sources() | seed_sources().get(url, frozenset()) | manifest_sources(entries)
    found = [_hint(src, manifest, fact, block) for fact, block in uncovered(blocks, covered)]
    assert not found, f"/{url}:\n" + "\n\n".join(found)


def test_county_manifest_phrases_are_in_the_template():
    entries, problems = load_manifest(COUNTY_MANIFEST)
    assert not problems, "\n".join(problems)
    template = pages.normalise(COUNTY_TEMPLATE.read_text(encoding="utf-8"))
    absent = [entry["phrase"] for entry in entries if pages.normalise(entry["phrase"]) not in
              template]
    assert not absent, f"{_shown(COUNTY_MANIFEST)}: not in data/county_page.md: {absent}"


# --- The recognisers themselves ------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, key", [
    ("call 866-313-9960", "phone", "8663139960"),
    ("call (573) 555\u20110100", "phone", "5735550100"),
    ("a fine of up to $2,000", "money", "2000"),
    ("$17.50 from each parent", "money", "17.5"),
    ("more than $2 billion", "money", "2000000000"),
    ("$1 million in the first quarter", "money", "1000000"),
    ("by 20% or more", "percent", "20"),
    ("55 percent of parents", "percent", "55"),
    ("within 30 days", "duration", "30 day"),
    ("up to 20 business days", "duration", "20 business day"),
    ("every 3 years", "duration", "3 year"),
    ("the 3-year cycle", "duration", "3 year"),
    ("thirty days", "duration", "30 day"),
    ("up to 1 year in jail", "duration", "1 year"),
    ("RSMo 452.340.5", "citation", "RSMo 452.340"),
    ("13 CSR 40-110.030", "citation", "13 CSR 40-110.030"),
    ("45 CFR 302.33(a)", "citation", "45 CFR 302.33"),
    ("42 U.S.C. 666", "citation", "42 USC 666"),
])
def test_each_kind_of_fact_is_recognised(text, kind, key):
    assert (kind, key) in facts.keys(facts.in_text(text))


@pytest.mark.parametrize("text", [
    "June 15, 2027", "In 1995,", "age 18", "12 credit hours", "15 hours a week", "October 1",
    "January 1, 2017", "Jefferson City, MO 65102-2320", "a 15-year-old",
])
def test_dates_ages_and_other_counts_are_not_facts(text):
    assert facts.in_text(text) == []


def test_sources_name_statutes_in_more_ways():
    text = ("Section 454.548, RSMo, allows it; see section 454.425 and "
            "https://revisor.mo.gov/main/OneSection.aspx?section=452.370 and "
            "https://www.ecfr.gov/current/title-45/section-302.33")
    found = facts.keys(facts.in_text(text, source=True))
    assert {("citation", "RSMo 454.548"), ("citation", "RSMo 454.425"),
            ("citation", "RSMo 452.370"), ("citation", "45 CFR 302.33")} <= found
    assert facts.in_text("section 454.425") == []  # on a page, only "RSMo 454.425" is a citation


def test_rules_values_with_units_are_facts():
    text = ('[a]\nvalue = 3\nunit = "years"\nsummary = "x"\n'
            '[b]\nunit = "percent"\n[b.values]\n2014-08-28 = 20\n'
            '[c]\nvalue = 1000000000\nunit = "cents"\n')
    found = facts.in_rules(text)
    assert {("duration", "3 year"), ("percent", "20"), ("money", "10000000")} <= found


def test_a_schedule_file_backs_its_rows_limits_and_tables():
    text = ('[schedule]\nfirst_row = "0-1300"\nfirst_row_top = 1300\nlast_row = 1350\n'
            '[child_care_tax_credit]\nbands = [[0, 35], [1251, 34]]\ncap_one_child = 250\n'
            'cap_more_children = 500\n[overnight_adjustment]\nbands = [[0, 35, 0], [36, 72, 6]]\n'
            '[self_support_limit]\nlimits = [1750]\n[rows]\n"0-1300" = [60]\n1350 = [91]\n')
    found = facts.in_schedule(text)
    assert {("money", amount) for amount in ("0", "1300", "1350", "60", "91", "1750", "250",
                                             "500", "1250", "1251")} <= found
    assert {("percent", percent) for percent in ("35", "34", "0", "6")} <= found
    assert ("money", "36") not in found  # overnights are counts, not dollars
    assert facts.in_schedule('[a]\nvalue = 3\n') == set()


def test_a_fact_without_a_source_is_reported_and_one_with_a_source_is_not():
    blocks = ["Call 573-555-0100 or pay $99 within 45 days (RSMo 452.999).", "No facts here."]
    found = uncovered(blocks, frozenset())
    assert [(fact.kind, fact.key) for fact, _ in found] == [
        ("phone", "5735550100"), ("money", "99"), ("duration", "45 day"),
        ("citation", "RSMo 452.999")]
    assert all(block == blocks[0] for _, block in found)
    entries = [{"phrase": "pay $99 within 45 days (RSMo 452.999)",
                "source": {"title": "x", "url": "https://example.org/"}, "checked": "2026-12-01"}]
    covered = manifest_sources(entries) | facts.keys(facts.in_text("573-555-0100"))
    assert uncovered(blocks, covered) == []


def test_computed_parts_footer_and_worked_examples_are_left_out_of_the_prose():
    html = ("<article><p>Pay $1 a day.</p>"
            '<div class="calculator"><p>Result: $2</p></div>'
            '<div class="calculator__examples"><p>$3</p></div>'
            '<div class="site-worked-example" data-scenario="three-orders-700"><p>$4</p></div>'
            '<div class="site-page-foot"><p>$5</p></div><p>Then $6.</p></article>')
    blocks, examples = prose_blocks(html)
    assert blocks == ["Pay $1 a day.", "Then $6."]
    assert examples == ["three-orders-700"]


def test_a_malformed_manifest_says_what_is_wrong(tmp_path):
    path = tmp_path / "page.yml"
    path.write_text("- phrase: x\n  source: {title: t}\n  checked: soon\n  note: n\n- 3\n",
                    encoding="utf-8")
    _, problems = load_manifest(path)
    assert any("entry 1: unknown field 'note'" in p for p in problems)
    assert any("entry 1: field 'source' must be {title: ..., url: ...}" in p for p in problems)
    assert any("entry 1: field 'checked' is 'soon'; write it as YYYY-MM-DD" in p for p in problems)
    assert any("entry 2: expected fields (phrase, source, checked), found 3" in p for p in problems)
