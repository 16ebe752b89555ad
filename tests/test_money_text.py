"""One amount formatter and one roman numeral writer (pbi/model/money.py), used everywhere pbi writes
an amount in a table or a message, or an annex or sub-item number."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pbi.model.money import format_range, format_usd, from_roman, roman
from pbi.model.specs import Range


@given(st.integers(1, 3999))
def test_roman_round_trips(n):
    assert from_roman(roman(n)) == n == from_roman(roman(n, lower=True))
    assert roman(n, lower=True) == roman(n).lower()


@pytest.mark.parametrize(("n", "text"), [(1, "I"), (4, "IV"), (9, "IX"), (12, "XII"), (40, "XL"), (1994, "MCMXCIV")])
def test_roman_numerals(n, text):
    assert roman(n) == text


@pytest.mark.parametrize("bad", ["", "IIII", "VX", "ABC", "iiv"])
def test_not_a_roman_numeral(bad):
    with pytest.raises(ValueError, match="not a roman numeral"):
        from_roman(bad)


def test_amounts():
    assert format_usd(Decimal("224800.00")) == "224,800"
    assert format_usd(Decimal("160040.5")) == "160,040.5"
    assert format_usd(Decimal("113820"), places=2) == "113,820.00"
    assert format_usd(Decimal("40.06"), signed=True) == "+40.06" and format_usd(Decimal("-3"), signed=True) == "-3"
    assert format_range(Decimal(800000), Decimal(1200000)) == "800,000 to 1,200,000"
    assert format_range(Decimal(5), Decimal(5)) == "5"
    assert str(Range(Decimal("600"), Decimal("900.00"))) == "600 to 900"


def test_the_writers_of_tables_and_messages_use_them():
    from pbi.export.text import amount_text

    r = Range(Decimal("80000.00"), Decimal("1200000"))
    assert amount_text(r) == str(r) == "80,000 to 1,200,000"


def test_sub_items_and_annexes_are_numbered_by_it():
    from pbi.check import read_notes

    text = ("Annex XII\n\nFinancial note on draft resolution A/AC.1/L.3 entitled \"Test\"\n\n"
            " 1. The present note is submitted in accordance with rule 75 of the rules of procedure.\n\n"
            " 2. A report of 16 pages would require resources of $23,000.\n")
    (note,) = read_notes(text)
    assert note.annex == 12
