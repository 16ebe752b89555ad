"""Blind round 9, rules and quantities, each on a paraphrase not used to write it: two requests of one
paragraph in two years, sessions named together, "each year" over listed years, a study given to an
outside expert, platforms, informal consultations, assistance to a committee, counted expert meetings,
and the session in the other language."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_helpers import activities, classes_of, drafted, rules_of
from pbi.draft.propose import session_in

EN = ("United Nations                                                   A/C.3/82/L.90\nGeneral Assembly\n\n"
      "Eighty-second session\nThird Committee\n\n          Draft resolution\n\n          A question\n\n"
      "     The General Assembly,\n\n{paragraphs}\n")
ZH = ("联合国                                                           A/C.3/82/L.90\n大会\n\n第八十二届会议\n第三委员会\n\n"
      "         决议草案\n\n         某一问题\n\n    大会，\n\n{paragraphs}\n")


def _years(data: dict, kind: str) -> list[int]:  # type: ignore[type-arg]
    """The years of the activities of one kind, priced or left for a later table (extra.not_costed)."""
    later = [n["year"] for n in data["extra"].get("not_costed", []) if n.get("activity", {}).get("kind") == kind]
    return sorted([a["year"] for a in activities(data, kind)] + later)


@pytest.mark.parametrize("text", [
    EN.format(paragraphs="     1.   Requests the Secretary-General to organize in 2028 a seminar of experts on "
                         "rural ageing, and to report thereon to the General Assembly at its eighty-fourth session;"),
    ZH.format(paragraphs="    1.  请秘书长于2028年召开一次专家组会议，讨论农村老龄化问题，并就此向大会第八十四届会议提交报告；"),
], ids=["en", "zh"])
def test_a_report_is_dated_by_its_own_clause(text: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert _years(data, "documentation") == [2029]
    assert {a["year"] for a in activities(data) if a["kind"] != "documentation"} == {2028}


@pytest.mark.parametrize("text", [
    EN.format(paragraphs="     1.   Requests the Secretary-General to submit reports on the question to the General "
                         "Assembly at its eighty-third and eighty-fifth sessions;"),
    ZH.format(paragraphs="    1.  请秘书长就这一问题向大会第八十三届和第八十五届会议提交报告；"),
], ids=["en", "zh"])
def test_sessions_named_together_each_get_a_report(text: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert _years(data, "documentation") == [2028, 2030]
    assert any("one for each session it names" in a for a in data["extra"]["assumptions"])


def test_sessions_of_the_past_named_together_are_not_repeated(tmp_path: Path) -> None:
    _, data = drafted(EN.format(paragraphs="     1.   Requests the Secretary-General to submit to the General Assembly "
                                           "at its eighty-third session a report that reviews the outcomes of its "
                                           "seventy-ninth and eightieth sessions;"), tmp_path)
    assert _years(data, "documentation") == [2028]


@pytest.mark.parametrize("text", [
    EN.format(paragraphs="     1.   Decides that the open-ended working group shall meet in New York for five "
                         "working days every year in 2028 and 2029;"),
    ZH.format(paragraphs="    1.  决定不限成员名额工作组于2028年和2029年每年在纽约举行为期五个工作日的会议；"),
], ids=["en", "zh"])
def test_each_year_over_the_years_a_paragraph_lists(text: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert _years(data, "meeting") == [2028, 2029]


def test_each_year_without_years_listed_still_prices_one(tmp_path: Path) -> None:
    _, data = drafted(EN.format(paragraphs="     1.   Decides that the open-ended working group shall meet in New York "
                                           "for five working days each year, starting in 2028;"), tmp_path)
    assert _years(data, "meeting") == [2028]


@pytest.mark.parametrize(("text", "months"), [
    (EN.format(paragraphs="     1.   Requests the Secretariat to commission a review of national practice, for four "
                          "months, from an outside consultant;"), "4"),
    (ZH.format(paragraphs="    1.  请秘书处委托一位外部顾问就各国做法开展一项为期五个月的审查；"), "5"),
], ids=["en", "zh"])
def test_work_given_to_an_outside_expert_is_a_consultant(text: str, months: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert "consultant" in rules_of(data, "1")
    assert {str(a.get("work_months")) for a in activities(data) if a["kind"] in ("consultant", "staff")} == {months}


def test_the_independent_expert_of_the_council_is_no_consultant(tmp_path: Path) -> None:
    _, data = drafted(EN.format(paragraphs="     1.   Requests the Secretary-General to transmit the study of the "
                                           "Independent Expert to the Human Rights Council;"), tmp_path)
    assert "consultant" not in rules_of(data, "1")


@pytest.mark.parametrize("text", [
    EN.format(paragraphs="     1.   Requests the Department to keep current the digital data portal on migration;"),
    ZH.format(paragraphs="    1.  请秘书处维护移民问题网上数据门户；"),
], ids=["en", "zh"])
def test_a_platform_named_by_what_it_holds_is_web(text: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert classes_of(data)["1"] == "costed" and "web" in rules_of(data, "1")


@pytest.mark.parametrize(("text", "days"), [
    (EN.format(paragraphs="     1.   Further decides to organize, during its eighty-third session, informal "
                          "deliberations of two days on the question;"), "2"),
    (ZH.format(paragraphs="    1.  又决定在第八十三届会议期间组织为期一天的非正式磋商；"), "1"),
], ids=["en", "zh"])
def test_informal_consultations_the_body_holds_are_meetings(text: str, days: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert "informal-consultations" in rules_of(data, "1")
    (met,) = activities(data, "meeting")
    assert str(met["days"]) == days
    assert not activities(data, "documentation")  # no report of their own


def test_chinese_assistance_to_a_committee_is_servicing(tmp_path: Path) -> None:
    _, data = drafted(ZH.format(paragraphs="    1.  决定设立筹备委员会；\n\n    2.  请秘书长向筹备委员会提供必要的会议服务和支持；"),
                      tmp_path)
    assert classes_of(data)["2"] == "costed" and "servicing" in rules_of(data, "2")


@pytest.mark.parametrize("text", [
    EN.format(paragraphs="     1.   Requests the Office to convene three regional expert group meetings in Geneva in 2028;"),
    ZH.format(paragraphs="    1.  请秘书长于2028年在日内瓦召集三次专家组会议；"),
], ids=["en", "zh"])
def test_counted_expert_meetings(text: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    (met,) = [a for a in activities(data) if a["kind"] in ("expert_meeting", "travel")]
    assert met.get("count") == 3


@pytest.mark.parametrize(("session", "lang", "other"), [
    ("Seventy-ninth session", "zh", "第七十九届会议"), ("Thirty-seventh session", "zh", "第三十七届会议"),
    ("2029 session", "zh", "2029年届会"), ("第六十一届会议", "en", "Sixty-first session"),
    ("第十届会议", "en", "Tenth session"), ("2027年届会", "en", "2027 session"),
    ("Resumed session", "zh", None), ("特别会议", "en", None),
])
def test_a_session_in_the_other_language(session: str, lang: str, other: str | None) -> None:
    assert session_in(session, lang) == other


def test_the_other_language_note_says_what_is_untranslated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pbi.cli import main

    spec, data = drafted(ZH.format(paragraphs="    1.  请秘书长向大会第八十三届会议提交一份报告；"), tmp_path)
    assert data["session"] == {"zh": "第八十二届会议", "en": "Eighty-second session"}
    assert data["title"] == {"zh": "某一问题"}  # the draft's words are not copied into the English fields
    assert any("are in Chinese only" in a for a in data["extra"]["assumptions"])
    capsys.readouterr()
    assert main(["note", str(spec), "--lang", "en"]) == 2
    assert "title: no en text (zh: '某一问题')" in capsys.readouterr().err
    assert main(["note", str(spec), "--lang", "en", "--quote-untranslated"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("Eighty-second session") and "“某一问题”" in out.out
    assert "title: no en text, quoted in zh" in out.err


def test_panels_held_in_parallel_do_not_convene_the_meeting_again(tmp_path: Path) -> None:
    text = EN.format(paragraphs=(
        "     1.   Decides that the high-level meeting on road safety, mobility and health shall be convened on "
        "20 September 2028 in New York, for one day;\n\n"
        "     2.   Also decides that the high-level meeting shall include a plenary segment and three interactive "
        "round tables, and that the round tables shall be held in the afternoon;"))
    _, data = drafted(text, tmp_path)
    assert rules_of(data, "2") == ["meeting-segments"]
    hlm = [a for a in activities(data, "meeting") if "high-level" in a["label"]["en"]]
    assert len(hlm) == 1
    (tables,) = [a for a in activities(data, "meeting") if a not in hlm]
    assert tables.get("count") == 3


def test_chinese_segments_are_counted(tmp_path: Path) -> None:
    text = ZH.format(paragraphs=("    1.  决定于2028年9月在纽约召开为期一天的道路安全问题高级别会议；\n\n"
                                 "    2.  又决定高级别会议应包括一个全体会议和三个互动式圆桌会议；"))
    _, data = drafted(text, tmp_path)
    (tables,) = [a for a in activities(data, "meeting") if "high-level" not in a["label"]["en"]]
    assert tables.get("count") == 3
