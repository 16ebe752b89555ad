"""Derive ``cost_tables/un-standard-costs.yaml`` from the corpus of published statements.

    python cost_tables/derive/un_standard_costs.py [--corpus statements.yaml] [-o TABLE.yaml]

One rule per rate, duty station and year: each figure that pbi prices from quantities (see
corpus.py) gives a unit value (amount / quantity); a figure that prices two things (a meeting with
its documentation) gives the unit value of one of them once the other is priced at the year's rate;
temporary assistance at several grades in one figure gives none (one sum cannot tell the grades apart).

- A year with several figures takes the middle of the unit values that the rounding of the most of
  them allows (figures are printed to the nearest 100), or their median when no two agree.
- A dense series (documentation: a standard rate that every statement of a year applies alike) keeps
  each year's own value and interpolates between years, carried beyond them.
- A thin series (fewer figures than the years they span) is smoothed: a year with one figure or none
  takes the mean of all the figures weighted by a normal kernel of BANDWIDTH years, carried beyond
  the first and last year of figures.
- Temporary assistance is one monthly P-3 scale, smoothed the same way over every single-grade figure
  (divided by its declared grade step), times the grade's step, plus a fixed part per position fitted
  to all those figures at once.
- A duty station with fewer than three figures follows New York by one ratio; without figures it is
  New York scaled by a declared ratio (documentation) or New York's value, said so.

A figure whose unit value stands more than ``OUTLIER`` apart from what the other figures of the same
year (or of the years on both sides) give is not used for the rates, and the table says so (the
figure stays in its spec and in the leave-one-out, priced like any other). Nothing else goes in:
every value names its figures.

A figure counts for the year it costs, not the year its statement was issued. Counting it for the year
after its issue (the rates in force when issued) is what documentation shows (ST-M02.2, issued and
costed in 2016, at the 2017 rate of the other 2016 statements), but temporary assistance does not, and
over the corpus it did worse (benchmarks/loo_standard_costs.py, README: "What was tried").
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from collections.abc import Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DSA_DAYS_PER_WEEK, FIRST_TABLE_YEAR, LAST_TABLE_YEAR, ROOT, STATIONS, Case, Item, load_corpus

__all__ = ["derive", "Observation", "table_yaml", "observations"]

#: years priced beyond the corpus's last, at its rates: a statement prices the activities of its later years at
#: current rates, to be recosted in the budgets of those years (a draft of 2026 asks for work in 2027-2029)
CARRIED_YEARS = 3
#: the years the table prices: those of the corpus's figures, and the carried ones
YEARS = range(FIRST_TABLE_YEAR, LAST_TABLE_YEAR + 1 + CARRIED_YEARS)
#: a unit value further than this from what the other figures give is left out
OUTLIER = Decimal("0.20")
#: the margin when only the years on one side have figures
ONE_SIDED = Decimal("0.50")
WORDS_PER_PAGE = 330

#: declared ratios to New York where a station has no figure of its own. Documentation: the
#: per-document costs by duty station recorded with ST-D01 (A/C.5/70/14; ACABQ A/70/7/Add.31) in the
#: corpus: 50,900 New York, 30,600 Geneva, 33,485 Vienna, 26,619 Nairobi for 8,500 words.
DOC_RATIOS = {"Geneva": (Decimal(30600), "30,600"), "Vienna": (Decimal(33485), "33,485"),
              "Nairobi": (Decimal(26619), "26,619")}
DOC_BASE = Decimal(50900)

#: declared grade steps relative to P-3 where the corpus gives no figure for a grade (approximate
#: steps of the Secretariat's standard salary costs; marked "declared" wherever used)
GRADE_STEPS = {"P-1": Decimal("0.72"), "P-2": Decimal("0.82"), "P-3": Decimal(1), "P-4": Decimal("1.20"),
               "P-5": Decimal("1.40"), "D-1": Decimal("1.55"), "D-2": Decimal("1.70"), "GS": Decimal("0.70"),
               "GS (Other level)": Decimal("0.70"), "GS (Principal level)": Decimal("0.80")}

#: rate key → label, unit, significant places
RATES: dict[str, tuple[str, str, int]] = {
    "documentation.word": ("Documentation: processing and translation of one word into one official language "
                           "(a page is 330 words)", "USD/(word*language)", 5),
    "interpretation.meeting": ("Interpretation of one meeting (three hours) in one official language",
                               "USD/(meeting*language)", 0),
    "records.summary": ("Summary records of one meeting, all languages", "USD/meeting", 0),
    "records.verbatim": ("Verbatim records of one meeting, all languages", "USD/meeting", 0),
    "webcasting.meeting": ("Webcasting of one meeting", "USD/meeting", 0),
    "it_support.meeting": ("IT support of one meeting", "USD/meeting", 0),
    "sound.meeting": ("Sound technicians and recording of one meeting", "USD/meeting", 0),
    "consultant.work_month": ("Consultant, one work-month (fees)", "USD/work_month", 0),
    "gta.position": ("General temporary assistance: the cost of one position that does not depend on its length "
                     "(the fixed part of a figure, fitted to every temporary-assistance figure of one grade at once)", "USD/post", 0),
    "travel.airfare": ("Airfare and terminal expenses of one trip to the duty station", "USD/trip", 0),
    "travel.dsa": ("Daily subsistence allowance at the duty station, one traveller, one day", "USD/(trip*day)", 0),
    **{f"staff.{g}": (f"Staff at the {g} level, one work-month (general temporary assistance: salary and "
                      "common staff costs)", "USD/work_month", 0) for g in GRADE_STEPS},
}


@dataclass(frozen=True)
class Observation:
    """One figure's unit value for one rate, station and year."""

    key: str
    station: str
    year: int
    value: Decimal
    item: str
    how: str
    #: half the width of the unit values the published figure allows: it is rounded to the nearest 100
    #: (or printed in dollars), so the unit value lies within value ± half
    half: Decimal = Decimal(0)


def _q(act: dict[str, Any], name: str) -> Decimal:
    return Decimal(act[name])


def _words(act: dict[str, Any]) -> Decimal:
    return _q(act, "words") if "words" in act else _q(act, "pages") * WORDS_PER_PAGE


def _meetings(act: dict[str, Any]) -> Decimal:
    if "meetings" in act:
        return _q(act, "meetings")
    if "days" in act:
        return _q(act, "days") * 2
    return _q(act, "weeks") * 10


_SERVICES = (("summary_records", "records.summary"), ("verbatim_records", "records.verbatim"),
             ("webcasting", "webcasting.meeting"), ("it_support", "it_support.meeting"), ("sound", "sound.meeting"))


def terms(act: dict[str, Any]) -> list[tuple[str, Decimal]]:
    """(rate key, quantity) for each component that prices an activity of the contract."""
    kind = act["kind"]
    if kind == "documentation":
        return [("documentation.word", _words(act) * _q(act, "languages"))]
    if kind == "meeting":
        out = []
        if act.get("interpretation"):
            out.append(("interpretation.meeting", _meetings(act) * Decimal(act.get("languages", 6))))
        out += [(key, _meetings(act)) for flag, key in _SERVICES if act.get(flag)]
        return out
    if kind == "staff":
        return [(f"staff.{act['grade']}", _q(act, "work_months")), ("gta.position", Decimal(act.get("posts", 1)))]
    if kind == "consultant":
        return [("consultant.work_month", _q(act, "work_months"))]
    if kind == "dsa":
        return [("travel.dsa", _q(act, "trips") * _q(act, "dsa_days"))]
    if kind == "travel":
        return [("travel.airfare", _q(act, "trips")), ("travel.dsa", _q(act, "trips") * _q(act, "dsa_days"))]
    raise ValueError(kind)


_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _count(text: str) -> int:
    return _NUMBERS[text.lower()] if text.lower() in _NUMBERS else int(text)


def _travel_observations(cases: Iterable[Case]) -> list[Observation]:
    """Travel figures whose description splits airfare from subsistence ("up to 25 experts …: airfare/terminal
    79,400 + DSA 75,000"; "Chair travel for two 2-day informal meetings (airfare 3,100 + DSA 1,500)"): one
    airfare per trip and one DSA per day for each statement, its parts summed over its trips and days (a
    median of per-figure values would give a chair's two trips the weight of 25 experts' trips). Days: the
    days the figure names per trip, else a week's session of the statement (a 5-day session) as
    corpus.DSA_DAYS_PER_WEEK days (declared)."""
    out = []
    for case in cases:
        parts: dict[str, list[tuple[Decimal, Decimal, str]]] = defaultdict(list)
        week = any(re.search(r"\b5-day session", i.description) for i in case.items)
        for item in case.items:
            airfare = re.search(r"airfare(?:/terminal)? ([\d,]+)", item.description)
            if item.kind != "travel" or not airfare or not item.year or item.left_out \
                    or not FIRST_TABLE_YEAR <= item.year <= LAST_TABLE_YEAR:
                continue
            experts = re.search(r"(\d+) experts", item.description)
            per_trip = re.search(r"\b(one|two|three|four|five|\d+) (\d+)-day", item.description)
            trips = Decimal(_count(experts.group(1)) if experts else 1) * (
                _count(per_trip.group(1)) if per_trip else 1)
            parts["travel.airfare"].append((Decimal(airfare.group(1).replace(",", "")), trips,
                                            f"{item.id}: airfare and terminal {airfare.group(1)} for {trips} trips"))
            dsa = re.search(r"DSA ([\d,]+)", item.description)
            days = Decimal(per_trip.group(2)) if per_trip else Decimal(DSA_DAYS_PER_WEEK) if week else None
            if dsa and days:
                parts["travel.dsa"].append((Decimal(dsa.group(1).replace(",", "")), trips * days,
                                            f"{item.id}: DSA {dsa.group(1)} for {trips} trips × {days} days"
                                            + ("" if per_trip else " (a 5-day session: "
                                               f"{DSA_DAYS_PER_WEEK} days of subsistence, declared)")))
        for key, rows in parts.items():
            amount = sum((a for a, _, _ in rows), Decimal(0))
            quantity = sum((q for _, q, _ in rows), Decimal(0))
            first = next(i for i in case.items if i.id == rows[0][2].split(":")[0])
            out.append(Observation(key, first.station, first.year or 0, amount / quantity, first.id,
                                   "; ".join(h for _, _, h in rows) + " as the figures split it",
                                   _half(amount) * len(rows) / quantity))
    return out


def observations(cases: list[Case], exclude: frozenset[str] = frozenset()) -> tuple[list[Observation], dict[str, str]]:
    """Unit values of every priced figure (cases in ``exclude`` left out), and the figures screened out."""
    items = [i for c in cases if c.id not in exclude for i in c.items if i.priced]
    staff = [i for i in items if i.keys == ("staff",)]
    singles = [i for i in items if len(terms_of(i)) == 1]
    # temporary assistance at several grades in one figure only checks the table (in the evaluation):
    # one sum cannot tell the grades apart
    # travel printed as airfare + DSA gives both rates from its own split (_travel_observations)
    multis = [i for i in items if len(terms_of(i)) > 1 and "staff" not in i.keys and "travel" not in i.keys]
    obs = [Observation(key, i.station, i.year or 0, Decimal(i.amount) / qty, i.id, "", _half(i.amount) / qty)
           for i in singles for key, qty in terms_of(i)]
    obs += _staff_observations(staff)
    obs += _travel_observations(c for c in cases if c.id not in exclude)
    kept, dropped = screen(obs)
    singles_only = list(kept)
    for _ in range(3):  # residuals priced with the rates of the previous round, until they settle
        first = series_all(kept)
        kept, dropped = screen(obs + _residuals(multis, singles_only, first))
    return kept, dropped


#: the bandwidth, in years, of the weighted mean that smooths a thin series (fewer figures than the years
#: they span) and the monthly scale of temporary assistance: a figure one year away weighs 0.80 of one
#: of the year itself, two years away 0.41, three 0.14. Leave-one-statement-out, median over all figures
#: (temporary assistance alone): 0.5 year 1.52 % (3.56 %), 1 year 1.48 % (2.41 %), 1.5 years 1.24 %
#: (2.27 %), 2 years 1.52 % (2.39 %), 3 years 3.05 % (5.59 %). 1.5 is the best of the five tried: a
#: choice made on this corpus, so the README quotes the neighbours' errors too.
BANDWIDTH = Decimal("1.5")


def _staff_fixed(items: list[Item]) -> tuple[Decimal, str]:
    """The fixed part of a temporary-assistance position, fitted to every figure of one grade at once:
    amount / posts = fixed + months per post × grade step × (a + b × (year − 2020)), least squares on
    relative errors (declared grade steps). Pairs of one year that differ only in months are too few
    (one pair in the corpus) to decide it alone."""
    rows = []
    for item in items:
        act = item.activities[0]
        posts = Decimal(act.get("posts", 1))
        months = Decimal(act["work_months"]) / posts * GRADE_STEPS[act["grade"]]
        amount = Decimal(item.amount) / posts
        rows.append(([1.0, float(months), float(months) * ((item.year or 2020) - 2020)], float(amount)))
    if len({round(r[0][1], 6) for r in rows}) < 2 or len(rows) < 4:
        return Decimal(0), "fewer than four figures, or all of one length: no fixed part (declared 0)"
    n = 3
    normal = [[sum(x[i] * x[j] / a ** 2 for x, a in rows) for j in range(n)] for i in range(n)]
    right = [sum(x[i] * a / a ** 2 for x, a in rows) for i in range(n)]
    coef = _solve(normal, right)
    fixed = max(Decimal(round(coef[0])), Decimal(0))
    return fixed, (f"the fixed part fitted to all {len(rows)} temporary-assistance figures of one grade: amount per "
                   "position = fixed part + months × grade step × a monthly scale that moves linearly with the "
                   "year, least squares on relative errors")


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination of a small, well-conditioned system."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                factor = m[r][c] / m[c][c]
                m[r] = [x - factor * y for x, y in zip(m[r], m[c], strict=True)]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def _staff_observations(items: list[Item]) -> list[Observation]:
    """Temporary assistance: the fixed part of a position (``_staff_fixed``), then each figure's monthly
    rate net of it."""
    out: list[Observation] = []
    fixed, how = _staff_fixed(items)
    if fixed:
        out += [Observation("gta.position", "New York", item.year or 0, fixed, item.id, how) for item in items]
    for item in items:
        act = item.activities[0]
        posts = Decimal(act.get("posts", 1))
        out.append(Observation(f"staff.{act['grade']}", item.station, item.year or 0,
                               (Decimal(item.amount) - fixed * posts) / Decimal(act["work_months"]), item.id,
                               f"net of gta.position {posts} × {_fmt(fixed, 0)}" if fixed else "",
                               _half(item.amount) / Decimal(act["work_months"])))
    return out


def _smoothed(points: list[tuple[int, Decimal, str]], year: int) -> tuple[Decimal, list[str]]:
    """(value, the figures that weigh at least 5 per cent) at ``year`` from (year, unit value, figure)
    points: their mean weighted by a normal kernel of BANDWIDTH years around the year, and beyond the
    years they span the value at the first or last of them (carried, never extrapolated). (A weighted
    straight line instead of the mean follows trends between distant figures but did worse
    leave-one-statement-out: median 1.61 % against 1.24 % over all figures.)"""
    first, last = min(p[0] for p in points), max(p[0] for p in points)
    at = min(max(year, first), last)
    weights = [(p, Decimal(math.exp(-0.5 * float((p[0] - at) / BANDWIDTH) ** 2))) for p in points]
    total = sum((w for _, w in weights), Decimal(0))
    near = sorted({p[2] for p, w in weights if w / total >= Decimal("0.05")})
    return sum((p[1] * w for p, w in weights), Decimal(0)) / total, near


def _staff_scale(obs: list[Observation], places: int) -> "Series":
    """The monthly scale of temporary assistance at P-3, New York: each year the mean of every
    temporary-assistance figure's monthly rate (any grade, divided by its declared step; any duty
    station), weighted by a normal kernel of BANDWIDTH years around the year (``_smoothed``), so that
    a year with one figure, or none, leans on its neighbours instead of one figure."""
    out: Series = {}
    for year in YEARS:
        value, near = _smoothed([(o.year, o.value / GRADE_STEPS[o.key.split(".", 1)[1]], o.item) for o in obs], year)
        own = tuple(sorted(o.item for o in obs if o.year == year))
        note = (f"derived from {', '.join(near)} (each weighing at least 5 per cent): the mean of the "
                f"temporary-assistance figures' monthly rates at P-3 (grade steps declared), weighted by a "
                f"normal kernel of {BANDWIDTH} years around {_around(obs, year)}")
        out[year] = (_round(value, places), note, own)
    return out


def _residuals(multis: list[Item], singles: list[Observation],
               first: dict[tuple[str, str], "Series"]) -> list[Observation]:
    """For a figure that prices two things, the unit value of the one whose rate is least known (by
    the figures that price one thing only)."""
    out = []
    known_keys = {(o.key, o.station) for o in singles}
    for item in multis:
        parts = terms_of(item)
        own = {o.key for o in singles if o.year == item.year and o.station == item.station}
        keys = [k for k, _ in parts]
        unknown = ([k for k in keys if (k, item.station) not in known_keys]
                   or [k for k in keys if k not in own and k != "documentation.word"]
                   or [k for k in keys if k != "documentation.word"] or keys)
        key = unknown[0]
        known = Decimal(0)
        how = []
        for k, qty in parts:
            if k == key:
                continue
            rate = first.get((k, item.station), {}).get(item.year or 0)
            if rate is None:
                break
            known += rate[0] * qty
            how.append(f"{k} {qty:,} × {_fmt(rate[0], RATES[k][2])}")
        else:
            qty = dict(parts)[key]
            out.append(Observation(key, item.station, item.year or 0, (Decimal(item.amount) - known) / qty, item.id,
                                   "net of " + ", ".join(how) + " at the year's rate", _half(item.amount) / qty))
    return out


def _half(amount: int | Decimal) -> Decimal:
    """Half the rounding step of a published amount: 50 for one printed to the nearest 100, else 0.5."""
    return Decimal(50) if Decimal(amount) % 100 == 0 else Decimal("0.5")


def terms_of(item: Item) -> list[tuple[str, Decimal]]:
    return [t for act in item.activities for t in terms(act)]


def screen(obs: list[Observation]) -> tuple[list[Observation], dict[str, str]]:
    """Leave out unit values that stand apart from the same year's (or the neighbouring years')
    others: the worst first, then look again without it, so that one outlier does not condemn the
    figures next to it."""
    groups: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for o in obs:
        groups[(o.key, o.station)].append(o)
    kept: list[Observation] = []
    dropped: dict[str, str] = {}
    for (key, station), members in groups.items():
        members = list(members)
        while True:
            worst: tuple[Decimal, Observation, str] | None = None
            for o in members:
                verdict = _check(o, [m for m in members if m.item != o.item])
                if verdict and (worst is None or verdict[0] > worst[0]):
                    worst = (verdict[0], o, verdict[1])
            if worst is None:
                break
            _, o, why = worst
            dropped[o.item] = f"{key} {station} {o.year}: {_fmt(o.value, RATES[key][2])} per unit against {why}"
            members = [m for m in members if m.item != o.item]
        kept += members
    return kept, dropped


def _check(o: Observation, others: list[Observation]) -> tuple[Decimal, str] | None:
    """(how far beyond its margin, why) if ``o`` stands apart from ``others``; None if it holds up."""
    same = [m.value for m in others if m.year == o.year]
    before = [m for m in others if o.year - 2 <= m.year < o.year]
    after = [m for m in others if o.year < m.year <= o.year + 2]
    expected: Decimal | None = None
    basis = ""
    limit = OUTLIER
    if len(same) >= 2:
        expected, basis = _median([*same, o.value]), f"the median of the {len(same) + 1} figures of {o.year}"
    elif same and abs(o.value / same[0] - 1) <= OUTLIER:
        return None  # two figures of the year that agree support each other
    elif before and after:
        b, a = max(m.year for m in before), min(m.year for m in after)
        vb = _median([m.value for m in before if m.year == b])
        va = _median([m.value for m in after if m.year == a])
        expected = vb + (va - vb) * (o.year - b) / (a - b)
        basis = f"the figures of {b} and {a}"
    elif before or after:  # one side only: a rate moves from year to year, so a wider margin,
        near = max(before, key=lambda m: m.year) if before else min(after, key=lambda m: m.year)
        peers = [m.value for m in (before or after) if m.year == near.year]
        # and two figures that agree there: one figure against one cannot say which is wrong
        expected = _median(peers) if len(peers) >= 2 else None
        basis, limit = f"the figures of {near.year} (one side only: margin {ONE_SIDED:.0%})", ONE_SIDED
    if not expected:
        return None
    off = abs(o.value / expected - 1)
    if off <= limit:
        return None
    places = RATES[o.key][2]
    return off / limit, (f"{_fmt(expected, places)} from {basis} ({(o.value / expected - 1) * 100:+.0f} %): a wrong "
                         "year, a combined figure or quantities that do not fit the amount")


def _median(values: list[Decimal]) -> Decimal:
    return Decimal(statistics.median(values))


def _fmt(value: Decimal, places: int) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):,}"


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


Series = dict[int, tuple[Decimal, str, tuple[str, ...]]]
SAME_AS_NY = "the New York value"


def _series(obs: list[Observation], places: int) -> Series:
    """Year → (value, where it comes from, figures) over the table's years, from one station's figures."""
    by_year: dict[int, list[Observation]] = defaultdict(list)
    for o in obs:
        by_year[o.year].append(o)
    data = {y: _year_value(os, places) for y, os in by_year.items()}
    out: Series = {}
    for year, members in by_year.items():
        ids = tuple(sorted(o.item for o in members))
        hows = sorted({o.how for o in members if o.how})
        count = _common(members)[2]
        how = ("single-use: one figure" if len(ids) == 1 else "median: no two figures' roundings allow one value"
               if count < 2 else f"within the rounding of {'all' if count == len(ids) else count} of the figures")
        note = "derived from " + ", ".join(ids) + f" ({how})" + (f"; {'; '.join(hows)}" if hows else "")
        out[year] = (data[year], note, ids)
    years = sorted(data)
    if len(obs) >= 2 and len(obs) < years[-1] - years[0] + 1:
        return {**out, **_kernel(obs, [y for y in YEARS if y not in out or len(out[y][2]) < 2], places)}
    for year in YEARS:
        if year in out:
            continue
        before = [y for y in years if y < year]
        after = [y for y in years if y > year]
        if before and after:
            b, a = before[-1], after[0]
            value = _round(data[b] + (data[a] - data[b]) * (year - b) / (a - b), places)
            out[year] = (value, f"interpolated between {b} and {a}", ())
        elif before:
            out[year] = (data[before[-1]], f"carried forward from {before[-1]}", ())
        elif after:
            out[year] = (data[after[0]], f"carried back from {after[0]} (no earlier figure)", ())
    return out


def _kernel(obs: list[Observation], years: list[int], places: int) -> Series:
    """A thin series (fewer figures than the years they span): a year with one figure or none takes the
    mean of all the figures' unit values weighted by a normal kernel of BANDWIDTH years around it
    (``_smoothed``), so that it leans on its neighbours instead of on one figure."""
    out: Series = {}
    for year in years:
        value, near = _smoothed([(o.year, o.value, o.item) for o in obs], year)
        own = tuple(sorted(o.item for o in obs if o.year == year))
        out[year] = (_round(value, places), f"derived from {', '.join(near)} (each weighing at least 5 per cent): "
                     f"the mean of their unit values weighted by a normal kernel of {BANDWIDTH} years around "
                     f"{_around(obs, year)} (a thin series: {len(obs)} figures over "
                     f"{max(o.year for o in obs) - min(o.year for o in obs) + 1} years)", own)
    return out


def _around(obs: list[Observation], year: int) -> str:
    """The year a smoothed value is taken at, and whether it is carried beyond the figures' years."""
    first, last = min(o.year for o in obs), max(o.year for o in obs)
    return (f"{last}, carried forward" if year > last else f"{first}, carried back" if year < first
            else str(year))


def _common(members: list[Observation]) -> tuple[Decimal, Decimal, int]:
    """The unit values that the rounding of the most figures allows (value ± half): (low, high, how many
    figures). Of equal counts, the range nearest the figures' median."""
    middle = _median([o.value for o in members])
    best: tuple[int, Decimal, Decimal, Decimal] | None = None
    for low in sorted({o.value - o.half for o in members}):
        inside = [o for o in members if o.value - o.half <= low <= o.value + o.half]
        high = min(o.value + o.half for o in inside)
        distance = Decimal(0) if low <= middle <= high else min(abs(low - middle), abs(high - middle))
        if best is None or (len(inside), -distance) > (best[0], -best[3]):
            best = (len(inside), low, high, distance)
    assert best is not None
    return best[1], best[2], best[0]


def _year_value(members: list[Observation], places: int) -> Decimal:
    """A year's value. A published figure is rounded to the nearest 100, so each allows a range of unit
    values: the middle of the range that the most figures allow (at least two), so that as many as
    possible are reproduced exactly; the median of the unit values when no two figures agree."""
    low, high, count = _common(members)
    if count >= 2:
        return _round((low + high) / 2, places)
    return _round(_median([o.value for o in members]), places)


def series_all(obs: list[Observation]) -> dict[tuple[str, str], Series]:
    """(key, station) → series, for every rate and every station (see the module's docstring)."""
    out: dict[tuple[str, str], Series] = {}
    by: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for o in obs:
        by[(o.key, o.station)].append(o)
    for key, (_, _, places) in sorted(RATES.items(), key=lambda kv: kv[0] != "staff.P-3"):
        anchor = "New York" if by.get((key, "New York")) else next(
            (s for s in STATIONS if by.get((key, s))), None)
        if key == "gta.position" and by.get((key, "New York")):
            fit = by[(key, "New York")]  # one value, fitted to every figure at once
            ids = tuple(sorted({o.item for o in fit}))
            out[(key, "New York")] = {y: (_round(fit[0].value, places), f"derived from {', '.join(ids)}: {fit[0].how}",
                                          ids) for y in YEARS}
            for station in STATIONS[1:]:
                out[(key, station)] = {y: (v, SAME_AS_NY, ()) for y, (v, _, _) in out[(key, "New York")].items()}
            continue
        if key == "staff.P-3":
            pooled = [o for (k, _), os in by.items() if k.startswith("staff.") for o in os]
            if not pooled:
                continue
            out[(key, "New York")] = _staff_scale(pooled, places)
            for station in STATIONS[1:]:
                out[(key, station)] = {y: (v, SAME_AS_NY, ()) for y, (v, _, _) in out[(key, "New York")].items()}
            continue
        if key.startswith("staff.") and key != "staff.P-3":
            base = out.get(("staff.P-3", "New York"))
            if base is None:
                continue
            own = [o for s in STATIONS for o in by.get((key, s), [])]
            ratios = [o.value / base[o.year][0] for o in own]
            if ratios:
                declared = GRADE_STEPS[key.split(".", 1)[1]]
                # the declared step counts as one more figure: two P-4 figures that disagree (1.09 and 1.34)
                # do not decide the step alone
                step = _round(_median([declared, *ratios]), 3)
                basis = (f"{step} × P-3, the median of the declared step {declared} and the ratio of "
                         + ", ".join(o.item for o in own))
            else:
                step, basis = GRADE_STEPS[key.split(".", 1)[1]], f"{GRADE_STEPS[key.split('.', 1)[1]]} × P-3 (declared grade step; no figure for this grade)"
            out[(key, "New York")] = {y: (_round(v * step, places), f"{basis}; P-3 {y}: {n}", ())
                                      for y, (v, n, _) in base.items()}
            anchor = "New York"
        elif anchor is None:
            continue
        else:
            out[(key, anchor)] = _series(by[(key, anchor)], places)
        ny = out[(key, anchor)]
        for station in STATIONS:
            if station == anchor:
                continue
            own = by.get((key, station), [])
            # a ratio to the anchor from the figures of years where the anchor has figures (within two years)
            anchor_years = {o.year for o in by.get((key, anchor), [])}
            paired = [o for o in own if any(abs(o.year - y) <= 2 for y in anchor_years)]
            if own:
                mine = _series(own, places)
                years = {o.year for o in own}
                items = ", ".join(sorted(o.item for o in own))
                if paired:
                    ratio = _round(_median([o.value / ny[o.year][0] for o in paired]), 3)
                    note = (f"{anchor} × {ratio}, the ratio of " + ", ".join(sorted(o.item for o in paired))
                            + f" to {anchor}")
                else:
                    # the anchor's values of those years are carried from other years; with one figure the
                    # declared ratio 1 counts as one more, so that one figure does not scale every year alone
                    ratios = [o.value / ny[o.year][0] for o in own]
                    ratio = _round(_median(ratios if len(ratios) > 1 else [Decimal(1), *ratios]), 3)
                    note = (f"{anchor} × {ratio}, the median of " + ("" if len(ratios) > 1 else "the declared ratio 1 "
                            "and ") + f"the ratio of {items} to {anchor}'s value of its year (no {anchor} figure "
                            f"within two years of {', '.join(str(y) for y in sorted(years))})")
                # a station with few figures of its own follows the anchor by one ratio in every year
                thin = len(own) < 3 or len(own) < max(years) - min(years) + 1
                out[(key, station)] = {y: (mine[y] if y in years and not thin else (_round(v * ratio, places), note,
                                                                                   tuple(sorted(o.item for o in own))))
                                       for y, (v, _, _) in ny.items()}
            elif key == "documentation.word":
                cost, text = DOC_RATIOS[station] if station in DOC_RATIOS else (DOC_BASE, "50,900")
                out[(key, station)] = {y: (_round(v * cost / DOC_BASE, places),
                                           f"{anchor} × {text}/50,900 (declared: the 2015 duty-station costs of "
                                           "one 8,500-word document recorded with ST-D01, A/70/7/Add.31)", ())
                                       for y, (v, _, _) in ny.items()}
            elif anchor == "New York":  # the table lends New York's values, and says so
                out[(key, station)] = {y: (v, SAME_AS_NY, ()) for y, (v, _, _) in ny.items()}
            else:
                out[(key, station)] = {y: (v, f"assumed equal to {anchor} (declared: no figure at this station)", ())
                                       for y, (v, _, _) in ny.items()}
    if ("gta.position", "New York") not in out:
        for station in STATIONS:
            out[("gta.position", station)] = {y: (Decimal(0), "no two figures of one grade, station and year that "
                                                  "differ only in months: 0 (declared)" if station == "New York"
                                                  else SAME_AS_NY, ()) for y in YEARS}
    if ("sound.meeting", "New York") not in out and ("it_support.meeting", "New York") in out:
        for station in STATIONS:
            it = out[("it_support.meeting", station)]
            out[("sound.meeting", station)] = {y: (v, "assumed equal to it_support.meeting (declared: no corpus "
                                                      "figure prices sound by the meeting)" if n != SAME_AS_NY else n, ())
                                               for y, (v, n, _) in it.items()}
    return out


def derive(cases: list[Case], exclude: frozenset[str] = frozenset()) -> tuple[dict[str, Any], dict[str, str]]:
    """The table as data (for YAML) and the figures left out, with reasons."""
    kept, dropped = observations(cases, exclude)
    # and the figures the corpus reading leaves out (read twice, not holding up, uncertain), with its reason
    dropped = {**{i.id: i.left_out for c in cases if c.id not in exclude for i in c.items
                  if i.activities and i.left_out}, **dropped}
    series = series_all(kept)
    rates: dict[str, Any] = {}
    for key, (label, unit, _places) in RATES.items():
        if (key, "New York") not in series:
            continue
        ny = series[(key, "New York")]
        figures = sorted({i for s in STATIONS for (_, _, ids) in series.get((key, s), {}).values() for i in ids})
        own = [s for s in STATIONS if s != "New York" and (key, s) in series
               and any(n != SAME_AS_NY for (_, n, _) in series[(key, s)].values())]
        rates[key] = {
            "label": label, "unit": unit,
            "values": {f"{y}-01-01": _plain(v) for y, (v, _, _) in sorted(ny.items())},
            "stations": {s: {f"{y}-01-01": _plain(v) for y, (v, _, _) in sorted(series[(key, s)].items())}
                         for s in own},
            "reference": (f"Derived from the corpus of published statements (derive/un_standard_costs.py): "
                          f"{', '.join(figures) if figures else 'no figure of its own'}."),
            "fitted_to": figures,
            "sources": {("default" if s == "New York" else s): {f"{y}-01-01": n for y, (_, n, _) in
                                                                 sorted(series[(key, s)].items())}
                        for s in ("New York", *own)},
        }
    table = {
        "id": "un-standard-costs",
        "title": f"United Nations standard costs by duty station, {YEARS[0]}-{YEARS[-1]}, derived from published "
                 "statements of programme budget implications",
        "duty_station": "New York",
        "stations": [s for s in STATIONS if s != "New York"],
        "valid_to": f"{YEARS[-1]}-12-31",
        "words_per_page": WORDS_PER_PAGE,
        "rounding": {"step": 100, "mode": "half_up"},
        "surcharges": {"programme_support": {
            "label": "Programme support costs", "percent": 13, "applies_to": ["extrabudgetary", "voluntary"],
            "reference": "Standard 13 per cent programme support costs on extrabudgetary activities "
                         "(General Assembly resolution 35/217)."}},
        "vacancy_factors": {
            "professional": {"percent": 50, "reference": "First-year cost of new Professional posts: 50 per cent "
                             "vacancy factor (the corpus README: statements cost new posts at first-year rates)."},
            "general_service": {"percent": 35, "reference": "First-year cost of new General Service posts: 35 per "
                                "cent vacancy factor, i.e. costed at 65 per cent (the corpus README's '65 per cent for "
                                "General Service'). Checked on the one corpus figure with new General Service posts: "
                                "ST-D16's section 24 total of 203,000 less its temporary assistance (ST-D16.1, "
                                "48,600) leaves 154,400 for a new P-2 and GS (Other level) post in 2024; costed at "
                                "65 per cent the table gives 8.9 per cent less, at 35 per cent 31 per cent less."}},
        "activities": _kinds(rates),
        "rates": rates,
    }
    staff_assessment = derive_staff_assessment([c for c in cases if c.id not in exclude])
    if staff_assessment:
        table = {**{k: v for k, v in table.items() if k not in ("activities", "rates")},
                 "staff_assessment": staff_assessment, "activities": table["activities"], "rates": rates}
    return table, dropped


#: "staff assessment of $42,500", "staff assessment $17,600 to be offset"
_SA_STATED = re.compile(r"staff assessment (?:of )?\$([\d,]+)", re.IGNORECASE)
#: "Total incl. staff assessment 151,400" (the gross total)
_SA_GROSS = re.compile(r"\bincl(?:\.|uding) staff assessment:? \$?([\d,]+)", re.IGNORECASE)
_SA_SECTION = re.compile(r"staff assessment \(section (\d+)\)", re.IGNORECASE)


def derive_staff_assessment(cases: list[Case]) -> dict[str, Any] | None:
    """Staff assessment as a percentage of staff costs, from the cases that state it beside their staff
    items (posts, other staff costs), and the section it is shown under, from a case that names it."""
    found: list[tuple[str, int, list[str], int]] = []
    section = None
    for case in cases:
        m = _SA_SECTION.search(case.quote)
        if m:
            section = (m.group(1), f"{case.id} ({case.symbol})")
        m = _SA_STATED.search(case.quote)
        staff = [i for i in case.items if i.kind == "staff"]
        if m and staff:
            found.append((f"{case.id} ({case.symbol})", _number(m.group(1)),
                          [f"{i.id}: {i.amount:,}" for i in staff], sum(i.amount for i in staff)))
    if not found or section is None:
        return None
    amount, base = sum(f[1] for f in found), sum(f[3] for f in found)
    percent = (Decimal(amount) * 100 / Decimal(base)).quantize(Decimal("0.1"))
    cases_text = "; ".join(f"{who}: staff assessment of {sa:,} on staff items {', '.join(items)}"
                           for who, sa, items, _ in found)
    out: dict[str, Any] = {
        "percent": _plain(percent), "applies_to": ["posts", "other_staff_costs"],
        "section": f"Section {section[0]}", "income_section": "Income section 1",
        "reference": (f"Derived from the corpus (derive/un_standard_costs.py): {cases_text}; "
                      f"{amount:,} / {base:,} = {percent} per cent of staff costs. Shown under section "
                      f"{section[0]} as {section[1]} names it, offset under income section 1.")}
    conference = _conference_staff_assessment(cases)
    if conference:
        out["sections"] = {"Section 2": conference}
    return out


#: the corpus kinds of conference services (documentation and meeting services, section 2)
_CONFERENCE_KINDS = ("documentation", "meeting", "conference_services")


def _conference_staff_assessment(cases: list[Case]) -> dict[str, Any] | None:
    """Staff assessment on conference services (section 2), from the cases whose staff assessment falls on
    conference services alone: every item of its year is documentation or meeting services under section 2
    (or no section), besides webcasting and IT services under sections 28 and 29 (no staff costs); the
    amount is stated, or the gross total less the items. The percentage of all of them together."""
    found: list[tuple[str, int, int]] = []
    for case in cases:
        text = f"{case.quote} {case.notes}"
        stated, gross = _SA_STATED.search(text), _SA_GROSS.search(text)
        year = next((i.year for i in case.items if i.kind in _CONFERENCE_KINDS), None)
        items = [i for i in case.items if i.year == year]
        services = [i for i in items if i.kind in _CONFERENCE_KINDS and i.section in (None, "Section 2")]
        others = [i for i in items if i not in services]
        if not (stated or gross) or not services or any(
                i.kind != "other" or not (i.section or "").startswith(("Section 28", "Section 29")) for i in others):
            continue
        base = sum(i.amount for i in services)
        sa = _number(stated.group(1)) if stated else _number(gross.group(1)) - sum(i.amount for i in items)
        found.append((f"{case.id} ({case.symbol}): {sa:,} on {' + '.join(f'{i.id}: {i.amount:,}' for i in services)}",
                      sa, base))
    if not found:
        return None
    amount, base = sum(f[1] for f in found), sum(f[2] for f in found)
    percent = (Decimal(amount) * 100 / Decimal(base)).quantize(Decimal("0.1"))
    return {"percent": _plain(percent),
            "reference": (f"Derived from the corpus (derive/un_standard_costs.py), the statements whose staff "
                          f"assessment falls on conference services alone: {'; '.join(f[0] for f in found)}; "
                          f"{amount:,} / {base:,} = {percent} per cent of conference services under section 2"
                          + (" (a single figure)" if len(found) == 1 else "") + ".")}


def _number(text: str) -> int:
    return int(text.replace(",", ""))


ACTIVITIES: dict[str, Any] = {
    "documentation": {"label": "Parliamentary documentation (processing and translation, by word count; pages "
                               "count 330 words)", "defaults": {"documents": 1, "languages": 6},
                      "components": [{"rate": "documentation.word", "per": ["words", "languages"]}]},
    "meeting": {"label": "Meeting services: interpretation, records, webcasting, sound and IT support",
                "defaults": {"languages": 6},
                "components": [
                    {"rate": "interpretation.meeting", "per": ["meetings", "languages"], "when": {"interpretation": True}},
                    {"rate": "records.summary", "per": ["meetings"], "when": {"summary_records": True}},
                    {"rate": "records.verbatim", "per": ["meetings"], "when": {"verbatim_records": True}},
                    {"rate": "webcasting.meeting", "per": ["meetings"], "when": {"webcasting": True}},
                    {"rate": "sound.meeting", "per": ["meetings"], "when": {"sound": True}},
                    {"rate": "it_support.meeting", "per": ["meetings"], "when": {"it_support": True}}]},
    "staff": {"label": "General temporary assistance by grade and work-month, and the fixed part of each position",
              "defaults": {"posts": 1},
              "components": [{"rate": "staff.{grade}", "per": ["work_months"]},
                             {"rate": "gta.position", "per": ["posts"]}]},
    "new_post": {"label": "New posts at first-year cost (the table's vacancy factor by category)",
                 "defaults": {"posts": 1, "work_months": 12}, "vacancy": True,
                 "components": [{"rate": "staff.{grade}", "per": ["post_months"]}]},
    "consultant": {"label": "Consultants by work-month",
                   "components": [{"rate": "consultant.work_month", "per": ["work_months"]}]},
    "travel": {"label": "Travel: airfare and terminal expenses per trip plus subsistence allowance per day",
               "components": [{"rate": "travel.airfare", "per": ["trips"]},
                              {"rate": "travel.dsa", "per": ["trip_days"]}]},
    "dsa": {"label": "Daily subsistence allowance only (travellers already at the duty station or airfare apart)",
            "components": [{"rate": "travel.dsa", "per": ["trip_days"]}]},
}


def _kinds(rates: dict[str, Any]) -> dict[str, Any]:
    """The activity kinds, with only the components whose rate has values (all of them, from the
    whole corpus; a leave-one-out table may lack one)."""
    out = {}
    for name, kind in ACTIVITIES.items():
        comps = [c for c in kind["components"] if c["rate"] in rates
                 or ("{" in c["rate"] and any(k.startswith(c["rate"].split("{")[0]) for k in rates))]
        if comps:
            out[name] = {**kind, "components": comps}
    return out


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


HEADER = """\
# United Nations standard costs by duty station, {first}-{last} ({carried} carried forward), derived from the corpus of published
# statements of programme budget implications (../shared/corpus/statements.yaml) by
# cost_tables/derive/un_standard_costs.py -- do not edit by hand: change the script and run it again.
# Each dated value says in `sources` which figures (case id.item) it was derived from, or that it is
# carried forward, interpolated or scaled by a declared ratio. Figures not used for the rates, and why:
"""


def table_yaml(table: dict[str, Any], dropped: dict[str, str]) -> str:
    import yaml

    carried = f"{LAST_TABLE_YEAR + 1}-{YEARS[-1]}" if CARRIED_YEARS > 1 else str(YEARS[-1])
    lines = [HEADER.rstrip("\n").format(first=YEARS[0], last=YEARS[-1], carried=carried)]
    for item, reason in sorted(dropped.items()):
        lines.append(f"#   {item}: {reason}")
    body = yaml.safe_dump(table, sort_keys=False, allow_unicode=True, width=110)
    return "\n".join(lines) + "\n" + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "cost_tables" / "un-standard-costs.yaml")
    args = parser.parse_args(argv)
    table, dropped = derive(load_corpus(args.corpus))
    args.output.write_text(table_yaml(table, dropped), encoding="utf-8")
    print(f"{args.output}: {len(table['rates'])} rates; {len(dropped)} figures not used for them")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
