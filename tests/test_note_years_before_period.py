"""A note states what its budget period and the years after it would require: an activity dated before
the period is refused in one line naming the spec's line and field, in every kind and language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SPEC = """symbol: A/C.3/81/L.13
title: {en: Early work, zh: 早期工作}
body: general-assembly
rule: "153"
budget_period: "2027"
table: un-standard-costs
requests:
  - id: a
    activities:
      - {id: report, kind: documentation, words: 8500, documents: 1, languages: 6, location: New York, year: YEAR, funding: regular_budget}
"""


def _note(tmp_path: Path, year: int, *args: str) -> subprocess.CompletedProcess[str]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.replace("YEAR", str(year)), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "pbi", "note", str(spec), *args],
                          capture_output=True, text=True, cwd=tmp_path)


@pytest.mark.parametrize("args", [("--kind", "statement"), ("--lang", "zh", "-o", "note.docx")])
def test_work_before_the_budget_period_is_refused(tmp_path: Path, args: tuple[str, ...]) -> None:
    run = _note(tmp_path, 2024, *args)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        f"{tmp_path / 'spec.yaml'}:10: requests[0].activities[0].year: 2024 is before the budget period 2027: "
        "a note states what its period and later years require (date the work 2027 or later, or give the "
        "budget period it falls in)"]
    assert not (tmp_path / "note.docx").exists()


def test_work_in_and_after_the_period_is_written(tmp_path: Path) -> None:
    run = _note(tmp_path, 2028, "--kind", "statement")
    assert run.returncode == 0, run.stderr
    assert "2028" in run.stdout
