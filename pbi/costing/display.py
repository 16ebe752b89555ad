"""The one way results reach the exporters: notebook display and file conveniences.

``Estimate`` and ``Comparison`` offer ``to_dataframe()``, ``to_xlsx()``, ``plot()``, ``to_table()``
and Jupyter's ``_repr_markdown_``/``_repr_html_``. The code for them lives in :mod:`pbi.export`, a
layer above costing; :func:`exporter` imports it when one of them is called, never at import time.
It is the one import from costing upwards, listed as such in the import contract (pyproject.toml).
"""

from __future__ import annotations

from types import ModuleType

__all__ = ["exporter"]


def exporter() -> ModuleType:
    """:mod:`pbi.export.formats`, imported on first use."""
    from pbi.export import formats

    return formats
