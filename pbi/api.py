"""The typed Python API: load, cost, reproduce."""

from __future__ import annotations

from pathlib import Path

from .engine import cost
from .estimate import Estimate
from .errors import TableError
from .specs import Spec, load_spec, source_of
from .tables import Table, resolve_table

__all__ = ["cost_file", "table_for"]


def table_for(spec: Spec, spec_path: Path | str | None = None, table: str | Path | None = None) -> Table:
    """The table a spec names (or ``table``), found near the spec file."""
    if table is not None:
        return resolve_table(table)
    try:
        return resolve_table(spec.table, near=Path(spec_path) if spec_path else None)
    except TableError as err:
        if err.file is None:
            file, lines = source_of(spec)
            err.located(file=file, line=lines.get("table"), field="table")
        raise


def cost_file(spec_path: Path | str, *, table: str | Path | None = None) -> Estimate:
    """Load a spec file, find its table and cost it."""
    spec = load_spec(spec_path)
    return cost(spec, table_for(spec, spec_path, table))
