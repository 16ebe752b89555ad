"""The title a draft prints, whatever the shape of its heading: "Draft resolution: X" on one line,
a sponsors' line then the title line, a masthead whose agenda item's title is not the draft's.
Each shape is read in English and, where Chinese prints it, in Chinese."""

from __future__ import annotations

import pytest

from pbi.draft.reader import parse_drafts, read_drafts

_BODY = {"en": "The General Assembly,\n\nRecalling its resolution 80/1,\n\n1. Requests the Secretary-General "
               "to submit a report on the matter to the General Assembly at its eighty-second session.",
         "zh": "大会，\n\n回顾其第80/1号决议，\n\n1. 请秘书长向大会第八十二届会议提交一份报告。"}


@pytest.mark.parametrize(("heading", "language", "title"), [
    ("Draft resolution: The right to a healthy environment", "en", "The right to a healthy environment"),
    ("Draft resolution — Safety of humanitarian personnel", "en", "Safety of humanitarian personnel"),
    ("Revised draft resolution: Literacy for life", "en", "Literacy for life"),
    ("Draft decision II: Working methods of the Committee", "en", "Working methods of the Committee"),
    ("Mexico: draft resolution\n\nThe right to a healthy environment", "en", "The right to a healthy environment"),
    ("Chile, Ghana and Norway: revised draft resolution\n\nOcean literacy", "en", "Ocean literacy"),
    ("Draft resolution\n\nOcean literacy", "en", "Ocean literacy"),
    ("Draft resolution submitted by the Chair of the Committee\n\nOcean literacy", "en", "Ocean literacy"),
    ("Draft resolution A/C.3/81/L.5: Literacy for life", "en", "Literacy for life"),
    ("决议草案：享有健康环境的权利", "zh", "享有健康环境的权利"),
    ("决议草案一：海洋与海洋法", "zh", "海洋与海洋法"),
    ("墨西哥：决议草案\n\n享有健康环境的权利", "zh", "享有健康环境的权利"),
    ("智利和挪威提交的决议草案\n\n海洋素养", "zh", "海洋素养"),
])
def test_the_title_is_the_draft_s_own(heading: str, language: str, title: str) -> None:
    (draft,) = parse_drafts(heading + "\n\n" + _BODY[language], file="d.txt")
    assert draft.title == title
    assert draft.operative and draft.operative[0].number == "1"


def test_a_masthead_s_agenda_title_is_not_the_draft_s(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the new user's draft: a masthead with no symbol, the agenda item's title, then the draft's
    text = ("Eightieth session\nSecond Committee\nAgenda item 18 (a)\nMacroeconomic policy questions: "
            "international trade and development\n\nDraft resolution: Trade and climate\n\n" + _BODY["en"])
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    (draft,) = read_drafts(path)
    assert draft.title == "Trade and climate"
    assert draft.agenda_title == "Macroeconomic policy questions: international trade and development"
    assert draft.agenda_items == ["18 (a)"] and draft.session == "Eightieth session"


def test_a_file_without_a_heading_line_keeps_the_agenda_title_apart(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("Eighty-first session\nThird Committee\nAgenda item 68\nRights of indigenous peoples\n\n"
            "Indigenous languages\n\n" + _BODY["en"])
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    (draft,) = read_drafts(path)
    assert (draft.title, draft.agenda_title) == ("Indigenous languages", "Rights of indigenous peoples")


def test_an_operative_paragraph_quoting_a_draft_is_not_a_heading() -> None:
    text = ("Draft resolution\n\nA title\n\n" + _BODY["en"]
            + "\n\n2. Decides to consider the draft resolution: Oceans at its next session.")
    (draft,) = parse_drafts(text, file="d.txt")
    assert [p.number for p in draft.operative] == ["1", "2"] and draft.title == "A title"
