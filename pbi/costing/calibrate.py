"""``pbi calibrate``: fit the rates of a cost table to the published figures of specs.

Every figure derived from quantities is linear in the rates:
``figure ≈ Σ_k rate_k × c_k`` with ``c_k`` = Σ over the figure's line items priced with rate *k*
of quantity × unit factor × (1 + the surcharges of the item's funding). The coefficients are read
from the engine's line items (the spec is costed once with the base table; ``c_k`` = item amount /
rate value), so pricing is never re-implemented here. A range figure gives two equations (low and
high ends). Quoted lump sums, stated totals, no-cost figures and figures inconsistent as printed
(a figure ``same_as`` another but printed differently, like F17) are left out.

Solving, in exact rational arithmetic (:class:`fractions.Fraction`):

1. a rate found in a single equation is fitted *exactly* to it, given the other rates (the equation
   is set aside and the search repeats);
2. the remaining rates are fitted by *least squares* (normal equations, Gaussian elimination),
   per group of rates that share equations — *exact* when a group has as many equations as rates;
3. a rate the equations cannot separate from another is *undetermined* and keeps its base value.

Fitted rates are rounded to ``places`` decimals; each figure is then predicted by the engine with
the fitted table (rounded by the table's rule). Leave-one-out: each figure is predicted from a table
fitted without it ("undetermined without it" when it alone determines a rate).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from pbi.costing.api import table_for
from pbi.costing.engine import COVERED_SOURCES, cost
from pbi.model.errors import InputError, TableError
from pbi.costing.estimate import Estimate
from pbi.model.fileio import write_atomic
from pbi.model.money import format_usd, roman
from pbi.costing.reproduce import find_specs
from pbi.model.specs import Range, Spec, load_spec
from pbi.model.tables import Table

__all__ = ["Equation", "FittedRate", "FigureFit", "Calibration", "calibrate", "equations",
           "solve", "fitted_table", "write_table", "calibration_text", "calibration_json"]

RateId = tuple[str, dt.date]  # rate key, effective date of the value used
Method = Literal["exact", "least squares", "undetermined", "unused"]


@dataclass(frozen=True)
class Equation:
    """One published figure (or one end of a range) as a linear combination of rates."""

    figure: str
    end: str  # "" for a single figure, "low" / "high" for the ends of a range
    published: Fraction  # minus any quoted amount inside the figure
    coefs: dict[RateId, Fraction]

    @property
    def label(self) -> str:
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

    @property
    def change_percent(self) -> Decimal | None:
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

    @property
    def residual(self) -> Range:
        return Range(self.published.low - self.predicted.low, self.published.high - self.predicted.high)

    @property
    def loo_error(self) -> Range | None:
        if self.loo is None:
            return None
        return Range(self.loo.low - self.published.low, self.loo.high - self.published.high)


@dataclass(frozen=True)
class Calibration:
    base: Table
    table: Table  # the fitted table
    rates: list[FittedRate]
    figures: list[FigureFit]
    excluded: list[tuple[str, str]]  # figure id, why
    equations: list[Equation] = field(default_factory=list)
    places: int = 2

    @property
    def reproduced(self) -> int:
        return sum(1 for f in self.figures if f.residual == Range.of(0))

    def loo_summary(self) -> dict[str, Any]:
        errs = [(f, f.loo_error) for f in self.figures if f.loo_error is not None]
        out: dict[str, Any] = {"figures": len(errs),
                               "undetermined": [f.id for f in self.figures if f.loo is None]}
        if errs:
            abs_usd = [max(abs(e.low), abs(e.high)) for _, e in errs]
            pct = [max(abs(e.low) / f.published.low if f.published.low else Decimal(0),
                       abs(e.high) / f.published.high if f.published.high else Decimal(0)) * 100
                   for f, e in errs]
            out.update(mean_abs_usd=sum(abs_usd, Decimal(0)) / len(errs), max_abs_usd=max(abs_usd),
                       mean_abs_percent=sum(pct, Decimal(0)) / len(errs), max_abs_percent=max(pct),
                       exact=sum(1 for a in abs_usd if a == 0))
        return out


# ----------------------------------------------------------------------------- equations


def _excluded(estimates: list[Estimate]) -> dict[str, str]:
    published = {f.id: f.amount for e in estimates for f in e.spec.published}
    out: dict[str, str] = {}
    for est in estimates:
        for f in est.figures:
            if f.kind != "derived":
                out[f.id] = {"quoted": "quoted lump sum", "sum": "stated total",
                             "no cost": "no cost (within existing resources)"}[f.kind]
            elif f.same_as and f.same_as in published and published[f.same_as] != f.published:
                out[f.id] = (f"inconsistent as printed: the same item as {f.same_as}, printed "
                             f"{f.published} against {published[f.same_as]}")
    return out


def equations(estimates: list[Estimate], excluded: dict[str, str]) -> list[Equation]:
    """The linear equations of every derived figure not ``excluded``, read from line items."""
    out: list[Equation] = []
    for est in estimates:
        mult: dict[str, Fraction] = defaultdict(lambda: Fraction(1))
        for item in est.items:
            if item.type == "surcharge" and item.percent is not None:
                mult[item.activity] += Fraction(item.percent) / 100
        for f in est.figures:
            if f.id in excluded:
                continue
            ends = [("low", f.published.low), ("high", f.published.high)] if f.published.is_range \
                else [("", f.published.low)]
            for end, published in ends:
                coefs: dict[RateId, Fraction] = defaultdict(Fraction)
                constant = Fraction(0)
                for item in est.items:
                    if item.group != f.id or item.covered or item.funding in COVERED_SOURCES:
                        continue
                    amount = item.amount.high if end == "high" else item.amount.low
                    if item.type == "quoted":
                        constant += Fraction(amount)
                    elif item.type == "rate" and item.rate is not None:
                        if not item.rate.value:
                            raise TableError(f"rate {item.rate.key!r} is 0 in table {est.table.id!r}: its "
                                             f"share of {f.id} cannot be read from the line items")
                        rid = (item.rate.key, item.rate.effective_from)
                        coefs[rid] += Fraction(amount) / Fraction(item.rate.value) * mult[item.activity]
                out.append(Equation(f.id, end, Fraction(published) - constant,
                                    {k: v for k, v in coefs.items() if v}))
    return out


# ----------------------------------------------------------------------------- solving


def _lstsq(eqs: list[Equation], keys: list[RateId], fixed: dict[RateId, Fraction]
           ) -> tuple[dict[RateId, Fraction], set[RateId]]:
    """Least squares over ``keys`` by normal equations; keys without a pivot are undetermined."""
    n = len(keys)
    idx = {k: i for i, k in enumerate(keys)}
    ata = [[Fraction(0)] * n for _ in range(n)]
    atb = [Fraction(0)] * n
    for e in eqs:
        rhs = e.published - sum((c * fixed[k] for k, c in e.coefs.items() if k not in idx), Fraction(0))
        row = [(idx[k], c) for k, c in e.coefs.items() if k in idx]
        for i, ci in row:
            atb[i] += ci * rhs
            for j, cj in row:
                ata[i][j] += ci * cj
    # Gauss-Jordan; a column without a pivot is a rate the equations cannot determine
    pivots: list[int] = []
    r = 0
    for col in range(n):
        p = next((i for i in range(r, n) if ata[i][col] != 0), None)
        if p is None:
            continue
        ata[r], ata[p] = ata[p], ata[r]
        atb[r], atb[p] = atb[p], atb[r]
        inv = 1 / ata[r][col]
        ata[r] = [v * inv for v in ata[r]]
        atb[r] *= inv
        for i in range(n):
            if i != r and ata[i][col] != 0:
                fac = ata[i][col]
                ata[i] = [a - fac * b for a, b in zip(ata[i], ata[r], strict=True)]
                atb[i] -= fac * atb[r]
        pivots.append(col)
        r += 1
    undetermined = {keys[c] for c in range(n) if c not in pivots}
    if undetermined:  # fix them at their base values and solve again for the others
        rest = [k for k in keys if k not in undetermined]
        values, more = _lstsq(eqs, rest, fixed) if rest else ({}, set())
        return values, undetermined | more
    return {keys[c]: atb[i] for i, c in enumerate(pivots)}, set()


def solve(eqs: list[Equation], base: dict[RateId, Fraction]
          ) -> tuple[dict[RateId, Fraction], dict[RateId, Method]]:
    """Fit the rates the equations name; undetermined ones keep their ``base`` value."""
    values: dict[RateId, Fraction] = {}
    method: dict[RateId, Method] = {}
    remaining = list(eqs)
    unknown = sorted({k for e in eqs for k in e.coefs})
    peeled: list[tuple[RateId, Equation]] = []
    while True:
        uses: dict[RateId, list[Equation]] = {k: [e for e in remaining if k in e.coefs] for k in unknown}
        private = next((k for k in unknown if len(uses[k]) == 1), None)
        if private is None:
            break
        eq = uses[private][0]
        peeled.append((private, eq))
        remaining.remove(eq)
        unknown.remove(private)
        for k in [k for k in unknown if len(uses[k]) == 1 and uses[k][0] is eq]:
            unknown.remove(k)  # a second rate fitted to the same single equation: inseparable
            values[k], method[k] = base[k], "undetermined"
    # groups of rates that share equations
    parent = {k: k for k in unknown}

    def find(k: RateId) -> RateId:
        while parent[k] != k:
            k = parent[k]
        return k

    for e in remaining:
        ks = [k for k in e.coefs if k in parent]
        for k in ks[1:]:
            parent[find(k)] = find(ks[0])
    groups: dict[RateId, list[RateId]] = defaultdict(list)
    for k in unknown:
        groups[find(k)].append(k)
    fixed = dict(base)
    fixed.update(values)
    for keys in groups.values():
        geqs = [e for e in remaining if any(k in e.coefs for k in keys)]
        if not geqs:
            for k in keys:
                values[k], method[k] = base[k], "undetermined"
            continue
        got, undetermined = _lstsq(geqs, keys, fixed)
        for k in undetermined:
            values[k], method[k] = base[k], "undetermined"
        m: Method = "least squares" if len(geqs) > len(got) else "exact"
        for k, v in got.items():
            values[k], method[k] = v, m
    fixed.update(values)
    for k, eq in reversed(peeled):
        rest = sum((c * fixed[o] for o, c in eq.coefs.items() if o != k), Fraction(0))
        values[k] = fixed[k] = (eq.published - rest) / eq.coefs[k]
        method[k] = "exact"
    return values, method


# ----------------------------------------------------------------------------- tables


def _decimal(value: Fraction, places: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60
        d = Decimal(value.numerator) / Decimal(value.denominator)
        return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP).normalize() \
            if places > 0 else d.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _plain_decimal(d: Decimal) -> Decimal:
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


def fitted_table(base: Table, values: dict[RateId, Decimal], *, table_id: str | None = None,
                 references: dict[str, str] | None = None,
                 fitted_to: dict[str, tuple[str, ...]] | None = None) -> Table:
    """``base`` with the given dated values replaced (and references, provenance if given)."""
    rates = dict(base.rates)
    for (key, date), value in values.items():
        rate = rates[key]
        update: dict[str, Any] = {"values": {**rate.values, date: _plain_decimal(value)}}
        if references and key in references:
            update["reference"] = references[key]
        if fitted_to and key in fitted_to:
            update["fitted_to"] = fitted_to[key]
        rates[key] = rate.model_copy(update=update)
    new_id = table_id or base.id
    return base.model_copy(update={"rates": rates, "id": new_id,
                                   "chain": (new_id,) if new_id != base.id else base.chain,
                                   "origin": {k: new_id for k in rates} if new_id != base.id else base.origin})


def _predict(spec_estimates: list[Estimate], table: Table) -> dict[str, Range]:
    out: dict[str, Range] = {}
    for est in spec_estimates:
        for f in cost(est.spec, table).figures:
            out[f.id] = f.computed
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
    """Fit the rates of the specs' table (or ``table``) to their published figures."""
    if not 0 <= places <= 6:
        raise InputError(f"--places must be 0 to 6 (got {places})", field="places")
    base, estimates = _load(paths, table)
    excluded = _excluded(estimates)
    eqs = equations(estimates, excluded)
    base_values: dict[RateId, Fraction] = {}
    units: dict[RateId, str] = {}
    for est in estimates:
        for item in est.items:
            if item.rate is not None:
                rid = (item.rate.key, item.rate.effective_from)
                base_values[rid] = Fraction(item.rate.value)
                units[rid] = item.rate.unit
    values, method = solve(eqs, base_values)
    used_by: dict[RateId, list[str]] = defaultdict(list)
    for e in eqs:
        for k in e.coefs:
            if e.figure not in used_by[k]:
                used_by[k].append(e.figure)
    rounded = {k: _decimal(v, places) for k, v in values.items()}
    fitted = fitted_table(base, rounded)
    rates = [FittedRate(key=k[0], effective_from=k[1], unit=units[k], base=_plain_decimal(
        Decimal(base_values[k].numerator) / Decimal(base_values[k].denominator)),
        value=rounded[k], method=method[k], figures=tuple(used_by[k]), exact=values[k])
        for k in sorted(values, key=lambda k: (-len(used_by[k]), k))]
    predicted = _predict(estimates, fitted)
    loo_pred: dict[str, tuple[Range | None, str]] = {}
    if loo:
        spec_of = {f.id: est for est in estimates for f in est.figures}
        for fid in dict.fromkeys(e.figure for e in eqs):
            rest = [e for e in eqs if e.figure != fid]
            mine = {k for e in eqs if e.figure == fid for k in e.coefs}
            vals, meth = solve(rest, base_values)
            lost = sorted(k[0] for k in mine if k not in vals or meth[k] == "undetermined")
            if lost:
                loo_pred[fid] = (None, f"undetermined without it ({', '.join(lost)})")
                continue
            t = fitted_table(base, {k: _decimal(v, places) for k, v in vals.items()})
            loo_pred[fid] = (_predict([spec_of[fid]], t)[fid], "")
    figures = []
    for est in estimates:
        for f in est.figures:
            if f.id in excluded:
                continue
            lp, note = loo_pred.get(f.id, (None, ""))
            figures.append(FigureFit(f.id, est.spec.symbol, est.spec.annex, f.paragraph, f.published,
                                     predicted[f.id], lp, note))
    return Calibration(base, fitted, rates, figures, sorted(excluded.items()), eqs, places)


def _reference(r: FittedRate, cal: Calibration) -> str:
    how = {"exact": "exactly determined", "least squares": "least squares",
           "undetermined": "undetermined by the figures; base value kept",
           "unused": "not used"}[r.method]
    figs = ", ".join(r.figures)
    return (f"fitted by pbi calibrate to {figs}: {how} (base value {format_usd(r.base)} in "
            f"{cal.base.id}; rounded to {cal.places} decimals)")


def write_table(cal: Calibration, path: str | Path, *, table_id: str | None = None) -> Path:
    """Write the fitted table as a self-contained YAML file (atomically), with provenance."""
    import yaml

    path = Path(path)
    new_id = table_id or f"{cal.base.id}-fitted"
    base = cal.base
    rates: dict[str, Any] = {}
    fitted = {r.key: r for r in cal.rates}
    for key, rate in base.rates.items():
        body = rate.model_dump(mode="json", exclude_defaults=True)
        body["values"] = {dt.date.fromisoformat(d) if isinstance(d, str) else d: v
                          for d, v in body["values"].items()}
        if key in fitted:
            r = fitted[key]
            body["values"][r.effective_from] = str(r.value)
            body["reference"] = _reference(r, cal)
            if r.method != "undetermined":
                body["fitted_to"] = list(r.figures)
        rates[key] = body
    data: dict[str, Any] = {
        "id": new_id,
        "title": f"{base.title} — rates fitted by pbi calibrate to published figures",
        **({"duty_station": base.duty_station} if base.duty_station else {}),
        **({"valid_to": base.valid_to} if base.valid_to else {}),
        **({"words_per_page": base.words_per_page} if base.words_per_page else {}),
        "rounding": base.rounding.model_dump(mode="json"),
        "surcharges": {k: s.model_dump(mode="json", exclude_none=True) for k, s in base.surcharges.items()},
        "activities": {k: a.model_dump(mode="json", exclude_defaults=True) for k, a in base.activities.items()},
        "rates": rates,
    }
    header = (f"# Written by pbi calibrate from {base.id} ({base.file}); {len(cal.figures)} figures, "
              f"{cal.reproduced} reproduced by the fitted rates.\n")
    text = header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
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


def calibration_text(cal: Calibration, *, written: str | Path | None = None) -> str:
    from tabulate import tabulate

    rows = []
    for r in cal.rates:
        ch = r.change_percent
        rows.append([r.key, r.unit.replace("*", "·"), format_usd(r.base), format_usd(r.value),
                     "" if ch is None else f"{ch:+.2f} %", r.method, ", ".join(r.figures)])
    out = [f"rates of {cal.base.id} fitted to {len(cal.figures)} published figures "
           f"({len(cal.equations)} equations), rounded to {cal.places} decimals", "",
           tabulate(rows, headers=["rate", "unit", "base", "fitted", "change", "method", "fitted to"],
                    disable_numparse=True, colalign=("left", "left", "right", "right", "right", "left", "left"))]
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
        out += ["", "left out: " + "; ".join(f"{i} ({why})" for i, why in cal.excluded)]
    s = cal.loo_summary()
    out += ["", f"the fitted rates reproduce {cal.reproduced} of {len(cal.figures)} figures "
                f"(rounded {cal.table.rounding.describe()})"]
    if s["figures"]:
        out.append(f"leave-one-out over {s['figures']} figures: mean |error| "
                   f"{format_usd(s['mean_abs_usd'], places=0)} USD ({s['mean_abs_percent']:.2f} %), "
                   f"max {format_usd(s['max_abs_usd'], places=0)} USD ({s['max_abs_percent']:.2f} %), "
                   f"{s['exact']} predicted exactly; {len(s['undetermined'])} undetermined without "
                   f"themselves ({', '.join(s['undetermined']) or 'none'})")
    if written:
        out.append(f"wrote {written}")
    return "\n".join(out)


def calibration_json(cal: Calibration, *, written: str | Path | None = None) -> str:
    def rng(r: Range | None) -> Any:
        if r is None:
            return None
        return str(r.low) if not r.is_range else {"low": str(r.low), "high": str(r.high)}

    s = cal.loo_summary()
    data = {
        "table": cal.base.id,
        "places": cal.places,
        "rates": [{"key": r.key, "effective_from": r.effective_from.isoformat(), "unit": r.unit,
                   "base": str(r.base), "fitted": str(r.value), "method": r.method,
                   "fitted_to": list(r.figures)} for r in cal.rates],
        "figures": [{"id": f.id, "symbol": f.symbol, "annex": f.annex, "paragraph": f.paragraph,
                     "published": rng(f.published), "fitted": rng(f.predicted), "residual": rng(f.residual),
                     "leave_one_out": rng(f.loo), "leave_one_out_error": rng(f.loo_error),
                     "leave_one_out_note": f.loo_note or None} for f in cal.figures],
        "excluded": [{"id": i, "why": why} for i, why in cal.excluded],
        "reproduced": cal.reproduced,
        "leave_one_out": {k: (str(v) if isinstance(v, Decimal) else v) for k, v in s.items()},
        "written": str(written) if written else None,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
