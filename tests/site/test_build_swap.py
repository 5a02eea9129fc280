"""`make build` (build_tools/commands/build.py) replaces site/ only when the build succeeds: a failed
build leaves the previous site in place for a running `make serve`, and says what to fix."""

from __future__ import annotations

import subprocess
import sys

from build_tools.commands.build import staging_dirs
from tests.site.conftest import ROOT


def _make_build(project) -> subprocess.CompletedProcess[str]:
    """`make build`'s command on the tiny project, in a new process as make runs it."""
    return subprocess.run(
        [sys.executable, "-m", "build_tools.commands.build", "--strict",
         "--config-file", str(project.root / "mkdocs.yml"),
         "--site-dir", str(project.root / "site")],
        cwd=ROOT, capture_output=True, text=True, check=False)


def test_a_failed_build_keeps_the_previous_site_and_says_what_to_fix(project):
    site = project.root / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous build", encoding="utf-8")
    project.page("index.md", "Home", "Call 573-555-0100 to open a case.")

    failed = _make_build(project)
    assert failed.returncode != 0
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous build"
    assert "The build failed" in failed.stderr
    assert f"{site}/ was left as it was" in failed.stderr
    assert "docs/index.md" in failed.stdout + failed.stderr  # MkDocs' own message, kept
    assert not any(path.exists() for path in staging_dirs(site))

    project.page("index.md", "Home", "Call [[phone:fsd-customer-service]] to open a case.")
    fixed = _make_build(project)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "the previous build" not in home and "open a case" in home
    assert (site / "counties" / "st-charles-county" / "index.html").is_file()
    assert not any(path.exists() for path in staging_dirs(site))


def test_the_first_build_creates_the_site(project):
    site = project.root / "site"
    assert not site.exists()
    built = _make_build(project)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (site / "index.html").is_file()
