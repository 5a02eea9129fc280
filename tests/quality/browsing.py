"""Visiting the built site in Chromium for the quality checks: the templates and their states,
the content security policy recorder, axe-core, and what every visit records.

A visit is made once per run and shared by the checks that read it (axe, the policy, the page
weight), so that the suite stays quick on a small machine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, BrowserContext, Page, Request

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# What axe checks: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Chromium's page and tablet sizes that matter here: most visitors are on a phone.
VIEWPORTS = {"phone": {"width": 412, "height": 915}, "desktop": {"width": 1280, "height": 800}}

# Installed before any page script runs: every policy violation the page reports is kept.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample,
    source: event.sourceFile, line: event.lineNumber,
  });
});
"""


@dataclass(frozen=True)
class Template:
    """A page in one state: ``prepare`` brings it there after it has loaded."""

    name: str
    path: str                                   # relative to the site's address
    prepare: Callable[[Page], None] | None = None
    status: int = 200
    # What a visit waits for before ``prepare``: "networkidle" (every request answered) or
    # "load" (a calculator page keeps loading its runtime in a worker long after that).
    settle: str = "networkidle"


def _type_county_search(text: str) -> Callable[[Page], None]:
    def prepare(page: Page) -> None:
        finder = page.locator("[data-county-finder]")
        finder.locator("input").fill(text)
        # The count is announced once typing pauses.
        page.wait_for_function(
            "() => document.querySelector('[data-county-finder] [role=status]').textContent")
    return prepare


def _search_site(text: str) -> Callable[[Page], None]:
    def prepare(page: Page) -> None:
        opener = page.locator("label.md-header__button[for=__search]")
        if opener.is_visible():  # on a phone the search box opens from an icon
            opener.click()
        # Typed key by key: Material searches on key events, not on a pasted value.
        page.locator(".md-search__input").press_sequentially(text)
        page.wait_for_selector(".md-search-result__item")
    return prepare


def quick_exit_pages(docs: Path = ROOT / "docs") -> list[str]:
    """The URLs of the pages whose front matter asks for "Exit this page"."""
    urls = []
    for source in sorted(docs.rglob("*.md")):
        front = source.read_text(encoding="utf-8").split("\n---", 1)[0]
        if re.search(r"^quick_exit:\s*true\s*$", front, re.M):
            url = source.relative_to(docs).with_suffix("").as_posix()
            url = url.removesuffix("index").rstrip("/")
            urls.append(url + "/" if url else "")
    assert urls, "no page in docs/ has quick_exit: true in its front matter"
    return urls


def content_templates() -> list[Template]:
    """Every template of a content page, in the states a visitor can bring it to."""
    templates = [
        Template("home", ""),
        Template("home, site search typed", "", _search_site("review")),
        Template("audience index", "paying-support/"),
        Template("topic page", "paying-support/how-long/"),
        Template("county page with facts", "counties/st-charles-county/"),
        Template("county page", "counties/city-of-st-louis/"),
        Template("county index, search typed", "counties/", _type_county_search("st")),
        Template("county index, search matching nothing", "counties/",
                 _type_county_search("zzz")),
        Template("contacts", "contacts/"),
        Template("glossary", "glossary/"),
        # The heaviest content pages: Form 14's schedule, 375 and 400 rows (form14_pages.py).
        Template("Form 14 schedule, by hand", "calculators/support-amount/schedule/6-children/"),
        Template("Form 14 schedule, higher incomes",
                 "calculators/support-amount/schedule/6-children-above-20000/"),
        Template("404 page", "no-such-page/", status=404),
    ]
    taken = {template.path for template in templates}
    quick_exit = quick_exit_pages()
    path = next((url for url in quick_exit if url not in taken), quick_exit[0])
    return templates + [Template("page with quick exit", path)]


# A cold start loads Pyodide (about 13 MB) on a shared two-core machine: a generous limit, which
# only a runtime that never answers reaches.
RUNTIME_TIMEOUT_MS = 90_000


def _wait_for_answer(answer: str) -> Callable[[Page], None]:
    def prepare(page: Page) -> None:
        page.locator("#calculator-result", has_text=answer).wait_for(timeout=RUNTIME_TIMEOUT_MS)
        page.locator("#calculator-steps li").first.wait_for()
        # Every closed part checked too: the form's sections, "What counts here?", the worksheet.
        page.evaluate("document.querySelectorAll('#calculator details')"
                      ".forEach((part) => { part.open = true; })")
    return prepare


def _submit_bad_input(page: Page) -> None:
    """Every money field "-5", every other field left empty (the required ones among them), then
    Calculate: the errors come from the Python validation, so this waits for the runtime."""
    page.evaluate("document.querySelectorAll('#calculator-form details.calculator__section')"
                  ".forEach((section) => { section.open = true; })")
    for money in page.locator('#calculator-form input[data-kind="money"]').all():
        money.fill("-5")
    page.locator("#calculator-form [type=submit]").click()
    page.locator("#calculator-errors li").first.wait_for(timeout=RUNTIME_TIMEOUT_MS)
    page.locator(".calculator__field--error .calculator__error").first.wait_for()


def calculator_templates() -> list[Template]:
    """Each calculator page empty, with the result of its first worked example (opened by its
    #input= link, so the expected answer is the one the build computed) and with errors shown."""
    from build_tools.data.scenarios import load_scenarios
    from build_tools.pages.calculator_pages import PAGES, input_fragment, page_url
    from calculators import api
    from calculators.views.respond import view

    examples = [case for case in load_scenarios() if case.example]
    templates = []
    for name, source in PAGES.items():
        path = page_url(source)
        case = next(case for case in examples if case.calculator == name)
        shown = view(api.run(name, api.loads(case.json_text())))
        assert shown is not None, f"the worked example {case.id} gives errors"
        templates += [
            Template(f"{name} calculator, empty", path, settle="load"),
            Template(f"{name} calculator with a result", path + input_fragment(case.input),
                     _wait_for_answer(shown["answer"]), settle="load"),
            Template(f"{name} calculator with errors shown", path, _submit_bad_input,
                     settle="load"),
        ]
    return templates


# The Spanish site (es/, issue 21): one page of each template, checked as the English ones are.
SPANISH = "es/"


def spanish_templates() -> list[Template]:
    """One Spanish page of each template: home (and its Spanish search), a content page, a county
    page, a calculator page (empty, with a result, with errors), Form 14 by hand (its page and a
    schedule page), the glossary and the 404 page (one page for both languages, answering a
    Spanish address)."""
    from build_tools.data.scenarios import load_scenarios
    from build_tools.pages.calculator_pages import PAGES, input_fragment, page_url
    from calculators import api
    from calculators.views.respond import view

    name = "support_amount"
    path = SPANISH + page_url(PAGES[name])
    case = next(case for case in load_scenarios() if case.example and case.calculator == name)
    shown = view(api.run(name, api.loads(case.json_text()), lang="es"), lang="es")
    assert shown is not None, f"the worked example {case.id} gives errors"
    return [
        Template("Spanish home", SPANISH),
        Template("Spanish home, site search typed", SPANISH, _search_site("revisión")),
        Template("Spanish topic page", SPANISH + "paying-support/how-long/"),
        Template("Spanish county page with facts", SPANISH + "counties/st-charles-county/"),
        Template("Spanish calculator, empty", path, settle="load"),
        Template("Spanish calculator with a result", path + input_fragment(case.input),
                 _wait_for_answer(shown["answer"]), settle="load"),
        Template("Spanish calculator with errors shown", path, _submit_bad_input, settle="load"),
        Template("Spanish Form 14 by hand", SPANISH + "calculators/support-amount/by-hand/"),
        Template("Spanish Form 14 schedule, by hand",
                 SPANISH + "calculators/support-amount/schedule/6-children/"),
        Template("Spanish glossary", SPANISH + "glossary/"),
        Template("404 page at a Spanish address", SPANISH + "no-such-page/", status=404),
    ]


def all_templates() -> list[Template]:
    return content_templates() + calculator_templates() + spanish_templates()


def county_pages_to_check(root: Path = ROOT) -> list[str]:
    """The county pages that differ from the rest (those with sourced facts, an FSD office, a
    prosecutor's unit or the prosecutor doing the state's work), the City of St. Louis (a
    circuit of its own) and one plain page: the other county pages come from the same template
    with only a name, a circuit and a court's town."""
    counties = yaml.safe_load((root / "data" / "counties.yml").read_text(encoding="utf-8"))
    chosen = [c for c in counties["counties"]
              if c.get("facts") or c.get("fsd_office") or c.get("prosecutor_unit")
              or c.get("state_work_by") or c["slug"] == "city-of-st-louis"]
    plain = next(c for c in counties["counties"] if c not in chosen)
    return [f"counties/{c['slug']}/" for c in chosen + [plain]]


def pages_to_check(site: Path) -> list[str]:
    """Every built page of both languages except the county pages, plus
    county_pages_to_check() in both languages."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        if any(url.startswith(f"{lang}counties/") and url != f"{lang}counties/"
               for lang in ("", SPANISH)):
            continue
        if "http-equiv=\"refresh\"" in path.read_text(encoding="utf-8"):
            continue  # a redirect page: it leaves at once (its policy is checked statically)
        pages.append(url)
    counties = county_pages_to_check()
    return pages + counties + [SPANISH + url for url in counties]


@dataclass
class Visit:
    """What one page in one state showed: axe's violations, policy reports, errors, requests."""

    url: str
    status: int
    axe: list[dict] = field(default_factory=list)
    csp_reports: list[dict] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[tuple[str, int]] = field(default_factory=list)  # (url, bytes on the wire)

    def describe_axe(self) -> str:
        lines = []
        for violation in self.axe:
            lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}"
                         f"\n    {violation['helpUrl']}")
            for node in violation["nodes"][:8]:
                lines.append(f"    - {' '.join(node['target'])}: {node['summary']}")
        return "\n".join(lines)


class Visitor:
    """Visits pages of the site served at ``base_url``, each (page, state, viewport) once."""

    def __init__(self, browser: Browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self._contexts: dict[str, BrowserContext] = {}
        self._tabs: dict[str, tuple[Page, list[Visit]]] = {}
        self._visits: dict[tuple[str, str, str], Visit] = {}
        self._axe = AXE_SCRIPT.read_text(encoding="utf-8")

    def new_context(self, viewport: str = "desktop", **options) -> BrowserContext:
        """A fresh context (empty cache) that records policy violations; the caller closes it.
        ``options`` go to Playwright's ``new_context``."""
        context = self.browser.new_context(viewport=VIEWPORTS[viewport], **options)
        context.set_default_timeout(10_000)
        context.add_init_script(RECORD_VIOLATIONS)
        return context

    def open(self, path: str, context: BrowserContext,
             settle: str = "networkidle") -> tuple[Page, Visit]:
        """Load a page in a new tab, everything recorded; the caller closes the tab."""
        page = context.new_page()
        visit = Visit(url=path, status=0)
        _record(page, [visit])
        self._go(page, visit, settle)
        return page, visit

    def _go(self, page: Page, visit: Visit, settle: str) -> None:
        if "#" in visit.url:
            # From the same page, a new fragment alone would not load the page again.
            page.goto("about:blank")
        response = page.goto(self.base_url + visit.url, wait_until=settle)
        visit.status = response.status if response else 0

    def _tab(self, viewport: str) -> tuple[Page, list[Visit]]:
        # One tab per viewport, reused from visit to visit: opening a tab costs more than a page.
        if viewport not in self._tabs:
            context = self._contexts[viewport] = self.new_context(viewport)
            page, current = context.new_page(), [Visit(url="", status=0)]
            _record(page, current)
            self._tabs[viewport] = (page, current)
        return self._tabs[viewport]

    def visit(self, template: Template, viewport: str = "desktop",
              settle: str | None = None) -> Visit:
        """Visit a template in its state, once per run. ``settle`` (the template's unless given):
        "networkidle" waits until every request has been answered, "load" is quicker."""
        key = (template.path, template.name, viewport)
        if key not in self._visits:
            page, current = self._tab(viewport)
            visit = current[0] = Visit(url=template.path, status=0)
            self._go(page, visit, settle or template.settle)
            if template.prepare:
                template.prepare(page)
                page.wait_for_load_state(settle or template.settle)
            settle_animations(page)
            visit.axe = self.run_axe(page)
            visit.csp_reports = page.evaluate("window.__cspViolations")
            self._visits[key] = visit
        return self._visits[key]

    def run_axe(self, page: Page) -> list[dict]:
        # Evaluated through the DevTools protocol, which the page's policy does not govern (an
        # injected <script> element would be blocked by it, as it should be).
        page.evaluate(self._axe)
        return page.evaluate(
            """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags},
                                            resultTypes: ["violations"]})
              .then((results) => results.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary})),
              })))""", AXE_TAGS)

    def close(self) -> None:
        for context in self._contexts.values():
            context.close()


def settle_animations(page: Page) -> None:
    """Wait until no CSS transition or finite animation runs: colours checked halfway through a
    fade are not the colours a visitor reads (a spinner that turns for ever is not waited for).
    Two frames first, so that a transition the last action started has begun. An element the
    browser skips rendering (`content-visibility: auto` off screen, as the worked examples are)
    never finishes its transitions, and nobody sees it: it is not waited for either."""
    page.evaluate("""() => new Promise((done) => requestAnimationFrame(() =>
      requestAnimationFrame(() => Promise.all(document.getAnimations()
        .filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity)
        .filter((a) => !(a.effect.target instanceof Element)
          || a.effect.target.checkVisibility({contentVisibilityAuto: true}))
        .map((a) => a.finished.catch(() => null))).then(() => done()))))""")


def _record(page: Page, current: list[Visit]) -> None:
    """Record what ``page`` reports into ``current[0]``, the visit under way."""
    page.on("console", lambda message: message.type == "error"
            and current[0].console_errors.append(message.text))
    page.on("pageerror", lambda error: current[0].page_errors.append(str(error)))

    def finished(request: Request) -> None:
        response = request.response()
        length = response.headers.get("content-length") if response else None
        current[0].requests.append((request.url, int(length) if length else 0))

    page.on("requestfinished", finished)


def same_site(url: str, base_url: str) -> bool:
    split, base = urlsplit(url), urlsplit(base_url)
    return (split.scheme, split.netloc) == (base.scheme, base.netloc) or split.scheme == "data"
