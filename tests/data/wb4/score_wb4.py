"""Score `pbi compare SPEC --scenario EDITED.xlsx` on each workbook of cases.yaml (as wb3's scorer),
and recompute each honoured workbook with the ``formulas`` engine: the total Excel would show must be
the total pbi gives for the same edits.

    python tests/data/wb4/score_wb4.py [-v] [--dir DIR] [--code DIR] [--no-recompute]

``--dir DIR``: the workbooks and cases.yaml (default: beside this script; make_wb4.py DIR writes them).
Outcomes: ``honoured``, ``clear error``, ``silent`` (exit 0 where an error was due, or a total the
edits do not give), ``ignored`` ("nothing to compare": the edit left out), ``unclear`` (an error not
naming the cell), ``traceback``, ``refused`` (an edit pbi can price refused), and ``recomputed wrong``
(honoured by pbi, but the workbook, recomputed, shows another total or none).
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
CODE = ROOT
DIR = HERE


def pbi(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(CODE)}
    return subprocess.run([sys.executable, "-m", "pbi", *args], capture_output=True, text=True, cwd=CODE, env=env)


def total_line(stdout: str) -> str:
    """The scenario's total (the second amount of the total line)."""
    return next((line.split()[2] for line in stdout.splitlines() if line.startswith("total")), "")


def recomputed_total(path: Path) -> Decimal | None:
    """The grand total of the workbook after the ``formulas`` engine recomputed it (None: no total)."""
    import formulas
    import openpyxl

    sheet = next(n for n in openpyxl.load_workbook(path, read_only=True).sheetnames if n.casefold() == "totals")
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    row = next((n for n, r in enumerate(ws.iter_rows(max_col=1, values_only=True), start=1) if r[0] == "total"), None)
    if row is None:
        return None
    model = formulas.ExcelModel().loads(str(path)).finish()
    for key, ranges in model.calculate().items():
        ref = str(key).split("]", 1)[-1].replace("'", "").upper()
        if ref == f"{sheet.upper()}!G{row}":
            value = ranges.value[0][0]
            return Decimal(str(round(float(value), 2))) if isinstance(value, (int, float)) else None
    return None


def score(case: dict[str, Any], recompute: bool) -> tuple[str, str]:
    """(outcome, what pbi said) for one case."""
    spec = str(ROOT / case["spec"])
    path = DIR / case["file"]
    run = pbi("compare", spec, "--scenario", str(path))
    said = (run.stderr.strip() or run.stdout.strip()).splitlines()
    said_line = said[-1] if said else ""
    if "Traceback" in run.stderr or run.returncode not in (0, 2):
        return "traceback", said_line
    if case["expect"] == "honoured":
        if run.returncode != 0:
            return "refused", said_line
        sets = [f"--set={k}={v}" for k, v in (case.get("set") or {}).items()]
        want = pbi("compare", spec, *sets)
        got, expected = total_line(run.stdout), total_line(want.stdout)
        if not sets:
            return ("honoured" if run.stdout == want.stdout else "silent"), said_line
        if not got or got != expected:
            return "silent", f"total {got} (--set: {expected})"
        if recompute and case.get("recompute", True) and path.suffix == ".xlsx":
            book = recomputed_total(path)
            if book is None or book != Decimal(expected.replace(",", "")):
                return "recomputed wrong", f"total {got}; the workbook recomputes {book}"
        return "honoured", f"total {got} (--set: {expected})"
    if run.returncode == 0:
        return "silent", f"exit 0: total {total_line(run.stdout)}"
    lines = [line for line in run.stderr.strip().splitlines() if line]
    if any("nothing to compare" in line for line in lines):
        return "ignored", said_line
    clear = len(lines) == 1 and case["file"] in lines[0] and str(case["cell"]) in lines[0]
    return ("clear error" if clear else "unclear"), said_line


def main(argv: list[str]) -> int:
    global CODE, DIR
    if "--code" in argv:
        CODE = Path(argv[argv.index("--code") + 1]).resolve()
    if "--dir" in argv:
        DIR = Path(argv[argv.index("--dir") + 1]).resolve()
    cases = yaml.safe_load((DIR / "cases.yaml").read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for case in cases:
        outcome, said = score(case, "--no-recompute" not in argv)
        counts[outcome] = counts.get(outcome, 0) + 1
        if "-v" in argv:
            print(f"{case['file']:32} {case['expect']:9} -> {outcome:16} {said[:220]}", flush=True)
    good = counts.get("honoured", 0) + counts.get("clear error", 0)
    print(f"{len(cases)} workbooks: {good} honoured or a clear error; "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
