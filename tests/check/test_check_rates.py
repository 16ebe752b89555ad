"""The rates check: each claim's amount against the table's price of its quantities."""

from decimal import Decimal

import pytest

from pbi.check import check_rates, read_notes
from pbi.check.rates import INFO_MAX, WARNING_MAX, claim_activities, price_claim, severity_of

NOTE = """附件二

关于题为“合作”的决议草案的财务说明

 1. 本说明系按照议事规则第 75 条作出。

 2. 关于第 4 执行段所载请求，估计一份篇幅为 16 页的报告需要资源 {report} 美元。

 3. 关于第 5 执行段所载请求，需要额外的预算外资源 42,900 美元，用于为一名预防犯罪专家（P-3）工作三个工作月提供经费。

 4. 关于第 6 执行段所载请求，估计需要 20,000 美元。
"""

EN = """Annex III

Financial note on draft resolution A/AC.1/L.3 entitled "Firearms"

 1. The present note is submitted in accordance with rule 75 of the rules of procedure.

 2. In connection with operative paragraph 8, a meeting of five days with interpretation
in six official languages and 60 pages of documentation would require extrabudgetary
resources of $224,800.

 3. In connection with operative paragraph 9, the translation and printing of a model law of
140 pages in six official languages would require extrabudgetary resources of $223,
700.
"""


def test_thresholds() -> None:
    assert (INFO_MAX, WARNING_MAX) == (Decimal(1), Decimal(10))
    assert severity_of(Decimal(0)) == "info" and severity_of(Decimal("-1")) == "info"
    assert severity_of(Decimal("1.01")) == "warning" and severity_of(Decimal("-10")) == "warning"
    assert severity_of(Decimal("10.01")) == "error" and severity_of(None) == "error"


@pytest.mark.parametrize("amount,severity,usd,pct", [
    ("23,000", "info", 0, "0.00"),       # 16 pages × 6 languages × 235.16 + 425 = 23,000 (rounded)
    ("23,200", "info", 200, "0.87"),
    ("24,000", "warning", 1000, "4.35"),
    ("30,000", "error", 7000, "30.43"),
    ("20,000", "error", -3000, "-13.04"),
])
def test_report_priced_against_the_table(table, amount, severity, usd, pct) -> None:
    result = check_rates(read_notes(NOTE.format(report=amount)), table)
    report = next(f for f in result.findings if f.paragraph == "2")
    assert report.severity == severity
    (fig,) = report.figures
    assert fig["expected_low"] == fig["expected_high"] == Decimal(23000)
    assert fig["deviation_usd"] == Decimal(usd) and fig["deviation_percent"] == Decimal(pct)
    assert fig["kinds"] == ["documentation"]
    assert "23,000" in report.message and amount in report.message


def test_staff_priced_and_lump_sum_skipped(table) -> None:
    result = check_rates(read_notes(NOTE.format(report="23,000")), table)
    staff = next(f for f in result.findings if f.paragraph == "3")
    assert staff.severity == "info" and staff.figures[0]["kinds"] == ["staff"]
    assert staff.figures[0]["expected_low"] == Decimal(42900)  # 3 × 12,655 × 1.13, rounded
    (skipped,) = result.skipped
    assert skipped.claim.paragraph == "4" and "without quantities" in (skipped.skipped or "")
    assert "2 claims priced, 1 skipped" in result.summary()


def test_english_meeting_and_publication(table) -> None:
    result = check_rates(read_notes(EN), table)
    by_para = {f.paragraph: f for f in result.findings}
    assert by_para["2"].figures[0]["kinds"] == ["meeting", "documentation"]
    assert by_para["2"].figures[0]["expected_low"] == Decimal(224800)
    assert by_para["3"].figures[0]["kinds"] == ["publication"]
    assert by_para["3"].figures[0]["expected_low"] == Decimal(223700)
    assert {f.severity for f in result.findings} == {"info"}


def test_a_different_table_gives_deviations(table) -> None:
    dearer = table.model_copy(update={"rates": {**table.rates, "documentation.page": table.rates[
        "documentation.page"].model_copy(update={"values": {k: Decimal(250) for k in
                                                            table.rates["documentation.page"].values}})}})
    result = check_rates(read_notes(NOTE.format(report="23,000")), dearer)
    report = next(f for f in result.findings if f.paragraph == "2")
    assert report.figures[0]["expected_low"] == Decimal(24400)  # 96 × 250 + 425 = 24,425
    assert report.severity == "warning" and report.figures[0]["deviation_usd"] == Decimal(-1400)


def test_activities_of_a_claim_without_quantities(table) -> None:
    (note,) = read_notes(NOTE.format(report="23,000"))
    lump = next(c for c in note.claims if c.paragraph == "4")
    assert isinstance(claim_activities(lump, table), str)
    assert price_claim(lump, table).expected is None


@pytest.fixture(scope="module")
def seed_rates(table, seed):
    from pbi.check import read_path

    return check_rates(read_path(seed), table)


def test_seed_rates(seed_rates) -> None:
    assert len(seed_rates.priced) == 21 and len(seed_rates.skipped) == 7
    (err,) = [f for f in seed_rates.findings if f.severity == "error"]
    assert (err.note, err.paragraph) == (6, "4")  # F17: 80,000 printed for 800,000
    fig = err.figures[0]
    assert (fig["expected_low"], fig["expected_high"]) == (Decimal(800000), Decimal(1200000))
    assert fig["deviation_usd"] == Decimal(-720000) and fig["deviation_percent"] == Decimal("-90.00")
    others = [f for f in seed_rates.findings if f is not err]
    assert all(f.severity == "info" and f.figures[0]["deviation_usd"] == 0 for f in others)
    kinds = {(f.note, f.paragraph): tuple(f.figures[0]["kinds"]) for f in seed_rates.findings}
    assert kinds[(3, "5")] == ("meeting_during_session", "documentation")   # F07
    assert kinds[(5, "4")] == ("meeting_full_cost",)                        # F15
    assert kinds[(8, "6")] == ("network_meeting",)                          # F22
    assert kinds[(8, "4")] == ("workshop", "publication")                   # F19
    assert kinds[(5, "3(d)")] == ("documentation", "documentation")         # F14: 2 × 45 + 32 pages


@pytest.mark.parametrize("quantities,year", [
    ({"pages": 16, "languages": 9}, None),           # more languages than the UN has
    ({"pages": 2_000_000}, None),                    # implausibly large
    ({"pages": 16}, 2030),                           # after the table's valid_to
    ({"work_months": 3, "grade": "P-3"}, 1980),      # before any rate
])
def test_odd_quantities_are_skipped_not_raised(table, quantities, year) -> None:
    from pbi.check import Claim

    claim = Claim(note=1, paragraph="2", amount=Decimal(1000), low=Decimal(1000), high=Decimal(1000),
                  quantities=quantities, funding="regular_budget", year=year, operative_paragraph=None,
                  text="", line=1)
    rc = price_claim(claim, table)
    assert rc.expected is None and (rc.skipped or "").startswith("not priced by the table")
