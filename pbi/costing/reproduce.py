"""Reproduce the published figures of a folder of specs, and show which rates explain them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from pbi.costing.engine import cost
from pbi.model.errors import InputError, SpecError
from pbi.costing.estimate import Estimate, FigureResult, figure_json
from pbi.model.specs import Spec, load_spec
from pbi.costing.api import table_for
from pbi.model.tables import Table

__all__ = ["find_specs", "Reproduction", "reproduce", "RateUse"]


#: data files that live with specs but are not specs
DATA_FILES = frozenset({"entitlements.yaml"})


def find_specs(paths: list[str | Path]) -> list[Path]:
    """Spec files named, or found under the folders named (``*.yaml``, sorted; data files such as
    ``entitlements.yaml`` are left out)."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*.yaml") if f.name not in DATA_FILES))
        elif p.exists():
            found.append(p)
        else:
            raise InputError("no such file or folder", file=str(p))
    if not found:
        raise InputError("no spec (*.yaml) found", file=", ".join(map(str, paths)))
    return found


@dataclass(frozen=True)
class RateUse:
    """A rate and the published figures priced with it."""

    key: str
    table: str
    label: str
    figures: tuple[str, ...]
    reference: str


@dataclass(frozen=True)
class Reproduction:
    """Every published figure of a corpus against its computed value."""

    estimates: tuple[Estimate, ...]
    figures: tuple[tuple[Spec, FigureResult], ...]

    @property
    def matched(self) -> int:
        return sum(1 for _, f in self.figures if f.ok)

    @property
    def ok(self) -> bool:
        return all(f.ok for _, f in self.figures)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for _, f in self.figures:
            out[f.kind] += 1
        return dict(out)

    def summary(self) -> str:
        c = self.counts()
        parts = [f"{c.get('derived', 0)} derived from quantities and rates"]
        for kind, label in (("quoted", "quoted lump sums"), ("sum", "stated totals"), ("no cost", "no-cost")):
            if c.get(kind):
                parts.append(f"{c[kind]} {label}")
        misprints = [f"{f.id} (printed {f.published}; {f.same_as} and its quantities give {f.computed})"
                     for _, f in self.figures if f.status == "misprint"]
        line = f"reproduced {self.matched} of {len(self.figures)} published figures ({'; '.join(parts)})"
        if misprints:
            line += "; inconsistent as printed: " + ", ".join(misprints)
        return line

    def rates(self) -> list[RateUse]:
        """Every rate of the tables used, with the figures that use it (fewest first)."""
        uses: dict[tuple[str, str], set[str]] = defaultdict(set)
        labels: dict[tuple[str, str], tuple[str, str]] = {}
        tables: dict[str, Table] = {}
        for est in self.estimates:
            tables[est.table.id] = est.table
            figure_of = {a: f.id for f in est.spec.published for a in f.activities}
            for item in est.items:
                fid = figure_of.get(item.activity)
                if item.rate:
                    key = (item.rate.key, est.table.id)
                    labels[key] = (item.rate.label, item.rate.reference)
                elif item.surcharge:
                    name = item.surcharge
                    s = est.table.surcharges[name]
                    key = (name, est.table.id)
                    labels[key] = (s.label, s.reference)
                else:
                    continue
                if fid:
                    uses[key].add(fid)
        for table in tables.values():
            for rkey, rate in table.rates.items():
                labels.setdefault((rkey, table.id), (rate.label, rate.reference))
        rows = [RateUse(key=k, table=t, label=labels[(k, t)][0], figures=tuple(sorted(uses.get((k, t), ()))),
                        reference=labels[(k, t)][1]) for (k, t) in labels]
        return sorted(rows, key=lambda r: (-len(r.figures), r.key))

    def to_json(self) -> list[dict[str, object]]:
        return [{**figure_json(f), "spec": s.symbol, "annex": s.annex} for s, f in self.figures]


def reproduce(paths: list[str | Path], *, table: str | Path | None = None) -> Reproduction:
    """Cost every spec under ``paths`` and compare each published figure; resolve ``same_as``."""
    estimates: list[Estimate] = []
    cache: dict[tuple[str, Path], Table] = {}
    for path in find_specs(paths):
        spec = load_spec(path)
        key = (str(table or spec.table), path.parent.resolve())
        if key not in cache:
            cache[key] = table_for(spec, path, table)
        estimates.append(cost(spec, cache[key]))
    pairs = [(e.spec, f) for e in estimates for f in e.figures]
    by_id: dict[str, FigureResult] = {}
    for spec, f in pairs:
        if f.id in by_id:
            raise SpecError(f"figure id {f.id} is used twice in this corpus", file=spec.symbol)
        by_id[f.id] = f
    resolved: list[tuple[Spec, FigureResult]] = []
    for spec, f in pairs:
        if f.same_as:
            other = by_id.get(f.same_as)
            if other is None:
                raise SpecError(f"figure {f.id} is the same as {f.same_as}, which is not in the specs given",
                                field=f"published.{f.id}.same_as")
            if f.status == "mismatch" and other.ok and other.computed == f.computed:
                f = replace(f, status="misprint")
        resolved.append((spec, f))
    return Reproduction(estimates=tuple(estimates), figures=tuple(resolved))
