"""A counted label in Russian takes the form that follows its count, with its adjectives («2 совещания высокого
уровня», «5 региональных семинаров-практикумов»); a label whose head noun the phrases do not count keeps the
count in brackets; "each" agrees with the label's head noun («10 заседаний каждая» of sessions)."""

from __future__ import annotations

import pytest
from _notes import estimate, note_text

from pbi.render import _phrases
from pbi.render.nouns import ru_counted, ru_each, ru_heads

HEADS = ru_heads(_phrases()["counted"])


@pytest.mark.parametrize(("label", "category", "counted"), [
    ("совещание высокого уровня", "few", "совещания высокого уровня"),
    ("совещание высокого уровня", "many", "совещаний высокого уровня"),
    ("организационная сессия", "few", "организационные сессии"),
    ("организационная сессия", "many", "организационных сессий"),
    ("региональный семинар-практикум", "few", "региональных семинара-практикума"),
    ("межправительственная рабочая группа", "few", "межправительственные рабочие группы"),
    ("международная конференция", "many", "международных конференций"),
    ("доклад Генерального секретаря", "few", "доклада Генерального секретаря"),
    ("совещание высокого уровня", "one", "совещание высокого уровня"),
])
def test_a_label_after_its_count(label: str, category: str, counted: str) -> None:
    assert ru_counted(label, category, HEADS) == counted


@pytest.mark.parametrize("label", ["неофициальное обсуждение за круглым столом", "брифинг для государств-членов"])
def test_a_label_whose_head_is_not_counted_is_left(label: str) -> None:
    assert ru_counted(label, "few", HEADS) is None


@pytest.mark.parametrize(("count", "said"), [(2, "2 совещания высокого уровня продолжительностью 1 день"),
                                             (5, "5 совещаний высокого уровня продолжительностью 1 день")])
def test_a_statement_counts_its_labelled_meetings(count: int, said: str) -> None:
    est = estimate([{"id": "hlm", "kind": "meeting", "days": 1, "count": count, "interpretation": True,
                     "languages": 6, "location": "New York", "year": 2027, "funding": "regular_budget",
                     "label": {"en": "high-level meeting", "zh": "高级别会议", "ru": "совещание высокого уровня"}}],
                   symbol="A/C.3/81/L.99", paragraph="1", period="2027")
    text = note_text(est, "ru", "statement")
    assert said in text and "уровня (" not in text


def test_an_uncounted_head_keeps_its_count_in_brackets() -> None:
    est = estimate([{"id": "br", "kind": "meeting", "days": 1, "count": 2, "interpretation": True,
                     "languages": 6, "location": "New York", "year": 2027, "funding": "regular_budget",
                     "label": {"en": "briefing", "zh": "情况通报会", "ru": "брифинг для государств-членов"}}],
                   symbol="A/C.3/81/L.99", paragraph="1", period="2027")
    assert "брифинг для государств-членов (2)" in note_text(est, "ru", "statement")


@pytest.mark.parametrize(("label", "each"), [
    ("сессия", "каждая"), ("организационная сессия", "каждая"), ("совещание высокого уровня", "каждое"),
    ("региональный практикум", "каждый"), (None, "каждое"),
])
def test_each_agrees_with_the_head_noun(label: str | None, each: str) -> None:
    assert ru_each(label) == each


def test_counted_sessions_hold_so_many_meetings_each_in_the_feminine() -> None:
    est = estimate([{"id": "s", "kind": "meeting", "days": 5, "count": 2, "interpretation": True,
                     "languages": 6, "location": "New York", "year": 2027, "funding": "regular_budget",
                     "label": {"en": "session", "zh": "会议", "ru": "сессия"}}],
                   symbol="A/C.3/81/L.99", paragraph="1", period="2027")
    text = note_text(est, "ru", "statement")
    assert "2 сессии продолжительностью 5 дней (10 заседаний каждая" in text and "каждое" not in text
