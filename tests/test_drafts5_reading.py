"""Blind round 5: how `pbi draft` reads drafts shaped as UN documents print them. Each test reads a
paraphrase written for the test, not one of the drafts in tests/data/drafts5 the fix was made on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pbi.draft import propose_spec
from pbi.draft.reader import parse_drafts

ROOT = Path(__file__).resolve().parents[1]


def _propose(text: str, today: dt.date = dt.date(2026, 11, 1)):  # type: ignore[no-untyped-def]
    (draft,) = parse_drafts(text, file="d.txt")
    return draft, propose_spec(draft, near=ROOT / "cost_tables", today=today)


def test_an_english_decision_of_lettered_items_under_its_stem() -> None:
    text = ("Draft decision\n\nWorking methods of the Committee on Housing\n\n"
            "The Economic and Social Council decides:\n\n"
            "(a) To request the Secretariat to prepare a working paper for the Committee;\n\n"
            "(b) That the Committee shall hold its next session in Geneva for three days in 2027;\n\n"
            "(c) To encourage Governments to share good practices.\n")
    draft, proposal = _propose(text)
    assert [p.number for p in draft.operative] == ["(a)", "(b)", "(c)"]
    assert draft.operative[0].text.startswith("Decides to request the Secretariat")
    classes = {r.ref: r.classification.cls for r in proposal.paragraphs}
    assert classes == {"(a)": "costed", "(b)": "costed", "(c)": "none"}


def test_a_chinese_decision_of_lettered_items_under_its_stem() -> None:
    text = ("决定草案\n\n委员会的工作方法\n\n经济及社会理事会决定：\n\n"
            "(a) 请秘书处为委员会编写一份工作文件；\n\n(b) 鼓励各国政府交流良好做法。\n")
    draft, proposal = _propose(text)
    assert [p.number for p in draft.operative] == ["(a)", "(b)"]
    classes = {r.ref: r.classification.cls for r in proposal.paragraphs}
    assert classes == {"(a)": "costed", "(b)": "none"}


def test_a_working_group_opens_its_draft_and_dates_its_own_sessions() -> None:
    text = ("Open-ended Working Group on Ageing\nSixteenth session\nNew York, 6–9 April 2026\n\n"
            "Draft decision\n\nFuture work\n\nThe Open-ended Working Group on Ageing,\n\n"
            "1. Requests the Secretary-General to prepare a report for its eighteenth session;\n")
    draft, proposal = _propose(text)
    assert draft.body == "The Open-ended Working Group on Ageing" and draft.organ.endswith("Working Group on Ageing")
    years = {a.year for q in proposal.spec.requests for a in q.activities}
    assert years == {2028}  # one session a year from its sixteenth in 2026, as the assumption says
    assert any("taken to meet once a year" in a for a in proposal.spec.extra["assumptions"])


def test_working_group_alone_is_a_heading_not_the_body() -> None:
    (draft,) = parse_drafts("决议草案\n\n工作组\n\n发展权问题工作组，\n\n1. 请秘书长提交一份报告；\n", file="d.txt")
    assert draft.title == "工作组" and draft.body == "发展权问题工作组"


def test_full_width_digits_and_chinese_numeral_years_are_read() -> None:
    text = "决议草案\n\n标题\n\n大会，\n\n1. 请秘书长于二〇二七年在维也纳召开为期３天的专家组会议，有１２名专家参加；\n"
    _, proposal = _propose(text)
    (act,) = [a for q in proposal.spec.requests for a in q.activities if a.kind != "documentation"][:1]
    dumped = act.model_dump(mode="json", exclude_none=True)
    assert dumped["year"] == 2027 and dumped.get("location") == "Vienna"


def test_an_agenda_number_glued_to_its_words_is_no_footnote_marker() -> None:
    text = ("联合国\n大会\n第八十一届会议\n议程项目12\n\n    主席提出的决议草案\n\n    预防犯罪\n\n    大会，\n\n"
            "    1. 请秘书长提交一份报告；\n")
    (draft,) = parse_drafts(text, file="d.txt")
    assert draft.agenda_items == ["12"] and draft.title == "预防犯罪"
    assert draft.label == "主席提出的决议草案"


def test_a_revised_chinese_draft_is_a_draft_start() -> None:
    (draft,) = parse_drafts("法国和日本：订正决议草案\n\n海洋\n\n大会，\n\n1. 请秘书长提交一份报告；\n", file="d.txt")
    assert draft.title == "海洋" and draft.label.endswith("订正决议草案")


def test_a_sponsors_line_printed_over_two_lines_stays_out_of_the_title() -> None:
    text = ("Draft resolution submitted by the Chair of the Committee,\nMr. Jan Novak (Czechia), following "
            "informal consultations\n\nRoad safety\n\nThe General Assembly,\n\n"
            "1. Requests the Secretary-General to submit a report;\n")
    (draft,) = parse_drafts(text, file="d.txt")
    assert draft.title == "Road safety" and "Novak" in draft.label


def test_a_conference_of_states_parties_is_not_taken_to_meet_once_a_year() -> None:
    text = ("Conference of the States Parties to the Convention on Mercury\nFifth session\nGeneva, 3–7 November 2025\n\n"
            "Draft decision\n\nNext session\n\nThe Conference of the States Parties to the Convention on Mercury,\n\n"
            "1. Requests the secretariat to prepare a report for its seventh session;\n")
    _, proposal = _propose(text, today=dt.date(2025, 11, 1))
    assert not any("taken to meet once a year" in a for a in proposal.spec.extra["assumptions"])


def test_a_recommended_draft_set_in_as_a_block_keeps_its_wrapped_lines_together() -> None:
    text = ("Commission for Social Development\nSixty-fifth session\n\n     Chair: draft resolution\n\n"
            "     Youth employment\n\n"
            "     The Commission for Social Development recommends to the Economic and Social\n"
            "     Council the adoption of the following draft resolution:\n\n"
            "          The Economic and Social Council,\n\n"
            "          Recalling its resolution 2020/7,\n\n"
            "          1.   Requests the Secretary-General to convene an expert group meeting\n"
            "          on youth employment in Geneva in 2027;\n\n"
            "          2.   Encourages Governments to invest in skills.\n")
    (draft,) = parse_drafts(text, file="d.txt")
    assert draft.recommended and draft.body == "The Economic and Social Council" and draft.title == "Youth employment"
    assert [p.number for p in draft.operative] == ["1", "2"]
    assert draft.operative[0].text.endswith("on youth employment in Geneva in 2027;")


def test_a_sponsors_line_over_two_lines_is_not_the_agenda_title() -> None:
    text = ("General Assembly\nEighty-first session\nAgenda item 68\n\n     Canada, Ghana and\n"
            "     Norway: draft resolution\n\n     Indigenous languages\n\n     The General Assembly,\n\n"
            "     1.   Requests the Secretary-General to submit a report;\n")
    (draft,) = parse_drafts(text, file="d.txt")
    assert draft.label == "Canada, Ghana and Norway: draft resolution" and draft.agenda_title == ""
    text = "大会\n第八十一届会议\n议程项目 68\n\n    法国、德国\n    及意大利：决议草案\n\n    土著语言\n\n    大会，\n\n    1. 请秘书长提交一份报告；\n"
    (draft,) = parse_drafts(text, file="d.txt")
    assert draft.label == "法国、德国及意大利：决议草案" and draft.agenda_title == "" and draft.title == "土著语言"


def test_an_adopted_resolution_keeps_its_title_without_heading_and_number(tmp_path: Path) -> None:
    from pbi.draft import read_drafts

    for text, title in (("Commission on Narcotic Drugs\nSeventieth session\n\nDecision adopted by the Commission on "
                         "Narcotic Drugs on 14 March 2027\n\n70/2. Drug checking services\n\nThe Commission on Narcotic "
                         "Drugs,\n\n1. Requests the Secretariat to submit a report;\n", "Drug checking services"),
                        ("麻醉药品委员会\n第七十届会议\n\n麻醉药品委员会2027年3月14日通过的决定\n\n70/2. 药物检测服务\n\n"
                         "麻醉药品委员会，\n\n1. 请秘书处提交一份报告；\n", "药物检测服务")):
        path = tmp_path / "adopted.txt"
        path.write_text(text, encoding="utf-8")
        (draft,) = read_drafts(path)
        assert draft.title == title


def test_a_date_in_chinese_numerals_dates_the_masthead() -> None:
    text = ("联合国                                  A/81/L.9\n大会                                     Distr.: Limited\n"
            "                                         二〇二六年十二月十一日\n\n第八十一届会议\n议程项目 12\n\n决议草案\n\n标题\n\n"
            "大会，\n\n1. 请秘书长提交一份报告；\n")
    (draft,) = parse_drafts(text, file="d.txt")
    assert (draft.dated, draft.dated_month) == (2026, 12) and draft.organ == "大会"


def test_a_paragraph_whose_chapeau_is_a_stem_reads_its_items_with_it() -> None:
    for text in ("Draft resolution\n\nX\n\nThe General Assembly,\n\n1. Also decides:\n\n(a) To hold in Geneva in 2027 "
                 "an expert group meeting of three days;\n\n(b) To request the Secretary-General to report to it at its "
                 "eighty-third session on the outcome;\n\n(c) To keep the matter under review;\n",
                 "决议草案\n\nX\n\n大会，\n\n1. 还决定：\n\n(a) 于2027年在日内瓦举行为期三天的专家组会议；\n\n"
                 "(b) 请秘书长向大会第八十三届会议报告结果；\n\n(c) 继续审查此事；\n"):
        _, proposal = _propose(text)
        (result,) = proposal.paragraphs
        assert {m.rule.id for m in result.classification.matches} == {"expert-meeting", "report"}


def test_a_page_footer_inside_a_paragraph_is_left_out() -> None:
    text = ("General Assembly\nEighty-first session\n\n     Chile: draft resolution\n\n     Ageing\n\n"
            "     The General Assembly,\n\n     1.   Requests the Secretary-General to convene an expert group\n"
            "meeting of twelve experts on ageing in\n\n27-00412 (E)    090127    100127\n*2700412*\n\n3/5\n"
            "Geneva in 2027;\n")
    (draft,) = parse_drafts(text, file="d.txt")
    assert draft.operative[0].text == ("Requests the Secretary-General to convene an expert group meeting of twelve "
                                       "experts on ageing in Geneva in 2027;")


def test_a_compound_broken_at_its_hyphen_over_two_lines_is_one_word() -> None:
    text = ("Draft resolution\n\nOceans\n\nThe General Assembly,\n\n1. Decides to convene in 2027 a three-day high-\n"
            "level conference on oceans;\n")
    draft, proposal = _propose(text)
    assert "high-level conference" in draft.operative[0].text
    assert proposal.paragraphs[0].classification.cls == "costed"
