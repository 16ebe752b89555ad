"""A total split among budget sections, with one purpose stated for the whole of it.

"…would amount to $156,600, comprising $118,600 under section 2 (…) and $38,000 under section 4
(Disarmament), for the servicing of four meetings … and six work-months …": the meetings and
work-months are what the $156,600 pays for, not what the last part ($38,000) pays for.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pbi.check import check_notes, read_notes, read_path
from pbi.check.report import check_files

SAMPLE = Path(__file__).parent / "check" / "data" / "en-split-total.txt"
COUNTED = ("meetings", "work_months", "languages", "grade", "interpretation")


def _by_amount(text: str | None = None) -> dict[Decimal, dict]:
    notes = read_path(SAMPLE) if text is None else read_notes(text)
    return {c.amount: c.quantities for c in notes[0].claims if c.paragraph == "2"}


def test_shared_quantities_belong_to_the_total_not_the_last_part() -> None:
    q = _by_amount()
    total, first, last = q[Decimal(156600)], q[Decimal(118600)], q[Decimal(38000)]
    assert total["is_total"] and total["parts"] == [118600, 38000]
    assert (total["meetings"], total["work_months"], total["languages"], total["grade"]) == (4, 6, 6, "P-3")
    assert not any(k in last for k in COUNTED)
    assert not any(k in first for k in COUNTED)


def test_the_split_total_checks_clean() -> None:
    report = check_files([SAMPLE])  # the rates of the table the note's body and year choose
    assert report.errors == 0 and report.counts()["warning"] == 0
    assert [f for f in check_notes(report.notes) if f.severity != "info"] == []


def test_a_part_with_its_own_purpose_keeps_its_quantities() -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "(Disarmament), for the servicing", "for the servicing")
    q = _by_amount(text)
    assert q[Decimal(38000)]["meetings"] == 4 and "meetings" not in q[Decimal(156600)]


def test_a_part_whose_sibling_states_its_own_purpose_keeps_the_clause() -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "$118,600 under\nsection 2", "$118,600 for the translation of 40 pages under\nsection 2")
    q = _by_amount(text)
    assert q[Decimal(118600)]["pages"] == 40
    assert q[Decimal(38000)]["meetings"] == 4 and "meetings" not in q[Decimal(156600)]


# --------------------------------------------------------------------------- items split by section

MEETING = {"kind": "meeting", "year": 2010, "funding": "regular_budget", "count": 1, "days": 1,
           "languages": 1, "interpretation": True}


def _meetings_note(lang: str, with_document: bool) -> str:
    """pbi's note for one request: one-day meetings in one language, one under section 2 and one
    under section 16 (and, optionally, a one-page document beside the first)."""
    acts = [dict(MEETING, id="m1", section="Part 2"), dict(MEETING, id="m2", section="Section 16")]
    if with_document:
        acts.insert(0, {"id": "d1", "kind": "documentation", "count": 1, "pages": 1, "languages": 1,
                        "year": 2010, "funding": "regular_budget", "section": "Part 2"})
    return _note(lang, acts)


def _note(lang: str, acts: list[dict]) -> str:
    from pbi.costing.engine import cost
    from pbi.model.specs import Spec
    from pbi.model.tables import load_table
    from pbi.render import render_note

    from _paths import TABLES

    spec = Spec.model_validate({
        "symbol": "X/L.1", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "cop-untoc", "rule": "75",
        "budget_period": "2010-2011", "operative_paragraphs": ["3"], "table": "unodc-vienna-2010",
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": acts,
                      "text": {"zh": "请秘书处开展第1项工作", "en": "Request the Secretariat to do task 1"}}]})
    text = render_note(cost(spec, load_table(TABLES / "unodc-vienna-2010.yaml")), lang, "text")
    assert isinstance(text, str)
    return text


def _rate_errors(text: str) -> list[str]:
    from pbi.check.rates import check_rates
    from pbi.model.tables import load_table

    from _paths import TABLES

    notes = read_notes(text)
    return [f.message for f in check_rates(notes, load_table(TABLES / "unodc-vienna-2010.yaml")).findings
            if f.severity == "error"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_items_that_split_the_lead_ins_meetings_are_priced_together(lang: str) -> None:
    """"two meetings …: (a) $3,800 under section 2 …; (b) $3,800 under section 16 …": the two
    meetings are what (a) and (b) pay for together, not what each pays for."""
    from pbi.check.rates import check_rates
    from pbi.model.tables import load_table

    from _paths import TABLES

    text = _meetings_note(lang, with_document=False)
    notes = read_notes(text)
    result = check_rates(notes, load_table(TABLES / "unodc-vienna-2010.yaml"))
    (together,) = [c for c in result.priced if c.claim.paragraph == "3(a), 3(b)"]
    assert together.claim.low == Decimal(7600) and together.expected is not None
    assert together.expected.low == Decimal(7600)
    assert _rate_errors(text) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_item_inherits_only_the_meetings_no_other_item_states(lang: str) -> None:
    text = _meetings_note(lang, with_document=True)
    (note,) = read_notes(text)
    by_para = {c.paragraph: c.quantities for c in note.claims}
    assert by_para["3(a)"]["meetings"] == 1 and by_para["3(b)"]["meetings"] == 1
    assert _rate_errors(text) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("other", [
    # an expert group meeting is not one of the lead-in's meetings with interpretation
    {"kind": "expert_meeting", "count": 1, "days": 1, "participants": 1, "year": 2010},
    # a meeting with interpretation of another year is not one of this year's
    dict(MEETING, year=2012),
])
def test_only_the_same_kind_and_year_of_meeting_is_taken_off(lang: str, other: dict) -> None:
    acts = [dict(other, id="o1", funding="regular_budget", section="Section 16"),
            dict(MEETING, id="m1", count=2, section="Part 2")]
    text = _note(lang, acts)
    (note,) = read_notes(text)
    meetings = [c for c in note.claims if c.year == 2010 and "meetings" in c.quantities.get("inherited", ())]
    assert [c.quantities["meetings"] for c in meetings] == [2]
    assert _rate_errors(text) == []


TWO_ONE_DAY_MEETINGS = """\
symbol: X/L.1
title: {zh: 测试草案, en: Test draft}
body: cop-untoc
rule: "75"
budget_period: "2010-2011"
table: unodc-vienna-2010
operative_paragraphs: ["3", "4"]
requests:
  - id: a
    operative_paragraphs: ["3"]
    text: {zh: 请秘书处开展第1项工作, en: Request the Secretariat to do task 1}
    activities:
      - {id: a0, kind: meeting, languages: 1, days: 1, interpretation: true, year: 2010, funding: extrabudgetary}
  - id: b
    operative_paragraphs: ["4"]
    text: {zh: 请秘书处开展第2项工作, en: Request the Secretariat to do task 2}
    activities:
      - {id: a1, kind: meeting, languages: 1, days: 1, interpretation: true, year: 2010, funding: extrabudgetary}
      - {id: a2, kind: meeting, languages: 1, days: 1, interpretation: true, year: 2010, funding: extrabudgetary}
"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_meetings_listed_apart_are_not_the_same_item_as_one(lang: str, tmp_path: Path) -> None:
    """Paragraph 4 lists two one-day meetings one after the other (为期一天的…会议、…、为期一天的…会议):
    it is not the same item as paragraph 3's one meeting, costed at half."""
    from pbi.costing.api import cost_file
    from pbi.render import render_note

    spec = tmp_path / "spec.yaml"
    spec.write_text(TWO_ONE_DAY_MEETINGS, encoding="utf-8")
    note = tmp_path / f"note.{lang}.txt"
    note.write_text(str(render_note(cost_file(spec), lang, "text", kind="financial_note")), encoding="utf-8")
    report = check_files([note])
    assert report.errors == 0, [f.message for _, f in report.findings if f.severity == "error"]
