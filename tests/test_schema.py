"""The committed JSON Schemas (for editors) match the models."""

import json

import pytest

from pbi.schema import schema

from _paths import ROOT


@pytest.mark.parametrize("which, path", [("table", "cost_tables/table.schema.json"),
                                         ("spec", "notes/spec.schema.json")])
def test_committed_schema_is_current(which, path):
    committed = json.loads((ROOT / path).read_text(encoding="utf-8"))
    assert committed == schema(which), f"regenerate it: pbi schema {which} > {path}"
