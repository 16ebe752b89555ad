"""Draws on an entitlement and sessions over the new year are formulas in the live workbook: the
covered share is MIN(requested, available) with what is left of the allocation in a cell of its own,
and a session's days in each year follow pbi's split (whole days by largest remainder). An edit the
workbook cannot follow is said in the quantities sheet (column H, the note, a cell comment)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pbi.costing.api import compare_file, cost_file, variant_file
from pbi.export.workbook import QUANTITY_SHEET, read_workbook_scenario, write_workbook
from pbi.model.errors import PbiError

from _paths import ROOT
from test_delegate_workbook import grand_total, recompute

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("formulas", reason="the formula engine is a test extra: pip install formulas")

SHARES = ROOT / "tests" / "data" / "wb2" / "shares-2011.yaml"
ANNEX_05 = ROOT / "notes" / "ctoc-cop-2010-17" / "annex-05.yaml"
HRC = ROOT / "tests" / "data" / "qa4" / "q10-hrc-entitlement-2024.yaml"


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook(cost_file(SHARES), tmp_path_factory.mktemp("wb") / "costing.xlsx")


def _rows(path: Path) -> dict[tuple[str, str], tuple[int, Any, str, str]]:
    ws = openpyxl.load_workbook(path)[QUANTITY_SHEET]
    return {(ws[f"A{r}"].value, ws[f"B{r}"].value): (r, ws[f"C{r}"].value, ws[f"H{r}"].value, ws[f"I{r}"].value)
            for r in range(2, ws.max_row + 1)}


def _edited(book: Path, tmp_path: Path, edits: dict[tuple[str, str], Any]) -> Path:
    out = tmp_path / "edited.xlsx"
    shutil.copy(book, out)
    wb = openpyxl.load_workbook(out)
    rows = _rows(book)
    for key, value in edits.items():
        wb[QUANTITY_SHEET][f"C{rows[key][0]}"] = value
    wb.save(out)
    return out


@pytest.mark.parametrize("spec", [SHARES, ANNEX_05, HRC, ROOT / "notes" / "ctoc-cop-2010-17" / "annex-02.yaml"],
                         ids=lambda p: p.stem)
def test_every_line_item_of_a_draw_or_a_split_session_is_a_formula(spec: Path, tmp_path: Path) -> None:
    path = write_workbook(cost_file(spec), tmp_path / "costing.xlsx")
    items = openpyxl.load_workbook(path)["items"]
    linked = [items[f"O{r}"].value for r in range(2, items.max_row + 1)]
    assert linked and set(linked) == {"yes"}
    assert grand_total(recompute(path), path) == cost_file(spec).total.low


def test_the_covered_share_is_the_smaller_of_requested_and_available(book: Path) -> None:
    ws = openpyxl.load_workbook(book)["shares"]
    rows = {(ws[f"A{r}"].value, ws[f"C{r}"].value): (ws[f"D{r}"].value, ws[f"E{r}"].value)
            for r in range(2, ws.max_row + 1)}
    formula, value = rows[("second-draw", "meetings covered")]
    assert formula.startswith("=MIN(") and value == 2
    # the second draw has what the first left: 4 left of the allocation, 2 drawn before it
    assert rows[("second-draw", "meetings left of the allocation")][1] == 4
    assert rows[("second-draw", "meetings drawn by earlier activities")] [1] == 2
    assert rows[("second-draw", "meetings additional")][1] == 6
    assert rows[("session", "days")][1] in (2, 3)  # 2 days in 2011, 3 in 2012


def _covered(cells: dict[str, Any], path: Path) -> Decimal:
    """The recomputed sum of the line items the allocation covers (items!I is "yes")."""
    ws = openpyxl.load_workbook(path)["items"]
    return sum((Decimal(str(round(float(cells[f"ITEMS!N{r}"]), 2))) for r in range(2, ws.max_row + 1)
                if ws[f"I{r}"].value == "yes"), Decimal(0))


EDITS = [
    {("second-draw", "days"): 1},          # 4 meetings asked of the 2 available: still both shares
    {("second-draw", "days"): Decimal("0.5")},  # 2 meetings: all covered, nothing additional
    {("second-draw", "count"): 3},
    {("first-draw", "meetings"): 1},       # the first draw takes less: the second is covered more
    {("report", "pages"): 150},
    {("report", "pages"): 60},             # within the 80 pages left: the document goes with the covered share
    {("as-available", "meetings"): 2},
    {("session", "days"): 3},              # 3 × 2/5 and 3 × 3/5: 1 day in 2011, 2 in 2012
    {("session", "days"): 4},
    {("session", "days"): 7},
    {("session", "days"): Decimal("2.5")},  # not whole: split exactly pro rata
    {("session", "languages"): 2, ("second-draw", "languages"): 3},
]


@pytest.mark.parametrize("edits", EDITS, ids=lambda e: ",".join(f"{a}.{q}={v}" for (a, q), v in e.items()))
def test_an_edit_of_a_share_recomputes_as_pbi_prices_it(book: Path, tmp_path: Path,
                                                        edits: dict[tuple[str, str], Any]) -> None:
    edited = _edited(book, tmp_path, {k: float(v) if isinstance(v, Decimal) else v for k, v in edits.items()})
    variant = compare_file(SHARES, assignments=[f"{a}.{q}={v}" for (a, q), v in edits.items()]).scenario
    priced = variant.total.low
    cells = recompute(edited)
    assert grand_total(cells, edited) == priced
    # what the allocation covers (priced for information, outside the totals) recomputes too
    covered = sum((i.amount.low for i in variant.items if i.covered and i.type != "rounding"), Decimal(0))
    assert _covered(cells, edited) == covered
    assert (priced, covered) != (cost_file(SHARES).total.low, _covered(recompute(book), book))
    assert variant_file(SHARES, scenario=read_workbook_scenario(edited)).cost().total.low == priced


def test_the_annex_v_session_beyond_the_conferences_allocation_recomputes(tmp_path: Path) -> None:
    book = write_workbook(cost_file(ANNEX_05), tmp_path / "costing.xlsx")
    for days in (1, 2, 8):  # 2 meetings (all covered), 4 (3 covered, 1 additional), 16
        edited = _edited(book, tmp_path, {("meetings-voluntary", "days"): days})
        priced = compare_file(ANNEX_05, assignments=[f"meetings-voluntary.days={days}"]).scenario.total.low
        assert grand_total(recompute(edited), edited) == priced


def test_a_draw_with_nothing_additional_has_its_additional_share_in_the_workbook(
        book: Path, tmp_path: Path) -> None:
    # the first draw's 2 meetings are all covered: its additional line items are there, at nothing
    items = openpyxl.load_workbook(book)["items"]
    parts = [(items[f"F{r}"].value, items[f"O{r}"].value) for r in range(2, items.max_row + 1)
             if items[f"C{r}"].value == "first-draw"]
    assert parts == [("entitlement", "yes"), ("regular_budget", "yes")]
    assert _rows(book)[("first-draw", "meetings")][2] == "yes"
    for meetings in (3, 6, 10):  # beyond the 4 left: pbi prices the rest as additional, and so does Excel
        edited = _edited(book, tmp_path, {("first-draw", "meetings"): meetings})
        priced = compare_file(SHARES, assignments=[f"first-draw.meetings={meetings}"]).scenario.total.low
        assert grand_total(recompute(edited), edited) == priced


def test_a_draw_that_may_not_go_beyond_the_allocation_says_so(tmp_path: Path) -> None:
    """Funded within the allocation only: beyond it pbi asks for the funding of the rest."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(SHARES.read_text(encoding="utf-8").replace(
        "        entitlement: {body: wg}\n        funding: regular_budget\n",
        "        entitlement: {body: wg}\n        funding: entitlement\n", 1), encoding="utf-8")
    shutil.copy(SHARES.parent / "entitlements.yaml", tmp_path / "entitlements.yaml")
    book = write_workbook(cost_file(spec), tmp_path / "costing.xlsx")
    rows = _rows(book)
    _, _, recomputes, note = rows[("first-draw", "meetings")]
    assert recomputes == "partly" and "up to 4 meetings" in note and "asks for the funding" in note
    ws = openpyxl.load_workbook(book)[QUANTITY_SHEET]
    comment = ws[f"C{rows[('first-draw', 'meetings')][0]}"].comment
    assert comment is not None and "up to 4 meetings" in comment.text
    read_me = "\n".join(str(c.value) for c in openpyxl.load_workbook(book)["read me"]["A"])
    assert "first-draw.meetings (partly" in read_me
    edited = _edited(book, tmp_path, {("first-draw", "meetings"): 6})
    with pytest.raises(PbiError, match="name the funding"):
        compare_file(spec, assignments=["first-draw.meetings=6"])
    shares = openpyxl.load_workbook(book)["shares"]
    check = next(r for r in range(2, shares.max_row + 1) if shares[f"C{r}"].value == "check")
    assert shares[f"A{check}"].value == "first-draw" and shares[f"E{check}"].value == "within the allocation"
    assert recompute(book)[f"SHARES!D{check}"] == "within the allocation"
    assert recompute(edited)[f"SHARES!D{check}"].startswith("beyond the allocation: pbi asks for the funding")


def test_a_session_over_the_new_year_that_draws_on_an_allocation_keeps_numbers_and_says_so(
        tmp_path: Path) -> None:
    text = SHARES.read_text(encoding="utf-8").replace(
        "        start: 2011-12-29\n", "        start: 2011-12-29\n        entitlement: {body: wg}\n", 1)
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    shutil.copy(SHARES.parent / "entitlements.yaml", tmp_path / "entitlements.yaml")
    path = write_workbook(cost_file(spec), tmp_path / "costing.xlsx")
    rows = _rows(path)
    assert rows[("session", "days")][2] == "no" and "keeps its quantity as a number" in rows[("session", "days")][3]
    assert rows[("first-draw", "meetings")][2] != "no"
    assert grand_total(recompute(path), path) == cost_file(spec).total.low
