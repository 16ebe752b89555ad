"""check10: forms of statements ``pbi check`` misread, found by a tenth blind round (tests/data/check10):
additional requirements by year that "would arise", a total of both years after the totals of each,
subtotals that name their section and section headings over two lines, a table of objects of
expenditure under the one section its paragraph names, a year opening a sentence, a total after its
parts in one sentence, a list of sections with their names after commas, a year's share of a total,
"the requirements … are estimated at", and requirements absorbed that restate a total. One test per
fix, each on a text written here in other words than the round's statements."""

from __future__ import annotations

from decimal import Decimal

from pbi.check import read_notes
from pbi.check.reader import Claim

D = Decimal


def _claims(text: str, lang: str | None = None) -> list[Claim]:
    return [c for n in read_notes(text, lang=lang) for c in n.claims]


def _totals(text: str, lang: str | None = None) -> list[tuple[Decimal | None, int | None, list[Decimal]]]:
    return [(c.amount, c.year, list(c.quantities.get("parts", []))) for c in _claims(text, lang) if c.is_total]


_HEAD = ("E/2031/L.9\n\nProgramme budget implications of draft resolution E/2031/L.9\n\n"
         " 1. Under operative paragraph 2 of draft resolution E/2031/L.9, the Economic and Social Council\n"
         "would request the Secretary-General to organize a regional workshop in each of 2031 and 2032.\n\n")


def test_additional_requirements_by_year_that_would_arise_are_totals() -> None:
    text = _HEAD + (" 2. Each workshop would require $30,000 for the travel of participants in 2031 and\n"
                    "$31,000 in 2032 under section 9, and $10,100 for interpretation in 2031 and $10,000 in 2032\n"
                    "under section 2.\n\n"
                    " 3. Should the Council adopt the draft resolution, additional requirements of $40,100 for 2031\n"
                    "and $41,000 for 2032 would arise.\n")
    totals = _totals(text)
    assert (D(40100), 2031, [D(30000), D(10100)]) in totals
    assert (D(41000), 2032, [D(31000), D(10000)]) in totals


def test_chinese_requirements_by_year_and_their_sum() -> None:
    text = ("E/2031/L.9\n\n决议草案E/2031/L.9所涉方案预算问题\n\n"
            " 1. 讲习班所需经费为2031年50 000美元、2032年52 000美元，列于第9款（经济和社会事务）。\n\n"
            " 2. 如果经济及社会理事会通过决议草案E/2031/L.9，2031年需追加经费50 000美元，2032年需追加经费52 000美元，"
            "合计102 000美元。\n")
    totals = _totals(text)
    assert (D(102000), None, [D(50000), D(52000)]) in totals
    assert any(a == D(50000) and y == 2031 for a, y, _ in totals)


def test_net_of_staff_assessment_in_chinese_is_not_staff_assessment() -> None:
    text = ("E/2031/L.9\n\n决议草案E/2031/L.9所涉方案预算问题\n\n"
            " 1. 设立一个P-4职位所需经费为2031年190 000美元（扣除工作人员薪金税），列于第9款（经济和社会事务）。\n")
    (c,) = _claims(text)
    assert not c.quantities.get("staff_assessment") and c.section == "9"


_TABLE_TEXT = (" 2. The requirements are set out by section and object of expenditure in table 1.\n\n"
               "Table 1\nRequirements for 2031\n(United States dollars)\n\n"
               "Section/object of expenditure                                   2031\n"
               "Section 9, Economic and social\naffairs\n"
               "   Consultants                                                 12,000\n"
               "   Travel of staff                                              8,000\n"
               "   Subtotal, section 9                                         20,000\n"
               "Section 2, General Assembly and Economic and Social Council\naffairs and conference management\n"
               "   Other staff costs                                           15,000\n"
               "   Subtotal, section 2                                         15,000\n"
               "Total                                                          35,000\n")


def test_subtotal_naming_its_section_under_a_heading_of_two_lines() -> None:
    claims = [c for c in _claims(_HEAD + _TABLE_TEXT) if c.quantities.get("table")]
    sub9 = next(c for c in claims if c.amount == D(20000))
    assert sub9.is_total and sub9.section == "9" and sub9.quantities["parts"] == [D(12000), D(8000)]
    assert next(c for c in claims if c.amount == D(12000)).section == "9"
    assert next(c for c in claims if c.amount == D(35000)).quantities["parts"] == [D(20000), D(15000)]


_OBJECTS = ("Table 1\nRequirements for 2031 by object of expenditure\n(United States dollars)\n\n"
            "Object of expenditure                       2031\n"
            "Consultants                               12,000\n"
            "Travel of representatives                 30,000\n"
            "Total                                     42,000\n")


def test_a_table_of_objects_takes_the_one_section_its_paragraph_names() -> None:
    one = _HEAD + " 2. The requirements under section 9, Economic and social affairs, are shown in table 1.\n\n" + _OBJECTS
    assert {c.section for c in _claims(one) if c.quantities.get("table")} == {"9"}
    two = _HEAD + " 2. The requirements under sections 2 and 9 are shown in table 1.\n\n" + _OBJECTS
    assert {c.section for c in _claims(two) if c.quantities.get("table")} == {None}


def test_a_year_opening_a_sentence_is_each_amounts() -> None:
    text = _HEAD + (" 2. In 2032, the workshop would need $20,000 for travel and $7,000 for interpretation.\n")
    assert [c.year for c in _claims(text)] == [2032, 2032]


def test_a_total_after_its_parts_in_one_sentence() -> None:
    text = _HEAD + (" 2. The workshop would need $20,000 for the travel of participants and $7,000 for\n"
                    "interpretation in 2031, or $27,000 in total.\n")
    assert [(a, p) for a, _, p in _totals(text)] == [(D(27000), [D(20000), D(7000)])]


def test_sections_listed_with_their_names_after_commas() -> None:
    text = _HEAD + (" 2. The workshops would require $83,000 under section 9, Economic and social affairs, and\n"
                    "section 2, General Assembly and Economic and Social Council affairs and conference management.\n")
    (c,) = _claims(text)
    assert c.sections == ("9", "2")


def test_a_years_share_of_a_total_is_not_a_part_of_the_total_sent_on() -> None:
    text = _HEAD + (" 2. The workshop would require $20,000 in 2031 and $21,000 in 2032 under section 9.\n\n"
                    " 3. The requirements would amount to $41,000, of which $20,000 for 2031 and $21,000 for 2032.\n\n"
                    " 4. The additional requirements of $21,000 for 2032 would be considered in the context of the\n"
                    "proposed programme budget for 2032.\n")
    assert (D(21000), 2032, [D(21000)]) in _totals(text)
    last = [c for c in _claims(text) if c.paragraph == "4"][0]
    assert last.quantities["total_of"] == ["2"]  # the item of 2032, not also its share in para 3


def test_the_requirements_are_estimated_at_is_a_total_and_absorbed_restates_it() -> None:
    text = _HEAD + (" 2. The requirements for 2031 are estimated at $42,000 under section 9, as shown in table 1.\n\n"
                    + _OBJECTS +
                    "\n 3. The requirements of $42,000 would be met from within existing resources of section 9.\n")
    text_claims = [c for c in _claims(text) if not c.quantities.get("table") and c.amount == D(42000)]
    assert len(text_claims) == 2 and all(c.is_total for c in text_claims)


def test_an_item_absorbed_is_not_a_total() -> None:
    text = _HEAD + (" 2. The workshop would require $20,000 in 2031 under section 9.\n\n"
                    " 3. The requirements of $20,000 would be absorbed within existing resources.\n")
    assert _totals(text) == []


def test_spanish_estimated_and_met_forms() -> None:
    text = ("E/2031/L.9\n\nConsecuencias para el presupuesto por programas del proyecto de resolución E/2031/L.9\n\n"
            " 1. Las necesidades para 2031 se calculan en 42.000 dólares en la sección 9 (Asuntos económicos y\n"
            "sociales), como se indica en el cuadro 1.\n\n"
            "Cuadro 1\nNecesidades para 2031\n(En dólares de los Estados Unidos)\n\n"
            "Objeto de gasto                              2031\n"
            "Consultores                                12.000\n"
            "Viajes de representantes                   30.000\n"
            "Total                                      42.000\n\n"
            " 2. Las necesidades de 42.000 dólares se financiarían con cargo a los recursos existentes.\n")
    claims = [c for c in _claims(text, "es") if c.amount == D(42000)]
    assert len(claims) == 3 and all(c.is_total for c in claims)


def test_french_requirements_estimated_at() -> None:
    text = ("E/2031/L.9\n\nIncidences sur le budget-programme du projet de résolution E/2031/L.9\n\n"
            " 1. Les voyages des représentants nécessiteraient 30 000 dollars et les consultants 12 000 dollars.\n\n"
            " 2. Les dépenses pour 2031 sont estimées à 42 000 dollars au titre du chapitre 9.\n")
    assert (D(42000), 2031, [D(30000), D(12000)]) in _totals(text, "fr")


def test_requirements_of_a_period_that_would_arise_are_not_summed_with_those_of_later_years() -> None:
    """pbi's own statements: "additional requirements of $X would arise under section 2 … of the
    programme budget for the biennium", net of those included in a later budget: no sum of the text's
    amounts, so not read as one (with the year of the amount, above, they are)."""
    text = _HEAD.replace("2031 and 2032", "the biennium 2030-2031") + (
        " 2. Requirements of $700 under section 9 for 2032 would be included in the proposed programme\n"
        "budget for 2032-2033.\n\n"
        " 3. Should the Council adopt the draft resolution, additional requirements of $13,400 would arise\n"
        "under section 9 of the programme budget for the biennium 2030-2031.\n")
    assert [c.amount for c in _claims(text) if c.is_total] == []
