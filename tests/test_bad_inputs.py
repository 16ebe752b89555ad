"""Every kind of bad input gets one line naming file, line and field, exit code 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main

from _paths import NOTES, TABLES

#: a small spec of its own (the layout of annex VII's), so that line numbers are fixed here
SPEC = """\
symbol: CTOC/COP/2010/L.8/Rev.1
document: CTOC/COP/2010/17
annex: 7
adopted_as: resolution 5/7
revised: true
body: cop-untoc
rule: "75"
budget_period: 2010-2011
table: unodc-vienna-2010
priced_on: 2010-10-22
title:
  zh: 打击涉及文化财产的跨国有组织犯罪
  en: Combating transnational organized crime against cultural property
operative_paragraphs: ["8"]
requests:
  - id: a
    operative_paragraphs: ["8"]
    activities:
      - id: analytical-report
        kind: documentation
        label: {zh: 秘书处的分析报告, en: an analytical report of the Secretariat}
        pages: 16
        year: 2012
        funding: budget_process
published:
  - {id: F18, paragraph: "3", amount: 23000, activities: [analytical-report]}
"""
TABLE = (TABLES / "unodc-vienna-2010.yaml").read_text(encoding="utf-8")


def run_cost(capsys, spec: Path, *extra: str) -> str:
    code = main(["cost", str(spec), *extra])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err.strip()


SPEC_CASES = [
    ("duplicate key", ("pages: 16", "pages: 16\n        pages: 17"),
     ":23: requests[0].activities[0].pages: duplicate key 'pages' (first on line 22)"),
    ("unknown key", ("pages: 16", "pagez: 16"), ":22: requests[0].activities[0].pagez: unknown key"),
    ("wrong type", ("pages: 16", "pages: sixteen"), ":22: requests[0].activities[0].pages: 'sixteen' is not a number"),
    ("boolean", ("pages: 16", "pages: yes"), ":22: requests[0].activities[0].pages: expected a number"),
    ("zero", ("pages: 16", "pages: 0"), ":22: requests[0].activities[0].pages: must be greater than 0 (got 0)"),
    ("negative", ("pages: 16", "pages: -3"), ":22: requests[0].activities[0].pages: must be greater than 0"),
    ("absurd size", ("pages: 16", "pages: 1000000000"), ":22: requests[0].activities[0].pages: 1,000,000,000 is "
                                                        "implausibly large (at most 1,000,000)"),
    ("range upside down", ("pages: 16", "pages: {low: 900, high: 600}"),
     ":22: requests[0].activities[0].pages: low (900) is greater than high (600)"),
    ("unknown language", ("pages: 16", "pages: 16\n        languages: [en, xx]"),
     ":23: requests[0].activities[0].languages: unknown language 'xx' (expected one of ar, zh, en, fr, ru, es)"),
    ("seven languages", ("pages: 16", "pages: 16\n        languages: 7"),
     ":23: requests[0].activities[0].languages: must be 1 to 6 official languages (got 7)"),
    ("unknown grade", ("pages: 16", "pages: 16\n        grade: P-9"),
     ":23: requests[0].activities[0].grade: unknown grade 'P-9'"),
    ("unknown funding", ("funding: budget_process", "funding: donors"),
     ":24: requests[0].activities[0].funding: unknown funding source 'donors'"),
    ("missing table", ("table: unodc-vienna-2010", "table: unodc-vienna-1999"),
     ":9: table: no cost table 'unodc-vienna-1999'"),
    ("table as a path", ("table: unodc-vienna-2010", "table: ../../secret.yaml"),
     ":9: table: '../../secret.yaml' is not a table id"),
    ("table lacking the year", ("year: 2012", "year: 2016"),
     ":23: requests[0].activities[0].year: table 'unodc-vienna-2010' covers up to 2013-12-31"),
    ("unknown activity kind", ("kind: documentation", "kind: banquet"),
     ":20: requests[0].activities[0].kind: unknown activity kind 'banquet'"),
    ("figure naming an unknown activity", ("activities: [analytical-report]", "activities: [report]"),
     ":26: published[0].activities: figure F18 names unknown activity 'report'"),
    ("YAML syntax", ("pages: 16", "pages: [16"), ":23: YAML syntax error"),
    ("python tag", ("pages: 16", "pages: !!python/object/apply:os.system [ls]"), ":22: requests[0].activities[0].pages: YAML tag "
                                                                                  "'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
]


@pytest.mark.parametrize("name, change, expected", SPEC_CASES, ids=[c[0] for c in SPEC_CASES])
def test_bad_spec(tmp_path, capsys, name, change, expected):
    assert change[0] in SPEC
    (tmp_path / "cost_tables").mkdir()
    (tmp_path / "cost_tables" / "unodc-vienna-2010.yaml").write_text(TABLE, encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.replace(*change, 1), encoding="utf-8")
    err = run_cost(capsys, spec)
    assert err.startswith(str(spec) + expected), err


TABLE_CASES = [
    ("rate unit that is not money", ("unit: USD/document", "unit: page/document"),
     ": rates.documentation.document.unit: a rate is money per something (USD/…)"),
    ("unknown unit", ("unit: USD/document", "unit: USD/parsec"), ": rates.documentation.document.unit: unknown unit"),
    ("rate with no reference", ("    reference: \"Derived from F20 alone", "    note: \"Derived from F20 alone"),
     ":131: rates.publication.additional_language_page.reference: required key is missing"),
    ("rate value that is not a number", ("values: {2010-01-01: 425}", "values: {2010-01-01: lots}"),
     ":82: rates.documentation.document.values: 'lots' is not a number"),
    ("unknown quantity", ("per: [documents]}", "per: [folders]}"),
     ": activities.documentation.components[0].per: unknown quantity 'folders'"),
    ("extends itself", ("title: UNODC", "extends: unodc-vienna-2010\ntitle: UNODC"),
     ": extends: table builds on itself: unodc-vienna-2010 → unodc-vienna-2010"),
    ("extends a missing table", ("title: UNODC", "extends: unodc-vienna-1990\ntitle: UNODC"),
     ": extends: extends unknown table 'unodc-vienna-1990'"),
    ("no rounding", ("rounding:\n  step: 100            # every printed figure is a whole hundred, except F15\n"
                     "  mode: half_up\n", ""), ":1: rounding: the table declares no rounding rule"),
]


@pytest.mark.parametrize("name, change, expected", TABLE_CASES, ids=[c[0] for c in TABLE_CASES])
def test_bad_table(tmp_path, capsys, name, change, expected):
    assert change[0] in TABLE
    table = tmp_path / "unodc-vienna-2010.yaml"
    table.write_text(TABLE.replace(*change, 1), encoding="utf-8")
    err = run_cost(capsys, NOTES / "annex-07.yaml", "--table", str(table))
    assert err.startswith(str(table) + ":") and expected in err, err


def test_rate_unit_that_does_not_fit_the_activity(tmp_path, capsys):
    table = tmp_path / "t.yaml"
    table.write_text(TABLE.replace("unit: USD/document", "unit: USD/meeting", 1), encoding="utf-8")
    err = run_cost(capsys, NOTES / "annex-07.yaml", "--table", str(table))
    # the table is refused when it loads, at the line of the unit
    assert err.startswith(f"{table}:") and "rates.documentation.document.unit: " in err, err
    assert "a rate in USD/meeting applied to document comes out in" in err and "not USD" in err


@pytest.mark.parametrize("name, content, expected", [
    ("not UTF-8", b"symbol: \xff\xfe\n", ":1: not UTF-8 text"),
    ("empty", b"", ": file is empty"),
    ("only a comment", b"# nothing\n", ": file holds no YAML document"),
    ("a list", b"- a\n- b\n", ":1: expected a YAML mapping"),
])
def test_unreadable_files(tmp_path, capsys, name, content, expected):
    path = tmp_path / "spec.yaml"
    path.write_bytes(content)
    assert run_cost(capsys, path).startswith(str(path) + expected)


def test_directory_where_a_file_is_expected(tmp_path, capsys):
    assert run_cost(capsys, tmp_path) == f"{tmp_path}: is a directory, expected a file"


def test_missing_file(tmp_path, capsys):
    assert run_cost(capsys, tmp_path / "nope.yaml") == f"{tmp_path / 'nope.yaml'}: no such file"


def test_extends_cannot_leave_its_folder(tmp_path, capsys):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "base.yaml").write_text(TABLE.replace("id: unodc-vienna-2010", "id: base"), "utf-8")
    inner = tmp_path / "tables"
    inner.mkdir()
    child = inner / "child.yaml"
    child.write_text("id: child\ntitle: C\nextends: ../outside/base\n", encoding="utf-8")
    err = run_cost(capsys, NOTES / "annex-07.yaml", "--table", str(child))
    assert ":3: extends: extends unknown table '../outside/base'" in err
