"""A financial note's conclusion, when some additional regular-budget amounts have a section and some
have none, says how much goes under each section and how much under a section to be stated — the
amounts `pbi conclude` gives — instead of naming the stated sections alone for the whole amount."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from pbi.costing.conclusions import conclude
from pbi.costing.engine import cost
from pbi.costing.estimate import ZERO
from pbi.model.specs import Range, Spec
from pbi.model.tables import resolve_table
from pbi.render import build_note
from pbi.render.numbers import money

from test_check_languages import _every_language
from test_delegate_roundtrip import round_trip

LANGS = ["en", "zh", "fr", "es", "ru", "ar"]
#: "a section to be stated" as each language's conclusion says it
UNSTATED = {"en": "a section to be stated", "zh": "待定款次", "fr": "un chapitre à préciser",
            "es": "una sección por determinar", "ru": "разделу, который будет указан",
            "ar": "باب يحدد لاحقا"}


def _spec(period: str, acts: list[dict[str, Any]]) -> Spec:
    return _every_language(Spec.model_validate({
        "symbol": "A/C.3/78/L.99", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "general-assembly",
        "rule": "153", "budget_period": period, "table": "un-standard-costs", "operative_paragraphs": ["3"],
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": acts,
                      "text": {"en": "Request the Secretary-General to do the work", "zh": "请秘书长开展工作"}}]}))


MEETING = {"id": "m", "kind": "meeting", "meetings": 4, "interpretation": True, "location": "New York",
           "year": 2024, "funding": "regular_budget", "section": "Section 2"}
STAFF = {"id": "s", "kind": "staff", "grade": "P-3", "work_months": 6, "year": 2024, "funding": "regular_budget"}
MIXED = {
    "one year": _spec("2024", [MEETING, STAFF]),
    "a biennium": _spec("2018-2019", [MEETING | {"year": 2018}, STAFF | {"year": 2019},
                                      MEETING | {"id": "m2", "year": 2019, "meetings": 2}]),
}


def _by_section(spec: Spec) -> dict[str | None, Range]:
    out: dict[str | None, Range] = defaultdict(lambda: ZERO)
    for (section, _), amount in conclude(cost(spec, resolve_table(spec.table))).by_section().items():
        out[section] = out[section] + amount
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(MIXED))
def test_the_conclusion_says_what_has_no_section(case: str, lang: str) -> None:
    spec = MIXED[case]
    est = cost(spec, resolve_table(spec.table))
    conclusion = build_note(est, lang, "financial_note").paragraphs[-1].text
    parts = _by_section(spec)
    assert None in parts and len(parts) == 2
    for amount in parts.values():  # each section's amount, as `pbi conclude` sums it
        assert money(amount, lang) in conclusion, conclusion
    assert money(conclude(est).additional_total, lang) in conclusion
    assert UNSTATED[lang] in conclusion


@pytest.mark.parametrize("lang", LANGS)
def test_a_conclusion_whose_amounts_all_have_sections_names_them_only(lang: str) -> None:
    spec = _spec("2024", [MEETING, STAFF | {"section": "Section 24"}])
    conclusion = build_note(cost(spec, resolve_table(spec.table)), lang, "financial_note").paragraphs[-1].text
    assert UNSTATED[lang] not in conclusion


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(MIXED))
def test_the_conclusion_reads_back_clean(case: str, lang: str) -> None:
    errors, missing = round_trip(cost(MIXED[case], resolve_table("un-standard-costs")), "financial_note", lang)
    assert errors == []
    assert missing == set()
