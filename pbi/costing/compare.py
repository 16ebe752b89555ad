"""Two estimates side by side: baseline, scenario, difference and per cent, for every line item,
every figure or request, every funding source and year, and the total.

Line items are matched by (group, activity, type, rate key or surcharge, funding, section, year);
an item that exists on one side only compares with zero. Per cent is the difference over the
baseline, a Decimal to one place (None where the baseline is zero).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pbi.costing.display import exporter
from pbi.costing.estimate import Estimate, LineItem, decimal_text
from pbi.model.validation import expect
from pbi.model.specs import Range

__all__ = ["Comparison", "Row", "compare"]

_ZERO = Range(Decimal(0), Decimal(0))
_PLACE = Decimal("0.1")


def _percent(diff: Decimal, base: Decimal) -> Decimal | None:
    if base == 0:
        return None
    return (diff * 100 / base).quantize(_PLACE)


@dataclass(frozen=True, slots=True)
class Row:
    """One compared line: what it is and the two amounts."""

    level: str  # "item", "group", "funding" or "total"
    group: str
    activity: str
    what: str
    funding: str
    year: int | None
    baseline: Range
    scenario: Range
    provenance: str = ""
    section: str | None = None  # the budget section of a line item (a rounding per section says which)
    #: a line item's activity kind, its duty station on each side, and its rate on each side
    kind: str | None = None
    station_baseline: str | None = None
    station: str | None = None
    rate_baseline: Decimal | None = None
    rate: Decimal | None = None

    @property
    def difference(self) -> Range:
        """Scenario minus baseline, at each end of the ranges."""
        return Range(self.scenario.low - self.baseline.low, self.scenario.high - self.baseline.high)

    @property
    def percent(self) -> tuple[Decimal | None, Decimal | None]:
        """Per cent change of the low and the high end (none for a rounding adjustment, whose size is
        the rounding's, not the activity's)."""
        if self.level == "item" and self.what == "rounding":
            return None, None
        d = self.difference
        return _percent(d.low, self.baseline.low), _percent(d.high, self.baseline.high)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (amounts and per cents as strings) for JSON."""
        low, high = self.percent
        pct: Any = None if low is None else str(low)
        if self.baseline.is_range or self.scenario.is_range:
            pct = {"low": None if low is None else str(low), "high": None if high is None else str(high)}
        return {"level": self.level, "group": self.group, "activity": self.activity or None, "what": self.what,
                "funding": self.funding or None, "year": self.year, "baseline": _amount(self.baseline),
                "scenario": _amount(self.scenario), "difference": _amount(self.difference), "percent": pct,
                "provenance": self.provenance or None, "section": self.section, "kind": self.kind,
                "station_baseline": self.station_baseline, "station": self.station,
                "rate_baseline": None if self.rate_baseline is None else decimal_text(self.rate_baseline),
                "rate": None if self.rate is None else decimal_text(self.rate)}


def _amount(value: Range) -> Any:
    if value.is_range:
        return {"low": decimal_text(value.low), "high": decimal_text(value.high)}
    return decimal_text(value.low)


def _what(item: LineItem) -> str:
    if item.type == "rate" and item.rate:
        return item.rate.key
    if item.type == "surcharge":
        return f"surcharge {item.surcharge}"
    return "lump sum (quoted)" if item.type == "quoted" else "rounding"


def _provenance(item: LineItem) -> str:
    if item.rate:
        r = item.rate
        return f"{r.key} = {r.value} {r.unit}, table {r.table}, effective from {r.effective_from}"
    if item.type == "surcharge":
        return f"{item.percent}% {item.note}"
    return item.note


def _key(item: LineItem) -> tuple[Any, ...]:
    return (item.group, item.activity, item.type, _what(item), item.funding, item.section, item.year)


@dataclass(frozen=True)
class Comparison:
    """Baseline and scenario estimates of one spec, compared line by line."""

    baseline: Estimate
    scenario: Estimate
    labels: tuple[str, str] = ("baseline", "scenario")

    @property
    def items(self) -> list[Row]:
        """Every line item (rate, surcharge, quoted, rounding), matched across the two estimates."""
        base: dict[tuple[Any, ...], list[LineItem]] = {}
        scen: dict[tuple[Any, ...], list[LineItem]] = {}
        for item in self.baseline.items:
            base.setdefault(_key(item), []).append(item)
        for item in self.scenario.items:
            scen.setdefault(_key(item), []).append(item)
        rows = []
        for key in dict.fromkeys([*base, *scen]):
            b, s = base.get(key, []), scen.get(key, [])
            first = (s or b)[0]
            kind, station = (self.scenario if s else self.baseline).place(first)
            rows.append(Row("item", key[0], key[1], key[3], key[4], key[6], _sum(i.amount for i in b),
                            _sum(i.amount for i in s), _provenance(first)
                            + (f"; {self.labels[0]}: {_provenance(b[0])}" if b and s and first.rate
                               and b[0].rate and b[0].rate != first.rate else ""), key[5],
                            kind, self.baseline.place(b[0])[1] if b else None, station if s else None,
                            b[0].rate.value if b and b[0].rate else None,
                            s[0].rate.value if s and s[0].rate else None))
        return rows

    @property
    def groups(self) -> list[Row]:
        """Each published figure (or request without one): its additional requirements."""
        b, s = self.baseline.by_group(), self.scenario.by_group()
        return [Row("group", g, "", "subtotal", "", None, b.get(g, _ZERO), s.get(g, _ZERO))
                for g in dict.fromkeys([*b, *s])]

    @property
    def totals(self) -> list[Row]:
        """Funding source and year, then the grand total."""
        b, s = self.baseline.totals(), self.scenario.totals()
        rows = [Row("funding", "", "", "total", f, y, b.get((f, y), _ZERO), s.get((f, y), _ZERO))
                for (f, y) in sorted({*b, *s})]
        rows.append(Row("total", "", "", "total", "", None, self.baseline.total, self.scenario.total))
        return rows

    @property
    def total(self) -> Row:
        """The grand total's row."""
        return self.totals[-1]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: amounts and per cents as strings."""
        return {"spec": self.baseline.spec.symbol, "labels": list(self.labels),
                "tables": [self.baseline.table.id, self.scenario.table.id],
                "items": [r.to_dict() for r in self.items], "groups": [r.to_dict() for r in self.groups],
                "totals": [r.to_dict() for r in self.totals]}

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON text."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_csv(self) -> str:
        """One row per item, group and total: level, names, the two amounts, difference, per cent,
        and for a line item its kind, duty station and rate on each side (columns named baseline_*/scenario_* whatever the labels, so that scripts can rely on them)."""
        import csv
        import io

        from pbi.model.cells import spreadsheet_text

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["level", "group", "activity", "what", "funding", "year", "baseline_low",
                         "baseline_high", "scenario_low", "scenario_high", "difference_low", "difference_high",
                         "percent_low", "percent_high", "kind", "station_baseline", "station", "rate_baseline",
                         "rate", "provenance", "section"])
        t = decimal_text
        for r in [*self.items, *self.groups, *self.totals]:
            d, (pl, ph) = r.difference, r.percent
            writer.writerow([spreadsheet_text(c) for c in [r.level, r.group, r.activity, r.what, r.funding,
                                                           "" if r.year is None else r.year,
                             t(r.baseline.low), t(r.baseline.high), t(r.scenario.low), t(r.scenario.high),
                             t(d.low), t(d.high), "" if pl is None else pl, "" if ph is None else ph,
                             r.kind or "", r.station_baseline or "", r.station or "",
                             "" if r.rate_baseline is None else t(r.rate_baseline),
                             "" if r.rate is None else t(r.rate), r.provenance, r.section or ""]])
        return buf.getvalue()

    # -- exports: reached through pbi.costing.display.exporter(), at call time ---------------------
    def to_table(self) -> str:
        """Plain-text tables: line items, figures, totals."""
        return str(exporter().comparison_table(self))

    def __repr__(self) -> str:
        """One line (``to_table()`` and the notebook display give every row)."""
        total = self.total
        return (f"<Comparison {self.baseline.spec.symbol}: {self.labels[0]} {total.baseline} USD "
                f"({self.baseline.table.id}), {self.labels[1]} {total.scenario} USD ({self.scenario.table.id})>")

    def __str__(self) -> str:
        return self.to_table()

    def _repr_markdown_(self) -> str:
        return str(exporter().comparison_markdown(self))

    def _repr_html_(self) -> str:
        return str(exporter().comparison_html(self))

    def to_dataframe(self, *, decimal: bool = False) -> Any:
        """A pandas DataFrame of every row, amounts as numbers (``decimal=True``: Decimal objects)."""
        return exporter().comparison_dataframe(self, decimal=decimal)

    def to_xlsx(self, path: Any) -> None:
        """Write an Excel workbook (openpyxl): sheets ``items`` and ``totals``."""
        exporter().comparison_xlsx(self, path)

    def plot(self, ax: Any = None) -> Any:
        """A bar chart of each figure or request, baseline against scenario (matplotlib)."""
        return exporter().comparison_chart(self, ax=ax)


def _sum(values: Any) -> Range:
    low = high = Decimal(0)
    for v in values:
        low, high = low + v.low, high + v.high
    return Range(low, high)


def compare(baseline: Estimate, scenario: Estimate, *, labels: tuple[str, str] = ("baseline", "scenario")
            ) -> Comparison:
    """Compare two estimates of the same spec (a scenario, or another table)."""
    expect(baseline, Estimate, what="baseline", where="compare", hint="pbi.cost_file(PATH)")
    expect(scenario, Estimate, what="scenario", where="compare", hint="pbi.cost_file(PATH), or pbi.compare_file")
    return Comparison(baseline=baseline, scenario=scenario, labels=labels)
