"""Probe every live workbook: each quantity cell edited alone, recomputed, against pbi's own price.

    python benchmarks/workbook_probe.py [--quick] [--json] [--only SUBSTRING]

Specs: every spec under notes/ and tests/data/qa3, qa4 and workbook, and the spec `pbi draft`
proposes for each draft of tests/data/drafts5 and drafts6. For each spec the workbook is written
(``pbi.export.workbook.write_workbook``) and counted: line items whose quantity is a formula of the
quantity cells (``linked: yes``) against all line items with a quantity. Then each cell of the
quantities sheet is edited alone (doubled; languages minus one, or plus one from one), the workbook
recomputed by the ``formulas`` engine, and three totals compared:

* the recomputed grand total (totals sheet, column G);
* pbi's scenario total for the same edit (``compare_file(spec, assignments=["ACTIVITY.QUANTITY=V"])``);
* the edited workbook read back (``read_workbook_scenario``) and priced
  (``variant_file(spec, scenario=...).cost().total``);

and the same for what existing resources or an entitlement cover (priced for information, outside
the totals): the recomputed sum of the items marked covered against pbi's.

A cell agrees when all three are equal, or when the workbook says plainly that it does not follow
(a ``no`` in the quantities sheet's ``recomputes`` column) and the read-back still prices the edit as
pbi does. Printed: specs, items linked / all, cells tried, cells agreeing, and each disagreement.
Recomputing one workbook takes about half a second: the full probe runs for several minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TQDM_DISABLE", "1")  # the formula engine's progress bars

from pbi.costing.api import compare_file, cost_file, variant_file  # noqa: E402
from pbi.export.workbook import QUANTITY_SHEET, read_workbook_scenario, write_workbook  # noqa: E402
from pbi.model.errors import PbiError  # noqa: E402

#: how far the recomputed covered amounts (each read to the cent) may be from pbi's exact sum
_CENTS = Decimal("0.05")
DRAFT_DIRS = ("tests/data/drafts5", "tests/data/drafts6")
SPEC_DIRS = ("tests/data/qa3", "tests/data/qa4", "tests/data/workbook")


def note_specs() -> list[Path]:
    """Every spec of notes/ and of the test folders named in SPEC_DIRS."""
    out = sorted(p for p in (ROOT / "notes").glob("*/*.yaml") if p.name != "entitlements.yaml")
    for folder in SPEC_DIRS:
        out += sorted(p for p in (ROOT / folder).glob("*.yaml") if p.name != "entitlements.yaml")
    return out


def draft_specs(into: Path, only: str = "") -> list[Path]:
    """The spec `pbi draft` proposes for each draft of DRAFT_DIRS (whose path contains ``only``),
    written under ``into``."""
    out = []
    for folder in DRAFT_DIRS:
        for draft in sorted((ROOT / folder).iterdir()):
            if draft.suffix not in (".txt", ".md") or draft.name == "README.md" or only not in str(draft):
                continue
            spec = into / f"{folder.rsplit('/', 1)[-1]}-{draft.stem}.yaml"
            run = subprocess.run([sys.executable, "-m", "pbi.cli", "draft", str(draft), "-o", str(spec)],
                                 capture_output=True, text=True, cwd=ROOT)
            if run.returncode == 0 and spec.exists():
                out.append(spec)
            else:
                print(f"  {draft.name}: pbi draft failed: {run.stderr.strip()[:200]}", file=sys.stderr)
    return out


def recompute(path: Path) -> dict[str, Any]:
    """Every cell after the ``formulas`` engine has recomputed the workbook: "SHEET!A1" → value."""
    import formulas

    model = formulas.ExcelModel().loads(str(path)).finish()
    out: dict[str, Any] = {}
    for key, ranges in model.calculate().items():
        ref = str(key).split("]", 1)[-1].replace("'", "")
        if ":" not in ref:
            out[ref.upper()] = ranges.value[0][0]
    return out


def grand_total(cells: dict[str, Any], path: Path) -> Decimal:
    import openpyxl

    ws = openpyxl.load_workbook(path, read_only=True)["totals"]
    for n, row in enumerate(ws.iter_rows(min_row=1, max_col=1, values_only=True), start=1):
        if row[0] == "total":
            return Decimal(str(round(float(cells[f"TOTALS!G{n}"]), 2)))
    raise AssertionError(f"{path}: no total row")


def quantity_rows(path: Path) -> list[tuple[int, str, str, Any, str]]:
    """(row, activity, quantity, value, recomputes) of each row of the quantities sheet."""
    import openpyxl

    ws = openpyxl.load_workbook(path, read_only=True)[QUANTITY_SHEET]
    header = [c for c in next(ws.iter_rows(min_row=1, max_row=1, values_only=True))]
    live = header.index("recomputes") if "recomputes" in header else None
    return [(n, r[0], r[1], r[2], (r[live] if live is not None else "yes") or "yes")
            for n, r in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2) if r and r[0]]


def covered_sum(cells: dict[str, Any], path: Path) -> Decimal:
    """The recomputed sum of the line items marked covered (items, column I)."""
    import openpyxl

    ws = openpyxl.load_workbook(path, read_only=True)["items"]
    total = Decimal(0)
    for n, row in enumerate(ws.iter_rows(min_row=2, max_col=9, values_only=True), start=2):
        if row[8] == "yes":
            total += Decimal(str(round(float(cells[f"ITEMS!N{n}"]), 2)))
    return total


def covered_of(est: Any) -> Decimal:
    return sum((i.amount.low for i in est.items if i.covered and i.type != "rounding"), Decimal(0))


def linked_counts(path: Path) -> tuple[int, int]:
    """Line items with a quantity whose quantity is a formula, and all line items with a quantity."""
    import openpyxl

    ws = openpyxl.load_workbook(path, read_only=True)["items"]
    header = list(next(ws.iter_rows(min_row=1, max_row=1, values_only=True)))
    q, link = header.index("quantity"), header.index("linked")
    linked = total = 0
    for row in ws.iter_rows(min_row=2, values_only=True):
        if row[q] is None and row[header.index("type")] != "quoted":
            continue
        total += 1
        linked += row[link] == "yes"
    return linked, total


def edited_value(quantity: str, value: Any) -> Any:
    """One language less, another duty station, year or grade, twice any other quantity."""
    if quantity == "languages":
        return value - 1 if value > 1 else value + 1
    if quantity == "location":
        return "Vienna" if value != "Vienna" else "Geneva"
    if quantity == "year":
        return value - 1
    if quantity == "grade":
        return "P-3" if value != "P-3" else "P-4"
    doubled = value * 2
    return int(doubled) if float(doubled).is_integer() else doubled


def probe_spec(spec: Path, tmp: Path, *, cells: bool = True) -> dict[str, Any]:
    est = cost_file(spec)
    book = write_workbook(est, tmp / "costing.xlsx")
    linked, items = linked_counts(book)
    out: dict[str, Any] = {"spec": str(spec.relative_to(ROOT) if spec.is_relative_to(ROOT) else spec.name),
                           "linked": linked, "items": items, "tried": 0, "agree": 0, "flagged": 0,
                           "disagree": []}
    base = grand_total(recompute(book), book)
    if base != est.total.low:
        out["disagree"].append(f"unedited: recomputed {base} != pbi {est.total.low}")
    if not cells:
        return out
    import openpyxl

    for row, activity, quantity, value, live in quantity_rows(book):
        new = edited_value(quantity, value)
        edited = tmp / "edited.xlsx"
        shutil.copy(book, edited)
        wb = openpyxl.load_workbook(edited)
        wb[QUANTITY_SHEET][f"C{row}"] = new
        wb.save(edited)
        out["tried"] += 1
        what = f"{activity}.{quantity} {value} -> {new}"
        try:
            variant = compare_file(spec, assignments=[f"{activity}.{quantity}={new}"]).scenario
            priced, covered = variant.total.low, covered_of(variant)
        except PbiError as err:
            priced = covered = None
            reason = f"pbi refuses: {err}"
        try:
            back = variant_file(spec, scenario=read_workbook_scenario(edited, est)).cost().total.low
        except PbiError as err:
            back = None
            reason = f"read back refuses: {err}"
        cells = recompute(edited)
        try:
            recomputed: Decimal | None = grand_total(cells, edited)
            covered_here = covered_sum(cells, edited)
        except ValueError:  # the total is an error (#N/A: a grade the table has no rate for)
            recomputed = covered_here = None
        if priced is None or back is None:
            if live != "yes" or recomputed is None:  # the workbook says it does not follow, or shows an
                # error where pbi refuses; pbi says why
                out["agree"] += 1
                out["flagged"] += 1
            else:
                out["disagree"].append(f"{what}: {reason}")
            continue
        # each covered item is recomputed in floating point and read to the cent: a cent apart
        if recomputed == priced == back and covered is not None and abs(covered_here - covered) <= _CENTS:
            out["agree"] += 1
        elif live != "yes" and priced == back:
            out["agree"] += 1
            out["flagged"] += 1
        else:
            out["disagree"].append(f"{what}: recomputed {recomputed}, pbi {priced}, read back {back}; covered "
                                   f"recomputed {covered_here}, pbi {covered}")
    return out


def _has_covered(spec: Path) -> bool:
    try:
        return any(i.covered for i in cost_file(spec).items)
    except PbiError:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="count linked items only (no cell edits)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--jsonl", help="append each spec's result to this file as it is probed")
    parser.add_argument("--only", help="specs whose path contains this")
    parser.add_argument("--covered", action="store_true",
                        help="only specs with items that existing resources or an entitlement cover")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        (tmp / "drafts").mkdir()
        specs = [s for s in note_specs() if (args.only or "") in str(s)] + draft_specs(tmp / "drafts", args.only or "")
        if args.covered:
            specs = [s for s in specs if _has_covered(s)]
        results = []
        for n, spec in enumerate(specs, start=1):
            print(f"[{n}/{len(specs)}] {spec.name}", file=sys.stderr, flush=True)
            try:
                results.append(probe_spec(spec, tmp, cells=not args.quick))
                if args.jsonl:
                    with open(args.jsonl, "a", encoding="utf-8") as out:
                        out.write(json.dumps(results[-1]) + "\n")
            except PbiError as err:
                print(f"{spec}: cannot cost: {err}", file=sys.stderr)
    linked = sum(r["linked"] for r in results)
    items = sum(r["items"] for r in results)
    tried = sum(r["tried"] for r in results)
    agree = sum(r["agree"] for r in results)
    flagged = sum(r["flagged"] for r in results)
    if args.json:
        print(json.dumps({"specs": len(results), "linked": linked, "items": items, "tried": tried,
                          "agree": agree, "flagged": flagged, "results": results}, indent=1))
        return 0
    for r in results:
        for d in r["disagree"]:
            print(f"{r['spec']}: {d}")
        if r["linked"] < r["items"]:
            print(f"{r['spec']}: {r['items'] - r['linked']} of {r['items']} items not linked")
    print(f"specs {len(results)}; items linked {linked} / {items}; cells tried {tried}, agreeing {agree}"
          f" ({flagged} of them flagged as not recomputing, pbi's price read back)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
