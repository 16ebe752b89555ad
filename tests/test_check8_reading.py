"""check8: forms of statements ``pbi check`` misread, found by an eighth blind round
(tests/data/check8): a section's label printed over two lines of a table, footnote markers after a
table's amounts, "the same section" in French, Russian, Spanish and English, amounts in millions
with a decimal comma, totals whose parts follow after a parenthesis, and tables of revised estimates
with a change column in parentheses. One test per fix, each on a text written here in the round's
style (the round's own files are scored by tests/data/check8/score.py)."""

from __future__ import annotations

from decimal import Decimal

from pbi.check import read_notes
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
