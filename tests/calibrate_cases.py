"""The calibrate cases whose outputs tests/test_calibrate_same_results.py compares with golden files.

Each case is a ``pbi calibrate`` command line; the golden outputs in tests/data/calibrate_golden/
were written by ``python tests/calibrate_cases.py`` with pbi at commit 798fff6 (before leave-one-out
priced only the left-out figure's activities and refitted groups from their normal equations), so that a faster calibrate must print the same bytes.
The written tables of the ga-statements and e-2011-30 cases were written again when the base table gained a
staff-assessment percentage for section 2, which a written table keeps.
The generated spec (``synthetic``) has ~200 figures that take every path of the fit: exact,
proportional, joint, least squares, bounded and undetermined values, dated values and a duty-station
series, ranges, a group of more than EXACT_MAX values (the decimal path), leave-one-out by the
low-rank update and by solving again, and figures left out (quoted, sums, no cost).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "calibrate_golden"

TABLE = """\
id: synth-calib
title: Synthetic table for calibrate
duty_station: New York
stations: [Geneva]
rounding: {step: 100, mode: half_up}
surcharges:
  psc: {label: PSC, percent: 13, applies_to: [extrabudgetary], reference: test}
activities:
  documentation:
    label: Documentation
    defaults: {documents: 1, languages: 6}
    components:
      - {rate: doc.document, per: [documents]}
      - {rate: doc.page, per: [pages, languages]}
  staff:
    label: Staff
    components:
      - {rate: "staff.{grade}", per: [work_months]}
rates:
  doc.document: {label: fixed part, unit: USD/document, values: {2010-01-01: 500, 2013-01-01: 600},
                 stations: {Geneva: {2010-01-01: 450, 2014-01-01: 480}}, reference: guess}
  doc.page: {label: page, unit: USD/(page*language), values: {2010-01-01: 200, 2013-01-01: 220},
             stations: {Geneva: {2010-01-01: 190, 2014-01-01: 200}}, reference: guess}
"""
GRADES = ["P-1", "P-2", "P-3", "P-4", "P-5", "D-1", "D-2", "GS"]
BASE_STAFF = {"P-1": 8000, "P-2": 9000, "P-3": 10000, "P-4": 12000, "P-5": 14000, "D-1": 16000,
              "D-2": 18000, "GS": 6000}


def synthetic_table() -> str:
    lines = [TABLE]
    for g in GRADES:
        # three dated values a grade: 2010, 2012, 2014 (6 grades × 3 = 18 values in one group)
        v = BASE_STAFF[g]
        later = f", 2016-01-01: {v + 1200}" if g in ("D-2", "GS") else ""
        lines.append(f"  staff.{g}: {{label: {g}, unit: USD/work_month, values: {{2010-01-01: {v}, "
                     f"2012-01-01: {v + 500}, 2014-01-01: {v + 900}{later}}}, reference: guess}}\n")
    lines.append("  staff.ASG: {label: ASG, unit: USD/work_month, values: {2010-01-01: 20000}, reference: guess}\n")
    lines.append("  staff.USG: {label: USG, unit: USD/work_month, values: {2010-01-01: 22000}, reference: guess}\n")
    lines.append("  staff.consultant: {label: consultant, unit: USD/work_month, values: {2010-01-01: 7000}, reference: guess}\n")
    lines.append("  staff.GS-OL: {label: GS-OL, unit: USD/work_month, values: {2010-01-01: 5000}, reference: guess}\n")
    lines.append("  staff.GS-PL: {label: GS-PL, unit: USD/work_month, values: {2010-01-01: 3000}, reference: guess}\n")
    return "".join(lines)


def synthetic_spec(n: int = 200, seed: int = 7) -> str:
    """A spec of about ``n`` figures over the synthetic table (deterministic)."""
    rnd = random.Random(seed)
    acts: list[str] = []
    figs: list[str] = []

    def fig(fid: str, amount: str, ids: list[str], extra: str = "") -> None:
        figs.append(f"  - {{id: {fid}, paragraph: '{len(figs) + 1}', amount: {amount}, "
                    f"activities: [{', '.join(ids)}]{extra}}}")

    k = 0
    # documentation: years 2011 and 2013 (two dated values), some in Geneva, a few ranges
    for i in range(n // 2):
        year = 2011 if i % 3 else 2013
        geneva = i % 5 == 0
        pages = 5 + rnd.randrange(60)
        loc = ", location: Geneva" if geneva else ""
        if i % 17 == 0:
            acts.append(f"      - {{id: d{i}, kind: documentation, pages: {{low: {pages}, high: {pages + 8}}}, "
                        f"year: {year}, funding: regular_budget{loc}}}")
            lo = (500 + 200 * 6 * pages) * rnd.uniform(0.97, 1.03)
            hi = (500 + 200 * 6 * (pages + 8)) * rnd.uniform(0.97, 1.03)
            fig(f"D{i:03d}", f"{{low: {round(lo, -2):.0f}, high: {round(hi, -2):.0f}}}", [f"d{i}"])
        else:
            acts.append(f"      - {{id: d{i}, kind: documentation, pages: {pages}, year: {year}, "
                        f"funding: {'extrabudgetary' if i % 7 == 0 else 'regular_budget'}{loc}}}")
            amount = (500 + 200 * 6 * pages) * rnd.uniform(0.95, 1.05) * (1.13 if i % 7 == 0 else 1)
            fig(f"D{i:03d}", f"{round(amount, -2):.0f}", [f"d{i}"])
        k += 1
    # staff: pairs of grades in one figure across three dated values (one group of 18+ values)
    for i in range(n // 3):
        g1, g2 = GRADES[i % 6], GRADES[(i + 1) % 6]
        year = (2011, 2012, 2015)[(i // 6) % 3]
        m1, m2 = 1 + rnd.randrange(12), 1 + rnd.randrange(6)
        acts.append(f"      - {{id: s{i}a, kind: staff, grade: {g1}, work_months: {m1}, year: {year}, "
                    "funding: regular_budget}")
        acts.append(f"      - {{id: s{i}b, kind: staff, grade: {g2}, work_months: {m2}, year: {year}, "
                    "funding: regular_budget}")
        amount = (BASE_STAFF[g1] * m1 + BASE_STAFF[g2] * m2) * rnd.uniform(0.9, 1.2)
        fig(f"S{i:03d}", f"{round(amount, -2):.0f}", [f"s{i}a", f"s{i}b"])
    # D-2 and GS only ever together, in the same proportion: inseparable (undetermined; solve again)
    for i in range(4):
        acts.append(f"      - {{id: u{i}a, kind: staff, grade: D-2, work_months: {2 * (i + 1)}, year: 2011, "
                    "funding: regular_budget}")
        acts.append(f"      - {{id: u{i}b, kind: staff, grade: GS, work_months: {i + 1}, year: 2011, "
                    "funding: regular_budget}")
        fig(f"U{i}", f"{(18000 * 2 + 6000) * (i + 1) + 100 * i:.0f}", [f"u{i}a", f"u{i}b"])
    # two figures, two values of Geneva in 2014, reproduced exactly: joint
    for i, (pages, amount) in enumerate(((10, 12000), (20, 23000))):
        acts.append(f"      - {{id: j{i}, kind: documentation, pages: {pages}, year: 2014, location: Geneva, "
                    "funding: regular_budget}")
        fig(f"J{i}", str(amount), [f"j{i}"])
    # D-2 and GS in 2016: GS would fit negative (bounded at 0), so leave-one-out refits the group
    for i in range(5):
        m1, m2 = 2 + i, 1 + (3 * i) % 5
        acts.append(f"      - {{id: b{i}a, kind: staff, grade: D-2, work_months: {m1}, year: 2016, "
                    "funding: regular_budget}")
        acts.append(f"      - {{id: b{i}b, kind: staff, grade: GS, work_months: {m2}, year: 2016, "
                    "funding: regular_budget}")
        fig(f"B{i}", f"{20000 * m1 - 3000 * m2 + 700 * (i % 3):.0f}", [f"b{i}a", f"b{i}b"])
    # one figure alone determines ASG: exact
    acts.append("      - {id: asg, kind: staff, grade: ASG, work_months: 3, year: 2011, funding: regular_budget}")
    fig("X1", "61500", ["asg"])
    # one figure alone determines USG and FS together: proportional
    acts.append("      - {id: usg, kind: staff, grade: USG, work_months: 2, year: 2011, funding: regular_budget}")
    acts.append("      - {id: fs, kind: staff, grade: consultant, work_months: 4, year: 2011, funding: regular_budget}")
    fig("X2", "75000", ["usg", "fs"])
    # a quoted part larger than the figure: NO bounded at 0
    acts.append("      - {id: no, kind: staff, grade: GS-OL, work_months: 2, year: 2011, funding: regular_budget}")
    acts.append("      - {id: q1, kind: lump_sum, amount: 50000, year: 2011, funding: regular_budget}")
    fig("X3", "40000", ["no", "q1"])
    # two figures of one value: least squares, then both leave-one-out exact the other way
    for i, amount in enumerate(("6100", "12500", "18200")):
        acts.append(f"      - {{id: ll{i}, kind: staff, grade: GS-PL, work_months: {2 * (i + 1)}, year: 2011, "
                    "funding: regular_budget}")
        fig(f"L{i}", amount, [f"ll{i}"])
    # left out: a quoted lump sum, a stated total, no cost
    acts.append("      - {id: q2, kind: lump_sum, amount: 12345, year: 2011, funding: regular_budget}")
    fig("Q1", "12345", ["q2"])
    fig("T1", "123400", [], ", sum_of: [S000, S001]")
    acts.append("      - {id: nc, kind: staff, grade: P-3, work_months: 1, year: 2011, funding: existing_resources}")
    fig("N1", "10000", ["nc"])
    return ("symbol: X/L.200\ntitle: {en: Synthetic}\nbody: test\nrule: '1'\nbudget_period: '2010-2011'\n"
            "table: synth-calib\nrequests:\n  - id: a\n    activities:\n" + "\n".join(acts)
            + "\npublished:\n" + "\n".join(figs) + "\n")


def write_synthetic(folder: Path) -> Path:
    (folder / "cost_tables").mkdir(parents=True, exist_ok=True)
    (folder / "cost_tables" / "synth-calib.yaml").write_text(synthetic_table(), encoding="utf-8")
    path = folder / "synthetic.yaml"
    path.write_text(synthetic_spec(), encoding="utf-8")
    return path


#: case name → the spec paths (relative to the repository; "synthetic" is written to a folder)
CASES: dict[str, list[str]] = {
    "ctoc": ["notes/ctoc-cop-2010-17"],
    "ctoc-annex4": ["notes/ctoc-cop-2010-17/annex-04.yaml"],
    "ga-statements": ["notes/ga-statements"],
    "e-2011-30": ["notes/e-2011-30"],  # no figure priced from quantities: an empty fit, the table written
    "synthetic": ["synthetic"],
}
#: the variants of each case: file suffix → extra arguments
VARIANTS: dict[str, list[str]] = {"text": [], "json": ["--json"], "text-o": ["-o", "OUT"],
                                  "json-o": ["--json", "-o", "OUT"], "places4": ["--places", "4"]}


def run_case(case: str, variant: str, tmp: Path) -> dict[str, str]:
    """Run one case in process; its stdout, exit code and written table, paths made neutral."""
    import contextlib
    import io

    from pbi.cli import main

    paths = [str(write_synthetic(tmp)) if p == "synthetic" else str(ROOT / p) for p in CASES[case]]
    out_path = tmp / f"{case}-{variant}.yaml"
    args = ["calibrate", *paths, *[str(out_path) if a == "OUT" else a for a in VARIANTS[variant]]]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(args)

    def neutral(text: str) -> str:
        return text.replace(str(tmp), "<tmp>").replace(str(ROOT), "<root>")

    out = {"stdout": neutral(buf.getvalue()) + f"\n[exit {code}]\n"}
    if out_path.exists():
        out["table"] = neutral(out_path.read_text(encoding="utf-8"))
    return out


def golden_files(case: str, variant: str) -> dict[str, Path]:
    """The golden stdout of a case's variant, and the table its -o variants write (the same table)."""
    return {"stdout": GOLDEN / f"{case}.{variant}.out", "table": GOLDEN / f"{case}.table.yaml"}


def main() -> None:
    import tempfile

    GOLDEN.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        for variant in VARIANTS:
            with tempfile.TemporaryDirectory() as tmp:
                got = run_case(case, variant, Path(tmp))
            for what, path in golden_files(case, variant).items():
                if what in got:
                    path.write_text(got[what], encoding="utf-8")
            print(case, variant, file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
