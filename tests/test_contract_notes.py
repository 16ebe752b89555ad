"""A spec in the plain shape users write (issue 10's contract: no request texts, no operative
paragraphs, no sections) gets a note that reads as English and checks clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.check.report import check_files
from pbi.costing.api import cost_file
from pbi.render import render_note

from test_standard_costs import DRAFT

#: the issue's draft, with ten meetings in Geneva and one published figure
CONTRACT = (DRAFT.replace("weeks: 1, interpretation: true, languages: 6, location: New York",
                          "meetings: 10, interpretation: true, languages: 6, location: Geneva")
            .split("  - {id: F02")[0])


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(CONTRACT, encoding="utf-8")
    return path


def test_a_financial_note_of_a_spec_without_texts_reads_as_english(contract: Path, tmp_path: Path) -> None:
    text = str(render_note(cost_file(contract), "en", "text", kind="financial_note"))
    assert "would:\n" not in text and "would:" not in text.split("\n\n")[2]
    assert "Under the draft resolution, the General Assembly would request the activities costed below." in text
    assert "Under operative paragraph," not in text
    assert "for 10 meetings in Geneva with interpretation in six languages" in text
    assert "a meeting of 10 meetings" not in text
    note = tmp_path / "note.txt"
    note.write_text(text, encoding="utf-8")
    report = check_files([note], table="un-standard-costs")
    assert report.errors == 0


def test_a_statement_does_not_put_amounts_of_unstated_sections_under_the_named_one(contract: Path,
                                                                                  tmp_path: Path) -> None:
    # the documentation goes under section 2 (conference services, an assumption the statement lists);
    # the meeting shares its rounded amount with the staff costs, whose section the spec does not state
    text = str(render_note(cost_file(contract), "en", "text", kind="statement"))
    assert ("additional requirements of $198,600 would arise under section 2 (General Assembly and Economic and "
            "Social Council affairs and conference management) and the other sections concerned of the programme "
            "budget for 2025") in text
    note = tmp_path / "statement.txt"
    note.write_text(text, encoding="utf-8")
    assert check_files([note], table="un-standard-costs").errors == 0


@pytest.mark.parametrize(("lang", "second"), [
    ("zh", "2. 该决议草案规定，大会将请求开展下文所列经费估计的活动。"),
    ("fr", "2. Aux termes du projet de résolution, l’Assemblée générale demanderait les activités chiffrées ci-après."),
    ("es", "2. En virtud del proyecto de resolución, la Asamblea General solicitaría las actividades que se "
           "presupuestan a continuación."),
])
def test_the_second_paragraph_of_a_note_without_request_texts_says_something(lang: str, second: str) -> None:
    spec = Path(__file__).parent / "data" / "qa3" / "s04-nairobi-2020.yaml"
    text = str(render_note(cost_file(spec), lang, "text", kind="financial_note"))
    assert second in text, text
    assert "根据第执行段" not in text


@pytest.mark.parametrize("kind", ["financial_note", "statement"])
@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es", "ru", "ar"])
def test_a_draft_with_trips_reads_back_in_every_language(lang: str, kind: str, tmp_path: Path) -> None:
    """A report, a two-day meeting with records and webcasting, three trips of experts with subsistence
    allowance and four months of P-4 assistance, texts in six languages: every note reads back clean."""
    spec = Path(__file__).parent / "data" / "contract-six-languages.yaml"
    note = tmp_path / f"note.{lang}.txt"
    note.write_text(str(render_note(cost_file(spec), lang, "text", kind=kind)), encoding="utf-8")
    report = check_files([note])
    assert report.errors == 0, [f.message for _, f in report.findings if f.severity == "error"]
