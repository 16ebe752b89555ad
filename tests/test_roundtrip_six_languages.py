"""Round trip of drafts priced with the United Nations standard costs, in every language and kind
pbi writes: the General Assembly, the Economic and Social Council, the Human Rights Council and the
Crime Commission, any year from 2016, any duty station, several requests. Every note and
statement, read back by ``pbi check`` against its own table, gives zero errors and finds every
amount it printed."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pbi.costing.engine import cost
from pbi.model.specs import Spec
from pbi.model.tables import resolve_table

from test_check_languages import _every_language
from test_delegate_roundtrip import readable, round_trip
from test_statement_roundtrip import ga_activity

TABLE = resolve_table("un-standard-costs")
PAIRS = [p for p in readable() if p[0] in ("statement", "financial_note")]
#: bodies whose drafts are priced with the standard costs: (key, a draft's symbol, rule)
BODIES = [("general-assembly", "A/C.3/{session}/L.7", "153"), ("ecosoc", "E/{year}/L.7", "31"),
          ("human-rights-council", "A/HRC/{session}/L.7", "153"), ("ccpcj", "E/CN.15/{year}/L.7", "28")]


@st.composite
def drafts(draw) -> Spec:  # type: ignore[no-untyped-def]
    year = draw(st.sampled_from([2016, 2018, 2022, 2024, 2026]))
    period = f"{year}-{year + 1}" if year < 2020 else str(year)  # biennia until 2019, then annual
    requests, k = [], 0
    for r in range(draw(st.integers(1, 2))):
        kinds = draw(st.lists(st.sampled_from(["documentation", "meeting", "staff", "consultant", "travel"]),
                              min_size=1, max_size=3, unique=True))
        acts = []
        for kind in kinds:
            a = draw(ga_activity(k, kind))
            a["year"] = draw(st.sampled_from([year, year + 1] if year >= 2020 else [year, year + 1, year + 2]))
            if draw(st.booleans()) and a.get("location") is None:
                a["location"] = "Nairobi"
            acts.append(a)
            k += 1
        requests.append({"id": chr(97 + r), "operative_paragraphs": [str(3 + r)], "activities": acts,
                         "text": {"zh": f"请秘书长开展第{r + 1}项工作", "en": f"Request the Secretary-General to do task {r + 1}"}})
    body, symbol, rule = draw(st.sampled_from(BODIES))
    return _every_language(Spec.model_validate({
        "symbol": symbol.format(session=year - 1945, year=year), "title": {"en": "Test draft", "zh": "测试草案"},
        "body": body, "rule": rule, "budget_period": period,
        "operative_paragraphs": [r["operative_paragraphs"][0] for r in requests], "table": "un-standard-costs",
        "requests": requests}))


@settings(max_examples=int(os.environ.get("PBI_FUZZ_EXAMPLES", "30")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(spec=drafts(), pair=st.sampled_from(PAIRS))
def test_every_generated_draft_reads_back_in_every_language(spec: Spec, pair: tuple[str, str]) -> None:
    from pbi.model.vocabulary import body

    kind, lang = pair
    assume(kind in body(spec.body).kinds)  # a body writes the kinds of note it takes
    errors, missing = round_trip(cost(spec, TABLE), kind, lang)
    assert errors == []
    assert missing == set()
