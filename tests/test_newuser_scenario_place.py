"""A scenario may move an activity to another duty station of the table or another year, and a sweep
names each variant by its settings."""

from __future__ import annotations

from pathlib import Path

import pytest

import pbi
from pbi.cli import main
from pbi.costing.api import compare_file

from _paths import ROOT

GENEVA = ROOT / "tests" / "data" / "newuser" / "ga-geneva-2026-2027.yaml"


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "edited.yaml"
    text = GENEVA.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_location_equals_the_spec_written_for_that_station(tmp_path: Path) -> None:
    cmp = compare_file(GENEVA, assignments=["wg-2026.location=Vienna"])
    edited = _edited(tmp_path, "days: 5, interpretation: true, languages: 6, location: Geneva, year: 2026",
                     "days: 5, interpretation: true, languages: 6, location: Vienna, year: 2026")
    expected = pbi.cost_file(edited, table=ROOT / "cost_tables" / "un-standard-costs.yaml")
    assert cmp.scenario.total == expected.total
    assert cmp.scenario.total.low > cmp.baseline.total.low  # Vienna interpretation is dearer


def test_year_equals_the_spec_written_for_that_year(tmp_path: Path) -> None:
    cmp = compare_file(GENEVA, assignments=["wg-2026.year=2025"])
    edited = _edited(tmp_path, "location: Geneva, year: 2026, funding: regular_budget, section: Section 2}",
                     "location: Geneva, year: 2025, funding: regular_budget, section: Section 2}")
    expected = pbi.cost_file(edited, table=ROOT / "cost_tables" / "un-standard-costs.yaml")
    assert cmp.scenario.totals() == expected.totals()
    assert ("regular_budget", 2025) in cmp.scenario.totals()


@pytest.mark.parametrize("setting, message", [
    ("location=Bangkok", "'Bangkok' is not a duty station of table un-standard-costs (stations: New York, Geneva"),
    ("year=20.5", "year: must be a year from 1985 to 2100"),
    ("wg-2026.colour=red", "where and when: location, year"),
    ("days=...", "days: '...' is neither a number nor a range LOW..HIGH"),
])
def test_bad_place_or_year_is_one_line(setting: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(GENEVA), "--set", setting]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err


def test_sweep_names_its_variants_and_matches_cost() -> None:
    spec = pbi.load_spec(GENEVA)
    table = pbi.resolve_table(spec.table, near=GENEVA.parent)
    results = pbi.sweep(spec, table, [{"location": s} for s in ("Geneva", "Vienna")])
    assert [r.scenario.name for r in results] == ["location=Geneva", "location=Vienna"]
    for r in results:
        assert r.total == pbi.cost(*r.scenario.apply(spec, table)).total
    named = pbi.sweep(spec, table, [{"name": "mine", "set": {"days": 3}}])
    assert named[0].scenario.name == "mine"
