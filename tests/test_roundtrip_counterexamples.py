"""Counterexamples the round-trip properties found, kept as plain tests so that each stays fixed
whatever the draw (tests/test_delegate_roundtrip.py, tests/test_check_languages.py)."""

from __future__ import annotations

import pytest

from pbi.check.quantities import extract
from pbi.costing.engine import cost
from pbi.model.specs import Spec

from test_delegate_roundtrip import round_trip
from test_properties import TABLE


def _spec(*activities: dict[str, object]) -> Spec:
    return Spec.model_validate({
        "symbol": "X/L.1", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "cop-untoc", "rule": "75",
        "budget_period": "2010-2011", "operative_paragraphs": ["3"], "table": "unodc-vienna-2010",
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": list(activities),
                      "text": {"zh": "请秘书处开展第1项工作", "en": "Request the Secretariat to do task 1"}}]})


def test_copies_in_parentheses_are_not_a_count_of_the_document_after_them() -> None:
    q = extract("用于翻译和分发工具(一种语文,1 页,2 份)以及一份以一种语文提供的 1 页的文件。")
    assert q["copies"] == 2
    assert q.get("documents", 1) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_tool_beside_a_document_reads_back(lang: str) -> None:
    spec = _spec({"id": "a0", "kind": "tool_translation", "pages": 1, "languages": 1, "copies": 2,
                  "year": 2010, "funding": "extrabudgetary"},
                 {"id": "a1", "kind": "documentation", "pages": 1, "languages": 1, "year": 2010,
                  "funding": "extrabudgetary"})
    errors, missing = round_trip(cost(spec, TABLE), "financial_note", lang)
    assert errors == [] and missing == set()


def test_a_count_before_the_next_document_in_one_parenthesis_is_its_own() -> None:
    # the Arabic note, as the reader rewrites it: a count comes before its document's pages
    q = extract("$2,000 for documentation in 2010 (one document of 1 pages in one language, "
                "and two documents of 1 pages in one language).")
    assert q["documents_all"] == [1, 2]


@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es", "ru", "ar"])
def test_two_documents_of_the_same_length_read_back(lang: str) -> None:
    from test_check_languages import _every_language

    doc = {"kind": "documentation", "pages": 1, "languages": 1, "year": 2010, "funding": "regular_budget",
           "section": "Part 2"}
    spec = _every_language(_spec({"id": "a0", **doc}, {"id": "a1", **doc, "count": 2}))
    errors, missing = round_trip(cost(spec, TABLE), "financial_note", lang)
    assert errors == [] and missing == set()


@pytest.mark.parametrize(("lang", "count"), [(lang, n) for lang in ("en", "zh", "fr", "es", "ru", "ar") for n in (11, 21, 25, 101)])
def test_eleven_or_more_documents_read_back(lang: str, count: int) -> None:
    # Arabic counts 11 and more with the singular (11 وثيقة), 3 to 10 with the plural (3 وثائق);
    # Russian counts ending in 1 (21, 101 документ) with the singular
    from test_check_languages import _every_language

    doc = {"kind": "documentation", "pages": 1, "languages": 1, "year": 2010, "funding": "extrabudgetary"}
    spec = _every_language(_spec({"id": "a0", **doc, "count": count}))
    errors, missing = round_trip(cost(spec, TABLE), "financial_note", lang)
    assert errors == [] and missing == set()


def test_a_report_left_to_the_budget_process_is_priced_in_the_year_it_is_left_for() -> None:
    """"… a 1,666-word report … is estimated to require resources of $800. The requirements for
    2024 will be considered in the context of the established budgetary process.\""""
    from pbi.model.tables import resolve_table

    spec = Spec.model_validate({
        "symbol": "A/C.3/78/L.99", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "general-assembly",
        "rule": "153", "budget_period": "2023", "operative_paragraphs": ["3"], "table": "un-standard-costs",
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "text": {"en": "Request the work", "zh": "请开展工作"},
                      "activities": [
                          {"id": "a0", "kind": "documentation", "words": 1666, "languages": 1, "year": 2024,
                           "funding": "budget_process"},
                          {"id": "a1", "kind": "staff", "grade": "P-2", "work_months": 1, "year": 2023,
                           "funding": "regular_budget"}]}]})
    errors, missing = round_trip(cost(spec, resolve_table("un-standard-costs")), "financial_note", "en")
    assert errors == [] and missing == set()


@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es", "ru", "ar"])
def test_a_note_priced_in_the_year_of_its_budget_period(lang: str) -> None:
    """A note that names its year only as its budget period's ("au titre du budget-programme de
    2024") is priced in that year, not in the first year the table has values for."""
    from pbi.model.tables import resolve_table
    from test_check_languages import _every_language

    spec = Spec.model_validate({
        "symbol": "X/L.1", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "cop-untoc", "rule": "75",
        "budget_period": "2024", "operative_paragraphs": ["3"], "table": "un-standard-costs",
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "text": {"en": "Request the work", "zh": "请开展工作"},
                      "activities": [
                          {"id": "a0", "kind": "documentation", "pages": 10, "languages": 6, "year": 2024,
                           "funding": "voluntary"},
                          {"id": "a1", "kind": "travel", "trips": 2, "travellers": "experts", "dsa_days": 3,
                           "location": "Geneva", "year": 2024, "funding": "extrabudgetary"}]}]})
    errors, missing = round_trip(cost(_every_language(spec), resolve_table("un-standard-costs")),
                                 "financial_note", lang)
    assert errors == [] and missing == set()


@pytest.mark.parametrize("kind", ["financial_note", "statement"])
@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es", "ru", "ar"])
def test_counts_that_take_the_singular_places_and_general_service_grades(lang: str, kind: str) -> None:
    """Russian writes 2,821 «слово» and 21 «заседание»; a General Service grade, a document processed in
    Geneva and meetings in Nairobi in one amount are each read with their own."""
    from pbi.model.tables import resolve_table
    from test_check_languages import _every_language

    spec = Spec.model_validate({
        "symbol": "A/C.3/79/L.7", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "general-assembly",
        "rule": "153", "budget_period": "2024", "operative_paragraphs": ["3"], "table": "un-standard-costs",
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "text": {"en": "Request the work", "zh": "请开展工作"},
                      "activities": [
                          {"id": "a0", "kind": "staff", "grade": "GS (Other level)", "work_months": 21,
                           "year": 2024, "funding": "regular_budget"},
                          {"id": "a1", "kind": "documentation", "words": 2821, "languages": 1, "location": "Geneva",
                           "year": 2024, "funding": "regular_budget"},
                          {"id": "a2", "kind": "meeting", "meetings": 21, "interpretation": True,
                           "location": "Nairobi", "year": 2024, "funding": "regular_budget"}]}]})
    errors, missing = round_trip(cost(_every_language(spec), resolve_table("un-standard-costs")), kind, lang)
    assert errors == [] and missing == set()


@pytest.mark.parametrize("text, place", [
    ("$11,500 for two trips of staff to Geneva with five days of subsistence allowance each in 2027.", "Geneva"),
    ("$11,500 for two trips of staff to New York with five days of subsistence allowance each.", "New York"),
])
def test_trips_to_a_place_keep_their_days_of_subsistence_allowance(text: str, place: str) -> None:
    q = extract(text)
    assert (q["trips"], q["dsa_days"], q["trips_location"]) == (2, 5, place)


def test_an_eight_thousand_word_report() -> None:
    from pbi.model.tables import resolve_table
    from pbi.render import render_note

    spec = Spec.model_validate({
        "symbol": "A/C.3/79/L.7", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "general-assembly",
        "rule": "153", "budget_period": "2024", "operative_paragraphs": ["3"], "table": "un-standard-costs",
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "text": {"en": "Request a report", "zh": "请提交报告"},
                      "activities": [{"id": "r", "kind": "documentation", "words": 8500, "languages": 6,
                                      "year": 2025, "funding": "budget_process"}]}]})
    text = str(render_note(cost(spec, resolve_table("un-standard-costs")), "en", "text", kind="financial_note"))
    assert "an 8,500-word report" in text


@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es", "ru", "ar"])
def test_each_item_keeps_its_own_duty_station(lang: str) -> None:
    """A meeting in Vienna stated in the lead-in of its list; a staff member and a consultant in
    Nairobi beside a document processed at Headquarters: each is priced at its own station."""
    from pbi.model.tables import resolve_table
    from test_check_languages import _every_language

    spec = Spec.model_validate({
        "symbol": "A/C.3/71/L.7", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "general-assembly",
        "rule": "153", "budget_period": "2016-2017", "operative_paragraphs": ["3", "4"], "table": "un-standard-costs",
        "requests": [
            {"id": "a", "operative_paragraphs": ["3"], "text": {"en": "Request the work", "zh": "请开展工作"},
             "activities": [
                 {"id": "m", "kind": "meeting", "meetings": 1, "interpretation": True, "location": "Vienna",
                  "year": 2016, "funding": "regular_budget"},
                 {"id": "d", "kind": "documentation", "words": 1000, "languages": 1, "year": 2017,
                  "funding": "regular_budget"}]},
            {"id": "b", "operative_paragraphs": ["4"], "text": {"en": "Request more work", "zh": "请开展更多工作"},
             "activities": [
                 {"id": "s", "kind": "staff", "grade": "P-2", "work_months": 1, "location": "Nairobi",
                  "year": 2016, "funding": "regular_budget"},
                 {"id": "c", "kind": "consultant", "work_months": 1, "location": "Nairobi", "year": 2016,
                  "funding": "regular_budget"},
                 {"id": "r", "kind": "documentation", "words": 2804, "languages": 6, "year": 2016,
                  "funding": "regular_budget"}]}]})
    errors, missing = round_trip(cost(_every_language(spec), resolve_table("un-standard-costs")),
                                 "financial_note", lang)
    assert errors == [] and missing == set()


@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es", "ru", "ar"])
def test_two_trips_in_one_amount_are_each_priced(lang: str) -> None:
    from pbi.model.tables import resolve_table
    from test_check_languages import _every_language

    spec = Spec.model_validate({
        "symbol": "A/C.3/79/L.7", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "general-assembly",
        "rule": "153", "budget_period": "2024", "operative_paragraphs": ["3"], "table": "un-standard-costs",
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "text": {"en": "Request the work", "zh": "请开展工作"},
                      "activities": [
                          {"id": "t1", "kind": "travel", "trips": 3, "dsa_days": 5, "location": "Geneva",
                           "travellers": "experts", "year": 2024, "funding": "extrabudgetary"},
                          {"id": "t2", "kind": "travel", "trips": 2, "dsa_days": 1, "location": "New York",
                           "year": 2024, "funding": "extrabudgetary"}]}]})
    errors, missing = round_trip(cost(_every_language(spec), resolve_table("un-standard-costs")),
                                 "financial_note", lang)
    assert errors == [] and missing == set()


def test_a_section_number_is_not_a_count_of_meetings() -> None:
    # a Russian note, as the reader rewrites it: «… по разделу 28 на обслуживание заседаний …»
    assert "meetings" not in extract("по section 28 на meeting services in 2016;")


_LABELLED = """\
symbol: A/C.3/80/L.13
title: {en: A draft resolution, fr: Un projet, es: Un proyecto, ru: Проект, ar: مشروع, zh: 草案}
body: general-assembly
rule: "153"
budget_period: "2026"
table: un-standard-costs
requests:
  - id: a
    activities:
      - {id: panels, kind: meeting, count: 3, days: 1, interpretation: true, languages: 6, location: New York,
         year: 2026, funding: regular_budget, label: {en: panel discussion, fr: réunion-débat, es: mesa redonda}}
      - {id: ws, kind: meeting, count: 5, days: 2, interpretation: true, languages: 6, location: Geneva,
         year: 2026, funding: regular_budget, label: {en: regional workshop, fr: atelier régional, es: taller regional}}
"""


@pytest.mark.parametrize(("lang", "feminine", "masculine"), [
    # langs5: a labelled meeting states its days, as an unlabelled one does (they were dropped)
    ("fr", "Trois réunions-débats d’une durée d’un jour (deux séances chacune,",
     "Cinq ateliers régionaux d’une durée de deux jours (quatre séances chacun,"),
    ("es", "Tres mesas redondas de un día (dos sesiones cada una,", "Cinco talleres regionales de dos días (cuatro sesiones cada uno,"),
])
def test_each_agrees_with_the_labelled_meeting_and_reads_back(tmp_path, lang: str, feminine: str, masculine: str) -> None:
    from pbi.model.specs import load_spec
    from pbi.model.tables import load_table
    from pbi.render import render_note

    from _paths import TABLES

    path = tmp_path / "s.yaml"
    path.write_text(_LABELLED, encoding="utf-8")
    est = cost(load_spec(path), load_table(TABLES / "un-standard-costs.yaml"))
    text = render_note(est, lang, "text", kind="statement")
    assert feminine in text and masculine in text
    assert round_trip(est, "statement", lang) == ([], set())
