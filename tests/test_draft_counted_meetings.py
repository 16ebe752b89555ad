"""Meetings counted in a paragraph: several high-level meetings ("to convene two high-level meetings of one day
each") are that many, in the six languages, and one high-level meeting of two plenary meetings stays one; as many
sessions as the years listed ("two sessions … in 2028 and 2029") are one in each year; a preparatory meeting the
President of the Assembly is asked to convene is priced."""

from __future__ import annotations

import pytest
from _drafts import paragraph_two


@pytest.mark.parametrize(("text", "lang"), [
    ("Decides to convene two high-level meetings of one day each in New York in 2027 on access to water;", ""),
    ("决定于2027年在纽约召开两次为期一天的高级别会议；", ""),
    ("Décide de convoquer deux réunions de haut niveau d’une journée à New York en 2027 ;", "fr"),
    ("Decide convocar dos reuniones de alto nivel de un día en Nueva York en 2027;", "es"),
    ("постановляет созвать в 2027 году в Нью-Йорке два однодневных совещания высокого уровня;", "ru"),
    ("تقرر أن تعقد في عام 2027 في نيويورك اجتماعين رفيعي المستوى لمدة يوم واحد؛", "ar"),
])
def test_two_high_level_meetings_are_two(text: str, lang: str) -> None:
    (meeting,) = paragraph_two(text, lang or None)
    assert (meeting["kind"], meeting["count"], str(meeting["days"])) == ("meeting", 2, "1")


def test_one_high_level_meeting_of_two_plenary_meetings_is_one() -> None:
    (meeting,) = paragraph_two("Decides to convene a high-level meeting of one day in New York in 2027 on access to "
                               "water, consisting of two plenary meetings;")
    assert "count" not in meeting and meeting["meetings"] == "2"


@pytest.mark.parametrize(("text", "lang"), [
    ("Decides that the working group shall hold two sessions of three working days each in Vienna in 2028 and 2029;",
     ""),
    ("决定工作组于2028年和2029年在维也纳举行两届会议，每届会期三个工作日；", ""),
    ("Décide que le groupe de travail tiendra deux sessions de trois jours ouvrables chacune à Vienne en 2028 et 2029 ;",
     "fr"),
    ("постановляет, что рабочая группа проведет две сессии продолжительностью по три рабочих дня каждая в Вене в 2028 "
     "и 2029 годах;", "ru"),
])
def test_as_many_sessions_as_years_listed_are_one_a_year(text: str, lang: str) -> None:
    sessions = [a for a in paragraph_two(text, lang or None) if a["kind"] == "meeting"]
    assert [(a["year"], a.get("count"), str(a["days"])) for a in sessions] == [(2028, None, "3"), (2029, None, "3")]


def test_two_sessions_each_year_stay_two_a_year() -> None:
    sessions = [a for a in paragraph_two("Decides that the working group shall hold two sessions of three working days "
                                         "each in Vienna each year in 2028 and 2029;") if a["kind"] == "meeting"]
    assert [(a["year"], a["count"]) for a in sessions] == [(2028, 2), (2029, 2)]


@pytest.mark.parametrize(("text", "lang"), [
    ("Requests the President of the General Assembly to convene, in 2027, a one-day preparatory meeting;", ""),
    ("请大会主席在2027年召集一次为期一天的筹备会议；", ""),
    ("Prie le Président de l'Assemblée générale de convoquer, en 2027, une réunion préparatoire d'une journée ;", "fr"),
    ("Solicita a la Presidencia de la Asamblea General que convoque, en 2027, una reunión preparatoria de un día;",
     "es"),
    ("просит Председателя Генеральной Ассамблеи созвать в 2027 году однодневное подготовительное совещание;", "ru"),
    ("يطلب إلى رئيس الجمعية العامة أن يعقد في عام 2027 اجتماعا تحضيريا مدته يوم واحد؛", "ar"),
])
def test_a_preparatory_meeting_the_president_convenes_is_priced(text: str, lang: str) -> None:
    meeting = next(a for a in paragraph_two(text, lang or None) if a["kind"] == "meeting")
    assert (str(meeting["days"]), meeting["year"], meeting["interpretation"]) == ("1", 2027, True)
