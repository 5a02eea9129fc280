"""Corrections to a few constructs that Material for MkDocs (9.8.1) writes into every page and that
fail the HTML validator or axe-core. Each is a small, exact rewrite of the built HTML; the
templates themselves are left as Material ships them (copying base.html or nav-item.html to
change one attribute would fork hundreds of lines).

tests/quality/test_theme_fixes.py checks that Material still writes each construct: when an
upgrade stops writing one, that test says which fix to remove.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from build_tools.i18n import LANGUAGES, gettext_for


@dataclass(frozen=True)
class Fix:
    name: str
    why: str
    template: str        # Material's template that writes the construct
    template_text: str   # ...and the text in it (for the upgrade check)
    apply: Callable[[str], tuple[str, int]]  # html -> (fixed html, number of changes)


def _sub(pattern: str, replacement: str | Callable[[re.Match[str]], str]
         ) -> Callable[[str], tuple[str, int]]:
    compiled = re.compile(pattern)
    return lambda html: compiled.subn(replacement, html)


def _page_language(html: str) -> str:
    """The page's language, from ``<html lang>``: what a fix writes is in it."""
    found = re.search(r'<html lang="([a-z]+)', html)
    return found.group(1) if found and found.group(1) in LANGUAGES else "en"


def _name_search_dialog(html: str) -> tuple[str, int]:
    _ = gettext_for(_page_language(html))
    name = _("Search")
    return re.subn(r'data-md-component="search" role="dialog">',
                   f'data-md-component="search" role="dialog" aria-label="{name}">', html)


def _name_section_navs(html: str) -> tuple[str, int]:
    # Point each section's <nav> at its title label, which holds the section's name.
    titled = 0
    for path in re.findall(r'<nav class="md-nav" data-md-level="\d+" '
                           r'aria-labelledby="(__nav_[\d_]+)_label"', html):
        title = f'<label class="md-nav__title" for="{path}">'
        if title not in html:
            continue
        html = html.replace(title, title[:-1] + f' id="{path}_title">', 1)
        html = html.replace(f'aria-labelledby="{path}_label"', f'aria-labelledby="{path}_title"', 1)
        titled += 1
    return html, titled


def _unlink_missing_toc_toggle(html: str) -> tuple[str, int]:
    label = '<label class="md-nav__title" for="__toc">'
    if 'id="__toc"' in html:
        return html, 0
    return html.replace(label, '<label class="md-nav__title">'), html.count(label)


def _add_missing_skip_link(html: str) -> tuple[str, int]:
    empty = re.search(r'<div data-md-component="skip">\s*</div>', html)
    heading = re.search(r'<h1 id="([^"]+)"', html)
    if not empty or not heading:
        return html, 0
    # In the page's own language, as Material words its skip link.
    _ = gettext_for(_page_language(html))
    text = _("Skip to content")
    link = (f'<div data-md-component="skip">\n      <a href="#{heading.group(1)}" class="md-skip">'
            f"\n        {text}\n      </a>\n    </div>")
    return html[:empty.start()] + link + html[empty.end():], 1


FIXES: tuple[Fix, ...] = (
    Fix("empty tabindex",
        'A section label gets tabindex="" (not an integer: invalid HTML); browsers ignore it, so '
        "removing it changes nothing else.",
        "partials/nav-item.html", 'tabindex="{{ tabindex }}"',
        _sub(r' tabindex=""', "")),
    Fix("autocomplete on checkboxes",
        'The drawer and search toggles are checkboxes with autocomplete="off", which HTML allows '
        "only on text-like inputs.",
        "base.html", 'type="checkbox" id="__drawer" autocomplete="off"',
        _sub(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"', r"\1")),
    Fix("search dialog name",
        'The search overlay is role="dialog" with no name; screen readers announce it as '
        '"Search".',
        "partials/search.html", 'data-md-component="search" role="dialog">',
        _name_search_dialog),
    Fix("section nav names",
        "With navigation.indexes, a section's <nav> is labelled by an icon-only label, so every "
        "section landmark has an empty name; its title label carries the section's name.",
        "partials/nav-item.html", 'aria-labelledby="{{ path }}_label"',
        _name_section_navs),
    Fix("table of contents label without its toggle",
        'A page outside the nav (a county page) has the "Table of contents" label for="__toc" '
        "but no __toc checkbox, and a label must name a control that exists.",
        "partials/toc.html", '<label class="md-nav__title" for="__toc">',
        _unlink_missing_toc_toggle),
    Fix("skip link on pages without a table of contents",
        "Material writes the skip link only from the table of contents, which the 404 page does "
        "not have; keyboard users get it there too, to the page's first heading.",
        "base.html", "{% if page.toc | first is defined %}",
        _add_missing_skip_link),
)


def fix_page(html: str) -> tuple[str, dict[str, int]]:
    """Apply every fix; return the page and how many changes each fix made."""
    counts = {}
    for fix in FIXES:
        html, counts[fix.name] = fix.apply(html)
    return html, counts


def fix_site(site_dir: Path) -> dict[str, int]:
    """Fix every ``*.html`` file under ``site_dir`` in place; return the changes per fix."""
    totals = {fix.name: 0 for fix in FIXES}
    for path in site_dir.rglob("*.html"):
        original = path.read_text(encoding="utf-8")
        fixed, counts = fix_page(original)
        if fixed != original:
            path.write_text(fixed, encoding="utf-8")
        for name, count in counts.items():
            totals[name] += count
    return totals
