"""Wording of the statement's activities, after a new user's reading: counted nouns agree with their
count, a half day is a half-day, small counts are words in English and Chinese alike, and what a
statement prices it names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from pbi.costing.api import cost_file
from pbi.render import render_note

from _paths import ROOT

DRAFT = ROOT / "tests" / "data" / "general-assembly" / "draft-statement.yaml"


def _statement(tmp_path: Path, activities: list[dict[str, Any]], lang: str = "en",
               **extra: Any) -> str:
    data = yaml.safe_load(DRAFT.read_text(encoding="utf-8"))
    data["table"] = "un-standard-costs"
    data.update(extra)
    data["requests"] = [{**data["requests"][0], "activities": activities}]
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(render_note(cost_file(path), lang, "text", kind="statement"))


def _meeting(days: str, **more: Any) -> dict[str, Any]:
    return {"id": "m", "kind": "meeting", "label": {"en": "panel discussion", "zh": "小组讨论"}, "days": days,
            "languages": 6, "interpretation": True, "location": "Geneva", "year": 2023,
            "funding": "regular_budget", "section": "Section 2", **more}


def test_a_half_day_panel_is_one_meeting(tmp_path: Path) -> None:
    en = _statement(tmp_path, [_meeting("0.5")])
    assert "A half-day panel discussion (one meeting, with interpretation" in en
    assert "0.5-day" not in en and "one meetings" not in en and "session of the panel" not in en
    zh = _statement(tmp_path, [_meeting("0.5")], "zh")
    assert "为期半天的小组讨论（一场会议" in zh


def test_counts_agree_and_small_counts_are_words(tmp_path: Path) -> None:
    en = _statement(tmp_path, [_meeting("1", count=2)])
    assert "Two one-day panel discussions (two meetings each," in en
    zh = _statement(tmp_path, [_meeting("1", count=2)], "zh")
    assert "每次两场会议" in zh and "2场会议" not in zh


def test_a_consultant_and_a_new_post_say_their_months_and_grade(tmp_path: Path) -> None:
    en = _statement(tmp_path, [
        {"id": "c", "kind": "consultant", "label": {"en": "consultant"}, "work_months": 3, "year": 2023,
         "funding": "regular_budget", "section": "Section 24"},
        {"id": "p", "kind": "new_post", "label": {"en": "new post"}, "grade": "P-4", "year": 2023,
         "funding": "regular_budget", "section": "Section 24"}])
    assert "Three work-months of a consultant, in 2023" in en
    assert "One new post at the P-4 level, at first-year cost with a 50 per cent vacancy factor" in en
    assert "A consultant, in" not in en and "A new post, in" not in en


def test_priced_meeting_services_are_named(tmp_path: Path) -> None:
    m = _meeting("1", label={"en": "high-level meeting", "zh": "高级别会议"}, summary_records=True,
                 webcasting=True)
    en = _statement(tmp_path, [m])
    assert "with interpretation in the six official languages, summary records and webcasting)" in en
    zh = _statement(tmp_path, [m], "zh")
    assert "提供六种正式语文的口译、简要记录及网播）" in zh
    assert "records" not in _statement(tmp_path, [_meeting("1")])


@pytest.mark.parametrize("months", [3, 5])  # 5: $7,500 of $65,600 is not 13 per cent of the rest, rounded
def test_programme_support_costs_are_rounded_by_the_table_and_add_up(tmp_path: Path, months: int) -> None:
    import re
    from decimal import Decimal

    en = _statement(tmp_path, [
        {"id": "c", "kind": "consultant", "label": {"en": "consultant"}, "work_months": months, "year": 2023,
         "funding": "extrabudgetary", "section": "Section 24"}])
    m = re.search(r"Extrabudgetary resources of \$([\d,]+) would be required.*?including programme support "
                  r"costs of (about )?\$([\d,]+) at 13 per cent", en)
    assert m, en
    total, about, psc = Decimal(m[1].replace(",", "")), m[2], Decimal(m[3].replace(",", ""))
    assert psc % 100 == 0 and total % 100 == 0  # rounded as the table's totals are
    # the part shown agrees with the total it is part of, or the statement says "about"
    agrees = ((total - psc) * Decimal("0.13") / 100).quantize(Decimal(1), rounding="ROUND_HALF_UP") * 100 == psc
    assert agrees != bool(about)


def test_an_activity_after_the_table_is_said_in_the_statement() -> None:
    from pbi.costing.engine import cost
    from pbi.model.tables import resolve_table

    from test_draft_en import MASTHEAD, _spec

    later = MASTHEAD.replace("A/C.3/81/L.42", "A/C.3/83/L.42").replace("Eighty-first", "Eighty-third")
    spec = _spec(["Decides to convene a United Nations conference of three days in 2030;",
                  "Requests the Secretary-General to submit a report to the General Assembly at its "
                  "eighty-fourth session;"], head=later)
    assert {nc["year"] for nc in spec.extra["not_costed"]} == {2030}
    est = cost(spec, resolve_table(spec.table, near=ROOT / "cost_tables"))
    en = str(render_note(est, "en", "text", kind="statement"))
    assert ("The session in 2030 and the report of the session in 2030 (paragraph 1) are not costed in the "
            "present statement: the rates for 2030 are not yet available.") in en, en



@pytest.mark.parametrize(("lang", "sentence"), [
    ("fr", "L’activité prévue en 2030 (paragraphe 4) n’est pas chiffrée dans le présent état : les taux pour 2030 "
           "ne sont pas encore disponibles."),
    ("es", "La actividad prevista para 2030 (párrafo 4) no se presupuesta en la presente exposición: las tarifas "
           "para 2030 aún no están disponibles."),
])
def test_a_statement_says_what_it_does_not_cost_in_french_and_spanish(lang: str, sentence: str,
                                                                      tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "notes" / "e-2011-30" / "draft-resolution-a-i.yaml").read_text(encoding="utf-8"))
    data.setdefault("extra", {})["not_costed"] = [
        {"paragraphs": ["4"], "label": {"en": "the expert group meeting"}, "year": 2030}]
    path = tmp_path / "annex.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    text = str(render_note(cost_file(path), lang, "text", kind="statement"))
    assert sentence in text.replace("\u202f", " ").replace("\u00a0", " "), text


def test_a_financial_note_says_what_it_does_not_cost(tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "notes" / "ctoc-cop-2010-17" / "annex-01.yaml").read_text(encoding="utf-8"))
    data.setdefault("extra", {})["not_costed"] = [
        {"paragraphs": ["4"], "label": {"en": "the expert group meeting", "zh": "专家组会议"}, "year": 2030}]
    path = tmp_path / "annex.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    est = cost_file(path)
    en = str(render_note(est, "en", "text", kind="financial_note"))
    assert ("The expert group meeting in 2030 (paragraph 4) is not costed in the present note: the rates for "
            "2030 are not yet available.") in en, en
    zh = str(render_note(est, "zh", "text", kind="financial_note"))
    assert "第 4 段所涉 2030 年的专家组会议未列入本说明的费用估计：2030 年的费率尚未公布。" in zh, zh


def test_a_financial_note_writes_a_half_day(tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "notes" / "ctoc-cop-2010-17" / "annex-03.yaml").read_text(encoding="utf-8"))
    for r in data["requests"]:
        for a in r.get("activities", []):
            if "days" in a:
                a["days"] = "0.5"
    path = tmp_path / "annex.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    en = str(render_note(cost_file(path), "en", "text", kind="financial_note"))
    assert "for a half-day meeting in Vienna" in en and "0.5-day" not in en
    zh = str(render_note(cost_file(path), "zh", "text", kind="financial_note"))
    assert "为期半天的配备六种语文口译的会议" in zh and "0.5 天" not in zh, zh
