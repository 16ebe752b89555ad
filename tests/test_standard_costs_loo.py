"""The derivation of un-standard-costs and its leave-one-out evaluation: one statement read twice counts
once and is left out whole, figures that do not hold up say why, temporary assistance at several grades
is priced, and the shares count what they say."""

from __future__ import annotations

import sys

import pytest
import yaml

from _paths import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "statements.yaml"
GA_SPECS = ROOT / "notes" / "ga-statements"

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is beside the repository only")


@pytest.fixture(scope="module")
def derive_mod():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "cost_tables" / "derive"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus
    import un_standard_costs

    return corpus, un_standard_costs


@pytest.fixture(scope="module")
def cases(derive_mod):  # type: ignore[no-untyped-def]
    return derive_mod[0].load_corpus(CORPUS)


def _spec(case_id: str) -> dict:  # type: ignore[type-arg]
    (path,) = GA_SPECS.glob(f"{case_id.lower()}-*.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_cases_sharing_a_document_are_one_group(derive_mod, cases):  # type: ignore[no-untyped-def]
    groups = derive_mod[0].statement_groups(cases)
    assert groups["ST-M09"] == {"ST-P01", "ST-D15", "ST-M09"}   # A/C.5/77/13 and A/C.5/77/15
    assert groups["ST-D01"] == {"ST-D01"}


def test_a_figure_read_twice_counts_once(cases):  # type: ignore[no-untyped-def]
    items = {i.id: i for c in cases for i in c.items}
    assert items["ST-P01.0"].priced and not items["ST-M09.0"].priced
    assert "ST-P01.0" in (items["ST-M09.0"].left_out or "")
    left = {e["item"]: e["reason"] for e in _spec("ST-D15")["extra"]["left_out"]}
    assert "ST-P01.2" in left["ST-D15.0"]


def test_leave_one_out_leaves_the_whole_group_out(derive_mod, cases):  # type: ignore[no-untyped-def]
    corpus, derivation = derive_mod
    group = corpus.statement_groups(cases)["ST-M09"]
    table, _ = derivation.derive(cases, group)
    text = derivation.table_yaml(table, {})
    for case in group:
        assert f"{case}." not in text
    full, _ = derivation.derive(cases)
    assert "ST-P01.0" in derivation.table_yaml(full, {})


def test_figures_that_do_not_hold_up_say_why(cases):  # type: ignore[no-untyped-def]
    items = {i.id: i for c in cases for i in c.items}
    for figure in ("TR-0073.2", "ST-P03.0", "ST-M12.0"):
        assert items[figure].activities and not items[figure].priced
        assert len(items[figure].left_out or "") > 40


def test_temporary_assistance_at_several_grades(cases):  # type: ignore[no-untyped-def]
    items = {i.id: i for c in cases for i in c.items}
    assert [(a["grade"], a["work_months"]) for a in items["TR-0120.2"].activities] == [
        ("D-1", 12), ("P-3", 12), ("GS (Other level)", 3)]
    assert [a["grade"] for a in items["ST-M12.2"].activities] == ["P-5", "P-4", "P-3", "GS (Other level)"]
    spec = _spec("TR-0120")
    (figure,) = [f for f in spec["published"] if f["id"] == "TR-0120.2"]
    assert len(figure["activities"]) == 3
    # two P-3 positions in one figure are not read as one position at each grade
    assert not items["TR-0092.13"].activities


def test_several_grades_are_never_fitted(derive_mod, cases):  # type: ignore[no-untyped-def]
    observations, _ = derive_mod[1].observations(cases)
    assert not [o for o in observations if o.item in ("TR-0120.2", "ST-M12.2")]


def test_shares_count_what_they_say(derive_mod):  # type: ignore[no-untyped-def]
    import loo_standard_costs as loo

    stats = loo.share_stats([0.5, -1.0, 1.04, -20.0])
    assert stats["within_1pct_count"] == 2 and stats["within_1pct"] == 0.5
    assert stats["median_abs_pct"] == 1.02
    rows = [{"figure": f"F{i}", "kind": "k", "station": "s", "band": "b", "loo_error_pct": e, "in_sample_error_pct": 0.0}
            for i, e in enumerate([0.5, 3.0, None])]
    summary = loo.summarise(rows)["loo"]["all"]
    assert summary["n"] == 2 and summary["undetermined"] == ["F2"]
    assert summary["within_1pct"] == 0.5 and summary["within_1pct_of_all"] == 0.33
