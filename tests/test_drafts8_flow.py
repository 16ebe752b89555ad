"""Blind round 8: every development draft of tests/data/drafts8 goes through `pbi draft`, `pbi cost`,
`pbi note` (in its own language) and `pbi explain … total` without an error, and its labelled
paragraphs with implications are found."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pbi.cli import main

FOLDER = Path(__file__).resolve().parent / "data" / "drafts8"
DRAFTS = sorted(p for p in FOLDER.glob("*.txt") if not p.name.startswith("ho-"))


@pytest.mark.parametrize("source", DRAFTS, ids=[p.stem for p in DRAFTS])
def test_draft_cost_note_explain(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "spec.yaml"
    assert main(["draft", str(source), "-o", str(spec)]) == 0
    labels = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert main(["cost", str(spec)]) == 0
    assert main(["note", str(spec), "--lang", labels["language"]]) == 0
    assert main(["explain", str(spec), "total"]) == 0
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    found = {str(p["paragraph"]) for p in data["extra"].get("paragraphs", [])
             if p.get("class") in ("costed", "extrabudgetary", "absorbed")}
    wanted = {str(k) for k, v in labels["paragraphs"].items() if v in ("costed", "extrabudgetary", "absorbed")}
    assert wanted == found
