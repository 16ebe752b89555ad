"""`pbi cost` says which section each rounding line rounds, and `pbi compare` gives no per cent change
for a rounding adjustment (q03 printed −200.0 % and −404.1 % for a few dollars; tests/data/qa4)."""

from __future__ import annotations

import json

import pytest

from pbi.cli import main
from pbi.costing.api import compare_file

from _paths import ROOT

QA4 = ROOT / "tests" / "data" / "qa4"


def test_two_rounding_lines_of_one_request_name_their_sections(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cost", str(QA4 / "q09-grades-2022.yaml")]) == 0
    lines = [s for s in capsys.readouterr().out.splitlines() if "rounding" in s]
    assert len(lines) == 2
    assert "rounding (Section 29B)" in lines[0] + lines[1] and "rounding (Section 30)" in lines[0] + lines[1]


def test_a_rounding_line_has_no_per_cent_change(capsys: pytest.CaptureFixture[str]) -> None:
    cmp = compare_file(str(QA4 / "q03-cnd-vienna-2024.yaml"), scenario={"languages": 4})
    rounding = [r for r in cmp.items if r.level == "item" and r.what == "rounding"]
    assert rounding and all(r.percent == (None, None) for r in rounding)
    assert any(r.difference.low != 0 for r in rounding)
    priced = [r for r in cmp.items if r.level == "item" and r.what == "interpretation.meeting"]
    assert priced[0].percent[0] is not None and priced[0].percent[0] < 0
    assert main(["compare", str(QA4 / "q03-cnd-vienna-2024.yaml"), "--set", "languages=4", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = data["items"] if isinstance(data, dict) and "items" in data else data
    assert all(r["percent"] is None for r in rows if r["level"] == "item" and r["what"] == "rounding")


def test_explain_shows_what_existing_resources_cover(capsys: pytest.CaptureFixture[str]) -> None:
    """q03: a report met from existing resources, priced for information at 16,100: `pbi explain b`
    shows the amount (it ended "= 0 USD" with no amount at all), outside the sum."""
    assert main(["explain", str(QA4 / "q03-cnd-vienna-2024.yaml"), "b"]) == 0
    out = capsys.readouterr().out
    assert "existing_resources, 2025: 16,091.01 → 16,100 USD" in out and "covered, for information: not in the sum" in out
    assert out.rstrip().endswith("= 0 USD")
