"""Where things stand on a phone: each calculator page at 390 x 844 (and 320 x 640), the default
font, in Debian's Chromium.

For each calculator page it prints:

- ``calculate_top``: the Calculate button's top, in CSS pixels from the top of the page, before
  anything is entered;
- ``height``: the page's height (``document.documentElement.scrollHeight``) with nothing entered;
- ``height_with_result``: the height after the page's first worked example is computed
  (``#input=``);
- ``answer_bottom``: for Form 14 only, the bottom of the answer's first sentence after a
  three-field entry (two children, $4,000 and $2,500) typed into the form and Calculate pressed,
  measured from the top of the viewport (inside the screen when at most 844);
- ``scroll_width_320``: the page's width with a result at 320 x 640 (wider than 320 scrolls
  sideways).

With ``--screenshots DIR`` it also saves a 390 x 844 screenshot of each page as it opens, and of
Form 14's screen after the three-field entry. Nothing is asserted (tests/browser asserts the
limits); the figures are printed as JSON.

Usage: ``python bench/calculator_layout.py [--site site] [--screenshots DIR]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, ViewportSize, sync_playwright  # noqa: E402

from build_tools.commands.ensure import find_chromium  # noqa: E402
from build_tools.commands.serve import StaticHost  # noqa: E402
from build_tools.data.scenarios import Scenario, load_scenarios  # noqa: E402
from build_tools.pages.calculator_pages import PAGES, field_id, input_fragment, page_url  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PHONE: ViewportSize = {"width": 390, "height": 844}
SMALL: ViewportSize = {"width": 320, "height": 640}
# The usual question: two children, one parent earns $4,000 a month, the other $2,500.
USUAL = {"children": "2", "paying_parent.gross_income": "4000",
         "receiving_parent.gross_income": "2500"}
TOP = "(s) => document.querySelector(s).getBoundingClientRect().top + window.scrollY"
ANSWER = "#calculator-result .calculator__answer"


def _height(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollHeight"))


def measure(site: Path, shots: Path | None) -> dict[str, Any]:
    examples: dict[str, Scenario] = {}
    for case in load_scenarios():
        if case.example:
            examples.setdefault(case.calculator, case)
    executable = find_chromium()
    if executable is None:
        raise SystemExit("Chromium was not found: run `make browser`.")
    report: dict[str, Any] = {}
    with StaticHost(site) as host, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="en-US", timezone_id="America/Chicago",
                                      viewport=PHONE)
        context.set_default_timeout(180_000)
        for name, source in PAGES.items():
            url = host.url + page_url(source)
            page = context.new_page()
            page.goto(url)
            figures: dict[str, Any] = {
                "calculate_top": round(page.evaluate(TOP, ".calculator__submit")),
                "height": _height(page)}
            if shots:
                page.screenshot(path=str(shots / f"{name}.png"))
            page.goto(url + input_fragment(examples[name].input))
            page.locator(ANSWER).wait_for()
            figures["height_with_result"] = _height(page)
            page.set_viewport_size(SMALL)
            figures["scroll_width_320"] = int(page.evaluate(
                "document.documentElement.scrollWidth"))
            page.close()
            if name == "support_amount":
                page = context.new_page()
                page.goto(url)
                page.locator("#calculator[data-state=ready]").wait_for()
                for path, value in USUAL.items():
                    page.locator("#" + field_id(path)).fill(value)
                page.locator(".calculator__submit").click()
                page.locator(ANSWER).wait_for()
                figures["answer_bottom"] = round(page.evaluate(
                    "(s) => document.querySelector(s).getBoundingClientRect().bottom", ANSWER))
                figures["answer"] = page.locator(ANSWER).inner_text()
                if shots:
                    page.screenshot(path=str(shots / f"{name}-usual-result.png"))
                page.close()
            report[name] = figures
        browser.close()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site",
                        help="the built site (default: site/, made by `make build`)")
    parser.add_argument("--screenshots", type=Path, default=None,
                        help="a folder to save the 390 x 844 screenshots in")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"{args.site}/index.html not found: run `make build` first.")
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    print(json.dumps(measure(args.site, args.screenshots), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
