"""`pbi conclude` says what the note concludes: for a body whose note is a statement, conference
services the spec gives no section are under section 2, as the statement shows them (tests/data/qa4)."""

from __future__ import annotations

import json

import pytest

from pbi.cli import main
from pbi.costing.api import cost_file
from pbi.render import render_note

from _paths import ROOT

QA4 = ROOT / "tests" / "data" / "qa4"


def _conclude(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["conclude", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_statement_conclusion_names_section_2(capsys: pytest.CaptureFixture[str]) -> None:
    spec = str(QA4 / "q01-hrc-geneva-2025.yaml")
    data = _conclude(capsys, spec)
    sections = {r["section"]: r["amount"] for r in data["additional_regular_budget"]}
    assert sections == {"Section 2": "49500", "Section 24": "75500"}
    note = render_note(cost_file(spec), "en", "text")
    assert "$49,500" in note and "Section 2, General Assembly" in note


def test_financial_note_conclusion_names_no_section(capsys: pytest.CaptureFixture[str]) -> None:
    spec = str(QA4 / "q04-nairobi-2021.yaml")
    sections = {r["section"] for r in _conclude(capsys, spec, "--kind", "financial_note")["additional_regular_budget"]}
    assert sections == {None, "Section 15"}
    sections = {r["section"] for r in _conclude(capsys, spec)["additional_regular_budget"]}
    assert sections == {"Section 2", "Section 15"}


def test_conclude_kind_the_body_does_not_take(capsys: pytest.CaptureFixture[str]) -> None:
    spec = str(QA4 / "q01-hrc-geneva-2025.yaml")
    assert main(["conclude", spec, "--kind", "financial_note"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{spec}:5: body: no financial note for human-rights-council")
    assert "\n" not in err
