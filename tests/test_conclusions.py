"""Conclusions drawn from an estimate, and the new drafts (resolutions 10/4 and 11/2)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from pbi.costing.api import cost_file
from pbi.cli import main
from pbi.costing.conclusions import conclude
from pbi.costing.engine import cost
from pbi.model.specs import load_spec
from pbi.model.tables import load_table

from _paths import NOTES, ROOT

DRAFTS = ROOT / "notes" / "new-drafts"


def _conclude(path):
    return conclude(cost_file(path))


def test_annex_v_states_requirements_without_appropriation():
    c = _conclude(NOTES / "annex-05.yaml")
    assert c.action == "state_requirements" and c.no_additional_appropriation and not c.appropriating
    assert c.by_section() == {("Part 2", 2011): _r(355400)}                    # F11 + F13
    assert [(r.year, r.period.label, r.amount) for r in c.budget_process] == [(2012, "2012-2013", _r(401000))]
    assert {r.funding: r.amount for r in c.extrabudgetary} == {
        "extrabudgetary": _r(800000, 1200000), "voluntary": _r(160040)}
    assert c.needs_extrabudgetary_paragraph
    (use,) = c.entitlements
    assert (use.covered, use.additional) == (3, 7)
    assert [(r.funding, r.section, r.year) for r in c.covered] == [("entitlement", "Part 2", 2011)]


def test_annex_ix_concludes_nothing_additional():
    c = _conclude(NOTES / "annex-09.yaml")
    assert c.action == "none" and not c.additional_regular_budget and not c.needs_extrabudgetary_paragraph
    assert c.lines()[-1].startswith("action: none — adoption would not give rise to additional appropriations")


def test_annex_ii_budget_process_and_entitlement():
    c = _conclude(NOTES / "annex-02.yaml")
    assert c.action == "none"
    assert [(r.funding, r.year, r.amount) for r in c.budget_process] == [("budget_process", 2012, _r(23000))]
    assert c.entitlements[0].covered == 6


def _r(low, high=None):
    from pbi.model.specs import Range
    return Range(Decimal(low), Decimal(high if high is not None else low))


GA_TABLE = """\
id: ga
title: test
rounding: {step: 100, mode: half_up}
surcharges:
  psc: {label: Programme support costs, percent: 13, applies_to: [extrabudgetary], reference: test}
activities:
  documentation:
    label: documentation
    components: [{rate: doc.page, per: [pages, languages]}]
  staff:
    label: staff
    components: [{rate: "staff.{grade}", per: [work_months]}]
rates:
  doc.page: {label: page, unit: USD/(page*language), values: {2024-01-01: 100}, reference: test}
  staff.P-4: {label: P-4, unit: USD/work_month, values: {2024-01-01: 20000}, reference: test}
"""

GA_SPEC = """\
symbol: A/C.3/79/L.1
title: {en: Example}
body: general-assembly
rule: "153"
budget_period: "2025"
table: ga
requests:
  - id: a
    activities:
      - {id: report, kind: documentation, pages: 10, languages: 6, year: 2025, funding: regular_budget, section: Section 2}
      - {id: gta, kind: staff, grade: P-4, work_months: 2, year: 2025, funding: contingency_fund, section: Section 16}
      - {id: later, kind: documentation, pages: 10, languages: 6, year: 2026, funding: regular_budget, section: Section 2}
      - {id: eb, kind: staff, grade: P-4, work_months: 1, year: 2025, funding: extrabudgetary}
"""


def test_general_assembly_is_asked_to_appropriate(write):
    est = cost(load_spec(write("s.yaml", GA_SPEC)), load_table(write("ga.yaml", GA_TABLE)))
    c = conclude(est)
    assert c.appropriating and c.action == "appropriate" and not c.no_additional_appropriation
    assert c.by_section() == {("Section 2", 2025): _r(6000), ("Section 16", 2025): _r(40000)}
    assert c.contingency_fund == _r(40000) and c.additional_total == _r(46000)
    assert [(r.section, r.year) for r in c.budget_process] == [("Section 2", 2026)]
    assert c.programme_support == _r(2600) and c.extrabudgetary_total == _r(22600)
    action = c.lines()[-1]
    assert "appropriate an additional 46,000 for 2025" in action and "contingency fund" in action


def test_general_assembly_nothing_additional(write):
    spec = GA_SPEC.replace("funding: regular_budget", "funding: existing_resources").replace(
        "funding: contingency_fund", "funding: existing_resources")
    c = conclude(cost(load_spec(write("s.yaml", spec)), load_table(write("ga.yaml", GA_TABLE))))
    assert c.action == "none" and c.additional_total == _r(0) and len(c.covered) == 3


# -- the new drafts ----------------------------------------------------------------------------

@pytest.mark.parametrize("name, period, years", [("resolution-10-4", "2021", {2021, 2022}),
                                                 ("resolution-11-2", "2023", {2023})])
def test_new_drafts_cost_cleanly(name, period, years):
    est = cost_file(DRAFTS / f"{name}.yaml")
    assert est.table.id == "unodc-vienna-2020" and est.spec.period.kind == "annual"
    assert est.spec.budget_period == period and {y for _, y in est.totals()} == years
    rated = [i for i in est.items if i.rate]
    assert rated and all(i.rate.reference.startswith("Assumption: carried forward from unodc-vienna-2010")
                         for i in rated)
    assert all(i.rate.effective_from.year == i.year for i in rated)   # the year's own value
    c = conclude(est)
    assert c.action == "none" and c.needs_extrabudgetary_paragraph and c.programme_support.low > 0


def test_resolution_10_4_totals():
    est = cost_file(DRAFTS / "resolution-10-4.yaml")
    assert est.totals() == {("extrabudgetary", 2021): _r(164500), ("extrabudgetary", 2022): _r(532900)}
    guide = next(i for i in est.items if i.activity == "guide-publication" and i.rate_key == "documentation.page")
    assert guide.quantity.low == Decimal(25000) / 330 * 6        # words counted in pages of 330 words


def test_resolution_11_2_existing_resources_are_not_additional():
    est = cost_file(DRAFTS / "resolution-11-2.yaml")
    assert est.total == _r(259800)
    c = conclude(est)
    assert [(r.funding, r.section) for r in c.covered] == [("existing_resources", "Section 16")]


def test_cli_conclude(capsys):
    assert main(["conclude", str(NOTES / "annex-05.yaml"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["action"] == "state_requirements"
    assert data["additional_regular_budget"] == [{"funding": "regular_budget", "section": "Part 2",
                                                  "year": 2011, "period": "2010-2011", "amount": "355400"}]
    assert data["entitlements"][0]["additional"] == "7"
    assert main(["conclude", str(DRAFTS / "resolution-11-2.yaml")]) == 0
    assert "budget period 2023 (annual)" in capsys.readouterr().out
