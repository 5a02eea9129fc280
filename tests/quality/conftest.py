"""Fixtures of the quality checks: one Visitor for the whole run (tests/quality/browsing.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.quality.browsing import Visitor


@pytest.fixture(scope="session")
def visitor(browser, site_host) -> Iterator[Visitor]:
    shared = Visitor(browser, site_host.url)
    yield shared
    shared.close()
