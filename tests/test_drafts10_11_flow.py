"""Blind rounds 10 to 12: every development draft of tests/data/drafts10, drafts11 and drafts12 goes through
`pbi draft`, `pbi cost`, `pbi note` (in its own language, and a Chinese draft's in English) and `pbi explain … total` without an error; its labelled
paragraphs with implications are found, and each report is processed where the labels say (``doc_place``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from draft_helpers import through_every_command
from pbi.cli import main

DATA = Path(__file__).resolve().parent / "data"
DRAFTS = sorted(p for folder in ("drafts10", "drafts11", "drafts12") for p in (DATA / folder).glob("*.txt")
                if not p.name.startswith("ho-"))


@pytest.mark.parametrize("source", DRAFTS, ids=[f"{p.parent.name}-{p.stem}" for p in DRAFTS])
def test_draft_cost_note_explain(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels, data, found, wanted = through_every_command(source, tmp_path)
    assert wanted == found
    for ref, stated in (labels.get("quantities") or {}).items():
        if "doc_place" not in stated:
            continue
        want = {stated["doc_place"]} if isinstance(stated["doc_place"], str) else set(stated["doc_place"])
        # the reports of the paragraph (a session's own report is processed where the session is)
        # and a mandate holder's reports priced with the mandate of the paragraph the assumptions name
        hosts = {m.group(1) for said in data["extra"]["assumptions"]
                 if (m := re.match(rf"paragraph {ref}: .*priced with the mandate of paragraph (\S+?),", said))}
        places = {a.get("location") for r in data["requests"] if r["operative_paragraphs"][0] in {str(ref)} | hosts
                  for a in r.get("activities", []) if a["kind"] == "documentation" and "-session-" not in a["id"]}
        assert want <= places, (ref, want, places)
    if labels["language"] == "zh":  # the draft's words are Chinese only: an English note quotes them when asked
        capsys.readouterr()
        assert main(["note", str(tmp_path / "spec.yaml"), "--lang", "en"]) == 2
        assert main(["note", str(tmp_path / "spec.yaml"), "--lang", "en", "--quote-untranslated"]) == 0
        assert "quoted in zh" in capsys.readouterr().err
