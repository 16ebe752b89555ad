"""The masthead lines of a UN document are data (pbi/draft/rules/mastheads.yaml): each language's dates read
their month, lines of the other column do not part an agenda item from its title, and a pattern naming words the
file does not list is one line naming the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.model.errors import InputError


def test_a_masthead_pattern_naming_unknown_words_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pbi.draft import reader

    bad = tmp_path / "mastheads.yaml"
    text = reader.MASTHEADS_FILE.read_text(encoding="utf-8")
    bad.write_text(text.replace("(?P<m>{{months}})", "(?P<m>{{monthz}})", 1), encoding="utf-8")
    monkeypatch.setattr(reader, "MASTHEADS_FILE", bad)
    reader._mastheads.cache_clear()
    try:
        with pytest.raises(InputError, match=r"mastheads\.yaml:\d+: en\.lines\.date: not a masthead pattern: "
                                             r"unknown \{\{monthz\}\}"):
            reader.masthead("Vienna, 18–22 May 2026")
    finally:
        reader._mastheads.cache_clear()


@pytest.mark.parametrize(("line", "language", "value"), [
    ("Vienna, 18–22 May 2026", "en", "2026-05"), ("Vienne, 12-16 Octobre 2026", "fr", "2026-10"),
    ("Viena, 12 a 16 de setiembre de 2026", "es", "2026-09"), ("Вена, 12–16 октября 2026 года", "ru", "2026-10"),
    ("فيينا، 12-16 تشرين الأول/أكتوبر 2026", "ar", "2026-10"), ("2025年9月8日至10月8日", "zh", "2025-10"),
])
def test_masthead_dates_read_their_month_in_each_language(line: str, language: str, value: str) -> None:
    from pbi.draft.reader import masthead

    assert masthead(line, language) == ("date", value)  # type: ignore[arg-type]


@pytest.mark.parametrize(("masthead", "title"), [
    ("United Nations  A/C.2/81/L.44\n\nGeneral Assembly\nEighty-first session\nSecond Committee\nAgenda item 20 (a)\n"
     "Distr.: Limited\n17 November 2026\nOriginal: English\n\nSustainable development: climate\n\n"
     "Fiji: draft resolution\n\nSea-level rise\n\nThe General Assembly,\n\n1. Requests the Secretary-General to submit a "
     "report.\n", "Sustainable development: climate"),
    ("联 合 国  A/C.2/81/L.44\n\n大    会\n第八十一届会议\n第二委员会\n议程项目20 (a)\nDistr.: Limited\n2026年11月17日\n"
     "中文\n原件：英文\n\n可持续发展：气候\n\n斐济：决议草案\n\n海平面上升\n\n大会，\n\n1. 请秘书长提交报告。\n", "可持续发展：气候"),
])
def test_the_other_columns_lines_do_not_part_an_agenda_item_from_its_title(masthead: str, title: str) -> None:
    """A text extracted column by column prints the distribution, date and original language between the
    agenda item and its title; the title is still the agenda item's, and the date still read."""
    from pbi.draft.reader import parse_drafts

    (draft,) = parse_drafts(masthead, file="d.txt")
    assert (draft.agenda_items, draft.agenda_title, draft.dated, draft.dated_month) == (["20 (a)"], title, 2026, 11)
    assert title not in draft.title


@pytest.mark.parametrize(("line", "language", "day"), [
    ("17 November 2026", "en", 17), ("Vienna, 18–22 May 2026", "en", 22), ("Geneva, 16 June–11 July 2027", "en", 11),
    ("4 de noviembre de 2026", "es", 4), ("1er décembre 2026", "fr", 1), ("Вена, 12–16 октября 2026 года", "ru", 16),
    ("فيينا، 12-16 تشرين الأول/أكتوبر 2026", "ar", 16), ("2027年6月14日至7月9日", "zh", 9), ("November 2026", "en", None),
])
def test_the_day_a_masthead_date_prints_with_its_month(line: str, language: str, day: int | None) -> None:
    from pbi.draft.reader import _day_in, masthead

    field = masthead(line, language)  # type: ignore[arg-type]
    assert field is not None and field[0] == "date"
    year, month = (int(v) for v in field[1].split("-"))
    assert _day_in(line, language, year, month) == day  # type: ignore[arg-type]


@pytest.mark.parametrize(("head", "organ", "session", "tail"), [
    ("联 合 国                  A/C.3/81/L.39", "大 会                     Distr.: Limited", "第八十一届会议",
     "议程项目68(b)\n\n哥斯达黎加：决议草案\n\n健康环境权\n\n大会，\n\n1. 请秘书长向大会第八十二届会议提交一份报告；"),
    ("Организация Объединенных Наций     A/C.3/81/L.39", "Генеральная Ассамблея     Distr.: Limited",
     "Восемьдесят первая сессия",
     "Пункт 68 повестки дня\n\nКоста-Рика: проект резолюции\n\nПраво на здоровую окружающую среду\n\n"
     "Генеральная Ассамблея,\n\n1. просит Генерального секретаря представить доклад;"),
    ("الأمم المتحدة     A/C.3/81/L.39", "الجمعية العامة     Distr.: Limited", "الدورة الحادية والثمانون",
     "البند 68 من جدول الأعمال\n\nكوستاريكا: مشروع قرار\n\nالحق في بيئة صحية\n\nإن الجمعية العامة،\n\n"
     "1 - تطلب إلى الأمين العام أن يقدم تقريرا؛"),
], ids=["zh", "ru", "ar"])
def test_a_distribution_block_printed_in_english_dates_the_draft(head: str, organ: str, session: str,
                                                                 tail: str) -> None:
    """Chinese, Russian and Arabic documents print "Distr.", the date, the language and "Original" in English."""
    from pbi.draft import parse_drafts

    language = {"联": "Chinese", "О": "Russian", "ا": "Arabic"}[head[0]]
    text = (f"{head}\n{organ}\n                          24 October 2026\n                          {language}\n"
            f"                          Original: English\n\n{session}\n{tail}\n")
    (draft,) = parse_drafts(text)
    assert (draft.dated, draft.dated_month, draft.dated_day, draft.symbol) == (2026, 10, 24, "A/C.3/81/L.39")
    assert draft.title and "24 October" not in draft.title and language not in draft.title
