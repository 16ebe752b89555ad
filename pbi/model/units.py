"""The package's own pint registry, and pint's verdicts on the units that tables use.

pint's default registry takes about 0.3 s to build and already defines ``day``, ``month`` and
``count`` as time or dimensionless, which would let a per-meeting rate be multiplied by pages
unnoticed. pbi builds a registry of its own, with ``Decimal`` magnitudes and one dimension per
kind of thing a financial note counts.

Every unit question pbi asks — is this rate unit money per something; does a rate in this unit,
applied to these quantities, give USD, and with what factor — is answered by pint. Importing pint
(and the numpy it brings in) is the largest part of a CLI run, so pint's answers for the
combinations the shipped tables use are kept in ``units_memo.json``: the tests recompute every
entry with pint and compare (``python -m pbi.model.units`` rewrites it). A question the memo does not
hold brings pint in and asks it.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from pbi.model.errors import UnitError

__all__ = ["registry", "parse_unit", "quantity", "to_usd", "check_rate_unit", "unit_factor",
           "meetings_per_day", "meetings_per_week", "build_memo", "UNIT_NAMES", "MEMO_FILE"]

_DEFINITIONS = """
USD = [currency] = usd = US_dollar
page = [page] = pages = pp
word = [word] = words
meeting = [meeting] = meetings
meeting_day = 2 * meeting = meeting_days
meeting_week = 5 * meeting_day = meeting_weeks
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
post = [post] = posts
percent = 0.01 = pct
"""

#: the names a spec or table may use for a unit (singular forms)
UNIT_NAMES = ("USD", "page", "word", "meeting", "meeting_day", "meeting_week", "day", "participant",
              "work_month", "copy", "language", "document", "session", "trip", "person_day", "item", "post")

MEMO_FILE = Path(__file__).with_name("units_memo.json")
_VERSION = hashlib.sha256(_DEFINITIONS.encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def registry() -> Any:
    """pbi's pint registry (built on first use)."""
    import pint

    ureg: Any = pint.UnitRegistry(None, non_int_type=Decimal, autoconvert_offset_to_baseunit=False)
    for line in _DEFINITIONS.strip().splitlines():
        ureg.define(line)
    return ureg


def __getattr__(name: str) -> Any:  # ``ureg`` and ``Q`` without building the registry at import
    if name == "ureg":
        return registry()
    if name == "Q":
        return registry().Quantity
    if name == "MEETINGS_PER_DAY":
        return meetings_per_day()
    raise AttributeError(f"module 'pbi.model.units' has no attribute {name!r}")


@lru_cache(maxsize=256)
def parse_unit(text: str) -> Any:
    """Parse a unit such as ``USD/page`` or ``USD/(meeting*language)``; raise UnitError."""
    try:
        return registry().parse_units(text.replace("·", "*"))
    except Exception as exc:  # pint raises several types; all mean "not a unit we know"
        raise UnitError(f"unknown unit {text!r} (expected a product of {', '.join(UNIT_NAMES)})") from exc


def quantity(value: Decimal | int, unit: str) -> Any:
    """A pint quantity with a Decimal magnitude."""
    return registry().Quantity(Decimal(value), parse_unit(unit))


def to_usd(q: Any, *, what: str) -> Decimal:
    """The magnitude in USD of a money quantity; UnitError if it is not money."""
    ureg = registry()
    if q.dimensionality != ureg.USD.dimensionality:
        raise UnitError(f"{what} comes out in {q.units:~P}, not USD: "
                        "the rate's unit does not fit the quantities it is applied to")
    magnitude = q.to(ureg.USD).magnitude
    if not isinstance(magnitude, Decimal):  # pint keeps Decimal; anything else is a bug
        raise UnitError(f"{what}: amount is not a Decimal")
    return magnitude


# -- the questions pbi asks, each answered by pint or by pint's memoised answer ----------------------

def _ask_rate_unit(text: str) -> str | None:
    """pint: None if ``text`` is money per something, else what is wrong."""
    try:
        parsed = parse_unit(text)
    except UnitError as err:
        return err.message
    dims = registry().Quantity(Decimal(1), parsed).dimensionality
    if dims.get("[currency]") != 1:
        return f"a rate is money per something (USD/…), got {text!r}"
    above = sorted(d.strip("[]") for d, power in dims.items() if d != "[currency]" and power > 0)
    if above:
        return (f"{text!r} multiplies by {' and '.join(above)} instead of dividing "
                f"(a rate is USD per something: write USD/(a*b) for a rate per a and b)")
    return None


def _ask_factor(rate_unit: str, units: tuple[str, ...]) -> str:
    """pint: the factor that turns rate × quantities into USD, or ``error: …``."""
    product = quantity(1, rate_unit)
    for unit in units:
        product = product * quantity(1, unit)
    try:
        return str(to_usd(product, what=f"a rate in {rate_unit} applied to {' × '.join(units)}"))
    except UnitError as err:
        return "error: " + err.message


def _key(rate_unit: str, units: tuple[str, ...]) -> str:
    return f"{rate_unit} | {' * '.join(units)}"


@lru_cache(maxsize=1)
def _memo() -> dict[str, Any]:
    try:
        memo = json.loads(MEMO_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return memo if memo.get("definitions") == _VERSION else {}


def check_rate_unit(text: str) -> None:
    """UnitError unless ``text`` is a unit of money per something."""
    memo = _memo().get("rate_units", {})
    problem = memo[text] if text in memo else _ask_rate_unit(text)
    if problem:
        raise UnitError(problem)


@lru_cache(maxsize=1024)
def unit_factor(rate_unit: str, units: tuple[str, ...]) -> Decimal:
    """The factor that turns a rate in ``rate_unit`` times quantities in ``units`` into USD
    (2 for a per-meeting rate applied to meeting days); UnitError where they do not fit."""
    answer = _memo().get("factors", {}).get(_key(rate_unit, units)) or _ask_factor(rate_unit, units)
    if answer.startswith("error: "):
        raise UnitError(answer.removeprefix("error: "))
    return Decimal(answer)


def meetings_per_day() -> Decimal:
    """A meeting day is two meetings (two 3-hour slots), as the registry defines it."""
    return unit_factor("USD/meeting", ("meeting_day",))


def meetings_per_week() -> Decimal:
    """A week of meetings is five meeting days, ten meetings."""
    return unit_factor("USD/meeting", ("meeting_week",))


def build_memo(rate_units: set[str], combinations: set[tuple[str, tuple[str, ...]]]) -> dict[str, Any]:
    """pint's answers to the given questions, in the form of ``units_memo.json``."""
    combinations = combinations | {("USD/meeting", ("meeting_day",)), ("USD/meeting", ("meeting_week",))}
    return {
        "definitions": _VERSION,
        "rate_units": {u: _ask_rate_unit(u) for u in sorted(rate_units)},
        "factors": {_key(r, u): _ask_factor(r, u) for r, u in sorted(combinations)},
    }


def _shipped_questions() -> tuple[set[str], set[tuple[str, tuple[str, ...]]]]:
    """Every rate unit and (rate unit, quantity units) pair of the tables in cost_tables/."""
    from pbi.model.tables import QUANTITY_UNITS, load_table

    folder = Path(__file__).resolve().parents[2] / "cost_tables"
    rate_units: set[str] = set()
    pairs: set[tuple[str, tuple[str, ...]]] = set()
    for path in sorted(folder.glob("*.yaml")):
        table = load_table(path)
        rate_units |= {r.unit for r in table.rates.values()}
        for kind in table.activities.values():
            for comp in kind.components:
                prefix = comp.rate.split("{", 1)[0]
                for key, rate in table.rates.items():
                    if key == comp.rate or ("{" in comp.rate and key.startswith(prefix)):
                        pairs.add((rate.unit, tuple(QUANTITY_UNITS[n] for n in comp.per)))
    return rate_units, pairs


def write_memo() -> Path:
    """Recompute ``units_memo.json`` with pint for the shipped tables."""
    memo = build_memo(*_shipped_questions())
    MEMO_FILE.write_text(json.dumps(memo, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return MEMO_FILE


if __name__ == "__main__":  # pragma: no cover
    print(write_memo())
