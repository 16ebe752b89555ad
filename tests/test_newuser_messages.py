"""A spec that lacks part of a quantity is told which part: travel with participants but no days is
missing its days, not "'trip_days' or 'days' or 'dsa_days' or 'participants' or 'trips'"."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.cli import main

from _paths import ROOT

GENEVA = ROOT / "tests" / "data" / "newuser" / "ga-geneva-2026-2027.yaml"
DSA = "{id: members-dsa, kind: dsa, participants: 5, days: 5,"


@pytest.mark.parametrize("stated, needs", [
    ("{id: members-dsa, kind: dsa, participants: 5,", "needs 'dsa_days' or 'days' (rate travel.dsa is per trip_days)"),
    ("{id: members-dsa, kind: dsa, days: 5,", "needs 'trips' or 'participants' (rate travel.dsa"),
    ("{id: members-dsa, kind: dsa,", "needs ('trips' or 'participants') and ('dsa_days' or 'days') (rate"),
])
def test_the_missing_part_is_named(stated: str, needs: str, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(GENEVA.read_text(encoding="utf-8").replace(DSA, stated), encoding="utf-8")
    assert main(["cost", str(spec)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{spec}:15: requests[0].activities[4].trip_days: a dsa activity {needs}"), err


def test_a_misspelt_station_lists_every_station_the_table_prices(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(GENEVA.read_text(encoding="utf-8").replace("location: Geneva, year: 2026, funding: "
                                                               "regular_budget, section: Section 2}",
                                                               "location: Geneve, year: 2026, funding: "
                                                               "regular_budget, section: Section 2}", 1),
                    encoding="utf-8")
    assert main(["cost", str(spec)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"{spec}:11: requests[0].activities[0].location: 'Geneve' is not a duty station of table "
                   "'un-standard-costs' (stations: New York, Geneva, Vienna, Nairobi)")
