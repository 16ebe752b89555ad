"""General Assembly statements in French, Spanish, Russian and Arabic read back by ``pbi check``
with no error and every amount printed found (issue 16, the round trip of every language).

The specs' English texts stand in for the other languages' (the reader reads amounts and
quantities, not titles), as in tests/test_check_languages.py.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from pbi.check import read_notes
from pbi.costing.api import cost_file
from pbi.costing.engine import cost
from pbi.model.errors import RenderError
from pbi.render import render_note

from _paths import ROOT
from test_check_languages import OTHER, _every_language
from test_delegate_roundtrip import round_trip

GA = sorted(p for p in (ROOT / "notes" / "ga-statements").glob("*.yaml")
            if re.search(r"^body: *(?:general-assembly|ga)\s*$", p.read_text(encoding="utf-8"), re.M))
#: a sample of the GA statements (every seventh, spread over the corpus) and the test draft
SAMPLE = GA[::7] + [ROOT / "tests" / "data" / "general-assembly" / "draft-statement.yaml"]


@pytest.mark.parametrize("lang", OTHER)
@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: p.stem)
def test_a_statement_in_any_language_reads_back_clean(path: Path, lang: str) -> None:
    est = cost_file(path)
    est = cost(_every_language(est.spec), est.table)
    try:
        render_note(est, "en", "text", kind="statement")
    except RenderError as exc:  # a section the vocabulary does not name yet, in English too
        pytest.skip(str(exc))
    errors, missing = round_trip(est, "statement", lang)
    assert (errors, missing) == ([], set())


@pytest.mark.parametrize("lang", OTHER)
def test_a_table_with_a_year_without_requirements_is_read_by_section(lang: str) -> None:
    """A "–" cell between two amounts of a table row is an empty year, not a range: the later
    section's subtotal is read, and the net total is the sum of both sections' subtotals."""
    est = cost_file(ROOT / "tests" / "data" / "general-assembly" / "draft-statement.yaml")
    est = cost(_every_language(est.spec), est.table)
    text = render_note(est, lang, "text", kind="statement")
    assert isinstance(text, str)
    cells = {c.paragraph: c for n in read_notes(text, lang=lang) for c in n.claims if c.paragraph.startswith("3 (")}
    section_16 = [c for c in cells.values() if c.section == "16" and c.year == 2023]
    assert section_16 and {c.amount for c in section_16} == {Decimal("50600")}
    (net,) = [c for k, c in cells.items() if c.is_total and c.section is None and c.year == 2023
              and c.amount == Decimal("79200")]
    assert sorted(net.quantities["parts"]) == [Decimal("28600"), Decimal("50600")]


@pytest.mark.parametrize("travellers, words", [
    ("experts", {"fr": "Trois voyages d’experts à destination de Genève", "es": "Tres viajes de expertos a Ginebra",
                 "ru": "3 поездки экспертов", "ar": "3 رحلات للخبراء"}),
    ("members", {"fr": "Trois voyages de membres", "es": "Tres viajes de miembros", "ru": "3 поездки членов",
                 "ar": "3 رحلات للأعضاء"}),
    (None, {"fr": "Trois voyages de fonctionnaires", "es": "Tres viajes de funcionarios",
            "ru": "3 поездки сотрудников", "ar": "3 رحلات للموظفين"}),
])
def test_who_travels_is_said_in_every_language(travellers: str | None, words: dict[str, str], tmp_path: Path) -> None:
    """The words for ``travellers:`` come from model/vocabulary.yaml, staff when a spec says
    nothing; the statement still reads back clean."""
    import yaml

    data = yaml.safe_load((ROOT / "tests" / "data" / "general-assembly" / "draft-statement.yaml").read_text(encoding="utf-8"))
    data["table"] = "un-standard-costs"  # a table that prices travel
    trip = {"id": "trip", "kind": "travel", "trips": 3, "dsa_days": 5, "location": "Geneva", "year": 2023,
            "funding": "regular_budget"}
    if travellers:
        trip["travellers"] = travellers
    data["requests"] = [{**data["requests"][0], "activities": [trip]}]
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    est = cost_file(path)
    est = cost(_every_language(est.spec), est.table)
    for lang in OTHER:
        text = str(render_note(est, lang, "text", kind="statement"))
        assert words[lang] in text.replace("'", "’"), (lang, text)
        assert round_trip(est, "statement", lang) == ([], set())
