"""Sixth round of attacks, one test per fix: Word files whose styles or other XML parts are huge, many
styled paragraphs, counts given as fractions, ids a spreadsheet would read as formulas (CSV and xlsx
exports). Big inputs are generated in tmp_path, with the bounds lowered where the real ones would
take long."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import pbi.model.fileio as fileio
from attack2_helpers import SPEC, refused, run, spec, write
from attack4_cases import DRAFT, NOTE
from attack5_cases import styled_word
from pbi.model.cells import spreadsheet_text

CASES = [("check", "n.docx", NOTE.splitlines()), ("draft", "d.docx", DRAFT)]


@pytest.mark.parametrize("command, name, text", CASES)
def test_xml_parts_beside_the_body_are_bounded(command: str, name: str, text: list[str], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """85 MB of styles (200 KB zipped) took 107 s and 2.7 GB; now the parts beside the body are
    bounded together (lowered here to 10,000 bytes)."""
    monkeypatch.setattr(fileio, "MAX_DOCX_OTHER_XML", 10_000)
    inputs = write(tmp_path, {name: styled_word(text, 1, filler=20_000)})
    err = refused([command, str(tmp_path / name)], capsys, inputs, want="XML parts other than its body")
    assert "word/styles.xml" in err and err.startswith(str(tmp_path / name))


@pytest.mark.parametrize("command, name, text", CASES)
def test_too_many_styles(command: str, name: str, text: list[str], tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    inputs = write(tmp_path, {name: styled_word(text, fileio.MAX_WORD_STYLES + 1)})
    refused([command, str(tmp_path / name)], capsys, inputs, want="2,001 styles")


def test_styles_under_the_bound_still_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"d.docx": styled_word(DRAFT, 300)})
    code, out, err = run(["draft", str(tmp_path / "d.docx")], capsys)
    assert code == 0, err
    assert "kind: documentation" in out


def test_each_paragraph_style_is_looked_up_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """python-docx went through every style for each paragraph (10,000 empty paragraphs: 37 s)."""
    from docx.text.paragraph import Paragraph

    calls: list[int] = []
    real = Paragraph.style

    def counted(self: Paragraph) -> object:
        calls.append(1)
        return real.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(Paragraph, "style", property(counted))
    write(tmp_path, {"d.docx": styled_word(DRAFT, 3, styled=300)})
    code, _, err = run(["draft", str(tmp_path / "d.docx")], capsys)
    assert code == 0, err
    assert 0 < len(calls) <= 4, len(calls)  # the default style and "s", once for each reading


def test_the_body_holds_at_most_20000_blocks() -> None:
    assert fileio.MAX_WORD_BLOCKS == 20_000


@pytest.mark.parametrize("field, value", [("documents", "'1.5'"), ("documents", "{low: 1, high: 2.5}"),
                                          ("participants", "2.5"), ("trips", "1.25")])
def test_counts_are_whole(field: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """documents: 1.5 was priced without a word; now it is refused, in a spec and in --set."""
    line = {"documents": "documents: 1,", "participants": "meetings: 10,", "trips": "meetings: 10,"}[field]
    text = spec(line, f"{line} {field}: {value}," if field != "documents" else f"documents: {value},")
    inputs = write(tmp_path, {"spec.yaml": text})
    err = refused(["cost", str(tmp_path / "spec.yaml")], capsys, inputs, want="counted in whole numbers")
    assert err.startswith(f"{tmp_path / 'spec.yaml'}:1") and f".{field}:" in err


def test_a_fractional_count_in_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = write(tmp_path, {"spec.yaml": SPEC})
    refused(["compare", str(tmp_path / "spec.yaml"), "--set", "report.documents=1.5"], capsys, inputs,
            want="report.documents: documents are counted in whole numbers (got 1.5)")


def test_whole_counts_still_priced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"spec.yaml": spec("documents: 1,", "documents: '2.0',")})
    code, out, err = run(["cost", str(tmp_path / "spec.yaml")], capsys)
    assert code == 0, err and "total" in out


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_an_id_a_spreadsheet_reads_as_a_formula(start: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """id '=HYPERLINK(…)' was written as a live formula in the xlsx exports and as is in CSV."""
    bad = f'{start}HYPERLINK("http://example.org","x")'
    text = spec("id: report,", f"id: '{bad}',").replace("activities: [report]", f"activities: ['{bad}']")
    inputs = write(tmp_path, {"spec.yaml": text})
    for argv in (["cost", str(tmp_path / "spec.yaml"), "-o", str(tmp_path / "out.xlsx")],
                 ["workbook", str(tmp_path / "spec.yaml"), "-o", str(tmp_path / "w.xlsx")],
                 ["cost", str(tmp_path / "spec.yaml"), "--format", "csv"]):
        refused(argv, capsys, inputs, want="would read the id as a formula")
    assert not list(tmp_path.glob("*.xlsx"))


@pytest.mark.parametrize("value, cell", [("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
                                         ("@SUM(A1:A9)", "'@SUM(A1:A9)"), ("\t=1", "'\t=1"),
                                         ("-x", "'-x"), ("-9800", "-9800"), ("-8153.2000", "-8153.2000"),
                                         ("a=1", "a=1"), ("", "")])
def test_spreadsheet_text(value: str, cell: str) -> None:
    assert spreadsheet_text(value) == cell


def test_table_text_reaching_csv_is_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A cost table is a file the user edits too: its reference text reaches the CSV."""
    from attack2_helpers import TABLE

    write(tmp_path, {"spec.yaml": SPEC, "t.yaml": TABLE.replace("reference: 'Derived from", "reference: '=HYPERLINK(1) Derived from")})
    table = ["--table", str(tmp_path / "t.yaml")]
    code, out, err = run(["cost", str(tmp_path / "spec.yaml"), *table, "--format", "csv"], capsys)
    assert code == 0, err
    cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
    assert not any(c.startswith("=") for c in cells)
    code, out, err = run(["compare", str(tmp_path / "spec.yaml"), *table, "--set", "languages=4", "--format", "csv"],
                         capsys)
    assert code == 0, err
    cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
    assert not any(c.startswith("=") for c in cells) and "-33.3" in cells


def test_xlsx_text_that_looks_like_a_formula_stays_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A table's duty station '=1+NY' reaches the station column: a text cell in the xlsx export, and
    quoted in the CSV."""
    openpyxl = pytest.importorskip("openpyxl")
    from attack2_helpers import TABLE

    write(tmp_path, {"spec.yaml": SPEC.replace("location: New York", "location: '=1+NY'"),
                     "t.yaml": TABLE.replace("New York", "=1+NY")})
    argv = ["cost", str(tmp_path / "spec.yaml"), "--table", str(tmp_path / "t.yaml")]
    code, out, err = run([*argv, "-o", str(tmp_path / "x.xlsx")], capsys)
    assert code == 0, err
    cells = [c for ws in openpyxl.load_workbook(tmp_path / "x.xlsx") for row in ws.iter_rows() for c in row]
    texts = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=1+NY")]
    assert texts and all(c.data_type == "s" for c in texts)
    code, out, err = run([*argv, "--format", "csv"], capsys)
    assert code == 0, err
    stations = [row[-1] for row in csv.reader(io.StringIO(out))]
    assert "'=1+NY" in stations and "=1+NY" not in stations
