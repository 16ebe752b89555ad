"""Fuzz: on any text, read_notes returns notes or raises CheckError — nothing else.

The default run is bounded; a longer one: ``PBI_FUZZ_EXAMPLES=20000 python -m pytest tests/check/test_check_fuzz.py``.
"""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbi.check import check_notes, read_notes
from pbi.model.errors import CheckError

PIECES = ["附件三\n", "关于题为“测试”的决议草案的财务说明*\n", "Annex II\n",
          "Financial note on the draft resolution entitled \"X\"\n", " 1. ", " 2. ", "\n (a) ",
          " (b) ", " ㈠ ", "(i) ", "需要额外的预算外资源 ", "800,000 到 1,200,", "000 美元", "23,000 美元",
          "$1,200,000", "from $80,000 to $1,200,000", "（六种语文，从 600 页到 900 页不等，800 份）",
          "以上相加，", "第 1(b)执行段", "(f)执行段", "最多有可能再为 6 次会议", "共 12 次会议",
          "\n__________________\n", " * 脚注\n", "64 V.10-58210\n", "CTOC/COP/2010/17\n", "。", "\n\n",
          "2010-\n2011", "１２,０００", "如将摘要翻译", "in total", "at a cost of US$ 5", "L.5/Rev.1",
          "，", "、", "为期三天、30 人参加", "三个工作月（P-3）"]

text_strategy = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)),
                         max_size=40).map("".join)


@settings(max_examples=int(os.environ.get("PBI_FUZZ_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_reader_only_raises_check_error(text: str) -> None:
    try:
        notes = read_notes(text)
    except CheckError:
        return
    assert notes
    for f in check_notes(notes):
        assert f.severity in ("error", "warning", "info")


@settings(max_examples=int(os.environ.get("PBI_FUZZ_EXAMPLES", "200")), deadline=None)
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    try:
        read_notes(text)
    except CheckError:
        pass
