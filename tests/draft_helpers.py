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


def classes_of(data: dict[str, Any]) -> dict[str, str]:
    """The class `pbi draft` gave each paragraph, by its number."""
    return {str(p["paragraph"]): p["class"] for p in data["extra"]["paragraphs"]}


def rules_of(data: dict[str, Any], ref: str) -> list[str]:
    """The rules that fired on paragraph ``ref``."""
    return next(p.get("rules", []) for p in data["extra"]["paragraphs"] if str(p["paragraph"]) == ref)


#: the classes of a paragraph with implications, as labels and `pbi draft` write them
WITH_IMPLICATIONS = ("costed", "extrabudgetary", "absorbed")


def through_every_command(source: Path, folder: Path) -> tuple[dict[str, Any], dict[str, Any], set[str], set[str]]:
    """A labelled draft through `pbi draft`, `pbi cost`, `pbi note` (in its language) and `pbi explain
    … total`, each without an error: its labels, its spec, the paragraphs pbi found with implications
    and those labelled so."""
    spec = folder / "spec.yaml"
    assert main(["draft", str(source), "-o", str(spec)]) == 0
    labels = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert main(["cost", str(spec)]) == 0
    assert main(["note", str(spec), "--lang", labels["language"]]) == 0
    assert main(["explain", str(spec), "total"]) == 0
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    found = {str(p["paragraph"]) for p in data["extra"].get("paragraphs", []) if p.get("class") in WITH_IMPLICATIONS}
    wanted = {str(k) for k, v in labels["paragraphs"].items() if v in WITH_IMPLICATIONS}
    return labels, data, found, wanted
