"""Fixtures of the calculator pages' browser tests: a recorded browser context, and one shared
context whose runtime is already cached, so that most tests do not load Pyodide from nothing
(the machine is small: the browser itself is one for the whole run, tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request

from build_tools.commands.serve import StaticHost
from build_tools.pages.calculator_pages import PAGES, page_url

# What a calculator page may take to load Pyodide on a busy machine (the test fails after this).
RUNTIME_TIMEOUT_MS = 180_000
LOCAL_HOSTS = {"127.0.0.1"}


def poll(page: Page, script: str, arg: Any = None) -> Any:
    """What the async ``script`` gives once it gives something truthy (waiting at most as long
    as the runtime may take to load)."""
    for _ in range(RUNTIME_TIMEOUT_MS // 500):
        value = page.evaluate(script, arg)
        if value:
            return value
        page.wait_for_timeout(500)
    raise AssertionError(f"still false after {RUNTIME_TIMEOUT_MS} ms: {script}")


@dataclass
class Recorder:
    """A browser context and everything it saw: requests (the page's, the worker's and the
    service worker's) and console errors and script errors (the page's and the worker's)."""

    context: BrowserContext
    base_url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, name: str, fragment: str = "", lang: str = "en") -> Page:
        """A new tab on the page of calculator ``name`` ("allocation", "order_end", "review"),
        in ``lang`` (the Spanish page is the same path under es/)."""
        page = self.context.new_page()
        folder = "" if lang == "en" else f"{lang}/"
        page.goto(self.base_url + folder + page_url(PAGES[name]) + fragment)
        return page

    def off_site(self) -> list[str]:
        """Requests to anything but the local host (data: and blob: URLs stay in the browser)."""
        return [url for url in self.requests if urlsplit(url).scheme not in ("data", "blob")
                and urlsplit(url).hostname not in LOCAL_HOSTS]


def _record(recorder: Recorder) -> None:
    context = recorder.context

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            recorder.errors.append(f"console: {message.text}")

    def request(req: Request) -> None:
        recorder.requests.append(req.url)

    context.on("console", console)
    context.on("weberror", lambda error: recorder.errors.append(f"script error: {error.error}"))
    context.on("request", request)


@pytest.fixture
def new_recorder(browser: Browser, site_host: StaticHost) -> Iterator[Callable[..., Recorder]]:
    """Makes fresh contexts (empty cache, no service worker), each recorded; all closed after
    the test. Keyword arguments go to ``browser.new_context``."""
    made: list[Recorder] = []

    def make(**options: Any) -> Recorder:
        context = browser.new_context(locale="en-US", timezone_id="America/Chicago", **options)
        context.set_default_timeout(RUNTIME_TIMEOUT_MS)
        recorder = Recorder(context, site_host.url)
        _record(recorder)
        made.append(recorder)
        return recorder

    yield make
    for recorder in made:
        recorder.context.close()


@pytest.fixture(scope="session")
def warm(browser: Browser, site_host: StaticHost) -> Iterator[Recorder]:
    """One context shared by the tests of what a page does with a loaded runtime: the first
    test to use it pays for loading Pyodide, the others find it in the cache. Each test opens
    its own tab and closes it."""
    context = browser.new_context(locale="en-US", timezone_id="America/Chicago",
                                  permissions=["clipboard-read", "clipboard-write"])
    context.set_default_timeout(RUNTIME_TIMEOUT_MS)
    recorder = Recorder(context, site_host.url)
    _record(recorder)
    yield recorder
    context.close()
