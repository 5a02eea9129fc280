"""The scenario corpus (tests/scenarios/*.yaml) run through the JSON text interface, as the
command line and the browser run it."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from build_tools.data.scenarios import Scenario, load_scenarios, mismatches
from calculators import api

SCENARIOS = load_scenarios()


@pytest.mark.parametrize("case", SCENARIOS, ids=[case.name for case in SCENARIOS])
def test_scenario(case: Scenario) -> None:
    code, text = api.run_json(case.calculator, case.json_text())
    response = json.loads(text)
    assert mismatches(case.expect, response) == []
    assert code == (0 if case.expect["ok"] else 2)


def test_the_corpus_covers_every_calculator_with_bad_inputs_and_worked_examples() -> None:
    assert len(SCENARIOS) >= 60
    for name in api.NAMES:
        cases = [case for case in SCENARIOS if case.calculator == name]
        assert sum(case.expect["ok"] for case in cases) >= 10, name
        assert sum(not case.expect["ok"] for case in cases) >= 8, name
        assert 2 <= sum(case.example for case in cases) <= 3, name


def test_scenario_names_are_unique() -> None:
    assert not [name for name, n in Counter(case.name for case in SCENARIOS).items() if n > 1]
