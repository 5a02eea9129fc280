"""Every built page is valid HTML, by the Nu HTML Checker (vnu.jar, pinned in package.json), run
once over the whole site. Nothing is filtered: the constructs Material writes that the checker
refuses are corrected at build time (build_tools/pages/theme_fixes.py).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from build_tools.commands.ensure import find_java

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def validate(paths: list[Path]) -> list[dict]:
    """The checker's errors for these files (or folders): each with url, line, message."""
    java = find_java()
    if java is None:
        pytest.fail("Java was not found: run `make browser` (or set JAVA=/path/to/java).")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `make node` (npm ci).")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
         *map(str, paths)], capture_output=True, text=True)
    # vnu writes its JSON report to standard error, and exits 1 when it found errors.
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def describe(message: dict, site: Path) -> str:
    path = Path(unquote(urlsplit(message.get("url", "")).path))
    shown = path.relative_to(site).as_posix() if site in path.parents else str(path)
    return f"{shown}:{message.get('lastLine', '?')}: {message['message']}" + (
        f"\n    {message['extract'].strip()}" if message.get("extract") else "")


def test_every_built_page_is_valid_html(built_site) -> None:
    pages = sorted(built_site.path.rglob("*.html"))
    assert pages
    errors = validate([built_site.path])
    assert not errors, (
        f"The HTML checker found {len(errors)} error(s) in {len(pages)} pages. Fix the page, "
        "the template in overrides/ or the hook that wrote it (file:line in the built site):\n"
        + "\n".join(describe(error, built_site.path) for error in errors[:50]))


def spanish_template_files(site: Path) -> list[Path]:
    """The built file of each Spanish template (tests/quality/browsing.py): a missing address
    (the 404 page's) is the site's one 404 page."""
    from tests.quality.browsing import spanish_templates

    files = {}
    for template in spanish_templates():
        page = site / template.path.split("#")[0] / "index.html"
        files[page if page.is_file() else site / "404.html"] = None
    return list(files)


def test_one_spanish_page_of_each_template_is_valid_html(built_site) -> None:
    files = spanish_template_files(built_site.path)
    assert len(files) >= 8
    assert all(path.is_file() for path in files), files
    assert all('<html lang="es"' in path.read_text(encoding="utf-8")
               for path in files if path.name != "404.html")
    errors = validate(files)
    assert not errors, (
        "The HTML checker found errors in the Spanish pages:\n"
        + "\n".join(describe(error, built_site.path) for error in errors[:50]))


def test_the_checker_reports_an_error_with_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>t</title></head>\n"
        "<body><p><div>block in a paragraph</div></p></body></html>\n", encoding="utf-8")
    errors = validate([tmp_path])
    assert errors
    assert describe(errors[0], tmp_path).startswith("bad.html:2: ")
