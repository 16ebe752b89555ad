"""Speed of statements (pytest-benchmark; run with ``python -m pytest benchmarks --benchmark-only``):
one statement of an E/2011/30 draft in English and in Chinese, once its templates are compiled."""

from __future__ import annotations

import pytest

from pbi.costing.api import cost_file
from pbi.render import render_note

from _paths import ROOT

pytest.importorskip("pytest_benchmark")

SPEC = ROOT / "notes" / "e-2011-30" / "draft-resolution-a-iii.yaml"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_render_statement(benchmark, lang):
    estimate = cost_file(SPEC)
    render_note(estimate, lang, "text", kind="statement")        # compile the templates once
    text = benchmark(render_note, estimate, lang, "text", kind="statement")
    assert isinstance(text, str) and text.count("\n") > 20
