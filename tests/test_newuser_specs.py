"""A budget officer's specs, written by hand from the README's contract for drafts of 2026–2028 (New
York, Geneva, Vienna, Nairobi): each prices, explains every rate with its source, and writes a note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pbi.cli import main
from pbi.costing.api import cost_file
from pbi.costing.explain import explain

from _paths import ROOT

SPECS = sorted((ROOT / "tests" / "data" / "newuser").glob("*.yaml"))


def test_there_are_eight_drafts_of_today_and_more() -> None:
    assert len(SPECS) >= 8
    stations = {a.location for path in SPECS for _, a in cost_file(path).spec.activities()}
    assert {"New York", "Geneva", "Vienna", "Nairobi"} <= stations


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_every_rate_says_where_it_comes_from(path: Path) -> None:
    est = cost_file(path)
    lines = explain(est, "total").splitlines()
    rates = [i for i, x in enumerate(lines) if x.startswith("      rate ")]
    assert len(rates) == sum(1 for i in est.items if i.type == "rate")
    for i in rates:
        assert lines[i + 1].startswith("      reference: ") and len(lines[i + 1]) > 40, lines[i]
    assert all(y >= 2026 for _, a in est.spec.activities() for y in [a.year])


def test_contract_reproduce_json_gives_the_computed_amount(capsys: pytest.CaptureFixture[str]) -> None:
    spec = ROOT / "tests" / "data" / "newuser" / "ga-ny-2026-report-10700.yaml"
    assert main(["reproduce", str(spec), "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    # 10,700 words × 6 languages × the 2026 New York rate per word, rounded to the nearest 100
    assert (row["id"], row["computed"], row["published"], row["station"]) == ("TR-0159.5", "30800", "30800",
                                                                             "New York")


def test_notes_in_two_languages_to_word(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    data = ROOT / "tests" / "data" / "newuser"
    for name, lang in (("hrc-geneva-2027", "fr"), ("ga-ny-2026-ocean", "zh")):
        out = tmp_path / f"{name}.{lang}.docx"
        assert main(["note", str(data / f"{name}.yaml"), "--lang", lang, "-o", str(out)]) == 0
        assert out.stat().st_size > 5000
