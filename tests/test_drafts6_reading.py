"""Blind round 6 of ``pbi draft``: how drafts are read (mastheads, headings, titles, sub-items).
Each case is a paraphrase, not the draft of tests/data/drafts6 the fix was written from."""

from __future__ import annotations

from pbi.draft.reader import parse_drafts


def test_a_regional_commission_for_a_region_opens_its_draft() -> None:
    text = """Economic Commission for Latin America and the Caribbean
Forty-first session

          Draft resolution

          Statistics for the region

     The Economic Commission for Latin America and the Caribbean,

     Recalling its earlier work,

     1.   Requests the Executive Secretary to report to the Commission at its forty-second session;
"""
    (draft,) = parse_drafts(text, language="en")
    assert draft.body == "The Economic Commission for Latin America and the Caribbean"
    assert draft.organ == "Economic Commission for Latin America and the Caribbean"
    assert [p.number for p in draft.operative] == ["1"]


def test_a_sub_item_broken_over_lines_keeps_its_words() -> None:
    text = """Draft resolution

     Water data

     The General Assembly,

     1.   Requests the Secretary-General:
          (a)  To convene an expert group meeting in 2027;
          (b)  To report to the General Assembly at its eighty-third session, in 2028,
     on the work of the meeting;

     2.   Invites States to take part.
"""
    (draft,) = parse_drafts(text, language="en")
    first = draft.operative[0]
    assert first.text == "Requests the Secretary-General:"
    assert first.items[1].text.endswith("in 2028, on the work of the meeting;")


def test_a_chinese_sub_item_not_ended_goes_on() -> None:
    text = """决议草案

    水数据

    大会，

    1.  请秘书长：
        (a)  召开一次专家组会议；
        (b)  向大会第八十三届会议提交一份关于
    会议工作的报告；

    2.  邀请会员国参加。
"""
    (draft,) = parse_drafts(text, language="zh")
    first = draft.operative[0]
    assert first.items[1].text == "向大会第八十三届会议提交一份关于会议工作的报告；"
    assert first.text == "请秘书长："


def test_a_title_naming_a_body_under_the_heading_is_the_title() -> None:
    text = """联合国                                                           A/81/L.70
大会                                                             Distr.: Limited

第八十一届会议
议程项目３１

         大会主席提交的决议草案

         海洋科学政府间协调委员会

    大会，

    1.  决定设立海洋科学政府间协调委员会；
"""
    (draft,) = parse_drafts(text, language="zh")
    assert draft.title == "海洋科学政府间协调委员会"
    assert draft.body == "大会"


def test_a_long_body_name_with_its_comma_still_opens_the_draft() -> None:
    text = """决定草案

    今后的工作

    海洋科学政府间协调委员会，

    1.  决定于二〇二八年在巴黎举行第二届会议；
"""
    (draft,) = parse_drafts(text, language="zh")
    assert draft.title == "今后的工作"
    assert draft.body == "海洋科学政府间协调委员会"
    assert [p.number for p in draft.operative] == ["1"]


def test_a_sponsors_line_broken_inside_on_the_basis_of() -> None:
    text = """Draft resolution submitted by the Vice-Chair of the Commission on the basis
of informal consultations

     Ageing and social protection

     The Commission for Social Development,

     1.   Requests the Secretary-General to submit a report to the Commission at its sixty-sixth session;
"""
    (draft,) = parse_drafts(text, language="en")
    assert draft.title == "Ageing and social protection"
