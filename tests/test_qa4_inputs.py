"""A budget section no note can name is refused when the spec is read, in one line naming file, line
and field — not later, by `pbi note`, without them (tests/data/qa4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main

from _paths import ROOT

QA4 = ROOT / "tests" / "data" / "qa4"


@pytest.mark.parametrize("command", [["cost"], ["conclude"], ["note", "--lang", "en"]])
def test_an_unknown_section_is_one_located_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                command: list[str]) -> None:
    text = (QA4 / "q09-grades-2022.yaml").read_text(encoding="utf-8").replace("section: Section 30}", "section: Section 99}")
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "Section 99" in s)
    assert main([command[0], str(spec), *command[1:]]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert "\n" not in err
    assert err.startswith(f"{spec}:{line}: requests[0].activities[0].section: unknown budget section 'Section 99'")


def test_section_30_is_printed_by_its_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["note", str(QA4 / "q09-grades-2022.yaml"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "under section 29B and section 30 of the programme budget for 2022" in out
