"""pbi calibrate prints and writes the same bytes as before leave-one-out priced only the left-out
figure's activities.

The golden files in tests/data/calibrate_golden/ were written by ``python tests/calibrate_cases.py``
with pbi at commit 798fff6, whose leave-one-out costed the whole spec again for each left-out figure
(see tests/calibrate_cases.py for the cases: the shipped specs of notes/ctoc-cop-2010-17,
notes/ga-statements and notes/e-2011-30, and a generated spec of ~190 figures that takes every path of
the fit). Text and JSON, with and without -o (then the written table too), and --places 4.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from calibrate_cases import CASES, VARIANTS, golden_files, run_case


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("case", list(CASES))
def test_same_output_as_golden(case: str, variant: str, tmp_path: Path) -> None:
    got = run_case(case, variant, tmp_path)
    files = golden_files(case, variant)
    assert got["stdout"] == files["stdout"].read_text(encoding="utf-8")
    if "-o" in VARIANTS[variant]:
        assert got["table"] == files["table"].read_text(encoding="utf-8")
    else:
        assert "table" not in got


def test_golden_files_are_not_trivial() -> None:
    """The synthetic case prints every method and both kinds of leave-one-out."""
    text = golden_files("synthetic", "text")["stdout"].read_text(encoding="utf-8")
    for method in ("exact", "joint", "least squares", "proportional", "bounded", "undetermined"):
        assert f" {method} " in text or f" {method}," in text, method
    assert "undetermined without it" in text
    assert "leave-one-out over 176 figures" in text
