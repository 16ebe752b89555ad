"""A live workbook of an estimate: quantities a delegate edits, rates with their provenance, line
items as formulas and totals rounded by the table's rule, so that Excel or LibreOffice recompute
them; and the edited quantities read back as a :class:`~pbi.costing.scenario.Scenario`.

Sheets:

``read me``     what to edit, what recomputes, what does not, and the commands that price the
                edited workbook and write its note;
``quantities``  one row per quantity of each activity (the cells to edit: column C, validated as
                pbi validates them), with the value the spec states beside it (column D) so that a
                change can be read back, and whether an edit recomputes in full (column H); and its
                duty station, year and grade (a list, or the years of the rate grid);
``shares``      the quantities pbi derives: for a draw on an entitlement, what is left of the
                allocation, drawn by earlier activities, available, requested, covered
                (``MIN(requested, available)``) and additional; for a session over the new year,
                its days in each year (whole days by largest remainder, as pbi splits them);
``rates``       each rate the estimate uses: key, effective date, duty station, value, unit, table,
                reference;
``rate grid``   every value of those rates (each grade of a rate by grade) at each duty station of the
                table, from the year before the earliest priced to three after the latest: a line
                item's rate is looked up here by its rate, grade, duty station and year cells;
``items``       each line item: quantity as a formula of the quantities (``=quantities!C4*2``) or of
                the shares, rate (``=rates!D3``), amount ``= quantity × rate × unit factor``;
                programme support costs as a per cent of the items they apply to; quoted lump sums
                from their cell;
``totals``      each rounding cell of the estimate (figure or request, funding source, section,
                year): the sum of its items (``SUMPRODUCT`` of exact matches), then ``ROUND`` to the
                table's step, and the same cell in each other year of the grid (nothing until an edit
                moves an activity there); totals by funding source and year (``SUMIFS``), the total.

Every sheet but the rate grid is protected without a password, but for column C of the quantities.

Read back (:func:`read_workbook_scenario`) with the estimate it was written from, the workbook is
checked against it: rows are found by activity and quantity, in any order; a row deleted or added,
an id changed, column D changed, a rate or an allocation edited, or a value the table cannot price
is an error naming the sheet and cell, never ignored.

An item whose quantity no formula follows (a session over the new year that also draws on an
entitlement, or over more than two years) keeps it as a number (``linked: no``), and the quantity
cells of its activity say so. A range (600 to 900 pages) is written as its low end.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pbi.export.edited import cell_number as _cell_number
from pbi.export.edited import same as _same
from pbi.export.edited import same_number as _same_number
from pbi.export.edited import shown as _shown
from pbi.export.edited import sheet_ref as _ref
from pbi.model.errors import InputError
from pbi.model.fileio import check_unzipped_size
from pbi.model.yamlio import read_bytes

if TYPE_CHECKING:  # pragma: no cover
    from pbi.costing.estimate import Cell, Estimate, LineItem
    from pbi.costing.scenario import Scenario
    from pbi.model.entitlements import EntitlementUse
    from pbi.model.specs import Activity

__all__ = ["write_workbook", "read_workbook_scenario", "QUANTITY_SHEET", "TOTAL_CELL", "MAX_WORKBOOK_BYTES",
           "MAX_QUANTITY_ROWS"]

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
    #: rows of the shares sheet: a draw's allocation arithmetic, a session's days in each year
    shares: list[list[Any]] = field(default_factory=list)
    draws: dict[tuple[str, int], dict[str, tuple[str, Decimal]] | None] = field(default_factory=dict)
    pools: dict[tuple[str, str, str], list[tuple[str, Decimal]]] = field(default_factory=dict)
    splits: dict[tuple[str, int, str], tuple[str, Decimal]] = field(default_factory=dict)
    #: activities with a line item whose quantity stays a number
    unlinked: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)
    #: draws whose additional share pbi did not price (nothing was additional) but the workbook has,
    #: priced for one meeting or page: (activity, year)
    nominal: set[tuple[str, int]] = field(default_factory=set)
    #: rounding cells of those shares that the estimate does not have
    cells: list["Cell"] = field(default_factory=list)
    #: (activity, "location" | "year" | "grade") → its cell in the quantities sheet
    places: dict[tuple[str, str], str] = field(default_factory=dict)
    #: rows of the totals sheet (only when read back: the writer builds them as it writes)
    totals: list[list[Any]] = field(default_factory=list)
    #: rows of the rate grid sheet: every value of the rates used, by duty station and year
    grid: list[list[Any]] = field(default_factory=list)
    #: the rows of the grid each block of keys (a rate and its grades, or "vacancy") takes
    gridded: dict[tuple[str, ...], tuple[int, int]] = field(default_factory=dict)


#: the most a workbook's parts may expand to when unzipped (pbi writes a few megabytes at most)
MAX_WORKBOOK_UNZIPPED = 200_000_000
#: the most rows a quantities sheet may have (a spec of 2,000 activities makes about 10,000; reading
#: 200,000 rows took 40 seconds)
MAX_QUANTITY_ROWS = 20_000
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
                                    figures.get(activity.id, ""), activity.kind, "yes",
                                    _quantity_note(activity, name)])
            book.qref[(activity.id, name)] = (f"{QUANTITY_SHEET}!$C${row}", _d(value))
        kind = est.table.activities.get(activity.kind)
        for name, default in (kind.defaults.items() if kind else ()):
            # a default that prices the activity: a delegate may change it too
            if name in QUANTITY_PATHS and getattr(activity, name) is None and kind is not None and any(
                    name in feeds(p) for c in kind.components for p in c.per):
                row = len(book.quantities) + 2
                book.quantities.append([activity.id, name, _d(default), _d(default), request.id,
                                        figures.get(activity.id, ""), activity.kind, "yes",
                                        "the table's default (the spec does not state it)"])
                book.qref[(activity.id, name)] = (f"{QUANTITY_SHEET}!$C${row}", _d(default))
        for name, value, note in _places(est, activity):
            row = len(book.quantities) + 2
            book.quantities.append([activity.id, name, value, value, request.id, figures.get(activity.id, ""),
                                    activity.kind, "yes", note])
            book.places[(activity.id, name)] = f"{QUANTITY_SHEET}!$C${row}"


#: the rows of the quantities sheet that are not numbers to scale: where, when, at what grade
PLACE_ROWS = ("location", "year", "grade")


def _places(est: "Estimate", activity: "Activity") -> list[tuple[str, Any, str]]:
    """The duty station, year and grade rows of one activity that a delegate may change, each with
    its value and a note: the duty station where the table prices more than one, the year unless
    dates or a draw on an allocation fix it, the grade where a rate is by grade."""
    from pbi.costing.scenario import duty_stations

    kind = est.table.activities.get(activity.kind)
    if kind is None or activity.kind == "lump_sum":
        return []
    out: list[tuple[str, Any, str]] = []
    stations = duty_stations(est.table)
    if len(stations) > 1:
        out.append(("location", activity.location or stations[0],
                    "" if activity.location else "the table's duty station (the spec does not state it)"))
    if activity.start is None and activity.entitlement is None:
        out.append(("year", activity.year, ""))
    if activity.grade and any("{grade}" in c.rate for c in kind.components):
        out.append(("grade", activity.grade, ""))
    return out


def _quantity_note(activity: "Activity", name: str) -> str:
    value = getattr(activity, name, None)
    if value is not None and getattr(value, "is_range", False):
        return f"a range ({value.low} to {value.high}): the workbook computes the low end"
    if name == "languages" and isinstance(activity.languages, tuple):
        return "languages " + ", ".join(activity.languages) + " (a number here)"
    return ""


_Ref = tuple[str, Decimal]  # a formula fragment (a cell, or an expression of cells) and its value now
#: the quantity an additional share that pbi did not price is priced for, to write its line items
_NOMINAL = Decimal(1)


def _factor(est: "Estimate", activity: "Activity", aid: str, name: str, value: Decimal,
            book: _Book, overrides: dict[str, _Ref]) -> _Ref:
    """A formula fragment for one factor of a line item, and its value from the cells: the quantity
    read from the piece ``activity`` as pbi reads it (pbi.costing.quantities), each field from the
    cells of activity ``aid`` or, for a share or a year of it, from ``overrides``; else the number."""
    from pbi.costing.quantities import read_quantity
    from pbi.costing.scenario import QUANTITY_PATHS
    from pbi.model.specs import Range
    from pbi.model.tables import QUANTITY_UNITS

    def ref(f: str) -> _Ref | None:
        return overrides.get(f) or book.qref.get((aid, f))

    base = name.split(" (", 1)[0]  # "meetings (2 meeting days)" is the quantity meetings
    if base.startswith("first-year share") and (aid, "grade") in book.places:
        return _grid_lookup(f'"vacancy|"&{book.places[(aid, "grade")]}', _vacancy_rows(est, book)), value
    if base == "count" and ref("count") is not None:
        hit = ref("count")
        assert hit is not None
        return hit
    kind = est.table.activities.get(activity.kind)
    if kind is None or base not in QUANTITY_UNITS:
        return f"{value}", value
    # the kind's defaults have cells of their own (_quantity_rows): read them as stated
    stated = {n: (d if n == "languages" else Range.of(d)) for n, d in kind.defaults.items()
              if n in QUANTITY_PATHS and getattr(activity, n) is None}
    reading = read_quantity(activity.model_copy(update=stated) if stated else activity, base, est.table,
                            kind.defaults)
    refs = [ref(f) for f in reading.fields] if reading is not None else [None]
    if reading is None or any(r is None for r in refs):
        return f"{value}", value
    return _product([r for r in refs if r is not None], reading.times, reading.per)


#: the sheet of every value of the rates used, by duty station and year
GRID_SHEET = "rate grid"


def _grid_lookup(key: str, rows: tuple[int, int]) -> str:
    """A formula fragment: the value of the grid row, among ``rows`` (first, last), whose lookup key
    is the expression ``key`` (a block of its own keeps each lookup short)."""
    a, b = rows
    folded = f'SUBSTITUTE(SUBSTITUTE({key}," ",""),"-","")'
    return f"INDEX('{GRID_SHEET}'!$B${a}:$B${b},MATCH({folded},'{GRID_SHEET}'!$D${a}:$D${b},0))"


def _lookup_key(label: str) -> str:
    """A grid row's label as its lookup formula folds the key it looks for: without spaces or
    hyphens (MATCH ignores case), so that a grade pasted as ``P4`` or ``p 3`` or a station with
    spaces is found as pbi reads it (pbi.model.specs.grade_of)."""
    return label.replace(" ", "").replace("-", "").casefold()


def _text(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


#: how many years before the earliest and after the latest it prices the workbook's rate grid spans
GRID_YEARS_BEFORE, GRID_YEARS_AFTER = 1, 3


def _years(est: "Estimate") -> range:
    """The years a delegate may move an activity to: from the year before the earliest the estimate
    prices to three years after the latest, or after the table's latest dated value when that is later
    (a 2016 spec moved to today's costs), within the table's years (a short grid recomputes fast)."""
    used = [i.year for i in est.items] or list(est.spec.years)
    dated = [d.year for r in est.table.rates.values() for d in r.values]
    first = max(min(used) - GRID_YEARS_BEFORE, min(dated))
    last = max(*used, max(dated)) + GRID_YEARS_AFTER
    if est.table.valid_to:
        last = min(last, est.table.valid_to.year)
    return range(min(first, *used), max(last, *used) + 1)


def _grid_rows(est: "Estimate", keys: tuple[str, ...], book: _Book) -> tuple[int, int]:
    """Every value of each rate in ``keys`` by duty station and year, looked up as pbi prices it (on
    1 January of the year, or on the spec's ``priced_on``): the block of grid rows they take."""
    import datetime as dt

    from pbi.costing.scenario import duty_stations
    from pbi.model.errors import PbiError

    if keys in book.gridded:
        return book.gridded[keys]
    first = len(book.grid) + 2
    stations = duty_stations(est.table) or ("",)
    for key in keys:
        for station in stations:
            for year in _years(est):
                on = est.spec.priced_on or dt.date(year, 1, 1)
                try:
                    r = est.table.rate(key, on, station=station or None)
                except PbiError:
                    continue  # no value that year or there: the lookup says #N/A, as pbi refuses it
                label = f"{key}|{station}|{year}"
                book.grid.append([label, r.value, f"{r.unit}, effective from {r.effective_from}, table {r.table}: "
                                  f"{r.reference}", _lookup_key(label)])
    book.gridded[keys] = (first, max(first, len(book.grid) + 1))
    return book.gridded[keys]


def _vacancy_rows(est: "Estimate", book: _Book) -> tuple[int, int]:
    """The first-year share of a new post by grade (1 − the table's vacancy factor for its category)."""
    from pbi.model.specs import GRADES
    from pbi.model.tables import GRADE_CATEGORIES

    if ("vacancy",) in book.gridded:
        return book.gridded[("vacancy",)]
    first = len(book.grid) + 2
    for grade in GRADES:
        factor = est.table.vacancy_factors.get(GRADE_CATEGORIES.get(grade, ""))
        if factor is not None:
            book.grid.append([f"vacancy|{grade}", 1 - factor.percent / 100,
                              f"first-year share: 1 − the vacancy factor of {factor.percent} %, table "
                              f"{est.table.id}: {factor.reference}", _lookup_key(f"vacancy|{grade}")])
    book.gridded[("vacancy",)] = (first, max(first, len(book.grid) + 1))
    return book.gridded[("vacancy",)]


def _place(book: _Book, aid: str, name: str, literal: Any) -> str:
    """The cell of an activity's duty station, year or grade, else the value as a literal."""
    cell = book.places.get((aid, name))
    return cell if cell is not None else _text(str(literal)) if isinstance(literal, str) else str(literal)


def _rate_lookup(est: "Estimate", item: "LineItem", activity: "Activity", book: _Book) -> str | None:
    """The rate of a line item as a lookup in the rate grid by rate key (its grade from the grade
    cell), duty station and year cells; None when the activity has none of those cells."""
    import re

    from pbi.costing.scenario import duty_stations
    from pbi.model.specs import GRADES

    if item.rate is None or not any((activity.id, n) in book.places for n in PLACE_ROWS):
        return None
    kind = est.table.activities.get(activity.kind)
    template = next((c.rate for c in (kind.components if kind else ())
                     if c.rate_key(grade=activity.grade or "", location=activity.location or "") == item.rate.key),
                    None)
    if template is None:
        return None
    stations = duty_stations(est.table)
    expansions = {"{grade}": [g for g in GRADES if template.replace("{grade}", g) in est.table.rates],
                  "{location}": list(stations)}
    keys = [template]
    for slot, values in expansions.items():
        if slot in template:
            keys = [k.replace(slot, v) for k in keys for v in values]
    rows = _grid_rows(est, tuple(k for k in keys if k in est.table.rates), book)
    parts = []
    for piece in re.split(r"(\{grade\}|\{location\})", template):
        if piece == "{grade}":
            parts.append(_place(book, activity.id, "grade", activity.grade or ""))
        elif piece == "{location}":
            parts.append(_place(book, activity.id, "location", activity.location or ""))
        elif piece:
            parts.append(_text(piece))
    station = _place(book, activity.id, "location", activity.location or (stations[0] if stations else ""))
    year = _place(book, activity.id, "year", item.year)
    return _grid_lookup("&".join([*parts, '"|"', station, '"|"', year]), rows)


def _product(refs: list[_Ref], times: Decimal = Decimal(1), per: Decimal = Decimal(1)) -> _Ref:
    """``ref × ref × … × times / per`` as a formula fragment and its value."""
    formula = "*".join([*(f for f, _ in refs), *([f"{times}"] if times != 1 else [])])
    cells = times
    for _, v in refs:
        cells *= v
    if per != 1:
        formula, cells = f"{formula or 1}/{per}", cells / per
    return formula or "1", cells


def _share_rows(est: "Estimate", activity: "Activity", use: "EntitlementUse", book: _Book) -> dict[str, _Ref] | None:
    """The rows of the shares sheet for one draw on an entitlement (what is left of the allocation,
    drawn by earlier activities, available, requested, covered = MIN(requested, available),
    additional), once per activity and year; None when the request is not a formula of the cells."""
    from pbi.costing.engine import COVERED_SOURCES
    from pbi.costing.quantities import read_quantity

    key = (activity.id, use.year)
    if key in book.draws:
        return book.draws[key]
    b = use.balance
    pool = (b.body, b.period.label, b.quantity)
    unit = b.quantity
    count = book.qref.get((activity.id, "count"))
    reading = read_quantity(activity, unit, est.table)
    requested: _Ref | None = None
    earlier = book.pools.setdefault(pool, [])
    drawn_value = sum((v for _, v in earlier), Decimal(0))
    straddles = activity.start is not None and activity.end is not None and activity.start.year != activity.end.year
    if reading is not None:
        refs = [book.qref.get((activity.id, f)) for f in reading.fields]
        if count is not None and all(r is not None for r in refs):
            requested = _product([*(r for r in refs if r is not None), count], reading.times, reading.per)
    if straddles or (reading is not None and requested is None) or max(b.available - drawn_value, 0) != use.available:
        earlier.append((f"{use.covered}", use.covered))  # what it takes, as a number, for the draws after it
        book.draws[key] = None
        return None

    def row(what: str, formula: Any, value: Decimal, note: str = "") -> _Ref:
        book.shares.append([activity.id, use.year, what, formula, value, note])
        return f"shares!$D${len(book.shares) + 1}", value

    left = row(f"{unit} left of the allocation", b.available, b.available,
               f"{b.name.en or b.body}, {b.period.label}: entitled {b.entitled:,} − used {b.used:,} + transferred in "
               f"{b.transferred_in:,} − out {b.transferred_out:,}, as of {b.as_of} (entitlements file)")
    drawn = row(f"{unit} drawn by earlier activities", "=" + "+".join(f for f, _ in earlier) if earlier else 0,
                drawn_value, "the covered shares of the activities above that draw on the same allocation")
    available = row(f"{unit} available", f"=MAX({left[0]}-{drawn[0]},0)", use.available)
    if requested is None:
        requested = row(f"{unit} requested", f"={available[0]}", use.requested,
                        "the activity asks for what is left (up to what is available)")
    else:
        requested = row(f"{unit} requested", f"={requested[0]}", use.requested,
                        "the activity's quantity cells, all its events together")
    covered = row(f"{unit} covered", f"=MIN({requested[0]},{available[0]})", use.covered,
                  "within the allocation: priced for information, not additional")
    if use.up_to_available:
        additional = row(f"{unit} additional", 0, use.additional, "none: the activity asks only for what is left")
    else:
        additional = row(f"{unit} additional", f"={requested[0]}-{covered[0]}", use.additional,
                         "beyond the allocation: priced as additional")
    if not use.up_to_available and use.additional == 0 and activity.funding in COVERED_SOURCES:
        # nothing may be additional: pbi refuses more than the allocation has; say so where it shows
        book.shares.append([activity.id, use.year, "check",
                            f'=IF({requested[0]}>{available[0]},"beyond the allocation: pbi asks for the '
                            f'funding of the rest (name it in the spec)","within the allocation")',
                            "within the allocation", "the activity is funded within the allocation only"])
    earlier.append(covered)
    out = {"covered": covered, "additional": additional, "requested": requested, "available": available}
    book.draws[key] = out
    return out


def _piece(est: "Estimate", item: "LineItem", activity: "Activity",
           book: _Book) -> tuple["Activity", dict[str, _Ref], str] | None:
    """The activity as pbi priced this item (one year of a session, one share of a draw), the
    formulas of the fields that differ from the activity's cells, and the condition under which pbi
    prices no such piece at all (a share of nothing, a year without a meeting day: "" for none);
    None when no formula follows."""
    from pbi.model.periods import meeting_days, split_days
    from pbi.model.specs import Range
    from pbi.model.units import meetings_per_day

    straddles = activity.start is not None and activity.end is not None and activity.start.year != activity.end.year
    if item.part is None and not straddles:
        return activity, {}, ""
    if item.part is not None and not straddles:
        use = next((u for u in est.entitlements if u.activity == activity.id and u.year == item.year), None)
        draw = activity.entitlement
        if use is None or draw is None or draw.quantity not in ("meetings", "pages"):
            return None
        share_rows = _share_rows(est, activity, use, book)
        if share_rows is None:
            return None
        share = share_rows[item.part]
        if (activity.id, item.year) in book.nominal and item.part == "additional":
            share = (share[0], _NOMINAL)  # the line items were priced for one meeting or page
        overrides: dict[str, _Ref] = {"count": ("1", Decimal(1))}
        update: dict[str, Any] = {"count": 1}
        if draw.quantity == "meetings":
            if activity.meetings is None and activity.days is not None:
                per_day = meetings_per_day()
                overrides["days"] = (f"{share[0]}/{per_day}", share[1] / per_day)
                update["days"] = Range.of(share[1] / per_day)
            else:
                overrides["meetings"] = share
                update["meetings"] = Range.of(share[1])
        else:
            overrides["pages"] = share
            update.update(pages=Range.of(share[1]), words=None)
        kind = est.table.activities.get(activity.kind)
        documents = activity.documents or (Range.of(kind.defaults["documents"])
                                           if kind and "documents" in kind.defaults else None)
        if documents is not None:
            docs = book.qref.get((activity.id, "documents"), (f"{documents.low}", documents.low))
            count = book.qref[(activity.id, "count")]
            all_docs = f"{docs[0]}*{count[0]}"
            # per-document parts go with the additional share, or with the covered one when nothing is
            # additional (pbi.costing.engine)
            fixed = item.part == "additional" or share_rows["additional"][1] == 0
            value = docs[1] * count[1] if fixed else Decimal(0)
            overrides["documents"] = (all_docs if item.part == "additional" else
                                      f"IF({share_rows['additional'][0]}=0,{all_docs},0)", value)
            update["documents"] = Range.of(value)
        if item.part == "covered":
            update.update(kind=draw.covered_kind or activity.kind)
        return activity.model_copy(update=update), overrides, f"{share[0]}=0"
    if item.part is not None or activity.start is None or activity.end is None:
        return None  # a session split by year that also draws on an entitlement: numbers
    assert activity.start is not None and activity.end is not None
    days = meeting_days(activity.start, activity.end)
    if len(days) != 2 or item.year not in days:
        return None
    (y1, n1), (y2, n2) = sorted(days.items())
    total = n1 + n2
    overrides = {}
    update = {"year": item.year}
    for name in ("days", "meetings", "dsa_days"):
        value = getattr(activity, name)
        cell = book.qref.get((activity.id, name))
        if value is None:
            continue
        if cell is None:
            return None
        key = (activity.id, item.year, name)
        if key not in book.splits:
            mine, other = (n1, n2) if item.year == y1 else (n2, n1)
            t = cell[0]
            # pbi.model.periods.split_days: whole units by largest remainder (ties to the earlier
            # year), a total that is not whole split exactly pro rata
            wins = f"MOD({t}*{mine},{total})>=MOD({t}*{other},{total})" if item.year == y1 else \
                f"MOD({t}*{mine},{total})>MOD({t}*{other},{total})"
            formula = (f"=IF({t}<>INT({t}),{t}*{mine}/{total},INT({t}*{mine}/{total})"
                       f"+IF(AND(MOD({t}*{mine},{total})+MOD({t}*{other},{total})>={total},{wins}),1,0))")
            split = split_days(cell[1], activity.start, activity.end)[item.year]
            book.shares.append([activity.id, item.year, name, formula, split,
                                f"{name} of the session {activity.start} to {activity.end} in {item.year}: its "
                                f"{mine} of {total} meeting days, whole {name} by largest remainder"])
            book.splits[key] = (f"shares!$D${len(book.shares) + 1}", split)
        overrides[name] = book.splits[key]
        update[name] = Range.of(book.splits[key][1])
    gate = ",".join(f"{ref}=0" for ref, _ in overrides.values())
    return activity.model_copy(update=update), overrides, f"AND({gate})" if len(overrides) > 1 else gate


def _flags(est: "Estimate", book: _Book) -> dict[tuple[str, str], tuple[str, str]]:
    """Quantity cells whose edit the workbook does not follow in full: (activity, quantity) →
    (``no`` or ``partly``, why, in a delegate's words)."""
    from pbi.costing.engine import COVERED_SOURCES
    from pbi.costing.quantities import feeds
    from pbi.model.periods import meeting_days

    out: dict[tuple[str, str], tuple[str, str]] = {}
    rows = [(str(r[0]), str(r[1])) for r in book.quantities]
    by_id = {a.id: a for _, a in est.spec.activities()}
    for use in est.entitlements:
        activity = by_id.get(use.activity)
        if activity is None or use.up_to_available:
            continue
        draw = use.balance.quantity
        fed = feeds(draw) | {"count"}
        for aid, name in rows:
            if aid != activity.id or name not in fed:
                continue
            if use.funding is None and activity.funding in COVERED_SOURCES:
                out[(aid, name)] = ("partly", f"up to {use.available:,} {draw} (what is left of the allocation); "
                                              "beyond it pbi asks for the funding of the rest and prices nothing "
                                              "(shares, check)")
            elif use.additional == 0 and (activity.id, use.year) not in book.nominal:
                out[(aid, name)] = ("partly", f"up to {use.available:,} {draw} (what is left of the allocation); "
                                              "beyond it pbi prices the rest as additional, which this workbook "
                                              "does not show: check with pbi compare")
    for activity in by_id.values():
        if activity.start is None or activity.end is None or activity.start.year == activity.end.year:
            continue
        priced = {i.year for i in est.items if i.activity == activity.id}
        if set(meeting_days(activity.start, activity.end)) - priced:
            for aid, name in rows:
                if aid == activity.id and name in ("days", "meetings", "dsa_days"):
                    out[(aid, name)] = ("partly", "a year of the session has no meeting day priced now; more "
                                                  "days would be priced in it by pbi, not in this workbook")
    for aid in book.unlinked:
        some = aid in book.linked
        for a, name in rows:
            if a == aid:
                out[(a, name)] = ("partly" if some else "no",
                                  f"{'a line item' if some else 'every line item'} of this activity keeps its "
                                  "quantity as a number (items, linked: no): pbi prices an edit here, this "
                                  "workbook does not follow it")
    return out


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


def _with_additional_shares(est: "Estimate", book: _Book) -> list["LineItem"]:
    """The estimate's line items, and after the covered share of each draw that had nothing
    additional, the line items of its additional share priced for one meeting or page: their
    quantity formulas make them nothing until an edit asks more than the allocation has, as pbi
    then prices them. A draw whose funding is covered too gets none (pbi asks for the funding)."""
    from pbi.costing.engine import COVERED_SOURCES, activity_share, price_activity
    from pbi.costing.estimate import Cell
    from pbi.model.errors import PbiError
    from pbi.model.specs import Range

    items = list(est.items)
    where = {a.id: (ri, ai, r) for ri, r in enumerate(est.spec.requests) for ai, a in enumerate(r.activities)}
    known = {(c.group, c.funding, c.section, c.year) for c in est.cells}
    for use in est.entitlements:
        ri, ai, request = where[use.activity]
        activity = request.activities[ai]
        draw = activity.entitlement
        if (use.up_to_available or use.additional != 0 or use.covered == 0 or draw is None
                or activity.funding in COVERED_SOURCES or book.draws.get((activity.id, use.year)) is None):
            continue
        at = [n for n, i in enumerate(items) if i.activity == activity.id and i.year == use.year and i.part]
        if not at:
            continue
        try:
            new = price_activity(est.spec, est.table, request,
                                 activity_share(activity, draw.quantity, _NOMINAL, est.table, True),
                                 items[at[0]].group, ri, ai, part="additional")
        except PbiError:
            continue
        items[at[-1] + 1:at[-1] + 1] = new
        book.nominal.add((activity.id, use.year))
        for i in new:
            key = (i.group, i.funding, i.section, i.year)
            if key not in known and i.funding not in COVERED_SOURCES:
                known.add(key)
                rule = est.table.rounding_for({m.rate.key for m in new if m.rate and
                                               (m.group, m.funding, m.section, m.year) == key})
                zero = Range.of(0)
                book.cells.append(Cell(i.group, i.funding, i.section, i.year, zero, zero, rule))
    return items


def _item_rows(est: "Estimate", book: _Book) -> None:
    from pbi.export.formats import item_provenance

    activities = {a.id: a for _, a in est.spec.activities()}
    for use in est.entitlements:  # in the order pbi draws: each takes what the ones before it left
        if use.activity in activities:
            _share_rows(est, activities[use.activity], use, book)
    entries = _with_additional_shares(est, book)
    row_of: dict[int, int] = {}
    for n, item in enumerate(entries):
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
            rate = "=" + (_rate_lookup(est, item, activity, book) or _rate_ref(item, [activity.id], book))
            _rate_ref(item, [activity.id], book)  # the rates sheet: each rate used, with its provenance
            product = item.rate.value * item.quantity.low
            factor = item.amount.low / product if product else Decimal(1)
            piece = _piece(est, item, activity, book)
            if piece is not None:
                priced, overrides, gate = piece
                factors = [(name, v.low) for name, v in item.factors]
                if all(name != "count" for name, _ in factors):  # a count of one is no factor, but its cell is
                    factors.append(("count", Decimal(priced.count)))
                parts = [_factor(est, priced, activity.id, name, low, book, overrides) for name, low in factors]
                value = Decimal(1)
                for _, v in parts:
                    value *= v
                if value == item.quantity.low and parts:
                    product_ = "*".join(p for p, _ in parts)
                    quantity = f"=IF({gate},0,{product_})" if gate else f"={product_}"
                    linked = "yes"
            (book.unlinked if linked == "no" else book.linked).add(activity.id)
            amount = f"=J{row}*L{row}*M{row}"
        elif item.type == "surcharge" and item.quantity is not None and item.percent is not None:
            # the items of the same activity, year and share that the surcharge applies to
            same = [m for m, other in enumerate(entries[:n]) if other.type == "rate" and m in row_of
                    and other.activity == item.activity and other.year == item.year and other.part == item.part
                    and other.funding == item.funding]
            if same and sum((entries[m].amount.low for m in same), Decimal(0)) == item.quantity.low:
                quantity = "=" + "+".join(f"N{row_of[m]}" for m in same)
                linked = "yes"
            rate, factor = item.percent / 100, Decimal(1)
            amount = f"=J{row}*L{row}*M{row}"
        elif item.type == "quoted" and activity is not None and (activity.id, "amount") in book.qref:
            amount = "=" + book.qref[(activity.id, "amount")][0]
            linked = "yes"
        book.items.append([*base, quantity, item.unit or "", rate, factor, amount, linked,
                           item_provenance(item)])


def _year_rows(est: "Estimate", book: _Book) -> set[tuple[Any, ...]]:
    """Make the year of each item of an activity with a year cell follow that cell, and return the
    (group, funding, section) of the rounding cells they are in: those get a rounding row for every
    year of the grid, so that an activity moved to 2028 is rounded and totalled in 2028 apart from
    the others, as pbi prices it."""
    moving: set[tuple[Any, ...]] = set()
    for r in book.items:
        cell = book.places.get((str(r[2]), "year"))
        if cell is not None:
            moving.add((r[0], r[5], r[6]))
            r[7] = f"=VALUE(TRIM({cell}))"  # a year pasted as text is matched as the number pbi reads
    return moving


_READ_ME = """\
This workbook costs {symbol} ({title}) as pbi does, with table {table}.

What to edit: the yellow cells of sheet "quantities", column C (days, pages, languages, participants …),
  and the rows location, year and grade (the duty station, the year and the grade an activity is
  priced at: pick one of the list, or a year the table covers). Every other cell is protected
  (Review > Unprotect Sheet lifts it: there is no password).
  Column D keeps the value of the spec: pbi reads back the rows where C differs from D, by activity
  and quantity (rows may be sorted). A row deleted or added, an id changed, or a value the table
  cannot price is refused with the cell it is in: pbi never ignores an edit.
  Excel refuses what pbi would: counts are whole numbers from 1, languages 1 to 6, other quantities
  numbers greater than 0.
What recomputes: sheet "items" (quantity × rate × unit factor, programme support costs; each rate
  looked up in sheet "rate grid" by rate, grade, duty station and year, with its source), sheet
  "shares" (a draw on an entitlement: covered = MIN(requested, available); a session over two years:
  its days in each year), sheet "totals" (each figure rounded by the table's rule, then by funding
  source and year, and the total; a figure whose activities may move to another year has a row for
  each year, at nothing until one does).
What does not: {flagged}
  Rates: sheet "rates" lists the rates the spec uses now; an edit of sheet "rate grid" (unprotected)
  recomputes here, but pbi does not read it back: `pbi compare` refuses the edited workbook and names
  the `--set rates.KEY=VALUE@DATE` that prices the rate. So too the allocation left in sheet "shares"
  (it comes from the entitlements file). A range (600 to 900 pages) is computed at its low end.{half_even}
Get the note of the edited workbook back:
  pbi compare {spec} --scenario {book}
  pbi note {spec} --lang en --scenario {book} -o note.docx
"""


def _read_me(wb: Any, est: "Estimate", book: _Book, bold: Any, name: str) -> None:
    """A first sheet for the delegate: what to edit, what recomputes, what does not, and how to get
    the note of the edited workbook."""
    from pbi.model.specs import source_of

    flagged = [f"{r[0]}.{r[1]} ({r[7]}: {r[8].split('; ')[0]})" for r in book.quantities if r[7] != "yes"]
    half_even = any(c.rounding is not None and c.rounding.mode not in ("half_up", "up", "down")
                    for c in est.cells)
    title = est.spec.title.en if est.spec.title and est.spec.title.en else est.spec.symbol
    text = _READ_ME.format(
        symbol=est.spec.symbol, title=title, table=est.table.id, spec=source_of(est.spec)[0], book=name,
        flagged=("nothing in column C: every quantity cell recomputes in full." if not flagged else
                 "the quantity cells marked in column H (recomputes):\n" + "\n".join(f"  - {f}" for f in flagged)),
        half_even="\n  A total rounded half-even keeps pbi's amount (no worksheet function rounds so)."
        if half_even else "")
    ws = wb.create_sheet("read me")
    ws.append(["pbi workbook"])
    ws["A1"].font = bold
    for line in text.splitlines():
        ws.append([line])
    ws.column_dimensions["A"].width = 110


def _quantity_cells(ws: Any, est: "Estimate", book: _Book, fill: Any) -> None:
    """The editable cells: fill, number format, data validation (Excel refuses what pbi would),
    and a comment on each cell whose edit the workbook does not follow in full."""
    from openpyxl.comments import Comment
    from openpyxl.worksheet.cell_range import MultiCellRange
    from openpyxl.worksheet.datavalidation import DataValidation

    from pbi.costing.scenario import WHOLE_QUANTITIES
    from pbi.model.specs import MAX_AMOUNT, MAX_QUANTITY

    checks: dict[tuple[str, ...], Any] = {}
    cells: dict[int, list[str]] = {}  # the cells of each validation, given to it at once: openpyxl's
    # add() looks through the cells it has for each new one (2,000 activities took over a minute)

    def check(kind: Literal["whole", "decimal"], low: Any, high: Any, message: str) -> Any:
        key = (kind, str(low), str(high))
        if key not in checks:
            dv = DataValidation(type=kind, operator="between", formula1=str(low), formula2=str(high),
                                allow_blank=False, showErrorMessage=True, errorTitle="pbi", error=message)
            ws.add_data_validation(dv)
            checks[key] = dv
        return checks[key]

    from pbi.costing.scenario import duty_stations
    from pbi.model.specs import GRADES

    def pick(name: str, values: list[str]) -> Any:
        key = ("list", name)
        if key not in checks:
            dv = DataValidation(type="list", formula1=_text(",".join(values)), allow_blank=False,
                                showErrorMessage=True, errorTitle="pbi",
                                error=f"{name}: one of {', '.join(values)}")
            ws.add_data_validation(dv)
            checks[key] = dv
        return checks[key]

    years = _years(est)
    grades = [g for g in GRADES if any(f"staff.{g}" == k for k in est.table.rates)]
    for r, values in enumerate(book.quantities, start=2):
        cell = ws[f"C{r}"]
        cell.fill = fill
        if values[1] in PLACE_ROWS:
            if values[1] == "location":
                dv = pick("location", list(duty_stations(est.table)))
            elif values[1] == "grade":
                dv = pick("grade", grades or list(GRADES))
            else:
                dv = check("whole", years[0], years[-1], f"year: a year from {years[0]} to {years[-1]} (the "
                           f"years table {est.table.id} covers)")
            cells.setdefault(id(dv), []).append(cell.coordinate)
            continue
        name, value, kind = str(values[1]), _d(values[2]), str(values[6])
        whole = name in WHOLE_QUANTITIES and value == value.to_integral_value()
        if name == "languages":
            dv = check("whole", 1, 6, "languages: a whole number from 1 to 6 (the official languages)")
        elif name == "count":
            dv = check("whole", 1, 1000, "count: a whole number from 1 to 1000")
        elif name == "amount":
            limit = MAX_AMOUNT.get(kind, MAX_AMOUNT["lump_sum"])
            dv = check("decimal", "0.01", limit, f"amount: a number of dollars greater than 0, at most {limit:,}")
        elif whole:
            dv = check("whole", 1, MAX_QUANTITY, f"a whole number from 1 to {MAX_QUANTITY:,}")
        else:
            dv = check("decimal", "0.001", MAX_QUANTITY, f"a number greater than 0, at most {MAX_QUANTITY:,}")
        cells.setdefault(id(dv), []).append(cell.coordinate)
        fmt = _USD if name == "amount" else "#,##0" if whole else "General"
        cell.number_format = ws[f"D{r}"].number_format = fmt
        if values[7] != "yes":
            cell.comment = Comment(f"pbi: this cell recomputes {values[7] == 'partly' and 'in part' or 'nothing'}"
                                   f" here. {str(values[8]).split('; ')[0]}.", "pbi", width=300, height=120)
    for dv in checks.values():
        dv.sqref = MultiCellRange(" ".join(cells.get(id(dv), ())))


def write_workbook(est: "Estimate", path: Path | str) -> Path:
    """Write the live workbook of ``est`` to ``path`` (``.xlsx``), atomically."""
    from pbi.export.formats import need, save_workbook

    openpyxl = need("openpyxl", "xlsx")
    from openpyxl.styles import Font, PatternFill

    book = _Book()
    _quantity_rows(est, book)
    _item_rows(est, book)
    moving = _year_rows(est, book)
    flags = _flags(est, book)
    for values in book.quantities:
        status, why = flags.get((str(values[0]), str(values[1])), ("yes", ""))
        values[7] = status
        values[8] = "; ".join(filter(None, [why, values[8]]))
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

    _read_me(wb, est, book, bold, Path(path).name)
    ws = sheet(QUANTITY_SHEET, ["activity", "quantity", "value (edit me)", "as in the spec", "request",
                                "figure", "kind", "recomputes", "note"], book.quantities,
               widths={"A": 26, "B": 14, "C": 16, "D": 14, "H": 12, "I": 60})
    _quantity_cells(ws, est, book, fill)
    if book.shares:
        sheet("shares", HEADERS["shares"], book.shares,
              widths={"A": 26, "C": 30, "D": 14, "E": 14, "F": 80})
    sheet("rates", HEADERS["rates"], book.rates, money=("D",), widths={"A": 34, "D": 14, "E": 24, "G": 80, "H": 40})
    if book.grid:
        grid = sheet(GRID_SHEET, HEADERS[GRID_SHEET], book.grid, widths={"A": 44, "B": 14, "C": 110, "D": 40})
        grid.column_dimensions["D"].hidden = True  # what the lookups match: the label, folded
    sheet("items", HEADERS["items"], book.items, money=("N",), widths={"A": 10, "C": 26, "E": 34, "N": 16, "P": 80})
    sheet("totals", HEADERS["totals"], _total_rows(est, book, moving), money=("E", "G", "H"),
          widths={"A": 40, "E": 16, "G": 16, "H": 16})
    _protect(wb)
    from openpyxl.packaging.custom import IntProperty

    wb.custom_doc_props.append(IntProperty(name=FORMAT_PROPERTY, value=WORKBOOK_FORMAT))
    return save_workbook(wb, path, made_from=(est,))


#: the header of each sheet :func:`write_workbook` writes but the quantities and read me: a sheet a
#: delegate renamed is found by it
HEADERS = {
    "shares": ["activity", "year", "quantity", "value", "computed by pbi", "note"],
    "rates": ["rate", "effective from", "duty station", "value", "unit", "table", "reference", "used by"],
    GRID_SHEET: ["rate|duty station|year", "value", "source", "lookup key"],
    "items": ["group", "request", "activity", "type", "rate key", "funding", "section", "year", "covered",
              "quantity", "unit", "rate", "unit factor", "amount", "linked", "provenance"],
    "totals": ["figure/request", "funding", "section", "year", "sum of items", "rounding step", "amount",
               "computed by pbi", "rounding"],
}


def _total_rows(est: "Estimate", book: _Book, moving: set[tuple[Any, ...]]) -> list[list[Any]]:
    """The rows of the totals sheet: one per rounding cell (its items summed, then rounded by the
    table's rule) and, for a figure with an activity whose year may change, one per year of the grid
    (nothing until an edit moves an activity there); totals by funding source and year; the total."""
    from pbi.costing.engine import COVERED_SOURCES
    from pbi.export.text import funding_label

    n_items = len(book.items) + 1
    rows: list[list[Any]] = []
    cells = [c for c in (*est.cells, *book.cells) if c.funding not in COVERED_SOURCES]
    years = list(_years(est))
    keyed: dict[tuple[Any, ...], tuple["Cell", Decimal]] = {}
    for c in cells:  # each cell, then the other years of its figure, at nothing for now
        keyed[(c.group, c.funding, c.section or _NONE, c.year)] = (c, c.rounded.low)
    for c in cells:
        if (c.group, c.funding, c.section or _NONE) in moving:
            for year in years:
                keyed.setdefault((c.group, c.funding, c.section or _NONE, year), (c, Decimal(0)))

    def col(letter: str) -> str:
        return f"items!${letter}$2:${letter}${n_items}"

    for k, ((group, funding, section, year), (c, computed)) in enumerate(keyed.items()):
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
            rounded = computed
        rows.append([group, funding, section, year, sumifs, step, rounded, computed,
                     f"{c.rounding.mode.replace('_', '-')}" if c.rounding else "none"])
    last = len(rows) + 1

    rows.append([])
    totals = {key: value.low for key, value in est.totals().items()}
    for c in book.cells:  # a share pbi prices nothing for now: its funding and year, at 0
        totals.setdefault((c.funding, c.year), Decimal(0))
    for _, funding, _, year in keyed:  # a year an edit may move an activity to
        totals.setdefault((funding, year), Decimal(0))
    for funding, year in totals:
        r = len(rows) + 2
        rows.append([f"{funding_label(funding)}, {year}", funding, "", year, "", "",
                     f"=SUMIFS($G$2:$G${last},$B$2:$B${last},B{r},$D$2:$D${last},D{r})",
                     totals[(funding, year)], ""])
    rows.append(["total", "", "", "", "", "", f"=SUM($G$2:$G${last})" if cells else 0, est.total.low, ""])
    return rows


def _protect(wb: Any) -> None:
    """Protect every sheet but the rate grid (no password: Review > Unprotect Sheet lifts it); the
    quantity cells (column C of the quantities sheet) stay editable. Columns and rows may still be
    resized."""
    from openpyxl.styles import Protection

    editable = Protection(locked=False)
    for ws in wb.worksheets:
        if ws.title == GRID_SHEET:
            continue
        ws.protection.sheet = True
        ws.protection.formatColumns = ws.protection.formatRows = False
        if ws.title == QUANTITY_SHEET:
            for (cell,) in ws.iter_rows(min_row=2, min_col=3, max_col=3):
                cell.protection = editable


#: the values Excel writes in a cell whose formula fails
_EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!",
                 "#GETTING_DATA")
#: how the file of an Excel 97-2003 workbook (.xls, an OLE2 compound document) begins
_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")


def _sheet(wb: Any, name: str) -> str | None:
    """The sheet of ``wb`` called ``name`` (case-insensitive, as in Excel) or, renamed by a delegate,
    the sheet with its header."""
    from pbi.export.edited import find_sheet

    return find_sheet(wb, name, HEADERS.get(name, ()), taken=[*_SHEETS, *HEADERS])


def _expected(est: "Estimate") -> _Book:
    """The rows pbi writes for ``est``: quantities, rates, rate grid and shares."""
    book = _Book()
    _quantity_rows(est, book)
    _item_rows(est, book)
    book.totals = _total_rows(est, book, _year_rows(est, book))
    return book


#: the custom document property that says which layout of formulas wrote a workbook: 2 since
#: workbook round 4 (a workbook without it was written by an earlier pbi, whose formulas differ)
FORMAT_PROPERTY, WORKBOOK_FORMAT = "pbi workbook format", 2


def _format_of(wb: Any) -> int:
    """The layout of formulas that wrote ``wb`` (:data:`WORKBOOK_FORMAT`; 1 without the property)."""
    try:
        props = list(getattr(wb, "custom_doc_props", None) or ())
    except Exception:  # a malformed docProps/custom.xml: as an earlier pbi's  # pragma: no cover
        return 1
    value = next((p.value for p in props if getattr(p, "name", None) == FORMAT_PROPERTY), 1)
    return value if isinstance(value, int) else 1


def _check_items(wb: Any, book: _Book, file: str) -> None:
    """InputError at the first cell of the items or totals sheet that is not what pbi wrote (the
    sheet's protection lifted: a formula replaced by a number or another formula, a section or year
    typed over): pbi prices line items from the quantities sheet and its table, and totals them as its
    table rounds. A sheet whose formulas a formula engine turned into values is not checked."""
    from pbi.export.edited import check_computed

    exact = _format_of(wb) == WORKBOOK_FORMAT
    name = _sheet(wb, "items")
    if name is not None:
        check_computed(wb, name, book.items, file, "pbi prices line items from the quantities sheet and its "
                       "table, not from this sheet (undo it, and edit the quantities)", exact=exact,
                       skip=(HEADERS["items"].index("provenance"),))
    name = _sheet(wb, "totals")
    if name is not None and book.totals:
        check_computed(wb, name, book.totals, file, "pbi totals the line items it prices from the quantities "
                       "sheet and its table, rounded by the table's rule, not this sheet (undo it, and edit the "
                       "quantities)", exact=exact)


def _check_table(wb: Any, book: _Book, table: str, file: str) -> None:
    """InputError if the rates sheet names a table other than the one pbi prices with now."""
    name = _sheet(wb, "rates")
    if name is None:
        return
    tables = {table, *(str(r[5]) for r in book.rates)}
    for n, row in enumerate(wb[name].iter_rows(min_row=2, min_col=6, max_col=6, values_only=True), start=2):
        written = str(row[0]).strip() if row and row[0] else ""
        if written and written not in tables:
            raise InputError(f"the workbook was written with table {written}, not {table} (give --table {written}, "
                             "or write the workbook again)", file=file, line=n, field=_ref(name, f"F{n}"))


def _check_rates(wb: Any, book: _Book, table: str, file: str) -> None:
    """InputError at the first rate (rates, rate grid) or allocation (shares) that is not the one
    pbi prices with: pbi prices rates from table ``table`` and allocations from the entitlements
    file, never from the workbook, and says so rather than ignore the edit."""
    name = _sheet(wb, "rates")
    if name is not None:
        want = {(str(r[0]), str(r[1]), str(r[2])): r[3] for r in book.rates}
        for n, row in enumerate(wb[name].iter_rows(min_row=2, max_col=4, values_only=True), start=2):
            key = tuple("" if v is None else str(v) for v in (*row, None, None, None)[:3])
            if key in want and not _same_number(row[3], want[key]):
                raise InputError(f"{key[0]}{' at ' + key[2] if key[2] else ''} from {key[1]}: the workbook has "
                                 f"{_shown(row[3])}, table {table} {_shown(want[key])}: pbi prices rates from its "
                                 f"table, not from the workbook (to price this rate: `--set rates.{key[0]}="
                                 f"{_shown(row[3])}@{key[1]}`, every duty station from that date on)", file=file,
                                 line=n, field=_ref(name, f"D{n}"))
    name = _sheet(wb, GRID_SHEET)
    if name is not None:
        grid = {str(r[0]): r[1] for r in book.grid}
        keys = {str(r[0]): r[3] for r in book.grid}
        for n, row in enumerate(wb[name].iter_rows(min_row=2, max_col=4, values_only=True), start=2):
            label = str(row[0]) if row and row[0] is not None else ""
            if label in keys and len(row) > 3 and row[3] is not None and not _same(row[3], keys[label]):
                raise InputError(f"{label}: the lookup key is {_shown(row[3])!r}, pbi wrote {keys[label]!r}: the "
                                 "items look their rates up by it (undo the edit)", file=file, line=n,
                                 field=_ref(name, f"D{n}"))
            if label in grid and not _same_number(row[1], grid[label]):
                parts = label.split("|")
                hint = (f" (to price it: `--set rates.{parts[0]}={_shown(row[1])}@{parts[2]}-01-01`, every duty "
                        "station from that year on)" if len(parts) == 3 else "")
                raise InputError(f"{label}: the workbook has {_shown(row[1])}, table {table} {_shown(grid[label])}: "
                                 "an edit of the rate grid recomputes in the workbook, but pbi prices rates from its "
                                 "table" + hint, file=file, line=n, field=_ref(name, f"B{n}"))
    name = _sheet(wb, "shares")
    if name is not None:
        fixed = {(str(r[0]), str(r[1]), str(r[2])): r[3] for r in book.shares
                 if not (isinstance(r[3], str) and r[3].startswith("="))}
        for n, row in enumerate(wb[name].iter_rows(min_row=2, max_col=4, values_only=True), start=2):
            at = tuple("" if v is None else str(v) for v in (*row, None, None, None)[:3])
            if at in fixed and not _same_number(row[3], fixed[at]):
                raise InputError(f"{at[0]} {at[1]}, {at[2]}: the workbook has {_shown(row[3])}, the entitlements "
                                 f"file {_shown(fixed[at])}: pbi reads the allocation from that file (edit it there; "
                                 "if it changed, write the workbook again)", file=file, line=n,
                                 field=_ref(name, f"D{n}"))


def read_workbook_scenario(path: Path | str, estimate: "Estimate | None" = None) -> "Scenario":
    """The quantities edited in a workbook written by :func:`write_workbook`, as a scenario:
    ``{"ACTIVITY.QUANTITY": value}`` for every row whose value differs from the spec's.

    With ``estimate`` (the spec and table the workbook was written from), the workbook is checked
    against them: a deleted row, an activity or quantity the spec does not have, a changed column D,
    an edited rate or allocation, or a value the spec and table cannot take (a duty station the table
    does not price, a year outside the rate grid) is an InputError naming the sheet and cell, never
    ignored. Rows are read by activity and quantity, in any order."""
    from pbi.export.formats import need

    openpyxl = need("openpyxl", "xlsx")
    p = Path(path)
    file = str(p)
    data = read_bytes(p, limit=MAX_WORKBOOK_BYTES)  # a regular file, size-checked, noted as an input
    if data.startswith(_OLE2):
        raise InputError("an Excel 97-2003 workbook (.xls) under an .xlsx name: pbi writes and reads .xlsx "
                         "(open it and save it as Excel Workbook, or write it again with `pbi workbook`)", file=file)
    check_unzipped_size(data, limit=MAX_WORKBOOK_UNZIPPED, file=p, what="the workbook",
                        unreadable="not an Excel workbook", beyond="not a workbook written by pbi")
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=False, read_only=True)
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot read the workbook ({type(exc).__name__}: {exc})", file=file) from None
    except Exception as exc:  # zipfile.BadZipFile and other openpyxl failures: not a workbook
        raise InputError(f"not an Excel workbook ({type(exc).__name__})", file=file) from None
    try:
        return _read_scenario(wb, data, file, estimate, openpyxl)
    except (ValueError, IndexError, KeyError, TypeError) as exc:  # openpyxl reading a sheet lazily
        raise InputError(f"a cell of the workbook cannot be read ({type(exc).__name__}: {str(exc)[:80]}): not a "
                         "workbook a spreadsheet saved (open and save it in Excel or LibreOffice, or write it "
                         "again with `pbi workbook`)", file=file) from None
    finally:
        wb.close()


def _check_sheets(wb: Any, book: _Book, file: str) -> None:
    """InputError naming the first sheet of pbi's that formulas pbi wrote refer to and that the
    workbook has not (deleted: Excel then shows #REF! in each of them, and the workbook's totals are
    not pbi's). A sheet nothing refers to (the totals, a rates sheet only listed) may go."""
    formulas = [v for rows in (book.items, book.totals, book.shares, book.quantities, book.grid) for row in rows
                for v in row if isinstance(v, str) and v.startswith("=")]
    for name in ("rates", GRID_SHEET, "shares", "items"):
        if _sheet(wb, name) is not None:
            continue
        prefix = _ref(name, "")
        using = next((f for f in formulas if prefix in f), None)
        if using is not None:
            raise InputError(f"sheet {name!r} is missing (the sheets: {', '.join(wb.sheetnames)}): pbi's formulas "
                             f"refer to it (such as {using[:60]}) and show #REF! without it, so pbi does not read the "
                             "workbook (undo the deletion, or write it again with `pbi workbook`)", file=file)


#: the header of the quantities sheet, as :func:`write_workbook` writes it (the first four columns)
_QUANTITY_HEADER = ("activity", "quantity", "value (edit me)", "as in the spec")
#: how many header cells are searched for them (a delegate may insert a column of notes)
_HEADER_COLS = 30
#: the sheets :func:`write_workbook` writes
_SHEETS = ("read me", QUANTITY_SHEET, "shares", "rates", GRID_SHEET, "items", "totals")


def _column(index: int) -> str:
    """The letter of the column at ``index`` (0 is A)."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _check_copies(wb: Any, sheet_name: str, file: str) -> None:
    """InputError for a second sheet of quantities (a copy a delegate edited): pbi reads one."""
    for other in wb.sheetnames:
        if other == sheet_name or other.casefold() in _SHEETS:
            continue
        first = next(wb[other].iter_rows(min_row=1, max_row=1, max_col=2, values_only=True), ())
        if [str(h).strip().casefold() for h in (*first, "", "")[:2]] == ["activity", "quantity"]:
            raise InputError(f"sheet {other!r} is a second sheet of quantities: pbi reads only {sheet_name!r} (edit that "
                             "one; for two variants, two workbooks)", file=file, field=_ref(other, "A1"))


def _canonical(estimate: "Estimate | None", name: str, value: str) -> str:
    """A duty station or grade as the table and pbi spell it (``geneva`` is Geneva), else as typed."""
    from pbi.costing.scenario import duty_stations
    from pbi.model.specs import GRADES

    names = (duty_stations(estimate.table) if estimate is not None else ()) if name == "location" else GRADES
    return next((n for n in names if n.casefold() == value.casefold()), value)


def _unpriced_grade(estimate: "Estimate | None", aid: str, grade: str) -> str | None:
    """Why the table cannot price activity ``aid`` at ``grade`` (a rate by grade it has no value of:
    ``GS-OL`` where the table prices ``GS (Other level)``), or None."""
    from pbi.model.specs import GRADES, grade_of

    if estimate is None:
        return None
    activity = next((a for _, a in estimate.spec.activities() if a.id == aid), None)
    kind = estimate.table.activities.get(activity.kind) if activity is not None else None
    if kind is None:
        return None
    grade = grade_of(grade)
    for template in (c.rate for c in kind.components if "{grade}" in c.rate):
        if grade in GRADES and template.replace("{grade}", grade) not in estimate.table.rates:
            priced = [g for g in GRADES if template.replace("{grade}", g) in estimate.table.rates]
            return (f"table {estimate.table.id} has no rate {template.replace('{grade}', grade)!r} (it prices "
                    f"{template} at {', '.join(priced)}, as the cell's list says)")
    return None


def _read_scenario(wb: Any, data: bytes, file: str, estimate: "Estimate | None", openpyxl: Any) -> "Scenario":
    """The scenario of the quantities sheet of ``wb`` (see :func:`read_workbook_scenario`)."""
    from pbi.costing.scenario import Scenario
    from pbi.export.edited import formula_text, unreadable_number
    from pbi.model.errors import PbiError

    sheet_name = _sheet(wb, QUANTITY_SHEET)
    if sheet_name is None:
        raise InputError(f"no sheet {QUANTITY_SHEET!r} (the sheets: {', '.join(wb.sheetnames)}): pbi reads the edits "
                         f"from sheet {QUANTITY_SHEET!r} of the workbook `pbi workbook SPEC -o FILE.xlsx` writes",
                         file=file)
    ws = wb[sheet_name]
    header = next(ws.iter_rows(min_row=1, max_row=1, max_col=_HEADER_COLS, values_only=True), ())
    titles = [str(h).strip().casefold() if h is not None else "" for h in header]
    if titles[:2] != ["activity", "quantity"]:
        raise InputError(f"the header is {', '.join(str(h) for h in header if h is not None) or 'empty'}, not pbi's "
                         f"({', '.join(_QUANTITY_HEADER)}): not a workbook `pbi workbook` wrote", file=file, line=1,
                         field=_ref(sheet_name, "A1"))
    missing_titles = [t for t in _QUANTITY_HEADER[2:] if t not in titles]
    if missing_titles:
        raise InputError(f"no column {missing_titles[0]!r} (the header is {', '.join(str(h) for h in header if h)}): "
                         "a column of pbi's was deleted or renamed (undo it, or write the workbook again)", file=file,
                         line=1, field=_ref(sheet_name, "1:1"))
    at_value, at_spec = titles.index(_QUANTITY_HEADER[2]), titles.index(_QUANTITY_HEADER[3])
    value_col, spec_col = _column(at_value), _column(at_spec)
    _check_copies(wb, sheet_name, file)
    book = _expected(estimate) if estimate is not None else None
    if book is not None:
        _check_sheets(wb, book, file)
    if book is not None and estimate is not None:
        _check_table(wb, book, estimate.table.id, file)
    want = {(str(r[0]), str(r[1])): r[2] for r in book.quantities} if book is not None else {}
    activities = list(dict.fromkeys(a for a, _ in want))
    edits: dict[str, Any] = {}
    lines: dict[str, int] = {}
    cells: dict[str, str] = {}  # path → its cell, to name it in an error of the scenario
    seen: dict[str, int] = {}  # every row's quantity, changed or not: one row each
    cached: dict[int, Any] | None = None  # the values Excel or LibreOffice saved for the value column, by row

    def fail(message: str, n: int, col: str | None = None) -> InputError:
        return InputError(message, file=file, line=n, field=_ref(sheet_name, f"{col or value_col}{n}"))

    # the columns that place a row (request, figure, kind): pbi's, as the spec says, not edits
    placing = {k: titles.index(t) for k, t in ((4, "request"), (5, "figure"), (6, "kind")) if t in titles}
    width = max(at_value, at_spec, *placing.values()) + 1
    expected = {(str(r[0]), str(r[1])): r for r in book.quantities} if book is not None else {}
    part = str(getattr(ws, "_worksheet_path", "") or "")  # the sheet's XML in the file (openpyxl's read-only sheet)

    def odd_number(n: int) -> InputError | None:
        """The error of a cell of row ``n`` whose number no spreadsheet writes (inf, nan: openpyxl reads
        it as empty, or fails), or None."""
        bad = unreadable_number(data, part, n) if part else None
        if bad is None:
            return None
        cell, held = bad
        what = f"the number {held[:40]!r}" if held else "no number"
        return InputError(f"the cell is a number cell holding {what}, which no spreadsheet writes (inf, nan or a "
                          "value Excel cannot hold, written by another program): type the number", file=file, line=n,
                          field=_ref(sheet_name, cell))

    def rows() -> Iterable[Any]:
        """The rows of the sheet from row 2; a row openpyxl cannot read is an InputError naming it."""
        it = iter(ws.iter_rows(min_row=2, max_col=width))
        n = 2
        while True:
            try:
                row = next(it)
            except StopIteration:
                return
            except (ValueError, IndexError, KeyError, TypeError) as exc:
                raise odd_number(n) or fail(f"row {n} cannot be read ({type(exc).__name__}: {str(exc)[:80]}): a cell "
                                            "holds what no spreadsheet writes (type it again in Excel or LibreOffice)",
                                            n, "A") from None
            yield row
            n += 1

    for n, cells_of_row in enumerate(rows(), start=2):
        if n > MAX_QUANTITY_ROWS + 1:
            raise fail(f"more than {MAX_QUANTITY_ROWS:,} rows in the quantities sheet (pbi writes a few per "
                       "activity)", n, "A")
        row = tuple(formula_text(getattr(c, "value", None)) for c in (*cells_of_row, *([None] * width))[:width])
        number_format = str(getattr(cells_of_row[at_value], "number_format", "") or "") if len(
            cells_of_row) > at_value else ""
        if row[0] is None or not str(row[0]).strip():
            if row[1] is not None or row[at_value] is not None:
                raise fail(f"the activity cell is empty (the row has {row[1]!s}: {row[at_value]!s}): every row of "
                           "pbi's names its activity (undo the edit)", n, "A")
            continue
        activity, name, value, baseline = row[0], row[1], row[at_value], row[at_spec]
        activity, name = str(activity).strip(), str(name).strip()
        key = f"{activity}.{name}"
        if key in seen:
            raise fail(f"{key} is also in row {seen[key]}: one row a quantity", n, "A")
        seen[key] = n
        if book is not None and (activity, name) not in want:
            if activity not in activities:
                raise fail(f"unknown activity {activity!r}: {estimate.spec.symbol if estimate else 'the spec'} has "
                           f"{', '.join(activities)} (a row or activity cannot be added in the workbook: add it to "
                           "the spec)", n, "A")
            has = [q for a, q in want if a == activity]
            raise fail(f"{activity} has no row {name!r} (its rows: {', '.join(has)}; a quantity cannot be added in "
                       "the workbook: add it to the spec)", n, "B")
        for k, at in placing.items():
            if expected and not _same(row[at], expected[(activity, name)][k]):
                title = ("request", "figure", "kind")[k - 4]
                raise fail(f"{key}: the {title} cell holds {_shown(row[at])!r} but the spec says "
                           f"{_shown(expected[(activity, name)][k])!r}: pbi reads which {title} an activity is from "
                           f"the spec, not the workbook (undo it; to move the activity, edit the spec)", n,
                           _column(at))
        if isinstance(value, str) and value.startswith("="):
            if cached is None:
                try:
                    saved = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=True)
                    cached = {i: r[at_value] if len(r) > at_value else None for i, r in
                              enumerate(saved[sheet_name].iter_rows(min_row=1, max_row=MAX_QUANTITY_ROWS + 1,
                                                                     max_col=at_value + 1, values_only=True),
                                        start=1)}
                    saved.close()
                except (ValueError, TypeError, KeyError) as exc:
                    raise fail(f"{key}: the values the spreadsheet saved for its formulas cannot be read "
                               f"({type(exc).__name__}: {str(exc)[:80]}): type the number, or save the workbook "
                               "again in Excel or LibreOffice", n) from None
            computed = cached.get(n)
            if isinstance(computed, str) and computed.strip() in _EXCEL_ERRORS:
                raise fail(f"{key}: the formula {value} computes {computed.strip()} (type a number, or a formula "
                           "that computes one)", n)
            if computed is not None and not isinstance(computed, bool):
                value = computed  # a formula typed by the delegate, as the spreadsheet computed it
            else:
                raise fail(f"{key}: a formula without a computed value (open and save the workbook in Excel or "
                           "LibreOffice, or type the number)", n)
        if isinstance(value, str) and value.strip() in _EXCEL_ERRORS:
            raise fail(f"{key}: the cell holds the error {value.strip()} (type a number)", n)
        if value is None:
            odd = odd_number(n)
            if odd is not None and odd.field == _ref(sheet_name, f"{value_col}{n}"):
                raise InputError(f"{key}: {odd.message}", file=file, line=n, field=odd.field)
            what = {"location": "duty station", "grade": "grade", "year": "year"}.get(name, "number")
            raise fail(f"{key}: the value is empty (type the {what}; the spec states "
                       f"{_shown(want.get((activity, name), baseline))})", n)
        if book is not None and not _same(baseline, want[(activity, name)]):
            raise fail(f"{key}: column {spec_col} holds {_shown(baseline)} but the spec states "
                       f"{_shown(want[(activity, name)])}: the workbook was written from another version of the spec, "
                       f"or column {spec_col} was edited (edit column {value_col}; write the workbook again with `pbi "
                       "workbook`)", n, spec_col)
        if book is not None:
            baseline = want[(activity, name)]
        cells[key] = _ref(sheet_name, f"{value_col}{n}")
        if name in ("location", "grade"):
            if not isinstance(value, str) or not value.strip():
                raise fail(f"{key}: expected a {'duty station' if name == 'location' else 'grade'} (got {value!r})", n)
            value = _canonical(estimate, name, value.strip())
            if value != str(baseline).strip():
                unpriced = _unpriced_grade(estimate, activity, value) if name == "grade" else None
                if unpriced:
                    raise fail(f"{key}: {unpriced}", n)
                edits[key] = value
                lines[f"set.{key}"] = n
            continue
        try:
            number = _cell_number(value)
        except ValueError as err:
            raise fail(f"{key}: {err}", n) from None
        if "%" in number_format.replace('"%"', "").replace("\\%", "") and not _same_number(value, baseline):
            raise fail(f"{key}: {_shown(value)} in a cell formatted as a percentage (it shows "
                       f"{_shown(float(number * 100))}%): Excel stores 50% as 0.5; {name} is a number, not a share (format "
                       f"the cell as Number and type the {name})", n)
        try:
            changed = number != _cell_number(baseline)
        except ValueError:
            raise fail(f"{key}: column {spec_col} holds {baseline!r}, not the spec's value that pbi wrote there (write "
                       "the workbook again with `pbi workbook`)", n, spec_col) from None
        if name == "year" and changed and estimate is not None and int(number) not in _years(estimate):
            years = _years(estimate)
            raise fail(f"{key}: {_shown(value)} is not a year of the rate grid ({years[0]} to {years[-1]}, as the "
                       f"cell's validation says; `pbi compare --set {key}=…` prices any year table "
                       f"{estimate.table.id} covers)", n)
        if changed:
            edits[key] = str(int(number)) if number == number.to_integral_value() else str(number)
            lines[f"set.{key}"] = n
    if book is not None:
        missing = [k for k in want if f"{k[0]}.{k[1]}" not in seen]
        if missing:
            aid = missing[0][0]
            gone = [q for a, q in missing if a == aid]
            every = [q for a, q in want if a == aid]
            what = (f"the rows of activity {aid} ({', '.join(gone)}) are missing" if gone == every else
                    f"the row of {aid}.{gone[0]} is missing")
            raise InputError(f"{what}: pbi cannot tell a deleted row from an unchanged one (undo the deletion; an "
                             "activity is removed from the spec, not the workbook)", file=file,
                             field=_ref(sheet_name, "A:B"))
        _check_rates(wb, book, estimate.table.id if estimate is not None else "", file)
        _check_items(wb, book, file)
    try:
        scenario = Scenario.from_dict({"name": f"workbook {Path(file).name}", "set": edits}, file=file, lines=lines)
        if estimate is not None:
            scenario.apply(estimate.spec, estimate.table)
    except PbiError as err:
        where = cells.get(str(err.field))
        if where is None:
            raise
        raise InputError(f"{err.field}: {err.message}", file=file, line=err.line, field=where) from None
    return scenario
