"""Properties that must hold for every valid spec (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbi.costing.engine import cost
from pbi.model.specs import Activity, Spec, dump_spec, load_spec
from pbi.model.tables import load_table

from _paths import TABLES

TABLE = load_table(TABLES / "unodc-vienna-2010.yaml")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
FUNDING = ["regular_budget", "budget_process", "extrabudgetary", "voluntary"]

qty = st.integers(1, 2000)


@st.composite
def activities(draw, n: int):
    kind = draw(st.sampled_from(["documentation", "publication", "meeting", "expert_meeting", "workshop",
                                 "staff", "tool_translation", "lump_sum"]))
    base = {"id": f"a{n}", "kind": kind, "year": draw(st.sampled_from([2010, 2011, 2012])),
            "funding": draw(st.sampled_from(FUNDING)), "count": draw(st.integers(1, 5))}
    if kind in ("documentation", "publication", "tool_translation"):
        base |= {"pages": draw(qty), "languages": draw(st.integers(1, 6))}
        if kind == "tool_translation" and draw(st.booleans()):
            base["copies"] = draw(st.integers(1, 2000))
    elif kind == "meeting":
        length = draw(st.sampled_from(["days", "meetings"]))
        base |= {length: draw(st.integers(1, 10)), "languages": draw(st.integers(1, 6)), "interpretation": True}
    elif kind in ("expert_meeting", "workshop"):
        base |= {"days": draw(st.integers(1, 10)), "participants": draw(st.integers(1, 200))}
    elif kind == "staff":
        base |= {"grade": "P-3", "work_months": draw(st.integers(1, 36))}
    else:
        base |= {"amount": draw(st.integers(1, 10**6))}
    return base


@st.composite
def specs(draw):
    n_requests = draw(st.integers(1, 3))
    requests, k = [], 0
    for r in range(n_requests):
        n = draw(st.integers(0 if r else 1, 4))
        acts = [draw(activities(k + i)) for i in range(n)]
        k += n
        requests.append({"id": chr(97 + r), "operative_paragraphs": [str(3 + r)], "activities": acts,
                         "text": {"zh": f"请秘书处开展第{r + 1}项工作", "en": f"Request the Secretariat to do task {r + 1}"}})
    return Spec.model_validate({
        "symbol": "X/L.1", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "cop-untoc", "rule": "75",
        "budget_period": "2010-2011", "operative_paragraphs": [str(3 + r) for r in range(n_requests)],
        "table": "unodc-vienna-2010", "requests": requests})


@SETTINGS
@given(spec=specs())
def test_totals_are_the_exact_sum_of_line_items(spec):
    est = cost(spec, TABLE)
    total = sum((i.amount.low for i in est.items if not i.covered), Decimal(0))
    assert total == est.total.low
    assert sum((a.low for a in est.totals().values()), Decimal(0)) == est.total.low
    for cell in est.cells:
        if cell.rounding:
            assert cell.rounded.low % cell.rounding.step == 0


GROWABLE = ["pages", "days", "participants", "languages", "work_months", "count"]


@SETTINGS
@given(spec=specs(), which=st.sampled_from(GROWABLE), extra=st.integers(1, 50), pick=st.integers(0, 10))
def test_costs_never_fall_when_quantities_rise(spec, which, extra, pick):
    pairs = spec.activities()
    request, activity = pairs[pick % len(pairs)]
    current = getattr(activity, which)
    if current is None:
        return
    if which == "languages":
        grown = min(6, current + extra)
    elif which == "count":
        grown = current + extra
    else:
        grown = current.low + extra
    bigger = Activity.model_validate({**activity.model_dump(mode="json", exclude_none=True), which: grown})
    requests = tuple(r.model_copy(update={"activities": tuple(bigger if a is activity else a
                                                              for a in r.activities)}) if r is request else r
                     for r in spec.requests)
    spec2 = spec.model_copy(update={"requests": requests})
    assert cost(spec2, TABLE).total.low >= cost(spec, TABLE).total.low


@SETTINGS
@given(spec=specs())
def test_spec_written_back_to_yaml_gives_the_same_estimate(spec, tmp_path_factory):
    path = tmp_path_factory.mktemp("rt") / "spec.yaml"
    path.write_text(dump_spec(spec), encoding="utf-8")
    again = load_spec(path)
    assert again == spec
    assert cost(again, TABLE).items == cost(spec, TABLE).items



@settings(max_examples=int(__import__("os").environ.get("PBI_FUZZ_EXAMPLES", "40")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(spec=specs(), lang=st.sampled_from(["zh", "en"]), fmt=st.sampled_from(["text", "md", "html"]))
def test_every_valid_spec_renders_in_every_language(spec, lang, fmt):
    from pbi.render import render_note

    est = cost(spec, TABLE)
    text = render_note(est, lang, fmt)
    assert isinstance(text, str) and spec.symbol in text
    for (_, _), amount in est.totals().items():  # every additional amount the note states is computed
        assert amount.low >= 0
