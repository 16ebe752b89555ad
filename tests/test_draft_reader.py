"""Reading drafts: paragraphs and sub-items as printed, footnotes and running heads left out, several
drafts in one file, Markdown, Word, English and Chinese, and bad files as one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbi.draft.reader import detect_language, parse_drafts, read_drafts
from pbi.model.errors import InputError

DATA = Path(__file__).parent / "data" / "draft"


def test_pdf_text_with_running_heads_and_footnotes() -> None:
    (draft,) = read_drafts(DATA / "zh-cop-draft.txt")
    assert draft.number == "5/9" and draft.kind == "resolution" and draft.language == "zh"
    assert draft.symbol == "A/C.9/L.1"
    assert draft.title == "加强打击网络犯罪的国际合作"
    assert draft.body == "《联合国打击跨国有组织犯罪公约》缔约方会议"
    assert len(draft.preamble) == 2
    assert draft.preamble[0].endswith("第五届会议的工作，")  # wrapped line joined, marker "1" kept out below
    assert [p.number for p in draft.operative] == ["1", "2", "3", "4", "5"]
    three = draft.operative[2]
    assert [i.label for i in three.items] == ["(a)", "(b)"]
    assert [i.label for i in three.items[1].items] == ["㈠", "㈡"]
    text = " ".join(p.all_text() for p in draft.operative)
    assert "CTOC/COP/2010/17" not in text and "V.10-58210" not in text  # footnote and running head
    assert draft.operative[3].text.endswith("至少举行两次闭会期间会议；")  # joined across the page head


def test_several_drafts_roman_sub_items_and_an_annex() -> None:
    text = "\n\n".join([
        "Draft resolution I", "Title one", "The General Assembly,", "Recalling its resolution 1/1,",
        "1. Requests the Secretary-General to:", "(a) Prepare a study;", "(i) On trends;", "(ii) On data;",
        "(b) Report to it;", "2. Endorses the recommendations contained in the annex;",
        "Annex", "Recommendations", "(a) The Office should update the manual;", "(b) States should act;",
        "Draft decision II", "Title two", "The Economic and Social Council:",
        "(a) Takes note of the report;", "(b) Decides to hold a meeting;",
    ])
    one, two = parse_drafts(text, file="x.txt")
    assert (one.kind, one.number, two.kind, two.number) == ("resolution", "I", "decision", "II")
    assert [i.label for i in one.operative[0].items] == ["(a)", "(b)"]
    assert [i.label for i in one.operative[0].items[0].items] == ["(i)", "(ii)"]
    assert [(p.annex, p.number) for p in one.annex] == [("I", "(a)"), ("I", "(b)")]
    assert [p.number for p in two.operative] == ["(a)", "(b)"]
    assert two.body == "The Economic and Social Council"


def test_letter_i_after_h_is_a_letter() -> None:
    items = "\n\n".join(f"({c}) item {c};" for c in "abcdefghij")
    (draft,) = parse_drafts(f"Draft resolution\n\nT\n\nThe General Assembly,\n\n1. Decides:\n\n{items}")
    assert [i.label for i in draft.operative[0].items] == [f"({c})" for c in "abcdefghij"]


def test_markdown_with_superscript_footnotes() -> None:
    text = ("## 第10/9号决议\n\n### 标题\n\n缔约方会议，\n\n回顾《公约》<sup>25</sup>，\n\n"
            "1. 请秘书处提交报告¹；\n\n---\n\n<sup>25</sup> 联合国，《条约汇编》。\n\n¹ 同上。\n")
    (draft,) = parse_drafts(text)
    assert draft.number == "10/9" and draft.title == "标题"
    assert draft.preamble == ["回顾《公约》，"]
    assert draft.operative[0].text == "请秘书处提交报告；"


def test_numbering_that_starts_again_ends_the_draft() -> None:
    text = "第 5/1 号决议\n\n标题\n\n缔约方会议，\n\n1. 欢迎；\n\n2. 请秘书处报告。\n\n2. 缔约方会议通过了下列决定：\n"
    (draft,) = parse_drafts(text)
    assert [p.number for p in draft.operative] == ["1", "2"]


def test_language_detection() -> None:
    assert detect_language("大会，请秘书长提交报告。") == "zh"
    assert detect_language("The General Assembly, requests the Secretary-General") == "en"


def test_word_document(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ["Draft resolution", "A title", "The General Assembly,", "Noting the report,",
                 "1. Requests the Secretary-General to submit a report to the General Assembly at its "
                 "eighty-first session;", "(a) on trends;"]:
        document.add_paragraph(line)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    (draft,) = read_drafts(path)
    assert draft.language == "en" and draft.title == "A title"
    assert draft.operative[0].items[0].label == "(a)"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"PK\x03\x04zipped", "binary file"),
    ("大会，\n\n注意到报告，\n".encode(), "no operative paragraphs"),
    (b"The General Assembly,\n\nNoting the report,\n", "no operative paragraphs"),
    ("第一行\n\n".encode() + b"\xe4\xb8 cut", "not UTF-8"),
])
def test_bad_files_are_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_drafts(path)
    assert message in str(err.value)
    assert str(err.value).startswith(f"{path}:")
    assert "\n" not in str(err.value)


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_drafts(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_drafts(tmp_path)


def test_a_file_without_a_draft_line_takes_its_first_paragraph_as_title(tmp_path: Path) -> None:
    path = tmp_path / "bare.txt"
    path.write_text("A title\n\nThe General Assembly,\n\n1. Requests the Secretary-General to report;\n",
                    encoding="utf-8")
    (draft,) = read_drafts(path)
    assert (draft.title, draft.body, draft.line) == ("A title", "The General Assembly", 1)
    assert draft.operative[0].line == 5


def test_word_automatic_numbering_is_written_out(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ["Draft resolution", "A title", "The General Assembly,", "Noting the report,"]:
        document.add_paragraph(line)
    document.add_paragraph("Requests the Secretary-General to report to it;", style="List Number")
    document.add_paragraph("Decides to convene an expert group meeting:", style="List Number")
    document.add_paragraph("on trends;", style="List Number 2")
    document.add_paragraph("on data;", style="List Number 2")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    (draft,) = read_drafts(path)
    assert [p.number for p in draft.operative] == ["1", "2"]
    assert [i.label for i in draft.operative[1].items] == ["(a)", "(b)"]


_PIECES = ["Draft resolution", "决议草案一", "第 5/1 号决议", "The General Assembly,", "大会，", "1. Requests the "
           "Secretary-General to report;", "2. 请秘书处报告；", "(a) item;", "(i) sub;", "㈠ 项；", "Annex", "附件一",
           "__________", " 1 footnote", "V.10-58210 17", "二. 组织事项", "<sup>3</sup>", "¹", "   ", "x" * 3]


@settings(max_examples=int(os.environ.get("PBI_FUZZ_EXAMPLES", "200")), deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=30)), max_size=30))
def test_any_text_reads_without_crashing(pieces: list[str]) -> None:
    """Whatever the text, the reader returns drafts or an InputError; never anything else."""
    text = "\n".join(pieces)
    for draft in parse_drafts(text, file="fuzz.txt"):
        assert draft.line >= 1
        for paragraph in draft.operative:
            number = paragraph.number  # as printed: "", "3", "(a)", "(一)", "㈠"
            assert number == "" or number.isdigit() or number[0] in "(㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
