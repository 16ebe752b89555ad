"""Blind round 10, rules and quantities, each on a paraphrase not used to write it: seminars, workshops, round
tables, intersessional consultations and briefings with interpretation are meetings of the length stated; regional
consultations are one meeting a region; a chair's summary and a summary sent to a body are documents; and a document
is processed where the body it is submitted to meets."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_helpers import activities, drafted, rules_of

HRC = ("United Nations                                                   A/HRC/68/L.90\nGeneral Assembly\n\n"
       "Human Rights Council\nSixty-eighth session\nAgenda item 3\n\n          Draft resolution\n\n"
       "          68/...   A question\n\n     The Human Rights Council,\n\n{paragraphs}\n")
HRC_ZH = ("联合国                                                           A/HRC/68/L.90\n大会\n\n人权理事会\n第六十八届会议\n"
          "议程项目３\n\n         决议草案\n\n         68/…  某一问题\n\n    人权理事会，\n\n{paragraphs}\n")
C3 = ("United Nations                                                   A/C.3/82/L.90\nGeneral Assembly\n\n"
      "Eighty-second session\nThird Committee\n\n          Draft resolution\n\n          A question\n\n"
      "     The General Assembly,\n\n{paragraphs}\n")
C3_ZH = ("联合国                                                           A/C.3/82/L.90\n大会\n\n第八十二届会议\n第三委员会\n\n"
         "         决议草案\n\n         某一问题\n\n    大会，\n\n{paragraphs}\n")
CND = ("United Nations                                                   E/CN.7/2028/L.90\nEconomic and Social Council\n\n"
       "Commission on Narcotic Drugs\nSeventy-first session\nVienna, 13-17 March 2028\nAgenda item 5\n\n"
       "          Draft resolution\n\n          A question\n\n     The Commission on Narcotic Drugs,\n\n{paragraphs}\n")


@pytest.mark.parametrize("text, days", [
    (HRC.format(paragraphs="     1.   Decides to hold a two-day seminar on the rights of peasants before its "
                           "seventieth session;"), "2"),
    (HRC.format(paragraphs="     1.   Also decides to organize a workshop on corporate accountability;"), "1"),
    (C3.format(paragraphs="     1.   Decides to convene, in 2028, a round table of half a day on literacy, with "
                          "interpretation;"), "0.5"),
    (HRC_ZH.format(paragraphs="    1.  决定在第七十届会议之前举办一次为期三天的讲习班，讨论农民权利问题；"), "3"),
    (C3_ZH.format(paragraphs="    1.  又决定于2028年举行一次圆桌会议，讨论扫盲问题；"), "1"),
], ids=["en-seminar", "en-workshop", "en-round-table", "zh-workshop", "zh-round-table"])
def test_a_meeting_shape_the_body_holds_is_a_meeting_of_its_days(text: str, days: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert rules_of(data, "1") == ["seminar"]
    (meeting,) = activities(data, "meeting")
    assert meeting["days"] == days and meeting["interpretation"] is True
    assert not activities(data, "documentation")  # a seminar issues no session report of its own


@pytest.mark.parametrize("text", [
    C3.format(paragraphs="     1.   Requests the Secretary-General to brief Member States on the review at a "
                         "one-day meeting with interpretation in 2028;"),
    C3_ZH.format(paragraphs="    1.  请秘书长于2028年为会员国举办一次为期一天的情况通报会，并提供口译；"),
], ids=["en", "zh"])
def test_a_briefing_with_interpretation_is_a_meeting(text: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    (meeting,) = activities(data, "meeting")
    assert meeting["days"] == "1" and meeting["location"] == "New York"


def test_a_briefing_of_the_council_without_a_meeting_is_no_cost(tmp_path: Path) -> None:
    _, data = drafted(HRC.format(paragraphs="     1.   Requests the High Commissioner to brief the Council on the "
                                            "outcome of the consultations;"), tmp_path)
    assert not data.get("requests")


@pytest.mark.parametrize("text", [
    HRC.format(paragraphs="     1.   Requests the Office of the High Commissioner to hold regional consultations "
                          "in each of the five regions on the right to housing;"),
    HRC_ZH.format(paragraphs="    1.  请人权高专办在五个区域分别举办区域协商，讨论住房权问题；"),
], ids=["en", "zh"])
def test_regional_consultations_are_one_meeting_a_region(text: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert rules_of(data, "1") == ["expert-meeting"]
    assert {a.get("count") for a in activities(data)} == {5}


@pytest.mark.parametrize("text, want", [
    (HRC.format(paragraphs="     1.   Requests the Secretary-General to submit a report on the question to the General "
                           "Assembly at its eighty-third session;"), ["New York"]),
    (HRC.format(paragraphs="     1.   Requests the High Commissioner to present a report to the Council at its "
                           "sixty-ninth session;"), ["Geneva"]),
    (HRC_ZH.format(paragraphs="    1.  请秘书长向大会第八十三届会议提交一份关于这一问题的报告；"), ["New York"]),
    (C3.format(paragraphs="     1.   Requests the Office of the High Commissioner to submit a report on the question to "
                          "the Human Rights Council at its sixty-ninth session;"), ["Geneva"]),
    (C3.format(paragraphs="     1.   Requests the Executive Director of the United Nations Environment Programme to "
                          "present a report to the United Nations Environment Assembly;"), ["Nairobi"]),
    (CND.format(paragraphs="     1.   Requests the Executive Director to report to the Commission at its seventy-second "
                           "session and to the General Assembly at its eighty-fourth session;"), ["Vienna", "New York"]),
    (HRC_ZH.format(paragraphs="    1.  请高级专员向理事会第六十九届会议和大会第八十三届会议提交报告；"), ["Geneva", "New York"]),
], ids=["hrc-to-ga", "hrc-to-council", "hrc-zh-to-ga", "c3-to-hrc", "c3-to-unea", "cnd-to-both", "hrc-zh-to-both"])
def test_a_document_is_processed_where_its_body_meets(text: str, want: list[str], tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    docs = activities(data, "documentation")
    assert [d["location"] for d in docs] == want
    said = " ".join(data["extra"]["assumptions"])
    assert "a document is processed where the body it is submitted to meets" in said
    if len(want) > 1:
        assert "one document processed at each duty station" in said


def test_the_office_named_still_sets_the_section(tmp_path: Path) -> None:
    _, data = drafted(C3.format(paragraphs="     1.   Requests the Office of the High Commissioner to prepare a study "
                                           "on the question and to present it to the General Assembly at its "
                                           "eighty-third session;"), tmp_path)
    study = [a for a in activities(data) if a["kind"] != "documentation"]
    assert study and all(a.get("section") == "Section 24" for a in study)


def test_two_bodies_at_one_station_share_one_document(tmp_path: Path) -> None:
    _, data = drafted(C3.format(paragraphs="     1.   Requests the Secretary-General to submit a report to the General "
                                           "Assembly and to the Security Council in 2028;"), tmp_path)
    assert [d["location"] for d in activities(data, "documentation")] == ["New York"]


@pytest.mark.parametrize("text", [
    HRC.format(paragraphs="     1.   Requests the chair of the seminar to prepare a summary of its discussions and to "
                          "submit it to the Council at its seventieth session;"),
    C3.format(paragraphs="     1.   Requests the Secretary-General to prepare a summary of the hearing and to present "
                         "it to the General Assembly at its eighty-third session;"),
    HRC_ZH.format(paragraphs="    1.  请研讨会主席编写研讨会讨论情况摘要，提交理事会第七十届会议；"),
], ids=["en-chair", "en-summary", "zh-chair"])
def test_a_summary_sent_to_a_body_is_a_document(text: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert activities(data, "documentation")


def test_a_conference_pbi_does_not_know_is_no_destination(tmp_path: Path) -> None:
    _, data = drafted(C3.format(paragraphs="     1.   Requests the Secretary-General to submit a report to the Conference "
                                           "of the Parties to the United Nations Framework Convention on Climate Change "
                                           "in 2028;"), tmp_path)
    (doc,) = activities(data, "documentation")
    assert doc["location"] == "New York"  # the body's station, not the Vienna of the Conference pbi knows
    assert "submitted to" not in " ".join(data["extra"]["assumptions"])
