"""Reading a date a person entered: ``YYYY-MM-DD``, a real calendar date, within the range this
site accepts (rules.toml, ``[limits.earliest_date]`` and ``[limits.latest_date]``).

Kept apart from ``calculators.dates`` (calendar arithmetic and dates written for people), which
``calculators.rules`` uses to word its notes: this module reads its limits from the rules, so
the two modules depend on each other in one direction only.
"""

from __future__ import annotations

import datetime
import re

from calculators import rules

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
EARLIEST = rules.latest("limits.earliest_date").date()
LATEST = rules.latest("limits.latest_date").date()


class InvalidDate(ValueError):
    """A date field holds something that is not a date this site accepts."""


def parse_date(text: str) -> datetime.date:
    """Read ``YYYY-MM-DD`` as a real calendar date within the accepted range.

    ``date.fromisoformat`` alone would also take "20260105" and "2026-W01-1" (CONTRACT.md, JSON
    contract), so the shape is checked first, with ASCII digits only.
    """
    if not ISO_DATE.fullmatch(text):
        raise InvalidDate("format")
    year, month, day = (int(part) for part in text.split("-"))
    try:
        value = datetime.date(year, month, day)
    except ValueError:
        raise InvalidDate("calendar") from None
    if not EARLIEST <= value <= LATEST:
        raise InvalidDate("range")
    return value
