"""Fourth round, one reader at a time: a quantities sheet without its columns or with more rows
than pbi writes, Word bodies over their bounds, numbers in other scripts' digits, period_of given
what is no year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import pbi.export.workbook as workbook
import pbi.model.fileio as fileio
from attack2_helpers import refused, workbook_of, write
from attack4_cases import DRAFT, NOTE, word
from pbi.model.money import to_decimal
from pbi.model.periods import period_of

openpyxl = pytest.importorskip("openpyxl")


def test_a_quantities_sheet_of_two_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Columns C and D deleted: an internal IndexError before; now the header row says which column is gone."""
    book = workbook_of(tmp_path, capsys)
    wb = openpyxl.load_workbook(book)
    wb["quantities"].delete_cols(3, 7)
    wb.save(book)
    err = refused(["compare", str(tmp_path / "spec.yaml"), "--scenario", str(book)], capsys)
    assert "w.xlsx:1: quantities!1:1:" in err and "no column 'value (edit me)'" in err


def test_more_rows_than_pbi_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """200,000 rows took 40 s to read; the rows past the bound are not read (bound lowered to 5)."""
    monkeypatch.setattr(workbook, "MAX_QUANTITY_ROWS", 5)
    book = workbook_of(tmp_path, capsys)
    wb = openpyxl.load_workbook(book)
    for i in range(10):
        wb["quantities"].append([f"x{i}", "pages", 1, 1])
    wb.save(book)
    err = refused(["compare", str(tmp_path / "spec.yaml"), "--scenario", str(book)], capsys)
    assert "w.xlsx:7: quantities!A7: more than 5 rows" in err


@pytest.mark.parametrize("command, name, text", [("check", "n.docx", NOTE.splitlines()), ("draft", "d.docx", DRAFT)])
def test_a_word_body_over_the_bound(command: str, name: str, text: list[str], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(fileio, "MAX_WORD_BLOCKS", 10)
    inputs = write(tmp_path, {name: word(text, before="<w:p/>" * 20)})
    refused([command, str(tmp_path / name)], capsys, inputs, want="more than 10 paragraphs and tables")


@pytest.mark.parametrize("command, name, text", [("check", "n.docx", NOTE.splitlines()), ("draft", "d.docx", DRAFT)])
def test_a_word_part_over_the_bound(command: str, name: str, text: list[str], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """word/document.xml is parsed whole: its own size is bounded (lowered here to 1,000 bytes)."""
    monkeypatch.setitem(fileio.MAX_PART_BYTES, "word/document.xml", 1_000)
    inputs = write(tmp_path, {name: word(text, before="<w:p/>" * 200)})
    refused([command, str(tmp_path / name)], capsys, inputs, want="word/document.xml would expand to")


@pytest.mark.parametrize("text", ["１６", "٣٢", "۴", "16\u0663"])
def test_digits_of_other_scripts_are_no_number(text: str) -> None:
    with pytest.raises(ValueError, match="digits 0-9"):
        to_decimal(text)


def test_ascii_numbers_still_read() -> None:
    assert to_decimal(" 16.50 ") == to_decimal("16.5")


@pytest.mark.parametrize("year", [None, "abc", 2012.0, True, b"2012", [2012]])
def test_period_of_what_is_no_year(year: object) -> None:
    with pytest.raises(TypeError, match="a year"):
        period_of(year)  # type: ignore[arg-type]


def test_period_of_a_year_a_date_and_its_digits() -> None:
    assert period_of(2011).label == period_of(dt.date(2010, 5, 1)).label == period_of("2010").label == "2010-2011"
