"""The typed Python API: load, cost, reproduce."""

from __future__ import annotations

from dataclasses import dataclass
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Mapping, Sequence

from pbi.costing.engine import cost
from pbi.costing.estimate import Estimate
from pbi.model.errors import TableError
from pbi.model.specs import Spec, load_spec, source_of
from pbi.model.tables import Table, resolve_table
from pbi.model.validation import expect, expect_path

if TYPE_CHECKING:  # pragma: no cover
    from pbi.costing.compare import Comparison
    from pbi.costing.scenario import Scenario

__all__ = ["cost_file", "table_for", "compare_file", "scenario_of", "variant_file", "Variant"]


def table_for(spec: Spec, spec_path: Path | str | None = None, table: str | Path | None = None) -> Table:
    """The table a spec names (or ``table``), found near the spec file."""
    if table is not None:
        expect(table, (str, os.PathLike), what="table", where="table_for", hint="a table id or a table file's path")
        return resolve_table(table)
    try:
        return resolve_table(spec.table, near=Path(spec_path) if spec_path else None, path_allowed=False)
    except TableError as err:
        if err.file is None:
            file, lines = source_of(spec)
            err.located(file=file, line=lines.get("table"), field="table")
        raise


def cost_file(spec_path: Path | str, *, table: str | Path | None = None) -> Estimate:
    """Load a spec file, find its table and cost it."""
    expect_path(spec_path, what="spec_path", where="cost_file")
    spec = load_spec(spec_path)
    return cost(spec, table_for(spec, spec_path, table))


def scenario_of(scenario: "Scenario | Mapping[str, Any] | Path | str | None" = None,
                assignments: Sequence[str] = ()) -> "Scenario":
    """One scenario from a Scenario, a dict or a YAML file, with ``--set`` style ``assignments``
    on top (an empty Scenario when there is neither)."""
    from pbi.costing.scenario import Scenario, load_scenario

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
    return chosen


@dataclass(frozen=True)
class Variant:
    """A spec file as it is and under a scenario: both specs, both tables, and what the user
    should know about how the scenario applied (:meth:`Scenario.notices`)."""

    spec: Spec
    table: Table
    scenario: "Scenario"
    new_spec: Spec
    new_table: Table
    notices: tuple[str, ...] = ()

    def cost(self) -> Estimate:
        """The variant's estimate."""
        return cost(self.new_spec, self.new_table)


def variant_file(spec_path: Path | str, *, scenario: "Scenario | Mapping[str, Any] | Path | str | None" = None,
                 assignments: Sequence[str] = (), table: str | Path | None = None,
                 vs_table: str | Path | None = None) -> Variant:
    """Load a spec file and apply a scenario (see :func:`scenario_of`) priced with ``vs_table``
    (default: the spec's table, or ``table``)."""
    spec = load_spec(spec_path)
    base_table = table_for(spec, spec_path, table)
    other_table = table_for(spec, spec_path, vs_table) if vs_table else base_table
    chosen = scenario_of(scenario, assignments)
    new_spec, new_table = chosen.apply(spec, other_table)
    return Variant(spec, base_table, chosen, new_spec, new_table, tuple(chosen.notices(spec, other_table)))


def compare_file(spec_path: Path | str, *, scenario: "Scenario | Mapping[str, Any] | Path | str | None" = None,
                 assignments: Sequence[str] = (), table: str | Path | None = None,
                 vs_table: str | Path | None = None) -> "Comparison":
    """Cost a spec file as it is (with ``table``) and under a scenario (a Scenario, a dict, or a
    YAML file, plus ``--set`` style ``assignments``) priced with ``vs_table`` (default: the same table)."""
    from pbi.costing.compare import compare

    expect_path(spec_path, what="spec_path", where="compare_file")
    v = variant_file(spec_path, scenario=scenario, assignments=assignments, table=table, vs_table=vs_table)
    if not v.scenario and not vs_table:
        from pbi.model.errors import SpecError

        if scenario is not None and not assignments:
            where = str(scenario) if isinstance(scenario, (str, Path)) else "the scenario"
            raise SpecError(f"nothing to compare: {where} changes no quantity or rate of the spec (edit a "
                            "value, or add --set PATH=VALUE or --vs-table T2)")
        raise SpecError("nothing to compare: give --scenario FILE, --set PATH=VALUE or --vs-table T2")
    if vs_table:
        labels = (v.table.id, f"{v.scenario.name} ({v.new_table.id})" if v.scenario else v.new_table.id)
    else:
        labels = ("baseline", v.scenario.name)
    return compare(cost(v.spec, v.table), v.cost(), labels=labels)
