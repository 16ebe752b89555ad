"""Score `pbi compare SPEC --scenario EDITED.xlsx` on each workbook of cases.yaml.

    python tests/data/wb3/score_wb3.py [-v] [--code DIR]

``--code DIR``: run the pbi package found in DIR (an earlier version, to score it before a change).

Each case gets one of: ``honoured`` (exit 0, and the total is the one `pbi compare --set` gives for
the same edits), ``clear error`` (exit 2, one line naming the file and the cell or field of
cases.yaml, no traceback), ``silent`` (exit 0 where an error was due, or a total the edits do not
give), ``unclear`` (an error that does not name the cell) or ``traceback``. Prints the count of
each and, with -v, every case.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


CODE = ROOT  # where the pbi package run is (--code)


def pbi(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(CODE)}
    return subprocess.run([sys.executable, "-m", "pbi", *args], capture_output=True, text=True, cwd=CODE, env=env)


def total_line(stdout: str) -> str:
    """The scenario's total (the second amount of the total line)."""
    return next((line.split()[2] for line in stdout.splitlines() if line.startswith("total")), "")


def score(case: dict[str, Any]) -> tuple[str, str]:
    """(outcome, what pbi said) for one case."""
    spec = str(ROOT / case["spec"])
    run = pbi("compare", spec, "--scenario", str(HERE / case["file"]))
    said = (run.stderr.strip() or run.stdout.strip()).splitlines()
    said_line = said[-1] if said else ""
    if "Traceback" in run.stderr or run.returncode not in (0, 2):
        return "traceback", said_line
    if case["expect"] == "honoured":
        if run.returncode != 0:
            return "refused", said_line
        sets = [f"--set={k}={v}" for k, v in case["set"].items()]
        want = pbi("compare", spec, *sets)
        got, expected = total_line(run.stdout), total_line(want.stdout)
        return ("honoured" if got and got == expected else "silent"), f"total {got} (--set: {expected})"
    if run.returncode == 0:
        return "silent", f"exit 0: total {total_line(run.stdout)}"
    lines = [line for line in run.stderr.strip().splitlines() if line]
    clear = (len(lines) == 1 and case["file"] in lines[0] and str(case["cell"]) in lines[0])
    return ("clear error" if clear else "unclear"), said_line


def main(argv: list[str]) -> int:
    global CODE
    if "--code" in argv:
        CODE = Path(argv[argv.index("--code") + 1]).resolve()
    cases = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for case in cases:
        outcome, said = score(case)
        counts[outcome] = counts.get(outcome, 0) + 1
        if "-v" in argv:
            print(f"{case['file']:32} {case['expect']:9} -> {outcome:12} {said[:200]}")
    good = counts.get("honoured", 0) + counts.get("clear error", 0)
    print(f"{len(cases)} workbooks: {good} honoured or a clear error; "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
