"""pbi calibrate: exact and least-squares fits, leave-one-out, the written table."""

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from pbi.costing.calibrate import calibrate, write_table
from pbi.costing.reproduce import reproduce
from pbi.model.tables import load_table

from _paths import NOTES

TABLE = """\
id: synth
title: Synthetic table
rounding: {step: 1, mode: half_up}
surcharges:
  psc: {label: PSC, percent: 10, applies_to: [extrabudgetary], reference: test}
activities:
  documentation:
    label: Documentation
    defaults: {documents: 1, languages: 6}
    components:
      - {rate: doc.document, per: [documents]}
      - {rate: doc.page, per: [pages, languages]}
  staff:
    label: Staff
    components:
      - {rate: "staff.{grade}", per: [work_months]}
rates:
  doc.document: {label: fixed part, unit: USD/document, values: {2010-01-01: 500}, reference: guess}
  doc.page: {label: page, unit: USD/(page*language), values: {2010-01-01: 200}, reference: guess}
  staff.P-3: {label: P-3, unit: USD/work_month, values: {2010-01-01: 10000}, reference: guess}
"""

SPEC = """\
symbol: X/L.{n}
title: {{en: Test}}
body: test
rule: "1"
budget_period: "2010-2011"
table: synth
requests:
  - id: a
    activities:
{activities}
published:
{figures}
"""


def _doc(i: int, pages: int) -> str:
    return (f"      - {{id: d{i}, kind: documentation, pages: {pages}, year: 2011, "
            "funding: regular_budget}")


@pytest.fixture
def corpus(tmp_path: Path):
    def make(published: list[int], staff: int | None = None) -> Path:
        (tmp_path / "cost_tables").mkdir(exist_ok=True)
        (tmp_path / "cost_tables" / "synth.yaml").write_text(TABLE, encoding="utf-8")
        folder = tmp_path / "notes"
        folder.mkdir(exist_ok=True)
        acts = [_doc(i, 10 * (i + 1)) for i in range(len(published))]
        figs = [f"  - {{id: F{i + 1:02d}, paragraph: '{i + 1}', amount: {a}, activities: [d{i}]}}"
                for i, a in enumerate(published)]
        if staff is not None:
            acts.append("      - {id: s, kind: staff, grade: P-3, work_months: 3, year: 2011, "
                        "funding: extrabudgetary}")
            figs.append(f"  - {{id: F09, paragraph: '9', amount: {staff}, activities: [s]}}")
        (folder / "a.yaml").write_text(SPEC.format(n=1, activities="\n".join(acts),
                                                   figures="\n".join(figs)), encoding="utf-8")
        return folder

    return make


def _rate(cal, key):
    return next(r for r in cal.rates if r.key == key)


def test_exact_rate_from_one_figure(corpus) -> None:
    # 3 work-months × rate × 1.10 = 36,300 → 11,000
    cal = calibrate([corpus([15400, 30400], staff=36300)])
    staff = _rate(cal, "staff.P-3")
    assert staff.method == "exact" and staff.exact == Fraction(11000) and staff.figures == ("F09",)
    assert staff.base == Decimal(10000)
    f09 = next(f for f in cal.figures if f.id == "F09")
    assert f09.predicted == f09.published and f09.loo is None
    assert "undetermined without it (staff.P-3)" in f09.loo_note


def test_two_documents_determine_two_rates_exactly(corpus) -> None:
    cal = calibrate([corpus([15400, 30400])])   # 400 + 60 × 250, 400 + 120 × 250
    assert _rate(cal, "doc.document").exact == 400 and _rate(cal, "doc.page").exact == 250
    assert {r.method for r in cal.rates} == {"joint"}  # two figures, two values: never "exact"
    assert cal.reproduced == 2


def test_least_squares_and_leave_one_out(corpus) -> None:
    cal = calibrate([corpus([15400, 30400, 45410])])
    page, doc = _rate(cal, "doc.page"), _rate(cal, "doc.document")
    assert page.method == doc.method == "least squares"
    assert page.exact == Fraction(3001, 12) and doc.exact == Fraction(1180, 3)
    assert (page.value, doc.value) == (Decimal("250.08"), Decimal("393.33"))
    assert page.figures == ("F01", "F02", "F03")
    residuals = [f.residual.low for f in cal.figures]
    assert residuals == [Decimal(2), Decimal(-3), Decimal(2)]  # predicted 15,398 / 30,403 / 45,408
    f03 = next(f for f in cal.figures if f.id == "F03")
    assert f03.loo is not None and f03.loo.low == Decimal(45400)  # the first two alone: 400 + 250/page
    assert f03.loo_error.low == Decimal(-10)
    summary = cal.loo_summary()
    assert summary["figures"] == 3 and summary["undetermined"] == []
    # F01 from F02 and F03: 380 + 60 × 250.17 → 15,390; F02 from F01 and F03: 395 + 120 × 250.08 → 30,405
    assert [f.loo_error.low for f in cal.figures] == [Decimal(-10), Decimal(5), Decimal(-10)]
    assert summary["max_abs_usd"] == Decimal(10) and summary["exact"] == 0


def test_inseparable_rates_keep_their_base_value(corpus) -> None:
    cal = calibrate([corpus([15400])])  # one document: its fixed part and page rate cannot be told apart
    methods = {r.key: r.method for r in cal.rates}
    assert sorted(methods.values()) == ["proportional", "proportional"]  # neither takes the whole figure
    doc, page = _rate(cal, "doc.document"), _rate(cal, "doc.page")
    assert doc.exact / page.exact == Fraction(500, 200)  # the base ratio is kept
    assert cal.reproduced == 1


def test_written_table_loads_and_reproduces(corpus, tmp_path: Path) -> None:
    folder = corpus([15400, 30400], staff=36300)
    cal = calibrate([folder])
    out = write_table(cal, tmp_path / "out" / "fitted.yaml")
    assert not list((tmp_path / "out").glob("*.tmp"))
    t = load_table(out)
    assert t.id == "synth-fitted" and t.surcharges["psc"].percent == 10
    assert t.rates["staff.P-3"].fitted_to == ("F09",)
    assert "2010-01-01: F09 — exactly determined by a single figure" in t.rates["staff.P-3"].reference
    assert t.rates["doc.page"].values[min(t.rates["doc.page"].values)] == Decimal(250)
    rep = reproduce([folder], table=out)
    assert rep.ok and rep.matched == 3


def test_cop5_calibration(tmp_path: Path) -> None:
    cal = calibrate([NOTES])
    assert len(cal.figures) == 22 and len(cal.equations) == 23   # F16 is a range: two equations
    assert dict(cal.excluded).keys() == {"F02", "F03", "F04", "F17", "F21", "F27"}
    assert "inconsistent as printed" in dict(cal.excluded)["F17"]
    assert cal.reproduced >= 21
    assert _rate(cal, "staff.P-3").method == "exact" and _rate(cal, "staff.P-3").figures == ("F05",)
    assert _rate(cal, "documentation.page").method == "least squares"
    assert len(_rate(cal, "documentation.page").figures) == 15
    summary = cal.loo_summary()
    assert set(summary["undetermined"]) == {"F05", "F07", "F15", "F16", "F19", "F20", "F22"}
    assert summary["figures"] == 15 and summary["max_abs_percent"] < 1
    out = write_table(cal, tmp_path / "fitted.yaml")
    rep = reproduce([NOTES], table=out)
    assert rep.matched == cal.reproduced + 5   # the excluded six as before: five match, F17 is a misprint
