"""A tiny project for the site tests: this repository's hooks and theme overrides, with a few
pages and two counties (and their circuits), built in a temporary folder so that a test can break one thing and see
the build fail with the promised message."""

from __future__ import annotations

import logging
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]

PAGE = """\
---
title: {title}
description: A page of the tiny test project.
sources:
  - seed: 001_f6079787ae316351.txt
last_reviewed: 2026-01-05
---
# {title}

{body}
"""

SPANISH_PAGE = """\
---
title: {title}
description: Una página del pequeño proyecto de prueba.
translates_review: 2026-01-05
---
# {title}

{body}
"""

CONFIG = {
    "site_name": "Test site",
    "site_url": "http://127.0.0.1:8000/",
    "use_directory_urls": True,
    "exclude_docs": "/es/\n",   # the Spanish pages are the second build's, as in mkdocs.yml
    "theme": {"name": "material", "language": "en", "font": False,
              "custom_dir": str(ROOT / "overrides")},
    "plugins": [{"redirects": {"redirect_maps": {}}}],
    "hooks": [str(ROOT / "build_tools" / "hooks" / "site.py")],
    "markdown_extensions": ["attr_list", "md_in_html", "toc"],
    "extra_css": ["assets/site/site.css"],
    "extra": {"feedback_url": "", "quick_exit_url": "https://www.google.com/"},
    "validation": {"nav": {"omitted_files": "info"},
                   "links": {"not_found": "warn", "anchors": "warn",
                             "absolute_links": "warn", "unrecognized_links": "warn"}},
}


@dataclass
class Outcome:
    ok: bool
    log: str      # every message MkDocs and the hooks logged, one a line: "LEVEL message"
    site: Path


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.getMessage()}")


class Project:
    """A tiny site in ``root``: edit its files, then ``build()``."""

    def __init__(self, root: Path):
        self.root = root
        data = root / "data"
        (data / "seeds").mkdir(parents=True)
        for name in ("sources.yml", "county_page.md", "county_page.es.md", "terms.yml"):
            shutil.copy(ROOT / "data" / name, data / name)
        for seed in (ROOT / "data" / "seeds").glob("*.txt"):
            shutil.copy(seed, data / "seeds" / seed.name)
        counties = yaml.safe_load((ROOT / "data" / "counties.yml").read_text(encoding="utf-8"))
        counties["counties"] = [c for c in counties["counties"]
                                if c["slug"] in ("st-charles-county", "adair-county")]
        self.write("data/counties.yml", yaml.safe_dump(counties, sort_keys=False))
        kept = {c["slug"] for c in counties["counties"]}
        # A regional unit's `serves` names only the counties the tiny project has.
        contacts = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))
        for contact in contacts.values():
            if "serves" in contact:
                contact["serves"] = [slug for slug in contact["serves"] if slug in kept]
                if not contact["serves"]:
                    del contact["serves"]
        self.write("data/contacts.yml", yaml.safe_dump(contacts, sort_keys=False))
        circuits = yaml.safe_load((ROOT / "data" / "circuits.yml").read_text(encoding="utf-8"))
        for circuit in circuits["circuits"]:
            circuit["counties"] = [c for c in circuit["counties"] if c["slug"] in kept]
        circuits["circuits"] = [c for c in circuits["circuits"] if c["counties"]]
        self.write("data/circuits.yml", yaml.safe_dump(circuits, sort_keys=False))
        self.config = yaml.safe_load(yaml.safe_dump(CONFIG))
        self.write_config()
        shutil.copytree(ROOT / "docs" / "assets" / "site", root / "docs" / "assets" / "site")
        self.page("index.md", "Home", "Call [[phone:fsd-customer-service]] to open a case.")
        # The Spanish home page: the project is built in both languages, as the site is.
        self.write("docs/es/index.md", SPANISH_PAGE.format(
            title="Inicio", body="Llame al [[phone:fsd-customer-service]] para abrir un caso."))
        self.write("docs/counties/index.md", (ROOT / "docs" / "counties" / "index.md")
                   .read_text(encoding="utf-8"))
        # The pages a county page links to (data/county_page.md), and the one the index does.
        linked = {"calculators/support-amount.md": "Form 14", "calculators/allocation.md":
                  "Allocation", "calculators/order-end.md": "Order end",
                  "calculators/review.md": "Review", "receiving-support/fees.md": "Fees",
                  "paying-support/pay.md": "Pay", "receiving-support/get-payments.md": "Payments",
                  "paying-support/review-and-change.md": "Change", "contacts.md": "Contacts",
                  "about/for-county-offices.md": "For county offices"}
        for relative, title in linked.items():
            self.page(relative, title, "A page.")
        self.write("data/published_urls.txt", "".join(f"{url}\n" for url in (
            "./", "es/", "es/counties/adair-county/", "es/counties/st-charles-county/",
            "counties/", "counties/adair-county/", "counties/st-charles-county/",
            *(relative[:-len(".md")] + "/" for relative in linked))))

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def page(self, relative: str, title: str, body: str) -> Path:
        return self.write(f"docs/{relative}", PAGE.format(title=title,
                                                          body=textwrap.dedent(body)))

    def replace(self, relative: str, old: str, new: str) -> None:
        """Change one thing in a file of the project (the text must be there)."""
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def failure(self) -> str:
        """Build, expecting the build to fail; return what it logged."""
        outcome = self.build()
        assert not outcome.ok, "the build passed"
        return outcome.log

    def write_config(self) -> None:
        self.write("mkdocs.yml", yaml.safe_dump(self.config, sort_keys=False))

    def build(self, site_url: str | None = None) -> Outcome:
        """Build strictly in this process (much faster than a new one for each case), both
        languages and the whole site's checks, as `make build` does."""
        from mkdocs.exceptions import Abort

        from build_tools.commands.build_languages import build_site

        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        level = logger.level
        logger.setLevel(logging.INFO)
        logger.addHandler(collect)
        site = self.root / "site"
        try:
            build_site(self.root / "mkdocs.yml", site, strict=True, site_url=site_url)
            ok = True
        except Abort:
            ok = False
        finally:
            logger.removeHandler(collect)
            logger.setLevel(level)
        return Outcome(ok, "\n".join(collect.lines), site)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return Project(tmp_path / "project")
