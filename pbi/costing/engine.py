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

from pathlib import Path
from typing import TYPE_CHECKING
from collections.abc import Iterable, Iterator, Mapping

from pbi.model.errors import Location, PbiError, RateLookupError, SpecError, UnitError
from pbi.model.periods import meeting_days, split_days
from pbi.costing.quantities import feeds, label, missing, read_quantity
from pbi.costing.estimate import ZERO, Cell, Estimate, FigureKind, FigureResult, LineItem, Status
from pbi.model.validation import expect
from pbi.model.specs import Activity, Figure, Range, Request, Spec, source_of
from pbi.model.money import Rounding
from pbi.model.tables import GRADE_CATEGORIES, QUANTITY_UNITS, ActivityKind, RateValue, Table
from pbi.model.units import meetings_per_day, unit_factor
from pbi.model.vocabulary import funding_keys

if TYPE_CHECKING:  # the entitlement models load only for specs that draw on an entitlement
    from pbi.model.entitlements import EntitlementUse, Entitlements, Recall

# cost() is the engine; pieces, price_activity, round_cells and figure_results (figure_amount) are its
# steps, named for pbi.costing.sweep, which repeats them per figure state, and pbi.costing.calibrate,
# which prices a left-out figure alone.
__all__ = ["cost", "COVERED_SOURCES", "ABSORBED", "price_activity", "round_cells", "figure_results",
           "figure_amount", "pieces", "Piece", "activity_share"]

#: funding that existing resources cover: priced for information, never additional
COVERED_SOURCES = funding_keys("covered")
#: funding of costs absorbed within existing resources: a figure of such costs only is printed for
#: information at full cost (it calls for no additional appropriation)
ABSORBED = "existing_resources"


def _unit_factor(rate_unit: str, per: tuple[str, ...]) -> Decimal:
    """The factor that turns rate × quantities into USD; UnitError if they do not fit."""
    return unit_factor(rate_unit, tuple(QUANTITY_UNITS[name] for name in per))


def _where(spec: Spec, ri: int, ai: int, field: str | None = None) -> Location:
    file, lines = source_of(spec)
    path = f"requests[{ri}].activities[{ai}]" + (f".{field}" if field else "")
    line = lines.get(path) or lines.get(f"requests[{ri}].activities[{ai}]")
    return Location(file, line, path)


@lru_cache(maxsize=256)
def _whole(n: int) -> Range:
    return Range.of(n)


#: (table, key, date, station) → (table, rate value); the table is kept so that its id stays its own
_RATES: dict[tuple[int, str, dt.date, str | None], tuple[Table, RateValue]] = {}


def _rate(table: Table, key: str, on: dt.date, station: str | None) -> RateValue:
    """``table.rate(key, on, station=…)``, remembered: a table is frozen, so its answer is too."""
    cache_key = (id(table), key, on, station)
    hit = _RATES.get(cache_key)
    if hit is not None and hit[0] is table:
        return hit[1]
    value = table.rate(key, on, station=station)
    if len(_RATES) > 4096:
        _RATES.clear()
    _RATES[cache_key] = (table, value)
    return value


@lru_cache(maxsize=256)
def _unit_label(per: tuple[str, ...]) -> str:
    return "·".join(QUANTITY_UNITS[n] for n in per)


def price_activity(spec: Spec, table: Table, request: Request, activity: Activity, group: str,
                   ri: int, ai: int, part: str | None = None) -> list[LineItem]:
    """The line items of one activity (rates, quoted amount, surcharges), unrounded."""
    # LineItem fields, positionally: request, activity, group, type, amount, funding, year, section,
    # rate, quantity, unit, factors, covered, note, surcharge, percent (part by name)
    rid, aid, funding, year, section = request.id, activity.id, activity.funding, activity.year, activity.section
    covered = funding in COVERED_SOURCES
    if activity.kind == "lump_sum":
        assert activity.amount is not None
        return [LineItem(rid, aid, group, "quoted", activity.amount, funding, year, section,
                         covered=covered, note="amount quoted in the note", part=part)]
    if table.valid_to and dt.date(year, 1, 1) > table.valid_to:
        raise RateLookupError(f"table {table.id!r} covers up to {table.valid_to}; the activity is in "
                              f"{year} (use a table for that year)", at=_where(spec, ri, ai, "year"))
    on = spec.priced_on or dt.date(year, 1, 1)
    if table.stations and activity.location and activity.location not in (table.duty_station, *table.stations):
        raise RateLookupError(f"{activity.location!r} is not a duty station of table {table.id!r} (stations: "
                              f"{', '.join(s for s in (table.duty_station, *table.stations) if s)})",
                              at=_where(spec, ri, ai, "location"))
    try:
        kind = table.kind(activity.kind)
    except PbiError as err:
        raise err.located(_where(spec, ri, ai, "kind")) from None
    _check_read(spec, table, activity, kind, ri, ai)
    items: list[LineItem] = []
    sub_low = sub_high = Decimal(0)
    for rate, unit, factors, qlow, qhigh, amount in _terms(spec, table, activity, kind, on, ri, ai):
        sub_low, sub_high = sub_low + amount.low, sub_high + amount.high
        items.append(LineItem(rid, aid, group, "rate", amount, funding, year, section, rate,
                              Range(qlow, qhigh), unit, factors, covered, part=part))
    if not items:
        raise SpecError(f"no component of kind {activity.kind!r} applies to this activity",
                        at=_where(spec, ri, ai, "kind"))
    for name, surcharge in table.surcharges.items():
        if funding in surcharge.applies_to and (
                surcharge.effective_from is None or surcharge.effective_from <= on):
            pct = surcharge.percent / 100
            items.append(LineItem(rid, aid, group, "surcharge", Range(sub_low * pct, sub_high * pct), funding,
                                  year, section, None, Range(sub_low, sub_high), "USD", (), covered,
                                  surcharge.label, name, surcharge.percent, part=part))
    return items


#: quantities that, stated on an activity whose rates do not read them, would change nothing unseen
#: (``documents`` and ``copies`` are read by the note's wording too)
_MUST_PRICE = ("posts", "work_months", "trips", "participants", "dsa_days")


def _check_read(spec: Spec, table: Table, activity: Activity, kind: ActivityKind, ri: int, ai: int) -> None:
    """SpecError for a quantity the activity states that none of its kind's rates reads (a
    consultant's ``posts``): a delegate's edit of it would change nothing."""
    read = frozenset().union(*(feeds(n) for comp in kind.components for n in comp.per))
    for name in _MUST_PRICE:
        if getattr(activity, name, None) is not None and name not in read:
            reads = ", ".join(sorted(read - {"count"})) or "nothing"
            raise SpecError(f"a {activity.kind} activity is priced by {reads}: {name!r} would change nothing "
                            f"(for several, state count: N, or the {reads} of all together)",
                            at=_where(spec, ri, ai, name))


def _terms(spec: Spec, table: Table, activity: Activity, kind: ActivityKind, on: dt.date, ri: int, ai: int,
           ) -> Iterator[tuple[RateValue, str, tuple[tuple[str, Range], ...], Decimal, Decimal, Range]]:
    """Each component that prices ``activity``: rate, unit, factors, quantity (low, high), amount."""
    for rate, per, factor, unit in _plan(spec, table, activity, kind, on, ri, ai):
        factors: list[tuple[str, Range]] = []
        qlow = qhigh = Decimal(1)
        for name in per:
            try:
                reading = read_quantity(activity, name, table, kind.defaults)
            except PbiError as err:
                raise err.located(_where(spec, ri, ai, name)) from None
            if reading is None:
                raise SpecError(f"a {activity.kind} activity needs {missing(activity, name, table, kind.defaults)}"
                                f" (rate {rate.key} is per {name})", at=_where(spec, ri, ai, name))
            value = reading.value
            factors.append((label(name, reading), value))
            qlow, qhigh = qlow * value.low, qhigh * value.high
        if kind.vacancy and not activity.continuing:
            share, percent = _budgeted_share(table, activity, spec, ri, ai)
            factors.append((f"first-year share after the {percent} % vacancy factor", Range(share, share)))
            qlow, qhigh = qlow * share, qhigh * share
        if activity.count != 1:
            count = _whole(activity.count)
            factors.append(("count", count))
            qlow, qhigh = qlow * count.low, qhigh * count.high
        unit_value = rate.value * factor
        yield rate, unit, tuple(factors), qlow, qhigh, Range(unit_value * qlow, unit_value * qhigh)


def _budgeted_share(table: Table, activity: Activity, spec: Spec, ri: int, ai: int) -> tuple[Decimal, Decimal]:
    """1 − the table's vacancy factor for the grade's category: what a new post costs in its first year."""
    category = GRADE_CATEGORIES.get(activity.grade or "")
    if category is None:
        raise SpecError("a new post needs a grade (P-1 … D-2, GS, GS (Other level))",
                        at=_where(spec, ri, ai, "grade"))
    factor = table.vacancy_factors.get(category)
    if factor is None:
        raise RateLookupError(f"table {table.id!r} declares no vacancy factor for {category.replace('_', ' ')} "
                              "posts (vacancy_factors)", at=_where(spec, ri, ai, "grade"))
    return 1 - factor.percent / 100, factor.percent


_Step = tuple[RateValue, tuple[str, ...], Decimal, str]
#: (table, kind, date, station, grade, interpretation) → the components that apply, with their rate,
#: unit factor and unit label; the table is kept so that its id stays its own
_PLANS: dict[tuple[object, ...], tuple[Table, tuple[_Step, ...]]] = {}


def _plan(spec: Spec, table: Table, activity: Activity, kind: ActivityKind, on: dt.date,
          ri: int, ai: int) -> tuple[_Step, ...]:
    """The components of ``kind`` that price ``activity``: what depends on the table, not on quantities."""
    flags = tuple(bool(getattr(activity, flag)) for comp in kind.components for flag in comp.when)
    key = (id(table), activity.kind, on, activity.location, activity.grade, flags)
    hit = _PLANS.get(key)
    if hit is not None and hit[0] is table:
        return hit[1]
    steps: list[_Step] = []
    for comp in kind.components:
        if any(bool(getattr(activity, flag)) != want for flag, want in comp.when.items()):
            continue
        if "{" in comp.rate:
            for field in ("grade", "location"):
                if "{" + field + "}" in comp.rate and not getattr(activity, field):
                    raise SpecError(f"a {activity.kind} activity needs a {field} (rate {comp.rate} is by {field})",
                                    at=_where(spec, ri, ai, field))
        rate_key = comp.rate_key(grade=activity.grade or "", location=activity.location or "")
        try:
            rate = _rate(table, rate_key, on, activity.location)
        except PbiError as err:
            raise err.located(_where(spec, ri, ai)) from None
        try:
            factor = _unit_factor(rate.unit, comp.per)
        except UnitError as err:
            raise err.located(_where(spec, ri, ai, "kind")) from None
        steps.append((rate, comp.per, factor, _unit_label(comp.per)))
    if len(_PLANS) > 4096:
        _PLANS.clear()
    _PLANS[key] = (table, tuple(steps))
    return tuple(steps)


#: one priced piece of an activity: its figure (or request) group, request, the activity as priced
#: (one year of a session, one share of a draw on an entitlement), its indices and its part
Piece = tuple[str, Request, Activity, int, int, str | None]


def _pieces(spec: Spec, table: Table, draws: _Draws) -> Iterator[Piece]:
    """Every piece of every activity, in spec order, as :func:`cost` prices them."""
    group_of = {ref: f.id for f in spec.published for ref in f.activities}
    for ri, request in enumerate(spec.requests):
        for ai, activity in enumerate(request.activities):
            group = group_of.get(activity.id, f"request ({request.id})")
            for piece in _by_year(spec, activity, ri, ai):
                for part, share in draws.split(table, request, piece, ri, ai):
                    yield group, request, share, ri, ai, part


def pieces(spec: Spec, table: Table, *, entitlements: Entitlements | None = None) -> list[Piece]:
    """The pieces :func:`cost` prices (which depend on the table's kinds and words per page, not on
    its rate values): ``price_activity(spec, table, request, activity, group, ri, ai, part=part)``
    of each gives the line items of :func:`cost` with any table of the same kinds."""
    return list(_pieces(spec, table, _Draws(spec, entitlements)))


def cost(spec: Spec, table: Table, *, entitlements: Entitlements | None = None) -> Estimate:
    """Price every activity of ``spec`` with ``table``.

    A dated session straddling two years is priced per year; an activity that draws on an
    entitlement is split into the part the allocation covers and the additional part. The
    entitlements file is the one given, or the one the spec names (``entitlements:``).
    """
    expect(spec, Spec, what="spec", where="cost", hint="pbi.load_spec(PATH), or pbi.cost_file(PATH)")
    expect(table, Table, what="table", where="cost", hint="pbi.load_table(PATH) or pbi.resolve_table(ID)")
    items: list[LineItem] = []
    draws = _Draws(spec, entitlements)
    for group, request, share, ri, ai, part in _pieces(spec, table, draws):
        items.extend(price_activity(spec, table, request, share, group, ri, ai, part=part))
    recalls = [draws.recall(request, ri, pi) for ri, request in enumerate(spec.requests)
               for pi in range(len(request.provisions))]
    cells, rounding_items = round_cells(items, table)
    order = {g: n for n, g in enumerate(dict.fromkeys(i.group for i in items))}
    items = sorted([*items, *rounding_items], key=lambda i: order[i.group])  # stable: rounding last
    return Estimate(spec=spec, table=table, items=tuple(items), cells=tuple(cells),
                    figures=tuple(figure_results(spec, cells)), entitlements=tuple(draws.uses),
                    provisions=tuple(recalls))


_DAY_QUANTITIES = ("days", "meetings", "dsa_days")


def _by_year(spec: Spec, activity: Activity, ri: int, ai: int) -> list[Activity]:
    """A dated session straddling two years as one activity per year, its meeting days (meetings,
    DSA days) split pro rata to the meeting days of the session in each year."""
    if activity.start is None or activity.end is None or activity.start.year == activity.end.year:
        return [activity]
    names = [n for n in _DAY_QUANTITIES if getattr(activity, n) is not None]
    if not names:
        raise SpecError(f"the session runs from {activity.start} to {activity.end}: state its days or "
                        "meetings, so that they can be split by year", at=_where(spec, ri, ai, "end"))
    years = sorted(meeting_days(activity.start, activity.end))
    shares: dict[str, tuple[dict[int, Decimal], dict[int, Decimal]]] = {}
    for name in names:
        value: Range = getattr(activity, name)
        shares[name] = (split_days(value.low, activity.start, activity.end),
                        split_days(value.high, activity.start, activity.end))
    pieces = []
    for year in years:
        ranges = {name: Range(low.get(year, Decimal(0)), high.get(year, Decimal(0)))
                  for name, (low, high) in shares.items()}
        if all(v.high == 0 for v in ranges.values()):
            continue
        pieces.append(activity.model_copy(update={"year": year, **ranges}))
    return pieces


class _Draws:
    """Draws on entitlements, in spec order: each request takes from what earlier ones left."""

    def __init__(self, spec: Spec, entitlements: Entitlements | None) -> None:
        self.spec = spec
        self.data = entitlements
        self.taken: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
        self.uses: list[EntitlementUse] = []

    def _load(self, ri: int, ai: int, where: Location | None = None) -> Entitlements:
        if self.data is None:
            if not self.spec.entitlements:
                raise SpecError("the activity draws on an entitlement but the spec names no entitlements "
                                "file (add entitlements: entitlements.yaml)" if where is None else
                                "the request recalls a provision but the spec names no entitlements file "
                                "(add entitlements: entitlements.yaml)",
                                at=where or _where(self.spec, ri, ai, "entitlement"))
            file, _ = source_of(self.spec)
            base = Path(file).parent if file != "<spec>" else Path.cwd()
            from pbi.model.entitlements import load_entitlements

            self.data = load_entitlements(base / self.spec.entitlements)
        return self.data

    def recall(self, request: Request, ri: int, pi: int) -> Recall:
        """The balance of an allocation a request refers to without drawing on it."""
        provision = request.provisions[pi]
        file, lines = source_of(self.spec)
        path = f"requests[{ri}].provisions[{pi}]"
        where = Location(file, lines.get(f"{path}.body") or lines.get(path), f"{path}.body")
        year = provision.year or self.spec.period.years[0]
        try:
            balance = self._load(ri, 0, where).balance(provision.body, year, provision.quantity)
        except PbiError as err:
            raise err.located(where) from None
        from pbi.model.entitlements import Recall

        return Recall(request=request.id, index=pi, balance=balance, year=provision.year, basis=provision.basis)

    def split(self, table: Table, request: Request, activity: Activity, ri: int,
              ai: int) -> list[tuple[str | None, Activity]]:
        draw = activity.entitlement
        if draw is None:
            return [(None, activity)]
        where = _where(self.spec, ri, ai, "entitlement")
        try:
            balance = self._load(ri, ai).balance(draw.body, activity.year, draw.quantity)
        except PbiError as err:
            raise err.located(where) from None
        key = (draw.body, balance.period.label, draw.quantity)
        available = max(balance.available - self.taken[key], Decimal(0))
        requested = _requested(activity, draw.quantity, table)
        if requested is None:
            if not draw.up_to_available:
                raise SpecError(f"an activity that draws on an entitlement states its {draw.quantity} "
                                "(or days), unless it asks only for what is left (up_to_available: true)",
                                at=where)
            requested = Range.of(available)
        if requested.is_range:
            raise SpecError(f"a draw on an entitlement needs one number of {draw.quantity}, not {requested}",
                            at=where)
        wanted = requested.low
        covered = min(wanted, available)
        additional = Decimal(0) if draw.up_to_available else wanted - covered
        if additional > 0 and activity.funding in COVERED_SOURCES:
            raise SpecError(f"requests {wanted:,} {draw.quantity} in {activity.year}; {draw.body} has "
                            f"{available:,} left of its {balance.period.label} allocation: name the "
                            f"funding of the other {additional:,} (funding: voluntary, regular_budget …)",
                            at=_where(self.spec, ri, ai, "funding"))
        self.taken[key] += covered
        section = balance.section or activity.section
        from pbi.model.entitlements import EntitlementUse

        self.uses.append(EntitlementUse(
            request=request.id, activity=activity.id, year=activity.year, balance=balance,
            available=available, requested=wanted, covered=covered, additional=additional,
            up_to_available=draw.up_to_available, as_available=draw.as_available, section=section,
            funding=activity.funding if additional > 0 else None))
        out: list[tuple[str | None, Activity]] = []
        fixed_on_covered = additional == 0  # per-document parts go with one share only
        if covered > 0:
            out.append(("covered", activity_share(activity, draw.quantity, covered, table, fixed_on_covered,
                                          funding="entitlement", section=section,
                                          kind=draw.covered_kind or activity.kind)))
        if additional > 0:
            out.append(("additional", activity_share(activity, draw.quantity, additional, table, True)))
        return out


def _requested(activity: Activity, quantity: str, table: Table) -> Range | None:
    """What an activity asks of an allocation, all its events together."""
    reading = read_quantity(activity, quantity, table)
    return None if reading is None else reading.value.map(lambda v: v * activity.count)


def activity_share(activity: Activity, quantity: str, value: Decimal, table: Table, fixed: bool,
           **update: object) -> Activity:
    """The activity restated for ``value`` of ``quantity`` (meetings or pages, all events together,
    count 1): a share of a draw on an allocation; ``fixed`` keeps its per-document parts."""
    changes: dict[str, object] = {"count": 1, **update}
    if quantity == "meetings":
        if activity.meetings is None and activity.days is not None:
            changes["days"] = Range.of(value / meetings_per_day())
        else:
            changes["meetings"] = Range.of(value)
    else:
        changes.update(pages=Range.of(value), words=None)
    kind = table.activities.get(activity.kind)
    documents = activity.documents or (Range.of(kind.defaults["documents"])
                                       if kind and "documents" in kind.defaults else None)
    if documents is not None:
        changes["documents"] = documents.map(lambda d: d * activity.count) if fixed else Range.of(0)
    return activity.model_copy(update=changes)


def round_cells(items: list[LineItem], table: Table) -> tuple[list[Cell], list[LineItem]]:
    """Items summed per figure, funding, section and year and rounded once: the cells and rounding items."""
    sums: dict[tuple[str, str, str | None, int], list[LineItem]] = {}
    for item in items:
        sums.setdefault((item.group, item.funding, item.section, item.year), []).append(item)
    cells: list[Cell] = []
    extra: list[LineItem] = []
    for (group, funding, section, year), members in sums.items():
        low = high = Decimal(0)
        for m in members:
            low, high = low + m.amount.low, high + m.amount.high
        unrounded = Range(low, high)
        if all(m.type == "quoted" for m in members):
            cells.append(Cell(group, funding, section, year, unrounded, unrounded, None))
            continue
        rule, note = _rounding_for(table, frozenset(m.rate.key for m in members if m.rate))
        rounded = Range(rule.apply(low), rule.apply(high))
        cells.append(Cell(group, funding, section, year, unrounded, rounded, rule))
        first = members[0]
        extra.append(LineItem(first.request, "", group, "rounding", Range(rounded.low - low, rounded.high - high),
                              funding, year, section, covered=first.covered, note=note))
    return cells, extra


_RULES: dict[tuple[int, frozenset[str]], tuple[Table, Rounding, str]] = {}


def _rounding_for(table: Table, keys: frozenset[str]) -> tuple[Rounding, str]:
    """``table.rounding_for(keys)`` and the note of its rounding items, remembered like :func:`_rate`."""
    hit = _RULES.get((id(table), keys))
    if hit is not None and hit[0] is table:
        return hit[1], hit[2]
    rule = table.rounding_for(set(keys))
    if len(_RULES) > 1024:
        _RULES.clear()
    _RULES[(id(table), keys)] = (table, rule, f"rounded {rule.describe()}")
    return rule, f"rounded {rule.describe()}"


def figure_amount(figure: Figure, cells: Iterable[Cell], activities: Mapping[str, Activity]
                  ) -> tuple[Range, FigureKind]:
    """A figure that is not a sum, from the rounded cells of its group (``activities``: the spec's,
    by id): its amount and kind."""
    refs = [activities[a] for a in figure.activities]
    covered_only = all(a.funding in COVERED_SOURCES for a in refs)
    quoted_only = all(a.kind == "lump_sum" for a in refs)
    # costs absorbed within existing resources only: printed for information at full cost
    absorbed = bool(refs) and all(a.funding == ABSORBED for a in refs)
    computed = ZERO
    for cell in cells:
        if cell.funding not in COVERED_SOURCES or (absorbed and cell.funding == ABSORBED):
            computed = computed + cell.rounded
    kind: FigureKind = "quoted" if quoted_only else "derived" if absorbed \
        else "no cost" if covered_only else "derived"
    return computed, kind


def figure_results(spec: Spec, cells: list[Cell]) -> list[FigureResult]:
    """Each published figure of ``spec`` from the rounded cells (sums after their parts)."""
    kinds = {a.id: a for _, a in spec.activities()}
    cells_of: dict[str, list[Cell]] = defaultdict(list)
    for cell in cells:
        cells_of[cell.group].append(cell)
    results: dict[str, FigureResult] = {}
    for f in sorted(spec.published, key=lambda f: bool(f.sum_of)):  # parts before sums
        kind: FigureKind
        if f.sum_of:
            computed = ZERO
            for part in f.sum_of:
                computed = computed + results[part].computed
            kind = "sum"
        else:
            computed, kind = figure_amount(f, cells_of.get(f.id, ()), kinds)
        status: Status = "match" if computed == f.amount else "mismatch"
        if status == "match" and kind != "derived":
            status = kind
        results[f.id] = FigureResult(id=f.id, paragraph=f.paragraph, published=f.amount, computed=computed,
                                     kind=kind, status=status, activities=f.activities, sum_of=f.sum_of,
                                     same_as=f.same_as, remark=f.remark or "")
    return [results[f.id] for f in spec.published]
