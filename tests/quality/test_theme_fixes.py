"""The corrections to Material's output (build_tools/pages/theme_fixes.py) do what they say, and are
still needed: Material still writes each construct they correct."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from build_tools.pages.theme_fixes import FIXES, fix_page, fix_site

TEMPLATES = Path(material.__file__).parent / "templates"

# What Material 9.8.1 writes, cut down to the constructs the fixes correct.
MATERIAL_PAGE = """<body>
<div data-md-component="skip">
  
</div>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<div class="md-search" data-md-component="search" role="dialog">
  <input type="text" class="md-search__input" name="query" autocomplete="off">
</div>
<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex="">
  <span class="md-nav__icon md-icon"></span>
</label>
<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="false">
  <label class="md-nav__title" for="__nav_2">
    <span class="md-nav__icon md-icon"></span>
    I get child support
  </label>
</nav>
<nav class="md-nav md-nav--secondary" aria-label="Table of contents">
  <label class="md-nav__title" for="__toc">Table of contents</label>
</nav>
<h1 id="page-not-found">We can't find that page</h1>
</body>"""


def test_each_fix_corrects_what_material_writes() -> None:
    fixed, counts = fix_page(MATERIAL_PAGE)
    assert all(counts.values()), counts
    assert 'tabindex=""' not in fixed
    assert fixed.count('autocomplete="off"') == 1  # kept on the text input, where it is valid
    assert 'role="dialog" aria-label="Search"' in fixed
    assert 'aria-labelledby="__nav_2_title"' in fixed
    assert '<label class="md-nav__title" for="__nav_2" id="__nav_2_title">' in fixed
    assert 'for="__toc"' not in fixed
    assert '<a href="#page-not-found" class="md-skip">' in fixed


def test_the_toc_label_keeps_its_toggle_where_the_page_has_one() -> None:
    page = MATERIAL_PAGE.replace("<body>", '<body><input type="checkbox" id="__toc">')
    assert 'for="__toc"' in fix_page(page)[0]


def test_fixing_twice_changes_nothing_more(tmp_path: Path) -> None:
    once, _ = fix_page(MATERIAL_PAGE)
    again, counts = fix_page(once)
    assert again == once and not any(counts.values())
    (tmp_path / "a.html").write_text(MATERIAL_PAGE, encoding="utf-8")
    assert all(fix_site(tmp_path).values())
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == once


@pytest.mark.parametrize("fix", FIXES, ids=lambda fix: fix.name)
def test_material_still_writes_what_the_fix_corrects(fix) -> None:
    template = (TEMPLATES / fix.template).read_text(encoding="utf-8")
    assert fix.template_text in template, (
        f"Material's {fix.template} no longer writes {fix.template_text!r}: check whether the "
        f"fix {fix.name!r} in build_tools/pages/theme_fixes.py is still needed, and remove it if not.")


def test_no_page_reads_web_storage_while_it_loads(built_site) -> None:
    """Material's palette script (partials/javascripts/palette.html) reads localStorage at the
    top of every page, which blocks the page while the browser opens the origin's storage; the
    site has one colour scheme, so overrides/ replaces it with nothing."""
    partial = (TEMPLATES / "partials" / "javascripts" / "palette.html").read_text("utf-8")
    assert '__md_get("__palette")' in partial, (
        "Material no longer writes its palette script: remove "
        "overrides/partials/javascripts/palette.html")
    reading = [path.relative_to(built_site.path).as_posix()
               for path in built_site.path.rglob("*.html")
               if re.search(r"<script>[^<]*__md_get\(", path.read_text(encoding="utf-8"))]
    assert not reading, reading[:5]
