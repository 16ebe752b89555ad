"""``pbi check`` as a whole: read files, run every check, render a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pbi.model import DEFAULT_TABLE

from .checks import SEVERITIES, Finding, check_consistency, check_ranges, check_totals
from .choose import AUTO, choose_table
from .rates import RatesResult, check_rates
from .reader import Note, read_path

__all__ = ["CheckReport", "check_files", "report_table", "report_json"]


@dataclass(frozen=True)
class CheckReport:
    """Notes read, findings of every check (errors first) and what the rates check skipped."""

    notes: list[Note]
    findings: list[tuple[str, Finding]]  # (check name, finding)
    rates: RatesResult | None

    @property
    def errors(self) -> int:
        return sum(1 for _, f in self.findings if f.severity == "error")

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for _, f in self.findings if f.severity == s) for s in SEVERITIES}


def check_files(paths: Sequence[str | Path], *, lang: str | None = None,
                table: Any = AUTO) -> CheckReport:
    """Read every file and run the arithmetic, consistency, range and rates checks.

    ``table`` is a :class:`~pbi.model.tables.Table`, a table id or file, None to skip the rates, or
    :data:`~pbi.check.choose.AUTO` (the default) to price each note with the table of the body and
    years it reads (:func:`~pbi.check.choose.choose_table`).
    """
    from pbi.model.tables import Table

    notes: list[Note] = []
    for p in paths:
        notes.extend(read_path(p, lang=lang))
    found: list[tuple[str, Finding]] = []
    for name, fn in (("arithmetic", check_totals), ("consistency", check_consistency),
                     ("range", check_ranges)):
        found.extend((name, f) for f in fn(notes))
    rates = None
    if table == AUTO:
        rates = _rates_by_note(notes)
        found.extend(("rates", f) for f in rates.findings)
    elif table is not None:
        tbl = table if isinstance(table, Table) else _table(table)
        rates = check_rates(notes, tbl)
        found.extend(("rates", f) for f in rates.findings)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    found.sort(key=lambda x: (order.get(x[1].severity, 9),
                              x[1].note if x[1].note is not None else -1))
    return CheckReport(notes, found, rates)


def _rates_by_note(notes: Sequence[Note]) -> RatesResult:
    """Each note priced with the table :func:`~pbi.check.choose.choose_table` chooses for it;
    ``table`` of the result names each table used, with why and for how many notes."""
    groups: dict[str, tuple[Any, list[Note], list[str]]] = {}
    for note in notes:
        choice = choose_table(note)
        entry = groups.setdefault(choice.table.id, (choice.table, [], []))
        entry[1].append(note)
        if choice.why not in entry[2]:
            entry[2].append(choice.why)
    findings: list[Finding] = []
    checks = []
    names = []
    for tid, (tbl, group, whys) in groups.items():
        result = check_rates(group, tbl)
        findings.extend(result.findings)
        checks.extend(result.checks)
        names.append(f"{tid}: {'; '.join(whys)}")
    return RatesResult(" | ".join(names) or DEFAULT_TABLE, findings, checks)


def _table(ref: Any) -> Any:
    """A table by file or id: near the working directory, else next to the pbi package."""
    from pbi.model.errors import TableError
    from pbi.model.tables import resolve_table

    try:
        return resolve_table(ref)
    except TableError:
        return resolve_table(ref, near=Path(__file__))


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def report_json(report: CheckReport) -> str:
    """A JSON list of findings; amounts as strings."""
    return json.dumps([{"severity": f.severity, "check": name, "note": f.note, "name": f.note_name,
                        "paragraph": f.paragraph,
                        "message": f.message, "figures": _plain(f.figures)}
                       for name, f in report.findings], ensure_ascii=False, indent=2)


def report_table(report: CheckReport) -> str:
    """The findings as a readable table, with a summary."""
    from tabulate import tabulate

    out: list[str] = []
    sources = dict.fromkeys(n.source for n in report.notes)
    for src in sources:
        notes = [n for n in report.notes if n.source == src]
        claims = sum(len(n.claims) for n in notes)
        amounts = sum(1 for n in notes for c in n.claims if c.low is not None)
        out.append(f"{src}: {len(notes)} notes, {claims} claims ({amounts} with an amount)")
    rows = [[f.severity, name, f.note_name or (str(f.note) if f.note is not None else ""),
             f.paragraph or "", f.message] for name, f in report.findings]
    out.append("")
    out.append(tabulate(rows, headers=["severity", "check", "note", "para", "finding"],
                        disable_numparse=True, tablefmt="simple", maxcolwidths=[None, None, 26, None, 90])
               if rows else "(no findings)")
    c = report.counts()
    out.append("")
    out.append(f"{c['error']} errors, {c['warning']} warnings, {c['info']} info")
    if report.rates is not None:
        out.append(report.rates.summary())
    return "\n".join(out)
