"""Round trip of the statement of programme budget implications: every statement pbi writes for a
generated spec, read back by ``pbi check``, gives zero errors and finds every amount it states (the
table's requirements by section and year, staff assessment, the extrabudgetary total); and the
statement's own parts (its table, its later years, who travels, the default section of conference
services) read back as written."""

from __future__ import annotations

import os
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbi.check import check_notes, read_notes
from pbi.costing.api import cost_file
from pbi.costing.engine import cost
from pbi.model.specs import Spec
from pbi.render import render_note

from _paths import ROOT
from test_delegate_roundtrip import round_trip
from test_properties import TABLE, specs

DRAFT = ROOT / "tests" / "data" / "general-assembly" / "draft-statement.yaml"


@settings(max_examples=int(os.environ.get("PBI_FUZZ_EXAMPLES", "40")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(spec=specs(), lang=st.sampled_from(["en", "zh"]))
def test_every_generated_statement_checks_clean(spec: Spec, lang: str) -> None:
    """The generated spec as a draft of the General Assembly, which takes statements."""
    ga = spec.model_copy(update={"body": "general-assembly", "rule": "153"})
    errors, missing = round_trip(cost(ga, TABLE), "statement", lang)
    assert errors == []
    assert missing == set()


def _claims(lang: str) -> list[tuple[str, Decimal | None, int | None, str | None, dict[str, object]]]:
    notes = read_notes(render_note(cost_file(DRAFT), lang, "text", kind="statement"))  # type: ignore[arg-type]
    assert len(notes) == 1
    return [(c.paragraph, c.amount, c.year, c.section, c.quantities) for c in notes[0].claims]


def test_the_table_is_read_by_section_year_and_role() -> None:
    for lang in ("en", "zh"):
        table = [c for c in _claims(lang) if "(table: " in c[0]]
        # section 16, 2023: the object row and its subtotal; the net total of 2023 adds up sections 2 and 16
        assert (Decimal(50600), 2023, "16") in {(a, y, s) for _, a, y, s, _ in table}
        net = next(q for _, a, y, s, q in table if a == Decimal(79200) and y == 2023 and s is None)
        assert net["is_total"] and net["parts"] == [Decimal(28600), Decimal(50600)]
        sa = [q for _, a, y, s, q in table if s == "36" and y == 2023]
        assert sa and sa[0].get("staff_assessment")
        income = [q for _, a, y, s, q in table if s == "income 1"]
        assert income and all(q.get("income_offset") for q in income)


def test_a_wrong_sum_in_the_table_is_an_error() -> None:
    text = render_note(cost_file(DRAFT), "en", "text", kind="statement")
    assert isinstance(text, str) and "$107,800" in text
    errors = [f.message for f in check_notes(read_notes(text.replace("$107,800", "$108,800")))
              if f.severity == "error"]
    assert any("108,800" in e and "107,800" in e for e in errors), errors


def test_parts_of_a_statement_stay_in_the_note() -> None:
    """Part headings ("II. Activities …") are inside the statement: every paragraph is read."""
    text = render_note(cost_file(DRAFT), "en", "text", kind="statement")
    assert isinstance(text, str)
    notes = read_notes(text)
    assert [p.number for p in notes[0].paragraphs if "(" not in p.number] == [str(n) for n in range(1, 9)]
    later = [c for c in notes[0].claims if c.paragraph == "6"]
    assert later and later[0].funding == "budget_process" and later[0].year == 2024
    contingency = [c for c in notes[0].claims if c.paragraph == "5"]
    assert contingency and contingency[0].funding == "contingency_fund"


def test_who_travels_is_said(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    data = yaml.safe_load(DRAFT.read_text(encoding="utf-8"))
    data["table"] = "un-standard-costs"  # a table that prices travel
    data["requests"] = [{**data["requests"][0], "activities": [
        {"id": "trip", "kind": "travel", "trips": 3, "dsa_days": 5, "travellers": "experts", "location": "Geneva",
         "year": 2023, "funding": "regular_budget"}]}]
    acts = data["requests"][0]["activities"]
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    est = cost_file(path)
    en = str(render_note(est, "en", "text", kind="statement"))
    assert "Three trips of experts to Geneva" in en
    assert "    Experts  " in en and "Travel of staff" not in en  # their object of expenditure
    assert "专家前往日内瓦差旅三次" in str(render_note(est, "zh", "text", kind="statement"))
    acts[-1].pop("travellers")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert "Three trips of staff to Geneva" in str(render_note(cost_file(path), "en", "text", kind="statement"))


def test_an_unknown_traveller_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    from pbi.model.errors import PbiError

    data = yaml.safe_load(DRAFT.read_text(encoding="utf-8"))
    data["requests"][0]["activities"].append({"id": "trip", "kind": "travel", "trips": 1, "travellers": "tourists",
                                               "year": 2023, "funding": "regular_budget"})
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        cost_file(path)
    except PbiError as err:
        assert "travellers" in str(err) and "tourists" in str(err)
    else:
        raise AssertionError("an unknown traveller was accepted")


def test_conference_services_default_to_section_2_as_an_assumption(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    data = yaml.safe_load(DRAFT.read_text(encoding="utf-8"))
    for r in data["requests"]:
        for a in r["activities"]:
            a.pop("section", None)
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    est = cost_file(path)
    en = str(render_note(est, "en", "text", kind="statement"))
    table = en[en.index("Object of expenditure"):]
    assert "Section 2, General Assembly" in table
    assert "Section not stated" in table  # the staff have no standard section
    said = en[en.index("Assumptions of this estimate"):]
    assert "section 2 (General Assembly and Economic and Social Council affairs and conference management)" in said
    zh = str(render_note(est, "zh", "text", kind="statement"))
    assert "第2款“大会和经济及社会理事会事务和会议管理”下" in zh[zh.index("本估计所依据的假设"):]
    errors, missing = round_trip(est, "statement", "en")
    assert errors == [] and missing == set()
