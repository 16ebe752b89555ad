"""What a draft states wins over the standards: a document's length, the activity's own year, its
days, weeks, meetings and participants, several years of one activity, and the section of staff.
Every sentence here is a paraphrase written after the rules, not one of tests/data/drafts4."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from pbi.draft.propose import en_cardinal, propose_spec
from pbi.draft.reader import parse_drafts

ROOT = Path(__file__).resolve().parents[1]
_MASTHEAD = {"en": "Eighty-first session\nSecond Committee\nAgenda item 20\nSustainable development\n\n"
                   "Draft resolution\n\nA title\n\nThe General Assembly,\n\nRecalling its resolution 80/1,\n\n",
             "zh": "第八十一届会议\n第二委员会\n\n决议草案\n\n一个标题\n\n大会，\n\n回顾其第80/1号决议，\n\n"}


def _spec(paragraphs: list[str], language: str = "en", head: str | None = None) -> Any:
    text = (head if head is not None else _MASTHEAD[language]) + "\n\n".join(
        f"{i}. {p}" for i, p in enumerate(paragraphs, start=1))
    (draft,) = parse_drafts(text, file="d.txt")
    return propose_spec(draft, today=dt.date(2026, 11, 30), near=ROOT / "cost_tables").spec


def _acts(spec: Any, kind: str | None = None) -> list[Any]:
    return [a for r in spec.requests for a in r.activities if kind is None or a.kind == kind]


def _said(spec: Any) -> str:
    return "\n".join(spec.extra["assumptions"])


@pytest.mark.parametrize(("sentence", "language", "field", "value"), [
    ("Requests the Secretary-General to submit a report not to exceed 12,000 words to the General Assembly at "
     "its eighty-second session;", "en", "words", 12000),
    ("Requests the Secretary-General to prepare, for its eighty-second session, a concise report of up to "
     "4,000 words;", "en", "words", 4000),
    ("Requests the Secretary-General to submit a short report of fifteen pages to the General Assembly at its "
     "eighty-second session;", "en", "pages", 15),
    ("请秘书长向大会第八十二届会议提交一份报告，报告篇幅应在6,000字以内；", "zh", "words", 6000),
    ("请秘书长向大会第八十二届会议提交一份不超过十五页的报告；", "zh", "pages", 15),
])
def test_a_stated_length_wins_over_the_standard(sentence: str, language: str, field: str, value: int) -> None:
    spec = _spec([sentence], language)
    (doc,) = _acts(spec, "documentation")
    assert getattr(doc, field).low == value
    assert (doc.words if field == "pages" else doc.pages) is None  # one length, the stated one
    assert "as the paragraph states" in _said(spec)


def test_pages_are_priced_at_the_table_s_words_per_page() -> None:
    from pbi.costing.api import cost_file  # noqa: F401  (the public way in; the engine is used below)
    from pbi.costing.engine import cost
    from pbi.model.tables import resolve_table

    pages = _spec(["Requests the Secretary-General to submit a report of 10 pages to the General Assembly at "
                   "its eighty-second session;"])
    words = _spec(["Requests the Secretary-General to submit a report of 3,300 words to the General Assembly "
                   "at its eighty-second session;"])
    table = resolve_table(pages.table, near=ROOT / "cost_tables")
    assert table.words_per_page == 330
    assert cost(pages, table).total == cost(words, table).total


@pytest.mark.parametrize(("sentence", "language", "year"), [
    ("Requests the Office of the United Nations High Commissioner for Human Rights to convene an expert group "
     "meeting during 2028 on the matter, and to report to the Human Rights Council at its fifty-ninth session;",
     "en", 2028),
    ("Decides to convene a high-level meeting on water, to take place in New York in 2028, during its "
     "eighty-first session;", "en", 2028),
    ("Requests the Secretary-General to convene in the biennium 2028-2029 an expert group meeting;", "en", 2028),
    ("请秘书长于2028年召开一次专家组会议，并向大会第八十一届会议报告；", "zh", 2028),
])
def test_the_activity_s_own_year_wins_over_a_session_s(sentence: str, language: str, year: int) -> None:
    spec = _spec([sentence], language)
    assert {a.year for a in _acts(spec) if a.kind != "documentation"} == {year}
    assert f"the paragraph names {year}" in _said(spec) or f"period {year}-" in _said(spec)


def test_a_goal_year_and_a_covered_period_are_not_the_activity_s() -> None:
    spec = _spec(["Requests the Secretary-General to report to the General Assembly at its eighty-second "
                  "session on progress towards the goals set for 2030;",
                  "Requests the Secretary-General to report to the General Assembly at its eighty-second "
                  "session on the activities carried out in 2026 and 2027;"])
    assert [a.year for a in _acts(spec)] == [2027, 2027]  # the session's year, not 2030 nor 2026


def test_the_reason_for_the_year_keeps_the_session_it_overrides() -> None:
    spec = _spec(["Requests the Secretary-General to convene an expert group meeting in 2028 and to submit its "
                  "conclusions to the General Assembly at its eighty-first session;"])
    said = _said(spec)
    assert "the paragraph names 2028 (“in 2028”), not the year of “its eighty-first session” (2026)" in said


@pytest.mark.parametrize(("sentence", "language", "field", "value"), [
    ("Decides that the preparatory committee shall hold a three-week session in New York in 2027;", "en",
     "days", 15),
    ("Decides to hold a special event of four meetings of three hours each on the matter;", "en", "meetings", 4),
    ("Decides to hold a one-day commemorative meeting during its eighty-second session;", "en", "days", 1),
    ("决定于2027年举行一次为期三天的高级别会议；", "zh", "days", 3),
])
def test_stated_meeting_time(sentence: str, language: str, field: str, value: int) -> None:
    spec = _spec([sentence], language)
    meeting = next(a for a in _acts(spec, "meeting"))
    assert getattr(meeting, field).low == value
    if field == "meetings":
        assert meeting.days is None


@pytest.mark.parametrize(("sentence", "language", "trips", "place"), [
    ("Requests the Secretary-General to convene an expert group meeting of thirty-two participants, to take "
     "place in Nairobi;", "en", 32, "Nairobi"),
    ("Requests the Secretary-General to organize a workshop for small island developing States, with the "
     "participation of 24 national experts, in Geneva;", "en", 24, "Geneva"),
    ("请秘书长召开一次专家组会议，有二十二名专家参加，会议在维也纳举行；", "zh", 22, "Vienna"),
])
def test_stated_participants_and_place(sentence: str, language: str, trips: int, place: str) -> None:
    spec = _spec([sentence], language)
    (travel,) = _acts(spec, "travel")
    assert (travel.trips.low, travel.location) == (trips, place)


def test_a_workshop_without_counted_participants_stays_unpriced() -> None:
    spec = _spec(["Requests the Secretary-General to organize workshops for small island developing States;"])
    assert _acts(spec) == []


def test_several_years_give_one_activity_a_year() -> None:
    spec = _spec(["Decides to convene a half-day panel discussion each year for two years, starting in 2027;"])
    assert sorted(a.year for a in _acts(spec, "meeting")) == [2027, 2028]
    assert "held 2 times, every year" in _said(spec)


def test_a_recurrence_without_an_end_prices_its_first_year_and_says_so() -> None:
    spec = _spec(["Decides to hold, once every two years, a high-level dialogue on the matter, beginning in 2027;"])
    assert [a.year for a in _acts(spec, "meeting")] == [2027]
    assert "every 2 years" in _said(spec) and "only 2027 is priced" in _said(spec)


def test_chinese_recurrence() -> None:
    spec = _spec(["决定自2027年起每年举行一次为期一天的高级别会议，为期三年；"], "zh")
    assert sorted(a.year for a in _acts(spec, "meeting")) == [2027, 2028, 2029]


@pytest.mark.parametrize(("sentence", "language"), [
    ("Decides to convene a panel discussion at its eighty-second session, with sign-language interpretation;", "en"),
    ("决定在第八十二届会议上举行一次小组讨论会，并提供手语翻译；", "zh"),
])
def test_sign_interpretation_is_said_to_be_unpriced(sentence: str, language: str) -> None:
    assert "international sign interpretation is asked for" in _said(_spec([sentence], language))


@pytest.mark.parametrize(("sentence", "language", "section"), [
    # no office named: no section (never the conference services of section 2)
    ("Requests the Secretary-General to provide general temporary assistance at the P-4 level for nine months;",
     "en", None),
    ("Requests the Secretary-General to hire a consultant for two months to draft the study;", "en", None),
    ("Requests the Secretary-General to convene an expert group meeting with 12 experts in New York;", "en", None),
    ("请秘书长聘用一名咨询人，为期两个月；", "zh", None),
    # an office or a mandate holder named: its section
    ("Requests the Secretary-General to provide the Independent Expert with general temporary assistance for "
     "six months;", "en", "Section 24"),
    ("Requests the Office of Legal Affairs to engage a consultant for three months;", "en", "Section 8"),
    ("请秘书长为特别报告员提供六个工作月的一般临时助理人员；", "zh", "Section 24"),
])
def test_staff_consultants_and_travel_take_a_section_only_from_a_cue(sentence: str, language: str,
                                                                     section: str | None) -> None:
    spec = _spec([sentence], language)
    own = [a for a in _acts(spec) if a.kind in ("staff", "consultant", "travel")]
    assert own and {a.section for a in own} == {section}
    if section is None:
        assert "section not stated" in _said(spec)


def test_reports_and_meetings_stay_conference_services() -> None:
    spec = _spec(["Requests the Secretary-General to submit a report of 5,000 words to the General Assembly at "
                  "its eighty-second session;"])
    assert {a.section for a in _acts(spec)} == {"Section 2"}


@pytest.mark.parametrize(("word", "n"), [("twelve", 12), ("twenty-five", 25), ("forty", 40), ("ninety-nine", 99),
                                         ("twenty-ten", None), ("many", None)])
def test_english_cardinals(word: str, n: int | None) -> None:
    assert en_cardinal(word) == n


def test_the_new_user_s_draft_keeps_what_it_states() -> None:
    """The draft of the brief: 10,700 words, 2027 twice, the Special Rapporteur's section, its title."""
    from pbi.draft.reader import read_drafts

    (draft,) = read_drafts(ROOT / "tests" / "data" / "drafts4" / "g3-clean-air.txt")
    spec = propose_spec(draft, near=ROOT / "cost_tables").spec
    assert spec.title.en == "The right to clean air"
    by_ref = {r.operative_paragraphs[0]: r.activities for r in spec.requests}
    assert [a.year for a in by_ref["1"]] == [2027]
    assert by_ref["2"][0].words.low == 10700
    assert {a.year for a in by_ref["3"]} == {2027}
    assert by_ref["4"][0].section == "Section 24" and by_ref["4"][0].work_months.low == 6


def test_fidelity_on_the_labelled_drafts() -> None:
    """Every quantity the drafts of tests/data/drafts4 state is in their proposed specs (as scored by
    benchmarks/draft_recall.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import draft_recall

    carried, stated = draft_recall.fidelity_drafts(ROOT / "cost_tables", quiet=True)
    assert stated >= 150 and carried / stated >= 0.95


@pytest.mark.parametrize(("sentence", "language", "check"), [
    ("Requests the Secretary-General to convene an expert group meeting lasting two days, with 14 experts;", "en",
     lambda t: t.dsa_days.low == 3 and t.trips.low == 14),
    ("Requests the Secretary-General to convene an expert group meeting over four days, with 14 experts;", "en",
     lambda t: t.dsa_days.low == 5),
    ("Requests the Secretary-General to convene an expert group meeting in the course of 2028;", "en",
     lambda t: t.year == 2028),
])
def test_more_ways_of_saying_days_and_years(sentence: str, language: str, check: Any) -> None:
    (travel,) = _acts(_spec([sentence], language), "travel")
    assert check(travel)


def test_a_grade_printed_without_its_hyphen() -> None:
    spec = _spec(["Requests the Secretary-General to provide general temporary assistance at the P4 level for "
                  "ten months;"])
    (staff,) = _acts(spec, "staff")
    assert (staff.grade, staff.work_months.low) == ("P-4", 10)


@pytest.mark.parametrize("sentence", ["决定举行一次特别活动，共四次三小时的会议；",
                                      "决定举行一次特别活动，共四次会议，每次三小时；"])
def test_chinese_counted_meetings(sentence: str) -> None:
    (meeting,) = _acts(_spec([sentence], "zh"), "meeting")
    assert meeting.meetings.low == 4 and meeting.days is None


def test_a_study_done_by_the_consultant_the_paragraph_engages_is_priced_once() -> None:
    spec = _spec(["Requests the Secretary-General to hire a consultant for six months to undertake a survey of "
                  "national practices;"])
    assert sorted(a.kind for a in _acts(spec)) == ["consultant", "documentation"]
    assert "not priced twice" in _said(spec)
    alone = _spec(["Requests the Secretary-General to undertake a survey of national practices;"])
    assert sorted(a.kind for a in _acts(alone)) == ["documentation", "staff"]
