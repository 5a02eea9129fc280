"""Both languages of the site, one build after the other, in one process; then the checks of the
whole site.

1. English: mkdocs.yml as it is (docs/ without docs/es/), into the site folder. It makes the
   calculator runtime (build_tools/hooks/calculator_runtime.py) and leaves it in
   ``languages.SHARED``.
2. Spanish: the configuration derived from mkdocs.yml (build_tools/pages/languages.py), docs/es/
   into ``<site>/es/``. Its calculator pages name the English build's runtime files.
3. The whole site, once both are written (:func:`finish`): every published URL of both
   languages is built or redirected (data/published_urls.txt), the one service worker for both
   languages' calculator pages, the sitemaps with each page's alternates, one 404 page.

``build_tools/commands/build.py`` (``make build``) runs this into a staging folder and swaps it
into ``site/`` on success; the tests' fixtures run it the same way.

Usage: ``python -m build_tools.commands.build_languages [--strict] [--config-file mkdocs.yml]
--site-dir DIR``
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice is not about this project

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from build_tools.commands import url_manifest
from build_tools.pages import languages, sitemap
from build_tools.pages.calculator_pages import PAGES
from build_tools.pages.page_urls import page_url
from build_tools.pages.site_pages import redirected_urls
from build_tools.runtime import bundle, precompress

log = logging.getLogger("mkdocs.build_languages")


def build_site(config_file: Path | str, site_dir: Path, strict: bool = True,
               site_url: str | None = None) -> None:
    """Build both languages into ``site_dir`` and check the whole site. Raises MkDocs'
    ``Abort`` (or a ``MkDocsException``) on the first failure, after logging what to fix."""
    config_file = Path(config_file).resolve()
    root = config_file.parent
    languages.SHARED.clear()
    languages.SHARED.root = root
    english = load_config(str(config_file), strict=strict, site_dir=str(site_dir),
                          site_url=site_url)
    mkdocs_build(english)
    spanish = None
    if languages.has_spanish(root):
        spanish = languages.spanish_config(config_file, strict=strict,
                                           site_dir=str(site_dir / languages.FOLDER),
                                           site_url=site_url)
        mkdocs_build(spanish)
    finish(root, site_dir, english, spanish)


def finish(root: Path, site_dir: Path, english: object, spanish: object | None) -> None:
    """The checks and files of the whole site, after both builds."""
    shared = languages.SHARED
    built = list(shared.page_urls.get(languages.ENGLISH, []))
    built += [languages.published(url) for url in shared.page_urls.get(languages.SPANISH, [])]
    redirected = list(redirected_urls(english))  # type: ignore[arg-type]
    if spanish is not None:
        redirected += [languages.published(url)
                       for url in redirected_urls(spanish)]  # type: ignore[arg-type]
    result = url_manifest.check(url_manifest.read(root / "data" / "published_urls.txt"), built,
                                redirected)
    if not result.ok:
        log.error(url_manifest.message(result))
        raise Abort("Aborted: a check of the whole site failed (above).")
    if spanish is not None:
        # Hosts serve one 404 page, the English build's, which speaks both languages.
        for name in ("404.html",):
            (site_dir / languages.FOLDER / name).unlink(missing_ok=True)
    sitemap.add_alternates(site_dir, shared.page_urls.get(languages.ENGLISH, []),
                           shared.page_urls.get(languages.SPANISH, []),
                           str(getattr(english, "site_url", "") or ""))
    if shared.runtime is not None:
        written = bundle.write_service_worker(shared.runtime, site_dir,
                                              calculator_page_urls(site_dir, shared.page_urls),
                                              ("", f"{languages.FOLDER}/"))
        precompress.write_copies(site_dir, written)


def calculator_page_urls(site_dir: Path, page_urls: dict[str, list[str]]) -> list[str]:
    """The built calculator pages of both languages (``calculators/allocation/``,
    ``es/calculators/allocation/``), from each language's page URLs."""
    urls = [page_url(src) for src in PAGES.values()]
    pages = [url for url in urls if url in page_urls.get(languages.ENGLISH, urls)]
    pages += [languages.published(url) for url in urls
              if url in page_urls.get(languages.SPANISH, [])]
    return [page for page in pages if (site_dir / page / "index.html").is_file()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", default="mkdocs.yml")
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    try:
        build_site(args.config_file, args.site_dir, args.strict, os.environ.get("SITE_URL"))
    except Abort as error:
        print(f"Aborted: {error}", file=sys.stderr)
        return 1
    except MkDocsException as error:
        print(f"ERROR   -  {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
