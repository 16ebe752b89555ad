"""Workbook round 4 (tests/data/wb4): edits rounds 2-3 did not try. Each is honoured (the scenario is
the one ``--set`` gives, and the workbook, recomputed, shows pbi's total) or refused in one line naming
the file and the cell; never ignored, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("openpyxl")

from pbi.costing.api import compare_file, cost_file, variant_file
from pbi.costing.scenario import Scenario
from pbi.export.edited import formula_shape
from pbi.export.workbook import FORMAT_PROPERTY, QUANTITY_SHEET, read_workbook_scenario, write_workbook
from pbi.model.errors import PbiError

from test_delegate_workbook import grand_total, recompute

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "wb4"
CASES: list[dict[str, Any]] = yaml.safe_load((DATA / "cases.yaml").read_text(encoding="utf-8"))
GENEVA = ROOT / "tests/data/wb4/hrc-geneva-2027-2029.yaml"
NAIROBI = ROOT / "tests/data/delegate/ga-nairobi-2028-weeks.yaml"


def _read(case: dict[str, Any]) -> Scenario:
    return read_workbook_scenario(DATA / case["file"], cost_file(ROOT / case["spec"]))


def _priced(case: dict[str, Any]) -> Decimal:
    return compare_file(ROOT / case["spec"], assignments=[f"{k}={v}" for k, v in case["set"].items()]).scenario.total.low


@pytest.mark.parametrize("case", [c for c in CASES if c["expect"] == "honoured"], ids=lambda c: c["file"])
def test_an_edit_is_honoured_as_set_prices_it(case: dict[str, Any]) -> None:
    scenario = _read(case)
    assert scenario.quantities == Scenario.from_dict({"set": case["set"]}).quantities
    assert variant_file(ROOT / case["spec"], scenario=scenario).cost().total.low == _priced(case)


@pytest.mark.parametrize("case", [c for c in CASES if c["expect"] == "error"], ids=lambda c: c["file"])
def test_an_edit_pbi_does_not_price_is_one_line_naming_the_cell(case: dict[str, Any]) -> None:
    with pytest.raises(PbiError) as info:
        _read(case)
    message = str(info.value)
    assert "\n" not in message
    assert case["file"] in message and str(case["cell"]) in message, message


@pytest.mark.parametrize("name", ["year-text", "station-spaces", "grade-P3", "grade-p-3-space", "days-2.5",
                                  "station-geneva-lower", "year-and-grade"])
def test_the_edited_workbook_recomputes_pbis_total(name: str) -> None:
    """A year pasted as text, a station with spaces, a grade spelled P4 or "P 3": the workbook looks
    them up as pbi reads them (the year was totalled in no year, the lookups said #N/A)."""
    pytest.importorskip("formulas")
    case = next(c for c in CASES if c["file"] == f"{name}.xlsx")
    path = DATA / case["file"]
    assert grand_total(recompute(path), path) == _priced(case)


@pytest.mark.parametrize(("name", "said"), [
    ("days-percent", "formatted as a percentage (it shows 50%)"),
    ("pages-date", "a date or time (2026-03-05), not a number"),
    ("total-edited", "totals!G12: a formula of pbi's (=SUM($G$2:$G$7)) was replaced by 1000000"),
    ("item-formula-changed", "was replaced by the formula =2*2"),
    ("item-section", "the cell holds 'Section 25', pbi wrote 'Section 24'"),
    ("request-cell", "the request cell holds 'a' but the spec says 'b'"),
    ("rates-renamed-edited", "'rates 2028'!D2: interpretation.meeting at Nairobi"),
    ("grid-renamed-edited", "grid!B2: interpretation.meeting|New York|2027: the workbook has 9999"),
    ("station-cleared", "type the duty station"),
    ("grade-gs-ol", "quantities!C7: gta-gs.grade: table un-standard-costs has no rate 'staff.GS-OL'"),
    ("formula-cache-malformed", "the values the spreadsheet saved for its formulas cannot be read"),
])
def test_what_was_ignored_or_unclear_is_said(name: str, said: str) -> None:
    case = next(c for c in CASES if c["file"].startswith(name + "."))
    with pytest.raises(PbiError) as info:
        _read(case)
    assert said in str(info.value)


def test_cli_a_total_typed_over_is_exit_2_one_line() -> None:
    case = next(c for c in CASES if c["file"] == "total-edited.xlsx")
    run = subprocess.run([sys.executable, "-m", "pbi", "compare", case["spec"], "--scenario", str(DATA / case["file"])],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 2 and run.stdout == "" and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "totals!G12" in run.stderr


def test_formula_shape_ignores_what_excel_changes_not_what_a_delegate_does() -> None:
    pbi = "=INDEX('rate grid'!$B$2:$B$17,MATCH(\"a-b\"&\"|\"&quantities!$C$5,'rate grid'!$D$2:$D$17,0))*2.0"
    resaved = "=index('Rate Grid'!B3:B18,match(\"a-b\"&\"|\"&Quantities!C6,'Rate Grid'!D3:D18,0))*2"
    assert formula_shape(pbi) == formula_shape(resaved)
    assert formula_shape("=J2*L2*M2") == formula_shape("=J9*L9*M9")
    assert formula_shape("=J2*L2*M2") != formula_shape("=J2*L2*M2*2")
    assert formula_shape("=J2*L2*M2") != formula_shape("=2*2")
    assert formula_shape('=A1&"x-y"') != formula_shape('=A1&"xy"')


def _book(spec: Path, tmp: Path) -> tuple[Any, Path, Any]:
    import openpyxl

    est = cost_file(spec)
    path = write_workbook(est, tmp / "costing.xlsx")
    return est, path, openpyxl.load_workbook(path)


def test_an_earlier_pbis_workbook_is_checked_as_before(tmp_path: Path) -> None:
    """Without the format property (a workbook an earlier pbi wrote, whose formulas differ) another
    formula in the items is not refused, a value over a formula still is."""
    est, path, wb = _book(NAIROBI, tmp_path)
    wb.custom_doc_props = type(wb.custom_doc_props)()
    wb["items"]["N2"] = "=J2*L2*M2*1"
    wb.save(path)
    assert read_workbook_scenario(path, est).quantities == {}
    wb["items"]["N2"] = 5
    wb.save(path)
    with pytest.raises(PbiError, match=r"items!N2: a formula of pbi's \(=J2\*L2\*M2\) was replaced by 5"):
        read_workbook_scenario(path, est)


def test_the_workbook_says_its_format(tmp_path: Path) -> None:
    _, _, wb = _book(NAIROBI, tmp_path)
    assert [p.value for p in wb.custom_doc_props if p.name == FORMAT_PROPERTY] == [2]


def test_a_renamed_items_sheet_is_still_checked(tmp_path: Path) -> None:
    est, path, wb = _book(GENEVA, tmp_path)
    wb["items"].title = "line items"
    wb["line items"]["N2"] = 1
    wb.save(path)
    with pytest.raises(PbiError, match=r"'line items'!N2"):
        read_workbook_scenario(path, est)


def test_a_lookup_key_of_the_grid_edited_is_refused(tmp_path: Path) -> None:
    est, path, wb = _book(GENEVA, tmp_path)
    wb["rate grid"]["D2"] = "something else"
    wb.save(path)
    with pytest.raises(PbiError, match=r"'rate grid'!D2: .*the lookup key is 'something else'"):
        read_workbook_scenario(path, est)


def test_an_unchanged_percentage_format_is_no_edit(tmp_path: Path) -> None:
    est, path, wb = _book(GENEVA, tmp_path)
    ws = wb[QUANTITY_SHEET]
    row = next(n for n, r in enumerate(ws.iter_rows(min_row=2, max_col=2, values_only=True), start=2)
               if r == ("egm", "days"))
    ws[f"C{row}"].number_format = "0%"
    wb.save(path)
    assert read_workbook_scenario(path, est).quantities == {}


def test_the_set_is_reproducible(tmp_path: Path) -> None:
    """make_wb4.py writes the same cases again."""
    run = subprocess.run([sys.executable, str(DATA / "make_wb4.py"), str(tmp_path)], capture_output=True, text=True,
                         cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert yaml.safe_load((tmp_path / "cases.yaml").read_text(encoding="utf-8")) == CASES
