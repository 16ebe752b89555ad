"""The live workbook: formulas recompute pbi's totals, and edited quantities come back as a scenario.

The workbook is recomputed by a formula engine (the ``formulas`` package, a test extra) and, where
LibreOffice Calc is installed, by LibreOffice headless.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pbi.costing.api import compare_file, cost_file, variant_file
from pbi.export.workbook import QUANTITY_SHEET, read_workbook_scenario, write_workbook

from _paths import NOTES, ROOT

openpyxl = pytest.importorskip("openpyxl")

_ALL = sorted(p for p in (ROOT / "notes").glob("*/*.yaml") if p.name != "entitlements.yaml")
#: every COP and new-draft spec, and every 10th General Assembly statement (recomputing one takes
#: about half a second with the formula engine)
SPECS = [p for p in _ALL if p.parent.name != "ga-statements"] + [
    p for p in _ALL if p.parent.name == "ga-statements"][::10]


def recompute(path: Path) -> dict[str, Any]:
    """Every cell's value after a formula engine has recomputed the workbook: "SHEET!A1" → value."""
    formulas = pytest.importorskip("formulas", reason="the formula engine is a test extra: pip install formulas")
    model = formulas.ExcelModel().loads(str(path)).finish()
    out: dict[str, Any] = {}
    for key, ranges in model.calculate().items():
        ref = str(key).split("]", 1)[-1].replace("'", "")
        if ":" in ref:
            continue
        value = ranges.value[0][0]
        out[ref.upper()] = value
    return out


def totals_of(cells: dict[str, Any], path: Path) -> dict[str, Decimal]:
    """The totals sheet: name in column A → the recomputed amount in column G."""
    ws = openpyxl.load_workbook(path)["totals"]
    out = {}
    for row in range(2, ws.max_row + 1):
        name = ws[f"A{row}"].value
        if name:
            # a year (and its label) that follows an activity's year cell is a formula
            name, year = (cells[f"TOTALS!{c}{row}"] if str(ws[f"{c}{row}"].value).startswith("=") else
                          ws[f"{c}{row}"].value for c in "AD")
            key = f"{name}|{ws[f'B{row}'].value}|{year}"
            out[key] = Decimal(str(round(float(cells[f"TOTALS!G{row}"]), 2)))
    return out


def grand_total(cells: dict[str, Any], path: Path) -> Decimal:
    return next(v for k, v in totals_of(cells, path).items() if k.startswith("total|"))


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_recomputed_workbook_finds_pbis_totals(spec: Path, tmp_path: Path) -> None:
    est = cost_file(spec)
    path = write_workbook(est, tmp_path / "costing.xlsx")
    cells = recompute(path)
    assert grand_total(cells, path) == est.total.low
    by_funding = {k: v for k, v in totals_of(cells, path).items() if not k.startswith("total|")}
    for (funding, year), amount in est.totals().items():
        assert any(k.split("|")[1:] == [funding, str(year)] and v == amount.low for k, v in by_funding.items())


def edit_quantity(path: Path, activity: str, quantity: str, value: Any) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[QUANTITY_SHEET]
    for row in range(2, ws.max_row + 1):
        if ws[f"A{row}"].value == activity and ws[f"B{row}"].value == quantity:
            ws[f"C{row}"] = value
            wb.save(path)
            return
    raise AssertionError(f"no row for {activity}.{quantity}")


def test_five_days_to_three_changes_the_total_and_comes_back_as_a_scenario(tmp_path: Path) -> None:
    spec = NOTES / "annex-04.yaml"
    path = write_workbook(cost_file(spec), tmp_path / "costing.xlsx")
    edit_quantity(path, "working-group-meeting", "days", 3)
    edited = grand_total(recompute(path), path)
    expected = compare_file(spec, assignments=["working-group-meeting.days=3"]).scenario.total.low
    assert edited == expected and edited != cost_file(spec).total.low
    scenario = read_workbook_scenario(path)
    assert scenario.quantities == {"working-group-meeting.days": scenario.quantities["working-group-meeting.days"]}
    assert variant_file(spec, scenario=scenario).cost().total.low == expected


def test_an_unchanged_workbook_is_an_empty_scenario(tmp_path: Path) -> None:
    path = write_workbook(cost_file(NOTES / "annex-08.yaml"), tmp_path / "costing.xlsx")
    assert not read_workbook_scenario(path)


def test_edits_of_several_kinds_recompute_as_pbi_prices_them(tmp_path: Path) -> None:
    spec = NOTES / "annex-08.yaml"
    path = write_workbook(cost_file(spec), tmp_path / "costing.xlsx")
    edits = {("digest", "pages"): 200, ("regional-workshops", "participants"): 25, ("digest", "languages"): 2}
    for (activity, quantity), value in edits.items():
        edit_quantity(path, activity, quantity, value)
    recomputed = grand_total(recompute(path), path)
    assignments = [f"{a}.{q}={v}" for (a, q), v in edits.items()]
    assert recomputed == compare_file(spec, assignments=assignments).scenario.total.low


def test_a_bad_cell_is_one_line_with_its_place(tmp_path: Path) -> None:
    from pbi.model.errors import PbiError

    path = write_workbook(cost_file(NOTES / "annex-04.yaml"), tmp_path / "costing.xlsx")
    edit_quantity(path, "working-group-meeting", "days", "five")
    with pytest.raises(PbiError) as err:
        read_workbook_scenario(path)
    assert "quantities!C" in str(err.value) and "\n" not in str(err.value)


def _calc_works(tmp_path: Path) -> bool:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return False
    probe = tmp_path / "probe.csv"
    probe.write_text("1\n", encoding="utf-8")
    run = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                          "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"), str(probe)],
                         capture_output=True, text=True, timeout=120)
    return (tmp_path / "out" / "probe.xlsx").exists() and run.returncode == 0


def test_libreoffice_recomputes_the_workbook(tmp_path: Path) -> None:
    if not _calc_works(tmp_path):
        pytest.skip("LibreOffice Calc is not installed here (soffice cannot load a spreadsheet)")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None
    est = cost_file(NOTES / "annex-04.yaml")
    path = write_workbook(est, tmp_path / "costing.xlsx")
    edit_quantity(path, "working-group-meeting", "days", 3)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "xlsx", "--outdir", str(tmp_path / "lo"), str(path)], check=True, capture_output=True,
                   timeout=120)
    ws = openpyxl.load_workbook(tmp_path / "lo" / "costing.xlsx", data_only=True)["totals"]
    total = next(ws[f"G{r}"].value for r in range(2, ws.max_row + 1) if ws[f"A{r}"].value == "total")
    expected = compare_file(NOTES / "annex-04.yaml", assignments=["working-group-meeting.days=3"]).scenario.total.low
    assert Decimal(str(total)) == expected
