"""check7: forms of statements ``pbi check`` could not read, found by a seventh blind round
(tests/data/check7): revised estimates that cut an earlier figure, costs absorbed within existing
resources, amounts restated under their sections, lists of items between semicolons, tables of one
column of amounts by object of expenditure, Chinese totals of two years with each year's total after
them, Arabic meetings counted in words, Spanish temporary assistance, consultants and travel, and
Word footnotes. One test per fix; the texts are the round's files or written here in other words."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from pbi.check import check_files, read_notes, read_path
from pbi.check.report import CheckReport
from pbi.check.tables import find_tables, table_amounts
from pbi.check.text import Line

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "check7"
DEV = DATA / "dev"


@cache
def _report(path: Path) -> CheckReport:
    return check_files([path])


def _alarms(path: Path) -> list[str]:
    return [f.message for _, f in _report(path).findings if f.severity in ("error", "warning")]


def _priced(path: Path) -> dict[Decimal, Decimal]:
    """claimed amount → the amount pbi's table prices its quantities at"""
    rep = _report(path)
    assert rep.rates is not None
    return {rc.claim.low: rc.expected.low for rc in rep.rates.priced
            if rc.expected is not None and rc.claim.low is not None}


def _total(text: str, amount: int) -> list[Decimal]:
    (note,) = read_notes(text)
    (total,) = [c for c in note.claims if c.is_total and c.amount == Decimal(amount)]
    return list(total.quantities["parts"])


_HEAD = """A/C.3/82/L.70

Programme budget implications of draft resolution A/C.3/82/L.70

Statement submitted by the Secretary-General in accordance with rule 153 of the rules of
procedure of the General Assembly

"""


# -- revised estimates: a reduction, the earlier estimate ------------------------------------------

def test_a_reduction_and_the_earlier_estimate_are_not_parts_of_the_revised_total() -> None:
    """"$80,300, a reduction of $32,100" and "a reduction of $32,100 from the $136,900 previously
    estimated": the revised total adds the revised amounts only; the cut is not priced as meetings."""
    path = DEV / "en05-revised-reduction.txt"
    (note,) = read_path(path)
    (total,) = [c for c in note.claims if c.is_total]
    assert total.amount == Decimal(104800) and total.quantities["parts"] == [Decimal(80300), Decimal(24500)]
    assert {c.amount for c in note.claims if c.quantities.get("reduction")} == {Decimal(32100)}
    assert {c.amount for c in note.claims if c.quantities.get("earlier_estimate")} == {Decimal(112400), Decimal(136900)}
    assert not _alarms(path)
    assert _priced(path)[Decimal(112400)] == Decimal(112400)  # fourteen meetings: the earlier figure is checked too
    skipped = {rc.claim.low: rc.skipped for rc in _report(path).rates.skipped}  # type: ignore[union-attr]
    assert "reduction" in str(skipped[Decimal(32100)])


def test_a_revised_total_adds_the_revised_amounts_only() -> None:
    """A total of 42,100 for revised amounts of 32,100 is checked against those, not the earlier ones."""
    text = _HEAD + """ 1. The Secretary-General estimated that six meetings would require $48,200.

 2. The revised requirements for four meetings amount to $32,100, a reduction of $16,100.

 3. The revised requirements therefore amount to $42,100 in 2027, a reduction of $16,100 from the
$48,200 previously estimated.
"""
    assert _total(text, 42100) == [Decimal(32100)]


@pytest.mark.parametrize("name", ["es02-reduccion.txt", "ar03-reduction-geneva.txt"])
def test_revised_estimates_in_spanish_and_arabic(name: str) -> None:
    """«Estimaciones revisadas …», «una reducción de», «estimados anteriormente»; «التقديرات المنقحة»,
    «بتخفيض قدره», «المقدر سابقا», «قدّر الأمين العام»: read, and the revised total adds up."""
    (note,) = read_path(DEV / name)
    (total,) = [c for c in note.claims if c.is_total]
    assert sum(total.quantities["parts"]) == total.amount
    assert any(c.quantities.get("reduction") for c in note.claims)
    assert not _alarms(DEV / name)


def test_zh_reduction_before_its_amount() -> None:
    text = """A/C.5/82/30

关于决议草案A/C.3/82/L.70所涉方案预算问题的说明

1. 订正后所需经费为48 200美元，减少32 100美元，列入第2款。

2. 订正后所需经费共计48 200美元，比原先估计的80 300美元减少32 100美元。
"""
    (note,) = read_notes(text)
    flags = {(c.paragraph, c.amount): c.quantities for c in note.claims}
    assert flags[("1", Decimal(32100))].get("reduction")
    assert flags[("2", Decimal(80300))].get("earlier_estimate")
    (total,) = [c for c in note.claims if c.is_total]
    assert total.quantities["parts"] == [Decimal(48200)]


# -- absorbed within existing resources ------------------------------------------------------------

def test_an_absorbed_cost_is_priced_but_not_added() -> None:
    """«所需经费24 500美元将在现有资源范围内吸收»: not a part of the additional total (75,900); its
    quantities are priced all the same (a wrong absorbed figure is a wrong figure)."""
    path = DEV / "zh03-absorbed-seminar.txt"
    (note,) = read_path(path)
    (total,) = [c for c in note.claims if c.is_total]
    assert Decimal(24500) not in total.quantities["parts"]
    assert _priced(path)[Decimal(24500)] == Decimal(24500)
    assert [m for m in _alarms(path) if "stated total" in m] == []


def test_absorbed_after_a_bare_section() -> None:
    """"estimated at $24,500 under section 2, …, would be absorbed within existing resources": the
    section says where, the rest of the clause how it is funded."""
    (note,) = read_path(DEV / "en06-absorbed.txt")
    absorbed = next(c for c in note.claims if c.amount == Decimal(24500))
    assert absorbed.funding == "existing_resources"
    assert absorbed.quantities.get("words") == 8500  # the length the request states, in paragraph 1


def test_an_absorbed_amount_in_arabic_leaves_a_two_year_total() -> None:
    (note,) = read_path(DEV / "ar02-two-years-nairobi.txt")
    (total,) = [c for c in note.claims if c.is_total]
    assert total.year is None and total.quantities["parts"] == [Decimal(64200), Decimal(64200)]
    assert any("138,400 but its 2 parts add up to 128,400" in m for m in _alarms(DEV / "ar02-two-years-nairobi.txt"))


# -- amounts restated, lists between semicolons ----------------------------------------------------

def test_amounts_restated_under_their_sections_are_not_added_twice() -> None:
    """"The amounts of $30,800 and $80,300 would fall under section 2, … and the amount of $56,900
    under section 9": the total of 168,000 adds the three items once."""
    path = DEV / "en03-several-paragraphs.txt"
    (note,) = read_path(path)
    (total,) = [c for c in note.claims if c.is_total]
    assert total.quantities["parts"] == [Decimal(30800), Decimal(80300), Decimal(56900)]
    assert sum(1 for c in note.claims if c.quantities.get("restated")) == 3
    assert not _alarms(path)


def test_an_amount_of_the_same_value_not_said_again_is_not_restated() -> None:
    text = _HEAD + """ 1. The amount of $30,800 would be required for a report of 10,700 words in the six
official languages in 2027.
"""
    (note,) = read_notes(text)
    assert not any(c.quantities.get("restated") for c in note.claims)


def test_items_between_semicolons_keep_their_own_quantities() -> None:
    """"…: general temporary assistance at the P-3 level for six months ($93,900); a consultant for three
    work-months ($34,800); the travel of five representatives to Geneva, with daily subsistence allowance
    for five days ($28,600); …": each amount is priced with its own item."""
    path = DEV / "en04-objects-table.txt"
    priced = _priced(path)
    assert priced[Decimal(93900)] == Decimal(93900)
    assert priced[Decimal(34800)] == Decimal(34800)
    assert priced[Decimal(28600)] == Decimal(28600)


# -- tables of one column of amounts ---------------------------------------------------------------

def test_a_table_of_amounts_by_object_of_expenditure() -> None:
    lines = [Line(i + 1, t) for i, t in enumerate([
        "Table 1", "(United States dollars)", "",
        "Object of expenditure                          Amount",
        "Other staff costs                              93,900",
        "Travel of representatives                      28,600",
        "Contractual services                           12,000",
        "Total                                         134,500",
        " 5. Next paragraph."])]
    import re

    body, tables = find_tables([ln for ln in lines if ln.text], re.compile(r"^\s*\d+\.\s"))
    (table,) = tables
    cells = table_amounts(table)
    total = next(c for c in cells if c.label == "Total")
    assert [p.amount for p in total.parts] == [Decimal(93900), Decimal(28600), Decimal(12000)]
    assert total.amount == sum(p.amount for p in total.parts)
    assert any("Next paragraph" in ln.text for ln in body)


def test_a_wrong_total_row_of_such_a_table_is_named() -> None:
    assert any("179,300 but its 4 parts add up to 169,300" in m for m in _alarms(DEV / "en04-objects-table.txt"))
    (note,) = read_path(DEV / "es03-cuadro-absorbidos.txt")  # «Cuadro 1 … (En dólares …) Objeto de gasto  Monto»
    assert sum(1 for c in note.claims if c.quantities.get("table")) == 5


# -- two years, Chinese --------------------------------------------------------------------------

def test_chinese_total_of_two_years_then_each_years() -> None:
    """«为2027年和2028年所需经费共计163 600美元，2027年76 800美元，2028年76 800美元»: the first adds
    both years' items (and is named: they come to 153,600), each year's total its year's."""
    (note,) = read_path(DEV / "zh02-two-years-geneva.txt")
    totals = {(c.amount, c.year): c.quantities["parts"] for c in note.claims if c.is_total}
    assert sum(totals[(Decimal(163600), None)]) == Decimal(153600)
    assert totals[(Decimal(76800), 2027)] == [Decimal(48200), Decimal(28600)]
    assert totals[(Decimal(76800), 2028)] == [Decimal(48200), Decimal(28600)]
    assert _priced(DEV / "zh02-two-years-geneva.txt")[Decimal(28600)] == Decimal(28600)  # 五名专家每年赴日内瓦…


# -- Arabic meetings in words, Spanish staff and travel --------------------------------------------

def test_arabic_meetings_counted_in_words() -> None:
    (note,) = read_path(DEV / "ar01-workshop-geneva.txt")  # «أي أربع جلسات مع الترجمة الشفوية»
    meeting = next(c for c in note.claims if c.amount == Decimal(32100))
    assert meeting.quantities["meetings"] == 4 and meeting.quantities["interpretation"] is True
    assert _priced(DEV / "ar01-workshop-geneva.txt")[Decimal(32100)] == Decimal(32100)


def test_spanish_temporary_assistance_consultant_and_travel() -> None:
    priced = _priced(DEV / "es03-cuadro-absorbidos.txt")
    assert priced[Decimal(93900)] == Decimal(93900)   # personal temporario general de categoría P-3 durante seis meses
    assert priced[Decimal(64400)] == Decimal(46400)   # un consultor durante cuatro meses de trabajo (the slip)
    assert priced[Decimal(26000)] == Decimal(26000)   # los viajes de cinco representantes a Nueva York


# -- Word footnotes ----------------------------------------------------------------------------------

def _score_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check7_score", DATA / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_a_word_file_with_footnotes_reads_as_its_text(tmp_path: Path) -> None:
    import zipfile

    score = _score_module()
    txt = DEV / "en07-footnotes-table.txt"
    docx = score.to_docx(txt.read_text(encoding="utf-8"), tmp_path / "en07.docx")
    assert "footnoteReference" in zipfile.ZipFile(docx).read("word/document.xml").decode()
    amounts = sorted(c.low for c in read_path(docx)[0].claims if c.low is not None)
    assert amounts == sorted(c.low for c in read_path(txt)[0].claims if c.low is not None)


def test_a_text_pbi_cannot_read_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "informe.txt"
    bad.write_text("Informe del Secretario General\n\nEl Consejo tomó nota del informe.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pbi", "check", str(bad)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_table_row_priced_with_the_item_the_paragraph_before_describes() -> None:
    """"… set out by object of expenditure in table 1: the travel of six representatives to Nairobi, with
    daily subsistence allowance for five days; general temporary assistance at the P-4 level for three
    months; and contractual services …": the rows "Travel of representatives" and "Other staff costs"
    are priced with those items; "Contractual services" (a lump sum) is not."""
    text = _HEAD + """ 1. The requirements are set out by object of expenditure in table 1: the travel of four
experts to Geneva, with daily subsistence allowance for four days; a consultant for three
work-months; and contractual services for printing.

Table 1
(United States dollars)

Object of expenditure                          Amount
Travel of experts                              20,800
Consultants                                    34,800
Contractual services                            9,000
Total                                          64,600

 2. The requirements of $64,600 would be met from the contingency fund.
"""
    (note,) = read_notes(text)
    rows = {c.text: c.quantities for c in note.claims if c.quantities.get("table") and not c.is_total}
    assert rows["Travel of experts"]["trips"] == 4 and rows["Travel of experts"]["dsa_days"] == 4
    assert rows["Consultants"]["consultant_months"] == 3
    assert "trips" not in rows["Contractual services"] and "consultant_months" not in rows["Contractual services"]
