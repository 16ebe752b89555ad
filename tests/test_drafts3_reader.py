"""Mastheads as budget officers receive them: Chinese mastheads, two columns on one line, the
session's dates, commissions and assemblies as the organ, sponsors' lines, revised drafts and a
commission's recommending line. Each test reads a masthead that none of tests/data/drafts3 prints."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pbi.draft.propose import propose_spec
from pbi.draft.reader import masthead, masthead_fields, parse_drafts, read_drafts

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("line", "language", "field", "value"), [
    ("Geneva, 16 June–11 July 2027", "en", "date", "2027-07"),
    ("Nairobi, 3 and 4 March 2027", "en", "date", "2027-03"),
    ("14 February 2028", "en", "date", "2028-02"),
    ("Commission on the Status of Women", "en", "body", "Commission on the Status of Women"),
    ("Conference of the Parties to the Convention on Biological Diversity", "en", "body",
     "Conference of the Parties to the Convention on Biological Diversity"),
    ("Resumed third session", "en", "session", "Resumed third session"),
    ("联合国 A/C.2/81/L.7", "zh", "symbol", "A/C.2/81/L.7"),
    ("第八十一届会议", "zh", "session", "第八十一届会议"),
    ("第四委员会", "zh", "committee", "第四委员会"),
    ("议程项目 64 (b)", "zh", "agenda", "64 (b)"),
    ("2027年6月14日至7月9日", "zh", "date", "2027-07"),
    ("2027年3月15日至19日，维也纳", "zh", "date", "2027-03"),
    ("预防犯罪和刑事司法委员会", "zh", "body", "预防犯罪和刑事司法委员会"),
])
def test_masthead_lines_of_more_organs_and_of_chinese_documents(line: str, language: str, field: str,
                                                                 value: str) -> None:
    assert masthead(line, language) == (field, value)  # type: ignore[arg-type]


def test_a_paragraph_is_still_no_masthead_line() -> None:
    assert masthead("Decides to convene a two-day high-level panel discussion at its eighty-second session;") is None
    assert masthead("请秘书长向大会第八十一届会议提交报告；", "zh") is None
    assert masthead_fields("3. Requests the Secretary-General      to submit a report;") is None


def test_two_columns_on_one_line_are_both_read() -> None:
    assert masthead_fields("Eighty-first session                          12 November 2026") == [
        ("session", "Eighty-first session"), ("date", "2026-11")]
    assert masthead_fields("大　　会                              Distr.: Limited") is not None
    assert masthead_fields("2028 session, 27 July 2027–26 July 2028") == [("session", "2028 session"),
                                                                            ("date", "2028-07")]


SECOND_COMMITTEE = """United Nations                                                  A/C.2/81/L.12

General Assembly                                                Distr.: Limited
Eighty-first session                                            2 November 2026
Second Committee
Agenda item 20                                                  Original: Spanish
Eradication of poverty

Chile and Uruguay: revised draft resolution

Rural poverty

The General Assembly,

1. Requests the Secretary-General to submit to the General Assembly at its eighty-second session a report on rural poverty;
"""


def test_a_two_column_masthead_gives_session_date_and_title(tmp_path: Path) -> None:
    (draft,) = parse_drafts(SECOND_COMMITTEE, file="d.txt")
    assert (draft.session, draft.committee, draft.dated, draft.title) == (
        "Eighty-first session", "Second Committee", 2026, "Rural poverty")
    assert draft.agenda_items == ["20"] and draft.symbol == "A/C.2/81/L.12"


CHINESE = """联 合 国                                                      A/C.3/81/L.5

大    会                                                      Distr.: Limited
第八十一届会议                                                2026年10月30日
第三委员会                                                    中文
议程项目 66                                                   原件：西班牙文
儿童权利

智利和乌拉圭：决议草案

农村儿童的教育

大会，

1. 请秘书长向大会第八十二届会议提交一份关于本决议执行情况的报告。
"""


def test_a_chinese_masthead_is_read_and_not_glued_into_the_title() -> None:
    (draft,) = parse_drafts(CHINESE, file="d.txt")
    assert draft.title == "农村儿童的教育"
    assert (draft.organ, draft.session, draft.committee, draft.dated) == ("大会", "第八十一届会议", "第三委员会", 2026)
    assert draft.agenda_items == ["66"] and draft.symbol == "A/C.3/81/L.5"
    spec = propose_spec(draft, near=ROOT / "cost_tables", today=dt.date(2026, 11, 30)).spec
    assert spec.budget_period == "2027"  # a draft of the Assembly's main session asks for the next budget
    assert [a.year for a in spec.requests[0].activities] == [2027]  # 第八十二届会议


RECOMMENDED = """Commission on the Status of Women
Seventy-first session
New York, 8–19 March 2027

Iceland and Namibia: revised draft resolution

The Commission on the Status of Women recommends to the Economic and Social Council the adoption of the following draft resolution:

Women and girls in rural areas

The Economic and Social Council,

1. Requests the Secretary-General to submit a report to the Council at its 2028 session;
"""


def test_a_commissions_recommending_line_is_neither_title_nor_body() -> None:
    (draft,) = parse_drafts(RECOMMENDED, file="d.txt")
    assert draft.title == "Women and girls in rural areas"
    assert draft.body == "The Economic and Social Council"
    assert (draft.organ, draft.dated) == ("Commission on the Status of Women", 2027)


def test_the_dates_of_the_session_give_the_year_when_the_body_has_no_cadence() -> None:
    text = ("Committee of Experts on Public Administration\nTwenty-sixth session\nNew York, 6–10 April 2027\n\n"
            "Draft resolution\n\nThe Economic and Social Council,\n\n"
            "1. Requests the Secretary-General to prepare a report on the work of the Committee;\n")
    (draft,) = parse_drafts(text, file="d.txt")
    spec = propose_spec(draft, near=ROOT / "cost_tables", today=dt.date(2027, 5, 1)).spec
    assert spec.budget_period == "2027"  # not the twenty-sixth session of the Council: 1971


def test_a_chinese_sponsors_line_opens_the_draft() -> None:
    text = "墨西哥和秘鲁提交的决议草案\n\n移民儿童\n\n大会，\n\n1. 请秘书长提交报告；\n"
    (draft,) = parse_drafts(text, file="d.txt")
    assert draft.title == "移民儿童" and [p.number for p in draft.operative] == ["1"]


def test_a_draft_decision_numbered_with_dots_opens_the_draft() -> None:
    text = "Draft decision 12/...\n\nDates of the thirteenth session\n\nThe Conference of the States Parties,\n\n1. Decides to hold its thirteenth session in Vienna;\n"
    (draft,) = parse_drafts(text, file="d.txt")
    assert (draft.kind, draft.title) == ("decision", "Dates of the thirteenth session")


def test_the_docx_and_md_versions_read_as_the_text() -> None:
    folder = ROOT / "tests" / "data" / "drafts3"
    drafts = [read_drafts(folder / f"hrc-deaf-persons.{suffix}")[0] for suffix in ("txt", "md", "docx")]
    for d in drafts:
        assert (d.symbol, d.organ, d.session) == ("A/HRC/60/L.21", "Human Rights Council", "Sixtieth session")
        assert [p.number for p in d.operative] == [str(i) for i in range(1, 9)]
        assert "1" not in d.operative[0].text.split()  # the footnote marker is left out
    assert len({tuple(p.text for p in d.operative) for d in drafts}) == 1


def test_a_draft_a_commission_recommends_is_the_commissions_statement() -> None:
    text = ("Commission on Crime Prevention and Criminal Justice\nThirty-sixth session\nVienna, 17–21 May 2027\n\n"
            "Draft resolution\n\nThe Commission on Crime Prevention and Criminal Justice recommends to the Economic "
            "and Social Council the approval of the following draft resolution for adoption by the General "
            "Assembly:\n\nCybercrime and children\n\nThe General Assembly,\n\n1. Requests the United Nations Office "
            "on Drugs and Crime to convene an expert group meeting on online child abuse in 2028;\n")
    (draft,) = parse_drafts(text, file="d.txt")
    spec = propose_spec(draft, near=ROOT / "cost_tables", today=dt.date(2027, 6, 1)).spec
    assert (spec.body, spec.rule, spec.title.en) == ("ccpcj", "28", "Cybercrime and children")


def test_a_chinese_decision_numbered_with_dots_opens_the_draft() -> None:
    text = "第 14/... 号决定\n\n审议机制的工作\n\n缔约方会议，\n\n1. 决定工作组应举行两次会议；\n"
    (draft,) = parse_drafts(text, file="d.txt")
    assert (draft.kind, draft.title) == ("decision", "审议机制的工作")
