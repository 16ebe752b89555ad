"""The template context of a note: the spec and the estimate arranged as the note's paragraphs.

Nothing here is language-specific: amounts stay :class:`~pbi.model.specs.Range` of Decimal, texts stay
:class:`~pbi.model.specs.Text`; the templates write them. The plan of paragraphs follows the published
notes:

1. rule of procedure; 2. what the body would do (the requests with text);
then requests subject to extrabudgetary resources (one paragraph), requests without budget
implications (one paragraph), and, request by request: the request met from a named source, its
regular-budget figures (a lettered list by year), each draw on an entitlement (the engine's
:class:`~pbi.model.entitlements.EntitlementUse`: entitled, used, transferred, available, covered,
additional), each allocation the request only refers to (``Request.provisions``: the balance the
engine reads from the entitlements file, :class:`~pbi.model.entitlements.Recall`), and its other costed
figures (one paragraph); a stated total after its last part; the paragraph that the activities
will not take place without the extrabudgetary resources and the conclusion, both decided by
:func:`pbi.costing.conclusions.conclude` (one rule for the note and ``pbi conclude``); the paragraph
recalling resolution 45/248 B, section VI and A/54/7, paragraph 67 when the note names any
resources at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from pbi.costing.conclusions import Conclusion, conclude
from pbi.costing.engine import COVERED_SOURCES
from pbi.costing.estimate import ZERO, Estimate
from pbi.model.errors import RenderError
from pbi.model.specs import Activity, Range, Request, Spec
from pbi.model.vocabulary import funding_keys
from pbi.render.identical import merge_identical

__all__ = ["Group", "Paragraph", "NoteContext", "as_stated", "build_context", "note_groups", "appropriation_parts",
           "OTHER_RESOURCES"]

#: funding sources the note calls extrabudgetary (voluntary contributions are extrabudgetary)
OTHER_RESOURCES = funding_keys("other")
#: a UN document symbol (CTOC/COP/2010/L.3/Rev.2, A/C.3/79/L.1): a note cites the draft by it;
#: a spec whose draft symbol is not known (``draft resolution 10/4``) is "the draft resolution"
_SYMBOL = re.compile(r"^[A-Z][A-Za-z0-9.]*(/[A-Za-z0-9.]+)+$")


@dataclass(frozen=True)
class Group:
    """One priced figure (or one request's unpublished activities) for one funding source, budget
    section and year: the amount not covered by entitlements or existing resources, and the
    activities."""

    id: str
    amount: Range
    funding: str
    year: int
    section: str | None
    activities: tuple[Activity, ...]
    quoted: bool
    covered: bool
    engine_group: str = ""

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
    def multi_year(self) -> bool:
        """The paragraph's figures fall in more than one year: each sentence says its year (a report
        left to the budget process names its own period)."""
        return len({g.year for g in self.groups if g.funding != "budget_process"}) > 1

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
    conclusion: Conclusion
    symbol: str | None

    def as_dict(self) -> dict[str, Any]:
        from pbi.model.vocabulary import traveller_word

        return {"spec": self.spec, "estimate": self.estimate, "listed": self.listed,
                "paragraphs": self.paragraphs, "conclusion": self.conclusion, "symbol": self.symbol,
                "traveller": traveller_word, "appropriation_parts": appropriation_parts(self.conclusion)}


def appropriation_parts(conclusion: Conclusion) -> list[tuple[str | None, Range]]:
    """The additional regular-budget requirements by budget section over the years of the budget
    period, as ``pbi conclude`` states them: the named sections in their order, then (None) what
    has no section stated."""
    from pbi.render.statement import section_order

    out: dict[str | None, Range] = {}
    for (section, _), amount in conclusion.by_section().items():
        out[section] = out.get(section, ZERO) + amount
    return sorted(out.items(), key=lambda kv: (kv[0] is None, section_order(kv[0])))


def note_groups(estimate: Estimate) -> dict[str, Group]:
    """The priced groups of a note: the engine's groups (a published figure, or a request's
    unpublished activities), split by the funding and section of their activities and by year.
    Amounts leave out what entitlements and existing resources cover."""
    spec = estimate.spec
    activities = {a.id: a for _, a in spec.activities()}
    Key = tuple[str, str, "str | None", int]
    members: dict[Key, dict[str, Activity]] = {}  # by activity id: linear, no model comparisons
    amounts: dict[Key, Range] = {}
    for item in estimate.items:
        if item.activity in activities:
            act = activities[item.activity]
            key: Key = (item.group, act.funding, act.section, item.year)
            members.setdefault(key, {}).setdefault(act.id, act)
        elif item.covered:
            continue
        else:  # a rounding item: its cell is its activities' funding, section and year
            key = (item.group, item.funding, item.section, item.year)
        if not item.covered:
            amounts[key] = amounts.get(key, ZERO) + item.amount
    parts: dict[str, int] = {}
    for group, *_ in members:
        parts[group] = parts.get(group, 0) + 1
    out: dict[str, Group] = {}
    for key, by_id in members.items():
        acts = list(by_id.values())
        group, funding, section, year = key
        gid = group if parts[group] == 1 else f"{group} {funding} {section or ''} {year}".replace("  ", " ")
        out[gid] = Group(id=gid, amount=amounts.get(key, ZERO), funding=funding, year=year, section=section,
                         activities=tuple(acts), quoted=all(a.kind == "lump_sum" for a in acts),
                         covered=funding in COVERED_SOURCES, engine_group=group)
    return out


def as_stated(estimate: Estimate) -> Estimate:
    """The estimate whose travel reads as notes word it: an activity stated as ``participants`` and
    ``days`` that its kind prices by trips and days of subsistence is written as that many trips with
    those days each (pbi.costing.quantities reads it so); amounts are the estimate's own."""
    from pbi.costing.quantities import read_quantity

    changed: dict[str, Activity] = {}
    for _, a in estimate.spec.activities():
        kind = estimate.table.activities.get(a.kind)
        per = {p for c in kind.components for p in c.per} if kind else set()
        if a.trips is not None or not per & {"trips", "trip_days"}:
            continue
        trips = read_quantity(a, "trips", estimate.table)
        days = read_quantity(a, "dsa_days", estimate.table) if a.dsa_days is None else None
        if trips is None:
            continue
        update: dict[str, Any] = {"trips": trips.value, "participants": None}
        if days is not None:
            update.update(dsa_days=days.value, days=None)
        changed[a.id] = a.model_copy(update=update)
    if not changed:
        return estimate
    requests = tuple(r.model_copy(update={"activities": tuple(changed.get(a.id, a) for a in r.activities)})
                     for r in estimate.spec.requests)
    return replace(estimate, spec=estimate.spec.model_copy(update={"requests": requests}))


def build_context(estimate: Estimate, *, phrases: dict[str, Any] | None = None) -> NoteContext:
    """Arrange a costed spec as the paragraphs of its note (see the module docstring); with the
    note's ``phrases``, a costed request without a subject gets one by rule (:mod:`.subjects`)."""
    spec = estimate.spec
    if phrases is not None:
        from pbi.render.subjects import with_subjects

        spec = with_subjects(spec, phrases)
    conclusion = conclude(estimate)
    # identical activities of one figure are written once, counted (two one-day meetings)
    groups = {gid: replace(g, activities=merge_identical(g.activities)) for gid, g in note_groups(estimate).items()}
    request_of = {a.id: r.id for r, a in spec.activities()}
    by_request: dict[str, list[Group]] = {}
    for g in groups.values():
        by_request.setdefault(request_of[g.activities[0].id], []).append(g)
    draws = {u.activity: u for u in estimate.entitlements}

    paragraphs: list[Paragraph] = []
    conditional = [r for r in spec.requests if r.conditional and not r.activities]
    if conditional:
        # a draft whose requests sit in an annex is named as a whole when every request waits for
        # other resources: subject to them, or costed in them alone
        whole = spec.paragraphs_in == "annex" and all(
            r.conditional or (r.activities and all(a.funding in OTHER_RESOURCES for a in r.activities))
            for r in spec.requests)
        paragraphs.append(Paragraph("conditional", requests=conditional, data={"whole_draft": whole}))
    no_cost = [r for r in spec.requests if r.no_cost]
    if no_cost:
        paragraphs.append(Paragraph("no_cost", requests=no_cost))
    for request in spec.requests:
        own = by_request.get(request.id, [])
        if request.funding and not request.activities:
            paragraphs.append(Paragraph("funded", requests=[request]))
        drawing = [g for g in own if any(a.id in draws for a in g.activities)]
        regular = [g for g in own if g.funding == "regular_budget" and g not in drawing]
        rest = [g for g in own if g not in drawing and g not in regular]
        if regular:
            paragraphs.append(Paragraph("regular_budget", requests=[request], groups=regular))
        for g in drawing:
            activity = next(a for a in g.activities if a.id in draws)
            paragraphs.append(Paragraph("entitlement", requests=[request], groups=[g],
                                        data={"use": draws[activity.id], "activity": activity}))
        for recall in estimate.recalls(request.id):
            paragraphs.append(Paragraph("allocation" if recall.kind == "meetings" else "documentation",
                                        requests=[request], data={"recall": recall}))
        if rest:
            paragraphs.append(Paragraph("cost", requests=[request], groups=rest))
    _insert_totals(spec, paragraphs, groups, request_of)

    if conclusion.needs_extrabudgetary_paragraph:
        last = max((n for n, p in enumerate(paragraphs) if p.names_other_resources),
                   default=len(paragraphs) - 1)
        paragraphs.insert(last + 1, Paragraph("not_forthcoming"))
    if estimate.items:
        paragraphs.append(Paragraph("resolution_45_248"))
    paragraphs.append(Paragraph("conclusion"))
    for n, p in enumerate(paragraphs, start=3):
        p.number = n
    refs = [p.number for p in paragraphs if p.names_other_resources]
    for p in paragraphs:
        if p.kind == "not_forthcoming":
            p.data["refs"] = [n for n in refs if n < p.number]
    listed = [r for r in spec.requests if r.text is not None]
    return NoteContext(spec=spec, estimate=estimate, listed=listed, paragraphs=paragraphs,
                       conclusion=conclusion, symbol=spec.symbol if _SYMBOL.match(spec.symbol) else None)


def _insert_totals(spec: Spec, paragraphs: list[Paragraph], groups: dict[str, Group],
                   request_of: dict[str, str]) -> None:
    requests = {r.id: r for r in spec.requests}
    for figure in spec.published:
        if not figure.sum_of:
            continue
        parts = [groups[f] for f in figure.sum_of if f in groups]
        fundings = {g.funding for g in parts}
        if not parts:  # nothing priced to add up
            continue
        if len(fundings) > 1:
            raise RenderError(f"{figure.id} adds up parts funded from {', '.join(sorted(fundings))}: a note "
                              "states a total of one funding source", field="published")
        amount = ZERO
        for g in parts:
            amount = amount + g.amount
        where = max((n for n, p in enumerate(paragraphs) if any(g.id in figure.sum_of for g in p.groups)),
                    default=len(paragraphs) - 1)
        reqs = list(dict.fromkeys(requests[request_of[g.activities[0].id]].id for g in parts))
        ops = list(dict.fromkeys(op.split("(")[0] for rid in reqs for op in requests[rid].operative_paragraphs))
        (funding,) = fundings
        paragraphs.insert(where + 1, Paragraph("total", data={"amount": amount, "ops": ops, "funding": funding,
                                                              "figure": figure.id}))
