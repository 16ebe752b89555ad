"""Reproduce the published figures of specs, and say honestly how each one is reproduced.

Every figure falls in exactly one class (:data:`CLASSES`):

- ``derived``: computed from quantities and rates shared with other figures, and equal to the print;
- ``single-use``: equal to the print only through a rate fitted to that figure alone (the table marks
  it: ``fitted_to: [F05]``) — in sample by construction, not evidence that the rates generalise;
- ``quoted``: a lump sum whose amount *is* the published figure;
- ``sum``: a stated total, checked as the sum of its parts;
- ``no cost``: met from an entitlement (priced for information only); an amount absorbed within
  existing resources is priced at full cost and checked like any other, so it is ``derived``;
- ``misprint``: computed from quantities, different from the print, and the same item as another
  figure that is computed alike (``same_as``) — flagged, never counted as a match;
- ``mismatch``: computed from quantities and different from the print.

A folder is reproduced spec by spec: a bad spec is reported in one line and the others go on.
Each table is loaded once and each spec validated once.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from pbi.costing.api import table_for
from pbi.costing.engine import cost
from pbi.costing.estimate import Estimate, FigureResult, figure_json
from pbi.model.errors import InputError, PbiError, SpecError
from pbi.model.money import format_usd
from pbi.model.specs import Activity, Range, Spec, load_spec
from pbi.model.tables import Table, resolve_table, table_folders
from pbi.model.validation import expect_paths

__all__ = ["find_specs", "walk_specs", "skipped_text", "Reproduction", "reproduce", "RateUse", "FigureRow",
           "FigureClass", "CLASSES", "MATCHED", "year_band", "single_use_rates", "figure_place", "derived_from"]

FigureClass = Literal["derived", "single-use", "quoted", "sum", "no cost", "misprint", "mismatch"]

#: every class, in the order the summary line names them, with its label there
CLASSES: dict[FigureClass, str] = {
    "derived": "derived", "single-use": "single-use", "quoted": "quoted", "sum": "sums",
    "no cost": "no cost", "misprint": "misprints", "mismatch": "mismatches",
}
#: the classes whose computed amount equals the print
MATCHED: frozenset[str] = frozenset({"derived", "single-use", "quoted", "sum", "no cost"})

#: data files that live with specs but are not specs
DATA_FILES = frozenset({"entitlements.yaml"})

#: width of the year bands of the corpus summary
YEAR_BAND = 5


def year_band(year: int | None) -> str:
    """``2012`` → ``2010-2014`` (bands of :data:`YEAR_BAND` years)."""
    if year is None:
        return "-"
    start = year - year % YEAR_BAND
    return f"{start}-{start + YEAR_BAND - 1}"


def _yaml_under(folder: Path) -> list[Path]:
    """The ``*.yaml`` files under ``folder``, as :func:`pbi.model.fileio.files_under` bounds the search
    (hidden ones left out, links to folders not followed, a folder that cannot be read said so)."""
    from pbi.model.fileio import files_under

    return files_under(folder, ".yaml")


def find_specs(paths: list[str | Path]) -> list[Path]:
    """Spec files named, or found under the folders named (``*.yaml``, sorted; data files such as
    ``entitlements.yaml``, cost tables and other YAML that is no spec are left out: :func:`walk_specs`)."""
    return walk_specs(paths)[0]


#: keys only a spec has at its top level (a table, entitlements, draft labels or templates have neither)
SPEC_KEYS = ("table", "budget_period")
_SPEC_LINE = re.compile(r"^[\"']?(?:table|budget_period)[\"']?[ \t]*:", re.M)
#: keys of a spec at the top of a file that cannot be read as YAML: read as a spec, to say why not
_SPEC_HINT = re.compile(r"^[\"']?(?:symbol|requests|published)[\"']?[ \t]*:", re.M)


def _not_a_spec(path: Path) -> str:
    """Why a YAML file found under a folder is not a spec, or "" when it is read as one (it names a
    table or a budget period at its top level). A file that cannot be read is read as a spec, so that
    its error is said."""
    from pbi.model.yamlio import load_yaml, read_text

    try:
        text = read_text(path)
    except PbiError:
        return ""
    if _SPEC_LINE.search(text):
        return ""
    try:
        data = load_yaml(path).data
    except PbiError:  # a broken spec is said broken; other YAML pbi does not read (anchors, a list) is left
        return "" if _SPEC_HINT.search(text) else "not YAML that pbi reads"
    if any(k in data for k in SPEC_KEYS):
        return ""
    if "rates" in data or "extends" in data:
        return "cost tables"
    return "without a table or budget_period key"


def walk_specs(paths: list[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The spec files named, or found under the folders named, and the ``*.yaml`` files found under
    the folders that are not specs, each with why (:func:`_not_a_spec`). A file named is always read
    as a spec."""
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    if isinstance(paths, (str, Path)):  # one path, not the characters of one
        paths = [paths]
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(f for f in _yaml_under(p) if f.name not in DATA_FILES):  # data with specs: left out
                why = _not_a_spec(f)
                if why:
                    skipped.append((f, why))
                else:
                    found.append(f)
        elif p.exists():
            found.append(p)
        else:
            raise InputError("no such file or folder", file=str(p))
    if not found:
        raise InputError("no spec (*.yaml) found" + (f" ({skipped_text(skipped)})" if skipped else ""),
                         file=", ".join(map(str, paths)))
    return found, skipped


def skipped_text(skipped: list[tuple[Path, str]] | tuple[tuple[Path, str], ...]) -> str:
    """``skipped 12 YAML files that are not specs: 3 cost tables, 9 without a table or budget_period key``."""
    reasons: dict[str, int] = defaultdict(int)
    for _, why in skipped:
        reasons[why] += 1
    n = len(skipped)
    reasons_text = ", ".join(f"{count} {why}" for why, count in sorted(reasons.items(), key=lambda kv: -kv[1]))
    return f"skipped {n} YAML file{'s that are not specs' if n > 1 else ' that is not a spec'}: {reasons_text}"


@dataclass(frozen=True)
class RateUse:
    """A rate and the published figures priced with it."""

    key: str
    table: str
    label: str
    figures: tuple[str, ...]
    reference: str
    fitted_to: tuple[str, ...] = ()

    @property
    def single_use(self) -> bool:
        """Fitted to one figure alone (the table says so), or explaining one figure only."""
        return len(self.fitted_to) == 1 or len(self.figures) == 1


@dataclass(frozen=True)
class FigureRow:
    """One published figure, its class and where it belongs in the corpus summary."""

    spec: Spec
    file: str
    figure: FigureResult
    cls: FigureClass
    single_use: tuple[str, ...]  # the single-use rates it is priced with
    activity_kind: str  # kinds of its activities, "+"-joined; "total" for a stated total
    station: str
    year: int | None
    table: str = ""  # the id of the table the figure is priced with
    table_file: str = ""  # the file it was read from ($PBI_TABLES, the spec's cost_tables/, pbi's own)

    @property
    def matched(self) -> bool:
        """The computed amount equals the print (quoted, sum and no-cost included)."""
        return self.cls in MATCHED

    def to_json(self) -> dict[str, object]:
        """The figure as plain data: computed and published amounts, class, kind, station, year."""
        out = figure_json(self.figure)
        out.update({"class": self.cls, "match": self.matched, "spec": self.spec.symbol,
                    "annex": self.spec.annex, "file": self.file,
                    "single_use_rates": list(self.single_use) or None,
                    "activity_kind": self.activity_kind, "station": self.station, "year": self.year,
                    "table": self.table, "table_file": self.table_file})
        return out


def _differs(published: Range, computed: Range) -> str:
    """``printed 80,000, computed 800,000``: the ends that differ only."""
    def text(r: Range) -> str:
        return format_usd(r.low) if not r.is_range else f"{format_usd(r.low)} to {format_usd(r.high)}"

    if published.high == computed.high and published.low != computed.low:
        return f"printed {format_usd(published.low)}, computed {format_usd(computed.low)}"
    if published.low == computed.low and published.high != computed.high:
        return f"printed {format_usd(published.high)}, computed {format_usd(computed.high)}"
    return f"printed {text(published)}, computed {text(computed)}"


@dataclass(frozen=True)
class Reproduction:
    """Every published figure of a corpus against its computed value, each in one class."""

    estimates: tuple[Estimate, ...]
    rows: tuple[FigureRow, ...]
    errors: tuple[str, ...] = ()  # one line per spec that could not be reproduced
    skipped: tuple[tuple[Path, str], ...] = ()  # YAML files under the folders that are not specs, and why

    @property
    def figures(self) -> tuple[tuple[Spec, FigureResult], ...]:
        """Every reproduced figure with its spec."""
        return tuple((r.spec, r.figure) for r in self.rows)

    @property
    def matched(self) -> int:
        """Figures whose computed amount equals the print (a misprint is never one)."""
        return sum(1 for r in self.rows if r.matched)

    @property
    def ok(self) -> bool:
        """No figure is a mismatch (a flagged misprint is not one) and every spec was read."""
        return not self.errors and not any(r.cls == "mismatch" for r in self.rows)

    def counts(self) -> dict[str, int]:
        """Figures by how they are computed (derived, quoted, sum, no cost)."""
        out: dict[str, int] = defaultdict(int)
        for r in self.rows:
            out[r.figure.kind] += 1
        return dict(out)

    def classes(self) -> dict[FigureClass, int]:
        """Figures by class, every class named (0 where none)."""
        out: dict[FigureClass, int] = {c: 0 for c in CLASSES}
        for r in self.rows:
            out[r.cls] += 1
        return out

    def summary(self) -> str:
        """The classes in one line: ``derived 15/15 …, single-use 7, quoted 3, sums 1, misprints 1
        (F17: printed 80,000, computed 800,000)``."""
        c = self.classes()
        tried = c["derived"] + c["mismatch"]
        parts = [f"derived {c['derived']}/{tried} (matched by rates shared with other figures)"]
        shown_classes: tuple[FigureClass, ...] = ("single-use", "quoted", "sum", "no cost")
        for cls in shown_classes:
            if c[cls]:
                parts.append(f"{CLASSES[cls]} {c[cls]}")
        seen: dict[str, int] = defaultdict(int)
        for r in self.rows:
            seen[r.figure.id] += 1
        flagged: tuple[FigureClass, ...] = ("misprint", "mismatch")
        for cls in flagged:
            rows = [r for r in self.rows if r.cls == cls]
            if rows:  # a figure id used by several specs is named with its symbol
                shown = ", ".join(f"{r.spec.symbol + ' ' if seen[r.figure.id] > 1 else ''}{r.figure.id}: {_differs(r.figure.published, r.figure.computed)}"
                                  for r in rows[:5])
                more = f", and {len(rows) - 5} more" if len(rows) > 5 else ""
                parts.append(f"{CLASSES[cls]} {len(rows)} ({shown}{more})")
        if not c["mismatch"]:
            parts.append("no mismatch")
        if self.errors:
            parts.append(f"{len(self.errors)} error{'s' if len(self.errors) > 1 else ''} (on stderr)")
        return ", ".join(parts)

    def caveat(self) -> str:
        """How many figures equal the print, and that this is in sample, not out of sample."""
        if not self.rows:
            return "no published figures in the specs given: nothing to reproduce"
        c = self.classes()
        derived = [r for r in self.rows if r.figure.kind == "derived"]
        fitted = {f for e in self.estimates for rate in e.table.rates.values() for f in rate.fitted_to}
        inside = sum(1 for r in derived if r.figure.id in fitted)
        head = (f"reproduced {self.matched} of {len(self.rows)} published figures ({len(derived)} derived from "
                f"quantities and rates, {c['single-use']} of them only through a rate fitted to that figure "
                f"alone; {c['quoted']} quoted, {c['sum']} sums, {c['no cost']} no cost)")
        if derived and len(derived) != self.matched:  # quoted amounts are the print: say what was computed
            equal = c["derived"] + c["single-use"]
            head += f" — of the {len(derived)} computed from quantities, {equal} equal the print"
        if derived and inside == 0:
            return (f"{head} out of sample: no derived figure is one the table's rates were fitted to "
                    "(their `fitted_to`).")
        where = (" in sample: the rates were derived from these figures" if inside == len(derived) else
                 f"; {inside} of the derived figures are in sample (the rates were fitted to them), "
                 f"{len(derived) - inside} out of sample")
        return f"{head}{where}. `pbi calibrate` gives the out-of-sample (leave-one-out) error."

    def breakdown(self) -> list[tuple[str, str, dict[FigureClass, int]]]:
        """Classes by activity kind, duty station and year band: (dimension, value, counts)."""
        groups: dict[tuple[str, str], dict[FigureClass, int]] = {}
        for r in self.rows:
            for dim, value in (("kind", r.activity_kind), ("station", r.station),
                               ("years", year_band(r.year))):
                counts = groups.setdefault((dim, value), {c: 0 for c in CLASSES})
                counts[r.cls] += 1
        order = {"kind": 0, "station": 1, "years": 2}
        return [(d, v, c) for (d, v), c in sorted(groups.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))]

    def rates(self) -> list[RateUse]:
        """Every rate of the tables used, with the figures that use it (most first)."""
        uses: dict[tuple[str, str], set[str]] = defaultdict(set)
        labels: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {}
        tables: dict[str, Table] = {}
        for est in self.estimates:
            tables[est.table.id] = est.table
            figure_of = {a: f.id for f in est.spec.published for a in f.activities}
            for item in est.items:
                fid = figure_of.get(item.activity)
                if item.rate:
                    key = (item.rate.key, est.table.id)
                    rate = est.table.rates.get(item.rate.key)
                    labels[key] = (item.rate.label, item.rate.reference, rate.fitted_to if rate else ())
                elif item.surcharge:
                    name = item.surcharge
                    s = est.table.surcharges[name]
                    key = (name, est.table.id)
                    labels[key] = (s.label, s.reference, ())
                else:
                    continue
                if fid:
                    uses[key].add(fid)
        for table in tables.values():
            for rkey, rate in table.rates.items():
                labels.setdefault((rkey, table.id), (rate.label, rate.reference, rate.fitted_to))
        rows = [RateUse(key=k, table=t, label=labels[(k, t)][0], figures=tuple(sorted(uses.get((k, t), ()))),
                        reference=labels[(k, t)][1], fitted_to=labels[(k, t)][2]) for (k, t) in labels]
        return sorted(rows, key=lambda r: (-len(r.figures), r.key))

    def to_json(self) -> list[dict[str, object]]:
        """One plain-data row per figure, as `pbi reproduce --json` prints them."""
        return [r.to_json() for r in self.rows]


#: how a table's per-value source names the figures a value was derived from
_DERIVED = re.compile(r"(?:derived from|fitted by pbi calibrate to)\s+([^;(:]+)")


def derived_from(source: str) -> list[str]:
    """The figures a value's source text names: ``derived from ST-D06.0 (single-use: one figure)``
    → ``["ST-D06.0"]``; nothing when the value was carried, interpolated or recosted."""
    m = _DERIVED.search(source)
    if not m:
        return []
    return [n.strip() for n in re.split(r",| and ", m.group(1)) if n.strip()]


def single_use_rates(est: Estimate, figure: FigureResult) -> tuple[str, ...]:
    """The rates pricing ``figure`` fitted to that figure alone: the whole rate (``fitted_to``
    names only it) or the dated value used (its source, where the table keeps one per value, names
    only it)."""
    names = {figure.id, f"{est.spec.symbol}:{figure.id}", f"{est.spec.symbol} {figure.id}"}
    out: list[str] = []
    for item in est.items:
        if item.group != figure.id or item.rate is None or item.rate.key in out:
            continue
        rate = est.table.rates.get(item.rate.key)
        if rate is None:
            continue
        if len(rate.fitted_to) == 1 and rate.fitted_to[0] in names:
            out.append(item.rate.key)
            continue
        sources: dict[str, dict[dt.date, str]] = getattr(rate, "sources", None) or {}
        series = item.rate.duty_station if item.rate.duty_station in rate.stations else "default"
        figures = derived_from(sources.get(series, {}).get(item.rate.effective_from, ""))
        if len(figures) == 1 and figures[0] in names:
            out.append(item.rate.key)
    return tuple(out)


def _classify(f: FigureResult, single: tuple[str, ...]) -> FigureClass:
    if f.status == "misprint":
        return "misprint"
    if f.status == "mismatch":
        return "mismatch"
    if f.kind == "derived":
        return "single-use" if single else "derived"
    return f.kind  # quoted, sum, no cost


def figure_place(est: Estimate, f: FigureResult,
                 acts: dict[str, Activity] | None = None) -> tuple[str, str, int | None]:
    """Activity kind(s), duty station and first year of a figure (``acts``: the spec's activities by
    id, where the caller has them)."""
    if f.sum_of:
        return "total", est.table.duty_station or "-", min(est.spec.years)
    if acts is None:
        acts = {a.id: a for _, a in est.spec.activities()}
    mine = [acts[a] for a in f.activities if a in acts]
    kinds = "+".join(sorted({a.kind for a in mine})) or "-"
    # an activity priced by rates without a location is priced at the table's duty station; a lump
    # sum without one is at no known station
    stations = sorted({a.location or (est.table.duty_station if a.kind != "lump_sum" else None) or "-"
                       for a in mine})
    station = stations[0] if len(stations) == 1 else "+".join(stations) or "-"
    year = min((a.year for a in mine), default=None)
    return kinds, station, year


class _Tables:
    """Each table loaded once, whatever the number of specs or folders naming it."""

    def __init__(self, override: str | Path | None) -> None:
        self.override = override
        self.loaded: dict[tuple[str, tuple[Path, ...]], Table] = {}
        self.folders: dict[Path, tuple[Path, ...]] = {}

    def get(self, spec: Spec, path: Path) -> Table:
        if self.override is not None:
            key: tuple[str, tuple[Path, ...]] = (str(self.override), ())
            if key not in self.loaded:
                self.loaded[key] = resolve_table(self.override)
            return self.loaded[key]
        parent = path.parent
        if parent not in self.folders:
            self.folders[parent] = tuple(f.resolve() for f in table_folders(parent))
        key = (spec.table, self.folders[parent])
        if key not in self.loaded:
            self.loaded[key] = table_for(spec, path)
        return self.loaded[key]


def reproduce(paths: list[str | Path], *, table: str | Path | None = None,
              keep_going: bool = False) -> Reproduction:
    """Cost every spec under ``paths`` and classify each published figure.

    The first spec that cannot be read or costed raises its error; with ``keep_going`` (what
    ``pbi reproduce`` does) it is reported in :attr:`Reproduction.errors` (one line) and the
    others go on.
    ``same_as`` names a figure of the same spec, else of another spec of the same folder (read
    for that purpose if it was not given).
    """
    expect_paths(paths, where="reproduce")
    collecting = gc.isenabled()
    gc.disable()  # reproducing makes many objects and no cycles: the collector's passes cost a fifth
    try:
        return _reproduce(paths, table, keep_going)
    finally:
        if collecting:
            # what was made stays: young passes need not walk it (it joins the oldest generation,
            # as long-lived objects do)
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _reproduce(paths: list[str | Path], table: str | Path | None, keep_going: bool) -> Reproduction:
    estimates: list[tuple[Path, Estimate]] = []
    errors: list[str] = []
    tables = _Tables(table)
    spec_paths, skipped = walk_specs(paths)
    for path in spec_paths:
        try:
            spec = load_spec(path)
            estimates.append((path, cost(spec, tables.get(spec, path))))
        except PbiError as err:
            if not keep_going:
                raise
            errors.append(str(err.located(file=str(path))))
    by_folder: dict[tuple[Path, str], list[FigureResult]] = defaultdict(list)
    for path, est in estimates:
        parent = path.parent
        for f in est.figures:
            by_folder[(parent, f.id)].append(f)
    given: set[Path] = set()  # resolved only when a folder is searched
    searched: set[Path] = set()

    def sibling(folder: Path, figure_id: str) -> list[FigureResult]:
        """A figure of a spec of ``folder`` that was not given (``same_as`` of a spec given alone)."""
        if folder not in searched:
            searched.add(folder)
            if not given:
                given.update(p.resolve() for p, _ in estimates)
            for other_path in sorted(folder.glob("*.yaml")):
                if other_path.name in DATA_FILES or other_path.resolve() in given:
                    continue
                try:
                    other_spec = load_spec(other_path)
                    for g in cost(other_spec, tables.get(other_spec, other_path)).figures:
                        by_folder[(folder, g.id)].append(g)
                except PbiError:
                    continue  # not a spec of this corpus, or a bad one: reported when it is given
        return by_folder.get((folder, figure_id), [])

    rows: list[FigureRow] = []
    for path, est in estimates:
        own = {f.id: f for f in est.figures}
        acts = {a.id: a for _, a in est.spec.activities()}
        for f in est.figures:
            if f.same_as:
                other = own.get(f.same_as)
                if other is None:
                    found = by_folder.get((path.parent, f.same_as), []) or sibling(path.parent, f.same_as)
                    if len(found) != 1:
                        why = "is not in the specs given" if not found else "is in several specs of the folder"
                        bad = SpecError(f"figure {f.id} is the same as {f.same_as}, which {why}",
                                        file=str(path), field=f"published.{f.id}.same_as")
                        if not keep_going:
                            raise bad
                        errors.append(str(bad))  # the figure is still shown, as computed
                    other = found[0] if len(found) == 1 else None
                if other is not None and f.status == "mismatch" and other.ok and other.computed == f.computed:
                    f = replace(f, status="misprint")
            single = single_use_rates(est, f) if f.kind == "derived" else ()
            kind, station, year = figure_place(est, f, acts)
            rows.append(FigureRow(est.spec, str(path), f, _classify(f, single), single, kind, station, year,
                                  est.table.id, est.table.file))
    return Reproduction(estimates=tuple(e for _, e in estimates), rows=tuple(rows), errors=tuple(errors),
                        skipped=tuple(skipped))

