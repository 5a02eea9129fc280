"""The one numbered list of sources at the foot of every page, and ``[[ref:ID]]``.

A page's sources are its front matter ``sources:`` (build_tools/data/frontmatter.py), in that order,
followed by the sources of each contact card the page shows (build_tools/data/contacts.py), each
source once. The theme shows the list (overrides/partials/site-page-foot.html) as an ``<ol>``
whose items have the ids ``source-1``, ``source-2``, ...: title, link, the day it was checked,
and for a secondary source who published it, when and what kind of page it is.

A fact in the text that needs its own source carries a reference number::

    The 13th Circuit hears cases in Boone County.[[ref:boone-circuit]]

where ``boone-circuit`` is the ``id:`` of one of the page's front matter sources. It renders as
a superscript number linking to that source's item in the foot list. An unknown id is an error
naming the ids the page has. Pages made by the build (the county pages) put their sources into
their front matter with ids and write ``[[ref:ID]]`` in the text, so the same code serves them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from build_tools.data import shortcodes
from build_tools.data.frontmatter import SOURCE_FORMS, Seeds, published_text, reviewed_date
from build_tools.i18n import DEFAULT as ENGLISH
from build_tools.i18n import N_, gettext_for, long_date

# DSS's child support pages used to live under dss.mo.gov/cse/ (the seeds and older stored copies
# give those addresses); they are no longer online there. A page may still cite what such a copy
# says, but the address is shown as text, never as a link a reader would follow to nothing.
RETIRED_ADDRESSES = re.compile(r"^https?://(www\.)?dss\.mo\.gov/cse/", re.I)


def retired_address(url: str | None) -> str | None:
    """The address without its scheme when it is no longer online, else None."""
    if url and RETIRED_ADDRESSES.match(url):
        return re.sub(r"^https?://", "", url)
    return None


@dataclass(frozen=True)
class Entry:
    """One item of the foot list, as the template shows it."""

    number: int
    label: str              # the title, statute or regulation; a seed's title from sources.yml
    url: str | None         # None for a seed (not published) and for a retired address
    retired: str | None     # the retired dss.mo.gov/cse/ address, shown as text
    checked: str | None     # "December 2, 2026"
    secondary: bool
    details: str | None     # "Columbia Daily Tribune, February 21, 2012, news"

    @property
    def anchor(self) -> str:
        return f"source-{self.number}"


def _key(source: Mapping[str, Any]) -> tuple[str, str]:
    """What makes two sources the same: the seed file, or the address (a page and a contact card
    may name one page with different titles)."""
    if "seed" in source:
        return ("seed", str(source["seed"]))
    return ("url", str(source["url"]).rstrip("/"))


# The kinds of secondary source the pages and data files name (a source's ``kind:``), so that
# each is shown in the page's language; a kind not listed here is shown as written
# (tests/site/test_translations.py lists every kind the site uses and fails on a new one).
KINDS = (
    N_("advocates' advice"), N_("bill summary"), N_("copy of a court order"),
    N_("copy of a federal guide"), N_("copy of a federal page"), N_("copy of a state rule"),
    N_("copy of a statute"), N_("copy of court rules"), N_("court notice"), N_("directory"),
    N_("encyclopedia"), N_("law firm"), N_("municipal code"), N_("news"), N_("notice"),
    N_("press release"), N_("report"), N_("student newspaper"), N_("victim services' advice"),
)


def _details(source: Mapping[str, Any], lang: str = ENGLISH) -> str | None:
    """Who published a source, when, and what kind of page it is, as far as the data says,
    in ``lang`` (a publisher is a name: it is shown as written)."""
    _ = gettext_for(lang)
    parts = [str(source["publisher"]).strip()] if source.get("publisher") else []
    published = published_text(source["published"], lang) if "published" in source else None
    if published:
        parts.append(published)
    if source.get("kind"):
        kind = str(source["kind"]).strip()
        parts.append(_(kind) if kind in KINDS else kind)
    if not parts and source.get("secondary"):
        parts.append(_("not an official source"))
    return ", ".join(parts) or None


class FootList:
    """The numbered sources of one page: ``FootList.of_page(meta["sources"], seeds, lang)``,
    its dates and kinds of source in the page's language ``lang``."""

    def __init__(self, seeds: Seeds, lang: str = ENGLISH):
        self.seeds = seeds
        self.lang = lang
        self.entries: list[Entry] = []
        self.ids: dict[str, int] = {}            # front matter id -> number
        self._numbers: dict[tuple[str, str], int] = {}

    @classmethod
    def of_page(cls, sources: Iterable[Mapping[str, Any]], seeds: Seeds,
                lang: str = ENGLISH) -> FootList:
        foot = cls(seeds, lang)
        for source in sources:
            number = foot.add(source)
            if source.get("id"):
                foot.ids[str(source["id"])] = number
        return foot

    def add(self, source: Mapping[str, Any]) -> int:
        """The source's number, adding it at the end unless the list has it already."""
        key = _key(source)
        if key in self._numbers:
            return self._numbers[key]
        number = len(self.entries) + 1
        if "seed" in source:
            label, url = self.seeds.titles[source["seed"]], None
        else:
            form = next(form for form in SOURCE_FORMS if form in source)
            label, url = str(source[form]), str(source["url"])
        retired = retired_address(url)
        checked = reviewed_date(source.get("checked"))
        self.entries.append(Entry(
            number=number, label=label, url=None if retired else url, retired=retired,
            checked=long_date(checked, self.lang) if checked else None,
            secondary=bool(source.get("secondary")), details=_details(source, self.lang)))
        self._numbers[key] = number
        return number

    def add_all(self, sources: Iterable[Mapping[str, Any]]) -> None:
        for source in sources:
            self.add(source)

    def number(self, source_id: str) -> int:
        """The number of the source with this id, or a ShortcodeError listing the ids."""
        if not source_id:
            raise shortcodes.ShortcodeError(
                "give the id of one of the page's sources, like [[ref:boone-circuit]]")
        if source_id not in self.ids:
            known = ", ".join(sorted(self.ids)) or "none (give a source an id: line)"
            hint = shortcodes.suggest(source_id, list(self.ids))
            raise shortcodes.ShortcodeError(
                f"no source with id {source_id!r} in this page's front matter sources.{hint} "
                f"Ids this page has: {known}")
        return self.ids[source_id]


def reference(number: int, lang: str = ENGLISH) -> str:
    """The reference mark in the text: a superscript number linking to the foot list."""
    _ = gettext_for(lang)
    label = _("source %(number)s") % {"number": number}
    return (f'<sup class="site-ref"><a href="#source-{number}" aria-label="{label}">'
            f'{number}</a></sup>')


def foot_of(context: shortcodes.Context) -> FootList | None:
    """The page's foot list, when the page being rendered has one."""
    foot = context.data.get("sources")
    return foot if isinstance(foot, FootList) else None


def _render_ref(args: str, context: shortcodes.Context) -> str:
    foot = foot_of(context)
    if foot is None:
        raise shortcodes.ShortcodeError("[[ref:ID]] needs the page's sources; none were given")
    return reference(foot.number(args), context.lang)


shortcodes.register("ref", _render_ref, usage="[[ref:ID]]",
                    summary="the number of the page's source with that id, linking to it in "
                            "the list at the foot of the page")
