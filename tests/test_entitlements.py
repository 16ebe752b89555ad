"""Entitlements: Annex II para. 6 and Annex V para. 4 come out of the allocation data and the
requests; changing the data changes the outcome."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pbi.costing.engine import cost
from pbi.model.entitlements import load_entitlements
from pbi.model.errors import SpecError
from pbi.costing.explain import entitlement_lines, explain
from pbi.model.specs import load_spec

from _paths import NOTES

ENT = NOTES / "entitlements.yaml"


def _cost(annex: str, table, entitlements=None):
    return cost(load_spec(NOTES / f"annex-{annex}.yaml"), table, entitlements=entitlements)


def _with_used(write, body_line: str, old: str, new: str):
    text = ENT.read_text(encoding="utf-8")
    marker = text.index(body_line)
    head, tail = text[:marker], text[marker:]
    assert old in tail
    return load_entitlements(write("entitlements.yaml", head + tail.replace(old, new, 1)))


def test_annex_ii_para_6_comes_from_the_allocation(table):
    est = _cost("02", table)
    (use,) = est.entitlement_uses("intersessional-meeting")
    b = use.balance
    assert (b.entitled, b.used, b.transferred_in, b.available) == (12, 6, 0, 6)
    assert b.period.label == "2010-2011" and use.year == 2011
    assert (use.requested, use.covered, use.additional) == (6, 6, 0) and use.up_to_available
    assert use.as_available and use.section == "Part 2"
    assert est.figure("F03").status == "no cost" and est.figure("F03").computed.low == 0
    covered = [i for i in est.items if i.activity == "intersessional-meeting" and i.type == "rate"]
    assert [i.part for i in covered] == ["covered"] and covered[0].quantity.low == 6 * 6


def test_annex_v_para_4_comes_from_the_allocation(table):
    est = _cost("05", table)
    (use,) = est.entitlement_uses("meetings-voluntary")
    b = use.balance
    assert (b.entitled, b.used, b.transferred_in, b.available) == (20, 18, 1, 3)
    assert b.sources == ("review-working-group",) and b.resolution == "64/244"
    assert b.source_names[0].zh == "审议《公约》执行情况工作组" and b.used_by[0].zh == "本届会议"
    assert (use.requested, use.covered, use.additional) == (10, 3, 7)
    assert use.funding == "voluntary" and use.section == "Part 2"
    assert est.figure("F15").computed.low == Decimal("160040")
    parts = {(i.part, i.rate_key) for i in est.items if i.activity == "meetings-voluntary" and i.rate}
    assert parts == {("covered", "interpretation.meeting"), ("additional", "conference_servicing.full_cost")}


@pytest.mark.parametrize("used, covered, additional, f15", [
    (18, 3, 7, "160040"),
    (17, 4, 6, "137180"),      # 6 × 6 × 3,372.10 × 1.13 = 137,177.03
    (19, 2, 8, "182900"),      # 8 × 6 × 3,372.10 × 1.13 = 182,902.90
])
def test_changing_used_changes_annex_v(table, write, used, covered, additional, f15):
    ent = _with_used(write, "cop-untoc:", "- meetings: 18", f"- meetings: {used}")
    est = _cost("05", table, ent)
    (use,) = est.entitlement_uses()
    assert (use.covered, use.additional) == (covered, additional)
    assert est.figure("F15").computed.low == Decimal(f15)
    assert (est.figure("F15").status == "match") == (used == 18)


def test_changing_used_changes_annex_ii(table, write):
    ent = _with_used(write, "trafficking-working-group:", "- meetings: 6", "- meetings: 8")
    (use,) = _cost("02", table, ent).entitlement_uses()
    assert use.available == 4 and use.covered == 4 and use.additional == 0


def test_nothing_left_everything_is_additional(table, write):
    ent = _with_used(write, "cop-untoc:", "- meetings: 18", "- meetings: 25")  # over-used: clamps to 0
    est = _cost("05", table, ent)
    (use,) = est.entitlement_uses()
    assert use.balance.available == 0 and (use.covered, use.additional) == (0, 10)
    assert not [i for i in est.items if i.part == "covered"]
    # 10 × 6 × 3,372.10 × 1.13 = 228,628.38 → 228,630
    assert est.figure("F15").computed.low == Decimal("228630")


def test_nothing_left_as_available_costs_nothing(table, write):
    ent = _with_used(write, "trafficking-working-group:", "- meetings: 6", "- meetings: 12")
    est = _cost("02", table, ent)
    (use,) = est.entitlement_uses()
    assert (use.available, use.covered, use.additional) == (0, 0, 0)
    assert not [i for i in est.items if i.activity == "intersessional-meeting"]
    assert est.figure("F03").computed.low == 0


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
{activities}
"""


def _spec(write, activities: str, entitlements: str | None = None):
    write("entitlements.yaml", entitlements or ENT.read_text(encoding="utf-8"))
    return load_spec(write("spec.yaml", SPEC.replace("{activities}", activities)))


def test_request_larger_than_left_needs_a_funding_source(table, write):
    spec = _spec(write, """\
      - {id: s, kind: meeting, days: 5, interpretation: true, year: 2011, funding: entitlement,
         entitlement: {body: cop-untoc}}
""")
    with pytest.raises(SpecError, match=r"requests 10 meetings in 2011; cop-untoc has 3 left.*other 7") as err:
        cost(spec, table)
    assert err.value.file and err.value.line and err.value.field.endswith(".funding")


def test_two_requests_share_one_allocation(table, write):
    spec = _spec(write, """\
      - {id: one, kind: meeting, meetings: 2, interpretation: true, year: 2011, funding: regular_budget,
         section: Part 2, entitlement: {body: cop-untoc}}
      - {id: two, kind: meeting, meetings: 4, interpretation: true, year: 2011, funding: regular_budget,
         section: Part 2, entitlement: {body: cop-untoc}}
""")
    est = cost(spec, table)
    one, two = est.entitlement_uses()
    assert (one.available, one.covered, one.additional) == (3, 2, 0)
    assert (two.available, two.covered, two.additional) == (1, 1, 3)
    assert "    2 taken by earlier requests of this draft: 1 left" in entitlement_lines(two)
    assert not any("taken by earlier" in line for line in entitlement_lines(one))
    additional = [i for i in est.items if i.activity == "two" and i.part == "additional" and i.rate]
    assert additional[0].quantity.low == 3 * 6


def test_pages_allocation(table, write):
    ent = """\
as_of: 2010-10-22
bodies:
  wg:
    name: {en: a working group}
    periods:
      2010-2011: {pages: 100, section: Part 2, reference: test, used: [{pages: 70, label: {en: earlier}}]}
"""
    spec = _spec(write, """\
      - {id: doc, kind: documentation, pages: 45, year: 2011, funding: regular_budget, section: Part 2,
         entitlement: {body: wg, quantity: pages}}
""", ent)
    est = cost(spec, table)
    (use,) = est.entitlement_uses()
    assert (use.available, use.covered, use.additional) == (30, 30, 15)
    add = {i.rate_key: i.amount.low for i in est.items if i.part == "additional" and i.rate}
    cov = {i.rate_key: i.amount.low for i in est.items if i.part == "covered" and i.rate}
    assert add == {"documentation.document": 425, "documentation.page": 15 * 6 * Decimal("235.16")}
    assert cov["documentation.document"] == 0  # the fixed part goes with the additional share


def test_transfer_out_reduces_the_giver(table, write):
    ent = ENT.read_text(encoding="utf-8") + """\
  review-working-group:
    name: {en: the review working group}
    periods:
      2010-2011: {meetings: 10, section: Part 2, reference: test}
"""
    spec = _spec(write, """\
      - {id: r, kind: meeting, meetings: 10, interpretation: true, year: 2011, funding: voluntary,
         entitlement: {body: review-working-group}}
""", ent)
    (use,) = cost(spec, table).entitlement_uses()
    assert use.balance.transferred_out == 1 and use.available == 9 and use.additional == 1


@pytest.mark.parametrize("activity, message", [
    ("{id: s, kind: meeting, meetings: 2, interpretation: true, year: 2012, funding: voluntary,"
     " entitlement: {body: cop-untoc}}", "no allocation for the budget period 2012-2013"),
    ("{id: s, kind: meeting, meetings: 2, interpretation: true, year: 2011, funding: voluntary,"
     " entitlement: {body: nobody}}", "no body 'nobody'"),
    ("{id: s, kind: meeting, interpretation: true, year: 2011, funding: voluntary,"
     " entitlement: {body: cop-untoc}}", "states its meetings"),
    ("{id: s, kind: meeting, meetings: {low: 2, high: 4}, interpretation: true, year: 2011,"
     " funding: voluntary, entitlement: {body: cop-untoc}}", "one number of meetings"),
])
def test_bad_draws(table, write, activity, message):
    spec = _spec(write, f"      - {activity}\n")
    with pytest.raises(SpecError, match=message) as err:
        cost(spec, table)
    assert err.value.file and err.value.line


def test_spec_without_entitlements_file(table, write):
    text = SPEC.replace("entitlements: entitlements.yaml\n", "").replace("{activities}", """\
      - {id: s, kind: meeting, meetings: 2, interpretation: true, year: 2011, funding: voluntary,
         entitlement: {body: cop-untoc}}
""")
    with pytest.raises(SpecError, match="names no entitlements file"):
        cost(load_spec(write("spec.yaml", text)), table)


def test_entitlements_file_must_be_a_name_in_the_folder(write):
    text = SPEC.replace("entitlements.yaml", "../elsewhere/entitlements.yaml").replace("{activities}", "")
    with pytest.raises(SpecError, match="entitlements"):
        load_spec(write("spec.yaml", text))


@pytest.mark.parametrize("old, new, message", [
    ("2010-2011:", "2011-2012:", "not a budget period"),
    ("meetings: 12", "meetings: -1", "must not be negative"),
    ("- from: review-working-group", "- from: cop-untoc", "cannot transfer to itself"),
])
def test_bad_entitlements_file(write, old, new, message):
    path = write("entitlements.yaml", ENT.read_text(encoding="utf-8").replace(old, new, 1))
    with pytest.raises(SpecError, match=message) as err:
        load_entitlements(path)
    assert err.value.line


def test_explain_prints_the_derivation(table):
    text = explain(_cost("05", table), "F15")
    assert "entitled 20 meetings − used 18 + transferred in 1 (from review-working-group) = 3 available" in text
    assert "requested 10 meetings in 2011 → covered 3 (Part 2), additional 7 (voluntary)" in text
    assert text.rstrip().endswith("= 160,040 USD (published 160,040: match)")
    text = explain(_cost("02", table), "F03")
    assert "entitled 12 meetings − used 6 = 6 available" in text
    assert "requested up to what is left (6) in 2011 → covered 6" in text


def test_json_exposes_the_derivation(table):
    data = _cost("05", table).to_dict()
    (use,) = data["entitlements"]
    assert {k: use[k] for k in ("entitled", "used", "transferred_in", "available", "covered", "additional")} == {
        "entitled": "20", "used": "18", "transferred_in": "1", "available": "3", "covered": "3",
        "additional": "7"}
