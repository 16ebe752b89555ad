"""A fifth editor's reading of the six languages (specs in tests/data/langs5): what English states and another
language dropped or got wrong, tested on other shapes than the ones read (other years, places, counts and
labels), each note read back by ``pbi check`` with no error.

- a labelled meeting states its days, half day or weeks in French, Spanish and Russian statements as English
  does ("A two-day high-level meeting" was « Réunion de haut niveau (quatre séances …) »), and the meetings of
  its weeks (fr, es, ru, ar: « une semaine de séances » where English counts ten meetings);
- a labelled meeting of travellers states its days (fr, es, ru, ar: "A three-day expert group meeting");
- a label named alone takes its article (« Une réunion de haut niveau », «Un informe del período de sesiones»,
  "that the working group would hold", « le rapport de la session (16 pages) »);
- half a day in words (« d’une demi-journée », «de medio día», «продолжительностью полдня», "lasting half a day"),
  not « 0,5 jour ».
"""

from __future__ import annotations

from typing import Any

import pytest

from _notes import estimate, note_text
from test_delegate_roundtrip import round_trip

HIGH_LEVEL = {"en": "high-level meeting", "zh": "高级别会议", "fr": "réunion de haut niveau", "es": "reunión de alto nivel",
              "ru": "совещание высокого уровня", "ar": "اجتماع رفيع المستوى"}
SESSION = {"en": "session of the review conference", "zh": "审议会议", "fr": "session de la conférence d’examen",
           "es": "período de sesiones de la conferencia de examen", "ru": "сессия обзорной конференции",
           "ar": "دورة المؤتمر الاستعراضي"}
REPORT = {"en": "report of the session", "zh": "会议报告", "fr": "rapport de la session", "es": "informe del período de sesiones",
          "ru": "доклад о работе сессии", "ar": "تقرير الدورة"}
WORKING_GROUP = {"en": "working group", "zh": "工作组", "fr": "groupe de travail", "es": "grupo de trabajo",
                 "ru": "рабочая группа", "ar": "الفريق العامل"}
WORKSHOP = {"en": "regional workshop", "zh": "区域讲习班", "fr": "atelier régional", "es": "taller regional",
            "ru": "региональный семинар", "ar": "حلقة العمل الإقليمية"}
EXPERTS = {"en": "expert group meeting", "zh": "专家组会议", "fr": "réunion d’un groupe d’experts",
           "es": "reunión de un grupo de expertos", "ru": "совещание группы экспертов", "ar": "اجتماع فريق الخبراء"}


def _estimate(activities: list[dict[str, Any]], *, period: str = "2026") -> Any:
    return estimate(activities, symbol="A/C.3/81/L.19", paragraph="7", period=period)


def _meeting(label: dict[str, str] | None = None, **more: Any) -> dict[str, Any]:
    return {"id": "m", "kind": "meeting", "interpretation": True, "languages": 6, "location": "Vienna",
            "year": 2026, "funding": "regular_budget", "section": "Section 2",
            **({"label": label} if label else {}), **more}


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "A two-day high-level meeting (four meetings,"),
    ("fr", "a) Une réunion de haut niveau d’une durée de deux jours (quatre séances,"),
    ("es", "a) Una reunión de alto nivel de dos días (cuatro sesiones,"),
    ("ru", "a) совещание высокого уровня продолжительностью 2 дня (4 заседания"),
    ("ar", "اجتماع رفيع المستوى مدته يومان (4 جلسات"),
    ("zh", "举行一次为期两天的高级别会议（四场会议"),
])
def test_a_labelled_meeting_states_its_days(lang: str, said: str) -> None:
    est = _estimate([_meeting(HIGH_LEVEL, days=2)])
    assert said in note_text(est, lang, "statement")
    assert round_trip(est, "statement", lang) == ([], set())


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "Une réunion de haut niveau d’une demi-journée (une séance,"),
    ("es", "Una reunión de alto nivel de medio día (una sesión,"),
    ("ru", "совещание высокого уровня продолжительностью полдня (1 заседание"),
])
def test_a_labelled_half_day_in_words(lang: str, said: str) -> None:
    est = _estimate([_meeting(HIGH_LEVEL, days="0.5")])
    assert said in note_text(est, lang, "statement")
    assert round_trip(est, "statement", lang) == ([], set())


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "Deux réunions d’une demi-journée (une séance chacune,"),
    ("es", "Dos reuniones de medio día (una sesión cada una,"),
    ("ru", "2 совещания продолжительностью полдня (1 заседание каждое"),
])
def test_counted_half_days_in_words(lang: str, said: str) -> None:
    est = _estimate([_meeting(days="0.5", count=2)])
    text = note_text(est, lang, "statement")
    assert said in text and "0,5" not in text
    assert round_trip(est, "statement", lang) == ([], set())


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "lasting half a day"),
    ("fr", "d’une durée d’une demi-journée"),
    ("es", "de medio día de duración"),
])
def test_financial_notes_say_half_a_day_in_words(lang: str, said: str) -> None:
    est = _estimate([_meeting(HIGH_LEVEL, days="0.5")])
    text = note_text(est, lang, "financial_note")
    assert said in text and "0,5" not in text and "0.5" not in text
    assert round_trip(est, "financial_note", lang) == ([], set())


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "A two-week session of the review conference (20 meetings,"),
    ("fr", "Une session de la conférence d’examen d’une durée de deux semaines (20 séances,"),
    ("es", "Un período de sesiones de la conferencia de examen de dos semanas (20 sesiones,"),
    ("ru", "сессия обзорной конференции продолжительностью 2 недели (20 заседаний"),
    ("ar", "دورة المؤتمر الاستعراضي مدتها أسبوعان (20 جلسة"),
])
def test_a_labelled_meeting_in_weeks_counts_its_meetings(lang: str, said: str) -> None:
    est = _estimate([_meeting(SESSION, weeks=2, location="Geneva")])
    assert said in note_text(est, lang, "statement")
    assert round_trip(est, "statement", lang) == ([], set())


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "(réunion d’un groupe d’experts, d’une durée de cinq jours) à destination de Genève"),
    ("es", "(reunión de un grupo de expertos, de cinco días de duración) a Ginebra"),
    ("ru", "(совещание группы экспертов, продолжительностью 5 дней) в Женеву"),
    ("ar", "اجتماع فريق الخبراء مدته 5 أيام إلى جنيف"),
])
def test_a_labelled_meeting_of_travellers_states_its_days(lang: str, said: str) -> None:
    est = _estimate([{"id": "egm", "kind": "travel", "days": 5, "participants": 8, "trips": 8, "dsa_days": 6,
                      "travellers": "experts", "location": "Geneva", "year": 2026, "funding": "regular_budget",
                      "section": "Section 24", "label": EXPERTS}])
    assert said in note_text(est, lang, "statement")
    assert round_trip(est, "statement", lang) == ([], set())


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "a) Un rapport de la session (9 200 mots,"),
    ("es", "a) Un informe del período de sesiones (9.200 palabras,"),
])
def test_a_label_named_alone_takes_its_article(lang: str, said: str) -> None:
    est = _estimate([{"id": "r", "kind": "documentation", "words": 9200, "documents": 1, "languages": 6,
                      "location": "Vienna", "year": 2026, "funding": "regular_budget", "section": "Section 2",
                      "label": REPORT}])
    assert said in note_text(est, lang, "statement")
    assert round_trip(est, "statement", lang) == ([], set())


@pytest.mark.parametrize(("lang", "label", "said"), [
    ("fr", "le rapport du Secrétariat", "a) Le rapport du Secrétariat ("),
    ("es", "el informe de la Secretaría", "a) El informe de la Secretaría ("),
])
def test_a_label_with_its_article_keeps_it(lang: str, label: str, said: str) -> None:
    est = _estimate([{"id": "r", "kind": "documentation", "words": 9200, "documents": 1, "languages": 6,
                      "location": "Vienna", "year": 2026, "funding": "regular_budget", "section": "Section 2",
                      "label": REPORT | {lang: label}}])
    text = note_text(est, lang, "statement")
    assert said in text and "Un le" not in text and "Un el" not in text


@pytest.mark.parametrize(("lang", "label", "said"), [
    ("en", WORKING_GROUP, "it is envisaged that the working group would hold"),
    ("fr", WORKING_GROUP, "il est prévu que le groupe de travail tienne"),
    ("es", WORKING_GROUP, "se prevé que el grupo de trabajo celebre"),
    ("fr", WORKSHOP, "il est prévu que l’atelier régional tienne"),
    ("es", HIGH_LEVEL, "se prevé que la reunión de alto nivel celebre"),
])
def test_financial_notes_name_the_labelled_meeting_with_its_article(lang: str, label: dict[str, str], said: str) -> None:
    est = _estimate([_meeting(label, days=3, location="Nairobi")])
    assert said in note_text(est, lang, "financial_note")
    assert round_trip(est, "financial_note", lang) == ([], set())
