"""The site published under a subpath (a project page such as https://example.org/mo-child-support/)
keeps every link inside that subpath."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from build_tools.commands.serve import StaticHost
from tests.conftest import build_site
from tests.site import sitecheck

BASE = "/mo-child-support/"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("subpath"),
                      site_url=f"http://127.0.0.1:8000{BASE}").path


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_every_link_resolves_within_the_subpath(subpath_site):
    def calculator_input(path: str, fragment: str) -> bool:
        return path.startswith((f"{BASE}calculators/", f"{BASE}es/calculators/")) and \
            fragment.startswith("input=")

    assert sitecheck.broken_links(subpath_site, base=BASE,
                                  ignore_fragment=calculator_input) == []


def test_the_404_page_links_into_the_subpath_from_any_depth(subpath_site):
    with StaticHost(subpath_site, base=BASE) as host:
        status, html = _fetch(f"{host.url}no/such/page/")
        assert status == 404
        page = sitecheck.Page(subpath_site / "404.html", f"{BASE}no/such/page/")
        sitecheck._Parser(page).feed(html)
        # A link to a fragment of this page (the skip link) stays on the 404 response.
        internal = [link for _, link in page.links
                    if not sitecheck.is_external(link) and not link.startswith(("tel:", "#"))]
        assert f"{BASE}counties/" in internal
        for link in internal:
            path, _ = sitecheck.resolve(page.url, link)
            assert path.startswith(BASE), link
            assert _fetch(f"http://127.0.0.1:{host.server.server_address[1]}{path}")[0] == 200, \
                link


def test_pages_are_served_under_the_subpath(subpath_site):
    with StaticHost(subpath_site, base=BASE) as host:
        for url in ("", "counties/", "counties/st-charles-county/", "counties/city-of-st-louis/",
                    "assets/site/site.css", "assets/site/county-finder.js"):
            assert _fetch(host.url + url)[0] == 200, url
        status, html = _fetch(host.url + "counties/st-charles-county/")
        assert 'href="../../calculators/allocation/"' in html
