"""A total split among budget sections, with one purpose stated for the whole of it.

"…would amount to $156,600, comprising $118,600 under section 2 (…) and $38,000 under section 4
(Disarmament), for the servicing of four meetings … and six work-months …": the meetings and
work-months are what the $156,600 pays for, not what the last part ($38,000) pays for.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pbi.check import check_notes, read_notes, read_path
from pbi.check.report import check_files

SAMPLE = Path(__file__).parent / "check" / "data" / "en-split-total.txt"
COUNTED = ("meetings", "work_months", "languages", "grade", "interpretation")


def _by_amount(text: str | None = None) -> dict[Decimal, dict]:
    notes = read_path(SAMPLE) if text is None else read_notes(text)
    return {c.amount: c.quantities for c in notes[0].claims if c.paragraph == "2"}


def test_shared_quantities_belong_to_the_total_not_the_last_part() -> None:
    q = _by_amount()
    total, first, last = q[Decimal(156600)], q[Decimal(118600)], q[Decimal(38000)]
    assert total["is_total"] and total["parts"] == [118600, 38000]
    assert (total["meetings"], total["work_months"], total["languages"], total["grade"]) == (4, 6, 6, "P-3")
    assert not any(k in last for k in COUNTED)
    assert not any(k in first for k in COUNTED)


def test_the_split_total_checks_clean() -> None:
    report = check_files([SAMPLE])  # the rates of the table the note's body and year choose
    assert report.errors == 0 and report.counts()["warning"] == 0
    assert [f for f in check_notes(report.notes) if f.severity != "info"] == []


def test_a_part_with_its_own_purpose_keeps_its_quantities() -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "(Disarmament), for the servicing", "for the servicing")
    q = _by_amount(text)
    assert q[Decimal(38000)]["meetings"] == 4 and "meetings" not in q[Decimal(156600)]


def test_a_part_whose_sibling_states_its_own_purpose_keeps_the_clause() -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "$118,600 under\nsection 2", "$118,600 for the translation of 40 pages under\nsection 2")
    q = _by_amount(text)
    assert q[Decimal(118600)]["pages"] == 40
    assert q[Decimal(38000)]["meetings"] == 4 and "meetings" not in q[Decimal(156600)]
