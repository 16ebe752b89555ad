"""An analyst's ``est``, ``cmp`` or ``est.table`` at a prompt is one line, and ``print()`` gives the
tables `pbi cost` and `pbi compare` print, not a dump of the spec and every rate of the table."""

from __future__ import annotations

from pathlib import Path

import pytest

import pbi
from pbi.cli import main

SPEC = Path(__file__).resolve().parent / "data" / "delegate" / "ga-nairobi-2028-weeks.yaml"


def test_one_line_reprs() -> None:
    est = pbi.cost_file(SPEC)
    cmp = pbi.compare_file(SPEC, assignments=["rates.documentation.word=0.5@2028-01-01"])
    for obj, opening in ((est, "<Estimate "), (cmp, "<Comparison "), (est.table, "<Table ")):
        text = repr(obj)
        assert text.startswith(opening) and "\n" not in text and len(text) < 300, text
    assert f"total {est.total} USD" in repr(est) and est.table.id in repr(est)
    assert str(cmp.total.baseline) in repr(cmp) and str(cmp.total.scenario) in repr(cmp)


def test_print_is_the_cli_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cost", str(SPEC)]) == 0
    printed = capsys.readouterr().out
    est = pbi.cost_file(SPEC)
    assert str(est) == est.to_table() and str(est).strip() == printed.strip()
    cmp = pbi.compare_file(SPEC, assignments=["rates.documentation.word=0.5@2028-01-01"])
    assert str(cmp) == cmp.to_table() and "baseline" in str(cmp)
