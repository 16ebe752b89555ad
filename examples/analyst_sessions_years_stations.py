"""An analyst's notebook, as a script: what would a Geneva working group of 2026 cost if its sessions
were shorter, held elsewhere or a year later? (``examples/ga-2026-working-group.yaml``)

    python examples/analyst_sessions_years_stations.py [OUTPUT_FOLDER]

Prints each sweep's totals and writes ``items.csv``, ``items.json`` and, with pandas installed,
``by-kind-and-station.csv`` and one ``sweep-NAME.csv`` per sweep to OUTPUT_FOLDER (default:
./analyst-output).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pbi

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "examples" / "ga-2026-working-group.yaml"


def main(out: Path) -> dict[str, list[pbi.SweepResult]]:
    spec = pbi.load_spec(SPEC)
    table = pbi.resolve_table(spec.table, near=SPEC.parent)
    estimate = pbi.cost(spec, table)
    print(f"{spec.symbol}: {estimate.total} USD with {table.id}")

    sweeps = {
        # the session of 2026: one to five meeting days, in four or six languages
        "sessions": pbi.sweep(spec, table, [{"wg-2026.days": d, "wg-2026.languages": n}
                                            for d in (1, 2, 3, 4, 5) for n in (4, 6)]),
        # the same work at each duty station the table prices
        "stations": pbi.sweep(spec, table, [{"location": s} for s in (table.duty_station, *table.stations)]),
        # the 2026 work a year or two later (the table's rates of that year)
        "years": pbi.sweep(spec, table, [{"wg-2026.year": y, "gta-p4.year": y, "gta-gs.year": y,
                                          "members-dsa.year": y} for y in (2026, 2027, 2028)]),
    }
    for name, results in sweeps.items():
        print(f"\n{name}")
        for r in results:
            print(f"  {r.scenario.name:<70} {r.total} USD")

    out.mkdir(parents=True, exist_ok=True)
    (out / "items.csv").write_text(estimate_csv(estimate), encoding="utf-8")
    (out / "items.json").write_text(estimate_json(estimate) + "\n", encoding="utf-8")
    try:
        frame = estimate.to_dataframe()
    except pbi.PbiError as err:  # pandas is optional
        print(err)
    else:
        frame.groupby(["kind", "station"]).amount.sum().to_csv(out / "by-kind-and-station.csv")
        import pandas as pd

        for name, results in sweeps.items():  # one row per variant: its settings, totals by year, total
            pd.DataFrame([r.to_record() for r in results]).to_csv(out / f"sweep-{name}.csv", index=False)
    return sweeps


def estimate_csv(estimate: pbi.Estimate) -> str:
    """The line items as CSV: quantity, rate, amount, kind, station and each rate's provenance."""
    from pbi.export.text import estimate_csv as csv_of

    return csv_of(estimate)


def estimate_json(estimate: pbi.Estimate) -> str:
    """The estimate as JSON: items (with kind and station), requests, totals."""
    from pbi.export.text import estimate_json as json_of

    return json_of(estimate)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("analyst-output"))
