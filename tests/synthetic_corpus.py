"""A synthetic corpus shaped like the General Assembly statements: N specs, each a report counted
in words, a meeting with interpretation, six months of P-3 staff and a quoted lump sum, across three
duty stations and the years 2010-2026, priced by a table with dated values per duty station.

The published amounts are made from "true" rates with a deterministic noise of up to ±``noise``
per cent, rounded to the hundred: nothing here is real data. Used by the reproduce and calibrate
benchmarks and by tests that need a corpus of some size.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

__all__ = ["write_corpus", "STATIONS", "TABLE_ID"]

TABLE_ID = "synth-ga"
STATIONS = ("New York", "Geneva", "Vienna")
#: effective dates of the dated values, and the true rates per station
DATES = (2010, 2014, 2018, 2022)
WORD = {"New York": ("0.95", "1.02", "1.10", "1.21"), "Geneva": ("0.90", "0.98", "1.05", "1.16"),
        "Vienna": ("0.88", "0.94", "1.01", "1.12")}
MEETING = {"New York": ("21000", "22500", "24000", "26000"), "Geneva": ("20000", "21500", "23000", "25200"),
           "Vienna": ("19500", "21000", "22400", "24300")}
STAFF = ("14000", "15200", "16500", "17800")


def _series(values: tuple[str, ...], scale: str = "1") -> str:
    return "{" + ", ".join(f"{y}-01-01: '{Decimal(v) * Decimal(scale)}'" for y, v in zip(DATES, values, strict=True)) + "}"


def _table() -> str:
    # the base values are the true ones moved by 5 per cent: calibrate has something to find
    def stations(rates: dict[str, tuple[str, ...]]) -> str:
        return "{" + ", ".join(f"{s}: {_series(v, '1.05')}" for s, v in rates.items() if s != "New York") + "}"

    return f"""\
id: {TABLE_ID}
title: Synthetic standard costs (benchmark)
duty_station: New York
words_per_page: 330
rounding: {{step: 100, mode: half_up}}
activities:
  documentation:
    label: Documentation
    components:
      - {{rate: documentation.word, per: [words]}}
  meeting:
    label: Meeting with interpretation
    components:
      - {{rate: interpretation.meeting, per: [meetings], when: {{interpretation: true}}}}
  staff:
    label: Staff
    components:
      - {{rate: "staff.{{grade}}", per: [work_months]}}
rates:
  documentation.word:
    label: Documentation, one word in all languages
    unit: USD/word
    values: {_series(WORD["New York"], "1.05")}
    stations: {stations(WORD)}
    reference: synthetic
  interpretation.meeting:
    label: Interpretation, one meeting in six languages
    unit: USD/meeting
    values: {_series(MEETING["New York"], "1.05")}
    stations: {stations(MEETING)}
    reference: synthetic
  staff.P-3:
    label: P-3, one work-month
    unit: USD/work_month
    values: {_series(STAFF, "1.05")}
    reference: synthetic
"""


def _true(values: tuple[str, ...], year: int) -> Decimal:
    return Decimal(values[max(i for i, d in enumerate(DATES) if d <= year)])


def _period(year: int) -> str:
    """Biennia (even year first) before 2020, single years from 2020."""
    if year >= 2020:
        return str(year)
    start = year - year % 2
    return f"{start}-{start + 1}"


def _hundred(value: Decimal) -> int:
    return int((value / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 100)


def write_corpus(folder: Path, n: int = 200, *, noise: float = 1.0, seed: int = 1) -> Path:
    """Write ``cost_tables/synth-ga.yaml`` and ``n`` specs under ``folder/notes``; return the notes folder."""
    rnd = random.Random(seed)
    (folder / "cost_tables").mkdir(parents=True, exist_ok=True)
    (folder / "cost_tables" / f"{TABLE_ID}.yaml").write_text(_table(), encoding="utf-8")
    notes = folder / "notes"
    notes.mkdir(exist_ok=True)

    def noisy(value: Decimal) -> int:
        return _hundred(value * Decimal(str(1 + rnd.uniform(-noise, noise) / 100)))

    for i in range(n):
        station, year = STATIONS[i % len(STATIONS)], 2010 + (i * 7) % 17
        words, meetings, months = 4000 + 500 * (i % 13), 4 + 2 * (i % 5), 3 + i % 6
        doc = noisy(words * _true(WORD[station], year))
        meet = noisy(meetings * _true(MEETING[station], year))
        staff = noisy(months * _true(STAFF, year))
        (notes / f"s{i:03d}.yaml").write_text(f"""\
symbol: A/SYN/{i}
title: {{en: Synthetic draft {i}}}
body: general-assembly
rule: "153"
budget_period: "{_period(year)}"
table: {TABLE_ID}
requests:
  - id: a
    activities:
      - {{id: report, kind: documentation, words: {words}, location: {station}, year: {year}, funding: regular_budget}}
      - {{id: sessions, kind: meeting, meetings: {meetings}, interpretation: true, location: {station}, year: {year}, funding: regular_budget}}
      - {{id: gta, kind: staff, grade: P-3, work_months: {months}, location: {station}, year: {year}, funding: regular_budget}}
      - {{id: other, kind: lump_sum, amount: {1000 * (1 + i % 9)}, year: {year}, funding: regular_budget}}
published:
  - {{id: F01, paragraph: "1", amount: {doc}, activities: [report]}}
  - {{id: F02, paragraph: "2", amount: {meet}, activities: [sessions]}}
  - {{id: F03, paragraph: "3", amount: {staff}, activities: [gta]}}
  - {{id: F04, paragraph: "4", amount: {1000 * (1 + i % 9)}, activities: [other]}}
""", encoding="utf-8")
    return notes
