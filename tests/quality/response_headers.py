"""The response headers README.md tells a publisher to set, read from its `_headers` example, so
that the checks test the very text people copy.

`_headers` syntax (Netlify, Cloudflare Pages): a line with a path (``*`` matches anything, slashes
included) starts a rule; the indented ``Name: value`` lines under it are its headers. Every rule
whose path matches a URL applies to it, and a header given by several rules is sent with each
value (for a content security policy, the browser enforces each one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECTION = "### Response headers to set where the host allows them"


@dataclass(frozen=True)
class Rule:
    path: str
    headers: tuple[tuple[str, str], ...]

    def matches(self, url_path: str) -> bool:
        pattern = "".join(".*" if part == "*" else re.escape(part)
                          for part in re.split(r"(\*)", self.path))
        return re.fullmatch(pattern, url_path) is not None


def readme_rules(readme: Path = ROOT / "README.md") -> list[Rule]:
    """The rules of the first fenced block in README's section on response headers."""
    text = readme.read_text(encoding="utf-8")
    assert SECTION in text, f"README.md has no section {SECTION!r}"
    section = text.split(SECTION, 1)[1].split("\n### ", 1)[0]
    block = re.search(r"^```\n(.*?)^```", section, re.M | re.S)
    assert block, f"README.md's {SECTION!r} has no fenced `_headers` block"
    rules: list[Rule] = []
    path, headers = None, []
    for line in block.group(1).splitlines() + [""]:
        if line.strip() and not line[0].isspace():
            path, headers = line.strip(), []
        elif line.strip():
            name, _, value = line.strip().partition(":")
            headers.append((name.strip(), value.strip()))
        if path and (not line.strip()):
            rules.append(Rule(path, tuple(headers)))
            path = None
    return rules


def headers_for(url_path: str, rules: list[Rule]) -> list[tuple[str, str]]:
    """Every header the rules give ``url_path``, in order (a name may come more than once)."""
    return [header for rule in rules if rule.matches(url_path) for header in rule.headers]


def policies_for(url_path: str, rules: list[Rule]) -> list[str]:
    return [value for name, value in headers_for(url_path, rules)
            if name.lower() == "content-security-policy"]
