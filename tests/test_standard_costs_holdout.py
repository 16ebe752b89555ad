"""The temporal holdout of benchmarks/loo_standard_costs.py: a table made at the start of a year knows
no statement issued in that year or later, nor any that shares a document with one of them."""

from __future__ import annotations

import sys

import pytest

from _paths import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "statements.yaml"

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is beside the repository only")


@pytest.fixture(scope="module")
def mods():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "cost_tables" / "derive"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus
    import loo_standard_costs
    import un_standard_costs

    return corpus, un_standard_costs, loo_standard_costs


def test_a_table_of_the_years_before_cites_no_later_statement(mods) -> None:  # type: ignore[no-untyped-def]
    corpus, derivation, loo = mods
    cases = corpus.load_corpus(CORPUS)
    groups = corpus.statement_groups(cases)
    later = loo.issued_from(cases, groups, 2023)
    issued = {c.id: c.doc_year for c in cases}
    assert all(issued[c] >= 2023 or any(issued[m] >= 2023 for m in groups[c]) for c in later)
    assert all(c in later for c in issued if issued[c] >= 2023)
    table, _ = derivation.derive(cases, later)
    text = str(table["rates"])  # the rates (the vacancy factors' reference names a check on ST-D16 in words)
    for case in later:
        assert f"{case}." not in text
    # the statements of 2022 are known to it (ST-D10 was issued in 2021, ST-P01 in 2022)
    assert "ST-D10.0" in text and "ST-P01.2" in text


def test_the_holdout_prices_only_the_statements_of_its_year(mods, tmp_path) -> None:  # type: ignore[no-untyped-def]
    corpus, _, loo = mods
    cases = [c for c in corpus.load_corpus(CORPUS) if c.doc_year <= 2023]
    groups = corpus.statement_groups(cases)
    result = loo.holdout(cases, groups, tmp_path)
    issued = {i.id: c.doc_year for c in cases for i in c.items}
    for year in ("2022", "2023"):
        assert result[year]["figures"]
        assert {issued[r["figure"]] for r in result[year]["figures"]} == {int(year)}
    assert result["2024"]["n"] == 0 and result["2025"]["n"] == 0
    # the 2024 documentation rate (0.48 a word and language) was new in the statements of 2023: a table of
    # the statements before prices them at the rate of 2023, about 6 per cent above
    docs = [r for r in result["2023"]["figures"] if r["kind"] == "documentation (words)"]
    assert docs and all(4 < r["error_pct"] < 8 for r in docs)
