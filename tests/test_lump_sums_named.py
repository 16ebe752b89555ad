"""A lump sum without a label is named in the note by what its amount is of, in each language, and
falls under that kind's object of expenditure (travel of staff for travel), not under general
operating expenses."""

from __future__ import annotations


import pytest

from pbi.costing.api import cost_file
from pbi.render import build_note, note_text

SPEC = """\
symbol: A/C.2/80/L.40
title: {en: Lump sums, fr: Sommes forfaitaires, es: Sumas globales, ru: Паушальные суммы, ar: مبالغ إجمالية, zh: 一次总付}
body: general-assembly
rule: "153"
budget_period: "2026"
table: un-standard-costs
requests:
  - id: a
    text: {en: convene a conference, fr: convoquer une conférence, es: convocar una conferencia, ru: созвать конференцию, ar: عقد مؤتمر, zh: 召开会议}
    activities:
      - {id: c2, kind: lump_sum, amount: 40000, of: travel, year: 2026, funding: regular_budget, section: Section 9}
      - {id: c3, kind: lump_sum, amount: 12000, year: 2026, funding: regular_budget, section: Section 9}
"""


@pytest.fixture(scope="module")
def estimate(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("ls") / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return cost_file(path)


@pytest.mark.parametrize("lang, travel, other", [
    ("en", "A provision for travel, in 2026", "A provision, in 2026"),
    ("zh", "差旅经费", "经费"),
    ("fr", "Crédit pour les voyages, en 2026", "Crédit, en 2026"),
    ("es", "Créditos para viajes, en 2026", "Créditos, en 2026"),
    ("ru", "ассигнования на поездки, 2026 год", "ассигнования, 2026 год"),
    ("ar", "اعتماد للسفر", "اعتماد،"),
])
def test_a_lump_sum_is_named_by_what_it_is_of(estimate, lang: str, travel: str, other: str) -> None:  # type: ignore[no-untyped-def]
    text = note_text(build_note(estimate, lang, "statement"))
    assert travel in text and other in text


def test_a_lump_sum_of_travel_is_travel_of_staff(estimate) -> None:  # type: ignore[no-untyped-def]
    text = note_text(build_note(estimate, "en", "statement"))
    assert "Travel of staff" in text and "General operating expenses" in text
