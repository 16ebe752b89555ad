"""Blind round 7: every draft of tests/data/drafts7 goes through `pbi draft`, `pbi cost`, `pbi note`
(in its own language) and `pbi explain … total` without an error, and its labelled paragraphs with
implications are found (an annex's items for the paragraph that adopts the annex)."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_helpers import through_every_command

FOLDER = Path(__file__).resolve().parent / "data" / "drafts7"
DRAFTS = sorted(p for p in FOLDER.iterdir() if p.suffix != ".yaml" and p.name != "README.md")


@pytest.mark.parametrize("source", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_draft_cost_note_explain(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels, _, found, wanted = through_every_command(source, tmp_path)
    if labels.get("annex_in") and any(ref.startswith("(") for ref in found):
        found.add(str(labels["annex_in"]))
    assert wanted <= found
