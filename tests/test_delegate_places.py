"""A delegate's "what if it met in Geneva, in 2026, at another grade?" in the live workbook.

The workbook has a row per activity for its duty station, year and grade (column C, a list or a
range of years); each rate is looked up in the rate grid by rate, grade, duty station and year, so
an edit recomputes as ``pbi compare --set ACTIVITY.location=…`` prices it, and is read back. Sheets
are protected but for the quantity cells. Specs: tests/data/delegate (written for this pass).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pbi.costing.api import compare_file, cost_file, variant_file
from pbi.export.workbook import GRID_SHEET, QUANTITY_SHEET, read_workbook_scenario, write_workbook

from _paths import ROOT

openpyxl = pytest.importorskip("openpyxl")
DATA = ROOT / "tests" / "data" / "delegate"


def _edit(path: Path, edits: dict[tuple[str, str], Any]) -> list[str]:
    """Set column C of the quantities rows named in ``edits``; the ``--set`` assignments they mean."""
    wb = openpyxl.load_workbook(path)
    ws = wb[QUANTITY_SHEET]
    sets = []
    for row in ws.iter_rows(min_row=2):
        key = (row[0].value, row[1].value)
        if key in edits:
            row[2].value = edits[key]
            sets.append(f"{key[0]}.{key[1]}={edits[key]}")
    wb.save(path)
    assert len(sets) == len(edits), f"rows not found: {set(edits) - {tuple(s.split('=')[0].split('.')) for s in sets}}"
    return sets


def _recomputed_total(path: Path) -> Decimal:
    formulas = pytest.importorskip("formulas", reason="the formula engine is a test extra: pip install formulas")
    model = formulas.ExcelModel().loads(str(path)).finish()
    cells: dict[str, Any] = {}
    for key, ranges in model.calculate().items():
        ref = str(key).split("]", 1)[-1].replace("'", "").upper()
        if ":" not in ref:
            cells[ref] = ranges.value[0][0]
    ws = openpyxl.load_workbook(path)["totals"]
    row = next(r for r in range(2, ws.max_row + 1) if ws[f"A{r}"].value == "total")
    return Decimal(str(cells[f"TOTALS!G{row}"])).quantize(Decimal(1))


def test_station_year_and_grade_cells_recompute_as_pbi_prices_them(tmp_path: Path) -> None:
    spec = DATA / "ga-nairobi-2028-weeks.yaml"
    book = write_workbook(cost_file(spec), tmp_path / "book.xlsx")
    # a new P-3 post becomes General Service (another vacancy factor), the session moves to Geneva,
    # the documents to 2027
    edits = {("p3", "grade"): "GS (Other level)", ("session", "location"): "Geneva", ("docs", "year"): 2027}
    sets = _edit(book, edits)
    baseline = cost_file(spec).total.low
    priced = compare_file(spec, assignments=sets).scenario.total.low
    assert priced != baseline  # the edits change the price
    assert _recomputed_total(book) == priced
    back = read_workbook_scenario(book)
    assert variant_file(spec, scenario=back).cost().total.low == priced


def test_place_rows_are_lists_and_years_the_table_covers(tmp_path: Path) -> None:
    book = write_workbook(cost_file(DATA / "ecosoc-geneva-2029-gta-gs.yaml"), tmp_path / "book.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb[QUANTITY_SHEET]
    rows = {(r[0].value, r[1].value): r[2].coordinate for r in ws.iter_rows(min_row=2)}
    assert {("gta-gs", "location"), ("gta-gs", "year"), ("gta-gs", "grade"), ("members-dsa", "location"),
            ("members-dsa", "year")} <= set(rows)
    rules = {str(c): dv for dv in ws.data_validations.dataValidation for c in str(dv.sqref).split()}
    assert rules[rows[("gta-gs", "location")]].type == "list"
    assert "Nairobi" in rules[rows[("gta-gs", "location")]].formula1
    assert "P-4" in rules[rows[("gta-gs", "grade")]].formula1
    year = rules[rows[("gta-gs", "year")]]
    assert (year.type, year.formula1, year.formula2) == ("whole", "2028", "2029")
    grid = wb[GRID_SHEET]
    keys = {grid[f"A{r}"].value for r in range(2, grid.max_row + 1)}
    assert {"staff.P-4|Vienna|2028", "travel.dsa|Nairobi|2029"} <= keys
    # each grid row names its source
    assert all("table un-standard-costs: " in grid[f"C{r}"].value for r in range(2, grid.max_row + 1))


def test_sheets_are_protected_but_the_quantity_cells(tmp_path: Path) -> None:
    book = write_workbook(cost_file(DATA / "ga-ny-2027-session.yaml"), tmp_path / "book.xlsx")
    wb = openpyxl.load_workbook(book)
    for name in ("read me", QUANTITY_SHEET, "rates", "items", "totals"):
        assert wb[name].protection.sheet, name
    assert not wb[GRID_SHEET].protection.sheet  # what-if rates: recompute, not read back (read me)
    ws = wb[QUANTITY_SHEET]
    assert all(ws[f"C{r}"].protection.locked is False for r in range(2, ws.max_row + 1))
    assert ws["D2"].protection.locked and wb["items"]["L2"].protection.locked


def test_place_edits_are_read_back_without_recomputing(tmp_path: Path) -> None:
    spec = DATA / "hrc-geneva-2026-panel.yaml"
    book = write_workbook(cost_file(spec), tmp_path / "book.xlsx")
    _edit(book, {("panels", "location"): "New York", ("study", "year"): 2027})
    scenario = read_workbook_scenario(book)
    assert scenario.quantities == {"panels.location": "New York", "study.year": 2027}
    _edit(book, {("panels", "location"): " "})
    with pytest.raises(Exception, match=r"panels.location: expected a duty station"):
        read_workbook_scenario(book)


def test_a_year_shared_with_other_activities_is_rounded_apart(tmp_path: Path) -> None:
    # the session and its report are rounded together in request (a); moved to another year, the
    # report is rounded apart there, as pbi prices it: a row per year of the grid, at nothing now
    spec = DATA / "ga-ny-2027-session.yaml"
    book = write_workbook(cost_file(spec), tmp_path / "book.xlsx")
    wb = openpyxl.load_workbook(book)
    flags = {(r[0].value, r[1].value): r[7].value for r in wb[QUANTITY_SHEET].iter_rows(min_row=2)}
    assert flags[("session", "year")] == flags[("report", "year")] == "yes"
    totals = wb["totals"]
    years = {totals[f"D{r}"].value: totals[f"H{r}"].value for r in range(2, totals.max_row + 1)
             if totals[f"A{r}"].value == "request (a)"}
    assert years == {2026: 0, 2027: 258100, 2028: 0, 2029: 0}
    sets = _edit(book, {("report", "year"): 2026})
    assert _recomputed_total(book) == compare_file(spec, assignments=sets).scenario.total.low
