"""Blind round 11, rules and reading, each on a paraphrase not used to write it: a wrapped line that begins with a
number goes on with its sentence; a sponsors' line broken before "informal consultations" is no title; reports
"every 120 days" (每120天) are several in a year; 提出报告 is a report; one post at each grade a paragraph names,
the General Service in words too; an expert group of counted experts is an expert meeting; a draft of a body pbi
prices as the General Assembly's but knows the station of (the Habitat and Environment Assemblies) is priced there,
and 大会 inside 联合国环境大会 is not the General Assembly."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_helpers import activities, drafted, rules_of
from pbi.cli import main

GA = ("United Nations                                                   A/83/L.90\nGeneral Assembly\n\n"
      "Eighty-third session\nAgenda item 40\n\n          Draft resolution\n\n          A question\n\n"
      "     The General Assembly,\n\n{paragraphs}\n")
GA_ZH = ("联合国                                                           A/83/L.90\n大会\n\n第八十三届会议\n议程项目４０\n\n"
         "         决议草案\n\n         某一问题\n\n    大会，\n\n{paragraphs}\n")
C5 = ("United Nations                                                   A/C.5/83/L.90\nGeneral Assembly\n\n"
      "Eighty-third session\nFifth Committee\nAgenda item 140\n\n{sponsors}\n\n          A question of staffing\n\n"
      "     The General Assembly,\n\n{paragraphs}\n")
UNEA_ZH = ("联合国                                                           UNEP/EA.8/L.90\n联合国环境规划署\n\n"
           "联合国环境大会\n第八届会议\n２０２８年２月２１日至２５日，内罗毕\n\n         决议草案\n\n         某一问题\n\n"
           "    联合国环境大会，\n\n{paragraphs}\n")
HABITAT = ("United Nations                                                   HSP/HA/4/L.90\nUnited Nations Human "
           "Settlements Programme\n\nUN-Habitat Assembly of the United Nations Human Settlements Programme\n"
           "Fourth session\nNairobi, 5-9 June 2028\n\n          Draft resolution\n\n          A question\n\n"
           "     The UN-Habitat Assembly of the United Nations Human Settlements Programme,\n\n{paragraphs}\n")


def test_a_wrapped_line_that_begins_with_a_number_goes_on_with_its_sentence(tmp_path: Path) -> None:
    _, data = drafted(GA.format(paragraphs="     1.   Requests the Secretary-General to submit to the Assembly every\n"
                                           "60 days a report on the question of migration, the first in\n"
                                           "2029;"), tmp_path)
    assert rules_of(data, "1") == ["report"]
    (doc,) = activities(data, "documentation")
    assert doc["count"] == 6 and doc["year"] == 2029


def test_a_footnote_after_the_rule_is_still_left_out(tmp_path: Path) -> None:
    _, data = drafted(GA.format(paragraphs="     1.   Requests the Secretary-General to submit a report in 2029;1\n\n"
                                           "__________________\n1 see also the earlier reports on the question."),
                      tmp_path)
    (para,) = data["extra"]["paragraphs"]
    assert "earlier reports" not in para.get("text", "")


@pytest.mark.parametrize("sponsors", [
    "          Draft resolution submitted by the Vice-Chair of the Committee after\n          informal consultations",
    "          Draft resolution submitted by the Chair on the basis of\n          intergovernmental negotiations",
], ids=["after", "on-the-basis-of"])
def test_a_sponsors_line_broken_before_its_consultations_is_no_title(sponsors: str, tmp_path: Path) -> None:
    _, data = drafted(C5.format(sponsors=sponsors, paragraphs="     1.   Takes note of the report;"), tmp_path)
    assert data["title"]["en"] == "A question of staffing"


@pytest.mark.parametrize("text, count", [
    (GA.format(paragraphs="     1.   Requests the Secretary-General to submit a report to the General Assembly every "
                          "90 days on the situation, in 2029;"), 4),
    (GA.format(paragraphs="     1.   Requests the Secretary-General to report to the Assembly every six months on "
                          "the implementation of the present resolution, starting in 2029;"), 2),
    (GA.format(paragraphs="     1.   Requests the Secretary-General to submit quarterly reports to the Assembly on the "
                          "situation in 2029;"), 4),
    (GA_ZH.format(paragraphs="    1.  请秘书长于2029年每90天向大会提交一次关于局势的报告；"), 4),
    (GA_ZH.format(paragraphs="    1.  请秘书长于2029年每六个月向大会报告一次本决议的执行情况；"), 2),
], ids=["en-days", "en-months", "en-quarterly", "zh-days", "zh-months"])
def test_reports_held_more_than_once_a_year_are_counted(text: str, count: int, tmp_path: Path) -> None:
    spec, data = drafted(text, tmp_path)
    (doc,) = activities(data, "documentation")
    assert doc["count"] == count and doc["year"] == 2029
    assert f"{count} times in the year" in " ".join(data["extra"]["assumptions"])
    assert main(["cost", str(spec)]) == 0


def test_a_report_once_a_year_is_one(tmp_path: Path) -> None:
    _, data = drafted(GA.format(paragraphs="     1.   Requests the Secretary-General to submit to the Assembly every "
                                           "year a report on the situation, in 2029;"), tmp_path)
    (doc,) = activities(data, "documentation")
    assert doc.get("count", 1) == 1


def test_a_report_put_forward_tichu_is_a_report(tmp_path: Path) -> None:
    _, data = drafted(GA_ZH.format(paragraphs="    1.  请秘书长在大会第八十四届会议上就本决议的落实情况提出报告；"), tmp_path)
    assert rules_of(data, "1") == ["report"]
    (doc,) = activities(data, "documentation")
    assert doc["year"] == 2029


@pytest.mark.parametrize("text, grades", [
    (C5.format(sponsors="          Draft resolution", paragraphs="     1.   Decides to establish one post at the P-3 level "
               "and one General Service (Principal level) post in the Office of Legal Affairs, from 2029;"),
     ["P-3", "GS (Principal level)"]),
    (C5.format(sponsors="          Draft resolution", paragraphs="     1.   Decides to create a new post at the D-1 level, "
               "a post at the P-2 level and a General Service post in the Department of Global Communications, in 2029;"),
     ["D-1", "P-2", "GS"]),
    (GA_ZH.format(paragraphs="    1.  决定自2029年1月1日起在毒品和犯罪问题办公室设立一个P-5员额和一个一般事务（其他职等）员额；"),
     ["P-5", "GS (Other level)"]),
], ids=["en-two", "en-three", "zh-two"])
def test_one_post_at_each_grade_the_paragraph_names(text: str, grades: list[str], tmp_path: Path) -> None:
    spec, data = drafted(text, tmp_path)
    posts = activities(data, "new_post") or activities(data, "staff")
    assert [p["grade"] for p in posts] == grades
    assert main(["cost", str(spec)]) == 0
    assert main(["note", str(spec), "--lang", "zh" if "决定" in text else "en"]) == 0


def test_one_post_at_one_grade_is_one(tmp_path: Path) -> None:
    _, data = drafted(C5.format(sponsors="          Draft resolution", paragraphs="     1.   Decides to establish a post "
                                "at the P-4 level in the Ethics Office in 2029;"), tmp_path)
    assert [p["grade"] for p in activities(data, "new_post") or activities(data, "staff")] == ["P-4"]


@pytest.mark.parametrize("text", [
    GA.format(paragraphs="     1.   Requests the Secretary-General to convene, in 2029, an expert group of fifteen "
                         "experts to review the methodology, for two days;"),
    GA.format(paragraphs="     1.   Requests the Secretary-General to organize a meeting of a group of experts composed "
                         "of 12 experts on the question in 2029;"),
], ids=["expert-group-of", "group-of-experts-composed"])
def test_an_expert_group_of_counted_experts_is_an_expert_meeting(text: str, tmp_path: Path) -> None:
    _, data = drafted(text, tmp_path)
    assert rules_of(data, "1") == ["expert-meeting"]
    assert not activities(data, "meeting")  # no intergovernmental session beside it


def test_a_group_of_governmental_experts_is_still_a_session(tmp_path: Path) -> None:
    _, data = drafted(GA.format(paragraphs="     1.   Requests the Secretary-General to establish a group of governmental "
                                           "experts to meet in Geneva in 2029;"), tmp_path)
    assert rules_of(data, "1") == ["session"]


@pytest.mark.parametrize("text, opening", [
    (UNEA_ZH.format(paragraphs="    1.  请执行主任于2028年举办一次讲习班；\n\n    2.  请执行主任向执行局报告本决议的执行情况；"),
     "联合国环境大会"),
    (HABITAT.format(paragraphs="     1.   Requests the Executive Director to convene a two-day expert group meeting in "
                               "2028;\n\n     2.   Requests the Executive Director to report on the implementation of "
                               "the present resolution to the Executive Board in 2028;"),
     "UN-Habitat Assembly"),
], ids=["zh-unea", "en-habitat"])
def test_a_body_priced_as_the_assembly_works_where_it_meets(text: str, opening: str, tmp_path: Path) -> None:
    spec, data = drafted(text, tmp_path)
    assert data["body"] == "general-assembly"
    said = data["extra"]["assumptions"][0]
    assert "not a body pbi knows" in said and "meets in Nairobi" in said and opening in said
    assert {a["location"] for a in activities(data)} == {"Nairobi"}
    assert main(["cost", str(spec)]) == 0


def test_a_date_span_wrapped_before_its_month_goes_on(tmp_path: Path) -> None:
    """"from 3 to" / "5 May 2029 …": the second line is the sentence's, not a footnote (held-out round 11
    miss, fixed after its one scoring)."""
    _, data = drafted(GA.format(paragraphs="     1.   Decides to convene a high-level meeting on water from 3 to\n"
                                           "5 May 2029 in New York;"), tmp_path)
    (meeting,) = activities(data, "meeting")
    assert meeting["days"] == "3"
