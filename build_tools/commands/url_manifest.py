"""URLs are forever: data/published_urls.txt lists every page URL the site has published.

The build (build_tools/hooks/site.py, after the site is written) fails when

- a URL in the list is neither built nor redirected: a page was removed or renamed. Restore it,
  or add a redirect to where its content went (mkdocs.yml, ``redirects`` plugin, ``redirect_maps``);
- a page is built whose URL is not in the list: a new page. Add it with ``make urls``.

``make urls`` (``python -m build_tools.commands.url_manifest --update``) adds the URLs of new pages and
never removes one: a URL that has disappeared is reported, and stays listed until a redirect or
the page brings it back. So the list can only grow, and nothing drops a URL silently.

URLs are written relative to the site's address, the way MkDocs makes them with
``use_directory_urls``: ``counties/st-charles-county/``; the home page is ``./``. The Spanish
pages are listed at their published path, under ``es/`` (``es/``, ``es/receiving-support/fees/``).
The check runs once both languages are built (build_tools/commands/build_languages.py).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from build_tools.data.text_lists import read_list
from build_tools.pages.page_urls import HOME, as_listed
from build_tools.pages.site_pages import load_languages

HEADER = """\
# Every page URL this site has published, relative to the site's address, one a line.
# URLs are forever: county offices and other sites link to them. The build fails when a URL
# here is neither built nor redirected (restore the page, or add a redirect in mkdocs.yml under
# the redirects plugin's redirect_maps), and when a new page is not listed here.
# `make urls` adds new pages' URLs; it never removes one.
"""


@dataclass(frozen=True)
class Check:
    gone: list[str]   # listed, but neither built nor redirected
    new: list[str]    # built, but not listed

    @property
    def ok(self) -> bool:
        return not self.gone and not self.new


def read(path: Path) -> list[str]:
    return read_list(path) if path.exists() else []


def check(listed: Iterable[str], built: Iterable[str], redirected: Iterable[str]) -> Check:
    listed_set = set(listed)
    built_set = {as_listed(url) for url in built}
    reachable = built_set | {as_listed(url) for url in redirected}
    return Check(gone=sorted(listed_set - reachable), new=sorted(built_set - listed_set))


def message(result: Check, manifest: str = "data/published_urls.txt") -> str:
    parts = []
    if result.gone:
        urls = "\n".join(f"  - {url}" for url in result.gone)
        parts.append(
            f"These published URLs are no longer built and have no redirect:\n{urls}\n"
            f"People and county offices link to them. Restore the page, or add a redirect from "
            f"the old page to where its content is now, in mkdocs.yml:\n"
            f"  plugins:\n    - redirects:\n        redirect_maps:\n"
            f"          'old/page.md': 'new/page.md'")
    if result.new:
        urls = "\n".join(f"  - {url}" for url in result.new)
        parts.append(
            f"These pages are new and not yet in {manifest}:\n{urls}\n"
            f"Run `make urls` to add them (it never removes a URL), and commit {manifest}.")
    return "\n".join(parts)


def write(path: Path, urls: Iterable[str]) -> None:
    ordered = sorted(set(urls), key=lambda url: (url != HOME, url))
    path.write_text(HEADER + "".join(f"{url}\n" for url in ordered), encoding="utf-8")


def update(path: Path, built: Iterable[str], redirected: Iterable[str]) -> Check:
    """Add the URLs of new pages to the list; keep every URL already listed."""
    listed = read(path)
    result = check(listed, built, redirected)
    write(path, [*listed, *result.new])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check or update the list of published URLs.")
    parser.add_argument("--update", action="store_true",
                        help="add the URLs of new pages (never removes one)")
    parser.add_argument("--config-file", default="mkdocs.yml")
    args = parser.parse_args(argv)
    built, redirected = load_languages(args.config_file)
    path = Path(args.config_file).resolve().parent / "data" / "published_urls.txt"
    if args.update:
        result = update(path, built, redirected)
        for url in result.new:
            print(f"added {url}")
        if result.gone:
            print(message(Check(result.gone, [])), file=sys.stderr)
            return 1
        print(f"{path}: {len(read(path))} URLs, none missing.")
        return 0
    result = check(read(path), built, redirected)
    if not result.ok:
        print(message(result), file=sys.stderr)
        return 1
    print(f"{path}: every one of {len(read(path))} URLs is built or redirected.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
