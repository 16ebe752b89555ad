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
    # the draft's own words stay in its language: the other language's note stops on them, or quotes them when asked
    lang, other = labels["language"], "en" if labels["language"] == "zh" else "zh"
    assert main(["note", str(tmp_path / "spec.yaml"), "--lang", other]) == 2
    assert f": no {other} text ({lang}: " in capsys.readouterr().err
    assert main(["note", str(tmp_path / "spec.yaml"), "--lang", other, "--quote-untranslated"]) == 0
    out = capsys.readouterr()
    assert f"title: no {other} text, quoted in {lang} — translate it before the note is issued" in out.err
