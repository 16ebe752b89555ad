"""The command line itself as input: a wrong option or a missing argument is one line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from attack2_helpers import SPEC, refused, write
from pbi.cli import main


@pytest.mark.parametrize("argv", [
    [], ["cost"], ["nope"], ["cost", "spec.yaml", "--format", "xml"], ["calibrate", "spec.yaml", "--places", "abc"],
    ["note", "spec.yaml", "--kind", "memo"], ["check", "n.txt", "--lang", "de"], ["reproduce", "spec.yaml", "--bogus"],
    ["explain", "spec.yaml"], ["schema", "everything"], ["workbook", "spec.yaml"],
])
def test_usage_error_is_one_line(argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"spec.yaml": SPEC, "n.txt": "x\n"})
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(argv)
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("pbi") and "--help" in err, err


def test_help_is_still_shown(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["cost", "--help"])
    assert exc.value.code == 0 and "usage: pbi cost" in capsys.readouterr().out


def test_a_text_longer_than_any_draft_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 4 MB paragraph took 24 s to classify; a draft text over MAX_DRAFT_CHARS is refused at once."""
    from pbi.draft.reader import MAX_DRAFT_CHARS

    big = tmp_path / "big.txt"
    big.write_text("Draft resolution\n\nThe General Assembly,\n\n1. Requests the Secretary-General to "
                   + "report and " * (MAX_DRAFT_CHARS // 11 + 1) + ".\n", encoding="utf-8")
    err = refused(["draft", str(big), "-o", str(tmp_path / "spec.yaml")], capsys, {big: big.read_bytes()},
                  want="more than a draft resolution")
    assert "big.txt" in err and not (tmp_path / "spec.yaml").exists()
