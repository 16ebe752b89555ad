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
  CTOC/COP/2010/17, annex V, paragraphs 3 and 9).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from pbi.costing.engine import COVERED_SOURCES
from pbi.model.entitlements import EntitlementUse
from pbi.costing.estimate import ZERO, Estimate, decimal_text
from pbi.model.periods import BudgetPeriod, period_of
from pbi.model.specs import Range
from pbi.model.vocabulary import funding_keys

__all__ = ["Requirement", "Conclusion", "Action", "conclude", "APPROPRIATING_BODIES",
           "REGULAR_BUDGET_SOURCES", "EXTRABUDGETARY_SOURCES"]

#: bodies that appropriate (spec ``body``); any other body's notes cannot give rise to an appropriation
APPROPRIATING_BODIES = frozenset({"general-assembly", "ga"})
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
        return period_of(self.year)

    def to_dict(self) -> dict[str, Any]:
        return {"funding": self.funding, "section": self.section, "year": self.year,
                "period": self.period.label, "amount": _json(self.amount)}


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

    @property
    def additional_total(self) -> Range:
        return _total(self.additional_regular_budget)

    @property
    def contingency_fund(self) -> Range:
        return _total(r for r in self.additional_regular_budget if r.funding == "contingency_fund")

    @property
    def extrabudgetary_total(self) -> Range:
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


def conclude(estimate: Estimate) -> Conclusion:
    """The conclusions a note draws from ``estimate`` (see the module's docstring for the rules)."""
    spec = estimate.spec
    period = spec.period
    sums: dict[tuple[str, str | None, int, bool], Range] = defaultdict(lambda: ZERO)
    psc = ZERO
    priced_other = ZERO
    for item in estimate.items:
        if item.funding in EXTRABUDGETARY_SOURCES and not item.covered and item.type != "quoted":
            priced_other = priced_other + item.amount
        sums[(item.funding, item.section, item.year, item.covered)] = (
            sums[(item.funding, item.section, item.year, item.covered)] + item.amount)
        if item.type == "surcharge" and not item.covered:
            psc = psc + item.amount
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
    return Conclusion(symbol=spec.symbol, body=spec.body, period=period, appropriating=appropriating,
                      additional_regular_budget=tuple(additional), budget_process=tuple(later),
                      extrabudgetary=tuple(extra), programme_support=psc, covered=tuple(covered),
                      entitlements=estimate.entitlements, action=action, priced_extrabudgetary=priced_other)

