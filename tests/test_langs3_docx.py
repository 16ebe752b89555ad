"""Word files of notes in six languages: page numbers, the symbol at the head of later pages, and Arabic
paragraphs right to left with ``w:bidi`` where the schema puts it (before spacing, indentation, alignment)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest

from pbi.costing.api import cost_file
from pbi.render import render_note

docx = pytest.importorskip("docx")

SPEC = Path(__file__).parent / "data" / "langs3" / "m03-statistical-weeks-2026.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def _document(lang: str) -> object:
    data = render_note(cost_file(SPEC), lang, "docx", kind="statement")
    assert isinstance(data, bytes)
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("lang", ["en", "zh", "ar"])
def test_every_page_has_its_number_and_later_pages_the_symbol(lang: str) -> None:
    section = _document(lang).sections[0]  # type: ignore[attr-defined]
    assert section.different_first_page_header_footer
    for footer in (section.footer, section.first_page_footer):
        instructions = [t.text.strip() for t in footer._element.iter(f"{W}instrText")]
        assert instructions == ["PAGE"]
        kinds = [c.get(f"{W}fldCharType") for c in footer._element.iter(f"{W}fldChar")]
        assert kinds == ["begin", "separate", "end"]
    assert [p.text for p in section.header.paragraphs] == ["E/CN.3/2026/L.2"]
    assert not "".join(p.text for p in section.first_page_header.paragraphs)


def test_arabic_paragraphs_put_bidi_before_indentation_and_alignment() -> None:
    body = _document("ar").element.body  # type: ignore[attr-defined]
    order = ("bidi", "spacing", "ind", "jc")
    seen = 0
    for ppr in body.iter(f"{W}pPr"):
        tags = [c.tag.replace(W, "") for c in ppr if c.tag.replace(W, "") in order]
        if "bidi" in tags:
            seen += 1
            assert tags == sorted(tags, key=order.index), tags
    assert seen > 10
