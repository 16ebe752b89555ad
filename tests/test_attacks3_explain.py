"""`pbi explain` with a hostile target: one short line, whatever the target's length or characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from attack2_helpers import SPEC, write
from pbi.cli import main


@pytest.mark.parametrize("target", ["x" * 100_000, "{{ 7*7 }}" * 5_000, "a\nb" * 10_000, "\u202e" + "F01" * 30_000],
                         ids=["100k", "jinja", "newlines", "rtl"])
def test_a_long_target_is_echoed_short(target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 100 KB target was echoed whole in the one line of the refusal (100 KB of stderr)."""
    files = write(tmp_path, {"s.yaml": SPEC})
    rc = main(["explain", str(tmp_path / "s.yaml"), target])
    err = capsys.readouterr().err
    assert rc == 2
    assert len(err.strip().splitlines()) == 1 and "unknown target" in err
    assert len(err) < 400, len(err)
    assert all(path.read_bytes() == data for path, data in files.items())


def test_a_short_unknown_target_is_echoed_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"s.yaml": SPEC})
    assert main(["explain", str(tmp_path / "s.yaml"), "F1"]) == 2
    assert "unknown target 'F1' in A/C.3/80/L.99 (valid: F01, " in capsys.readouterr().err
