"""`pbi check` on hostile texts: an answer or one line, within bounds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from attack2_helpers import run, write
from pbi.model.money import format_usd

HEAD = "Programme budget implications of draft resolution A/C.3/80/L.99\n\n"


@pytest.mark.parametrize("digits", [40, 100, 5000])
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
