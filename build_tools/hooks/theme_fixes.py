"""MkDocs hook: corrections to a few constructs Material writes into every page that fail the
HTML validator or axe-core (build_tools/pages/theme_fixes.py says which, and why), and the
changes to the theme's script (build_tools/pages/theme_script.py).

It runs in on_post_build, after the pages are written and before the content security policy
hook (build_tools/hooks/csp.py), over every ``*.html`` file in the site folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from build_tools.pages.theme_fixes import fix_site
from build_tools.pages.theme_script import ThemeScriptError, fix_bundle

log = get_plugin_logger("theme_fixes")


@event_priority(-90)  # after everything that writes HTML, before the policy (-100) hashes it
def on_post_build(config: Any) -> None:
    for name, count in fix_site(Path(config.site_dir)).items():
        log.debug("%s: %d change(s)", name, count)
    try:
        fix_bundle(Path(config.site_dir))  # no sitemaps for hreflang; the search index on demand
    except ThemeScriptError as error:
        raise PluginError(str(error)) from None
