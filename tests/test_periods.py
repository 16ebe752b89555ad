"""Budget periods, sessions straddling two years, and tables lacking the year asked for."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pbi.cli import main
from pbi.costing.engine import cost
from pbi.model.errors import RateLookupError, SpecError
from pbi.model.periods import BudgetPeriod, meeting_days, parse_period, period_of, split_days
from pbi.model.specs import load_spec
from pbi.model.tables import load_table

from _paths import ROOT, TABLES


@pytest.mark.parametrize("year, label, kind", [
    (2010, "2010-2011", "biennium"), (2011, "2010-2011", "biennium"), (2012, "2012-2013", "biennium"),
    (2019, "2018-2019", "biennium"), (2020, "2020", "annual"), (2023, "2023", "annual"),
])
def test_period_of(year, label, kind):
    p = period_of(year)
    assert p.label == label and p.kind == kind and year in p
    assert period_of(dt.date(year, 6, 1)) == p


def test_next_period_crosses_to_annual_budgets():
    assert period_of(2016).next() == BudgetPeriod(2018, 2019)
    assert period_of(2018).next() == BudgetPeriod(2020, 2020)
    assert parse_period("2010-2011").years == (2010, 2011)


@pytest.mark.parametrize("text", ["2011-2012", "2016", "2020-2021", "2010-2013", "20x0", ""])
def test_not_a_budget_period(text):
    with pytest.raises(SpecError, match="budget period"):
        parse_period(text)


def test_spec_budget_period_is_checked(write):
    text = (ROOT / "notes/ctoc-cop-2010-17/annex-09.yaml").read_text(encoding="utf-8")
    path = write("x.yaml", text.replace("budget_period: 2010-2011", "budget_period: 2011-2012"))
    with pytest.raises(SpecError, match="2011 falls in 2010-2011") as err:
        load_spec(path)
    assert err.value.line and err.value.field == "budget_period"


def test_meeting_days_straddling_new_year():
    # Thu 29 Dec 2011 – Wed 4 Jan 2012: Thu, Fri | Mon, Tue, Wed
    assert meeting_days(dt.date(2011, 12, 29), dt.date(2012, 1, 4)) == {2011: 2, 2012: 3}


@pytest.mark.parametrize("total, expected", [
    (Decimal(5), {2011: Decimal(2), 2012: Decimal(3)}),
    (Decimal(10), {2011: Decimal(4), 2012: Decimal(6)}),
    (Decimal(3), {2011: Decimal(1), 2012: Decimal(2)}),      # 1.2 / 1.8 → largest remainder
    (Decimal(4), {2011: Decimal(2), 2012: Decimal(2)}),      # 1.6 / 2.4
    (Decimal("2.5"), {2011: Decimal(1), 2012: Decimal("1.5")}),
])
def test_split_days_adds_up(total, expected):
    parts = split_days(total, dt.date(2011, 12, 29), dt.date(2012, 1, 4))
    assert parts == expected and sum(parts.values()) == total


def test_session_dates_errors():
    with pytest.raises(SpecError, match="before it starts"):
        meeting_days(dt.date(2012, 1, 4), dt.date(2011, 12, 29))
    with pytest.raises(SpecError, match="no meeting day"):
        meeting_days(dt.date(2011, 12, 31), dt.date(2012, 1, 1))


TABLE_2012 = """\
id: t-2012
title: test rates that change in 2012
extends: unodc-vienna-2010
rates:
  interpretation.meeting:
    values: {2012-01-01: 2000}
"""

SPEC = """\
symbol: X/1
title: {en: test}
body: cop-untoc
rule: "75"
budget_period: 2010-2011
table: unodc-vienna-2010
entitlements: entitlements.yaml
requests:
  - id: a
    activities:
      - id: s
        kind: meeting
        days: 5
        interpretation: true
        start: 2011-12-29
        end: 2012-01-04
        funding: regular_budget
        section: Part 2
"""


@pytest.fixture
def table_2012(write):
    write("unodc-vienna-2010.yaml", (TABLES / "unodc-vienna-2010.yaml").read_text(encoding="utf-8"))
    return load_table(write("t-2012.yaml", TABLE_2012))


def test_session_straddling_two_years_is_split_and_priced_by_year(write, table_2012):
    est = cost(load_spec(write("s.yaml", SPEC)), table_2012)
    rates = {i.year: (i.quantity.low, i.rate.value) for i in est.items if i.type == "rate"}
    assert rates == {2011: (2 * 2 * 6, 1897), 2012: (3 * 2 * 6, 2000)}
    totals = est.totals()
    assert totals[("regular_budget", 2011)].low == Decimal(45500)      # 45,528 → 45,500
    assert totals[("regular_budget", 2012)].low == Decimal(72000)


def test_year_is_taken_from_start(write, table):
    spec = load_spec(write("s.yaml", SPEC))
    (_, activity), = spec.activities()
    assert activity.year == 2011


def test_straddling_session_draws_on_each_years_allocation(write, table):
    write("entitlements.yaml", """\
as_of: 2011-01-01
bodies:
  wg:
    name: {en: wg}
    periods:
      2010-2011: {meetings: 12, section: Part 2, reference: test, used: [{meetings: 10, label: {en: earlier}}]}
      2012-2013: {meetings: 12, section: Part 2, reference: test}
""")
    text = SPEC.replace("        section: Part 2\n", "        section: Part 2\n        entitlement: {body: wg}\n")
    est = cost(load_spec(write("s.yaml", text.replace("funding: regular_budget", "funding: voluntary"))), table)
    a, b = est.entitlement_uses()
    assert (a.year, a.balance.period.label, a.requested, a.covered, a.additional) == (2011, "2010-2011", 4, 2, 2)
    assert (b.year, b.balance.period.label, b.requested, b.covered, b.additional) == (2012, "2012-2013", 6, 6, 0)


@pytest.mark.parametrize("old, new, message", [
    ("        start: 2011-12-29\n", "        year: 2012\n        start: 2011-12-29\n", "not the year of start"),
    ("        end: 2012-01-04\n", "", "both start and end"),
    ("        days: 5\n", "        count: 2\n        days: 5\n", "count 1"),
    ("        end: 2012-01-04\n", "        end: 2011-12-01\n", "before start"),
])
def test_bad_dates(write, old, new, message):
    with pytest.raises(SpecError, match=message):
        load_spec(write("s.yaml", SPEC.replace(old, new)))


def test_straddling_session_needs_days_to_split(write, table):
    text = SPEC.replace("kind: meeting", "kind: documentation").replace("        days: 5\n", "        pages: 10\n")
    with pytest.raises(SpecError, match="state its days or meetings") as err:
        cost(load_spec(write("s.yaml", text)), table)
    assert err.value.line


def test_table_lacking_the_year(table):
    spec = load_spec(ROOT / "notes/new-drafts/resolution-10-4.yaml")
    with pytest.raises(RateLookupError, match="covers up to 2013-12-31; the activity is in 2021") as err:
        cost(spec, table)   # the 2010 table for a 2021 draft
    assert err.value.file and err.value.field.endswith(".year")


def test_table_lacking_the_year_cli(capsys):
    code = main(["cost", str(ROOT / "notes/new-drafts/resolution-11-2.yaml"), "--table", str(TABLES / "unodc-vienna-2010.yaml")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "use a table for that year" in err
