"""Blind round 5: every draft of tests/data/drafts5 goes through `pbi draft`, `pbi cost`, `pbi note`
(in its own language) and `pbi explain … total` without an error, and its labelled paragraphs with
implications are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_helpers import through_every_command

FOLDER = Path(__file__).resolve().parent / "data" / "drafts5"
DRAFTS = sorted(p for p in FOLDER.iterdir() if p.suffix != ".yaml" and p.name != "README.md")


@pytest.mark.parametrize("source", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_draft_cost_note_explain(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, data, found, wanted = through_every_command(source, tmp_path)
    found |= {str(r) for q in data.get("requests", []) for r in q["operative_paragraphs"]}
    assert wanted <= found
