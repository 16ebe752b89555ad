"""English statements of programme budget implications, ACABQ and Fifth Committee texts.

The samples in tests/check/data/en/ are written in the statements' own style; each exercises
one form the reader must understand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pbi.check import check_notes, read_notes, read_path
from pbi.check.report import check_files
from pbi.check.text import find_money, normalize

DATA = Path(__file__).parent / "data" / "en"


def _claims(name: str) -> list:
    (note,) = read_path(DATA / name)
    return note.claims


@pytest.mark.parametrize("text, expected", [
    ("$156 600", [("156600", "156600")]),
    ("$156\u00a0600 and $12\u202f300", [("156600", "156600"), ("12300", "12300")]),
    ("US$ 1.2 million", [("1200000", "1200000")]),
    ("23 000 United States dollars", [("23000", "23000")]),
    ("between $80 000 and $120 000", [("80000", "120000")]),
    ("from US$ 600,000 to 900,000", [("600000", "900000")]),
    ("118,600 dollars under section 2", [("118600", "118600")]),
])
def test_un_number_formats(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.low, m.high) for m in find_money(normalize(text))]
    assert found == [(Decimal(a), Decimal(b)) for a, b in expected]


def test_a_spaced_amount_is_one_claim_not_two() -> None:
    amounts = [c.amount for c in _claims("ga-statement.txt")]
    assert Decimal(156600) in amounts and Decimal(156) not in amounts and Decimal(600) not in amounts


def test_comprising_makes_a_total_whose_parts_follow() -> None:
    (total,) = [c for c in _claims("ga-statement.txt") if c.is_total]
    assert total.amount == 156600 and total.quantities["total_kind"] == "comprising"
    assert total.quantities["parts"] == [118600, 26700, 11300]


def test_sections_and_staff_assessment_are_read() -> None:
    claims = _claims("ga-statement.txt")
    sections = {(c.paragraph, c.amount): c.section for c in claims}
    assert sections[("4", Decimal(118600))] == "2"
    assert sections[("4", Decimal(26700))] == "24"
    assert sections[("4", Decimal(11300))] == "36"
    assert sections[("5", Decimal(118600))] == "2"  # "under section 2 ($118 600)"
    staff = [c for c in claims if c.quantities.get("staff_assessment")]
    assert [c.amount for c in staff] == [11300]


def test_the_contingency_fund_is_a_funding_source() -> None:
    claims = _claims("ga-statement.txt")
    charged = [c for c in claims if c.funding == "contingency_fund"]
    assert [c.amount for c in charged] == [145300]
    assert not charged[0].quantities.get("optional")  # "Should the General Assembly adopt" is not a condition


def test_staff_assessment_is_not_part_of_a_net_total() -> None:
    claims = _claims("ecosoc-staff-assessment.txt")
    net = [c for c in claims if c.is_total and c.paragraph == "4"][0]
    assert net.quantities["parts"] == [43100, 9700]  # not the 6,200 of staff assessment
    errors = [f for f in check_notes(read_path(DATA / "ecosoc-staff-assessment.txt")) if f.severity == "error"]
    assert errors == []


def test_a_net_total_would_fail_if_staff_assessment_were_counted() -> None:
    text = (DATA / "ecosoc-staff-assessment.txt").read_text(encoding="utf-8")
    wrong = text.replace("net of staff assessment", "including staff assessment")
    (note,) = read_notes(wrong)
    (gross,) = [c for c in note.claims if c.is_total and c.paragraph == "4"]
    assert sum(gross.quantities["parts"]) == 59000
    assert any(f.severity == "error" for f in check_notes([note]))


def test_of_which_parts_may_cover_part_of_the_amount() -> None:
    claims = _claims("acabq-report.txt")
    (of_which,) = [c for c in claims if c.quantities.get("total_kind") == "of_which"]
    assert of_which.amount == Decimal("1200000") and of_which.quantities["parts"] == [845300, 212400]
    findings = check_notes(read_path(DATA / "acabq-report.txt"))
    assert [f.severity for f in findings if f.paragraph == "2"] == ["info"]


def test_totalling_and_ranges_in_an_acabq_report() -> None:
    claims = _claims("acabq-report.txt")
    (rng,) = [c for c in claims if c.is_range]
    assert (rng.low, rng.high) == (80000, 120000)
    (total,) = [c for c in claims if c.is_total and c.paragraph == "4"]
    assert total.amount == 1057700 and total.quantities["total_kind"] == "comprising"
    assert total.quantities["parts"] == [845300, 212400]
    assert [c.section for c in claims if c.paragraph == "4" and not c.is_total] == ["2", "9"]


def test_fifth_committee_dollars_and_later_budget() -> None:
    claims = _claims("fifth-committee.txt")
    (total,) = [c for c in claims if c.is_total]
    assert total.amount == 145300 and total.quantities["parts"] == [118600, 26700]
    later = [c for c in claims if c.amount == Decimal("2500000")]
    assert later and later[0].funding == "budget_process" and later[0].year == 2025


def test_paragraphs_numbered_from_anywhere() -> None:
    (note,) = read_path(DATA / "excerpt.txt")
    assert [p.number for p in note.paragraphs] == ["12", "13", "14", "15"]
    (total,) = [c for c in note.claims if c.is_total]
    assert total.quantities["parts"] == [104700, 159900]


def test_notes_are_named_by_symbol_or_heading() -> None:
    report = check_files(sorted(DATA.glob("*.txt")), table=None)
    names = {Path(n.source).name: n.name for n in report.notes}
    assert names == {"acabq-report.txt": "A/C.2/78/L.33", "ecosoc-staff-assessment.txt": "E/2002/L.18",
                     "broken-down.txt": "E/2003/L.44", "excerpt-with-header.txt": "E/2003/90/Rev.1",
                     "excerpt.txt": "excerpt.txt", "fifth-committee.txt": "A/C.3/78/L.41",
                     "fifth-committee-decision.txt": "A/C.1/80/L.31", "fifth-committee-report.txt": "A/C.3/80/L.27",
                     "ga-statement.txt": "A/C.3/78/L.41"}
    assert all(not f.message.startswith("note 1") for _, f in report.findings)
    assert report.errors == 0


def test_a_heading_without_symbol_names_the_note() -> None:
    text = ("Statement of programme budget implications: strengthening of the coordination of "
            "emergency humanitarian assistance\n\n 1. Additional requirements of $50,000 would be "
            "charged against the contingency fund.\n")
    (note,) = read_notes(text)
    assert note.name.startswith("Statement of programme budget implications")


def test_samples_check_clean_with_the_rates() -> None:
    report = check_files(sorted(DATA.glob("*.txt")))
    assert report.errors == 0 and report.counts()["warning"] == 0
    assert report.rates is not None and len(report.rates.priced) == 2


def test_own_english_notes_per_year_and_further_sum() -> None:
    """'two meetings in 2011 and two meetings in 2012' is two a year; 'a further $191,000' is
    apart from the stated total."""
    from pbi.costing.api import cost_file
    from pbi.render import render_note

    notes_dir = Path(__file__).resolve().parents[2] / "notes" / "ctoc-cop-2010-17"
    text5 = render_note(cost_file(notes_dir / "annex-05.yaml"), "en", "text")
    (note5,) = read_notes(text5)
    by_para = {c.paragraph: c for c in note5.claims}
    assert by_para["3(a)"].quantities["meetings"] == 2
    text8 = render_note(cost_file(notes_dir / "annex-08.yaml"), "en", "text")
    (note8,) = read_notes(text8)
    (total,) = [c for c in note8.claims if c.is_total]
    assert Decimal(191000) not in total.quantities["parts"] and sum(total.quantities["parts"]) == total.amount


def test_of_which_after_a_comprising_list_is_not_one_more_part() -> None:
    text = ("Statement of programme budget implications of draft resolution A/C.3/78/L.99\n\n"
            " 9. The General Assembly would be requested to appropriate an additional amount of $79,200 "
            "under the programme budget for 2023, comprising $50,600 under section 16 and $28,600 under "
            "section 2, of which $50,600 would represent a charge against the contingency fund.\n")
    (note,) = read_notes(text)
    (total,) = [c for c in note.claims if c.is_total]
    assert total.quantities["parts"] == [50600, 28600]
    assert [f.severity for f in check_notes([note])] == ["info"]


@pytest.mark.parametrize("name, total, parts, sections", [
    ("fifth-committee-decision.txt", 248700, [221900, 26800], ["4", "36"]),
    ("fifth-committee-report.txt", 1372450, [415450, 957000], ["24", "2"]),
])
def test_parts_named_by_section_in_parentheses_make_a_total(name: str, total: int, parts: list[int],
                                                             sections: list[str]) -> None:
    """"$248,700 would arise under section 4, Disarmament ($221,900), and section 36, Staff
    assessment ($26,800)": the amounts in parentheses are the parts of the amount before them."""
    claims = _claims(name)
    (whole,) = [c for c in claims if c.is_total]
    assert whole.amount == total and whole.quantities["parts"] == parts
    assert [c.section for c in claims if not c.is_total] == sections
    assert [f.severity for f in check_notes(read_path(DATA / name))] == ["info"]


def test_a_wrong_part_in_parentheses_is_an_error() -> None:
    text = (DATA / "fifth-committee-report.txt").read_text(encoding="utf-8").replace("($415,450)", "($451,450)")
    assert [f.severity for f in check_notes(read_notes(text))] == ["error"]


def test_a_part_in_parentheses_is_not_a_total_of_the_next() -> None:
    claims = _claims("fifth-committee-report.txt")
    assert [c.amount for c in claims if c.is_total] == [1372450]


def test_a_list_broken_down_by_section_before_a_colon() -> None:
    """"(b) … to be shown under section 27.D, Office of Central Support Services: $96,500": the
    section before the colon is the amount's, and staff assessment is apart from the total."""
    claims = _claims("broken-down.txt")
    (total,) = [c for c in claims if c.is_total]
    assert total.quantities["parts"] == [241200, 96500, 574900]
    assert [c.section for c in claims if not c.is_total] == ["9", "27D", "2", "32"]
    assert [c.amount for c in claims if c.quantities.get("staff_assessment")] == [38100]
    assert [f.severity for f in check_notes(read_path(DATA / "broken-down.txt"))] == ["info"]


@pytest.mark.parametrize("words", ["which breaks down to", "broken down into", "which breaks down as follows:"])
def test_a_total_that_breaks_down_to_its_parts(words: str) -> None:
    """"a cost totalling $118,200, which breaks down to $56,200 for interpretation and $62,000 for
    pre-session documentation" (a Fifth Committee press release): the parts make up the total."""
    text = ("Programme budget implications of draft resolution A/C.5/70/L.99\n\n"
            f"1. The Secretariat proposed an additional conference servicing cost totalling $118,200, {words} "
            "$56,200 for interpretation and $62,000 for pre-session documentation.\n")
    (note,) = read_notes(text)
    (total,) = [c for c in note.claims if c.is_total]
    assert total.quantities["parts"] == [56200, 62000]
    assert [f.severity for f in check_notes([note])] == ["info"]
