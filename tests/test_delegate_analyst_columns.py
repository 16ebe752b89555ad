"""An analyst's columns and a delegate's messages, found on specs written for this pass
(tests/data/delegate): exports name the draft and the rate's source, a comparison says each line's
duty station and rate on both sides, a consultant's ``posts`` is refused rather than ignored, and a
scenario year beyond the table says so."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

import pbi
from pbi.costing.api import compare_file, cost_file
from pbi.export.text import estimate_csv
from pbi.model.errors import SpecError

from _paths import ROOT

DATA = ROOT / "tests" / "data" / "delegate"


def test_the_frame_names_the_draft_and_each_rates_source() -> None:
    pytest.importorskip("pandas")
    est = cost_file(DATA / "hrc-geneva-2026-panel.yaml")
    df = est.to_dataframe(decimal=True)
    assert set(df.symbol) == {"A/HRC/61/L.12"}
    rated = df[df.type == "rate"]
    by_key = {i.rate.key: i.rate.reference for i in est.items if i.rate}
    assert all(ref == by_key[key] for key, ref in zip(rated.rate_key, rated.reference, strict=True))
    assert {"year", "station", "kind", "funding", "section", "rate_key", "rate", "table", "reference"} <= set(df)
    assert df.amount.sum() == est.total.low  # the rounding is a line of its own: to the cent


def test_the_csv_names_the_draft_and_sums_to_the_total() -> None:
    est = cost_file(DATA / "ccpcj-vienna-2027-egm.yaml")
    rows = list(csv.DictReader(io.StringIO(estimate_csv(est))))
    assert {r["symbol"] for r in rows} == {"E/CN.15/2027/L.8"}
    assert sum(Decimal(r["amount_low"]) for r in rows) == est.total.low == Decimal("285600")


def test_a_comparison_says_each_lines_station_and_rate_on_both_sides() -> None:
    cmp = compare_file(DATA / "ga-vienna-2026-words.yaml", assignments=["report.location=Geneva"])
    row = next(r for r in cmp.items if r.activity == "report" and r.what == "documentation.word")
    assert (row.kind, row.station_baseline, row.station) == ("documentation", "Vienna", "Geneva")
    assert row.rate_baseline is not None and row.rate is not None and row.rate != row.rate_baseline
    assert row.scenario.low == row.baseline.low / row.rate_baseline * row.rate
    data = next(r for r in cmp.to_dict()["items"] if r["activity"] == "report")
    assert data["station"] == "Geneva" and Decimal(data["rate"]) == row.rate
    header = cmp.to_csv().splitlines()[0].split(",")
    assert header[-7:-2] == ["kind", "station_baseline", "station", "rate_baseline", "rate"]


def test_a_consultants_posts_are_refused_not_ignored(tmp_path: pytest.TempPathFactory) -> None:
    text = (DATA / "ga-ny-2028-consultants.yaml").read_text(encoding="utf-8")
    spec = tmp_path / "posts.yaml"  # type: ignore[operator]
    spec.write_text(text.replace("count: 2, work_months: 3,", "work_months: 3, posts: 2,"), encoding="utf-8")
    with pytest.raises(SpecError) as err:
        cost_file(spec)
    message = str(err.value)
    assert "posts.yaml:12: requests[0].activities[0].posts:" in message
    assert "priced by work_months" in message and "count: N" in message
    # as the spec states it now: two consultants of three months
    assert cost_file(DATA / "ga-ny-2028-consultants.yaml").total.low == Decimal("158600")


def test_a_scenario_year_beyond_the_table_names_the_tables_last_year() -> None:
    with pytest.raises(SpecError, match=r"^--set: year: 2031 is after the last year table un-standard-costs covers \(2029\)"):
        compare_file(DATA / "ga-ny-2027-session.yaml", assignments=["year=2031"])


def test_years_and_stations_sweep_as_each_is_priced() -> None:
    spec = pbi.load_spec(DATA / "ga-ny-2027-session.yaml")
    table = pbi.resolve_table(spec.table, near=DATA)
    results = pbi.sweep(spec, table, [{"year": y, "location": s} for y in (2015, 2022) for s in ("Geneva", "Vienna")])
    for r in results:
        assert r.total.low == compare_file(DATA / "ga-ny-2027-session.yaml",
                                       scenario=dict(r.scenario.quantities)).scenario.total.low
    assert len({r.total.low for r in results}) == 4


def test_a_request_partly_covered_says_which_line_is_in_the_total() -> None:
    from pbi.export.text import estimate_table

    text = estimate_table(cost_file(DATA / "ga-ny-2026-2027-two-years.yaml"))
    lines = [line.split() for line in text.splitlines() if line.startswith("(a) ")]
    assert [line[1:3] for line in lines] == [["24,500", "additional:"], ["24,500", "covered,"]]
