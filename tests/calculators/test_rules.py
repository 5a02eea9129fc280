"""rules.toml: every legal number with its citation, keyed by the date it took effect, read as
package data; the calculators' code holds none of these numbers itself, and an answer uses the
values in force on its ``as_of``."""

from __future__ import annotations

import ast
import datetime
import json
from pathlib import Path

import pytest

from calculators import allocation, api, review, rules, support_amount

PACKAGE = Path(rules.__file__).parent
SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"
TODAY = datetime.date(2026, 12, 7)


def number(key: str) -> int:
    return rules.latest(key).number()


def test_every_rule_has_a_citation_a_date_and_a_source_or_a_reason() -> None:
    assert len(rules.RULES) >= 20
    for key, rule in rules.RULES.items():
        assert rule.summary and rule.citation and rule.values, key
        assert all(datetime.date(1990, 1, 1) <= date <= TODAY for date, _ in rule.values), key
        if rule.is_site_convention:
            assert rule.note and not rule.documents, key
        else:
            assert rule.url or rule.seed, key


def test_statute_links_point_to_the_revisors_section_page() -> None:
    for key, rule in rules.RULES.items():
        if rule.citation.startswith("RSMo"):
            section = rule.citation.split()[1].split(";")[0][:7]
            assert rule.url == f"https://revisor.mo.gov/main/OneSection.aspx?section={section}", key


def test_seed_references_name_real_source_documents() -> None:
    for key, rule in rules.RULES.items():
        if rule.seed:
            assert (SEEDS / rule.seed).is_file(), key


def test_the_numbers_in_force_today() -> None:
    assert number("order_end.age_of_majority") == 18
    assert number("order_end.education_age_limit") == 21
    assert number("review.cycle_years") == 3
    assert number("review.substantial_change_percent") == 20
    assert number("limits.money_max") == 1_000_000_000
    assert (number("limits.orders_min"), number("limits.orders_max")) == (1, 50)
    assert rules.latest("order_end.enrolment_deadline").value == "October 1"
    assert rules.latest("limits.earliest_date").date() == datetime.date(1900, 1, 1)


def test_every_rule_is_used_or_shown_by_a_calculator() -> None:
    """Nothing in rules.toml is dead: each rule is in some calculator's declared list (shown on
    its page) or is a limit on input, read by the fields."""
    declared = {rule["key"] for name in api.NAMES for rule in api.declaration(name)["rules"]}
    for key in rules.RULES:
        assert key in declared or key.startswith("limits."), key
    assert declared <= set(rules.RULES)


def test_legal_numbers_are_not_written_in_the_code() -> None:
    """Ages, the review cycle, the 20 percent, the post-secondary conditions and the limits
    come from rules.toml; none appears as a number literal in the calculators."""
    legal = {3, 9, 15, 18, 20, 21, 30, 50, 60, 1900, 2199, 10_000_000, 1_000_000_000}
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name == "wording.py":  # "3rd" is grammar, not a review cycle
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and type(node.value) is int:
                assert node.value not in legal, f"{path.name}:{node.lineno}: {node.value}"


def test_citations_in_the_steps_come_from_the_rules_file() -> None:
    """No statute is written into a step's sentence: the modules hold no "RSMo 4..." literal
    outside their docstrings."""
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings):
                assert "RSMo 4" not in node.value, f"{path.name}:{node.lineno}"


def test_rules_toml_is_read_as_package_data() -> None:
    from importlib import resources
    text = resources.files("calculators").joinpath("rules.toml").read_text(encoding="utf-8")
    assert rules.parse_rules(text) == rules.RULES


GOOD = '''
[x.good]
summary = "A rule."
citation = "RSMo 1.010"
[x.good.values]
2020-01-01 = 1
2024-07-01 = 2
'''


@pytest.mark.parametrize(("text", "complaint"), [
    ("[x", "not valid TOML"),
    ("x = 1", "[x] must be a table of rules"),
    ("[x]\ngood = 1", "[x.good] must be a table"),
    ("[x.good]\nvalue = 1", "lacks values, summary, citation"),
    (GOOD.replace("[x.good.values]", "colour = 'red'\n[x.good.values]"), "unknown keys colour"),
    (GOOD.replace("[x.good.values]", "documents = 'yes'\n[x.good.values]"),
     "documents must be true or false"),
    (GOOD.replace("[x.good.values]\n2020-01-01 = 1\n2024-07-01 = 2", "values = 3"),
     "values must be a table [x.good.values]"),
    (GOOD.replace("[x.good.values]\n2020-01-01 = 1\n2024-07-01 = 2", "values = {}"),
     "values must be a table"),
    (GOOD.replace("2020-01-01", "2020-1-1"), "2020-1-1 is not a date YYYY-MM-DD"),
    (GOOD.replace("2020-01-01", "2020-02-30"), "2020-02-30 is not a date"),
    (GOOD.replace("2020-01-01", "20200101"), "20200101 is not a date"),
    (GOOD.replace("= 1", "= [1]"), "must be one number, word or date"),
    (GOOD.replace('"A rule."', '" "'), "summary must be a non-empty string"),
    (GOOD.replace("[x.good.values]", "url = 5\n[x.good.values]"),
     "url must be a non-empty string"),
    (GOOD.replace("RSMo 1.010", "This site's convention"), "add a note"),
])
def test_a_malformed_rules_file_names_the_rule_and_the_fix(text: str, complaint: str) -> None:
    with pytest.raises(rules.RulesError, match="calculators/rules.toml") as refused:
        rules.parse_rules(text)
    assert complaint in str(refused.value)


def test_values_are_looked_up_by_date() -> None:
    book = rules.parse_rules(GOOD.replace("[x.good.values]", "note = 'Why.'\n[x.good.values]"))
    rule = book["x.good"]
    assert (rule.note, rule.url, rule.documents, rule.is_site_convention) == (
        "Why.", None, False, False)
    on = {date: rules.at("x.good", datetime.date.fromisoformat(date), book)
          for date in ("2019-12-31", "2020-01-01", "2024-06-30", "2024-07-01", "2030-01-01")}
    assert [(found.value, found.effective.isoformat(), found.before_earliest)
            for found in on.values()] == [
        (1, "2020-01-01", True), (1, "2020-01-01", False), (1, "2020-01-01", False),
        (2, "2024-07-01", False), (2, "2024-07-01", False)]
    assert on["2030-01-01"].rule is rule
    assert rules.latest("x.good", book).value == 2


def test_applied_names_each_value_it_gave_and_notes_the_early_ones() -> None:
    book = rules.parse_rules(GOOD + GOOD.replace("x.good", "x.other")
                             .replace("RSMo 1.010", "RSMo 1.020"))
    applied = rules.Applied(datetime.date(2019, 5, 1), ("x.good", "x.other"), book)
    assert applied.used() == {} and applied.notes() == []
    assert applied.number("x.good") == 1
    assert applied.citation("x.other") == "RSMo 1.020"
    assert applied.used() == {"x.good": "2020-01-01", "x.other": "2020-01-01"}
    assert applied.notes() == [(
        "This site has the rules of RSMo 1.010 and RSMo 1.020 only as they stand from January "
        "1, 2020. The date worked from, May 1, 2019, is earlier, so they are used as they stood "
        "on January 1, 2020; the law in force before then may have been different.")]
    later = rules.Applied(datetime.date(2024, 7, 1), ("x.good",), book)
    assert (later.value("x.good"), later.used(), later.notes()) == (
        2, {"x.good": "2024-07-01"}, [])
    with pytest.raises(rules.RulesError, match=r"reads \[x.other\] without declaring it"):
        later.value("x.other")


CHANGED_CYCLE = '''
[review.cycle_years.values]
1997-07-01 = 3
2030-01-01 = 2
'''


def test_a_rule_changed_on_a_date_answers_differently_before_and_after_it() -> None:
    """A new value for the review cycle from 2030 changes answers from 2030 on, and only
    those; each response names the value it used by its effective date."""
    text = (PACKAGE / "rules.toml").read_text(encoding="utf-8")
    book = rules.parse_rules(text.replace("[review.cycle_years.values]\n1997-07-01 = 3\n",
                                          CHANGED_CYCLE))
    assert book["review.cycle_years"].values[-1][1] == 2

    def answer(as_of: str) -> dict[str, object]:
        payload = {"last_review_date": "2029-06-01", "as_of": as_of}
        return review.CALCULATOR.run(payload, TODAY, book)

    before, after = answer("2029-12-31"), answer("2030-01-01")
    assert before["result"]["next_review_date"] == "2032-06-01"
    assert after["result"]["next_review_date"] == "2031-06-01"
    assert before["rules"] == {"review.cycle_years": "1997-07-01"}
    assert after["rules"] == {"review.cycle_years": "2030-01-01"}
    assert "every 3 years" in before["steps"][0] and "every 2 years" in after["steps"][0]
    # rules.toml itself still answers 3 years on both dates
    assert review.CALCULATOR.run({"last_review_date": "2029-06-01", "as_of": "2030-01-01"},
                                 TODAY)["result"]["next_review_date"] == "2032-06-01"


def test_a_date_before_every_value_uses_the_earliest_and_says_so() -> None:
    response = api.run("review", {"last_review_date": "1995-03-01", "as_of": "1996-01-02"})
    assert response["rules"] == {"review.cycle_years": "1997-07-01"}
    assert response["steps"][-1].startswith("This site has the rule of RSMo 454.498 only as it "
                                            "stands from July 1, 1997. The date worked from, "
                                            "January 2, 1996, is earlier")


def test_an_allocation_method_the_code_does_not_apply_stops_it() -> None:
    text = (PACKAGE / "rules.toml").read_text(encoding="utf-8")
    book = rules.parse_rules(text.replace('2026-11-23 = "pro_rata_by_past_due"',
                                          '2026-11-23 = "pro_rata_by_past_due"\n'
                                          '2027-01-01 = "oldest_first"'))
    with pytest.raises(rules.RulesError, match="from 2027-01-01 the value is 'oldest_first'"):
        allocation.check_methods(book)


def test_a_method_above_the_schedule_the_code_does_not_apply_stops_it() -> None:
    text = (PACKAGE / "rules.toml").read_text(encoding="utf-8")
    book = rules.parse_rules(text.replace('2026-12-07 = "last_row"',
                                          '2026-12-07 = "last_row"\n2027-01-01 = "extrapolate"'))
    support_amount.check_above_schedule(rules.RULES)
    with pytest.raises(rules.RulesError, match="from 2027-01-01 the value is 'extrapolate'"):
        support_amount.check_above_schedule(book)


def test_asking_for_a_missing_or_mistyped_rule_fails_loudly() -> None:
    with pytest.raises(rules.RulesError, match=r"no rule \[order_end.age_of_consent\]"):
        rules.rule("order_end.age_of_consent")
    with pytest.raises(rules.RulesError, match="must be whole numbers"):
        rules.latest("allocation.whole_cents").number()
    with pytest.raises(rules.RulesError, match="must be dates"):
        rules.latest("limits.orders_max").date()


def test_the_corpus_names_every_dated_rule_each_calculator_declares() -> None:
    """Across the scenario corpus, each response's "rules" names only rules its calculator
    declares, each with the date of a value rules.toml holds, and every rule a calculator
    declares that is not a convention of this site is named by some response."""
    from build_tools.data.scenarios import load_scenarios

    named: dict[str, set[str]] = {name: set() for name in api.NAMES}
    for case in load_scenarios():
        response = json.loads(api.run_json(case.calculator, case.json_text())[1])
        if not response["ok"]:
            continue
        declared = api.CALCULATORS[case.calculator].rules
        for key, effective in response["rules"].items():
            assert key in declared, (case.name, key)
            assert effective in {d.isoformat() for d, _ in rules.rule(key).values}, case.name
        named[case.calculator] |= set(response["rules"])
    for name in api.NAMES:
        dated = {key for key in api.CALCULATORS[name].rules
                 if not rules.rule(key).is_site_convention}
        assert named[name] == dated, name
