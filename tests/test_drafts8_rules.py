"""Blind round 8, rules and quantities, each on a paraphrase not used to write it: a body of independent
experts and its sessions, serving as a conference's secretariat, an intergovernmental consultation the
secretariat convenes, reports issued in all languages, word limits and years given in footnotes or as
another commission's session, a session after the periods a note covers."""

from __future__ import annotations

from pathlib import Path

from draft_helpers import activities, classes_of, drafted, rules_of

EN = "Draft resolution\n\nA question\n\nThe {body},\n\n{paragraphs}\n"
ZH = "决议草案\n\n某一问题\n\n{body}，\n\n{paragraphs}\n"


def test_working_group_of_independent_experts_meets_as_its_members(tmp_path: Path) -> None:
    text = EN.format(body="Human Rights Council", paragraphs=(
        "1. Decides to set up, for three years, a Working Group on the rights of seafarers, made up of four "
        "independent experts serving in their personal capacity;\n\n"
        "2. Decides that the Working Group shall meet in Geneva for two sessions a year, each of four days;\n\n"
        "3. Calls upon States to cooperate with the Working Group."))
    _, data = drafted(text, tmp_path)
    assert "session" not in rules_of(data, "1")  # a special procedure, not an intergovernmental body
    assert "new-mandate" in rules_of(data, "1")
    assert not activities(data, "meeting")  # no interpretation, no session report
    (met,) = [a for a in activities(data) if a["id"].startswith("b-")]
    assert met["kind"] in ("expert_meeting", "travel")
    assert str(met.get("participants", met.get("trips"))) == "4"
    assert met.get("count") == 2


def test_chinese_working_group_of_independent_experts(tmp_path: Path) -> None:
    text = ZH.format(body="人权理事会", paragraphs=(
        "1.  决定设立土著青年问题工作组，由七名以个人身份任职的独立专家组成，任期三年；\n\n"
        "2.  还决定工作组每年在日内瓦举行两届会议，每届会议为期四天；\n\n3.  鼓励各国与工作组合作。"))
    _, data = drafted(text, tmp_path)
    assert "session" not in rules_of(data, "1")
    assert not activities(data, "meeting")
    (met,) = [a for a in activities(data) if a["id"].startswith("b-")]
    assert str(met.get("participants", met.get("trips"))) == "7"
    assert met.get("count") == 2


def test_an_intergovernmental_working_group_still_holds_sessions(tmp_path: Path) -> None:
    text = EN.format(body="General Assembly", paragraphs=(
        "1. Decides to establish an open-ended intergovernmental working group on ocean acidification;\n\n"
        "2. Decides that the working group shall hold two sessions of five days in New York in 2028."))
    _, data = drafted(text, tmp_path)
    assert activities(data, "meeting")
    assert not activities(data, "expert_meeting") and not activities(data, "travel")


def test_acting_as_secretariat_of_a_conference_is_servicing(tmp_path: Path) -> None:
    text = EN.format(body="General Assembly", paragraphs=(
        "1. Welcomes the entry into force of the Protocol;\n\n"
        "2. Requests the Department to function as the secretariat for the meeting of the States Parties to the Protocol."))
    _, data = drafted(text, tmp_path)
    assert classes_of(data)["2"] == "costed" and "servicing" in rules_of(data, "2")
    zh = ZH.format(body="大会", paragraphs="1.  欢迎议定书生效；\n\n2.  请秘书长为这些闭会期间会议提供必要的会议服务。")
    _, data = drafted(zh, tmp_path, "z.txt")
    assert classes_of(data)["2"] == "costed" and "servicing" in rules_of(data, "2")


def test_intergovernmental_consultation_is_a_session_and_its_output_no_publication(tmp_path: Path) -> None:
    text = EN.format(body="General Assembly", paragraphs=(
        "1. Requests the Secretary-General to organize in New York, in 2028, an intergovernmental consultation "
        "of two days to draft a handbook on cooperation in civil matters."))
    _, data = drafted(text, tmp_path)
    assert rules_of(data, "1") == ["session"]
    assert not activities(data, "publication")


def test_report_prepared_and_issued_in_all_languages_is_one_report(tmp_path: Path) -> None:
    zh = ZH.format(body="大会", paragraphs="1.  请秘书长以六种正式语文编写并分发一份关于十年的全面报告，提交大会下届会议。")
    _, data = drafted(zh, tmp_path)
    assert "publication" not in rules_of(data, "1")
    en = EN.format(body="General Assembly", paragraphs=(
        "1. Requests the Secretary-General to prepare and circulate, in the six official languages, a "
        "comprehensive report on the Decade."))
    _, data = drafted(en, tmp_path, "e.txt")
    assert "publication" not in rules_of(data, "1")


def test_word_count_in_chinese(tmp_path: Path) -> None:
    zh = ZH.format(body="大会", paragraphs="1.  请秘书长于2027年提交一份报告，字数不得超过6 000。")
    _, data = drafted(zh, tmp_path)
    assert [a["words"] for a in activities(data, "documentation")] == ["6000"]


def test_footnote_gives_the_length_and_session_of_a_report(tmp_path: Path) -> None:
    text = ("United Nations                                                   A/81/L.5\n"
            "General Assembly                                                 Distr.: Limited\n"
            "                                                                 2 November 2026\n\n"
            "Eighty-first session\nAgenda item 12\n\n          Draft resolution\n\n          A question\n\n"
            "     The General Assembly,\n\n"
            "     1.   Requests the Secretary-General to submit a concise report on the question;²\n\n"
            "     2.   Encourages Member States to act.\n\n__________________\n"
            "     ² The report, of no more than 5,000 words, is to be submitted to the Assembly at its\n"
            "       eighty-second session.\n")
    _, data = drafted(text, tmp_path)
    (report,) = activities(data, "documentation")
    assert report["words"] == "5000" and report["year"] == 2027
    assert any("footnote" in a for a in data["extra"]["assumptions"])


def test_session_of_another_commission_dates_the_report(tmp_path: Path) -> None:
    text = ("United Nations                                                   E/2026/L.9\n"
            "Economic and Social Council                                      Distr.: Limited\n"
            "                                                                 10 July 2026\n\n"
            "2026 session\n\n          Draft resolution\n\n          A question\n\n"
            "     The Economic and Social Council,\n\n"
            "     1.   Requests the Secretary-General to submit a report to the Commission on Population and "
            "Development at its sixtieth session.\n")
    _, data = drafted(text, tmp_path)
    assert [a["year"] for a in activities(data, "documentation")] == [2027]


def test_work_after_every_table_is_proposed_and_not_costed(tmp_path: Path) -> None:
    text = ("United Nations                                                   A/C.3/82/L.3\n"
            "General Assembly                                                 Distr.: Limited\n"
            "                                                                 9 October 2027\n\n"
            "Eighty-second session\nThird Committee\nAgenda item 25\n\n          Draft resolution\n\n"
            "          A question\n\n     The General Assembly,\n\n"
            "     1.   Requests the Secretary-General to submit to it at its eighty-seventh session a report "
            "on the question.\n")
    _, data = drafted(text, tmp_path)
    assert not activities(data)
    (late,) = data["extra"]["not_costed"]
    assert late["paragraphs"] == ["1"] and int(late["year"]) == 2032


def test_high_level_debate_is_a_high_level_meeting(tmp_path: Path) -> None:
    en = EN.format(body="General Assembly", paragraphs=(
        "1. Decides to convene in New York, in 2027, a high-level open debate of one day on the Decade."))
    _, data = drafted(en, tmp_path)
    assert rules_of(data, "1") == ["high-level-meeting"]
    zh = ZH.format(body="大会", paragraphs="1.  决定于2027年在纽约举办一次为期一天的高级别辩论，审查十年的执行情况。")
    _, data = drafted(zh, tmp_path, "z.txt")
    assert rules_of(data, "1") == ["high-level-meeting"]


def test_a_commission_adopting_the_draft_dates_its_own_sessions(tmp_path: Path) -> None:
    zh = ZH.format(body="人口与发展委员会", paragraphs=(
        "1.  请秘书长向委员会第六十二届会议提交一份关于移民数据的报告；\n\n"
        "2.  又请秘书长召开一次为期三天的专家组会议，邀请十五名区域专家参加。"))
    _, data = drafted(zh, tmp_path)
    assert [a["year"] for a in activities(data, "documentation")] == [2029]  # 58th session in 2025
    (met,) = [a for a in activities(data) if a["kind"] in ("expert_meeting", "travel")]
    assert str(met.get("participants", met.get("trips"))) == "15"


def test_expert_body_created_and_meeting_in_one_paragraph(tmp_path: Path) -> None:
    text = EN.format(body="Human Rights Council", paragraphs=(
        "1. Decides to create a Working Group on the rights of older migrants, comprising three independent "
        "experts, which shall meet for two sessions a year in Geneva;\n\n2. Invites States to cooperate."))
    _, data = drafted(text, tmp_path)
    assert {"new-mandate", "session"} <= set(rules_of(data, "1"))
    assert not activities(data, "meeting")
    (met,) = [a for a in activities(data) if a["kind"] in ("expert_meeting", "travel")]
    assert str(met.get("participants", met.get("trips"))) == "3" and met.get("count") == 2
    zh = ZH.format(body="人权理事会", paragraphs="1.  决定设立老年移民权利问题工作组，由三名独立专家组成，每年在日内瓦举行两届会议；\n\n2.  邀请各国合作。")
    _, data = drafted(zh, tmp_path, "z.txt")
    assert not activities(data, "meeting")
    (met,) = [a for a in activities(data) if a["kind"] in ("expert_meeting", "travel")]
    assert str(met.get("participants", met.get("trips"))) == "3" and met.get("count") == 2
