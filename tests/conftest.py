"""Fixtures shared by every test folder: the site built once per run, and a local static host."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from build_tools.commands.ensure import find_chromium
from build_tools.commands.serve import StaticHost

ROOT = Path(__file__).resolve().parents[1]

# Fixtures that build a whole site (or a small project) with MkDocs: a test that uses one, even
# through another fixture, is marked `build`, so that `make test-fast` can leave it out.
BUILDING_FIXTURES = {"built_site", "project", "subpath_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


@dataclass(frozen=True)
class BuiltSite:
    path: Path  # the folder the site was written to
    log: str    # everything MkDocs printed (warnings fail a strict build; info lines stay here)


def build_site(dest: Path, site_url: str | None = None) -> BuiltSite:
    """Build the site strictly into ``dest`` as `make build` does (both languages, then the
    whole site's checks: build_tools/commands/build_languages.py), failing the test with
    MkDocs' own output."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", "build_tools.commands.build_languages", "--strict", "--site-dir",
         str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return BuiltSite(dest, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site as `make build` makes it, built once for the whole test run."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_host(built_site: BuiltSite) -> Iterator[StaticHost]:
    """The built site served on 127.0.0.1 like a real static host (gzip, wasm type, 404 page)."""
    with StaticHost(built_site.path) as host:
        yield host


# Without these, Chromium tries to reach Google's hosts on start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright, one for the whole run: a second Playwright
    instance cannot start while one is running, so every browser test shares this one."""
    executable = find_chromium()
    if executable is None:
        pytest.fail("Chromium was not found: run `make browser` (or set CHROMIUM=/path/to/it).")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
