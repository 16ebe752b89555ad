"""Russian notes count what they price in correct Russian, and read back (issue 16, point 2).

Each case is one activity written in a Russian financial note: the count agrees with its noun as
Russian grammar has it (1 доклад, 2 доклада, 5 докладов; по 1 заседанию, по 2 заседания, по 8
заседаний), a destination of travel is in the accusative («в Женеву») and a place in the
prepositional («в Вене»); and the note, read back by ``pbi check`` against its own table, gives no
error and finds every amount it prints.
"""

from __future__ import annotations

from typing import Any

import pytest

from pbi.costing.engine import cost
from pbi.model.specs import Spec
from pbi.model.tables import load_table
from pbi.render import render_note

from _paths import TABLES
from test_check_languages import _every_language
from test_delegate_roundtrip import round_trip


def _note(activities: list[dict[str, Any]], *, table: str = "unodc-vienna-2010", period: str = "2010-2011",
          body: str = "cop-untoc", kind: str = "financial_note") -> tuple[str, Any]:
    spec = Spec.model_validate({
        "symbol": "X/L.1", "title": {"en": "Test draft", "zh": "测试草案"}, "body": body, "rule": "75",
        "budget_period": period, "operative_paragraphs": ["3"], "table": table,
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": activities,
                      "text": {"zh": "请秘书处开展工作", "en": "Request the Secretariat to do the work"}}]})
    est = cost(_every_language(spec), load_table(TABLES / f"{table}.yaml"))
    text = render_note(est, "ru", "text", kind=kind)
    assert isinstance(text, str)
    return " ".join(text.split()), est


def _report(n: int, pages: int = 40, **more: Any) -> dict[str, Any]:
    return {"id": f"r{n}{pages}", "kind": "documentation", "count": n, "pages": pages, "languages": 6,
            "year": 2010, "funding": "budget_process", **more}


def _workshop(n: int, participants: int) -> dict[str, Any]:
    return {"id": "w", "kind": "workshop", "count": n, "days": 5, "participants": participants, "year": 2010,
            "funding": "extrabudgetary"}


def _staff(n: int, months: int, id: str = "s") -> dict[str, Any]:
    return {"id": id, "kind": "staff", "count": n, "grade": "P-3", "work_months": months, "year": 2010,
            "funding": "extrabudgetary"}


def _sessions(n: int, meetings: int, funding: str = "extrabudgetary") -> dict[str, Any]:
    return {"id": "m", "kind": "meeting", "count": n, "meetings": meetings, "languages": 6, "interpretation": True,
            "year": 2010, "funding": funding, **({"section": "Part 2"} if funding == "regular_budget" else {})}


CASES = [
    # reports under the budget process: one, two, five, and two kinds of report
    ([_report(1)], "по оценкам, для подготовки доклада объемом 40 страниц потребуются ресурсы в размере"),
    ([_report(2)], "для подготовки докладов (два доклада объемом 40 страниц каждый) потребуются"),
    ([_report(5)], "(пять докладов объемом 40 страниц каждый)"),
    ([_report(1, 10), _report(3, 5)], "(один доклад объемом 10 страниц и три доклада объемом 5 страниц каждый)"),
    # documents of a regular-budget paragraph
    ([{**_report(2, 440), "funding": "regular_budget", "section": "Section 16", "languages": 5}],
     "на документацию в 2010 году (два документа объемом 440 страниц на 5 языках)"),
    # workshops: the kind's own name counted, «в каждом» for several only
    ([_workshop(1, 57)], "один практикум продолжительностью 5 дней с участием 57 участников и консультативные услуги"),
    ([_workshop(2, 1)], "два практикума продолжительностью 5 дней с участием 1 участника в каждом"),
    ([_workshop(5, 21)], "пять практикумов продолжительностью 5 дней с участием 21 участника в каждом"),
    # sessions of so many meetings; по 1 заседанию, по 2 заседания, по 8 заседаний
    ([_sessions(1, 4)], "4 заседания с устным переводом на шесть языков"),
    ([_sessions(2, 8)], "заседания (2 сессии по 8 заседаний)"),
    ([_sessions(5, 1)], "заседания (5 сессий по 1 заседанию)"),
    ([_sessions(3, 2)], "заседания (3 сессии по 2 заседания)"),
    # the meetings a regular-budget paragraph envisages: every meeting counted
    ([_sessions(3, 6, "regular_budget")], "предусматривается провести 18 совещаний в 2010 году"),
    ([_sessions(1, 5, "regular_budget")], "провести пять совещаний в 2010 году"),
    # publications and tools in the genitive after their work
    ([{"id": "p", "kind": "publication", "count": 1, "pages": 5, "languages": 1, "year": 2010,
       "funding": "extrabudgetary"}], "перевод и издание публикации (5 страниц, один язык)"),
    ([{"id": "t", "kind": "tool_translation", "count": 4, "pages": 100, "languages": 2, "year": 2010,
       "funding": "extrabudgetary"}], "перевод и распространение программного средства (два языка, 100 страниц, 4 публикации)"),
    # half a day
    ([{**_sessions(2, 1), "meetings": None, "days": "0.5"}], "2 совещания продолжительностью полдня с устным переводом"),
    ([{**_workshop(3, 20), "days": "0.5"}], "три практикума продолжительностью полдня с участием 20 участников в каждом"),
    # staff: the kind's own name counted, «каждый» for several
    ([_staff(1, 6), _staff(1, 3, "s2")], "один сотрудник (С-3) на 6 месяцев и один сотрудник (С-3) на 3 месяца"),
    ([_staff(2, 6), _staff(1, 3, "s2")], "два сотрудника (С-3) на 6 месяцев каждый и один сотрудник (С-3) на 3 месяца"),
    ([_staff(12, 6)], "12 сотрудников (С-3) на 6 месяцев каждый"),
    # a place where a meeting is held, in the prepositional
    ([{"id": "e", "kind": "expert_meeting", "count": 1, "days": 3, "participants": 20, "location": "Vienna",
       "year": 2010, "funding": "extrabudgetary"}], "совещание группы экспертов продолжительностью 3 дня в Вене с участием 20 участников"),
]


IDS = ["report-1", "reports-2", "reports-5", "reports-1-and-3", "documents-2", "workshop-1", "workshops-2",
       "workshops-5", "session-of-4", "sessions-2-of-8", "sessions-5-of-1", "sessions-3-of-2", "rb-meetings-18",
       "rb-meetings-5", "publication", "tool", "half-day-meetings", "half-day-workshops", "staff-1-and-1", "staff-2-and-1", "staff-12", "expert-meeting-in-vienna"]


@pytest.mark.parametrize("activities, words", CASES, ids=IDS)
def test_a_russian_note_counts_in_correct_russian_and_reads_back(activities: list[dict[str, Any]], words: str) -> None:
    text, est = _note(activities)
    assert words in text
    assert round_trip(est, "financial_note", "ru") == ([], set())


def test_a_trip_goes_to_a_place_in_the_accusative() -> None:
    trips = [{"id": "t1", "kind": "travel", "trips": 3, "dsa_days": 5, "location": "Geneva", "travellers": "experts",
              "year": 2024, "funding": "extrabudgetary"},
             {"id": "t2", "kind": "travel", "trips": 2, "dsa_days": 1, "location": "New York", "year": 2024,
              "funding": "extrabudgetary"},
             {"id": "c", "kind": "consultant", "count": 2, "work_months": 2, "year": 2024, "funding": "extrabudgetary"}]
    text, est = _note(trips, table="un-standard-costs", period="2024")
    assert "3 поездки экспертов в Женеву с выплатой суточных за 5 дней на каждую поездку" in text
    assert "2 поездки сотрудников в Нью-Йорк с выплатой суточных за 1 день на каждую поездку" in text
    assert "два консультанта на 2 месяца каждый" in text
    assert "(3)" not in text and "(2)" not in text
    assert "в Женеве" not in text
    assert round_trip(est, "financial_note", "ru") == ([], set())
    text, est = _note(trips[:1], table="un-standard-costs", period="2024", body="general-assembly", kind="statement")
    assert "3 поездки экспертов в Женеву" in text
    assert round_trip(est, "statement", "ru") == ([], set())


@pytest.mark.parametrize("meeting, words", [
    ({"count": 2, "days": 2, "summary_records": True, "funding": "extrabudgetary"},
     "2 совещания продолжительностью 2 дня с подготовкой кратких отчетов."),
    ({"count": 1, "meetings": 10, "interpretation": False, "webcasting": True, "it_support": True,
      "funding": "extrabudgetary"}, "10 заседаний с веб-трансляцией и поддержкой в области ИТ."),
    ({"count": 1, "meetings": 4, "interpretation": True, "verbatim_records": True, "sound": True,
      "funding": "regular_budget", "section": "Section 2"},
     "четыре совещания в 2024 году с устным переводом на шесть языков, подготовкой стенографических отчетов и "
     "звукотехническим обслуживанием."),  # one list (langs4), not «… и … и …»
], ids=["summary-records", "webcasting-it", "verbatim-sound"])
def test_a_meeting_states_the_services_it_is_priced_with(meeting: dict[str, Any], words: str) -> None:
    text, est = _note([{"id": "m", "kind": "meeting", "languages": 6, "year": 2024, **meeting}],
                      table="un-standard-costs", period="2024")
    assert words in text
    assert round_trip(est, "financial_note", "ru") == ([], set())


def test_meetings_of_different_lengths_keep_each_its_own() -> None:
    """Each meeting's length stays in its own year's clause; what all share is set apart by commas."""
    def meeting(i: int, year: int, count: int, days: int, languages: int) -> dict[str, Any]:
        return {"id": f"m{i}", "kind": "meeting", "count": count, "days": days, "languages": languages,
                "interpretation": True, "year": year, "funding": "regular_budget", "section": "Part 2"}

    text, est = _note([meeting(1, 2010, 2, 2, 6), meeting(2, 2011, 1, 3, 2)])
    assert ("провести два совещания продолжительностью 2 дня с устным переводом на шесть языков в 2010 году, "
            "одно совещание продолжительностью 3 дня с устным переводом на два языка в 2011 году.") in text
    assert round_trip(est, "financial_note", "ru") == ([], set())
    text, est = _note([meeting(1, 2011, 5, 2, 6), meeting(2, 2010, 5, 2, 6)])
    assert ("провести пять совещаний в 2011 году и пять совещаний в 2010 году, продолжительностью 2 дня каждое, "
            "с устным переводом на шесть языков") in text
    assert round_trip(est, "financial_note", "ru") == ([], set())
