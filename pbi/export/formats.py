"""Exports for analysts: Excel workbooks, pandas DataFrames, charts, Markdown and HTML tables.

openpyxl, pandas and matplotlib are optional extras (``pbi[xlsx]``, ``pbi[pandas]``, ``pbi[plot]``),
imported inside the function that needs them. Amounts are computed in Decimal; the workbook stores
them as numbers with a currency format (Excel holds float64), DataFrames hold floats that plot and
sum (``decimal=True`` keeps the Decimal objects), charts draw them with thousands separators.
Amounts an entitlement covers are in a column apart (``covered_amount``), so that the ``amount``
column sums to the estimate's total.
"""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pbi.model.errors import PbiError
from pbi.model.specs import Range

if TYPE_CHECKING:  # pragma: no cover
    from pbi.costing.compare import Comparison
    from pbi.costing.estimate import Estimate, LineItem

__all__ = ["need", "save_workbook", "funding_label", "estimate_xlsx", "comparison_xlsx", "estimate_dataframe", "comparison_dataframe",
           "estimate_chart", "comparison_chart", "save_chart", "markdown_table", "html_table",
           "estimate_rows", "item_provenance", "USD_FORMAT", "estimate_markdown", "estimate_html",
           "comparison_markdown", "comparison_html", "comparison_table", "estimate_table"]

_ZERO = Range(Decimal(0), Decimal(0))
#: Excel number format of amounts
USD_FORMAT = '#,##0.00 "USD";-#,##0.00 "USD"'
#: Excel number format of a per cent stored as a fraction (-0.333 shows as -33.3%)
_PCT_FORMAT = '+0.0%;-0.0%;0.0%'


def need(module: str, extra: str) -> Any:
    """Import an optional extra, or say in one line how to install it."""
    from importlib import import_module

    try:
        return import_module(module)
    except ImportError:
        raise PbiError(f"{module} is not installed (pip install 'pbi[{extra}]')") from None


def funding_label(funding: str, year: int | None = None) -> str:
    """A funding source in words, with its year: "voluntary contributions, 2011"."""
    from pbi.export.text import funding_label as label_of

    label = label_of(funding)
    return label if year is None else f"{label}, {year}"


def item_provenance(item: "LineItem") -> str:
    """Where an amount comes from: rate, table, effective date and reference; or the surcharge/note."""
    if item.rate:
        r = item.rate
        return (f"{r.key} = {r.value} {r.unit}; table {r.table}, effective from {r.effective_from}; "
                f"{r.reference}")
    if item.type == "surcharge":
        return f"{item.percent}% {item.note}"
    return item.note


# -- Markdown / HTML ---------------------------------------------------------------------------
def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table of display strings."""
    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(map(cell, headers)) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(map(cell, row)) + " |" for row in rows]
    return "\n".join(out)


def html_table(headers: list[str], rows: list[list[str]]) -> str:
    """An HTML table of display strings (escaped)."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def estimate_markdown(est: "Estimate") -> str:
    """An estimate's figures and totals as Markdown (Jupyter display)."""
    headers, rows = estimate_rows(est)
    return f"**{est.spec.symbol}** — priced with {est.table.id}\n\n" + markdown_table(headers, rows)


def estimate_html(est: "Estimate") -> str:
    """An estimate's figures and totals as an HTML table (Jupyter display)."""
    headers, rows = estimate_rows(est)
    return (f"<p><b>{html.escape(est.spec.symbol)}</b> — priced with {html.escape(est.table.id)}</p>"
            + html_table(headers, rows))


def comparison_markdown(cmp: "Comparison") -> str:
    """A comparison's figures and totals as Markdown (Jupyter display)."""
    from pbi.export.text import comparison_headers, comparison_rows

    return "\n\n".join([f"**{cmp.baseline.spec.symbol}** — {cmp.labels[0]} against {cmp.labels[1]}",
                         markdown_table(comparison_headers(cmp), comparison_rows(cmp.groups + cmp.totals))])


def comparison_html(cmp: "Comparison") -> str:
    """A comparison's figures and totals as an HTML table (Jupyter display)."""
    from pbi.export.text import comparison_headers, comparison_rows

    return (f"<p><b>{html.escape(cmp.baseline.spec.symbol)}</b> — {html.escape(cmp.labels[0])} against "
            f"{html.escape(cmp.labels[1])}</p>"
            + html_table(comparison_headers(cmp), comparison_rows(cmp.groups + cmp.totals)))


def comparison_table(cmp: "Comparison") -> str:
    """Plain-text tables of a comparison (:func:`pbi.export.text.comparison_table`)."""
    from pbi.export.text import comparison_table as table

    return table(cmp)


def estimate_table(est: "Estimate") -> str:
    """The plain-text report `pbi cost` prints (:func:`pbi.export.text.estimate_table`)."""
    from pbi.export.text import estimate_table as table

    return table(est)


def estimate_rows(est: "Estimate") -> tuple[list[str], list[list[str]]]:
    """Figures/requests and totals of an estimate, as display strings."""
    from pbi.export.text import amount_text

    published = {f.id: f for f in est.figures}
    rows = []
    for group, amount in est.by_group().items():
        f = published.get(group)
        rows.append([group, amount_text(amount), amount_text(f.published) if f else "", f.status if f else ""])
    for (funding, year), amount in est.totals().items():
        rows.append([funding_label(funding, year), amount_text(amount), "", ""])
    rows.append(["total", amount_text(est.total), "", ""])
    return ["figure/request", "USD", "published", "status"], rows


# -- pandas ------------------------------------------------------------------------------------
_ESTIMATE_COLUMNS = ["group", "request", "activity", "kind", "station", "type", "rate_key", "quantity", "quantity_high", "unit", "rate",
                     "rate_unit", "amount", "amount_high", "covered_amount", "funding", "funding_label", "section",
                     "year", "covered", "table", "effective_from", "provenance", "reference", "symbol"]
_COMPARISON_COLUMNS = ["level", "group", "activity", "what", "funding", "funding_label", "section", "year", "baseline",
                       "baseline_high", "scenario", "scenario_high", "difference", "difference_high", "percent",
                       "provenance", "kind", "station_baseline", "station", "rate_baseline", "rate"]


def _number(value: Decimal | None, decimal: bool) -> Any:
    if value is None:
        return None
    if decimal:
        return value
    return int(value) if value == value.to_integral_value() else float(value)  # for plotting and summing


def estimate_dataframe(est: "Estimate", *, decimal: bool = False) -> Any:
    """One row per line item, with the draft's ``symbol``, the activity's ``kind`` and ``station``,
    the rate's key, value, ``table``, ``effective_from`` and ``reference`` (the source document), so
    that frames of several specs concatenate. ``amount`` is what the item adds to the total (0 for an item an
    entitlement covers, whose amount is in ``covered_amount``), so ``df.amount.sum()`` is the
    estimate's total. Amounts and quantities are numbers that plot and sum; ``decimal=True``
    keeps them as Decimal objects."""
    pd = need("pandas", "pandas")
    records = []
    zero = Decimal(0)
    for i in est.items:
        r = i.rate
        kind, station = est.place(i)
        records.append({
            "group": i.group, "request": i.request, "activity": i.activity or None, "kind": kind,
            "station": station, "type": i.type,
            "rate_key": r.key if r else None, "quantity": _number(i.quantity.low if i.quantity else None, decimal),
            "quantity_high": _number(i.quantity.high if i.quantity else None, decimal), "unit": i.unit or None,
            "rate": _number(r.value if r else None, decimal), "rate_unit": r.unit if r else None,
            "amount": _number(zero if i.covered else i.amount.low, decimal),
            "amount_high": _number(zero if i.covered else i.amount.high, decimal),
            "covered_amount": _number(i.amount.low if i.covered else zero, decimal),
            "funding": i.funding, "funding_label": funding_label(i.funding),
            "section": i.section, "year": i.year, "covered": i.covered, "table": r.table if r else None,
            "effective_from": r.effective_from if r else None, "provenance": item_provenance(i),
            "reference": r.reference if r else (i.note or None), "symbol": est.spec.symbol,
        })
    return pd.DataFrame.from_records(records, columns=_ESTIMATE_COLUMNS)


def comparison_dataframe(cmp: "Comparison", *, decimal: bool = False) -> Any:
    """One row per compared line (items, figures or requests, funding sources and years, total),
    a line item with its kind, duty station and rate on each side; amounts and per cent as numbers (``decimal=True``: Decimal objects)."""
    pd = need("pandas", "pandas")
    records = []
    for r in [*cmp.items, *cmp.groups, *cmp.totals]:
        d, (pl, _) = r.difference, r.percent
        records.append({"level": r.level, "group": r.group or None, "activity": r.activity or None,
                        "what": r.what, "funding": r.funding or None,
                        "funding_label": funding_label(r.funding) if r.funding else None,
                        "section": r.section, "year": r.year,
                        "baseline": _number(r.baseline.low, decimal),
                        "baseline_high": _number(r.baseline.high, decimal),
                        "scenario": _number(r.scenario.low, decimal),
                        "scenario_high": _number(r.scenario.high, decimal),
                        "difference": _number(d.low, decimal), "difference_high": _number(d.high, decimal),
                        "percent": _number(pl, decimal), "provenance": r.provenance or None,
                        "kind": r.kind, "station_baseline": r.station_baseline, "station": r.station,
                        "rate_baseline": _number(r.rate_baseline, decimal), "rate": _number(r.rate, decimal)})
    return pd.DataFrame.from_records(records, columns=_COMPARISON_COLUMNS)


# -- Excel -------------------------------------------------------------------------------------
def _sheet(wb: Any, title: str, headers: list[str], rows: list[list[Any]], money: set[int],
           pct: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    from openpyxl.styles import Font

    ws = wb.create_sheet(title)
    ws.append(headers)
    for c in ws[1]:
        c.font = Font(bold=True)
    for row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # a text that looks like a formula stays a text, never computed
                cell.data_type = "s"
    for col in range(1, len(headers) + 1):
        letter = ws.cell(row=1, column=col).column_letter
        width = max(len(str(ws.cell(row=r, column=col).value or "")) for r in range(1, ws.max_row + 1))
        ws.column_dimensions[letter].width = min(max(10, width + 2), 60)
        if col - 1 in money or col - 1 in pct:
            for r in range(2, ws.max_row + 1):
                ws.cell(row=r, column=col).number_format = USD_FORMAT if col - 1 in money else _PCT_FORMAT
    ws.freeze_panes = "A2"


def _workbook() -> Any:
    openpyxl = need("openpyxl", "xlsx")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    return wb


def estimate_xlsx(est: "Estimate", path: Path | str) -> Path:
    """Sheets ``items`` (one line item a row, with its provenance) and ``totals``."""
    wb = _workbook()
    headers = ["group", "request", "activity", "type", "rate key", "quantity", "quantity (high)", "unit",
               "rate", "rate unit", "amount", "amount (high)", "funding", "section", "year", "covered",
               "kind", "station", "provenance"]
    rows = []
    for i in est.items:
        r = i.rate
        rows.append([i.group, i.request, i.activity or None, i.type, r.key if r else None,
                     i.quantity.low if i.quantity else None, i.quantity.high if i.quantity else None,
                     i.unit or None, r.value if r else None, r.unit if r else None, i.amount.low,
                     i.amount.high, i.funding, i.section, i.year, i.covered, *est.place(i), item_provenance(i)])
    _sheet(wb, "items", headers, rows, money={10, 11})
    totals: list[list[Any]] = [["figure", f.id, f.published.low, f.computed.low, f.status] for f in est.figures]
    totals += [["funding", funding_label(funding, year), None, amount.low, ""] for (funding, year), amount in
               est.totals().items()]
    totals.append(["total", "", None, est.total.low, ""])
    if est.total.is_range:
        totals.append(["total (high)", "", None, est.total.high, ""])
    _sheet(wb, "totals", ["level", "name", "published", "computed", "status"], totals, money={2, 3})
    return save_workbook(wb, path, made_from=(est,))


def comparison_xlsx(cmp: "Comparison", path: Path | str) -> Path:
    """Sheets ``items`` (each line item, both sides, with provenance) and ``totals`` (figures,
    funding sources and years, total)."""
    wb = _workbook()
    b, s = cmp.labels
    headers = ["level", "group", "activity", "item", "funding", "year", b, s, "difference", "per cent",
               f"{b} (high)", f"{s} (high)", "section", "provenance"]

    def rows(source: list[Any]) -> list[list[Any]]:
        out = []
        for r in source:
            d, (pl, _) = r.difference, r.percent
            out.append([r.level, r.group or None, r.activity or None, r.what,
                        funding_label(r.funding) if r.funding else None, r.year,
                        r.baseline.low, r.scenario.low, d.low, None if pl is None else pl / 100,
                        r.baseline.high, r.scenario.high, r.section, r.provenance or None])
        return out

    _sheet(wb, "items", headers, rows(cmp.items), money={6, 7, 8, 10, 11}, pct={9})
    _sheet(wb, "totals", headers, rows([*cmp.groups, *cmp.totals]), money={6, 7, 8, 10, 11}, pct={9})
    return save_workbook(wb, path, made_from=(cmp.baseline, cmp.scenario))


def save_workbook(wb: Any, path: Path | str, *, made_from: Sequence["Estimate"] = ()) -> Path:
    """Save a workbook atomically: an interrupted export leaves the previous file as it was. Only to
    a ``.xlsx`` (or ``.xlsm``) name, and never over the spec or table of an estimate in ``made_from``."""
    import io

    from pbi.model.errors import InputError
    from pbi.model.fileio import write_atomic
    from pbi.model.specs import source_of

    if Path(path).suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError("an Excel workbook is written to a .xlsx file", file=str(path))
    inputs = [name for est in made_from for name in (source_of(est.spec)[0], est.table.file) if name != "<spec>"]
    buffer = io.BytesIO()
    wb.save(buffer)
    return write_atomic(path, buffer.getvalue(), inputs=inputs)


# -- charts ------------------------------------------------------------------------------------
def _pyplot() -> Any:
    need("matplotlib", "plot")
    import matplotlib.pyplot as plt

    return plt


def estimate_chart(est: "Estimate", ax: Any = None) -> Any:
    """Stacked bars: one bar a year, one colour a funding source (low end of ranges)."""
    plt = _pyplot()
    from pbi.export.text import funding_label

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    totals = est.totals()
    years = sorted({y for _, y in totals})
    bottom = [0.0] * len(years)
    for funding in dict.fromkeys(f for f, _ in totals):
        heights = [float(totals.get((funding, y), _ZERO).low) for y in years]  # drawing only
        ax.bar([str(y) for y in years], heights, bottom=bottom, label=funding_label(funding))
        bottom = [a + b for a, b in zip(bottom, heights, strict=True)]
    ax.set_ylabel("USD")
    ax.set_title(f"{est.spec.symbol} — by funding source and year")
    _finish(ax)
    return ax.figure


def comparison_chart(cmp: "Comparison", ax: Any = None) -> Any:
    """Grouped bars: each figure or request, baseline against scenario (low end of ranges)."""
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    rows = cmp.groups
    xs = list(range(len(rows)))
    width = 0.4
    ax.bar([x - width / 2 for x in xs], [float(r.baseline.low) for r in rows], width, label=cmp.labels[0])
    ax.bar([x + width / 2 for x in xs], [float(r.scenario.low) for r in rows], width, label=cmp.labels[1])
    ax.set_xticks(xs, [r.group for r in rows])
    ax.set_ylabel("USD")
    ax.set_title(f"{cmp.baseline.spec.symbol} — {cmp.labels[0]} against {cmp.labels[1]}")
    _finish(ax)
    return ax.figure


def _finish(ax: Any) -> None:
    """Thousands separators on the amount axis, and the legend outside the bars (right of them)."""
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, frameon=False)


def save_chart(figure: Any, path: Path | str) -> Path:
    """Save a chart (PNG, SVG or PDF by the suffix) atomically, the legend included."""
    import io

    from pbi.model.fileio import write_atomic

    path = Path(path)
    buffer = io.BytesIO()
    figure.savefig(buffer, bbox_inches="tight", format=path.suffix.lstrip(".").lower() or "png")
    return write_atomic(path, buffer.getvalue())
