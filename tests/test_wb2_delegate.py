"""What the delegate sees: a "read me" sheet (what to edit, what recomputes, what does not, the
command that writes the note back), number formats on the quantity cells, and data validation that
refuses in Excel what pbi would refuse when the workbook is read back. No LibreOffice is needed:
the workbooks are read with openpyxl and recomputed with the `formulas` engine."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pbi.costing.api import compare_file, cost_file
from pbi.export.workbook import QUANTITY_SHEET, write_workbook
from pbi.model.errors import PbiError

from _paths import NOTES, ROOT

openpyxl = pytest.importorskip("openpyxl")

EVERY_KIND = ROOT / "tests" / "data" / "workbook" / "every-kind-2025.yaml"
SHARES = ROOT / "tests" / "data" / "wb2" / "shares-2011.yaml"
SPECS = [*sorted(NOTES.glob("annex-*.yaml")), EVERY_KIND, SHARES,
         ROOT / "notes" / "ga-statements" / "tr-0075-a-c-5-65-10.yaml"]


def _within_only(tmp_path: Path) -> Path:
    """The shares spec with its first draw funded within the allocation only (pbi refuses more)."""
    import shutil

    spec = tmp_path / "within.yaml"
    spec.write_text(SHARES.read_text(encoding="utf-8").replace(
        "        entitlement: {body: wg}\n        funding: regular_budget\n",
        "        entitlement: {body: wg}\n        funding: entitlement\n", 1), encoding="utf-8")
    shutil.copy(SHARES.parent / "entitlements.yaml", tmp_path / "entitlements.yaml")
    return spec


def _book(spec: Path, tmp_path: Path) -> Any:
    return openpyxl.load_workbook(write_workbook(cost_file(spec), tmp_path / "costing.xlsx"))


def _rule(ws: Any, cell: str) -> Any:
    found = [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, f"{cell}: {len(found)} validations"
    return found[0]


def _accepts(dv: Any, value: Any) -> bool:
    """Whether Excel takes ``value`` under ``dv`` (whole or decimal, between formula1 and formula2)."""
    low, high = Decimal(dv.formula1), Decimal(dv.formula2)
    if dv.type == "whole" and Decimal(str(value)) != Decimal(str(value)).to_integral_value():
        return False
    return low <= Decimal(str(value)) <= high


def test_the_read_me_comes_first_and_says_what_to_edit_and_how_to_get_the_note(tmp_path: Path) -> None:
    wb = _book(NOTES / "annex-04.yaml", tmp_path)
    assert wb.sheetnames[0] == "read me" and wb.active.title == "read me"
    text = "\n".join(str(c.value or "") for c in wb["read me"]["A"])
    assert 'sheet "quantities", column C' in text
    assert "What recomputes" in text and "What does not" in text
    assert "every quantity cell recomputes in full" in text
    assert "pbi note" in text and "annex-04.yaml" in text and "--scenario" in text
    assert "pbi does not read it back" in text  # the rates sheet


def test_the_read_me_lists_the_cells_that_do_not_recompute_in_full(tmp_path: Path) -> None:
    text = "\n".join(str(c.value or "") for c in _book(_within_only(tmp_path), tmp_path)["read me"]["A"])
    assert "first-draw.meetings (partly: up to 4 meetings" in text
    assert "every quantity cell recomputes in full" not in text


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_every_quantity_cell_is_validated_and_takes_the_specs_own_value(spec: Path, tmp_path: Path) -> None:
    ws = _book(spec, tmp_path)[QUANTITY_SHEET]
    for r in range(2, ws.max_row + 1):
        name, value = ws[f"B{r}"].value, ws[f"D{r}"].value
        dv = _rule(ws, f"C{r}")
        assert dv.showErrorMessage and dv.error and not dv.allow_blank
        if name in ("location", "grade"):  # a list of the table's duty stations or grades
            assert dv.type == "list" and value in dv.formula1.strip('"').split(",")
            continue
        assert _accepts(dv, value), f"{ws[f'A{r}'].value}.{name}={value} refused by {dv.type} {dv.formula1}..{dv.formula2}"
        if name in ("languages", "count"):
            assert dv.type == "whole" and dv.formula1 == "1"
        assert ws[f"C{r}"].number_format == ws[f"D{r}"].number_format
        if name in ("words", "pages", "participants") and value == int(value) and value >= 1000:
            assert ws[f"C{r}"].number_format == "#,##0"


@pytest.mark.parametrize("quantity, bad", [("languages", 7), ("languages", 0), ("languages", 2.5), ("count", 0),
                                           ("count", 1.5), ("days", 0), ("days", -1), ("participants", 2.5),
                                           ("pages", 0)])
def test_what_excel_refuses_pbi_refuses_too(quantity: str, bad: Any, tmp_path: Path) -> None:
    ws = _book(EVERY_KIND, tmp_path)[QUANTITY_SHEET]
    row = next(r for r in range(2, ws.max_row + 1) if ws[f"B{r}"].value == quantity)
    activity = ws[f"A{row}"].value
    assert not _accepts(_rule(ws, f"C{row}"), bad)
    if quantity == "participants":  # a spec may state 2.5 participants; Excel asks for whole people
        return
    with pytest.raises(PbiError):
        compare_file(EVERY_KIND, assignments=[f"{activity}.{quantity}={bad}"])


def test_what_excel_takes_pbi_prices(tmp_path: Path) -> None:
    ws = _book(EVERY_KIND, tmp_path)[QUANTITY_SHEET]
    for r in range(2, ws.max_row + 1):
        dv = _rule(ws, f"C{r}")
        if dv.type == "list":
            for choice in dv.formula1.strip('"').split(","):
                assert compare_file(EVERY_KIND, assignments=[f"{ws[f'A{r}'].value}.{ws[f'B{r}'].value}={choice}"])
            continue
        for value in (Decimal(dv.formula1), Decimal(dv.formula2)):
            if ws[f"B{r}"].value == "amount" or value > 10_000:
                continue  # the largest quantities are priced (slowly) in test_scenarios
            assert compare_file(EVERY_KIND, assignments=[f"{ws[f'A{r}'].value}.{ws[f'B{r}'].value}={value}"])


def test_a_cell_the_workbook_cannot_follow_has_a_comment_and_the_others_none(tmp_path: Path) -> None:
    ws = _book(_within_only(tmp_path), tmp_path)[QUANTITY_SHEET]
    assert {ws[f"H{r}"].value for r in range(2, ws.max_row + 1)} == {"yes", "partly"}
    for r in range(2, ws.max_row + 1):
        comment = ws[f"C{r}"].comment
        if ws[f"H{r}"].value == "yes":
            assert comment is None
        else:
            assert comment is not None and comment.text.startswith("pbi: this cell recomputes in part here.")
