"""Budget periods of the United Nations programme budget, and splitting a session by year.

The regular budget was biennial up to 2018–2019 (even year to odd year: 2010–2011, 2012–2013 …)
and is annual from 2020 (General Assembly resolution 72/266). A session whose dates straddle two
years is split by its meeting days (Monday to Friday) in each year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from pbi.model.errors import ArgumentError, SpecError

__all__ = ["BudgetPeriod", "FIRST_ANNUAL_YEAR", "period_of", "parse_period", "meeting_days",
           "split_days"]

#: the first year of an annual programme budget (resolution 72/266)
FIRST_ANNUAL_YEAR = 2020
#: the years :func:`period_of` places in a budget period (those a date may fall in)
FIRST_YEAR, LAST_YEAR = 1900, 2199


@dataclass(frozen=True, slots=True, order=True)
class BudgetPeriod:
    """A biennium (``2010-2011``) or a budget year (``2020``)."""

    start: int
    end: int

    @property
    def kind(self) -> str:
        return "annual" if self.start == self.end else "biennium"

    @property
    def label(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}-{self.end}"

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start, self.end + 1))

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end

    def next(self) -> "BudgetPeriod":
        return period_of(self.end + 1)

    def __str__(self) -> str:
        return self.label


def period_of(year: int | dt.date) -> BudgetPeriod:
    """The budget period a year (or date) falls in: a biennium before 2020, the year from 2020."""
    if isinstance(year, dt.date):
        y = year.year
    elif isinstance(year, int) and not isinstance(year, bool):
        y = year
    elif isinstance(year, str) and year.strip().isascii() and year.strip().isdigit():
        y = int(year)
    else:
        raise ArgumentError(f"period_of() takes a year (int) or a date, not {year!r:.40}")
    if not FIRST_YEAR <= y <= LAST_YEAR:
        raise SpecError(f"{y} is not a year of a budget period pbi knows ({FIRST_YEAR} to {LAST_YEAR})")
    if y >= FIRST_ANNUAL_YEAR:
        return BudgetPeriod(y, y)
    start = y if y % 2 == 0 else y - 1
    return BudgetPeriod(start, start + 1)


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


def parse_period(text: str) -> BudgetPeriod:
    """``"2010-2011"`` or ``"2020"`` → BudgetPeriod; SpecError if it is not a real budget period."""
    match = _PERIOD.match(str(text).strip())
    if not match:
        raise SpecError(f"{text!r} is not a budget period (expected 2010-2011 or 2020)")
    start = int(match.group(1))
    end = int(match.group(2) or start)
    period = BudgetPeriod(start, end)
    expected = period_of(start)
    if period != expected:
        raise SpecError(f"{text!r} is not a budget period: {start} falls in {expected.label} "
                        f"({'annual budgets from ' + str(FIRST_ANNUAL_YEAR) if expected.kind == 'annual' else 'biennia run from an even year to the next odd year'})")
    return period


def meeting_days(start: dt.date, end: dt.date) -> dict[int, int]:
    """Year → number of meeting days (Monday to Friday) from ``start`` to ``end`` inclusive."""
    if end < start:
        raise SpecError(f"a session cannot end ({end}) before it starts ({start})")
    out: dict[int, int] = {}
    day = start
    while day <= end:
        if day.weekday() < 5:
            out[day.year] = out.get(day.year, 0) + 1
        day += dt.timedelta(days=1)
    if not out:
        raise SpecError(f"no meeting day (Monday to Friday) from {start} to {end}")
    return out


def split_days(total: Decimal, start: dt.date, end: dt.date) -> dict[int, Decimal]:
    """Split ``total`` (meeting days, meetings …) over the years of a session, pro rata to its
    meeting days in each year, in whole units by largest remainder so that the parts add up.

    A total that is not a whole number is split exactly, pro rata.
    """
    per_year = meeting_days(start, end)
    days = sum(per_year.values())
    if total != total.to_integral_value():
        return {y: total * n / days for y, n in per_year.items()}
    shares = {y: total * n / days for y, n in per_year.items()}
    whole = {y: Decimal(int(s)) for y, s in shares.items()}
    left = int(total - sum(whole.values()))
    for y in sorted(shares, key=lambda y: (-(shares[y] - whole[y]), y))[:left]:
        whole[y] += 1
    return {y: v for y, v in sorted(whole.items())}
