"""Meetings a spec counts without naming an event are said as a count ("Ten meetings (with
interpretation …)"), not as one meeting of ten meetings; a named or dated meeting keeps its shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main

SPEC = """symbol: A/C.3/80/L.99
title: {{en: A draft resolution}}
body: general-assembly
rule: "153"
budget_period: "2025"
table: un-standard-costs
requests:
  - id: a
    activities:
      - {{id: sessions, kind: meeting, {quantity}, interpretation: true, languages: 6, location: Geneva, year: 2025, funding: regular_budget}}
"""


@pytest.mark.parametrize("quantity, said", [
    ("meetings: 10", "(a) Ten meetings (with interpretation in the six official languages) in Geneva, in 2025."),
    ("meetings: 1", "(a) A meeting (one meeting, with interpretation in the six official languages) in Geneva, in 2025."),
    ("days: 2", "(a) A two-day meeting (four meetings, with interpretation in the six official languages) in Geneva, "
                "in 2025."),
])
def test_counted_meetings(quantity: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text(SPEC.format(quantity=quantity), encoding="utf-8")
    capsys.readouterr()
    assert main(["note", str(spec), "--kind", "statement", "--lang", "en"]) == 0
    assert said in capsys.readouterr().out
