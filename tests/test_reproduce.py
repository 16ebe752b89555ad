"""Every published figure of the COP 5 notes, computed from its quantities and the table."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from pbi.cli import main
from pbi.costing.reproduce import find_specs, reproduce
from pbi.model.specs import load_spec

from _paths import NOTES

REP = reproduce([NOTES])
FIGURES = {f.id: f for _, f in REP.figures}


def test_all_28_figures_present():
    assert sorted(FIGURES) == [f"F{n:02d}" for n in range(1, 29)]


@pytest.mark.parametrize("fid", sorted(FIGURES))
def test_figure_reproduces(fid):
    f = FIGURES[fid]
    assert f.ok, f"{fid}: published {f.published}, computed {f.computed}"
    if fid != "F17":
        assert f.computed == f.published


def test_lump_sums_counted_apart():
    assert {f.id for f in FIGURES.values() if f.kind == "quoted"} == {"F02", "F04", "F21"}
    assert REP.counts() == {"derived": 23, "quoted": 3, "sum": 1, "no cost": 1}


def test_f17_reported_as_inconsistent_with_f16():
    f17 = FIGURES["F17"]
    assert f17.status == "misprint" and f17.same_as == "F16"
    assert f17.published.low == 80000 and f17.computed.low == 800000 == FIGURES["F16"].computed.low
    assert "misprints 1 (F17: printed 80,000, computed 800,000)" in REP.summary()


def test_f27_is_the_sum_of_its_seven_parts():
    f27 = FIGURES["F27"]
    assert f27.kind == "sum" and len(f27.sum_of) == 7
    assert f27.computed.low == sum((FIGURES[p].computed.low for p in f27.sum_of), Decimal(0))


def test_changing_a_quantity_changes_the_figure(tmp_path, table):
    from pbi.costing.engine import cost

    text = (NOTES / "annex-04.yaml").read_text(encoding="utf-8").replace("days: 5", "days: 3")
    path = tmp_path / "annex-04.yaml"
    path.write_text(text, encoding="utf-8")
    f09 = cost(load_spec(path), table).figure("F09")
    assert f09.status == "mismatch" and f09.computed.low < 224800


def test_changing_a_rate_changes_the_figures(tmp_path):
    text = (NOTES.parents[1] / "cost_tables" / "unodc-vienna-2010.yaml").read_text(encoding="utf-8")
    (tmp_path / "t.yaml").write_text(text.replace("values: {2010-01-01: 1897}", "values: {2010-01-01: 1900}"),
                                     encoding="utf-8")
    rep = reproduce([NOTES], table=tmp_path / "t.yaml")
    bad = {f.id for _, f in rep.figures if not f.ok}
    assert bad == {"F11", "F12", "F09"}


def test_rates_usage_shows_single_use_rates():
    uses = {u.key: u.figures for u in REP.rates()}
    assert uses["documentation.page"] and len(uses["documentation.page"]) >= 10
    # F03 and F15 use it for the part an entitlement covers (priced for information)
    assert uses["interpretation.meeting"] == ("F03", "F09", "F11", "F12", "F15")
    assert uses["staff.P-3"] == ("F05",)


def test_cli_reproduce(capsys):
    assert main(["reproduce", str(NOTES)]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1].startswith("derived 15/15 ")


def test_cli_reproduce_json(capsys):
    assert main(["reproduce", "--json", str(NOTES)]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["F09"]["published"] == "224800" and rows["F09"]["computed"] == "224800" and rows["F09"]["match"]
    assert rows["F16"]["published"] == {"low": "800000", "high": "1200000"}


def test_cli_reproduce_rates(capsys):
    assert main(["reproduce", "--rates", str(NOTES)]) == 0
    out = capsys.readouterr().out
    assert "single-use" in out and "7 fitted to or explaining a single figure" in out


def test_find_specs_sorted():
    assert [p.name for p in find_specs([NOTES])][:2] == ["annex-01.yaml", "annex-02.yaml"]
