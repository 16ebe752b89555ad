"""JSON Schema of cost tables and specs, for editors and `pbi schema`."""

from __future__ import annotations

import json
from typing import Any

from pbi.model.specs import Spec
from pbi.model.tables import TableFile

__all__ = ["schema", "schema_json"]


def schema(which: str = "all") -> dict[str, Any]:
    """The JSON Schema of ``table``, ``spec`` or both (``all``)."""
    parts = {"table": TableFile.model_json_schema(), "spec": Spec.model_json_schema()}
    if which in parts:
        return parts[which]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "pbi", **{
        "properties": {"table": {"$ref": "#/$defs/table"}, "spec": {"$ref": "#/$defs/spec"}},
        "$defs": parts}}


def schema_json(which: str = "all") -> str:
    return json.dumps(schema(which), indent=2, ensure_ascii=False)
