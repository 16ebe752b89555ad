"""What an analyst does in a notebook: DataFrames that plot and sum, exports in words and fractions,
charts that read."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pbi.costing.api import compare_file, cost_file

from _paths import NOTES

ANNEX4, ANNEX5 = NOTES / "annex-04.yaml", NOTES / "annex-05.yaml"


def test_amounts_plot_and_sum_and_covered_amounts_stand_apart() -> None:
    pytest.importorskip("pandas", reason="pandas is an optional extra (pip install 'pbi[pandas]')")
    est = cost_file(ANNEX5)
    df = est.to_dataframe()
    assert df["amount"].dtype.kind in "fi" and df["covered_amount"].dtype.kind in "fi"
    assert df["amount"].sum() == float(est.total.low)  # the 34,100 covered by the entitlement is apart
    assert df["covered_amount"].sum() == 34100
    by_funding = df.groupby("funding")["amount"].sum()
    for (funding, _), amount in est.totals().items():
        assert by_funding[funding] >= float(amount.low)


def test_a_groupby_plots() -> None:
    pytest.importorskip("pandas", reason="pandas is an optional extra (pip install 'pbi[pandas]')")
    pytest.importorskip("matplotlib", reason="matplotlib is an optional extra (pip install 'pbi[plot]')")
    import matplotlib

    matplotlib.use("Agg")
    ax = cost_file(ANNEX4).to_dataframe().groupby("funding").amount.sum().plot.bar()
    assert len(ax.patches) == 2 and ax.patches[1].get_height() == 448500


def test_decimals_on_request() -> None:
    pytest.importorskip("pandas", reason="pandas is an optional extra (pip install 'pbi[pandas]')")
    est = cost_file(ANNEX5)
    df = est.to_dataframe(decimal=True)
    assert all(isinstance(v, Decimal) for v in df["amount"])
    assert sum(df["amount"], Decimal(0)) == est.total.low
    cmp = compare_file(ANNEX4, assignments=["languages=4"]).to_dataframe()
    assert cmp["baseline"].dtype.kind in "fi" and cmp["percent"].dropna().dtype.kind == "f"


def test_totals_have_one_precision() -> None:
    est = cost_file(ANNEX4)
    exponents = {v.low.as_tuple().exponent for v in [*est.totals().values(), est.total, *est.by_group().values()]}
    assert exponents == {-2}


def test_xlsx_per_cent_is_a_fraction_and_funding_is_in_words(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    cmp = compare_file(ANNEX4, assignments=["F09.days=3", "languages=4"])
    path = tmp_path / "cmp.xlsx"
    cmp.to_xlsx(path)
    ws = openpyxl.load_workbook(path)["totals"]
    headers = [c.value for c in ws[1]]
    pct, funding = headers.index("per cent") + 1, headers.index("funding") + 1
    total_row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "total")
    cell = ws.cell(total_row, pct)
    assert cell.value == pytest.approx(float(cmp.total.percent[0]) / 100)
    assert "%" in cell.number_format and '"%"' not in cell.number_format
    labels = {ws.cell(r, funding).value for r in range(2, ws.max_row + 1)} - {None}
    assert "extrabudgetary" in labels and "proposed programme budget (later period)" in labels
    assert not any("_" in label for label in labels)
    est_path = cost_file(ANNEX4).to_xlsx(tmp_path / "e.xlsx")
    names = [r[1] for r in openpyxl.load_workbook(est_path)["totals"].iter_rows(min_row=2, values_only=True)
             if r[0] == "funding"]
    assert "proposed programme budget (later period), 2012" in names and not any("_" in n for n in names)


def test_charts_have_thousands_separators_and_a_legend_beside_the_bars() -> None:
    pytest.importorskip("matplotlib", reason="matplotlib is an optional extra (pip install 'pbi[plot]')")
    import matplotlib

    matplotlib.use("Agg")
    for fig in (cost_file(ANNEX4).plot(), compare_file(ANNEX4, assignments=["languages=4"]).plot()):
        ax = fig.axes[0]
        fig.canvas.draw()
        labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
        assert any("," in t for t in labels), labels
        legend = ax.get_legend().get_window_extent()
        assert legend.x0 >= ax.get_window_extent().x1  # covers nothing it describes
