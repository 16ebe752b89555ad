"""Unit tests of pbi.check.checks on short texts written for the tests."""

from decimal import Decimal
from pathlib import Path

from pbi.check import Finding, check_notes, read_notes

DATA = Path(__file__).resolve().parent / "data"

SUM = """附件八

关于题为“合作”的修订决议草案的财务说明

 1. 本说明系按照议事规则第 75 条作出。

 2. 关于第 1(b)执行段所载请求，设想需要额外的自愿捐款 467,900 美元，用于举办三次区域讲习班。如将摘要翻译成其他三种正式语文并加以印制，还需要

191,000 美元。

 3. 关于第 2(a)执行段，设想需要额外的自愿捐款 25,500 美元，用作差旅费。

 4. 关于第 2(b)执行段所载请求，设想需要额外的自愿捐款 238,600 美元，用于一次专家组会议。

 5. 以上相加，修订决议草案 CTOC/COP/2099/L.2 第 1 和 2 执行段的

通过需要额外的自愿捐款 {total} 美元。

 6. 关于第 6 执行段所载请求，估计需要资源 23,000 美元，用于一份篇幅为 16 页的报告。2012-2013 两年期所需资源将在既定预算程序范围内予以审查。
"""


def _only(findings: list[Finding], severity: str) -> list[Finding]:
    return [f for f in findings if f.severity == severity]


def test_total_that_adds_up_is_info() -> None:
    notes = read_notes(SUM.format(total="732,000"))
    (total,) = [c for c in notes[0].claims if c.is_total]
    assert total.quantities["total_of"] == ["2", "3", "4"]  # not the optional 191,000 nor 23,000
    assert total.quantities["parts"] == [Decimal(467900), Decimal(25500), Decimal(238600)]
    findings = check_notes(notes)
    (f,) = findings
    assert f.severity == "info" and f.note == 8 and f.paragraph == "5"
    assert "732,000" in f.message
    assert len(f.figures) == 4


def test_wrong_total_is_error() -> None:
    findings = check_notes(read_notes(SUM.format(total="1,734,600")))
    (f,) = _only(findings, "error")
    assert f.note == 8 and f.paragraph == "5"
    assert "1,734,600" in f.message and "732,000" in f.message
    assert "difference 1,002,600" in f.message


def test_same_item_costed_differently_across_notes() -> None:
    findings = check_notes(read_notes((DATA / "en_note.txt").read_text(encoding="utf-8")))
    (err,) = _only(findings, "error")
    assert "800,000 to 1,200,000" in err.message and "80,000 to 1,200,000" in err.message
    assert {(x["note"], x["paragraph"]) for x in err.figures} == {(2, "4"), (3, "2")}
    # the two 16-page reports at 23,000 are the same item costed the same: no finding
    assert not any("23,000" in f.message for f in findings)
    (warn,) = _only(findings, "warning")  # 80,000–1,200,000 is ×15 for ×1.5 pages
    assert warn.note == 3 and "×15" in warn.message


def test_same_amounts_are_not_findings() -> None:
    text = (DATA / "en_note.txt").read_text(encoding="utf-8").replace("$80,000", "$800,000")
    assert check_notes(read_notes(text)) == []


def test_different_years_are_only_a_warning() -> None:
    text = """Financial note on the draft resolution entitled "A"

1. In 2011, a five-day meeting with 20 participants in Vienna would cost $100,000 from extrabudgetary resources.

2. In 2012, a five-day meeting with 20 participants in Vienna would cost $104,000 from extrabudgetary resources.
"""
    (f,) = check_notes(read_notes(text))
    assert f.severity == "warning"


def test_backwards_range_is_error() -> None:
    text = """Financial note on the draft resolution entitled "A"

1. Translating 100 pages would cost from $90,000 to $20,000 from extrabudgetary resources.
"""
    (f,) = check_notes(read_notes(text))
    assert f.severity == "error" and "backwards" in f.message
