"""Documentation counted in documents is written truly and read back the same in all six languages.

A documentation activity's ``words`` (or ``pages``) are the total of its ``documents``; ``count``
repeats the whole (the same report for three sessions).  The price multiplies the length by the count,
never by the documents.  Each note says so ("four documents totalling 34,000 words", "three sets of two
documents, each set totalling 40 pages", « deux documents de 10 700 mots chacun ») and ``pbi check``
reads back the length, the documents and the times the length is priced, with no false error.
"""

from __future__ import annotations

from typing import Any

import pytest

from pbi.check import check_notes, check_rates, read_notes
from pbi.costing.api import table_for
from pbi.costing.engine import cost
from pbi.model.specs import LANGUAGES, Spec
from pbi.model.vocabulary import body
from pbi.render import render_note

from test_delegate_roundtrip import round_trip

LABEL = {"en": "report of the session", "fr": "rapport de la session", "es": "informe del período de sesiones",
         "ru": "доклад о работе сессии", "zh": "会议报告", "ar": "تقرير الدورة"}

#: (a) words, one document; (b) words, four documents; (c) count 2 with words; (d) pages, three
#: documents; (e) count 3 with pages and two documents; a named report in four documents; two sets
#: of four documents priced by the word
CASES: dict[str, dict[str, Any]] = {
    "words-1-document": {"words": 34000, "documents": 1},
    "words-4-documents": {"words": 34000, "documents": 4},
    "count-2-words": {"words": 10700, "count": 2},
    "pages-3-documents": {"pages": 60, "documents": 3},
    "count-3-pages-2-documents": {"pages": 40, "documents": 2, "count": 3},
    "labelled-4-documents": {"words": 34000, "documents": 4, "label": LABEL},
    "count-2-words-4-documents": {"words": 34000, "documents": 4, "count": 2},
}

#: the General Assembly priced with the standard costs, and the Conference of the Parties in Vienna
SETTINGS = {
    "ga": {"symbol": "A/C.3/80/L.99", "body": "general-assembly", "rule": "153", "budget_period": "2025",
           "table": "un-standard-costs", "location": "New York", "year": 2025},
    "cop": {"symbol": "CTOC/COP/2010/L.9", "body": "cop-untoc", "rule": "75", "budget_period": "2010-2011",
            "table": "unodc-vienna-2010", "location": "Vienna", "year": 2010},
}


def _spec(case: str, setting: str, with_meeting: bool) -> Spec:
    s = SETTINGS[setting]
    where = {"location": s["location"], "year": s["year"], "funding": "regular_budget"}
    activities: list[dict[str, Any]] = [
        {"id": "report", "kind": "documentation", "languages": 6, **where, **CASES[case]}]
    if with_meeting:  # the documentation in a list of items of several kinds
        activities.append({"id": "meeting", "kind": "meeting", "meetings": 2, "interpretation": True, **where})
    return Spec.model_validate({
        "symbol": s["symbol"], "title": {lang: "A draft resolution" for lang in LANGUAGES},
        "body": s["body"], "rule": s["rule"], "budget_period": s["budget_period"], "table": s["table"],
        "operative_paragraphs": ["3"],
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": activities,
                      "text": {lang: "Request the Secretariat to act" for lang in LANGUAGES}}],
        "published": []})


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("with_meeting", [False, True], ids=["alone", "with-meeting"])
@pytest.mark.parametrize("setting", list(SETTINGS))
@pytest.mark.parametrize("case", list(CASES))
def test_counted_documents_read_back(case: str, setting: str, with_meeting: bool, lang: str) -> None:
    spec = _spec(case, setting, with_meeting)
    activity = spec.requests[0].activities[0]
    table = table_for(spec)
    est = cost(spec, table)
    text = render_note(est, lang, "text", kind="financial_note")
    assert isinstance(text, str)
    notes = read_notes(text, lang=lang)
    (claim,) = [c for n in notes for c in n.claims if c.quantities.get("words") or c.quantities.get("pages")]
    q = claim.quantities
    length = activity.words or activity.pages
    assert length is not None
    assert q.get("words" if activity.words else "pages") == int(length.high), text
    documents = int(activity.documents.high) if activity.documents else 1
    if documents > 1:  # the note says how many documents the length is split into
        assert q.get("documents") == documents, text
    # the length is priced once per event, never once per document
    times = q.get("document_sets") or q.get("documents") or 1
    assert times == activity.count, (text, q)
    rates = check_rates(notes, table)
    assert any(c.claim.low == claim.low for c in rates.priced), text  # priced, not skipped
    errors = [f.message for f in check_notes(notes) + rates.findings if f.severity == "error"]
    assert errors == [], text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", list(CASES))
def test_counted_documents_statement_reads_back(case: str, lang: str) -> None:
    spec = _spec(case, "ga", False)
    assert "statement" in body(spec.body).kinds
    errors, missing = round_trip(cost(spec, table_for(spec)), "statement", lang)
    assert errors == [] and missing == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_documents_totalling_are_said_in_words_of_the_language(lang: str) -> None:
    """The count of documents is a number word of the language's number machinery (four, quatre,
    cuatro; figures in Russian and Arabic, as their notes write counts)."""
    spec = _spec("words-4-documents", "ga", False)
    text = render_note(cost(spec, table_for(spec)), lang, "text", kind="financial_note")
    assert isinstance(text, str)
    phrase = {"en": "four documents totalling 34,000 words", "fr": "quatre documents totalisant 34 000 mots",
              "es": "cuatro documentos con un total de 34.000 palabras",
              "ru": "4 документа общим объемом 34 000 слов", "zh": "四份在纽约处理的以六种语文提供的篇幅共为 34,000 字的文件",
              "ar": "4 وثائق، 34 000 كلمة إجمالا"}[lang]
    assert phrase in text.replace("\u202f", " ").replace("\xa0", " ")
