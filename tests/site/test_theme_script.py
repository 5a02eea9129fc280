"""The two changes to the theme's script (build_tools/pages/theme_script.py): made once in each
language's copy, made again with no effect, and a clear error when Material's script is not the
one they were written for (what a maintainer meets after upgrading Material)."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from build_tools.pages import theme_script
from tests.conftest import BuiltSite

SHIPPED = next((Path(material.__file__).parent / "templates").glob(theme_script.BUNDLE))


def test_the_built_scripts_carry_both_changes_once(built_site: BuiltSite) -> None:
    for folder in (built_site.path, built_site.path / "es"):
        [path] = folder.glob(theme_script.BUNDLE)
        script = path.read_text(encoding="utf-8")
        assert path.name != SHIPPED.name, "the changed script kept Material's name"
        assert f"assets/javascripts/{path.name}" in (folder / "index.html").read_text("utf-8")
        assert script.count(theme_script.LAZY_INDEX) == 1, folder
        assert theme_script.without_alternate_sitemaps(script) == (script, 0), folder
        assert theme_script.with_search_index_on_demand(script) == (script, 0), folder


def test_materials_own_script_gets_both_changes_under_a_new_name(tmp_path: Path) -> None:
    shipped = SHIPPED.read_text(encoding="utf-8")
    copy = tmp_path / SHIPPED.relative_to(SHIPPED.parents[2])
    copy.parent.mkdir(parents=True)
    copy.write_text(shipped, encoding="utf-8")
    page = tmp_path / "calculators" / "review" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f'<script src="../../assets/javascripts/{copy.name}"></script>', "utf-8")
    assert theme_script.fix_bundle(tmp_path) == 2
    # Hosts keep the theme's script for a year: the changed one has a name of its own.
    [renamed] = tmp_path.glob(theme_script.BUNDLE)
    assert renamed.name != copy.name and not copy.exists()
    assert page.read_text("utf-8") == f'<script src="../../assets/javascripts/{renamed.name}">' \
                                      "</script>"
    changed = renamed.read_text(encoding="utf-8")
    # The search index's Observable is wrapped, not replaced: Material's own loader and
    # Observable class are what the wrapper is handed.
    found = theme_script._INDEX.search(shipped)
    assert found is not None
    name, load, never = found.groups()
    assert f'{name}=document.forms.namedItem("search")?{theme_script.LAZY_INDEX}({load},' in changed
    assert changed.count(f"}})}})({load},") == 1 and f"):{never}" in changed
    assert len(changed) - len(shipped) < 700  # every page downloads it
    assert theme_script.fix_bundle(tmp_path) == 0
    assert list(tmp_path.glob(theme_script.BUNDLE)) == [renamed]


def test_a_script_without_the_search_start_up_fails_the_build_saying_what_to_update() -> None:
    shipped = SHIPPED.read_text(encoding="utf-8")
    changed = shipped.replace('document.forms.namedItem("search")', 'document.forms.search')
    with pytest.raises(theme_script.ThemeScriptError, match=r"theme_script\.py, change 2"):
        theme_script.with_search_index_on_demand(changed)


def test_a_site_with_two_theme_scripts_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    for name in ("bundle.aaaa.min.js", "bundle.bbbb.min.js"):
        (folder / name).write_text("", encoding="utf-8")
    with pytest.raises(theme_script.ThemeScriptError, match="found 2"):
        theme_script.fix_bundle(tmp_path)
