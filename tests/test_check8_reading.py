"""check8: forms of statements ``pbi check`` misread, found by an eighth blind round
(tests/data/check8): a section's label printed over two lines of a table, footnote markers after a
table's amounts, "the same section" in French, Russian, Spanish and English, amounts in millions
with a decimal comma, totals whose parts follow after a parenthesis, and tables of revised estimates
with a change column in parentheses. One test per fix, each on a text written here in the round's
style (the round's own files are scored by tests/data/check8/score.py)."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from pbi.check import check_files, read_notes
from pbi.check.tables import table_amounts, find_tables
from pbi.check.text import Line


def _claims(text: str, lang: str | None = None) -> list[tuple[Decimal | None, bool, str | None, int | None]]:
    return [(c.amount, c.is_total, c.section, c.year) for n in read_notes(text, lang=lang) for c in n.claims]


def _table(rows: str) -> list[tuple[Decimal, str | None, int | None, str, list[Decimal]]]:
    lines = [Line(i + 1, t) for i, t in enumerate(rows.splitlines())]
    import re

    _, tables = find_tables(lines, re.compile(r"^\s*\d{1,2}\.\s"))
    assert len(tables) == 1
    return [(t.amount, t.section, t.year, t.role, [p.amount for p in t.parts]) for t in table_amounts(tables[0])]


def test_a_section_label_over_two_lines_is_one_row() -> None:
    table = _table(
        "Table 1\n(United States dollars)\n\n"
        "Section                                               2027        2028         Total\n"
        "Section 2, General Assembly and Economic and Social\n"
        "Council affairs and conference management          40,100      40,100        80,200\n"
        "Section 17, Economic development in Africa          22,000      23,500        45,500\n"
        "Total                                               62,100      63,600       125,700\n")
    totals = {(a, y): parts for a, sec, y, role, parts in table if role == "net"}
    assert totals[(Decimal(62100), 2027)] == [Decimal(40100), Decimal(22000)]
    assert totals[(Decimal(63600), 2028)] == [Decimal(40100), Decimal(23500)]
    assert (Decimal(40100), "2", 2027, "section", []) in table


def test_footnote_markers_after_a_cells_amount_and_the_captions_year() -> None:
    table = _table(
        "Table 1\nRequirements for 2028\n(United States dollars)\n"
        "Object of expenditure                 Amount\n"
        "Conference services                   72 700 a\n"
        "Travel of participants                96,300 b/\n"
        "Consultants                           10,000*\n"
        "Total                                179 000\n")
    assert [(a, y) for a, _, y, role, _ in table if role == "object"] == [
        (Decimal(72700), 2028), (Decimal(96300), 2028), (Decimal(10000), 2028)]
    total = next(t for t in table if t[3] == "net")
    assert total[0] == Decimal(179000) and total[2] == 2028 and len(total[4]) == 3


def test_a_caption_of_two_years_gives_no_year() -> None:
    table = _table(
        "Table 1\nRequirements for 2027 and 2028\n(United States dollars)\n"
        "Object of expenditure                 Amount\n"
        "Travel of participants                96,300\n"
        "Total                                 96,300\n")
    assert {y for _, _, y, _, _ in table} == {None}


_ES = """Consecuencias para el presupuesto por programas del proyecto de resolución A/C.2/90/L.5

 1. En virtud del párrafo 3 de la parte dispositiva del proyecto de resolución A/C.2/90/L.5, la
Asamblea General decidiría convocar en Nueva York, en 2031, una reunión de alto nivel.

 2. Los servicios de conferencias ascenderían a 2.130.400 dólares en la sección 2 y los gastos de
viaje a 640.200 dólares en la misma sección.

 3. Las necesidades adicionales, que ascienden a unos 2,8 millones de dólares, se examinarían en el
contexto del proyecto de presupuesto por programas para 2031.
"""


def test_spanish_millions_with_a_decimal_comma_the_same_section_and_a_total() -> None:
    claims = _claims(_ES, "es")
    assert (Decimal(640200), False, "2") in [c[:3] for c in claims]
    total = next(c for n in read_notes(_ES, lang="es") for c in n.claims if c.amount == Decimal(2800000))
    assert total.is_total and total.quantities.get("rounded_to") == Decimal(100000)
    assert total.quantities["parts"] == [Decimal(2130400), Decimal(640200)]


def test_the_same_section_in_french_russian_and_english() -> None:
    fr = """Incidences sur le budget-programme du projet de résolution A/C.3/90/L.7

 1. Aux termes du paragraphe 4 du projet de résolution A/C.3/90/L.7, l'Assemblée générale
prierait le Secrétaire général de convoquer deux séances en 2031.

 2. Le rapport nécessiterait un montant de 41 000 dollars au titre du chapitre 2. Les séances
nécessiteraient un montant de 25 200 dollars au titre du même chapitre, et les voyages, un montant
de 31 000 dollars au titre du chapitre 24.
"""
    got = {a: sec for a, _, sec, _ in _claims(fr, "fr")}
    assert got[Decimal(25200)] == "2" and got[Decimal(31000)] == "24"
    en = """Programme budget implications of draft resolution A/C.2/90/L.8

 1. Under operative paragraph 2 of draft resolution A/C.2/90/L.8, the General Assembly would
request a report in 2031.

 2. The meetings would require $38,600 under section 2, General Assembly and Economic and Social
Council affairs and conference management. The report would require $27,100 under the same
section, and the travel of experts $19,000 under section 28, Global communications.
"""
    got = {a: sec for a, _, sec, _ in _claims(en)}
    assert got[Decimal(27100)] == "2" and got[Decimal(19000)] == "28"
    ru = """Последствия проекта резолюции A/C.3/90/L.9 для бюджета по программам

 1. В соответствии с пунктом 5 проекта резолюции A/C.3/90/L.9 Генеральная Ассамблея просила бы
провести в 2031 году четыре заседания.

 2. Подготовка доклада потребует 45 600 долл. США по разделу 2. Проведение четырех заседаний
потребует 50 400 долл. США по тому же разделу, а путевые расходы экспертов — 61 900 долл. США
по разделу 24 «Права человека».
"""
    got = {a: sec for a, _, sec, _ in _claims(ru, "ru")}
    assert got[Decimal(50400)] == "2" and got[Decimal(61900)] == "24"


def _note(text: str) -> list:  # type: ignore[type-arg]
    return [c for n in read_notes(text) for c in n.claims]


def test_a_total_whose_comprising_follows_a_parenthesis() -> None:
    claims = _note("""Programme budget implications of draft resolution A/C.1/90/L.4

 1. Should the General Assembly adopt draft resolution A/C.1/90/L.4, additional requirements of
$503,000 (net of staff assessment) would arise for 2031, comprising $300,000 under section 2 and
$203,000 under section 4, Disarmament, and a further $41,000 under section 36, Staff assessment.
""")
    total = next(c for c in claims if c.amount == Decimal(503000))
    assert total.is_total and total.quantities["parts"] == [Decimal(300000), Decimal(203000)]


def test_requirements_that_would_cover_items_in_parentheses_are_their_total_in_its_year() -> None:
    claims = _note("""Programme budget implications of draft resolution A/HRC/70/L.2

 1. Under operative paragraph 3 of draft resolution A/HRC/70/L.2, the Council would establish a
commission of inquiry.

 2. In 2031, the requirements of $500,000 would cover general temporary assistance for six months
($300,000), the travel of the commissioners ($150,000) and conference services ($50,000).
""")
    total = next(c for c in claims if c.amount == Decimal(500000))
    assert total.is_total and total.quantities["parts"] == [Decimal(300000), Decimal(150000), Decimal(50000)]
    assert {c.year for c in claims} == {2031}


def test_a_sentence_that_lists_the_parts_of_the_amount_before_it() -> None:
    claims = _note("""Programme budget implications of draft resolution A/HRC/70/L.3

 1. Under operative paragraph 3 of draft resolution A/HRC/70/L.3, the Council would establish a
commission of inquiry for two years.

 2. The activities would require resources estimated at $1.1 million for 2031 and 2032. The
estimate comprises $600,000 for 2031 and $500,000 for 2032.
""")
    total = next(c for c in claims if c.amount == Decimal(1100000))
    assert total.is_total and total.year is None
    assert total.quantities["parts"] == [Decimal(600000), Decimal(500000)]
    assert [(c.amount, c.year) for c in claims if not c.is_total] == [
        (Decimal(600000), 2031), (Decimal(500000), 2032)]


_REVISED = """Programme budget implications of draft resolution A/HRC/70/L.9

 1. In his statement (A/HRC/70/L.9), the Secretary-General estimated the requirements for 2031 at
$300,000. The revised requirements for 2031 amount to $250,000, a reduction of $50,000, as shown
in table 1.

Table 1
Revised requirements, 2031
(United States dollars)

Object of expenditure         Original estimate     Revised estimate      Change
Other staff costs                       200,000              170,000    (30,000)
Travel of staff                         100,000               80,000    (20,000)
Total                                   300,000              250,000    (50,000)

 2. The revised requirements would be charged against the contingency fund.
"""


def test_a_table_of_revised_estimates_is_read_column_by_column() -> None:
    claims = [c for c in _note(_REVISED) if c.quantities.get("table")]
    revised = {c.amount: c for c in claims if not c.quantities.get("earlier_estimate")
               and not c.quantities.get("reduction")}
    assert set(revised) == {Decimal(170000), Decimal(80000), Decimal(250000)}
    assert revised[Decimal(250000)].quantities["parts"] == [Decimal(170000), Decimal(80000)]
    assert all(c.year == 2031 for c in claims)
    earlier = [c for c in claims if c.quantities.get("earlier_estimate")]
    assert [c.amount for c in earlier if c.is_total] == [Decimal(300000)]
    changes = [c for c in claims if c.quantities.get("reduction")]
    assert len(changes) == 3 and not any(c.is_total for c in changes)


def test_a_total_of_the_text_is_the_tables_total_row() -> None:
    total = next(c for c in _note(_REVISED) if c.amount == Decimal(250000) and not c.quantities.get("table"))
    assert total.is_total and total.quantities["parts"] == [Decimal(250000)]
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "revised.txt"
        p.write_text(_REVISED, encoding="utf-8")
        rep = check_files([p], table=None)
    assert [f.message for _, f in rep.findings if f.severity in ("error", "warning")] == []


def test_of_the_amount_of_a_years_total_part_absorbed() -> None:
    text = """Programme budget implications of draft resolution A/HRC/70/L.11

 1. Under operative paragraph 4 of draft resolution A/HRC/70/L.11, the Council would extend a
mandate for two years, requiring $300,000 in 2031 and $280,000 in 2032 under section 24.

 2. Of the amount of $300,000 for 2031, $50,000 would be absorbed within the existing resources of
section 24. The remaining requirements of $250,000 for 2031 would be considered in the context of
the proposed programme budget for 2031.
"""
    claims = [c for c in _note(text) if c.paragraph == "2"]
    first, absorbed = claims[0], claims[1]
    assert first.amount == Decimal(300000) and first.is_total
    assert first.quantities["parts"] == [Decimal(50000)]
    assert absorbed.amount == Decimal(50000) and not absorbed.is_total and absorbed.year == 2031
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "of-the-amount.txt"
        p.write_text(text, encoding="utf-8")
        rep = check_files([p], table=None)
    assert [f.message for _, f in rep.findings if f.severity in ("error", "warning")] == []
