"""rules.toml: every legal number with its citation and date, read as package data; the
calculators' code holds none of these numbers itself."""

from __future__ import annotations

import ast
import datetime
from pathlib import Path

import pytest

from calculators import rules

PACKAGE = Path(rules.__file__).parent
SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


def test_every_rule_has_a_citation_a_date_and_a_source_or_a_reason() -> None:
    assert len(rules.RULES) >= 20
    for key, rule in rules.RULES.items():
        assert rule.summary and rule.citation, key
        assert datetime.date(1990, 1, 1) <= rule.effective <= datetime.date.today(), key
        if rule.is_site_convention:
            assert rule.note, key
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


def test_the_numbers_the_design_states() -> None:
    assert rules.number("order_end.age_of_majority") == 18
    assert rules.number("order_end.education_age_limit") == 21
    assert rules.number("review.cycle_years") == 3
    assert rules.number("review.substantial_change_percent") == 20
    assert rules.number("limits.money_max") == 1_000_000_000
    assert (rules.number("limits.orders_min"), rules.number("limits.orders_max")) == (1, 50)
    deadline = rules.rule("order_end.enrolment_deadline")
    assert (deadline.part("month"), deadline.part("day")) == (10, 1)
    assert deadline.value == "October 1"


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


def test_rules_toml_is_read_as_package_data() -> None:
    from importlib import resources
    text = resources.files("calculators").joinpath("rules.toml").read_text(encoding="utf-8")
    assert rules.parse_rules(text) == rules.RULES


GOOD = '''
[x.good]
value = 1
summary = "A rule."
citation = "RSMo 1.010"
effective = 2020-01-01
'''


@pytest.mark.parametrize(("text", "complaint"), [
    ("[x", "not valid TOML"),
    ("x = 1", "[x] must be a table of rules"),
    ("[x]\ngood = 1", "[x.good] must be a table"),
    ("[x.good]\nvalue = 1", "lacks summary, citation, effective"),
    (GOOD + "colour = 'red'", "unknown keys colour"),
    (GOOD.replace("2020-01-01", '"2020-01-01"'), "effective must be a date"),
    (GOOD.replace("2020-01-01", "2020-01-01T10:00:00"), "effective must be a date"),
    (GOOD.replace('"A rule."', '" "'), "summary must be a non-empty string"),
    (GOOD + "url = 5", "url must be a non-empty string"),
    (GOOD.replace("RSMo 1.010", "This site's convention"), "add a note"),
    (GOOD + 'month = "October"', "month and day must be whole numbers"),
])
def test_a_malformed_rules_file_names_the_rule_and_the_fix(text: str, complaint: str) -> None:
    with pytest.raises(rules.RulesError, match="calculators/rules.toml") as refused:
        rules.parse_rules(text)
    assert complaint in str(refused.value)


def test_a_well_formed_rule_is_read_with_its_optional_keys() -> None:
    rule = rules.parse_rules(GOOD + 'note = "Why."\nday = 2')["x.good"]
    assert (rule.value, rule.note, rule.part("day"), rule.url) == (1, "Why.", 2, None)
    assert not rule.is_site_convention


def test_asking_for_a_missing_or_mistyped_rule_fails_loudly() -> None:
    with pytest.raises(rules.RulesError, match=r"no rule \[order_end.age_of_consent\]"):
        rules.rule("order_end.age_of_consent")
    with pytest.raises(rules.RulesError, match="must be a whole number"):
        rules.number("allocation.whole_cents")
    with pytest.raises(rules.RulesError, match="must be a date"):
        rules.date_value("limits.orders_max")
    assert rules.date_value("limits.earliest_date") == datetime.date(1900, 1, 1)
