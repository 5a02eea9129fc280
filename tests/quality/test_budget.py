"""The content page budget (calculators/CONTRACT.md, "Budgets"): a content page, opened with an empty cache,
requests nothing from another host, no WebAssembly (the calculator runtime is for calculator
pages only), and at most 150 KiB over the wire, gzip-compressed as the static host serves it.

The bytes are what the local static host sends (build_tools/commands/serve.py, gzip level 6) for every
request Chromium makes until the network is idle, so they are the same on every run of the same
build; bench/lighthouse reports the same figure as Lighthouse measures it.
"""

from __future__ import annotations

import pytest

from tests.quality.browsing import Visitor, content_templates, same_site

pytestmark = pytest.mark.browser

BUDGET_BYTES = 150 * 1024
PAGES = list(dict.fromkeys(t.path for t in content_templates() if t.prepare is None))


@pytest.mark.parametrize("path", PAGES, ids=[path or "home" for path in PAGES])
def test_a_content_page_keeps_to_its_budget(visitor: Visitor, path: str) -> None:
    context = visitor.new_context("phone")
    try:
        page, visit = visitor.open(path, context)
        page.close()
    finally:
        context.close()
    table = "\n".join(f"  {size:>8,} B  {url}" for url, size in visit.requests)
    total = sum(size for _, size in visit.requests)
    elsewhere = [url for url, _ in visit.requests if not same_site(url, visitor.base_url)]
    assert not elsewhere, f"{path or './'} loads from another host: {elsewhere}"
    wasm = [url for url, _ in visit.requests if url.split("?")[0].endswith(".wasm")]
    assert not wasm, f"{path or './'} loads WebAssembly, which only calculator pages may: {wasm}"
    assert total <= BUDGET_BYTES, (
        f"{path or './'} transfers {total:,} bytes, over the {BUDGET_BYTES:,}-byte budget of a "
        f"content page:\n{table}\nMake the page or a stylesheet or script it loads smaller, or "
        "load it only on the pages that need it.")
    # Requests are recorded as they finish: a stylesheet can finish before a long page does.
    assert visitor.base_url + path in [url for url, _ in visit.requests] and total > 0
