"""Round 12: a mandate renewed or established for several years is priced for each year it covers; work held
in each of the years a paragraph lists is one activity a year; the expert group meeting of a General Assembly
draft takes the section of the office its subject is alone (else none); a mandate holder's report to a body
meeting elsewhere is priced where that body meets."""

from __future__ import annotations

from pbi.draft import parse_drafts, propose_spec

HRC = """Human Rights Council
Sixty-seventh session

          Draft resolution

          Test mandate

     The Human Rights Council,

     1.   Decides to extend the mandate of the Independent Expert on the right to water for a period of
two years;

     2.   Requests the Independent Expert to report annually to the Human Rights Council and to the General
Assembly;
"""

GA = """United Nations                                                   A/C.3/81/L.90
General Assembly                                                 Distr.: Limited
                                                                 9 October 2026

Eighty-first session
Third Committee
Agenda item 27

          Draft resolution

          Test

     The General Assembly,

     1.   Takes note of the report;

     2.   {}
"""


def _acts(text: str, year: int) -> list[tuple[str, str, int, str | None, str | None]]:
    (draft,) = parse_drafts(text)
    spec = propose_spec(draft, context_year=year).spec
    out = [(q.operative_paragraphs[0], a.kind, a.year, a.section, a.location) for q in spec.requests
           for a in q.activities]
    out += [(n["paragraphs"][0], n["activity"]["kind"], n["year"], n["activity"].get("section"),
             n["activity"].get("location")) for n in spec.extra.get("not_costed", [])]
    return out


def test_a_mandate_extended_for_two_years_is_priced_in_each() -> None:
    acts = _acts(HRC, 2028)
    staff = sorted(y for ref, kind, y, section, _ in acts if ref == "1" and kind == "staff" and section == "Section 24")
    assert len(staff) == 2 and staff[1] == staff[0] + 1


def test_the_mandate_holders_report_to_the_general_assembly_is_processed_in_new_york() -> None:
    acts = _acts(HRC, 2028)
    assert {loc for ref, kind, *_, loc in acts if ref == "2" and kind == "documentation"} == {"New York"}


def test_an_intergovernmental_expert_group_renewed_is_no_special_procedure() -> None:
    text = HRC.replace("Independent Expert on the right to water", "open-ended intergovernmental expert group")
    assert not any(kind == "staff" for ref, kind, *_ in _acts(text, 2028) if ref == "1")


def test_a_meeting_in_each_of_the_years_listed() -> None:
    acts = _acts(GA.format("Decides to convene in New York an intergovernmental meeting of three days in 2027 "
                           "and a further meeting of three days in 2028;"), 2026)
    assert sorted(y for _, kind, y, *_ in acts if kind == "meeting") == [2027, 2028]


def test_an_expert_group_meeting_takes_the_section_of_its_subject_or_none() -> None:
    older = _acts(GA.format("Requests the Secretary-General to convene an expert group meeting on the rights of "
                            "older persons in 2027;"), 2026)
    assert {s for _, kind, _, s, _ in older if kind != "documentation"} == {"Section 9"}
    debt = _acts(GA.format("Requests the Secretary-General to convene an expert group meeting on sovereign debt "
                           "in 2027;"), 2026)
    assert {s for _, kind, _, s, _ in debt if kind != "documentation"} == {None}
    both = _acts(GA.format("Requests the Secretary-General to convene an expert group meeting on the human rights "
                           "of older persons in 2027;"), 2026)
    assert {s for _, kind, _, s, _ in both if kind != "documentation"} == {None}
