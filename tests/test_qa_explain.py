"""`pbi explain` read by a budget officer: quantities named in words ("work-months", not
"work_months"), singular for one ("1 post"), and units with a middle dot, never "day*trip"."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main

ROOT = Path(__file__).resolve().parents[1]

SPEC = """symbol: E/2026/L.12
title: {en: Census methods}
body: ecosoc
rule: "31"
budget_period: "2026"
table: un-standard-costs
operative_paragraphs: ["2", "4"]
requests:
  - id: a
    operative_paragraphs: ["2"]
    text: {en: Request the Secretary-General to convene an expert group meeting}
    activities:
      - {id: egm, kind: travel, label: {en: expert group meeting}, trips: 25, dsa_days: 3, location: New York,
         object: experts, year: 2027, funding: budget_process, section: Section 2}
  - id: b
    operative_paragraphs: ["4"]
    text: {en: Request the Secretary-General to provide general temporary assistance}
    activities:
      - {id: gta, kind: staff, label: {en: temporary officer}, grade: P-4, work_months: 6, year: 2027,
         funding: budget_process, section: Section 2}
"""


@pytest.fixture()
def spec(tmp_path: Path) -> Path:
    (tmp_path / "cost_tables").symlink_to(ROOT / "cost_tables")
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_explain_names_quantities_in_words(spec: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(spec), "total"]) == 0
    out = capsys.readouterr().out
    assert "6 work-months = 6 work-month × " in out
    assert "1 post = 1 post × " in out
    assert "75 trip-days = 75 trip·day × " in out
    arithmetic = [line for line in out.splitlines() if line.startswith("  ") and not line.startswith("      ")]
    assert arithmetic and not any("_" in line or "*" in line for line in arithmetic if " × " in line
                                  and "programme support" not in line)


def test_the_cost_table_writes_a_compound_unit_with_a_middle_dot(spec: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cost", str(spec)]) == 0
    out = capsys.readouterr().out
    assert "75 day·trip" in out and "*" not in out


def test_a_request_without_paragraphs_is_not_titled_with_an_empty_list(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cost_tables").symlink_to(ROOT / "cost_tables")
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC.replace('    operative_paragraphs: ["4"]\n', ""), encoding="utf-8")
    assert main(["explain", str(path), "a"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "request (a) — E/2026/L.12, operative paragraph(s) 2"
    assert main(["explain", str(path), "b"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "request (b) — E/2026/L.12"
