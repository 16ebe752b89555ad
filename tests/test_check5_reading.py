"""check5: forms of real statements ``pbi check`` could not read, found by a blind round on statements
written in the United Nations' shape (tests/data/check5): oral statements, revised estimates, staff
assessment, totals in running text, amounts split by year, tables in thousands, Russian and Arabic.
One test per fix."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pbi.check import check_files, check_notes, read_notes, read_path
from pbi.check.lexicon import lexicon, unreverse_groups
from pbi.check.text import Line
from pbi.check.rates import check_rates
from pbi.model.tables import resolve_table

DEV = Path(__file__).parent / "data" / "check5" / "dev"
HEAD = ("A/C.3/81/L.9\n\nProgramme budget implications of draft resolution A/C.3/81/L.9\n\n"
        "Statement submitted by the Secretary-General in accordance with rule 153 of the rules of procedure "
        "of the General Assembly\n\n")


def _claims(text: str) -> list:
    return [c for n in read_notes(text) for c in n.claims if c.low is not None]


def _errors(path: Path) -> list[str]:
    return [f.message for _, f in check_files([path]).findings if f.severity in ("error", "warning")]


def _rates(path: Path) -> dict[Decimal, Decimal]:
    """claimed amount → the amount pbi's table prices its quantities at"""
    rep = check_files([path])
    assert rep.rates is not None
    return {rc.claim.low: rc.expected.low for rc in rep.rates.priced if rc.expected is not None and rc.claim.low}


# -- totals in running text -----------------------------------------------------------------------

def test_the_requirements_would_amount_to_is_a_total() -> None:
    """"The requirements would amount to $97,200" adds up the paragraphs before it: a wrong one is named."""
    errors = _errors(DEV / "en02-hrc-oral.txt")
    assert any("stated total 97,200" in m and "79,200" in m for m in errors)
    right = HEAD + (" 1. Two meetings would require $16,100 under section 2.\n\n 2. A report would require "
                    "$18,500 under section 2.\n\n 3. The requirements would amount to $34,600 in 2026.\n")
    total = next(c for c in _claims(right) if c.low == Decimal(34600))
    assert total.is_total and total.quantities["parts"] == [Decimal(16100), Decimal(18500)]


def test_russian_and_arabic_would_amount_to() -> None:
    """«потребности … составят», «الاحتياجات … ستبلغ»: the requirements would amount to."""
    ru = lexicon("ru")
    ar = lexicon("ar")
    assert ru is not None and ar is not None
    assert "requirements in 2026 would amount to $60,700" in ru.rewrite("потребности в 2026 году составят 60 700 долл. США")
    assert "would amount to $77,700" in ar.rewrite("ستبلغ 77 700 دولار").lower()
    notes = read_path(DEV / "ru02-hrc-oral.txt")
    total = next(c for c in notes[0].claims if c.low == Decimal(60700))
    assert total.is_total and total.quantities["parts"] == [Decimal(32100), Decimal(28600)]


# -- years ----------------------------------------------------------------------------------------

def test_amounts_and_totals_by_year() -> None:
    """"$80,300 in 2027 and $80,300 in 2028": the second is the first's meetings in 2028; "would amount
    to $111,100 in 2027 and $111,100 in 2028": two totals, each of its year's amounts."""
    claims = _claims((DEV / "en01-oral-third.txt").read_text(encoding="utf-8"))
    meetings = [c for c in claims if c.low == Decimal(80300)]
    assert [(c.year, c.quantities.get("meetings")) for c in meetings] == [(2027, 10), (2028, 10)]
    totals = [c for c in claims if c.is_total]
    assert [(c.year, c.quantities["parts"]) for c in totals] == [
        (2027, [Decimal(80300), Decimal(30800)]), (2028, [Decimal(80300), Decimal(30800)])]
    assert not _errors(DEV / "en01-oral-third.txt")


def test_chinese_totals_by_year() -> None:
    """«所需经费2027年共计152 400美元，2028年共计48 200美元»: each year's total of its own amounts."""
    errors = _errors(DEV / "zh01-oral.txt")
    assert len(errors) == 1 and "152,400" in errors[0] and "125,400" in errors[0]


# -- staff assessment -----------------------------------------------------------------------------

def test_staff_assessment_is_no_part_of_a_net_total_it_follows() -> None:
    """"$201,000 (net) …, comprising $14,700 under section 2 and $186,300 under section 24, and … $29,400
    under section 36": the staff assessment is no part of the net total."""
    path = DEV / "en04-revised-estimates.txt"
    total = next(c for n in read_path(path) for c in n.claims if c.paragraph == "4" and c.is_total)
    assert total.quantities["parts"] == [Decimal(14700), Decimal(186300)]
    assert not _errors(path)


def test_chinese_gross_total_and_ecosoc_heading() -> None:
    """«共计（毛额）» is the net total and staff assessment; «秘书长根据…第31条提交的关于决议草案…所涉方案预算
    问题的说明» heads a note with numbered paragraphs; «专家组会议为期一周» is a week of meetings."""
    path = DEV / "zh02-ecosoc-table.txt"
    claims = [c for n in read_path(path) for c in n.claims]
    gross = next(c for c in claims if c.low == Decimal(343400))
    assert gross.quantities["parts"] == [Decimal(303600), Decimal(39800)]
    assert {c.paragraph for c in claims if "table" not in c.paragraph} == {"2", "3", "5"}
    assert not _errors(path)
    assert _rates(path)[Decimal(80300)] == Decimal(80300)


# -- two items in one sentence --------------------------------------------------------------------

def test_next_item_described_before_its_amount() -> None:
    """"… at a cost of $186,300 under section 24, and the processing of the report of 8,500 words …, at a
    cost of $14,700": the report is the second amount's, not the first's."""
    priced = _rates(DEV / "en04-revised-estimates.txt")
    assert priced[Decimal(186300)] == Decimal(186300) and priced[Decimal(14700)] == Decimal(14700)
    old = _rates(DEV / "en07-pages-old.txt")  # "… 16 pages would require $31,600 and the … 60 pages $118,600"
    assert old[Decimal(31600)] == Decimal(31600) and old[Decimal(118600)] == Decimal(118600)


def test_programme_support_costs_are_extrabudgetary() -> None:
    """"$78,700, inclusive of programme support costs" is extrabudgetary money; "Those requirements,
    totalling $111,100" adds up the sentence before it in its paragraph."""
    path = DEV / "en09-contingency-xb.txt"
    claims = {c.low: c for n in read_path(path) for c in n.claims if c.paragraph == "3"}
    assert claims[Decimal(78700)].funding == "extrabudgetary"
    assert claims[Decimal(111100)].quantities["parts"] == [Decimal(78700), Decimal(32400)]
    assert not _errors(path)


# -- tables ---------------------------------------------------------------------------------------

def test_table_of_items_in_thousands_for_a_biennium() -> None:
    """A column "2012-2013" and rows of items ("Pre-session documentation  47.4") under no section: each
    row an amount in thousands, the "Total" row their sum."""
    claims = [c for n in read_path(DEV / "en07-pages-old.txt") for c in n.claims if "table" in c.paragraph]
    assert [c.low for c in claims] == [Decimal(v) for v in (48000, 47400, 31600, 118600, 245600)]
    assert [c.is_total for c in claims] == [False] * 4 + [True]
    assert claims[-1].quantities["parts"] == [Decimal(v) for v in (48000, 47400, 31600, 118600)]
    wrong = (DEV / "en07-pages-old.txt").read_text(encoding="utf-8").replace("  245.6\n", "  254.6\n")
    assert any(f.severity == "error" and "254,600" in f.message for f in check_notes(read_notes(wrong)))


def test_meeting_services_stated_in_another_paragraph() -> None:
    """"The meeting servicing of 8 meetings would require $48,000": the 8 meetings with interpretation in
    six languages of paragraph 2."""
    assert _rates(DEV / "en07-pages-old.txt")[Decimal(48000)] == Decimal(48000)


# -- Russian and Arabic ---------------------------------------------------------------------------

def test_russian_heading_and_special_rapporteurs() -> None:
    """«Последствия проекта резолюции … для бюджета по программам» heads a note; «путевых расходов пяти
    специальных докладчиков на поездку в Женеву и выплаты им суточных за пять дней» is five trips with
    five days of subsistence, not a report."""
    assert [n.name for n in read_path(DEV / "ru01-ga.txt")] == ["A/C.3/81/L.33"]
    assert any("121,100" in m for m in _errors(DEV / "ru01-ga.txt"))
    notes = read_path(DEV / "ru02-hrc-oral.txt")
    travel = next(c for c in notes[0].claims if c.low == Decimal(28600))
    assert travel.quantities["trips"] == 5 and travel.quantities["dsa_days"] == 5
    assert "report" not in travel.quantities


def test_arabic_digit_groups_right_to_left() -> None:
    """«500 16 دولار» is 16,500; in a text that writes numbers so, «600 160 دولار» is 160,600 (amounts
    are stated to the hundred) and «200 300 دولار» is read as written."""
    ar = lexicon("ar")
    assert ar is not None

    def read(*texts: str) -> list[str]:
        return [ln.text for ln in unreverse_groups([Line(k, t) for k, t in enumerate(texts, 1)], ar)]

    assert read("500 16 دولار", "600 160 دولار", "200 300 دولار", "700 10 كلمة") == [
        "16 500 دولار", "160 600 دولار", "200 300 دولار", "10 700 كلمة"]
    # a text that writes no number right to left is read as written: 500,001 stays 500,001
    assert read("48 200 دولار", "500 001 دولار") == ["48 200 دولار", "500 001 دولار"]
    errors = _errors(DEV / "ar02-ecosoc.txt")
    assert len(errors) == 1 and "16,500 against 18,500" in errors[0]


def test_arabic_meetings_and_temporary_assistance() -> None:
    """«لـ 6 جلسات» are six meetings; «المساعدة المؤقتة العامة برتبة ف-3 لمدة ستة أشهر» a P-3 for six months."""
    priced = _rates(DEV / "ar01-ga.txt")
    assert priced == {Decimal(48200): Decimal(48200), Decimal(93900): Decimal(93900)}


def test_subsistence_allowance_alone() -> None:
    """"Daily subsistence allowance for the four special rapporteurs for three days in Geneva": four
    persons' subsistence and no fare (the table's dsa), not an amount without quantities."""
    text = HEAD + (" 1. The Council would hold a meeting in Geneva in 2026 with four special rapporteurs.\n\n"
                   " 2. Daily subsistence allowance for the four special rapporteurs for three days in Geneva "
                   "would require $6,400 under section 24.\n")
    claim = next(c for c in _claims(text) if c.low == Decimal(6400))
    assert claim.quantities["dsa_only"] == {"persons": 4, "days": 3, "location": "Geneva"}
    rates = check_rates(read_notes(text), resolve_table("un-standard-costs"))
    assert [(rc.claim.low, rc.expected.low if rc.expected else None) for rc in rates.priced] == [
        (Decimal(6400), Decimal(6400))]


def test_arabic_counts_in_words() -> None:
    """«لمدة اثني عشر شهرا» is twelve months (not ten); «ستة أشهر» six."""
    from pbi.check import quantities as qx
    ar = lexicon("ar")
    assert ar is not None
    for text, months in (("المساعدة المؤقتة العامة برتبة ف-4 لمدة اثني عشر شهرا", 12),
                         ("المساعدة المؤقتة العامة برتبة ف-3 لمدة ستة أشهر", 6)):
        q = qx.extract(ar.rewrite(text))
        assert (q["grade"], q["work_months"]) == (("P-4", 12) if months == 12 else ("P-3", 6))


# -- fixes after the held-out round ---------------------------------------------------------------

def test_arabic_travel_and_consultant_as_statements_word_them() -> None:
    """«سفر الخبراء الخمسة إلى جنيف، مع بدل الإقامة اليومي لمدة خمسة أيام» is five trips with five days of
    subsistence; «الخبير الاستشاري لمدة ستة أشهر عمل» six work-months of a consultant."""
    from pbi.check import quantities as qx
    ar = lexicon("ar")
    assert ar is not None
    for text in ("سفر خمسة خبراء إلى جنيف، مع بدل الإقامة اليومي لمدة خمسة أيام، موارد قدرها 28 600 دولار",
                 "سفر الخبراء الخمسة إلى جنيف، مع بدل الإقامة اليومي لمدة خمسة أيام، موارد قدرها 28 600 دولار"):
        q = qx.extract(ar.rewrite(text))
        assert (q["trips"], q["dsa_days"], q["trips_location"]) == (5, 5, "Geneva")
    q = qx.extract(ar.rewrite("الخبير الاستشاري لمدة ستة أشهر عمل موارد قدرها 69 700 دولار"))
    assert q["consultant_months"] == 6


def test_subsistence_alone_where_the_note_meets() -> None:
    """Subsistence alone, its clause naming no station, is priced at the one station the note names,
    and not priced at all in a note naming none (not at New York by default)."""
    base = (" 1. The Council would hold a meeting{where} in 2026 with four special rapporteurs.\n\n"
            " 2. Daily subsistence allowance for the four special rapporteurs for three days would require "
            "$6,400 under section 24.\n")
    for where, expected in ((" in Geneva", [(Decimal(6400), Decimal(6400))]), ("", [])):
        rates = check_rates(read_notes(HEAD + base.format(where=where)), resolve_table("un-standard-costs"))
        assert [(rc.claim.low, rc.expected.low if rc.expected else None) for rc in rates.priced] == expected


def test_next_item_named_without_an_article() -> None:
    """"$160,600 under section 2, and pre-session documentation of 24 pages, in the six official
    languages, $13,700": the documentation is the second amount's."""
    text = HEAD + (" 1. Two weeks of meetings with interpretation in the six official languages in 2027 would "
                   "require $160,600 under section 2, and pre-session documentation of 24 pages, in the six "
                   "official languages, $22,800 under section 2.\n")
    by = {c.low: c.quantities for c in _claims(text)}
    assert "pages" not in by[Decimal(160600)] and by[Decimal(22800)]["pages"] == 24


def test_many_documents_in_one_amount_are_priced() -> None:
    """Eight documents of 1,568 pages read as one activity of eight: above the spec's bound for one
    activity (a figure of 20,003,800), each is priced as an activity of its own (found by
    tests/test_delegate_roundtrip.py)."""
    text = ("关于题为“测试草案”的决议草案的财务说明\n\n1. 本说明系按照联合国打击跨国有组织犯罪公约缔约方会议议事规则第 75 条作出。\n\n"
            "3. 关于第 3 执行段所载请求，需要额外的预算外资源 20,003,800 美元，用于八份 1,568 页的文件。\n")
    rates = check_rates(read_notes(text), resolve_table("unodc-vienna-2010"))
    assert not rates.skipped and rates.priced[0].expected is not None
    assert rates.priced[0].expected.low == Decimal(20003800)
