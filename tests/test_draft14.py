"""Round 14 of ``pbi draft``: a study and the report on it are one document; a body's report is processed where
its session is held or at its seat; an organizational session is short and has no documents of its own; a
workshop with a counted number of experts is a meeting of experts. The drafts of tests/data/draft14 were
written with their expectations (the YAML beside each) before pbi read them; ``ho-*`` were held out and read
once after the fixes (tests/data/draft14/README.md). Each test below reads one draft and checks the activities
of each paragraph the YAML names."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from _drafts import paragraph_two

from pbi.draft import read_drafts, spec_yaml
from pbi.draft.propose import propose_spec
from pbi.draft.rules import classify_text, load_rules

DATA = Path(__file__).resolve().parent / "data" / "draft14"
#: drafts pbi reads (English, Chinese, French, Spanish, Russian and Arabic: all of them)
READ = sorted(p for p in DATA.glob("*.txt") if any(f"-{lang}-" in p.name for lang in ("en", "zh", "fr", "es", "ru", "ar")))
#: the same workshop drafted in Russian and Arabic (refused until pbi read those languages)
OTHER_LANGUAGES = sorted(p for p in DATA.glob("d4-*.txt") if any(f"-{lang}-" in p.name for lang in ("ru", "ar")))


def activities(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The proposed activities of each operative paragraph of the one draft in ``path``."""
    (draft,) = read_drafts(path)
    spec = yaml.safe_load(spec_yaml(propose_spec(draft)))
    out: dict[str, list[dict[str, Any]]] = {}
    for request in spec.get("requests", []):
        out.setdefault(request["operative_paragraphs"][0], []).extend(request.get("activities", []))
    return out


def _number(value: Any) -> Decimal:
    return Decimal(str(value))


def _meeting_matches(act: dict[str, Any], want: dict[str, Any]) -> bool:
    return ("days" not in want or _number(act.get("days", "nan")) == _number(want["days"])) and \
        ("location" not in want or act.get("location") == want["location"]) and \
        ("year" not in want or act.get("year") == want["year"])


def check(path: Path) -> None:
    """Every expectation of ``path``'s YAML holds for what pbi proposes."""
    labels = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    got = activities(path)
    for ref, want in labels["paragraphs"].items():
        acts = got.get(str(ref), [])
        where = f"{path.name} paragraph {ref}: {acts}"
        documents = [a for a in acts if a["kind"] in ("documentation", "publication")]
        if "documents" in want:
            assert len(documents) == want["documents"], where
        for act in documents:
            if "location" in want:
                assert act["location"] == want["location"], where
            if "year" in want:
                assert act["year"] == want["year"], where
        meetings = [a for a in acts if a["kind"] == "meeting"]
        if "meeting" in want:
            assert len(meetings) == 1 and _meeting_matches(meetings[0], want["meeting"]), where
        if "meetings" in want:
            assert len(meetings) == len(want["meetings"]), where
            assert all(_meeting_matches(a, w) for a, w in zip(meetings, want["meetings"], strict=True)), where
        if "expert_meeting" in want:
            w = want["expert_meeting"]
            # the expert meeting, or its travel where the table prices no expert meeting (a trip each, the days and
            # one travel day of subsistence)
            experts = [a for a in acts if a["kind"] == "expert_meeting" or
                       (a["kind"] == "travel" and "expert-meeting" in a["id"])]
            assert len(experts) == 1, where
            act = experts[0]
            if act["kind"] == "expert_meeting":
                assert int(act["participants"]) == w["participants"] and _number(act["days"]) == w["days"], where
            else:
                assert int(act["trips"]) == w["participants"] and _number(act["dsa_days"]) == w["days"] + 1, where
            assert act["year"] == w["year"], where
            assert not meetings, where  # not also a seminar with interpretation


#: held-out drafts missed on their one read and not fixed since (none: ho-d3 was fixed after it was scored)
HELD_OUT_MISSED: set[str] = set()


@pytest.mark.parametrize("path", [p for p in READ if p.name not in HELD_OUT_MISSED], ids=lambda p: p.name)
def test_draft_as_expected(path: Path) -> None:
    check(path)


@pytest.mark.parametrize("path", OTHER_LANGUAGES, ids=lambda p: p.name)
def test_workshop_in_other_languages(path: Path) -> None:
    check(path)


def test_the_drafts_are_there() -> None:
    assert len(READ) >= 14 and len(OTHER_LANGUAGES) == 2


# paraphrases the drafts do not use

@pytest.mark.parametrize("text", [
    "Requests the Secretary-General to conduct a study on rural roads and to report on its findings to the Assembly",
    "Requests the Secretary-General to carry out a survey of national laws, and to submit it to the General Assembly at "
    "its eighty-second session",
    "Requests the Secretary-General to undertake a study on rural roads and to submit a report containing the findings "
    "of the study",
])
def test_study_and_its_report_one_rule_said(text: str) -> None:
    rules = load_rules("en")
    assert any(p.search(text) for p in rules.reports_on_it)


@pytest.mark.parametrize("text", [
    "Requests the Secretary-General to submit a report on the implementation of the present resolution and to publish "
    "a study on rural roads",
])
def test_two_outputs_stay_two(text: str) -> None:
    rules = load_rules("en")
    assert not any(p.search(text) for p in rules.reports_on_it)
    templates = {m.rule.template for m in classify_text([text], rules).matches}
    assert {"report", "study"} <= templates


@pytest.mark.parametrize(("text", "lang"), [
    ("Decides that the preparatory committee shall hold an organizational session in Geneva in 2027", "en"),
    ("决定筹备委员会应于2027年在日内瓦举行一届组织会议", "zh"),
])
def test_organizational_session_alone(text: str, lang: str) -> None:
    templates = {m.rule.template for m in classify_text([text], load_rules(lang)).matches}
    assert templates == {"organizational_session"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Decides that the preparatory committee shall hold an organizational session of one day in New York in 2027 and "
     "two substantive sessions of five working days each in Geneva in 2028", "en"),
    ("决定筹备委员会应于2027年在纽约举行一届为期一天的组织会议，并于2028年在日内瓦举行两届实质性会议", "zh"),
])
def test_organizational_session_with_substantive_ones(text: str, lang: str) -> None:
    templates = {m.rule.template for m in classify_text([text], load_rules(lang)).matches}
    assert templates == {"session"}


@pytest.mark.parametrize(("text", "lang"), [
    ("决定于2028年举办一次为期两天的讲习班，邀请十二位专家", "zh"),
    ("请秘书处举办一次讲习班，与会专家15名", "zh"),
    ("Decides to hold a two-day workshop in 2028, bringing together twelve experts", "en"),
])
def test_counted_experts_make_an_expert_meeting(text: str, lang: str) -> None:
    templates = {m.rule.template for m in classify_text([text], load_rules(lang)).matches}
    assert templates == {"expert_meeting"}


def test_workshops_for_experts_not_counted_stay_training() -> None:
    templates = {m.rule.template for m in classify_text(["Requests the Office to organize workshops for forensic experts"],
                                                          load_rules("en")).matches}
    assert templates == {"training"}


def test_organizational_session_then_its_substantive_session() -> None:
    acts = paragraph_two("Decides that the working group shall hold an organizational session of one day at Geneva "
                         "in 2027, followed by its second session of ten working days at Geneva in 2028;")
    meetings = [(a["days"], a["location"], a["year"]) for a in acts if a["kind"] == "meeting"]
    assert meetings == [("1", "Geneva", 2027), ("10", "Geneva", 2028)]
    documents = [(a["location"], a["year"]) for a in acts if a["kind"] == "documentation"]
    assert documents == [("Geneva", 2028)]  # the substantive session's report only, where it is held


def test_organizational_session_of_two_meetings() -> None:
    acts = paragraph_two("Decides that the preparatory committee shall hold an organizational session of two meetings "
                         "in New York in 2027;")
    assert [(a["kind"], a.get("meetings")) for a in acts] == [("meeting", "2")]


def test_a_template_naming_an_unknown_list_is_one_clear_error() -> None:
    from pbi.draft.outputs import same_document
    from pbi.draft.rules import Match
    from pbi.model.errors import InputError

    rules = load_rules("en")
    study = next(r for r in rules.requests if r.template == "study")
    with pytest.raises(InputError, match="said: 'thereon_words' is none of the rules' lists"):
        same_document("report", {"one_document_with": {"template": "study", "said": "thereon_words"}},
                      [Match(rule=study, words="a study")], "a study and a report thereon", rules)


@pytest.mark.parametrize("text", [
    "Requests the Secretary-General to undertake a study on rural roads and to submit to the General Assembly at its "
    "eighty-second session a report containing the findings of the study;",
    "请秘书长就农村道路开展一项研究，并向大会第八十二届会议提交一份载有研究结果的报告；",
])
def test_study_reported_in_a_paragraph_is_one_document(text: str) -> None:
    acts = paragraph_two(text)
    assert [a["kind"] for a in acts].count("documentation") == 1


@pytest.mark.parametrize("text", [
    "Requests the Working Group to submit to the General Assembly at its eighty-second session a report on its work at "
    "its session held at Vienna;",
    "请工作组向大会第八十二届会议提交其在维也纳举行的会议的报告；",
])
def test_report_of_a_session_held_elsewhere(text: str) -> None:
    acts = paragraph_two(text)
    assert [(a["kind"], a["location"]) for a in acts] == [("documentation", "Vienna")]


def test_a_mandate_holders_report_stays_where_it_is_submitted() -> None:
    acts = paragraph_two("Requests the Special Rapporteur on the right to food to submit an interim report to the "
                         "General Assembly at its eighty-second session;")
    assert [(a["kind"], a["location"]) for a in acts] == [("documentation", "New York")]


def test_organizational_session_named_before_its_verb() -> None:
    acts = paragraph_two("决定筹备委员会的组织会议应于2027年5月6日在纽约举行；")
    assert [(a["kind"], a["days"], a["location"], a["year"]) for a in acts] == [("meeting", "1", "New York", 2027)]


@pytest.mark.parametrize("path", OTHER_LANGUAGES, ids=lambda p: p.name)
def test_russian_and_arabic_drafts_are_read_in_their_language(path: Path) -> None:
    """Refused with one line until pbi read them ("the draft is in Russian …"): now read, in their language."""
    (draft,) = read_drafts(path)
    assert draft.language == path.name.split("-")[1] and draft.symbol and len(draft.operative) == 3


def test_workshops_with_counted_national_experts_are_priced_once() -> None:
    acts = paragraph_two("请秘书长于2027年在曼谷和圣地亚哥举办两次区域讲习班，每次为期两天，各有十五名国家专家参加；")
    assert [(a["kind"], a.get("trips"), a.get("count")) for a in acts] == [("travel", "15", 2)]
