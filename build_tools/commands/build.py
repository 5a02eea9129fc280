"""``make build``: build the site into a folder beside ``site/`` and put it in place only when
the build succeeds.

The build is both languages' (build_tools/commands/build_languages.py: English, then Spanish into
``es/``, then the checks of the whole site); a failure in either leaves ``site/`` as it was.

MkDocs empties its ``site_dir`` before it writes a page, so a build that stops half-way (a
typed phone number, a broken link) would leave ``site/`` empty and a running ``make serve``
answering "not found" until the mistake is fixed. Here the build writes into ``.site.building/``
(beside ``site/``, on the same file system); on success the old ``site/`` is moved aside and the
new one renamed into its place, which the server picks up on its next request (it resolves
every path under ``site/`` when asked). On failure the new folder is removed, ``site/`` is left
as it was, and the message says so and what to do.

Usage: ``python -m build_tools.commands.build [--site-dir site] [--strict]`` (``make build``
runs it with ``--strict``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

FAILED = (
    "\nThe build failed: {site}/ was left as it was, so a running `make serve` still serves the "
    "last good build.\nFix what the messages above name (each gives the file, the line and what "
    "to change), then run `make build` again.")


def mkdocs_command(site_dir: Path, options: Sequence[str]) -> list[str]:
    """Both languages' MkDocs builds and the whole site's checks
    (build_tools/commands/build_languages.py), writing into ``site_dir``."""
    return [sys.executable, "-m", "build_tools.commands.build_languages", *options,
            "--site-dir", str(site_dir)]


def staging_dirs(site: Path) -> tuple[Path, Path]:
    """The folder the new build is written to and the one the old build is moved to, both
    beside ``site`` so that renaming between them never copies."""
    return site.with_name(f".{site.name}.building"), site.with_name(f".{site.name}.previous")


def build(site: Path, command: Sequence[str]) -> int:
    """Run ``command`` (which writes a site into ``staging_dirs(site)[0]``) and swap its output
    into ``site`` if it exits 0. Returns the command's exit code; on failure ``site`` is
    untouched and a message saying so is printed to stderr."""
    building, previous = staging_dirs(site)
    for leftover in (building, previous):  # from a build that was interrupted
        shutil.rmtree(leftover, ignore_errors=True)
    code = subprocess.run(list(command), check=False).returncode
    if code != 0 or not (building / "index.html").is_file():
        shutil.rmtree(building, ignore_errors=True)
        print(FAILED.format(site=site), file=sys.stderr)
        return code or 1
    if site.exists():
        site.rename(previous)
    building.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args, options = parser.parse_known_args(argv)
    site: Path = args.site_dir
    return build(site, mkdocs_command(staging_dirs(site)[0], options))


if __name__ == "__main__":
    sys.exit(main())
