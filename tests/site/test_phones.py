"""The one recogniser of phone numbers (build_tools/data/phones.py): every way of writing a ten-digit
number is found, with its digits, and dates, money, statute numbers and ZIP codes are not."""

from __future__ import annotations

import pytest

from build_tools.data import phones
from build_tools.data.contacts import find_phone_numbers

WRITTEN = [
    "5735550100", "573-5550100", "573 5550100", "573/555-0100", "573 / 555-0100",
    "(573) 555-0100", "(573)555-0100", "( 573 ) 555 0100", "573.555.0100", "573-555-0100",
    "573 555 0100", "573 - 555 - 0100", "1-573-555-0100", "1 573 555 0100", "1.573.555.0100",
    "1 (573) 555-0100", "+1 573 555 0100", "+1-573-555-0100", "+15735550100", "+1 (573) 555-0100",
    "573\u2013555\u20130100",          # en dashes
    "573\u2014555\u20140100",          # em dashes
    "573\u2011555\u20110100",          # non-breaking hyphens
    "573\u2010555\u20100100",          # hyphens
    "573\u2012555\u20120100",          # figure dashes
    "573\u2212555\u22120100",          # minus signs
    "573\uff0d555\uff0d0100",          # full-width hyphen-minus
    "573\u00a0555\u00a00100",          # no-break spaces
    "573\u2009555\u20090100",          # thin spaces
    "573\u202f555\u202f0100",          # narrow no-break spaces
    "573\u2007555\u20070100",          # figure spaces
    "(573)\u00a0555\u20110100",        # no-break space, then a non-breaking hyphen
]


@pytest.mark.parametrize("text", WRITTEN)
def test_every_way_of_writing_a_number_is_found_with_its_digits(text):
    for sentence in (text, f"Call {text} today.", f"Call {text}.", f"({text})", f"at {text}, or"):
        found = phones.find(sentence)
        assert [phone.digits for phone in found] == ["5735550100"], (sentence, found)
        assert found[0].formatted == "573-555-0100"
        assert sentence[found[0].start:found[0].end] == found[0].text


@pytest.mark.parametrize("text", WRITTEN)
def test_the_build_check_catches_every_way_of_writing_a_number(text):
    typed = find_phone_numbers(f"Before\nCall {text} today.\n")
    assert [item.line for item in typed] == [2]


NOT_PHONES = [
    "2026-11-22", "11/22/2026", "11-22-2026", "November 22, 2026", "2026/11/22",
    "$10,000,000.00", "$2,000", "$1,000,000", "$5735550100", "313,000 orders", "1995,55 percent",
    "RSMo 452.340", "RSMo 452.340.5", "section 452.340.5(1)", "RSMo 454.1500 to 454.1728",
    "13 CSR 40-110.030", "13 CSR 40-110.040", "45 CFR 303.100(a)(5)", "42 U.S.C. 666",
    "Jefferson City, MO 65102", "Jefferson City, MO 65102-2320", "MO 65110-9006", "65102-6790",
    "case 12345678901", "case 1234567890", "case 15735550100", "id 573555010012",
    "0735550100", "5731550100", "573-055-0100", "573-555-01000", "573-555-0100-2",
    "v573-555-0100", "1573-555-0100",
]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_dates_money_statutes_and_zip_codes_are_not_phone_numbers(text):
    assert phones.find(text) == [], phones.find(text)
    assert phones.find(f"See {text} here.") == []


def test_several_numbers_in_one_text_are_found_in_order():
    text = "Call 866-313-9960 or (800) 859-7999; fax 573.635.7545. Not 65102-2320."
    assert [p.formatted for p in phones.find(text)] == ["866-313-9960", "800-859-7999",
                                                        "573-635-7545"]
    assert phones.digits(text) == {"8663139960", "8008597999", "5736357545"}


def test_a_number_never_runs_across_two_lines():
    assert phones.find("573-555-\n0100") == []
