"""Meetings a spec counts without naming an event are said as a count ("Ten meetings (with
interpretation …)"), not as one meeting of ten meetings; a named or dated meeting keeps its shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from attack2_helpers import spec
from pbi.cli import main

SESSIONS = "{id: sessions, kind: meeting, meetings: 10,"


@pytest.mark.parametrize("quantity, said", [
    ("meetings: 10", "(b) Ten meetings (with interpretation in the six official languages) in Geneva, in 2025;"),
    ("meetings: 1", "(b) One meeting (with interpretation in the six official languages) in Geneva, in 2025;"),  # langs4
    ("days: 2", "(b) A two-day meeting (four meetings, with interpretation in the six official languages) in Geneva, "
                "in 2025;"),
])
def test_counted_meetings(quantity: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(spec(SESSIONS, f"{{id: sessions, kind: meeting, {quantity},"), encoding="utf-8")
    capsys.readouterr()
    assert main(["note", str(path), "--kind", "statement", "--lang", "en"]) == 0
    assert said in capsys.readouterr().out
