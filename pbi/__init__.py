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
    "load_spec": "specs", "Spec": "specs", "Request": "specs", "Activity": "specs", "Figure": "specs",
    "Range": "specs",
    "load_table": "tables", "resolve_table": "tables", "Table": "tables", "Rate": "tables",
    "RateValue": "tables",
    "cost": "engine",
    "cost_file": "api", "compare_file": "api",
    "Scenario": "scenario", "load_scenario": "scenario",
    "compare": "compare", "Comparison": "compare",
    "sweep": "sweep", "SweepResult": "sweep",
    "Estimate": "estimate", "LineItem": "estimate", "FigureResult": "estimate",
    "reproduce": "reproduce", "Reproduction": "reproduce",
    "explain": "explain",
    "calibrate": "calibrate", "Calibration": "calibrate",
    "Rounding": "money",
    "load_entitlements": "entitlements", "Entitlements": "entitlements", "EntitlementUse": "entitlements",
    "BudgetPeriod": "periods", "period_of": "periods",
    "conclude": "conclusions", "Conclusion": "conclusions",
    "PbiError": "errors", "InputError": "errors", "TableError": "errors", "RateLookupError": "errors",
    "SpecError": "errors", "UnitError": "errors", "RenderError": "errors", "CheckError": "errors",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pbi' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover
    from .api import compare_file, cost_file
    from .calibrate import Calibration, calibrate
    from .compare import Comparison, compare
    from .scenario import Scenario, load_scenario
    from .sweep import SweepResult, sweep
    from .engine import cost
    from .errors import (CheckError, InputError, PbiError, RateLookupError, RenderError, SpecError,
                         TableError, UnitError)
    from .estimate import Estimate, FigureResult, LineItem
    from .conclusions import Conclusion, conclude
    from .entitlements import EntitlementUse, Entitlements, load_entitlements
    from .explain import explain
    from .periods import BudgetPeriod, period_of
    from .money import Rounding
    from .reproduce import Reproduction, reproduce
    from .specs import Activity, Figure, Range, Request, Spec, load_spec
    from .tables import Rate, RateValue, Table, load_table, resolve_table
