"""Requests a new user's drafts had that no blind round held, each tested on a paraphrase of the rule's
example: meeting time a draft asks the Secretary-General to give a treaty body is that body's, serviced
in Geneva, in each year listed; a meeting of a day held at the Council's session is a meeting of that
session (no session of its own, no session report); a study of the Council's Advisory Committee is
the body's document."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_helpers import activities, drafted, rules_of
from test_drafts10_rules import C3, C3_ZH, HRC


@pytest.mark.parametrize("text, days, years", [
    (C3.format(paragraphs="     1.   Also requests the Secretary-General to make available to the Committee against "
                          "Torture additional meeting time of two weeks in 2028;"), "10", [2028]),
    (C3.format(paragraphs="     1.   Requests the Secretary-General to allocate to the Committee on Enforced "
                          "Disappearances three additional days of meetings per year in 2027 and 2028;"), "3", [2027, 2028]),
    (C3_ZH.format(paragraphs="    1.  请秘书长为消除种族歧视委员会增加三天的会议时间；"), "3", None),
], ids=["en-cat", "en-ced-two-years", "zh-cerd"])
def test_meeting_time_for_a_treaty_body_is_serviced_in_geneva(text: str, days: str, years: list[int] | None,
                                                             tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert rules_of(data, "1") == ["during-session"]
    meetings = activities(data, "meeting")
    assert {m["location"] for m in meetings} == {"Geneva"} and {m["days"] for m in meetings} == {days}
    if years:
        assert sorted(m["year"] for m in meetings) == years
    assert any("meets in Geneva" in a for a in data["extra"]["assumptions"])


@pytest.mark.parametrize("sentence, days", [
    ("Decides to hold a full-day meeting on the rights of persons with disabilities at its sixty-ninth session", "1"),
    ("Decides to convene a half-day meeting on the question during its seventieth session", "0.5"),
])
def test_a_meeting_of_a_day_at_the_councils_session_is_a_meeting_of_that_session(sentence: str, days: str,
                                                                                 tmp_path: Path) -> None:
    _, data = drafted(HRC.format(paragraphs=f"     1.   {sentence};"), tmp_path)
    assert rules_of(data, "1") == ["panel"]
    (meeting,) = activities(data, "meeting")
    assert meeting["days"] == days and meeting["location"] == "Geneva"
    assert not activities(data, "documentation")  # no session report: the session is the Council's own


def test_a_study_of_the_advisory_committee_is_a_document_of_the_body(tmp_path: Path) -> None:
    _, data = drafted(HRC.format(paragraphs="     1.   Requests the Advisory Committee to prepare a research-based "
                                            "report on the question and to submit it to the Council at its "
                                            "seventieth session;"), tmp_path)
    assert rules_of(data, "1") == ["body-report"]
    (doc,) = activities(data, "documentation")
    assert doc["location"] == "Geneva"


@pytest.mark.parametrize("text, days", [
    (C3.format(paragraphs="     1.   Decides to convene the high-level comprehensive review of the programme of action "
                          "on 14 and 15 September 2028 in New York;"), "2"),
    (C3.format(paragraphs="     1.   Also decides to hold the high-level midterm review from 3 to 5 May 2028;"), "3"),
    (C3_ZH.format(paragraphs="    1.  决定于2028年9月14日至15日在纽约召开高级别会议，全面审查行动纲领的执行情况；"), "2"),
], ids=["en-on-and", "en-from-to", "zh"])
def test_a_high_level_review_lasts_the_days_of_its_dates(text: str, days: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert rules_of(data, "1") == ["high-level-meeting"]
    (meeting,) = activities(data, "meeting")
    assert meeting["days"] == days


def test_a_preparatory_process_of_two_sessions_is_two_sessions(tmp_path: Path) -> None:
    _, data = drafted(C3.format(paragraphs="     1.   Decides that the preparatory process shall comprise two sessions of "
                                           "an intergovernmental preparatory committee, each of four working days, in "
                                           "New York in 2028;"), tmp_path)
    assert rules_of(data, "1") == ["session"]
    (meeting,) = activities(data, "meeting")
    assert meeting["days"] == "4" and meeting["count"] == 2


HRC_ZH_PARAS = {
    "panel": ("    1.  决定在理事会第六十六届会议上举行一次关于和平权的半天会议；", "0.5"),
    "full-day": ("    1.  还决定在第六十七届会议期间举办一次全天会议，讨论妇女权利问题；", "1"),
}


@pytest.mark.parametrize("key", list(HRC_ZH_PARAS))
def test_zh_a_meeting_of_a_day_at_the_councils_session(key: str, tmp_path: Path) -> None:
    from test_drafts10_rules import HRC_ZH

    paragraph, days = HRC_ZH_PARAS[key]
    _, data = drafted(HRC_ZH.format(paragraphs=paragraph), tmp_path)
    assert rules_of(data, "1") == ["panel"]
    (meeting,) = activities(data, "meeting")
    assert meeting["days"] == days and not activities(data, "documentation")


def test_zh_a_term_extended_and_the_advisory_committees_study(tmp_path: Path) -> None:
    from test_drafts10_rules import HRC_ZH

    _, data = drafted(HRC_ZH.format(paragraphs="    1.  决定将适足住房问题特别报告员的任期再延长三年；\n\n"
                                               "    2.  请人权理事会咨询委员会开展一项关于新技术的研究，并向理事会第七十届会议提交报告；"),
                      tmp_path)
    assert rules_of(data, "1") == ["mandate"] and rules_of(data, "2") == ["body-report"]


CND = ("United Nations                                                   E/CN.15/2028/L.9\nEconomic and Social Council\n\n"
       "Commission on Crime Prevention and Criminal Justice\nThirty-seventh session\nVienna, 15-19 May 2028\n"
       "Agenda item 6\n\n          Draft resolution\n\n          A question\n\n"
       "     The Commission on Crime Prevention and Criminal Justice,\n\n{paragraphs}\n")


@pytest.mark.parametrize("paragraph, days", [
    ("Requests the United Nations Office on Drugs and Crime to convene, in 2028, an open-ended intergovernmental "
     "expert group meeting of four days, with interpretation in all official languages, on cybercrime", "4"),
    ("Requests the Office to hold an expert group meeting on trafficking in cultural property in 2028, with "
     "simultaneous interpretation", "3"),
])
def test_an_expert_meeting_with_interpretation_is_priced_as_its_meeting_services(paragraph: str, days: str,
                                                                                 tmp_path: Path) -> None:
    _, data = drafted(CND.format(paragraphs=f"     1.   {paragraph};"), tmp_path)
    (meeting,) = activities(data, "meeting")
    assert meeting["interpretation"] is True and meeting["days"] == days and meeting["location"] == "Vienna"
    assert meeting["section"] == "Section 2"  # conference services, not the Office's section
    assert not activities(data, "travel")  # the experts' travel is their Governments'


def test_an_expert_meeting_without_interpretation_is_still_the_experts_travel(tmp_path: Path) -> None:
    _, data = drafted(CND.format(paragraphs="     1.   Requests the Office to convene an expert group meeting of "
                                            "fifteen experts on victim support in 2028;"), tmp_path)
    (travel,) = activities(data, "travel")
    assert travel["trips"] == "15"


def test_meetings_counted_once(tmp_path: Path) -> None:
    _, data = drafted(CND.format(paragraphs="     1.   Requests the Office to convene four meetings of three hours each "
                                            "of an open-ended intergovernmental working group in Vienna in 2028, with "
                                            "interpretation in the six official languages;"), tmp_path)
    meetings = activities(data, "meeting")
    assert [(m.get("meetings"), m.get("count", 1)) for m in meetings] == [("4", 1)]
