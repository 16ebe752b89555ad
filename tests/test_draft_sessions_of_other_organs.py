"""A session numbered in a paragraph is the adopting body's only when nothing else owns it: a working
group's or a forum's seventeenth session is not the General Assembly's of 1962. A Chinese masthead's
"第八十一届会议" dates the draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pbi.draft.propose import propose_spec
from pbi.draft.reader import parse_drafts

ROOT = Path(__file__).resolve().parents[1]


def _spec(text: str) -> Any:
    (draft,) = parse_drafts(text, file="d.txt")
    return propose_spec(draft, today=dt.date(2026, 11, 30), near=ROOT / "cost_tables").spec


def _years(spec: Any) -> set[int]:
    return {a.year for r in spec.requests for a in r.activities}


def test_chinese_masthead_session_dates_the_draft_without_an_organ_line() -> None:
    spec = _spec("第八十一届会议\n议程项目26\n社会发展\n\n决议草案：老年人权利\n\n大会，\n\n"
                 "2. 请秘书长向大会第八十二届会议提交一份报告；\n")
    assert any("第八十一届会议" in a and "2026" in a for a in spec.extra["assumptions"])


@pytest.mark.parametrize("paragraph", [
    "决定于2027年在纽约召开为期三天的老龄问题不限成员名额工作组第十七届会议，并提供六种正式语文的口译服务；",
    "请秘书长为人口与发展委员会第六十届会议编写一份研究报告；",
])
def test_chinese_session_of_another_organ_is_not_the_assembly_s(paragraph: str) -> None:
    spec = _spec(f"第八十一届会议\n议程项目26\n\n决议草案\n\n一个标题\n\n大会，\n\n1. {paragraph}\n")
    assert min(_years(spec)) >= 2026
    assert not any("1962" in a or "2005" in a for a in spec.extra["assumptions"])


@pytest.mark.parametrize("paragraph", [
    "Requests the Secretary-General to submit a report to the Open-ended Working Group on Ageing at its "
    "seventeenth session;",
    "Requests the Secretary-General to prepare a study for the seventeenth session of the Open-ended Working "
    "Group on Ageing;",
    "Invites the Permanent Forum on Indigenous Issues at its twenty-sixth session to consider the report;",
])
def test_english_session_of_another_organ_is_not_the_assembly_s(paragraph: str) -> None:
    spec = _spec("General Assembly\nEighty-first session\nThird Committee\nAgenda item 70\n\nDraft resolution\n\n"
                 f"A title\n\nThe General Assembly,\n\n1. {paragraph}\n")
    assert min(_years(spec), default=2027) >= 2026
    assert not any(" held in 19" in a for a in spec.extra["assumptions"])


def test_the_body_s_own_short_name_keeps_its_session() -> None:
    """"the Commission at its thirty-sixth session" in a draft of the Crime Commission is its own."""
    spec = _spec("Commission on Crime Prevention and Criminal Justice\nThirty-fifth session\nVienna, 18-22 May 2026\n\n"
                 "Draft resolution\n\nA title\n\nThe Commission on Crime Prevention and Criminal Justice,\n\n"
                 "1. Requests the Secretariat to report to the Commission at its thirty-sixth session on the "
                 "implementation of the present resolution;\n")
    assert _years(spec) == {2027}
    assert any("thirty-sixth session" in a and "2027" in a for a in spec.extra["assumptions"])


_HEAD = "General Assembly\nEighty-first session\n\nDraft resolution\n\nA title\n\nThe General Assembly,\n\n"


@pytest.mark.parametrize(("paragraphs", "where", "said"), [
    (["Takes note of the report;", "Requests the Secretary-General to submit a report not exceeding "
      "99,999,999,999,999 words to the General Assembly at its eighty-second session;"],
     "d.txt:12: paragraph 2: words:", "ceiling"),
    (["Decides to convene a meeting of experts for a period of 99999 days in Geneva;"],
     "d.txt:10: paragraph 1: “of 99999 days”:", "at most 366 days"),
])
def test_an_impossible_stated_quantity_is_refused_at_its_paragraph(paragraphs: list[str], where: str,
                                                                   said: str) -> None:
    """One line naming the file, the paragraph's line and what it states; not "check standards.yaml"."""
    from pbi.model.errors import PbiError

    text = _HEAD + "\n\n".join(f"{i}. {p}" for i, p in enumerate(paragraphs, start=1)) + "\n"
    with pytest.raises(PbiError) as caught:
        _spec(text)
    message = str(caught.value)
    assert message.startswith(where), message
    assert said in message and "standards.yaml" not in message and "\n" not in message
