"""Rules that once fitted one annex of the seed, tested on drafts that are not from it: the whole
draft named only when every request waits for other resources; the donors a note names come from
the body; a long list of activities is introduced as such whatever funds it; no 2010 table or year
is assumed when nothing names one."""

from __future__ import annotations

from typing import Any

import pytest

from pbi.costing.engine import cost
from pbi.model import DEFAULT_TABLE
from pbi.model.specs import Spec
from pbi.model.tables import resolve_table
from pbi.render import render_note
from pbi.render.context import build_context

from _paths import TABLES

TABLE = resolve_table(DEFAULT_TABLE, near=TABLES)


def _request(rid: str, op: str, activities: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    return {"id": rid, "operative_paragraphs": [op], "activities": activities or [],
            "text": {"zh": f"请秘书处开展第{op}项工作", "en": f"Request the Secretariat to carry out task {op}"},
            **extra}


def _spec(requests: list[dict[str, Any]], *, body: str = "cop-untoc", annex: bool = False) -> Spec:
    return Spec.model_validate({
        "symbol": "X/TEST/2022/L.1", "title": {"zh": "测试草案", "en": "Test draft"}, "body": body,
        "rule": "75", "budget_period": "2022", "table": DEFAULT_TABLE,
        "paragraphs_in": "annex" if annex else "operative",
        "operative_paragraphs": [r["operative_paragraphs"][0] for r in requests], "requests": requests})


def _doc(aid: str, funding: str) -> dict[str, Any]:
    return {"id": aid, "kind": "documentation", "pages": 20, "languages": 6, "year": 2022, "funding": funding}


def _whole(spec: Spec) -> bool:
    (p,) = [p for p in build_context(cost(spec, TABLE)).paragraphs if p.kind == "conditional"]
    return bool(p.data["whole_draft"])


def test_all_but_one_conditional_is_not_the_whole_draft_when_the_one_needs_the_regular_budget():
    spec = _spec([_request("a", "(a)", conditional=True), _request("b", "(b)", conditional=True),
                  _request("c", "(c)", [{**_doc("report", "regular_budget"), "section": "Section 2"}])],
                 annex=True)
    assert not _whole(spec)
    assert "The requests contained in the draft resolution" not in render_note(cost(spec, TABLE), "en")


def test_the_whole_draft_when_every_request_waits_for_other_resources():
    spec = _spec([_request("a", "(a)", conditional=True), _request("b", "(b)", [_doc("guide", "extrabudgetary")])],
                 annex=True)
    assert _whole(spec)
    assert "The requests contained in the draft resolution are subject" in render_note(cost(spec, TABLE), "en")


def test_the_whole_draft_is_not_named_for_operative_paragraphs():
    spec = _spec([_request("a", "3", conditional=True), _request("b", "4", conditional=True)])
    assert not _whole(spec)


@pytest.mark.parametrize(("body", "en", "zh"), [
    ("general-assembly", "assistance is received from Member States.", "将在可从会员国得到援助"),
    ("cop-untoc", "assistance is received from States parties and signatories.", "将在可从缔约国和签署国得到援助"),
])
def test_the_donors_a_note_names_are_the_bodys(body, en, zh):
    spec = _spec([_request("a", "3", conditional=True), _request("b", "4", [_doc("report", "extrabudgetary")])],
                 body=body)
    est = cost(spec, TABLE)
    english = render_note(est, "en", kind="financial_note")
    chinese = render_note(est, "zh", kind="financial_note")
    assert en in english and zh in chinese
    if body != "cop-untoc":
        assert "signatories" not in english and "签署国" not in chinese


def _workshop_list(funding: str, *, with_staff: bool = False) -> Spec:
    acts = [{"id": "egm", "kind": "expert_meeting", "label": {"zh": "专家组会议", "en": "expert group meeting"},
             "days": 3, "participants": 20, "location": "Vienna", "interpretation": False, "year": 2022,
             "funding": funding},
            {"id": "guide", "kind": "publication", "label": {"zh": "实务指南", "en": "the practical guide"},
             "pages": 100, "languages": 6, "year": 2022, "funding": funding},
            {"id": "tool", "kind": "publication", "label": {"zh": "培训手册", "en": "the training manual"},
             "pages": 60, "languages": 6, "year": 2022, "funding": funding}]
    if with_staff:
        acts[2] = {"id": "officer", "kind": "staff", "label": {"zh": "法律干事", "en": "Legal Officer"},
                   "grade": "P-3", "work_months": 6, "year": 2022, "funding": funding}
    return _spec([_request("a", "5", acts)])


@pytest.mark.parametrize("funding", ["extrabudgetary", "voluntary"])
def test_a_long_list_is_introduced_as_such_whatever_funds_it(funding):
    text = render_note(cost(_workshop_list(funding), TABLE), "zh")
    assert "以便为下列活动提供经费：在维也纳举行一次" in text, text


def test_a_list_whose_item_says_what_it_funds_keeps_yong_yu():
    text = render_note(cost(_workshop_list("extrabudgetary", with_staff=True), TABLE), "zh")
    assert "以便为下列活动提供经费" not in text and "用于在维也纳举行一次" in text, text


def test_no_command_defaults_to_a_2010_table():
    from pbi.cli import build_parser

    assert "2010" not in DEFAULT_TABLE
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    defaults = {name: sub.get_default("table") for name, sub in commands.items()}
    # pbi check chooses each note's table from the body and years it reads (DEFAULT_TABLE when it
    # names neither): a 2010 table only for a note of 2010
    assert defaults.pop("check") == "auto"
    assert all(v is None for k, v in defaults.items() if k != "tables"), defaults


NOTE = """附件一

关于题为“测试”的决议草案 {symbol} 的财务说明

 1. 本说明系按照议事规则第 75 条作出。

 2. 关于第 4 执行段所载请求，估计一份篇幅为 16 页的报告需要资源 23,000 美元。
"""


@pytest.mark.parametrize(("symbol", "priced"), [
    ("CTOC/COP/2012/L.3", True),     # 2012: within unodc-vienna-2010
    ("CTOC/COP/2016/L.3", False),    # 2016: after the table's last year, so not priced
])
def test_a_claim_without_a_year_is_priced_in_the_year_of_its_drafts_symbol(symbol, priced, table):
    from pbi.check import check_rates, read_notes

    notes = read_notes(NOTE.format(symbol=symbol))
    assert notes[0].symbol == symbol
    (rc,) = check_rates(notes, table).checks
    assert (rc.expected is not None) == priced, rc.skipped
    if not priced:
        assert "2013" in (rc.skipped or "")


def test_a_regular_budget_requirement_is_stated_under_the_section_its_spec_names_and_no_other():
    text = render_note(cost(_workshop_list("regular_budget"), TABLE), "en")
    assert "envisaged under the programme budget for 2022:" in text, text
    assert "section 2" not in text.lower() and "part 2" not in text.lower()
    zh = render_note(cost(_workshop_list("regular_budget"), TABLE), "zh")
    assert "追加资源如下" in zh and "第2编" not in zh and "第2款" not in zh
    sectioned = _spec([_request("a", "5", [{**_doc("report", "regular_budget"), "section": "Section 16"}])])
    text = render_note(cost(sectioned, TABLE), "en")
    assert "under section 16" in text and "section 2 " not in text


def _with_total(fundings: tuple[str, str]) -> Spec:
    reqs = [_request(rid, op, [{"id": f"guide-{rid}", "kind": "publication", "label": {"zh": "指南", "en": "the guide"},
                                "pages": 100, "languages": 6, "year": 2022, "funding": funding}])
            for rid, op, funding in (("a", "1(a)", fundings[0]), ("b", "1(b)", fundings[1]))]
    data = _spec(reqs).model_dump(mode="json", exclude_none=True)
    data["published"] = [{"id": "F01", "paragraph": "4", "amount": 1, "activities": ["guide-a"]},
                         {"id": "F02", "paragraph": "5", "amount": 1, "activities": ["guide-b"]},
                         {"id": "F03", "paragraph": "6", "amount": 2, "sum_of": ["F01", "F02"]}]
    return Spec.model_validate(data)


def test_a_stated_total_is_in_the_funding_of_its_parts_not_voluntary_by_default():
    text = render_note(cost(_with_total(("extrabudgetary", "extrabudgetary")), TABLE), "en")
    total = [p for p in text.split("\n\n") if p.split(". ", 1)[-1].startswith("In total")]
    assert len(total) == 1 and "additional extrabudgetary resources of" in total[0], text


def test_a_stated_total_of_mixed_funding_is_an_error():
    from pbi.model.errors import RenderError

    with pytest.raises(RenderError, match="F03 adds up parts funded from extrabudgetary, voluntary"):
        render_note(cost(_with_total(("extrabudgetary", "voluntary")), TABLE), "en")
