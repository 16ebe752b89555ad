import csv
import io
import json

import pytest

from pbi.cli import main

from _paths import NOTES, ROOT

ANNEX4 = str(NOTES / "annex-04.yaml")


def test_explain_f09_shows_the_arithmetic(capsys):
    assert main(["explain", ANNEX4, "F09"]) == 0
    out = capsys.readouterr().out
    assert "10 meetings (5 meeting days) × 6 languages = 60 meeting·language × 1,897 USD/(meeting·language)" in out
    assert "= 113,820.00" in out
    assert "360 page·language × 235.16" in out
    assert "rate interpretation.meeting, table unodc-vienna-2010, effective from 2010-01-01" in out
    assert "reference: Derived from F11 and F12" in out
    assert "13% = 14,796.60" in out
    assert "sum 224,759.94" in out and "half-up: +40.06" in out
    assert out.strip().endswith("= 224,800 USD (published 224,800: match)")


def test_cost_formats(capsys):
    assert main(["cost", ANNEX4, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == "477100"
    assert data["requests"] == [{"request": "b", "amount": "223700"}, {"request": "d", "amount": "224800"},
                                {"request": "h", "amount": "28600"}]
    assert {(t["funding"], t["year"]): t["amount"] for t in data["totals"]} == {
        ("budget_process", 2012): "28600", ("extrabudgetary", 2011): "448500"}
    assert sum(__import__("decimal").Decimal(i["amount"]) for i in data["items"]) == 477100
    assert main(["cost", ANNEX4, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["rate_key"] == "documentation.document" and rows[0]["table"] == "unodc-vienna-2010"
    assert main(["cost", ANNEX4]) == 0
    assert "477,100" in capsys.readouterr().out


def test_tables_and_schema(capsys):
    assert main(["tables", str(ROOT / "cost_tables")]) == 0
    out = capsys.readouterr().out
    assert "unodc-vienna-2010" in out and "interpretation.meeting" in out and "1,897" in out
    assert main(["schema", "spec"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "requests" in schema["properties"]


SPEC = """\
symbol: X/L.1
title: {en: Test}
body: cop-untoc
rule: "75"
budget_period: 2010-2011
table: unodc-vienna-2010
requests:
  - id: a
    activities:
      - id: report
        kind: documentation
        pages: 16
        year: 2011
        funding: budget_process
"""


@pytest.mark.parametrize("change, expected", [
    (("        pages: 16\n", "        pagez: 16\n"), ":12: requests[0].activities[0].pagez: unknown key"),
    (("pages: 16", "pages: -16"), ":12: requests[0].activities[0].pages: must be greater than 0"),
    (("kind: documentation", "kind: documentaton"), ":11: requests[0].activities[0].kind: unknown activity kind"),
    (("year: 2011", "year: 2015"), ":13: requests[0].activities[0].year: table 'unodc-vienna-2010' covers up to 2013-12-31"),
    (("funding: budget_process", "funding: sponsors"), ":14: requests[0].activities[0].funding: unknown funding source"),
    (("pages: 16", "pages: [16"), ":13: YAML syntax error"),
])
def test_bad_spec_gives_one_line_error(tmp_path, capsys, change, expected):
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC.replace(*change), encoding="utf-8")
    code = main(["cost", str(path), "--table", str(ROOT / "cost_tables" / "unodc-vienna-2010.yaml")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(str(path) + expected), err


def test_date_with_no_rate(tmp_path, capsys):
    table = (ROOT / "cost_tables" / "unodc-vienna-2010.yaml").read_text(encoding="utf-8")
    (tmp_path / "t.yaml").write_text(table.replace("2010-01-01: 425", "2011-06-01: 425"), encoding="utf-8")
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC.replace("year: 2011", "year: 2010"), encoding="utf-8")
    assert main(["cost", str(path), "--table", str(tmp_path / "t.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:10: requests[0].activities[0]: rate 'documentation.document' has no value "
                          "on 2010-01-01 (its first value is effective from 2011-06-01)")


def test_unknown_rate_key_in_table_component(tmp_path, capsys):
    table = (ROOT / "cost_tables" / "unodc-vienna-2010.yaml").read_text(encoding="utf-8")
    (tmp_path / "t.yaml").write_text(table.replace("{rate: documentation.page,", "{rate: documentation.pgae,", 1),
                                     encoding="utf-8")
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    assert main(["cost", str(path), "--table", str(tmp_path / "t.yaml")]) == 2
    err = capsys.readouterr().err
    assert ":31: activities.documentation.components[1].rate: unknown rate 'documentation.pgae'" in err


def test_explain_unknown_figure(capsys):
    assert main(["explain", ANNEX4, "F99"]) == 2
    assert "unknown target 'F99'" in capsys.readouterr().err


def test_debug_shows_traceback(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC.replace("pages: 16", "pages: -1"), encoding="utf-8")
    from pbi.model.errors import SpecError

    with pytest.raises(SpecError):
        main(["--debug", "cost", str(path)])
