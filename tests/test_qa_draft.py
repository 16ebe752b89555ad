"""Drafts as the United Nations prints them, found by trying pbi as a new user: the masthead above
"Draft resolution" (and the sponsors' line), a paragraph referring back to a meeting another
paragraph convenes, an expert group meeting priced as travel, and the session a paragraph only
takes note of."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pbi.draft.propose import propose_spec
from pbi.draft.reader import parse_drafts
from pbi.model.specs import Spec

ROOT = Path(__file__).resolve().parents[1]

GA = """United Nations                                                    A/C.2/81/L.27

General Assembly
Eighty-first session
Second Committee
Agenda item 19 (c)
Sustainable development: disaster risk reduction

Draft resolution

Strengthening early warning systems for all in small island developing States

The General Assembly,

Recalling its resolution 79/201 of 19 December 2024 on disaster risk reduction,

"""

HRC = """United Nations                                                    A/HRC/61/L.14

General Assembly
Distr.: Limited
2 April 2026

Original: English

Human Rights Council
Sixty-first session
23 February-2 April 2026
Agenda item 3
Promotion and protection of all human rights

Albania, Chile and Costa Rica: draft resolution

61/... The right to a healthy environment and older persons

The Human Rights Council,

"""

ECOSOC = """United Nations                                                    E/2026/L.12

Economic and Social Council
2026 session
Agenda item 18 (b)
Economic and environmental questions: statistics

Draft resolution

Strengthening national statistical capacities

The Economic and Social Council,

"""


def _spec(head: str, paragraphs: list[str]) -> Spec:
    text = head + "\n\n".join(f"{i}. {p}" for i, p in enumerate(paragraphs, start=1)) + "\n"
    (draft,) = parse_drafts(text, file="draft.txt")
    return propose_spec(draft, near=ROOT / "cost_tables", today=dt.date(2026, 11, 30)).spec


def test_a_masthead_printed_above_draft_resolution_is_read() -> None:
    spec = _spec(GA, ["Requests the Secretary-General to submit to the General Assembly at its eighty-second "
                      "session a report on the implementation of the present resolution."])
    assert spec.symbol == "A/C.2/81/L.27"
    assert spec.title.en == "Strengthening early warning systems for all in small island developing States"
    assert spec.session is not None and spec.session.en == "Eighty-first session"
    assert [a.number for a in spec.agenda_items] == ["19 (c)"]
    assert spec.budget_period == "2027"  # the Assembly appropriates for 2027 in December 2026


def test_a_council_draft_under_its_sponsors_line_takes_the_year_of_its_session() -> None:
    spec = _spec(HRC, ["Requests the Office of the High Commissioner to convene a one-day intersessional "
                       "panel discussion before the sixty-second session of the Council."])
    assert spec.body == "human-rights-council"
    assert spec.session is not None and spec.session.en == "Sixty-first session"
    assert spec.budget_period == "2026"  # the sixty-first session is held in 2026
    (panel,) = spec.requests[0].activities
    assert panel.year == 2026 and panel.funding == "regular_budget"


def test_the_2026_session_of_the_council_not_a_commission_session_taken_note_of() -> None:
    spec = _spec(ECOSOC, ["Takes note of the report of the Statistical Commission on its fifty-seventh session;",
                          "Requests the Secretary-General to report to the Economic and Social Council at its "
                          "2027 session on the implementation of the present resolution."])
    assert spec.budget_period == "2026"
    (report,) = spec.requests[0].activities
    assert report.year == 2027


def test_without_masthead_a_session_only_taken_note_of_does_not_date_the_draft() -> None:
    head = "Draft resolution\n\n" + ECOSOC.split("Draft resolution\n\n", 1)[1]
    spec = _spec(head, ["Takes note of the report of the Statistical Commission on its fifty-seventh session;",
                        "Requests the Secretary-General to convene, in New York in 2027, an expert group "
                        "meeting on the use of administrative data in censuses."])
    assert int(spec.budget_period) >= 2025  # never 2002 (1945 + 57)


def test_a_paragraph_referring_back_to_a_meeting_does_not_convene_it_again() -> None:
    spec = _spec(GA, ["Decides to convene a high-level meeting of one day on early warning systems, to be held "
                      "in New York during the eighty-second session of the General Assembly;",
                      "Requests the Secretary-General to convene an expert group meeting on financing early "
                      "warning systems, and to submit its conclusions to the high-level meeting;"])
    kinds = [(r.operative_paragraphs[0], a.label.en) for r in spec.requests for a in r.activities]
    assert kinds.count(("1", "high-level meeting")) == 1
    assert [k for k in kinds if k[0] == "2"] == [("2", "expert group meeting")]


def test_an_expert_group_meeting_priced_as_travel_is_under_experts_not_travel_of_staff() -> None:
    spec = _spec(GA, ["Requests the Secretary-General to convene an expert group meeting on financing early "
                      "warning systems in 2027;"])
    (egm,) = spec.requests[0].activities
    assert egm.kind == "travel" and egm.object == "experts"


def test_general_temporary_assistance_is_priced_at_the_months_and_grade_the_paragraph_gives() -> None:
    spec = _spec(ECOSOC, ["Requests the Secretary-General to provide general temporary assistance for six "
                          "work-months at the P-4 level to support the preparation of the handbook;"])
    (gta,) = spec.requests[0].activities
    assert (gta.kind, gta.grade, gta.work_months.low, gta.year) == ("staff", "P-4", 6, 2027)  # type: ignore[union-attr]


def test_assistance_to_a_new_working_group_including_temporary_assistance_is_not_absorbed() -> None:
    spec = _spec(HRC, ["Decides to establish an open-ended intergovernmental working group, which shall hold two "
                       "sessions of five days each in Geneva;",
                       "Requests the Office of the United Nations High Commissioner for Human Rights to provide the "
                       "working group with all the assistance necessary for the effective fulfilment of its mandate, "
                       "including general temporary assistance at the P-3 level for twelve months;"])
    request = next(r for r in spec.requests if list(r.operative_paragraphs) == ["2"])
    (gta,) = request.activities
    assert (gta.grade, gta.work_months.low, gta.section) == ("P-3", 12, "Section 24")  # type: ignore[union-attr]
    said = [a for a in spec.extra["assumptions"] if a.startswith("paragraph 2")]
    assert said and not any("existing resources" in a for a in said)


def test_meetings_and_documents_of_the_council_are_under_section_2_its_substantive_work_under_24() -> None:
    """As the Geneva statements of the corpus split them (TR-0085: section 2 and section 24; TR-0088:
    section 2, and section 24 for temporary assistance and subsistence)."""
    spec = _spec(HRC, ["Decides to establish an open-ended intergovernmental working group, which shall hold two "
                       "sessions of five days each in Geneva;",
                       "Requests the High Commissioner to prepare a study on older persons and to present it to the "
                       "Human Rights Council at its sixty-third session;"])
    sections = {(a.kind, a.label.en): a.section for r in spec.requests for a in r.activities}
    assert sections[("meeting", "session")] == "Section 2"
    assert sections[("documentation", "report of the session")] == "Section 2"
    assert sections[("documentation", "report on the study")] == "Section 2"
    assert sections[("staff", "Professional officer to carry out the study")] == "Section 24"


def test_a_report_asked_of_a_department_is_documentation_under_section_2() -> None:
    spec = _spec(ECOSOC, ["Requests the Department of Economic and Social Affairs to submit a report to the "
                          "Council at its 2027 session;"])
    (report,) = spec.requests[0].activities
    assert (report.kind, report.section) == ("documentation", "Section 2")


def test_a_handbook_the_council_asks_for_is_not_assumed_extrabudgetary() -> None:
    spec = _spec(ECOSOC, ["Requests the Department of Economic and Social Affairs to prepare a technical handbook on "
                          "census methods and to publish it in the six official languages of the United Nations;"])
    (handbook,) = spec.requests[0].activities
    assert handbook.funding == "budget_process" and handbook.section == "Section 2"


def test_a_high_level_meeting_of_the_assembly_has_verbatim_records() -> None:
    spec = _spec(GA, ["Decides to convene a high-level meeting of one day on early warning systems, to be held "
                      "in New York during the eighty-second session of the General Assembly;"])
    (hlm,) = spec.requests[0].activities
    assert hlm.verbatim_records is True and hlm.interpretation is True


def test_a_high_level_panel_of_the_council_has_no_verbatim_records() -> None:
    spec = _spec(HRC, ["Decides to convene a high-level meeting of one day on older persons at its sixty-second "
                       "session;"])
    (hlm,) = spec.requests[0].activities
    assert not hlm.verbatim_records


def test_the_summary_line_of_a_one_paragraph_draft_is_singular(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from pbi.cli import main

    draft = tmp_path / "draft.txt"
    draft.write_text("Draft resolution\n\nOcean literacy\n\nThe General Assembly,\n\n1. Requests the "
                     "Secretary-General to submit to the General Assembly at its eighty-second session a report "
                     "on the implementation of the present resolution.\n", encoding="utf-8")
    assert main(["draft", str(draft), "-o", str(tmp_path / "spec.yaml")]) == 0
    out = capsys.readouterr().out
    assert ": 1 paragraph — " in out and "; 1 activity; " in out


def test_a_folder_of_specs_is_written_whole_or_not_at_all(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from pbi.cli import main

    text = "".join(f"Draft resolution {n}\n\nTitle {n}\n\nThe General Assembly,\n\n1. Requests the Secretary-General "
                   "to submit to the General Assembly at its eighty-second session a report on the "
                   "implementation of the present resolution.\n\n" for n in ("I", "II"))
    draft = tmp_path / "drafts.txt"
    draft.write_text(text, encoding="utf-8")
    out = tmp_path / "specs"
    out.mkdir()
    assert main(["draft", str(draft), "-o", f"{out}/"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2
    capsys.readouterr()
    again = tmp_path / "again"
    again.mkdir()
    (again / names[1]).mkdir()  # the second spec's name is taken by a folder
    assert main(["draft", str(draft), "-o", f"{again}/"]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert sorted(p.name for p in again.iterdir()) == [names[1]]  # the first was not written either


def test_an_expert_group_meeting_priced_as_travel_pays_subsistence_for_its_days_and_a_travel_day() -> None:
    spec = _spec(GA, ["Requests the Secretary-General to convene a five-day expert group meeting of 25 experts "
                      "on financing early warning systems in 2027;",
                      "Also requests the Secretary-General to convene an expert group meeting on data in 2027;"])
    five, default = (r.activities[0] for r in spec.requests)
    assert (five.trips.low, five.dsa_days.low) == (25, 6)  # type: ignore[union-attr]
    assert (default.trips.low, default.dsa_days.low) == (20, 4)  # type: ignore[union-attr]


def test_a_compilation_to_be_issued_in_all_official_languages_is_a_publication() -> None:
    spec = _spec(GA, ["Requests the Secretary-General to prepare a compilation of good practices, to be issued "
                      "in all official languages;"])
    assert [r.operative_paragraphs[0] for r in spec.requests] == ["1"]
    assert spec.requests[0].activities[0].label.en == "publication"


def test_the_officer_of_a_mandate_the_assembly_extends_is_under_human_rights() -> None:
    spec = _spec(GA, ["Decides to extend the mandate of the Independent Expert on the enjoyment of human rights "
                      "by persons with albinism for a period of three years;"])
    sections = {a.kind: a.section for a in spec.requests[0].activities}
    assert sections == {"staff": "Section 24", "documentation": "Section 2"}


def test_a_report_is_named_for_what_it_is_and_who_prepares_it() -> None:
    spec = _spec(HRC, ["Requests the Office of the High Commissioner to convene a one-day panel discussion before "
                       "the sixty-second session of the Council, and to prepare a summary report thereon;",
                       "Requests the High Commissioner to present a report to the Human Rights Council at its "
                       "sixty-third session;",
                       "Requests the Secretary-General to submit a report to the General Assembly at its "
                       "eighty-second session;"])
    labels = [a.label.en for r in spec.requests for a in r.activities if a.kind == "documentation"]
    assert labels == ["summary report", "report of the United Nations High Commissioner for Human Rights",
                      "report of the Secretary-General"]
    zh = [a.label.zh for r in spec.requests for a in r.activities if a.kind == "documentation"]
    assert zh[-1] == "秘书长的报告"  # not 秘书处的报告, the report of the Secretariat


def test_a_request_within_existing_resources_says_so_not_that_it_asks_others() -> None:
    spec = _spec(GA, ["Requests the Secretary-General to include the issue in his report on human rights "
                      "questions, within existing resources;"])
    (logged,) = spec.extra["paragraphs"]
    # the secretariat is asked, within existing resources: absorbed, said and not priced
    assert logged["class"] == "absorbed" and "within existing resources" in logged["condition"]
    assert "why" not in logged and not any(r.activities for r in spec.requests)


def test_a_draft_submitted_by_the_vice_chair_keeps_its_own_title() -> None:
    head = GA.replace("A/C.2/81/L.27", "A/C.2/81/L.60").replace(
        "Draft resolution\n", "Draft resolution submitted by the Vice-Chair of the Committee, Ms. Jane Doe "
        "(Ireland), on the basis of informal consultations on draft resolution A/C.2/81/L.5\n")
    spec = _spec(head, ["Requests the Secretary-General to submit to the General Assembly at its eighty-second "
                        "session a report on the implementation of the present resolution."])
    assert spec.symbol == "A/C.2/81/L.60"
    assert spec.title.en == "Strengthening early warning systems for all in small island developing States"
    assert spec.agenda_items[0].title.en == "Sustainable development: disaster risk reduction"


def test_a_consultant_a_new_post_and_a_meeting_for_three_days() -> None:
    spec = _spec(GA, ["Requests the Secretary-General to engage a consultant for six months to assist in the "
                      "preparation of the report;",
                      "Decides to establish one new post at the P-5 level in the Office of the United Nations High "
                      "Commissioner for Human Rights;",
                      "Decides that the working group shall meet for three days in New York in 2027, with "
                      "interpretation in the six official languages;"])
    by = {r.operative_paragraphs[0]: r.activities for r in spec.requests}
    (consultant,) = by["1"]
    assert (consultant.kind, consultant.work_months.low) == ("consultant", 6)  # type: ignore[union-attr]
    post, continued = by["2"]  # the post, and its full cost the year after
    assert (post.kind, post.grade, post.section, post.object) == ("new_post", "P-5", "Section 24", "posts")
    assert (continued.grade, continued.continuing, continued.year) == ("P-5", True, post.year + 1)
    assert consultant.object == "consultants"
    meeting = next(a for a in by["3"] if a.kind == "meeting")
    assert meeting.days.low == 3  # type: ignore[union-attr]


def test_numbering_past_999_is_one_line_not_one_glued_paragraph(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from pbi.cli import main

    line = "Requests the Secretary-General to submit a report on the implementation of the present resolution;\n"
    draft = tmp_path / "draft.txt"
    draft.write_text("Draft resolution\n\nTitle\n\nThe General Assembly,\n\n"
                     + "".join(f"{n}. {line}" for n in range(1, 1003)), encoding="utf-8")
    assert main(["draft", str(draft), "-o", str(tmp_path / "spec.yaml")]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith(f"{draft}:1006: paragraph 1000: more than 999 operative paragraphs")
    assert not (tmp_path / "spec.yaml").exists()
