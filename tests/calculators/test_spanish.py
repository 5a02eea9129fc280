"""The calculators in Spanish: the request's ``lang`` changes the words and nothing else.

Every scenario of the corpus runs in English and in Spanish: every figure, key, contact id and
rule date is the same, only the text fields differ (the steps, the messages, the line labels of
Form 14), and the money, percentages and dates the words carry are the same, written the US way
("$1,018") in both and dated "1 de enero de 2026" in Spanish. Hypothesis states the same for
every valid input.
"""

from __future__ import annotations

import datetime
import io
import json
import re
from collections import Counter
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_tools.data.scenarios import Scenario, load_scenarios
from calculators import __main__ as cli
from calculators import api, dates
from calculators.fields import RepeatedKeys
from calculators.i18n import N_, Text, _, language, ngettext, speaking
from calculators.views.respond import respond, view
from calculators.wording import join_and, join_or
from tests.calculators import strategies as gen

SCENARIOS = load_scenarios()
TODAY = datetime.date(2026, 12, 7)
MONEY = re.compile(r"\$[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]{2})?")
PERCENT = re.compile(r"[0-9]+(?:\.[0-9]+)?%")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")
DATE_EN = re.compile(rf"({'|'.join(MONTHS_EN)}) ([0-9]{{1,2}}), ([0-9]{{4}})")
DATE_ES = re.compile(rf"([0-9]{{1,2}}) de ({'|'.join(MONTHS_ES)}) de ([0-9]{{4}})")


def without_text(response: dict[str, Any]) -> dict[str, Any]:
    """A response with its words taken out: the count of steps and each error's field stay,
    and Form 14's line labels go (CONTRACT.md, "The language")."""
    stripped = {key: value for key, value in response.items() if key not in ("steps", "errors")}
    if "steps" in response:
        stripped["steps"] = len(response["steps"])
    if "errors" in response:
        stripped["errors"] = [error["field"] for error in response["errors"]]
    lines = response.get("result", {}).get("lines") if response.get("ok") else None
    if lines:
        stripped["result"] = {**response["result"], "lines": {
            key: {name: value for name, value in line.items() if name != "label"}
            for key, line in lines.items()}}
    return stripped


def figures(texts: list[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """The money, the percentages and the dates (as ISO dates) written in some sentences."""
    joined = "\n".join(texts)
    found = [datetime.date(int(year), MONTHS_EN.index(month) + 1, int(day)).isoformat()
             for month, day, year in DATE_EN.findall(joined)]
    found += [datetime.date(int(year), MONTHS_ES.index(month) + 1, int(day)).isoformat()
              for day, month, year in DATE_ES.findall(joined)]
    return Counter(MONEY.findall(joined)), Counter(PERCENT.findall(joined)), Counter(found)


def view_texts(shown: dict[str, Any] | None) -> list[str]:
    if shown is None:
        return []
    texts = [shown["answer"], *shown["summary"], *(cell for fact in shown["facts"]
                                                   for cell in fact)]
    if shown["table"]:
        table = shown["table"]
        texts += [table["caption"], *table["head"], *(cell for row in table["rows"]
                                                     for cell in row), *(table["foot"] or [])]
    if shown["follow"]:
        texts.append(shown["follow"]["text"])
    return texts


def both(name: str, text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    english = json.loads(api.run_json(name, text, today=TODAY)[1])
    spanish = json.loads(api.run_json(name, text, today=TODAY, lang="es")[1])
    return english, spanish


@pytest.mark.parametrize("case", SCENARIOS, ids=[case.name for case in SCENARIOS])
def test_every_scenario_gives_the_same_figures_in_spanish(case: Scenario) -> None:
    english, spanish = both(case.calculator, case.json_text())
    assert without_text(spanish) == without_text(english)
    if english["ok"]:
        assert spanish["steps"] != english["steps"]
        assert figures(spanish["steps"]) == figures(english["steps"])
        shown_en, shown_es = view(english), view(spanish, lang="es")
        assert shown_en is not None and shown_es is not None
        assert shown_es["answer"] != shown_en["answer"]
        assert figures(view_texts(shown_es)) == figures(view_texts(shown_en))
        if shown_en["follow"]:
            assert shown_es["follow"]["href"] == shown_en["follow"]["href"]
    else:
        assert [e["message"] for e in spanish["errors"]] != \
            [e["message"] for e in english["errors"]]
        assert figures([e["message"] for e in spanish["errors"]])[:2] == \
            figures([e["message"] for e in english["errors"]])[:2]


def _with_lang_member(text: str) -> str | None:
    """The input with ``"lang": "es"`` added as its first member, or None for an input that is
    not a JSON object (the member is added to the text, so that every number stays as written)."""
    try:
        payload = json.loads(text)
    except ValueError:
        return None
    if not isinstance(payload, dict) or api.LANG in payload:
        return None
    body = text.strip()[1:]
    return '{"lang": "es"' + ("}" if not payload else ", " + body)


OBJECTS = [case for case in SCENARIOS if _with_lang_member(case.json_text())]


@pytest.mark.parametrize("case", OBJECTS, ids=[case.name for case in OBJECTS])
def test_the_lang_member_and_the_pages_language_give_the_same_answer(case: Scenario) -> None:
    """The command line's ``{"lang": "es", ...}`` and the worker's ``lang`` argument agree."""
    member = _with_lang_member(case.json_text())
    assert member is not None
    assert api.run_json(case.calculator, member, today=TODAY) == \
        api.run_json(case.calculator, case.json_text(), today=TODAY, lang="es")


def test_most_scenarios_are_objects_the_member_can_be_added_to() -> None:
    assert len(OBJECTS) > len(SCENARIOS) * 3 // 4
    assert _with_lang_member("{}") == '{"lang": "es"}'
    assert _with_lang_member("[1]") is None and _with_lang_member("{") is None


def test_the_view_of_an_input_that_names_its_language_speaks_it() -> None:
    text = '{"lang": "es", "last_review_date": "2024-03-15", "as_of": "2026-11-22"}'
    shown = json.loads(respond("review", text))["view"]
    assert shown["answer"] == "Usted puede pedir una revisión de rutina desde el 15 de marzo " \
                              "de 2027, dentro de 113 días."
    english = json.loads(respond("review", text.replace('"es"', '"en"'), "es"))["view"]
    assert english["answer"] == "You can ask for a routine review from March 15, 2027, in " \
                                "113 days."


@pytest.mark.parametrize("lang", ["fr", "", "ES", None, 1, ["es"]])
def test_a_language_the_site_does_not_speak_is_refused_with_a_message_in_both(lang: Any) -> None:
    text = json.dumps({"lang": lang, "last_review_date": "2024-03-15"})
    code, answer = api.run_json("review", text)
    response = json.loads(answer)
    assert code == api.EXIT_INVALID
    assert response["calculator"] == "review"
    [error] = response["errors"]
    assert error["field"] == "lang"
    assert '"lang" is "en" (English) or "es" (Spanish)' in error["message"]
    assert '"lang" es "en" (inglés) o "es" (español)' in error["message"]


def test_a_language_argument_the_site_does_not_speak_is_refused_too() -> None:
    for name in ("review", "nope"):
        code, answer = api.run_json(name, '{"last_review_date": "2024-03-15"}', lang="fr")
        response = json.loads(answer)
        assert code == api.EXIT_INVALID
        assert response["calculator"] == ("review" if name == "review" else None)
        assert response["errors"][0]["field"] is None
        assert 'no language "fr"' in response["errors"][0]["message"]
    response = api.run("review", {"last_review_date": "2024-03-15"}, lang="fr")
    assert response["ok"] is False and "(español)" in response["errors"][0]["message"]


def test_the_lang_member_is_no_field_and_a_repeated_key_is_still_found() -> None:
    payload = RepeatedKeys({"lang": "es", "last_review_date": "2024-03-15"}, ["last_review_date"])
    response = api.run("review", payload, today=TODAY)
    assert response["errors"] == [{"field": "last_review_date", "message": (
        'Los datos dan "last_review_date" más de una vez en el mismo objeto. Dé cada campo una '
        "sola vez.")}]
    ok = api.run("review", {"lang": "en", "last_review_date": "2024-03-15"}, today=TODAY)
    assert ok["ok"] is True and "lang" not in json.dumps(ok)


def test_problems_before_the_input_is_read_are_said_in_the_requested_language() -> None:
    assert json.loads(api.run_json(None, "{}", lang="es")[1])["errors"][0]["message"] == \
        "Nombre una calculadora: allocation, order_end, review o support_amount."
    assert json.loads(api.run_json("review", "", lang="es")[1])["errors"][0]["message"] == \
        'Los datos están vacíos. Envíe un objeto JSON, como {"field": "value", ...}.'
    assert json.loads(api.run_json("review", "[]", lang="es")[1])["errors"][0]["message"] == \
        'Los datos deben ser un solo objeto JSON, como {"field": "value", ...}.'


def test_the_command_line_answers_in_spanish() -> None:
    out = io.BytesIO()
    code = cli.main(["review"], stdin=io.BytesIO(
        b'{"lang": "es", "last_review_date": "2024-03-15", "as_of": "2026-11-22"}'),
        stdout=out, stderr=io.BytesIO())
    response = json.loads(out.getvalue())
    assert code == 0
    assert response["result"]["next_review_date"] == "2027-03-15"
    assert response["steps"][0].startswith("FSD puede revisar una orden de manutención cada 3 "
                                           "años.")
    assert "15 de marzo de 2024" in response["steps"][0]


def test_the_declaration_in_spanish_keeps_every_name_kind_and_limit() -> None:
    def shape(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()
                    if key not in ("label", "help", "more", "title", "intro", "summary",
                                   "item_label", "citation")}
        if isinstance(value, list):
            return [shape(item) for item in value]
        return value

    for name in api.NAMES:
        english, spanish = api.declaration(name), api.declaration(name, "es")
        assert shape(spanish) == shape(english)
        assert spanish["title"] != english["title"]
        assert spanish["summary"] != english["summary"]
        # A source's title stays as the source writes it; the site's own convention is words
        # of the site, said in Spanish.
        for rule_en, rule_es in zip(english["rules"], spanish["rules"], strict=True):
            if rule_en["citation"] == "This site's convention":
                assert rule_es["citation"] == "Regla que decidió este sitio"
            else:
                assert rule_es["citation"] == rule_en["citation"]
    order_end = api.declaration("order_end", "es")
    schooling = next(field for field in order_end["fields"] if field["name"] == "schooling")
    assert schooling["label"] == "Estudios del hijo después de los 18 años"
    assert schooling["choices"][2]["label"] == ("Está en la universidad o en una escuela "
                                                "vocacional, inscrito a más tardar el 1 de "
                                                "octubre después de la secundaria")
    assert api.declaration("support_amount", "es")["fields"][3]["more"] == \
        "La tabla que tiene este sitio se aplica desde el 1 de enero de 2026."


def test_dates_are_written_the_spanish_way_and_money_the_us_way() -> None:
    with speaking("es"):
        assert dates.long_date(datetime.date(2026, 1, 1)) == "1 de enero de 2026"
        assert dates.long_date(datetime.date(2028, 5, 31)) == "31 de mayo de 2028"
    assert dates.long_date(datetime.date(2026, 1, 1)) == "January 1, 2026"
    response = api.run("support_amount", {
        "children": 1, "as_of": "2026-12-02", "paying_parent": {"gross_income": "4500.00"},
        "receiving_parent": {"gross_income": "3000.00"}}, lang="es")
    shown = view(response, lang="es")
    assert shown is not None
    assert shown["answer"] == ("Form 14 presume $698 al mes de manutención de los hijos; la "
                               "corte decide la cantidad que ordena.")
    assert "$1,163" in " ".join(shown["summary"])


def test_lists_join_with_y_and_o_and_their_sound_changes() -> None:
    with speaking("es"):
        assert join_and(["A", "B", "C"]) == "A, B y C"
        assert join_and(["padres", "hijos"]) == "padres e hijos"
        assert join_and(["padres", "madres"]) == "padres y madres"
        assert join_and(["Ana", "Inés"]) == "Ana e Inés"
        assert join_and(["Ana", "Hilda"]) == "Ana e Hilda"
        assert join_and(["agua", "hielo"]) == "agua y hielo"
        assert join_or(["uno", "otro"]) == "uno u otro"
        assert join_or(['"none"', '"other"']) == '"none" u "other"'
        assert join_or(["A", "B"]) == "A o B"
    assert join_and(["Ana", "Inés"]) == "Ana and Inés"


def test_the_language_is_the_requests_own_for_as_long_as_it_is_answered() -> None:
    assert language() == "en"
    with speaking("es"):
        assert language() == "es"
        assert _("Yes") == "Sí"
        assert ngettext("{number} day", "{number} days", 1) == "1 día"
        label = N_("Children in child care under {age}", age=13)
        assert isinstance(label, Text) and label == "Children in child care under 13"
        assert _(label) == "Hijos en cuidado de niños menores de 13 años"
    assert language() == "en"
    with pytest.raises(ValueError, match="no language 'fr'"):
        with speaking("fr"):
            pass  # pragma: no cover


support_amount_inputs = st.builds(
    lambda children, overnights, paying, receiving, care, period, incremental: {
        "children": children, "overnights": overnights, "incremental": incremental,
        "as_of": "2026-12-02",
        "paying_parent": {"gross_income": gen.money_text(paying), "gross_income_period": period,
                          **({"hours_a_week": 40} if period == "hour" else {})},
        "receiving_parent": {"gross_income": gen.money_text(receiving),
                             "child_care": gen.money_text(care)}},
    st.integers(1, 6), st.integers(0, 183), st.integers(1, 5_000_000),
    st.integers(0, 5_000_000), st.integers(0, 100_000),
    st.sampled_from(["month", "twice_a_month", "every_two_weeks", "every_week", "year", "hour"]),
    st.booleans())

valid_inputs = st.one_of(
    st.tuples(st.just("allocation"), st.builds(
        lambda payment, orders: {"payment": payment, "orders": orders},
        gen.money_json, gen.orders_json)),
    st.tuples(st.just("order_end"), gen.order_end_inputs()),
    st.tuples(st.just("review"), gen.review_inputs()),
    st.tuples(st.just("support_amount"), support_amount_inputs))


@gen.SETTINGS
@given(case=valid_inputs)
def test_for_every_valid_input_spanish_and_english_differ_only_in_words(
        case: tuple[str, dict[str, Any]]) -> None:
    name, payload = case
    english = api.run(name, payload, today=TODAY)
    spanish = api.run(name, payload, today=TODAY, lang="es")
    assert without_text(spanish) == without_text(english)
    if english["ok"]:  # two incomes that round to $0 are refused, in both languages
        assert figures(spanish["steps"])[0] == figures(english["steps"])[0]
        assert figures(spanish["steps"])[2] == figures(english["steps"])[2]


@gen.SETTINGS
@given(name=st.sampled_from(api.NAMES), payload=gen.near_valid_payloads())
def test_for_every_input_the_same_fields_have_problems_in_both_languages(name: str,
                                                                         payload: Any) -> None:
    english = api.run(name, payload, today=TODAY)
    spanish = api.run(name, payload, today=TODAY, lang="es")
    assert without_text(spanish) == without_text(english)


def test_a_message_about_an_order_or_a_parent_names_it_first() -> None:
    """In Spanish a member of a group is named after its group, and the sentence goes on in
    lower case after the colon."""
    allocation = api.run("allocation", {"lang": "es", "payment": "1",
                                        "orders": [{"current_due": "x"}]})
    assert allocation["errors"] == [{"field": "orders[0].current_due", "message": (
        'Orden 1: en el campo «Manutención actual que se debe», escriba un número como 1000 o '
        '1000.00, sin "$" ni comas.')}]
    support = api.run("support_amount", {"lang": "es", "children": 1, "paying_parent": {
        "gross_income": "1000"}, "receiving_parent": {}})
    assert support["errors"] == [{"field": "receiving_parent.gross_income", "message": (
        "Padre que recibe la manutención: complete el campo «Ingreso bruto».")}]
