"""Travel stated as the corpus states it (participants and days) is priced as trips with days of
subsistence each, explained so, and written in notes as trips."""

from __future__ import annotations

from pathlib import Path

from pbi.costing.api import cost_file
from pbi.render import build_note, note_text

SPEC = """\
symbol: A/C.3/80/L.97
title: {en: A draft resolution}
body: general-assembly
rule: "153"
budget_period: "2025"
table: un-standard-costs
requests:
  - id: a
    activities:
      - {id: t1, kind: travel, TRAVEL, location: Geneva, year: 2025, funding: regular_budget, section: Section 24}
"""


def _spec(tmp_path: Path, travel: str) -> Path:
    path = tmp_path / f"{len(list(tmp_path.iterdir()))}.yaml"
    path.write_text(SPEC.replace("TRAVEL", travel), encoding="utf-8")
    return path


def test_participants_and_days_price_as_trips_and_days_of_subsistence(tmp_path: Path) -> None:
    stated = cost_file(_spec(tmp_path, "trips: 7, dsa_days: 4"))
    read = cost_file(_spec(tmp_path, "participants: 7, days: 4"))
    assert read.total == stated.total and read.total.low > 0
    assert [i.amount for i in read.items] == [i.amount for i in stated.items]


def test_the_notes_write_them_as_trips(tmp_path: Path) -> None:
    est = cost_file(_spec(tmp_path, "participants: 7, days: 4"))
    statement = note_text(build_note(est, "en", "statement"))
    assert "Seven trips of staff to Geneva with four days of subsistence allowance each, in 2025" in statement
    note = note_text(build_note(est, "en", "financial_note"))
    assert "seven trips of staff to Geneva with four days of subsistence allowance each" in note
    assert "participant" not in statement + note
