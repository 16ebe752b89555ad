"""Blind round 8, reading: paragraphs a revised Chinese draft inserts ("5 之三."), a conference of States
parties opening a Chinese draft, and the footnotes a paragraph points to."""

from __future__ import annotations

from pathlib import Path

from pbi.draft import read_drafts


def _read(tmp_path: Path, text: str, name: str = "d.txt") -> list:  # type: ignore[type-arg]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (draft,) = read_drafts(path)
    return list(draft.operative)


def test_inserted_chinese_paragraph_is_read_as_the_english_number(tmp_path: Path) -> None:
    paragraphs = _read(tmp_path, "决议草案\n\n某一问题\n\n大会，\n\n1.  欢迎各国的努力；\n\n"
                                 "1之二.  请秘书长召开一次专家组会议；\n\n1 之三.  又请秘书长提交一份报告；\n\n2.  决定继续审议这一问题。\n")
    assert [p.number for p in paragraphs] == ["1", "1 bis", "1 ter", "2"]
    assert paragraphs[2].text.startswith("又请秘书长")


def test_conference_of_states_parties_opens_a_chinese_draft(tmp_path: Path) -> None:
    paragraphs = _read(tmp_path, "决议草案\n\n预防问题\n\n《某某公约》缔约国会议，\n\n回顾其以往决议，\n\n"
                                 "1.  请秘书处编写一份背景文件；\n\n2.  鼓励缔约国交流经验。\n")
    assert [p.number for p in paragraphs] == ["1", "2"]


def test_footnotes_are_attached_to_the_paragraph_that_points_to_them(tmp_path: Path) -> None:
    text = ("Draft resolution\n\nSome question\n\nThe General Assembly,\n\n"
            "1. Requests the Secretary-General to prepare a study on the matter;³\n\n"
            "2. Encourages Member States to act;\n\n"
            "3. Also requests the Secretary-General to convene a seminar of experts;4\n\n"
            "__________________\n"
            "³ The study is to be completed within eighteen months\n  and presented in 2029.\n"
            "4 Of two days.\n")
    paragraphs = _read(tmp_path, text)
    assert paragraphs[0].notes == ["The study is to be completed within eighteen months and presented in 2029."]
    assert paragraphs[1].notes == []
    assert paragraphs[2].notes == ["Of two days."]
    assert "eighteen" not in paragraphs[0].text  # the note is not read into the paragraph's own words


def test_chinese_footnote_marker_after_punctuation(tmp_path: Path) -> None:
    text = ("决议草案\n\n某一问题\n\n    大会，\n\n    1.  请秘书长提交一份报告；2\n\n    2.  鼓励各国合作。\n\n"
            "__________________\n    2 报告单词数不超过9 000个。\n")
    paragraphs = _read(tmp_path, text)
    assert paragraphs[0].notes == ["报告单词数不超过9 000个。"]
    assert paragraphs[1].notes == []
