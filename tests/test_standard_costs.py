"""un-standard-costs: today's statements priced through the contract other tools rely on, the
corpus as specs, and the model for today's statements (words, weeks, records, travel, new posts,
absorbed costs)."""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from pbi.cli import main
from pbi.costing.engine import cost
from pbi.costing.explain import explain
from pbi.model.errors import SpecError, TableError
from pbi.model.specs import load_spec
from pbi.model.tables import load_table

from _paths import ROOT, TABLES

GA_SPECS = ROOT / "notes" / "ga-statements"
CORPUS = ROOT.parent / "shared" / "corpus" / "statements.yaml"

#: the issue's "Done when" draft: a report, a week of meetings with interpretation and six months of
#: P-3 general temporary assistance, New York, 2025
DRAFT = """\
symbol: A/C.3/80/L.99
title: {en: A draft resolution}
body: general-assembly
rule: "153"
budget_period: "2025"
table: un-standard-costs
requests:
  - id: a
    activities:
      - {id: report, kind: documentation, words: 8500, documents: 1, languages: 6, location: New York, year: 2025, funding: regular_budget}
      - {id: sessions, kind: meeting, weeks: 1, interpretation: true, languages: 6, location: New York, year: 2025, funding: regular_budget}
      - {id: gta, kind: staff, grade: P-3, work_months: 6, location: New York, year: 2025, funding: regular_budget}
published:
  - {id: F01, paragraph: "1", amount: 24500, activities: [report]}
  - {id: F02, paragraph: "2", amount: 79500, activities: [sessions]}
  - {id: F03, paragraph: "3", amount: 97200, activities: [gta]}
"""


@pytest.fixture(scope="module")
def std():
    return load_table(TABLES / "un-standard-costs.yaml")


def _draft(write, text: str = DRAFT, **changes: str) -> Path:
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    return write("notes/draft.yaml", text)


def _expected(std, key: str, year: int, quantity: Decimal, station: str = "New York",
              *more: tuple[str, Decimal]) -> Decimal:
    """Σ quantity × the table's rate, rounded once to the table's step: what the figure must be."""
    import datetime as dt

    total = sum((std.rate(k, dt.date(year, 1, 1), station=station).value * q for k, q in ((key, quantity), *more)),
                Decimal(0))
    return std.rounding.apply(total)


def _gta(std, grade: str, months: int, year: int = 2025) -> Decimal:
    """Temporary assistance: months × the grade's rate plus the fixed part of one position."""
    return _expected(std, f"staff.{grade}", year, Decimal(months), "New York", ("gta.position", Decimal(1)))


def test_done_when_draft_costs_through_the_standard_costs(write, std):
    estimate = cost(load_spec(_draft(write)), std)
    computed = {f.id: f.computed.low for f in estimate.figures}
    assert computed["F01"] == _expected(std, "documentation.word", 2025, Decimal(8500 * 6))
    assert computed["F02"] == _expected(std, "interpretation.meeting", 2025, Decimal(10 * 6))  # a week: 10 meetings
    assert computed["F03"] == _gta(std, "P-3", 6)
    # the rates come from the corpus: 2.88 USD a word in 2024-2026 New York, as the statements print
    assert Decimal("2.85") < std.rate("documentation.word", __import__("datetime").date(2025, 1, 1)).value * 6 < Decimal("2.90")


def test_explain_shows_every_rates_provenance(write, std):
    estimate = cost(load_spec(_draft(write)), std)
    for figure, key in (("F01", "documentation.word"), ("F02", "interpretation.meeting"), ("F03", "staff.P-3")):
        text = explain(estimate, figure)
        assert f"rate {key}, table un-standard-costs, effective from 2025-01-01, New York" in text
        reference = next(line for line in text.splitlines() if line.strip().startswith("reference:"))
        # names corpus figures (case id.item), or says how a value without figures of its own was made
        assert re.search(r"(TR|ST)-[A-Z0-9]+\.\d+", reference), reference
        assert re.search(r"2025: (derived from|carried forward|interpolated|.* × )", reference), reference


def test_contract_reproduce_json_gives_computed_per_figure(write, capsys, monkeypatch):
    spec = _draft(write, DRAFT.replace("weeks: 1", "meetings: 10").replace("location: New York, year: 2025, funding: regular_budget}\n      - {id: gta",
                                                                       "location: Geneva, year: 2025, funding: regular_budget}\n      - {id: gta"))
    monkeypatch.chdir(ROOT)
    code = main(["reproduce", str(spec), "--json"])
    out = json.loads(capsys.readouterr().out)
    rows = out["figures"] if isinstance(out, dict) else out
    figures = {f["id"]: f for f in rows}
    assert set(figures) == {"F01", "F02", "F03"}
    assert all("computed" in f for f in figures.values())
    assert code in (0, 1)


def test_tables_found_through_pbi_tables(write, tmp_path, monkeypatch, capsys):
    spec = _draft(write)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    monkeypatch.setenv("PBI_TABLES", str(TABLES))
    assert main(["reproduce", str(spec)]) in (0, 1)
    assert "published figures" in capsys.readouterr().out


def test_every_value_says_where_it_comes_from(std):
    import datetime as dt

    stations = ("New York", "Geneva", "Vienna", "Nairobi")
    for key, rate in std.rates.items():
        assert set(rate.sources) == {"default", *rate.stations}, key
        for year in range(2010, 2028):
            for station in stations:
                value = std.rate(key, dt.date(year, 1, 1), station=station)
                assert re.search(r"\d{4}: (derived from (TR|ST)-|carried (forward|back)|interpolated|assumed equal|the New York value|"
                                 r".* × )", value.reference), (key, year, station, value.reference)
                if "single-use" in value.reference:
                    assert len(re.findall(r"(?:TR|ST)-[A-Z0-9]+\.\d+", value.reference.split("single-use")[0])) >= 1


def test_vacancy_factors_are_declared(std):
    assert std.vacancy_factors["professional"].percent == 50
    assert std.vacancy_factors["general_service"].percent == 35  # costed at 65 per cent


def test_table_cites_only_figures_of_the_corpus_specs(std):
    figures = set()
    for path in GA_SPECS.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        figures |= {f["id"] for f in data.get("published", [])}
    for key, rate in std.rates.items():
        assert set(rate.fitted_to) <= figures, (key, set(rate.fitted_to) - figures)


@pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is beside the repository only")
def test_table_and_specs_are_what_the_derivation_writes(tmp_path):
    sys.path.insert(0, str(ROOT / "cost_tables" / "derive"))
    from corpus import load_corpus
    from ga_statements import write_specs
    from un_standard_costs import derive, table_yaml

    cases = load_corpus(CORPUS)
    assert (TABLES / "un-standard-costs.yaml").read_text(encoding="utf-8") == table_yaml(*derive(cases))
    write_specs(cases, tmp_path / "specs")
    written = sorted(p.name for p in (tmp_path / "specs").glob("*.yaml"))
    assert written == sorted(p.name for p in GA_SPECS.glob("*.yaml"))
    for name in written:
        assert (tmp_path / "specs" / name).read_text(encoding="utf-8") == (GA_SPECS / name).read_text(encoding="utf-8")


def test_corpus_specs_reproduce(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    main(["reproduce", str(GA_SPECS)])
    out = capsys.readouterr().out
    match = re.search(r"reproduced (\d+) of (\d+) published figures \((\d+) derived", out)
    assert match, out[-500:]
    reproduced, total, derived = map(int, match.groups())
    assert total > 700 and derived >= 40
    # temporary assistance at several grades in one figure checks the table and is never fitted
    checks_only = sum(1 for path in GA_SPECS.glob("*.yaml")
                      for data in [yaml.safe_load(path.read_text(encoding="utf-8"))]
                      for fig in data.get("published", [])
                      if sum(1 for r in data.get("requests", []) for a in r["activities"]
                             if a["id"] in fig["activities"] and a["kind"] == "staff") > 1)
    assert checks_only >= 1
    # in sample: documentation (a dense series, each year its own figures) is reproduced within 1 per cent
    # but for the 2018 figures that disagree with each other; rates with few figures are smoothed across
    # years (one rule, not one rate per figure), so their figures are only close
    main(["reproduce", str(GA_SPECS), "--json"])
    rows = [r for r in json.loads(capsys.readouterr().out) if r["kind"] != "quoted"]
    assert len(rows) == derived
    error = {r["id"]: abs(Decimal(r["computed"]) / Decimal(r["published"]) - 1) for r in rows}
    # (a figure screened out of the rates stays priced, its remark says so: it is not expected to match)
    documentation = [r["id"] for r in rows if r["activity_kind"] == "documentation"
                     and "not used for the rates" not in (r["remark"] or "")]
    assert len(documentation) >= 20
    assert sum(error[f] <= Decimal("0.01") for f in documentation) >= len(documentation) - 4
    assert sorted(error.values())[len(error) // 2] < Decimal("0.01")  # the median figure within 1 per cent


def test_left_out_figures_say_why():
    reasons = []
    for path in GA_SPECS.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        reasons += [x["reason"] for x in data.get("extra", {}).get("left_out", [])]
    assert reasons and all(len(r) > 20 for r in reasons)


# -- the model for today's statements -------------------------------------------------------------

def test_absorbed_costs_are_priced_at_full_cost_for_information(write, std):
    spec = load_spec(_draft(write, **{"work_months: 6, location: New York, year: 2025, funding: regular_budget":
                                      "work_months: 6, location: New York, year: 2025, funding: existing_resources"}))
    estimate = cost(spec, std)
    f03 = estimate.figure("F03")
    assert f03.computed.low == _gta(std, "P-3", 6) and f03.kind == "derived"
    # and it is no additional requirement: the note concludes on the other two figures only
    from pbi.costing.conclusions import conclude

    conclusion = conclude(estimate)
    others = estimate.figure("F01").computed.low + estimate.figure("F02").computed.low
    assert conclusion.additional_total.low == others
    assert sum(r.amount.low for r in conclusion.covered) == f03.computed.low
    assert all(i.covered for i in estimate.items if i.activity == "gta")
    text = explain(estimate, "F03")
    assert "priced at full cost for information" in text
    assert text.splitlines()[-1].startswith(f"= {f03.computed.low:,} USD")


def test_new_posts_at_first_year_cost(write, std):
    spec = load_spec(_draft(write, **{"{id: gta, kind: staff, grade: P-3, work_months: 6":
                                      "{id: gta, kind: new_post, grade: P-3, posts: 2"}))
    f03 = cost(spec, std).figure("F03")
    assert f03.computed.low == _expected(std, "staff.P-3", 2025, Decimal(2 * 12) * Decimal("0.5"))
    spec = load_spec(_draft(write, **{"{id: gta, kind: staff, grade: P-3, work_months: 6":
                                      "{id: gta, kind: new_post, grade: GS (Other level), posts: 1"}))
    f03 = cost(spec, std).figure("F03")
    assert f03.computed.low == _expected(std, "staff.GS (Other level)", 2025, Decimal(12) * Decimal("0.65"))


def test_a_continuing_post_is_at_full_cost(write, std):
    spec = load_spec(_draft(write, **{"{id: gta, kind: staff, grade: P-3, work_months: 6":
                                      "{id: gta, kind: new_post, continuing: true, grade: P-3, posts: 2"}))
    estimate = cost(spec, std)
    assert estimate.figure("F03").computed.low == _expected(std, "staff.P-3", 2025, Decimal(2 * 12))
    assert not any("vacancy" in name for i in estimate.items if i.activity == "gta" for name, _ in i.factors)
    assert "continuing: a year after the post's first, at full cost" in explain(estimate, "F03")


def test_only_a_new_post_is_continuing(write):
    with pytest.raises(SpecError, match=r"requests\[0\]\.activities\[2\]: only a new_post is continuing"):
        load_spec(_draft(write, **{"grade: P-3, work_months: 6": "grade: P-3, work_months: 6, continuing: true"}))


def test_meeting_services_and_travel(write, std):
    spec = load_spec(_draft(write, **{
        "weeks: 1, interpretation: true": "days: 3, interpretation: true, summary_records: true, webcasting: true, "
                                          "it_support: true, sound: true",
        "{id: gta, kind: staff, grade: P-3, work_months: 6": "{id: gta, kind: travel, trips: 25, dsa_days: 6"}))
    estimate = cost(spec, std)
    keys = {i.rate_key for i in estimate.items if i.activity == "sessions"}
    assert keys == {"interpretation.meeting", "records.summary", "webcasting.meeting", "it_support.meeting",
                    "sound.meeting"}
    meetings = {i.rate_key: i.quantity.low for i in estimate.items if i.activity == "sessions"}
    assert meetings["records.summary"] == 6 and meetings["interpretation.meeting"] == 36
    travel = {i.rate_key: i.quantity.low for i in estimate.items if i.activity == "gta"}
    assert travel == {"travel.airfare": 25, "travel.dsa": 150}


def test_biennium_and_old_years_and_corpus_figure_ids(write):
    spec = load_spec(_draft(write, **{'budget_period: "2025"': 'budget_period: "1986-1987"', "year: 2025": "year: 1986",
                                      "id: F01,": "id: TR-0001.0,"}))
    assert spec.period.label == "1986-1987" and spec.published[0].id == "TR-0001.0"
    with pytest.raises(SpecError, match="greater than or equal to 1985"):
        load_spec(_draft(write, **{'budget_period: "2025"': 'budget_period: "1984-1985"', "year: 2025": "year: 1984"}))


def test_grades_of_general_service(write, std):
    for grade in ("GS", "GS (Other level)"):
        spec = load_spec(_draft(write, **{"grade: P-3": f"grade: {grade}"}))
        assert cost(spec, std).figure("F03").computed.low > 0


LUMP = """\
symbol: A/C.5/79/25
title: {en: A statement}
body: general-assembly
rule: "153"
budget_period: "2025"
table: un-standard-costs
requests:
  - id: a
    activities:
      - {id: total, kind: lump_sum, of: OF, amount: AMOUNT, year: 2025, funding: contingency_fund}
published:
  - {id: TR-0158.0, paragraph: "-", amount: AMOUNT, activities: [total]}
"""


def test_large_amounts_are_checked_against_their_kind(write):
    spec = load_spec(write("big.yaml", LUMP.replace("OF", "total").replace("AMOUNT", "595110000")))
    assert spec.published[0].amount.low == 595110000
    with pytest.raises(SpecError, match=r"big.yaml:10: .*implausibly large for a documentation figure"):
        load_spec(write("big.yaml", LUMP.replace("OF", "documentation").replace("AMOUNT", "59511000")))


def test_rate_unit_typo_fails_when_the_table_loads(write, capsys):
    text = (TABLES / "un-standard-costs.yaml").read_text(encoding="utf-8")
    bad = text.replace("unit: USD/(trip*day)", "unit: USD/trip*day", 1)
    assert bad != text
    path = write("cost_tables/bad.yaml", bad)
    line = bad[:bad.index("unit: USD/trip*day")].count("\n") + 1
    with pytest.raises(TableError) as info:
        load_table(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: rates.travel.dsa.unit: ") and "\n" not in message
    spec = _draft(write)
    assert main(["cost", str(spec), "--table", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{path}:{line}:") and "Traceback" not in err and err.count("\n") == 0


def test_missing_location_is_named(write):
    table = write("cost_tables/by-place.yaml", """\
id: by-place
title: rates by place
rounding: {step: 100, mode: half_up}
activities:
  meeting:
    label: meeting
    defaults: {languages: 6}
    components:
      - {rate: "interpretation.{location}", per: [meetings, languages], when: {interpretation: true}}
rates:
  interpretation.Geneva: {label: Geneva, unit: USD/(meeting*language), values: {2020-01-01: 1000}, reference: test}
""")
    text = "\n".join(line for line in DRAFT.splitlines() if "id: report" not in line and "id: gta" not in line
                     and "F01" not in line and "F03" not in line)
    spec = load_spec(_draft(write, text + "\n", **{"table: un-standard-costs": "table: by-place",
                                                   "weeks: 1, interpretation: true, languages: 6, location: New York,":
                                                   "weeks: 1, interpretation: true, languages: 6,"}))
    with pytest.raises(SpecError, match=r"draft.yaml:\d+: requests\[0\]\.activities\[0\]\.location: a meeting "
                                        r"activity needs a location"):
        cost(spec, load_table(table))


def test_notes_render_documentation_counted_in_words(write, capsys, monkeypatch):
    spec = _draft(write)
    monkeypatch.chdir(ROOT)
    assert main(["note", str(spec), "--lang", "en", "--kind", "financial_note"]) == 0
    assert "of 8,500 words" in capsys.readouterr().out
    assert main(["note", str(spec), "--lang", "en"]) == 0          # the General Assembly's default: a statement
    assert "(8,500 words, in the six official languages)" in capsys.readouterr().out


def test_explain_a_new_drafts_request(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["explain", "examples/ga-2025-draft.yaml", "a"]) == 0
    out = capsys.readouterr().out
    references = [line for line in out.splitlines() if line.strip().startswith("reference:")]
    assert len(references) == 4  # words, interpretation, the P-3 month, the position's fixed part
    assert all(re.search(r"(TR|ST)-[A-Z0-9]+\.\d+", r) for r in references)
    assert "10 meetings (1 week of meetings) × 6 languages" in out
    assert re.search(r"regular_budget, 2025, Section 2: [\d,.]+ → [\d,]+ USD", out)


@pytest.mark.parametrize(("spec", "other", "published"), [
    ("st-d19-a-c-6-79-l-21.yaml", "TR-0139", 16200),   # A/C.6/79/L.21: "Total incl. staff assessment 151,400"
    ("tr-0139-a-c-5-76-9.yaml", "ST-D19", 17600),       # A/C.5/76/9: "staff assessment $17,600 to be offset"
])
def test_staff_assessment_on_conference_services_out_of_sample(std, spec: str, other: str, published: int) -> None:
    """Two statements print staff assessment on conference services alone; a table derived from either one
    gives the other's printed amount (12 per cent of section 2; the table's 19.9 per cent of staff costs
    would give 26,900 and 29,200)."""
    from pbi.model.tables import StaffAssessment
    from pbi.render.statement import note_conclusion as conclude  # the statement shows them under section 2

    sys.path.insert(0, str(ROOT / "cost_tables" / "derive"))
    from corpus import load_corpus
    from un_standard_costs import derive_staff_assessment

    own = spec.split("-a-")[0].upper()
    derived = derive_staff_assessment([c for c in load_corpus(CORPUS) if c.id != own])
    assert derived is not None and other in derived["sections"]["Section 2"]["reference"]
    assert own not in derived["sections"]["Section 2"]["reference"]
    table = std.model_copy(update={"staff_assessment": StaffAssessment.model_validate(derived)})
    (line,) = conclude(cost(load_spec(GA_SPECS / spec), table)).staff_assessment
    assert line.amount.low == published and line.percent == Decimal(12)
    (shipped,) = conclude(cost(load_spec(GA_SPECS / spec), std)).staff_assessment
    assert shipped.amount.low == published


def test_staff_assessment_takes_each_sections_percentage_and_rounds_once(write, std):
    from pbi.render.statement import note_conclusion as conclude

    est = cost(load_spec(_draft(write)), std)
    (line,) = conclude(est).staff_assessment
    assert line.percent is None and {(p.section, p.percent) for p in line.parts} == {
        ("Section 2", Decimal(12)), (None, Decimal("19.9"))}
    exact = sum((p.base.low * p.percent / 100 for p in line.parts), Decimal(0))
    assert line.amount.low == std.rounding.apply(exact) and line.base.low == sum(p.base.low for p in line.parts)
    from pbi.render import render_note

    text = render_note(est, "en", "text", kind="statement")  # no single percentage for parts that differ
    assert f"staff assessment of ${line.amount.low:,} under section 36" in text and "per cent of the staff" not in text


def test_the_api_assesses_unsectioned_conference_services_as_the_statement_does(std) -> None:
    """``pbi.conclude`` (a financial note's conclusion: no section is assumed) rates conference services
    whose spec names no section at the percentage of the section their kind is shown under, as the
    statement of the same spec does; the requirement itself stays 'section not stated'."""
    from pbi.costing.conclusions import conclude
    from pbi.render.statement import note_conclusion

    raw = load_spec(GA_SPECS / "st-d19-a-c-6-79-l-21.yaml")  # documentation under section 2
    unsectioned = raw.model_copy(update={"requests": tuple(r.model_copy(update={"activities": tuple(
        a.model_copy(update={"section": None}) for a in r.activities)}) for r in raw.requests)})
    est = cost(unsectioned, std)
    (api,) = conclude(est).staff_assessment
    (statement,) = note_conclusion(est, "statement").staff_assessment
    assert api.amount == statement.amount and api.percent == Decimal(12)
    assert all(r.section is None for r in conclude(est).additional_regular_budget)
