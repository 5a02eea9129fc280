"""MkDocs hook: the site's response headers as a `_headers` file (build_tools/hosting/headers.py).

Written into the top of the built site on every build, its paths under the site's subpath (the
path of ``site_url``), for the hosts that read it (Netlify, Cloudflare Pages) and for the
project's own host (build_tools/commands/serve.py). The English build writes it, for both
languages (the Spanish pages are under ``es/``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from build_tools.hosting import headers
from build_tools.pages import languages


def on_post_build(config: Any) -> None:
    if languages.is_spanish(config):
        return  # hosts read the one at the top of the site, whose rules cover es/ too
    try:
        headers.write(Path(config.site_dir), urlsplit(str(config.site_url or "/")).path or "/")
    except headers.HeadersError as error:
        raise PluginError(str(error)) from None
