"""pbi — programme budget implications of draft resolutions.

Load a draft spec and a unit-cost table, cost it, and compare the result with the figures a
published financial note printed::

    import pbi
    spec = pbi.load_spec("notes/ctoc-cop-2010-17/annex-04.yaml")
    table = pbi.resolve_table(spec.table, near="notes/ctoc-cop-2010-17")
    estimate = pbi.cost(spec, table)
    estimate.figure("F09").computed          # Range(low=Decimal('224800'), ...)

Names are imported on first use, so that ``import pbi`` (and ``pbi --help``) stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_spec": "model.specs", "Spec": "model.specs", "Request": "model.specs", "Activity": "model.specs", "Figure": "model.specs",
    "Range": "model.specs",
    "load_table": "model.tables", "resolve_table": "model.tables", "Table": "model.tables", "Rate": "model.tables",
    "RateValue": "model.tables",
    "cost": "costing.engine",
    "cost_file": "costing.api", "compare_file": "costing.api",
    "Scenario": "costing.scenario", "load_scenario": "costing.scenario",
    "compare": "costing.compare", "Comparison": "costing.compare",
    "sweep": "costing.sweep", "SweepResult": "costing.sweep",
    "Estimate": "costing.estimate", "LineItem": "costing.estimate", "FigureResult": "costing.estimate",
    "reproduce": "costing.reproduce", "Reproduction": "costing.reproduce",
    "explain": "costing.explain",
    "calibrate": "costing.calibrate", "Calibration": "costing.calibrate",
    "Rounding": "model.money",
    "load_entitlements": "model.entitlements", "Entitlements": "model.entitlements", "EntitlementUse": "model.entitlements",
    "BudgetPeriod": "model.periods", "period_of": "model.periods",
    "conclude": "costing.conclusions", "Conclusion": "costing.conclusions",
    "PbiError": "model.errors", "InputError": "model.errors", "TableError": "model.errors", "RateLookupError": "model.errors",
    "SpecError": "model.errors", "UnitError": "model.errors", "RenderError": "model.errors", "CheckError": "model.errors",
    "ArgumentError": "model.errors",
}

__all__ = [
    "Activity", "ArgumentError", "BudgetPeriod", "Calibration", "CheckError", "Comparison", "Conclusion",
    "EntitlementUse", "Entitlements", "Estimate", "Figure", "FigureResult", "InputError",
    "LineItem", "PbiError", "Range", "Rate", "RateLookupError", "RateValue", "RenderError",
    "Reproduction", "Request", "Rounding", "Scenario", "Spec", "SpecError", "SweepResult", "Table",
    "TableError", "UnitError", "__version__", "calibrate", "compare", "compare_file", "conclude",
    "cost", "cost_file", "explain", "load_entitlements", "load_scenario", "load_spec", "load_table",
    "period_of", "reproduce", "resolve_table", "sweep",
]


#: the subpackages, reachable as attributes after a plain ``import pbi`` (``pbi.costing.explain``)
_PACKAGES = frozenset({"model", "costing", "render", "check", "export", "draft"})


def __getattr__(name: str) -> Any:
    if name in _PACKAGES:
        return import_module(f".{name}", __name__)
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pbi' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover
    from pbi.costing.api import compare_file, cost_file
    from pbi.costing.calibrate import Calibration, calibrate
    from pbi.costing.compare import Comparison, compare
    from pbi.costing.scenario import Scenario, load_scenario
    from pbi.costing.sweep import SweepResult, sweep
    from pbi.costing.engine import cost
    from pbi.model.errors import (ArgumentError, CheckError, InputError, PbiError, RateLookupError, RenderError, SpecError,
                         TableError, UnitError)
    from pbi.costing.estimate import Estimate, FigureResult, LineItem
    from pbi.costing.conclusions import Conclusion, conclude
    from pbi.model.entitlements import EntitlementUse, Entitlements, load_entitlements
    from pbi.costing.explain import explain
    from pbi.model.periods import BudgetPeriod, period_of
    from pbi.model.money import Rounding
    from pbi.costing.reproduce import Reproduction, reproduce
    from pbi.model.specs import Activity, Figure, Range, Request, Spec, load_spec
    from pbi.model.tables import Rate, RateValue, Table, load_table, resolve_table
