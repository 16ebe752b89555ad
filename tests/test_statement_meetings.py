"""A statement says how a meeting is serviced, in every language: with interpretation in so many
languages, or without interpretation (with the services it has), and reads back clean."""

from __future__ import annotations

import pytest

from pbi.costing.engine import cost
from pbi.model.specs import Spec
from pbi.model.tables import resolve_table

from test_delegate_roundtrip import round_trip

WITHOUT = {"en": "without interpretation", "zh": "不提供口译", "fr": "sans interprétation",
           "es": "sin servicios de interpretación", "ru": "без устного перевода", "ar": "دون ترجمة شفوية"}
WITH = {"en": "with interpretation", "zh": "口译", "fr": "avec interprétation", "es": "con interpretación",
        "ru": "с устным переводом", "ar": "الترجمة الشفوية"}


def _spec(interpretation: bool) -> Spec:
    text = {k: "Request the Secretary-General to convene a meeting" for k in WITHOUT}
    return Spec.model_validate({
        "symbol": "A/C.3/81/L.5", "title": {k: "Test draft" for k in WITHOUT}, "body": "general-assembly",
        "rule": "153", "budget_period": "2026", "table": "un-standard-costs", "operative_paragraphs": ["4"],
        "requests": [{"id": "a", "operative_paragraphs": ["4"], "text": text, "activities": [
            {"id": "m", "kind": "meeting", "days": 1, "languages": 6, "interpretation": interpretation,
             "webcasting": True, "location": "New York", "year": 2026, "funding": "regular_budget",
             "section": "Section 2"}]}]})


@pytest.mark.parametrize("lang", list(WITHOUT))
def test_a_meeting_without_interpretation_is_said_to_have_none(lang: str) -> None:
    from pbi.render import render_note

    est = cost(_spec(False), resolve_table("un-standard-costs"))
    text = render_note(est, lang, "text", kind="statement")
    assert isinstance(text, str)
    assert WITHOUT[lang] in text
    assert WITH[lang] not in text.replace(WITHOUT[lang], "")
    assert round_trip(est, "statement", lang) == ([], set())


@pytest.mark.parametrize("lang", list(WITHOUT))
def test_a_meeting_with_interpretation_says_so(lang: str) -> None:
    from pbi.render import render_note

    est = cost(_spec(True), resolve_table("un-standard-costs"))
    text = render_note(est, lang, "text", kind="statement")
    assert isinstance(text, str)
    assert WITH[lang] in text and WITHOUT[lang] not in text
    assert round_trip(est, "statement", lang) == ([], set())
