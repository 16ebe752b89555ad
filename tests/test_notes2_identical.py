"""Identical activities are written once, counted: two one-day meetings of one year, not "one one-day
meeting … in 2010, one one-day meeting … in 2010". A note on two identical activities reads word
for word as the note on one activity of count two, in every language and kind, and `pbi check`
reads it back clean."""

from __future__ import annotations

from typing import Any

import pytest

from pbi.costing.engine import cost
from pbi.model.specs import Spec
from pbi.model.tables import resolve_table
from pbi.render import render_note

from test_check_languages import _every_language
from test_delegate_roundtrip import round_trip

LANGS = ["en", "zh", "fr", "es", "ru", "ar"]


def _meeting(aid: str, year: int, funding: str, days: int = 1, count: int = 1, **extra: Any) -> dict[str, Any]:
    return {"id": aid, "kind": "meeting", "days": days, "languages": 6, "interpretation": True,
            "location": "Vienna", "year": year, "funding": funding, "count": count, **extra}


def _cop(activities: list[dict[str, Any]]) -> Spec:
    return _every_language(Spec.model_validate({
        "symbol": "CTOC/COP/2010/L.9", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "cop-untoc", "rule": "75",
        "budget_period": "2010-2011", "table": "unodc-vienna-2010", "operative_paragraphs": ["3"],
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": activities,
                      "text": {"en": "Request the Secretariat to convene meetings", "zh": "请秘书处召开会议"}}]}))


def _ga(activities: list[dict[str, Any]]) -> Spec:
    return _every_language(Spec.model_validate({
        "symbol": "A/C.3/78/L.99", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "general-assembly", "rule": "153",
        "budget_period": "2024", "table": "un-standard-costs", "operative_paragraphs": ["3"],
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": activities,
                      "text": {"en": "Request the Secretary-General to convene meetings", "zh": "请秘书长召开会议"}}]}))


#: (build, two identical activities and the rest, the same with one activity of count two)
CASES = {
    "regular budget, meetings of different lengths": (
        _cop, [_meeting("m1", 2010, "regular_budget"), _meeting("m2", 2010, "regular_budget"),
               _meeting("m3", 2011, "regular_budget", days=2)],
        [_meeting("m1", 2010, "regular_budget", count=2), _meeting("m3", 2011, "regular_budget", days=2)]),
    "regular budget, meetings alike": (
        _cop, [_meeting("m1", 2010, "regular_budget"), _meeting("m2", 2010, "regular_budget")],
        [_meeting("m1", 2010, "regular_budget", count=2)]),
    "extrabudgetary, one figure": (
        _cop, [_meeting("m1", 2011, "extrabudgetary", days=3), _meeting("m2", 2011, "extrabudgetary", days=3),
               {"id": "d", "kind": "documentation", "pages": 20, "languages": 6, "year": 2011,
                "funding": "extrabudgetary"}],
        [_meeting("m1", 2011, "extrabudgetary", days=3, count=2),
         {"id": "d", "kind": "documentation", "pages": 20, "languages": 6, "year": 2011,
          "funding": "extrabudgetary"}]),
    "statement": (
        _ga, [_meeting("m1", 2024, "regular_budget", location="New York"),
              _meeting("m2", 2024, "regular_budget", location="New York")],
        [_meeting("m1", 2024, "regular_budget", count=2, location="New York")]),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(CASES))
def test_identical_activities_are_written_as_one_counted(case: str, lang: str) -> None:
    build, two, counted = CASES[case]
    a, b = build(two), build(counted)
    ea, eb = cost(a, resolve_table(a.table)), cost(b, resolve_table(b.table))
    assert ea.total == eb.total
    text = render_note(ea, lang, "text")
    assert text == render_note(eb, lang, "text")


def test_english_says_two_one_day_meetings() -> None:
    build, two, _ = CASES["regular budget, meetings of different lengths"]
    spec = build(two)
    text = render_note(cost(spec, resolve_table(spec.table)), "en", "text")
    assert isinstance(text, str)
    assert "two one-day meetings" in text
    assert text.count("one-day meeting") == 1


def test_activities_that_differ_stay_apart() -> None:
    """Two meetings of one year in different places are two clauses."""
    spec = _cop([_meeting("m1", 2010, "regular_budget"), _meeting("m2", 2010, "regular_budget", location="Vienna",
                                                                   days=1, languages=5)])
    text = render_note(cost(spec, resolve_table(spec.table)), "en", "text")
    assert isinstance(text, str)
    assert text.count("one-day meeting") == 2


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(CASES))
def test_grouped_activities_read_back_clean(case: str, lang: str) -> None:
    build, two, _ = CASES[case]
    spec = build(two)
    kind = "statement" if spec.body == "general-assembly" else "financial_note"
    errors, missing = round_trip(cost(spec, resolve_table(spec.table)), kind, lang)
    assert errors == []
    assert missing == set()
