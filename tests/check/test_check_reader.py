"""Unit tests of pbi.check.reader on short texts written for the tests."""

from decimal import Decimal
from pathlib import Path

import pytest

from pbi.check import Claim, Note, read_notes, read_path
from pbi.model.errors import CheckError

DATA = Path(__file__).resolve().parent / "data"

ZH = """ 附件三
 
关于题为“测试
决议”的修订决议草案的财务说明* 
 
 1. 本说明系按照议事规则第

75 条作出。 

 2. 修订决议草案 CTOC/COP/2099/L.3/Rev.1 第 4 和 7 执行段中规定，缔约方会议将： 

 (a) 请秘书处召集一次专家组会议； 

 (b) 请秘书处翻译指南。 

 3. 根据第 4 执行段，设想工作组将于 2011 年举行两次会议，2012 年举行三次会议，每次会议为期五天，配备六种语文口译。需要追加资源如下： 

 (a) １２７,８００ 美元用于 2011 年的文件（每次会议一份以六种语文提供的篇幅为 45 页的文件）； 

 (b) 130,000 美元用于 2012 年的口译和会议服务。 

 4. 关于第 7 执行段所载请求，估计翻译和分发指南需要额外的预算外资源 800,000 到 1,200,
000 美元（六种语文，从 600 页到 900 页不

等，800 份）。 
__________________ 

 * 修订决议草案 CTOC/COP/2099/L.3/Rev.1 的案文见第一章。讨论

情况见第五章。 
 5. 关于第 1(b)执行段所载请求，设想需要额外的自愿捐款 467,900 美元，

用于举办三次分别为期三天、30 人参加的区域讲习班以及翻译和印制摘要（250 页，三种语文：英

文、法文和西班牙文）。如将摘要翻译成其他三种正式语文并加以印制，还需要

191,000 美元。 

 6. 因此，修订决议草案 CTOC/COP/2099/L.3/Rev.1 的通过不会导致在

2010-2011 两年期方案预算下增加任何批款。 
"""


def _by_para(note: Note) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in note.claims:
        out.setdefault(c.paragraph, []).append(c)
    return out


def test_zh_note_structure() -> None:
    (note,) = read_notes(ZH, source="zh.txt")
    assert note.annex == 3
    assert note.symbol == "CTOC/COP/2099/L.3/Rev.1"
    assert note.title == "关于题为“测试决议”的修订决议草案的财务说明"
    assert note.source == "zh.txt" and note.line == 1
    assert [p.number for p in note.paragraphs] == [
        "1", "2", "2(a)", "2(b)", "3", "3(a)", "3(b)", "4", "5", "6"]
    assert note.paragraphs[0].text == "本说明系按照议事规则第75 条作出。"
    assert "讨论" not in note.paragraphs[7].text  # footnote removed


def test_zh_sub_items_inherit_the_lead_in() -> None:
    claims = _by_para(read_notes(ZH)[0])
    (a,) = claims["3(a)"]
    assert a.amount == Decimal(127800)  # full-width digits
    assert a.year == 2011 and a.operative_paragraph == "4"
    assert a.quantities["pages"] == 45 and a.quantities["languages"] == 6
    assert a.quantities["per_meeting"] is True
    assert a.quantities["meetings"] == 2  # the 2011 clause of the lead-in only
    assert "meetings" in a.quantities["inherited"]
    (b,) = claims["3(b)"]
    assert b.year == 2012 and b.quantities["meetings"] == 3
    assert b.quantities["interpretation"] is True


def test_zh_range_broken_mid_number() -> None:
    (c,) = _by_para(read_notes(ZH)[0])["4"]
    assert c.amount is None and (c.low, c.high) == (Decimal(800000), Decimal(1200000))
    assert c.is_range
    assert c.quantities["pages"] == (600, 900)
    assert c.quantities["copies"] == 800
    assert c.funding == "extrabudgetary" and c.operative_paragraph == "7"


def test_zh_optional_amount_and_sub_op() -> None:
    main, extra = _by_para(read_notes(ZH)[0])["5"]
    assert main.amount == Decimal(467900) and main.funding == "voluntary"
    assert main.operative_paragraph == "1(b)"
    q = main.quantities
    assert (q["workshops"], q["days"], q["participants"], q["pages"], q["languages"]) == \
        (3, 3, 30, 250, 3)
    assert q["language_names"] == ["English", "French", "Spanish"]
    assert extra.amount == Decimal(191000) and extra.quantities["optional"] is True
    assert extra.quantities["other_languages"] is True


def test_roman_and_cjk_sub_items() -> None:
    text = """Annex I

Financial note on the draft resolution entitled "Items"

 1. Under the terms of operative paragraph 2 of draft resolution A/RES/99/L.1, the
Conference would:

 (a) Decide:

 (i) To do one thing;

 (ii) To do another;

 (b) Request a report.

 2. The report of 20 pages would cost $28,600.
"""
    (n,) = read_notes(text)
    assert [p.number for p in n.paragraphs] == ["1", "1(a)", "1(a)(i)", "1(a)(ii)", "1(b)", "2"]
    zh = ZH.replace(" (a) 请秘书处召集", " (a) 决定：\n\n ㈠ 审议方案；\n\n ㈡ 编拟报告；\n\n (b) 请秘书处召集")
    zh = zh.replace(" (b) 请秘书处翻译指南。", " (c) 请秘书处翻译指南。")
    numbers = [p.number for p in read_notes(zh)[0].paragraphs]
    assert numbers[:7] == ["1", "2", "2(a)", "2(a)(i)", "2(a)(ii)", "2(b)", "2(c)"]


def test_entitlement_claim_without_amount() -> None:
    text = ZH.replace(
        " 6. 因此",
        " 6. 关于第 15 执行段所载请求，回顾经常预算用于为工作组提供实质性服务，2010-2011 年两年期共 12 次"
        "会议。已经为该工作组共 6 次会议提供会议服务。因此，2011 年最多有可能再为 6 次\n\n会议提供会议服务。\n\n"
        " 7. 因此")
    (c,) = _by_para(read_notes(text)[0])["6"]
    assert c.amount is None and c.low is None
    assert c.quantities["meetings"] == 6 and c.quantities["entitlement_meetings"] == 12
    assert c.quantities["used_meetings"] == 6
    assert c.year == 2011 and c.funding == "regular_budget" and c.operative_paragraph == "15"


def test_english_note_file() -> None:
    notes = read_path(DATA / "en_note.txt")
    assert [(n.annex, n.symbol) for n in notes] == [
        (2, "A/AC.999/2010/L.4/Rev.1"), (3, "A/AC.999/2010/L.7")]
    first = {c.paragraph: c for c in notes[0].claims}
    assert set(first) == {"3", "4", "5"}
    meeting = first["3"]
    assert meeting.amount == Decimal(104700) and meeting.funding == "extrabudgetary"
    assert meeting.operative_paragraph == "4"
    assert {k: meeting.quantities.get(k) for k in
            ("meetings", "days", "participants", "location", "interpretation")} == \
        {"meetings": 1, "days": 3, "participants": 20, "location": "Vienna",
         "interpretation": False}
    tool = first["4"]
    assert (tool.low, tool.high) == (Decimal(800000), Decimal(1200000))  # "$1,200,\n000"
    assert tool.quantities["pages"] == (600, 900) and tool.quantities["copies"] == 800
    assert tool.quantities["languages"] == 6
    report = first["5"]
    assert report.amount == Decimal(23000) and report.quantities["pages"] == 16
    assert report.funding == "budget_process" and report.quantities["biennium"] == "2012-2013"
    assert report.line == 35  # the footnote and page furniture before it are skipped
    second = notes[1].claims
    assert [(c.paragraph, c.amount, c.low) for c in second] == [
        ("2", None, Decimal(80000)), ("3", Decimal(224800), Decimal(224800)),
        ("3", Decimal(23000), Decimal(23000))]
    assert second[1].quantities["days"] == 5 and second[1].quantities["interpretation"] is True
    assert second[2].funding is None  # "extrabudgetary" belongs to the other amount


def test_english_inline_note_without_annex() -> None:
    text = ("Statement of programme budget implications\n\n"
            "1. In connection with operative paragraphs 3 and 4, three workshops of five days "
            "for 25 participants each would require voluntary contributions of USD 150,000 in 2012.\n")
    (n,) = read_notes(text)
    (c,) = n.claims
    assert n.annex is None and c.note == 1
    assert c.amount == Decimal(150000) and c.year == 2012 and c.funding == "voluntary"
    assert c.operative_paragraph == "3, 4"
    assert (c.quantities["workshops"], c.quantities["days"], c.quantities["participants"]) == \
        (3, 5, 25)


@pytest.mark.parametrize("text", ["", "   \n\n", "hello world", "附件一\n\n没有说明。",
                                  "1. 估计需要 23,000 美元。"])
def test_no_note_is_a_check_error(text: str) -> None:
    with pytest.raises(CheckError) as ei:
        read_notes(text, source="x.txt")
    assert ei.value.file == "x.txt"


def test_bad_inputs() -> None:
    with pytest.raises(CheckError):
        read_notes(ZH, lang="de")  # a language pbi check does not read
    with pytest.raises(CheckError):
        read_notes(b"\xff\xfe\x00")  # type: ignore[arg-type]
    with pytest.raises(CheckError):
        read_notes(42)  # type: ignore[arg-type]
    with pytest.raises(CheckError) as ei:
        read_path(DATA / "does-not-exist.txt")
    assert "does-not-exist" in str(ei.value)
    assert read_notes(ZH.encode("utf-8"))[0].annex == 3  # type: ignore[arg-type]
