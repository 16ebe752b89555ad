"""`pbi check` with no --table chooses the table of the body a note names, in every language: a
Convention note in Russian (whose names are declined, and read in English terms) is the Conference's."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.check.report import check_files
from pbi.costing.api import cost_file
from pbi.render import render_note

from _paths import NOTES


@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es", "ru", "ar"])
def test_a_convention_note_is_priced_with_the_conference_table(lang: str, tmp_path: Path) -> None:
    path = tmp_path / f"annex-05.{lang}.txt"
    path.write_text(str(render_note(cost_file(NOTES / "annex-05.yaml"), lang, "text")),
                    encoding="utf-8")
    report = check_files([path])
    assert report.rates is not None and report.rates.table.startswith("unodc-vienna-2010"), report.rates.table
    assert report.errors == 0
