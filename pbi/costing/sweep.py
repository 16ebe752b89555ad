"""Many scenario variants of one spec, costed fast: the figures and totals of each.

An analyst asking "what does every combination of 1–10 days and 1–6 languages cost?" needs the
figures and totals of each variant, not the provenance of every line: ``pbi.cost`` on one variant
gives that. A figure's rounded amounts depend only on the quantities of its own activities, and a
sweep repeats those states over and over (ten day counts × six language counts for one figure,
whatever the others do). :func:`sweep` therefore prices and rounds each state of each figure (or
request) once, with the engine's own steps (``price_activity``, ``round_cells``), and adds up the cells of every
variant: each result equals what ``pbi.cost(*scenario.apply(spec, table))`` gives — a test checks
it. Variants that override rates or the pricing date, and specs with entitlement draws or dated
sessions, take that full path.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any
from collections.abc import Iterable, Mapping

from pbi.costing.engine import COVERED_SOURCES, cost, figure_results, price_activity, round_cells
from pbi.costing.estimate import ZERO, Cell, Estimate, FigureResult, LineItem
from pbi.costing.scenario import Scenario
from pbi.model.errors import ArgumentError
from pbi.model.validation import echo, expect
from pbi.model.specs import Range, Spec
from pbi.model.tables import Table

__all__ = ["SweepResult", "sweep"]


@dataclass(frozen=True, slots=True)
class SweepResult:
    """One variant's figures (published ones, by id), totals by funding source and year, and total."""

    scenario: Scenario
    figures: dict[str, Range]
    totals: dict[tuple[str, int], Range]
    total: Range
    #: the settings' paths and the (funding, year) totals of every variant of the sweep, so that each
    #: record has the same columns in the same order (set by :func:`sweep`)
    columns: tuple[tuple[str, ...], tuple[tuple[str, int], ...]] = field(default=((), ()), compare=False)

    def to_record(self, *, decimal: bool = False) -> dict[str, Any]:
        """One flat row for a table of variants: ``scenario`` (its name), each setting by its path,
        each figure by its id, each funding source and year (``regular_budget 2026``) and ``total``,
        last; amounts at their low end, as numbers (``decimal=True``: Decimal objects). Every record
        of one sweep has the same keys in the same order: a setting another variant makes is None
        here, a year where only another variant has amounts is 0::

            pandas.DataFrame([r.to_record() for r in pbi.sweep(spec, table, variants)])
        """
        def number(value: Range) -> Any:
            low = value.low
            return low if decimal else int(low) if low == low.to_integral_value() else float(low)

        def setting(value: Any) -> Any:
            if isinstance(value, Range):
                return number(value)
            return ",".join(value) if isinstance(value, tuple) else value

        paths = dict.fromkeys([*self.columns[0], *self.scenario.quantities])
        years = sorted({*self.columns[1], *self.totals})
        return {"scenario": self.scenario.name,
                **{path: setting(self.scenario.quantities[path]) if path in self.scenario.quantities else None
                   for path in paths},
                **{fid: number(v) for fid, v in self.figures.items()},
                **{f"{funding} {year}": number(self.totals.get((funding, year), ZERO)) for funding, year in years},
                "total": number(self.total)}


def _totals(cells: Iterable[Any]) -> tuple[dict[tuple[str, int], Range], Range]:
    totals: dict[tuple[str, int], Range] = defaultdict(lambda: ZERO)
    total = ZERO
    for cell in cells:
        if cell.funding not in COVERED_SOURCES:
            totals[(cell.funding, cell.year)] = totals[(cell.funding, cell.year)] + cell.rounded
            total = total + cell.rounded
    return dict(sorted(totals.items())), total


def _from_estimate(scenario: Scenario, est: Estimate) -> SweepResult:
    totals, total = _totals(est.cells)
    return SweepResult(scenario, {f.id: f.computed for f in est.figures}, totals, total)


def _named(variant: Mapping[str, Any]) -> Mapping[str, Any]:
    """A flat mapping of paths is named by its settings (``wg.days=3, languages=4``), so that the
    results of a sweep tell their variants apart."""
    if "name" in variant:
        return variant
    if any(k in variant for k in ("set", "rates", "description", "priced_on")):
        # a scenario without a name ({"set": {"location": "Geneva"}}) is named by what it sets too
        parts = [(k, v) for section, prefix in (("set", ""), ("rates", "rates."))
                 if isinstance(body := variant.get(section), Mapping) for k, v in ((f"{prefix}{p}", v)
                                                                                  for p, v in body.items())]
        if variant.get("priced_on") is not None:
            parts.append(("priced_on", variant["priced_on"]))
        return {**variant, "name": ", ".join(f"{k}={v}" for k, v in parts) or "scenario"}
    return {"name": ", ".join(f"{k}={v}" for k, v in variant.items()) or "scenario", "set": dict(variant)}


def sweep(spec: Spec, table: Table, variants: Iterable[Scenario | Mapping[str, Any]]) -> list[SweepResult]:
    """Cost every variant (a Scenario, or a dict such as ``{"F09.days": 3}``, named by its settings)
    of ``spec`` with ``table``."""
    expect(spec, Spec, what="spec", where="sweep", hint="pbi.load_spec(PATH)")
    expect(table, Table, what="table", where="sweep", hint="pbi.load_table(PATH) or pbi.resolve_table(ID)")
    simple = not any(a.entitlement is not None or a.start is not None for _, a in spec.activities())
    group_of = {ref: f.id for f in spec.published for ref in f.activities}
    groups: dict[str, list[tuple[int, int, Any, Any]]] = {}
    for ri, request in enumerate(spec.requests):
        for ai, activity in enumerate(request.activities):
            group = group_of.get(activity.id, f"request ({request.id})")
            groups.setdefault(group, []).append((ri, ai, request, activity))
    memo: dict[tuple[Any, ...], list[Cell]] = {}  # (group, state of its activities) → its cells
    results: list[SweepResult] = []
    if not isinstance(variants, Iterable) or isinstance(variants, (str, bytes, Mapping)):
        raise ArgumentError(f"sweep() takes variants as a list of Scenarios or mappings, not "
                            f"{type(variants).__name__} {echo(variants, 40)}")
    for variant in variants:
        expect(variant, (Scenario, Mapping), what="each variant", where="sweep", hint="pbi.Scenario or a dict such as "
               "{'F09.days': 3}")
        scenario = variant if isinstance(variant, Scenario) else Scenario.from_dict(_named(variant))
        if not simple or scenario.rates or scenario.priced_on is not None:
            results.append(_from_estimate(scenario, cost(*scenario.apply(spec, table))))
            continue
        changes = scenario.changes(spec, table)
        cells: list[Cell] = []
        for group, members in groups.items():
            state = (group, *(tuple(sorted(changes[a.id].items())) if a.id in changes else ()
                              for _, _, _, a in members))
            hit = memo.get(state)
            if hit is None:
                items: list[LineItem] = []
                for ri, ai, request, activity in members:
                    if activity.id in changes:
                        activity = activity.model_copy(update=changes[activity.id])
                    items.extend(price_activity(spec, table, request, activity, group, ri, ai))
                hit = memo[state] = round_cells(items, table)[0]
            cells.extend(hit)
        figures: list[FigureResult] = figure_results(spec, cells)
        totals, total = _totals(cells)
        results.append(SweepResult(scenario, {f.id: f.computed for f in figures}, totals, total))
    paths = tuple(dict.fromkeys(p for r in results for p in r.scenario.quantities))
    years = tuple(sorted({k for r in results for k in r.totals}))
    return [replace(r, columns=(paths, years)) for r in results]
