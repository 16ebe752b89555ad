"""Numbers that pass YAML but break arithmetic: each is refused in one line naming file, line and field."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from attack2_helpers import refused, spec, write
from pbi.model.money import to_decimal


@pytest.mark.parametrize("value", ["1e+999999999", "1E999999", "-1e+999999999", "'9e+999999999'"])
def test_exponent_beyond_the_decimal_context(value: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    inputs = write(tmp_path, {"spec.yaml": spec("words: 8500", f"words: {value}")})
    err = refused(["reproduce", str(tmp_path / "spec.yaml")], capsys, inputs)
    assert "spec.yaml:10: requests[0].activities[0].words:" in err and "ceiling" in err


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_decimal_that_is_no_number(value: Decimal) -> None:
    with pytest.raises(ValueError, match="finite"):
        to_decimal(value)
