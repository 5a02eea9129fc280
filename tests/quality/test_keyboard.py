"""Keyboard use, on a phone-sized and a desktop-sized window: the first Tab reaches a visible
"Skip to content" link whose Enter takes the next Tab into the page's content; and every place
Tab stops is on screen and looks different when focused (WCAG 2.4.1, 2.4.7, 2.4.11).

The whole tab order is walked on the home page (header, navigation, content, footer: the same on
every page); on the other templates, the content, from the skip link to the footer. "On screen"
means inside the window, not transparent or hidden, and not covered (by the sticky header, say)
at its centre.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import JSHandle, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.quality.browsing import VIEWPORTS, Template, Visitor, all_templates, settle_animations

pytestmark = pytest.mark.browser

# Each page as it opens, and a calculator opened by a link with its result (the result's own
# controls: "Copy a link", the contacts' phone links); the states reached by typing start with
# focus elsewhere than a visitor arriving by Tab.
TEMPLATES = [t for t in all_templates() if t.prepare is None or "#input=" in t.path]
MAX_STOPS = 250  # a page with more tab stops than this is itself a problem

DESCRIBE_FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
    && r.top < innerHeight && r.left < innerWidth;
  const kind = e.tagName.toLowerCase() + "." + [...e.classList]
    .filter((c) => c !== "focus-visible" && !c.endsWith("--active")).sort().join(".");
  const text = (e.getAttribute("aria-label") || e.textContent || e.value || "").trim()
    .replace(/\\s+/g, " ").slice(0, 40);
  // On top where it is: not covered by the sticky header or the quick-exit bar.
  const x = Math.min(Math.max(r.x + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.y + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const uncovered = top !== null && (e.contains(top) || top.contains(e) || (e.labels
    && [...e.labels].some((label) => label.contains(top))));
  return {kind, text, inContent: e.closest(".md-content") !== null,
          seen: inView && uncovered
                && e.checkVisibility({opacityProperty: true, visibilityProperty: true}),
          box: [r.x, r.y, r.width, r.height].map(Math.round)};
}"""

STYLE_OF = """(e) => {
  const s = getComputedStyle(e);
  return ["outline-style", "outline-width", "outline-color", "box-shadow", "background-color",
          "color", "text-decoration-line", "border-color"].map((p) => s.getPropertyValue(p));
}"""


def _clip(page: Page, box: list[float]) -> dict[str, float]:
    size = page.viewport_size
    x, y = max(box[0] - 6, 0), max(box[1] - 6, 0)
    return {"x": x, "y": y, "width": max(min(box[0] + box[2] + 6, size["width"]) - x, 1),
            "height": max(min(box[1] + box[3] + 6, size["height"]) - y, 1)}


def _shows_focus(page: Page, box: list[float]) -> bool:
    """True when the focused element looks different once it loses focus: by its own style, or
    by any pixel around it (a ring drawn by a parent or a pseudo-element counts)."""
    clip = _clip(page, box)
    element: JSHandle = page.evaluate_handle("document.activeElement")
    focused = (page.evaluate(STYLE_OF, element), page.screenshot(clip=clip))
    page.evaluate("(e) => e.blur()", element)
    settle_animations(page)
    unfocused = (page.evaluate(STYLE_OF, element), page.screenshot(clip=clip))
    page.evaluate("(e) => e.focus()", element)  # Tab goes on from here
    settle_animations(page)
    return focused[0] != unfocused[0] or focused[1] != unfocused[1]


def _next_stop(page: Page) -> dict | None:
    page.keyboard.press("Tab")
    stop = page.evaluate(DESCRIBE_FOCUS)
    if stop is not None and not stop["seen"]:
        # Focus may first have to scroll the page, fade a heading's link in or open the
        # navigation drawer: give it a moment to come into view.
        try:
            page.wait_for_function(f"() => ({DESCRIBE_FOCUS})()?.seen", timeout=1500)
        except PlaywrightTimeout:
            pass
        stop = page.evaluate(DESCRIBE_FOCUS)
    return stop


def _walk(page: Page, stop: dict | None, content_only: bool) -> list[str]:
    """Tab on from ``stop``; say what is wrong with each stop (its look checked once per kind).
    Stops at the end of the page, or where focus leaves the content if ``content_only``."""
    problems, checked, first = [], set(), stop
    for _ in range(MAX_STOPS):
        if stop is None or (content_only and not stop["inContent"]):
            return problems  # past the last stop (the address bar), or out of the content
        name = f"{stop['kind']} {stop['text']!r}"
        if not stop["seen"]:
            problems.append(f"{name}: focused but not on screen (box {stop['box']})")
        elif stop["kind"] not in checked:
            checked.add(stop["kind"])
            if not _shows_focus(page, stop["box"]):
                problems.append(f"{name}: nothing shows that it has focus (give it a "
                                ":focus-visible outline in docs/assets/site/site.css)")
        stop = _next_stop(page)
        if stop == first:
            return problems  # round to the first stop again
    return problems + [f"more than {MAX_STOPS} tab stops"]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_tab_stop_on_the_home_page_is_seen_and_shows_focus(visitor: Visitor,
                                                                 viewport: str) -> None:
    context = visitor.new_context(viewport)
    try:
        page, _ = visitor.open("", context)
        problems = _walk(page, _next_stop(page), content_only=False)
    finally:
        context.close()
    assert not problems, f"tab stops on the home page ({viewport}):\n" + "\n".join(problems)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("template", TEMPLATES, ids=[t.name for t in TEMPLATES])
def test_the_skip_link_leads_into_the_content_where_focus_is_seen(
        visitor: Visitor, template: Template, viewport: str) -> None:
    shown = template.path.split("#")[0] or "./"
    context = visitor.new_context(viewport)
    try:
        page, _ = visitor.open(template.path, context, settle=template.settle)
        if template.prepare:
            template.prepare(page)
        skip = _next_stop(page)
        # Material's words for the link, in the page's language (its Spanish: "Saltar a
        # contenido"; the one 404 page, for both languages, is in English first).
        spanish = page.evaluate("document.documentElement.lang") == "es"
        said = "Saltar a contenido" if spanish else "Skip to content"
        assert skip and skip["text"] == said and skip["seen"], (
            f"the first Tab on {shown} reaches {skip}, not a visible {said!r} link "
            "(Material writes it from the page's first heading)")
        target = page.evaluate("document.activeElement.hash")
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == target
        assert page.evaluate("(t) => document.querySelector('.md-content ' + t) !== null",
                             target), f"the skip link's target {target} is not in the content"
        after = _next_stop(page)
        assert after and after["inContent"], (
            f"after the skip link, Tab on {shown} reaches {after}, outside the page's content")
        problems = _walk(page, after, content_only=True)
    finally:
        context.close()
    assert not problems, f"tab stops in the content of {shown} ({viewport}):\n" + \
        "\n".join(problems)


def test_a_focus_that_shows_nothing_and_stops_out_of_sight_are_caught(visitor: Visitor,
                                                                       tmp_path) -> None:
    from build_tools.commands.serve import StaticHost

    (tmp_path / "plain.css").write_text(
        "a:focus { outline: none } header { position: fixed; top: 0; height: 60px; width: 100%;"
        " background: #fff } .plain { margin-top: 80px } .under { position: absolute; top: 10px }"
        " .away { position: fixed; top: -100px }", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>t</title>"
        "<link rel='stylesheet' href='plain.css'></head><body><main class='md-content'>"
        "<p class='plain'><a href='#x'>No focus style</a></p>"
        "<p class='under'><a href='#y'>Under the header</a></p></main>"
        "<header><a class='away' href='#z'>Off screen</a></header></body></html>",
        encoding="utf-8")
    context = visitor.browser.new_context(viewport=VIEWPORTS["desktop"])
    try:
        with StaticHost(tmp_path) as host:
            page = context.new_page()
            page.goto(host.url)
            problems = _walk(page, _next_stop(page), content_only=False)
    finally:
        context.close()
    assert [problem.split(" (")[0] for problem in problems] == [
        "a. 'No focus style': nothing shows that it has focus",
        "a. 'Under the header': focused but not on screen",
        "a.away 'Off screen': focused but not on screen"]
