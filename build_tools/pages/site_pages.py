"""The site's pages as MkDocs sees them, without building: for `make urls` and `make check-content`.

Pages made by build hooks (the county pages) are included, because the hooks' ``on_files`` run
here as they do in a build.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice is not about this project

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, get_files
from mkdocs.utils.meta import get_data

from build_tools.pages.page_urls import src_to_url


def load_site(config_file: str = "mkdocs.yml") -> tuple[MkDocsConfig, Files]:
    config = load_config(config_file)
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    return config, files


def load_spanish(config_file: str = "mkdocs.yml") -> tuple[MkDocsConfig, Files] | None:
    """The Spanish site (build_tools/pages/languages.py) as :func:`load_site` loads the English
    one; None for a site without Spanish pages."""
    from build_tools.pages import languages

    if not languages.has_spanish(Path(config_file).resolve().parent):
        return None
    config = languages.spanish_config(config_file)
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    return config, files


def load_languages(config_file: str = "mkdocs.yml") -> tuple[list[str], list[str]]:
    """Both languages' page URLs and redirected URLs, as published (Spanish under ``es/``)."""
    from build_tools.pages.languages import published

    config, files = load_site(config_file)
    built = [page.url for page in files.documentation_pages()]
    redirected = redirected_urls(config)
    spanish = load_spanish(config_file)
    if spanish is not None:
        built += [published(page.url) for page in spanish[1].documentation_pages()]
        redirected += [published(url) for url in redirected_urls(spanish[0])]
    return built, redirected


def redirected_urls(config: MkDocsConfig) -> list[str]:
    """The URLs the redirects plugin keeps alive (the old pages of ``redirect_maps``)."""
    plugin = config.plugins.get("redirects")
    if plugin is None:
        return []
    maps = plugin.config.get("redirect_maps") or {}
    return [src_to_url(old, config.use_directory_urls) for old in maps]


def page_meta(file: File) -> dict[str, Any]:
    """A page's front matter, read the way MkDocs reads it."""
    return get_data(file.content_string)[1]
