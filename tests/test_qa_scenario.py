"""A delegate's rate from a date on: `{2026-01-01: 1}` prices every later year at 1, even where the
table has values of its own for those years (it changed nothing for a 2027 activity before)."""

from __future__ import annotations

from pathlib import Path

from pbi.costing.api import compare_file

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


def _spec(tmp_path: Path) -> Path:
    (tmp_path / "cost_tables").symlink_to(ROOT / "cost_tables")
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_a_rate_from_a_date_on_prices_the_later_years_the_table_has(tmp_path: Path) -> None:
    cmp = compare_file(_spec(tmp_path), scenario={"name": "dearer", "rates": {"documentation.word": {"2026-01-01": "1"}}})
    df = cmp.to_dataframe()
    total = df[df.level == "total"].iloc[0]
    assert total.scenario == 60000.0  # 10,000 words × 6 languages × 1 USD
    assert total.baseline != total.scenario


def test_a_rate_from_a_later_date_leaves_earlier_years_alone(tmp_path: Path) -> None:
    cmp = compare_file(_spec(tmp_path), scenario={"name": "later", "rates": {"documentation.word": {"2028-01-01": "1"}}})
    df = cmp.to_dataframe()
    total = df[df.level == "total"].iloc[0]
    assert total.baseline == total.scenario
