"""Blind round 8: every development draft of tests/data/drafts8 goes through `pbi draft`, `pbi cost`,
`pbi note` (in its own language) and `pbi explain … total` without an error, and its labelled
paragraphs with implications are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_helpers import through_every_command

FOLDER = Path(__file__).resolve().parent / "data" / "drafts8"
DRAFTS = sorted(p for p in FOLDER.glob("*.txt") if not p.name.startswith("ho-"))


@pytest.mark.parametrize("source", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_draft_cost_note_explain(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, found, wanted = through_every_command(source, tmp_path)
    assert wanted == found
