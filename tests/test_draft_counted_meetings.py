"""Several high-level meetings in one paragraph ("to convene two high-level meetings of one day each") are that
many meetings of the stated length, in the six languages; one high-level meeting of two plenary meetings stays one."""

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
