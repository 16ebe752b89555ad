import datetime as dt
from decimal import Decimal

import pytest

from pbi.model.errors import RateLookupError, TableError
from pbi.model.tables import load_table

BASE = """\
id: base
title: Base table
duty_station: Vienna
rounding: {step: 100, mode: half_up}
activities:
  documentation:
    label: Documentation
    defaults: {documents: 1, languages: 6}
    components:
      - {rate: doc.page, per: [pages, languages]}
rates:
  doc.page:
    label: One page, one language
    unit: USD/(page*language)
    values: {2010-01-01: "235.16", 2012-01-01: "240"}
    reference: test
    stations: {Geneva: {2010-01-01: "250"}}
"""


def test_dated_lookup_takes_latest_effective(write):
    t = load_table(write("base.yaml", BASE))
    assert t.rate("doc.page", dt.date(2011, 6, 1)).value == Decimal("235.16")
    r = t.rate("doc.page", dt.date(2012, 1, 1))
    assert (r.value, r.effective_from, r.table) == (Decimal("240"), dt.date(2012, 1, 1), "base")


def test_date_before_first_value_is_an_error(write):
    t = load_table(write("base.yaml", BASE))
    with pytest.raises(RateLookupError, match="no value on 2009-12-31.*2010-01-01"):
        t.rate("doc.page", dt.date(2009, 12, 31))


def test_unknown_rate_key(write):
    t = load_table(write("base.yaml", BASE))
    with pytest.raises(RateLookupError, match="unknown rate 'doc.word'"):
        t.rate("doc.word", dt.date(2011, 1, 1))


def test_duty_station(write):
    t = load_table(write("base.yaml", BASE))
    assert t.rate("doc.page", dt.date(2011, 1, 1), station="Geneva").value == 250
    assert t.rate("doc.page", dt.date(2011, 1, 1), station="Vienna").value == Decimal("235.16")
    with pytest.raises(RateLookupError, match="no value for duty station 'Nairobi'"):
        t.rate("doc.page", dt.date(2011, 1, 1), station="Nairobi")


def test_extends_overrides_from_a_date(write):
    write("base.yaml", BASE)
    child = write("child.yaml", "id: child\ntitle: Child\nextends: base\nrates:\n"
                                "  doc.page:\n    values: {2013-01-01: 250}\n"
                                "    reference: revised 2013\n")
    t = load_table(child)
    assert t.chain == ("child", "base")
    assert t.rate("doc.page", dt.date(2011, 1, 1)).value == Decimal("235.16")
    r = t.rate("doc.page", dt.date(2013, 5, 1))
    assert (r.value, r.table, r.reference) == (250, "child", "revised 2013")


def test_null_ends_a_series(write):
    t = load_table(write("t.yaml", BASE.replace('2012-01-01: "240"', "2012-01-01: null")))
    with pytest.raises(RateLookupError, match="discontinued"):
        t.rate("doc.page", dt.date(2012, 3, 1))


def test_table_building_on_itself(write):
    write("a.yaml", "id: a\ntitle: A\nextends: b\nrounding: {step: 100}\n")
    write("b.yaml", "id: b\ntitle: B\nextends: a\nrounding: {step: 100}\n")
    with pytest.raises(TableError, match="builds on itself: a → b → a"):
        load_table(write("a.yaml", "id: a\ntitle: A\nextends: b\nrounding: {step: 100}\n"))


@pytest.mark.parametrize("bad, message, line", [
    ("    unit: USD/(page*language)\n", "    unit: USD/flop\n", 14),
    ("    reference: test\n", "    reference: test\n    colour: red\n", 17),
])
def test_bad_rate_is_located(write, bad, message, line):
    path = write("t.yaml", BASE.replace(bad, message))
    with pytest.raises(TableError) as err:
        load_table(path)
    assert err.value.line == line and str(err.value).startswith(f"{path}:{line}: rates.doc.page.")


def test_component_naming_unknown_rate(write):
    path = write("t.yaml", BASE.replace("rate: doc.page,", "rate: doc.pages,"))
    with pytest.raises(TableError, match=r":10: activities.documentation.components\[0\].rate: unknown rate"):
        load_table(path)


def test_shipped_table_rates_all_have_references(table):
    for key, rate in table.rates.items():
        assert rate.reference.strip(), key
        if rate.fitted_to:
            assert "F" in rate.reference, key
