"""What a visit to a calculator leaves on the device: the caches, their entries and bytes, web
storage, IndexedDB and the origin's disk usage, and whether what the visitor entered is in any
of it.

A fresh Chromium profile opens the allocation calculator from a link whose first order is
named with one marker, waits for the result, for the service worker and for the interpreter's
memory snapshot, types a second marker as the second order's name and calculates again; then it
closes the tab and reads everything the site's origin keeps (build_tools/testing/device_storage.py).
Nothing is asserted (tests/browser/test_privacy.py asserts); the figures are printed as JSON.

Usage: ``python bench/device_bytes.py [--site site]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from build_tools.commands.ensure import find_chromium  # noqa: E402
from build_tools.commands.serve import StaticHost  # noqa: E402
from build_tools.data.scenarios import load_scenarios  # noqa: E402
from build_tools.pages.calculator_pages import PAGES, field_id, input_fragment, page_url  # noqa: E402
from build_tools.testing import device_storage  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LINKED, TYPED = "LinkedMarkerQ7Z41", "TypedMarkerK9X23"
SNAPSHOT_SAVED = """async () => {
  for (const name of await caches.keys()) {
    if (name.includes("snapshot") && (await (await caches.open(name)).keys()).length) return true;
  }
  return false;
}"""


def visit(site: Path) -> dict[str, object]:
    example = next(case for case in load_scenarios()
                   if case.example and case.calculator == "allocation")
    linked = dict(example.input, orders=[dict(example.input["orders"][0], id=LINKED),
                                         *example.input["orders"][1:]])
    executable = find_chromium()
    if executable is None:
        raise SystemExit("Chromium was not found: run `make browser`.")
    with StaticHost(site) as host, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="en-US", timezone_id="America/Chicago")
        context.set_default_timeout(180_000)
        page = context.new_page()
        page.goto(host.url + page_url(PAGES["allocation"]) + input_fragment(linked))
        page.locator("#calculator-result .calculator__answer").wait_for()
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        deadline = time.monotonic() + 120
        while not page.evaluate(SNAPSHOT_SAVED) and time.monotonic() < deadline:
            page.wait_for_timeout(500)
        control = page.locator("#" + field_id("orders[1].id"))
        control.fill("")
        control.focus()
        page.keyboard.type(TYPED)
        page.keyboard.press("Enter")
        page.wait_for_timeout(2000)
        page.close()
        reader = context.new_page()
        reader.goto(host.url)
        found = {}
        storage = None
        for marker in (LINKED, TYPED):
            storage = reader.evaluate(device_storage.READ, marker)
            found[marker] = storage["found"]
        assert storage is not None
        report = device_storage.summary(storage)
        report["found"] = found
        browser.close()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site",
                        help="the built site (default: site/, made by `make build`)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site}/index.html not found: run `make build` first.")
    print(json.dumps(visit(args.site), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
