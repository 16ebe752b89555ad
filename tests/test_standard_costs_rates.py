"""How un-standard-costs turns figures into rates: a year's value within the rounding of its figures,
thin series smoothed across years, temporary assistance as one scale × grade steps with a fixed part
fitted to every figure, travel split per statement, one ratio per station, plain decimals."""

from __future__ import annotations

import datetime as dt
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

import pytest
import yaml

from pbi.model.tables import load_table

from _paths import ROOT, TABLES

sys.path.insert(0, str(ROOT / "cost_tables" / "derive"))

import corpus
import un_standard_costs as usc

TABLE = TABLES / "un-standard-costs.yaml"


@pytest.fixture(scope="module")
def std():  # type: ignore[no-untyped-def]
    return load_table(TABLE)


def _obs(key: str, year: int, amount: int, quantity: int, item: str) -> usc.Observation:
    return usc.Observation(key, "New York", year, Decimal(amount) / quantity, item, "",
                           usc._half(amount) / quantity)


def _exact(rate: Decimal, figures: list[tuple[int, int]]) -> int:
    return sum((rate * q / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 100 == a for a, q in figures)


def test_a_years_value_is_within_the_rounding_of_most_of_its_figures() -> None:
    # the documentation figures of 2024 and 2025 (amount, word-languages)
    for year, figures, most in ((2024, [(24500, 51000), (125100, 261000), (30800, 64200), (196700, 409800)], 3),
                                (2025, [(73500, 153000), (143800, 300000), (135200, 282000), (57600, 120000)], 2)):
        members = [_obs("documentation.word", year, a, q, f"F{n}.0") for n, (a, q) in enumerate(figures)]
        value = usc._year_value(members, 5)
        assert _exact(value, figures) == most
        # never fewer than the median of the unit values reproduces
        assert _exact(usc._round(usc._median([o.value for o in members]), 5), figures) <= most
    # two figures that no rounding reconciles: their median, not one of them
    pair = [_obs("documentation.word", 2022, 66000, 126000, "ST-D08.0"),
            _obs("documentation.word", 2022, 27100, 51000, "ST-D10.0")]
    assert usc._year_value(pair, 5) == usc._round((pair[0].value + pair[1].value) / 2, 5)


def test_a_thin_series_leans_on_its_neighbours() -> None:
    obs = [_obs("consultant.work_month", 2012, 20000, 2, "A.0"), _obs("consultant.work_month", 2025, 92900, 8, "B.0"),
           _obs("consultant.work_month", 2016, 48000, 4, "C.0")]
    series = usc._series(obs, 0)
    # a year with one figure is not that figure alone: its neighbours pull it
    assert series[2016][0] != Decimal(12000)
    assert min(o.value for o in obs) <= series[2016][0] <= max(o.value for o in obs)
    assert "normal kernel" in series[2016][1] and "C.0" in series[2016][1]
    # a dense series keeps each year's own figures
    dense = [_obs("documentation.word", y, 24500, 51000, f"D{y}.0") for y in (2024, 2025, 2026)]
    assert usc._series(dense, 5)[2025][0] == usc._round(Decimal(24500) / 51000, 5)


def _staff_item(ident: str, year: int, grade: str, months: int, amount: int) -> corpus.Item:
    item = corpus.Item(id=ident, case=ident.split(".")[0], symbol="X", index=0, kind="staff", description="",
                       amount=amount, year=year, station="New York", station_basis="", funding="regular_budget",
                       section=None)
    item.activities = [{"kind": "staff", "grade": grade, "work_months": months}]
    return item


def test_the_fixed_part_of_a_position_is_fitted_to_every_figure() -> None:
    # amounts made from a fixed part of 5,000 and a P-3 scale of 12,000 + 300 a year
    items = [_staff_item(f"S{n}.0", year, grade, months,
                         5000 + round(months * usc.GRADE_STEPS[grade] * (12000 + 300 * (year - 2020))))
             for n, (year, grade, months) in enumerate([(2015, "P-3", 3), (2017, "P-3", 6), (2019, "P-4", 4),
                                                         (2022, "P-3", 12), (2024, "P-3", 3)])]
    fixed, how = usc._staff_fixed(items)
    assert abs(fixed - 5000) <= 5 and "all 5" in how
    # too few figures, or all of one length: no fixed part
    assert usc._staff_fixed(items[:3])[0] == 0


def test_the_table_uses_a_fixed_part_fitted_to_all_single_grade_figures(std) -> None:  # type: ignore[no-untyped-def]
    rate = std.rate("gta.position", dt.date(2025, 1, 1))
    assert len(re.findall(r"(?:TR|ST)-[A-Z0-9]+\.\d+", rate.reference.split("2025:")[1])) >= 8
    assert "fitted to all" in rate.reference


def test_travel_is_split_per_statement_over_its_trips_and_days(std) -> None:  # type: ignore[no-untyped-def]
    # ST-M11: 25 experts (airfare/terminal 79,400 + DSA 75,000, a 5-day session: 7 days) and the Chair's two
    # 2-day trips (airfare 3,100 + DSA 1,500)
    day = dt.date(2025, 1, 1)
    assert std.rate("travel.airfare", day).value == round(Decimal(79400 + 3100) / 27)
    assert std.rate("travel.dsa", day).value == round(Decimal(75000 + 1500) / (25 * 7 + 2 * 2))
    assert "ST-M11.3" in std.rate("travel.dsa", day).reference


def test_stations_follow_new_york_by_one_ratio(std) -> None:  # type: ignore[no-untyped-def]
    ratios = {(std.rate("interpretation.meeting", dt.date(y, 1, 1), station="Vienna").value
               / std.rate("interpretation.meeting", dt.date(y, 1, 1)).value).quantize(Decimal("0.01"))
              for y in range(2010, 2027)}
    assert len(ratios) == 1  # no jump between the year of Vienna's one figure and the others
    reference = std.rate("interpretation.meeting", dt.date(2020, 1, 1), station="Vienna").reference
    assert "ST-U02.3" in reference and "declared ratio 1" in reference


def test_values_are_plain_decimals() -> None:
    data = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    for key, rate in data["rates"].items():
        for series in (rate["values"], *rate.get("stations", {}).values()):
            for date, value in series.items():
                assert re.fullmatch(r"\d+(\.\d+)?", str(value)), (key, date, value)


def test_a_figure_screened_out_of_the_rates_is_still_measured() -> None:
    (path,) = (ROOT / "notes" / "ga-statements").glob("st-m02-*.yaml")
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    (figure,) = [f for f in spec["published"] if f["id"] == "ST-M02.2"]
    assert "not used for the rates" in figure["remark"]
    assert figure["activities"] and all(a["kind"] == "documentation" for r in spec["requests"]
                                        for a in r["activities"] if a["id"] in figure["activities"])
    assert "ST-M02.2" not in {e["item"] for e in spec.get("extra", {}).get("left_out", [])}
    assert "ST-M02.2" not in yaml.safe_load(TABLE.read_text(encoding="utf-8"))["rates"]["documentation.word"]["fitted_to"]
