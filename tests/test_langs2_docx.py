"""The Word files of statements as Word reads them: in a right-to-left paragraph ``w:jc`` left/right
are its start/end, so the Arabic table puts words at the start (right) and amounts at the end (left) of
their cells by the same values as a left-to-right table; no theme font (``w:cstheme`` included)
overrides the named fonts; the assumptions are set in the note's own styles, right to left in Arabic."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import pytest

from pbi.costing.api import cost_file
from pbi.render import render_note

DATA = Path(__file__).parent / "data" / "langs2"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def _docx(name: str, lang: str) -> bytes:
    data = render_note(cost_file(DATA / f"{name}.yaml"), lang, "docx", kind="statement")
    assert isinstance(data, bytes)
    return data


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_amounts_sit_at_the_end_of_their_cells_and_words_at_the_start(lang: str) -> None:
    import docx

    document = docx.Document(io.BytesIO(_docx("l07-contingency-extrabudgetary-2019", lang)))
    (table,) = document.tables
    for row in table.rows[1:]:
        first, *amounts = row.cells
        p = first.paragraphs[0]._p
        assert p.pPr.find(W + "jc").get(W + "val") == "left"
        for cell in amounts:
            assert cell.paragraphs[0]._p.pPr.find(W + "jc").get(W + "val") == "right"
        if lang == "ar":
            assert p.pPr.find(W + "bidi") is not None


@pytest.mark.parametrize("lang", ["ar", "zh", "ru"])
def test_no_theme_font_overrides_the_named_ones(lang: str) -> None:
    styles = _part(_docx("l01-ones-2027", lang), "word/styles.xml")
    defaults = styles.split("</w:docDefaults>")[0]
    assert "w:cstheme" not in defaults and "Theme=" not in defaults
    assert 'w:cs="Simplified Arabic"' in defaults if lang == "ar" else 'w:eastAsia="SimSun"' in defaults


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_assumptions_use_the_note_s_styles(lang: str) -> None:
    import docx

    document = docx.Document(io.BytesIO(_docx("l07-contingency-extrabudgetary-2019", lang)))
    assert not [p for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    last = document.paragraphs[-1]
    assert last.style is not None and last.style.name == "List Bullet"
    bidi = last._p.pPr.find(W + "bidi")
    assert (bidi is not None) == (lang == "ar")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_two_year_statement_table_is_not_laid_out_as_the_resource_table(lang: str) -> None:
    """Two years and a total make four columns, as many as the financial note's resource table: every
    year's amounts are still amounts (at the end of their cells) in columns of one width."""
    import docx

    data = render_note(cost_file(DATA / "l06-biennium-2016-2017.yaml"), lang, "docx", kind="statement")
    (table,) = docx.Document(io.BytesIO(data)).tables
    widths = [column.width for column in table.columns]
    assert len(widths) == 4 and widths[1] == widths[2] == widths[3] < widths[0]
    for row in table.rows[1:]:
        for cell in row.cells[1:]:
            assert cell.paragraphs[0]._p.pPr.find(W + "jc").get(W + "val") == "right"
