"""A draft text through `pbi draft`, for tests that look at the spec it proposes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pbi.cli import main


def drafted(text: str, folder: Path, name: str = "d.txt") -> tuple[Path, dict[str, Any]]:
    """The spec `pbi draft` writes for ``text`` (saved as ``folder/name``): its path and its data."""
    draft = folder / name
    draft.write_text(text, encoding="utf-8")
    spec = folder / "spec.yaml"
    assert main(["draft", str(draft), "-o", str(spec)]) == 0
    return spec, yaml.safe_load(spec.read_text(encoding="utf-8"))


def activities(data: dict[str, Any], kind: str | None = None) -> list[dict[str, Any]]:
    """The activities of a proposed spec, of one kind or all."""
    return [a for r in data["requests"] for a in r.get("activities", []) if kind is None or a["kind"] == kind]
