"""A statement shows conference services under section 2 even when the spec costs them in one rounded
amount with staff or travel: the amount is shared between the sections in whole rounding steps, and
every total stays the estimate's own (``pbi cost``)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pbi.costing.api import cost_file
from pbi.costing.conclusions import conclude
from pbi.render import render_note
from pbi.render.statement import statement_sections

from _paths import ROOT

SPEC = """symbol: A/HRC/61/L.14
title: {en: Human rights and climate change}
body: human-rights-council
budget_period: "2026"
table: un-standard-costs
requests:
  - id: a
    operative_paragraphs: ["5"]
    text: {en: Request the Office of the High Commissioner to convene a two-day panel discussion}
    activities:
      - {id: panel, kind: meeting, days: 2, interpretation: true, languages: 6, location: Geneva, year: 2026,
         funding: regular_budget}
      - {id: rep, kind: documentation, words: 10700, languages: 6, location: Geneva, year: 2026,
         funding: regular_budget}
      - {id: exp, kind: travel, trips: 4, dsa_days: 3, travellers: experts, location: Geneva, year: 2026,
         funding: regular_budget}
"""


def test_conference_services_costed_with_travel_are_shown_under_section_2(tmp_path: Path) -> None:
    (tmp_path / "cost_tables").symlink_to(ROOT / "cost_tables")
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    est = cost_file(path)
    total = sum((c.rounded.low for c in est.cells), Decimal(0))
    moved, shown = statement_sections(est)
    assert shown == {"panel": "Section 2", "rep": "Section 2"}  # one rounded amount with the travel
    c = conclude(moved, shown_under=shown)
    by_section: dict[str | None, Decimal] = {}
    for r in c.objects_of("additional"):
        by_section[r.section] = by_section.get(r.section, Decimal(0)) + r.amount.low
    assert set(by_section) == {"Section 2", None}
    assert sum(by_section.values()) == total  # the estimate's own total, rounded once
    assert all(v % 100 == 0 for v in by_section.values())
    assert sum((r.amount.low for r in c.additional_regular_budget), Decimal(0)) == total
    assert {r.section for r in c.additional_regular_budget} == {"Section 2", None}
    text = str(render_note(est, "en", "text", kind="statement"))
    table = text[text.index("Object of expenditure"):]
    assert table.index("Section 2, General Assembly") < table.index("Other staff costs") < table.index(
        "Section not stated") < table.index("Experts")
    assert f"additional requirements of ${total:,.0f} would arise under section 2" in text
    assert conclude(est).additional_regular_budget[0].section is None  # `pbi conclude` is unchanged
