"""check6: forms of real statements ``pbi check`` could not read, found by a blind round on statements
written in the United Nations' shape (tests/data/check6): Human Rights Council, Vienna and Nairobi
statements whose items name no duty station, new posts at first-year cost, the trips of a mandate
holder, tables by year in thousands, and French, Spanish, Chinese and Russian wording. One test per fix."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from pbi.check import check_files, read_notes, read_path
from pbi.check.report import CheckReport
from pbi.check.choose import choose_table, note_body, note_station
from pbi.check.lexicon import lexicon
from pbi.check.quantities import extract, find_years
from pbi.check.rates import check_rates
from pbi.check.tables import find_tables, table_amounts
from pbi.check.text import Line
from pbi.model.tables import resolve_table

DEV = Path(__file__).parent / "data" / "check6" / "dev"


@cache
def _report(path: Path) -> CheckReport:
    """The report of one statement, read once for all the tests that ask about it."""
    return check_files([path])


def _alarms(path: Path) -> list[str]:
    return [f.message for _, f in _report(path).findings if f.severity in ("error", "warning")]


def _priced(path: Path) -> dict[Decimal, tuple[Decimal, tuple[str, ...]]]:
    """claimed amount → (the amount pbi's table prices its quantities at, the activity kinds)"""
    rep = _report(path)
    assert rep.rates is not None
    return {rc.claim.low: (rc.expected.low, rc.kinds) for rc in rep.rates.priced
            if rc.expected is not None and rc.claim.low is not None}


# -- the note's own duty station --------------------------------------------------------------------

def test_an_item_naming_no_station_is_priced_at_the_councils() -> None:
    """"Two reports of 10,700 words each would be submitted to the Council": Geneva's rate (37,000),
    not New York's (61,600); a report priced at New York's rate in a Council statement is named."""
    assert _priced(DEV / "en01-hrc-mandate.txt")[Decimal(37000)][0] == Decimal(37000)
    assert not _alarms(DEV / "en01-hrc-mandate.txt")
    wrong = _alarms(DEV / "en02-hrc-wrong-station.txt")
    assert len(wrong) == 1 and "92,400 against 55,500" in wrong[0]


def test_the_station_a_heading_names() -> None:
    """"Commission on Narcotic Drugs … Vienna, 15-19 March 2027": six meetings and three documents
    of 8,500 words are Vienna's (63,600 and 48,300), and so is a Nairobi statement's report."""
    note = read_path(DEV / "en03-cnd-vienna.txt")[0]
    assert note.station == "Vienna" and note_station(note) == "Vienna"
    assert not _alarms(DEV / "en03-cnd-vienna.txt")
    assert read_path(DEV / "en04-nairobi-unea.txt")[0].station == "Nairobi"
    assert _priced(DEV / "en04-nairobi-unea.txt")[Decimal(24100)][0] == Decimal(24100)


def test_a_council_statement_under_the_assemblys_rules_is_the_councils() -> None:
    """A Human Rights Council statement is made "in accordance with rule 153 of the rules of procedure
    of the General Assembly" (and « du règlement intérieur de l'Assemblée générale »): the rules name
    no body; a statement of the Assembly's own still is the Assembly's."""
    for name in ("en01-hrc-mandate", "fr01-cdh-rapporteur", "es01-cdh-dietas", "zh01-hrc-rapporteur"):
        note = read_path(DEV / f"{name}.txt")[0]
        assert note_body(note) == "human-rights-council", name
        assert note_station(note) == "Geneva", name
    ga = read_path(DEV / "en05-new-posts.txt")[0]
    assert note_body(ga) == "general-assembly" and note_station(ga) is None


def test_a_spanish_symbol_keeps_its_e() -> None:
    """«E/CN.15/2027/L.3»: the Spanish «e» (and) is not the E of a symbol."""
    assert read_path(DEV / "es02-ccpcj-viena.txt")[0].symbol == "E/CN.15/2027/L.3"
    es = lexicon("es")
    assert es is not None and "E/CN.15/2027/L.3" in es.rewrite("del proyecto de resolución E/CN.15/2027/L.3")
    assert "Sierra and Ibiza" in es.rewrite("Sierra e Ibiza")


def test_a_note_of_no_known_body_gets_a_table_with_its_years() -> None:
    """A statement of the Environment Assembly (no body pbi knows) for 2027: the default table has no
    rates after 2024, so the installed table that has 2027 prices it, and says why."""
    note = read_path(DEV / "en04-nairobi-unea.txt")[0]
    choice = choose_table(note)
    assert choice.table.id == "un-standard-costs" and "no body known" in choice.why
    wrong = _alarms(DEV / "en04-nairobi-unea.txt")
    assert len(wrong) == 1 and "62,400 against 64,200" in wrong[0]


# -- years -----------------------------------------------------------------------------------------

def test_the_standard_costs_for_2026_are_no_activity_year() -> None:
    """"The estimates below are based on the standard costs for 2026" names the rates, not the year
    of the meetings of 2027: the paragraphs naming no year are priced in 2027 (not in 2010)."""
    assert find_years("based on the standard costs for 2026, in 2027") == [2027]
    assert find_years("the requirements for 2026") == [2026]
    claims = [c for n in read_path(DEV / "en08-standard-costs-2026.txt") for c in n.claims]
    assert {c.quantities.get("period_year") for c in claims if c.year is None} == {2027}
    assert not _alarms(DEV / "en08-standard-costs-2026.txt")


# -- new posts ---------------------------------------------------------------------------------------

def test_new_posts_are_priced_at_first_year_cost() -> None:
    """"One new P-4 post would require $111,000": a new post at the table's vacancy factor (50 per cent
    for a Professional post, 35 for General Service), not temporary assistance or nothing."""
    priced = _priced(DEV / "en05-new-posts.txt")
    assert priced[Decimal(111000)] == (Decimal(111000), ("new_post",))
    assert priced[Decimal(75800)][0] == Decimal(75800)
    assert priced[Decimal(84100)][0] == Decimal(84100)  # General Service (Other level) at 65 per cent
    assert extract("Two new P-3 posts would require $185,000")["new_posts"] == 2
    assert "new_posts" not in extract("General temporary assistance at the P-4 level for twelve months")


def test_a_new_post_at_full_year_cost_is_named() -> None:
    """A new D-1 post stated at its full-year cost (286,600) is twice its first-year cost."""
    wrong = _alarms(DEV / "en06-new-post-full-year.txt")
    assert len(wrong) == 1 and "286,600 against 143,300" in wrong[0]


def test_new_posts_in_french_spanish_russian_and_chinese() -> None:
    """«le nouveau poste P-4», «un nuevo puesto de categoría P-3», «одна новая должность», «一个P-4职等新员额»,
    «وظيفة جديدة برتبة ف-4»."""
    assert _priced(DEV / "fr02-ag-postes.txt")[Decimal(84100)] == (Decimal(84100), ("new_post",))
    es, ru = lexicon("es"), lexicon("ru")
    assert es is not None and ru is not None
    assert "new post" in es.rewrite("Un nuevo puesto de categoría P-3")
    assert "new posts" in ru.rewrite("двух новых должностей")
    assert extract("一个P-4职等新员额所需经费为111 000美元")["new_posts"] == 1
    ar = lexicon("ar")
    assert ar is not None and extract(ar.rewrite("وظيفة جديدة برتبة ف-4 ستتطلب 111 000 دولار"))["new_posts"] == 1
    wrong = _alarms(DEV / "zh02-new-posts-table.txt")
    assert len(wrong) == 1 and "81,400 against 84,100" in wrong[0]


# -- travel ------------------------------------------------------------------------------------------

def test_the_trips_of_a_mandate_holder() -> None:
    """"Two trips of the Special Rapporteur to Geneva, each with daily subsistence allowance for five
    days" (« deux voyages du Rapporteur spécial », «特别报告员赴日内瓦两次，每次领取五天的每日生活津贴»)."""
    q = extract("Two trips of the Special Rapporteur to Geneva, each with daily subsistence allowance for "
                "five days, would require $11,500")
    assert (q["trips"], q["dsa_days"], q["travellers"]) == (2, 5, "experts")
    plural = extract("three trips of the experts to Geneva, with daily subsistence allowance for four days")
    assert (plural["trips"], plural["dsa_days"], plural["travellers"]) == (3, 4, "experts")
    zh = extract("特别报告员赴日内瓦两次，每次领取五天的每日生活津贴，所需经费为11 500美元")
    assert (zh["trips"], zh["dsa_days"]) == (2, 5)
    for name in ("en01-hrc-mandate", "fr01-cdh-rapporteur", "zh01-hrc-rapporteur"):
        assert _priced(DEV / f"{name}.txt")[Decimal(11500)][0] == Decimal(11500), name


def test_the_subsistence_days_after_a_trip() -> None:
    """«Поездки экспертов (3) в Вену и выплата им суточных за четыре дня»: three trips with four days
    of subsistence each (read "3 trips of experts to Vienna, with daily subsistence allowance for
    four days"); a later sentence's days are not the trip's."""
    assert _priced(DEV / "ru01-cnd-experts.txt")[Decimal(14300)][0] == Decimal(14300)
    q = extract("3 trips of experts to Vienna; the meeting would last for four days")
    assert q["trips"] == 3 and "dsa_days" not in q


def test_spanish_subsistence_alone() -> None:
    """«Las dietas de los cinco miembros por cinco días»: subsistence for five members already in
    Geneva; stated at New York's rate (10,700) it is named."""
    es = lexicon("es")
    assert es is not None
    assert "daily subsistence allowance for the five members for five days" in es.rewrite(
        "Las dietas de los cinco miembros por cinco días ascenderían a 10.700 dólares").lower()
    wrong = _alarms(DEV / "es01-cdh-dietas.txt")
    assert len(wrong) == 1 and "10,700 against 13,400" in wrong[0]


# -- tables ------------------------------------------------------------------------------------------

def test_a_gross_total_with_no_net_row() -> None:
    """共计（毛额） under a section and the staff assessment, with no net row: it adds both."""
    rows = ["表1", "（千美元）", "", "款次                     2027年", "第24款，人权              192.4",
            "第36款，工作人员薪金税       38.3", "共计（毛额）                230.7"]
    _, tables = find_tables([Line(i + 1, t) for i, t in enumerate(rows)], __import__("re").compile(r"^\d+\."))
    gross = next(t for t in table_amounts(tables[0]) if t.role == "gross")
    assert [p.amount for p in gross.parts] == [Decimal(192400), Decimal(38300)]
    assert not _alarms(DEV / "zh02-new-posts-table.txt")[1:]  # the one alarm is the wrong post


def test_a_ruled_table_in_thousands() -> None:
    """A table read from a Word file or a web page (a rule drawn under its header) whose caption says
    "(Thousands of United States dollars)": 303.6 is 303,600, and the wrong grand total is named."""
    text = ("A/C.2/82/L.18\n\nProgramme budget implications of draft resolution A/C.2/82/L.18\n\n"
            "1. Ten meetings would require $80,300 in 2027 and $80,300 in 2028 under section 2.\n"
            "Table 1 Requirements by section and year (Thousands of United States dollars)\n"
            "Section    2027    2028    Total\n--------\n"
            "Section 2, General Assembly affairs    80.3    80.3    170.6\n"
            "Total    80.3    80.3    170.6\n"
            "2. The requirements would be considered in the proposed programme budgets.\n")
    amounts = {c.low for n in read_notes(text) for c in n.claims}
    assert Decimal(80300) in amounts and Decimal(170600) in amounts and Decimal("80.3") not in amounts


def test_new_posts_of_several_grades_in_one_amount(tmp_path: Path) -> None:
    """"One new P-4 post and one new General Service (Other level) post would require $195,100": each
    grade priced at its own first-year cost (111,000 + 84,100), not the first grade alone."""
    assert extract("一个P-4职等新员额和一个一般事务（其他职等）新员额所需经费为195 100美元")["new_posts_all"] == [
        {"count": 1, "grade": "P-4"}, {"count": 1, "grade": "GS (Other level)"}]
    written = extract("$277,400 for one new post at the P-4 level in Geneva and two new posts in the GS (Other level) "
                      "category in Geneva in 2023")  # as pbi writes it
    assert written["new_posts_all"] == [{"count": 1, "grade": "P-4"}, {"count": 2, "grade": "GS (Other level)"}]
    path = tmp_path / "posts.txt"
    path.write_text((DEV / "en05-new-posts.txt").read_text(encoding="utf-8").split(" 3. ")[0]
                    + " 3. One new P-4 post and one new General Service (Other level) post would require $195,100"
                      " in 2027 under section 9.\n", encoding="utf-8")
    assert _priced(path)[Decimal(195100)] == (Decimal(195100), ("new_post", "new_post"))


def test_the_establishment_of_a_post_is_a_new_post() -> None:
    """"The establishment of one P-3 post", « la création d'un poste P-3 », «la creación de un puesto de
    categoría P-3»: a new post; temporary assistance by the month is not."""
    assert extract("The establishment of one P-3 post would require $92,500")["new_posts"] == 1
    fr, es = lexicon("fr"), lexicon("es")
    assert fr is not None and es is not None
    assert extract(fr.rewrite("La création d'un poste P-3 nécessiterait 92 500 dollars"))["new_posts"] == 1
    assert extract(es.rewrite("La creación de un puesto de categoría P-3 requeriría 92.500 dólares"))["new_posts"] == 1
    assert "new_posts" not in extract("General temporary assistance at the P-4 level for 12 months would "
                                      "require $223,300")


def test_a_total_of_two_years() -> None:
    """« soit 160 600 dollars » … « pour 2027 et 2028 »: "a total of $160,600 for 2027 and 2028" adds up
    the amounts of both years, not of 2027 alone (a false error of 80,300)."""
    text = ("A/C.3/82/L.70\n\nProgramme budget implications of draft resolution A/C.3/82/L.70\n\n"
            " 1. Ten meetings with interpretation would require $80,300 in 2027 and $80,300 in 2028 under "
            "section 2.\n\n 2. The total requirements, $160,600 for 2027 and 2028, would be considered in "
            "the proposed programme budgets.\n")
    total = next(c for n in read_notes(text) for c in n.claims if c.low == Decimal(160600))
    assert total.year is None and total.quantities["parts"] == [Decimal(80300), Decimal(80300)]


def test_french_and_spanish_table_captions_in_thousands() -> None:
    """« Tableau 1 … (En milliers de dollars des États-Unis) », «Cuadro 1 … (En miles de dólares de los
    Estados Unidos)»: the table is read, in thousands, and its wrong total (170,6) is named."""
    path = Path(__file__).parent / "data" / "check6" / "fr-table-thousands.txt"
    wrong = _alarms(path)
    assert len(wrong) == 1 and "stated total 170,600" in wrong[0] and "160,600" in wrong[0]
    es = path.read_text(encoding="utf-8").replace("Tableau 1", "Cuadro 1").replace(
        "(En milliers de dollars des États-Unis)", "(En miles de dólares de los Estados Unidos)")
    assert Decimal(170600) in {c.low for n in read_notes(es) for c in n.claims}


def test_several_documents_of_one_length() -> None:
    """"three pre-session documents, each of 10,700 words", «двух докладов объемом 10 700 слов каждый»:
    the count of documents of that length ("one of the reports" counts none)."""
    assert extract("three pre-session documents, each of 10,700 words, would require $55,500")["documents"] == 3
    assert "documents" not in extract("one of the reports, of 10,700 words, would require $18,500")
    ru = lexicon("ru")
    assert ru is not None
    q = extract(ru.rewrite("Для обработки двух докладов объемом 10 700 слов каждый на шести официальных языках "
                           "потребуются ресурсы в размере 37 000 долл. США"))
    assert (q["words"], q["documents"], q["languages"]) == (10700, 2, 6)


def test_a_russian_table_by_year_in_thousands() -> None:
    """«Таблица 1 … (В тыс. долл. США)», columns «2027 год | 2028 год | Итого»: read, in thousands, and
    its wrong total (170,6 for 80,3 + 80,3) is named."""
    wrong = _alarms(Path(__file__).parent / "data" / "check6" / "ru-table-thousands.txt")
    assert len(wrong) == 1 and "stated total 170,600" in wrong[0] and "160,600" in wrong[0]


def test_subsistence_alone_at_the_councils_station() -> None:
    """Subsistence alone in a Council statement that names no station at all is paid in Geneva (13,400
    for five members for five days), not left unpriced."""
    text = ("A/HRC/64/L.50\n\nHuman Rights Council\n\nAdministrative and programme budget implications of draft "
            "resolution A/HRC/64/L.50\n\n 1. Daily subsistence allowance only, for the five members for five days, "
            "would require $13,400 under section 24, Human rights, in 2027.\n")
    result = check_rates(read_notes(text), resolve_table("un-standard-costs"))
    assert [(rc.claim.low, rc.expected.low if rc.expected else None) for rc in result.checks] == [
        (Decimal(13400), Decimal(13400))]
