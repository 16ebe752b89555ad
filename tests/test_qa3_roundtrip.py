"""Notes pbi writes from specs in the contract shape of the General Assembly tables (New York,
Geneva, Nairobi; weeks of meetings; staff of every grade, General Service included; a single
meeting) read back by ``pbi check`` against the table it chooses, without errors, every amount found."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.check.report import check_files
from pbi.costing.api import cost_file
from pbi.render import render_note

DATA = Path(__file__).parent / "data" / "qa3"
SPECS = sorted(DATA.glob("*.yaml"))
#: what is known not to read back yet, and why
KNOWN: dict[tuple[str, str, str], str] = {}


@pytest.mark.parametrize("kind", ["financial_note", "statement"])
@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es"])
@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_a_note_reads_back_without_errors(spec: Path, lang: str, kind: str, tmp_path: Path) -> None:
    if (spec.stem, lang, kind) in KNOWN:
        pytest.xfail(KNOWN[(spec.stem, lang, kind)])
    est = cost_file(spec)
    out = tmp_path / f"note.{lang}.txt"
    out.write_text(str(render_note(est, lang=lang, kind=kind)), encoding="utf-8")
    report = check_files([out], lang=lang)
    assert report.errors == 0, [f.message for _, f in report.findings if f.severity == "error"]


def test_a_week_of_meetings_is_stated_in_meetings() -> None:
    text = str(render_note(cost_file(DATA / "s05-ny-week-verbatim-2027.yaml"), lang="en", kind="financial_note"))
    assert "10 meetings (one week) in New York" in text and "one meetings" not in text


def test_a_chinese_note_states_the_meetings_of_a_week_and_their_services() -> None:
    text = str(render_note(cost_file(DATA / "s05-ny-week-verbatim-2027.yaml"), lang="zh", kind="financial_note"))
    assert "举行 10 次（为期一周）会议" in text and "逐字记录、网播" in text


def test_one_meeting_is_singular() -> None:
    text = str(render_note(cost_file(DATA / "s15-halfday-ny-2015.yaml"), lang="en", kind="financial_note"))
    assert "hold one meeting in New York" in text
