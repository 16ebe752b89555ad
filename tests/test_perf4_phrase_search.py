"""A phrase searched from its pieces (pbi/draft/rules.py, ``Phrase``) finds exactly what its full
expression finds on the whole text: the same span and words, or nothing. The pre-filter (pieces in
order, the words a piece needs, one sentence at a time) never rejects a text the expression matches."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbi.draft.rules import Phrase, Rule, classify_text, load_rules

LANGS = ("en", "zh")


def _phrases(lang: str) -> list[tuple[str, Phrase]]:
    rules = load_rules(lang)
    every: tuple[Rule, ...] = (*rules.requests, *rules.extrabudgetary, *rules.invitation, *rules.absorbed)
    out = [(f"{lang}-{r.id}-{i}", p) for r in every for i, p in enumerate((*r.patterns, *r.unless))]
    out += [(f"{lang}-asks-{i}", p) for i, p in enumerate(rules.asks_secretariat)]
    out += [(f"{lang}-annex-{i}", p) for i, p in enumerate(rules.endorses_annex)]
    return out


PHRASES = [(lang, name, p) for lang in LANGS for name, p in _phrases(lang)]


def _examples(lang: str) -> list[str]:
    rules = load_rules(lang)
    every = (*rules.requests, *rules.extrabudgetary, *rules.invitation, *rules.absorbed)
    return [s for r in every for s in (*r.examples, *r.counter_examples)]


def _same(phrase: Phrase, text: str) -> None:
    fast, full = phrase.search(text), phrase.regex.search(text)
    assert (fast and (fast.span(), fast.group(0))) == (full and (full.span(), full.group(0))), (phrase, text[:300])


def _long_texts(lang: str) -> Iterator[str]:
    """The rules' examples and counter-examples inside long texts: padded, joined into one sentence,
    split over sentences, behind a stop, inside brackets, reversed clause by clause."""
    examples = _examples(lang)
    stop, comma = ("。", "，") if lang == "zh" else (". ", ", ")
    pad = ("会员国注意到该报告" if lang == "zh" else "Member States take note of the report ") * 14
    for e in examples:
        yield pad + e + pad
        yield pad + stop + e + stop + pad
        yield e.replace(" ", stop, 1) + pad if lang == "en" else e[:3] + stop + e[3:] + pad
        yield "（" + e + "）" + pad if lang == "zh" else "(" + e + ") " + pad
    for i in range(0, len(examples), 8):  # eight at a time: the full expression is slow on more
        some = examples[i:i + 8]
        yield comma.join(some)
        yield stop.join(some)
        yield comma.join(reversed(some))


@pytest.mark.parametrize("lang", LANGS)
def test_the_rules_examples_in_long_texts_match_as_the_full_expression(lang: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Phrase, "SHORT", 0)
    phrases = [p for name, p in _phrases(lang)]
    n = 0
    for text in _long_texts(lang):
        for phrase in phrases:
            _same(phrase, text)
            n += 1
    assert n > 1000


@pytest.mark.parametrize("lang", LANGS)
def test_short_paths_are_taken(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some phrases are searched a sentence at a time, some (an actor's brackets may hold a stop) on
    the whole text; both give the expression's matches on the rules' own examples, read as long texts."""
    monkeypatch.setattr(Phrase, "SHORT", 0)
    phrases = [p for _, p in _phrases(lang)]
    for phrase in phrases:
        phrase.prepare()
    assert any(p.sentence_bound for p in phrases) and any(p.pieces and not p.sentence_bound for p in phrases)
    for text in _examples(lang):
        for phrase in phrases:
            _same(phrase, text)


def test_an_actor_in_brackets_with_a_full_stop_is_matched_across_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """An actor's brackets may hold a stop ("(see para. 3)"): such phrases are not searched a sentence
    at a time, and find the match across it."""
    monkeypatch.setattr(Phrase, "SHORT", 0)
    text = "Member States. The Office(see para. 3) should prepare a practical guide; and so on"
    across = [p for _, _, p in PHRASES if (m := p.regex.search(text)) and "." in m.group(0)]
    assert across
    for phrase in across:
        _same(phrase, text)
        assert not phrase.sentence_bound


@pytest.mark.parametrize("text", ["Requeſts the Secretary-General to convene a workshop on the matter",
                                  "REQUESTS THE SECRETARY-GENERAL TO CONVENE A \u212aNOWLEDGE WORKSHOP"])
def test_letters_that_match_others_ignoring_capitals(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long s or a Kelvin sign matches "s" or "k" ignoring capitals: a text not in ASCII is never
    rejected for the ASCII words a piece needs."""
    monkeypatch.setattr(Phrase, "SHORT", 0)
    for _, _, phrase in PHRASES:
        _same(phrase, text * 20)


def test_a_long_paragraph_is_classified_as_before() -> None:
    """classify_text on a paragraph of 19,000 characters gives what the full expressions give."""
    rules = load_rules("en")
    clauses = ["requests the Secretary-General to convene a meeting of experts of five days",
               "invites Member States to contribute extrabudgetary resources",
               "decides that the expenses of the participation shall be met from the trust fund",
               "also requests the Office to organize, within existing resources, a workshop"]
    text = ", ".join(clauses * 80)
    got = classify_text([text], rules)
    for match in got.matches:
        full = next(m for p in match.rule.patterns for m in [p.regex.search(text)] if m)
        assert match.words == full.group(0)
    assert got.cls in ("costed", "extrabudgetary", "absorbed")


_EN_WORDS = ["requests", "the Secretary-General", "the Office", "to", "convene", "organize", "a", "workshop",
             "meeting", "of experts", "report", "submit", "trust fund", "contribute", "within existing resources",
             "decides", "session", "(see", "para", ")", ".", ";", ",", "and", "official languages", "six",
             "translate", "into", "high-level", "extrabudgetary resources", "subject to the availability of",
             "the Office(see para. 3)", "the Secretary-General(A. B; C.)", "should", "prepare", "guide", "analytical"]
_ZH_WORDS = ["请", "秘书长", "办公室", "召开", "举行", "专家", "会议", "报告", "提交", "信托基金", "捐款", "在现有资源范围内",
             "决定", "届会", "（", "）", "。", "；", "，", "和", "正式语文", "六种", "翻译", "高级别", "预算外资源", "向", "大会",
             "办公室（见第3段。）", "秘书长（甲。乙；）", "应", "编写", "指南", "研究"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(LANGS), st.lists(st.integers(0, 10_000), min_size=1, max_size=120))
def test_any_text_of_the_rules_words_matches_as_the_full_expression(lang: str, picks: list[int]) -> None:
    words = _EN_WORDS if lang == "en" else _ZH_WORDS
    text = (" " if lang == "en" else "").join(words[i % len(words)] for i in picks)
    text = re.sub(r"\s+", " ", text) * 3
    old = Phrase.SHORT
    Phrase.SHORT = 0
    try:
        for _, phrase in _phrases(lang):
            _same(phrase, text)
    finally:
        Phrase.SHORT = old


@pytest.mark.parametrize(("lang", "unit", "tail"), [
    ("en", "Requests the Secretary-General to submit, ", ". A report"),
    ("en", "Requests the Secretary-General(see para. 3) to submit, ", ". A report"),
    ("en", "Requests the Secretary-General to submit, ", " a report"),
    ("en", "Requests the Secretary-General to submit, ", " a xreport"),
    ("zh", "请秘书长（见第3段。）提交，", "。报告"),
    ("zh", "请秘书长提交，", "报告")])
def test_pieces_before_a_stop_and_the_last_after_it(lang: str, unit: str, tail: str) -> None:
    """Every piece but the last, many times in one sentence, and the last after the stop: what the
    full expression takes long to reject (it is tried from every start) is found or not the same."""
    text = unit * 40 + tail
    for _, phrase in _phrases(lang):
        _same(phrase, text)
