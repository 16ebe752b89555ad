"""Statements in the six languages on drafts a body would recommend to another, and the grammar
around counts and single requests (issues 11 and 15).

A draft that a functional commission recommends to the Economic and Social Council (or the Council
to the General Assembly) is adopted by the body it is recommended to: paragraph 1 names both, and
the requests are that body's, in every language. Spanish contracts "de el párrafo" to "del párrafo";
agenda items are numbered as each language numbers its items; counted reports and meetings take a
count word and the plural, not "Rapports (5)"; one request is "the request".
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pbi.costing.api import cost_file
from pbi.render import render_note
from pbi.render.nouns import plural_phrase

from _paths import ROOT

DATA = ROOT / "tests" / "data" / "recommended"
CSW = DATA / "csw-draft-to-council.yaml"
COUNTS = DATA / "counted-activities.yaml"
ECOSOC_TO_GA = ROOT / "notes" / "e-2011-30" / "draft-resolution-a-i.yaml"


def _text(path: object, lang: str) -> str:
    text = render_note(cost_file(path), lang, "text", kind="statement")  # type: ignore[arg-type]
    assert isinstance(text, str)
    return text.replace("\u00a0", " ").replace("\u202f", " ")  # the languages' no-break spaces


def _paragraph_1(text: str, lang: str) -> str:
    start = "1 - " if lang == "ar" else "1. "
    return next(line for line in text.splitlines() if line.startswith(start))


RECOMMENDED = {
    "en": ("which the Commission on the Status of Women would recommend to the Economic and Social Council "
           "for adoption, the Economic and Social Council would:"),
    "zh": "妇女地位委员会将建议经济及社会理事会通过该草案，经济及社会理事会将：",
    "fr": ("que la Commission de la condition de la femme recommanderait au Conseil économique et social "
           "d’adopter, le Conseil économique et social :"),
    "es": ("que la Comisión de la Condición Jurídica y Social de la Mujer recomendaría al Consejo Económico y "
           "Social para su aprobación, el Consejo Económico y Social:"),
    "ru": ("который Комиссия по положению женщин рекомендовала бы Экономическому и Социальному Совету принять, "
           "Экономический и Социальный Совет:"),
    "ar": "الذي ستوصي لجنة وضع المرأة المجلس الاقتصادي والاجتماعي باعتماده، سيقوم المجلس الاقتصادي والاجتماعي بما يلي:",
}


@pytest.mark.parametrize("lang", sorted(RECOMMENDED))
def test_a_draft_recommended_to_another_body_is_that_body_s_in_every_language(lang: str) -> None:
    assert _paragraph_1(_text(CSW, lang), lang).endswith(RECOMMENDED[lang])


@pytest.mark.parametrize(("lang", "subject"), [
    ("fr", "que le Conseil économique et social recommanderait à l’Assemblée générale d’adopter, l’Assemblée générale :"),
    ("es", "que el Consejo Económico y Social recomendaría a la Asamblea General para su aprobación, la Asamblea General:"),
    ("ru", "который Экономический и Социальный Совет рекомендовал бы Генеральной Ассамблее принять, Генеральная Ассамблея:"),
    ("ar", "الذي سيوصي المجلس الاقتصادي والاجتماعي الجمعية العامة باعتماده، ستقوم الجمعية العامة بما يلي:"),
])
def test_the_council_s_draft_for_the_assembly_names_the_assembly(lang: str, subject: str) -> None:
    text = _text(ECOSOC_TO_GA, lang)
    assert _paragraph_1(text, lang).endswith(subject)
    if lang == "ru":  # the requests agree with their subject, the Assembly (feminine)
        assert "    a) предложила бы государствам-членам" in text


def test_spanish_contracts_de_el_parrafo() -> None:
    text = _text(CSW, "es")
    assert "En virtud del párrafo 5 de la parte dispositiva" in text
    assert "de el " not in text and " a el " not in text


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Agenda item 3 (c)"), ("zh", "议程项目 3 (c)"), ("fr", "Point 3 c) de l’ordre du jour"),
    ("es", "Tema 3 c) del programa"), ("ru", "Пункт 3 (c) повестки дня"), ("ar", "البند 3 (ج) من جدول الأعمال"),
])
def test_agenda_items_are_numbered_as_each_language_numbers_them(lang: str, line: str) -> None:
    assert line in _text(CSW, lang).splitlines()


@pytest.mark.parametrize(("lang", "single"), [
    ("en", "In order to implement the request, "), ("fr", "Pour donner suite à la demande, "),
    ("es", "Para aplicar la solicitud, "), ("ru", "Для выполнения просьбы потребуется"), ("ar", "لتنفيذ الطلب، "),
])
def test_one_request_is_the_request(lang: str, single: str) -> None:
    assert single in _text(CSW, lang)


@pytest.mark.parametrize(("lang", "reports", "sessions"), [
    ("en", "Five reports (8,500 words each", "Two five-day meetings (ten meetings each"),
    ("fr", "Cinq rapports (8 500 mots chacun", "Deux réunions d’une durée de cinq jours"),
    ("es", "Cinco informes (8.500 palabras cada uno", "Dos reuniones de cinco días"),
    # langs5: counted meetings state their days in Russian too, as one meeting does
    ("ru", "5 докладов (8 500 слов каждый", "2 совещания продолжительностью 5 дней (10 заседаний каждое"),
    ("ar", "5 تقارير (8 500 كلمة", "اجتماعان مدة كل منهما 5 أيام"),
])
def test_counted_reports_and_meetings_take_the_plural(lang: str, reports: str, sessions: str) -> None:
    text = _text(COUNTS, lang)
    assert reports in text and sessions in text
    assert "(5)" not in text and "(2)" not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_meetings_of_travelling_experts_stay_two_meetings(lang: str) -> None:
    """Travel of a meeting's participants counted twice: two meetings of 12 participants each (24
    trips), not one meeting of 12."""
    text = _text(COUNTS, lang)
    assert {"en": "Two two-day meetings in Geneva (travel of 12 participants each",
            "zh": "在日内瓦举行两次为期两天的会议（每次 12 名与会者的旅费"}[lang] in text


@pytest.mark.parametrize(("lang", "line"), [("en", "3 November 2025"), ("fr", "3 novembre 2025"),
                                            ("es", "3 de noviembre de 2025"), ("ar", "3 November 2025")])
def test_the_word_masthead_carries_the_statement_s_own_date(tmp_path: Path, lang: str, line: str) -> None:
    """``dated`` is the date of the statement: the masthead prints it (not only a pricing date)."""
    docx = pytest.importorskip("docx")
    spec = tmp_path / "dated.yaml"
    spec.write_text(CSW.read_text(encoding="utf-8").replace('budget_period: "2026"\n',
                                                            'budget_period: "2026"\ndated: 2025-11-03\n'),
                    encoding="utf-8")
    data = render_note(cost_file(spec), lang, "docx", kind="statement")
    assert isinstance(data, bytes)
    head = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs[:6]]
    assert line in head


@pytest.mark.parametrize(("phrase", "lang", "plural"), [
    ("le rapport du Secrétaire général", "fr", "rapports du Secrétaire général"),
    ("réunion-débat", "fr", "réunions-débats"), ("atelier régional", "fr", "ateliers régionaux"),
    ("réunion d'un groupe d'experts", "fr", "réunions d'un groupe d'experts"),
    ("el informe del Secretario General", "es", "informes del Secretario General"),
    ("reunión regional", "es", "reuniones regionales"), ("mesa redonda", "es", "mesas redondas"),
    ("país", "es", "países"), ("análisis", "es", "análisis"), ("доклад", "ru", "доклад"),
])
def test_a_label_takes_the_plural(phrase: str, lang: str, plural: str) -> None:
    assert plural_phrase(phrase, lang) == plural


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "a) Deux rapports (10 700 mots chacun, dans les six langues officielles), en 2025."),
    ("es", "a) Dos informes (10.700 palabras cada uno, en los seis idiomas oficiales), en 2025."),
])
def test_a_labelled_count_is_a_count_word_and_the_plural(lang: str, line: str) -> None:
    text = _text(DATA / "hrc-labelled-counts.yaml", lang)
    assert line in text and "(2)" not in text


@pytest.mark.parametrize(("lang", "line"), [
    # one trip is one traveller's (langs4)
    ("en", "One trip of a staff member with one day of subsistence allowance, in 2026"),
    ("fr", "Un voyage d’un fonctionnaire, avec un jour d’indemnité journalière de subsistance, en 2026"),
    ("es", "Un viaje de un funcionario, con un día de dietas, en 2026"),
    ("ru", "1 поездка сотрудника с выплатой суточных за 1 день, 2026 год"),
])
def test_one_trip_has_no_each(lang: str, line: str) -> None:
    assert line in _text(COUNTS, lang)
