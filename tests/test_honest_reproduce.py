"""Honest reproduction: every figure in one class; a misprint is never a match; folders go on
past a bad spec; the summary by activity kind, duty station and year band."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pbi.cli import main
from pbi.costing.reproduce import CLASSES, reproduce, year_band
from pbi.model.errors import PbiError

from _paths import NOTES, TABLES
from synthetic_corpus import write_corpus

REP = reproduce([NOTES])
CLS = {r.figure.id: r.cls for r in REP.rows}


def _ids(cls: str) -> set[str]:
    return {fid for fid, c in CLS.items() if c == cls}


def test_every_cop5_figure_in_one_class() -> None:
    assert _ids("single-use") == {"F05", "F07", "F15", "F16", "F19", "F20", "F22"}
    assert _ids("quoted") == {"F02", "F04", "F21"}
    assert _ids("sum") == {"F27"} and _ids("no cost") == {"F03"} and _ids("misprint") == {"F17"}
    assert _ids("mismatch") == set()
    assert len(_ids("derived")) == 15 and sum(REP.classes().values()) == 28
    assert set(REP.classes()) == set(CLASSES)


def test_single_use_names_the_rate_fitted_to_that_figure_alone() -> None:
    rows = {r.figure.id: r for r in REP.rows}
    assert rows["F05"].single_use == ("staff.P-3",)
    assert rows["F15"].single_use == ("conference_servicing.full_cost",)  # not the shared interpretation rate
    assert rows["F09"].single_use == ()


def test_summary_line() -> None:
    assert REP.summary() == (
        "derived 15/15 (matched by rates shared with other figures), single-use 7, quoted 3, sums 1, "
        "no cost 1, misprints 1 (F17: printed 80,000, computed 800,000), no mismatch")
    assert REP.matched == 27 and REP.ok


def test_misprint_is_never_a_match(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reproduce", str(NOTES)]) == 0  # a flagged misprint is not a mismatch
    out = capsys.readouterr().out
    f17 = next(line for line in out.splitlines() if line.startswith("F17"))
    assert "NO" in f17 and "misprint" in f17 and "yes" not in f17
    assert "in sample" in out and "leave-one-out" in out
    assert main(["reproduce", "--json", str(NOTES)]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["F17"]["class"] == "misprint" and rows["F17"]["match"] is False
    assert rows["F05"]["class"] == "single-use" and rows["F05"]["single_use_rates"] == ["staff.P-3"]
    assert rows["F01"]["class"] == "derived" and rows["F01"]["match"] is True
    assert rows["F01"]["station"] == "Vienna" and rows["F01"]["year"] == 2012


def _copy_corpus(tmp_path: Path) -> Path:
    shutil.copytree(TABLES, tmp_path / "cost_tables")
    shutil.copytree(NOTES, tmp_path / "notes" / "cop5")
    return tmp_path / "notes"


def test_mismatch_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = _copy_corpus(tmp_path)
    spec = notes / "cop5" / "annex-02.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("amount: 23000", "amount: 23100"), encoding="utf-8")
    assert main(["reproduce", str(notes)]) == 1
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "derived 14/15" in last and "mismatches 1 (" in last and "F01: printed 23,100, computed 23,000" in last


def test_a_bad_spec_is_reported_and_the_others_go_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = _copy_corpus(tmp_path)
    bad = notes / "cop5" / "annex-03.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("pages: 12", "pages: -12", 1), encoding="utf-8")
    (notes / "cop5" / "broken.yaml").write_text("symbol: [unclosed\n", encoding="utf-8")
    assert main(["reproduce", str(notes)]) == 2
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2 and all("Traceback" not in e for e in errors)
    assert any("annex-03.yaml:" in e and "must be greater than 0" in e for e in errors)
    assert any("broken.yaml:" in e for e in errors)
    assert "F01" in captured.out and "F23" in captured.out  # the other specs were reproduced
    assert "2 errors (on stderr)" in captured.out.strip().splitlines()[-1]
    with pytest.raises(PbiError):  # the library raises the first error unless asked to go on
        reproduce([notes])
    assert len(reproduce([notes], keep_going=True).errors) == 2


def test_same_ids_in_several_specs(tmp_path: Path) -> None:
    notes = _copy_corpus(tmp_path)
    shutil.copytree(notes / "cop5", notes / "copy")
    rep = reproduce([notes])
    assert len(rep.rows) == 56 and not rep.errors
    assert rep.classes()["misprint"] == 2  # each F17 is resolved against the F16 of its own folder


def test_breakdown_by_kind_station_and_years(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = write_corpus(tmp_path, 30, noise=0)
    rep = reproduce([notes])
    by = {(d, v): c for d, v, c in rep.breakdown()}
    assert by[("station", "-")]["quoted"] == 30  # lump sums without a location are at no known station
    assert sum(sum(by[("station", s)].values()) for s in ("Geneva", "New York", "Vienna")) == 90
    assert sum(sum(c.values()) for (d, _), c in by.items() if d == "station") == 120
    assert sum(sum(c.values()) for (d, _), c in by.items() if d == "years") == 120
    assert by[("kind", "documentation")] and by[("kind", "lump_sum")]["quoted"] == 30
    assert main(["reproduce", str(notes)]) in (0, 1)
    out = capsys.readouterr().out
    assert "station  Geneva" in out and "years    2010-2014" in out and "kind     staff" in out


def test_year_band() -> None:
    assert year_band(2012) == "2010-2014" and year_band(2015) == "2015-2019" and year_band(None) == "-"


def test_single_use_by_table_mark(tmp_path: Path) -> None:
    notes = _copy_corpus(tmp_path)
    table = tmp_path / "cost_tables" / "unodc-vienna-2010.yaml"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace("fitted_to: [F09, F11, F12]", "fitted_to: [F11]"), encoding="utf-8")
    rep = reproduce([notes])
    rows = {r.figure.id: r for r in rep.rows}
    assert rows["F11"].cls == "single-use" and rows["F12"].cls == "derived"


def test_plain_columns_lay_out_as_tabulate_does() -> None:
    from tabulate import tabulate

    from pbi.export.text import plain_columns

    rows = [["F01", "II / 4", "23,000", "yes"], ["F1234", "A/79/L.21 / -", "800,000 to 1,200,000", "NO"]]
    headers = ["id", "annex / para", "published", "match"]
    align = ("left", "left", "right", "left")
    assert plain_columns(rows, headers, align) == tabulate(rows, headers=headers, disable_numparse=True,
                                                           tablefmt="simple", colalign=align)


def test_derived_from_reads_a_value_source() -> None:
    from pbi.costing.reproduce import derived_from

    assert derived_from("derived from ST-D06.0 (single-use: one figure)") == ["ST-D06.0"]
    assert derived_from("derived from ST-D01.0, TR-0103.0, TR-0109.0 (median)") == ["ST-D01.0", "TR-0103.0",
                                                                                     "TR-0109.0"]
    assert derived_from("fitted by pbi calibrate to F05 (exact)") == ["F05"]
    assert derived_from("interpolated between 2011 and 2015") == []


@pytest.mark.skipif("sources" not in __import__("pbi.model.tables", fromlist=["Rate"]).Rate.model_fields,
                    reason="tables keep no per-value sources on this branch (they come with un-standard-costs)")
def test_single_use_by_a_value_source(tmp_path: Path) -> None:
    notes = _copy_corpus(tmp_path)
    table = tmp_path / "cost_tables" / "unodc-vienna-2010.yaml"
    text = table.read_text(encoding="utf-8").replace(
        "    fitted_to: [F09, F11, F12]\n",
        "    fitted_to: [F09, F11, F12]\n    sources: {default: {2010-01-01: 'derived from F11 (single-use: one figure)'}}\n")
    table.write_text(text, encoding="utf-8")
    rows = {r.figure.id: r for r in reproduce([notes]).rows}
    assert rows["F11"].cls == "single-use" and rows["F11"].single_use == ("interpretation.meeting",)
    assert rows["F12"].cls == "derived"


def test_same_as_resolved_in_the_folder_of_a_spec_given_alone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reproduce", str(NOTES / "annex-06.yaml")]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.endswith("misprints 1 (F17: printed 80,000, computed 800,000), no mismatch")


@pytest.mark.parametrize("as_json", [False, True])
def test_a_single_bad_spec_writes_its_error_and_no_empty_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], as_json: bool) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("symbol: [unclosed\n", encoding="utf-8")
    assert main(["reproduce", str(bad)] + (["--json"] if as_json else [])) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "bad.yaml:" in captured.err


def test_a_figure_the_rates_were_not_fitted_to_is_called_out_of_sample(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cost_tables").symlink_to(TABLES)
    spec = tmp_path / "own.yaml"
    spec.write_text("""symbol: A/C.3/80/L.77
title: {en: A draft}
body: general-assembly
budget_period: "2026"
table: un-standard-costs
requests:
  - id: a
    activities:
      - {id: report, kind: documentation, words: 8500, languages: 6, location: New York, year: 2026,
         funding: regular_budget}
published:
  - {id: F01, paragraph: "1", amount: 24500, activities: [report]}
""", encoding="utf-8")
    assert main(["reproduce", str(spec)]) == 0
    out = capsys.readouterr().out
    assert "out of sample: no derived figure is one the table's rates were fitted to" in out
    assert "in sample" not in out
