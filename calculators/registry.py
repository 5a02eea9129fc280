"""The one list of calculators: each one's rules, its page and its view, on one line.

Everything else that knows the calculators reads them from here: ``calculators.api``
(``CALCULATORS``, ``NAMES``: the command line, the browser's worker, the scenarios), the views
the worker and the site build show (:mod:`calculators.views.respond`), and the site's calculator
pages (``PAGES`` in build_tools/pages/calculator_pages.py, the build hook's check that every page is
there). Adding a calculator is its modules, its line below, its scenarios, its page and its URL:
calculators/CONTRACT.md, "Adding a calculator".

- ``calculator``: the rules (a :class:`~calculators.calculator.Calculator`: its declared fields,
  checks and compute function, in ``calculators/<name>.py``);
- ``page``: its page under docs/, whose URL is published for good (data/published_urls.txt);
- ``view``: what its page shows of a result (``calculators/views/<name>.py``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from calculators import allocation, order_end, review, support_amount
from calculators.calculator import Calculator
from calculators.views import allocation as allocation_view
from calculators.views import order_end as order_end_view
from calculators.views import review as review_view
from calculators.views import support_amount as support_amount_view
from calculators.views.common import ViewMaker


@dataclass(frozen=True)
class Registered:
    """One calculator, as the site knows it."""

    calculator: Calculator
    page: str  # its page under docs/, such as "calculators/order-end.md"
    view: ViewMaker

    @property
    def name(self) -> str:
        return self.calculator.name


def by_name(entries: Iterable[Registered]) -> dict[str, Registered]:
    """The entries by calculator name, in order; two calculators may share neither a name nor
    a page."""
    found: dict[str, Registered] = {}
    pages: set[str] = set()
    for entry in entries:
        if entry.name in found or entry.page in pages:
            raise ValueError(f"calculators/registry.py: the calculator {entry.name!r} (page "
                             f"{entry.page}) repeats a name or a page already registered")
        found[entry.name] = entry
        pages.add(entry.page)
    return found


REGISTERED = by_name([
    Registered(allocation.CALCULATOR, "calculators/allocation.md", allocation_view.view),
    Registered(order_end.CALCULATOR, "calculators/order-end.md", order_end_view.view),
    Registered(review.CALCULATOR, "calculators/review.md", review_view.view),
    Registered(support_amount.CALCULATOR, "calculators/support-amount.md",
               support_amount_view.view),
])


def page_folder(page: str) -> str:
    """The folder a page is published as, relative to the site: "calculators/review.md" ->
    "calculators/review", "calculators/index.md" -> "calculators" (MkDocs' directory URLs)."""
    stem = page.removesuffix(".md")
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def page_link(from_name: str, to_name: str) -> str:
    """A link from calculator ``from_name``'s page to ``to_name``'s, relative, as the site
    publishes them (``../review/``)."""
    return posixpath.relpath(page_folder(REGISTERED[to_name].page),
                             page_folder(REGISTERED[from_name].page)) + "/"
