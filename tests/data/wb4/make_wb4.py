"""Write the edited workbooks of tests/data/wb4 (workbook round 4): edits rounds 2-3 did not try.

    python tests/data/wb4/make_wb4.py [OUT_DIR]     (default: beside this script)

Each case starts from the workbook `pbi workbook` writes for one of eight specs (two of this folder,
a 2027-2029 Geneva mandate and a Vienna/Nairobi draft; tests/data/delegate; a 2016-2017 biennium of
tests/data/qa4) and is edited with openpyxl as a delegate edits it in Excel: a year beyond the rate
grid, a duty station in each spelling, 2.5 days, "1,500" as text, a percentage, a date Excel made of
"3-5", a formula of another cell, a grade typed "P3", a blank row, a sheet renamed or moved, a row
hidden, a total or an item's formula edited, the rates sheet deleted, a request cell changed.
``cases.yaml`` says what each should give: ``honoured`` (the ``--set`` edits the comparison must
equal) or ``error`` (the cell the one-line message must name).
"""

from __future__ import annotations

import datetime
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "data" / "wb3"))

import openpyxl  # noqa: E402
import yaml  # noqa: E402
from make_wb3 import row_of, with_cached  # noqa: E402

from pbi.costing.api import cost_file  # noqa: E402
from pbi.export.workbook import write_workbook  # noqa: E402

SPECS = {
    "geneva3y": "tests/data/wb4/hrc-geneva-2027-2029.yaml",
    "vienna-nairobi": "tests/data/wb4/ccpcj-vienna-nairobi-2027.yaml",
    "nairobi": "tests/data/delegate/ga-nairobi-2028-weeks.yaml",
    "biennium": "tests/data/qa4/q05-ny-biennium-2016-2017.yaml",
    "consultants": "tests/data/delegate/ga-ny-2028-consultants.yaml",
    "gta": "tests/data/delegate/ecosoc-geneva-2029-gta-gs.yaml",
    "vienna": "tests/data/delegate/ga-vienna-2026-words.yaml",
    "two-years": "tests/data/delegate/ga-ny-2026-2027-two-years.yaml",
}

Edit = Callable[[Any], Any]


def cell_of(wb: Any, activity: str, quantity: str, col: str = "C") -> str:
    return f"{col}{row_of(wb['quantities'], activity, quantity)}"


def sets(*changes: tuple[str, str, Any]) -> Edit:
    """Type values in column C (several at once)."""
    def change(wb: Any) -> str:
        where = ""
        for activity, quantity, value in changes:
            where = cell_of(wb, activity, quantity)
            wb["quantities"][where] = value
        return f"quantities!{where}"
    return change


def fmt(activity: str, quantity: str, value: Any, number_format: str) -> Edit:
    """A value typed in a cell of a given number format (Excel stores 50% as 0.5, '0%')."""
    def change(wb: Any) -> str:
        where = cell_of(wb, activity, quantity)
        wb["quantities"][where] = value
        wb["quantities"][where].number_format = number_format
        return f"quantities!{where}"
    return change


def then(*edits: Edit) -> Edit:
    def change(wb: Any) -> Any:
        out = None
        for e in edits:
            out = e(wb) or out
        return out
    return change


def blank_row_at(activity: str, quantity: str) -> Edit:
    def change(wb: Any) -> str:
        ws = wb["quantities"]
        ws.insert_rows(row_of(ws, activity, quantity))
        return "quantities"
    return change


def rename(old: str, new: str) -> Edit:
    def change(wb: Any) -> str:
        wb[old].title = new
        return new
    return change


def move_first(name: str) -> Edit:
    def change(wb: Any) -> str:
        ws = wb[name]
        wb._sheets.remove(ws)
        wb._sheets.insert(0, ws)
        return name
    return change


def hide_row(activity: str, quantity: str) -> Edit:
    def change(wb: Any) -> str:
        ws = wb["quantities"]
        ws.row_dimensions[row_of(ws, activity, quantity)].hidden = True
        return "quantities"
    return change


def delete_sheet(name: str) -> Edit:
    def change(wb: Any) -> str:
        del wb[name]
        return name
    return change


def put(sheet: str, cell: str, value: Any) -> Edit:
    def change(wb: Any) -> str:
        wb[sheet][cell] = value
        return f"{sheet}!{cell}"
    return change


def first_total(wb: Any) -> str:
    ws = wb["totals"]
    for n, row in enumerate(ws.iter_rows(min_row=1, max_col=1, values_only=True), start=1):
        if row[0] == "total":
            return f"G{n}"
    raise KeyError("total")


def edit_total(value: Any) -> Edit:
    def change(wb: Any) -> str:
        where = first_total(wb)
        wb["totals"][where] = value
        return f"totals!{where}"
    return change


def edit_column(activity: str, quantity: str, col: str, value: Any) -> Edit:
    def change(wb: Any) -> str:
        where = cell_of(wb, activity, quantity, col)
        wb["quantities"][where] = value
        return f"quantities!{where}"
    return change


def add_row(values: list[Any], at: int | None = None) -> Edit:
    def change(wb: Any) -> str:
        ws = wb["quantities"]
        r = at or ws.max_row + 1
        if at:
            ws.insert_rows(at)
        for k, v in enumerate(values, start=1):
            ws.cell(row=r, column=k).value = v
        return f"quantities!A{r}"
    return change


def formula_items(n: int, col: str, formula: str) -> Edit:
    return put("items", f"{col}{n}", formula)


# name, spec, edit, expect, set (honoured) or cell (error), why; cached: (cell, value) of a formula
CASES: list[dict[str, Any]] = []


def case(name: str, spec: str, change: Edit, expect: str, *, set: dict[str, str] | None = None,
         cell: str = "", why: str = "", cached: tuple[str, ...] | None = None, suffix: str = ".xlsx", recompute: bool = True) -> None:
    CASES.append({"file": name + suffix, "spec": SPECS[spec], "edit": change, "expect": expect,
                  "set": set, "cell": cell, "why": why, "cached": cached, "recompute": recompute})


def with_cached_text(path: Path, cell: str, value: str, raw: bool = False) -> None:
    """Give the formula in ``quantities!cell`` the text a spreadsheet saved for it (``t="str"``, as
    Excel writes it; ``raw``: without the type, a number's place)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    part = f"xl/worksheets/sheet{names.index('quantities') + 1}.xml"
    pattern = re.compile(rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?')
    kind = "" if raw else ' t="str"'
    xml, n = pattern.subn(lambda m: f'<c r="{cell}"{m.group(1)}{kind}><f>{m.group(2)}</f><v>{value}</v>',
                          parts[part].decode())
    assert n == 1, (part, cell)
    parts[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


# -- years
case("year-beyond-grid", "geneva3y", sets(("session-2029", "year", 2040)), "error",
     why="a year after the rate grid")
case("year-in-grid", "geneva3y", sets(("report", "year", 2029)), "honoured", set={"report.year": "2029"})
case("year-text", "geneva3y", sets(("mission", "year", "2029")), "honoured", set={"mission.year": "2029"},
     why="a year typed as text")
case("year-decimal", "geneva3y", sets(("mission", "year", 2028.5)), "error")
case("year-two-digits", "nairobi", sets(("session", "year", 29)), "error")
case("year-date", "geneva3y", sets(("mission", "year", datetime.datetime(2029, 1, 1))), "error",
     why="a date typed in the year cell")
case("year-biennium-second", "biennium", sets(("plenary", "year", 2017)), "honoured", set={"plenary.year": "2017"})
case("year-biennium-before", "biennium", sets(("p2-post", "year", 2015)), "honoured", set={"p2-post.year": "2015"})
case("year-cleared", "geneva3y", sets(("p4", "year", None)), "error")
# -- duty stations
case("station-new-york", "geneva3y", sets(("p4", "location", "New York")), "honoured", set={"p4.location": "New York"})
case("station-vienna", "geneva3y", sets(("mission", "location", "Vienna")), "honoured",
     set={"mission.location": "Vienna"})
case("station-nairobi", "geneva3y", sets(("session-2027", "location", "Nairobi")), "honoured",
     set={"session-2027.location": "Nairobi"})
case("station-geneva-lower", "vienna-nairobi", sets(("egm", "location", "geneva")), "honoured",
     set={"egm.location": "Geneva"})
case("station-spaces", "vienna-nairobi", sets(("p3", "location", " new york ")), "honoured",
     set={"p3.location": "New York"})
case("station-geneve", "vienna-nairobi", sets(("docs", "location", "Genève")), "error")
case("station-cleared", "vienna-nairobi", sets(("docs", "location", None)), "error")
case("station-number", "vienna-nairobi", sets(("docs", "location", 2)), "error")
# -- decimals, text, formats
case("days-2.5", "geneva3y", sets(("session-2027", "days", 2.5)), "honoured", set={"session-2027.days": "2.5"})
case("work-months-0.5", "consultants", sets(("consultants", "work_months", 0.5)), "honoured",
     set={"consultants.work_months": "0.5"})
case("trips-2.5", "geneva3y", sets(("mission", "trips", 2.5)), "error",
     why="trips are whole")
case("languages-2.5", "vienna-nairobi", sets(("egm", "languages", 2.5)), "error")
case("words-comma-text", "geneva3y", sets(("report", "words", "1,500")), "error",
     why="'1,500' is 1500 in New York and 1.5 in Geneva: pbi does not guess")
case("words-space-text", "geneva3y", sets(("report", "words", "12 000")), "error")
case("days-text-trailing-space", "geneva3y", sets(("egm", "days", "4 ")), "honoured", set={"egm.days": "4"})
case("days-percent", "geneva3y", fmt("egm", "days", 0.5, "0%"), "error", why="'50%' typed: Excel stores 0.5 in a percentage cell")
case("days-percent-format-only", "geneva3y", then(fmt("egm", "days", 2, "0%"), sets(("egm", "languages", 4))),
     "honoured", set={"egm.languages": "4"}, why="the format changed, not the value")
case("pages-date", "nairobi", fmt("docs", "pages", datetime.datetime(2026, 3, 5), "d-mmm"), "error",
     why="'3-5' typed: Excel makes it the date 5 March")
case("days-number-format", "geneva3y", then(fmt("egm", "days", 2, "0.00"), sets(("report", "words", 9000))),
     "honoured", set={"report.words": "9000"})
case("days-bool", "geneva3y", sets(("egm", "days", True)), "error")
# -- formulas of other cells
case("formula-of-cell", "nairobi", sets(("docs", "pages", "=C3*15")), "honoured", set={"docs.pages": "90"},
     cached=("C8", "90"), why="=C3*15 with the value Excel saved (C3: session.languages 6)")
case("formula-of-cell-no-cache", "nairobi", sets(("docs", "pages", "=C3*15")), "error",
     why="re-saved by openpyxl: no computed value")
case("formula-location", "vienna-nairobi", sets(("egm", "location", "=C21")), "honoured",
     set={"egm.location": "Nairobi"}, cached=("C5", "Nairobi"), why="a formula computing text (C21: p3.location)")
case("formula-cache-malformed", "vienna-nairobi", sets(("egm", "location", "=C21")), "error",
     cached=("C5", "Nairobi", "raw"), why="a saved value that is text in a number's place (not as Excel writes it)")
# -- grades
case("grade-P3", "vienna-nairobi", sets(("p3", "grade", "P4")), "honoured", set={"p3.grade": "P-4"},
     why="P4 for P-4")
case("grade-p-3-lower", "geneva3y", sets(("p4", "grade", "p-3")), "honoured", set={"p4.grade": "P-3"})
case("grade-p-3-space", "geneva3y", sets(("p4", "grade", "P 3")), "honoured", set={"p4.grade": "P-3"})
case("grade-gs-short", "gta", sets(("gta-gs", "grade", "GS")), "honoured", set={"gta-gs.grade": "GS"},
     why="pbi reads GS as GS (Other level)")
case("grade-p9", "geneva3y", sets(("p4", "grade", "P9")), "error")
case("grade-gs-ol", "gta", sets(("gta-gs", "grade", "GS-OL")), "error",
     why="a grade pbi knows but the table does not price (it prices GS (Other level))")
# -- several edits
case("two-of-one-activity", "nairobi", sets(("docs", "pages", 80), ("docs", "documents", 4)), "honoured",
     set={"docs.pages": "80", "docs.documents": "4"})
case("days-and-station", "geneva3y", sets(("egm", "days", 2.5), ("egm", "location", "Vienna")), "honoured",
     set={"egm.days": "2.5", "egm.location": "Vienna"})
case("year-and-grade", "geneva3y", sets(("p4", "year", 2029), ("p4", "grade", "P-5")), "honoured",
     set={"p4.year": "2029", "p4.grade": "P-5"})
# -- rows and sheets
case("blank-row", "geneva3y", then(blank_row_at("report", "count"), sets(("mission", "trips", 5))), "honoured",
     set={"mission.trips": "5"}, recompute=False,
     why="not recomputed: openpyxl does not shift the references of a row inserted, as Excel does")
case("row-hidden", "geneva3y", then(hide_row("consultant", "work_months"),
                                    sets(("consultant", "work_months", 6))), "honoured",
     set={"consultant.work_months": "6"})
case("sheet-moved", "nairobi", then(move_first("quantities"), sets(("session", "weeks", 3))), "honoured",
     set={"session.weeks": "3"})
case("rates-renamed-edited", "nairobi", then(rename("rates", "rates 2028"), put("rates 2028", "D2", 9999)),
     "error", cell="D2", why="a rate edited on a renamed sheet")
case("grid-renamed-edited", "nairobi", then(rename("rate grid", "grid"), put("grid", "B2", 9999)), "error",
     cell="B2", why="a grid value edited on a renamed sheet")
case("rates-deleted", "nairobi", then(delete_sheet("rates"), sets(("docs", "pages", 90))), "honoured",
     set={"docs.pages": "90"}, why="pbi prices from its table; the edit is honoured")
case("xlsm", "nairobi", sets(("docs", "pages", 90)), "honoured", set={"docs.pages": "90"}, suffix=".xlsm")
case("openpyxl-resaved", "geneva3y", sets(("summary", "words", 9000)), "honoured", set={"summary.words": "9000"},
     why="absorbed work: existing resources")
case("extrabudgetary-edited", "consultants", sets(("hlm", "days", 2)), "honoured", set={"hlm.days": "2"})
# -- other sheets and columns
case("total-edited", "nairobi", edit_total(1000000), "error", cell="totals!G", why="a total typed over")
case("total-formula-edited", "nairobi", edit_total("=1+1"), "error", cell="totals!G")
case("item-formula-changed", "nairobi", formula_items(2, "N", "=2*2"), "error", cell="items!N2",
     why="a formula of pbi's replaced by another formula")
case("item-number", "geneva3y", formula_items(3, "N", 5), "error", cell="items!N3")
case("item-section", "geneva3y", formula_items(3, "G", "Section 25"), "error", cell="items!G3",
     why="a line item moved to another section in the items sheet")
case("item-unit-factor", "nairobi", formula_items(2, "M", 2), "error", cell="items!M2")
case("request-cell", "geneva3y", edit_column("mission", "trips", "E", "a"), "error",
     why="moving an activity to another request is a spec edit")
case("kind-cell", "geneva3y", edit_column("egm", "days", "G", "documentation"), "error")
case("note-cell", "geneva3y", then(edit_column("egm", "days", "I", "to be confirmed"), sets(("egm", "days", 3))),
     "honoured", set={"egm.days": "3"}, why="a delegate's note")
case("new-activity-row", "geneva3y", add_row(["side-event", "days", 1, 1, "a", None, "meeting", "yes"], at=20),
     "error", cell="quantities!A20")
case("new-quantity-row", "geneva3y", add_row(["report", "pages", 10, 10, "a", None, "documentation", "yes"]),
     "error", cell="quantities!B")
case("count-two", "consultants", sets(("hlm", "count", 2)), "honoured", set={"hlm.count": "2"})
case("posts-decimal", "biennium", sets(("gs-posts", "posts", 1.5)), "honoured", set={"gs-posts.posts": "1.5"},
     why="a post and a half (pbi prices part-time posts)")
case("languages-7", "geneva3y", sets(("session-2029", "languages", 7)), "error")
case("work-months-gta", "gta", sets(("gta-gs", "work_months", 4.5)), "honoured", set={"gta-gs.work_months": "4.5"})
case("two-years-words", "two-years", sets(("report-2027", "words", 9000)), "honoured",
     set={"report-2027.words": "9000"})
CASES[:] = [c for c in CASES if c]


def base(spec: str, into: Path) -> Path:
    out = into / (Path(spec).stem + ".xlsx")
    if not out.exists():
        write_workbook(cost_file(ROOT / spec), out)
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    listed = []
    with tempfile.TemporaryDirectory() as tmp:
        for c in CASES:
            wb = openpyxl.load_workbook(base(c["spec"], Path(tmp)))
            where = c["edit"](wb)
            target = out / c["file"]
            wb.save(target)
            if c["cached"] and (len(c["cached"]) > 2 or not c["cached"][1].replace(".", "").isdigit()):
                with_cached_text(target, c["cached"][0], c["cached"][1], raw=len(c["cached"]) > 2)
            elif c["cached"]:
                with_cached(target, "quantities", *c["cached"])
            entry = {k: c[k] for k in ("file", "spec", "expect")}
            if c["expect"] == "honoured":
                entry["set"] = c["set"]
                if not c["recompute"]:
                    entry["recompute"] = False
            else:
                entry["cell"] = c["cell"] or where
            if c["why"]:
                entry["why"] = c["why"]
            listed.append(entry)
    (out / "cases.yaml").write_text("# Written by make_wb4.py: what a delegate should get from each edited workbook.\n"
                                    + yaml.safe_dump(listed, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
