"""The analyst's Python API: what the README's snippets reach after ``import pbi``, docstrings on the
public methods of results, and the analyst example."""

from __future__ import annotations

import inspect
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

import pbi

from _paths import ROOT


def test_costing_modules_are_reachable_after_import_pbi() -> None:
    code = ("import pbi\n"
            "spec = pbi.load_spec('notes/ctoc-cop-2010-17/annex-04.yaml')\n"
            "table = pbi.resolve_table(spec.table, near='notes/ctoc-cop-2010-17')\n"
            "print(pbi.costing.explain.explain(pbi.cost(spec, table), 'F09').splitlines()[-1])\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "= 224,800 USD (published 224,800: match)"
    with pytest.raises(AttributeError):
        pbi.costing.nothing  # noqa: B018


@pytest.mark.parametrize("cls", ["Estimate", "Comparison", "SweepResult", "Reproduction", "Calibration",
                                 "Conclusion", "LineItem", "FigureResult", "Scenario"])
def test_public_methods_of_results_say_what_they_do(cls: str) -> None:
    kind = getattr(pbi, cls)
    for name, member in vars(kind).items():
        if name.startswith("_"):
            continue
        func = member.fget if isinstance(member, property) else member
        if callable(func):
            assert inspect.getdoc(func), f"{cls}.{name} has no docstring"


def test_analyst_example_runs(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    ns = runpy.run_path(str(ROOT / "examples" / "analyst_sessions_years_stations.py"), run_name="example")
    sweeps = ns["main"](tmp_path)
    stations = {r.scenario.name: r.total.low for r in sweeps["stations"]}
    assert stations["location=Vienna"] > stations["location=Geneva"]
    sessions = [r.total.low for r in sweeps["sessions"]]
    assert sessions == sorted(sessions) or sessions[-1] == max(sessions)
    assert (tmp_path / "by-kind-and-station.csv").read_text(encoding="utf-8").startswith("kind,station,amount")
    rows = (tmp_path / "sweep-sessions.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == ("scenario,wg-2026.days,wg-2026.languages,budget_process 2027,regular_budget 2026,total")
    assert len(rows) == 11 and rows[-1].endswith(",5,6,80300,272100,352400")  # the spec as written


def test_calibration_prints_as_the_command_does(capsys: pytest.CaptureFixture[str]) -> None:
    from pbi.cli import main

    cal = pbi.calibrate([ROOT / "notes" / "ctoc-cop-2010-17"])
    assert inspect.getdoc(pbi.Calibration)
    main(["calibrate", str(ROOT / "notes" / "ctoc-cop-2010-17")])
    assert cal.to_text().strip() == capsys.readouterr().out.strip()
    main(["calibrate", str(ROOT / "notes" / "ctoc-cop-2010-17"), "--json"])
    assert cal.to_json().strip() == capsys.readouterr().out.strip()
