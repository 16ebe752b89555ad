"""The delegate's workbook after a formula engine recomputed it: `formulas` writes the sheet names in
capitals (QUANTITIES), as Excel, which does not tell them apart, may; a missing workbook is said as a
missing spec is."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main

pytest.importorskip("openpyxl")
import openpyxl

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "notes" / "ctoc-cop-2010-17" / "annex-04.yaml"


def _edited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    book = tmp_path / "costing.xlsx"
    assert main(["workbook", str(SPEC), "-o", str(book)]) == 0
    capsys.readouterr()
    wb = openpyxl.load_workbook(book)
    sheet = wb["quantities"]
    row = next(r for r in range(2, sheet.max_row + 1)
               if (sheet.cell(r, 1).value, sheet.cell(r, 2).value) == ("working-group-meeting", "days"))
    sheet.cell(row, 3).value = 3
    for ws in wb.worksheets:  # through another name: openpyxl itself takes QUANTITIES for quantities
        name = ws.title
        ws.title = "x-" + name
        ws.title = name.upper()
    out = tmp_path / "RECALC.XLSX"
    wb.save(out)
    return out


def test_a_workbook_with_capital_sheet_names_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = _edited(tmp_path, capsys)
    assert main(["compare", str(SPEC), "--scenario", str(book)]) == 0
    out = capsys.readouterr().out
    assert "477,100" in out and "425,600" in out  # the README's 5 → 3 days


def test_a_missing_workbook_is_one_plain_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.xlsx"
    assert main(["compare", str(SPEC), "--scenario", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"{missing}: no such file"


def _with_formula(book: Path, out: Path, cell: str, formula: str, value: str | None) -> None:
    """``book`` with ``formula`` in ``cell`` of the quantities sheet, and the value a spreadsheet saved
    for it (None: never computed, as openpyxl writes it)."""
    import re
    import zipfile

    # openpyxl writes the sheets in order: sheetN.xml is the Nth ("read me" comes first)
    part = f"xl/worksheets/sheet{openpyxl.load_workbook(book).sheetnames.index('quantities') + 1}.xml"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == part:
                text = data.decode("utf-8")
                cached = f"<v>{value}</v>" if value is not None else ""
                text, n = re.subn(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', f'<c r="{cell}"><f>{formula}</f>{cached}</c>',
                                  text, count=1)
                assert n == 1
                data = text.encode("utf-8")
            dst.writestr(item, data)


def _days_cell(book: Path) -> str:
    sheet = openpyxl.load_workbook(book)["quantities"]
    row = next(r for r in range(2, sheet.max_row + 1)
               if (sheet.cell(r, 1).value, sheet.cell(r, 2).value) == ("working-group-meeting", "days"))
    return f"C{row}"


def test_a_formula_the_delegate_typed_is_read_as_the_spreadsheet_computed_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "costing.xlsx"
    assert main(["workbook", str(SPEC), "-o", str(book)]) == 0
    capsys.readouterr()
    edited = tmp_path / "edited.xlsx"
    _with_formula(book, edited, _days_cell(book), "6/2", "3")
    assert main(["compare", str(SPEC), "--scenario", str(edited)]) == 0
    assert "425,600" in capsys.readouterr().out


def test_a_formula_never_computed_is_one_line_saying_what_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "costing.xlsx"
    assert main(["workbook", str(SPEC), "-o", str(book)]) == 0
    capsys.readouterr()
    edited = tmp_path / "edited.xlsx"
    cell = _days_cell(book)
    _with_formula(book, edited, cell, "6/2", None)
    assert main(["compare", str(SPEC), "--scenario", str(edited)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith(f"{edited}:{cell[1:]}: quantities!{cell}: ")
    assert "save the workbook in Excel or LibreOffice" in err
