"""The content security policy: how build_tools/hosting/csp.py writes it, and that every built page has it.

The browser half (no page reports a violation when a template is used) is in test_csp_browser.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.hosting.csp import (
    FORBIDDEN_SOURCES,
    REFERRER_POLICY,
    CspError,
    build_policy,
    secure_page,
    secure_site,
    source_hash,
)


def parse_policy(policy: str) -> dict[str, list[str]]:
    """``"a x y; b z"`` -> ``{"a": ["x", "y"], "b": ["z"]}``."""
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), words[1:])
    return directives

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>T</title>
    <script>var a = 1;</script>
    <script id="__config" type="application/json">{"a": 1}</script>
    <script src="x.js"></script>
    <style>p { color: red }</style>
  </head>
  <body><p>Hi</p><script type="module">import "./m.js";</script></body>
</html>
"""


def _policy_of(html: str) -> dict[str, list[str]]:
    tags = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(tags) == 1, f"expected one policy meta tag, found {len(tags)}"
    return parse_policy(tags[0])


def test_the_hash_is_the_one_browsers_compute_for_the_text() -> None:
    # Known value: printf 'alert(1)' | openssl dgst -sha256 -binary | base64
    assert source_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    # The HTML parser turns CR LF into LF before a browser hashes the text.
    assert source_hash("a\r\nb\rc") == source_hash("a\nb\nc")


def test_executed_inline_scripts_and_styles_are_hashed_and_data_blocks_are_not() -> None:
    secured = secure_page(PAGE, "page.md")
    assert secured.problems == []
    policy = _policy_of(secured.html)
    assert policy["script-src"] == ["'self'", source_hash("var a = 1;"),
                                    source_hash('import "./m.js";')]
    assert policy["style-src"] == ["'self'", source_hash("p { color: red }")]


def test_the_policy_locks_the_page_down() -> None:
    policy = parse_policy(build_policy(["'sha256-x'"]))
    assert policy["default-src"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    every_source = {source for sources in policy.values() for source in sources}
    assert not every_source & set(FORBIDDEN_SOURCES)


def test_the_tags_go_first_in_head_after_the_charset() -> None:
    html = secure_page(PAGE, "page.md").html
    head = html[html.index("<head>"):]
    tags = re.findall(r"<[a-z][^>]*>", head)
    assert tags[1] == '<meta charset="utf-8">'
    assert tags[2].startswith('<meta http-equiv="Content-Security-Policy"')
    assert tags[3] == f'<meta name="referrer" content="{REFERRER_POLICY}">'
    # Without a charset first, the policy is the first child of <head>.
    bare = secure_page("<html><head><title>x</title><script>1</script></head></html>", "p").html
    assert bare.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy"')


def test_securing_again_replaces_the_policy_instead_of_adding_one() -> None:
    once = secure_page(PAGE, "page.md").html
    changed = once.replace("var a = 1;", "var a = 2;")
    twice = secure_page(changed, "page.md").html
    assert _policy_of(twice)["script-src"][1] == source_hash("var a = 2;")
    assert twice.count('name="referrer"') == 1


@pytest.mark.parametrize(("markup", "expected"), [
    ('<button onclick="go()">Go</button>', "inline event handler"),
    ('<a href=" JavaScript:go()">Go</a>', "javascript: URL"),
    ('<td style="text-align: left;">1</td>', "inline style attribute"),
    ("<script>document.write('<script>')</script>", "may end it somewhere else"),
    ('<script src="a.js">var hidden = 1;</script>', "also has text inside it"),
])
def test_what_a_hash_cannot_allow_is_reported_with_the_page_and_the_fix(
        markup: str, expected: str) -> None:
    html = f"<html><head><title>x</title></head><body>\n{markup}\n</body></html>"
    secured = secure_page(html, "docs/topic.md")
    assert len(secured.problems) == 1
    message = str(secured.problems[0])
    assert expected in message
    assert message.startswith("docs/topic.md, line 2 of the built HTML")
    assert secured.html == html  # nothing written into a page that fails


def test_a_page_without_head_is_reported() -> None:
    problems = secure_page("<p>no head</p>", "p.html").problems
    assert "no <head> start tag" in str(problems[0])


def test_the_site_fails_whole_and_names_every_bad_page(tmp_path: Path) -> None:
    (tmp_path / "ok").mkdir()
    good = tmp_path / "ok" / "index.html"
    good.write_text(PAGE, encoding="utf-8")
    (tmp_path / "bad.html").write_text(
        '<html><head></head><body><a onclick="x()">x</a></body></html>', encoding="utf-8")
    with pytest.raises(CspError) as failure:
        secure_site(tmp_path, lambda built: f"docs/{built}.md")
    assert "docs/bad.html.md, line 1" in str(failure.value)
    assert "addEventListener" in str(failure.value)
    assert good.read_text(encoding="utf-8") == PAGE  # nothing half-written
    (tmp_path / "bad.html").unlink()
    assert secure_site(tmp_path) == 1
    assert "Content-Security-Policy" in good.read_text(encoding="utf-8")


# --- The built site ------------------------------------------------------------------------------

def _inline_scripts(html: str) -> list[str]:
    """Executed inline scripts, found independently of build_tools/hosting/csp.py's parser."""
    found = []
    for attributes, text in re.findall(r"<script\b([^>]*)>(.*?)</script", html, re.S | re.I):
        kind = re.search(r'type="([^"]*)"', attributes)
        if "src=" in attributes or (kind and kind.group(1) not in ("module", "text/javascript")):
            continue
        found.append(text)
    return found


def test_every_built_page_carries_a_policy_that_allows_exactly_its_inline_scripts(
        built_site) -> None:
    pages = sorted(built_site.path.rglob("*.html"))
    assert len(pages) > 1
    from tests.quality.test_html_valid import spanish_template_files

    missing = set(spanish_template_files(built_site.path)) - set(pages)
    assert not missing, f"the Spanish pages are not all checked: {sorted(missing)}"
    wrong = []
    for path in pages:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(built_site.path).as_posix()
        head = html[html.lower().index("<head"):]
        first_tags = re.findall(r"<(?!/)[^>]*>", head)[:4]
        if not any(t.startswith('<meta http-equiv="Content-Security-Policy"') for t in first_tags):
            wrong.append(f"{name}: the policy is not at the top of <head>")
            continue
        policy = _policy_of(html)
        scripts = policy["script-src"]
        expected = ["'self'", *dict.fromkeys(source_hash(s) for s in _inline_scripts(html))]
        if scripts != expected:
            wrong.append(f"{name}: script-src {scripts} but its inline scripts need {expected}")
        sources = {source for values in policy.values() for source in values}
        if sources & set(FORBIDDEN_SOURCES):
            wrong.append(f"{name}: the policy allows {sorted(sources & set(FORBIDDEN_SOURCES))}")
        if f'<meta name="referrer" content="{REFERRER_POLICY}">' not in html:
            wrong.append(f"{name}: no referrer policy")
        if re.search(r"\son[a-z]+=|\sstyle=|javascript:", html, re.I):
            wrong.append(f"{name}: an inline handler, style attribute or javascript: URL")
    assert not wrong, ("build_tools/hooks/csp.py must give every page its policy (is it listed "
                       "last under hooks: in mkdocs.yml?):\n" + "\n".join(wrong))


# --- The response headers of the built site's _headers (build_tools/hosting/headers.py) ---------------

def _runtime_urls(site: Path) -> tuple[str, str]:
    """The worker's and the service worker's URL paths, as a calculator page names them."""
    import json
    from posixpath import join, normpath

    page = next(site.glob("calculators/*/index.html"))
    config = re.search(r'<script type="application/json" id="calculator-config">(.*?)</script>',
                       page.read_text(encoding="utf-8"), re.S)
    assert config, f"{page} has no calculator settings"
    settings = json.loads(config.group(1))
    base = "/" + page.parent.relative_to(site).as_posix() + "/"
    return (normpath(join(base, settings["worker"])),
            normpath(join(base, settings["serviceWorker"])))


def test_the_headers_give_the_worker_alone_wasm_and_no_page_a_script_src(built_site) -> None:
    from build_tools.hosting.headers import FILENAME, headers_for, parse

    rules = parse((built_site.path / FILENAME).read_text(encoding="utf-8"))
    worker, service_worker = _runtime_urls(built_site.path)
    assert (built_site.path / worker.lstrip("/")).is_file(), worker
    assert (built_site.path / service_worker.lstrip("/")).is_file(), service_worker
    fix = "Correct the rules in build_tools/hosting/headers.py"

    def policies(url: str) -> list[dict[str, list[str]]]:
        return [parse_policy(value) for name, value in headers_for(url, rules)
                if name.lower() == "content-security-policy"]

    def sources(url: str, directive: str) -> list[list[str]]:
        return [p.get(directive) or p.get("default-src") or [] for p in policies(url)]

    assert any("'wasm-unsafe-eval'" in s for s in sources(worker, "script-src")), (
        f"the headers give the calculators' worker {worker} no policy with "
        f"'wasm-unsafe-eval' (Pyodide compiles WebAssembly there). {fix}.")
    assert any("blob:" in s for s in sources(worker, "script-src")), (
        f"the headers give the calculators' worker {worker} no policy with blob: (on a host "
        f"that compresses nothing it imports Pyodide's script from a blob: URL). {fix}.")
    for url in (worker, service_worker):
        assert any("default-src" in p for p in policies(url)), (
            f"the headers give {url} no policy of its own (a default-src): a worker's "
            f"policy comes from its response, not from the page. {fix}.")
    # The worker's folder holds what only the worker reads, and the page script that starts it:
    # a policy sent with a script that a page loads binds nothing, so that file may share it.
    worker_folder = worker.rsplit("/", 1)[0] + "/"
    wrong = []
    for path in sorted(built_site.path.rglob("*")):
        url = "/" + path.relative_to(built_site.path).as_posix()
        if path.suffix not in (".html", ".js", ".mjs") or (
                path.suffix != ".html" and url.startswith(worker_folder)):
            continue
        found = {source for values in sources(url, "script-src") for source in values}
        if found & set(FORBIDDEN_SOURCES):
            wrong.append(f"{url}: {sorted(found & set(FORBIDDEN_SOURCES))}")
        if "blob:" in found:
            wrong.append(f"{url}: blob: scripts, which only the calculators' worker imports")
        if path.suffix == ".html" and any("script-src" in p for p in policies(url)):
            wrong.append(f"{url}: a script-src in a header, which would block the page's "
                         "inline scripts whose hashes only its meta tag carries")
    assert not wrong, f"the headers open what they should not ({fix}):\n" + "\n".join(wrong)
