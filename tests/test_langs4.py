"""A fourth editor's reading of the six languages (specs in tests/data/langs4): the defects found there,
tested on other shapes than the ones read (other years, bodies, counts and places), and read back by
``pbi check`` with no error.

- meeting services as one list, the two kinds of records named once in Russian, documentation ending the
  list and a list inside a list closed with ", and" / « , ainsi que » / «, así como» / «, а также»;
- weeks of meetings said as days are (en, fr, es, ru, ar statements; ru and ar financial notes);
- one meeting counted, not "A meeting (one meeting …)" (en);
- one trip of one traveller: "One trip of a staff member", « un voyage d’un expert », «1 поездка представителя»;
- Arabic duals in the nominative after «لما يلي:»; zh 一次 (not 1次), 信息技术支助, section 16 as 第 16 款 after 2010-2011;
- the French masthead's "Original : anglais" with a no-break space.
"""

from __future__ import annotations

import io
from typing import Any

import pytest

from pbi.render import render_note

from _notes import estimate, note_text
from test_delegate_roundtrip import round_trip


def _estimate(activities: list[dict[str, Any]], *, body: str = "general-assembly", period: str = "2025",
              rule: str = "153") -> Any:
    return estimate(activities, symbol="A/C.2/80/L.77", paragraph="3", period=period, body=body, rule=rule)


def _meeting(**more: Any) -> dict[str, Any]:
    return {"id": "m", "kind": "meeting", "interpretation": True, "languages": 6, "location": "Geneva",
            "year": 2025, "funding": "regular_budget", "section": "Section 2", **more}


def _trip(travellers: str, trips: int = 1, **more: Any) -> dict[str, Any]:
    return {"id": f"t-{travellers}", "kind": "travel", "trips": trips, "dsa_days": 4, "travellers": travellers,
            "location": "Geneva", "year": 2025, "funding": "regular_budget", "section": "Section 24", **more}


def _docs(n: int = 1, words: int = 9000) -> dict[str, Any]:
    return {"id": "d", "kind": "documentation", "words": words, "documents": n, "languages": 6,
            "location": "Geneva", "year": 2025, "funding": "regular_budget", "section": "Section 2"}


# -- meeting services: one list ------------------------------------------------------------------------------


def test_russian_names_both_kinds_of_records_once_in_statements_and_notes() -> None:
    est = _estimate([_meeting(days=2, summary_records=True, verbatim_records=True, sound=True)])
    statement = note_text(est, "ru", "statement")
    note = note_text(est, "ru", "financial_note")
    for text in (statement, note):
        assert "подготовкой кратких и стенографических отчетов" in text
        assert "подготовкой кратких отчетов, подготовкой" not in text and "отчетов и подготовкой" not in text
    assert "с устным переводом на шесть языков, подготовкой кратких и стенографических отчетов и " \
           "звукотехническим обслуживанием" in note
    for kind in ("statement", "financial_note"):
        assert round_trip(est, kind, "ru") == ([], set())


@pytest.mark.parametrize("lang, ending", [
    ("en", "webcasting, IT support and documentation."),
    ("ru", "веб-трансляцией, поддержкой в области ИТ и документационным обслуживанием."),
])
def test_documentation_ends_the_list_of_services(lang: str, ending: str) -> None:
    est = _estimate([_meeting(days=1, webcasting=True, it_support=True), _docs()])
    text = note_text(est, lang, "financial_note")
    assert ending in text
    assert " and IT support and " not in text and "в области ИТ и документационным" not in text.replace(ending, "")
    assert round_trip(est, "financial_note", lang) == ([], set())


@pytest.mark.parametrize("lang, joined, not_joined", [
    ("en", "IT support, conference services, and ", " and IT support and "),
    ("fr", "appui informatique, les services de conférence, ainsi que ", "appui informatique et les services"),
    ("es", "apoyo informático, servicios de conferencias, así como ", "apoyo informático y servicios"),
    ("ru", "поддержкой в области ИТ, а также ", "в области ИТ и документация"),
])
def test_a_list_inside_a_list_is_closed_without_a_second_and(lang: str, joined: str, not_joined: str) -> None:
    # what one amount pays for: a meeting with its services, conference services, documents
    est = _estimate([_meeting(days=1, webcasting=True, it_support=True), _docs(1, 6000)])
    text = note_text(est, lang, "financial_note")
    assert not_joined not in text
    if lang != "en":  # English names the meeting's conference services inside its own clause
        assert joined in text
    assert round_trip(est, "financial_note", lang) == ([], set())


@pytest.mark.parametrize("lang, said", [
    ("en", "sound technicians and IT support"), ("fr", "techniciens du son et appui informatique"),
    ("es", "técnicos de sonido y apoyo informático"), ("zh", "音响技术人员及信息技术支助"),
])
def test_sound_is_one_service_in_statements(lang: str, said: str) -> None:
    est = _estimate([_meeting(days=1, sound=True, it_support=True)])
    assert said in note_text(est, lang, "statement")
    assert round_trip(est, "statement", lang) == ([], set())


def test_chinese_notes_say_it_support_as_statements_do_and_check_reads_it() -> None:
    est = _estimate([_meeting(days=1, it_support=True)])
    for kind in ("statement", "financial_note"):
        text = note_text(est, "zh", kind)
        assert "信息技术支助" in text and "信息技术支持" not in text
        assert round_trip(est, kind, "zh") == ([], set())


# -- weeks and single meetings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang, said", [
    ("en", "A two-week meeting (20 meetings, with interpretation"),
    ("fr", "Une réunion d’une durée de deux semaines (20 séances, avec interprétation"),
    ("es", "Una reunión de dos semanas (20 sesiones, con interpretación"),
    ("ru", "совещание продолжительностью 2 недели (20 заседаний с устным переводом"),
    ("ar", "اجتماع واحد مدته أسبوعان (20 جلسة مع توفير الترجمة الشفوية"),
])
def test_weeks_of_meetings_are_said_as_days_are_in_statements(lang: str, said: str) -> None:
    est = _estimate([_meeting(weeks=2, summary_records=True)], body="human-rights-council")
    text = note_text(est, lang, "statement")
    assert said in text
    assert round_trip(est, "statement", lang) == ([], set())


@pytest.mark.parametrize("lang, said", [
    ("ru", "провести 20 заседаний (2 недели) в Женеве в 2025 году"),
    ("ar", "عقد 20 جلسة (أسبوعان) في جنيف في عام 2025"),
])
def test_weeks_of_meetings_are_counted_in_meetings_in_financial_notes(lang: str, said: str) -> None:
    est = _estimate([_meeting(weeks=2)])
    text = note_text(est, lang, "financial_note")
    assert said in text
    assert "одно совещание" not in text and "اجتماع واحد في" not in text
    assert round_trip(est, "financial_note", lang) == ([], set())


@pytest.mark.parametrize("count, said", [
    (1, "(a) One meeting (with interpretation in the six official languages and webcasting) in Geneva, in 2025"),
    (3, "(a) Three meetings (with interpretation in the six official languages and webcasting) in Geneva, in 2025"),
])
def test_single_meetings_are_counted_not_named_twice(count: int, said: str) -> None:
    est = _estimate([_meeting(meetings=1, count=count, webcasting=True)])
    text = note_text(est, "en", "statement")
    assert said in text
    assert "(one meeting" not in text
    assert round_trip(est, "statement", "en") == ([], set())


def test_chinese_financial_notes_write_one_meeting_in_words() -> None:
    est = _estimate([_meeting(meetings=1)])
    text = note_text(est, "zh", "financial_note")
    assert "举行一次" in text and "举行 1 次" not in text
    assert round_trip(est, "financial_note", "zh") == ([], set())


# -- one trip, one traveller ---------------------------------------------------------------------------------


@pytest.mark.parametrize("travellers, said", [
    ("experts", {"en": "One trip of an expert to Geneva", "fr": "Un voyage d’un expert à destination de Genève",
                 "es": "Un viaje de un experto a Ginebra", "ru": "1 поездка эксперта в Женеву",
                 "ar": "رحلة واحدة لخبير إلى جنيف"}),
    ("representatives", {"en": "One trip of a representative", "fr": "Un voyage d’un représentant",
                         "es": "Un viaje de un representante", "ru": "1 поездка представителя",
                         "ar": "رحلة واحدة لممثل"}),
])
def test_one_trip_is_the_trip_of_one_traveller(travellers: str, said: dict[str, str]) -> None:
    est = _estimate([_trip(travellers)])
    for lang, words in said.items():
        text = note_text(est, lang, "statement")
        assert words in text, lang
        assert round_trip(est, "statement", lang) == ([], set())


@pytest.mark.parametrize("lang, said", [
    ("en", "one trip of a member to Geneva with four days of subsistence allowance and two trips"),
    ("fr", "un voyage d’un membre à destination de Genève avec quatre jours d’indemnité de subsistance et deux"),
    ("es", "un viaje de un miembro con destino a Ginebra con cuatro días de dietas y dos"),
    ("ru", "1 поездка члена"), ("ar", "رحلة واحدة لعضو"),
])
def test_one_trip_in_financial_notes_and_two_stay_plural(lang: str, said: str) -> None:
    est = _estimate([_trip("members"), _trip("staff", 2, id="two")])
    text = note_text(est, lang, "financial_note")
    assert said in text
    assert round_trip(est, "financial_note", lang) == ([], set())


# -- Arabic cases, Chinese section names, the French masthead ------------------------------------------------------


def test_arabic_duals_are_nominative_after_the_colon() -> None:
    est = _estimate([_trip("experts", 2), {"id": "s", "kind": "staff", "grade": "P-4", "work_months": 2,
                                            "location": "Geneva", "year": 2025, "funding": "regular_budget",
                                            "section": "Section 24"}])
    text = note_text(est, "ar", "financial_note")
    assert "لما يلي في عام 2025: رحلتان للخبراء إلى جنيف" in text
    assert "وشهرا عمل لموظف واحد" in text
    assert ": رحلتين" not in text and "وشهري عمل" not in text
    assert round_trip(est, "financial_note", "ar") == ([], set())


@pytest.mark.parametrize("period, label", [("2024", "第 16 款"), ("2010-2011", "第16编")])
def test_section_16_is_a_section_in_chinese_after_2010_2011(period: str, label: str) -> None:
    from pbi.model.vocabulary import section

    sec = section("Section 16")
    year = int(period[:4])
    assert sec.numbered("zh", year=year).replace(" ", "") == label.replace(" ", "")
    assert sec.numbered("zh").replace(" ", "") == "第16编"  # no year: as the COP 5 notes print it


def test_chinese_financial_notes_of_later_budgets_print_section_16_as_a_section() -> None:
    trip = {**_trip("experts", 3, location="Vienna", section="Section 16"), "year": 2027}
    est = _estimate([trip], body="cop-untoc", rule="75", period="2027")
    text = note_text(est, "zh", "financial_note")
    assert "第 16 款" in text and "第16编" not in text and "第 16 编" not in text
    assert round_trip(est, "financial_note", "zh") == ([], set())


def test_the_french_masthead_keeps_the_colon_with_its_word() -> None:
    docx = pytest.importorskip("docx")
    data = render_note(_estimate([_trip("staff", 3)]), "fr", "docx", kind="statement")
    assert isinstance(data, bytes)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "Original\u00a0: anglais" in texts
    assert not any(" :" in t for t in texts)


@pytest.mark.parametrize("lang, said", [
    ("en", "Three work-months of a staff member in the General Service (Other level) category"),
    ("fr", "Trois mois de travail d’un fonctionnaire de la catégorie des services généraux (Autres classes)"),
    ("es", "Tres meses de trabajo de un funcionario del Cuadro de Servicios Generales (otras categorías)"),
    ("ru", "сотрудник категории ОО (ПР) на 3 месяца"),
    ("ar", "لموظف واحد من فئة الخدمات العامة (الرتب الأخرى)"),
    ("zh", "一般事务（其他职等）工作人员三个工作月"),
])
def test_a_general_service_grade_is_no_bracket_in_a_bracket(lang: str, said: str) -> None:
    est = _estimate([{"id": "gs", "kind": "staff", "grade": "GS (Other level)", "work_months": 3, "location": "Geneva",
                      "year": 2025, "funding": "regular_budget", "section": "Section 24"},
                     {"id": "p", "kind": "staff", "grade": "P-2", "work_months": 2, "location": "Geneva",
                      "year": 2025, "funding": "regular_budget", "section": "Section 24"}])
    text = note_text(est, lang, "statement")
    assert said in text
    assert "((" not in text.replace("（（", "((") and "))" not in text.replace("））", "))")
    assert "(P-2)" in text or "（P-2）" in text or "(С-2)" in text or "(ف-2)" in text
    assert round_trip(est, "statement", lang) == ([], set())
