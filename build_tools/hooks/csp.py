"""MkDocs hook: a content security policy meta tag in every built page (build_tools/hosting/csp.py).

It runs in on_post_build with the lowest priority, so after every other plugin and hook has
written HTML (the redirects plugin's redirect pages, the calculator pages, the 404 page), and it
covers every ``*.html`` file in the site folder, whoever wrote it. A page that needs something a
policy without 'unsafe-inline' cannot allow fails the build, naming its Markdown file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from build_tools.hosting.csp import CspError, secure_site

log = get_plugin_logger("csp")

_sources: dict[str, str] = {}  # built file (relative to the site) -> Markdown file it came from


def on_files(files: Any, config: Any) -> Any:
    _sources.clear()
    for file in files.documentation_pages():
        _sources[file.dest_uri] = f"docs/{file.src_uri}"
    return files


def _page_name(built: str) -> str:
    source = _sources.get(built)
    return f"{source} (built as {built})" if source else built


@event_priority(-100)  # last: after everything that writes HTML
def on_post_build(config: Any) -> None:
    try:
        count = secure_site(Path(config.site_dir), _page_name)
    except CspError as error:
        raise PluginError(str(error)) from None
    log.debug("content security policy written into %d pages", count)
