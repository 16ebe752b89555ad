"""sweep() gives, for every variant, exactly what cost() gives on the applied scenario."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pbi
from pbi.costing.scenario import Scenario
from pbi.costing.sweep import sweep

from _paths import NOTES


def _load(name: str):
    spec = pbi.load_spec(NOTES / name)
    return spec, pbi.resolve_table(spec.table, near=NOTES / name)


ANNEX4 = _load("annex-04.yaml")
ANNEX8 = _load("annex-08.yaml")


def _full(spec, table, variant):
    est = pbi.cost(*Scenario.from_dict(variant).apply(spec, table))
    return {f.id: f.computed for f in est.figures}, est.total


variants4 = st.fixed_dictionaries({}, optional={
    "F09.days": st.integers(1, 10), "F09.languages": st.integers(1, 6), "model-law.pages": st.integers(1, 900),
    "chair-report.pages": st.integers(1, 200), "languages": st.integers(1, 6)})
variants8 = st.fixed_dictionaries({}, optional={
    "participants": st.integers(1, 60), "F23.pages": st.integers(1, 400), "regional-workshops.count": st.integers(1, 9),
    "F25.days": st.integers(1, 5), "legal-assistance-travel.amount": st.integers(1, 10**6)})


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.lists(variants4, min_size=1, max_size=8))
def test_sweep_equals_cost_annex4(data):
    spec, table = ANNEX4
    for variant, result in zip(data, sweep(spec, table, data), strict=True):
        assert (result.figures, result.total) == _full(spec, table, variant)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.lists(variants8, min_size=1, max_size=5))
def test_sweep_equals_cost_annex8_with_sums_and_lump_sums(data):
    spec, table = ANNEX8
    for variant, result in zip(data, sweep(spec, table, data), strict=True):
        assert (result.figures, result.total) == _full(spec, table, variant)


def test_rate_overrides_and_entitlement_draws_take_the_full_path():
    spec, table = ANNEX4
    variant = {"set": {"F09.days": 3}, "rates": {"interpretation.meeting": 2000}}
    (result,) = sweep(spec, table, [variant])
    assert (result.figures, result.total) == _full(spec, table, variant)
    spec5, table5 = _load("annex-05.yaml")
    results = sweep(spec5, table5, [{"F11.days": 4}, {}])
    assert results[1].figures["F15"].low == 160040
    assert (results[0].figures, results[0].total) == _full(spec5, table5, {"F11.days": 4})


def test_totals_by_funding_and_year():
    spec, table = ANNEX4
    (result,) = sweep(spec, table, [{}])
    assert result.totals == pbi.cost(spec, table).totals()
