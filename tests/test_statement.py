"""The statement of programme budget implications as issued (rule 153 / rule 31), the note by the
Secretariat, the kind a body takes, staff assessment and objects of expenditure, and the E/2011/30
drafts in Chinese and English."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pbi.cli import main
from pbi.costing.api import cost_file
from pbi.costing.conclusions import APPROPRIATING_BODIES, apportion, conclude
from pbi.model.specs import Range
from pbi.model.vocabulary import bodies, body, object_of, objects_of_expenditure, section
from pbi.render import build_note, render_note
from pbi.render.numbers import grouped, money

from _paths import NOTES, ROOT

GA = Path(__file__).parent / "data" / "general-assembly" / "draft-statement.yaml"
E2011 = ROOT / "notes" / "e-2011-30"
COSTED = ("draft-resolution-a-i", "draft-resolution-a-ii", "draft-resolution-a-iii", "draft-resolution-a-iv",
          "draft-resolution-b-i", "draft-resolution-b-iii", "draft-resolution-b-iv")


def _text(path: Path, lang: str = "en", fmt: str = "text", **kw: object) -> str:
    out = render_note(cost_file(path, **kw), lang, fmt, kind="statement")  # type: ignore[arg-type]
    assert isinstance(out, str)
    return out


# -- the General Assembly statement -----------------------------------------------------------------

def test_general_assembly_statement_has_the_parts_of_the_model():
    est = cost_file(GA)
    c = conclude(est)
    assert c.action == "appropriate" and len(c.by_section()) == 2 and c.budget_process and c.extrabudgetary
    note = build_note(est, "en", "statement")
    assert note.heading == "Programme budget implications of draft resolution A/C.3/78/L.99"
    assert note.subtitle == ("Statement submitted by the Secretary-General in accordance with rule 153 of the "
                             "rules of procedure of the General Assembly")
    parts = [p.part for p in note.paragraphs if p.part]
    assert parts == ["I. Requests contained in draft resolution A/C.3/78/L.99",
                     "II. Activities by which the requests would be implemented", "III. Resource requirements",
                     "IV. Contingency fund", "V. Requirements for later years", "VI. Extrabudgetary resources",
                     "VII. Action required of the General Assembly"]
    requests = note.paragraphs[0]
    assert requests.text.startswith("Under the terms of operative paragraphs 5 and 6 of draft resolution "
                                    "A/C.3/78/L.99, entitled “Strengthening")
    assert [i.label for i in requests.items] == ["(a)", "(b)"] and requests.items[0].text.endswith("(paragraph 5);")


def test_action_required_states_additional_requirements_by_section():
    est = cost_file(GA)
    c = conclude(est)
    text = _text(GA)
    action = text.rstrip().splitlines()[-1]
    sections = " and ".join(f"section {section(k).number} ({section(k).name('en')})" for k in ("Section 2", "Section 16"))
    assert action.split(" ", 1)[1] == (
        "Should the General "
        f"Assembly adopt draft resolution A/C.3/78/L.99, additional requirements of {money(c.additional_total, 'en')} "
        f"would arise under {sections} of the programme budget for 2023, with staff assessment of "
        f"{money(c.staff_assessment_total('additional'), 'en')} under section 36 (Staff assessment) to be offset by an "
        f"equivalent amount under income section 1 (Income from staff assessment). Of that amount, "
        f"{money(c.contingency_fund, 'en')} would represent a charge against the contingency fund. The General "
        f"Assembly would be requested to appropriate an additional amount of {money(c.additional_total, 'en')} under "
        f"the programme budget for 2023.")


def test_contingency_fund_later_years_and_extrabudgetary_paragraphs():
    c = conclude(cost_file(GA))
    text = _text(GA)
    assert (f"The additional requirements of {money(c.contingency_fund, 'en')} under section 16 (International drug "
            "control, crime and terrorism prevention and criminal justice) would represent a charge against the "
            "contingency fund and, as such, would be considered in accordance with the procedures for the use and "
            "operation of the contingency fund.") in text
    (later,) = c.budget_process
    sa_later = c.staff_assessment_total("budget_process")
    assert (f"Requirements of {money(later.amount, 'en')} under section 2 (General Assembly and Economic and Social "
            f"Council affairs and conference management) for 2024 would be included in the proposed programme budget "
            f"for 2024, with staff assessment of {money(sa_later, 'en')}.") in text
    table = cost_file(GA).table
    psc = table.rounding.apply(c.programme_support.low)     # rounded as the totals beside it
    assert c.programme_support.low != psc                    # the engine keeps cents; the statement does not
    about = table.rounding.apply((c.extrabudgetary_total.low - psc) * Decimal("0.13")) != psc
    assert (f"Extrabudgetary resources of {money(c.extrabudgetary_total, 'en')} would be required in 2023, including "
            f"programme support costs of {'about ' if about else ''}${psc:,} at 13 per cent.") in text


def test_staff_assessment_is_the_table_rate_of_staff_costs_rounded_once():
    est = cost_file(GA)
    c = conclude(est)
    rule = est.table.staff_assessment
    assert rule is not None and rule.percent == Decimal("19.9") and "A/C.3/57/L.26" in rule.reference
    for line in c.staff_assessment:
        base = sum((o.amount.low for o in c.objects if o.share == line.share and o.year == line.year
                    and o.object in rule.applies_to), Decimal(0))
        assert line.base.low == base
        assert line.amount.low == est.table.rounding.apply(base * rule.percent / 100)
        assert line.section == "Section 36" and line.income_section == "Income section 1"
    # the extrabudgetary expert meeting pays no staff assessment; the officer and documents do
    assert {(s.share, s.year) for s in c.staff_assessment} == {("additional", 2023), ("budget_process", 2024)}


def test_objects_of_a_cell_add_up_to_the_cell():
    est = cost_file(GA)
    c = conclude(est)
    for share in ("additional", "budget_process", "extrabudgetary"):
        by_year: dict[int, Decimal] = {}
        for o in c.objects_of(share):  # type: ignore[arg-type]
            by_year[o.year] = by_year.get(o.year, Decimal(0)) + o.amount.low
        expected = {"additional": c.additional_regular_budget, "budget_process": c.budget_process,
                    "extrabudgetary": c.extrabudgetary}[share]
        totals: dict[int, Decimal] = {}
        for r in expected:
            totals[r.year] = totals.get(r.year, Decimal(0)) + r.amount.low
        assert by_year == totals, share


def test_apportion_keeps_the_total_in_whole_steps():
    parts = {"a": Decimal("1234.40"), "b": Decimal("2345.70"), "c": Decimal("49.90")}
    shares = apportion(Decimal(3600), parts, Decimal(100))
    assert sum(shares.values()) == 3600 and all(v % 100 == 0 for v in shares.values())
    assert shares == {"a": Decimal(1200), "b": Decimal(2300), "c": Decimal(100)}


def test_the_table_has_a_column_a_year_and_staff_assessment_offset_by_income():
    est = cost_file(GA)
    note = build_note(est, "en", "statement")
    assert note.table_header == ("Object of expenditure", "2023", "2024", "Total")
    rows = {r[0].strip(): r for r in note.table}
    c = conclude(est)
    net = c.additional_total + c.budget_process[0].amount
    assert rows["Total (net)"][-1] == money(net, "en")
    sa = c.staff_assessment_total("additional", "budget_process")
    assert rows["Section 36, Staff assessment"][-1] == money(sa, "en")
    assert rows["Income section 1, Income from staff assessment"][-1] == f"({money(sa, 'en')})"
    assert rows["Total (including staff assessment)"][-1] == money(net + sa, "en")
    titles = [r[0] for r in note.table]
    assert titles.index("Section 2, General Assembly and Economic and Social Council affairs and conference "
                        "management") < titles.index("Section 16, International drug control, crime and terrorism "
                                                     "prevention and criminal justice")
    text = _text(GA)
    assert "Object of expenditure" in text and "    Other staff costs" in text
    md, html = _text(GA, fmt="md"), _text(GA, fmt="html")
    assert "| Object of expenditure | 2023 | 2024 | Total |" in md and "## VII. Action required" in md
    assert "<th>Object of expenditure</th>" in html and "<h2>VII. Action required of the General Assembly</h2>" in html


def test_docx_carries_the_table(tmp_path):
    docx = pytest.importorskip("docx")
    out = tmp_path / "statement.docx"
    assert main(["note", str(GA), "--lang", "zh", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    title = texts.index("决议草案 A/C.3/78/L.99 所涉方案预算问题")  # after the masthead
    assert texts[title + 1] == "秘书长按照大会议事规则第 153 条提交的说明"
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ["支出用途", "2023", "2024", "共计"]
    assert any("工作人员薪金税" in r.cells[0].text for r in table.rows)


def test_chinese_statement():
    c = conclude(cost_file(GA))
    zh = _text(GA, "zh")
    assert "七. 要求大会采取的行动" in zh
    assert f"其中 {grouped(c.contingency_fund.low)} 美元将构成应急基金的支出。" in zh
    assert "将按照应急基金的使用和运作程序予以审议" in zh
    assert f"将请大会在 2023 年方案预算下追加批款 {grouped(c.additional_total.low)} 美元。" in zh


def test_statement_charges_webcasting_and_ict_to_their_sections(tmp_path):
    """Public information (webcasting) and information technology under sections 28 and 29C; a table
    that prices them (test data: no document of ours gives these rates)."""
    tables = tmp_path / "cost_tables"
    tables.mkdir()
    for name in ("unodc-vienna-2010.yaml", "unodc-vienna-2020.yaml"):
        (tables / name).write_text((ROOT / "cost_tables" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tables / "ga-test.yaml").write_text("""\
id: ga-test
title: Test data - webcasting and ICT services (illustrative rates, not from any document)
extends: unodc-vienna-2020
activities:
  webcast:
    label: Webcasting of meetings
    components: [{rate: webcast.meeting, per: [meetings]}]
  ict:
    label: ICT services
    components: [{rate: ict.work_month, per: [work_months]}]
rates:
  webcast.meeting: {label: webcasting, unit: USD/meeting, values: {2020-01-01: 3000}, reference: test data}
  ict.work_month: {label: ICT services, unit: USD/work_month, values: {2020-01-01: 15000}, reference: test data}
""", encoding="utf-8")
    spec = tmp_path / "ga.yaml"
    spec.write_text(GA.read_text(encoding="utf-8").replace("table: unodc-vienna-2020", "table: ga-test").replace(
        "    activities:\n      - {id: egm,",
        "    activities:\n"
        "      - {id: webcast, kind: webcast, meetings: 4, year: 2023, funding: regular_budget, section: Section 28}\n"
        "      - {id: ict, kind: ict, work_months: 2, year: 2023, funding: regular_budget, section: Section 29C}\n"
        "      - {id: egm,"), encoding="utf-8")
    est = cost_file(spec)
    by_section = conclude(est).by_section()
    assert by_section[("Section 28", 2023)].low == 12000 and by_section[("Section 29C", 2023)].low == 30000
    en, zh = _text(spec), _text(spec, "zh")
    assert "section 28 (Global communications)" in en and "section 29C (Office of Information and" in en
    assert "第 28 款“全球传播”" in zh and "第 29C 款“信息和通信技术厅”" in zh
    rows = {r[0].strip(): r for r in build_note(est, "en", "statement").table}
    assert "Contractual services" in rows          # webcasting and ICT services default to contractual services


# -- nothing to appropriate --------------------------------------------------------------------------

def test_everything_absorbed_is_met_from_existing_resources(tmp_path):
    text = GA.read_text(encoding="utf-8")
    for src in ("regular_budget", "contingency_fund", "extrabudgetary"):
        text = text.replace(f"funding: {src}", "funding: existing_resources")
    spec = tmp_path / "nothing.yaml"
    spec.write_text(text, encoding="utf-8")
    est = cost_file(spec, table=str(ROOT / "cost_tables" / "unodc-vienna-2020.yaml"))
    c = conclude(est)
    assert c.action == "none" and c.absorbed
    out = _text(spec, table=str(ROOT / "cost_tables" / "unodc-vienna-2020.yaml"))
    assert "appropriate an additional" not in out and "contingency fund" not in out
    assert out.rstrip().endswith("Should the General Assembly adopt draft resolution A/C.3/78/L.99, the "
                                 "requirements would be met from existing resources, and no additional "
                                 "appropriation would arise under the programme budget for 2023.")
    assert "IV. Existing resources" not in out and "II. Existing resources" in out


def test_a_draft_without_costs_gets_the_note_by_the_secretariat():
    for lang, subtitle, conclusion in (
            ("en", "Note by the Secretariat",
             "2. The adoption of draft decision I would not give rise to any programme budget implications."),
            ("zh", "秘书处的说明", "2. 决定草案一的通过不会引起任何所涉方案预算问题。")):
        note = build_note(cost_file(E2011 / "draft-decision-c-i.yaml"), lang, "statement")
        assert note.subtitle == subtitle and not note.table
        assert f"{note.paragraphs[-1].number}. {note.paragraphs[-1].text}" == conclusion


# -- the kind a body takes -------------------------------------------------------------------------

def test_vocabulary_bodies():
    assert {k for k in bodies() if body(k).appropriates} == set(APPROPRIATING_BODIES) == {"general-assembly", "ga"}
    assert body("ga") == body("general-assembly") and body("general-assembly").rule == "153"
    assert body("ecosoc").rule == "31" and body("ecosoc").default_kind == "statement"
    assert body("cop-untoc").kinds == ("financial_note",)
    labels = [o.label("en") for o in objects_of_expenditure()]
    assert labels[:3] == ["Posts", "Other staff costs", "Consultants"] and len(labels) == 10
    assert all(o.label("zh") for o in objects_of_expenditure())
    assert object_of("expert_meeting").key == "experts" and object_of("staff", "consultants").key == "consultants"


def test_statement_for_the_conference_is_a_one_line_error(capsys):
    assert main(["note", str(NOTES / "annex-05.yaml"), "--kind", "statement"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(str(NOTES / "annex-05.yaml") + ":") and ": body: no statement for cop-untoc:" in err
    assert "does not appropriate" in err and "financial notes (rule 75)" in err


def test_kind_follows_the_body(capsys):
    assert main(["note", str(GA)]) == 0                                   # default language zh, default kind
    assert capsys.readouterr().out.startswith("决议草案 A/C.3/78/L.99 所涉方案预算问题")
    assert main(["note", str(GA), "--kind", "statement"]) == 0            # --kind statement, default language
    assert "秘书长按照大会议事规则第 153 条提交的说明" in capsys.readouterr().out
    assert main(["note", str(NOTES / "annex-05.yaml")]) == 0
    assert capsys.readouterr().out.startswith("关于")                       # the Conference: a financial note


def test_activity_object_is_overridable(tmp_path):
    spec = tmp_path / "ga.yaml"
    spec.write_text(GA.read_text(encoding="utf-8").replace(
        "grade: P-3, work_months: 4,", "grade: P-3, work_months: 4, object: consultants,"), encoding="utf-8")
    est = cost_file(spec, table=str(ROOT / "cost_tables" / "unodc-vienna-2020.yaml"))
    c = conclude(est)
    assert [o.object for o in c.objects_of("additional") if o.section == "Section 16"] == ["consultants"]
    # consultants pay no staff assessment: only the documentation of section 2 is left in its base
    (sa,) = [s for s in c.staff_assessment if s.share == "additional"]
    assert sa.base == Range.of(28600)
    bad = tmp_path / "bad.yaml"
    bad.write_text(spec.read_text(encoding="utf-8").replace("object: consultants", "object: furniture"),
                   encoding="utf-8")
    assert main(["cost", str(bad)]) == 2


# -- the E/2011/30 drafts -------------------------------------------------------------------------

@pytest.mark.parametrize("name", [*COSTED, "draft-decision-c-i"])
def test_e_2011_30_statements_render_in_both_languages(name):
    path = E2011 / f"{name}.yaml"
    est = cost_file(path)
    assert est.spec.body == "ecosoc" and est.table.id == "un-standard-costs"
    assert est.spec.extra["assumptions"]
    zh, en = _text(path, "zh"), _text(path, "en")
    for text in (zh, en):
        assert "{{" not in text and "⟦" not in text and "None" not in text
    assert "经济及社会理事会议事规则第 31 条" in zh or "秘书处的说明" in zh
    assert "rule 31 of the rules of procedure of the Economic and Social Council" in en or \
           "Note by the Secretariat" in en
    for r in est.spec.requests:
        if r.text:
            assert r.text.en[1:] in en and r.text.zh.replace(" ", "") in zh.replace(" ", "")


@pytest.mark.parametrize("name", COSTED)
def test_e_2011_30_amounts_come_from_the_estimate(name):
    est = cost_file(E2011 / f"{name}.yaml")
    c = conclude(est)
    en, zh = _text(E2011 / f"{name}.yaml"), _text(E2011 / f"{name}.yaml", "zh")
    for r in (*c.budget_process, *c.extrabudgetary):
        assert money(r.amount, "en") in en and f"{grouped(r.amount.low)} 美元" in zh
    assert c.action == "none"          # July 2011: nothing more for 2010-2011


def test_e_2011_30_words_and_sub_items():
    en = _text(E2011 / "draft-resolution-a-iii.yaml")
    assert "A report of the Secretary-General (8,500 words, in the six official languages) for the Commission at " \
           "its twenty-second session, in 2013" in en
    assert "        (f) To consider addressing trafficking in cultural property" in en      # labelled as the draft does
    zh = _text(E2011 / "draft-resolution-a-iii.yaml", "zh")
    assert "秘书长的报告一份（8,500 字，六种正式语文）" in zh and "        (f) 酌情考虑" in zh
    est = cost_file(E2011 / "draft-resolution-a-i.yaml")
    (doc,) = [i for i in est.items if i.rate_key == "documentation.word"]
    assert doc.quantity is not None and doc.quantity.low == 8500 * 6                 # words × languages
    assert doc.rate is not None and doc.rate.duty_station == "Vienna" and doc.year == 2012
    ny = next(i for i in cost_file(E2011 / "draft-resolution-a-ii.yaml").items if i.rate_key == "documentation.word")
    assert ny.rate is not None and ny.rate.duty_station == "New York" and ny.rate.value != doc.rate.value


def test_e_2011_30_experts_travel_and_staff_assessment_from_the_standard_costs():
    est = cost_file(E2011 / "draft-resolution-a-iii.yaml")
    rule = est.table.staff_assessment
    assert rule is not None and rule.percent == Decimal("19.9") and "TR-0060 (A/C.3/57/L.26)" in rule.reference
    trips = [i for i in est.items if i.activity == "guidelines-egm" and i.rate_key == "travel.airfare"]
    dsa = [i for i in est.items if i.activity == "guidelines-egm" and i.rate_key == "travel.dsa"]
    assert trips[0].quantity == Range.of(20) and dsa[0].quantity == Range.of(20 * 4)
    c = conclude(est)
    assert {o.object for o in c.objects_of("extrabudgetary")} >= {"experts", "other_staff_costs"}
    en = _text(E2011 / "draft-resolution-a-iii.yaml")
    assert "A three-day expert group meeting to explore the development of specific guidelines in Vienna (travel " \
           "of 20 participants and four days of subsistence allowance each), in 2012;" in en


def test_e_2011_30_requests_without_costs_are_said_so():
    en = _text(E2011 / "draft-resolution-b-i.yaml")
    assert "4. The request contained in paragraph 16 would be implemented only if extrabudgetary resources were " \
           "made available" in en
    assert "Six work-months of a Crime Prevention and Criminal Justice Officer (P-3) to carry out the study, " \
           "in 2012;" in en
    assert "The requests contained in paragraphs 11 and 12 would not give rise to any requirements." not in en
    assert "The request contained in paragraph 11 would not give rise to any requirements." in \
        _text(E2011 / "draft-resolution-a-ii.yaml")


def test_a_conference_draft_made_by_the_assembly_reads_as_a_statement(tmp_path):
    """Annex V of CTOC/COP/2010/17 as if the General Assembly adopted it: labels that name the body
    meeting or served become sessions of it and documentation for it; nothing is said twice."""
    for spec in NOTES.glob("*.yaml"):
        (tmp_path / spec.name).write_text(spec.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "annex-05.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nbody: cop-untoc\n", "\nbody: general-assembly\n"),
                    encoding="utf-8")
    table = str(ROOT / "cost_tables" / "unodc-vienna-2010.yaml")
    en, zh = _text(path, table=table), _text(path, "zh", table=table)
    assert "(a) Two five-day sessions of the intergovernmental working group (ten meetings each, with " \
           "interpretation in the six official languages) in Vienna, in 2011;" in en
    assert "Two sets of documentation for the intergovernmental working group (45 pages each" in en
    assert "举行两次为期五天的政府间工作组会议" in zh and "供政府间工作组使用的文件两套（45 页/份" in zh
    assert en.count("for the sixth session of the Conference") == 1
    c = conclude(cost_file(path, table=table))
    assert f"additional requirements of {money(c.additional_total, 'en')} would arise under section 2" in en
    assert "Extrabudgetary resources of $960,040 to $1,360,040 would be required in 2011" in en


def test_an_unknown_body_is_named_at_its_line(tmp_path, capsys):
    spec = tmp_path / "unga.yaml"
    spec.write_text(GA.read_text(encoding="utf-8").replace("body: general-assembly", "body: unga"), encoding="utf-8")
    for extra in ([], ["--kind", "statement"]):
        assert main(["note", str(spec), *extra]) == 2
        err = capsys.readouterr().err.strip()
        assert err == f"{spec}:9: body: unknown body 'unga' (expected one of general-assembly, ga, ecosoc, ccpcj, " \
                      "cnd, csw, statistical-commission, commission-for-social-development, " \
                      "commission-on-population-and-development, cop-untoc, human-rights-council, cstd, unff, pfii, cosp-uncac)"


def test_the_assembly_takes_up_draft_resolution_a_i_under_rule_153():
    path = E2011 / "ga-66" / "draft-resolution-a-i.yaml"
    c = conclude(cost_file(path))
    assert c.action == "appropriate" and c.contingency_fund == c.additional_total and c.contingency_fund.low > 0
    en, zh = _text(path), _text(path, "zh")
    assert "Statement submitted by the Secretary-General in accordance with rule 153 of the rules of procedure " \
           "of the General Assembly" in en and "秘书长按照大会议事规则第 153 条提交的说明" in zh
    assert en.startswith("Sixty-sixth session\nAgenda item 103\nCrime prevention and criminal justice\n")
    amount = money(c.contingency_fund, "en")
    assert f"The additional requirements of {amount} under section 2 (" in en
    assert "That amount would represent a charge against the contingency fund." in en
    assert f"additional requirements of {amount} would arise under section 2 (General Assembly and Economic and " \
           "Social Council affairs and conference management) of the proposed programme budget for the biennium " \
           "2012–2013" in en
    assert "将需要在 2012-2013 两年期拟议方案预算第 2 款" in zh
    assert "这笔经费将构成应急基金的支出。" in zh and "将按照应急基金的使用和运作程序予以审议" in zh
    assert "One work-month of a Crime Prevention and Criminal Justice Officer (P-3) to compile" in en


@given(st.lists(st.decimals(min_value=0, max_value=10_000_000, places=2), min_size=1, max_size=6),
       st.sampled_from([Decimal(1), Decimal(10), Decimal(100)]))
def test_apportion_property(amounts, step):
    from pbi.model.money import Rounding

    parts = {f"o{i}": a for i, a in enumerate(amounts)}
    total = Rounding(step=step, mode="half_up").apply(sum(amounts, Decimal(0)))
    shares = apportion(total, parts, step)
    assert sum(shares.values()) == total
    assert all(v % step == 0 for v in shares.values())
    assert all(abs(shares[k] - parts[k]) <= step for k in parts)   # no share moves by more than a step


def test_cli_conclude_json_has_objects_and_staff_assessment(capsys):
    import json

    assert main(["conclude", str(GA), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    objects = {(o["share"], o["section"], o["object"], o["year"]) for o in data["objects"]}
    assert ("additional", "Section 16", "other_staff_costs", 2023) in objects
    assert ("extrabudgetary", None, "experts", 2023) in objects
    assert ("extrabudgetary", None, "programme_support_costs", 2023) in objects
    (sa,) = [s for s in data["staff_assessment"] if s["share"] == "additional"]
    assert sa["percent"] == "19.9" and sa["section"] == "Section 36" and sa["income_section"] == "Income section 1"


def test_a_council_draft_for_the_assembly_says_who_adopts_it(tmp_path):
    en = _text(E2011 / "draft-resolution-a-i.yaml")
    assert ", which the Economic and Social Council would recommend to the General Assembly for adoption, the " \
           "General Assembly would:" in en
    assert "经济及社会理事会将建议大会通过该草案，大会将：" in _text(E2011 / "draft-resolution-a-i.yaml", "zh")
    assert "would recommend" not in _text(E2011 / "draft-resolution-b-iii.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text((E2011 / "draft-resolution-a-i.yaml").read_text(encoding="utf-8").replace(
        "recommended_to: general-assembly", "recommended_to: assembly"), encoding="utf-8")
    assert main(["cost", str(bad)]) == 2


def test_phrases_and_vocabulary_agree():
    """The financial-note templates still read bodies from templates/phrases.yaml (sections: from
    model/vocabulary.yaml only, tests/test_sections.py); where both files name a body, they name it alike."""
    import yaml

    phrases = yaml.safe_load((ROOT / "pbi" / "render" / "templates" / "phrases.yaml").read_text(encoding="utf-8"))
    assert section("Section 16").numbered("zh") == "第16编" and section("Section 2").numbered("zh") == "第2款"
    for key, langs in phrases["bodies"].items():
        for lang, entry in langs.items():
            if lang not in ("en", "zh"):
                continue
            names = body(key).names_in(lang)
            assert entry["name"] == names["name"], (key, lang)
            if "rules" in entry:
                assert entry["rules"] == names["rules"], (key, lang)


def test_a_financial_note_for_the_council_is_a_one_line_error(capsys):
    spec = E2011 / "draft-resolution-b-iii.yaml"
    assert main(["note", str(spec), "--kind", "financial_note"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{spec}:") and ": body: no financial note for ecosoc: the Economic and Social Council " \
        "receives no such note; its notes are statements (rule 31)" in err
