"""`pbi reproduce` on the corpus: quoted lump sums are the print, so the headline also says how many
of the figures computed from quantities equal it."""

from __future__ import annotations

import json
import re

import pytest

from pbi.cli import main

from _paths import ROOT

GA = ROOT / "notes" / "ga-statements"


def test_headline_counts_computed_figures_apart(capsys: pytest.CaptureFixture[str]) -> None:
    main(["reproduce", str(GA), "--json"])
    rows = json.loads(capsys.readouterr().out)
    computed = [r for r in rows if r["kind"] == "derived"]
    equal = [r for r in computed if r["class"] in ("derived", "single-use")]
    assert len(equal) < len(computed) < len(rows)  # many quoted, some mismatches: the case that misled
    main(["reproduce", str(GA)])
    out = capsys.readouterr().out
    m = re.search(r"reproduced (\d+) of (\d+) published figures .* — of the (\d+) computed from quantities, "
                  r"(\d+) equal the print", out)
    assert m, out[-600:]
    assert (int(m[2]), int(m[3]), int(m[4])) == (len(rows), len(computed), len(equal))


def test_specs_without_figures_say_so_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reproduce", str(ROOT / "tests" / "data" / "newuser" / "hrc-geneva-2027.yaml")]) == 0
    assert capsys.readouterr().out.strip() == "no published figures in the specs given: nothing to reproduce"
