"""The template context of a note: the spec and the estimate arranged as the note's paragraphs.

Nothing here is language-specific: amounts stay :class:`~pbi.specs.Range` of Decimal, texts stay
:class:`~pbi.specs.Text`; the templates write them. The plan of paragraphs follows the published
notes:

1. rule of procedure; 2. what the body would do (the requests with text);
then requests subject to extrabudgetary resources (one paragraph), requests without budget
implications (one paragraph), and, request by request, the request met from a named source, the
costed figures (one paragraph per request; regular-budget figures as a lettered list), and the
entitlements the note recalls; a stated total after its last part; the paragraph that the
activities will not take place without the extrabudgetary resources (when the note prices
extrabudgetary or voluntary activities from quantities, not only quoted sums), after the last
paragraph naming such resources; the paragraph recalling resolution 45/248 B, section VI and
A/54/7, paragraph 67 (when the note names any resources at all); and the conclusion, chosen from
the estimate: an additional appropriation arises only for requirements charged to the contingency
fund within the budget period.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..engine import COVERED_SOURCES
from ..estimate import ZERO, Estimate
from ..specs import Activity, Range, Request, Spec

__all__ = ["Group", "Paragraph", "NoteContext", "build_context", "OTHER_RESOURCES"]

#: funding sources the note calls extrabudgetary (voluntary contributions are extrabudgetary)
OTHER_RESOURCES = frozenset({"extrabudgetary", "voluntary"})


@dataclass(frozen=True)
class Group:
    """One priced figure (or one request's unpublished activities): amount, funding, activities."""

    id: str
    amount: Range
    funding: str
    year: int
    section: str | None
    activities: tuple[Activity, ...]
    quoted: bool
    covered: bool

    @property
    def other_resources(self) -> bool:
        return self.funding in OTHER_RESOURCES

    def first(self, *kinds: str) -> Activity | None:
        return next((a for a in self.activities if a.kind in kinds), None)


@dataclass
class Paragraph:
    """One numbered paragraph of the note, by kind (the template's macro of the same name)."""

    kind: str
    number: int = 0
    requests: list[Request] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def ops(self) -> list[str]:
        return [op for r in self.requests for op in r.operative_paragraphs]

    @property
    def names_other_resources(self) -> bool:
        return self.kind in ("conditional", "total") or any(g.other_resources and not g.covered
                                                           for g in self.groups)


@dataclass
class NoteContext:
    spec: Spec
    estimate: Estimate
    listed: list[Request]
    paragraphs: list[Paragraph]
    appropriation: Range
    sections: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"spec": self.spec, "estimate": self.estimate, "listed": self.listed,
                "paragraphs": self.paragraphs, "appropriation": self.appropriation,
                "sections": self.sections}


def _groups(estimate: Estimate) -> dict[str, Group]:
    spec = estimate.spec
    activities = {a.id: a for _, a in spec.activities()}
    members: dict[str, list[Activity]] = {}
    amounts: dict[str, Range] = {}
    for item in estimate.items:
        if item.activity and item.activity in activities:
            acts = members.setdefault(item.group, [])
            if activities[item.activity] not in acts:
                acts.append(activities[item.activity])
        if not item.covered:
            amounts[item.group] = amounts.get(item.group, ZERO) + item.amount
    out: dict[str, Group] = {}
    for gid, acts in members.items():
        first = acts[0]
        out[gid] = Group(id=gid, amount=amounts.get(gid, ZERO), funding=first.funding, year=first.year,
                         section=first.section, activities=tuple(acts),
                         quoted=all(a.kind == "lump_sum" for a in acts),
                         covered=all(a.funding in COVERED_SOURCES for a in acts))
    return out


def build_context(estimate: Estimate) -> NoteContext:
    """Arrange a costed spec as the paragraphs of its note (see the module docstring)."""
    spec = estimate.spec
    groups = _groups(estimate)
    request_of = {a.id: r.id for r, a in spec.activities()}
    by_request: dict[str, list[Group]] = {}
    for g in groups.values():
        by_request.setdefault(request_of[g.activities[0].id], []).append(g)

    paragraphs: list[Paragraph] = []
    conditional = [r for r in spec.requests if r.conditional and not r.activities]
    if conditional:
        whole = spec.paragraphs_in == "annex" and len(conditional) >= len(spec.requests) - 1
        paragraphs.append(Paragraph("conditional", requests=conditional, data={"whole_draft": whole}))
    no_cost = [r for r in spec.requests if r.no_cost]
    if no_cost:
        paragraphs.append(Paragraph("no_cost", requests=no_cost))
    for request in spec.requests:
        own = by_request.get(request.id, [])
        if request.funding and not request.activities:
            paragraphs.append(Paragraph("funded", requests=[request]))
        meetings = [e for e in request.entitlements if e.kind == "meetings"]
        documentation = [e for e in request.entitlements if e.kind == "documentation"]
        if request.entitlements:
            regular = [g for g in own if g.funding == "regular_budget"]
            rest = [g for g in own if g.funding != "regular_budget"]
            if regular:
                paragraphs.append(Paragraph("regular_budget", requests=[request], groups=regular))
            for e in meetings:
                paragraphs.append(Paragraph("entitlement", requests=[request], groups=rest, data={"e": e}))
                rest = []
            for e in documentation:
                paragraphs.append(Paragraph("documentation_entitlement", requests=[request], data={"e": e}))
            if rest:
                paragraphs.append(Paragraph("cost", requests=[request], groups=rest))
        elif own:
            paragraphs.append(Paragraph("cost", requests=[request], groups=own))
    _insert_totals(spec, paragraphs, groups, request_of)

    priced_other = any(g.other_resources and not g.quoted and not g.covered for g in groups.values())
    if priced_other:
        last = max(n for n, p in enumerate(paragraphs) if p.names_other_resources)
        paragraphs.insert(last + 1, Paragraph("not_forthcoming"))
    if estimate.items:
        paragraphs.append(Paragraph("resolution_45_248"))
    appropriation = ZERO
    sections: list[str] = []
    for item in estimate.items:
        if not item.covered and item.funding == "contingency_fund" and item.year in spec.years:
            appropriation = appropriation + item.amount
            if item.section and item.section not in sections:
                sections.append(item.section)
    paragraphs.append(Paragraph("conclusion"))
    for n, p in enumerate(paragraphs, start=3):
        p.number = n
    refs = [p.number for p in paragraphs if p.names_other_resources]
    for p in paragraphs:
        if p.kind == "not_forthcoming":
            p.data["refs"] = [n for n in refs if n < p.number]
    listed = [r for r in spec.requests if r.text is not None]
    return NoteContext(spec=spec, estimate=estimate, listed=listed, paragraphs=paragraphs,
                       appropriation=appropriation, sections=tuple(sections))


def _insert_totals(spec: Spec, paragraphs: list[Paragraph], groups: dict[str, Group],
                   request_of: dict[str, str]) -> None:
    requests = {r.id: r for r in spec.requests}
    for figure in spec.published:
        if not figure.sum_of:
            continue
        parts = [groups[f] for f in figure.sum_of if f in groups]
        amount = ZERO
        for g in parts:
            amount = amount + g.amount
        where = max((n for n, p in enumerate(paragraphs) if any(g.id in figure.sum_of for g in p.groups)),
                    default=len(paragraphs) - 1)
        reqs = list(dict.fromkeys(requests[request_of[g.activities[0].id]].id for g in parts))
        ops = list(dict.fromkeys(op.split("(")[0] for rid in reqs for op in requests[rid].operative_paragraphs))
        funding = parts[0].funding if parts else "voluntary"
        paragraphs.insert(where + 1, Paragraph("total", data={"amount": amount, "ops": ops, "funding": funding,
                                                              "figure": figure.id}))
