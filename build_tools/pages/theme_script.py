"""One change to the theme's script (Material for MkDocs 9.8.1): it must not fetch a sitemap for
each ``<link rel="alternate">`` of a page.

Material's script reads every ``link[rel=alternate]`` in a page's head as the address of another
version of the whole site, and fetches ``sitemap.xml`` beside it (to keep a visitor on the same
page when they pick that version from the theme's own language menu). Each page of this site
names its twin in the other language there (hreflang: build_tools/pages/languages.py), so every
page would ask for two ``sitemap.xml`` that do not exist (``/es/receiving-support/fees/sitemap.xml``),
and under another address than ``site_url`` the content security policy blocks them. The
site's own switch (overrides/partials/alternate.html) is a plain link and needs none of it.

So the build drops the one call that starts this from the theme's bundled script, in the built
site only; everything else in the script is left as Material ships it. The call is found by the
function's own text; when an upgrade of Material changes it, the build fails and says so.
"""

from __future__ import annotations

import re
from pathlib import Path

BUNDLE = "assets/javascripts/bundle.*.min.js"
# The function that fetches the sitemaps, by its first statements (names are minified).
_FUNCTION = re.compile(r'function (\w+)\(\{document\$:(\w+)\}\)\{let \w+=new Map;\2\.pipe\('
                       r'\w+\(\(\)=>\w+\("link\[rel=alternate\]"\)\)')


class ThemeScriptError(Exception):
    """The theme's script is not the one this change was written for."""


def without_alternate_sitemaps(script: str) -> tuple[str, int]:
    """The script without the call that fetches the sitemaps; (script, 0) when it is already
    gone. Raises ThemeScriptError when the function is not found."""
    found = _FUNCTION.search(script)
    if found is None:
        raise ThemeScriptError(
            "Material's script no longer has the function that fetches a sitemap for each "
            "link[rel=alternate] (build_tools/pages/theme_script.py): after an upgrade of "
            "Material, find what fetches them in its bundle and update the pattern there.")
    call = re.compile(re.escape(found.group(1)) + r"\(\{document\$:\w+\}\);")
    return call.subn("", script, count=1)


def fix_bundle(site_dir: Path) -> int:
    """Apply the change to the theme's script in ``site_dir``; return the number of calls
    removed (one a build)."""
    scripts = sorted(site_dir.glob(BUNDLE))
    if len(scripts) != 1:
        raise ThemeScriptError(f"expected one theme script {BUNDLE} in {site_dir}, found "
                               f"{len(scripts)}")
    text = scripts[0].read_text(encoding="utf-8")
    fixed, count = without_alternate_sitemaps(text)
    if count:
        scripts[0].write_text(fixed, encoding="utf-8")
    return count
