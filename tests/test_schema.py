"""The committed JSON Schemas (for editors) match the models."""

import json
from typing import Any

import pytest

from pbi.model.schema import schema

from _paths import ROOT


def _ours(node: Any) -> Any:
    """The schema without what pydantic itself adds and changes between its versions (the pattern
    it gives Decimal strings)."""
    if isinstance(node, dict):
        return {k: _ours(v) for k, v in node.items()
                if not (k == "pattern" and isinstance(v, str) and v.startswith("^(?!^[-+.]*$)"))}
    if isinstance(node, list):
        return [_ours(v) for v in node]
    return node


@pytest.mark.parametrize("which, path", [("table", "cost_tables/table.schema.json"),
                                         ("spec", "notes/spec.schema.json")])
def test_committed_schema_is_current(which, path):
    committed = json.loads((ROOT / path).read_text(encoding="utf-8"))
    assert _ours(committed) == _ours(schema(which)), f"regenerate it: pbi schema {which} > {path}"
