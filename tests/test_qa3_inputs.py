"""Inputs a new user writes: an unquoted budget period is a period; an id with an invisible
character (a right-to-left override, a zero-width space) is one line naming the character."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main

SPEC = (Path(__file__).parent / "data" / "qa3" / "s01-ny-report-2025.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, old: str, new: str) -> Path:
    assert old in SPEC
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_unquoted_budget_period_is_a_period(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "budget_period: '2025'", "budget_period: 2025")
    assert main(["cost", str(path)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("char, name", [("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u200b", "ZERO WIDTH SPACE")])
def test_an_invisible_character_in_an_id_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   char: str, name: str) -> None:
    path = _write(tmp_path, "id: report", f'id: "rep{char}ort"')
    assert main(["reproduce", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{path}:") and name in err[0] and ".id:" in err[0]


def test_a_very_long_number_is_over_the_ceiling_not_a_non_number() -> None:
    from pbi.model.money import to_decimal

    with pytest.raises(ValueError, match="over the ceiling"):
        to_decimal("1" + "0" * 300)
    with pytest.raises(ValueError, match="is not a number"):
        to_decimal("1" * 30 + "x" * 40)


def test_a_huge_number_in_the_workbook_is_over_the_ceiling(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    spec = Path(__file__).parent / "data" / "qa3" / "s01-ny-report-2025.yaml"
    book = tmp_path / "c.xlsx"
    assert main(["workbook", str(spec), "-o", str(book)]) == 0
    wb = openpyxl.load_workbook(book)
    wb["quantities"]["C3"] = 1e300
    wb.save(book)
    capsys.readouterr()
    assert main(["compare", str(spec), "--scenario", str(book)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "over the ceiling" in err[0] and err[0].startswith(f"{book}:3:")
