"""``pbi calibrate``: fit the rates of a cost table to the published figures of specs.

Every figure derived from quantities is linear in the rates:
``figure ≈ Σ_k rate_k × c_k`` with ``c_k`` = Σ over the figure's line items priced with rate *k*
of quantity × unit factor × (1 + the surcharges of the item's funding). The coefficients are read
from the engine's line items (the spec is costed once with the base table; ``c_k`` = item amount /
rate value), so pricing is never re-implemented here. An unknown is one *dated value* of a rate in
one duty-station series (``key``, station, effective date): each is fitted and written back. A range
figure gives two equations (low and high ends). Quoted lump sums, stated totals, no-cost figures and
figures inconsistent as printed (a figure ``same_as`` another but printed differently, like F17) are
left out.

Solving, never below zero, in exact fractions (groups of more than EXACT_MAX values in 50-digit
decimals; the matrix steps are in :mod:`pbi.costing.linalg`):

1. a figure with values no other figure uses is set aside, and those values are fitted to it last,
   given all others: *exact* when it is one value (and one figure, one number); *proportional*
   when it is several (they keep the ratio of their base values: one figure never gives its whole
   residual to one of two values);
2. the other values are fitted per connected group of values that share figures, by non-negative
   least squares (Lawson–Hanson on the normal equations): *joint* when the values reproduce every
   figure of the group exactly, *least squares* otherwise;
3. a value the figures cannot separate from another is *undetermined* and keeps its base value;
   a value the fit would make negative is *bounded* at 0.

Fitted values are rounded to ``places`` decimals (at least five significant digits); each figure is then predicted by the engine with
the fitted table (rounded by the table's rule). Leave-one-out: each figure is predicted from values
fitted without it (only its own group is refitted), "undetermined without it" when it alone
determines one of its values; the errors are summarised over all figures and by activity kind, duty
station and year band. The time grows with the number of figures, not its square: a left-out figure
is priced alone (its own activities, by the engine's steps), and its group refitted by a low-rank
update or from the group's normal equations less its rows, solved again only where leaving it out
changes what is set aside or splits the group.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from collections.abc import Callable
from typing import Any, Literal

from pbi.costing.api import table_for
from pbi.costing.engine import COVERED_SOURCES, Piece, cost, figure_amount, pieces, price_activity, round_cells
from pbi.costing.estimate import Estimate, LineItem, decimal_text
from pbi.costing.linalg import DIGITS, N, fit_nonnegative, inverse, to_decimal
from pbi.costing.reproduce import figure_place, find_specs, year_band
from pbi.model.errors import InputError, TableError
from pbi.model.fileio import write_atomic
from pbi.model.money import format_usd, roman
from pbi.model.specs import Activity, Figure, Range, Spec, load_spec
from pbi.model.tables import Table
from pbi.model.validation import expect, expect_paths

__all__ = ["Equation", "FittedRate", "FigureFit", "Calibration", "calibrate", "equations",
           "solve", "leave_one_out", "fitted_table", "write_table", "calibration_text", "calibration_json", "RateId",
           "Method", "METHODS"]

#: one fitted unknown: rate key, duty-station series (None: the table's own values), effective date
RateId = tuple[str, str | None, dt.date]
Method = Literal["exact", "joint", "least squares", "proportional", "bounded", "undetermined"]

#: how each value was found, as the written table's references say it
METHODS: dict[str, str] = {
    "exact": "exactly determined by a single figure",
    "joint": "determined jointly by several figures, all reproduced exactly",
    "least squares": "non-negative least squares",
    "proportional": "scaled with the other values of the one figure that alone determines them "
                    "(base ratio kept)",
    "bounded": "bounded at 0 (the fit would be negative)",
    "undetermined": "undetermined by the figures; base value kept",
}


@dataclass(frozen=True)
class Equation:
    """One published figure (or one end of a range) as a linear combination of rate values."""

    figure: str  # the figure's reference: its id, or "SYMBOL ID" where ids repeat across specs
    end: str  # "" for a single figure, "low" / "high" for the ends of a range
    published: Fraction  # minus any quoted amount inside the figure
    coefs: dict[RateId, Fraction]

    @property
    def label(self) -> str:
        """The figure the equation comes from, with the end of its range (low or high) if it has one."""
        return f"{self.figure} ({self.end})" if self.end else self.figure


@dataclass(frozen=True)
class FittedRate:
    key: str
    effective_from: dt.date
    unit: str
    base: Decimal
    value: Decimal
    method: Method
    figures: tuple[str, ...]
    exact: Fraction | None = None
    station: str | None = None  # the duty-station series; None: the table's own values

    @property
    def id(self) -> RateId:
        """The fitted value's identity: rate key, station series and effective date."""
        return (self.key, self.station, self.effective_from)

    @property
    def change_percent(self) -> Decimal | None:
        """Fitted against base value, in per cent (None where the base is 0)."""
        return None if not self.base else (self.value - self.base) / self.base * 100


@dataclass(frozen=True)
class FigureFit:
    id: str
    symbol: str
    annex: int | None
    paragraph: str
    published: Range
    predicted: Range
    loo: Range | None
    loo_note: str = ""
    kind: str = "-"
    station: str = "-"
    year: int | None = None

    @property
    def residual(self) -> Range:
        """Published minus the amount the fitted (rounded) table computes."""
        return Range(self.published.low - self.predicted.low, self.published.high - self.predicted.high)

    @property
    def loo_error(self) -> Range | None:
        """The amount predicted from values fitted without this figure, minus the published one."""
        if self.loo is None:
            return None
        return Range(self.loo.low - self.published.low, self.loo.high - self.published.high)

    @property
    def loo_percent(self) -> Decimal | None:
        """The larger absolute leave-one-out error of its ends, in per cent of the print."""
        err = self.loo_error
        if err is None:
            return None
        pct = [abs(e) / p * 100 for e, p in ((err.low, self.published.low), (err.high, self.published.high)) if p]
        return max(pct) if pct else None


def _median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    n = len(ordered)
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def _loo_stats(figs: list[FigureFit]) -> dict[str, Any]:
    errs = [(f, f.loo_error) for f in figs if f.loo_error is not None]
    out: dict[str, Any] = {"figures": len(errs), "undetermined": [f.id for f in figs if f.loo is None]}
    if errs:
        abs_usd = [max(abs(e.low), abs(e.high)) for _, e in errs]
        pct = [f.loo_percent for f, _ in errs]
        known = [p for p in pct if p is not None]
        out.update(mean_abs_usd=sum(abs_usd, Decimal(0)) / len(errs), max_abs_usd=max(abs_usd),
                   exact=sum(1 for a in abs_usd if a == 0))
        if known:
            out.update(mean_abs_percent=sum(known, Decimal(0)) / len(known), max_abs_percent=max(known),
                       median_abs_percent=_median(known),
                       within_1_percent=sum(1 for p in known if p <= 1))
    return out


@dataclass(frozen=True)
class Calibration:
    """A table's rates fitted to published figures: each fitted value with its method, each figure's
    residual and leave-one-out error; ``to_text()`` and ``to_json()`` print it as ``pbi calibrate``
    does, :func:`write_table` writes the fitted table."""

    base: Table
    table: Table  # the fitted table
    rates: list[FittedRate]
    figures: list[FigureFit]
    excluded: list[tuple[str, str]]  # figure, why
    equations: list[Equation] = field(default_factory=list)
    places: int = 2

    @property
    def reproduced(self) -> int:
        """Figures the fitted (rounded) table reproduces exactly, as the engine prices them."""
        return sum(1 for f in self.figures if f.residual == Range.of(0))

    def to_text(self) -> str:
        """The report ``pbi calibrate`` prints."""
        return calibration_text(self)

    def to_json(self) -> str:
        """The report ``pbi calibrate --json`` prints."""
        return calibration_json(self)

    def loo_summary(self) -> dict[str, Any]:
        """Leave-one-out over every figure, and by activity kind, duty station and year band."""
        out = _loo_stats(self.figures)
        groups: dict[tuple[str, str], list[FigureFit]] = defaultdict(list)
        for f in self.figures:
            for dim, value in (("kind", f.kind), ("station", f.station), ("years", year_band(f.year))):
                groups[(dim, value)].append(f)
        order = {"kind": 0, "station": 1, "years": 2}
        out["by"] = [{"by": dim, "value": value, **_loo_stats(figs)}
                     for (dim, value), figs in sorted(groups.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))]
        return out


# ----------------------------------------------------------------------------- equations


def _refs(estimates: list[Estimate]) -> dict[tuple[int, str], str]:
    """(estimate index, figure id) → the figure's reference: its id where it is unique, else
    ``SYMBOL ID``."""
    count: dict[str, int] = defaultdict(int)
    for est in estimates:
        for f in est.figures:
            count[f.id] += 1
    return {(i, f.id): f.id if count[f.id] == 1 else f"{est.spec.symbol} {f.id}"
            for i, est in enumerate(estimates) for f in est.figures}


def _excluded(estimates: list[Estimate], refs: dict[tuple[int, str], str]) -> dict[str, str]:
    everywhere: dict[str, list[Range]] = defaultdict(list)
    for est in estimates:
        for fig in est.spec.published:
            everywhere[fig.id].append(fig.amount)
    out: dict[str, str] = {}
    for i, est in enumerate(estimates):
        own = {fig.id: fig.amount for fig in est.spec.published}
        for f in est.figures:
            ref = refs[(i, f.id)]
            if f.kind != "derived":
                out[ref] = {"quoted": "quoted lump sum", "sum": "stated total",
                            "no cost": "no cost (within existing resources)"}[f.kind]
            elif f.same_as:
                other = own.get(f.same_as) or (everywhere[f.same_as][0]
                                               if len(everywhere.get(f.same_as, [])) == 1 else None)
                if other is not None and other != f.published:
                    out[ref] = (f"inconsistent as printed: the same item as {f.same_as}, printed "
                                f"{f.published} against {other}")
    return out


def _series(table: Table, key: str, station: str | None) -> str | None:
    """The duty-station series a value was read from (None: the table's own values)."""
    rate = table.rates.get(key)
    return station if rate is not None and station in rate.stations else None


def equations(estimates: list[Estimate], excluded: dict[str, str],
              refs: dict[tuple[int, str], str] | None = None) -> list[Equation]:
    """The linear equations of every derived figure not ``excluded``, read from line items."""
    refs = refs or _refs(estimates)
    out: list[Equation] = []
    for i, est in enumerate(estimates):
        mult: dict[tuple[str, int, str | None], Fraction] = defaultdict(lambda: Fraction(1))
        items_of: dict[str, list[LineItem]] = defaultdict(list)  # figure → its items, in order
        for item in est.items:
            if item.type == "surcharge" and item.percent is not None:
                mult[(item.activity, item.year, item.part)] += Fraction(item.percent) / 100
            items_of[item.group].append(item)
        for f in est.figures:
            ref = refs[(i, f.id)]
            if ref in excluded:
                continue
            ends = [("low", f.published.low), ("high", f.published.high)] if f.published.is_range \
                else [("", f.published.low)]
            for end, published in ends:
                coefs: dict[RateId, Fraction] = defaultdict(Fraction)
                constant = Fraction(0)
                for item in items_of.get(f.id, ()):
                    if item.covered or item.funding in COVERED_SOURCES:
                        continue
                    amount = item.amount.high if end == "high" else item.amount.low
                    if item.type == "quoted":
                        constant += Fraction(amount)
                    elif item.type == "rate" and item.rate is not None:
                        if not item.rate.value:
                            raise TableError(f"rate {item.rate.key!r} is 0 in table {est.table.id!r}: its "
                                             f"share of {f.id} cannot be read from the line items")
                        rid = (item.rate.key, _series(est.table, item.rate.key, item.rate.duty_station),
                               item.rate.effective_from)
                        coefs[rid] += (Fraction(amount) / Fraction(item.rate.value)
                                       * mult[(item.activity, item.year, item.part)])
                out.append(Equation(ref, end, Fraction(published) - constant,
                                    {k: v for k, v in coefs.items() if v}))
    return out


# ----------------------------------------------------------------------------- solving

_Matrix = list[list[Fraction]]
#: groups of more values than this are solved in DIGITS-digit decimals, not exact fractions (whose
#: numerators and denominators grow with the size of the group: 64 values would take minutes)
EXACT_MAX = 16


def _normal(eqs: list[Equation], keys: list[RateId]) -> tuple[_Matrix, list[Fraction]]:
    """AᵀA and Aᵀb of the equations over ``keys``: summed in integers over the common denominator of
    the coefficients and published amounts (the same fractions, without reducing each partial sum)."""
    n = len(keys)
    idx = {k: i for i, k in enumerate(keys)}
    rows: list[tuple[list[tuple[int, Fraction]], Fraction]] = []
    den = 1
    for e in eqs:
        row = [(idx[k], c) for k, c in e.coefs.items() if k in idx]
        if row:
            rows.append((row, e.published))
            den = math.lcm(den, e.published.denominator, *(c.denominator for _, c in row))
    ata = [[0] * n for _ in range(n)]
    atb = [0] * n
    for row, published in rows:
        ints = [(i, c.numerator * (den // c.denominator)) for i, c in row]
        b = published.numerator * (den // published.denominator)
        for i, ci in ints:
            atb[i] += ci * b
            line = ata[i]
            for j, cj in ints:
                line[j] += ci * cj
    square = den * den
    return [[Fraction(v, square) for v in line] for line in ata], [Fraction(v, square) for v in atb]


def _fit(ata: _Matrix, atb: list[Fraction], keys: list[RateId], base: dict[RateId, Fraction]
         ) -> tuple[list[int], list[Fraction], list[bool]]:
    """The non-negative fit of a group's normal equations: its pivot columns, their values and
    whether each would be negative unconstrained (exact up to EXACT_MAX values, else decimals)."""
    n = len(keys)
    b = [base[k] for k in keys]
    if n <= EXACT_MAX:
        pivots, x, unc = fit_nonnegative(ata, atb, b, Fraction(0))
        return pivots, list(x), [v < 0 for v in unc]
    with localcontext() as ctx:
        ctx.prec = DIGITS
        scale = max((abs(to_decimal(ata[i][i])) for i in range(n)), default=Decimal(1))
        dtol = scale * Decimal(10) ** (10 - DIGITS)
        dpivots, dx, dunc = fit_nonnegative([[to_decimal(v) for v in row] for row in ata],
                                            [to_decimal(v) for v in atb], [to_decimal(v) for v in b], dtol)
        return dpivots, [Fraction(v) for v in dx], [v < 0 for v in dunc]


def _group_fit(eqs: list[Equation], keys: list[RateId], base: dict[RateId, Fraction]
               ) -> tuple[dict[RateId, Fraction], dict[RateId, Method]]:
    """Non-negative least squares of one connected group of values (exact up to EXACT_MAX values)."""
    n = len(keys)
    pivots, got, neg = _fit(*_normal(eqs, keys), keys, base)
    tol = Fraction(0) if n <= EXACT_MAX else Fraction(1, 10 ** (DIGITS // 2))
    values: dict[RateId, Fraction] = {}
    method: dict[RateId, Method] = {}
    for c in range(n):
        if c not in pivots:
            values[keys[c]], method[keys[c]] = base[keys[c]], "undetermined"
    for pos, c in enumerate(pivots):
        values[keys[c]] = got[pos]
    exact = all(abs(sum((c * values[k] for k, c in e.coefs.items()), Fraction(0)) - e.published)
                <= tol * max(abs(e.published), Fraction(1)) for e in eqs)
    for pos, c in enumerate(pivots):
        k = keys[c]
        if got[pos] == 0 and neg[pos]:
            method[k] = "bounded"
        else:
            method[k] = "joint" if exact and len(eqs) >= len(pivots) else "least squares"
    return values, method


def _order(k: RateId) -> tuple[str, str, dt.date]:
    return (k[0], k[1] or "", k[2])


_Peeled = list[tuple[list[RateId], list[Equation]]]
_Groups = list[tuple[list[RateId], list[Equation]]]


def _plan(eqs: list[Equation]) -> tuple[_Peeled, _Groups]:
    """The figures set aside with the values only they use (in the order set aside), and the
    connected groups of the other values with their equations."""
    by_figure: dict[str, list[Equation]] = defaultdict(list)
    for e in eqs:
        by_figure[e.figure].append(e)
    figures_of: dict[RateId, set[str]] = defaultdict(set)
    for e in eqs:
        for k in e.coefs:
            figures_of[k].add(e.figure)
    unknown = set(figures_of)
    # 1. set aside, one at a time, a figure holding values no other figure uses
    peeled: _Peeled = []
    # the values used by one figure only, smallest (rate key, station, date) first
    queue = [(_order(k), n, k) for n, k in enumerate(sorted((k for k in unknown if len(figures_of[k]) == 1),
                                                            key=_order))]
    pushed = itertools.count(len(queue))
    alive = set(by_figure)
    while queue:
        k = heapq.heappop(queue)[2]
        if k not in unknown or len(figures_of[k]) != 1:
            continue
        fig = next(iter(figures_of[k]))
        if fig not in alive:
            continue
        own = sorted((o for e in by_figure[fig] for o in e.coefs if o in unknown and figures_of[o] == {fig}),
                     key=_order)
        own = list(dict.fromkeys(own))
        peeled.append((own, by_figure[fig]))
        alive.discard(fig)
        unknown.difference_update(own)
        touched = {o for e in by_figure[fig] for o in e.coefs if o in unknown}
        for o in touched:
            figures_of[o].discard(fig)
            if len(figures_of[o]) == 1:
                heapq.heappush(queue, (_order(o), next(pushed), o))
    remaining = [e for e in eqs if e.figure in alive]
    # 2. groups of values that share figures
    parent = {k: k for k in unknown}

    def find(k: RateId) -> RateId:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for e in remaining:
        ks = [k for k in e.coefs if k in parent]
        for k in ks[1:]:
            parent[find(k)] = find(ks[0])
    groups: dict[RateId, list[RateId]] = defaultdict(list)
    for k in sorted(unknown, key=_order):
        groups[find(k)].append(k)
    group_eqs: dict[RateId, list[Equation]] = defaultdict(list)
    for e in remaining:
        ks = [k for k in e.coefs if k in parent]
        if ks:
            group_eqs[find(ks[0])].append(e)
    return peeled, [(keys, group_eqs.get(root, [])) for root, keys in groups.items()]


def solve(eqs: list[Equation], base: dict[RateId, Fraction]
          ) -> tuple[dict[RateId, Fraction], dict[RateId, Method]]:
    """Fit the values the equations name (never below 0); undetermined ones keep their ``base``."""
    values: dict[RateId, Fraction] = {}
    method: dict[RateId, Method] = {}
    peeled, groups = _plan(eqs)
    for keys, geqs in groups:
        if not geqs:
            for k in keys:
                values[k], method[k] = base[k], "undetermined"
            continue
        got, hows = _group_fit(geqs, keys, base)
        values.update(got)
        method.update(hows)
    # 3. the figures set aside, last first: their own values given all the others
    fixed = dict(base)
    fixed.update(values)
    for own, feqs in reversed(peeled):
        # each end: published - the values fixed elsewhere = Σ over own values c × value
        rhs = [e.published - sum((c * fixed[o] for o, c in e.coefs.items() if o not in own), Fraction(0))
               for e in feqs]
        if len(own) == 1:
            k = own[0]
            cs = [e.coefs.get(k, Fraction(0)) for e in feqs]
            den = sum((c * c for c in cs), Fraction(0))
            value = sum((c * r for c, r in zip(cs, rhs, strict=True)), Fraction(0)) / den
            how: Method = "exact" if all(c * value == r for c, r in zip(cs, rhs, strict=True)) \
                else "least squares"
            if value < 0:
                value, how = Fraction(0), "bounded"
            values[k] = fixed[k] = value
            method[k] = how
            continue
        # several values only this figure determines: scale them together from their base values
        cs = [sum((e.coefs.get(k, Fraction(0)) * base[k] for k in own), Fraction(0)) for e in feqs]
        den = sum((c * c for c in cs), Fraction(0))
        if not den:
            for k in own:
                values[k], method[k] = base[k], "undetermined"
            continue
        lam = sum((c * r for c, r in zip(cs, rhs, strict=True)), Fraction(0)) / den
        how = "proportional"
        if lam < 0:
            lam, how = Fraction(0), "bounded"
        for k in own:
            values[k] = fixed[k] = base[k] * lam
            method[k] = how
    return values, method


def leave_one_out(eqs: list[Equation], base: dict[RateId, Fraction]
                  ) -> dict[str, tuple[dict[RateId, Fraction], list[str]]]:
    """Figure → (its values fitted without it, the rate keys undetermined without it).

    A figure set aside with values only it uses leaves them undetermined. A figure of a group fitted
    by least squares with no value bounded or undetermined is left out by a low-rank update of
    the group's normal equations (x₋ᵢ = x − G⁻¹Aᵢᵀ(I − AᵢG⁻¹Aᵢᵀ)⁻¹rᵢ: one inverse per group, not
    one solve per figure); otherwise, or where that update is singular or negative, the group is
    fitted again without the figure from its normal equations less the figure's rows, where leaving
    the figure out changes neither what is set aside nor the group (each of its values stays in 3
    figures or more, another figure has an equation of all its values); else the figure's connected
    component is solved again without it."""
    out: dict[str, tuple[dict[RateId, Fraction], list[str]]] = {}
    peeled, groups = _plan(eqs)
    for own, feqs in peeled:
        out[feqs[0].figure] = ({}, sorted({k[0] for k in own}))
    aside = {feqs[0].figure for _, feqs in peeled}
    eqs_of: dict[str, list[Equation]] = defaultdict(list)
    for e in eqs:
        eqs_of[e.figure].append(e)
    users: dict[RateId, int] = defaultdict(int)  # figures not set aside that use a value
    spans: dict[frozenset[RateId], set[str]] = defaultdict(set)  # an equation's values → its figures
    for fig, feqs in eqs_of.items():
        if fig not in aside:
            for k in {k for e in feqs for k in e.coefs}:
                users[k] += 1
            for e in feqs:
                spans[frozenset(e.coefs)].add(fig)
    component = _components(eqs)
    members: dict[int, list[Equation]] = defaultdict(list)
    for e in eqs:
        members[component[e.figure]].append(e)

    def again(fig: str) -> None:
        comp = members[component[fig]]
        rest = [e for e in comp if e.figure != fig]
        mine = {k for e in comp if e.figure == fig for k in e.coefs}
        vals, meth = solve(rest, base)
        lost = sorted({k[0] for k in mine if k not in vals or meth[k] == "undetermined"})
        out[fig] = ({k: v for k, v in vals.items() if k in mine}, lost)

    def refit(fig: str, keys: list[RateId], normal: tuple[_Matrix, list[Fraction]]) -> bool:
        """The group fitted without ``fig`` from its normal equations, as solving the component
        without it would fit it (False where that is not known to be so)."""
        mine = {k for e in eqs_of[fig] for k in e.coefs}
        if any(users[k] < 3 for k in mine) or (len(mine) > 1 and not spans.get(frozenset(mine), set()) - {fig}):
            return False
        ata, atb = normal
        less, lessb = _normal(eqs_of[fig], keys)
        pivots, got, _ = _fit([[a - d for a, d in zip(row, drow, strict=True)] for row, drow in zip(ata, less, strict=True)],
                              [a - d for a, d in zip(atb, lessb, strict=True)], keys, base)
        vals = {keys[c]: base[keys[c]] for c in range(len(keys)) if c not in pivots}
        vals.update((keys[c], got[pos]) for pos, c in enumerate(pivots))
        lost = sorted({k[0] for k in mine if keys.index(k) not in pivots})
        out[fig] = ({k: v for k, v in vals.items() if k in mine}, lost)
        return True

    for keys, geqs in groups:
        figs = list(dict.fromkeys(e.figure for e in geqs))
        normal: tuple[_Matrix, list[Fraction]] | None = None
        if len(keys) <= EXACT_MAX:
            done = _loo_update(geqs, keys, figs, Fraction(0), Fraction)
        else:
            with localcontext() as ctx:
                ctx.prec = DIGITS
                done = {f: ({k: Fraction(v) for k, v in vals.items()} if vals is not None else None)
                        for f, vals in _loo_update(geqs, keys, figs, Decimal(0), to_decimal).items()}
        for fig in figs:
            vals = done.get(fig)
            if vals is not None:
                out[fig] = (vals, [])
                continue
            if normal is None:
                normal = _normal(geqs, keys)
            if not refit(fig, keys, normal):
                again(fig)
    return out


def _loo_update(geqs: list[Equation], keys: list[RateId], figs: list[str], zero: N,
                conv: Callable[[Fraction], N]) -> dict[str, dict[RateId, N] | None]:
    """Each figure's values fitted without it by the low-rank update (None where it does not apply)."""
    n = len(keys)
    idx = {k: i for i, k in enumerate(keys)}
    ata, atb = _normal(geqs, keys)
    g = [[conv(v) for v in row] for row in ata]
    h = [conv(v) for v in atb]
    scale = max((abs(g[i][i]) for i in range(n)), default=zero + 1)
    tol = zero if isinstance(zero, Fraction) else scale * Decimal(10) ** (10 - DIGITS)
    ginv = inverse(g, tol)
    if ginv is None:
        return {f: None for f in figs}
    x = [sum((ginv[i][j] * h[j] for j in range(n)), zero) for i in range(n)]
    if any(v < 0 for v in x):
        return {f: None for f in figs}
    rows_of: dict[str, list[Equation]] = defaultdict(list)
    for e in geqs:
        rows_of[e.figure].append(e)
    out: dict[str, dict[RateId, N] | None] = {}
    for fig in figs:
        rows = rows_of[fig]
        a = [[conv(e.coefs[k]) if k in e.coefs else zero for k in keys] for e in rows]
        r = [conv(e.published) - sum((ai * xi for ai, xi in zip(arow, x, strict=True) if ai), zero)
             for e, arow in zip(rows, a, strict=True)]
        ga = [[sum((ginv[i][j] * arow[j] for j in range(n) if arow[j]), zero) for arow in a]
              for i in range(n)]  # G⁻¹Aᵢᵀ, n × k
        k = len(rows)
        mm = [[(zero + 1 if p == q else zero) - sum((a[p][i] * ga[i][q] for i in range(n) if a[p][i]), zero)
               for q in range(k)] for p in range(k)]
        minv = inverse(mm, tol / scale if scale else tol)
        if minv is None:
            out[fig] = None
            continue
        t = [sum((minv[p][q] * r[q] for q in range(k)), zero) for p in range(k)]
        xo = [x[i] - sum((ga[i][p] * t[p] for p in range(k)), zero) for i in range(n)]
        if any(v < 0 for v in xo):
            out[fig] = None
            continue
        out[fig] = {key: xo[idx[key]] for e in rows for key in e.coefs}
    return out


def _components(eqs: list[Equation]) -> dict[str, int]:
    """Figure → the number of its connected component (figures sharing rate values)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[RateId, str] = {}
    for e in eqs:
        find(e.figure)
        for k in e.coefs:
            if k in first:
                parent[find(e.figure)] = find(first[k])
            else:
                first[k] = e.figure
    roots: dict[str, int] = {}
    return {f: roots.setdefault(find(f), len(roots)) for f in dict.fromkeys(e.figure for e in eqs)}


# ----------------------------------------------------------------------------- tables


#: a fitted value keeps at least this many significant digits, whatever ``places`` says (a rate per
#: word of 0.23451 USD rounded to cents would be 0.23: 2 per cent off on every word)
SIGNIFICANT = 5


def _decimal(value: Fraction, places: int) -> Decimal:
    """A fraction rounded half-up to ``places`` decimals (more where needed to keep SIGNIFICANT
    digits), trailing zeros dropped, never an exponent."""
    with localcontext() as ctx:
        ctx.prec = 60
        d = Decimal(value.numerator) / Decimal(value.denominator)
        if d:
            places = max(places, SIGNIFICANT - 1 - d.adjusted())
        d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return Decimal(decimal_text(d.normalize() if d != d.to_integral_value() else d))


def fitted_table(base: Table, values: dict[RateId, Decimal], *, table_id: str | None = None,
                 references: dict[str, str] | None = None,
                 fitted_to: dict[str, tuple[str, ...]] | None = None) -> Table:
    """``base`` with the given dated values (of the table's own series or of a duty station's)
    replaced, and references and provenance if given."""
    rates = dict(base.rates)
    for (key, station, date), value in values.items():
        rate = rates[key]
        if station is None:
            update: dict[str, Any] = {"values": {**rate.values, date: value}}
        else:
            update = {"stations": {**rate.stations, station: {**rate.stations.get(station, {}), date: value}}}
        if references and key in references:
            update["reference"] = references[key]
        if fitted_to and key in fitted_to:
            update["fitted_to"] = fitted_to[key]
        rates[key] = rate.model_copy(update=update)
    new_id = table_id or base.id
    return base.model_copy(update={"rates": rates, "id": new_id,
                                   "chain": (new_id,) if new_id != base.id else base.chain,
                                   "origin": {k: new_id for k in rates} if new_id != base.id else base.origin})


class _Alone:
    """One figure of a costed spec priced alone with another table of the same kinds: the engine's
    steps (pieces, price_activity, round_cells, figure_amount) for the figure's activities only, so
    that it equals ``cost(spec, table)`` for that figure (the spec's pieces are found once)."""

    def __init__(self, est: Estimate) -> None:
        self.est = est
        self._pieces: dict[str, list[Piece]] | None = None
        self._activities: dict[str, Activity] = {}
        self._published: dict[str, Figure] = {}

    def figure(self, figure_id: str, table: Table) -> Range:
        spec = self.est.spec
        if self._pieces is None:
            self._pieces = defaultdict(list)
            for piece in pieces(spec, self.est.table):
                self._pieces[piece[0]].append(piece)
            self._activities = {a.id: a for _, a in spec.activities()}
            for f in spec.published:
                self._published.setdefault(f.id, f)
        items: list[LineItem] = []
        for group, request, activity, ri, ai, part in self._pieces.get(figure_id, ()):
            items.extend(price_activity(spec, table, request, activity, group, ri, ai, part=part))
        cells, _ = round_cells(items, table)
        return figure_amount(self._published[figure_id], cells, self._activities)[0]


def _predict(spec_estimates: list[Estimate], table: Table) -> dict[tuple[int, str], Range]:
    out: dict[tuple[int, str], Range] = {}
    for i, est in enumerate(spec_estimates):
        for f in cost(est.spec, table).figures:
            out[(i, f.id)] = f.computed
    return out


# ----------------------------------------------------------------------------- calibrate


def _load(paths: list[str | Path], table: str | Path | None) -> tuple[Table, list[Estimate]]:
    specs: list[tuple[Path, Spec]] = [(p, load_spec(p)) for p in find_specs(paths)]
    if table is None:
        names = sorted({s.table for _, s in specs})
        if len(names) > 1:
            raise InputError(f"the specs use different tables ({', '.join(names)}); name one with --table",
                             file=", ".join(map(str, paths)))
    base = table_for(specs[0][1], specs[0][0], table)
    return base, [cost(s, base) for _, s in specs]


def calibrate(paths: list[str | Path], *, table: str | Path | None = None, places: int = 2,
              loo: bool = True) -> Calibration:
    """Fit every dated value of the specs' table (or ``table``) that their figures use."""
    expect_paths(paths, where="calibrate")
    expect(places, int, what="places", where="calibrate", hint="a whole number from 0 to 6")
    if isinstance(places, bool) or not 0 <= places <= 6:
        raise InputError(f"--places must be 0 to 6 (got {places})", field="places")
    base, estimates = _load(paths, table)
    refs = _refs(estimates)
    excluded = _excluded(estimates, refs)
    eqs = equations(estimates, excluded, refs)
    base_values: dict[RateId, Fraction] = {}
    units: dict[RateId, str] = {}
    for est in estimates:
        for item in est.items:
            if item.rate is not None:
                rid = (item.rate.key, _series(est.table, item.rate.key, item.rate.duty_station),
                       item.rate.effective_from)
                base_values[rid] = Fraction(item.rate.value)
                units[rid] = item.rate.unit
    values, method = solve(eqs, base_values)
    used_by: dict[RateId, dict[str, None]] = defaultdict(dict)  # insertion-ordered sets
    for e in eqs:
        for k in e.coefs:
            used_by[k].setdefault(e.figure)
    rounded = {k: _decimal(v, places) for k, v in values.items()}
    fitted = fitted_table(base, rounded)
    rates = [FittedRate(key=k[0], station=k[1], effective_from=k[2], unit=units[k],
                        base=_decimal(base_values[k], 6), value=rounded[k], method=method[k],
                        figures=tuple(used_by[k]), exact=values[k])
             for k in sorted(values, key=_order)]
    predicted = _predict(estimates, fitted)
    where = {refs[(i, f.id)]: (i, f) for i, est in enumerate(estimates) for f in est.figures}
    loo_pred: dict[str, tuple[Range | None, str]] = {}
    if loo:
        alone = [_Alone(est) for est in estimates]
        for ref, (vals, lost) in leave_one_out(eqs, base_values).items():
            if lost:
                loo_pred[ref] = (None, f"undetermined without it ({', '.join(lost)})")
                continue
            i, f = where[ref]
            t = fitted_table(fitted, {k: _decimal(v, places) for k, v in vals.items()})
            loo_pred[ref] = (alone[i].figure(f.id, t), "")
    figures = []
    for i, est in enumerate(estimates):
        acts = {a.id: a for _, a in est.spec.activities()}
        for f in est.figures:
            ref = refs[(i, f.id)]
            if ref in excluded:
                continue
            lp, note = loo_pred.get(ref, (None, ""))
            kind, station, year = figure_place(est, f, acts)
            figures.append(FigureFit(ref, est.spec.symbol, est.spec.annex, f.paragraph, f.published,
                                     predicted[(i, f.id)], lp, note, kind, station, year))
    return Calibration(base, fitted, rates, figures, sorted(excluded.items()), eqs, places)


def _where_text(r: FittedRate) -> str:
    return f"{r.effective_from}" + (f" {r.station}" if r.station else "")


def _reference(key: str, fitted: list[FittedRate], cal: Calibration) -> str:
    parts = []
    for r in fitted:
        parts.append(f"{_where_text(r)}: {', '.join(r.figures) or 'no figure'} — {METHODS[r.method]} "
                     f"(base {decimal_text(r.base)})")
    return (f"fitted by pbi calibrate to the published figures, from {cal.base.id}, rounded to "
            f"{cal.places} decimals: " + "; ".join(parts))


def _plain_values(series: dict[Any, Any]) -> dict[dt.date, Any]:
    """Dated values as the YAML writes them: dates as dates, amounts as plain decimal text with the
    places they were given (``3372.10`` stays, a rate printed to the ten cents)."""
    out: dict[dt.date, Any] = {}
    for d, v in series.items():
        date = dt.date.fromisoformat(d) if isinstance(d, str) else d
        out[date] = None if v is None else _fixed(Decimal(str(v)))
    return out


def _fixed(value: Decimal) -> str:
    """A Decimal as plain text with the places it has (``3372.10``); a whole number without them."""
    return decimal_text(value) if value == value.to_integral_value() else f"{value:f}"


def write_table(cal: Calibration, path: str | Path, *, table_id: str | None = None) -> Path:
    """Write the fitted table as a self-contained YAML file (atomically): every fitted value, dated
    and by duty station, with provenance."""
    import yaml

    path = Path(path)
    new_id = table_id or f"{cal.base.id}-fitted"
    base = cal.table
    by_key: dict[str, list[FittedRate]] = defaultdict(list)
    for r in cal.rates:
        by_key[r.key].append(r)
    rates: dict[str, Any] = {}
    for key, rate in base.rates.items():
        body = rate.model_dump(mode="json", exclude_defaults=True)
        body["values"] = _plain_values(rate.values)
        if rate.stations:
            body["stations"] = {s: _plain_values(series) for s, series in rate.stations.items()}
        if key in by_key:
            mine = sorted(by_key[key], key=lambda r: (r.station or "", r.effective_from))
            body["reference"] = _reference(key, mine, cal)
            if "sources" in type(rate).model_fields:  # tables that keep a source per dated value
                sources = {s: {dt.date.fromisoformat(d) if isinstance(d, str) else d: t for d, t in dated.items()}
                           for s, dated in body.get("sources", {}).items()}
                for r in mine:
                    sources.setdefault(r.station or "default", {})[r.effective_from] = (
                        f"fitted by pbi calibrate to {', '.join(r.figures) or 'no figure'} ({r.method})")
                body["sources"] = sources
            figures = [f for r in mine if r.method != "undetermined" for f in r.figures]
            if figures:
                body["fitted_to"] = list(dict.fromkeys(figures))
        rates[key] = body
    data: dict[str, Any] = {
        "id": new_id,
        "title": f"{cal.base.title} — rates fitted by pbi calibrate to published figures",
        **({"duty_station": base.duty_station} if base.duty_station else {}),
        **({"stations": list(base.stations)} if base.stations else {}),
        **({"valid_to": base.valid_to} if base.valid_to else {}),
        **({"words_per_page": base.words_per_page} if base.words_per_page else {}),
        "rounding": base.rounding.model_dump(mode="json"),
        "surcharges": {k: s.model_dump(mode="json", exclude_none=True) for k, s in base.surcharges.items()},
        # what prices a new post's first year and the staff assessment is the base table's, unchanged
        **({"staff_assessment": base.staff_assessment.model_dump(
            mode="json", exclude={"sections"} if not base.staff_assessment.sections else None)}
           if base.staff_assessment else {}),
        **({"vacancy_factors": {k: v.model_dump(mode="json") for k, v in base.vacancy_factors.items()}}
           if base.vacancy_factors else {}),
        "activities": {k: a.model_dump(mode="json", exclude_defaults=True) for k, a in base.activities.items()},
        "rates": rates,
    }
    header = (f"# Written by pbi calibrate from {cal.base.id} ({cal.base.file}); {len(cal.figures)} figures, "
              f"{cal.reproduced} reproduced by the fitted rates.\n")
    class Plain(yaml.SafeDumper):  # every value written out: pbi reads no anchors or aliases
        def ignore_aliases(self, data: Any) -> bool:
            return True

    text = header + yaml.dump(data, Dumper=Plain, allow_unicode=True, sort_keys=False, width=100)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(path, text)


# ----------------------------------------------------------------------------- output


def _amount(r: Range | None) -> str:
    if r is None:
        return "-"
    return format_usd(r.low) if not r.is_range else f"{format_usd(r.low)} to {format_usd(r.high)}"


def _signed(r: Range | None) -> str:
    if r is None:
        return "-"

    def one(v: Decimal) -> str:
        return ("+" if v > 0 else "") + format_usd(v) if v else "0"
    return one(r.low) if not r.is_range else f"{one(r.low)} / {one(r.high)}"


def _few(ids: tuple[str, ...] | list[str], most: int = 8) -> str:
    """At most ``most`` names, then how many more."""
    return ", ".join(ids[:most]) + (f" and {len(ids) - most} more" if len(ids) > most else "")


def _pct(value: Any) -> str:
    return "-" if value is None else f"{value:.2f} %"


def _loo_line(s: dict[str, Any]) -> str:
    if not s["figures"]:
        return f"leave-one-out: no figure can be predicted without itself ({len(s['undetermined'])} undetermined)"
    line = (f"leave-one-out over {s['figures']} figures: median |error| {_pct(s.get('median_abs_percent'))}, "
            f"mean {_pct(s.get('mean_abs_percent'))} ({format_usd(s['mean_abs_usd'], places=0)} USD), "
            f"max {_pct(s.get('max_abs_percent'))} ({format_usd(s['max_abs_usd'], places=0)} USD); "
            f"{s.get('within_1_percent', 0)} within 1 %, {s['exact']} predicted exactly")
    und = s["undetermined"]
    shown = ", ".join(und[:12]) + (f", … {len(und) - 12} more" if len(und) > 12 else "")
    return line + f"; {len(und)} undetermined without themselves ({shown or 'none'})"


def calibration_text(cal: Calibration, *, written: str | Path | None = None) -> str:
    """The report `pbi calibrate` prints: fitted values, reproduced figures, leave-one-out."""
    from tabulate import tabulate

    rows = []
    for r in cal.rates:
        ch = r.change_percent
        rows.append([r.key, r.station or cal.base.duty_station or "-", str(r.effective_from),
                     r.unit.replace("*", "·"), format_usd(r.base), format_usd(r.value),
                     "" if ch is None else f"{ch:+.2f} %", r.method, _few(r.figures)])
    out = [f"values of {cal.base.id} fitted to {len(cal.figures)} published figures "
           f"({len(cal.equations)} equations), rounded to {cal.places} decimals", "",
           tabulate(rows, headers=["rate", "station", "from", "unit", "base", "fitted", "change", "method",
                                   "fitted to"],
                    disable_numparse=True,
                    colalign=("left", "left", "left", "left", "right", "right", "right", "left", "left"))]
    frows = []
    for f in cal.figures:
        where = f"{roman(f.annex)} / {f.paragraph}" if f.annex else f"{f.symbol} / {f.paragraph}"
        frows.append([f.id, where, _amount(f.published), _amount(f.predicted), _signed(f.residual),
                      _amount(f.loo) if f.loo is not None else f.loo_note, _signed(f.loo_error)])
    out += ["", tabulate(frows, headers=["figure", "annex / para", "published", "fitted", "residual",
                                         "leave-one-out", "error"],
                         disable_numparse=True,
                         colalign=("left", "left", "right", "right", "right", "right", "right"))]
    if cal.excluded:
        reasons: dict[str, list[str]] = defaultdict(list)
        for i, why in cal.excluded:
            reasons[why].append(i)
        out += ["", f"left out {len(cal.excluded)}: " + "; ".join(f"{_few(ids)} ({why})" for why, ids in reasons.items())]
    s = cal.loo_summary()
    brows = [[g["by"], g["value"], str(g["figures"] + len(g["undetermined"])), str(g["figures"]),
              _pct(g.get("median_abs_percent")), _pct(g.get("mean_abs_percent")),
              str(g.get("within_1_percent", "-")), str(len(g["undetermined"]))] for g in s["by"]]
    out += ["", "leave-one-out by activity kind, duty station and year band:",
            tabulate(brows, headers=["by", "", "figures", "predicted", "median |error|", "mean |error|",
                                     "within 1 %", "undetermined"], disable_numparse=True,
                     colalign=("left", "left", "right", "right", "right", "right", "right", "right"))]
    methods: dict[str, int] = defaultdict(int)
    for r in cal.rates:
        methods[r.method] += 1
    out += ["", f"{len(cal.rates)} values: " + ", ".join(f"{n} {m}" for m, n in sorted(methods.items())),
            f"the fitted values reproduce {cal.reproduced} of {len(cal.figures)} figures in sample "
            f"(rounded {cal.table.rounding.describe()})", _loo_line(s)]
    if written:
        out.append(f"wrote {written}")
    return "\n".join(out)


def _json_value(v: Any) -> Any:
    if isinstance(v, Decimal):
        return _fixed(v.quantize(Decimal("0.0001")) if v != v.to_integral_value() else v)
    if isinstance(v, list):
        return [_json_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _json_value(x) for k, x in v.items()}
    return v


def calibration_json(cal: Calibration, *, written: str | Path | None = None) -> str:
    """The report `pbi calibrate --json` prints (amounts and values as strings)."""
    def rng(r: Range | None) -> Any:
        if r is None:
            return None
        return decimal_text(r.low) if not r.is_range else {"low": decimal_text(r.low), "high": decimal_text(r.high)}

    data = {
        "table": cal.base.id,
        "places": cal.places,
        "rates": [{"key": r.key, "station": r.station, "effective_from": r.effective_from.isoformat(),
                   "unit": r.unit, "base": decimal_text(r.base), "fitted": decimal_text(r.value),
                   "method": r.method, "fitted_to": list(r.figures)} for r in cal.rates],
        "figures": [{"id": f.id, "symbol": f.symbol, "annex": f.annex, "paragraph": f.paragraph,
                     "kind": f.kind, "station": f.station, "year": f.year,
                     "published": rng(f.published), "fitted": rng(f.predicted), "residual": rng(f.residual),
                     "leave_one_out": rng(f.loo), "leave_one_out_error": rng(f.loo_error),
                     "leave_one_out_note": f.loo_note or None} for f in cal.figures],
        "excluded": [{"id": i, "why": why} for i, why in cal.excluded],
        "reproduced": cal.reproduced,
        "leave_one_out": _json_value(cal.loo_summary()),
        "written": str(written) if written else None,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
