"""Statements in French, Spanish, Russian and Arabic read as an editor reads them (specs in
tests/data/langs2): every meeting service and a meeting's length named, nouns that agree with their
counts, consultants' work-months, subsistence days, lump sums named by their object, assumptions in
the note's own language, one article per section in French."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from pbi.costing.api import cost_file
from pbi.render import render_note

DATA = Path(__file__).parent / "data" / "langs2"
ROOT = Path(__file__).parent.parent


@cache
def _text(name: str, lang: str) -> str:
    path = DATA / f"{name}.yaml" if not name.startswith("notes/") else ROOT / name
    text = render_note(cost_file(path), lang, "text", kind="statement")
    assert isinstance(text, str)
    return text.replace("'", "’")


@pytest.mark.parametrize("lang, words", [
    ("fr", ("Une réunion d’une durée de cinq jours (dix séances, avec interprétation dans les six langues "
            "officielles, comptes rendus analytiques, webdiffusion, techniciens du son et appui "
            "informatique) à Genève",)),  # langs4: not « sonorisation et enregistrement et appui »
    ("es", ("Una reunión de cinco días (diez sesiones, con interpretación a los seis idiomas oficiales, actas "
            "resumidas, transmisión web, técnicos de sonido y apoyo informático) en Ginebra",)),  # langs4
    ("ru", ("совещание продолжительностью 5 дней (10 заседаний с устным переводом на шести официальных языках, "
            "подготовкой кратких отчетов, веб-трансляцией, звукотехническим обслуживанием и поддержкой в "
            "области ИТ) в Женеве",)),
    ("ar", ("اجتماع واحد مدته 5 أيام (10 جلسات مع توفير الترجمة الشفوية باللغات الرسمية الست والمحاضر الموجزة "
            "والبث الشبكي", "في جنيف")),
])
def test_a_meeting_names_its_length_and_every_service_it_is_priced_with(lang: str, words: tuple[str, ...]) -> None:
    text = _text("l04-hundred-one-2024", lang)
    for w in words:
        assert w in text


@pytest.mark.parametrize("lang, words", [
    # weeks said as days are, the meetings they hold counted (langs4): not « Une réunion (deux semaines de séances, … »
    ("fr", ("Une réunion d’une durée de deux semaines (20 séances, avec interprétation dans les six langues "
            "officielles et procès-verbaux de séance) à Genève",)),
    ("es", ("Una reunión de dos semanas (20 sesiones, con interpretación a los seis idiomas oficiales y actas "
            "literales) en Ginebra",)),
    ("ru", ("совещание продолжительностью 2 недели (20 заседаний с устным переводом на шести официальных языках и "
            "подготовкой стенографических отчетов) в Женеве",)),
    ("ar", ("اجتماع واحد مدته أسبوعان (20 جلسة مع توفير الترجمة الشفوية باللغات الرسمية الست والمحاضر الحرفية)",)),
])
def test_weeks_of_meetings_are_said(lang: str, words: tuple[str, ...]) -> None:
    text = _text("l06-biennium-2016-2017", lang)
    for w in words:
        assert w in text


@pytest.mark.parametrize("lang, good, bad", [
    ("fr", ("Un rapport (1 mot, dans une langue)", "Une réunion (une séance, avec interprétation",
            "Un mois de travail d’un consultant"), ("1 mots", "1 séances", "Réunions (")),
    ("es", ("Un informe (1 palabra, en un idioma)", "Una reunión (una sesión, con interpretación",
            "Un mes de trabajo de un consultor"), ("1 palabras", "1 sesiones", "Reuniones (")),
    ("ru", ("доклад (1 слово, на одном языке)", "1 заседание (с устным переводом на шести официальных языках) в Нью-Йорке", "консультант на 1 месяц",
            "1 поездка эксперта в Нью-Йорк"), ("на 1 языке", "заседания (1", "консультант, 2027",
                                                "поездки экспертов (1)", "1 поездка экспертов")),  # langs4: one traveller
    ("ar", ("تقرير (كلمة واحدة، بلغة واحدة)", "شهر عمل واحد لخبير استشاري"), ("بـ لغة", "1 كلمة",
                                                                             "(هـ) خبير استشاري،")),
])
def test_counts_of_one_take_the_singular(lang: str, good: tuple[str, ...], bad: tuple[str, ...]) -> None:
    text = _text("l01-ones-2027", lang)
    for w in good:
        assert w in text
    for w in bad:
        assert w not in text


@pytest.mark.parametrize("name, words", [
    ("l02-twos-2026", ("2 поездки членов в Женеву", "консультант на 2 месяца")),
    ("l03-twenty-one-2025", ("21 заседание (с устным переводом на шести официальных языках и веб-трансляцией)", "21 поездка представителей в Нью-Йорк",
                             "на 25 месяцев")),
    ("l04-hundred-one-2024", ("101 поездка участников в Женеву", "суточные за 11 дней на каждую из 11 поездок")),
    ("l11-sparse-2029", ("4 поездки сотрудников в Нью-Йорк",)),
])
def test_russian_counts_decline_with_their_number(name: str, words: tuple[str, ...]) -> None:
    text = _text(name, "ru")
    for w in words:
        assert w in text
    assert not re.search(r"поездки \w+ \(\d+\)", text)


@pytest.mark.parametrize("lang, words", [
    ("fr", "11 jours d’indemnité journalière de subsistance pour chacun de 11 voyages à Genève"),
    ("es", "11 días de dietas por cada uno de 11 viajes en Ginebra"),
    ("ar", "بدل الإقامة اليومي لمدة 11 يوما عن كل رحلة من 11 رحلة في جنيف"),
])
def test_subsistence_allowance_says_its_days_and_trips(lang: str, words: str) -> None:
    assert words in _text("l04-hundred-one-2024", lang)


@pytest.mark.parametrize("lang, words", [
    ("en", "A provision for contractual services, in 2028"),
    ("zh", "2028 年，订约承办事务经费"),
    ("fr", "Crédit au titre des services contractuels, en 2028"),
    ("es", "Créditos para servicios por contrata, en 2028"),
    ("ru", "ассигнования по статье «Услуги по контрактам», 2028 год"),
    ("ar", "اعتماد في إطار بند «الخدمات التعاقدية»، في عام 2028"),
])
def test_a_lump_sum_without_a_purpose_is_named_by_its_object(lang: str, words: str) -> None:
    assert words in _text("l05-million-2028", lang)


@pytest.mark.parametrize("lang, title", [
    ("fr", "Hypothèses retenues pour la présente estimation"),
    ("es", "Supuestos de la presente estimación"),
    ("ru", "Допущения, на которых основана настоящая смета"),
    ("ar", "الافتراضات التي يستند إليها هذا التقدير"),
])
def test_assumptions_are_listed_in_the_note_s_language(lang: str, title: str) -> None:
    """The default section of conference services is an assumption: every language lists it; a spec's
    assumptions written in English only are counted, never printed in another language's note."""
    text = _text("l07-contingency-extrabudgetary-2019", lang)
    tail = text[text.index(title):]
    assert len(tail.splitlines()) == 2  # the title and one assumption
    assert "conference services" not in text
    other = _text("notes/e-2011-30/draft-resolution-a-i.yaml", lang)
    assert title in other and ": 5" in other.split(title, 1)[1]
    assert "the Council adopts" not in other


def test_french_sections_each_take_their_article() -> None:
    text = _text("l06-biennium-2016-2017", "fr")
    assert "du chapitre 4 (Désarmement) et du chapitre 29C du budget-programme" in text
    assert " et chapitre " not in text
