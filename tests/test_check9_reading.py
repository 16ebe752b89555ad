"""check9: forms of statements ``pbi check`` misread, found by a ninth blind round (tests/data/check9):
the requirements of a note sent on to be funded ("The additional requirements of $X would be
considered in the context of the proposed programme budget for 2027"), in English, French and
Spanish, the same verb elided for another year, a further sum of a later year, and such a total that
restates one stated above. One test per fix, each on a text written here in the round's style."""

from __future__ import annotations

from decimal import Decimal

from pbi.check import read_notes


def _totals(text: str, lang: str | None = None) -> list[tuple[Decimal | None, int | None, list[Decimal]]]:
    return [(c.amount, c.year, list(c.quantities.get("parts", [])))
            for n in read_notes(text, lang=lang) for c in n.claims if c.is_total]


_HEAD = ("A/C.2/84/L.7\n\nProgramme budget implications of draft resolution A/C.2/84/L.7\n\n"
         " 1. Under operative paragraph 3 of draft resolution A/C.2/84/L.7, the General Assembly would\n"
         "request the Secretary-General to convene an expert group meeting in 2030.\n\n")


def test_additional_requirements_considered_with_the_budget_are_a_total() -> None:
    text = _HEAD + (" 2. The meeting would require $61,300 under section 9 and $22,400 under section 2.\n\n"
                    " 3. The additional requirements of $83,700 would be considered in the context of the\n"
                    "proposed programme budget for 2030.\n")
    assert (Decimal(83700), 2030, [Decimal(61300), Decimal(22400)]) in _totals(text)


def test_one_item_restated_and_charged_is_not_a_total() -> None:
    text = _HEAD + (" 2. The meeting would require $61,300 in 2030 under section 9.\n\n"
                    " 3. The requirements of $61,300 for 2030 would be charged against the contingency fund.\n")
    assert _totals(text) == []


def test_those_of_another_year_and_a_further_sum_of_that_year() -> None:
    text = _HEAD + (" 2. The meeting would require $51,000 in 2030 under section 9.\n\n"
                    " 3. A follow-up meeting would require a further $20,000 in 2031 under section 9.\n\n"
                    " 4. The additional requirements of $51,000 for 2030 would be considered in the context of\n"
                    "the proposed programme budget for 2030, and those of $20,000 for 2031 in the context of\n"
                    "the proposed programme budget for 2031.\n")
    totals = _totals(text)
    assert (Decimal(51000), 2030, [Decimal(51000)]) in totals
    assert (Decimal(20000), 2031, [Decimal(20000)]) in totals


def test_a_total_sent_on_restates_the_total_above() -> None:
    text = _HEAD + (" 2. The meeting would require $61,300 under section 9, for the travel of experts ($40,000)\n"
                    "and consultants ($21,300).\n\n"
                    " 3. The requirements would give rise to additional requirements totalling $61,300.\n\n"
                    " 4. The additional requirements of $61,300 would be considered in the context of the\n"
                    "proposed programme budget for 2030.\n")
    last = _totals(text)[-1]
    assert last[0] == Decimal(61300) and last[2] == [Decimal(61300)]


def test_french_and_spanish_sent_on_totals() -> None:
    fr = ("A/C.2/84/L.7\n\nIncidences sur le budget-programme du projet de résolution A/C.2/84/L.7\n\n"
          " 1. Le rapport nécessiterait un montant de 52 300 dollars au titre du chapitre 2 et les frais\n"
          "de voyage un montant de 36 100 dollars au titre du chapitre 24.\n\n"
          " 2. Les dépenses supplémentaires de 88 400 dollars seraient examinées dans le contexte du\n"
          "projet de budget-programme pour 2030.\n")
    assert (Decimal(88400), 2030, [Decimal(52300), Decimal(36100)]) in _totals(fr, "fr")
    es = ("A/C.2/84/L.7\n\nConsecuencias para el presupuesto por programas del proyecto de resolución\n"
          "A/C.2/84/L.7\n\n"
          " 1. El informe requeriría 52.300 dólares en la sección 2 y los viajes 36.100 dólares en la\n"
          "sección 24.\n\n"
          " 2. Las necesidades adicionales de 88.400 dólares se examinarían en el contexto del proyecto de\n"
          "presupuesto por programas para 2030.\n")
    assert any(a == Decimal(88400) and len(p) == 2 for a, _, p in _totals(es, "es"))
