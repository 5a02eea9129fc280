"""Plain-English helpers used in steps and messages."""

from __future__ import annotations

from calculators.wording import join_and, join_or, ordinal, plural


def test_lists_read_as_sentences() -> None:
    assert [join_and(words) for words in ([], ["A"], ["A", "B"], ["A", "B", "C"])] == [
        "", "A", "A and B", "A, B and C"]
    assert join_or(["none", "secondary", "post_secondary"]) == "none, secondary or post_secondary"


def test_counts_and_ordinals() -> None:
    assert [plural(n, "day") for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 18, 21, 22, 23, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "18th", "21st", "22nd", "23rd",
        "101st", "111th"]
