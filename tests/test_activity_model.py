"""The activity model beyond the COP 5 notes: the kinds of cost General Assembly statements carry."""

from decimal import Decimal

import pytest

from pbi.costing.engine import cost
from pbi.model.errors import SpecError, TableError
from pbi.model.specs import Range, load_spec
from pbi.model.tables import load_table

TABLE = """\
id: ga-example
title: Illustrative standard costs (test data)
duty_station: New York
words_per_page: 330
rounding: {step: 100, mode: half_up}
surcharges:
  psc: {label: Programme support costs, percent: 13, applies_to: [extrabudgetary], reference: test}
activities:
  documentation:
    label: Pre-session documentation, priced by word
    defaults: {documents: 1, languages: 6}
    components:
      - {rate: doc.word, per: [words, languages]}
  meeting:
    label: Meetings
    defaults: {languages: 6}
    components:
      - {rate: interpretation, per: [meetings, languages], when: {interpretation: true}}
      - {rate: meeting_services, per: [meetings]}
      - {rate: summary_records, per: [meetings, languages], when: {interpretation: true}}
  webcast:
    label: Webcasting
    components:
      - {rate: webcast, per: [meetings]}
  travel:
    label: Participants' travel
    components:
      - {rate: airfare, per: [trips]}
      - {rate: terminal, per: [trips]}
      - {rate: "dsa.{location}", per: [participant_days]}
  staff:
    label: General temporary assistance by grade
    components:
      - {rate: "gta.{grade}", per: [work_months]}
rates:
  doc.word: {label: one word one language, unit: USD/(word*language), values: {2024-01-01: "0.20"}, reference: test}
  interpretation:
    label: interpretation
    unit: USD/(meeting*language)
    values: {2024-01-01: 1000}
    stations: {Geneva: {2024-01-01: 1100}}
    reference: test
  meeting_services: {label: services, unit: USD/meeting, values: {2024-01-01: 500}, reference: test}
  summary_records: {label: records, unit: USD/(meeting*language), values: {2024-01-01: 300}, reference: test}
  webcast: {label: webcast, unit: USD/meeting, values: {2024-01-01: 250, 2025-01-01: 260}, reference: test}
  airfare: {label: airfare, unit: USD/trip, values: {2024-01-01: 2000}, reference: test}
  terminal: {label: terminal expenses, unit: USD/trip, values: {2024-01-01: 200}, reference: test}
  dsa.Geneva: {label: DSA Geneva, unit: USD/(participant*day), values: {2024-01-01: 400}, reference: test}
  dsa.Nairobi: {label: DSA Nairobi, unit: USD/(participant*day), values: {2024-01-01: 300}, reference: test}
  gta.P-4: {label: GTA P-4, unit: USD/work_month, values: {2024-01-01: 18000}, reference: test}
"""

SPEC = """\
symbol: A/C.3/79/L.1
title: {en: Example}
body: general-assembly
rule: "153"
budget_period: "2025"
table: ga-example
requests:
  - id: a
    activities:
      - {id: report, kind: documentation, words: 8500, year: 2025, funding: regular_budget, section: Section 2}
      - {id: session, kind: meeting, days: 2, interpretation: true, location: Geneva, year: 2025,
         funding: regular_budget, section: Section 2}
      - {id: webcast, kind: webcast, meetings: 4, year: 2025, funding: regular_budget, section: Section 28}
      - {id: experts, kind: travel, trips: 10, participants: 10, dsa_days: 3, location: Nairobi, year: 2025,
         funding: extrabudgetary}
      - {id: gta, kind: staff, grade: P-4, work_months: 2, year: 2025, funding: regular_budget, section: Section 16}
"""


@pytest.fixture
def estimate(write):
    table = load_table(write("ga-example.yaml", TABLE))
    return cost(load_spec(write("spec.yaml", SPEC)), table)


def _amount(estimate, activity, key):
    return next(i.amount.low for i in estimate.items if i.activity == activity and i.rate_key == key)


def test_words_and_duty_stations_and_grades(estimate):
    assert _amount(estimate, "report", "doc.word") == Decimal("8500") * 6 * Decimal("0.20")
    assert _amount(estimate, "session", "interpretation") == 4 * 6 * 1100      # Geneva rate
    assert _amount(estimate, "session", "meeting_services") == 4 * 500
    assert _amount(estimate, "session", "summary_records") == 4 * 6 * 300
    assert _amount(estimate, "webcast", "webcast") == 4 * 260                  # the 2025 value
    assert _amount(estimate, "experts", "airfare") == 10 * 2000
    assert _amount(estimate, "experts", "dsa.Nairobi") == 10 * 3 * 300
    assert _amount(estimate, "gta", "gta.P-4") == 2 * 18000


def test_totals_by_funding_section_and_psc(estimate):
    psc = [i for i in estimate.items if i.type == "surcharge"]
    assert [i.activity for i in psc] == ["experts"]
    assert psc[0].amount.low == Decimal("0.13") * (20000 + 2000 + 9000)
    totals = estimate.totals()
    assert set(totals) == {("regular_budget", 2025), ("extrabudgetary", 2025)}
    assert sum((i.amount.low for i in estimate.items), Decimal(0)) == estimate.total.low
    sections = {c.section for c in estimate.cells}
    assert sections == {"Section 2", "Section 28", "Section 16", None}


def test_words_need_words_per_page_when_pages_are_given(write):
    table = load_table(write("ga-example.yaml", TABLE.replace("words_per_page: 330\n", "")))
    spec = load_spec(write("spec.yaml", SPEC.replace("words: 8500", "pages: 20")))
    with pytest.raises(Exception, match="declares no words_per_page"):
        cost(spec, table)


def test_rate_of_the_wrong_unit_for_the_activity(write):
    # found when the table loads, not when a spec is priced
    with pytest.raises(TableError, match=r"ga-example.yaml:\d+: rates.airfare.unit: .*not USD"):
        load_table(write("ga-example.yaml", TABLE.replace("unit: USD/trip, values: {2024-01-01: 2000}",
                                                          "unit: USD/page, values: {2024-01-01: 2000}")))


def test_missing_quantity_is_named(write):
    table = load_table(write("ga-example.yaml", TABLE))
    spec = load_spec(write("spec.yaml", SPEC.replace("trips: 10, participants: 10, ", "")))
    with pytest.raises(SpecError, match=r"spec.yaml:\d+: requests\[0\].activities\[3\].trips: a travel activity "
                                        r"needs 'trips' or 'participants' \(rate airfare is per trips\)"):
        cost(spec, table)


def test_travel_of_participants_for_days_is_one_trip_each_and_subsistence_for_those_days(write):
    table = load_table(write("ga-example.yaml", TABLE))
    stated = cost(load_spec(write("a.yaml", SPEC)), table)
    spec = load_spec(write("b.yaml", SPEC.replace("trips: 10, participants: 10, dsa_days: 3", "participants: 10, days: 3")))
    read = cost(spec, table)
    assert read.total == stated.total
    (airfare,) = [i for i in read.items if i.rate and i.rate.key == "airfare"]
    (dsa,) = [i for i in read.items if i.rate and i.rate.key == "dsa.Nairobi"]
    assert airfare.factors[0] == ("trips (10 participants)", Range.of(10))
    assert dsa.factors[0] == ("participant_days (10 participants × 3 days of subsistence)", Range.of(30))
