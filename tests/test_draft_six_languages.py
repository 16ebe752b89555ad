"""One draft in the six official languages (tests/data/draft-six-languages) gives one spec: the same class for
every operative paragraph and the same activities, whatever the language it is read in."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import yaml
from _drafts import activities

from pbi.draft import read_drafts, spec_yaml
from pbi.draft.propose import propose_spec

FOLDER = Path(__file__).resolve().parent / "data" / "draft-six-languages"
KEYS = ("kind", "days", "meetings", "words", "languages", "participants", "trips", "dsa_days", "location", "year",
        "section", "funding")


def _read(lang: str) -> tuple[dict[str, str], dict[str, list[dict[str, Any]]], str]:
    (draft,) = read_drafts(FOLDER / f"{lang}.txt")
    assert draft.language == lang
    proposal = propose_spec(draft)
    spec = yaml.safe_load(spec_yaml(proposal))
    classes = {r.ref: r.classification.cls for r in proposal.paragraphs}
    acts = {ref: [{k: a.get(k) for k in KEYS} for a in activities(spec, ref)] for ref in classes}
    return classes, acts, spec["budget_period"]


@functools.cache
def _english() -> tuple[dict[str, str], dict[str, list[dict[str, Any]]], str]:
    return _read("en")


def test_the_english_reading() -> None:
    classes, acts, _ = _english()
    assert classes == {"1": "costed", "2": "none", "3": "costed", "4": "costed", "5": "costed", "6": "none"}
    assert [(a["kind"], a["location"]) for a in acts["4"]] == [("meeting", "Geneva"), ("documentation", "Geneva")]
    assert [(a["location"], a["section"], str(a["trips"])) for a in acts["5"]] == [("Geneva", "Section 24", "15")]


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "ar", "zh"])
def test_each_language_gives_the_english_spec(lang: str) -> None:
    assert _read(lang) == _english()
