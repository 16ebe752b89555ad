"""Reading draft resolutions and decisions: text (.txt, .md) or Word (.docx), in the six official languages.

A file may hold one draft or several (a session report's chapter I). Each draft is split into its
title, preambular paragraphs, operative paragraphs with their sub-items — numbering as printed:
``1.``, ``(a)``, ``(i)``, ``㈠``, ``(一)`` — and the items of its annex. Page headers, document
symbols printed as running heads, footnote texts and footnote markers are left out. The masthead of
a UN document above a draft (symbol, organ, session, Main Committee, agenda items, dates) is read into the
draft's fields, not its title, by each language's lines in ``rules/mastheads.yaml``. French, Spanish, Russian
and Arabic number words and ordinals ("vingt et un", "quatre-vingt-unième"; "veinticinco", "octogésimo
primer"; "двадцать пять"; "خمسة وعشرين") are read by ``fr_cardinal``, ``es_cardinal``, ``ru_cardinal``,
``ar_cardinal`` and their ``…_ordinal``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pbi.model.errors import InputError
from pbi.model.fileio import MAX_DOCX_UNZIPPED, open_word_document, word_blocks, word_number
from pbi.model.yamlio import load_yaml, read_bytes

__all__ = ["MAX_DRAFT_CHARS", "MAX_DOCX_UNZIPPED", "MAX_PARAGRAPH_CHARS", "Item", "Paragraph", "Draft", "read_text", "detect_language", "parse_drafts", "read_drafts", "masthead",
           "masthead_fields", "with_stem", "fr_cardinal", "fr_ordinal", "es_cardinal", "es_ordinal", "ru_cardinal",
           "ru_ordinal", "ar_cardinal", "ar_ordinal", "READ_LANGUAGES", "MASTHEADS_FILE"]

Language = Literal["zh", "en", "fr", "es", "ru", "ar"]
#: the languages whose drafts pbi reads
READ_LANGUAGES: tuple[Language, ...] = ("zh", "en", "fr", "es", "ru", "ar")

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff]+")
_ARABIC_RUN = re.compile(r"[\u0600-\u06ff]+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# running heads of a printed document: "64 V.10-58210", "V.10-58210 17", "CTOC/COP/2010/17", "E/2011/30"
# and the footer of a page of a UN document: its job number and dates "26-18712 (E)    141026", its
# bar code "*2618712*", its page "2/4"
_RUNNING_HEAD = re.compile(r"^\s*(\d{1,4}\s+)?[A-Z]\.\d{2}-\d{5}(\s+\d{1,4})?\s*$"
                           r"|^\s*[A-Z]{1,6}(/[A-Z0-9.]+){1,5}\s*$|^\s*\d{1,4}\s*$|^\s*-\s*\d+\s*-\s*$"
                           r"|^\s*\d{2}-\d{5}\s*(\([A-Z]\))?(\s+\d{6}){0,2}\s*$|^\s*\*\d{7}\*\s*$|^\s*\d{1,3}/\d{1,3}\s*$")
# a draft's symbol printed in its heading: A/C.3/80/L.99, E/CN.15/2011/L.5/Rev.1, CTOC/COP/2010/L.7
_DRAFT_SYMBOL = re.compile(r"(?:^|\s)([A-Z]{1,6}(?:/[A-Z0-9.]+)*/L\.\d+(?:/Rev\.\d+)?)\s*$")
#: the masthead lines of a UN document above a draft, in each language (read once, when first needed)
MASTHEADS_FILE = Path(__file__).with_name("rules") / "mastheads.yaml"
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


@dataclass(frozen=True)
class _Masthead:
    """One language's masthead lines, in the order they are tried, its month names (in small letters), and
    the language its documents print the right-hand column in (its date and other lines), if another."""

    lines: dict[str, re.Pattern[str]]
    months: dict[str, int]
    distribution: Language | None = None


@lru_cache(maxsize=1)
def _mastheads() -> dict[str, _Masthead]:
    loaded = load_yaml(MASTHEADS_FILE)
    out: dict[str, _Masthead] = {}
    for language in READ_LANGUAGES:
        data = loaded.data.get(language)
        if not isinstance(data, dict) or not isinstance(data.get("lines"), dict):
            raise InputError("expected the masthead lines of the language", file=loaded.file,
                             line=loaded.line_of(language), field=language)
        names = [str(m) for m in data.get("months") or []] + [str(m) for m in data.get("month_aliases") or {}]
        months = {m.lower(): i for i, m in enumerate(names[:12], start=1)} \
            | {str(k).lower(): int(v) for k, v in (data.get("month_aliases") or {}).items()}
        words = {"months": names} | {str(k): [str(w) for w in v] for k, v in (data.get("words") or {}).items()}
        ignoring = set(data.get("ignoring_case") or [])
        lines: dict[str, re.Pattern[str]] = {}
        for name, pattern in data["lines"].items():
            path, text = f"{language}.lines.{name}", str(pattern)
            for word, alternatives in words.items():
                text = text.replace("{{" + word + "}}", "(?:" + "|".join(map(re.escape, alternatives)) + ")")
            unknown = _PLACEHOLDER.search(text)
            try:
                if unknown:
                    raise re.error(f"unknown {unknown.group(0)} (known: {', '.join(sorted(words))})")
                lines[str(name)] = re.compile(text, re.IGNORECASE if name in ignoring else 0)
            except re.error as exc:
                raise InputError(f"not a masthead pattern: {exc}", file=loaded.file, line=loaded.line_of(path),
                                 field=path) from None
        distribution = data.get("distribution")
        if distribution is not None and (distribution not in READ_LANGUAGES or distribution == language):
            raise InputError(f"expected another language pbi reads ({', '.join(READ_LANGUAGES)})",
                             file=loaded.file, line=loaded.line_of(f"{language}.distribution"),
                             field=f"{language}.distribution")
        out[language] = _Masthead(lines, months, distribution)
    return out


# the gap between the two columns of a masthead line ("大    会" is one column)
_COLUMN_GAP = r"\s{5,}|\t"
_FOOTNOTE_RULE = re.compile(r"^\s*(_{5,}|-{3,}|\*{3,})\s*$")
_FOOTNOTE_LINE = re.compile(r"^\s?(\d{1,3}|\*{1,3})\s+\S|^\s*(<sup>\d+</sup>|\[\^?\d+\]:?|[" + _SUPERSCRIPTS
                            + r"]+)\s*\S")
_MARKER = re.compile(r"<sup>\s*[\d*]+\s*</sup>|\[\^?\d+\]|[" + _SUPERSCRIPTS + r"]+")
# a 1-3 digit number after a Chinese character or punctuation mark (not after 第) that no counting
# word follows ("14第32条", "工作，1"): a footnote marker of a PDF text
_PDF_MARKER = re.compile(r"(?<=[\u4e00-\u9fff，。；：、》”）])(?<!第)(?<!项目)\d{1,3}(?=$|[，。；：（《“\u4e00-\u9fff])"
                         r"(?![年月日条款段号次届卷个项页份人名位天岁周章节版册种国级至和及、])")
# a footnote marker of a plain English text: digits glued to a word or to its punctuation
# ("disabilities;2", "Convention,1 in particular"), never after a dot ("Rev.1") or a capital ("G20")
_EN_MARKER = re.compile(r"(?<=[a-z\)\];,:”\"’])\d{1,2}(?=\s|$)")
_MD = re.compile(r"^\s*#{1,6}\s*|\*\*|(?<!\*)\*(?!\*)")

# a numbered operative paragraph "3. …" (also "3．"), a sub-item "(a)", "(i)", "㈠", "(一)", "（一）"
# "3 bis." / "3 ter.": a paragraph inserted in a revised draft (it was read as a footnote and left out);
# the Chinese text prints it "3 之二." (its number is read as the English one: "3 bis")
_NUMBERED = re.compile(r"^(\d{1,3}(?: ?(?:(?:bis|ter|quater)\b|之[二三四]))?)\s*[.．]\s*(?!\d)(.*)$")
_INSERTED = {"之二": "bis", "之三": "ter", "之四": "quater"}


def _inserted_number(number: str) -> str:
    """A paragraph's number as the English text prints it: "3 之二" and "3之二" → "3 bis"."""
    m = re.fullmatch(r"(\d{1,3}) ?(之[二三四])", number)
    return f"{m.group(1)} {_INSERTED[m.group(2)]}" if m else number
_FOUR_DIGITS = re.compile(r"^(\d{4,})\s*[.．]\s+\S")  # "1000. Requests …": numbering past 999
# (French documents print "a)", "ii)" without the opening bracket)
_LETTER = re.compile(r"^[(（]?([a-z]{1,2})[)）]\s*(.*)$")
_ROMAN = re.compile(r"^[(（]?((?:x{0,3})(?:ix|iv|v?i{0,3}))[)）]\s*(.*)$")
_CN_ITEM = re.compile(r"^([㈠-㈩])\s*(.*)$|^[(（]([一二三四五六七八九十]{1,3})[)）]\s*(.*)$")

_CN_NUM = "一二三四五六七八九十"
_ROMAN_OF = {"一": "I", "二": "II", "三": "III", "四": "IV", "五": "V", "六": "VI"}
_DRAFT_START = {
    # also the sponsors' line: "法国和南非：决议草案", "阿根廷和中国提交的决议草案"
    "zh": re.compile(r"^(第?\s*(?P<num>\d+/\d+)(?:/?(?:\.\.\.|…))?\s*号\s*(?P<kind>决议|决定)(草案)?"
                     r"|第?\s*(?P<next>\d+)/(?:\.\.\.|…)\s*号\s*(?P<kind3>决议|决定)(草案)?"
                     r"|(?:[^：:。；\n]{1,300}[：:]\s*|[^：:。；\n]{1,300}(?:提交|提出)的)?(?:订正)?"
                     r"(?P<kind2>决议|决定)草案\s*(?P<cn>[" + _CN_NUM + r"]*))\s*$"),
    # "Draft resolution", "Resolution 5/2", the sponsors' line "Albania and Chile: draft resolution",
    # "Draft resolution submitted by the Vice-Chair of the Committee … on the basis of …"
    "en": re.compile(r"^(?:(?!\d{1,3}\s*[.．])[^:\n]{1,2000}:\s*(?:revised\s+)?draft\s+|(?:revised\s+)?draft\s+)?"
                     r"(?P<kind>resolution|decision)\s*(?P<num>[\dIVXLC]+(?:/\d+)?)?(?:/(?:\.\.\.|…))?"
                     r"(?:\s+(?:submitted|recommended|proposed)\s+by\s.*)?\s*$", re.IGNORECASE),
    # "Projet de résolution", "Chine et Mongolie : projet de résolution", "Projet de résolution révisé",
    # "Projet de résolution présenté par le Vice-Président de la Commission …", "Projet de résolution déposé par le
    # Président de l'Assemblée générale", "Résolution 5/2"
    "fr": re.compile(r"^(?:(?!\d{1,3}\s*[.．])[^:\n]{1,2000}\s?:\s*projet\s+de\s+|projet\s+de\s+)?"
                     r"(?P<kind>résolution|décision)\s*(?P<num>[\dIVXLC]+(?:/\d+)?)?(?:/(?:\.\.\.|…))?(?:\s+révisée?)?"
                     r"(?:\s+(?:présentée?|déposée?|soumise?|recommandée?|proposée?)\s+par\s.*)?\s*$", re.IGNORECASE),
    # "Proyecto de resolución", "China y Mongolia: proyecto de resolución", "Proyecto de resolución revisado",
    # "Proyecto de resolución presentado por el Vicepresidente de la Comisión …"
    "es": re.compile(r"^(?:(?!\d{1,3}\s*[.．])[^:\n]{1,2000}:\s*proyecto\s+de\s+|proyecto\s+de\s+)?"
                     r"(?P<kind>resolución|decisión)\s*(?P<num>[\dIVXLC]+(?:/\d+)?)?(?:/(?:\.\.\.|…))?(?:\s+revisad[oa])?"
                     r"(?:\s+(?:presentad[oa]|recomendad[oa]|propuest[oa])\s+por\s.*)?\s*$", re.IGNORECASE),
    # "Проект резолюции", "Китай и Монголия: проект резолюции", "Пересмотренный проект резолюции",
    # "Проект резолюции, представленный заместителем Председателя Комитета …"
    "ru": re.compile(r"^(?:(?!\d{1,3}\s*[.．])[^:\n]{1,2000}:\s*(?:пересмотренный\s+)?проект\s+|(?:пересмотренный\s+)?проект\s+)"
                     r"(?P<kind>резолюции|решения)\s*(?P<num>[\dIVXLC]+(?:/\d+)?)?(?:/(?:\.\.\.|…))?"
                     r"(?:,?\s+(?:представленный|рекомендованный|предложенный)\s.*)?\s*$", re.IGNORECASE),
    # "مشروع قرار", "الصين ومنغوليا: مشروع قرار", "مشروع قرار منقح", "مشروع قرار مقدم من نائب رئيس اللجنة …"
    "ar": re.compile(r"^(?:(?!\d{1,3}\s*[.．])[^:\n]{1,2000}:\s*)?مشروع\s+(?P<kind>قرار|مقرر)(?:\s+منقح)?\s*(?P<num>[\dIVXLC]+(?:/\d+)?)?"
                     r"(?:/(?:\.\.\.|…))?(?:\s+(?:مقدم|مقترح|موصى به)\s.*)?\s*$"),
}
# a draft's heading with its title on the same line: "Draft resolution: The right to clean air",
# "Draft decision II — Working methods", "决议草案：农村妇女的数字包容"
_DRAFT_TITLED = {
    "zh": re.compile(r"^(?:[^：:。；\n]{1,300}[：:]\s*)?(?P<kind>决议|决定)草案\s*(?P<cn>[" + _CN_NUM + r"]*)\s*[：:]\s*"
                     r"(?P<title>[^：:].{1,300})$"),
    "en": re.compile(r"^(?:revised\s+)?draft\s+(?P<kind>resolution|decision)\s*(?P<num>[\dIVXLC]+(?:/\d+)?)?"
                     r"(?:\s+(?P<symbol>[A-Z]{1,6}(?:/[A-Z0-9.]+)*/L\.\d+(?:/Rev\.\d+)?))?"
                     r"\s*(?::|\s[–—-])\s*(?P<title>[A-Z\"“].{1,300})$", re.IGNORECASE),
    "fr": re.compile(r"^projet\s+de\s+(?P<kind>résolution|décision)\s*(?P<num>[\dIVXLC]+(?:/\d+)?)?(?:\s+révisée?)?"
                     r"(?:\s+(?P<symbol>[A-Z]{1,6}(?:/[A-Z0-9.]+)*/L\.\d+(?:/Rev\.\d+)?))?"
                     r"\s*(?::|\s[–—-])\s*(?P<title>[A-ZÉÀ«\"“].{1,300})$", re.IGNORECASE),
    "es": re.compile(r"^proyecto\s+de\s+(?P<kind>resolución|decisión)\s*(?P<num>[\dIVXLC]+(?:/\d+)?)?(?:\s+revisad[oa])?"
                     r"(?:\s+(?P<symbol>[A-Z]{1,6}(?:/[A-Z0-9.]+)*/L\.\d+(?:/Rev\.\d+)?))?"
                     r"\s*(?::|\s[–—-])\s*(?P<title>[A-ZÁÉÍÓÚ«\"“].{1,300})$", re.IGNORECASE),
    "ru": re.compile(r"^(?:пересмотренный\s+)?проект\s+(?P<kind>резолюции|решения)\s*(?P<num>[\dIVXLC]+(?:/\d+)?)?"
                     r"(?:\s+(?P<symbol>[A-Z]{1,6}(?:/[A-Z0-9.]+)*/L\.\d+(?:/Rev\.\d+)?))?"
                     r"\s*(?::|\s[–—-])\s*(?P<title>[А-ЯЁ«\"“].{1,300})$", re.IGNORECASE),
    "ar": re.compile(r"^مشروع\s+(?P<kind>قرار|مقرر)(?:\s+منقح)?\s*(?P<num>[\dIVXLC]+(?:/\d+)?)?"
                     r"(?:\s+(?P<symbol>[A-Z]{1,6}(?:/[A-Z0-9.]+)*/L\.\d+(?:/Rev\.\d+)?))?"
                     r"\s*(?::|\s[–—-])\s*(?P<title>[\u0621-\u064a«\"“].{1,300})$"),
}


def _draft_start(text: str) -> re.Match[str] | None:
    """The heading of a draft ("Draft resolution", "Mexico: draft resolution", "决议草案：标题"), or None."""
    return next((m for lang in READ_LANGUAGES for m in [_DRAFT_START[lang].match(text)] if m), None) \
        or next((m for lang in READ_LANGUAGES for m in [_DRAFT_TITLED[lang].match(text)] if m), None)


# headings that close a draft: "二. 组织事项", "B． 决定", "第一章", "Chapter II", "A. Draft resolutions…" (not the
# French "M. Jean Dupont (Belgique)" of a heading's second line: "M." is "Monsieur")
_CLOSING_HEADING = re.compile(r"^([" + _CN_NUM + r"]+\s*[.．、]\s*\S|[A-Z]\s*[.．]\s*[\u4e00-\u9fff]|(?!M\.\s+[A-Z][a-zé]+\s+[A-Z])[A-Z]\.\s+[A-Z]|第[" + _CN_NUM
                              + r"]+章|(?:Chapter|Chapitre|Capítulo)\s+[IVX\d]+)")
_ANNEX = re.compile(r"^(附件[" + _CN_NUM + r"]*|(?:Annexe?|Anexo)(\s+[IVX]+)?)\s*$", re.IGNORECASE)
# the line naming the body that adopts the draft: "大会，", "The General Assembly,", and a decision's
# "缔约方会议决定设立…" (the body, then at once what it decides)
_BODY_WORDS = {"zh": r"(大会|理事会|缔约方会议|缔约国会议|委员会|工作组|专家组|论坛|执行局)",
               "en": r"(Assembly|Council|Conference|Commission|Parties|Working Group|Forum|Executive Board)",
               "fr": r"(Assemblée|Conseil|Conférence|Commission|Parties|Groupe de travail|Forum)",
               "es": r"(Asamblea|Consejo|Conferencia|Comisión|Partes|Grupo de Trabajo|Foro)",
               "ru": r"(Ассамблея|Совет|Конференция|Комиссия|Рабочая группа|Форум|Исполнительный совет)",
               "ar": r"(الجمعية|المجلس|مجلس|مؤتمر|اللجنة|لجنة|الفريق العامل|المنتدى)"}
# bodies that open a draft only with the comma after their name (alone on a line they are headings)
_GROUP_WORDS = ("工作组", "专家组", "论坛", "执行局", "Working Group", "Forum", "Executive Board", "Groupe de travail",
                "Grupo de Trabajo", "Foro", "Рабочая группа", "Форум", "Исполнительный совет")
_BODY_LINE = {
    "zh": re.compile(r"^(?P<body>[^，,：:。；.]{0,58}?" + _BODY_WORDS["zh"] + r")(?P<sep>[，,：:]?)(?P<rest>.*)$"),
    "en": re.compile(r"^(?P<body>The\s+[^,:;.]{0,200}?" + _BODY_WORDS["en"]
                     + r"(\s+(on|to|of|for|against)\s+[^,:;.]{0,160})?)(?P<sep>[,:]?)\s*(?P<rest>.*)$"),
    # "L’Assemblée générale,", "La Conférence des Parties à la Convention …,", "Le Conseil des droits de l’homme,"
    "fr": re.compile(r"^(?P<body>(?:L['’]\s?|La\s+|Le\s+)[^,:;.]{0,200}?" + _BODY_WORDS["fr"]
                     + r"(\s*(?:de|des|du|d['’]|sur|pour|contre|à|aux|générale|économique)\b\s*"
                     r"(?:(?!\s(?:décide|prie|adopte|approuve)\b)[^,:;.]){0,160})?)"
                     r"(?P<sep>[,:]?)\s*(?P<rest>.*)$"),
    # "La Asamblea General,", "La Conferencia de las Partes en la Convención …,", "El Consejo de Derechos Humanos,"
    "es": re.compile(r"^(?P<body>(?:La\s+|El\s+|Los\s+)[^,:;.]{0,200}?" + _BODY_WORDS["es"]
                     + r"(\s*(?:de|del|de la|de las|de los|sobre|para|contra|en|General|Económico)\b\s*"
                     r"(?:(?!\s(?:decide|solicita|pide|aprueba|adopta)\b)[^,:;.]){0,160})?)"
                     r"(?P<sep>[,:]?)\s*(?P<rest>.*)$"),
    # "Генеральная Ассамблея,", "Конференция участников Конвенции …,", "Совет по правам человека,": the name starts
    # with a capital; words in small letters may go on after the body's word
    "ru": re.compile(r"^(?P<body>(?:[А-ЯЁ][а-яё-]+\s+(?:и\s+)?){0,3}" + _BODY_WORDS["ru"]
                     + r"(\s+(?:по|участников|государств|при|для|против|ООН|Организации)\b\s*"
                     r"(?:(?!\s(?:постановляет|просит|утверждает|принимает)\b)[^,:;.]){0,160})?)"
                     r"(?P<sep>[,:]?)\s*(?P<rest>.*)$"),
    # "إن الجمعية العامة،", "إن مؤتمر الأطراف في اتفاقية …،", "إن مجلس حقوق الإنسان،" (the Arabic comma is read as ",")
    "ar": re.compile(r"^(?P<body>إن\s+[^,:;.]{0,200}?" + _BODY_WORDS["ar"] + r"[^,:;.]{0,200}?)(?P<sep>[,:])\s*(?P<rest>.*)$"),
}
# the longest name of an organ printed alone on its line, without its comma, to open a Chinese draft
# ("经济及社会理事会" is eight characters); a longer line without a comma is the draft's title
_ZH_ORGAN_ALONE = 8
# a commission's line above the draft it recommends to another organ: neither title nor body
_RECOMMENDS = re.compile(r"recommends\s+to\s+the\s.{3,200}?\s(?:approval|adoption)\s+of\s+the\s+following\s+draft"
                         # "recommande au Conseil économique et social d'adopter le projet de résolution suivant"
                         r"|recommande\s+(?:au|à\s+la|à\s+l['’])\s?.{3,200}?\s(?:d['’]adopter|d['’]approuver)\s+le(?:s)?\s+projets?\s+de"
                         # "recomienda al Consejo Económico y Social que apruebe el siguiente proyecto de resolución"
                         r"|recomienda\s+(?:al|a\s+la)\s.{3,200}?\s(?:que\s+apruebe|la\s+aprobación\s+de)\s+(?:el|los)\s+(?:siguientes?\s+)?proyectos?\s+de"
                         # "рекомендует Экономическому и Социальному Совету принять следующий проект резолюции"
                         r"|рекомендует\s.{3,200}?\s(?:принять|утвердить)\s+следующи[йе]\s+проекты?\s"
                         # "توصي اللجنة المجلس الاقتصادي والاجتماعي باعتماد مشروع القرار التالي"
                         r"|(?:توصي|يوصي)\s.{3,200}?\s(?:باعتماد|بإقرار)\s+مشروع"
                         r"|建议.{2,40}?(?:核准|通过)下(?:述|列)(?:决议|决定)草案", re.IGNORECASE)
_DECIDING = re.compile(r"^(决定|核准|通过|请|Decides|Approves|Adopts|Requests|décide|approuve|adopte|prie|decide|aprueba|adopta"
                       r"|solicita|постановляет|утверждает|принимает|просит|تقرر|يقرر|تطلب|يطلب|تعتمد|يعتمد)", re.IGNORECASE)
# a decision's stem alone, its lettered items each completing it: "The General Assembly decides:",
# "大会决定：" — "(b) To request the Secretary-General …" is read "Decides to request the Secretary-General …"
_STEM = re.compile(r"^(?P<verb>(?:also |further )?decides(?: that)?|(?:还|又)?决定|décide(?: également| en outre)?(?: que)?"
                   r"|decide(?: también| además)?(?: que)?|постановляет(?: также| далее)?(?:,? что)?"
                   r"|(?:تقرر|يقرر)(?: أيضا| كذلك)?(?: ما يلي)?)"
                   r"\s*[:：]\s*$", re.IGNORECASE)


def _body_of(para: str, lang: Language) -> tuple[str, str, bool] | None:
    """(body, rest, rest is operative) if ``para`` opens the draft with the name of its body."""
    m = _BODY_LINE[lang].match(para)
    if not m:
        return None
    body, sep, rest = m.group("body").strip(), m.group("sep"), m.group("rest").strip()
    if m.group(2) in _GROUP_WORDS and not sep:
        return None  # "工作组" alone is a heading; "老龄问题不限成员名额工作组，" opens a draft
    if not rest:
        return body, "", False
    if not sep and _DECIDING.match(rest):
        return body, rest, True
    if sep and len(body) <= (40 if lang == "zh" else 160 if lang == "en" else 220):
        return body, rest, False
    return None


@dataclass
class Item:
    """A sub-item of a paragraph, numbered as printed: ``(a)``, ``(i)``, ``㈠``."""

    label: str
    text: str
    line: int
    items: list["Item"] = field(default_factory=list)

    def all_text(self) -> str:
        """Its text and its own sub-items', each with its label as printed."""
        return " ".join([self.text, *(f"{i.label} {i.all_text()}" for i in self.items)])


@dataclass
class Paragraph:
    """An operative paragraph (``3``) or an annex item (``(f)``) with its sub-items."""

    number: str
    text: str
    line: int
    items: list[Item] = field(default_factory=list)
    annex: str = ""  # the annex an item is in ("I", "II"), "" for an operative paragraph
    # the texts of the footnotes its markers point to ("shall not exceed 10,700 words"): read for the
    # quantities the paragraph itself does not state, never for its class
    notes: list[str] = field(default_factory=list)

    def all_text(self) -> str:
        return " ".join([self.text, *(i.all_text() for i in self.items)])


@dataclass
class Draft:
    """One draft resolution or decision as printed."""

    label: str
    kind: Literal["resolution", "decision"]
    number: str | None
    language: Language
    file: str
    line: int
    title: str = ""
    symbol: str | None = None  # the draft's document symbol when printed above it (A/C.3/80/L.99)
    organ: str = ""  # the organ of the masthead: "General Assembly", "Human Rights Council"
    session: str = ""  # the session of the masthead: "Eighty-first session", "2026 session"
    dated: int | None = None  # the latest year of the masthead's dates (of the session, of the document)
    dated_month: int | None = None  # and its month
    dated_day: int | None = None  # and the day printed with that month ("17 November 2026", "18–22 May 2026": 22)
    recommended: bool = False  # the masthead's organ recommends the draft to the body that adopts it
    committee: str = ""  # "Third Committee"
    agenda_items: list[str] = field(default_factory=list)  # "71 (b)"
    agenda_title: str = ""  # the title printed under the agenda item above the draft: "Crime prevention …"
    body: str = ""
    preamble: list[str] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    annex: list[Paragraph] = field(default_factory=list)


def read_text(path: Path | str) -> str:
    """The text of a .txt, .md or .docx file; InputError (one line) if it is missing, binary or empty."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError("no such file", file=name)
    if path.is_dir():
        raise InputError("is a directory, expected a draft (.txt, .md or .docx)", file=name)
    data = read_bytes(path)  # a regular file of at most 5 MB, checked before reading
    if path.suffix.lower() == ".docx":
        text = _docx_text(path)
    else:
        if b"\x00" in data[:4096] or data.startswith(b"PK\x03\x04"):
            raise InputError("binary file, expected a draft as text (.txt, .md) or .docx", file=name, line=1)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError("not UTF-8 text (save the draft as UTF-8, or give the .docx)", file=name,
                             line=line) from None
    if not text.strip():
        raise InputError("empty file: no draft to read", file=name, line=1)
    text = _ascii_numbers(text)
    if len(text) > MAX_DRAFT_CHARS:
        raise InputError(f"{len(text):,} characters of text: more than a draft resolution (pbi reads at most "
                         f"{MAX_DRAFT_CHARS:,}; the session report CTOC/COP/2010/17 with nine resolutions has "
                         "about 190,000 bytes)", file=name)
    return text


# full-width digits and slash as Chinese documents print them ("２０２７年", "第７８／１６１号")
_FULLWIDTH = str.maketrans("０１２３４５６７８９／", "0123456789/")
#: digits of other scripts as ASCII; a thin or figure space (a thousands separator) as the narrow
#: no-break space the rules read in numbers; characters that print nothing (zero-width space, word
#: joiner, soft hyphen, byte-order mark) left out, so that "10\u200b700 words" is 10,700, not 700
_NUMBER_FORMS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                               **{chr(0x06F0 + i): str(i) for i in range(10)},
                               "\u2009": "\u202f", "\u2007": "\u202f",
                               **dict.fromkeys(("\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"))})
_TRANSLATED = re.compile("[" + re.escape("".join(chr(c) for c in (*_FULLWIDTH, *_NUMBER_FORMS))) + "]")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}
# a year written in Chinese numerals, digit by digit: "二〇二七年" (also with 零 or ○ for nought)
_CN_YEAR = re.compile(r"([一二][〇零○一二三四五六七八九]{3})(?=\s*年)")


# the month and day of a date whose year is in digits: "2027年四月九日", "2026年十二月三十一日"
_CN_MONTH_DAY = re.compile(r"(?<=[0-9]年)([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?")


def _small_cn(word: str) -> str:
    """"九" → "9", "十二" → "12", "三十一" → "31" (1-39)."""
    tens, _, units = word.rpartition("十")
    if "十" not in word:
        return _CN_DIGIT[word]
    return str((int(_CN_DIGIT[tens]) if tens else 1) * 10 + (int(_CN_DIGIT[units]) if units else 0))


def _ascii_numbers(text: str) -> str:
    """Full-width digits as ASCII digits and dates in Chinese numerals as digits ("二〇二七年四月九日"
    → "2027年4月9日"): the rules read numbers in one form. Lines keep their numbers."""
    if _TRANSLATED.search(text):  # (a translation of a long text is slow: only when there is something to change)
        text = text.translate(_FULLWIDTH).translate(_NUMBER_FORMS)
    text = _CN_YEAR.sub(lambda m: "".join(_CN_DIGIT[c] for c in m.group(1)), text)
    return _CN_MONTH_DAY.sub(lambda m: f"{_small_cn(m.group(1))}月" + (f"{_small_cn(m.group(2))}日" if m.group(2) else ""),
                             text)


#: the longest text ``pbi draft`` reads: five times a whole session report with its nine resolutions
#: (seed 001, about 190 KB), and about six seconds of reading at worst (one paragraph of 1,000,000)
MAX_DRAFT_CHARS = 1_000_000
#: an operative paragraph with its sub-items: the longest of the drafts in tests/data and the seeds
#: has 650 characters; the trigger rules take time that grows with the square of a paragraph's length
MAX_PARAGRAPH_CHARS = 20_000
#: a masthead line ("Vienna, 18–22 May 2026"); a longer line is text, not a masthead
_MAX_MASTHEAD_CHARS = 300


def _docx_text(path: Path) -> str:
    document = open_word_document(path, beyond="longer than any draft")
    # footnotes live outside the body in .docx: the body's paragraphs are the draft; numbers that
    # Word draws itself (automatic numbering) are written out as printed: "1." and "(a)"
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    counters: dict[tuple[str, int], int] = {}
    lines: list[str] = []
    # the masthead of a UN document is a table ("United Nations | A/C.2/81/L.27") or the first
    # page's header: each row is one line, its cells apart as printed
    section = document.sections[0] if document.sections else None
    header = (section.first_page_header if section is not None and section.different_first_page_header_footer
              else section.header if section is not None else None)
    try:
        if header is not None and not header.is_linked_to_previous:
            word_blocks(header.part.element, file=path)  # its table cells' spans
            lines.extend(line for line in _docx_rows(header.tables) if _DRAFT_SYMBOL.search(line))
            lines.extend(p.text for p in header.paragraphs if _DRAFT_SYMBOL.search(p.text))
        for child in word_blocks(document.element.body, file=path):
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                paragraph = DocxParagraph(child, document)
                number = word_number(paragraph, counters)
                text = _docx_paragraph_text(child) if _has_superscript_number(child) else paragraph.text
                lines.append(f"{number} {text}" if number else text)
            elif tag == "tbl":
                lines.extend(_docx_rows([Table(child, document)]))
    except ValueError as exc:  # python-docx on a table Word would not write (a merge above the first row)
        raise InputError(f"not a readable Word document ({exc})", file=str(path)) from None
    # line N of the text is paragraph (or table row) N of the document, after a header's symbol
    return "\n".join(lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _superscript_number(run: Any) -> bool:
    """A run printed as a superscript number: a footnote marker typed in the text."""
    align = run.find(f"{_W}rPr/{_W}vertAlign")
    text = "".join(t.text or "" for t in run.iter(f"{_W}t"))
    return align is not None and align.get(f"{_W}val") == "superscript" and text.strip().isdigit()


def _has_superscript_number(element: Any) -> bool:
    return any(_superscript_number(r) for r in element.iter(f"{_W}r"))


def _docx_paragraph_text(element: Any) -> str:
    """A paragraph's text without the footnote markers typed as superscript numbers (a footnote's
    own number, opening its paragraph, stays: it marks the footnote)."""
    out: list[str] = []
    for run in element.iter(f"{_W}r"):
        if _superscript_number(run) and "".join(out).strip():
            continue
        for node in run:
            tag = node.tag.rsplit("}", 1)[-1]
            if tag == "t":
                out.append(node.text or "")
            elif tag == "tab":
                out.append("\t")
            elif tag in ("br", "cr"):
                out.append("\n")
    return "".join(out)


def _docx_rows(tables: Any) -> list[str]:
    """One line per table row, its cells' texts a tab apart: "United Nations\tA/C.2/81/L.27"."""
    rows: list[str] = []
    for table in tables:
        for row in table.rows:
            cells = [" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()) for cell in row.cells]
            text = "\t".join(dict.fromkeys(c for c in cells if c))  # a merged cell repeats: once
            if text:
                rows.append(text)
    return rows


# words that are frequent in one language's drafts and rare in the others': articles, prepositions,
# pronouns (French "les", "des", "du", "l’"; English "the", "of", "and"; Spanish "los", "las", "del", "el")
_FUNCTION_WORDS = {
    "en": re.compile(r"\b(?:the|of|and|to|its|that|with|for|on|in|by)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:les|des|du|le|et|à|aux|sa|ses|sur|une|dans|par|pour|au)\b|\b[ld]['’](?=\w)", re.IGNORECASE),
    "es": re.compile(r"\b(?:los|las|del|el|y|su|sus|con|por|para|una|al)\b", re.IGNORECASE),
}


def detect_language(text: str) -> Language:
    """zh when at least a tenth of the letters are Chinese characters; else the language whose function
    words the text has most of: fr or es when its words are more than half as many again as English ones
    and more than the other's, else en; ru when at least three tenths of the letters are Cyrillic, ar when
    they are Arabic."""
    letters = sum(map(str.isalpha, text))
    cjk = sum(map(len, _CJK_RUN.findall(text)))
    if letters and cjk / letters >= 0.1:
        return "zh"
    if letters and sum(map(len, _CYRILLIC_RUN.findall(text))) / letters >= 0.3:
        return "ru"
    if letters and sum(map(len, _ARABIC_RUN.findall(text))) / letters >= 0.3:
        return "ar"
    sample = text[:200_000]
    counts = {lang: len(pattern.findall(sample)) for lang, pattern in _FUNCTION_WORDS.items()}
    if counts["fr"] > 1.5 * counts["en"] and counts["fr"] > counts["es"]:
        return "fr"
    if counts["es"] > 1.5 * counts["en"] and counts["es"] > counts["fr"]:
        return "es"
    return "en"


#: a number in digits, its thousands apart by a space, a point or a comma ("10 700", "10.700", "10,700")
_IN_DIGITS = re.compile(r"[\d\s\u00a0\u202f.,]+")


def _digits(text: str) -> int | None:
    """The number ``text`` writes in digits (it matches ``_IN_DIGITS``); None when it has no digit."""
    digits = re.sub(r"[\s\u00a0\u202f.,]", "", text)
    return int(digits) if digits else None


def _thousands(values: Iterable[int]) -> int | None:
    """The number words make, read in order: units, tens and hundreds add up, a thousand multiplies what
    came before it ("двадцать пять тысяч"); None for nothing or zero."""
    total = current = 0
    for value in values:
        if value == 1000:
            total, current = total + max(current, 1) * 1000, 0
        else:
            current += value
    return total + current or None


_CARDINALS_FR = {"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
                 "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
                 "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
                 "cents": 100, "mille": 1000}
# an ordinal's stem without "-ième" as its cardinal is written: "cinqu" → "cinq", "neuv" → "neuf", "onz" → "onze"
_ORDINAL_STEMS_FR = {"cinqu": "cinq", "neuv": "neuf", "quatr": "quatre", "onz": "onze", "douz": "douze", "treiz": "treize",
                     "quatorz": "quatorze", "quinz": "quinze", "seiz": "seize", "trent": "trente", "quarant": "quarante",
                     "cinquant": "cinquante", "soixant": "soixante"}


def fr_cardinal(text: str) -> int | None:
    """A French number in words or digits: "trois" → 3, "vingt et un" → 21, "soixante-dix" → 70,
    "quatre-vingt-deux" → 82, "10 700" → 10700; None for anything else."""
    if _IN_DIGITS.fullmatch(text.strip()):
        return _digits(text)
    tokens = [t for t in re.split(r"[-\s\u00a0]+", text.strip().lower()) if t and t != "et"]
    if not tokens or any(t not in _CARDINALS_FR for t in tokens):
        return None
    total = current = 0
    for i, token in enumerate(tokens):
        value = _CARDINALS_FR[token]
        if value == 1000:
            total, current = total + max(current, 1) * 1000, 0
        elif value == 100:
            current = max(current, 1) * 100
        elif value == 20 and i and tokens[i - 1] == "quatre":
            current += 76  # "quatre-vingt": four twenties
        else:
            current += value
    return total + current or None


_CARDINALS_ES = {"cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
                 "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
                 "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
                 "veintiún": 21, "veintiuno": 21, "veintiuna": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23,
                 "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintiseis": 26,
                 "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
                 "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100, "mil": 1000}
_ORDINALS_ES = {"primero": 1, "primer": 1, "segundo": 2, "tercero": 3, "tercer": 3, "cuarto": 4, "quinto": 5, "sexto": 6,
                "séptimo": 7, "sétimo": 7, "octavo": 8, "noveno": 9, "décimo": 10, "undécimo": 11, "duodécimo": 12,
                "vigésimo": 20, "trigésimo": 30, "cuadragésimo": 40, "quincuagésimo": 50, "sexagésimo": 60,
                "septuagésimo": 70, "octogésimo": 80, "nonagésimo": 90, "centésimo": 100}


def es_cardinal(text: str) -> int | None:
    """A Spanish number in words or digits: "tres" → 3, "veinticinco" → 25, "treinta y cinco" → 35,
    "10 700" → 10700; None for anything else."""
    if _IN_DIGITS.fullmatch(text.strip()):
        return _digits(text)
    tokens = [t for t in re.split(r"[\s\u00a0]+", text.strip().lower()) if t and t != "y"]
    if not tokens or any(t not in _CARDINALS_ES for t in tokens):
        return None
    return _thousands(_CARDINALS_ES[t] for t in tokens)


def es_ordinal(text: str) -> int | None:
    """A Spanish ordinal, masculine or feminine, in one word or two: "primer" → 1, "decimocuarto" → 14,
    "octogésimo primer" → 81, "sexagésima segunda" → 62, "63er", "64º" → 64; None for anything else."""
    word = text.strip().lower()
    m = re.fullmatch(r"(\d{1,3})\s*(?:º|°|ª|er|o|a|ro|do|to|vo|no)?", word)
    if m:
        return int(m.group(1))
    total = 0
    for token in re.split(r"[\s-]+", word):
        token = re.sub(r"a$", "o", token) if token not in _ORDINALS_ES else token  # feminine: "primera" → "primero"
        if token.startswith("decimo") and token != "decimo":  # "decimocuarto" → 10 + 4
            rest = re.sub(r"a$", "o", token[len("decimo"):])
            if rest not in _ORDINALS_ES or _ORDINALS_ES[rest] > 9:
                return None
            total += 10 + _ORDINALS_ES[rest]
        elif token in _ORDINALS_ES:
            total += _ORDINALS_ES[token]
        else:
            return None
    return total or None


# a Russian number in each of its cases: "два", "двух", "двум", "двумя", "две"; "пять", "пяти", "пятью"
_CARDINALS_RU = {w: n for n, forms in {
    1: "один одна одно одного одной одному одним одну одном", 2: "два две двух двум двумя", 3: "три трех трёх трем трём тремя",
    4: "четыре четырех четырёх четырем четырём четырьмя", 5: "пять пяти пятью", 6: "шесть шести шестью", 7: "семь семи семью",
    8: "восемь восьми восемью восьмью", 9: "девять девяти девятью", 10: "десять десяти десятью",
    11: "одиннадцать одиннадцати", 12: "двенадцать двенадцати", 13: "тринадцать тринадцати", 14: "четырнадцать четырнадцати",
    15: "пятнадцать пятнадцати", 16: "шестнадцать шестнадцати", 17: "семнадцать семнадцати", 18: "восемнадцать восемнадцати",
    19: "девятнадцать девятнадцати", 20: "двадцать двадцати", 30: "тридцать тридцати", 40: "сорок сорока",
    50: "пятьдесят пятидесяти", 60: "шестьдесят шестидесяти", 70: "семьдесят семидесяти", 80: "восемьдесят восьмидесяти",
    90: "девяносто девяноста", 100: "сто ста", 1000: "тысяча тысячи тысяч"}.items() for w in forms.split()}
# the stem of an ordinal before its ending ("перв|ый", "восьмидесят|ой"): its cardinal
_ORDINALS_RU = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9, "десят": 10,
                "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
                "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сороков": 40,
                "пятидесят": 50, "шестидесят": 60, "семидесят": 70, "восьмидесят": 80, "девяност": 90, "сот": 100}
_ORDINAL_ENDINGS_RU = ("ый", "ой", "ий", "ая", "яя", "ое", "ее", "ые", "ого", "его", "ому", "ему", "ом", "ем", "ую", "юю", "ей",
                       "ых", "их", "ья", "ье", "ьей", "ьего", "ьему", "ьем", "ью", "ьи", "ьих")


def ru_cardinal(text: str) -> int | None:
    """A Russian number in words (in any case) or digits: "пять", "пяти" → 5, "двух" → 2, "двадцати пяти" → 25,
    "10 700" → 10700; None for anything else."""
    if _IN_DIGITS.fullmatch(text.strip()):
        return _digits(text)
    tokens = [t for t in re.split(r"[\s\u00a0]+", text.strip().lower()) if t]
    if not tokens or any(t not in _CARDINALS_RU for t in tokens):
        return None
    return _thousands(_CARDINALS_RU[t] for t in tokens)


def ru_ordinal(text: str) -> int | None:
    """A Russian ordinal in any gender and case: "первая" → 1, "четырнадцатой" → 14, "восемьдесят первая",
    "восемьдесят второй" → 81, 82, "63-я", "81-й" → 63, 81; None for anything else."""
    word = text.strip().lower()
    m = re.fullmatch(r"(\d{1,3})(?:-?(?:я|й|е|го|ой|ая|ей|м))?", word)
    if m:
        return int(m.group(1))
    if not word:
        return None
    *head, last = word.split()
    stem = next((s for s in sorted(_ORDINALS_RU, key=len, reverse=True)
                 if last.startswith(s) and last[len(s):] in _ORDINAL_ENDINGS_RU), None)
    if stem is None:
        return None
    before = ru_cardinal(" ".join(head)) if head else 0
    return None if before is None else before + _ORDINALS_RU[stem]


# an Arabic number's words, masculine and feminine, in each case ("خمسة", "خمس"; "عشرون", "عشرين"); the teens add
# "عشر"/"عشرة" (10) to their unit ("خمسة عشر"), the tens follow their unit after "و" ("خمسة وعشرون")
_CARDINALS_AR = {w: n for n, forms in {
    1: "واحد واحدة أحد إحدى", 2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي", 3: "ثلاثة ثلاث", 4: "أربعة أربع",
    5: "خمسة خمس", 6: "ستة ست", 7: "سبعة سبع", 8: "ثمانية ثماني ثمان", 9: "تسعة تسع", 10: "عشرة عشر",
    20: "عشرون عشرين", 30: "ثلاثون ثلاثين", 40: "أربعون أربعين", 50: "خمسون خمسين", 60: "ستون ستين", 70: "سبعون سبعين",
    80: "ثمانون ثمانين", 90: "تسعون تسعين", 100: "مائة مئة", 1000: "ألف آلاف"}.items() for w in forms.split()}
# an ordinal's words with their article ("الحادية والثمانون", "الرابعة عشرة", "الخامسة والستين"), masculine and feminine
_ORDINALS_AR = {w: n for n, forms in {
    1: "الأول الأولى الحادي الحادية", 2: "الثاني الثانية", 3: "الثالث الثالثة", 4: "الرابع الرابعة", 5: "الخامس الخامسة",
    6: "السادس السادسة", 7: "السابع السابعة", 8: "الثامن الثامنة", 9: "التاسع التاسعة", 10: "العاشر العاشرة عشر عشرة",
    20: "العشرون العشرين", 30: "الثلاثون الثلاثين", 40: "الأربعون الأربعين", 50: "الخمسون الخمسين", 60: "الستون الستين",
    70: "السبعون السبعين", 80: "الثمانون الثمانين", 90: "التسعون التسعين", 100: "المائة المئة"}.items() for w in forms.split()}


def _arabic_words(text: str, known: dict[str, int]) -> list[int] | None:
    """The values of ``text``'s words, each perhaps after "و" ("and"); None if one is not in ``known``."""
    values = []
    for token in text.split():
        token = token[1:] if token not in known and token.startswith("و") else token
        if token not in known:
            return None
        values.append(known[token])
    return values or None


def ar_cardinal(text: str) -> int | None:
    """An Arabic number in words or digits: "ثلاثة" → 3, "خمسة عشر" → 15, "خمسة وعشرون" → 25, "عشرين" → 20,
    "10 700" → 10700; None for anything else."""
    if _IN_DIGITS.fullmatch(text.strip()):
        return _digits(text)
    values = _arabic_words(text.strip(), _CARDINALS_AR)
    return _thousands(values) if values else None


def ar_ordinal(text: str) -> int | None:
    """An Arabic ordinal: "الأولى" → 1, "الرابعة عشرة" → 14, "الحادية والثمانون", "الثانية والثمانين" → 81, 82,
    "الخامسة والستين" → 65, "63" → 63; None for anything else."""
    word = text.strip()
    if word.isdigit():
        return int(word)
    values = _arabic_words(word, _ORDINALS_AR)
    return sum(values) if values else None


def fr_ordinal(text: str) -> int | None:
    """A French ordinal: "première" → 1, "quatorzième" → 14, "soixante et unième" → 61,
    "quatre-vingt-unième" → 81, "81e" → 81; None for anything else."""
    word = text.strip().lower()
    m = re.fullmatch(r"(\d{1,3})(?:e|è|ème|ieme|ième|er|re)", word)
    if m:
        return int(m.group(1))
    if word in ("premier", "première", "premiere"):
        return 1
    if word in ("second", "seconde"):
        return 2
    m = re.fullmatch(r"(.*?)(\w+?)i[eè]me", word)
    if not m:
        return None
    stem = _ORDINAL_STEMS_FR.get(m.group(2), m.group(2))
    return fr_cardinal(m.group(1) + stem)


_MONTHS = "(January|February|March|April|May|June|July|August|September|October|November|December)"


def _number_runs_on(line: str, previous: str, blank: bool) -> bool:
    """A wrapped line that begins with a number ("every" / "120 days on the implementation …"): the
    sentence above runs on into it (no blank line between, no stop at the end of the line above, a
    word in small letters or a month after the number: "from 12 to" / "13 October 2028"), so it is no
    footnote's text."""
    return bool(previous) and not blank and bool(re.match(r"\s?\d{1,3}\s+([a-zà-ÿ]|" + _MONTHS + r"\b)", line)) \
        and bool(re.search(r"[A-Za-zÀ-ÿ,]$", previous.rstrip()))


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Paragraphs of the printed text, each with the number of its first line: wrapped lines are
    joined, running heads and footnote texts dropped, footnote markers and Markdown marks removed."""
    raw = text.splitlines()
    indented = sum(1 for ln in raw if ln.strip() and ln[:1] in " \t\u3000")
    pdf_style = indented > 0.1 * max(1, sum(1 for ln in raw if ln.strip()))
    out: list[tuple[int, str]] = []
    in_notes = after_heading = False
    lines = [(number, part if len(parts) > 1 else line, len(parts) > 1) for number, line in enumerate(raw, start=1)
             for parts in [_columns(line) if line.strip() else [line]] for part in parts]
    blank = False  # a blank line before this one
    previous = ""  # the line before this one, as printed
    for number, line, column in lines:
        if not line.strip():
            blank = True
            continue
        if column:  # a column of a masthead line ("4 November 2025" is no footnote)
            out.append((number, line.strip()))
            after_heading = True
            continue
        if _FOOTNOTE_RULE.match(line):
            in_notes = True
            continue
        if _RUNNING_HEAD.match(line):
            continue
        if (in_notes or _FOOTNOTE_LINE.match(line) and not _starts_paragraph(line.strip())
                and not _number_runs_on(line, previous, blank)) \
                and masthead_fields(line.strip()) is None:  # "3 October 2025" is a date, no footnote
            if _FOOTNOTE_LINE.match(line):
                in_notes = True
                continue
            if in_notes and not line[:1].isspace() and pdf_style:
                continue  # the wrapped rest of a footnote
            in_notes = False
        stripped = _MD.sub("", _MARKER.sub("", line)).strip()
        if not stripped:
            continue
        heading = bool(line.lstrip().startswith("#") or masthead_fields(stripped) is not None
                       or _draft_start(stripped) or _ANNEX.match(stripped)
                       or _CLOSING_HEADING.match(stripped) and not _NUMBERED.match(stripped))
        # in a typed text a blank line parts two paragraphs (a title from the agenda item's title above
        # it), unless a sentence runs on across it (after a comma, or on in small letters); Chinese
        # texts break their paragraphs at blank lines as printed pages do, and are left as they are
        parted = blank and not pdf_style and bool(out) and not stripped[:1].islower() \
            and out[-1][1][-1:] not in ",(" and not _CJK.search(stripped + out[-1][1][-1:])
        was_blank, blank = blank, False
        new = (not out or heading or parted or after_heading or _starts_paragraph(stripped) or _is_body_line(stripped) or (pdf_style and line[:1] in " \t\u3000" and (was_blank or not _runs_on(line, previous, out[-1][1] if out else "")))
               or (not pdf_style and _ends_sentence(out[-1][1])) or _draft_start(stripped))
        after_heading = heading or _is_body_line(stripped)
        previous = line
        if new:
            out.append((number, stripped))
        else:
            prev_line, prev = out[-1]
            # a word broken at its hyphen over two lines ("high-" / "level meeting") is one word again
            broken = bool(re.search(r"[A-Za-z]-$", prev)) and stripped[:1].islower()
            sep = "" if _CJK.match(stripped[:1]) or _CJK.search(prev[-1:]) or broken else " "
            out[-1] = (prev_line, prev + sep + stripped)
    joined = [(n, re.sub(r"\s+(?=[\u4e00-\u9fff，。；：、（）《》“”])|(?<=[\u4e00-\u9fff，。；：、（）《》“”])\s+", "", t)
               if _CJK.search(t) else t) for n, t in out]
    if pdf_style:  # footnote markers printed as plain digits beside Chinese text: "《公约》14第32条"
        joined = [(n, _PDF_MARKER.sub("", t)) for n, t in joined]
    joined = [(n, t if _CJK.search(t) else _EN_MARKER.sub("", t)) for n, t in joined]
    return joined


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u3000"))


def _runs_on(line: str, previous: str, so_far: str) -> bool:
    """Whether an indented line of a printed text goes on with the paragraph before it: a block set in
    (the draft a commission recommends) keeps its lines at the block's indent, and only its
    paragraphs' first lines are set in further. Never after a blank line (the caller's test) or the
    end of a sentence, nor in Chinese."""
    if not previous.strip() or _CJK.search(line) or not so_far or _ends_sentence(so_far):
        return False
    return 0 < _indent(line) <= _indent(previous)


#: masthead lines of the right-hand column ("Distr.: Limited", "17 November 2026", "Original: English"): printed
#: between an agenda item and its title, where a text extracted column by column puts them, they do not part them
_ASIDE_FIELDS = frozenset({"other", "date"})


def masthead(text: str, language: Language = "en") -> tuple[str, str] | None:
    """(field, value) if ``text`` is a line of a document's masthead, else None. A date's value is
    its year and its last month: "Vienna, 18–22 May 2026" → ("date", "2026-05")."""
    if len(text) > _MAX_MASTHEAD_CHARS:
        return None
    lines = _mastheads()[language]
    for name, pattern in lines.lines.items():
        m = pattern.match(text)
        if m and name == "date":
            month = m.groupdict().get("m2") or m.group("m")
            number = int(month) if month.isdigit() else lines.months[month.lower()]
            return name, f"{m.group('v')}-{number:02d}"
        if m:
            return name, (m.groupdict().get("v") or "")
    if lines.distribution is not None:  # "24 October 2026" above a draft in Chinese, Russian or Arabic
        field = masthead(text, lines.distribution)
        if field is not None and field[0] in _ASIDE_FIELDS:
            return field
    return None


def masthead_fields(text: str, language: Language | None = None) -> list[tuple[str, str]] | None:
    """The masthead fields of a line, which may print two columns apart ("Eightieth session
    <spaces> 10 October 2025", "大    会   Distr.: Limited"); None unless every column is a
    masthead line. Without ``language``, a column may be of either."""
    def one(column: str) -> tuple[str, str] | None:
        if language is not None:
            return masthead(column, language)
        return masthead(column, "en") or masthead(re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", column), "zh") \
            or masthead(column, "fr") or masthead(column, "es") or masthead(column, "ru") or masthead(column, "ar")

    whole = one(text.strip())
    if whole is not None:
        return [whole]
    # a session and its dates on one line: "2027 session, 25 July 2026–28 July 2027"
    head, comma, rest = text.strip().partition(", ")
    if comma and one(head) is not None and one(head)[0] == "session" and one(rest) is not None:  # type: ignore[index]
        return [f for f in (one(head), one(rest)) if f is not None]
    columns = [c for c in re.split(_COLUMN_GAP, text.strip()) if c]
    if len(columns) < 2:
        return None
    fields = [one(c) for c in columns]
    return None if any(f is None for f in fields) else [f for f in fields if f is not None]


def _columns(line: str) -> list[str]:
    """A masthead line printed in two columns, as its columns; any other line as it is."""
    columns = [c for c in re.split(_COLUMN_GAP, line.strip()) if c]
    if len(columns) > 1 and masthead_fields(line) is not None and \
            all(masthead_fields(c) is not None for c in columns):
        return columns
    return [line]


def _last_field(last: str, heads: list[tuple[str, str]]) -> str:
    """The masthead field the next line follows: the agenda item still, after lines of the other column."""
    return last if last == "agenda" and all(h[0] in _ASIDE_FIELDS for h in heads) else heads[-1][0]


def _day_in(line: str, language: Language, year: int, month: int) -> int | None:
    """The day a masthead date line prints with its month: "17 November 2026", "4 de noviembre de 2026",
    "2026年11月17日"; of a span the last ("18–22 May 2026", "16 June–11 July 2027": 11), as the month is."""
    if language == "zh":
        m = re.search(rf"(?<!\d)0?{month}\s*月\s*(\d{{1,2}})\s*日", line)
    else:
        names = "|".join(re.escape(n) for n, i in _mastheads()[language].months.items() if i == month)
        m = re.search(rf"(?<!\d)(\d{{1,2}})(?:er)?\D{{0,40}}?(?:{names})\D{{0,12}}?{year}", line, re.IGNORECASE) \
            if names else None
    if m and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1))
    distribution = _mastheads()[language].distribution
    return _day_in(line, distribution, year, month) if distribution is not None else None


def _set_masthead(draft: Draft, name: str, value: str, line: str = "") -> None:
    """Keep one masthead line's field on ``draft`` (``line``: the line it is read from, for a date's day)."""
    if name == "symbol":
        draft.symbol = value
    elif name == "agenda":
        draft.agenda_items.extend(v.strip() for v in re.split(r",|\s+and\s+|、", value) if v.strip())
    elif name == "date":
        year, month = (int(v) for v in value.split("-"))
        if (year, month) > (draft.dated or 0, draft.dated_month or 0):
            draft.dated, draft.dated_month = year, month
            draft.dated_day = _day_in(line, draft.language, year, month)
    elif name == "body":
        # a commission or conference under (or beside) the organ: it is the body whose session this is
        if draft.organ.endswith(" of the"):  # "United Nations Environment Assembly of the" / "… Programme"
            draft.organ = f"{draft.organ} {value}"
        elif not draft.organ.startswith(value) and not draft.organ.endswith(value):
            draft.organ = value
    elif name in ("organ", "session", "committee") and value:
        value = re.sub(r"\s+", "", value) if draft.language == "zh" and name == "organ" else value
        setattr(draft, name, value if name != "organ" or not draft.organ else draft.organ)
    if name == "organ" and value in ("Human Rights Council", "人权理事会", "Conseil des droits de l'homme",
                                     "Conseil des droits de l’homme", "Consejo de Derechos Humanos", "Совет по правам человека",
                                     "مجلس حقوق الإنسان"):
        draft.organ = value  # "General Assembly / Human Rights Council": the Council


def _is_body_line(text: str) -> bool:
    """A short line that only names the body: "大会，", "The General Assembly,"."""
    if re.search(r"\brecommends\b|建议|\brecommande\b|\brecomienda\b|\bрекомендует\b|\bتوصي\b|\bيوصي\b", text):
        return False  # "The Commission … recommends to the" / "Economic and Social Council the adoption of …"
    for lang in READ_LANGUAGES:
        opening = _body_of(text, lang)
        if opening and (not opening[1] or _STEM.match(opening[1])) and len(text) <= (40 if lang == "zh" else 200):
            return True
    return False


def _starts_paragraph(text: str) -> bool:
    return bool(_NUMBERED.match(text) or _LETTER.match(text) or _CN_ITEM.match(text) or _ANNEX.match(text))


def _ends_sentence(text: str) -> bool:
    return text[-1:] in "，,；;。.：:" or bool(_draft_start(text))


# a number whose thousands a Spanish text parts with points ("10.700", "1.250.000"): not "79.1", "Rev.1"
_ES_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3})+(?![\d])(?!\.\d)")


# an Arabic draft's layout read as the others': its comma and semicolon ("،", "؛"), its paragraphs numbered "1 - "
# and its items lettered "(أ)", "(ب)" in the order of the Arabic alphabet (abjad)
_AR_PUNCTUATION = str.maketrans({"،": ",", "؛": ";", "؟": "?"})
_AR_MARKS = re.compile(r"[\u064b-\u0652\u0640]")
_AR_NUMBERED = re.compile(r"^(\s*)(\d{1,3})\s*[-–]\s+(?=\S)", re.MULTILINE)
# ("هـ" is read without its tatweel: "ه")
_AR_LETTERS = {letter: latin for letter, latin in zip(
    ("أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي", "ك", "ل"), "abcdefghijkl", strict=True)}
_AR_LETTERED = re.compile(r"^(\s*)\((أ|ب|ج|د|ه|و|ز|ح|ط|ي|ك|ل)\)", re.MULTILINE)


def _arabic_layout(text: str) -> str:
    """"1 - تقرر …،" → "1. تقرر …,", "(ب) توصيات" → "(b) توصيات": the reader's numbering and punctuation; the
    short vowels and the tatweel a text may print ("يُدعى") are left out, as the rules write words without them."""
    text = _AR_MARKS.sub("", text.translate(_AR_PUNCTUATION))
    text = _AR_NUMBERED.sub(lambda m: f"{m.group(1)}{m.group(2)}. ", text)
    return _AR_LETTERED.sub(lambda m: f"{m.group(1)}({_AR_LETTERS[m.group(2)]})", text)


def parse_drafts(text: str, *, file: str = "<text>", language: Language | None = None) -> list[Draft]:
    """Every draft in ``text``, in the order printed."""
    text = _ascii_numbers(text)  # as read_text gives it, for a text given here directly
    lang: Language = language or detect_language(text)
    if lang == "es":  # "10.700 palabras": a point between thousands, as Spanish prints them, is no sentence's end
        text = _ES_THOUSANDS.sub(lambda m: m.group(0).replace(".", "\u202f"), text)
    if lang == "ar":
        text = _arabic_layout(text)
    drafts: list[Draft] = []
    current: Draft | None = None
    stage = "title"  # title → preamble → operative → annex
    annex_name = ""
    symbols = [(n, m.group(1)) for n, raw in enumerate(text.splitlines(), start=1)
               for m in [_DRAFT_SYMBOL.search(raw)] if m]
    above: Draft | None = None  # the masthead printed above the next "Draft resolution" line
    last_field = ""
    decides = ""  # the stem of a decision whose lettered items complete it ("decides:")
    for line, para in _logical_lines(text):
        start = _draft_start(para)
        if current is None and not start:
            heads = masthead_fields(para, lang)
            if heads is not None:
                above = above or Draft(label="", kind="resolution", number=None, language=lang, file=file, line=line)
                for head in heads:
                    _set_masthead(above, *head, line=para)
                last_field = _last_field(last_field, heads)
            elif above is not None and last_field == "agenda" and not above.agenda_title:
                above.agenda_title = para  # the agenda item's title, printed under its number
            continue
        if start:
            kind_word = (start.groupdict().get("kind") or start.groupdict().get("kind2")
                         or start.groupdict().get("kind3") or "")
            kind: Literal["resolution", "decision"] = (
                "decision" if kind_word.lower() in ("决定", "decision", "décision", "decisión", "решения", "مقرر") else "resolution")
            if above is not None and above.agenda_title and _sponsors_split(above.agenda_title, para):
                para, above.agenda_title = (above.agenda_title + ("" if _CJK.search(para) else " ") + para), ""
            current = Draft(label=para, kind=kind, number=start.groupdict().get("num") or start.groupdict().get("cn"),
                            language=lang, file=file, line=line)
            printed = [sym for n, sym in symbols if line - 40 <= n < line
                       and not any(d.line < line and n < d.line for d in drafts)]
            current.symbol = printed[-1] if printed else None
            if above is not None:
                current.symbol = above.symbol or current.symbol
                current.organ, current.session, current.committee = above.organ, above.session, above.committee
                current.dated, current.dated_month, current.dated_day = above.dated, above.dated_month, above.dated_day
                current.agenda_items, current.agenda_title = above.agenda_items, above.agenda_title
            above, last_field, decides = None, "", ""
            titled = start.groupdict().get("title")
            if titled:
                current.title = titled.strip()
            if start.groupdict().get("symbol"):  # "Draft resolution A/C.3/81/L.5: …"
                current.symbol = start.group("symbol")
            drafts.append(current)
            stage = "title"
            continue
        if current is None:
            continue
        if _CLOSING_HEADING.match(para) and not _NUMBERED.match(para):
            current = None
            continue
        annex = _ANNEX.match(para)
        if annex:
            if stage in ("operative", "annex"):
                stage = "annex"
                suffix = re.sub(r"^(附件|annexe?|anexo)\s*", "", para, flags=re.IGNORECASE).strip()
                annex_name = _ROMAN_OF.get(suffix, suffix) or "I"
                continue
            current = None
            continue
        if stage == "title":
            heads = masthead_fields(para, lang)
            if heads is not None and [h[0] for h in heads] == ["body"] and current.session and not current.title:
                # under the heading of a draft whose masthead named its session, a line naming a body
                # is the title ("山地可持续发展政府间委员会"), not the body whose session this is
                heads = None
            elif heads is not None and [h[0] for h in heads] == ["body"] and current.title and _body_of(para, lang):
                # under the title, the line naming a body opens the draft, its name going on over the next
                # line ("Конференция государств — участников Конвенции Организации" / "Объединенных Наций …,")
                heads = None
            if heads is not None:
                for head in heads:
                    _set_masthead(current, *head, line=para)
                last_field = _last_field(last_field, heads)
                continue
            if last_field == "agenda" and not current.agenda_title and _body_of(para, lang) is None:
                current.agenda_title, last_field = para, ""  # the agenda item's title, printed under its number
                continue
            last_field = ""
            if not current.title and _sponsors_go_on(current.label, para):
                current.label = f"{current.label} {para}"  # "… by the Vice-President of the Council," / "Ms. …"
                continue
            if _RECOMMENDS.search(para):
                current.recommended = True
                continue
            opening = _body_of(para, lang)
            if opening and not current.title and opening[1]:
                opening = None  # untitled: only the body's name alone on its line opens the draft
            if opening and not current.title and lang == "zh" and para.strip() == opening[0] \
                    and len(opening[0]) > _ZH_ORGAN_ALONE:
                # a title that names a body ("山地可持续发展政府间委员会"): a body opens a Chinese draft
                # with its comma ("大会，"); alone, only an organ's short name does ("大会", "人权理事会")
                opening = None
            if opening:
                current.body, rest, operative = opening
                stage = "preamble"
                stem = _STEM.match(rest)
                if stem:  # "The General Assembly decides:": its lettered items are its paragraphs
                    stage, decides = "operative", stem.group("verb")
                elif rest and operative:
                    current.operative.append(Paragraph("", rest, line))
                    stage = "operative"
                elif rest:
                    current.preamble.append(rest)
            else:
                # "61/... The right to …": the number the resolution will take is not part of its title
                # "62/5. Right to development": an adopted resolution's number, as printed above its title
                para = re.sub(r"^\d{1,3}/(?:\.\.\.|…|\d{1,3}\.(?!\d))\s*", "", para) if not current.title else para
                current.title = (current.title + " " + para).strip() if current.title else para
            continue
        target = current.annex if stage == "annex" else current.operative
        numbered = _NUMBERED.match(para)
        more = _FOUR_DIGITS.match(para) if not numbered and stage == "operative" and target else None
        if more and target[-1].number.isdigit() and int(more.group(1)) == int(target[-1].number) + 1:
            raise InputError(f"paragraph {more.group(1)}: more than 999 operative paragraphs in one draft "
                             "(a draft resolution has far fewer: is the file one draft?)", file=file, line=line)
        if numbered:
            if stage == "operative" and target and target[-1].number.isdigit() and numbered.group(1).isdigit() \
                    and int(numbered.group(1)) <= int(target[-1].number):
                current = None  # numbering starts again: the text after the draft
                continue
            if stage == "preamble":
                stage = "operative"
                target = current.operative
            target.append(Paragraph(_inserted_number(numbered.group(1)), numbered.group(2).strip(), line,
                                    annex=annex_name if stage == "annex" else ""))
            continue
        sub = _sub_item(para, target)
        if sub is not None:
            label, body_text, second_level = sub
            if decides and not second_level:
                body_text = _with_stem(decides, body_text)
            if stage == "preamble" or not target:
                # a decision made of lettered items only: each is an operative paragraph
                if stage == "preamble":
                    stage = "operative"
                    target = current.operative
                target.append(Paragraph(label, body_text, line, annex=annex_name if stage == "annex" else ""))
            elif not second_level and _is_letter(target[-1].number):
                target.append(Paragraph(label, body_text, line, annex=annex_name if stage == "annex" else ""))
            else:
                _attach(target[-1], Item(label, body_text, line), second_level)
            continue
        if stage == "preamble":
            current.preamble.append(para)
        elif stage == "annex" and not target:
            continue  # the annex's own title and introduction
        elif target:
            # an unnumbered line after a paragraph: a heading of the annex, or the paragraph's close
            if stage == "operative":
                last = _open_item(target[-1], para)
                if last is not None:  # the last sub-item broken over lines: its words go on
                    last.text += ("" if lang == "zh" else " ") + para
                else:
                    target[-1].text += ("" if lang == "zh" else " ") + para
    return drafts


def _sponsors_split(before: str, heading: str) -> bool:
    """Whether the line read as the agenda item's title is the first half of a sponsors' line printed
    over two lines: "Argentina, Brazil, Chile, Mexico and Uruguay:" / "revised draft resolution";
    "阿根廷、巴西、智利、墨西哥" / "和乌拉圭：订正决议草案"."""
    if _CJK.search(heading):
        return bool(re.match(r"(?:和|及|以及)[^：:]{1,40}[：:]", heading)) or before.endswith("、")
    return bool(re.match(r"(?:revised )?draft (?:resolution|decision)\b", heading)) and before.rstrip().endswith(":") \
        or before.rstrip().endswith((",", " and"))


def _sponsors_go_on(label: str, para: str) -> bool:
    """Whether ``para`` goes on with a heading whose sponsors' line is printed over two lines:
    "Draft resolution submitted by the Vice-President of the Council," / "Ms. Ana Pereira (Portugal),
    on the basis of informal consultations"."""
    if _CJK.search(label) or not re.search(r"\b(?:submitted|proposed|recommended) by\b"
                                           # "déposé par le Vice-Président du Conseil,", "presentado por …",
                                           # "представленный заместителем Председателя …", "مقدم من نائب رئيس …"
                                           r"|\b(?:présentée?|déposée?|soumise?|proposée?) par\b|\b(?:presentad[oa]|propuest[oa]) por\b"
                                           r"|\bпредставленн\w*\s|\bمقدم من\s", label, re.IGNORECASE):
        return False
    # "… on the basis" / "of informal consultations": the line breaks inside the phrase
    # "… Ms. Amina" / "Wekesa (Kenya), on the basis of informal consultations": the line breaks inside a name
    # "… of the Committee following" / "informal consultations": the line breaks before the phrase's last words
    if re.search(r"\b(?:following|after|of|on the basis|on the basis of)$", label.rstrip(), re.IGNORECASE) \
            and re.match(r"(?:informal |intergovernmental )?(?:consultations|negotiations)\b", para, re.IGNORECASE):
        return True
    return label.rstrip().endswith(",") or bool(
        re.match(r"(?:(?:on the basis )?of|following|after) (?:informal )?consultations"
                 # "à l'issue de consultations officieuses", "sobre la base de consultas oficiosas", "по итогам
                 # неофициальных консультаций", "على أساس مشاورات غير رسمية"
                 r"|(?:à l['’]issue de|sur la base de|après) (?:des )?consultations officieuses"
                 r"|(?:sobre la base de|tras|después de) (?:las )?consultas oficiosas"
                 r"|(?:по итогам|на основе|после) неофициальных консультаций|على أساس (?:ال)?مشاورات غير (?:ال)?رسمية",
                 para, re.IGNORECASE)
        or re.search(r"\), (?:on the basis of|following) (?:informal )?consultations$", para, re.IGNORECASE))


def with_stem(chapeau: str, item: str) -> str | None:
    """A sub-item read with its paragraph's chapeau when the chapeau is only a decision's stem:
    ("Decides:", "(b) To request the Secretary-General …") → "Decides to request the Secretary-General …";
    None for any other chapeau."""
    stem = _STEM.match(chapeau.strip())
    return _with_stem(stem.group("verb"), item) if stem else None


def _with_stem(stem: str, item: str) -> str:
    """A lettered item of a decision read with its stem: ("decides", "To request the Secretary-General
    to …") → "Decides to request the Secretary-General to …"; ("决定", "请秘书长…") → "决定请秘书长…"."""
    if _CJK.match(stem):
        return stem + item
    stem = stem[:1].upper() + stem[1:]
    if re.match(r"(?i)that\b", item) and stem.lower().endswith(" that"):
        item = item[4:].lstrip()
    return f"{stem} {item[:1].lower()}{item[1:]}" if item[:2] != item[:2].upper() else f"{stem} {item}"


def _is_letter(label: str) -> bool:
    return bool(re.fullmatch(r"\([a-z]{1,2}\)", label))


def _sub_item(para: str, target: list[Paragraph]) -> tuple[str, str, bool] | None:
    """The label as printed, the text of a sub-item line and whether it is a second-level item
    (roman or Chinese numeral), or None."""
    cn = _CN_ITEM.match(para)
    if cn:
        mark = cn.group(1) or f"({cn.group(3)})"
        return mark, (cn.group(2) if cn.group(1) else cn.group(4)).strip(), True
    roman = _ROMAN.match(para)
    letter = _LETTER.match(para)
    if roman and roman.group(1):
        # "(i)" after "(h)" is a letter; otherwise, under a lettered item, a roman numeral
        last = target[-1].items[-1].label if target and target[-1].items else (target[-1].number if target else "")
        prev_letter = last.strip("()") if _is_letter(last) else ""
        follows = prev_letter and len(prev_letter) == 1 and ord(roman.group(1)[0]) == ord(prev_letter) + 1 \
            and len(roman.group(1)) == 1
        if not follows and (prev_letter or (target and target[-1].items and not _is_letter(last))):
            return f"({roman.group(1)})", roman.group(2).strip(), True
    if letter:
        return f"({letter.group(1)})", letter.group(2).strip(), False
    return None


def _open_item(paragraph: Paragraph, para: str) -> Item | None:
    """The paragraph's last sub-item (the deepest) when ``para`` goes on with its words: it opens in
    lower case ("on the implementation of …"), or the item has not ended ("…；" or "。" ends it)."""
    if not paragraph.items:
        return None
    item = paragraph.items[-1]
    while item.items:
        item = item.items[-1]
    goes_on = para[:1].islower() if not _CJK.match(para) else not item.text.rstrip().endswith(("；", "。", ";", "."))
    return item if goes_on else None


def _attach(paragraph: Paragraph, item: Item, nested: bool) -> None:
    """A roman or Chinese-numbered item goes under the last lettered item, if there is one."""
    if nested and paragraph.items and _is_letter(paragraph.items[-1].label):
        paragraph.items[-1].items.append(item)
    else:
        paragraph.items.append(item)


def read_drafts(path: Path | str, *, language: Language | None = None) -> list[Draft]:
    """The drafts of a file; InputError if it holds none with operative paragraphs."""
    text = read_text(path)
    drafts = parse_drafts(text, file=str(path), language=language)
    if not drafts:
        drafts = _single_draft(text, str(path), language)
    for d in drafts:
        if not d.operative and d.preamble and not d.preamble[-1].rstrip().endswith((",", "，", ";", "；", ":", "：")):
            # one operative paragraph is printed unnumbered: the last paragraph, which closes with a full stop
            d.operative.append(Paragraph("", d.preamble.pop(), d.line))
    drafts = [d for d in drafts if d.operative]
    _attach_notes(drafts, text)
    for paragraph in (p for d in drafts for p in (*d.operative, *d.annex)):
        size = len(paragraph.all_text())
        if size > MAX_PARAGRAPH_CHARS:
            raise InputError(f"paragraph {paragraph.number or '(unnumbered)'} is {size:,} characters long, longer than "
                             f"any draft's paragraph (at most {MAX_PARAGRAPH_CHARS:,})", file=str(path), line=paragraph.line)
    if not drafts:
        raise InputError("no operative paragraphs found (expected numbered paragraphs \"1. …\" after "
                         "the body's name, e.g. \"The General Assembly,\" or \"大会，\")", file=str(path), line=1)
    return drafts


# a footnote's own line: its number ("1", "¹", "<sup>1</sup>", "[^1]:"), then its text
_NOTE_OPENS = re.compile(r"^\s{0,8}(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^?(\d{1,3})\]:?|([" + _SUPERSCRIPTS
                         + r"]{1,3})|(\d{1,3}))\s+(\S.*)$")
_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")


def _footnotes(lines: list[str]) -> dict[str, str]:
    """The footnotes printed below a rule ("____"), by number: a note runs on to a blank line or the next note."""
    notes: dict[str, str] = {}
    current: str | None = None
    in_notes = False
    for line in lines:
        if _FOOTNOTE_RULE.match(line):
            in_notes, current = True, None
            continue
        if not in_notes:
            continue
        if not line.strip():
            current = None
            continue
        m = _NOTE_OPENS.match(line)
        if m and masthead_fields(line.strip()) is None:
            current = next(g for g in m.groups()[:4] if g).translate(_DIGITS)
            notes[current] = m.group(5).strip()
        elif current is not None:
            notes[current] += ("" if _CJK.search(line[:1] + notes[current][-1:]) else " ") + line.strip()
        else:
            in_notes = False  # the body goes on (an annex after the notes)
    return notes


def _markers(line: str) -> list[str]:
    """The footnote numbers a printed line points to: superscripts, "<sup>1</sup>", "[^1]", digits glued
    to English words ("recommendations;1") or after Chinese punctuation ("报告；1")."""
    found = [re.sub(r"\D", "", m.group(0).translate(_DIGITS)) for m in _MARKER.finditer(line)]
    found += [m.group(0) for m in (_PDF_MARKER.finditer(line) if _CJK.search(line) else _EN_MARKER.finditer(line))]
    return [n for n in found if n]


def _attach_notes(drafts: list[Draft], text: str) -> None:
    """Give each operative paragraph and annex item the footnotes its lines point to."""
    lines = text.splitlines()
    notes = _footnotes(lines)
    if not notes:
        return
    rules = [n for n, line in enumerate(lines, start=1) if _FOOTNOTE_RULE.match(line)]
    paragraphs = sorted((p for d in drafts for p in (*d.operative, *d.annex)), key=lambda p: p.line)
    for i, paragraph in enumerate(paragraphs):
        end = paragraphs[i + 1].line if i + 1 < len(paragraphs) else len(lines) + 1
        end = min([end, *(r for r in rules if r > paragraph.line)])
        for number in (n for line in lines[paragraph.line - 1:end - 1] for n in _markers(line)):
            if number in notes and notes[number] not in paragraph.notes:
                paragraph.notes.append(notes[number])


def _single_draft(text: str, file: str, language: Language | None) -> list[Draft]:
    """A file without a "Draft resolution" line: the first paragraph is the title."""
    lang = language or detect_language(text)
    label = {"zh": "决议草案", "fr": "Projet de résolution", "es": "Proyecto de resolución", "ru": "Проект резолюции",
             "ar": "مشروع قرار"}.get(lang, "Draft resolution")
    drafts = parse_drafts(label + "\n\n" + text, file=file, language=lang)
    for draft in drafts:  # line numbers of the file as it is, without the two lines added above
        draft.line = max(1, draft.line - 2)
        for paragraph in (*draft.operative, *draft.annex):
            _shift(paragraph, -2)
    return drafts


def _shift(node: Paragraph | Item, by: int) -> None:
    node.line += by
    for item in node.items:
        _shift(item, by)
