"""Notes and statements in six languages, read as an editor reads them (specs in tests/data/langs3): work
not costed in every financial note, Russian agreement, counted documents, Arabic conditionals, Chinese
weeks of meetings, sections in order."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from pbi.costing.api import cost_file
from pbi.costing.estimate import Estimate
from pbi.render import render_note
from pbi.render.numbers import feminine

DATA = Path(__file__).parent / "data" / "langs3"


@cache
def _estimate(name: str) -> Estimate:
    return cost_file(DATA / f"{name}.yaml")


@cache
def _text(name: str, lang: str, kind: str) -> str:
    text = str(render_note(_estimate(name), lang, "text", kind=kind))
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("'", "’")


def _paragraph(text: str, start: str) -> str:
    return next(p for p in text.split("\n\n") if p.startswith(start))


@pytest.mark.parametrize("lang, sentence, conclusion", [
    ("fr", "Les activités prévues en 2030 et 2031 (paragraphe 12) ne sont pas chiffrées dans la présente note : "
           "les taux pour 2030 et 2031 ne sont pas encore disponibles.", "Par conséquent"),
    ("es", "Las actividades previstas para 2030 y 2031 (párrafo 12) no se presupuestan en la presente nota: las "
           "tarifas para 2030 y 2031 aún no están disponibles.", "Por consiguiente"),
    ("ru", "Мероприятия, запланированные на 2030 и 2031 годы (пункт 12), в настоящей записке не оцениваются: "
           "ставки на 2030 и 2031 годы еще не установлены.", "Соответственно"),
    ("ar", "لا تُقدَّر في هذه المذكرة تكاليف الأنشطة المقررة لعام 2030 وعام 2031 (الفقرة 12): فأسعار عام 2030 "
           "وعام 2031 لم تُحدَّد بعد.", "وبناء على ذلك"),
])
def test_every_financial_note_says_what_it_does_not_cost(lang: str, sentence: str, conclusion: str) -> None:
    text = _text("m14-ga-not-costed-2029", lang, "financial_note")
    assert sentence in text
    assert text.index(sentence) < text.index(conclusion), "the conclusion comes last"


def test_one_activity_not_costed_is_singular_in_french() -> None:
    text = _text("m13-cop-not-costed-2026", "fr", "financial_note")
    assert "L’activité prévue en 2030 (paragraphe 9) n’est pas chiffrée dans la présente note" in text


def test_a_label_missing_in_chinese_is_neither_an_error_nor_english() -> None:
    statement = _text("m12-csw-sparse-2028", "zh", "statement")  # label: {en: the review meeting}
    assert "第 8 段所涉 2030 年的活动未列入本说明的费用估计" in statement
    assert "review meeting" not in statement
    data = yaml.safe_load((DATA / "m13-cop-not-costed-2026.yaml").read_text(encoding="utf-8"))
    data["extra"]["not_costed"][0]["label"] = {"en": "the follow-up meeting"}
    assert "follow-up" not in str(render_note(_cost(data), "zh", "text", kind="financial_note"))


def _cost(data: dict[str, object]) -> Estimate:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "spec.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return cost_file(path, table=str(Path(__file__).parent.parent / "cost_tables" / "un-standard-costs.yaml"))


def test_russian_bodies_agree_in_gender_and_the_title_in_case() -> None:
    first = _paragraph(_text("m03-statistical-weeks-2026", "ru", "statement"), "1.")
    assert "Согласно проекту резолюции E/CN.3/2026/L.2, озаглавленному" in first
    assert "Статистическая комиссия просила бы осуществить мероприятия, указанные ниже." in first
    ecosoc = _paragraph(_text("m07-ecosoc-contingency-2029", "ru", "statement"), "1.")
    assert "постановляющей части проекта резолюции E/2029/L.15, озаглавленного" in ecosoc
    assert (feminine("Комиссия", "ru"), feminine("Генеральная Ассамблея", "ru"), feminine("Совет", "ru"),
            feminine("Комиссия", "fr")) == (True, True, False, False)


@pytest.mark.parametrize("lang, second", [
    ("ru", "2. Согласно проекту резолюции Генеральная Ассамблея просила бы осуществить мероприятия, смета расходов "
           "на которые приводится ниже."),
    ("ar", "2 - بموجب مشروع القرار، ستقوم الجمعية العامة بطلب تنفيذ الأنشطة المقدرة تكاليفها أدناه."),
])
def test_a_financial_note_whose_requests_have_no_text_is_a_whole_sentence(lang: str, second: str) -> None:
    data = yaml.safe_load((DATA / "m09-ga-nairobi-2025.yaml").read_text(encoding="utf-8"))
    for request in data["requests"]:
        request.pop("text", None)
    text = str(render_note(_cost(data), lang, "text", kind="financial_note"))
    assert second in text


def test_a_chinese_statement_states_weeks_of_meetings_and_their_services() -> None:
    assert "在纽约举行一次为期两周的会议（20 场会议，提供六种正式语文的口译、逐字记录及网播）" in _text(
        "m03-statistical-weeks-2026", "zh", "statement")


@pytest.mark.parametrize("lang, documents", [
    ("fr", "Trois documents (10 700 mots au total, dans les six langues officielles), en 2023"),
    ("es", "Tres documentos (10.700 palabras en total, en los seis idiomas oficiales), en 2023"),
    ("ru", "3 документа (10 700 слов в общей сложности, на шести официальных языках), 2023 год"),
    ("ar", "3 وثائق (10 700 كلمة إجمالا، باللغات الرسمية الست)، في عام 2023"),
])
def test_statements_count_documents_with_the_noun(lang: str, documents: str) -> None:
    text = _text("m06-ccpcj-three-sections-2023", lang, "statement")
    assert documents in text
    for bracketed in ("Documents (3)", "Documentos (3)", "документы (3)", "وثائق (3)"):
        assert bracketed not in text


def test_a_statement_s_details_read_as_an_editor_writes_them() -> None:
    assert "Une réunion d’une durée d’un jour (deux séances" in _text("m06-ccpcj-three-sections-2023", "fr", "statement")
    assert "文件 2 份（共 101 页，六种正式语文）" in _text("m08-hrc-special-procedure-2026", "zh", "statement")


@pytest.mark.parametrize("name, answer", [
    ("m11-ga-geneva-mixed-2024", "مشروع القرار A/78/L.92، فستنشأ احتياجات إضافية"),
    ("m05-cnd-vienna-extrabudgetary-2024", "مشروع القرار E/CN.7/2024/L.9، فلن تنشأ أي احتياجات إضافية"),
])
def test_the_arabic_conditional_answer_takes_fa(name: str, answer: str) -> None:
    assert answer in _text(name, "ar", "statement")


@pytest.mark.parametrize("lang, documents", [
    # the words are the eleven documents' total, and the note says so
    ("en", "$9,500 for 11 documents totalling 3,300 words processed in New York in 2027"),
    ("fr", "9 500 dollars pour la documentation (11 documents totalisant 3 300 mots traités à New York) en 2027"),
    ("es", "(11 documentos con un total de 3.300 palabras procesadas en Nueva York)"),
    ("ru", "документация (11 документов общим объемом 3 300 слов с обработкой в Нью-Йорке)"),
    ("zh", "11 份在纽约处理的以六种语文提供的篇幅共为 3,300 字的文件"),
    ("ar", "الوثائق (11 وثيقة، 3 300 كلمة إجمالا، تُجهَّز في نيويورك)"),
])
def test_financial_notes_say_how_many_documents(lang: str, documents: str) -> None:
    assert documents in _text("m10-ga-three-years-2027", lang, "financial_note")


def test_a_financial_note_lists_sections_in_order_and_services_with_commas() -> None:
    text = _text("m09-ga-nairobi-2025", "en", "financial_note")
    conclusion = _paragraph(text, "5.")
    assert conclusion.index("section 2 (") < conclusion.index("section 15")
    assert "with interpretation in six languages, verbatim records, sound technicians and IT support." in text
    zh = _text("m09-ga-nairobi-2025", "zh", "financial_note")
    assert "设想将于 2025 年在内罗毕举行一次会议" in zh
    assert _paragraph(zh, "5.").index("第 2 款") < _paragraph(zh, "5.").index("第 15 款")


@pytest.mark.parametrize("lang, consultants, paragraphs", [
    ("en", "11 work-months each of two consultants, in 2028", "(paragraphs 12 and 13)"),
    ("fr", "11 mois de travail de chacun des deux consultants, en 2028", "(paragraphes 12 et 13)"),
    ("es", "11 meses de trabajo de cada uno de dos consultores, en 2028", "(párrafos 12 y 13)"),
    ("ru", "два консультанта на 11 месяцев каждый, 2028 год", "(пункты 12 и 13)"),
    ("ar", "11 شهر عمل لكل من خبيرين استشاريين، في عام 2028", "(الفقرتان 12 و13)"),
    ("zh", "2028 年，两名咨询人各 11 个工作月", "（第 12 和 13 段）"),
])
def test_a_statement_counts_consultants_and_paragraphs(lang: str, consultants: str, paragraphs: str) -> None:
    """Two consultants of eleven months each are priced as 22 work-months: the statement says both."""
    text = _text("m02-population-two-years-2028", lang, "statement")
    assert consultants in text
    assert paragraphs in text


@pytest.mark.parametrize("lang, lump_sum, covered", [
    ("en", "$15,000 under section 27 for a provision for travel in 2024.",
     "In addition, the requirements for a document of 1,100 words processed in Geneva would be met from existing "
     "resources."),
    ("fr", "15 000 dollars au titre du chapitre 27 pour un crédit pour les voyages en 2024.",
     "les ressources existantes permettraient de financer la documentation"),
    ("es", "15.000 dólares en la sección 27 para créditos para viajes en 2024.",
     "con los recursos existentes se sufragaría la documentación (1.100 palabras"),
])
def test_a_financial_note_s_lump_sum_and_absorbed_work_are_whole_phrases(lang: str, lump_sum: str,
                                                                         covered: str) -> None:
    text = _text("m11-ga-geneva-mixed-2024", lang, "financial_note")
    assert lump_sum in text
    assert covered in text


def test_an_arabic_statement_counts_trips_then_says_who_makes_them() -> None:
    text = _text("m05-cnd-vienna-extrabudgetary-2024", "ar", "statement")
    assert "22 رحلة للمشاركين إلى فيينا مع بدل إقامة يومي لمدة 5 أيام لكل رحلة، في عام 2024" in text
    assert "سفر المشاركين (" not in text
    assert "رحلتان للخبراء إلى فيينا" in _text("m06-ccpcj-three-sections-2023", "ar", "statement")


def test_a_french_statement_of_a_body_that_does_not_appropriate_states_requirements() -> None:
    """The Council does not appropriate: « des ressources supplémentaires … seraient nécessaires », as the
    English "additional requirements … would arise" (it said « il faudrait ouvrir un crédit supplémentaire »)."""
    text = _text("m07-ecosoc-contingency-2029", "fr", "statement")
    assert ("adoptait le projet de résolution E/2029/L.15, des ressources supplémentaires d’un montant de 119 400 "
            "dollars seraient nécessaires au titre du chapitre 2") in text
    assert "ouvrir un crédit" not in text


@pytest.mark.parametrize("lang, trips", [
    ("en", "101 trips of representatives to Nairobi with five days of subsistence allowance each, in 2025"),
    ("fr", "101 voyages de représentants à destination de Nairobi, avec cinq jours d’indemnité journalière de "
           "subsistance chacun, en 2025"),
    ("es", "101 viajes de representantes a Nairobi, con cinco días de dietas cada uno, en 2025"),
    ("ru", "101 поездка представителей в Найроби с выплатой суточных за 5 дней на каждую поездку, 2025 год"),
    ("ar", "101 رحلة للممثلين إلى نيروبي مع بدل إقامة يومي لمدة 5 أيام لكل رحلة، في عام 2025"),
    ("zh", "代表前往内罗毕差旅 101 次（每次五天每日生活津贴）"),
])
def test_a_statement_s_trips_say_their_days_of_subsistence(lang: str, trips: str) -> None:
    """The trips are priced with five days of subsistence allowance each: the statement says so, as the
    financial note does."""
    assert trips in _text("m09-ga-nairobi-2025", lang, "statement")
