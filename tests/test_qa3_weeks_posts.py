"""Weeks of meetings and numbers of posts are quantities a delegate can change: with ``--set``, in a
scenario and in the live workbook (whose formulas follow them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.costing.api import compare_file, cost_file
from pbi.export.workbook import read_workbook_scenario, write_workbook

from test_delegate_workbook import edit_quantity, grand_total, recompute

openpyxl = pytest.importorskip("openpyxl")

DATA = Path(__file__).parent / "data" / "qa3"
WEEK = DATA / "s05-ny-week-verbatim-2027.yaml"  # one week of meetings in New York, 2027
POSTS = DATA / "s07-new-posts-2023.yaml"  # a new P-4 post and two GS (Other level) posts, Geneva


@pytest.mark.parametrize("spec, path, value", [(WEEK, "hlm.weeks", 2), (POSTS, "gs.posts", 3),
                                               (POSTS, "p4.work_months", 6)])
def test_set_changes_weeks_and_posts(spec: Path, path: str, value: int) -> None:
    base = cost_file(spec).total.low
    changed = compare_file(spec, assignments=[f"{path}={value}"]).scenario.total.low
    assert changed != base
    assert changed > base if value > 1 and not path.endswith("work_months") else changed < base


@pytest.mark.parametrize("spec, activity, quantity, value", [(WEEK, "hlm", "weeks", 2), (POSTS, "gs", "posts", 3)])
def test_workbook_edits_weeks_and_posts(spec: Path, activity: str, quantity: str, value: int,
                                        tmp_path: Path) -> None:
    book = write_workbook(cost_file(spec), tmp_path / "costing.xlsx")
    edit_quantity(book, activity, quantity, value)
    expected = compare_file(spec, assignments=[f"{activity}.{quantity}={value}"]).scenario.total.low
    assert expected != cost_file(spec).total.low
    assert grand_total(recompute(book), book) == expected
    assert set(read_workbook_scenario(book).quantities) == {f"{activity}.{quantity}"}


def test_an_unchanged_workbook_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pbi.cli import main

    book = write_workbook(cost_file(WEEK), tmp_path / "costing.xlsx")
    assert main(["compare", str(WEEK), "--scenario", str(book)]) == 2
    err = capsys.readouterr().err
    assert "changes no quantity or rate" in err and "give --scenario FILE" not in err
