"""The response headers of the site: one declaration, written as `_headers` and as nginx.

``RULES`` below is the only place the site's response headers are decided. From it:

- the build writes ``_headers`` at the top of the site (build_tools/hooks/headers.py), the file
  Netlify and Cloudflare Pages read, every path under the site's subpath;
- ``python -m build_tools.hosting.headers nginx [--base /subpath/]`` prints the same rules for nginx
  (HOSTING.md carries the output for a site at the root; a test keeps it equal);
- the project's own host (build_tools/commands/serve.py: ``make serve``, the tests, the bench) reads the
  built ``_headers`` and applies it as Cloudflare Pages does, so every browser test sees what
  production sends.

How hosts combine rules, and why the declaration keeps to a shape all of them read alike: every
rule whose path matches a URL applies to it. Cloudflare Pages joins a header given by two
matching rules with a comma, and a line ``! Name`` in a narrower rule detaches the header a
broader rule gave; Netlify's parser skips a line without a colon (so it ignores ``! Name``) and
keeps the later rule's value of a header. A rule here that changes ``Cache-Control`` therefore
detaches the broad value before it sets its own: both hosts then send the narrow value alone.
The only header two rules give one URL is ``Content-Security-Policy`` (the worker's own policy
beside the site-wide one): joined, a browser enforces both; replaced, the worker's policy alone,
which holds every directive of the site-wide one that means anything for a worker script.

Paths are site-relative patterns: exact (``sw.js``) or ending in one ``*`` (a
prefix). Cloudflare Pages takes at most 100 rules and 2,000 characters a line; ``render``
fails past either.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

FILENAME = "_headers"

# The policy a header adds to each page's own <meta> policy (build_tools/hosting/csp.py). Only what a
# meta tag cannot carry, or what holds on every file: `frame-ancestors` (no other site may frame
# a page; a browser ignores it in a meta tag and logs an error) and three directives that close
# what no file of the site needs. No `script-src` here: a header cannot carry each page's
# inline-script hashes, and a browser enforces every policy it is given, so it would block them.
SITE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"
# The calculators' worker loads Pyodide and compiles its WebAssembly: `'wasm-unsafe-eval'` there
# and nowhere else. A worker's policy comes from its own response, never from the page (Chromium
# applies a same-origin dedicated worker's response policy, not its page's: the browser test
# tests/quality/test_csp_browser.py shows it). `blob:` there and nowhere else too: on a host
# that compresses nothing, the worker imports Pyodide's 1.25 MB script from the decoded text of
# its brotli copy (worker.js). A blob: URL holds what a script of this origin put in it, and
# the worker puts there only the site's own file it fetched; the pages allow no blob: script.
WORKER_POLICY = ("default-src 'self'; script-src 'self' blob: 'wasm-unsafe-eval'; "
                 "object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
# The service worker reads and caches the site's own files, nothing else.
SERVICE_WORKER_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"

# Browser features no page of the site uses, switched off for the site and anything it could
# ever embed. Left out: clipboard-write ("Copy a link to this result" writes the address) and
# clipboard-read (a visitor's browser may ask for it on its own). Only names Chromium on every
# platform knows: an unknown one ("bluetooth" and "web-share" on Linux) is logged on every page
# (tests/quality/test_csp_browser.py fails on it).
DENIED_FEATURES = ("accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
                   "fullscreen", "gamepad", "geolocation", "gyroscope", "hid", "idle-detection",
                   "local-fonts", "magnetometer", "microphone", "midi", "payment",
                   "picture-in-picture", "publickey-credentials-get", "screen-wake-lock",
                   "serial", "usb", "xr-spatial-tracking")
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)

# A file whose URL changes whenever its content does is kept for a year without a question; all
# else is asked about again on every use (a 304 when unchanged), so a deploy shows at once.
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# The theme's icon, which every page names and the browser asks for on each visit: kept a day
# without asking. An icon a day old after a deploy harms nobody, and a visit saves a request
# (two on a first visit to a calculator, whose service worker keeps it).
ICON = "public, max-age=86400"


@dataclass(frozen=True)
class Rule:
    """Headers for the URLs that ``path`` matches (site-relative: exact, or ending in ``*``).
    ``detach`` names headers a broader rule gave that this one takes away (before adding its
    own)."""

    path: str
    headers: tuple[tuple[str, str], ...]
    detach: tuple[str, ...] = ()


def _immutable(path: str) -> Rule:
    return Rule(path, (("Cache-Control", IMMUTABLE),), detach=("Cache-Control",))


RULES: tuple[Rule, ...] = (
    Rule("*", (
        ("Content-Security-Policy", SITE_POLICY),
        ("X-Frame-Options", "DENY"),  # frame-ancestors for browsers that predate it
        ("X-Content-Type-Options", "nosniff"),
        # As each page's <meta name="referrer">: no other site learns which page a visitor
        # read here (a page about domestic violence, a county).
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        # HTML, calculators/build.json (which build is deployed) and sw.js among them.
        ("Cache-Control", REVALIDATE),
    )),
    # Named by version or content: Pyodide under its version, the calculators' worker, wheel and
    # standard library under their content's key, the theme's bundles under their hash, the
    # calculator pages' bundled script under its hash.
    _immutable("pyodide/*"),
    _immutable("assets/javascripts/bundle.*"),
    _immutable("assets/javascripts/workers/search.*"),
    _immutable("assets/stylesheets/main.*"),
    _immutable("assets/stylesheets/palette.*"),
    _immutable("assets/calculators/bundle/*"),
    # The Spanish build's copies of the theme's files (build_tools/pages/languages.py).
    _immutable("es/assets/javascripts/bundle.*"),
    _immutable("es/assets/javascripts/workers/search.*"),
    _immutable("es/assets/stylesheets/main.*"),
    _immutable("es/assets/stylesheets/palette.*"),
    # The worker's folder also holds start-worker.js, which a page loads as a classic script:
    # a policy sent with a script that a page loads binds nothing, so it may share this one.
    Rule("calculators/runtime/*", (("Cache-Control", IMMUTABLE),
                                   ("Content-Security-Policy", WORKER_POLICY)),
         detach=("Cache-Control",)),
    # The one service worker of both languages' calculator pages, and the one it replaced
    # (build_tools/runtime/bundle.py).
    Rule("sw.js", (("Content-Security-Policy", SERVICE_WORKER_POLICY),)),
    Rule("calculators/sw.js", (("Content-Security-Policy", SERVICE_WORKER_POLICY),)),
    Rule("assets/images/favicon.png", (("Cache-Control", ICON),), detach=("Cache-Control",)),
    Rule("es/assets/images/favicon.png", (("Cache-Control", ICON),), detach=("Cache-Control",)),
)

# Cloudflare Pages' limits on a `_headers` file.
MAX_RULES = 100
MAX_LINE = 2000


class HeadersError(Exception):
    """The declaration cannot be written for a host; the message says what to change."""


def _base(base: str) -> str:
    return "/" + base.strip("/") + "/" if base.strip("/") else "/"


def _check(rules: tuple[Rule, ...]) -> None:
    problems = []
    paths = [rule.path for rule in rules]
    problems += [f"{path!r} is given twice: one rule a path" for path in
                 sorted({path for path in paths if paths.count(path) > 1})]
    for rule in rules:
        if rule.path.startswith("/") or "*" in rule.path[:-1] or ":" in rule.path:
            problems.append(f"{rule.path!r}: a path is site-relative, exact or ending in one '*'")
    if len(rules) > MAX_RULES:
        problems.append(f"{len(rules)} rules: Cloudflare Pages reads at most {MAX_RULES}")
    if problems:
        raise HeadersError("build_tools/hosting/headers.py, RULES:\n  " + "\n  ".join(problems))


def render(base: str = "/", rules: tuple[Rule, ...] = RULES) -> str:
    """The `_headers` file for a site published at ``base`` (its URL path, ``/`` or
    ``/mo-child-support/``)."""
    _check(rules)
    lines = ["# The site's response headers, written by the build from build_tools/hosting/headers.py: "
             "edit that file, not this one.", ""]
    for rule in rules:
        lines.append(_base(base) + rule.path)
        lines += [f"  ! {name}" for name in rule.detach]
        lines += [f"  {name}: {value}" for name, value in rule.headers]
        lines.append("")
    long = [line for line in lines if len(line) > MAX_LINE]
    if long:
        raise HeadersError(f"a line of {len(long[0])} characters, over the {MAX_LINE} Cloudflare Pages "
                           f"reads: shorten the header in build_tools/hosting/headers.py: {long[0][:80]}")
    return "\n".join(lines)


# --- Reading a `_headers` file, as the hosts do ----------------------------------------------

@dataclass(frozen=True)
class HostRule:
    """A rule as a host reads it from `_headers`: its URL pattern (subpath included)."""

    pattern: str
    headers: tuple[tuple[str, str], ...]
    detach: tuple[str, ...]

    def matches(self, url_path: str) -> bool:
        regex = "".join(".*" if part == "*" else "[^/]+" if part.startswith(":") else
                        re.escape(part) for part in re.split(r"(\*|:[A-Za-z]\w*)", self.pattern))
        return re.fullmatch(regex, url_path) is not None


def parse(text: str) -> list[HostRule]:
    """The rules of a `_headers` file (comments and blank lines skipped)."""
    rules: list[HostRule] = []
    pattern: str | None = None
    headers: list[tuple[str, str]] = []
    detach: list[str] = []

    def close() -> None:
        if pattern is not None:
            rules.append(HostRule(pattern, tuple(headers), tuple(detach)))

    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line[0].isspace():
            close()
            pattern, headers, detach = stripped, [], []
        elif pattern is None:
            raise HeadersError(f"_headers, line {number}: a header before any path")
        elif stripped.startswith("!"):
            detach.append(stripped[1:].strip())
        else:
            name, colon, value = stripped.partition(":")
            if not colon or not name.strip() or not value.strip():
                raise HeadersError(f"_headers, line {number}: not `Name: value`: {stripped}")
            headers.append((name.strip(), value.strip()))
    close()
    return rules


def headers_for(url_path: str, rules: list[HostRule]) -> list[tuple[str, str]]:
    """The headers a host sends for ``url_path`` (Cloudflare Pages' reading: every matching
    rule in order, a detached header dropped first; a name may come more than once, and is
    then sent once with its values joined by commas)."""
    found: list[tuple[str, str]] = []
    for rule in rules:
        if not rule.matches(url_path):
            continue
        gone = {name.lower() for name in rule.detach}
        found = [(name, value) for name, value in found if name.lower() not in gone]
        found += rule.headers
    return found


def joined(headers: list[tuple[str, str]]) -> dict[str, str]:
    """One value per header name, as sent: repeated names joined with ", "."""
    sent: dict[str, str] = {}
    for name, value in headers:
        key = next((known for known in sent if known.lower() == name.lower()), name)
        sent[key] = f"{sent[key]}, {value}" if key in sent else value
    return sent


# --- nginx ----------------------------------------------------------------------------------

def nginx(base: str = "/", rules: tuple[Rule, ...] = RULES) -> str:
    """The same rules for nginx: ``map`` blocks (for the ``http`` block) that choose each
    header's value by URL, and one ``location`` (for the ``server`` block) that sends them.

    One location, because nginx sends only the ``add_header`` lines of the location that
    answers (a location with its own ``add_header`` inherits none from outside it); a header
    whose value is empty for a URL is not sent. ``always`` sends them with the 404 page too.
    The values are worked out as the `_headers` reading above does: in the maps, exact paths
    first, then prefixes, longest first (nginx takes the first regular expression that
    matches)."""
    _check(rules)
    base = _base(base)
    host_rules = parse(render(base, rules))
    # What each rule's URLs get; a prefix's URLs all get the same (the paths are prefixes or
    # exact), so one URL stands for them.
    places = [(rule.pattern, headers_for(rule.pattern.replace("*", "x"), host_rules))
              for rule in host_rules]
    root = places[0][1] if host_rules[0].pattern == base + "*" else []
    slots: list[tuple[str, int]] = []  # (header name, n-th time it is given)
    for _, headers in places:
        seen: dict[str, int] = {}
        for name, _value in headers:
            seen[name] = seen.get(name, 0) + 1
            if (name, seen[name]) not in slots:
                slots.append((name, seen[name]))

    def value(headers: list[tuple[str, str]], slot: tuple[str, int]) -> str:
        values = [v for n, v in headers if n == slot[0]]
        return values[slot[1] - 1] if len(values) >= slot[1] else ""

    lines = ["# The site's response headers, generated from build_tools/hosting/headers.py",
             f"# (python -m build_tools.hosting.headers nginx --base {base}).", "",
             "# In the http block:"]
    sent = []
    order = sorted(places[1:], key=lambda place: (place[0].endswith("*"), -len(place[0])))
    for slot in slots:
        values = {pattern: value(headers, slot) for pattern, headers in places}
        default = value(root, slot)
        if all(v == default for v in values.values()):
            sent.append((slot[0], f'"{default}"'))
            continue
        variable = "$site_" + re.sub(r"\W", "_", slot[0].lower()) + (
            f"_{slot[1]}" if slot[1] > 1 else "")
        lines += [f"map $uri {variable} {{", f'    default "{default}";']
        for pattern, _ in order:
            if values[pattern] != default:
                key = (f"~^{re.escape(pattern[:-1])}" if pattern.endswith("*")
                       else pattern)
                lines.append(f'    "{key}" "{values[pattern]}";')
        lines.append("}")
        sent.append((slot[0], variable))
    lines += ["", "# In the server block of the site, with the site's files as its root:",
              f"location ^~ {base} {{"]
    lines += [f"    add_header {name} {text} always;" for name, text in sent]
    lines.append("}")
    return "\n".join(lines) + "\n"


def write(site_dir: Path, base: str) -> Path:
    """Write ``_headers`` into the built site; return its path."""
    target = site_dir / FILENAME
    target.write_text(render(base), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Print the site's response headers for a host.")
    parser.add_argument("format", choices=("nginx", "headers"))
    parser.add_argument("--base", default="/", help="the URL path the site is published at")
    args = parser.parse_args()
    print(nginx(args.base) if args.format == "nginx" else render(args.base), end="")


if __name__ == "__main__":
    main()
