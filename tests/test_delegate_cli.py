"""`pbi note --scenario/--set`, `pbi explain` of any target, `pbi workbook`, and outputs pbi cannot
write."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main
from pbi.costing.api import compare_file, cost_file
from pbi.costing.explain import explain
from pbi.model.errors import SpecError

from _paths import NOTES, ROOT

ANNEX4 = str(NOTES / "annex-04.yaml")
ANNEX8 = str(NOTES / "annex-08.yaml")
DRAFT = str(ROOT / "notes" / "new-drafts" / "resolution-10-4.yaml")


def test_note_of_a_variant_prints_the_variant_amounts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["note", ANNEX4, "--lang", "en", "--set", "working-group-meeting.days=3"]) == 0
    text = capsys.readouterr().out
    variant = compare_file(ANNEX4, assignments=["working-group-meeting.days=3"])
    f09 = next(r for r in variant.groups if r.group == "F09")
    assert f"${f09.scenario.low:,.0f}" in text and "$224,800" not in text


def test_note_scenario_file_and_set_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text("name: four languages\nset:\n  languages: 4\n", encoding="utf-8")
    assert main(["note", ANNEX4, "--lang", "zh", "--scenario", str(scenario), "--set", "F09.days=3"]) == 0
    text = capsys.readouterr().out
    expected = compare_file(ANNEX4, scenario=scenario, assignments=["F09.days=3"]).scenario
    assert f"{expected.figure('F09').computed.low:,.0f}" in text


def test_note_of_an_edited_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "costing.xlsx"
    assert main(["workbook", ANNEX4, "-o", str(book)]) == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["quantities"]
    row = next(r for r in range(2, ws.max_row + 1)
               if (ws[f"A{r}"].value, ws[f"B{r}"].value) == ("working-group-meeting", "days"))
    ws[f"C{row}"] = 3
    wb.save(book)
    capsys.readouterr()
    assert main(["note", ANNEX4, "--lang", "en", "--scenario", str(book)]) == 0
    from_book = capsys.readouterr().out
    assert main(["note", ANNEX4, "--lang", "en", "--set", "working-group-meeting.days=3"]) == 0
    assert capsys.readouterr().out == from_book
    assert main(["compare", ANNEX4, "--scenario", str(book), "--json"]) == 0
    assert '"working-group-meeting"' in capsys.readouterr().out


def test_set_languages_leaves_the_other_languages_apart_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", ANNEX8, "--set", "languages=6", "--json"]) == 0
    captured = capsys.readouterr()
    assert "digest-other-languages" in captured.err and "F20" in captured.err
    cmp = compare_file(ANNEX8, assignments=["languages=6"])
    f20 = next(r for r in cmp.groups if r.group == "F20")
    assert f20.scenario == f20.baseline  # not doubled
    narrowed = compare_file(ANNEX8, assignments=["digest-other-languages.languages=6"])
    assert next(r for r in narrowed.groups if r.group == "F20").scenario.low > f20.baseline.low


@pytest.mark.parametrize("target, first", [
    ("request.b", "request (b)"), ("b", "request (b)"), ("update-drafting", "activity update-drafting"),
    ("total", "total"),
])
def test_explain_any_target(target: str, first: str) -> None:
    est = cost_file(DRAFT)
    text = explain(est, target)
    assert text.splitlines()[0].startswith(first)
    last = text.splitlines()[-1]
    if target == "total":
        assert last == f"= {est.total.low:,.0f} USD"
    if target in ("request.b", "b"):
        assert last == f"= {est.by_request()['b'].low:,.0f} USD"
    assert "rate " in text and "reference:" in text


def test_explain_total_adds_up_to_the_estimate() -> None:
    est = cost_file(ANNEX4)
    text = explain(est, "total")
    assert text.endswith(f"= {est.total.low:,.0f} USD")
    for group in est.by_group():
        assert f"\n{group}" in text


def test_explain_unknown_target_lists_the_valid_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SpecError, match="request.b"):
        explain(cost_file(DRAFT), "F99")
    assert main(["explain", DRAFT, "request.zz"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "valid:" in err


@pytest.mark.parametrize("argv", [
    ["note", ANNEX4, "-o", "{dir}/note.pdf"],
    ["cost", ANNEX4, "-o", "{dir}/x.docx"],
    ["compare", ANNEX4, "--set", "languages=4", "-o", "{dir}/x.pdf"],
    ["cost", ANNEX4, "--chart", "{dir}/chart.txt"],
    ["workbook", ANNEX4, "-o", "{dir}/costing.csv"],
])
def test_an_output_pbi_cannot_write_is_one_line_exit_2(argv: list[str], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    args = [a.replace("{dir}", str(tmp_path)) for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err
    assert list(tmp_path.iterdir()) == []
