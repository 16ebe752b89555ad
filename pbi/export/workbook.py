"""A live workbook of an estimate: quantities a delegate edits, rates with their provenance, line
items as formulas and totals rounded by the table's rule, so that Excel or LibreOffice recompute
them; and the edited quantities read back as a :class:`~pbi.costing.scenario.Scenario`.

Sheets:

``quantities``  one row per quantity of each activity (the cells to edit: column C), with the
                value the spec states beside it (column D) so that a change can be read back;
``rates``       each rate the estimate uses: key, effective date, duty station, value, unit, table,
                reference;
``items``       each line item: quantity as a formula of the quantities (``=quantities!C4*2``),
                rate (``=rates!D3``), amount ``= quantity × rate × unit factor``; programme support
                costs as a per cent of the items they apply to; quoted lump sums from their cell;
``totals``      each rounding cell of the estimate (figure or request, funding source, section,
                year): the sum of its items (``SUMPRODUCT`` of exact matches), then ``ROUND`` to the
                table's step; totals by funding source and year (``SUMIFS``), and the total.

An item whose quantity pbi derives in a way a formula does not follow (a draw on an entitlement, a
session split across two years) keeps its quantity as a number and says so in column ``linked``.
A range (600 to 900 pages) is written as its low end.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pbi.model.errors import InputError
from pbi.model.fileio import check_unzipped_size
from pbi.model.yamlio import read_bytes

if TYPE_CHECKING:  # pragma: no cover
    from pbi.costing.estimate import Estimate, LineItem
    from pbi.costing.scenario import Scenario
    from pbi.model.specs import Activity

__all__ = ["write_workbook", "read_workbook_scenario", "QUANTITY_SHEET", "TOTAL_CELL", "MAX_WORKBOOK_BYTES"]

#: the largest workbook ``--scenario`` reads (pbi writes a few hundred kilobytes for 200 activities)
MAX_WORKBOOK_BYTES = 20_000_000

QUANTITY_SHEET = "quantities"
#: where the workbook's grand total is, for a reader that wants it (sheet, column of amounts)
TOTAL_CELL = ("totals", "G")
_USD = '#,##0.00;-#,##0.00'
_EDITABLE_FILL = "FFF2CC"
_NONE = "-"  # a section cell that names no section (SUMIFS needs a value to match)


@dataclass
class _Book:
    """Rows of the four sheets, built before openpyxl is touched."""

    quantities: list[list[Any]] = field(default_factory=list)
    qref: dict[tuple[str, str], tuple[str, Decimal]] = field(default_factory=dict)
    rates: list[list[Any]] = field(default_factory=list)
    rref: dict[tuple[Any, ...], str] = field(default_factory=dict)
    items: list[list[Any]] = field(default_factory=list)


#: the most a workbook's parts may expand to when unzipped (pbi writes a few megabytes at most)
MAX_WORKBOOK_UNZIPPED = 200_000_000
#: decimal places a spreadsheet's floating-point cell is read to (0.1 + 0.2 is 0.3)
_CELL_PLACES = 10


def _cell_number(value: Any) -> Decimal:
    """A quantity cell as a Decimal, read one way (pbi.model.money.to_decimal: finite, under the
    ceiling, at most 10 places); a float cell to 10 places; ValueError saying why not."""
    from pbi.model.money import to_decimal

    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{value} is not a finite number")
        text = f"{value:.{_CELL_PLACES}f}".rstrip("0").rstrip(".")
        return to_decimal(text)
    if isinstance(value, (int, str, Decimal)) and not isinstance(value, bool):
        return to_decimal(value)
    raise ValueError(f"{value!r} is not a number")


def _d(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _quantity_rows(est: "Estimate", book: _Book) -> None:
    from pbi.costing.quantities import feeds
    from pbi.costing.scenario import QUANTITY_PATHS

    figures = {a: f.id for f in est.spec.published for a in f.activities}
    for request, activity in est.spec.activities():
        for name in QUANTITY_PATHS:
            if name in ("interpretation", "grade"):  # not numbers: --set grade=P-4 changes a grade
                continue
            value: Any = activity.count if name == "count" else getattr(activity, name)
            if value is None:
                continue
            if name == "languages":
                value = activity.language_count
            elif hasattr(value, "low"):
                value = value.low
            if name == "count" and value == 1 and activity.kind == "lump_sum":
                continue
            row = len(book.quantities) + 2
            book.quantities.append([activity.id, name, _d(value), _d(value), request.id,
                                    figures.get(activity.id, ""), activity.kind,
                                    _quantity_note(activity, name)])
            book.qref[(activity.id, name)] = (f"{QUANTITY_SHEET}!$C${row}", _d(value))
        kind = est.table.activities.get(activity.kind)
        for name, default in (kind.defaults.items() if kind else ()):
            # a default that prices the activity: a delegate may change it too
            if name in QUANTITY_PATHS and getattr(activity, name) is None and kind is not None and any(
                    name in feeds(p) for c in kind.components for p in c.per):
                row = len(book.quantities) + 2
                book.quantities.append([activity.id, name, _d(default), _d(default), request.id,
                                        figures.get(activity.id, ""), activity.kind,
                                        "the table's default (the spec does not state it)"])
                book.qref[(activity.id, name)] = (f"{QUANTITY_SHEET}!$C${row}", _d(default))


def _quantity_note(activity: "Activity", name: str) -> str:
    value = getattr(activity, name, None)
    if value is not None and getattr(value, "is_range", False):
        return f"a range ({value.low} to {value.high}): the workbook computes the low end"
    if name == "languages" and isinstance(activity.languages, tuple):
        return "languages " + ", ".join(activity.languages) + " (a number here)"
    return ""


def _factor(est: "Estimate", activity: "Activity", name: str, value: Decimal,
            book: _Book) -> tuple[str, Decimal]:
    """A formula fragment for one factor of a line item, and its value from the cells: the quantity
    read from the activity's cells as pbi reads it (pbi.costing.quantities), else the number."""
    from pbi.costing.quantities import read_quantity
    from pbi.costing.scenario import QUANTITY_PATHS
    from pbi.model.specs import Range
    from pbi.model.tables import QUANTITY_UNITS

    q = book.qref
    base = name.split(" (", 1)[0]  # "meetings (2 meeting days)" is the quantity meetings
    if base == "count" and (activity.id, "count") in q:
        return q[(activity.id, "count")]
    kind = est.table.activities.get(activity.kind)
    if kind is None or base not in QUANTITY_UNITS:
        return f"{value}", value
    # the kind's defaults have cells of their own (_quantity_rows): read them as stated
    stated = {n: (d if n == "languages" else Range.of(d)) for n, d in kind.defaults.items()
              if n in QUANTITY_PATHS and getattr(activity, n) is None}
    reading = read_quantity(activity.model_copy(update=stated) if stated else activity, base, est.table,
                            kind.defaults)
    if reading is None or any((activity.id, f) not in q for f in reading.fields):
        return f"{value}", value
    refs = [q[(activity.id, f)] for f in reading.fields]
    formula = "*".join([*(ref for ref, _ in refs), *([f"{reading.times}"] if reading.times != 1 else [])])
    cells = reading.times
    for _, v in refs:
        cells *= v
    if reading.per != 1:
        formula, cells = f"{formula or 1}/{reading.per}", cells / reading.per
    return formula or "1", cells


def _rate_ref(item: "LineItem", activities: Iterable[str], book: _Book) -> str:
    assert item.rate is not None
    r = item.rate
    key = (r.key, r.effective_from, r.duty_station, r.value)
    if key not in book.rref:
        row = len(book.rates) + 2
        book.rates.append([r.key, r.effective_from.isoformat(), r.duty_station or "", r.value, r.unit, r.table,
                           r.reference, ""])
        book.rref[key] = f"rates!$D${row}"
    users = book.rates[int(book.rref[key].rsplit("$", 1)[1]) - 2]
    users[7] = ", ".join(dict.fromkeys([*filter(None, str(users[7]).split(", ")), *activities]))
    return book.rref[key]


def _item_rows(est: "Estimate", book: _Book) -> None:
    from pbi.export.formats import item_provenance

    activities = {a.id: a for _, a in est.spec.activities()}
    row_of: dict[int, int] = {}
    for n, item in enumerate(est.items):
        if item.type == "rounding":
            continue
        row = len(book.items) + 2
        row_of[n] = row
        activity = activities.get(item.activity)
        base = [item.group, item.request, item.activity, item.type, item.rate.key if item.rate else "",
                item.funding, item.section or _NONE, item.year, "yes" if item.covered else "no"]
        quantity: Any = item.quantity.low if item.quantity else None
        rate: Any = None
        factor: Any = None
        amount: Any = item.amount.low
        linked = "no"
        if item.type == "rate" and item.rate and item.quantity and activity is not None:
            rate = "=" + _rate_ref(item, [activity.id], book)
            product = item.rate.value * item.quantity.low
            factor = item.amount.low / product if product else Decimal(1)
            factors = [(n, v.low) for n, v in item.factors]
            if all(n != "count" for n, _ in factors):  # a count of one is no factor, but its cell is
                factors.append(("count", Decimal(activity.count)))
            parts = [_factor(est, activity, name, low, book) for name, low in factors]
            value = Decimal(1)
            for _, v in parts:
                value *= v
            if item.part is None and activity.start is None and value == item.quantity.low and parts:
                quantity = "=" + "*".join(p for p, _ in parts)
                linked = "yes"
            amount = f"=J{row}*L{row}*M{row}"
        elif item.type == "surcharge" and item.quantity is not None and item.percent is not None:
            # the items of the same activity, year and share that the surcharge applies to
            same = [m for m, other in enumerate(est.items[:n]) if other.type == "rate" and m in row_of
                    and other.activity == item.activity and other.year == item.year and other.part == item.part
                    and other.funding == item.funding]
            if same and sum((est.items[m].amount.low for m in same), Decimal(0)) == item.quantity.low:
                quantity = "=" + "+".join(f"N{row_of[m]}" for m in same)
                linked = "yes"
            rate, factor = item.percent / 100, Decimal(1)
            amount = f"=J{row}*L{row}*M{row}"
        elif item.type == "quoted" and activity is not None and (activity.id, "amount") in book.qref:
            amount = "=" + book.qref[(activity.id, "amount")][0]
            linked = "yes"
        book.items.append([*base, quantity, item.unit or "", rate, factor, amount, linked,
                           item_provenance(item)])


def write_workbook(est: "Estimate", path: Path | str) -> Path:
    """Write the live workbook of ``est`` to ``path`` (``.xlsx``), atomically."""
    from pbi.costing.engine import COVERED_SOURCES
    from pbi.export.formats import need, save_workbook

    openpyxl = need("openpyxl", "xlsx")
    from openpyxl.styles import Font, PatternFill

    book = _Book()
    _quantity_rows(est, book)
    _item_rows(est, book)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=_EDITABLE_FILL)

    def sheet(title: str, headers: list[str], rows: list[list[Any]], money: Iterable[str] = (),
              widths: dict[str, int] | None = None) -> Any:
        ws = wb.create_sheet(title)
        ws.append(headers)
        for c in ws[1]:
            c.font = bold
        for values in rows:
            ws.append([float(v) if isinstance(v, Decimal) else v for v in values])
        for col in money:
            for r in range(2, ws.max_row + 1):
                ws[f"{col}{r}"].number_format = _USD
        for col, width in (widths or {}).items():
            ws.column_dimensions[col].width = width
        ws.freeze_panes = "A2"
        return ws

    ws = sheet(QUANTITY_SHEET, ["activity", "quantity", "value (edit me)", "as in the spec", "request",
                                "figure", "kind", "note"], book.quantities,
               widths={"A": 26, "B": 14, "C": 16, "D": 14, "H": 50})
    for r in range(2, ws.max_row + 1):
        ws[f"C{r}"].fill = fill
    sheet("rates", ["rate", "effective from", "duty station", "value", "unit", "table", "reference", "used by"],
          book.rates, money=("D",), widths={"A": 34, "D": 14, "E": 24, "G": 80, "H": 40})
    n_items = len(book.items) + 1
    sheet("items", ["group", "request", "activity", "type", "rate key", "funding", "section", "year", "covered",
                    "quantity", "unit", "rate", "unit factor", "amount", "linked", "provenance"],
          book.items, money=("N",), widths={"A": 10, "C": 26, "E": 34, "N": 16, "P": 80})
    # totals: one row per rounding cell
    rows: list[list[Any]] = []
    cells = [c for c in est.cells if c.funding not in COVERED_SOURCES]
    def col(letter: str) -> str:
        return f"items!${letter}$2:${letter}${n_items}"

    for k, c in enumerate(cells):
        r = k + 2
        # exact matches (SUMIFS would read *, ? and ~ in a figure or request name as patterns)
        sumifs = (f"=SUMPRODUCT(({col('A')}=A{r})*({col('F')}=B{r})*({col('G')}=C{r})*({col('H')}=D{r})"
                  f"*({col('I')}=\"no\")*{col('N')})")
        step = c.rounding.step if c.rounding else None
        rounded: str | Decimal
        if c.rounding is None:
            rounded = f"=E{r}"
        elif c.rounding.mode == "half_up":
            rounded = f"=ROUND(E{r}/F{r},0)*F{r}"
        elif c.rounding.mode == "up":
            rounded = f"=ROUNDUP(E{r}/F{r},0)*F{r}"
        elif c.rounding.mode == "down":
            rounded = f"=ROUNDDOWN(E{r}/F{r},0)*F{r}"
        else:  # half-even has no worksheet function: the amount pbi computed
            rounded = c.rounded.low
        rows.append([c.group, c.funding, c.section or _NONE, c.year, sumifs, step, rounded, c.rounded.low,
                     f"{c.rounding.mode.replace('_', '-')}" if c.rounding else "none"])
    last = len(rows) + 1
    from pbi.export.text import funding_label

    rows.append([])
    for funding, year in est.totals():
        r = len(rows) + 2
        rows.append([f"{funding_label(funding)}, {year}", funding, "", year, "", "",
                     f"=SUMIFS($G$2:$G${last},$B$2:$B${last},B{r},$D$2:$D${last},D{r})",
                     est.totals()[(funding, year)].low, ""])
    rows.append(["total", "", "", "", "", "", f"=SUM($G$2:$G${last})" if cells else 0, est.total.low, ""])
    sheet("totals", ["figure/request", "funding", "section", "year", "sum of items", "rounding step",
                     "amount", "computed by pbi", "rounding"], rows, money=("E", "G", "H"),
          widths={"A": 40, "E": 16, "G": 16, "H": 16})
    return save_workbook(wb, path, made_from=(est,))


def read_workbook_scenario(path: Path | str) -> "Scenario":
    """The quantities edited in a workbook written by :func:`write_workbook`, as a scenario:
    ``{"ACTIVITY.QUANTITY": value}`` for every row whose value differs from the spec's."""
    from pbi.costing.scenario import Scenario
    from pbi.export.formats import need

    openpyxl = need("openpyxl", "xlsx")
    p = Path(path)
    data = read_bytes(p, limit=MAX_WORKBOOK_BYTES)  # a regular file, size-checked, noted as an input
    check_unzipped_size(data, limit=MAX_WORKBOOK_UNZIPPED, file=p, what="the workbook",
                        unreadable="not an Excel workbook", beyond="not a workbook written by pbi")
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=False, read_only=True)
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot read the workbook ({type(exc).__name__}: {exc})", file=str(p)) from None
    except Exception as exc:  # zipfile.BadZipFile and other openpyxl failures: not a workbook
        raise InputError(f"not an Excel workbook ({type(exc).__name__})", file=str(p)) from None
    # sheet names are case-insensitive in Excel; a formula engine may write them in capitals
    sheet_name = next((n for n in wb.sheetnames if n.casefold() == QUANTITY_SHEET.casefold()), None)
    if sheet_name is None:
        raise InputError(f"no sheet {QUANTITY_SHEET!r} (write one with `pbi workbook SPEC -o FILE.xlsx`)",
                         file=str(p))
    edits: dict[str, Any] = {}
    lines: dict[str, int] = {}
    seen: dict[str, int] = {}  # every row's quantity, changed or not: one row each
    cached: dict[int, Any] | None = None  # the values Excel or LibreOffice saved for column C, by row
    for n, row in enumerate(wb[sheet_name].iter_rows(min_row=2, values_only=True), start=2):
        if not row or row[0] is None:
            continue
        activity, name, value, baseline = row[0], row[1], row[2], row[3]
        if f"set.{activity}.{name}" in seen:
            raise InputError(f"{activity}.{name} is also in row {seen[f'set.{activity}.{name}']}: one row a "
                             "quantity", file=str(p), line=n, field=f"{QUANTITY_SHEET}!A{n}")
        seen[f"set.{activity}.{name}"] = n
        if isinstance(value, str) and value.startswith("="):
            if cached is None:
                saved = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=True)
                cached = {i: r[2] if len(r) > 2 else None for i, r in
                          enumerate(saved[sheet_name].iter_rows(min_row=1, values_only=True), start=1)}
                saved.close()
            computed = cached.get(n)
            if isinstance(computed, (int, float)) and not isinstance(computed, bool):
                value = computed  # a formula typed by the delegate, as the spreadsheet computed it
        if value is None:
            raise InputError(f"{activity}.{name}: the value is empty (expected a number)", file=str(p),
                             line=n, field=f"{QUANTITY_SHEET}!C{n}")
        if isinstance(value, str) and value.startswith("="):
            raise InputError(f"{activity}.{name}: a formula without a computed value (open and save the "
                             "workbook in Excel or LibreOffice, or type the number)", file=str(p), line=n,
                             field=f"{QUANTITY_SHEET}!C{n}")
        try:
            number = _cell_number(value)
        except ValueError as err:
            raise InputError(f"{activity}.{name}: {err}", file=str(p), line=n,
                             field=f"{QUANTITY_SHEET}!C{n}") from None
        try:
            changed = number != _cell_number(baseline)
        except ValueError:
            raise InputError(f"{activity}.{name}: column D holds {baseline!r}, not the spec's value that pbi "
                             "wrote there (write the workbook again with `pbi workbook`)", file=str(p), line=n,
                             field=f"{QUANTITY_SHEET}!D{n}") from None
        if changed:
            path_ = f"{activity}.{name}"
            edits[path_] = str(int(number)) if number == number.to_integral_value() else str(number)
            lines[f"set.{path_}"] = n
    wb.close()
    return Scenario.from_dict({"name": f"workbook {p.name}", "set": edits}, file=str(p), lines=lines)
