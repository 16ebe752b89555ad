"""Costing: the engine and what is computed from its estimates.

Its modules are imported on first use, so that ``pbi.costing.explain.explain(estimate, "F09")``
works after a plain ``import pbi``, as ``import pbi.costing.explain`` would."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

__all__: list[str] = []

#: the modules of this package, reachable as attributes without importing each
_MODULES = frozenset({"api", "calibrate", "compare", "conclusions", "display", "engine", "estimate", "explain",
                      "linalg", "quantities", "reproduce", "scenario", "sweep"})


def __getattr__(name: str) -> ModuleType:
    if name in _MODULES:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module 'pbi.costing' has no attribute {name!r}")
