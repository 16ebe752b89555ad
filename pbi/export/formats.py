"""Exports for analysts: Excel workbooks, pandas DataFrames, charts, Markdown and HTML tables.

openpyxl, pandas and matplotlib are optional extras (``pbi[xlsx]``, ``pbi[pandas]``, ``pbi[plot]``),
imported inside the function that needs them. Amounts stay Decimal: the workbook stores them as
numbers with a currency format, DataFrames hold Decimal objects (``df["amount"].astype(float)``
for plotting); only a chart turns them into floats, to draw them.
"""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pbi.model.errors import PbiError
from pbi.model.specs import Range

if TYPE_CHECKING:  # pragma: no cover
    from pbi.costing.compare import Comparison
    from pbi.costing.estimate import Estimate, LineItem

__all__ = ["estimate_xlsx", "comparison_xlsx", "estimate_dataframe", "comparison_dataframe",
           "estimate_chart", "comparison_chart", "save_chart", "markdown_table", "html_table",
           "estimate_rows", "item_provenance", "USD_FORMAT", "estimate_markdown", "estimate_html",
           "comparison_markdown", "comparison_html", "comparison_table"]

_ZERO = Range(Decimal(0), Decimal(0))
#: Excel number format of amounts
USD_FORMAT = '#,##0.00 "USD";-#,##0.00 "USD"'
_PCT_FORMAT = '+0.0"%";-0.0"%";0.0"%"'


def _need(module: str, extra: str) -> Any:
    from importlib import import_module

    try:
        return import_module(module)
    except ImportError:
        raise PbiError(f"{module} is not installed (pip install 'pbi[{extra}]')") from None


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
    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(map(cell, headers)) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(map(cell, row)) + " |" for row in rows]
    return "\n".join(out)


def html_table(headers: list[str], rows: list[list[str]]) -> str:
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


def estimate_rows(est: "Estimate") -> tuple[list[str], list[list[str]]]:
    """Figures/requests and totals of an estimate, as display strings."""
    from pbi.export.text import FUNDING_LABELS, amount_text

    published = {f.id: f for f in est.figures}
    rows = []
    for group, amount in est.by_group().items():
        f = published.get(group)
        rows.append([group, amount_text(amount), amount_text(f.published) if f else "", f.status if f else ""])
    for (funding, year), amount in est.totals().items():
        rows.append([f"{FUNDING_LABELS.get(funding, funding)} {year}", amount_text(amount), "", ""])
    rows.append(["total", amount_text(est.total), "", ""])
    return ["figure/request", "USD", "published", "status"], rows


# -- pandas ------------------------------------------------------------------------------------
def estimate_dataframe(est: "Estimate") -> Any:
    """One row per line item; amounts and quantities as Decimal objects."""
    pd = _need("pandas", "pandas")
    records = []
    for i in est.items:
        r = i.rate
        records.append({
            "group": i.group, "request": i.request, "activity": i.activity, "type": i.type,
            "rate_key": r.key if r else None, "quantity": i.quantity.low if i.quantity else None,
            "quantity_high": i.quantity.high if i.quantity else None, "unit": i.unit or None,
            "rate": r.value if r else None, "rate_unit": r.unit if r else None,
            "amount": i.amount.low, "amount_high": i.amount.high, "funding": i.funding,
            "section": i.section, "year": i.year, "covered": i.covered, "table": r.table if r else None,
            "effective_from": r.effective_from if r else None, "provenance": item_provenance(i),
        })
    return pd.DataFrame.from_records(records)


def comparison_dataframe(cmp: "Comparison") -> Any:
    pd = _need("pandas", "pandas")
    records = []
    for r in [*cmp.items, *cmp.groups, *cmp.totals]:
        d, (pl, _) = r.difference, r.percent
        records.append({"level": r.level, "group": r.group or None, "activity": r.activity or None,
                        "what": r.what, "funding": r.funding or None, "year": r.year,
                        "baseline": r.baseline.low, "baseline_high": r.baseline.high,
                        "scenario": r.scenario.low, "scenario_high": r.scenario.high, "difference": d.low, "difference_high": d.high,
                        "percent": pl, "provenance": r.provenance or None})
    return pd.DataFrame.from_records(records)


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
    for col in range(1, len(headers) + 1):
        letter = ws.cell(row=1, column=col).column_letter
        width = max(len(str(ws.cell(row=r, column=col).value or "")) for r in range(1, ws.max_row + 1))
        ws.column_dimensions[letter].width = min(max(10, width + 2), 60)
        if col - 1 in money or col - 1 in pct:
            for r in range(2, ws.max_row + 1):
                ws.cell(row=r, column=col).number_format = USD_FORMAT if col - 1 in money else _PCT_FORMAT
    ws.freeze_panes = "A2"


def _workbook() -> Any:
    openpyxl = _need("openpyxl", "xlsx")
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    return wb


def estimate_xlsx(est: "Estimate", path: Path | str) -> Path:
    """Sheets ``items`` (one line item a row, with its provenance) and ``totals``."""
    wb = _workbook()
    headers = ["group", "request", "activity", "type", "rate key", "quantity", "quantity (high)", "unit",
               "rate", "rate unit", "amount", "amount (high)", "funding", "section", "year", "covered",
               "provenance"]
    rows = []
    for i in est.items:
        r = i.rate
        rows.append([i.group, i.request, i.activity or None, i.type, r.key if r else None,
                     i.quantity.low if i.quantity else None, i.quantity.high if i.quantity else None,
                     i.unit or None, r.value if r else None, r.unit if r else None, i.amount.low,
                     i.amount.high, i.funding, i.section, i.year, i.covered, item_provenance(i)])
    _sheet(wb, "items", headers, rows, money={10, 11})
    totals: list[list[Any]] = [["figure", f.id, f.published.low, f.computed.low, f.status] for f in est.figures]
    totals += [["funding", f"{funding} {year}", None, amount.low, ""] for (funding, year), amount in
               est.totals().items()]
    totals.append(["total", "", None, est.total.low, ""])
    if est.total.is_range:
        totals.append(["total (high)", "", None, est.total.high, ""])
    _sheet(wb, "totals", ["level", "name", "published", "computed", "status"], totals, money={2, 3})
    return _save(wb, path)


def comparison_xlsx(cmp: "Comparison", path: Path | str) -> Path:
    """Sheets ``items`` (each line item, both sides, with provenance) and ``totals`` (figures,
    funding sources and years, total)."""
    wb = _workbook()
    b, s = cmp.labels
    headers = ["level", "group", "activity", "item", "funding", "year", b, s, "difference", "per cent",
               f"{b} (high)", f"{s} (high)", "provenance"]

    def rows(source: list[Any]) -> list[list[Any]]:
        out = []
        for r in source:
            d, (pl, _) = r.difference, r.percent
            out.append([r.level, r.group or None, r.activity or None, r.what, r.funding or None, r.year,
                        r.baseline.low, r.scenario.low, d.low, pl, r.baseline.high, r.scenario.high,
                        r.provenance or None])
        return out

    _sheet(wb, "items", headers, rows(cmp.items), money={6, 7, 8, 10, 11}, pct={9})
    _sheet(wb, "totals", headers, rows([*cmp.groups, *cmp.totals]), money={6, 7, 8, 10, 11}, pct={9})
    return _save(wb, path)


def _save(wb: Any, path: Path | str) -> Path:
    """Save a workbook atomically: an interrupted export leaves the previous file as it was."""
    import io

    from pbi.model.fileio import write_atomic

    buffer = io.BytesIO()
    wb.save(buffer)
    return write_atomic(path, buffer.getvalue())


# -- charts ------------------------------------------------------------------------------------
def _pyplot() -> Any:
    _need("matplotlib", "plot")
    import matplotlib.pyplot as plt

    return plt


def estimate_chart(est: "Estimate", ax: Any = None) -> Any:
    """Stacked bars: one bar a year, one colour a funding source (low end of ranges)."""
    plt = _pyplot()
    from pbi.export.text import FUNDING_LABELS

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    totals = est.totals()
    years = sorted({y for _, y in totals})
    bottom = [0.0] * len(years)
    for funding in dict.fromkeys(f for f, _ in totals):
        heights = [float(totals.get((funding, y), _ZERO).low) for y in years]  # drawing only
        ax.bar([str(y) for y in years], heights, bottom=bottom, label=FUNDING_LABELS.get(funding, funding))
        bottom = [a + b for a, b in zip(bottom, heights, strict=True)]
    ax.set_ylabel("USD")
    ax.set_title(f"{est.spec.symbol} — by funding source and year")
    ax.legend()
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
    ax.legend()
    return ax.figure


def save_chart(figure: Any, path: Path | str) -> Path:
    import io

    from pbi.model.fileio import write_atomic

    path = Path(path)
    buffer = io.BytesIO()
    figure.savefig(buffer, bbox_inches="tight", format=path.suffix.lstrip(".").lower() or "png")
    return write_atomic(path, buffer.getvalue())
