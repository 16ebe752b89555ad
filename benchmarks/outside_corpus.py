"""``un-standard-costs`` measured on published statements that are NOT in the corpus.

    python benchmarks/outside_corpus.py [--json] [--table TABLE] [SPEC_OR_DIR ...]

Every spec under ``benchmarks/outside_corpus/`` (or the paths given) is priced through
``pbi.reproduce`` — the same way ``pbi reproduce SPEC --json`` does, with the table the spec names
(``un-standard-costs``) unless ``--table`` says otherwise. Printed: one row per published figure, then
the median absolute error in per cent and the share of figures within 1 per cent, over all figures
and by kind, duty station and year band.

A figure counts in the headline only if the quantities that price it are stated in the texts read: a
spec lists what it assumed on each activity (``assumed: [words]``); an assumed location or year does
not demote a figure (the place and year of a General Assembly meeting are rarely in doubt), an assumed
quantity (words, pages, meetings, work-months …) does — such figures are summarised apart.

The set is for measurement only: the table is derived from the corpus
(``../shared/corpus/statements.yaml``), never from these specs. The script also lists any spec whose
symbol, draft or related documents the corpus holds (there should be none).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pbi  # noqa: E402
from pbi.costing.reproduce import FigureRow, year_band  # noqa: E402
from pbi.model.specs import Activity, Spec  # noqa: E402

SPECS = ROOT / "benchmarks" / "outside_corpus"


def corpus_path() -> Path:
    """``$PBI_CORPUS``, else the first ``shared/corpus/statements.yaml`` above the repository."""
    if os.environ.get("PBI_CORPUS"):
        return Path(os.environ["PBI_CORPUS"])
    for base in ROOT.parents:
        if (base / "shared" / "corpus" / "statements.yaml").exists():
            return base / "shared" / "corpus" / "statements.yaml"
    return ROOT.parent / "shared" / "corpus" / "statements.yaml"


#: assumptions that leave a figure's quantities "stated" (where and when, not how much)
CONTEXT = frozenset({"location", "year"})
#: meeting services named in a kind label, in this order
SERVICES = ("interpretation", "summary_records", "verbatim_records", "webcasting", "it_support", "sound")


def activity_kind(a: Activity) -> str:
    """``documentation (words)``, ``meeting (interpretation)``, ``staff`` … — the labels of
    ``benchmarks/loo_standard_costs.py``, so the two summaries compare."""
    if a.kind == "documentation":
        return "documentation (words)" if a.words is not None else "documentation (pages)"
    if a.kind == "meeting":
        return "meeting (" + ", ".join(s for s in SERVICES if getattr(a, s)) + ")"
    return a.kind


def activities_of(spec: Spec, ids: tuple[str, ...]) -> list[Activity]:
    by_id = {a.id: a for r in spec.requests for a in r.activities}
    return [by_id[i] for i in ids if i in by_id]


def relative(file: str) -> str:
    path = Path(file).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else file


def figure_row(row: FigureRow) -> dict[str, object]:
    """One published figure: what it prices, the computed amount and the error."""
    acts = activities_of(row.spec, row.figure.activities)
    assumed = sorted({name for a in acts for name in a.assumed})
    kinds = [activity_kind(a) for a in acts]
    kind = "staff (several grades)" if len(kinds) > 1 and set(kinds) == {"staff"} else " + ".join(kinds)
    published_amount = row.figure.published.low
    computed = row.figure.computed.low
    error = float((computed - published_amount) / published_amount * 100) if published_amount else None
    return {
        "figure": row.figure.id, "file": relative(row.file), "symbol": row.spec.symbol,
        "kind": kind or row.activity_kind, "station": row.station, "year": row.year,
        "band": year_band(row.year), "published": str(published_amount),
        "computed": str(computed), "class": row.cls,
        "error_pct": error, "assumed": assumed,
        "quantities": "assumed" if set(assumed) - CONTEXT else "stated",
        "read_from": (row.spec.extra.get("figures", {}).get(row.figure.id, {}) or {}).get("read_from"),
    }


def stats(rows: list[dict[str, object]]) -> dict[str, object]:
    errors = [abs(float(str(r["error_pct"]))) for r in rows if r["error_pct"] is not None]
    if not errors:
        return {"figures": len(rows), "median_abs_error_pct": None, "within_1pct": None}
    return {"figures": len(errors), "median_abs_error_pct": round(statistics.median(errors), 2),
            "within_1pct": round(sum(1 for e in errors if e <= 1) / len(errors), 3)}


def summarise(rows: list[dict[str, object]]) -> dict[str, object]:
    """Headline (stated quantities) over all figures and by kind, station and year band; the figures
    priced with an assumed quantity apart."""
    stated = [r for r in rows if r["quantities"] == "stated"]
    out: dict[str, object] = {"all (stated quantities)": stats(stated),
                              "assumed quantities (not in the headline)": stats(
                                  [r for r in rows if r["quantities"] == "assumed"])}
    for key in ("kind", "station", "band"):
        groups: dict[str, list[dict[str, object]]] = defaultdict(list)
        for r in stated:
            groups[str(r[key])].append(r)
        out[f"by {key}"] = {k: stats(v) for k, v in sorted(groups.items())}
    return out


#: a document symbol as the corpus writes it: "A/C.5/77/14", "A/78/7/Add.30", "A/HRC/RES/5/1"
SYMBOL = re.compile(r"(?<![\w/])[A-Z]{1,4}(?:/[A-Za-z0-9.-]+)+")


def corpus_symbols(path: Path | None = None) -> frozenset[str]:
    """Every symbol the corpus names: statements, drafts, related documents, ``also_in``, and any symbol
    its notes mention (a figure "also in A/C.1/77/L.69" is the corpus's even where no field lists it)."""
    import yaml

    path = path or corpus_path()
    if not path.exists():
        return frozenset()
    text = path.read_text(encoding="utf-8")
    out: set[str] = {s.rstrip(".") for s in SYMBOL.findall(text)}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for case in yaml.load(text, Loader=loader) or []:  # a safe loader
        src = case.get("source") or {}
        out.update(s for s in (src.get("symbol"), src.get("draft_resolution")) if s)
        out.update(src.get("related_symbols") or ())
        for item in case.get("items") or ():
            out.update(item.get("also_in") or ())
    return frozenset(s.upper() for s in out)


def overlap(specs: list[Spec], known: frozenset[str]) -> list[str]:
    """The symbols of these specs (statement, draft, related documents) that the corpus holds."""
    found = []
    for spec in specs:
        own = {spec.symbol, spec.document or "", str(spec.extra.get("statement", "")),
               *[str(s) for s in spec.extra.get("related_symbols", ())]}
        found.extend(sorted(s for s in own if s and s.upper() in known))
    return found


def evaluate(paths: list[str | Path] | None = None, table: str | None = None) -> dict[str, object]:
    result = pbi.reproduce(paths or [SPECS], table=table, keep_going=True)
    rows = [figure_row(r) for r in result.rows]
    specs = list({id(r.spec): r.spec for r in result.rows}.values())
    return {"figures": rows, "summary": summarise(rows), "errors": list(result.errors),
            "statements": len(specs), "in_corpus": overlap(specs, corpus_symbols())}


def pct(value: object) -> str:
    return "-" if value is None else f"{float(str(value)):+.1f} %"


def render(report: dict[str, object]) -> str:
    from tabulate import tabulate

    rows = report["figures"]
    assert isinstance(rows, list)
    lines = [tabulate([[r["figure"], r["symbol"], r["kind"], r["station"], r["year"],
                        f"{Decimal(str(r['published'])):,.0f}",
                        f"{Decimal(str(r['computed'])):,.0f}" if r["computed"] is not None else "-",
                        pct(r["error_pct"]), r["quantities"] + (f" ({', '.join(r['assumed'])})" if r["assumed"] else "")]
                       for r in rows],
                      headers=["figure", "statement", "kind", "station", "year", "published", "computed",
                               "error", "quantities"]), ""]
    summary = report["summary"]
    assert isinstance(summary, dict)
    table = []
    for group, value in summary.items():
        if "figures" in value:
            table.append([group, "", value["figures"], value["median_abs_error_pct"], value["within_1pct"]])
        else:
            for k, v in value.items():
                table.append([group, k, v["figures"], v["median_abs_error_pct"], v["within_1pct"]])
    lines.append(tabulate(table, headers=["summary", "group", "figures", "median |error| %", "share within 1 %"]))
    lines.append("")
    lines.append(f"{report['statements']} statement(s) outside the corpus, {len(rows)} figure(s)")
    if report["in_corpus"]:
        lines.append("IN THE CORPUS (should not be here): " + ", ".join(map(str, report["in_corpus"])))
    for err in report["errors"] or ():
        lines.append(f"error: {err}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help=f"specs or folders (default: {SPECS.relative_to(ROOT)})")
    parser.add_argument("--json", action="store_true", help="rows and summary as JSON")
    parser.add_argument("--table", help="cost table (file or id) instead of the one each spec names")
    args = parser.parse_args(argv)
    report = evaluate(args.paths or None, table=args.table)
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 2 if report["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
