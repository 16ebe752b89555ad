"""A workbook edited by hand and given back as --scenario: every bad cell is one line naming the
workbook, the row and the cell; a zip that expands without bound is refused before it is read."""

from __future__ import annotations

import re

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from attack2_helpers import SPEC, refused, run, workbook_of, write

openpyxl = pytest.importorskip("openpyxl")


def _edited(book: Path, cell: str, value: Any) -> Path:
    wb = openpyxl.load_workbook(book)
    wb["quantities"][cell] = value
    out = book.with_name("edited.xlsx")
    wb.save(out)
    return out


@pytest.mark.parametrize("value", ["1e999999999", "1e999", float("inf"), float("-inf"), float("nan"), 1e308])
def test_quantity_cell_out_of_bounds(value: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``1e999999999`` typed as text made pbi build an integer of a billion digits (minutes of
    processor time); an infinite cell ended in an internal OverflowError."""
    edited = _edited(workbook_of(tmp_path, capsys), "C3", value)
    err = refused(["compare", str(tmp_path / "spec.yaml"), "--scenario", str(edited)], capsys)
    assert "edited.xlsx:3:" in err and "report.words" in err


def test_spreadsheet_float_noise_is_read_as_the_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """0.1 + 0.2 as a spreadsheet computes it (0.30000000000000004) is 0.3, not a refused number."""
    edited = _edited(workbook_of(tmp_path, capsys), "C3", 9000.000000000002)
    code, out, err = run(["compare", str(tmp_path / "spec.yaml"), "--scenario", str(edited)], capsys)
    assert code == 0, err
    assert "198,600" in out and "200,000" in out  # 500 more words × 6 languages × 0.4796


def test_cleared_baseline_names_column_d(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edited = _edited(workbook_of(tmp_path, capsys), "D3", None)
    err = refused(["compare", str(tmp_path / "spec.yaml"), "--scenario", str(edited)], capsys)
    assert "quantities!D3" in err


def test_zip_that_expands_without_bound(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """1.5 MB of workbook that inflates to 1.5 GB of XML took over half a minute to read."""
    book = workbook_of(tmp_path, capsys)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                with out.open(name, "w", force_zip64=True) as handle:
                    handle.write(data.replace(b"<sheetData>", b"<sheetData>", 1)[:data.index(b"<sheetData>") + 11])
                    chunk = b" " * (1 << 24)
                    for _ in range(20):  # 320 MB of spaces
                        handle.write(chunk)
                    handle.write(data[data.index(b"<sheetData>") + 11:])
                continue
            out.writestr(name, data)
    assert bomb.stat().st_size < 2_000_000
    err = refused(["compare", str(tmp_path / "spec.yaml"), "--scenario", str(bomb)], capsys, want="bomb.xlsx")
    assert "expand" in err


def test_not_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"spec.yaml": SPEC, "w.xlsx": b"PK\x03\x04 not really a zip" + bytes(io.BytesIO(b"x").getvalue())})
    refused(["compare", str(tmp_path / "spec.yaml"), "--scenario", str(tmp_path / "w.xlsx")], capsys, want="w.xlsx")


def test_one_quantity_in_two_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two rows for report.words (9,000 and 10,000) priced the last one and said nothing."""
    wb = openpyxl.load_workbook(workbook_of(tmp_path, capsys))
    wb["quantities"].append(["report", "words", 9000, 8500])
    wb["quantities"].append(["report", "words", 10000, 8500])
    wb.save(tmp_path / "dup.xlsx")
    err = refused(["compare", str(tmp_path / "spec.yaml"), "--scenario", str(tmp_path / "dup.xlsx")], capsys)
    assert re.search(r"dup.xlsx:(\d+): quantities!A\1: report.words is also in row 3", err)
