"""Text, JSON and CSV renderings of estimates, reproductions and tables for the CLI.

Amounts are formatted from Decimal here and handed to tabulate as strings
(``disable_numparse=True``), so that nothing is ever turned into a float.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from pbi.costing.compare import Comparison, Row
from pbi.costing.estimate import Estimate, LineItem, decimal_text
from pbi.model.cells import spreadsheet_text
from pbi.model.money import format_range, format_usd, roman
from pbi.costing.reproduce import Reproduction
from pbi.model.specs import Range
from pbi.model.vocabulary import funding_source

__all__ = ["estimate_table", "estimate_json", "estimate_csv", "reproduction_table", "reproduction_json",
           "reproduction_breakdown", "reproduction_errors", "plain_columns", "rates_table", "tables_listing",
           "amount_text", "funding_label", "comparison_headers", "comparison_rows", "comparison_table"]

def funding_label(key: str) -> str:
    """A funding source as tables name it (model/vocabulary.yaml): ``voluntary contributions``."""
    return funding_source(key).label("en")


def amount_text(value: Range, places: int | None = None) -> str:
    """``23,000`` or ``800,000 to 1,200,000``."""
    return format_range(value.low, value.high, places=places)


def plain_columns(rows: list[list[str]], headers: list[str], align: tuple[str, ...]) -> str:
    """Rows of strings in columns, as tabulate's "simple" format lays them out, in linear time
    (tabulate takes half a second over the 800 figures of a corpus)."""
    if not rows:
        return "(none)"
    widths = [max(len(h) + 2, *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.rjust(width) if how == "right" else cell.ljust(width)
                         for cell, width, how in zip(cells, widths, align, strict=True)).rstrip()

    return "\n".join([line(headers), "  ".join("-" * w for w in widths),
                      *(line(r) for r in rows)])


def _tabulate(rows: list[list[Any]], headers: list[str], align: tuple[str, ...] | None = None) -> str:
    from tabulate import tabulate

    return tabulate(rows, headers=headers, disable_numparse=True, tablefmt="simple",
                    colalign=align) if rows else "(none)"


def _quantity(item: LineItem) -> str:
    if item.type == "surcharge":
        return f"{item.percent}% of {amount_text(item.quantity, 2)}" if item.quantity else ""
    if item.quantity is None:
        return ""
    whole = all(v == v.to_integral_value() for v in (item.quantity.low, item.quantity.high))
    return f"{amount_text(item.quantity, None if whole else 2)} {item.unit.replace('*', '·')}"


def _what(item: LineItem) -> str:
    if item.type == "rate" and item.rate:
        return item.rate.key
    if item.type == "surcharge":
        return item.surcharge or "surcharge"
    if item.type == "quoted":
        return "lump sum (quoted)"
    return "rounding"


def estimate_table(est: Estimate) -> str:
    """The plain-text report `pbi cost` prints: line items, requests, totals, figures."""
    rows = []
    for item in est.items:
        rate = f"{format_usd(item.rate.value)} {item.rate.unit.replace('*', '·')}" if item.rate else ""
        what = _what(item)
        if item.type == "rounding" and item.section:  # a request rounded in two sections: say which
            what = f"{what} ({item.section})"
        rows.append([item.group, item.activity or "", what, _quantity(item), rate,
                     amount_text(item.amount, 2), funding_label(item.funding)
                     + (" (covered)" if item.covered else ""), str(item.year)])
    out = [f"{est.spec.symbol} — priced with {est.table.id}", "",
           _tabulate(rows, ["figure/request", "activity", "rate key", "quantity", "rate", "amount USD",
                            "funding", "year"],
                     ("left", "left", "left", "right", "right", "right", "left", "left"))]
    covered = est.covered_by_request()
    # a request with covered items too says which line is in the total
    requests = [[f"({r})", amount_text(a), "additional: in the total" if r in covered else ""]
                for r, a in est.by_request().items()]
    requests += [[f"({r})", amount_text(a), "covered, for information: not in the total"]
                 for r, a in covered.items()]
    order = {f"({r.id})": n for n, r in enumerate(est.spec.requests)}
    requests.sort(key=lambda row: order.get(row[0], len(order)))  # stable: a request's own amount first
    out += ["", _tabulate(requests, ["request", "USD", ""] if any(r[2] for r in requests) else ["request", "USD"],
                          ("left", "right", "left"))]
    totals = [[funding_label(f), str(y), amount_text(a)] for (f, y), a in est.totals().items()]
    totals.append(["total", "", amount_text(est.total)])
    out += ["", _tabulate(totals, ["funding", "year", "USD"], ("left", "left", "right"))]
    if est.figures:
        figs = [[f.id, f.paragraph, amount_text(f.published), amount_text(f.computed), f.status]
                for f in est.figures]
        out += ["", _tabulate(figs, ["figure", "para", "published", "computed", "status"],
                              ("left", "left", "right", "right", "left"))]
    return "\n".join(out)


def estimate_json(est: Estimate) -> str:
    """The estimate as indented JSON (`pbi cost --format json`)."""
    return json.dumps(est.to_dict(), ensure_ascii=False, indent=2)


CSV_FIELDS = ["group", "request", "activity", "type", "rate_key", "quantity_low", "quantity_high", "unit",
              "rate", "rate_unit", "amount_low", "amount_high", "funding", "section", "year", "covered",
              "table", "effective_from", "reference", "symbol", "kind", "station"]


def estimate_csv(est: Estimate) -> str:
    """One CSV row per line item (`pbi cost --format csv`), with kind, station and the draft's symbol."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for i in est.items:
        r = i.rate
        writer.writerow([decimal_text(c) if isinstance(c, Decimal) else spreadsheet_text(c) for c in [i.group, i.request, i.activity, i.type, _what(i),
                         i.quantity.low if i.quantity else "", i.quantity.high if i.quantity else "",
                         i.unit, r.value if r else (i.percent or ""), r.unit if r else ("%" if i.percent else ""),
                         i.amount.low, i.amount.high, i.funding, i.section or "", i.year, i.covered,
                         r.table if r else "", r.effective_from if r else "", r.reference if r else i.note,
                         est.spec.symbol, *(v or "" for v in est.place(i))]])
    return buf.getvalue()


def reproduction_table(rep: Reproduction, *, breakdown: bool | None = None) -> str:
    """One row per figure with its class; for more than one spec (or ``breakdown``), the classes by
    activity kind, duty station and year band; then what the classes mean and the class line."""
    rows = []
    for r in rep.rows:
        spec, f = r.spec, r.figure
        where = f"{roman(spec.annex)} / {f.paragraph}" if spec.annex else f"{spec.symbol} / {f.paragraph}"
        rows.append([f.id, where, amount_text(f.published), amount_text(f.computed),
                     "yes" if r.matched else "NO", r.cls + (f" ({', '.join(r.single_use)})" if r.single_use else "")])
    out = [plain_columns(rows, ["id", "annex / para", "published", "computed", "match", "class"],
                         ("left", "left", "right", "right", "left", "left"))]
    if breakdown or (breakdown is None and len({r.file for r in rep.rows}) > 1):
        out += ["", reproduction_breakdown(rep)]
    if not rep.rows:  # no class line of zeros under "nothing to reproduce"
        n = len(rep.errors)
        return "\n".join([rep.caveat(), *([f"{n} error{'s' if n > 1 else ''} (on stderr)"] if n else [])])
    out += ["", rep.caveat(), rep.summary()]
    return "\n".join(out)


def reproduction_breakdown(rep: Reproduction) -> str:
    """The figures of each class by activity kind, duty station and year band."""
    from pbi.costing.reproduce import CLASSES

    rows = [[dim, value, str(sum(c.values())), *(str(c[k]) if c[k] else "" for k in CLASSES)]
            for dim, value, c in rep.breakdown()]
    return plain_columns(rows, ["by", "", "figures", *CLASSES.values()],
                         ("left", "left", *(("right",) * (len(CLASSES) + 1))))


def reproduction_errors(rep: Reproduction) -> str:
    """One line per spec that could not be reproduced."""
    return "\n".join(rep.errors)


def rates_table(rep: Reproduction) -> str:
    """Every rate of the tables used with the figures that use it (`pbi reproduce --rates`)."""
    rows = [[u.key, u.table, str(len(u.figures)), ", ".join(u.figures) or "-",
             ("single-use (fitted to " + ", ".join(u.fitted_to) + " alone)" if len(u.fitted_to) == 1
              else "single-use" if len(u.figures) == 1 else "unused" if not u.figures else "")]
            for u in rep.rates()]
    single = sum(1 for u in rep.rates() if u.single_use)
    return "\n".join([_tabulate(rows, ["rate", "table", "figures", "used by", ""],
                                ("left", "left", "right", "left", "left")), "",
                      f"{len(rows)} rates; {single} fitted to or explaining a single figure", rep.summary()])


def reproduction_json(rep: Reproduction, *, rates: bool = False) -> str:
    """A JSON list of figures, each with its ``class`` (with ``rates``: figures and rates)."""
    if rates:
        data: Any = {"figures": rep.to_json(),
                     "rates": [{"key": u.key, "table": u.table, "label": u.label, "figures": list(u.figures),
                                "fitted_to": list(u.fitted_to), "single_use": u.single_use,
                                "reference": u.reference} for u in rep.rates()]}
    else:
        data = rep.to_json()
    return json.dumps(data, ensure_ascii=False, indent=2)


def tables_listing(paths: list[str], *, rates: bool = True) -> str:
    """The tables found under ``paths`` and, unless ``rates`` is false, their dated rates."""
    from pbi.model.tables import load_table, table_folders

    files: list[Path] = []
    for p in map(Path, paths or [str(f) for f in table_folders()]):
        files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    out: list[str] = []
    for path in files:
        t = load_table(path)
        extends = f", extends {t.chain[1]}" if len(t.chain) > 1 else ""
        out.append(f"{t.id} — {t.title} ({path}{extends}; duty station {t.duty_station or '-'}; "
                   f"rounding {t.rounding.describe()}"
                   + (f"; valid to {t.valid_to}" if t.valid_to else "") + ")")
        if rates:
            rows = []
            for key, rate in sorted(t.rates.items()):
                for date, value in sorted(rate.values.items()):
                    rows.append([key, "ended" if value is None else format_usd(value),
                                 rate.unit.replace("*", "·"), str(date), t.origin.get(key, t.id), rate.label])
            out += ["", _tabulate(rows, ["rate", "value", "unit", "from", "table", "label"],
                                  ("left", "right", "left", "left", "left", "left"))]
            for name, s in t.surcharges.items():
                out.append(f"surcharge {name}: {s.percent}% on {', '.join(s.applies_to)} — {s.label}")
            out.append("")
    if not files:
        out.append("no cost tables found (looked in cost_tables/ and $PBI_TABLES)")
    return "\n".join(out)


# -- comparisons --------------------------------------------------------------------------------
def _pct(value: Decimal) -> str:
    return f"{value:+}%" if value else "0.0%"


def _signed(value: Range, places: int | None) -> str:
    return format_range(value.low, value.high, places=places, signed=True)


def comparison_headers(cmp: Comparison) -> list[str]:
    """The column headers of a comparison, named by its two labels."""
    return ["figure/request", "activity", "item", f"{cmp.labels[0]} USD", f"{cmp.labels[1]} USD",
            "difference", "per cent"]


def comparison_rows(rows: list[Row]) -> list[list[str]]:
    """Rows of a comparison as display strings (for tables, Markdown and HTML)."""
    out = []
    for r in rows:
        pl, ph = r.percent
        pct = "" if pl is None else (_pct(pl) if pl == ph or ph is None else f"{_pct(pl)} to {_pct(ph)}")
        where = r.group if r.level in ("item", "group") else (funding_label(r.funding) if r.funding else "total")
        what = r.what if r.level == "item" else ("" if r.level != "funding" else str(r.year))
        if r.level == "item" and r.what == "rounding" and r.section:  # as `pbi cost` says which section
            what = f"{what} ({r.section})"
        places = 2 if r.level == "item" else None
        out.append([where, r.activity, what, amount_text(r.baseline, places), amount_text(r.scenario, places),
                    _signed(r.difference, places), pct])
    return out


def comparison_table(cmp: Comparison) -> str:
    """Plain-text tables of a comparison: line items, figures, totals."""
    align = ("left", "left", "left", "right", "right", "right", "right")
    t0, t1 = cmp.baseline.table.id, cmp.scenario.table.id
    title = (f"{cmp.baseline.spec.symbol} — {cmp.labels[0]} against {cmp.labels[1]} "
             + (f"(table {t0})" if t0 == t1 else f"(tables {t0}, {t1})"))
    headers = comparison_headers(cmp)
    return "\n".join([title, "", _tabulate(comparison_rows(cmp.items), headers, align), "",
                      _tabulate(comparison_rows(cmp.groups), headers, align), "",
                      _tabulate(comparison_rows(cmp.totals), ["funding", "", "year", *headers[3:]], align)])
