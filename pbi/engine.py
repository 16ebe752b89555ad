"""spec + table → Estimate.

Each activity is priced by the components of its kind in the cost table: rate × the product of the
quantities the component names. pint checks, once per combination of units, that the product is
money; the amounts themselves are Decimal. Surcharges (programme support costs) follow per funding
source; each cell (figure or request × funding × section × year) is rounded once, by the table's
rule, and the rounding is a line item of its own, so that every total is the exact sum of its items.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from .errors import PbiError, RateLookupError, SpecError, UnitError
from .estimate import ZERO, Cell, Estimate, FigureResult, LineItem
from .specs import Activity, Range, Request, Spec, source_of
from .tables import QUANTITY_UNITS, Table
from .units import MEETINGS_PER_DAY, Q, parse_unit, to_usd

__all__ = ["cost", "COVERED_SOURCES"]

#: funding that existing resources cover: priced for information, never additional
COVERED_SOURCES = frozenset({"entitlement", "existing_resources"})


@lru_cache(maxsize=1024)
def _unit_factor(rate_unit: str, per: tuple[str, ...]) -> Decimal:
    """The factor that turns rate × quantities into USD; UnitError if they do not fit."""
    product = Q(Decimal(1), parse_unit(rate_unit))
    for name in per:
        product = product * Q(Decimal(1), parse_unit(QUANTITY_UNITS[name]))
    return to_usd(product, what=f"{rate_unit} × {' × '.join(per)}")


def _plain(value: Range) -> str:
    return str(value) if value.is_range else f"{value.low:,}"


def _where(spec: Spec, ri: int, ai: int, field: str | None = None) -> dict[str, object]:
    file, lines = source_of(spec)
    path = f"requests[{ri}].activities[{ai}]" + (f".{field}" if field else "")
    line = lines.get(path) or lines.get(f"requests[{ri}].activities[{ai}]")
    return {"file": file, "line": line, "field": path}


def _value(activity: Activity, name: str, table: Table, defaults: dict[str, int]) -> Range | None:
    value = activity.quantity(name)
    if value is None and name in ("pages", "words"):
        other = activity.quantity("words" if name == "pages" else "pages")
        if other is not None:
            if not table.words_per_page:
                raise RateLookupError(f"table {table.id!r} prices by {name} but declares no words_per_page")
            wpp = Decimal(table.words_per_page)
            value = other.map(lambda v: v / wpp) if name == "pages" else other.map(lambda v: v * wpp)
    if value is None and name == "meetings" and activity.days is not None:
        value = activity.days.map(lambda d: d * MEETINGS_PER_DAY)
    if value is None and name in defaults:
        value = Range.of(defaults[name])
    return value


def _price(spec: Spec, table: Table, request: Request, activity: Activity, group: str,
           ri: int, ai: int) -> list[LineItem]:
    covered = activity.funding in COVERED_SOURCES
    common = dict(request=request.id, activity=activity.id, group=group, funding=activity.funding,
                  year=activity.year, section=activity.section, covered=covered)
    if activity.kind == "lump_sum":
        assert activity.amount is not None
        return [LineItem(type="quoted", amount=activity.amount, note="amount quoted in the note", **common)]
    if table.valid_to and dt.date(activity.year, 1, 1) > table.valid_to:
        raise RateLookupError(f"table {table.id!r} covers up to {table.valid_to}; the activity is in "
                              f"{activity.year} (use a table for that year)", **_where(spec, ri, ai, "year"))
    on = spec.priced_on or dt.date(activity.year, 1, 1)
    try:
        kind = table.kind(activity.kind)
    except PbiError as err:
        raise err.located(**_where(spec, ri, ai, "kind")) from None
    items: list[LineItem] = []
    subtotal = ZERO
    flags = {"interpretation": activity.interpretation}
    for comp in kind.components:
        if any(flags.get(flag) is not None and flags.get(flag) != want or
               (flags.get(flag) is None and want) for flag, want in comp.when.items()):
            continue
        key = comp.rate.format(grade=activity.grade or "", location=activity.location or "")
        try:
            rate = table.rate(key, on, station=activity.location)
        except PbiError as err:
            raise err.located(**_where(spec, ri, ai)) from None
        factors: list[tuple[str, Range]] = []
        for name in comp.per:
            value = _value(activity, name, table, kind.defaults)
            if value is None:
                raise SpecError(f"a {activity.kind} activity needs {name!r} (rate {key} is per {name})",
                                **_where(spec, ri, ai, name))
            if name == "meetings" and activity.meetings is None and activity.days is not None:
                name = f"meetings ({_plain(activity.days)} meeting days)"
            factors.append((name, value))
        if activity.count != 1:
            factors.append(("count", Range.of(activity.count)))
        try:
            factor = _unit_factor(rate.unit, comp.per)
        except UnitError as err:
            raise err.located(**_where(spec, ri, ai, "kind")) from None
        low = high = rate.value * factor
        qlow = qhigh = Decimal(1)
        for _, value in factors:
            qlow, qhigh = qlow * value.low, qhigh * value.high
        amount = Range(low * qlow, high * qhigh)
        subtotal = subtotal + amount
        items.append(LineItem(type="rate", amount=amount, rate=rate, quantity=Range(qlow, qhigh),
                              unit="·".join(QUANTITY_UNITS[n] for n in comp.per), factors=tuple(factors),
                              **common))
    if not items:
        raise SpecError(f"no component of kind {activity.kind!r} applies to this activity",
                        **_where(spec, ri, ai, "kind"))
    for name, surcharge in table.surcharges.items():
        if activity.funding in surcharge.applies_to and (
                surcharge.effective_from is None or surcharge.effective_from <= on):
            pct = surcharge.percent / 100
            items.append(LineItem(type="surcharge", amount=subtotal.map(lambda v: v * pct),
                                  quantity=subtotal, unit="USD", note=surcharge.label, surcharge=name,
                                  percent=surcharge.percent, **common))
    return items


def cost(spec: Spec, table: Table) -> Estimate:
    """Price every activity of ``spec`` with ``table``."""
    group_of = {ref: f.id for f in spec.published for ref in f.activities}
    items: list[LineItem] = []
    for ri, request in enumerate(spec.requests):
        for ai, activity in enumerate(request.activities):
            group = group_of.get(activity.id, f"request ({request.id})")
            items.extend(_price(spec, table, request, activity, group, ri, ai))
    cells, rounding_items = _round(items, table)
    order = {g: n for n, g in enumerate(dict.fromkeys(i.group for i in items))}
    items = sorted([*items, *rounding_items], key=lambda i: order[i.group])  # stable: rounding last
    return Estimate(spec=spec, table=table, items=tuple(items), cells=tuple(cells),
                    figures=tuple(_figures(spec, cells)))


def _round(items: list[LineItem], table: Table) -> tuple[list[Cell], list[LineItem]]:
    sums: dict[tuple[str, str, str | None, int], list[LineItem]] = defaultdict(list)
    for item in items:
        sums[(item.group, item.funding, item.section, item.year)].append(item)
    cells: list[Cell] = []
    extra: list[LineItem] = []
    for (group, funding, section, year), members in sums.items():
        unrounded = ZERO
        for m in members:
            unrounded = unrounded + m.amount
        if all(m.type == "quoted" for m in members):
            cells.append(Cell(group, funding, section, year, unrounded, unrounded, None))
            continue
        rule = table.rounding_for({m.rate.key for m in members if m.rate})
        rounded = unrounded.map(rule.apply)
        cells.append(Cell(group, funding, section, year, unrounded, rounded, rule))
        first = members[0]
        extra.append(LineItem(request=first.request, activity="", group=group, type="rounding",
                              amount=Range(rounded.low - unrounded.low, rounded.high - unrounded.high),
                              funding=funding, year=year, section=section, covered=first.covered,
                              note=f"rounded {rule.describe()}"))
    return cells, extra


def _figures(spec: Spec, cells: list[Cell]) -> list[FigureResult]:
    by_group: dict[str, Range] = defaultdict(lambda: ZERO)
    covered_only: dict[str, bool] = {}
    quoted_only: dict[str, bool] = {}
    kinds = {a.id: a for _, a in spec.activities()}
    for f in spec.published:
        covered_only[f.id] = all(kinds[a].funding in COVERED_SOURCES for a in f.activities)
        quoted_only[f.id] = all(kinds[a].kind == "lump_sum" for a in f.activities)
    for cell in cells:
        if cell.funding not in COVERED_SOURCES:
            by_group[cell.group] = by_group[cell.group] + cell.rounded
    results: dict[str, FigureResult] = {}
    for f in sorted(spec.published, key=lambda f: bool(f.sum_of)):  # parts before sums
        if f.sum_of:
            computed = ZERO
            for part in f.sum_of:
                computed = computed + results[part].computed
            kind = "sum"
        else:
            computed = by_group[f.id]
            kind = "no cost" if covered_only[f.id] else "quoted" if quoted_only[f.id] else "derived"
        status = "match" if computed == f.amount else "mismatch"
        if status == "match" and kind != "derived":
            status = kind
        results[f.id] = FigureResult(id=f.id, paragraph=f.paragraph, published=f.amount, computed=computed,
                                     kind=kind, status=status, activities=f.activities, sum_of=f.sum_of,
                                     same_as=f.same_as, remark=f.remark or "")
    return [results[f.id] for f in spec.published]
