"""Two activities of one kind in one amount with different shapes — two consultants of different
lengths, two meetings of different lengths in one sentence — are each read and priced, in every
language: `pbi check` reads the note back clean, the amount matching the two priced together."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbi.check import read_notes
from pbi.costing.engine import cost
from pbi.model.tables import resolve_table
from pbi.render import render_note

from test_delegate_roundtrip import round_trip
from test_notes2_identical import _cop, _ga, _meeting


def _consultant(aid: str, months: int, year: int, funding: str, **extra: Any) -> dict[str, Any]:
    return {"id": aid, "kind": "consultant", "work_months": months, "year": year, "funding": funding, **extra}


CASES = {
    "two consultants, six and three months": _ga([_consultant("c1", 6, 2024, "regular_budget"),
                                                  _consultant("c2", 3, 2024, "regular_budget")]),
    "two consultants and a staff member": _ga([_consultant("c1", 6, 2024, "regular_budget"),
                                               _consultant("c2", 2, 2024, "regular_budget"),
                                               {"id": "s", "kind": "staff", "grade": "P-4", "work_months": 4,
                                                "year": 2024, "funding": "regular_budget"}]),
    "two meetings in Vienna, two and three days": _cop([_meeting("m1", 2011, "extrabudgetary", days=2),
                                                        _meeting("m2", 2011, "extrabudgetary", days=3)]),
    "two meetings in Nairobi, one and four days": _ga([
        _meeting("m1", 2024, "extrabudgetary", days=1, location="Nairobi"),
        _meeting("m2", 2024, "extrabudgetary", days=4, location="Nairobi")]),
}


LANGS = ["en", "zh", "fr", "es", "ru", "ar"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(CASES))
def test_two_shapes_in_one_amount_read_back_clean(case: str, lang: str) -> None:
    spec = CASES[case]
    errors, missing = round_trip(cost(spec, resolve_table(spec.table)), "financial_note", lang)
    assert errors == []
    assert missing == set()


def test_each_consultant_keeps_its_months() -> None:
    spec = CASES["two consultants, six and three months"]
    text = render_note(cost(spec, resolve_table(spec.table)), "en", "text", kind="financial_note")
    assert isinstance(text, str)
    (claim,) = [c for n in read_notes(text, lang="en") for c in n.claims if c.paragraph == "3(a)"]
    assert [(c["work_months"], c["count"]) for c in claim.quantities["consultants_all"]] == [(6, 1), (3, 1)]


@settings(max_examples=int(os.environ.get("PBI_FUZZ_EXAMPLES", "30")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(kind=st.sampled_from(["consultant", "meeting"]), sizes=st.lists(st.integers(1, 9), min_size=2, max_size=3),
       station=st.sampled_from(["New York", "Geneva", "Nairobi"]), funding=st.sampled_from(
           ["regular_budget", "extrabudgetary"]), lang=st.sampled_from(LANGS))
def test_activities_of_one_kind_and_different_shapes_read_back(kind: str, sizes: list[int], station: str,
                                                               funding: str, lang: str) -> None:
    """Two or three consultants (work-months) or meetings (days) of one station, year and funding,
    costed in one amount, whatever their lengths."""
    if kind == "consultant":
        acts = [_consultant(f"c{i}", n, 2024, funding) for i, n in enumerate(sizes)]
    else:
        acts = [_meeting(f"m{i}", 2024, funding, days=n, location=station) for i, n in enumerate(sizes)]
    spec = _ga(acts)
    errors, missing = round_trip(cost(spec, resolve_table(spec.table)), "financial_note", lang)
    assert errors == []
    assert missing == set()
