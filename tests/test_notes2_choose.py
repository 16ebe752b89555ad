"""`pbi check` chooses a note's table by the years the tables have rates for, and says why: the
vocabulary's reason for the table, and plainly which of the note's years no installed table prices
(the United Nations standard costs run from 2010 to 2029; before 2010 no table has rates)."""

from __future__ import annotations

from pathlib import Path

from pbi.check.choose import choose_table
from pbi.check.reader import read_notes
from pbi.check.report import check_files, report_table

HEAD = ("Programme budget implications of draft resolution A/C.3/{session}/L.40\n\n"
        "Statement submitted by the Secretary-General in accordance with rule 153 of the rules of procedure "
        "of the General Assembly\n\n")


def _ga(years: list[int]) -> str:
    lines = [f"{4 + i}. The requirements of $239,400 for {y} would relate to 20 meetings with interpretation in "
             "the six official languages in New York." for i, y in enumerate(years)]
    return HEAD.format(session=years[0] - 1945) + "\n\n".join(lines) + "\n"


def _choice(years: list[int]):  # type: ignore[no-untyped-def]
    (note,) = read_notes(_ga(years), lang="en")
    return choose_table(note)


def test_a_2008_note_is_told_plainly_that_no_table_has_its_rates() -> None:
    choice = _choice([2008])
    assert choice.unpriced_years == (2008,)
    assert "no installed table has rates for 2008" in choice.why
    assert "un-standard-costs covers 2010–2029" in choice.why
    # not the Vienna table of 2010 as if it priced 2008: the body's own table, which prices nothing here either
    assert choice.table.id == "un-standard-costs"


def test_a_note_of_2009_and_2010_is_priced_with_the_table_of_2010_and_says_2009_is_not() -> None:
    choice = _choice([2009, 2010])
    assert choice.table.id == "un-standard-costs"
    assert choice.unpriced_years == (2009,)
    assert "no installed table has rates for 2009" in choice.why


def test_a_covered_note_says_why_its_table() -> None:
    choice = _choice([2022])
    assert choice.table.id == "un-standard-costs" and choice.unpriced_years == ()
    assert choice.why.startswith("a note of the General Assembly, 2022: ")
    assert "standard costs by duty station" in choice.why  # the vocabulary's reason


def test_the_report_says_it(tmp_path: Path) -> None:
    path = tmp_path / "ga2008.txt"
    path.write_text(_ga([2008]), encoding="utf-8")
    text = report_table(check_files([path], lang="en"))
    assert "no installed table has rates for 2008" in text


def test_a_conference_note_of_2010_keeps_the_vienna_table() -> None:
    text = ("Financial note on the draft resolution CTOC/COP/2010/L.3\n\n"
            "1. The present note is submitted in accordance with rule 75 of the rules of procedure for the "
            "Conference of the Parties to the United Nations Convention against Transnational Organized Crime.\n\n"
            "3. Additional extrabudgetary resources of $224,800 would be required in 2011 for one five-day "
            "meeting in Vienna with interpretation in six languages.\n")
    (note,) = read_notes(text, lang="en")
    choice = choose_table(note)
    assert choice.table.id == "unodc-vienna-2010" and choice.unpriced_years == ()
    assert "Conference meets in Vienna" in choice.why
