"""Round 14 regressions: each test failed before the fix it names (the catalogue of the round,
tests/attack14_cases.py, runs in tests/test_attacks14_catalogue.py and benchmarks/attacks.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pbi.cli import main
from pbi.costing.api import cost_file
from pbi.costing.reproduce import find_specs, reproduce
from pbi.costing.scenario import Scenario
from pbi.model.errors import PbiError

ROOT = Path(__file__).resolve().parents[1]
NOTES = ROOT / "notes" / "ctoc-cop-2010-17"
TABLE = ROOT / "cost_tables" / "unodc-vienna-2010.yaml"


def _corpus(tmp: Path) -> Path:
    """A folder as the repository is: specs, their tables, draft labels, a list, templates with anchors."""
    shutil.copytree(NOTES, tmp / "notes")
    (tmp / "cost_tables").mkdir()
    shutil.copy(TABLE, tmp / "cost_tables")
    (tmp / "labels").mkdir()
    (tmp / "labels" / "zh-draft.yaml").write_text("symbol: A/1\ntitle: 标题\nparagraphs: {'1': none}\n",
                                                  encoding="utf-8")
    (tmp / "labels" / "cases.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (tmp / "labels" / "phrases.yaml").write_text("a: &x [1]\nb: *x\n", encoding="utf-8")
    return tmp


# ------------------------------------------------------------------ reproduce DIR (loose end 1)
def test_reproduce_dot_skips_tables_and_other_yaml_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_corpus(tmp_path))
    code = main(["reproduce", "."])
    err = capsys.readouterr().err.strip().splitlines()
    assert code in (0, 1)
    assert err == ["pbi reproduce: skipped 4 YAML files that are not specs: 2 not YAML that pbi reads, "
                   "1 cost tables, 1 without a table or budget_period key"], err


def test_reproduce_a_folder_of_tables_only_is_one_line_naming_what_was_skipped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(TABLE, tmp_path)
    assert main(["reproduce", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no spec" in err[0] and "skipped 1 YAML file that is not a spec: 1 cost tables" in err[0]


def test_reproduce_keeps_a_broken_spec_among_skipped_yaml(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    (root / "notes" / "broken.yaml").write_text("symbol: [unclosed\n", encoding="utf-8")
    result = reproduce([root], keep_going=True)
    assert [e for e in result.errors if "broken.yaml" in e] and len(result.errors) == 1, result.errors
    assert {why for _, why in result.skipped} == {"not YAML that pbi reads", "cost tables",
                                                  "without a table or budget_period key"}


def test_find_specs_of_a_folder_leaves_tables_out(tmp_path: Path) -> None:
    """calibrate walks folders with find_specs: a table beside the specs was read as a bad spec."""
    root = _corpus(tmp_path)
    found = find_specs([root])
    assert found and not any("cost_tables" in str(p) or "labels" in str(p) for p in found)


# ------------------------------------------------------------------ note --diff (loose end 2)
@pytest.mark.parametrize(("content", "said"), [
    (b"PK\x03\x04 a zip, not the report", "a Word, zip or PDF file, not text"),
    (b"", "file is empty"),
    (b"\n \n", "file is empty"),
    (b"%PDF-1.7\n", "not text"),
])
def test_note_diff_seed_that_is_no_text_is_said_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   content: bytes, said: str) -> None:
    seed = tmp_path / "seed.docx"
    seed.write_bytes(content)
    assert main(["note", str(NOTES / "annex-03.yaml"), "--lang", "zh", "--diff", str(seed)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(str(seed)) and said in err[0], err


def test_note_diff_annex_past_twelve_is_no_index_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text((NOTES / "annex-03.yaml").read_text(encoding="utf-8").replace("annex: 3", "annex: 13"),
                    encoding="utf-8")
    shutil.copytree(ROOT / "cost_tables", tmp_path / "cost_tables")
    seed = tmp_path / "seed.txt"
    seed.write_text("附件一\n", encoding="utf-8")
    assert main(["note", str(spec), "--lang", "zh", "--diff", str(seed)]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err and "no annex 13" in err


# ------------------------------------------------------------------ workbook read-back (loose end 3)
def _book(tmp: Path, spec: Path = NOTES / "annex-03.yaml", edit=None):  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    from pbi.export.workbook import write_workbook

    est = cost_file(spec)
    path = write_workbook(est, tmp / "book.xlsx")
    if edit is not None:
        wb = openpyxl.load_workbook(path)
        edit(wb)
        wb.save(path)
    return est, path


def _read(est, path: Path) -> str:  # type: ignore[no-untyped-def]
    from pbi.export.workbook import read_workbook_scenario

    with pytest.raises(PbiError) as info:
        read_workbook_scenario(path, est)
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_a_quantity_cell_of_inf_or_nan_is_not_called_empty(tmp_path: Path, value: float) -> None:
    est, path = _book(tmp_path, edit=lambda wb: wb["quantities"].__setitem__("C8", value))
    message = _read(est, path)
    assert "quantities!C8" in message and "no number" in message and "empty" not in message, message


def _raw(path: Path, cell: str, xml: str) -> None:
    with zipfile.ZipFile(path) as zin:
        parts = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w") as zout:
        for info, data in parts:
            if info.filename == "xl/worksheets/sheet2.xml":
                data = re.sub(rf'<c r="{cell}"[^>]*?(?:/>|>.*?</c>)'.encode(), xml.encode(), data, count=1)
            zout.writestr(info, data)


@pytest.mark.parametrize(("xml", "said"), [
    ('<c r="C8" t="n"><v>inf</v></c>', "quantities!C8"),
    ('<c r="C8" t="n"><v>NaN</v></c>', "quantities!C8"),
    ('<c r="C8"><v>abc</v></c>', "quantities!C8"),
    ('<c r="C8" t="s"><v>99999</v></c>', "row 8 cannot be read"),
])
def test_a_cell_openpyxl_cannot_read_is_one_line_not_an_internal_error(tmp_path: Path, xml: str, said: str) -> None:
    est, path = _book(tmp_path)
    _raw(path, "C8", xml)
    assert said in _read(est, path)


def test_an_apostrophe_typed_before_a_number_is_said(tmp_path: Path) -> None:
    est, path = _book(tmp_path, edit=lambda wb: wb["quantities"].__setitem__("C8", "'20"))
    message = _read(est, path)
    assert "quantities!C8" in message and "the apostrophe was typed" in message


@pytest.mark.parametrize("sheet", ["rate grid", "items"])
def test_a_deleted_sheet_that_formulas_refer_to_is_named(tmp_path: Path, sheet: str) -> None:
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        del wb[sheet]
        wb["quantities"]["C8"] = 20  # an edit: before, it was priced as if nothing were missing

    est, path = _book(tmp_path, edit=edit)
    assert f"sheet {sheet!r} is missing" in _read(est, path)


def test_a_deleted_rates_sheet_is_named_when_items_refer_to_it(tmp_path: Path) -> None:
    """annex-02's items take a rate from the rates sheet (=rates!$D$n): without it they show #REF!."""
    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        del wb["rates"]

    est, path = _book(tmp_path, spec=NOTES / "annex-02.yaml", edit=edit)
    message = _read(est, path)
    assert "sheet 'rates' is missing" in message and "rates!" in message


# ------------------------------------------------------------------ --set paths (loose end 4)
@pytest.mark.parametrize(("assignment", "said"), [
    (".pages=5", "an empty name in path '.pages'"),
    ("secretariat-report..pages=5", "an empty name in path"),
    ("secretariat-report.pages=", "no value after '='"),
    ("secretariat-report.pages=5USD", "an amount in US dollars, not a count"),
    ("secretariat-report.year=2012 USD", "an amount in US dollars, not a count"),
])
def test_a_bad_set_path_or_value_is_one_line(assignment: str, said: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(NOTES / "annex-03.yaml"), "--set", assignment]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("--set") and said in err[0], err


def test_a_scenario_file_with_an_empty_name_in_a_path_is_refused() -> None:
    with pytest.raises(PbiError, match="an empty name"):
        Scenario.from_dict({"set": {".pages": 5}}, file="s.yaml")


def test_the_cli_set_errors_are_one_line_in_a_process(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "pbi", "compare", str(NOTES / "annex-03.yaml"), "--set", ".pages=5"],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 2 and run.stdout == "" and run.stderr.count("\n") == 1
