"""The Schedule of Basic Child Support Obligations in force from January 1, 2026 and the Form 14
tables beside it (calculators/form14_schedule_2026.toml): complete, never decreasing, equal to
the two other copies kept in tests/calculators/fixtures/, shipped in the wheel, and read
strictly."""

from __future__ import annotations

import ast
import datetime
import tomllib
from pathlib import Path

import pytest

from build_tools.runtime.wheel import package_files
from calculators import rules
from calculators.schedule import ScheduleError, edition, parse_edition

FILE = rules.latest("support_amount.form14").value
PACKAGE = Path(rules.__file__).parent
FIXTURES = Path(__file__).with_name("fixtures")
TEXT = (PACKAGE / FILE).read_text(encoding="utf-8")
EDITION = edition(FILE)
COLUMNS = ("one_child", "two_children", "three_children", "four_children", "five_children",
           "six_children")


def test_every_row_from_0_1300_to_40000_is_present_in_order() -> None:
    raw = tomllib.loads(TEXT)["rows"]
    assert list(raw) == ["0-1300"] + [str(income) for income in range(1350, 40001, 50)]
    assert len(EDITION.rows) == 775 and EDITION.children == 6
    assert all(len(amounts) == 6 for amounts in EDITION.rows.values())
    assert EDITION.effective == datetime.date(2026, 1, 1)


def test_each_column_never_decreases_and_more_children_never_cost_less() -> None:
    incomes = sorted(EDITION.rows)
    for column in range(6):
        amounts = [EDITION.rows[income][column] for income in incomes]
        assert amounts == sorted(amounts), column + 1
    assert all(list(row) == sorted(row) for row in EDITION.rows.values())


def test_every_row_of_the_line_5_copy_equals_the_data_file() -> None:
    copy = tomllib.loads((FIXTURES / "form14_line5_copy.toml").read_text(encoding="utf-8"))
    assert copy["income"][0] == "0-1300" and copy["income"][-1] == "3600"
    assert len(copy["income"]) == 47
    for index, label in enumerate(copy["income"]):
        income = 1300 if label == "0-1300" else int(label)
        assert EDITION.rows[income] == tuple(copy[column][index] for column in COLUMNS), label


def test_every_row_of_the_partial_copy_equals_the_data_file() -> None:
    copy = tomllib.loads((FIXTURES / "form14_partial_copy.toml").read_text(encoding="utf-8"))
    assert len(copy["rows"]) == 83
    for income, *amounts in copy["rows"]:
        assert EDITION.rows[income] == tuple(amounts), income


def test_the_directions_tables() -> None:
    assert EDITION.limits == (1750, 2200, 2550, 2850, 3100, 3600)
    assert (EDITION.credit_cap_one, EDITION.credit_cap_more) == (250, 500)
    assert [EDITION.credit_percent(income) for income in (0, 1250, 1251, 1832, 3583, 3584, 99999)] \
        == [35, 35, 34, 31, 21, 20, 20]
    assert [EDITION.overnight_percent(n) for n in (0, 35, 36, 72, 73, 109, 110, 180, 181, 183)] \
        == [0, 0, 6, 6, 9, 10, 13, 33, 34, 34]
    assert EDITION.max_overnights == 183


@pytest.mark.parametrize(("income", "row", "beyond"), [
    (0, 1300, False), (1300, 1300, False), (1324, 1300, False), (1325, 1350, False),
    (1374, 1350, False), (1375, 1400, False), (7524, 7500, False), (7525, 7550, False),
    (39975, 40000, False), (40000, 40000, False), (40001, 40000, False), (40024, 40000, False),
    (40025, 40000, True), (1_000_000, 40000, True)])
def test_an_income_takes_the_nearest_row_25_and_75_rounding_up(income: int, row: int,
                                                                beyond: bool) -> None:
    """Up to $40,024 the nearest row is on the schedule ($40,000); from $40,025 the nearest
    would be past the last row, and the last row is used."""
    assert EDITION.row(income) == row
    assert EDITION.beyond(income) is beyond
    assert EDITION.label(row) == ("0-1300" if row == 1300 else str(row))


def test_the_schedule_file_ships_in_the_wheel() -> None:
    shipped = dict(package_files())
    assert shipped[f"calculators/{FILE}"] == TEXT.encode("utf-8")


def test_form_14_numbers_are_not_written_in_the_code() -> None:
    """The schedule's limits and the directions' numbers come from the data file."""
    legal = {1300, 1750, 2200, 2550, 2850, 3100, 3600, 40000, 250, 500, 36, 183, 181, 34, 35,
             1250, 1251, 3583, 3584}
    for name in ("support_amount.py", "schedule.py"):
        tree = ast.parse((PACKAGE / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and type(node.value) is int:
                assert node.value not in legal, f"{name}:{node.lineno}: {node.value}"


def replaced(old: str, new: str) -> str:
    assert old in TEXT
    return TEXT.replace(old, new, 1)


@pytest.mark.parametrize(("text", "says"), [
    ("[schedule", "is not valid TOML"),
    (replaced("step = 50\n", ""), "lacks or misspells 'step'"),
    (replaced("1350     = [", "1351     = ["), "must list every row from 0-1300 to 40000"),
    (replaced("1400     = [ 122,  127,  128,  129,  130,  130]",
              "1400     = [ 122,  127,  128,  129,  130]"), "row 1400 must have 6"),
    (replaced("1400     = [ 122,  127,  128,  129,  130,  130]",
              "1400     = [ 122,  127,  128,  129,  130,  \"x\"]"), "row 1400 must have 6"),
    (replaced("1400     = [ 122,  127,  128,  129,  130,  130]",
              "1400     = [  22,  127,  128,  129,  130,  130]"), "smaller than the row before"),
    (replaced("1400     = [ 122,  127,  128,  129,  130,  130]",
              "1400     = [ 122,  127,  128,  129,  131,  130]"), "smaller than the row before"),
    (replaced("[   0, 35], [1251, 34]", "[   1, 35], [1251, 34]"), "[child_care_tax_credit]"),
    (replaced("[ 36,  72,  6], [ 73,  91,  9]", "[ 36,  72,  6], [ 74,  91,  9]"),
     "[overnight_adjustment]"),
    (replaced("limits = [1750, 2200, 2550, 2850, 3100, 3600]", "limits = [1750]"),
     "[self_support_limit]"),
])
def test_a_malformed_schedule_file_is_refused_with_the_reason(text: str, says: str) -> None:
    with pytest.raises(ScheduleError, match="calculators/form14_test.toml") as refused:
        parse_edition(text, "form14_test.toml")
    assert says in str(refused.value)


def test_the_file_as_written_parses_to_the_same_edition() -> None:
    assert parse_edition(TEXT, FILE) == EDITION
