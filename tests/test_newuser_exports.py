"""What an analyst needs in every export: the activity kind and duty station of each line, and the
section of each compared line (a request rounded in two sections)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from pbi.cli import main
from pbi.costing.api import compare_file, cost_file
from pbi.export.text import estimate_csv, estimate_json

from _paths import ROOT

DATA = ROOT / "tests" / "data" / "newuser"
NAIROBI = DATA / "unep-nairobi-2028.yaml"
GENEVA = DATA / "ga-geneva-2026-2027.yaml"


def test_csv_and_json_say_kind_and_station() -> None:
    est = cost_file(NAIROBI)
    rows = list(csv.DictReader(io.StringIO(estimate_csv(est))))
    docs = next(r for r in rows if r["activity"] == "docs")
    assert (docs["kind"], docs["station"]) == ("documentation", "Nairobi")
    post = next(r for r in rows if r["activity"] == "p4")
    assert (post["kind"], post["station"]) == ("new_post", "Nairobi")
    rounding = next(r for r in rows if r["type"] == "rounding")
    assert rounding["kind"] == rounding["station"] == ""
    items = json.loads(estimate_json(est))["items"]
    assert {(i["activity"], i["kind"], i["station"]) for i in items if i["activity"] == "meeting"} == {
        ("meeting", "meeting", "Nairobi")}


def test_dataframe_groups_by_kind_and_station() -> None:
    pytest.importorskip("pandas")
    est = cost_file(GENEVA)
    df = est.to_dataframe()
    by = df.groupby(["kind", "station"]).amount.sum()
    assert by[("meeting", "Geneva")] == 160560
    assert by[("dsa", "Geneva")] == 13350
    assert df.amount.sum() == float(est.total.low)


def test_compared_roundings_name_their_section(capsys: pytest.CaptureFixture[str]) -> None:
    cmp = compare_file(GENEVA, assignments=["wg-2026.days=3"])
    roundings = [r for r in cmp.items if r.what == "rounding"]
    assert sorted(str(r.section) for r in roundings) == ["Section 2", "Section 2", "Section 24"]
    assert all(r.to_dict()["section"] for r in roundings)
    assert main(["compare", str(GENEVA), "--set", "wg-2026.days=3"]) == 0
    out = capsys.readouterr().out
    assert "rounding (Section 24)" in out and "rounding (Section 2)" in out
    header = cmp.to_csv().splitlines()[0].split(",")
    assert header[-1] == "section"


def test_cost_lists_an_absorbed_request_for_information(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cost", str(DATA / "ga-ny-2027-absorbed.yaml")]) == 0
    out = capsys.readouterr().out
    block = out.split("request        USD")[1].split("\n\n")[0]
    rows = [line.split() for line in block.splitlines()[2:]]
    assert rows[0][:2] == ["(a)", "24,500"] and "covered, for information" in block
    assert rows[1] == ["(b)", "428,800"]
    assert re.search(r"^total\s+428,800$", out, re.M)  # the absorbed request is not in the total


def test_json_lists_covered_requests_apart() -> None:
    data = json.loads(estimate_json(cost_file(DATA / "ga-ny-2027-absorbed.yaml")))
    assert data["requests"] == [{"request": "b", "amount": "428800"}]
    assert data["covered_requests"] == [{"request": "a", "amount": "24500"}]
    assert data["total"] == "428800"
    assert "covered_requests" not in json.loads(estimate_json(cost_file(NAIROBI)))
