"""pbi draft reads Russian drafts (tests/data/drafts-ru): the class of every operative paragraph and the
activities of the costed ones as labelled by hand before pbi read them; Russian numbers in their cases, ordinals,
months and mastheads; two English drafts translated into Russian give the English spec."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from _drafts import check_labelled, check_translation, only_paragraph

from pbi.draft.reader import detect_language, masthead, ru_cardinal, ru_ordinal

DATA = Path(__file__).resolve().parent / "data"
RU = DATA / "drafts-ru"
LABELS = sorted(RU.glob("*.yaml"))
#: held-out drafts missed on their one read (tests/data/drafts-ru/README.md) and not fixed since
HELD_OUT_MISSED: set[str] = set()


@pytest.mark.parametrize("label", [p for p in LABELS if p.stem not in HELD_OUT_MISSED], ids=lambda p: p.stem)
def test_russian_draft_as_labelled(label: Path) -> None:
    check_labelled(label, "ru")


def test_there_are_six_russian_drafts_two_held_out() -> None:
    labels = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in LABELS]
    assert len(labels) == 6 and sum(bool(x.get("held_out")) for x in labels) == 2


def test_language_is_detected() -> None:
    assert detect_language((RU / "ru-c3-doklad.txt").read_text(encoding="utf-8")) == "ru"
    assert detect_language((DATA / "drafts-es" / "es-c3-informe.txt").read_text(encoding="utf-8")) == "es"


@pytest.mark.parametrize(("words", "n"), [("два", 2), ("двух", 2), ("двум", 2), ("пять", 5), ("пяти", 5), ("трех", 3),
                                          ("двадцати пяти", 25), ("пятнадцать", 15), ("10 700", 10700), ("одну", 1)])
def test_russian_cardinals(words: str, n: int) -> None:
    assert ru_cardinal(words) == n
    assert ru_cardinal("совещание") is None


@pytest.mark.parametrize(("words", "n"), [("первая", 1), ("восемьдесят первой", 81), ("Восемьдесят первая", 81),
                                          ("восемьдесят второй", 82), ("четырнадцатой", 14), ("шестьдесят третья", 63),
                                          ("третьей", 3), ("63-я", 63), ("81-й", 81), ("сороковой", 40)])
def test_russian_ordinals(words: str, n: int) -> None:
    assert ru_ordinal(words) == n
    assert ru_ordinal("следующей") is None


@pytest.mark.parametrize(("line", "field"), [
    ("Семьдесят девятая сессия", ("session", "Семьдесят девятая сессия")),
    ("Сессия 2026 года", ("session", "Сессия 2026 года")),
    ("Третий комитет", ("committee", "Третий комитет")),
    ("Пункт 68 повестки дня", ("agenda", "68")),
    ("Вена, 12–16 октября 2026 года", ("date", "2026-10")),
    ("Генеральная Ассамблея", ("organ", "Генеральная Ассамблея")),
])
def test_russian_masthead(line: str, field: tuple[str, str]) -> None:
    assert masthead(line, "ru") == field


FRAME = """Проект резолюции

Генеральная Ассамблея,

ссылаясь на свою резолюцию 79/1,

1.\u00a0{}
"""


def _one(text: str) -> tuple[str, list[dict[str, Any]]]:
    return only_paragraph(FRAME, text, "ru")


@pytest.mark.parametrize(("text", "cls"), [
    ("просит Генерального секретаря представить Генеральной Ассамблее на ее восемьдесят второй сессии доклад;", "costed"),
    ("постановляет продолжить рассмотрение этого вопроса.", "none"),
    ("предлагает государствам-членам укреплять сотрудничество;", "none"),
    ("просит Генерального секретаря вести веб-сайт в рамках имеющихся ресурсов;", "absorbed"),
    ("просит Управление оказывать техническую помощь за счет внебюджетных ресурсов;", "extrabudgetary"),
    ("постановляет учредить межправительственную рабочую группу открытого состава по вопросам задолженности;", "costed"),
])
def test_russian_phrases(text: str, cls: str) -> None:
    assert _one(text)[0] == cls


def test_numbers_in_their_cases() -> None:
    cls, acts = _one("просит Генерального секретаря созвать в 2028 году в Найроби трехдневное совещание группы экспертов "
                     "с участием двадцати пяти экспертов;")
    (act,) = [a for a in acts if a["kind"] in ("expert_meeting", "travel")]
    assert (cls, str(act.get("participants", act.get("trips"))), act["year"], act["location"]) == (
        "costed", "25", 2028, "Nairobi")
    cls, acts = _one("постановляет созвать в 2027 году в Нью-Йорке двухдневное совещание высокого уровня;")
    assert [(a["kind"], str(a["days"]), a["location"]) for a in acts if a["kind"] == "meeting"] == [("meeting", "2", "New York")]


# two English drafts of tests/data/drafts-en translated into Russian: the same classes and activities

#: paragraph 2 of ecosoc-statistics, "to convene an expert group meeting … to develop guidelines on disaggregated
#: data": the English publication rule also reads "develop … guide(lines)" as a guide to publish; the Russian
#: "для разработки руководящих принципов" is the meeting's work only. Both extrabudgetary, both the expert group meeting.
DIVERGES = {("ecosoc-statistics", "2")}


@pytest.mark.parametrize("name", ["ecosoc-statistics", "c3-older-persons"])
def test_translated_draft_gives_the_english_spec(name: str) -> None:
    check_translation(DATA / "drafts-en" / f"{name}.txt", RU / "translated" / f"{name}.txt",
                      {ref for n, ref in DIVERGES if n == name})


def test_two_sessions_and_a_word_limit() -> None:
    cls, acts = _one("постановляет учредить подготовительный комитет, который проведет две сессии продолжительностью по пять "
                     "рабочих дней каждая в Нью-Йорке в 2027 году;")
    assert [(a["kind"], a.get("count"), str(a["days"]), a["location"]) for a in acts if a["kind"] == "meeting"] == [
        ("meeting", 2, "5", "New York")]
    cls, acts = _one("просит Генерального секретаря подготовить доклад объемом не более 8500 слов и представить его "
                     "Генеральной Ассамблее на ее восемьдесят второй сессии;")
    assert [(a["words"], a["year"]) for a in acts if a["kind"] == "documentation"] == [("8500", 2027)]
