"""The one rule for a page's URL, shared by the build, `make urls`, the site loader and the tests.

A module of its own so that the URL list (:mod:`build_tools.commands.url_manifest`) and the site loader
(:mod:`build_tools.pages.site_pages`) both use it without importing each other.
"""

from __future__ import annotations

from mkdocs.structure.files import File

HOME = "./"


def as_listed(url: str) -> str:
    """A page URL as the list writes it (MkDocs gives the home page as '')."""
    return url or HOME


def src_to_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page at ``src_uri`` (used for redirect sources)."""
    return as_listed(File(src_uri, "", "", use_directory_urls).url)


def page_url(src_uri: str) -> str:
    """The site-relative URL of a page (``calculators/allocation/``; ``""`` for the home page)."""
    url = src_to_url(src_uri)
    return "" if url == HOME else url
