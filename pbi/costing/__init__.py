"""Costing: the engine and what is computed from its estimates."""

__all__: list[str] = []
