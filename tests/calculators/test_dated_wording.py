"""A rule that changes on a date changes the answer and its words together: the steps and the
view state the value the answer used on its ``as_of``, never the newest one nor one written in
the code."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from calculators import order_end, review, rules, schedule, support_amount
from calculators.views.respond import view

PACKAGE = Path(rules.__file__).parent
RULES_TEXT = (PACKAGE / "rules.toml").read_text(encoding="utf-8")
TODAY = datetime.date(2026, 12, 7)


def moved(old: str, new: str) -> rules.Book:
    """rules.toml with one rule's values replaced."""
    assert old in RULES_TEXT
    return rules.parse_rules(RULES_TEXT.replace(old, new, 1))


def test_the_review_threshold_moved_on_a_date_moves_the_answer_and_its_words() -> None:
    """A threshold of 15 percent from 2030 (a made-up change): a 17 percent change does not
    reach 20 percent on the day before and reaches 15 percent from that day, and the steps and
    the view say which threshold decided."""
    book = moved("[review.substantial_change_percent.values]\n2014-08-28 = 20\n",
                 "[review.substantial_change_percent.values]\n2014-08-28 = 20\n2030-01-01 = 15\n")

    def answer(as_of: str) -> dict[str, Any]:
        payload = {"last_review_date": "2029-06-01", "as_of": as_of,
                   "current_monthly": "1000.00", "estimated_new_monthly": "1170.00"}
        return review.CALCULATOR.run(payload, TODAY, book)

    before, after = answer("2029-12-31"), answer("2030-01-01")
    assert (before["result"]["change_percent"], after["result"]["change_percent"]) == (
        "17.0", "17.0")
    assert (before["result"]["meets_20_percent"], after["result"]["meets_20_percent"]) == (
        False, True)
    assert before["rules"]["review.substantial_change_percent"] == "2014-08-28"
    assert after["rules"]["review.substantial_change_percent"] == "2030-01-01"
    assert any(step.startswith("That is less than 20%, ") for step in before["steps"])
    assert any(step.startswith("That is 15% or more. ") for step in after["steps"])
    assert not any("20%" in step for step in after["steps"])

    shown_before, shown_after = view(before, book), view(after, book)
    assert shown_before is not None and shown_after is not None
    assert shown_before["answer"].endswith("is 17.0%, which is less than 20%.")
    assert shown_after["answer"].endswith("is 17.0%, which is 15% or more.")
    assert ["20% or more", "No"] in shown_before["facts"]
    assert ["15% or more", "Yes"] in shown_after["facts"]
    # The view finds the value by the date the answer names: rules.toml has no 2030 value.
    with pytest.raises(rules.RulesError, match="no value of .review.substantial_change_percent. "
                                               "that took effect on 2030-01-01"):
        view(after)


TEST_EDITION = "form14_schedule_2030_test.toml"


def edition_2030() -> schedule.Edition:
    """The 2026 edition as a made-up 2030 edition would change it: adopted by another order,
    with another child care cap and age for the tax credit."""
    text = (PACKAGE / rules.latest(support_amount.FORM14).value).read_text(encoding="utf-8")
    for old, new in (("effective = 2026-01-01", "effective = 2030-01-01"),
                     ('adopted_by = "Supreme Court of Missouri order of March 4, 2025"',
                      'adopted_by = "Supreme Court of Missouri order of June 2, 2029"'),
                     ("cap_one_child = 250", "cap_one_child = 300"),
                     ("children_under = 13", "children_under = 14")):
        assert old in text
        text = text.replace(old, new, 1)
    return schedule.parse_edition(text, TEST_EDITION)


def test_a_new_form14_edition_moves_the_answer_its_citation_and_its_figures(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """From the day a new edition takes effect, the steps cite the order that adopted it and
    state its figures, and the answer is worked out with them; the day before, the 2026
    edition's order and figures stand."""
    shipped, new = schedule.edition, edition_2030()
    monkeypatch.setattr(schedule, "edition",
                        lambda file: new if file == TEST_EDITION else shipped(file))
    book = moved('[support_amount.form14.values]\n2026-01-01 = "form14_schedule_2026.toml"\n',
                 '[support_amount.form14.values]\n2026-01-01 = "form14_schedule_2026.toml"\n'
                 f'2030-01-01 = "{TEST_EDITION}"\n')

    def answer(as_of: str) -> dict[str, Any]:
        payload = {"children": 1, "as_of": as_of,
                   "paying_parent": {"gross_income": "4500.00"},
                   "receiving_parent": {"gross_income": "3000.00", "child_care": "400.00"}}
        return support_amount.CALCULATOR.run(payload, TODAY, book)

    before, after = answer("2029-12-31"), answer("2030-01-01")
    assert before["rules"]["support_amount.form14"] == "2026-01-01"
    assert after["rules"]["support_amount.form14"] == "2030-01-01"
    assert before["result"]["schedule"]["effective"] == "2026-01-01"
    assert after["result"]["schedule"]["effective"] == "2030-01-01"
    # 24% of the lesser of $400 and the cap: $250 in 2026, $300 in the new edition.
    assert before["result"]["lines"]["6a2"]["receiving"] == "60.00"
    assert after["result"]["lines"]["6a2"]["receiving"] == "72.00"

    assert "(Supreme Court of Missouri order of March 4, 2025)" in before["steps"][0]
    assert "(Supreme Court of Missouri order of June 2, 2029)" in after["steps"][0]
    assert "March 4, 2025" not in " ".join(after["steps"])
    assert any("$400, and $250 (for 1 child under 13): $60" in step for step in before["steps"])
    assert any("$400, and $300 (for 1 child under 14): $72" in step for step in after["steps"])

    shown_before, shown_after = view(before, book), view(after, book)
    assert shown_before is not None and shown_after is not None
    assert any(line.startswith("The schedule in force from January 1, 2026 gives ")
               for line in shown_before["summary"])
    assert any(line.startswith("The schedule in force from January 1, 2030 gives ")
               for line in shown_after["summary"])
    assert "January 1, 2030" in shown_after["table"]["caption"]


def test_an_age_moved_on_a_date_moves_the_end_and_the_reason_shown() -> None:
    """An age of majority of 19 from 2030 (a made-up change): the end date, the steps and the
    view's reason all say 19th from that day; the reason code keeps its contract name."""
    book = moved("[order_end.age_of_majority.values]\n2016-08-28 = 18\n",
                 "[order_end.age_of_majority.values]\n2016-08-28 = 18\n2030-01-01 = 19\n")

    def answer(as_of: str) -> dict[str, Any]:
        payload = {"child_birth_date": "2012-06-01", "as_of": as_of}
        return order_end.CALCULATOR.run(payload, TODAY, book)

    before, after = answer("2029-12-31"), answer("2030-01-01")
    assert before["result"]["end_date"] == "2030-06-01"
    assert after["result"]["end_date"] == "2031-06-01"
    assert before["result"]["reason"] == after["result"]["reason"] == "age_18"
    assert any("until the 18th birthday" in step for step in before["steps"])
    assert any("until the 19th birthday" in step for step in after["steps"])
    shown_before, shown_after = view(before, book), view(after, book)
    assert shown_before is not None and shown_after is not None
    assert ["Why", "The child's 18th birthday"] in shown_before["facts"]
    assert ["Why", "The child's 19th birthday"] in shown_after["facts"]
