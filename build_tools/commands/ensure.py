"""Find, or install where missing, the programs outside Python and npm that the tests need.

Chromium drives the browser tests and the benchmarks; Java runs the HTML validator (vnu.jar).
Playwright's own browser download cannot work on a machine without open internet access, so we
use a system Chromium. A user who has a browser somewhere else names it with ``CHROMIUM=/path``.

Usage: ``python -m build_tools.commands.ensure chromium java`` prints each program's path, installing it
with apt-get when it is missing and this is a Debian-like system run as root; otherwise it exits
1 with a message saying what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
APT_PACKAGES = {"chromium": "chromium", "java": "default-jre-headless"}


def find_chromium() -> str | None:
    """Return the path of a Chromium-based browser: $CHROMIUM first, then the usual names."""
    named = os.environ.get("CHROMIUM")
    if named:
        return named if os.access(named, os.X_OK) else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def find_java() -> str | None:
    """Return the path of a Java runtime: $JAVA first, then `java` on the PATH."""
    named = os.environ.get("JAVA")
    if named:
        return named if os.access(named, os.X_OK) else None
    return shutil.which("java")


FINDERS = {"chromium": find_chromium, "java": find_java}


def _apt_install(package: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print(f"Installing {package} with apt-get (it was not found)...", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return True


def ensure(program: str) -> str:
    """Return the program's path, installing it with apt-get if it is missing and we can."""
    finder = FINDERS[program]
    path = finder()
    if path is None and _apt_install(APT_PACKAGES[program]):
        path = finder()
    if path is None:
        variable = program.upper()
        raise SystemExit(
            f"{program} was not found. Install it (Debian: apt-get install {APT_PACKAGES[program]})"
            f" or name it with {variable}=/path/to/{program}."
        )
    return path


def main(argv: list[str]) -> int:
    for program in argv or list(FINDERS):
        if program not in FINDERS:
            raise SystemExit(f"unknown program {program!r}; known: {', '.join(FINDERS)}")
        print(f"{program}: {ensure(program)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
