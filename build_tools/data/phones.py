"""The one recogniser of phone numbers: the build's typed-number check and the fact coverage test
(tests/content/test_fact_coverage.py) both use it.

A phone number here is a North American ten-digit number, written any way a reader would take
for one::

    5735550100        573-5550100       573 5550100      573/555-0100
    (573) 555-0100    (573)555-0100     573.555.0100     573-555-0100
    1-573-555-0100    1 573 555 0100    +1 573 555 0100  +15735550100

The three groups may be separated by nothing, a space of any kind (no-break, thin, figure and the
other Unicode spaces), a dash of any kind (hyphen-minus, hyphen, non-breaking hyphen, figure dash,
en and em dash, minus sign, small and full-width hyphen-minus), a full stop or a slash, with a
space on either side allowed. The area code and the exchange start with 2 to 9, as every North
American number does. A leading country code is ``+1``, or ``1`` followed by a separator (a bare
eleven-digit run such as a case number is not taken for a phone number).

Not taken for phone numbers: dates (2026-11-22, 11/22/2026), money ($10,000,000.00), statute and
regulation numbers (RSMo 452.340.5, 13 CSR 40-110.030, 45 CFR 303.100), ZIP and ZIP+4 codes
(65102, 65102-2320), counts (313,000), and digits that run on into letters or more digits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Every Unicode dash a writer (or a word processor) may put between the groups.
DASHES = ("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d")
# Spaces: Python's \s covers the Unicode spaces (no-break, en, em, thin, figure, narrow no-break,
# ideographic ...); line breaks are left out so that a number never runs across two lines.
_SPACE = r"[^\S\r\n]"
_MARK = f"[{re.escape(DASHES)}./]"
_SEP = f"(?:{_SPACE}*{_MARK}{_SPACE}*|{_SPACE}+)?"
_SEP_REQUIRED = f"(?:{_SPACE}*{_MARK}{_SPACE}*|{_SPACE}+)"
_N = r"[2-9]"  # first digit of an area code or exchange
_D = r"\d"

PATTERN = re.compile(
    # Not inside a longer token: no word character, digit group, money or number mark before it.
    rf"(?<![\w.,/$+{re.escape(DASHES)}])"
    rf"(?:\+{_SPACE}*1{_SEP}|1{_SEP_REQUIRED})?"
    rf"(?:\({_SPACE}*{_N}{_D}{{2}}{_SPACE}*\){_SEP}|{_N}{_D}{{2}}{_SEP})"
    rf"{_N}{_D}{{2}}{_SEP}{_D}{{4}}"
    # ... and nothing after it that would make it part of a longer number or word.
    rf"(?![\w]|[{re.escape(DASHES)}.,/]\d)"
)


@dataclass(frozen=True)
class Phone:
    """A phone number found in a text: where it is, as written, and its ten digits."""

    start: int
    end: int
    text: str
    digits: str  # the ten digits, without the country code: "5735550100"

    @property
    def formatted(self) -> str:
        """The way data/contacts.yml writes it: 573-555-0100."""
        return f"{self.digits[:3]}-{self.digits[3:6]}-{self.digits[6:]}"


def _ten_digits(text: str) -> str:
    digits = "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdigit())
    return digits[-10:]


def find(text: str) -> list[Phone]:
    """Every phone number written in ``text``, in order."""
    return [Phone(m.start(), m.end(), m.group(0), _ten_digits(m.group(0)))
            for m in PATTERN.finditer(text)]


def digits(text: str) -> set[str]:
    """The ten-digit forms of every phone number in ``text`` (for comparing with a source)."""
    return {phone.digits for phone in find(text)}
