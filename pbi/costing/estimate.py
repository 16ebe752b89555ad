"""The result of costing a spec: line items with provenance, rounded cells, figures and totals."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from pbi.costing.display import exporter
from pbi.model.money import Rounding
from pbi.model.specs import Activity, Range, Spec
from pbi.model.tables import RateValue, Table

if TYPE_CHECKING:  # pragma: no cover
    from pbi.model.entitlements import EntitlementUse, Recall

__all__ = ["LineItem", "Cell", "FigureResult", "Estimate", "ItemType", "Status", "FigureKind", "decimal_text", "cents"]

ItemType = Literal["rate", "surcharge", "quoted", "rounding"]
Status = Literal["match", "mismatch", "quoted", "sum", "misprint", "no cost"]
FigureKind = Literal["derived", "quoted", "sum", "no cost"]
ZERO = Range(Decimal(0), Decimal(0))


@dataclass(frozen=True, slots=True)
class LineItem:
    """quantity × rate = amount, for one component of one activity (or a surcharge or rounding)."""

    request: str
    activity: str
    group: str
    type: ItemType
    amount: Range
    funding: str
    year: int
    section: str | None = None
    rate: RateValue | None = None
    quantity: Range | None = None
    unit: str = ""
    factors: tuple[tuple[str, Range], ...] = ()
    covered: bool = False
    note: str = ""
    surcharge: str | None = None
    percent: Decimal | None = None
    part: str | None = None  # "covered" / "additional": the share of an entitlement draw it prices

    @property
    def rate_key(self) -> str | None:
        """The key of the rate that prices this item, if any."""
        return self.rate.key if self.rate else None

    def to_dict(self) -> dict[str, Any]:
        """Plain data (amounts as strings) for JSON, with the rate's provenance."""
        out: dict[str, Any] = {
            "request": self.request, "activity": self.activity, "group": self.group, "type": self.type,
            "funding": self.funding, "section": self.section, "year": self.year, "covered": self.covered,
            "quantity": _range_json(self.quantity) if self.quantity else None, "unit": self.unit,
            "amount": _range_json(self.amount), "note": self.note or None,
        }
        if self.part:
            out["part"] = self.part
        if self.surcharge:
            out["surcharge"] = {"key": self.surcharge, "percent": str(self.percent)}
        if self.rate:
            out["rate"] = {"key": self.rate.key, "value": str(self.rate.value), "unit": self.rate.unit,
                           "table": self.rate.table, "effective_from": self.rate.effective_from.isoformat(),
                           "reference": self.rate.reference, "duty_station": self.rate.duty_station}
        return out


@dataclass(frozen=True, slots=True)
class Cell:
    """The unit of rounding: one group's items for one funding source, section and year."""

    group: str
    funding: str
    section: str | None
    year: int
    unrounded: Range
    rounded: Range
    rounding: Rounding | None


@dataclass(frozen=True, slots=True)
class FigureResult:
    """A published figure against the amount computed from its quantities."""

    id: str
    paragraph: str
    published: Range
    computed: Range
    kind: FigureKind
    status: Status
    activities: tuple[str, ...] = ()
    sum_of: tuple[str, ...] = ()
    same_as: str | None = None
    remark: str = ""

    @property
    def ok(self) -> bool:
        """Not a mismatch: equal to the print, or a misprint flagged as such."""
        return self.status != "mismatch"

    @property
    def matched(self) -> bool:
        """The computed amount equals the print (a flagged misprint is never a match)."""
        return self.status not in ("mismatch", "misprint")


@dataclass(frozen=True)
class Estimate:
    """Everything the engine computed for one spec priced with one table."""

    spec: Spec
    table: Table
    items: tuple[LineItem, ...]
    cells: tuple[Cell, ...]
    figures: tuple[FigureResult, ...] = field(default=())
    entitlements: tuple[EntitlementUse, ...] = field(default=())
    provisions: tuple[Recall, ...] = field(default=())

    def entitlement_uses(self, activity: str | None = None) -> list[EntitlementUse]:
        """How requests were met from entitlements (all, or one activity's)."""
        return [u for u in self.entitlements if activity is None or u.activity == activity]

    def recalls(self, request: str | None = None) -> list[Recall]:
        """The allocations requests refer to without drawing on them (all, or one request's)."""
        return [r for r in self.provisions if request is None or r.request == request]

    # -- sums --------------------------------------------------------------------------------
    def _sum(self, keep: Any) -> Range:
        total = ZERO
        for item in self.items:
            if keep(item):
                total = total + item.amount
        return cents(total)

    @property
    def total(self) -> Range:
        """All additional requirements (items covered by entitlements are left out)."""
        return self._sum(lambda i: not i.covered)

    def totals(self) -> dict[tuple[str, int], Range]:
        """Funding source and year → amount (rounded: rounding items are included)."""
        out: dict[tuple[str, int], Range] = defaultdict(lambda: ZERO)
        for item in self.items:
            if not item.covered:
                out[(item.funding, item.year)] = out[(item.funding, item.year)] + item.amount
        return {k: cents(v) for k, v in sorted(out.items())}

    def by_request(self) -> dict[str, Range]:
        """Request id → its additional requirements (rounded; covered items left out)."""
        out: dict[str, Range] = defaultdict(lambda: ZERO)
        for item in self.items:
            if not item.covered:
                out[item.request] = out[item.request] + item.amount
        return {k: cents(v) for k, v in out.items()}

    def covered_by_request(self) -> dict[str, Range]:
        """Request id → what its covered items come to (within existing resources or an entitlement:
        priced for information, outside the totals), for the requests that have such items."""
        out: dict[str, Range] = defaultdict(lambda: ZERO)
        for item in self.items:
            if item.covered:
                out[item.request] = out[item.request] + item.amount
        return {k: cents(v) for k, v in out.items()}

    def by_group(self) -> dict[str, Range]:
        """Rounding group (a published figure's id, else ``request (a)``) → its additional requirements."""
        out: dict[str, Range] = defaultdict(lambda: ZERO)
        for item in self.items:
            if not item.covered:
                out[item.group] = out[item.group] + item.amount
        return {k: cents(v) for k, v in out.items()}

    def figure(self, figure_id: str) -> FigureResult:
        """The result of published figure ``figure_id``; SpecError naming the known figures if none."""
        for f in self.figures:
            if f.id == figure_id:
                return f
        self.spec.figure(figure_id)  # raises SpecError naming the known figures
        raise AssertionError("unreachable")

    def items_of(self, figure_id: str) -> list[LineItem]:
        """The line items of published figure ``figure_id``: its activities' items and its rounding."""
        figure = self.spec.figure(figure_id)
        wanted = set(figure.activities)
        return [i for i in self.items if i.activity in wanted or (i.type == "rounding" and i.group == figure_id)]

    def place(self, item: LineItem) -> tuple[str | None, str | None]:
        """The activity kind and duty station of a line item: the station of the rate's series, else
        the activity's location, else the table's duty station; ``(None, None)`` for a rounding of
        several activities."""
        activity = self._by_id.get(item.activity) if item.activity else None
        if activity is None:
            return None, None
        station = (item.rate.duty_station if item.rate and item.rate.duty_station
                   else activity.location or self.table.duty_station)
        return activity.kind, station

    @cached_property
    def _by_id(self) -> dict[str, Activity]:
        return {a.id: a for _, a in self.spec.activities()}

    # -- exports: reached through pbi.costing.display.exporter(), at call time ---------------------
    def to_dataframe(self, *, decimal: bool = False) -> Any:
        """One row per line item (needs pandas: ``pip install 'pbi[pandas]'``): amounts as numbers
        that plot and sum, covered amounts in ``covered_amount``; ``decimal=True``: Decimal objects."""
        return exporter().estimate_dataframe(self, decimal=decimal)

    def to_xlsx(self, path: Any) -> Any:
        """Write an Excel workbook with sheets ``items`` and ``totals`` (needs openpyxl)."""
        return exporter().estimate_xlsx(self, path)

    def plot(self, ax: Any = None) -> Any:
        """A bar chart of the amounts by funding source and year (needs matplotlib)."""
        return exporter().estimate_chart(self, ax=ax)

    def to_table(self) -> str:
        """Plain-text tables, as `pbi cost` prints them: line items, requests, totals, figures."""
        return str(exporter().estimate_table(self))

    def __str__(self) -> str:
        return self.to_table()

    def __repr__(self) -> str:
        """One line: a notebook's ``est`` or a test's failure message is not the whole spec and table
        (``to_dict()``, ``to_dataframe()`` and the notebook display give everything)."""
        return (f"<Estimate {self.spec.symbol} priced with {self.table.id}: {len(self.items)} line items, "
                f"total {self.total} USD>")

    def _repr_markdown_(self) -> str:
        return str(exporter().estimate_markdown(self))

    def _repr_html_(self) -> str:
        return str(exporter().estimate_html(self))

    def to_dict(self) -> dict[str, Any]:
        """Plain data (amounts as strings) for JSON."""
        return {
            "spec": self.spec.symbol, "table": self.table.id,
            "items": [{**i.to_dict(), **dict(zip(("kind", "station"), self.place(i), strict=True))}
                      for i in self.items],
            "requests": [{"request": r, "amount": _range_json(a)} for r, a in self.by_request().items()],
            **({"covered_requests": [{"request": r, "amount": _range_json(a)} for r, a in covered.items()]}
               if (covered := self.covered_by_request()) else {}),
            "figures": [figure_json(f) for f in self.figures],
            "totals": [{"funding": f, "year": y, "amount": _range_json(a)} for (f, y), a in self.totals().items()],
            "total": _range_json(self.total),
            **({"entitlements": [u.to_dict() for u in self.entitlements]} if self.entitlements else {}),
            **({"provisions": [r.to_dict() for r in self.provisions]} if self.provisions else {}),
        }


_CENT = Decimal("0.01")


def cents(value: Range) -> Range:
    """A sum shown in one precision: to the cent when that changes nothing (28600 and 448500.0000
    both become two places); a sum with a finer part is left as it is."""
    def one(v: Decimal) -> Decimal:
        q = v.quantize(_CENT)
        return q if q == v else v

    return Range(one(value.low), one(value.high))


def decimal_text(value: Decimal) -> str:
    """A Decimal as plain text: ``477100`` rather than ``477100.0000``, ``40.4`` rather than
    ``40.4000``; never an exponent."""
    if not value.is_finite():
        return str(value)
    return "0" if value == 0 else f"{value.normalize():f}"


def _range_json(value: Range) -> Any:
    if value.is_range:
        return {"low": decimal_text(value.low), "high": decimal_text(value.high)}
    return decimal_text(value.low)


def figure_json(f: FigureResult) -> dict[str, Any]:
    return {"id": f.id, "paragraph": f.paragraph, "kind": f.kind, "status": f.status,
            "published": _range_json(f.published), "computed": _range_json(f.computed),
            "match": f.matched, "same_as": f.same_as, "sum_of": list(f.sum_of) or None,
            "remark": f.remark or None}
