"""A delegate's rate from a date on: `{2026-01-01: 1}` prices every later year at 1, even where the
table has values of its own for those years (it changed nothing for a 2027 activity before)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.costing.api import compare_file
from pbi.costing.compare import Comparison, Row
from pbi.model.specs import Range

ROOT = Path(__file__).resolve().parents[1]
SPEC = """symbol: A/C.3/81/L.1
title: {en: A report}
body: general-assembly
rule: "153"
budget_period: "2026"
table: un-standard-costs
operative_paragraphs: ["1"]
requests:
  - id: a
    operative_paragraphs: ["1"]
    text: {en: Request a report}
    activities:
      - {id: report, kind: documentation, label: {en: report}, words: 10000, languages: 6, year: 2027,
         funding: budget_process, section: Section 2}
"""


def _total(cmp: Comparison) -> Row:
    """The comparison's first total row (no pandas needed: the test extra does not install it)."""
    return next(r for r in cmp.totals if r.level == "total")


def _spec(tmp_path: Path) -> Path:
    (tmp_path / "cost_tables").symlink_to(ROOT / "cost_tables")
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_a_rate_from_a_date_on_prices_the_later_years_the_table_has(tmp_path: Path) -> None:
    cmp = compare_file(_spec(tmp_path), scenario={"name": "dearer", "rates": {"documentation.word": {"2026-01-01": "1"}}})
    total = _total(cmp)
    assert total.scenario == Range.of(60000)  # 10,000 words × 6 languages × 1 USD
    assert total.baseline != total.scenario


def test_a_rate_from_a_later_date_leaves_earlier_years_alone(tmp_path: Path) -> None:
    cmp = compare_file(_spec(tmp_path), scenario={"name": "later", "rates": {"documentation.word": {"2028-01-01": "1"}}})
    total = _total(cmp)
    assert total.baseline == total.scenario


GTA = SPEC.replace("""      - {id: report, kind: documentation, label: {en: report}, words: 10000, languages: 6, year: 2027,
         funding: budget_process, section: Section 2}""", """      - {id: gta, kind: staff, label: {en: temporary officer}, grade: P-4, work_months: 6, year: 2027,
         funding: budget_process, section: Section 2}""")


def test_a_delegate_sets_a_grade(tmp_path: Path) -> None:
    (tmp_path / "cost_tables").symlink_to(ROOT / "cost_tables")
    path = tmp_path / "gta.yaml"
    path.write_text(GTA, encoding="utf-8")
    total = _total(compare_file(path, scenario={"gta.grade": "P-3"}))
    assert total.scenario.high < total.baseline.low  # six months at P-3 cost less than at P-4


def test_an_unknown_grade_and_a_fractional_language_count_are_one_line(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from pbi.cli import main

    path = _spec(tmp_path)
    assert main(["compare", str(path), "--set", "grade=P-9"]) == 2
    assert "unknown grade 'P-9'" in capsys.readouterr().err
    assert main(["compare", str(path), "--set", "languages=4.5"]) == 2
    assert capsys.readouterr().err.strip() == "--set: languages: must be 1 to 6 official languages (got '4.5')"
    assert main(["compare", str(path), "--set", "languages=1e400"]) == 2
    assert "unknown language" not in capsys.readouterr().err
