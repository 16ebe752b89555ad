"""`pbi check` on hostile texts: an answer or one line, within bounds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from attack2_helpers import run, write
from pbi.model.money import format_usd

HEAD = "Programme budget implications of draft resolution A/C.3/80/L.99\n\n"


@pytest.mark.parametrize("digits", [40, 100])
def test_amount_of_many_digits(digits: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``$999…9`` of 40 digits or more ended in an internal decimal.InvalidOperation when a finding
    printed it (more digits than the decimal context holds)."""
    num = "$" + "9" * digits
    write(tmp_path, {"n.txt": HEAD + f"1. An amount of {num} would be required for {num} meetings in 2025.\n\n"
                                     f"2. Total {num}.\n"})
    code, out, err = run(["check", str(tmp_path / "n.txt")], capsys)
    assert "internal error" not in err and "Traceback" not in err, err
    assert code in (0, 1), err


def test_format_usd_of_any_size() -> None:
    assert format_usd(Decimal("1" + "0" * 40)) == "10,000,000,000,000,000,000,000,000,000,000,000,000,000"
    assert format_usd(Decimal("9" * 30 + ".5"), places=0) == "1," + ",".join(["000"] * 10)


@pytest.mark.parametrize("text", [
    "1. " + "$1,000 " * 20_000 + "\n",                                                       # one line
    "".join(f"{i}. An amount of ${1 + i % 9},{i % 1000:03d} would be required.\n\n" for i in range(1, 12_000)),
])
def test_too_many_amounts_refused_before_reading(text: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """20,000 amounts on one line took 30 s of processor time, the 2 MB the reader takes about seven
    minutes; 12,000 paragraphs of one amount each about 17 s."""
    from attack2_helpers import refused

    write(tmp_path, {"n.txt": HEAD + text})
    err = refused(["check", str(tmp_path / "n.txt")], capsys, want="numbers in one file")
    assert "n.txt" in err


def test_a_session_report_is_still_read(capsys: pytest.CaptureFixture[str]) -> None:
    """The largest text in our material (a session report's chapter, 1,800 numbers) is under the cap."""
    from attack2_helpers import ROOT

    seed = ROOT.parent / "shared" / "seeds" / "001_f0894e873e5d82b0.txt"
    if not seed.is_file():
        pytest.skip("the shared seeds are not here")
    code, _, err = run(["check", str(seed), "--no-rates"], capsys)
    assert code in (0, 1), err


@pytest.mark.parametrize("text", ["1. " + "1" * 400_000 + "\n", "1. $" + "9" * 5000 + ".\n",
                                  "1. " + " ".join(["000"] * 20_000) + " dollars\n"])
def test_digit_runs_refused_before_reading(text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A run of 400,000 digits took over 100 s to read (the reader's patterns backtrack over it)."""
    from attack2_helpers import refused

    write(tmp_path, {"n.txt": HEAD + text})
    refused(["check", str(tmp_path / "n.txt")], capsys, want="n.txt")
