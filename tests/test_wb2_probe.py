"""A representative subset of the workbook probe (benchmarks/workbook_probe.py runs it over every
spec): each quantity cell edited alone, the workbook recomputed by the `formulas` engine, equals
pbi's price of the same edit, and the edited workbook read back as a scenario prices the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from _paths import ROOT

pytest.importorskip("openpyxl")
pytest.importorskip("formulas", reason="the formula engine is a test extra: pip install formulas")
sys.path.insert(0, str(ROOT / "benchmarks"))

from workbook_probe import probe_spec

SPECS = [
    "notes/ctoc-cop-2010-17/annex-05.yaml",      # a session beyond the Conference's allocation
    "tests/data/qa4/q10-hrc-entitlement-2024.yaml",  # meetings drawn up to what is left
    "tests/data/qa3/s05-ny-week-verbatim-2027.yaml",  # weeks of meetings, verbatim records
]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: Path(s).stem)
def test_every_cell_of_the_workbook_agrees_with_pbi(spec: str, tmp_path: Path) -> None:
    result = probe_spec(ROOT / spec, tmp_path)
    assert result["linked"] == result["items"] and result["tried"] > 0
    assert result["disagree"] == [] and result["agree"] == result["tried"]


def test_every_cell_of_a_drafted_spec_agrees_with_pbi(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    subprocess.run([sys.executable, "-m", "pbi.cli", "draft", str(ROOT / "tests/data/drafts6/en-c6-conference.txt"),
                    "-o", str(spec)], check=True, capture_output=True, cwd=ROOT)
    result = probe_spec(spec, tmp_path)
    assert result["tried"] > 0 and result["disagree"] == [] and result["agree"] == result["tried"]
