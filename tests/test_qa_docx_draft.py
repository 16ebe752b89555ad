"""A draft in Word as the United Nations lays it out: the masthead in a table ("United Nations" |
symbol) or in the first page's header; its symbol, session and agenda item are read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pbi.draft import read_drafts
from pbi.draft.propose import propose_spec

docx = pytest.importorskip("docx")

ROOT = Path(__file__).resolve().parents[1]
BODY = ["General Assembly", "Eighty-first session", "Second Committee", "Agenda item 19 (c)",
        "Sustainable development: disaster risk reduction", "Draft resolution",
        "Strengthening early warning systems for all", "The General Assembly,",
        "1. Requests the Secretary-General to submit to the General Assembly at its eighty-second session a "
        "report on the implementation of the present resolution."]


def _spec(path: Path) -> object:
    (draft,) = read_drafts(path)
    return propose_spec(draft, near=ROOT / "cost_tables", today=dt.date(2026, 11, 30)).spec


def test_the_masthead_table_gives_the_symbol(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "United Nations", "A/C.2/81/L.27"
    for line in BODY:
        document.add_paragraph(line)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    spec = _spec(path)
    assert spec.symbol == "A/C.2/81/L.27"  # type: ignore[attr-defined]
    assert spec.session.en == "Eighty-first session"  # type: ignore[attr-defined]
    assert [a.number for a in spec.agenda_items] == ["19 (c)"]  # type: ignore[attr-defined]


def test_the_symbol_in_the_page_header_is_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.is_linked_to_previous = False
    document.sections[0].header.paragraphs[0].text = "A/C.2/81/L.27"
    for line in BODY:
        document.add_paragraph(line)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    assert _spec(path).symbol == "A/C.2/81/L.27"  # type: ignore[attr-defined]
