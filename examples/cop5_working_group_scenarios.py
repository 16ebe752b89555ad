"""What would the firearms working group of COP 5 cost under two scenarios? (annex IV, figure F09)

A starting point for analysts: load a spec, define scenarios as plain data, compare each with the
published baseline, and export the comparison for Excel, pandas or a chart.

    python examples/cop5_working_group_scenarios.py [OUTPUT_FOLDER]

Writes ``<scenario>.json`` and ``<scenario>.csv`` (and ``.xlsx`` if openpyxl is installed) to
OUTPUT_FOLDER (default: ./scenario-output) and prints the totals.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pbi
from pbi.costing.compare import compare
from pbi.export.text import amount_text
from pbi.costing.scenario import Scenario

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "notes" / "ctoc-cop-2010-17" / "annex-04.yaml"

SCENARIOS = {
    # a delegation's proposal: a three-day session, interpreted and documented in four languages
    "three-days-four-languages": {
        "name": "3 days, 4 languages",
        "set": {"F09.days": 3, "F09.languages": 4},
    },
    # a dearer interpretation rate from 2011 and a shorter document for the working group
    "dearer-interpretation": {
        "name": "interpretation at 2,100 USD",
        "set": {"working-group-documents.pages": 40},
        "rates": {"interpretation.meeting": {"2010-06-01": "2100"}},
    },
}


def main(out: Path) -> dict[str, pbi.Estimate]:
    spec = pbi.load_spec(SPEC)
    table = pbi.resolve_table(spec.table, near=SPEC)
    baseline = pbi.cost(spec, table)
    out.mkdir(parents=True, exist_ok=True)
    results = {}
    for slug, data in SCENARIOS.items():
        scenario = Scenario.from_dict(data)
        estimate = pbi.cost(*scenario.apply(spec, table))
        comparison = compare(baseline, estimate, labels=("as published", scenario.name))
        (out / f"{slug}.json").write_text(comparison.to_json() + "\n", encoding="utf-8")
        (out / f"{slug}.csv").write_text(comparison.to_csv(), encoding="utf-8")
        try:
            comparison.to_xlsx(out / f"{slug}.xlsx")
        except pbi.PbiError as err:  # openpyxl is an optional extra
            print(f"(no .xlsx: {err})")
        f09 = next(r for r in comparison.groups if r.group == "F09")
        total = comparison.total
        print(f"{scenario.name}: F09 {amount_text(f09.baseline)} → {amount_text(f09.scenario)} USD "
              f"({f09.percent[0]:+}%); all of annex IV {amount_text(total.baseline)} → "
              f"{amount_text(total.scenario)} USD")
        results[slug] = estimate
    return results


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("scenario-output"))
