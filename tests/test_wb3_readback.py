"""The delegate's workbook edited as delegates edit it (tests/data/wb3): each edit honoured, or one
line naming the file and the cell; never ignored, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("openpyxl")

from pbi.costing.api import compare_file, cost_file, variant_file
from pbi.costing.scenario import Scenario, load_scenario
from pbi.export.workbook import QUANTITY_SHEET, read_workbook_scenario, write_workbook
from pbi.model.errors import PbiError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "wb3"
CASES: list[dict[str, Any]] = yaml.safe_load((DATA / "cases.yaml").read_text(encoding="utf-8"))


def _read(case: dict[str, Any]) -> Scenario:
    return read_workbook_scenario(DATA / case["file"], cost_file(ROOT / case["spec"]))


@pytest.mark.parametrize("case", [c for c in CASES if c["expect"] == "honoured"], ids=lambda c: c["file"])
def test_an_edit_is_honoured_as_pbi_prices_it(case: dict[str, Any]) -> None:
    scenario = _read(case)
    assert scenario.quantities == Scenario.from_dict({"set": case["set"]}).quantities
    back = variant_file(ROOT / case["spec"], scenario=scenario).cost().total.low
    priced = compare_file(ROOT / case["spec"], assignments=[f"{k}={v}" for k, v in case["set"].items()])
    assert back == priced.scenario.total.low


@pytest.mark.parametrize("case", [c for c in CASES if c["expect"] == "error"], ids=lambda c: c["file"])
def test_an_edit_pbi_cannot_price_is_one_line_naming_the_cell(case: dict[str, Any]) -> None:
    with pytest.raises(PbiError) as info:
        _read(case)
    message = str(info.value)
    assert "\n" not in message
    assert case["file"] in message and str(case["cell"]) in message, message


def test_the_cases_cover_every_edit_the_brief_names() -> None:
    names = {c["file"].removesuffix(".xlsx") for c in CASES}
    for needed in ("row-deleted", "row-inserted-new-id", "id-changed", "rows-reordered", "quantity-cleared",
                   "quantity-text", "quantity-negative", "quantity-huge", "formula-other-sheet", "formula-div0",
                   "station-bonn", "grade-p9", "year-1999", "sheet-renamed", "sheet-removed", "rate-edited",
                   "libreoffice-no-cache", "not-pbi", "truncated", "renamed"):
        assert needed in names


@pytest.mark.parametrize("name", ["row-deleted", "station-bonn", "formula-div0", "renamed", "rate-grid-edited"])
def test_cli_exit_2_one_line_no_traceback(name: str) -> None:
    case = next(c for c in CASES if c["file"] == f"{name}.xlsx")
    run = subprocess.run([sys.executable, "-m", "pbi", "compare", case["spec"], "--scenario",
                          str(DATA / case["file"])], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
    assert len(run.stderr.strip().splitlines()) == 1 and str(case["cell"]) in run.stderr


def test_cli_honours_sorted_rows_as_the_same_edit_by_set() -> None:
    case = next(c for c in CASES if c["file"] == "rows-reordered.xlsx")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    back = subprocess.run([sys.executable, "-m", "pbi", "compare", case["spec"], "--scenario", str(DATA / case["file"])],
                          capture_output=True, text=True, cwd=ROOT, env=env)
    sets = [f"--set={k}={v}" for k, v in case["set"].items()]
    direct = subprocess.run([sys.executable, "-m", "pbi", "compare", case["spec"], *sets], capture_output=True,
                            text=True, cwd=ROOT, env=env)
    assert back.returncode == direct.returncode == 0, back.stderr
    total = [line.split() for line in back.stdout.splitlines() if line.startswith("total")]
    assert total and total == [line.split() for line in direct.stdout.splitlines() if line.startswith("total")]


def test_the_set_is_reproducible(tmp_path: Path) -> None:
    """make_wb3.py writes the same cases, and the same quantities sheets, again."""
    import openpyxl

    run = subprocess.run([sys.executable, str(DATA / "make_wb3.py"), str(tmp_path)], capture_output=True, text=True,
                         cwd=ROOT)
    assert run.returncode == 0, run.stderr
    again = yaml.safe_load((tmp_path / "cases.yaml").read_text(encoding="utf-8"))
    assert again == CASES
    for case in CASES:
        name = case["file"]
        if name in ("truncated.xlsx", "renamed.xlsx"):
            continue
        ours = openpyxl.load_workbook(DATA / name, read_only=True)
        theirs = openpyxl.load_workbook(tmp_path / name, read_only=True)
        assert ours.sheetnames == theirs.sheetnames
        sheet = next((n for n in ours.sheetnames if n.casefold() == QUANTITY_SHEET), ours.sheetnames[0])
        assert list(ours[sheet].iter_rows(values_only=True)) == list(theirs[sheet].iter_rows(values_only=True))


def test_a_recomputed_workbook_is_no_rate_edit(tmp_path: Path) -> None:
    """A workbook recomputed by a formula engine (values, sheet names in capitals, rates as floats)
    is read as it is: its rates and grid are the table's, only the edited cell counts."""
    formulas = pytest.importorskip("formulas")
    import openpyxl

    spec = ROOT / "tests/data/delegate/ga-nairobi-2028-weeks.yaml"
    est = cost_file(spec)
    book = write_workbook(est, tmp_path / "costing.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb[QUANTITY_SHEET]
    row = next(n for n, r in enumerate(ws.iter_rows(min_row=2, max_col=2, values_only=True), start=2)
               if r == ("docs", "pages"))
    ws[f"C{row}"] = 90
    wb.save(book)
    model = formulas.ExcelModel().loads(str(book)).finish()
    model.calculate()
    out = tmp_path / "recalc"
    model.write(dirpath=str(out))
    (recomputed,) = out.glob("*.XLSX")
    scenario = read_workbook_scenario(recomputed, est)
    assert scenario.quantities == Scenario.from_dict({"set": {"docs.pages": 90}}).quantities


def test_a_grid_value_typed_again_is_no_edit(tmp_path: Path) -> None:
    spec = ROOT / "tests/data/newuser/ga-geneva-2026-2027.yaml"
    est = cost_file(spec)
    book = write_workbook(est, tmp_path / "costing.xlsx")
    import openpyxl

    wb = openpyxl.load_workbook(book)
    grid = wb["rate grid"]
    grid["B2"] = float(Decimal(str(grid["B2"].value)))
    wb[QUANTITY_SHEET]["C2"] = 2  # a count of two
    wb.save(book)
    assert read_workbook_scenario(book, est).quantities


def test_without_the_estimate_the_edits_are_read_as_before() -> None:
    case = next(c for c in CASES if c["file"] == "rows-reordered.xlsx")
    assert read_workbook_scenario(DATA / case["file"]).quantities == \
        Scenario.from_dict({"set": case["set"]}).quantities


def test_a_workbook_as_a_scenario_file_says_how_to_read_it(tmp_path: Path) -> None:
    path = tmp_path / "costing.xlsx"
    shutil.copy(DATA / "rows-reordered.xlsx", path)
    with pytest.raises(PbiError, match="read_workbook_scenario"):
        load_scenario(path)


def test_a_workbook_of_another_table_says_which(tmp_path: Path) -> None:
    spec = ROOT / "notes/ctoc-cop-2010-17/annex-04.yaml"
    other = cost_file(spec, table="unodc-vienna-2020")
    book = write_workbook(other, tmp_path / "costing.xlsx")
    with pytest.raises(PbiError, match=r"rates!F2: the workbook was written with table unodc-vienna-2020"):
        read_workbook_scenario(book, cost_file(spec))
    assert read_workbook_scenario(book, other).quantities == {}


_UNEDITED = sorted([*(ROOT / "tests/data/delegate").glob("*.yaml"), *(ROOT / "tests/data/newuser").glob("*.yaml"),
                    ROOT / "tests/data/wb2/shares-2011.yaml", ROOT / "tests/data/workbook/every-kind-2025.yaml",
                    *sorted((ROOT / "notes/ctoc-cop-2010-17").glob("annex-0*.yaml"))[:4]])


@pytest.mark.parametrize("spec", _UNEDITED, ids=lambda p: p.stem)
def test_an_unedited_workbook_passes_every_check(spec: Path, tmp_path: Path) -> None:
    """No check fires on the workbook pbi wrote: the rows, rates, grid, shares and item formulas of
    the spec and table it is read against are the workbook's own."""
    est = cost_file(spec)
    book = write_workbook(est, tmp_path / "costing.xlsx")
    assert read_workbook_scenario(book, est).quantities == {}
