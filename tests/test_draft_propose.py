"""Proposing a spec: numbers in words, session calendars, years, funding by budget period, tables by
year, and the assumptions that say each guess."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbi.draft.propose import cn_number, en_ordinal, propose_spec
from pbi.draft.reader import parse_drafts
from pbi.model.errors import InputError, PbiError


@pytest.mark.parametrize(("text", "n"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("六十七", 67),
                                         ("两", 2), ("一百", None), ("x", None)])
def test_chinese_numbers(text: str, n: int | None) -> None:
    assert cn_number(text) == n


@pytest.mark.parametrize(("text", "n"), [("sixth", 6), ("twentieth", 20), ("eighty-first", 81),
                                         ("seventieth", 70), ("81st", 81), ("many", None)])
def test_english_ordinals(text: str, n: int | None) -> None:
    assert en_ordinal(text) == n


def _draft(body: str, paragraphs: list[str], preamble: str = "Recalling its meeting of 5 May 2011,") -> str:
    lines = ["Draft resolution", "A title", body, preamble]
    lines += [f"{i}. {p}" for i, p in enumerate(paragraphs, start=1)]
    return "\n\n".join(lines)


def _spec_of(text: str, **kw: object):  # type: ignore[no-untyped-def]
    (draft,) = parse_drafts(text, file="draft.txt")
    return propose_spec(draft, today=dt.date(2026, 1, 1), **kw).spec  # type: ignore[arg-type]


def test_session_numbers_date_the_work_by_the_body_named() -> None:
    spec = _spec_of(_draft("The General Assembly,", [
        "Requests the Secretary-General to submit to the General Assembly at its sixty-seventh session a "
        "report on the implementation of the present resolution;",
        "Also requests the Secretary-General to submit a report to the Commission on Crime Prevention and "
        "Criminal Justice at its twenty-first session;",
    ]))
    years = [r.activities[0].year for r in spec.requests]
    assert years == [2012, 2012]  # 1945 + 67; the Commission's 21st session is in 2012
    # dated by "5 May 2011", outside a spring session: its statement asks for the next budget, where the work falls
    assert spec.budget_period == "2012-2013"
    assert [r.activities[0].funding for r in spec.requests] == ["regular_budget", "regular_budget"]
    assert any("“its sixty-seventh session” is held in 2012" in a for a in spec.extra["assumptions"])


def test_a_spec_the_model_refuses_is_said_in_plain_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model check that names its field (more activities than a spec may hold) is reported with that field
    and its message, not pydantic's encoding of them."""
    from pbi.model import specs

    monkeypatch.setattr(specs, "MAX_ACTIVITIES", 1)
    with pytest.raises(PbiError) as err:
        _spec_of(_draft("The General Assembly,", [
            "Requests the Secretary-General to submit to the General Assembly at its sixty-seventh session a "
            "report on the implementation of the present resolution;",
            "Also requests the Secretary-General to submit a report to the Commission on Crime Prevention and "
            "Criminal Justice at its twenty-first session;"]))
    text = str(err.value)
    assert "requests[1].activities: more than 1 activities in one spec" in text
    assert "@" not in text and "\x00" not in text and "Value error" not in text


def test_work_before_a_session_is_the_year_before() -> None:
    spec = _spec_of(_draft("The Conference of the Parties to the United Nations Convention against "
                           "Transnational Organized Crime,",
                           ["Decides that the working group shall hold at least two meetings before the sixth "
                            "session of the Conference;"], preamble="Recalling its session of October 2010,"))
    meeting = spec.requests[0].activities[0]
    assert (spec.body, meeting.year, meeting.count, meeting.funding) == ("cop-untoc", 2011, 2, "regular_budget")
    assert meeting.section == "Part 2"


def test_a_year_named_in_the_paragraph_wins_within_three_years() -> None:
    base = "Requests the Office to convene an expert group meeting in Geneva in {year};"
    near = _spec_of(_draft("The General Assembly,", [base.format(year=2012)]), context_year=2011)
    later = _spec_of(_draft("The General Assembly,", [base.format(year=2014)]), context_year=2011)
    far = _spec_of(_draft("The General Assembly,", [base.format(year=2015)]), context_year=2011)
    assert near.requests[0].activities[0].year == 2012
    assert later.requests[0].activities[0].year == 2014  # the activity's own year, stated: it wins
    assert far.requests[0].activities[0].year == 2012  # 2015 is four years out: a goal, the default year
    assert near.requests[0].activities[0].location == "Geneva"


def test_a_goal_year_is_not_the_draft_year() -> None:
    spec = _spec_of(_draft("The General Assembly,", ["Requests the Secretary-General to submit a report on "
                                                     "the 2030 Agenda at its sixty-seventh session;"]))
    assert spec.budget_period == "2012-2013"  # the period after the draft of 2011, not 2030's


def test_a_draft_with_no_year_takes_the_year_of_its_document_then_today() -> None:
    text = _draft("The General Assembly,", ["Requests the Secretary-General to submit a report;"], preamble="Noting,")
    (draft,) = parse_drafts(text, file="draft.txt")
    spec = propose_spec(draft, context_year=2011).spec
    assert spec.budget_period == "2012-2013"  # a draft of 2011 asks for the next budget
    with pytest.raises(InputError, match="no cost table for a general-assembly draft priced in 2041"):
        propose_spec(draft, today=dt.date(2040, 3, 1))


def test_an_unknown_body_is_said() -> None:
    spec = _spec_of(_draft("The Peacebuilding Commission,", ["Requests the Secretary-General to submit a report;"]))
    assert spec.body == "general-assembly"
    assert "not a body pbi knows" in spec.extra["assumptions"][0]


def test_new_work_is_funded_from_what_the_draft_invites() -> None:
    spec = _spec_of(_draft("The General Assembly,", [
        "Requests the Office to conduct a study on trafficking in cultural property;",
        "Invites Member States and other donors to provide extrabudgetary resources for those purposes;",
    ]))
    staff, report = spec.requests[0].activities
    assert (staff.kind, staff.funding) == ("staff", "extrabudgetary")
    assert (report.kind, report.funding) == ("documentation", "regular_budget")  # 2012, in 2012-2013
    assert any("paragraph 2 invites donors" in a for a in spec.extra["assumptions"])


_REQUESTS = [
    "Requests the Secretary-General to submit to the General Assembly at its sixty-sixth session a report",
    "Decides to establish an open-ended working group, which shall hold at least two sessions",
    "Requests the Office to convene an expert group meeting in Geneva in 2012",
    "Requests the Office to prepare a practical guide and to disseminate it in the six official languages",
    "Requests the Office to conduct a study on trafficking",
    "Requests the Secretariat to make the tool available in all the six official languages",
    "Invites Member States and other donors to provide extrabudgetary resources",
    "Requests the Office, subject to the availability of extrabudgetary resources, to provide technical assistance",
    "Decides to convene a high-level meeting in 2012",
    "Takes note of the report",
]


@settings(max_examples=int(os.environ.get("PBI_FUZZ_EXAMPLES", "60")), deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_REQUESTS), st.text(max_size=40)), min_size=1, max_size=8))
def test_any_draft_gives_a_spec_that_prices_or_one_error(paragraphs: list[str]) -> None:
    text = _draft("The General Assembly,", [p.replace("\n", " ") + ";" for p in paragraphs])
    try:
        drafts = parse_drafts(text, file="fuzz.txt")
        for draft in drafts:
            propose_spec(draft, today=dt.date(2011, 6, 1), context_year=2011)
    except PbiError as err:
        assert "\n" not in str(err)
