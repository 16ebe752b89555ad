"""Money: ``Decimal`` built from strings, rounded once by a rule the cost table declares."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["Rounding", "to_decimal", "format_usd", "format_range", "roman", "from_roman", "MAX_AMOUNT", "MAX_PLACES"]

#: the ceiling on any amount, rate or quantity pbi reads: a trillion (no note comes near it; a larger
#: number is a typing error, and the arithmetic of the engine stays exact below it)
MAX_AMOUNT = Decimal(10) ** 12
#: the most decimal places a number read may have
MAX_PLACES = 10

RoundingMode = Literal["half_up", "half_even", "up", "down"]

_MODES = {
    "half_up": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "up": decimal.ROUND_CEILING,
    "down": decimal.ROUND_FLOOR,
}


def to_decimal(value: object) -> Decimal:
    """A Decimal from an int, a Decimal or a numeric string; floats and booleans are refused
    (ValueError, so that validation reports them like any other bad value)."""
    if isinstance(value, (bool, float)):
        raise ValueError(f"expected a number written as an integer or a string, got {value!r}")
    if isinstance(value, Decimal):  # already a number pbi holds (read, or computed)
        if not value.is_finite():
            raise ValueError(f"{value} is not a finite number")
        return value
    if isinstance(value, int):
        if abs(value) > MAX_AMOUNT:
            raise ValueError(f"{value:,} is over the ceiling of {MAX_AMOUNT:,} (at most {MAX_AMOUNT:,})"
                             if value.bit_length() < 4000 else "a number far over the ceiling "
                             f"(at most {MAX_AMOUNT:,})")
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip()
        if "," in text:
            raise ValueError(f"{value!r} is not a number: a comma is ambiguous (a decimal comma or a "
                             "thousands separator); write 1234.5")
        whole = text.lstrip("+-").split(".")[0].lstrip("0")
        if len(text) > 60 and text.lstrip("+-").replace(".", "", 1).isdigit() and len(whole) > len(str(MAX_AMOUNT)):
            raise ValueError(f"a number of {len(whole)} digits is over the ceiling (at most {MAX_AMOUNT:,})")
        if "_" in text or len(text) > 60:
            raise ValueError(f"{value[:60]!r} is not a number")
        if not text.isascii():  # Decimal reads "３" and "٣" as 3: a number is written one way
            raise ValueError(f"{value!r} is not a number: write it with the digits 0-9")
        try:
            result = Decimal(text)
        except decimal.InvalidOperation:
            raise ValueError(f"{value!r} is not a number") from None
    else:
        raise ValueError(f"expected a number, got {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    # adjusted() first: abs() of 1e+999999999 overflows the decimal context before it compares
    over = result.adjusted() > MAX_AMOUNT.adjusted() or abs(result) > MAX_AMOUNT
    if result and (over or result.as_tuple().exponent < -MAX_PLACES):  # type: ignore[operator]
        if over:
            raise ValueError(f"{value} is over the ceiling (at most {MAX_AMOUNT:,})")
        raise ValueError(f"{value} has more than {MAX_PLACES} decimal places")
    return result


class Rounding(BaseModel):
    """How a figure is rounded: to a multiple of ``step`` with ``mode``, once, at the figure."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    step: Decimal = Field(default=Decimal(100), gt=0, description="round to a multiple of this (USD)")
    mode: RoundingMode = Field(default="half_up", description="half_up, half_even, up or down")

    @field_validator("step", mode="before")
    @classmethod
    def _step(cls, value: object) -> Decimal:
        return to_decimal(value)

    def apply(self, amount: Decimal) -> Decimal:
        units = (amount / self.step).quantize(Decimal(1), rounding=_MODES[self.mode])
        return (units * self.step).quantize(Decimal(1)) if self.step >= 1 else units * self.step

    def describe(self) -> str:
        return f"to the nearest {format_usd(self.step)} USD, {self.mode.replace('_', '-')}"


def format_usd(amount: Decimal, *, places: int | None = None, signed: bool = False) -> str:
    """``23000`` → ``23,000``; whole numbers without decimals, others as they are, unless
    ``places`` is given; ``signed`` writes ``+`` before a positive amount. The one amount formatter
    of pbi's tables and messages (notes write amounts per language: pbi.render.numbers)."""
    with decimal.localcontext() as ctx:  # as many digits as the amount has: a 40-digit amount read
        ctx.prec = max(ctx.prec, amount.adjusted() + (places or 0) + 2)  # from a text is shown, not an error
        if places is not None:
            amount = amount.quantize(Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)
        elif amount == amount.to_integral_value():
            amount = amount.quantize(Decimal(1))
    return ("+" if signed and amount > 0 else "") + f"{amount:,}"


def format_range(low: Decimal, high: Decimal | None = None, *, places: int | None = None,
                 signed: bool = False) -> str:
    """``23,000``, or ``800,000 to 1,200,000`` when ``high`` differs from ``low`` (see :func:`format_usd`)."""
    one = format_usd(low, places=places, signed=signed)
    if high is None or high == low:
        return one
    return f"{one} to {format_usd(high, places=places, signed=signed)}"


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int, *, lower: bool = False) -> str:
    """4 → ``IV`` (annex numbers), or ``iv`` with ``lower`` (sub-items); the one roman numeral writer."""
    if number < 1:
        raise ValueError(f"no roman numeral for {number}")
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out.lower() if lower else out


def from_roman(text: str) -> int:
    """``IV`` or ``iv`` → 4; ValueError if ``text`` is not a roman numeral as :func:`roman` writes it."""
    values = dict((letters, value) for value, letters in _ROMAN if len(letters) == 1)
    token = text.strip().upper()
    if not token or any(ch not in values for ch in token):
        raise ValueError(f"not a roman numeral: {text!r}")
    total = 0
    for i, ch in enumerate(token):
        v = values[ch]
        total += -v if i + 1 < len(token) and values[token[i + 1]] > v else v
    if roman(total) != token:
        raise ValueError(f"not a roman numeral: {text!r}")
    return total
