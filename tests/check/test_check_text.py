"""Unit tests of pbi.check.text: normalisation, clean-up, re-joining, amounts."""

from decimal import Decimal

import pytest

from pbi.check.text import (clean_lines, find_money, normalize, parse_amount, parse_range,
                            rejoin, to_int)
from pbi.model.errors import CheckError


def test_normalize_full_width() -> None:
    assert normalize("１２,０００ 美元（六种语文）") == "12,000 美元(六种语文)"
    assert normalize("㈠ 审议") == "(一) 审议"
    assert normalize("800,000–1,200,000") == "800,000-1,200,000"


@pytest.mark.parametrize("raw, joined", [
    ("两年期方案预算下增加任何批款\n2010-\n2011 两年期", "两年期方案预算下增加任何批款2010-2011 两年期"),
    ("需要 1,200,\n000 美元", "需要 1,200,000 美元"),
    ("一份篇幅为 16\n\n页的报告", "一份篇幅为 16页的报告"),
    ("需要额外的预算外资\n\n源 223,700 美元", "需要额外的预算外资源 223,700 美元"),
    ("estimated at $1,200,\n000 for the\nbiennium", "estimated at $1,200,000 for the biennium"),
])
def test_rejoin_broken_lines(raw: str, joined: str) -> None:
    assert rejoin(raw) == joined


def test_clean_lines_drops_page_furniture_and_footnotes() -> None:
    raw = ("估计一份篇幅为 16 页的报告需要资源 23,000 美元。该报告将\n"
           "__________________ \n\n"
           " * 经修订的决议草案 CTOC/COP/2010/L.5 的案文见第一章。讨论\n\n"
           "情况见第五章，B.1 节。 \n"
           " a 联合国，《条约汇编》，第 2225 卷。 \n"
           " 作为一份背景文件。\n\n"
           "64 V.10-58210 \n \nCTOC/COP/2010/17  \n"
           "下一行")
    lines = clean_lines(raw)
    text = [ln.text.strip() for ln in lines]
    assert text == ["估计一份篇幅为 16 页的报告需要资源 23,000 美元。该报告将",
                    "作为一份背景文件。", "下一行"]
    assert [ln.number for ln in lines] == [1, 8, 13]
    assert rejoin(raw).startswith("估计一份篇幅为 16 页的报告需要资源 23,000 美元。该报告将作为")


def test_draft_symbol_alone_on_a_line_is_kept() -> None:
    assert rejoin("修订决议草案\nCTOC/COP/2010/L.7/Rev.1\n的通过") == \
        "修订决议草案CTOC/COP/2010/L.7/Rev.1的通过"


@pytest.mark.parametrize("s, v", [
    ("23,000", Decimal(23000)), ("１２,０００", Decimal(12000)), ("US$ 23,000", Decimal(23000)),
    ("$23,000", Decimal(23000)), ("23,000 美元", Decimal(23000)), ("1.5 million", Decimal(1500000)),
    ("USD 160,040", Decimal(160040)),
])
def test_parse_amount(s: str, v: Decimal) -> None:
    got = parse_amount(s)
    assert got == v and isinstance(got, Decimal)


@pytest.mark.parametrize("s, lo, hi", [
    ("800,000 到 1,200,000", 800000, 1200000),
    ("８００,０００到１,２００,０００美元", 800000, 1200000),
    ("from 600 to 900 pages", 600, 900),
    ("从 600 页到 900 页不等", 600, 900),
    ("$800,000 to $1,200,000", 800000, 1200000),
    ("between US$ 80,000 and 120,000", 80000, 120000),
    ("23,000", 23000, 23000),
])
def test_parse_range(s: str, lo: int, hi: int) -> None:
    assert parse_range(s) == (Decimal(lo), Decimal(hi))


@pytest.mark.parametrize("bad", ["", "abc", "页", "美元"])
def test_parse_amount_rejects(bad: str) -> None:
    with pytest.raises(CheckError):
        parse_amount(bad)


def test_parse_amount_rejects_range() -> None:
    with pytest.raises(CheckError):
        parse_amount("800,000 到 1,200,000")


def test_find_money_zh_and_en() -> None:
    text = normalize("需要 227,600 美元用于口译，另需 80,000 到 1,200,000 美元；"
                     "and from $600,000 to $900,000, plus US$ 23,000 and 5,000 dollars, "
                     "第 64/244 号决议 2011 年")
    got = [(m.low, m.high) for m in find_money(text)]
    assert got == [(Decimal(227600), Decimal(227600)), (Decimal(80000), Decimal(1200000)),
                   (Decimal(600000), Decimal(900000)), (Decimal(23000), Decimal(23000)),
                   (Decimal(5000), Decimal(5000))]


def test_find_money_ignores_plain_numbers() -> None:
    assert find_money("第 45/248 号决议 2010-2011 两年期 16 页 30 人参加") == []


@pytest.mark.parametrize("tok, v", [("六", 6), ("两", 2), ("十二", 12), ("二十", 20),
                                    ("three", 3), ("1,200", 1200), ("一百二十", 120), ("x", None)])
def test_to_int(tok: str, v: int | None) -> None:
    assert to_int(tok) == v
