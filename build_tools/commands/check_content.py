"""`make check-content`: every page with its age and sources, oldest first.

A page's age is the number of days since its ``last_reviewed`` date. Pages not reviewed for more
than a year are marked "STALE": check them against their sources, then update ``last_reviewed``.
County pages (made from data/counties.yml and data/county_page.md) are listed too.

Then the Spanish pages (docs/es/) whose English twin was reviewed after the review their text
translates (``translates_review``, build_tools/data/translated_pages.py): bring the Spanish text
up to what the English page says now, then set ``translates_review`` to the twin's
``last_reviewed``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from build_tools.data.frontmatter import STALE_AFTER, Seeds, age_in_days, reviewed_date


def describe_sources(sources: object, seeds: Seeds) -> str:
    if not isinstance(sources, list) or not sources:
        return "(no sources)"
    shown = []
    for source in sources:
        if isinstance(source, dict) and "seed" in source:
            shown.append(f"seed {source['seed']}")
        elif isinstance(source, dict):
            shown.append(next((str(source[k]) for k in ("statute", "regulation", "title")
                               if k in source), str(source)))
        else:
            shown.append(str(source))
    return "; ".join(shown)


def rows(config_file: str, today: dt.date) -> list[tuple[int | None, str, str, str]]:
    """(age in days or None, last_reviewed, page, sources) for every page, oldest first."""
    from build_tools.pages.site_pages import load_site, page_meta

    config, files = load_site(config_file)
    seeds = Seeds(Path(config.config_file_path).parent / "data")
    table = []
    for file in files.documentation_pages():
        meta = page_meta(file)
        date = reviewed_date(meta.get("last_reviewed"))
        table.append((age_in_days(meta, today), date.isoformat() if date else "(no date)",
                      file.src_uri, describe_sources(meta.get("sources"), seeds)))
    # Pages without a date first (they are the most in need of review), then the oldest.
    table.sort(key=lambda row: (row[0] is not None, -(row[0] or 0), row[2]))
    return table


def behind(root: Path) -> list[tuple[str, str, str]]:
    """(Spanish page, the review it translates, its twin's later review) for each Spanish page
    whose English twin was reviewed after it, by path."""
    from build_tools.data import translated_pages
    from build_tools.pages.languages import FOLDER, spanish_sources

    found = []
    for src in sorted(spanish_sources(root)):
        twin = translated_pages.twin_meta(root / "docs" / src)
        spanish = translated_pages.twin_meta(root / "docs" / FOLDER / src) or {}
        later = translated_pages.behind_twin(spanish, twin) if twin is not None else None
        if later is not None:
            found.append((f"docs/{FOLDER}/{src}", str(spanish.get("translates_review")),
                          later.isoformat()))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", default="mkdocs.yml")
    args = parser.parse_args(argv)
    today = dt.date.today()
    table = rows(args.config_file, today)
    stale = 0
    print(f"{'age':>6}  {'reviewed':<10}  page  (sources)")
    for age, reviewed, page, sources in table:
        is_stale = age is None or age > STALE_AFTER.days
        stale += is_stale
        flag = "  STALE" if is_stale else ""
        shown_age = "?" if age is None else f"{age}d"
        print(f"{shown_age:>6}  {reviewed:<10}  {page}  ({sources}){flag}")
    print(f"{len(table)} pages; {stale} not reviewed in the last {STALE_AFTER.days} days.")
    late = behind(Path(args.config_file).resolve().parent)
    print()
    print("Spanish pages whose English twin was reviewed after the review they translate:")
    for page, translated, reviewed in late:
        print(f"  {page}  translates {translated}; docs/{page.split('/', 2)[2]} reviewed "
              f"{reviewed}: update the Spanish text, then set translates_review: {reviewed}")
    print(f"{len(late)} Spanish page(s) behind their English twin.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
