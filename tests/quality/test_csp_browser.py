"""The content security policy in Chromium: no template, in any state, and no page reports a
violation, logs a refused load, or throws a script error; and the recorder does catch one.

The visits are the ones the accessibility checks make (tests/quality/browsing.py), so every
state a visitor can reach (search typed, a calculator's result and errors) is covered.
"""

from __future__ import annotations

import pytest

from build_tools.hosting.csp import secure_page
from tests.quality.browsing import VIEWPORTS, Template, Visitor, all_templates, pages_to_check

pytestmark = pytest.mark.browser

TEMPLATES = all_templates()
CSP_CONSOLE = ("Content Security Policy", "Refused to")


def _problems(visit) -> list[str]:
    problems = [f"policy violation: {report}" for report in visit.csp_reports]
    problems += [f"console: {text}" for text in visit.console_errors
                 if any(marker in text for marker in CSP_CONSOLE)]
    problems += [f"script error: {text}" for text in visit.page_errors]
    return problems


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("template", TEMPLATES, ids=[t.name for t in TEMPLATES])
def test_no_template_breaks_the_policy(visitor: Visitor, template: Template,
                                       viewport: str) -> None:
    problems = _problems(visitor.visit(template, viewport))
    assert not problems, (
        f"{template.name} ({template.path or './'}, {viewport}) breaks its content security "
        "policy. Load scripts and styles from files under docs/assets/, attach handlers with "
        "addEventListener, and never set a style attribute from a script "
        "(build_tools/hosting/csp.py):\n" + "\n".join(problems))


def test_no_page_breaks_the_policy(visitor: Visitor, built_site) -> None:
    failing = {}
    for path in pages_to_check(built_site.path):
        problems = _problems(visitor.visit(Template("page", path), settle="load"))
        if problems:
            failing[path or "./"] = problems
    assert not failing, "pages that break their content security policy:\n" + "\n".join(
        f"{path}:\n  " + "\n  ".join(problems) for path, problems in failing.items())


def test_the_recorder_catches_an_inline_script_the_policy_does_not_allow(
        visitor: Visitor, tmp_path) -> None:
    """A page whose policy lacks one inline script's hash: the browser blocks it and reports."""
    from build_tools.commands.serve import StaticHost

    html = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>t</title>"
            "<script>window.allowed = 1</script></head><body><p>x</p></body></html>")
    secured = secure_page(html, "t").html
    (tmp_path / "index.html").write_text(
        secured.replace("</body>", "<script>window.blocked = 1</script></body>"),
        encoding="utf-8")
    context = visitor.new_context()
    try:
        with StaticHost(tmp_path) as host:
            page = context.new_page()
            page.goto(host.url)
            assert page.evaluate("window.allowed") == 1
            assert page.evaluate("window.blocked") is None
            reports = page.evaluate("window.__cspViolations")
    finally:
        context.close()
    assert [report["directive"] for report in reports] == ["script-src-elem"]


def test_a_redirect_page_runs_its_script_under_the_policy(visitor: Visitor, tmp_path) -> None:
    """The redirects plugin's page (for a moved page's old URL) keeps the #fragment with an
    inline script, which its policy must allow; a refresh tag alone would drop the fragment."""
    from mkdocs_redirects.plugin import write_html

    from build_tools.commands.serve import StaticHost
    from build_tools.hosting.csp import secure_site

    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "index.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>New</title></head>"
        "<body><h1 id='part'>New</h1></body></html>", encoding="utf-8")
    write_html(str(tmp_path), "old/index.html", "../new/")
    secure_site(tmp_path)
    context = visitor.new_context()
    try:
        with StaticHost(tmp_path) as host:
            page = context.new_page()
            refused = []
            page.on("console", lambda message: any(marker in message.text
                                                   for marker in CSP_CONSOLE)
                    and refused.append(message.text))
            page.goto(host.url + "old/#part")
            page.wait_for_url(host.url + "new/#part")
    finally:
        context.close()
    assert not refused


def _calculator_under_headers(visitor: Visitor, change=None):
    """A calculator page with a result, served with the headers of the site's `_headers` (the
    test host sends them); ``change`` may alter the policy the worker's response carries."""
    from tests.quality.browsing import RUNTIME_TIMEOUT_MS, calculator_templates

    with_result = next(t for t in calculator_templates() if "#input=" in t.path)
    # The service worker would answer from its cache: the worker's response is the host's.
    context = visitor.new_context(service_workers="block")
    worker_policies: list[str] = []

    def handle(route) -> None:
        response = route.fetch()
        # The body comes back decoded: it is sent again as it is, without its old encoding.
        headers = {name: value for name, value in response.headers.items()
                   if name.lower() not in ("content-encoding", "content-length")}
        policy = headers.get("content-security-policy", "")
        headers["content-security-policy"] = change(policy) if change else policy
        worker_policies.append(headers["content-security-policy"])
        route.fulfill(response=response, headers=headers)

    context.route("**/calculators/runtime/*/worker.js", handle)
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda message: any(marker in message.text for marker in CSP_CONSOLE)
            and refused.append(message.text))
    page.goto(visitor.base_url + with_result.path)
    return context, page, with_result, refused, worker_policies, RUNTIME_TIMEOUT_MS


def test_a_calculator_works_under_the_sites_response_headers(visitor: Visitor) -> None:
    """The page's meta policy, the header's site-wide policy and the worker's own policy
    together: the worker starts (worker-src 'self'), loads Pyodide and answers."""
    context, page, with_result, refused, worker_policies, _ = _calculator_under_headers(visitor)
    try:
        with_result.prepare(page)
        reports = page.evaluate("window.__cspViolations")
        page.wait_for_load_state("networkidle")  # nothing cut off half-sent when it closes
    finally:
        context.unroute_all(behavior="ignoreErrors")  # a late request, not the next test
        context.close()
    assert not reports and not refused, (
        f"{with_result.name} under the site's response headers:\n{reports}\n{refused}")
    assert worker_policies and all("'wasm-unsafe-eval'" in policy for policy in worker_policies), (
        f"the worker's response carried {worker_policies}, not its own policy")


def test_without_wasm_in_the_workers_header_the_calculator_says_it_cannot_start(
        visitor: Visitor) -> None:
    """The worker's policy really comes from its own response: without 'wasm-unsafe-eval' there,
    Pyodide cannot compile and the page shows its failure message (so the test above does test
    the worker's header, and the header is needed)."""
    context, page, _, _, worker_policies, timeout = _calculator_under_headers(
        visitor, lambda policy: policy.replace(" 'wasm-unsafe-eval'", ""))
    try:
        page.locator("#calculator-result .calculator__failed").wait_for(timeout=timeout)
        answers = page.locator("#calculator-result .calculator__answer").count()
    finally:
        context.unroute_all(behavior="ignoreErrors")  # a late request, not the next test
        context.close()
    assert answers == 0
    assert worker_policies and not any("wasm" in policy for policy in worker_policies)


def test_the_headers_draw_no_complaint_from_the_browser(visitor: Visitor) -> None:
    """Chromium logs a warning for a Permissions-Policy feature it does not know, and an error
    for frame-ancestors in a meta policy: neither on a page, the 404 page or a calculator."""
    context = visitor.new_context()
    complaints: list[str] = []
    context.on("console", lambda message: any(
        marker in message.text for marker in ("Permissions-Policy", "Permissions policy",
                                              "frame-ancestors", *CSP_CONSOLE))
        and complaints.append(f"{message.type}: {message.text}"))
    try:
        for path in ("", "no-such-page/", "calculators/review/"):
            page = context.new_page()
            response = page.goto(visitor.base_url + path, wait_until="load")
            assert response and "frame-ancestors 'none'" in response.headers.get(
                "content-security-policy", ""), f"{path or './'} was sent without the headers"
            page.close()
    finally:
        context.close()
    assert not complaints, complaints
