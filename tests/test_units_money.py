from decimal import Decimal

import pytest

from pbi.model.errors import UnitError
from pbi.model.money import Rounding, format_usd, to_decimal
from pbi.model.units import MEETINGS_PER_DAY, quantity, to_usd, ureg


def test_per_meeting_rate_applied_to_pages_is_an_error():
    wrong = quantity(1897, "USD/meeting") * quantity(60, "page")
    with pytest.raises(UnitError, match="not USD"):
        to_usd(wrong, what="interpretation")


def test_rate_times_its_own_quantities_is_usd_as_decimal():
    amount = to_usd(quantity(Decimal("235.16"), "USD/(page*language)") * quantity(16, "page")
                    * quantity(6, "language"), what="documentation")
    assert amount == Decimal("22575.36") and isinstance(amount, Decimal)


def test_meeting_day_is_two_meetings_and_day_is_not_a_meeting():
    assert MEETINGS_PER_DAY == 2
    assert quantity(5, "meeting_day").to("meeting").magnitude == 10
    from pint import DimensionalityError

    with pytest.raises(DimensionalityError):
        quantity(1, "day").to("meeting")


def test_private_registry_has_currency_dimension():
    assert str(ureg.USD.dimensionality) == "[currency]"
    assert ureg is not __import__("pint").get_application_registry()


@pytest.mark.parametrize("amount, step, mode, expected", [
    ("22999.99", 100, "half_up", "23000"),
    ("28644.40", 100, "half_up", "28600"),
    ("150", 100, "half_up", "200"),
    ("250", 100, "half_even", "200"),
    ("160039.87", 10, "half_up", "160040"),
    ("101", 100, "up", "200"),
    ("199", 100, "down", "100"),
])
def test_rounding(amount, step, mode, expected):
    assert Rounding(step=step, mode=mode).apply(Decimal(amount)) == Decimal(expected)


def test_money_refuses_float():
    with pytest.raises(ValueError, match="got 0.1"):
        to_decimal(0.1)
    with pytest.raises(ValueError, match="got True"):
        to_decimal(True)
    assert to_decimal("1,234.50") == Decimal("1234.50")


def test_format_usd():
    assert format_usd(Decimal("23000")) == "23,000"
    assert format_usd(Decimal("1.5E+1")) == "15"
    assert format_usd(Decimal("1234.567"), places=2) == "1,234.57"
