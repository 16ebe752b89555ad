"""Round trip of the statement of programme budget implications: every statement pbi writes for a
generated spec, read back by ``pbi check``, gives zero errors and finds every amount it states (the
table's requirements by section and year, staff assessment, the extrabudgetary total); generated
General Assembly drafts priced with the United Nations standard costs read back from the statement and
the English financial note; and the statement's own parts (its table, its later years, who travels,
the default section of conference services) read back as written."""

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


UN_TABLE_ID = "un-standard-costs"
STATIONS = [None, "New York", "Geneva", "Vienna"]


@st.composite
def ga_activity(draw, n: int, kind: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """One activity of a kind the United Nations standard costs price, with what it is priced by:
    duty station, meeting services, grade, who travels."""
    base: dict[str, object] = {"id": f"a{n}", "kind": kind, "year": draw(st.sampled_from([2023, 2024])),
                               "funding": draw(st.sampled_from(["regular_budget", "contingency_fund",
                                                                "budget_process", "extrabudgetary"]))}
    where = draw(st.sampled_from(STATIONS))
    if where:
        base["location"] = where
    if draw(st.booleans()):
        base["section"] = draw(st.sampled_from(["Section 2", "Section 16", "Section 28"]))
    if kind == "documentation":
        base |= {"words": draw(st.integers(1000, 60000)), "languages": draw(st.sampled_from([1, 6]))}
    elif kind == "meeting":
        base |= {"meetings": draw(st.integers(1, 20))}
        services = draw(st.sets(st.sampled_from(["interpretation", "summary_records", "verbatim_records",
                                                 "webcasting", "it_support"]), min_size=1))
        base |= {s: True for s in services}
    elif kind == "staff":
        base |= {"grade": draw(st.sampled_from(["P-2", "P-3", "P-4", "P-5", "GS (Other level)"])),
                 "work_months": draw(st.integers(1, 12))}
    elif kind == "consultant":
        base |= {"work_months": draw(st.integers(1, 12))}
    else:
        base |= {"trips": draw(st.integers(1, 5)), "dsa_days": draw(st.integers(1, 7)),
                 "travellers": draw(st.sampled_from(["staff", "experts", "members"]))}
    return base


@st.composite
def ga_specs(draw) -> Spec:  # type: ignore[no-untyped-def]
    # one activity of a kind: two of a kind costed in one amount (two consultants, two meetings) are
    # read as one by the reader (staff by grade and documents by words apart) — a known limit
    kinds = draw(st.lists(st.sampled_from(["documentation", "meeting", "staff", "consultant", "travel"]),
                          min_size=1, max_size=3, unique=True))
    acts = [draw(ga_activity(i, kind)) for i, kind in enumerate(kinds)]
    return Spec.model_validate({
        "symbol": "A/C.3/78/L.99", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "general-assembly",
        "rule": "153", "budget_period": "2023", "operative_paragraphs": ["3"], "table": UN_TABLE_ID,
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": acts,
                      "text": {"zh": "请秘书长开展工作", "en": "Request the Secretary-General to do the work"}}]})


@settings(max_examples=int(os.environ.get("PBI_FUZZ_EXAMPLES", "40")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(spec=ga_specs(), pair=st.sampled_from([("statement", "en"), ("statement", "zh"), ("financial_note", "en")]))
def test_every_generated_general_assembly_note_checks_clean(spec: Spec, pair: tuple[str, str]) -> None:
    """Drafts priced with the United Nations standard costs: what a note must state for the table's
    rates (the duty station, a meeting's services, the grade, the year) is read back."""
    from pbi.model.tables import load_table

    from _paths import TABLES

    kind, lang = pair
    errors, missing = round_trip(cost(spec, load_table(TABLES / f"{UN_TABLE_ID}.yaml")), kind, lang)
    assert errors == []
    assert missing == set()
