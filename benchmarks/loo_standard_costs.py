"""Leave-one-case-out evaluation of ``un-standard-costs`` over the corpus of published statements.

    python benchmarks/loo_standard_costs.py [--json] [--corpus statements.yaml]

For each statement (case) with figures priced from quantities, the table is derived again from the
corpus WITHOUT that statement and every case that shares a document with it (the same statement read
twice, its draft, the ACABQ report on it: corpus.statement_groups), and the statement's spec
(notes/ga-statements/) is priced with it by pbi's engine, as a user's spec would be. Printed: the
median absolute error in per cent and the share of figures within 1 per cent, by kind, duty station
and year band, and over all figures; and the same in-sample (the shipped table).

A temporal holdout guards against rules that fit the corpus as a whole but would not have forecast it:
for each year Y of HOLDOUT_YEARS the table is derived from the statements issued before Y only (and
none that shares a document with a later one), and the figures of the statements issued in Y are
priced with it, as a table made at the start of Y would have priced them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "cost_tables" / "derive"))
sys.path.insert(0, str(ROOT))

from corpus import Case, load_corpus, statement_groups  # noqa: E402
from ga_statements import file_name  # noqa: E402
from un_standard_costs import derive, table_yaml, terms  # noqa: E402

from pbi.costing.engine import cost  # noqa: E402
from pbi.model.errors import PbiError  # noqa: E402
from pbi.model.specs import Spec, load_spec  # noqa: E402
from pbi.model.tables import Table, load_table  # noqa: E402

SPECS = ROOT / "notes" / "ga-statements"


#: the years whose statements the temporal holdout prices with a table of the statements issued before them
HOLDOUT_YEARS = range(2022, 2026)


def _band(year: int) -> str:
    return "2010-2014" if year < 2015 else "2015-2019" if year < 2020 else "2020-2026"


def _kind(activities: list[dict[str, object]]) -> str:
    kinds = []
    for a in activities:
        if a["kind"] == "documentation":
            kinds.append("documentation (words)" if "words" in a else "documentation (pages)")
        elif a["kind"] == "meeting":
            services = [f for f in ("interpretation", "summary_records", "verbatim_records", "webcasting",
                                    "it_support", "sound") if a.get(f)]
            kinds.append("meeting (" + ", ".join(services) + ")")
        else:
            kinds.append(str(a["kind"]))
    if len(kinds) > 1 and set(kinds) == {"staff"}:
        return "staff (several grades)"
    return " + ".join(kinds)


def evaluate(corpus: Path | None = None) -> dict[str, object]:
    cases = load_corpus(corpus)
    groups = statement_groups(cases)
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "in_sample.yaml"
        full.write_text(table_yaml(*derive(cases)), encoding="utf-8")
        shipped = load_table(full)
        for case in cases:
            priced = [i for i in case.items if i.priced]
            if not priced:
                continue
            spec = load_spec(SPECS / file_name(case))
            wanted = {f.id for f in spec.published if f.id in {i.id for i in priced}}
            if not wanted:
                continue
            results = {}
            path = Path(tmp) / "loo.yaml"
            path.write_text(table_yaml(*derive(cases, groups[case.id])), encoding="utf-8")
            for mode, table in (("loo", load_table(path)), ("in_sample", shipped)):
                results[mode] = {fid: _price(spec, fid, table) for fid in wanted}
            for item in priced:
                if item.id not in wanted:
                    continue
                published = Decimal(item.amount)
                row: dict[str, object] = {"figure": item.id, "kind": _kind(item.activities), "station": item.station,
                                          "year": item.year, "band": _band(item.year or 0),
                                          "published": str(published)}
                for mode in ("loo", "in_sample"):
                    computed = results[mode][item.id]
                    row[f"{mode}_computed"] = str(computed) if computed is not None else None
                    row[f"{mode}_error_pct"] = (float((computed - published) / published * 100)
                                                if computed is not None else None)
                rows.append(row)
        held_out = holdout(cases, groups, Path(tmp))
    return {"figures": rows, "summary": summarise(rows), "holdout": held_out}


def issued_from(cases: list[Case], groups: dict[str, frozenset[str]], year: int) -> frozenset[str]:
    """The cases a table made at the start of ``year`` could not have known: those issued in ``year`` or
    later, and every case that shares a document with one of them."""
    return frozenset(m for c in cases if c.doc_year >= year for m in groups[c.id])


def holdout(cases: list[Case], groups: dict[str, frozenset[str]], tmp: Path) -> dict[str, object]:
    """Year Y → the figures of the statements issued in Y priced with a table derived from those issued
    before Y (a statement sharing a document with one issued in Y or later is left out too)."""
    out: dict[str, object] = {}
    rows_all: list[dict[str, object]] = []
    for year in HOLDOUT_YEARS:
        path = tmp / f"holdout-{year}.yaml"
        path.write_text(table_yaml(*derive(cases, issued_from(cases, groups, year))), encoding="utf-8")
        table = load_table(path)
        rows: list[dict[str, object]] = []
        for case in cases:
            if case.doc_year != year:
                continue
            priced = [i for i in case.items if i.priced]
            if not priced:
                continue
            spec = load_spec(SPECS / file_name(case))
            wanted = {f.id for f in spec.published}
            for item in priced:
                if item.id not in wanted:
                    continue
                computed = _price(spec, item.id, table)
                published = Decimal(item.amount)
                rows.append({"figure": item.id, "kind": _kind(item.activities), "year": item.year,
                             "published": str(published),
                             "computed": str(computed) if computed is not None else None,
                             "error_pct": float((computed - published) / published * 100)
                             if computed is not None else None})
        errors = [float(r["error_pct"]) for r in rows if r["error_pct"] is not None]  # type: ignore[arg-type]
        out[str(year)] = {**share_stats(errors), "undetermined": [r["figure"] for r in rows if r["error_pct"] is None],
                          "figures": rows}
        rows_all += rows
    errors = [float(r["error_pct"]) for r in rows_all if r["error_pct"] is not None]  # type: ignore[arg-type]
    out["all"] = {**share_stats(errors), "undetermined": [r["figure"] for r in rows_all if r["error_pct"] is None]}
    return out


def _price(spec: Spec, figure_id: str, table: Table) -> Decimal | None:
    """One figure priced on its own (None: a rate it needs has no value without its own statement)."""
    figure = spec.figure(figure_id)
    request = spec.requests[0]
    mine = tuple(a for a in request.activities if a.id in figure.activities)
    if any(a.kind == "lump_sum" for a in mine):  # a quoted amount would price itself: 0 % error
        raise SystemExit(f"{spec.symbol}: figure {figure_id} is a quoted lump sum in the spec but priced from "
                         "quantities in the corpus: run cost_tables/derive/ga_statements.py")
    for activity in mine:  # a rate that only this statement's figures determine
        if activity.kind != "lump_sum" and any(key not in table.rates for key, _ in terms(activity.model_dump(
                mode="json", exclude_none=True))):
            return None
    alone = spec.model_copy(update={"requests": (request.model_copy(update={"activities": mine}),),
                                    "published": (figure,)})
    try:
        return cost(alone, table).figure(figure_id).computed.low
    except PbiError:
        return None


def share_stats(errors: list[float]) -> dict[str, object]:
    absolute = [abs(e) for e in errors]
    return {"n": len(errors), "median_abs_pct": round(statistics.median(absolute), 2) if errors else None,
            "within_1pct": round(sum(a <= 1 for a in absolute) / len(errors), 2) if errors else None,
            "within_1pct_count": sum(a <= 1 for a in absolute)}


def summarise(rows: list[dict[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for mode in ("loo", "in_sample"):
        key = f"{mode}_error_pct"
        groups: dict[str, dict[str, list[float]]] = {"kind": defaultdict(list), "station": defaultdict(list),
                                                     "band": defaultdict(list)}
        for r in rows:
            for g in groups:
                if r[key] is not None:
                    groups[g][str(r[g])].append(float(r[key]))  # type: ignore[arg-type]
        undetermined = [str(r["figure"]) for r in rows if r[key] is None]
        priced = [float(r[key]) for r in rows if r[key] is not None]  # type: ignore[arg-type]
        # an undetermined figure is a miss: the share over every figure with quantities counts it
        out[mode] = {"all": {**share_stats(priced), "undetermined": undetermined,
                             "within_1pct_of_all": round(sum(abs(e) <= 1 for e in priced) / len(rows), 2)
                             if rows else None},
                     **{g: {k: share_stats(v) for k, v in sorted(vals.items())} for g, vals in groups.items()}}
    return out


def _print(result: dict[str, object]) -> None:
    summary = result["summary"]
    assert isinstance(summary, dict)
    for mode, title in (("loo", "leave-one-statement-out"), ("in_sample", "in sample (the shipped table)")):
        s = summary[mode]
        print(f"{title}: {s['all']['n']} figures, median |error| {s['all']['median_abs_pct']} %, "
              f"{s['all']['within_1pct']:.0%} within 1 % ({s['all']['within_1pct_count']}; "
              f"{s['all']['within_1pct_of_all']:.0%} of all {len(result['figures'])} with quantities)"
              + (f"; undetermined without their own statement: {', '.join(s['all']['undetermined'])}"
                 if s['all']['undetermined'] else ""))
        for group in ("kind", "station", "band"):
            for name, st in s[group].items():
                print(f"  {group:8} {name:50} n={st['n']:3}  median |error| {st['median_abs_pct']:6} %  "
                      f"within 1 %: {st['within_1pct']:.0%}")
    holdout = result["holdout"]
    assert isinstance(holdout, dict)
    print("temporal holdout (a table of the statements issued before Y prices those issued in Y):")
    for year, st in holdout.items():
        if st["n"]:
            print(f"  {year:8} n={st['n']:3}  median |error| {st['median_abs_pct']:6} %  within 1 %: "
                  f"{st['within_1pct']:.0%} ({st['within_1pct_count']})"
                  + (f"; undetermined: {', '.join(st['undetermined'])}" if st["undetermined"] else ""))
    for year, st in holdout.items():
        for r in st.get("figures", []):
            err = "undetermined" if r["error_pct"] is None else f"{r['error_pct']:+.1f} %"
            print(f"    {year} {r['figure']:12} {r['kind']:34} {r['year']!s:5} {int(r['published']):>10,} {err:>12}")
    print()
    print(f"{'figure':12} {'kind':34} {'station':9} {'year':5} {'published':>10} {'LOO':>10} {'error %':>8}")
    for r in result["figures"]:  # type: ignore[union-attr]
        if r["loo_computed"] is None:
            print(f"{r['figure']:12} {r['kind']:34} {r['station']:9} {r['year']!s:5} {int(r['published']):>10,} "
                  f"{'undetermined':>19}")
            continue
        print(f"{r['figure']:12} {r['kind']:34} {r['station']:9} {r['year']!s:5} {int(r['published']):>10,} "
              f"{Decimal(r['loo_computed']):>10,.0f} {r['loo_error_pct']:>8.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args(argv)
    result = evaluate(args.corpus)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        _print(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
