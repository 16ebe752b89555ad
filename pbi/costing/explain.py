"""The arithmetic behind any figure, request, activity or total, line by line, with the provenance
of every rate."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pbi.costing.engine import ABSORBED, COVERED_SOURCES
from pbi.model.entitlements import EntitlementUse
from pbi.costing.estimate import Estimate, LineItem
from pbi.model.errors import SpecError
from pbi.model.validation import echo, expect
from pbi.model.money import format_usd, roman
from pbi.model.specs import Range
from pbi.model.tables import GRADE_CATEGORIES

__all__ = ["explain", "explain_request", "entitlement_lines"]


def entitlement_lines(use: EntitlementUse) -> list[str]:
    """The derivation of one draw on an entitlement, as indented lines."""
    b = use.balance
    unit = b.quantity
    name = b.name.en or b.body
    lines = [f"  entitlement of {b.body} ({name}), {b.period.kind} {b.period.label}, as of {b.as_of}:",
             f"    entitled {_num(b.entitled)} {unit} − used {_num(b.used)}"
             + (f" + transferred in {_num(b.transferred_in)} (from {', '.join(b.sources)})" if b.transferred_in else "")
             + (f" − transferred out {_num(b.transferred_out)}" if b.transferred_out else "")
             + f" = {_num(b.available)} available"]
    if use.available != b.available:
        lines.append(f"    {_num(b.available - use.available)} taken by earlier requests of this draft: "
                     f"{_num(use.available)} left")
    ask = (f"up to what is left ({_num(use.requested)})" if use.up_to_available
           else f"{_num(use.requested)} {unit}")
    lines.append(f"    requested {ask} in {use.year} → covered {_num(use.covered)}"
                 + (f" ({use.section}" + (", as available)" if use.as_available else ")") if use.covered else "")
                 + f", additional {_num(use.additional)}"
                 + (f" ({use.funding})" if use.additional else ""))
    for ref in b.references:
        lines.append(f"    reference: {ref}")
    return lines


def _num(value: Decimal) -> str:
    return format_usd(value)


def _unit(text: str) -> str:
    """A unit as a budget officer writes it: ``day*trip`` → ``day·trip``, ``work_month`` → ``work-month``."""
    return text.replace("*", "·").replace("_", "-")


def _item_unit(unit: str, rate_unit: str) -> str:
    """The line's unit, its factors in the order the rate's unit gives them (``trip·day``, not ``day·trip``)."""
    parts = _unit(unit).split("·")
    per = _unit(rate_unit).split("/", 1)[-1].strip("()").split("·")
    return "·".join(per) if len(parts) > 1 and sorted(parts) == sorted(per) else _unit(unit)


def _factor_name(name: str, value: Range) -> str:
    """``work_months`` → ``work-months``; one of a plural noun is singular (``1 post``, ``1 trip (1
    participant)``)."""
    head, space, rest = name.partition(" ")
    head = head.replace("_", "-")
    if not value.is_range and value.low == 1 and head.endswith("s") and (not space or rest.startswith("(")):
        head = head[:-1]
    return head + space + rest


def _path(name: str) -> str:
    try:
        return str(Path(name).resolve().relative_to(Path.cwd()))
    except ValueError:
        return name


def _r(value: Range, places: int = 2) -> str:
    def one(v: Decimal) -> str:
        return format_usd(v, places=places)
    return one(value.low) if not value.is_range else f"{one(value.low)} to {one(value.high)}"


def _quantity(value: Range) -> str:
    """A line's quantity as the cost table shows it: whole, or to 2 decimals (7.80 work-months, not 8)."""
    whole = all(v == v.to_integral_value() for v in (value.low, value.high))
    return _r(value, 0 if whole else 2)


def _factor_text(item: LineItem) -> str:
    parts = []
    for name, value in item.factors:
        shown = _num(value.low) if not value.is_range else f"{_num(value.low)}–{_num(value.high)}"
        parts.append(f"{shown} {_factor_name(name, value)}")
    return " × ".join(parts)


def explain(estimate: Estimate, target: str) -> str:
    """Plain text: each line item as quantity × rate = amount, the rounding and the sum, for a
    published figure (``F09``), a request (``request.b``), an activity id or ``total``.

    A target that is none of these is a :class:`SpecError` that lists the valid ones."""
    expect(estimate, Estimate, what="estimate", where="explain", hint="pbi.cost_file(PATH)")
    expect(target, str, what="target", where="explain", hint="a figure id such as 'F09', 'request.b', an activity id or 'total'")
    spec = estimate.spec
    if any(f.id == target for f in spec.published):
        return _explain_figure(estimate, target)
    pairs = spec.activities()
    requests = {f"request.{r.id}": r for r in spec.requests}
    by_activity = {a.id: a for _, a in pairs}
    if target == "total":
        ids = [a.id for _, a in pairs]
        title = f"total — {spec.symbol}: every request"
    elif target in requests or (target in {r.id for r in spec.requests} and target not in by_activity):
        request = requests[target if target in requests else f"request.{target}"]
        ids = [a.id for a in request.activities]
        paragraphs = ", ".join(request.operative_paragraphs)
        title = f"request ({request.id}) — {spec.symbol}" + (f", operative paragraph(s) {paragraphs}" if paragraphs else "")
    elif target in by_activity:
        ids = [target]
        a = by_activity[target]
        title = f"activity {a.id} — {spec.symbol}: {a.kind}, {a.year}"
    else:
        valid = [f.id for f in spec.published] + list(requests) + list(by_activity) + ["total"]
        raise SpecError(f"unknown target {echo(target)} in {spec.symbol} (valid: {', '.join(valid)})",
                        field="target")
    out = [title, _table_line(estimate)]
    for aid in ids:
        out.extend(_activity_lines(estimate, aid))
    wanted = set(ids)
    groups = list(dict.fromkeys(i.group for i in estimate.items if i.activity in wanted))
    total = Range.of(0)
    for group in groups:
        cells = [c for c in estimate.cells if c.group == group]
        others = sorted({i.activity for i in estimate.items if i.group == group and i.activity
                         and i.activity not in wanted})
        out.append("")
        out.append(f"{group}" + (f" (with {', '.join(others)})" if others else "") + ":")
        for c in cells:
            rule = (f" (rounded to the nearest {_num(c.rounding.step)} USD, {c.rounding.mode.replace('_', '-')})"
                    if c.rounding else "")
            covered = c.funding in COVERED_SOURCES
            out.append(f"  {c.funding}, {c.year}{', ' + c.section if c.section else ''}: {_r(c.unrounded)}"
                       f" → {_r(c.rounded, 0)} USD{rule}"
                       + (" — covered, for information: not in the sum" if covered else ""))
            if not covered:
                total = total + c.rounded
    if target == "total":
        out.append("")
        for (funding, year), amount in estimate.totals().items():
            out.append(f"  {funding} {year}: {_r(amount, 0)}")
        total = estimate.total
    out.append(f"= {_r(total, 0)} USD")
    return "\n".join(out)


def explain_request(estimate: Estimate, request_id: str) -> str:
    """:func:`explain` of ``request.ID``: every activity of one request, each rounded cell, the sum."""
    if all(r.id != request_id for r in estimate.spec.requests):
        raise SpecError(f"no request {request_id!r} in {estimate.spec.symbol} (requests: "
                        f"{', '.join(r.id for r in estimate.spec.requests)})", field="target")
    return explain(estimate, f"request.{request_id}")


def _table_line(estimate: Estimate) -> str:
    spec = estimate.spec
    return (f"table {estimate.table.id} ({_path(estimate.table.file)}); "
            + (f"rates effective on {spec.priced_on}" if spec.priced_on else "rates effective on 1 January of each year"))


def _activity_lines(estimate: Estimate, aid: str) -> list[str]:
    """One activity: its draws on entitlements and each line item with the rate's provenance."""
    request, activity = {a.id: (r, a) for r, a in estimate.spec.activities()}[aid]
    out = [""]
    where = f", {activity.section}" if activity.section else ""
    out.append(f"{aid} ({activity.kind}; request ({request.id}), {activity.funding}{where}, {activity.year})")
    for use in estimate.entitlement_uses(aid):
        out.extend(entitlement_lines(use))
    own = [i for i in estimate.items if i.activity == aid and i.type == "rate"]
    if activity.documents is not None and activity.documents.high > 1 and (activity.words or activity.pages) \
            and not any(name.startswith("documents") for i in own for name, _ in i.factors):
        out.append(f"  ({_r(activity.documents, 0)} documents: the {'words' if activity.words else 'pages'} "
                   f"stated are those of all of them together; {estimate.table.id} prices no document apart)")
    years = {i.year for i in estimate.items if i.activity == aid}
    for item in estimate.items:
        if item.activity != aid:
            continue
        if item.part and item.type == "rate":
            out.append(f"  {item.part} part" + (f", {item.year}" if len(years) > 1 else "") + ":")
        elif len(years) > 1 and item.type == "rate":
            out.append(f"  {item.year}:")
        if item.type == "rate" and item.rate:
            rate = item.rate
            out.append(f"  {_factor_text(item)} = {_quantity(item.quantity) if item.quantity else ''} "
                       f"{_item_unit(item.unit, rate.unit)}"
                       f" × {_num(rate.value)} {_unit(rate.unit)} = {_r(item.amount)}")
            out.append(f"      rate {rate.key}, table {rate.table}, effective from {rate.effective_from}"
                       + (f", {rate.duty_station}" if rate.duty_station else ""))
            out.append(f"      reference: {rate.reference}")
            vacancy = estimate.table.vacancy_factors.get(GRADE_CATEGORIES.get(activity.grade or "", ""))
            if vacancy is not None and any("vacancy factor" in name for name, _ in item.factors):
                out.append(f"      vacancy factor {vacancy.percent} %: {vacancy.reference}")
            elif activity.continuing:
                out.append("      continuing: a year after the post's first, at full cost (no vacancy factor)")
        elif item.type == "surcharge" and item.quantity:
            out.append(f"  {item.note.lower()} ({item.surcharge}): {_r(item.quantity)} × {item.percent}%"
                       f" = {_r(item.amount)}")
            surcharge = estimate.table.surcharges.get(item.surcharge or "")
            if surcharge is not None:
                out.append(f"      reference: {surcharge.reference}")
        elif item.type == "quoted":
            out.append(f"  lump sum quoted in the note (no quantities given) = {_r(item.amount, 0)}")
        if item.covered:
            out.append("      covered by existing resources: not an additional requirement"
                       + (" (priced at full cost for information)" if item.funding == ABSORBED else ""))
    return out


def _explain_figure(estimate: Estimate, figure_id: str) -> str:
    """A published figure: its lines, the rounding, the sum, against the published amount."""
    spec = estimate.spec
    figure = spec.figure(figure_id)
    result = estimate.figure(figure_id)
    annex = f" (annex {roman(spec.annex)})" if spec.annex else ""
    out = [f"{figure.id} — {spec.symbol}{annex}, paragraph {figure.paragraph}: "
           f"published {figure.amount} USD", _table_line(estimate)]
    if figure.sum_of:
        out.append("")
        out.append("stated total of " + ", ".join(figure.sum_of) + ":")
        for part in figure.sum_of:
            out.append(f"  {part:>6}  {_r(estimate.figure(part).computed, 0):>20}")
    for aid in figure.activities:
        out.extend(_activity_lines(estimate, aid))
    if figure.activities:
        roundings = [i for i in estimate.items if i.type == "rounding" and i.group == figure.id and not i.covered]
        cells = [c for c in estimate.cells if c.group == figure.id and c.funding not in COVERED_SOURCES]
        unrounded = sum((c.unrounded for c in cells), Range.of(0))
        out.append("")
        out.append(f"sum {_r(unrounded)}")
        for item in roundings:
            out.append(f"{item.note}: {'+' if item.amount.low >= 0 else ''}{_r(item.amount)}")
    status = {"match": "match", "quoted": "quoted as printed", "sum": "the parts add up", "no cost": "no cost",
              "mismatch": "MISMATCH"}.get(result.status, result.status)
    out.append(f"= {_r(result.computed, 0)} USD (published {result.published}: {status})")
    if result.same_as:
        out.append(f"the same item as {result.same_as}: compare with `pbi explain` of that figure")
    return "\n".join(out)
