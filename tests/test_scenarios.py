import json
import runpy
import subprocess
import sys
from decimal import Decimal

import pytest

import pbi
from pbi.cli import main
from pbi.costing.compare import compare
from pbi.costing.scenario import Scenario, load_scenario

from _paths import NOTES, ROOT

ANNEX4 = str(NOTES / "annex-04.yaml")
ANNEX5 = str(NOTES / "annex-05.yaml")


@pytest.fixture(scope="module")
def annex4(table):
    return pbi.load_spec(ANNEX4)


def _rate(table, key):
    return next(iter(table.rates[key].values.values()))


def test_three_days_four_languages_reprices_f09_from_its_rates(annex4, table):
    spec, t = Scenario.from_dict({"F09.days": 3, "F09.languages": 4}).apply(annex4, table)
    est = pbi.cost(spec, t)
    meeting = 3 * 2 * 4 * _rate(table, "interpretation.meeting")
    docs = _rate(table, "documentation.document") + 60 * 4 * _rate(table, "documentation.page")
    expected = ((meeting + docs) * Decimal("1.13") / 100).quantize(Decimal(1), "ROUND_HALF_UP") * 100
    assert est.figure("F09").computed.low == expected == 115700
    # nothing else moved, and the baseline spec is untouched
    assert est.figure("F08").computed == pbi.cost(annex4, table).figure("F08").computed
    assert annex4.requests[3].activities[0].days.low == 5
    assert spec.requests[3].activities[0].languages == 4 and spec.requests[1].activities[0].languages == 6


def test_bare_quantity_reaches_every_activity_that_uses_it(annex4, table):
    spec, _ = Scenario.from_dict({"languages": 2}).apply(annex4, table)
    # documentation states no languages (the table's default applies) but is priced by them
    assert [a.language_count for _, a in spec.activities()] == [2, 2, 2, 2]
    spec, _ = Scenario.from_dict({"request.d.days": 2}).apply(annex4, table)
    assert spec.requests[3].activities[0].days.low == 2


def test_copy_is_a_model_copy(annex4, table):
    spec, _ = Scenario.from_dict({"working-group-documents.pages": 40}).apply(annex4, table)
    changed = annex4.requests[3].activities[1].model_copy(update={"pages": pbi.Range.of(40)})
    assert spec.requests[3].activities[1] == changed
    assert spec.model_dump() != annex4.model_dump() and pbi.model.specs.source_of(spec) == pbi.model.specs.source_of(annex4)


def test_rate_overrides_plain_and_dated(annex4, table):
    s = Scenario.from_dict({"rates": {"interpretation.meeting": 2000}})
    spec, t = s.apply(annex4, table)
    item = next(i for i in pbi.cost(spec, t).items if i.rate_key == "interpretation.meeting")
    assert item.rate.value == 2000 and "scenario" in item.rate.table and item.amount.low == 10 * 6 * 2000
    assert table.rates["interpretation.meeting"].values != t.rates["interpretation.meeting"].values
    # a value from a date after the spec's pricing date changes nothing; with priced_on: year it does
    dated = {"rates": {"documentation.page": {"2012-01-01": "300"}}}
    assert pbi.cost(*Scenario.from_dict(dated).apply(annex4, table)).total == pbi.cost(annex4, table).total
    est = pbi.cost(*Scenario.from_dict({**dated, "priced_on": "year"}).apply(annex4, table))
    assert est.figure("F10").computed.low == 100 * ((425 + 20 * 6 * 300 + 50) // 100)


@pytest.mark.parametrize("data, message", [
    ({"F99.days": 3}, "F99.days: unknown target 'F99'"),
    ({"F10.days": 3}, "F10.days: F10 has no activity with 'days' (its quantities: pages, documents, languages)"),
    ({"participants": 3}, "participants: no activity of CTOC/COP/2010/L.3/Rev.2 has or uses 'participants'"),
    ({"F09.dayz": 3}, "F09.dayz: unknown quantity 'dayz'"),
    ({"languages": 7}, "languages: must be 1 to 6 official languages"),
    ({"model-law.pages": 0}, "model-law.pages: must be greater than 0"),
    ({"model-law.pages": 2_000_000}, "is implausibly large"),
    ({"rates": {"interpretation.meting": 1}}, "rates.interpretation.meting: unknown rate"),
    ({"rates": {"interpretation.meeting": -1}}, "rates.interpretation.meeting: a rate cannot be negative"),
])
def test_bad_paths_and_values(annex4, table, data, message):
    with pytest.raises(pbi.SpecError) as err:
        Scenario.from_dict(data).apply(annex4, table)
    assert message in str(err.value)


def test_scenario_file_errors_name_the_line(tmp_path, capsys):
    path = tmp_path / "s.yaml"
    path.write_text("name: x\nset:\n  F09.days: 3\n  F19.days: 2\n", encoding="utf-8")
    assert main(["compare", ANNEX4, "--scenario", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:4: F19.days: unknown target 'F19'") and err.count("\n") == 1
    assert "valid: F08, F09, F10, model-law" in err
    assert load_scenario(path).to_dict()["set"] == {"F09.days": "3", "F19.days": "2"}


def test_cli_compare_table_json_csv(capsys):
    args = ["compare", ANNEX4, "--set", "F09.days=3", "--set", "languages=4"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "F09" in out and "224,800" in out and "115,700" in out and "-109,100" in out and "-48.5%" in out
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    total = data["totals"][-1]
    assert total["level"] == "total" and total["baseline"] == "477100" and total["scenario"] == "284200"
    assert total["difference"] == "-192900" and total["percent"] == "-40.4"
    item = next(i for i in data["items"] if i["what"] == "interpretation.meeting")
    assert Decimal(item["baseline"]) == 113820 and Decimal(item["scenario"]) == 6 * 4 * 1897
    assert sum(Decimal(i["difference"]) for i in data["items"]) == Decimal(total["difference"])
    assert main([*args, "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("level,group,activity,what,funding,year,baseline_low")
    assert rows[-1].startswith("total,,,total,,,477100,477100,284200,284200,-192900,-192900,-40.4")


def test_cli_compare_needs_something_and_rejects_bad_set(capsys):
    assert main(["compare", ANNEX4]) == 2
    assert "nothing to compare" in capsys.readouterr().err
    assert main(["compare", ANNEX4, "--set", "F09.days"]) == 2
    assert "expected PATH=VALUE" in capsys.readouterr().err


def test_vs_table_two_years_side_by_side(tmp_path, capsys):
    (tmp_path / "unodc-vienna-2010.yaml").write_text(
        (ROOT / "cost_tables" / "unodc-vienna-2010.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "t2012.yaml").write_text(
        "id: unodc-vienna-2012\ntitle: test\nextends: unodc-vienna-2010\nrates:\n"
        "  interpretation.meeting: {values: {2012-01-01: 2000}}\n", encoding="utf-8")
    args = ["compare", ANNEX5, "--table", str(tmp_path / "unodc-vienna-2010.yaml"),
            "--vs-table", str(tmp_path / "t2012.yaml"), "--set", "priced_on=year", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tables"] == ["unodc-vienna-2010", "unodc-vienna-2012"]
    groups = {g["group"]: g for g in data["groups"]}
    assert groups["F11"]["difference"] == "0"  # 2011 is priced at the 2010 value
    assert groups["F12"]["scenario"] == str(2 * 10 * 6 * 2000) and groups["F12"]["baseline"] == "227600"


def test_exports_xlsx(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "c.xlsx"
    assert main(["compare", ANNEX4, "--set", "languages=4", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["items", "totals"]
    header = [c.value for c in wb["items"][1]]
    assert header[:8] == ["level", "group", "activity", "item", "funding", "year", "baseline", "scenario"]
    assert "provenance" in header
    row = [c.value for c in wb["items"][2]]
    assert row[6] == 425 and "unodc-vienna-2010" in row[-1]
    assert "USD" in wb["items"].cell(row=2, column=7).number_format
    last = [c.value for c in wb["totals"][wb["totals"].max_row]]
    assert last[0] == "total" and last[6] == 477100
    est_out = tmp_path / "e.xlsx"
    assert main(["cost", ANNEX4, "-o", str(est_out)]) == 0
    wb = openpyxl.load_workbook(est_out)
    assert wb.sheetnames == ["items", "totals"] and wb["totals"].cell(row=2, column=4).value == 223700


def test_cost_output_file_takes_its_format(tmp_path):
    out = tmp_path / "e.csv"
    assert main(["cost", ANNEX4, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("group,request,activity")


def test_dataframe_and_notebook_display(annex4, table):
    est = pbi.cost(annex4, table)
    md = est._repr_markdown_()
    assert "| F09 | 224,800 | 224,800 | match |" in md
    assert "<td>F09</td><td>224,800</td>" in est._repr_html_()
    cmp = compare(est, pbi.cost(*Scenario.from_dict({"F09.days": 3}).apply(annex4, table)))
    assert "| F09 |  |  | 224,800 | 173,300 | -51,500 | -22.9% |" in cmp._repr_markdown_()
    assert "<th>per cent</th>" in cmp._repr_html_()
    pd = pytest.importorskip("pandas")
    df = est.to_dataframe(decimal=True)
    assert isinstance(df, pd.DataFrame) and len(df) == len(est.items)
    assert sum(df["amount"]) == 477100 and isinstance(df["amount"][0], Decimal)
    assert round(est.to_dataframe()["amount"].sum(), 2) == 477100
    cdf = cmp.to_dataframe()
    assert cdf.iloc[-1]["difference"] == -51500


def test_charts(annex4, table, tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    est = pbi.cost(annex4, table)
    fig = est.plot()
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["2011", "2012"]
    cmp = compare(est, pbi.cost(*Scenario.from_dict({"languages": 3}).apply(annex4, table)))
    fig = cmp.plot()
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["F08", "F09", "F10"]
    assert main(["compare", ANNEX4, "--set", "languages=3", "--chart", str(tmp_path / "c.png")]) == 0
    assert (tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"


def test_example_runs(tmp_path, capsys):
    ns = runpy.run_path(str(ROOT / "examples" / "cop5_working_group_scenarios.py"), run_name="example")
    results = ns["main"](tmp_path)
    out = capsys.readouterr().out
    assert "3 days, 4 languages: F09 224,800 → 115,700 USD (-48.5%)" in out
    assert results["three-days-four-languages"].figure("F09").computed.low == 115700
    data = json.loads((tmp_path / "three-days-four-languages.json").read_text(encoding="utf-8"))
    assert data["labels"] == ["as published", "3 days, 4 languages"]
    assert (tmp_path / "dearer-interpretation.csv").exists()


def test_json_cost_imports_no_optional_library():
    optional = "('tabulate', 'jinja2', 'babel', 'pandas', 'openpyxl', 'docx', 'matplotlib', 'pint', 'numpy')"
    code = ("import sys, io, contextlib\nfrom pbi.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()): main(['cost', {ANNEX4!r}, '--format', 'json'])\n"
            f"print(sorted(m for m in {optional} if m in sys.modules))")
    env = {**__import__("os").environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    # pint's answers for the shipped tables come from pbi/units_memo.json, so pint (and numpy) stay out too
    assert out == "[]\n"


@pytest.mark.parametrize(("option", "start"), [
    ("F19.days=2", "--set: F19.days: unknown target 'F19'"),
    ("F09.days=-1", "--set: F09.days: must be greater than 0"),
    ("year=abc", "--set: year: 'abc' is not a number"),
    ("rates.nosuch=4", "--set: rates.nosuch: unknown rate 'nosuch'"),
    ("nonsense", "--set: expected PATH=VALUE"),
])
def test_a_bad_set_option_is_named(tmp_path, capsys, option, start):
    # beside a scenario file whose own paths are right, the --set option is named, not the file
    path = tmp_path / "s.yaml"
    path.write_text("name: x\nset:\n  F09.days: 3\n", encoding="utf-8")
    for extra in ([], ["--scenario", str(path)]):
        assert main(["compare", ANNEX4, *extra, "--set", option]) == 2
        err = capsys.readouterr().err
        assert err.startswith(start) and err.count("\n") == 1, err
