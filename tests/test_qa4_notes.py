"""Notes of specs written by hand in the contract shape (tests/data/qa4), read as a delegate would:
what a sentence says is priced, every word in the note's language, and each note reads back clean."""

from __future__ import annotations

import pytest

from pbi.costing.api import cost_file
from pbi.render import render_note

from _paths import ROOT
from test_delegate_roundtrip import round_trip

QA4 = ROOT / "tests" / "data" / "qa4"
LANGS = ("zh", "en", "fr", "es", "ru", "ar")
#: "and documentation" in each language's financial note
DOCUMENTATION = {"en": "documentation", "zh": "文件", "fr": "documentation", "es": "documentación",
                 "ru": "документацион", "ar": "الوثائق"}


def _para3(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(("3.", "3 ")))


@pytest.mark.parametrize("lang", LANGS)
def test_a_meeting_without_documents_is_not_said_to_have_documentation(lang: str) -> None:
    """q04: a high-level meeting in Nairobi and travel, no document: the paragraph names no documentation."""
    est = cost_file(QA4 / "q04-nairobi-2021.yaml")
    text = str(render_note(est, lang, "text", kind="financial_note"))
    para = _para3(text)
    assert "2021" in para and DOCUMENTATION[lang] not in para
    errors, missing = round_trip(est, "financial_note", lang)
    assert errors == [] and missing == set()


def test_english_and_russian_name_no_host_when_the_spec_names_none() -> None:
    est = cost_file(QA4 / "q04-nairobi-2021.yaml")
    en = _para3(str(render_note(est, "en", "text", kind="financial_note")))
    assert "it is envisaged to hold four meetings in Nairobi in 2021, with interpretation in six languages and webcasting." in en
    ru = _para3(str(render_note(est, "ru", "text", kind="financial_note")))
    assert "предусматривается провести четыре совещания в Найроби" in ru


@pytest.mark.parametrize(("lang", "words"), [("fr", "avec interprétation dans six langues et webdiffusion."),
                                             ("es", "con servicios de interpretación a seis idiomas y transmisión web.")])
def test_the_last_service_is_joined_by_and(lang: str, words: str) -> None:
    est = cost_file(QA4 / "q04-nairobi-2021.yaml")
    assert words in _para3(str(render_note(est, lang, "text", kind="financial_note")))


@pytest.mark.parametrize("lang", LANGS)
def test_a_report_in_pages_says_where_it_is_processed_and_reads_back(lang: str) -> None:
    """q11: a 26-page report processed in Geneva under a New York table (16,100 at Geneva rates): the
    note names Geneva, and `pbi check` re-prices it there (it re-priced 26,900 at New York rates)."""
    from pbi.render import phrase

    est = cost_file(QA4 / "q11-ga-financial-note-2020.yaml")
    text = str(render_note(est, lang, "text", kind="financial_note"))
    assert str(phrase("places", "Geneva", lang)) in _para3(text)
    errors, missing = round_trip(est, "financial_note", lang)
    assert errors == [] and missing == set()


def test_chinese_section_names_its_title_without_the_budget() -> None:
    est = cost_file(QA4 / "q09-grades-2022.yaml")
    spec = est.spec.model_copy(update={"requests": tuple(
        r.model_copy(update={"activities": tuple(a.model_copy(update={"section": "Section 24"}) for a in r.activities)})
        for r in est.spec.requests)})
    from pbi.costing.engine import cost

    text = str(render_note(cost(spec, est.table), "zh", "text", kind="financial_note"))
    assert "设想需要由 2022 年方案预算第 24 款（人权）追加资源如下" in text
    assert "（“" not in text


@pytest.mark.parametrize(("lang", "words"), [("en", "(a) Four meetings (with interpretation"),
                                             ("fr", "(quatre séances, avec interprétation"),
                                             ("ru", "4 заседания (с устным переводом")])
def test_a_draw_up_to_what_is_left_lists_the_meetings_covered(lang: str, words: str) -> None:
    """q10: six meetings asked of an allocation with four left, "up to what is left": the statement
    lists the four meetings whose $32,200 it states, not six."""
    text = str(render_note(cost_file(QA4 / "q10-hrc-entitlement-2024.yaml"), lang, "text"))
    assert words in text and "$32,200" in text if lang == "en" else words in text
    assert "six meetings" not in text and "6 séances" not in text and "6 заседаний" not in text


def test_english_financial_note_counts_a_few_meetings_in_words() -> None:
    """q07 (one commemorative meeting) and q04 (four meetings): "one meeting", "four meetings", as the
    statements write them; ten and more stay in figures ("10 meetings")."""
    one = str(render_note(cost_file(QA4 / "q07-contingency-2018.yaml"), "en", "text", kind="financial_note"))
    assert "would be required for one meeting in New York" in one and "for 1 meeting" not in one
    four = str(render_note(cost_file(QA4 / "q04-nairobi-2021.yaml"), "en", "text", kind="financial_note"))
    assert "hold four meetings in Nairobi" in four
