"""A spec that names no rule of procedure is made under its body's (model/vocabulary.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.model.specs import load_spec

BASE = """symbol: X/1
title: {en: A draft}
body: BODY
budget_period: "2026"
table: un-standard-costs
"""


@pytest.mark.parametrize("body, rule", [("general-assembly", "153"), ("ecosoc", "31"),
                                        ("human-rights-council", "153"), ("ccpcj", "28")])
def test_the_rule_defaults_to_the_bodys(tmp_path: Path, body: str, rule: str) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(BASE.replace("BODY", body), encoding="utf-8")
    assert load_spec(path).rule == rule
    path.write_text(BASE.replace("BODY", body) + 'rule: "75"\n', encoding="utf-8")
    assert load_spec(path).rule == "75"
