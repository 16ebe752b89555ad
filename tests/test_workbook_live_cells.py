"""Every quantity cell of the live workbook is live: edited, the workbook recomputes to what pbi
prices for the same edit (`pbi compare --set`), for every kind and every way of stating a quantity
(meeting days or weeks, pages for words, participants and days for trips, a count of one)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from pbi.costing.api import compare_file, cost_file
from pbi.export.workbook import PLACE_ROWS, QUANTITY_SHEET, write_workbook

from _paths import ROOT
from test_delegate_workbook import grand_total, recompute

sys.path.insert(0, str(ROOT / "benchmarks"))
from workbook_probe import edited_value  # one rule for the tests and the probe

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("formulas", reason="the formula engine is a test extra: pip install formulas")

SPEC = ROOT / "tests" / "data" / "workbook" / "every-kind-2025.yaml"


def _cells(book: Path) -> list[tuple[int, str, str, float]]:
    ws = openpyxl.load_workbook(book)[QUANTITY_SHEET]
    return [(r, ws[f"A{r}"].value, ws[f"B{r}"].value, ws[f"C{r}"].value) for r in range(2, ws.max_row + 1)]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook(cost_file(SPEC), tmp_path_factory.mktemp("wb") / "costing.xlsx")


def _rows() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        return [(a, q) for _, a, q, _ in _cells(write_workbook(cost_file(SPEC), Path(tmp) / "costing.xlsx"))]


def test_the_workbook_has_a_cell_for_every_stated_quantity(book: Path) -> None:
    rows = {(a, q) for _, a, q, _ in _cells(book)}
    assert {("members", "participants"), ("members", "days"), ("summary", "pages"), ("session", "weeks"),
            ("panels", "count"), ("experts", "dsa_days"), ("post", "posts"), ("post", "work_months"),
            ("summary", "languages")} <= rows


@pytest.mark.parametrize("cell", _rows(), ids=".".join)
def test_an_edited_cell_recomputes_as_pbi_prices_the_edit(book: Path, cell: tuple[str, str], tmp_path: Path) -> None:
    row, activity, quantity, value = next(c for c in _cells(book) if c[1:3] == cell)
    new = edited_value(quantity, value)
    edited = tmp_path / "edited.xlsx"
    shutil.copy(book, edited)
    wb = openpyxl.load_workbook(edited)
    wb[QUANTITY_SHEET][f"C{row}"] = new
    wb.save(edited)
    priced = compare_file(SPEC, assignments=[f"{activity}.{quantity}={new}"]).scenario.total.low
    if quantity not in ("documents", *PLACE_ROWS):  # words are counted in all; the number of documents
        # prices nothing here; Geneva's interpretation is New York's
        assert priced != cost_file(SPEC).total.low, f"{activity}.{quantity} changes nothing"
    assert grand_total(recompute(edited), edited) == priced


def test_a_quoted_amount_above_a_million_can_be_edited_and_is_checked_for_what_it_is_of() -> None:
    from pbi.model.errors import SpecError

    spec = ROOT / "notes" / "ga-statements" / "tr-0075-a-c-5-65-10.yaml"  # a quoted total of 1,216,700
    assert compare_file(spec, assignments=["i0.amount=1216800"]).scenario.total.low == 1216800
    with pytest.raises(SpecError, match=r"i0.amount: .*implausibly large"):
        compare_file(spec, assignments=["i0.amount=9216800000"])


@pytest.mark.parametrize("year", [2027, 2029])
def test_a_2016_statement_moved_to_a_year_after_the_tables_latest_value_recomputes(year: int, tmp_path: Path) -> None:
    # the year grid reaches three years past the table's latest dated value (2026), not only past 2016
    spec = ROOT / "notes" / "ga-statements" / "st-d01-a-c-5-70-14.yaml"
    book = write_workbook(cost_file(spec), tmp_path / "costing.xlsx")
    row, activity, _, _ = next(c for c in _cells(book) if c[2] == "year")
    wb = openpyxl.load_workbook(book)
    wb[QUANTITY_SHEET][f"C{row}"] = year
    wb.save(book)
    priced = compare_file(spec, assignments=[f"{activity}.year={year}"]).scenario.total.low
    assert grand_total(recompute(book), book) == priced
