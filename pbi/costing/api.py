"""The typed Python API: load, cost, reproduce."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Mapping, Sequence

from pbi.costing.engine import cost
from pbi.costing.estimate import Estimate
from pbi.model.errors import TableError
from pbi.model.specs import Spec, load_spec, source_of
from pbi.model.tables import Table, resolve_table

if TYPE_CHECKING:  # pragma: no cover
    from pbi.costing.compare import Comparison
    from pbi.costing.scenario import Scenario

__all__ = ["cost_file", "table_for", "compare_file"]


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


def compare_file(spec_path: Path | str, *, scenario: "Scenario | Mapping[str, Any] | Path | str | None" = None,
                 assignments: Sequence[str] = (), table: str | Path | None = None,
                 vs_table: str | Path | None = None) -> "Comparison":
    """Cost a spec file as it is (with ``table``) and under a scenario (a Scenario, a dict, or a
    YAML file, plus ``--set`` style ``assignments``) priced with ``vs_table`` (default: the same table)."""
    from pbi.costing.compare import compare
    from pbi.costing.scenario import Scenario, load_scenario

    spec = load_spec(spec_path)
    base_table = table_for(spec, spec_path, table)
    other_table = table_for(spec, spec_path, vs_table) if vs_table else base_table
    if scenario is None:
        chosen = Scenario()
    elif isinstance(scenario, Scenario):
        chosen = scenario
    elif isinstance(scenario, Mapping):
        chosen = Scenario.from_dict(scenario)
    else:
        chosen = load_scenario(scenario)
    if assignments:
        chosen = chosen.merged(Scenario.from_assignments(assignments))
    if not chosen and not vs_table:
        from pbi.model.errors import SpecError

        raise SpecError("nothing to compare: give --scenario FILE, --set PATH=VALUE or --vs-table T2")
    new_spec, new_table = chosen.apply(spec, other_table)
    if vs_table:
        labels = (base_table.id, f"{chosen.name} ({other_table.id})" if chosen else other_table.id)
    else:
        labels = ("baseline", chosen.name)
    return compare(cost(spec, base_table), cost(new_spec, new_table), labels=labels)
