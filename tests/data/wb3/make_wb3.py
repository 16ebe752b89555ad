"""Write the edited workbooks of tests/data/wb3: a delegate's workbook edited as delegates edit it.

    python tests/data/wb3/make_wb3.py [OUT_DIR]     (default: beside this script)

Each case starts from the workbook `pbi workbook` writes for a spec of tests/data/delegate or
tests/data/newuser and is edited with openpyxl (a row deleted, inserted, re-ordered; a cell cleared,
set to text, to a formula, to a duty station the table does not price; a sheet renamed; a rate
edited; a file that is not pbi's). ``cases.yaml`` beside this script says, for each, what a delegate
should get: ``honoured`` (the edits the comparison must reflect) or ``error`` (the cell the one-line
message must name). A formula saved with the value the spreadsheet computed is written as Excel
writes it (openpyxl writes formulas without values, as a workbook never recomputed).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from collections.abc import Callable
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
import yaml  # noqa: E402

from pbi.costing.api import cost_file  # noqa: E402
from pbi.export.workbook import write_workbook  # noqa: E402

SPECS = {
    "nairobi": "tests/data/delegate/ga-nairobi-2028-weeks.yaml",
    "geneva": "tests/data/newuser/ga-geneva-2026-2027.yaml",
    "vienna": "tests/data/delegate/ga-vienna-2026-words.yaml",
    "shares": "tests/data/wb2/shares-2011.yaml",  # draws on an allocation (tests/data/wb2)
}


def row_of(ws: Any, activity: str, quantity: str) -> int:
    for n, (a, q) in enumerate(ws.iter_rows(min_row=2, max_col=2, values_only=True), start=2):
        if a == activity and q == quantity:
            return n
    raise KeyError(f"{activity}.{quantity}")




def with_cached(path: Path, sheet: str, cell: str, value: str, error: bool = False) -> None:
    """Give the formula in ``sheet!cell`` the value a spreadsheet saved for it (``<v>``)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    part = f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"
    xml = parts[part].decode()
    pattern = re.compile(rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?')
    kind = ' t="e"' if error else ""
    xml, n = pattern.subn(lambda m: f'<c r="{cell}"{m.group(1)}{kind}><f>{m.group(2)}</f><v>{value}</v>', xml)
    assert n == 1, (part, cell)
    parts[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


Edit = Callable[[Any], Any]


def edit(base: Path, out: Path, change: Edit) -> Any:
    wb = openpyxl.load_workbook(base)
    result = change(wb)
    wb.save(out)
    return result


def set_cell(activity: str, quantity: str, value: Any) -> Edit:
    def change(wb: Any) -> str:
        ws = wb["quantities"]
        r = row_of(ws, activity, quantity)
        ws[f"C{r}"] = value
        return f"quantities!C{r}"
    return change


def delete_row(activity: str, quantity: str) -> Edit:
    def change(wb: Any) -> str:
        ws = wb["quantities"]
        r = row_of(ws, activity, quantity)
        ws.delete_rows(r)
        return f"{activity}.{quantity}"
    return change


def insert_row(activity: str, quantity: str, value: Any) -> Edit:
    def change(wb: Any) -> str:
        ws = wb["quantities"]
        r = ws.max_row + 1
        for col, v in zip("ABCD", (activity, quantity, value, value), strict=True):
            ws[f"{col}{r}"] = v
        return f"quantities!A{r}"
    return change


def rename_id(activity: str, quantity: str, new: str) -> Edit:
    def change(wb: Any) -> str:
        ws = wb["quantities"]
        r = row_of(ws, activity, quantity)
        ws[f"A{r}"] = new
        return f"quantities!A{r}"
    return change


def reorder_and_set(activity: str, quantity: str, value: Any) -> Edit:
    """Rows sorted by quantity name, as a delegate sorting the sheet (values move, references stay)."""
    def change(wb: Any) -> str:
        ws = wb["quantities"]
        rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
        rows.sort(key=lambda r: (str(r[1]), str(r[0])))
        for n, values in enumerate(rows, start=2):
            for k, v in enumerate(values, start=1):
                ws.cell(row=n, column=k).value = v
        r = row_of(ws, activity, quantity)
        ws[f"C{r}"] = value
        return f"quantities!C{r}"
    return change


def rename_sheet(old: str, new: str, then: Edit | None = None) -> Edit:
    def change(wb: Any) -> Any:
        where = then(wb) if then else new
        wb[old].title = "renamed"  # openpyxl refuses a new name that differs only in case
        wb["renamed"].title = new
        return where
    return change


def remove_sheet(name: str, then: Edit) -> Edit:
    def change(wb: Any) -> Any:
        del wb[name]
        return then(wb)
    return change


def edit_rate(sheet: str, col: str) -> Edit:
    """Protection removed (rates) or not needed (rate grid), and the first rate raised by a tenth."""
    def change(wb: Any) -> str:
        ws = wb[sheet]
        ws.protection.sheet = False
        ws[f"{col}2"] = round(float(ws[f"{col}2"].value) * 1.1, 2)
        return (f"'{sheet}'" if " " in sheet else sheet) + f"!{col}2"
    return change


def with_column_inserted(then: Edit) -> Edit:
    """A column of notes inserted before column C (the value moves to D), then ``then``."""
    def change(wb: Any) -> Any:
        ws = wb["quantities"]
        ws.insert_cols(3)
        ws["C1"] = "my notes"
        ws["C2"] = "ask the secretariat"
        where = then(wb)  # set_cell writes column C: move its edit to D, the value column now
        r = int(where.split("!C", 1)[1])
        ws[f"D{r}"], ws[f"C{r}"] = ws[f"C{r}"].value, None
        return where.replace("!C", "!D")
    return change


def delete_column(col: str) -> Edit:
    def change(wb: Any) -> str:
        wb["quantities"].delete_cols(ord(col) - ord("A") + 1)
        return "quantities!1:1"
    return change


def copy_sheet_and_set(activity: str, quantity: str, value: Any) -> Edit:
    """The quantities sheet copied (Move or Copy > Create a copy) and the copy edited."""
    def change(wb: Any) -> str:
        copy = wb.copy_worksheet(wb["quantities"])
        copy.title = "quantities (2)"
        copy[f"C{row_of(copy, activity, quantity)}"] = value
        return "'quantities (2)'!A1"
    return change


def edit_cell(sheet: str, cell: str, value: Any) -> Edit:
    """Protection removed and one cell of ``sheet`` overwritten."""
    def change(wb: Any) -> str:
        wb[sheet].protection.sheet = False
        wb[sheet][cell] = value
        return f"{sheet}!{cell}"
    return change


def main(argv: list[str]) -> int:
    out_dir = (Path(argv[0]) if argv else HERE).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    os.chdir(ROOT)  # the read me names the spec as a path from the repository, wherever it is cloned
    cases: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        bases = {}
        for key, spec in SPECS.items():
            bases[key] = write_workbook(cost_file(spec), Path(tmp) / f"{key}.xlsx")

        def case(name: str, key: str, change: Edit, expect: str, **more: Any) -> Path:
            out = out_dir / f"{name}.xlsx"
            where = edit(bases[key], out, change)
            entry = {"file": out.name, "spec": SPECS[key], "expect": expect, **more}
            if expect == "error" and "cell" not in more:
                entry["cell"] = where
            cases.append(entry)
            return out

        case("row-deleted", "nairobi", delete_row("docs", "pages"), "error", cell="docs.pages",
             why="a deleted quantity is neither the spec's value nor a new one")
        case("row-deleted-activity", "geneva", lambda wb: [delete_row("members-dsa", q)(wb) for q in
                                                            ("location", "year", "days", "participants", "count")],
             "error", cell="members-dsa", why="an activity cannot be removed by deleting its rows")
        case("row-inserted-new-id", "nairobi", insert_row("side-event", "days", 2), "error",
             why="an activity the spec does not have")
        case("id-changed", "geneva", rename_id("wg-2026", "days", "wg-2026-bis"), "error",
             why="an id the spec does not have")
        case("rows-reordered", "geneva", reorder_and_set("wg-2027", "days", 3), "honoured",
             set={"wg-2027.days": "3"}, why="rows are read by activity and quantity, not by position")
        case("quantity-cleared", "nairobi", set_cell("docs", "pages", None), "error")
        case("quantity-text", "nairobi", set_cell("session", "weeks", "three"), "error")
        case("quantity-negative", "geneva", set_cell("members-dsa", "participants", -3), "error")
        case("quantity-huge", "geneva", set_cell("gta-p4", "work_months", 1e308), "error")
        case("quantity-zero", "nairobi", set_cell("docs", "pages", 0), "error")
        # a formula of another sheet, saved by a spreadsheet with its value (3 rows of rates)
        out = case("formula-other-sheet", "nairobi", set_cell("session", "weeks", "=COUNTA(rates!A2:A4)"),
                   "honoured", set={"session.weeks": "3"}, why="read as the spreadsheet computed it")
        with_cached(out, "quantities", "C4", "3")
        case("formula-no-value", "nairobi", set_cell("session", "weeks", "=COUNTA(rates!A2:A4)"), "error",
             why="a formula never recomputed: pbi cannot know its value")
        out = case("formula-div0", "nairobi", set_cell("docs", "pages", "=60/0"), "error",
                   why="the formula computes #DIV/0!")
        with_cached(out, "quantities", "C8", "#DIV/0!", error=True)
        case("station-bonn", "nairobi", set_cell("session", "location", "Bonn"), "error")
        case("grade-p9", "nairobi", set_cell("p3", "grade", "P-9"), "error")
        case("year-1999", "geneva", set_cell("wg-2026", "year", 1999), "error")
        case("year-in-table", "geneva", set_cell("wg-2026", "year", 2028), "honoured", set={"wg-2026.year": "2028"},
             why="a year of the rate grid")
        case("station-geneva", "nairobi", set_cell("session", "location", "Geneva"), "honoured",
             set={"session.location": "Geneva"})
        case("sheet-renamed", "nairobi", rename_sheet("quantities", "my quantities"), "error", cell="my quantities")
        case("sheet-renamed-case", "nairobi", rename_sheet("quantities", "QUANTITIES", set_cell("docs", "pages", 90)),
             "honoured", set={"docs.pages": "90"}, why="sheet names are case-insensitive in Excel")
        case("sheet-removed", "nairobi", remove_sheet("quantities", lambda wb: "quantities"), "error",
             cell="quantities")
        case("other-sheet-removed", "nairobi", remove_sheet("totals", set_cell("docs", "pages", 90)), "honoured",
             set={"docs.pages": "90"}, why="pbi prices from the spec and its table: only the quantities are read")
        case("rate-edited", "nairobi", edit_rate("rates", "D"), "error",
             why="a rate is not read back from the workbook: the message gives the --set for it")
        case("rate-grid-edited", "geneva", edit_rate("rate grid", "B"), "error",
             why="a rate is not read back from the workbook: the message gives the --set for it")
        case("allocation-edited", "shares", edit_cell("shares", "D2", 6), "error",
             why="what is left of an allocation is read from the entitlements file")
        case("column-inserted", "nairobi", with_column_inserted(set_cell("docs", "pages", 90)), "honoured",
             set={"docs.pages": "90"}, why="columns are found by their header: a column of notes may be inserted")
        case("column-deleted", "nairobi", delete_column("D"), "error", cell="quantities!1:1",
             why="the spec's values (column D) are gone")
        case("id-cleared", "nairobi", rename_id("docs", "pages", None), "error")
        case("station-lowercase", "nairobi", set_cell("session", "location", "vienna"), "honoured",
             set={"session.location": "Vienna"}, why="a duty station or grade in other capitals is the table's")
        case("sheet-copied", "geneva", copy_sheet_and_set("wg-2026", "days", 3), "error",
             why="an edited copy of the quantities: pbi reads one sheet")
        case("item-overwritten", "nairobi", edit_cell("items", "N2", 12345), "error",
             why="a line item's formula replaced by a number")
        case("baseline-edited", "nairobi", lambda wb: (wb["quantities"].__setitem__(
            f"D{row_of(wb['quantities'], 'docs', 'pages')}", 90), f"quantities!D{row_of(wb['quantities'], 'docs', 'pages')}")[1],
            "error", why="column D is the spec's value: the workbook was written from another spec, or edited there")
        case("other-spec", "geneva", set_cell("wg-2026", "days", 3), "error", spec=SPECS["nairobi"], cell="wg-2026",
             why="a workbook of another spec")
        case("libreoffice-no-cache", "vienna", set_cell("report", "words", 20000), "honoured",
             set={"report.words": "20000"}, why="LibreOffice-like: no cached values; the edit is a number")
        # files that are not pbi's workbook
        wb = openpyxl.Workbook()
        wb.active.title = "Sheet1"
        wb.active["A1"] = "budget"
        wb.save(out_dir / "not-pbi.xlsx")
        cases.append({"file": "not-pbi.xlsx", "spec": SPECS["nairobi"], "expect": "error", "cell": "quantities"})
        wb = openpyxl.Workbook()
        wb.active.title = "quantities"
        wb.active.append(["item", "cost"])
        wb.active.append(["chairs", 12])
        wb.save(out_dir / "not-pbi-quantities.xlsx")
        cases.append({"file": "not-pbi-quantities.xlsx", "spec": SPECS["nairobi"], "expect": "error",
                      "cell": "quantities!A1"})
        data = (out_dir / "rows-reordered.xlsx").read_bytes()
        (out_dir / "truncated.xlsx").write_bytes(data[: len(data) // 2])
        cases.append({"file": "truncated.xlsx", "spec": SPECS["geneva"], "expect": "error", "cell": "not an Excel"})
        # an Excel 97-2003 file renamed: the compound-document signature, then sectors
        (out_dir / "renamed.xlsx").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(4088))
        cases.append({"file": "renamed.xlsx", "spec": SPECS["nairobi"], "expect": "error", "cell": "Excel 97"})
        shutil.rmtree(Path(tmp), ignore_errors=True)
    (out_dir / "cases.yaml").write_text(
        "# Written by make_wb3.py: what a delegate should get from each edited workbook.\n"
        + yaml.safe_dump(cases, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    print(f"wrote {len(cases)} workbooks to {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
