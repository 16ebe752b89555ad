"""Arabic notes state every count they price, in the number forms of UN Arabic documents, and read back.

Counts are printed in European digits; the counted noun agrees with the count: one and two by the noun
alone (حلقة عمل واحدة، حلقتي عمل), 3–10 the plural (3 حلقات عمل), 11–99 the singular accusative (11 حلقة
عمل، 11 مشاركا), 100 the singular genitive (100 مشارك).  Each golden phrase is read back by ``pbi
check`` as the count it states, and the note and statement of generated specs read back clean.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbi.check import read_notes
from pbi.costing.engine import cost
from pbi.model.specs import Spec
from pbi.render import render_note

from test_check_languages import _every_language
from test_delegate_roundtrip import round_trip
from test_properties import TABLE, specs
from test_statement_roundtrip import UN_TABLE_ID, ga_specs


def _spec(*activities: dict[str, Any], body: str = "cop-untoc") -> Spec:
    acts = [{"id": f"a{i}", "year": 2010, "count": 1, "funding": "extrabudgetary", **a}
            for i, a in enumerate(activities)]
    return Spec.model_validate({
        "symbol": "X/L.1", "title": {"en": "Test draft", "ar": "مشروع للاختبار"}, "body": body,
        "rule": "75" if body == "cop-untoc" else "153", "budget_period": "2010-2011",
        "operative_paragraphs": ["3"], "table": "unodc-vienna-2010",
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": acts,
                      "text": {"en": "Request the Secretariat to act", "ar": "الطلب إلى الأمانة أن تعمل"}}]})


def _note(*activities: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The Arabic note of the activities, and the quantities read from its one claim."""
    text = render_note(cost(_spec(*activities), TABLE), "ar", "text")
    assert isinstance(text, str)
    (claim,) = [c for n in read_notes(text, lang="ar") for c in n.claims]
    return text, dict(claim.quantities)


WORKSHOP = {"kind": "workshop", "days": 3, "participants": 20}


@pytest.mark.parametrize("count, phrase, workshops", [
    (1, "عقد حلقة عمل واحدة مدتها 3 أيام ويشارك فيها 20 مشاركا", 1),
    (2, "عقد حلقتي عمل مدة كل منهما 3 أيام ويشارك في كل منهما 20 مشاركا", 2),
    (3, "عقد 3 حلقات عمل مدة كل منها 3 أيام", 3),
    (11, "عقد 11 حلقة عمل مدة كل منها 3 أيام", 11),
    (100, "عقد 100 حلقة عمل مدة كل منها 3 أيام", 100),
])
def test_workshops_are_counted_in_arabic(count: int, phrase: str, workshops: int) -> None:
    text, q = _note({**WORKSHOP, "count": count})
    assert phrase in text
    assert (q.get("workshops"), q.get("days"), q.get("participants")) == (workshops, 3, 20)


@pytest.mark.parametrize("participants, phrase", [
    (1, "يشارك فيه مشارك واحد"), (2, "يشارك فيه مشاركان"), (3, "يشارك فيه 3 مشاركين"),
    (11, "يشارك فيه 11 مشاركا"), (100, "يشارك فيه 100 مشارك"), (103, "يشارك فيه 103 مشاركين"),
])
def test_participants_agree_with_their_count(participants: int, phrase: str) -> None:
    text, q = _note({"kind": "expert_meeting", "days": 2, "participants": participants})
    assert "عقد اجتماع واحد لفريق خبراء مدته يومان" in text and phrase in text
    assert (q.get("meetings"), q.get("days"), q.get("participants")) == (1, 2, participants)


@pytest.mark.parametrize("count, months, phrase", [
    (1, 1, "شهر عمل واحد لموظف واحد (ف-3)"),
    (2, 2, "شهري عمل لموظفين اثنين (ف-3)"),
    (3, 5, "5 أشهر عمل لـ 3 موظفين (ف-3)"),
    (11, 24, "24 شهر عمل لـ 11 موظفا (ف-3)"),
])
def test_staff_members_and_their_work_months(count: int, months: int, phrase: str) -> None:
    text, q = _note({"kind": "staff", "grade": "P-3", "work_months": months, "count": count})
    assert phrase in text
    assert (q.get("staff"), q.get("work_months"), q.get("grade")) == (count, months, "P-3")


@pytest.mark.parametrize("count, days, phrase", [
    (1, 2, "عقد اجتماع واحد مدته يومان مع توفير الترجمة الشفوية إلى لغتين"),
    (2, 1, "عقد اجتماعين مدة كل منهما يوم واحد مع توفير الترجمة الشفوية إلى لغتين"),
    (4, 11, "عقد 4 اجتماعات مدة كل منها 11 يوما مع توفير الترجمة الشفوية إلى لغتين"),
])
def test_meetings_their_days_and_languages(count: int, days: int, phrase: str) -> None:
    text, q = _note({"kind": "meeting", "days": days, "languages": 2, "interpretation": True, "count": count})
    assert phrase in text
    assert (q.get("meetings"), q.get("days"), q.get("interpretation_languages")) == (count, days, 2)


def test_meetings_of_so_many_meetings() -> None:
    text, q = _note({"kind": "meeting", "meetings": 4, "languages": 6, "interpretation": True, "count": 3})
    assert "عقد 3 اجتماعات يتألف كل منها من 4 جلسات مع توفير الترجمة الشفوية إلى 6 لغات" in text
    assert q.get("meetings") == 12


@pytest.mark.parametrize("count, languages, phrase, documents", [
    (1, 1, "إعداد تقرير من 30 صفحة بلغة واحدة", None),
    (2, 2, "إعداد تقريرين من 30 صفحة بلغتين", 2),
    (3, 6, "إعداد 3 تقارير من 30 صفحة موارد", 3),
    (11, 3, "إعداد 11 تقريرا من 30 صفحة بـ 3 لغات", 11),
])
def test_reports_their_count_and_languages(count: int, languages: int, phrase: str, documents: int | None) -> None:
    text, q = _note({"kind": "documentation", "pages": 30, "languages": languages, "count": count,
                     "funding": "budget_process"})
    assert phrase in text
    # six languages are not stated, as in the English note
    assert (q.get("documents"), q.get("pages"), q.get("languages")) == (documents, 30, None if languages == 6 else languages)


@pytest.mark.parametrize("copies, phrase", [(1, "نسخة واحدة"), (2, "نسختان"), (7, "7 نسخ"), (500, "500 نسخة")])
def test_copies_agree_with_their_count(copies: int, phrase: str) -> None:
    text, q = _note({"kind": "tool_translation", "pages": 10, "languages": 3, "copies": copies})
    assert f"(3 لغات، 10 صفحات، {phrase})" in text
    assert q.get("copies") == copies


def test_documents_in_one_language_each() -> None:
    """Each document of a regular-budget paragraph states its own languages (en: "in one language")."""
    spec = _spec({"kind": "documentation", "pages": 1, "languages": 1, "funding": "regular_budget", "section": "Part 2"},
                 {"kind": "documentation", "pages": 5, "languages": 2, "count": 2, "funding": "regular_budget",
                  "section": "Part 2"})
    text = render_note(cost(spec, TABLE), "ar", "text")
    assert isinstance(text, str)
    assert "(وثيقة واحدة من صفحة واحدة بلغة واحدة، ووثيقتان من 5 صفحات بلغتين)" in text
    (claim,) = [c for n in read_notes(text, lang="ar") for c in n.claims]
    assert claim.quantities["languages_all"] == [1, 2]


_EXAMPLES = int(os.environ.get("PBI_FUZZ_EXAMPLES", "30"))


@settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(spec=specs())
def test_every_generated_statement_reads_back_in_arabic(spec: Spec) -> None:
    """The generated spec as a draft of the General Assembly: its Arabic statement gives no error and
    states every amount the table prices, as the English statement does."""
    ga = _every_language(spec).model_copy(update={"body": "general-assembly", "rule": "153"})
    assert round_trip(cost(ga, TABLE), "statement", "ar") == ([], set())


def test_a_statement_counts_its_activities_in_arabic() -> None:
    """The statement's list of activities: the noun agrees with its count, "1 يوم واحد" is never written."""
    acts = [{"kind": "workshop", "days": 3, "participants": 20, "count": 3},
            {"kind": "workshop", "days": 1, "participants": 2},
            {"kind": "expert_meeting", "days": 2, "participants": 11, "count": 2},
            {"kind": "meeting", "days": 2, "languages": 3, "interpretation": True, "count": 3},
            {"kind": "staff", "grade": "P-3", "work_months": 2, "count": 2},
            {"kind": "staff", "grade": "P-3", "work_months": 12}]
    spec = _spec(*({**a, "funding": "regular_budget", "section": "Section 16"} for a in acts), body="general-assembly")
    text = render_note(cost(spec, TABLE), "ar", "text", kind="statement")
    assert isinstance(text, str)
    for line in ("(أ) 3 حلقات عمل مدة كل منها 3 أيام (20 مشاركا في كل منها)، في عام 2010؛",
                 "(ب) حلقة عمل واحدة مدتها يوم واحد (مشاركان)، في عام 2010؛",
                 "(ج) اجتماعان لفريق خبراء مدة كل منهما يومان (11 مشاركا في كل منهما)، في عام 2010؛",
                 "(د) 3 اجتماعات مدة كل منها يومان (4 جلسات لكل منها مع توفير الترجمة الشفوية بـ 3 لغات)، في عام 2010؛",
                 "(هـ) شهرا عمل لموظفين اثنين (ف-3)، في عام 2010؛",
                 "(و) 12 شهر عمل لموظف واحد (ف-3)، في عام 2010."):
        assert line in text
    assert " 1 يوم" not in text and " 2 يومان" not in text
    assert round_trip(cost(spec, TABLE), "statement", "ar") == ([], set())


@pytest.mark.parametrize("activity, phrase", [
    ({"kind": "meeting", "days": 2, "languages": 6, "interpretation": True, "count": 2,
      "label": {"en": "meeting of the working group", "ar": "اجتماع للفريق العامل"}},
     "عقد اجتماع للفريق العامل (اجتماعان) مدة كل منهما يومان"),
    ({"kind": "expert_meeting", "days": 3, "participants": 15, "count": 3,
      "label": {"en": "expert group meeting", "ar": "اجتماع لفريق خبراء"}},
     "عقد اجتماع لفريق خبراء (3 اجتماعات) مدة كل منها 3 أيام ويشارك في كل منها 15 مشاركا"),
    ({"kind": "workshop", "days": 3, "participants": 15, "count": 2,
      "label": {"en": "regional workshops", "ar": "حلقات عمل إقليمية"}},
     "عقد حلقات عمل إقليمية (حلقتا عمل) مدة كل منهما 3 أيام"),
])
def test_a_labelled_activity_gives_its_count_in_brackets(activity: dict[str, Any], phrase: str) -> None:
    est = cost(_spec(activity), TABLE)
    text = render_note(est, "ar", "text")
    assert isinstance(text, str) and phrase in text
    assert round_trip(est, "financial_note", "ar") == ([], set())


@settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(spec=ga_specs(), kind=st.sampled_from(["financial_note", "statement"]))
def test_every_generated_general_assembly_note_reads_back_in_arabic(spec: Spec, kind: str) -> None:
    """Drafts priced with the United Nations standard costs (trips, consultants, meeting services, duty
    stations, documents by the word): the Arabic note and statement read back as the English ones do."""
    from pbi.model.tables import load_table

    from _paths import TABLES

    est = cost(_every_language(spec), load_table(TABLES / f"{UN_TABLE_ID}.yaml"))
    assert round_trip(est, kind, "ar") == round_trip(est, kind, "en")


@pytest.mark.parametrize("activity, phrase", [
    ({"kind": "travel", "trips": 3, "travellers": "experts", "location": "Geneva", "dsa_days": 5},
     "3 رحلات للخبراء إلى جنيف مع بدل إقامة يومي لمدة 5 أيام لكل رحلة"),
    ({"kind": "travel", "trips": 2, "travellers": "members", "dsa_days": 2},
     "رحلتين للأعضاء مع بدل إقامة يومي لمدة يومين لكل رحلة"),
    ({"kind": "consultant", "work_months": 2, "count": 2}, "شهري عمل لخبيرين استشاريين"),
    ({"kind": "consultant", "work_months": 11, "count": 3}, "11 شهر عمل لـ 3 خبراء استشاريين"),
    ({"kind": "meeting", "meetings": 4, "location": "Vienna", "summary_records": True, "webcasting": True},
     "عقد اجتماع واحد يتألف من 4 جلسات في فيينا مع توفير المحاضر الموجزة والبث الشبكي"),
])
def test_trips_consultants_and_meeting_services_in_arabic(activity: dict[str, Any], phrase: str) -> None:
    from pbi.model.tables import load_table

    from _paths import TABLES

    spec = Spec.model_validate({**_spec(activity, body="general-assembly").model_dump(mode="json", exclude_none=True),
                                "table": UN_TABLE_ID, "budget_period": "2023"})
    spec = spec.model_copy(update={"requests": tuple(r.model_copy(update={"activities": tuple(
        a.model_copy(update={"year": 2023}) for a in r.activities)}) for r in spec.requests)})
    est = cost(spec, load_table(TABLES / f"{UN_TABLE_ID}.yaml"))
    text = render_note(est, "ar", "text", kind="financial_note")
    assert isinstance(text, str) and phrase in text
    assert round_trip(est, "financial_note", "ar") == ([], set())


def test_two_in_brackets_is_nominative_and_after_a_preposition_genitive() -> None:
    text, q = _note({"kind": "publication", "pages": 2, "languages": 2})
    assert "ترجمة وطباعة المنشور (صفحتان، لغتان)" in text
    assert (q.get("pages"), q.get("languages")) == (2, 2)
    text, q = _note({"kind": "documentation", "pages": 2, "languages": 2, "count": 2, "funding": "budget_process"})
    assert "إعداد تقريرين من صفحتين بلغتين" in text
    assert (q.get("documents"), q.get("pages"), q.get("languages")) == (2, 2, 2)


def test_a_half_day_is_written_in_words() -> None:
    text, q = _note({"kind": "meeting", "days": "0.5", "languages": 6, "interpretation": True, "count": 2})
    assert "عقد اجتماعين مدة كل منهما نصف يوم" in text and "0,5" not in text
    assert (q.get("meetings"), q.get("half_day")) == (2, True)
