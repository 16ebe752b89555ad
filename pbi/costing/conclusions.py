"""What a note concludes from an estimate: additional regular-budget requirements by section and
year (or none), what later budget periods must consider, what extrabudgetary resources are needed,
what existing resources and entitlements cover, and what the body is asked to do.

The rules (``conclude``):

- a regular-budget or contingency-fund amount that no entitlement covers, in a year of the note's
  budget period, is an *additional regular-budget requirement*, by section and year;
- a regular-budget amount in a later year, or one left to the budget process, is for *the
  established budget process* of its period, not for this note's appropriation;
- extrabudgetary and voluntary amounts (programme support costs included, and shown apart) priced
  from quantities mean the note carries the paragraph "the activities will not take place without
  extrabudgetary resources" (a sum the note only quotes for a request subject to extrabudgetary
  resources says so in its own paragraph, as in CTOC/COP/2010/17, annex II, paragraph 5);
- the action: ``none`` if there is no additional requirement in the period ("adoption would not
  give rise to additional appropriations"); ``appropriate`` if there is and the body appropriates
  (the General Assembly: "would be requested to appropriate an additional …, under section …",
  a charge against the contingency fund where the items say so); ``state_requirements`` if there
  is but the body cannot appropriate (a conference of the parties): the note states the additional
  requirements, and adoption itself still gives rise to no additional appropriation (as in
  CTOC/COP/2010/17, annex V, paragraphs 3 and 9);
- by object of expenditure (``ObjectRequirement``): each rounded cell of the engine is shared among
  the objects of its activities (model/vocabulary.yaml, or the activity's ``object:``) in whole
  rounding steps, largest remainders first, so that the objects of a cell add up to the cell;
- ``shown_under`` (a statement's assumed sections: activity → section, for activities whose spec
  names none): a rounded cell whose activities are shown under several sections is shared among them
  in whole rounding steps in the same way, so that every total stays the estimate's own;
- staff assessment (``StaffAssessmentLine``): the table's ``staff_assessment`` percentage of the
  staff costs (objects it applies to) of each year's regular-budget requirements, rounded once by
  the table's rule, shown under its section and offset by the same amount under its income section.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from pbi.costing.engine import COVERED_SOURCES
from pbi.model.entitlements import EntitlementUse
from pbi.costing.estimate import ZERO, Estimate, decimal_text
from pbi.model.periods import BudgetPeriod, period_of
from pbi.model.money import Rounding
from pbi.model.validation import expect
from pbi.model.specs import Range, Spec
from pbi.model.vocabulary import appropriating_bodies, funding_keys

__all__ = ["Requirement", "Conclusion", "Action", "conclude", "APPROPRIATING_BODIES",
           "REGULAR_BUDGET_SOURCES", "EXTRABUDGETARY_SOURCES", "ObjectRequirement", "StaffAssessmentLine", "StaffAssessmentPart",
           "Share", "apportion"]

#: bodies that appropriate (``appropriates: true`` in model/vocabulary.yaml, and their aliases); any
#: other body's notes cannot give rise to an appropriation
APPROPRIATING_BODIES = appropriating_bodies()
#: what a requirement is for: the note's additional requirements, the budget process of a later
#: period, extrabudgetary resources, or what existing resources and entitlements cover
Share = Literal["additional", "budget_process", "extrabudgetary", "covered"]
#: funding sources by class (model/vocabulary.yaml)
REGULAR_BUDGET_SOURCES = funding_keys("regular")
EXTRABUDGETARY_SOURCES = funding_keys("other")

Action = Literal["none", "appropriate", "state_requirements"]


@dataclass(frozen=True, slots=True)
class Requirement:
    """An amount for one funding source, budget section and year (rounded: rounding included)."""

    funding: str
    section: str | None
    year: int
    amount: Range

    @property
    def period(self) -> BudgetPeriod:
        """The budget period the requirement falls in."""
        return period_of(self.year)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (amounts as strings) for JSON."""
        return {"funding": self.funding, "section": self.section, "year": self.year,
                "period": self.period.label, "amount": _json(self.amount)}


@dataclass(frozen=True, slots=True)
class ObjectRequirement:
    """A requirement by object of expenditure, budget section (or funding source) and year."""

    share: Share
    funding: str
    section: str | None
    object: str
    year: int
    amount: Range

    def to_dict(self) -> dict[str, Any]:
        """Plain data (amounts as strings) for JSON."""
        return {"share": self.share, "funding": self.funding, "section": self.section, "object": self.object,
                "year": self.year, "amount": _json(self.amount)}


@dataclass(frozen=True, slots=True)
class StaffAssessmentPart:
    """The staff costs of one share and year that take one percentage (a section's own, or the table's)."""

    percent: Decimal
    reference: str
    base: Range
    #: the budget section whose own percentage this is; None for the table's percentage
    section: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"percent": str(self.percent), "base": _json(self.base), "section": self.section}


@dataclass(frozen=True, slots=True)
class StaffAssessmentLine:
    """Staff assessment on one year's staff costs of one share, and its income offset: the sum of its
    parts at their percentages, rounded once."""

    share: Share
    year: int
    base: Range
    #: the percentage of the whole base when one applies to all of it; None when its parts differ
    percent: Decimal | None
    amount: Range
    section: str
    income_section: str
    reference: str
    parts: tuple[StaffAssessmentPart, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data (amounts as strings) for JSON."""
        return {"share": self.share, "year": self.year, "base": _json(self.base),
                "percent": None if self.percent is None else str(self.percent),
                "amount": _json(self.amount), "section": self.section, "income_section": self.income_section,
                "parts": [p.to_dict() for p in self.parts]}


@dataclass(frozen=True)
class Conclusion:
    """The judgements a note states, as data for the note templates."""

    symbol: str
    body: str
    period: BudgetPeriod
    appropriating: bool
    additional_regular_budget: tuple[Requirement, ...]
    budget_process: tuple[Requirement, ...]
    extrabudgetary: tuple[Requirement, ...]
    programme_support: Range
    covered: tuple[Requirement, ...]
    entitlements: tuple[EntitlementUse, ...]
    action: Action
    priced_extrabudgetary: Range = ZERO
    objects: tuple[ObjectRequirement, ...] = ()
    staff_assessment: tuple[StaffAssessmentLine, ...] = ()

    def objects_of(self, *shares: Share) -> list[ObjectRequirement]:
        """The requirements by object of expenditure of the given shares."""
        return [o for o in self.objects if o.share in shares]

    def staff_assessment_total(self, *shares: Share) -> Range:
        """Staff assessment on the requirements of the given shares (additional, budget process …)."""
        return _total(s for s in self.staff_assessment if s.share in shares)

    @property
    def absorbed(self) -> bool:
        """Everything priced is met from existing resources or entitlements: nothing additional."""
        return bool(self.covered) and not (self.additional_regular_budget or self.budget_process
                                           or self.extrabudgetary)

    @property
    def additional_total(self) -> Range:
        """Additional regular-budget requirements, every section and year."""
        return _total(self.additional_regular_budget)

    @property
    def contingency_fund(self) -> Range:
        """The part of the additional requirements charged against the contingency fund."""
        return _total(r for r in self.additional_regular_budget if r.funding == "contingency_fund")

    @property
    def extrabudgetary_total(self) -> Range:
        """Extrabudgetary and voluntary needs, programme support costs included."""
        return _total(self.extrabudgetary)

    @property
    def no_additional_appropriation(self) -> bool:
        """Adoption gives rise to no additional appropriation in the period."""
        return self.action != "appropriate"

    @property
    def needs_extrabudgetary_paragraph(self) -> bool:
        """"The activities will not take place without extrabudgetary resources": extrabudgetary or
        voluntary amounts priced from quantities (not only quoted sums)."""
        return self.priced_extrabudgetary.high > 0

    def by_section(self) -> dict[tuple[str | None, int], Range]:
        """Additional regular-budget requirements by (section, year)."""
        out: dict[tuple[str | None, int], Range] = defaultdict(lambda: ZERO)
        for r in self.additional_regular_budget:
            out[(r.section, r.year)] = out[(r.section, r.year)] + r.amount
        return dict(out)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (amounts as strings) for JSON: `pbi conclude --json`."""
        return {
            "symbol": self.symbol, "body": self.body, "period": self.period.label,
            "period_kind": self.period.kind, "appropriating": self.appropriating, "action": self.action,
            "no_additional_appropriation": self.no_additional_appropriation,
            "additional_regular_budget": [r.to_dict() for r in self.additional_regular_budget],
            "additional_total": _json(self.additional_total),
            "contingency_fund": _json(self.contingency_fund),
            "budget_process": [r.to_dict() for r in self.budget_process],
            "extrabudgetary": [r.to_dict() for r in self.extrabudgetary],
            "extrabudgetary_total": _json(self.extrabudgetary_total),
            "programme_support": _json(self.programme_support),
            "needs_extrabudgetary_paragraph": self.needs_extrabudgetary_paragraph,
            "covered": [r.to_dict() for r in self.covered],
            "entitlements": [u.to_dict() for u in self.entitlements],
            "objects": [o.to_dict() for o in self.objects],
            "staff_assessment": [s.to_dict() for s in self.staff_assessment],
        }

    def lines(self) -> list[str]:
        """The conclusion in plain English, one judgement a line (for ``pbi conclude``)."""
        from pbi.model.money import format_usd

        def amt(r: Range) -> str:
            return format_usd(r.low) if not r.is_range else f"{format_usd(r.low)} to {format_usd(r.high)}"

        out = [f"{self.symbol} — budget period {self.period.label} ({self.period.kind})"]
        for u in self.entitlements:
            b = u.balance
            out.append(f"entitlement {b.body} {b.period.label}: entitled {format_usd(b.entitled)}, used "
                       f"{format_usd(b.used)}, transferred in {format_usd(b.transferred_in)}, out "
                       f"{format_usd(b.transferred_out)}: {format_usd(u.available)} available; requested "
                       f"{format_usd(u.requested)} {b.quantity} in {u.year}: covered {format_usd(u.covered)}"
                       + (" (as available)" if u.as_available and u.covered else "")
                       + f", additional {format_usd(u.additional)}" + (f" ({u.funding})" if u.funding else ""))
        for r in self.covered:
            out.append(f"within existing resources ({r.funding}), {r.section or 'no section'}, {r.year}: "
                       f"{amt(r.amount)} (for information)")
        for r in self.additional_regular_budget:
            out.append(f"additional {r.funding.replace('_', ' ')}, {r.section or 'section not stated'}, "
                       f"{r.year}: {amt(r.amount)}")
        for r in self.budget_process:
            out.append(f"for the budget process of {r.period.label}, {r.section or 'section not stated'}, "
                       f"{r.year}: {amt(r.amount)}")
        for s in self.staff_assessment:
            parts = " and ".join(f"{p.percent} per cent of {amt(p.base)}" for p in s.parts)
            out.append(f"staff assessment ({s.share.replace('_', ' ')}), {s.section}, {s.year}: {amt(s.amount)} "
                       f"({parts}), offset under {s.income_section}")
        for r in self.extrabudgetary:
            out.append(f"{r.funding}, {r.year}: {amt(r.amount)}")
        if self.programme_support.high > 0:
            out.append(f"  of which programme support costs: {amt(self.programme_support.map(_cents))}")
        if self.needs_extrabudgetary_paragraph:
            out.append("the activities will not take place without extrabudgetary resources")
        if self.action == "appropriate":
            parts = ", ".join(f"{amt(a)} under {s or 'a section to be stated'} ({y})"
                              for (s, y), a in self.by_section().items())
            out.append(f"action: the General Assembly would be requested to appropriate an additional "
                       f"{amt(self.additional_total)} for {self.period.label}: {parts}"
                       + (f"; {amt(self.contingency_fund)} a charge against the contingency fund"
                          if self.contingency_fund.high > 0 else ""))
        elif self.action == "state_requirements":
            out.append(f"action: the additional requirements are stated; adoption would not give rise to "
                       f"additional appropriations under the programme budget for {self.period.label}")
        else:
            out.append(f"action: none — adoption would not give rise to additional appropriations under "
                       f"the programme budget for {self.period.label}")
        return out


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _json(value: Range) -> Any:
    return decimal_text(value.low) if not value.is_range else {"low": decimal_text(value.low),
                                                              "high": decimal_text(value.high)}


def _total(reqs: Any) -> Range:
    total = ZERO
    for r in reqs:
        total = total + r.amount
    return total


def conclude(estimate: Estimate, shown_under: Mapping[str, str] | None = None) -> Conclusion:
    """The conclusions a note draws from ``estimate`` (see the module's docstring for the rules);
    ``shown_under``: the section each listed activity is shown under when its spec names none."""
    expect(estimate, Estimate, what="estimate", where="conclude", hint="pbi.cost_file(PATH)")
    spec = estimate.spec
    period = spec.period
    shown = dict(shown_under or {})
    split = _split_cells(estimate, shown)
    sums: dict[tuple[str, str | None, int, bool], Range] = defaultdict(lambda: ZERO)
    psc = ZERO
    priced_other = ZERO
    for item in estimate.items:
        if item.funding in EXTRABUDGETARY_SOURCES and not item.covered and item.type != "quoted":
            priced_other = priced_other + item.amount
        if (item.group, item.funding, item.section, item.year) not in split:
            sums[(item.funding, item.section, item.year, item.covered)] = (
                sums[(item.funding, item.section, item.year, item.covered)] + item.amount)
        if item.type == "surcharge" and not item.covered:
            psc = psc + item.amount
    for (_, funding, _, year), (covered_cell, shares) in split.items():
        for sec, amount in shares.items():
            sums[(funding, sec, year, covered_cell)] = sums[(funding, sec, year, covered_cell)] + amount
    additional: list[Requirement] = []
    later: list[Requirement] = []
    extra: list[Requirement] = []
    covered: list[Requirement] = []
    for (funding, section, year, is_covered), amount in sorted(
            sums.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1] or "")):
        req = Requirement(funding, section, year, amount)
        if is_covered or funding in COVERED_SOURCES:
            covered.append(req)
        elif funding in EXTRABUDGETARY_SOURCES:
            extra.append(req)
        elif funding in REGULAR_BUDGET_SOURCES and year in period:
            additional.append(req)
        else:  # budget_process, or regular budget outside the note's period
            later.append(req)
    appropriating = spec.body in APPROPRIATING_BODIES
    action: Action = "none"
    if any(r.amount.high != 0 for r in additional):
        action = "appropriate" if appropriating else "state_requirements"
    objects = _objects(estimate, period, shown)
    return Conclusion(symbol=spec.symbol, body=spec.body, period=period, appropriating=appropriating,
                      additional_regular_budget=tuple(additional), budget_process=tuple(later),
                      extrabudgetary=tuple(extra), programme_support=psc, covered=tuple(covered),
                      entitlements=estimate.entitlements, action=action, priced_extrabudgetary=priced_other,
                      objects=objects, staff_assessment=_staff_assessment(estimate, objects, shown))


def _share(funding: str, year: int, covered: bool, period: BudgetPeriod) -> Share:
    if covered or funding in COVERED_SOURCES:
        return "covered"
    if funding in EXTRABUDGETARY_SOURCES:
        return "extrabudgetary"
    if funding in REGULAR_BUDGET_SOURCES and year in period:
        return "additional"
    return "budget_process"


def _object_keys(spec: Spec) -> dict[str, str]:
    from pbi.model.vocabulary import object_of

    return {a.id: object_of(a.of or a.kind, a.object).key for _, a in spec.activities()}


def apportion(total: Decimal, parts: dict[str, Decimal], step: Decimal) -> dict[str, Decimal]:
    """Share ``total`` (a multiple of ``step``) among ``parts`` (unrounded amounts) in whole steps:
    each part its amount rounded down to a step, the steps left to the largest remainders (ties to
    the first part). The shares add up to ``total`` exactly."""
    if len(parts) == 1:
        return {k: total for k in parts}
    floors = {k: (v / step).to_integral_value(rounding="ROUND_FLOOR") * step for k, v in parts.items()}
    left = int(((total - sum(floors.values(), Decimal(0))) / step).to_integral_value())
    order = sorted(parts, key=lambda k: -(parts[k] - floors[k]))
    out = dict(floors)
    for n in range(abs(left)):  # at most one step a part when total is the rounded sum of the parts
        out[order[n % len(order)] if left > 0 else order[-1 - n % len(order)]] += step if left > 0 else -step
    return out


def _cell_parts(estimate: Estimate, key: Callable[[Any], Any]) -> list[tuple[Any, bool, dict[Any, Range]]]:
    """Each rounded cell (its key, whether its items are covered) shared in whole rounding steps among
    the parts ``key`` gives its priced items (an item's part may use its displayed section)."""
    members: dict[tuple[str, str, str | None, int], list[Any]] = defaultdict(list)
    for item in estimate.items:
        members[(item.group, item.funding, item.section, item.year)].append(item)
    out = []
    for cell in estimate.cells:
        ckey = (cell.group, cell.funding, cell.section, cell.year)
        priced = [i for i in members.get(ckey, []) if i.type != "rounding"]
        if not priced:
            continue
        lows: dict[Any, Decimal] = defaultdict(Decimal)
        highs: dict[Any, Decimal] = defaultdict(Decimal)
        for i in priced:
            k = key(i)
            lows[k] += i.amount.low
            highs[k] += i.amount.high
        step = cell.rounding.step if cell.rounding else Decimal("0.01")
        low = apportion(cell.rounded.low, dict(lows), step) if cell.rounding else dict(lows)
        high = apportion(cell.rounded.high, dict(highs), step) if cell.rounding else dict(highs)
        out.append((ckey, priced[0].covered, {k: Range(low[k], high[k]) for k in lows}))
    return out


def _split_cells(estimate: Estimate, shown: Mapping[str, str]) -> dict[Any, tuple[bool, dict[str | None, Range]]]:
    """The cells whose activities are shown under several sections, each shared among them."""
    if not shown:
        return {}
    return {ckey: (covered, parts) for ckey, covered, parts in _cell_parts(
        estimate, lambda i: i.section or shown.get(i.activity or "")) if len(parts) > 1}


def _objects(estimate: Estimate, period: BudgetPeriod,
             shown: Mapping[str, str] | None = None) -> tuple[ObjectRequirement, ...]:
    """Requirements by object of expenditure: each rounded cell shared among its activities' objects
    (and the sections they are shown under)."""
    objects = _object_keys(estimate.spec)
    shown = shown or {}

    def part(i: Any) -> tuple[str | None, str]:
        obj = "programme_support_costs" if i.type == "surcharge" else objects.get(i.activity,
                                                                                  "general_operating_expenses")
        return (i.section or shown.get(i.activity or ""), obj)

    out: dict[tuple[Share, str, str | None, str, int], Range] = defaultdict(lambda: ZERO)
    for (_, funding, _, year), covered, parts in _cell_parts(estimate, part):
        share = _share(funding, year, covered, period)
        for (sec, obj), amount in parts.items():
            k = (share, funding, sec, obj, year)
            out[k] = out[k] + amount
    order = _object_order()
    return tuple(ObjectRequirement(share, funding, section, obj, year, amount)
                 for (share, funding, section, obj, year), amount in sorted(
                     out.items(), key=lambda kv: (kv[0][4], kv[0][0], kv[0][2] or "", order.get(kv[0][3], 99))))


def _object_order() -> dict[str, int]:
    from pbi.model.vocabulary import objects_of_expenditure

    return {o.key: n for n, o in enumerate(objects_of_expenditure())}


def _staff_assessment(estimate: Estimate, objects: tuple[ObjectRequirement, ...],
                      shown: Mapping[str, str]) -> tuple[StaffAssessmentLine, ...]:
    """Staff assessment on the staff costs among ``objects``. A section with a percentage of its own
    (conference services under section 2) also rates the activities whose spec names no section but
    whose kind is shown under it by default, so that a financial note and a statement of the same
    spec assess them alike."""
    rule = estimate.table.staff_assessment
    if rule is None:
        return ()
    if rule.sections:
        from pbi.model.vocabulary import default_section

        rated = {a.id: key for _, a in estimate.spec.activities()
                 if a.section is None and a.id not in shown and (key := default_section(a.kind)) in rule.sections}
        if rated:
            objects = _objects(estimate, estimate.spec.period, {**shown, **rated})
    rounding: Rounding = estimate.table.rounding
    # (share, year) → (the section with a percentage of its own, or None) → staff costs
    bases: dict[tuple[Share, int], dict[str | None, Range]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for o in objects:
        if o.share in ("additional", "budget_process") and o.object in rule.applies_to:
            own = o.section if o.section in rule.sections else None
            bases[(o.share, o.year)][own] = bases[(o.share, o.year)][own] + o.amount
    lines = []
    for (share, year), by_section in sorted(bases.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        parts = tuple(StaffAssessmentPart(*rule.percent_for(section), base=base, section=section)
                      for section, base in sorted(by_section.items(), key=lambda kv: kv[0] or ""))
        amount = Range(*(rounding.apply(sum((getattr(p.base, end) * p.percent for p in parts), Decimal(0)) / 100)
                         for end in ("low", "high")))
        percents = {p.percent for p in parts}
        lines.append(StaffAssessmentLine(share, year, sum((p.base for p in parts), ZERO),
                                         percents.pop() if len(percents) == 1 else None, amount, rule.section,
                                         rule.income_section, "; ".join(dict.fromkeys(p.reference for p in parts)),
                                         parts))
    return tuple(lines)

