"""The site's response headers: one declaration (build_tools/hosting/headers.py) written as `_headers`
for Netlify and Cloudflare Pages and as nginx for HOSTING.md, and applied by the local host
(build_tools/commands/serve.py), so that every browser test sees what production sends.

The expected values are written out here, not read from the declaration: this is what a
visitor's browser must receive.
"""

from __future__ import annotations

import json
import posixpath
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from build_tools.hosting import headers
from build_tools.commands.serve import StaticHost

ROOT = Path(__file__).resolve().parents[2]

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
A_DAY = "public, max-age=86400"
SITE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"
# Never used by any page; denied to the site and anything it could embed.
DENIED = ("camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "midi",
          "display-capture", "fullscreen", "autoplay", "accelerometer", "gyroscope",
          "magnetometer", "screen-wake-lock", "xr-spatial-tracking")
# Sent with every response, whatever the file.
EVERYWHERE = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
              "x-frame-options": "DENY", "cross-origin-opener-policy": "same-origin"}
# What the local host sends besides the declared headers.
PROTOCOL = {"content-type", "content-length", "content-encoding", "vary", "server", "date"}
DECLARED = {"content-security-policy", "cache-control", "permissions-policy", *EVERYWHERE}


def _get(url: str) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip, br"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}


def _policies(value: str) -> list[dict[str, list[str]]]:
    """The policies of a Content-Security-Policy header (several are joined by commas)."""
    found = []
    for policy in value.split(","):
        directives: dict[str, list[str]] = {}
        for part in policy.split(";"):
            words = part.split()
            if words:
                directives[words[0]] = words[1:]
        found.append(directives)
    return found


def _calculator_settings(site: Path) -> tuple[str, str, str]:
    """The worker's, the service worker's and the page script's site-relative paths, as the
    Form 14 page names them."""
    page = (site / "calculators" / "support-amount" / "index.html").read_text(encoding="utf-8")
    config = re.search(r'id="calculator-config">(.*?)</script>', page, re.S)
    assert config
    settings = json.loads(config.group(1))
    script = re.search(r'<script type="module" src="\.\./\.\./([^"]+)"', page)
    assert script
    worker = posixpath.normpath(posixpath.join("calculators/support-amount", settings["worker"]))
    service_worker = posixpath.normpath(posixpath.join("calculators/support-amount",
                                                       settings["serviceWorker"]))
    return worker, service_worker, script.group(1)


def _templates(site: Path) -> dict[str, tuple[str, int, str, str]]:
    """name -> (site-relative URL, status, content type, caching) of one file of each kind."""
    worker, service_worker, script = _calculator_settings(site)
    wasm = next(site.glob("pyodide/*/pyodide.asm.wasm")).relative_to(site).as_posix()
    return {
        "home": ("", 200, "text/html", REVALIDATE),
        "content page": ("paying-support/how-long/", 200, "text/html", REVALIDATE),
        "county page": ("counties/st-charles-county/", 200, "text/html", REVALIDATE),
        "calculator page": ("calculators/support-amount/", 200, "text/html", REVALIDATE),
        "404 page": ("no-such-page/", 404, "text/html", REVALIDATE),
        "calculators' worker": (worker, 200, "text/javascript", IMMUTABLE),
        "Pyodide's WebAssembly": (wasm, 200, "application/wasm", IMMUTABLE),
        "calculator page's bundled script": (script, 200, "text/javascript", IMMUTABLE),
        "build.json": ("calculators/build.json", 200, "application/json", REVALIDATE),
        "service worker": (service_worker, 200, "text/javascript", REVALIDATE),
        "the site's icon": ("assets/images/favicon.png", 200, "image/png", A_DAY),
    }


def test_each_kind_of_file_gets_every_header_it_needs_and_no_other(built_site, site_host):
    templates = _templates(built_site.path)
    worker_url, service_worker_url = templates["calculators' worker"][0], \
        templates["service worker"][0]
    wrong = []
    for name, (url, status, content_type, caching) in templates.items():
        got_status, sent = _get(site_host.url + url)
        problems = []
        if got_status != status:
            problems.append(f"status {got_status}, not {status}")
        if not sent.get("content-type", "").startswith(content_type):
            problems.append(f"Content-Type {sent.get('content-type')}")
        problems += [f"{header}: {sent.get(header)!r}, not {value!r}"
                     for header, value in EVERYWHERE.items() if sent.get(header) != value]
        if sent.get("cache-control") != caching:
            problems.append(f"Cache-Control {sent.get('cache-control')!r}, not {caching!r}")
        features = dict(item.strip().split("=", 1)
                        for item in sent.get("permissions-policy", "").split(","))
        problems += [f"Permissions-Policy allows {feature}" for feature in DENIED
                     if features.get(feature) != "()"]
        if "clipboard-write" in features:
            problems.append("Permissions-Policy denies clipboard-write, which the calculators' "
                            "'Copy a link' uses")
        policies = _policies(sent.get("content-security-policy", ""))
        if policies[0] != _policies(SITE_POLICY)[0]:
            problems.append(f"the first policy is {policies[0]}, not the site's")
        extra = policies[1:]
        if url == worker_url:
            if len(extra) != 1 or extra[0].get("script-src") != \
                    ["'self'", "blob:", "'wasm-unsafe-eval'"] \
                    or extra[0].get("default-src") != ["'self'"]:
                problems.append(f"the worker's own policy is {extra}: it needs default-src "
                                "'self' and script-src 'self' blob: 'wasm-unsafe-eval' (Pyodide's "
                                "WebAssembly, and its script decoded on a host that compresses "
                                "nothing)")
        elif url == service_worker_url:
            if len(extra) != 1 or extra[0].get("default-src") != ["'self'"]:
                problems.append(f"the service worker's own policy is {extra}")
        elif extra:
            problems.append(f"policies besides the site's: {extra}")
        if any("'wasm-unsafe-eval'" in values for policy in policies
               for values in policy.values()) and url != worker_url:
            problems.append("'wasm-unsafe-eval' outside the worker")
        if any("blob:" in values for policy in policies for values in policy.values()) \
                and url != worker_url:
            problems.append("blob: outside the worker")
        unexpected = set(sent) - PROTOCOL - DECLARED
        if unexpected:
            problems.append(f"headers nobody declared: {sorted(unexpected)}")
        if problems:
            wrong.append(f"{name} ({url or './'}):\n    " + "\n    ".join(problems))
    assert not wrong, ("the local host does not send what build_tools/hosting/headers.py declares "
                       "(it reads the built site's _headers):\n" + "\n".join(wrong))


def test_the_built_headers_file_is_the_declaration_and_is_never_served(built_site, site_host):
    written = (built_site.path / headers.FILENAME).read_text(encoding="utf-8")
    assert written == headers.render("/")
    assert _get(site_host.url + headers.FILENAME)[0] == 404


def test_no_page_puts_frame_ancestors_in_its_meta_policy(built_site):
    """A browser ignores frame-ancestors in a <meta> policy and logs an error: it goes in the
    header alone."""
    pages = list(built_site.path.rglob("*.html"))
    assert len(pages) > 100
    carrying = [path for path in pages if "frame-ancestors" in
                path.read_text(encoding="utf-8").split("</head>", 1)[0]]
    assert not carrying, carrying[:5]


# --- How hosts read the file ---------------------------------------------------------------

FILE = """\
# a comment
/site/*
  A: 1
  Cache-Control: no-cache
  Content-Security-Policy: one

/site/fixed/*
  ! Cache-Control
  Cache-Control: immutable
  Content-Security-Policy: two

/site/:name/page
  B: 2
"""


def test_rules_combine_as_cloudflare_pages_combines_them() -> None:
    rules = headers.parse(FILE)
    assert [rule.pattern for rule in rules] == ["/site/*", "/site/fixed/*", "/site/:name/page"]
    assert headers.joined(headers.headers_for("/site/fixed/x.js", rules)) == {
        "A": "1", "Content-Security-Policy": "one, two", "Cache-Control": "immutable"}
    assert headers.joined(headers.headers_for("/site/", rules)) == {
        "A": "1", "Cache-Control": "no-cache", "Content-Security-Policy": "one"}
    assert headers.headers_for("/site/x/page", rules)[-1] == ("B", "2")
    assert headers.headers_for("/site/x/y/page", rules)[-1] != ("B", "2")
    assert headers.headers_for("/other/", rules) == []


@pytest.mark.parametrize(("text", "message"), [
    ("  A: 1\n", "a header before any path"),
    ("/x\n  A\n", "not `Name: value`"),
    ("/x\n  A:\n", "not `Name: value`"),
])
def test_a_malformed_file_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(headers.HeadersError, match=message):
        headers.parse(text)


def test_the_declaration_is_written_under_the_subpath_within_the_hosts_limits() -> None:
    text = headers.render("/mo-child-support/")
    paths = [line for line in text.splitlines() if line.startswith("/")]
    assert paths and all(path.startswith("/mo-child-support/") for path in paths)
    assert len(paths) <= headers.MAX_RULES
    assert max(len(line) for line in text.splitlines()) <= headers.MAX_LINE
    assert headers.parse(text) == headers.parse(headers.render("mo-child-support"))


@pytest.mark.parametrize(("rules", "message"), [
    ((headers.Rule("/x/*", ()),), "site-relative"),
    ((headers.Rule("a/*/b", ()),), "ending in one"),
    ((headers.Rule("x", ()), headers.Rule("x", ())), "given twice"),
    (tuple(headers.Rule(f"p{n}", ()) for n in range(101)), "at most 100"),
])
def test_a_declaration_no_host_could_read_fails_the_build(rules, message: str) -> None:
    with pytest.raises(headers.HeadersError, match=message):
        headers.render("/", rules)


def test_a_line_too_long_for_cloudflare_pages_fails_the_build() -> None:
    with pytest.raises(headers.HeadersError, match="2000"):
        headers.render("/", (headers.Rule("*", (("A", "x" * 2000),)),))


# --- nginx ---------------------------------------------------------------------------------

def test_the_nginx_snippet_sends_what_the_headers_file_sends() -> None:
    """Each URL the maps name gets, from nginx's reading of the snippet, the headers the
    `_headers` reading gives it."""
    base = "/mo-child-support/"
    snippet = headers.nginx(base)
    maps: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for variable, body in re.findall(r"map \$uri (\$\w+) \{\n(.*?)\n\}", snippet, re.S):
        default = re.search(r'default "([^"]*)";', body)
        assert default
        entries = re.findall(r'^\s+"([^"]+)" "([^"]*)";$', body, re.M)
        maps[variable] = (default.group(1), entries)
    location = re.search(r"location \^~ (\S+) \{\n(.*?)\n\}", snippet, re.S)
    assert location and location.group(1) == base
    sent_lines = re.findall(r'add_header (\S+) (\$\w+|"[^"]*") always;', location.group(2))

    def nginx_sends(uri: str) -> dict[str, str]:
        sent: list[tuple[str, str]] = []
        for name, value in sent_lines:
            if value.startswith("$"):
                default, entries = maps[value]
                exact = [v for key, v in entries if not key.startswith("~") and key == uri]
                regex = [v for key, v in entries if key.startswith("~")
                         and re.search(key[1:], uri)]
                value = (exact or regex or [default])[0]
            else:
                value = value.strip('"')
            if value:
                sent.append((name, value))
        return headers.joined(sent)

    rules = headers.parse(headers.render(base))
    uris = [base, f"{base}sw.js", f"{base}calculators/sw.js", f"{base}calculators/build.json",
            f"{base}calculators/runtime/abc/worker.js", f"{base}pyodide/1/pyodide.asm.wasm",
            f"{base}assets/calculators/bundle/main.X.js", f"{base}counties/x/",
            f"{base}assets/images/favicon.png"]
    for uri in uris:
        assert nginx_sends(uri) == headers.joined(headers.headers_for(uri, rules)), uri


def test_hosting_md_carries_the_nginx_snippet_as_generated() -> None:
    text = (ROOT / "HOSTING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```nginx\n(.*?)^```", text, re.M | re.S)
    assert headers.nginx("/") in blocks, (
        "HOSTING.md's nginx block differs from build_tools/hosting/headers.py: paste the output of "
        "`.venv/bin/python -m build_tools.hosting.headers nginx` into it")


def test_the_subpath_host_applies_the_subpath_rules(tmp_path: Path) -> None:
    """A site built for /mo-child-support/ has its rules under that path, and the local host
    serving it there applies them (a file of the built site, enough to see the matching)."""
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    (tmp_path / "pyodide").mkdir()
    (tmp_path / "pyodide" / "a.js").write_text("1", encoding="utf-8")
    headers.write(tmp_path, "/mo-child-support/")
    with StaticHost(tmp_path, base="/mo-child-support/") as host:
        status, page = _get(host.url)
        assert status == 200 and page["cache-control"] == REVALIDATE
        assert page["content-security-policy"] == SITE_POLICY
        assert _get(host.url + "pyodide/a.js")[1]["cache-control"] == IMMUTABLE
        assert _get(host.url + "_headers")[0] == 404
