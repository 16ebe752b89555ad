"""The package's own pint registry.

pint's default registry takes about 0.3 s to build and already defines ``day``, ``month`` and
``count`` as time or dimensionless, which would let a per-meeting rate be multiplied by pages
unnoticed. pbi builds a registry of its own, with ``Decimal`` magnitudes and one dimension per
kind of thing a financial note counts.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

import pint

from .errors import UnitError

__all__ = ["ureg", "Q", "parse_unit", "quantity", "to_usd", "UNIT_NAMES", "MEETINGS_PER_DAY"]

_DEFINITIONS = """
USD = [currency] = usd = US_dollar
page = [page] = pages = pp
word = [word] = words
meeting = [meeting] = meetings
meeting_day = 2 * meeting = meeting_days
day = [day] = days = calendar_day
participant = [participant] = participants
work_month = [work_month] = work_months = wm
copy = [copy] = copies
language = [language] = languages
document = [document] = documents
session = [session] = sessions
trip = [trip] = trips
person_day = [person_day] = person_days
item = [item] = items
percent = 0.01 = pct
"""

ureg = pint.UnitRegistry(None, non_int_type=Decimal, autoconvert_offset_to_baseunit=False)
for _line in _DEFINITIONS.strip().splitlines():
    ureg.define(_line)
Q = ureg.Quantity
_USD_DIM = ureg.USD.dimensionality

#: the names a spec or table may use for a unit (singular forms)
UNIT_NAMES = ("USD", "page", "word", "meeting", "meeting_day", "day", "participant", "work_month",
              "copy", "language", "document", "session", "trip", "person_day", "item")


#: a meeting day is two meetings (two 3-hour slots), as the registry defines it
MEETINGS_PER_DAY: Decimal = Q(Decimal(1), "meeting_day").to("meeting").magnitude


@lru_cache(maxsize=256)
def parse_unit(text: str) -> Any:
    """Parse a unit such as ``USD/page`` or ``USD/(meeting*language)``; raise UnitError."""
    try:
        return ureg.parse_units(text.replace("·", "*"))
    except Exception as exc:  # pint raises several types; all mean "not a unit we know"
        raise UnitError(f"unknown unit {text!r} (expected a product of {', '.join(UNIT_NAMES)})") from exc


def to_usd(quantity: Any, *, what: str) -> Decimal:
    """The magnitude in USD of a money quantity; UnitError if it is not money."""
    if quantity.dimensionality != _USD_DIM:
        raise UnitError(f"{what} comes out in {quantity.units:~P}, not USD: "
                        "the rate's unit does not fit the quantities it is applied to")
    magnitude = quantity.to(ureg.USD).magnitude
    if not isinstance(magnitude, Decimal):  # pint keeps Decimal; anything else is a bug
        raise UnitError(f"{what}: amount is not a Decimal")
    return magnitude


def quantity(value: Decimal | int, unit: str) -> Any:
    """A pint quantity with a Decimal magnitude."""
    return Q(Decimal(value), parse_unit(unit))
