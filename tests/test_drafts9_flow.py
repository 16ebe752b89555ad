"""Blind round 9: every development draft of tests/data/drafts9 goes through `pbi draft`, `pbi cost`,
`pbi note` (in its own language, and a Chinese draft's in English) and `pbi explain … total` without an error, and its
labelled paragraphs with implications are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_helpers import through_every_command
from pbi.cli import main

FOLDER = Path(__file__).resolve().parent / "data" / "drafts9"
DRAFTS = sorted(p for p in FOLDER.glob("*.txt") if not p.name.startswith("ho-"))


@pytest.mark.parametrize("source", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_draft_cost_note_explain(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels, _, found, wanted = through_every_command(source, tmp_path)
    assert wanted == found
    capsys.readouterr()
    if labels["language"] == "zh":
        assert main(["note", str(tmp_path / "spec.yaml"), "--lang", "en"]) == 0
        assert "untranslated" in capsys.readouterr().out  # the assumption says which words are the draft's own
    else:  # an English title stays English only: the Chinese note stops on it, or quotes it when asked
        assert main(["note", str(tmp_path / "spec.yaml"), "--lang", "zh"]) == 2
        assert "title: no zh text (en: " in capsys.readouterr().err
        assert main(["note", str(tmp_path / "spec.yaml"), "--lang", "zh", "--quote-untranslated"]) == 0
        out = capsys.readouterr()
        assert "title: no zh text, quoted in en — translate it before the note is issued" in out.err
