"""From a read draft to a proposed spec: each operative paragraph classified by the trigger rules,
each request with the activities of its template, the year, duty station and funding from the
draft's own words where it gives them, and every guess listed in ``extra.assumptions`` with the
words that triggered it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from decimal import Decimal
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pbi.draft.outputs import is_organizational, issued_at, same_document
from pbi.draft.reader import (Draft, Paragraph, ar_cardinal, ar_ordinal, es_cardinal, es_ordinal, fr_cardinal, fr_ordinal,
                              ru_cardinal, ru_ordinal, with_stem)
from pbi.draft.rules import UNNAMED_REQUEST, Classification, RuleSet, Standards, classify_text, load_rules, load_standards
from pbi.costing.engine import cost
from pbi.model.errors import InputError, PbiError, SpecError
from pbi.model import vocabulary
from pbi.model.money import roman
from pbi.model.periods import BudgetPeriod, period_of
from pbi.model.specs import Spec, dump_spec
from pbi.model.tables import Table, installed_tables, resolve_table
from pbi.model.validation import error_text

__all__ = ["ParagraphResult", "Proposal", "classify_draft", "propose_spec", "spec_yaml", "document_year",
           "cn_number", "en_ordinal", "en_cardinal"]

#: templates for one object (a tool, a guide): a later paragraph that refers back to it prices nothing new
_OBJECT_TEMPLATES = ("publication", "tool_translation")
#: templates priced with another when the draft asks for both: a mandate holder's reports with the mandate
_PRICED_WITH = {"mandate_report": "special_procedure"}
#: templates of people engaged for the work: a study asked for in the same paragraph is their work
_STAFF_TEMPLATES = ("consultant", "temporary_assistance")
#: kinds that are conference services (translation, printing, meetings): under the body's
#: ``conference_section`` whoever asks for them
#: kinds priced at the duty station of the office or body a paragraph names (not at a meeting's venue)
_PROCESSED_AT_HOME = ("documentation", "publication", "staff", "consultant", "new_post")
#: kinds that are meetings: priced where the meeting is held
_MEETING_KINDS = ("meeting", "meeting_during_session", "expert_meeting", "workshop", "network_meeting", "meeting_full_cost")
_CONFERENCE_KINDS = ("documentation", "meeting", "meeting_during_session", "meeting_full_cost", "summary_records",
                     "publication", "tool_translation")
#: a draft dated up to this month (spring and summer sessions) starts the work it does not date in its own year
_EARLY_MONTHS = 7
#: numbers of weeks beyond the day numbers of the rules files
_WEEK_WORDS = {"eight": "8", "twelve": "12", "fourteen": "14"}
#: how many years after the draft's own year a note prices (the budget period and the next year)
_HORIZON = 2
#: how far ahead a year the paragraph gives its activity ("in 2027") is taken as its date
_STATED_HORIZON = 3
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class ParagraphResult:
    """One paragraph of the draft and what the rules make of it."""

    ref: str                 # "3", "(f)", "annex I (b)"
    paragraph: Paragraph
    classification: Classification
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Proposal:
    """A proposed spec and how it was reached."""

    draft: Draft
    spec: Spec
    paragraphs: tuple[ParagraphResult, ...]
    table_path: Path | None


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 六十七 → 67; None if ``text`` is not a Chinese numeral up to 99."""
    if not text or any(c not in "一二三四五六七八九十两" for c in text):
        return None
    text = text.replace("两", "二")
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)


_EN_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_TENS_ORD = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                "seventieth": 70, "eightieth": 80, "ninetieth": 90}


def en_ordinal(text: str) -> int | None:
    """"sixth" → 6, "eighty-first" → 81, "81st" → 81; None otherwise."""
    text = text.lower().strip()
    if re.fullmatch(r"\d+(st|nd|rd|th)", text):
        return int(text[:-2])
    if text in _EN_ORDINALS:
        return _EN_ORDINALS[text]
    if text in _EN_TENS_ORD:
        return _EN_TENS_ORD[text]
    tens, _, unit = text.partition("-")
    if tens in _EN_TENS and unit in _EN_ORDINALS and _EN_ORDINALS[unit] < 10:
        return _EN_TENS[tens] + _EN_ORDINALS[unit]
    return None


_EN_UNITS = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split(), start=1)}


def en_cardinal(text: str) -> int | None:
    """"twelve" → 12, "twenty-five" → 25, "forty" → 40; None if ``text`` is not an English number up to 99."""
    text = text.lower().strip()
    if text in _EN_UNITS:
        return _EN_UNITS[text]
    tens, _, unit = text.partition("-")
    if tens in _EN_TENS and (not unit or (unit in _EN_UNITS and _EN_UNITS[unit] < 10)):
        return _EN_TENS[tens] + (_EN_UNITS[unit] if unit else 0)
    return None


def _ordinal_word(n: int) -> str | None:
    """81 → "eighty-first" (1 to 99); None otherwise."""
    by_value = {v: w for w, v in _EN_ORDINALS.items()}
    if n in by_value:
        return by_value[n]
    tens = {v: w for w, v in _EN_TENS.items()}
    if 20 < n < 100:
        return f"{tens[n - n % 10]}-{by_value[n % 10]}" if n % 10 else {v: w for w, v in _EN_TENS_ORD.items()}[n]
    return None


def _cn_numeral(n: int) -> str | None:
    """67 → "六十七" (1 to 99); None otherwise."""
    digits = {v: k for k, v in _CN_DIGITS.items()}
    if not 0 < n < 100:
        return None
    tens, units = divmod(n, 10)
    return ((digits[tens] if tens > 1 else "") + "十" if tens else "") + (digits[units] if units else "")


def session_in(session: str, lang: str) -> str | None:
    """A masthead's session in the other language of the two pbi drafts read: "Eighty-second session" ↔
    "第八十二届会议", "2028 session" ↔ "2028年届会"; None for a form it does not know."""
    if lang == "zh":
        m = re.fullmatch(r"\s*(\d{4})\s*session\s*", session, re.IGNORECASE)
        if m:
            return f"{m.group(1)}年届会"
        m = re.fullmatch(r"\s*([A-Za-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th))\s+session\s*", session)
        n = en_ordinal(m.group(1)) if m else None
        numeral = _cn_numeral(n) if n else None
        return f"第{numeral}届会议" if numeral else None
    m = re.fullmatch(r"\s*(\d{4})\s*年\s*(?:届会|会议)\s*", session)
    if m:
        return f"{m.group(1)} session"
    m = re.fullmatch(r"\s*第([一二三四五六七八九十两]+)届(?:会议|届会)\s*", session)
    n = cn_number(m.group(1)) if m else None
    word = _ordinal_word(n) if n else None
    return f"{word[0].upper()}{word[1:]} session" if word else None


def _session_in_english(session: str, lang: str) -> str | None:
    """A French, Spanish or Russian masthead's session in English: "Quatre-vingt-unième session", "Octogésimo
    primer período de sesiones", "Восемьдесят первая сессия" → "Eighty-first session"; "Session de 2026",
    "Período de sesiones de 2026", "Сессия 2026 года" → "2026 session"; None for a form it does not know."""
    m = re.fullmatch(r"\s*(?:Session|Per[ií]odo de sesiones)\s+de\s+(\d{4})\s*|\s*Сессия\s+(\d{4})\s+года\s*"
                     r"|\s*دورة\s+عام\s+(\d{4})\s*", session, re.IGNORECASE)
    if m:
        return f"{m.group(1) or m.group(2) or m.group(3)} session"
    m = re.fullmatch(r"\s*(.+?)\s+(?:session|per[ií]odo de sesiones|сессия)\s*|\s*الدورة\s+(.+?)\s*", session, re.IGNORECASE)
    n = _number(m.group(1) or m.group(2), lang) if m else None
    word = _ordinal_word(n) if n else None
    return f"{word[0].upper()}{word[1:]} session" if word else None


def _in_both_languages(data: dict[str, Any], lang: str, assumptions: list[str]) -> None:
    """The spec's texts in the other language of the two pbi drafts read: the session translated (its
    number). The draft's own words (its title, agenda titles, the requests) stay in its language only, so
    that a note in the other language stops on them, or quotes them with a warning when asked
    (``--quote-untranslated``): never the draft's words silently in another language's note."""
    other = "zh" if lang == "en" else "en"
    names = {"en": "English", "zh": "Chinese", "fr": "French", "es": "Spanish", "ru": "Russian", "ar": "Arabic"}
    session = data.get("session")
    if session and other not in session:
        translated = session_in(session[lang], other) if lang in ("en", "zh") else _session_in_english(session[lang], lang)
        if translated:
            session[other] = translated
            assumptions.append(f"the session “{session[lang]}” is “{translated}” in {names[other]}")
    words = ["the title"] if data.get("title") else []
    if any(item.get("title") for item in data.get("agenda_items", [])):
        words.append("the agenda item's title")
    if data.get("requests"):
        words.append("the requests' words")
    if words:
        one = len(words) == 1 and words[0] != "the requests' words"
        verb, its, them = ("is", "its", "it") if one else ("are", "their", "them")
        assumptions.append(f"the draft is in {names[lang]}: {', '.join(words)} {verb} in {names[lang]} only; give "
                           f"{its} {names[other]} (`{other}:`) in the spec for a note in {names[other]} "
                           f"(`pbi note --lang {other} --quote-untranslated` writes a working note quoting {them})")


def _number(text: str, lang: str) -> int | None:
    if text.isdigit():
        return int(text)
    return {"zh": cn_number, "fr": fr_ordinal, "es": es_ordinal, "ru": ru_ordinal, "ar": ar_ordinal}.get(lang, en_ordinal)(text)


#: an opening verb followed by its adverb ("Decides also to convene", "Requests further the Office"),
#: read as the rules write it ("Also decides to convene")
_ADVERB_AFTER = re.compile(r"^([A-Z][a-z]+s) (also|further)\b")


def _paragraph_texts(paragraph: Paragraph) -> tuple[str, ...]:
    text = _ADVERB_AFTER.sub(lambda m: f"{m.group(2).capitalize()} {m.group(1).lower()}", paragraph.text)
    texts = [text]
    for item in paragraph.items:
        # "2. Decides: (b) To request the Secretary-General …" is read "Decides to request the Secretary-General …"
        texts.append(with_stem(text, item.all_text()) or text + " " + item.all_text())
    return tuple(texts)


def classify_draft(draft: Draft, rules: RuleSet, standards: Standards | None = None) -> list[ParagraphResult]:
    """Every operative paragraph classified, and the annex items of a paragraph that endorses the annex.
    A match whose template holds only with another rule of the same draft (``only_with_rules``: the
    support of a mandate the draft creates) is dropped when no paragraph matches that rule."""
    results = _classify(draft, rules)
    templates = (standards or load_standards()).templates
    fired = {m.rule.id for r in results for m in r.classification.matches}
    for i, result in enumerate(results):
        c = result.classification
        dropped = [m for m in c.matches
                   if not fired & set(templates.get(m.rule.template or "", {}).get("only_with_rules") or fired)]
        if not dropped:
            continue
        kept = tuple(m for m in c.matches if m not in dropped)
        why = (f"{_quote(dropped[0].words)}: support of a mandate this draft does not create (it renews it or "
               "names one created before): no implications of its own")
        results[i] = replace(result, classification=replace(c, matches=kept) if kept else
                             Classification("none", (), c.condition, None, why=why))
    return results


def _classify(draft: Draft, rules: RuleSet) -> list[ParagraphResult]:
    results: list[ParagraphResult] = []
    annexes = sorted({p.annex for p in draft.annex})
    endorsed = False
    for paragraph in draft.operative:
        texts = _paragraph_texts(paragraph)
        results.append(ParagraphResult(paragraph.number, paragraph, classify_text(list(texts), rules), texts))
        if any(p.search(paragraph.text) for p in rules.endorses_annex):
            endorsed = True
    if endorsed:
        for item in draft.annex:
            texts = _paragraph_texts(item)
            ref = item.number if len(annexes) <= 1 else f"annex {item.annex} {item.number}"
            results.append(ParagraphResult(ref, item, classify_text(list(texts), rules), texts))
    return results


def _session_word(draft: Draft) -> str:
    """The ordinal of a masthead's session: "Eighty-first" of "Eighty-first session", "Soixante et unième" of
    "Soixante et unième session", "Octogésimo primer" of "Octogésimo primer período de sesiones" (a French or
    Spanish ordinal may be of several words); "Восемьдесят первая" of "Восемьдесят первая сессия", "2026" of
    "Сессия 2026 года"."""
    if draft.language in ("ru", "ar"):  # "Восемьдесят первая сессия", "الدورة الحادية والثمانون"
        year = re.search(r"\b\d{4}\b", draft.session)
        return year.group(0) if year else re.sub(r"\s+сессия\b.*$|^الدورة\s+", "", draft.session.strip(), flags=re.IGNORECASE)
    if draft.language in ("fr", "es"):
        return re.sub(r"\s+(?:session|per[ií]odo)\b.*$", "", draft.session.strip(), flags=re.IGNORECASE)
    return draft.session.split()[0]


def _body_named(draft: Draft, body: dict[str, Any]) -> bool:
    return any(name.lower() in draft.body.lower() for name in body.get("names", {}).get(draft.language, []))


def _own_cadence(draft: Draft) -> dict[str, int] | None:
    """The sessions of a working group, expert group or forum pbi does not know when its masthead
    names its own dated session ("老龄问题不限成员名额工作组 / 第十七届会议 / 二〇二七年四月九日"): one a
    year from it."""
    if not draft.body or not draft.dated or not draft.session or \
            re.sub(r"^the\s+", "", draft.organ, flags=re.I) != re.sub(r"^the\s+", "", draft.body, flags=re.I):
        return None
    if not re.search(r"工作组|专家组|论坛|\b(?:Working Group|Expert Group|Forum)\b", draft.body, re.IGNORECASE):
        return None  # a conference of States parties meets every two years: no cadence is assumed for it
    counted = re.search(r"第([〇零一二三四五六七八九十百]+)届", draft.session)
    n = _number(counted.group(1) if counted else _session_word(draft), draft.language)
    return {"first": draft.dated, "number": n, "every": 1} if n else None


def _body_of(draft: Draft, standards: Standards) -> tuple[str, str]:
    """The body id of ``standards.yaml`` whose name the draft's opening line holds, and why; for a
    draft a commission recommends to another organ, the commission's (its statement is made there)."""
    if draft.recommended and draft.organ:
        for body_id, body in standards.bodies.items():
            if any(name.lower() == draft.organ.lower() for name in body.get("names", {}).get(draft.language, [])):
                return body_id, (f"the {draft.organ} (its masthead) recommends the draft to “{draft.body}”: "
                                 "the statement is made where the draft is recommended")
    receiving = _receiving_opening(draft, standards)
    for body_id, body in standards.bodies.items():
        for name in body.get("names", {}).get(draft.language, []):
            # "大会" in "联合国环境大会": a body's name inside the name of another body is not that body
            if name.lower() in draft.body.lower() and not (receiving and name.lower() in receiving[1].lower()):
                return body_id, f"the draft opens with “{draft.body}”"
    by_symbol = vocabulary.body_of_symbol(draft.symbol) if draft.symbol else None
    if by_symbol in standards.bodies and by_symbol not in ("general-assembly", "ecosoc"):
        return str(by_symbol), f"its symbol {draft.symbol} is of the {by_symbol} (its opening names no body pbi knows)"
    return "general-assembly", (f"the draft opens with “{draft.body or '(no body named)'}”, not a body "
                                "pbi knows: priced as a draft of the General Assembly")


def _receiving_opening(draft: Draft, standards: Standards) -> tuple[str, str, str] | None:
    """The body of ``receiving_bodies`` (standards.yaml: the Environment Assembly, the UN-Habitat Assembly)
    whose name the draft's opening holds, the longest found: (its id, the name, its duty station)."""
    found = sorted(((len(name), key, name, str(entry["duty_station"])) for key, entry in standards.receivers.items()
                    if entry.get("duty_station") for name in entry.get("names", {}).get(draft.language, [])
                    if draft.body and name.lower() in draft.body.lower()), reverse=True)
    return found[0][1:] if found else None


def document_year(text: str, rules: RuleSet, today: dt.date | None = None, *, first_line: int | None = None,
                  preambles: Sequence[str] = ()) -> int | None:
    """The year of the document around the drafts: the latest dated year (year and month) named
    before its first draft (line ``first_line``: a report's "adopted at its session held from 18 to
    22 October 2010"), else in the whole text less the dates of the drafts' ``preambles`` (what a
    draft recalls is not its date), up to this year."""
    now = (today or dt.date.today()).year
    if first_line and first_line > 1:
        years = [y for y in _years("\n".join(text.splitlines()[: first_line - 1]), rules, dated=True)
                 if 1990 <= y <= now]
        if years:
            return max(years)
    left = Counter(_years(text, rules, dated=True)) - Counter(y for p in preambles for y in _years(p, rules, dated=True))
    years = [y for y in left if 1990 <= y <= now]
    return max(years) if years else None


def _years(text: str, rules: RuleSet, *, dated: bool = False) -> list[int]:
    """The years ``text`` names (``dated``: only those given with a month)."""
    return [int(m.group(1)) for p in (rules.dates if dated else rules.years) for m in p.finditer(text)]


def _named_body(before: str, standards: Standards, lang: str) -> dict[str, Any] | None:
    """The body whose name comes last in ``before`` (the words ahead of "第六届会议")."""
    best: tuple[int, dict[str, Any]] | None = None
    for body in (*standards.bodies.values(), *standards.sessions.values()):
        for name in body.get("names", {}).get(lang, []):
            at = before.lower().rfind(name.lower())
            if at >= 0 and (best is None or at > best[0]):
                best = (at, body)
    return best[1] if best else None


def _cadence_year(cadence: dict[str, Any], n: int) -> int:
    """The year of session ``n`` of a body meeting ``every`` years, or ``per_year`` times a year."""
    first, number = int(cadence["first"]), int(cadence.get("number", 1))
    if cadence.get("per_year"):
        return first + (n - number) // int(cadence["per_year"])
    return first + (n - number) * int(cadence.get("every", 1))


def _masthead_year(draft: Draft, standards: Standards, body: dict[str, Any]) -> tuple[int, str] | None:
    """The year of the draft's masthead: the year its dates give ("Vienna, 18–22 May 2026", the
    document's date), else of the session it names: "Eighty-first session" of the General Assembly
    (session N is held from September of 1945 + N), "2026 session" of the Council."""
    if draft.dated:
        return draft.dated, f"its masthead is dated {draft.dated}"
    if not draft.session:
        return None
    m = re.match(r"^(\d{4})\b", draft.session) or re.search(r"\bof (\d{4})$", draft.session) \
        or re.search(r"\b(\d{4}) года$", draft.session) or re.search(r"عام (\d{4})$", draft.session)  # "Сессия 2026 года"
    if m:
        return int(m.group(1)), f"its masthead names the {draft.session}"
    word = _session_word(draft)
    counted = re.search(r"第([〇零一二三四五六七八九十百]+)届", draft.session)  # "第八十一届会议"
    n = _number(counted.group(1) if counted else word, draft.language)
    organ = next((b for b in standards.bodies.values()
                  if draft.organ and draft.organ in b.get("names", {}).get("en", [])), body)
    cadence = organ.get("session_year")
    if n is None or not cadence:
        return None
    year = _cadence_year(cadence, n)
    return year, f"its masthead names the {draft.session.lower()} of the {draft.organ or 'body'}, held in {year}"


def _actor(text: str, standards: Standards, lang: str, body: dict[str, Any]) -> dict[str, Any] | None:
    """The part of the secretariat (or the body reported to) named first in ``text``, unless it is
    the adopting body's own secretariat."""
    best: tuple[int, dict[str, Any]] | None = None
    for actor in standards.actors:
        if actor.get("section") in body.get("own_sections", []) or actor.get("section") == body.get("section"):
            continue
        for name in actor.get("names", {}).get(lang, []):
            at = text.lower().find(name.lower())
            if at >= 0 and (best is None or at < best[0]):
                best = (at, {**actor, "named": name})
    return best[1] if best else None


def _subject_actor(texts: Sequence[tuple[str, str]], standards: Standards, lang: str,
                   body: dict[str, Any]) -> dict[str, Any] | None:
    """The office whose subject (standards.yaml, ``subjects`` of the actors) the first of ``texts`` that names
    any names, when it is one office's alone: (where, text) pairs, the paragraph before its agenda item."""
    for where, text in texts:
        found: dict[str, dict[str, Any]] = {}
        for actor in standards.actors:
            if not actor.get("section") or actor.get("section") in body.get("own_sections", []):
                continue
            for word in actor.get("subjects", {}).get(lang, []):
                edge = "" if lang == "zh" else r"\b"
                if re.search(edge + re.escape(word) + edge, text, re.IGNORECASE):
                    found.setdefault(str(actor["section"]), {**actor, "named": word, "where": where})
                    break
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None


def _foreign_cardinal(text: str) -> int | None:
    """A number in French, Spanish, Russian or Arabic words (as the draft writes it: "vingt et un", "двух")."""
    return fr_cardinal(text) or es_cardinal(text) or ru_cardinal(text) or ar_cardinal(text)


def _cardinal(word: str) -> int | None:
    """A number in the words of any language pbi reads drafts in: "three", "三", "trois", "tres", "три", "ثلاثة"."""
    return en_cardinal(word) or cn_number(word) or _foreign_cardinal(word)


def _number_in(text: str, patterns: tuple[re.Pattern[str], ...], numbers: dict[str, str]) -> tuple[str, str] | None:
    """The first positive number the patterns find (a word from ``numbers`` or digits), with the words."""
    for pattern in patterns:
        for m in pattern.finditer(text):
            word = re.sub(r"[,，\s\u00a0\u202f]", "", m.group(1).lower())  # "10,700", "10 700"
            spelled = en_cardinal(word) or cn_number(word) or _foreign_cardinal(m.group(1).lower())
            value = numbers.get(word) or (word if word.isdigit() else str(spelled) if spelled else None)
            if value and Decimal(value) > 0:
                return value, m.group(0)
    return None


def _days(text: str, rules: RuleSet) -> tuple[str, str] | None:
    """The length in days a paragraph gives a meeting ("two-day" → "2"; "twelve weeks of sessions" →
    "60", five meeting days a week), with the words."""
    days = _number_in(text, rules.day_phrases, rules.day_numbers)
    weeks = _number_in(text, rules.week_phrases, {**rules.day_numbers, **_WEEK_WORDS}) if days is None else None
    if weeks is not None:
        return str(Decimal(weeks[0]) * 5), weeks[1]
    if days is None:  # the dates of a meeting: "on 6 and 7 May 2028" → 2 days (calendar days, at most a fortnight)
        for pattern in rules.date_spans:
            m = pattern.search(text)
            if m and 0 <= int(m.group(2)) - int(m.group(1)) < 14:
                return str(int(m.group(2)) - int(m.group(1)) + 1), m.group(0)
    return days


def _found_in(text: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[str, str] | None:
    """What the first matching pattern captures, with the words."""
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return m.group(1), m.group(0)
    return None


def _participants(text: str, rules: RuleSet) -> tuple[str, str] | None:
    """How many take part ("of 25 experts", "of twelve experts"), with the words."""
    return _number_in(text, rules.participant_phrases, rules.participant_numbers)


#: the last word of an organ's name: a session numbered after an organ that pbi does not know (a
#: working group, a forum) is that organ's, unless the word is the adopting body's own ("委员会" in a
#: draft of a commission, "the Commission" in one of the Commission on the Status of Women)
_ORGAN_BEFORE = re.compile(r"(?:(工作组|专家组|小组|论坛|委员会|理事会|机制|会议)|\b(Group|Forum|Committee|Commission|Council|"
                           r"Conference|Board|Panel|Mechanism)\b(?:\s+(?:on|of|for)\s+[^,;.]{1,60}?)?\s+at)\s*$")
_ORGAN_AFTER = re.compile(r"^the\s+(?:[A-Z][\w-]*\s+)*?(Group|Forum|Committee|Commission|Council|Conference|Board|"
                          r"Panel|Mechanism|Meeting|Assembly|Platform|Body)\b")


def _other_organ(before: str, of: str, body: dict[str, Any], rules: RuleSet | None = None) -> bool:
    """Whether the session a paragraph numbers is of an organ named beside it ("老龄问题工作组第十七届
    会议", "the seventeenth session of the Open-ended Working Group on Ageing") that is not ``body``
    (the words of ``rules``' ``organ_before`` and ``organ_after`` when it gives them: "à la Conférence à sa …")."""
    found = next((m for p in (rules.organ_before if rules and rules.organ_before else (_ORGAN_BEFORE,))
                  for m in [p.search(before)] if m), None) or \
        next((m for p in (rules.organ_after if rules and rules.organ_after else (_ORGAN_AFTER,)) for m in [p.match(of)] if m),
             None)
    if found is None:
        return False
    word = next(g for g in found.groups() if g)
    return not any(word in name for names in body.get("names", {}).values() for name in names)


#: the body a session is of, named after it ("the fifty-ninth session of the Statistical Commission"): group 1, with
#: its article (rules' ``session_of`` for another language)
_SESSION_OF = re.compile(r"\s+of\s+(the\s+[^,;.]{3,100})")
#: the words before a session that put the work before it ("before its sixty-second session"; ``before_session``)
_BEFORE_SESSION = re.compile(r"(before|prior to)\s*(its|the)?\s*$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|la|le|les|el|los|las)\s+|^l['’]\s?", re.IGNORECASE)


def _session_year(text: str, body: dict[str, Any], rules: RuleSet, lang: str,
                  standards: Standards | None = None) -> tuple[int, str, int] | None:
    """The year of the work for the session a paragraph names ("第六届会议", "its sixty-seventh
    session": of the body named just before it ("委员会第二十二届会议"), else of the draft's own
    body), why, and the year the session is held."""
    for pattern in rules.session_phrases:
        m = pattern.search(text)
        if m:
            n = _number(m.group(1), lang)
            if n is None:
                continue
            # wide enough for the longest name before "at its …" ("the Commission on Crime Prevention
            # and Criminal Justice at its thirty-seventh session")
            before = text[max(0, m.start() - 120): m.start()]
            # "at its …" is the draft's own body's session, unless a body's name comes just before it
            # ("to the Commission for Social Development at its sixty-seventh session")
            own_its = before.rstrip().endswith(("its", "其"))
            just_before = re.sub(r"[,，]?\s*(?:at\s+)?its$|其$", "", before.rstrip())
            named = _named_body(before if not own_its else just_before[-60:], standards, lang) if standards else None
            if named is not None and own_its and not any(
                    just_before.lower().endswith(n.lower()) for n in named.get("names", {}).get(lang, [])):
                named = None
            # "the fifty-ninth session of the Statistical Commission": the body named just after
            of = next((o for p in rules.session_of or (_SESSION_OF,) for o in [p.match(text[m.end():])] if o), None)
            after = _named_body(of.group(1), standards, lang) if standards and of else None
            if after is not None and of is not None and any(
                    _ARTICLE.sub("", of.group(1)).lower().startswith(n.lower()) for n in after.get("names", {}).get(lang, [])):
                named = after
            if named is None and _other_organ(text[max(0, m.start() - 40): m.start()], of.group(1) if of else "", body, rules):
                continue  # "工作组第十七届会议", "the seventeenth session of the Working Group": not the body's
            cadence = (named or body).get("session_year")
            if not cadence:
                continue
            year = _cadence_year(cadence, n)
            before = text[m.end(): m.end() + 6]
            if re.match(r"^\s*(之前|以前|before)", before, re.IGNORECASE) or any(
                    p.search(text[max(0, m.start() - 40): m.start()]) for p in rules.before_session or (_BEFORE_SESSION,)):
                # between the session before it and this one: the year before, or the same year for a
                # body meeting several times a year whose previous session is of that year
                before_year = max(_cadence_year(cadence, n - 1), year - 1) if n > 1 else year - 1
                return before_year, f"“{m.group(0)}” is held in {year}; the work comes before it", year
            return year, f"“{m.group(0)}” is held in {year}", year
    return None


def _months(text: str, rules: RuleSet) -> tuple[str, str] | None:
    """The work-months a paragraph gives ("for twelve months" → "12"), with the words."""
    return _number_in(text, rules.month_phrases, rules.month_numbers)


#: the letters of the Professional and Director levels in Russian and Arabic ("С-4", "Д-1", "ف-4", "مد-1")
_GRADE_LETTERS = {"С": "P", "Д": "D", "ف": "P", "مد": "D"}


def _grade_named(words: str) -> str:
    """A grade as the tables key it: "p4", "P-4", "С-4", "ف-4" → "P-4"."""
    words = re.sub(r"^(С|Д|ف|مد)(?=-?[1-7]$)", lambda m: _GRADE_LETTERS[m.group(1)], words.upper())
    return re.sub(r"^([PD])-?([1-7])$", r"\1-\2", words)


def _grade(text: str, rules: RuleSet) -> tuple[str, str] | None:
    """The grade a paragraph names ("at the P-4 level", "at the P4 level" → "P-4"), with the words."""
    found = _found_in(text, rules.grade_phrases)
    return (_grade_named(found[0]), found[1]) if found else None


def _grades(text: str, rules: RuleSet) -> list[tuple[str, str, str | None]]:
    """Every grade a paragraph names, in its order ("one post at the P-4 level and one General Service (Other
    level) post" → P-4, GS (Other level)), with the words and how many posts of it the words just before it
    ask for ("three new posts (one P-4 and two P-3)" → 1, 2; None where they say no number)."""
    found: list[tuple[int, int, str, str]] = []
    for pattern in rules.grade_phrases:
        found += [(m.start(), m.end(), _grade_named(m.group(1)), m.group(0))
                  for m in pattern.finditer(text)]
    for pattern, grade in rules.grade_names:
        found += [(m.start(), m.end(), grade, m.group(0)) for m in pattern.finditer(text)]
    out: list[tuple[str, str, str | None]] = []
    end = -1
    for start, stop, grade, words in sorted(found, key=lambda f: (f[0], -f[1])):
        if start >= end:  # "General Service" inside "General Service (Other level)" is the same grade
            count = _number_in(text[max(end, 0):start], rules.grade_counts, rules.post_numbers)
            out.append((grade, (count[1] if count else "") + words, count[0] if count else None))
            end = stop
    return out


def _length(text: str, rules: RuleSet) -> tuple[str, str, str] | None:
    """The length the paragraph gives a document, as ("words" or "pages", the number, the words that
    say it): "not exceeding 10,700 words" → ("words", "10700", …); "20页以内" → ("pages", "20", …)."""
    words = _number_in(text, rules.word_phrases, {})
    if words is not None:
        return "words", words[0], words[1]
    pages = _number_in(text, rules.page_phrases, {})
    return ("pages", pages[0], pages[1]) if pages is not None else None


def _meetings(text: str, rules: RuleSet) -> tuple[str, str] | None:
    """How many meetings the paragraph counts ("three meetings of three hours each" → "3"), with the words."""
    return _number_in(text, rules.meeting_phrases, {})


def _activity_year(text: str, rules: RuleSet, draft_year: int, default: int,
                   session: int | None = None) -> tuple[int, str] | None:
    """The year the paragraph gives its activity ("in 2027", "于2027年") and why; for a period ("in the
    biennium 2026-2027") the year pbi would take if it is in the period, else the period's first year.
    Only years from the draft's own to three after it (a draft of the seventy-ninth session may date
    work of the eighty-first): a year further out is a goal ("in 2030"), not a date."""
    for pattern in rules.activity_years:
        for m in pattern.finditer(text):
            first = int(m.group(1))
            last = int(m.group(2)) if m.lastindex and m.lastindex >= 2 and m.group(2) else first
            if not draft_year <= first <= draft_year + _STATED_HORIZON or last < first:
                continue
            if last > first:
                if session is not None and first <= session <= last:
                    return session, (f"the paragraph names the period {first}-{last} (“{m.group(0).strip()}”) and "
                                     f"a session held in {session}")
                year = default if first <= default <= last else first
                return year, f"the paragraph names the period {first}-{last} (“{m.group(0).strip()}”)"
            return first, f"the paragraph names {first} (“{m.group(0).strip()}”)"
    return None


def _year_of_body(text: str, template: dict[str, Any], lang: str, results: Sequence[ParagraphResult], ref: str,
                  rules: RuleSet, draft_year: int, default: int) -> tuple[int, str] | None:
    """The year another paragraph gives the meeting of the body this paragraph's work is for ("a report for
    the session of the preparatory committee" and "the preparatory committee shall hold one session … in
    2027"), and why; None when the template reads no such body or no other paragraph dates it."""
    pattern = (template.get("year_of_body") or {}).get(lang)
    m = re.search(pattern, text, re.IGNORECASE) if pattern else None
    if m is None:
        return None
    for other in results:
        whole = " ".join(other.texts)
        if other.ref == ref or m.group(1).lower() not in whole.lower():
            continue
        stated = _activity_year(whole, rules, draft_year, default)
        if stated:
            return stated[0], (f"for the {m.group(1)} (“{m.group(0).strip()}”), whose meeting paragraph {other.ref} "
                               f"dates: {stated[1]}")
    return None


def _recurrence(text: str, rules: RuleSet) -> tuple[int, int | None, str] | None:
    """How often the paragraph holds its activity again: (every how many years, for how many years
    or None, the words): "annually for three years" → (1, 3, …); "biennial" → (2, None, …)."""
    for pattern, every in rules.recurrence:
        m = pattern.search(text)
        if m:
            word = (m.group(1) or "") if m.lastindex else ""
            count = int(word) if word.isdigit() else _cardinal(word)
            return every, count, m.group(0)
    return None


def _lasting(text: str, rules: RuleSet) -> tuple[int, str] | None:
    """How many years the mandate or body the paragraph renews or establishes lasts ("for a further period
    of three years" → 3, 再延长三年 → 3), with the words; None when the paragraph does not say."""
    for pattern in rules.lasting:
        m = pattern.search(text)
        if m:
            word = m.group(1) or ""
            years = int(word) if word.isdigit() else _cardinal(word)
            if years:
                return years, m.group(0)
    return None


def _times_a_year(text: str, rules: RuleSet) -> tuple[int, str] | None:
    """How many times a year the paragraph holds its activity when it is more than once ("every 120 days"
    → 3, "每六个月" → 2), with the words; None when once a year or less."""
    for pattern, per_year in rules.within_year:
        m = pattern.search(text)
        if not m:
            continue
        word = (m.group(1) or "") if m.lastindex else "1"
        units = int(word) if word.isdigit() else _cardinal(word)
        if units and per_year // units > 1:
            return per_year // units, m.group(0)
    return None


def _count(text: str, rules: RuleSet) -> tuple[int, str] | None:
    for pattern in rules.count_phrases:
        m = pattern.search(text)
        if m:
            word = m.group(2).lower()
            n = rules.counts.get(word) or (int(word) if word.isdigit() else None)
            if n:
                return n, m.group(0)
    return None


def _unpriced_place(text: str, rules: RuleSet) -> str | None:
    """A venue the paragraph names that no table prices ("in Rome", "在罗马"), as written."""
    for name in rules.unpriced_places:
        m = re.search(rf"(?:在|于){re.escape(name)}" if rules.language == "zh"
                      else rf"\b(?:in|at|à|en|в|في) {re.escape(name)}\b", text)
        if m:
            return m.group(0)
    return None


def _place(text: str, rules: RuleSet) -> tuple[str, str] | None:
    for place, words in rules.places.items():
        for word in words:
            if word.lower() in text.lower():
                return place, word
    return None


def _repeat(activities: list[dict[str, Any]], first: int, again: tuple[int, int | None, str], year: int,
            draft_year: int, ref: str, assumptions: list[str]) -> list[dict[str, Any]]:
    """The activities held again in later years: one copy of ``activities[first:]`` for each further
    year of "annually for three years"; a recurrence without an end ("biennial") prices its first
    year only, and says so."""
    every, count, words = again
    if not count:
        assumptions.append(f"paragraph {ref}: held {'every year' if every == 1 else f'every {every} years'} "
                           f"(“{words}”), with no end stated: only {year} is priced; the next in {year + every} "
                           "is for the budget process of that year")
        return []
    out: list[dict[str, Any]] = []
    for i in range(1, count):
        for act in activities[first:]:
            out.append({**act, "id": f"{act['id']}-{year + i * every}", "year": year + i * every,
                        "funding": act["funding"] if act["funding"] != "regular_budget" else "budget_process"})
    often = "every year" if every == 1 else f"every {every} years"
    assumptions.append(f"paragraph {ref}: held {count} times, {often} (“{words}”): one activity for each, in "
                       f"{', '.join(str(year + i * every) for i in range(count))}")
    return out


def _meeting_parts(text: str, rules: RuleSet) -> list[tuple[tuple[str, str], tuple[str, str] | None, int | None, str]]:
    """The meetings a paragraph lists one by one, each with its own days and its place or year ("an organizational
    session of two days in New York in 2028 and two substantive sessions of five working days each, the first in
    Geneva in 2028 and the second in New York in 2029"): (days, place, year, words) for each. The text is cut where
    a ``meeting_parts`` pattern begins; a part that states its place or year is one meeting, with the days it
    states or those of the part before it that states days only ("two substantive sessions of five working days
    each, the first …"). None unless two meetings or more are so listed."""
    starts = sorted({m.start() for pattern in rules.meeting_parts for m in pattern.finditer(text)})
    if len(starts) < 2:
        return []
    parts: list[tuple[tuple[str, str], tuple[str, str] | None, int | None, str]] = []
    days_said: tuple[str, str] | None = None
    place_said: tuple[str, str] | None = None
    pieces = [text[start:stop] for start, stop in zip(starts, [*starts[1:], len(text)], strict=True)]
    read = [(_days(piece, rules), _place(piece, rules), _years(piece, rules)) for piece in pieces]
    for i, (piece, (days, place, years)) in enumerate(zip(pieces, read, strict=True)):
        if place is None and not years:
            days_said = days or days_said  # "two substantive sessions of five working days each,"
            continue
        if place is not None and not years and i + 1 < len(read) and read[i + 1][2] and \
                read[i + 1][1] is None and not read[i + 1][0]:
            # "two sessions of five working days each in New York, the first in 2028 and the second in 2029": the
            # days and place of the meetings the next parts date
            days_said, place_said = days or days_said, place
            continue
        if days or days_said:
            parts.append((days or days_said or ("", ""), place or place_said, years[0] if years else None,
                          piece.strip(" ,;，；").removesuffix(" and").removesuffix("，并")))
    return parts if len(parts) > 1 else []


def _listed_meeting(text: str, results: Sequence[ParagraphResult], ref: str, rules: RuleSet
                    ) -> tuple[tuple[str, str] | None, int | None, str, str] | None:
    """The meeting another paragraph lists (``_meeting_parts``) that a document of ``text`` is for ("for the first
    substantive session of the preparatory committee" → that paragraph's "the first in Geneva in 2028"): its place,
    year, the words that name it and the other paragraph; None when no paragraph lists it."""
    for pattern in rules.for_listed_meeting:
        m = pattern.search(text)
        if not m:
            continue
        zh = rules.language == "zh"
        name, ordinal = (m.group(1), m.group(2)) if zh else (m.group(2), m.group(1))
        n = cn_number(ordinal) if zh else _number(ordinal, rules.language)
        for other in results:
            whole = " ".join(other.texts)
            if other.ref == ref or not n or name.lower() not in whole.lower():
                continue
            parts = _meeting_parts(whole, rules)
            named = [p for p in parts if re.search(rf"\b{re.escape(ordinal)}\b", p[3], re.IGNORECASE)] if not zh else []
            part = named[0] if named else (parts[n - 1] if len(parts) >= n else None)
            if part is not None:
                return part[1], part[2], m.group(0), other.ref
    return None


def _date_in(act: dict[str, Any], year: int, period: BudgetPeriod) -> None:
    """Date a proposed activity in ``year``: regular-budget work outside the budget period goes to the
    budget process, and back."""
    act["year"] = year
    if act["funding"] in ("regular_budget", "budget_process"):
        act["funding"] = "regular_budget" if year in period else "budget_process"


def _continued_posts(posts: list[dict[str, Any]], year: int, period: BudgetPeriod) -> list[dict[str, Any]]:
    """The posts a paragraph establishes, in the year after: a whole year at full cost (``continuing``), for the
    budget of that year, as a statement shows a new post's full cost after its first year."""
    later = []
    for post in posts:
        again = {**post, "id": f"{post['id']}-continued", "continuing": True, "work_months": "12"}
        _date_in(again, year, period)
        later.append(again)
    return later


def _each_meeting(activities: list[dict[str, Any]], parts: list[tuple[tuple[str, str], tuple[str, str] | None,
                  int | None, str]], period: BudgetPeriod, ref: str, assumptions: list[str], rules: RuleSet,
                  where_issued: bool = False) -> list[dict[str, Any]]:
    """One copy of a request's activities for each meeting its paragraph lists (``_meeting_parts``): the meeting
    with that part's days and place, all with its year (else the request's). A session's report is processed at
    that part's place (``where_issued``); an organizational session has no report of its own."""
    out: list[dict[str, Any]] = []
    for n, (days, place, year, words) in enumerate(parts, start=1):
        organizational = is_organizational(words, rules)
        if organizational and any(a["kind"] == "documentation" for a in activities):
            assumptions.append(f"paragraph {ref}: {_quote(words, 60)} is an organizational session: no documents "
                               "of its own are priced (its decisions are recorded in the body's next report)")
        for act in activities:
            if organizational and act["kind"] == "documentation":
                continue
            copy = {**act, "id": act["id"] if n == 1 else f"{act['id']}-{n}"}
            if where_issued and act["kind"] == "documentation" and place is not None:
                copy["location"] = place[0]
            copy.pop("count", None)
            if year is not None:
                _date_in(copy, year, period)
            if act["kind"] in _MEETING_KINDS:
                if "days" in copy:
                    copy["days"] = days[0]
                if place is not None:
                    copy["location"] = place[0]
            out.append(copy)
    assumptions.append(f"paragraph {ref}: it lists {len(parts)} meetings, each priced with its own days, place and "
                       "year: " + "; ".join(f"{_quote(words, 60)} → {days[0]} day{'' if days[0] == '1' else 's'}"
                                            + (f" in {place[0]}" if place else "") + (f" in {year}" if year else "")
                                            for days, place, year, words in parts))
    return out


def _clause(text: str, words: str, rules: RuleSet) -> str:
    """The clause of ``text`` where the words of a rule end ("…, and to submit to the Assembly at its
    eighty-fourth session a report", "…，并向大会第八十四届会议提交一份报告"): clauses are cut at the
    rules' ``clause_breaks``; the whole text when the words are not found or nothing cuts it."""
    at = text.find(words)
    if at < 0 or not rules.clause_breaks:
        return text
    end = at + len(words)
    cuts = sorted({m.start() for p in rules.clause_breaks for m in p.finditer(text)})
    start = max((c for c in cuts if c < end - 1), default=0)
    stop = min((c for c in cuts if c >= end), default=len(text))
    return text[start:stop]


def _dating(text: str, body: dict[str, Any], rules: RuleSet, lang: str, standards: Standards, draft_year: int,
            default: int) -> tuple[list[int], tuple[int, str, int] | None, tuple[int, str] | None]:
    """What dates a text's work: the years it names within a note's horizon, the session it names, and
    the year it gives the activity itself."""
    # a note looks at most two years ahead: a year further out is a reference, not a date
    explicit = [y for y in _years(text, rules) if draft_year <= y <= draft_year + _HORIZON]
    session = _session_year(text, body, rules, lang, standards)
    # in a period the paragraph names ("在2028-2029两年期"), the year of the session it names, if in it
    stated = _activity_year(text, rules, draft_year, default, session[0] if session else None)
    return explicit, session, stated


def _dated_year(explicit: list[int], session: tuple[int, str, int] | None,
                stated: tuple[int, str] | None) -> int | None:
    """The year ``_dating``'s findings give, in the order the proposal reads them."""
    if stated:
        return stated[0]
    if explicit:
        return max(explicit)
    return session[0] if session else None


def _listed_sessions(text: str, body: dict[str, Any], rules: RuleSet, lang: str, standards: Standards,
                     draft_year: int) -> list[tuple[int, str]]:
    """The years of two or more sessions a clause names together ("at its eighty-fourth and
    eighty-sixth sessions", "第八十四届和第八十六届会议"), with why; empty unless every one is held from the
    draft's year on."""
    for pattern in rules.session_lists:
        m = pattern.search(text)
        if not m:
            continue
        found: list[tuple[int, str]] = []
        # the words before the list name whose sessions they are; a session named before them is another's
        before = text[:m.start()]
        before = before[max((s.end() for p in rules.session_phrases for s in p.finditer(before)), default=0):]
        for word in (g for g in m.groups() if g):
            one = {"zh": f"第{word}届会议", "fr": f"sa {word} session", "es": f"su {word} período de sesiones",
                   "ru": f"ее {word} сессии", "ar": f"دورتها {word}"}.get(
                lang, f"its {word} session")
            year = _session_year(before + one, body, rules, lang, standards)
            if year is None:
                return []
            found.append((year[2], f"{year[1]} (“{m.group(0).strip()}”)"))
        if len(found) > 1 and all(y >= draft_year for y, _ in found):
            return found
    return []


def _destinations(text: str, standards: Standards, rules: RuleSet, lang: str, body_id: str) -> list[tuple[str, str]]:
    """The bodies ``text`` submits a document to, in order, as (duty station, name as written): a body's name
    (standards.yaml, bodies and receiving_bodies, the longest that is found) right after one of the rules'
    ``submitted_to`` words ("to the General Assembly", "向大会"), or after ``also_submitted_to`` once one is
    named ("… and to the Council", "…和大会"), unless ``name_continues`` follows it. A short name ("the Council", 理事会) is the adopting body's when
    its name holds the word, else the body ``short_body_names`` gives."""
    known = {**standards.receivers, **standards.bodies}
    names = [(name, entry) for entry in known.values() for name in entry.get("names", {}).get(lang, [])]
    own = " ".join(standards.bodies.get(body_id, {}).get("names", {}).get(lang, [])).lower()
    for word, default in rules.short_body_names.items():
        target = body_id if word.lower() in own else default
        if target and target in known:
            names.append((word, known[target]))
    edge = "" if lang == "zh" else r"\b"
    found: list[tuple[int, int, str, dict[str, Any]]] = []
    for name, entry in sorted(names, key=lambda n: -len(n[0])):
        for m in re.finditer(edge + re.escape(name) + edge, text, re.IGNORECASE):
            if not any(s <= m.start() and m.end() <= e for s, e, _, _ in found):  # part of a longer name
                found.append((m.start(), m.end(), m.group(0), entry))
    out: list[tuple[str, str]] = []
    for start, end, written, entry in sorted(found, key=lambda f: f[0]):
        if any(p.search(text[end:end + 40]) for p in rules.name_continues):
            continue  # the name begins another body's ("Conference of the Parties to the … Convention on Climate Change")
        before = text[max(0, start - 40):start]
        markers = rules.submitted_to + (rules.also_submitted_to if out else ())
        if entry.get("duty_station") and any(p.search(before) for p in markers):
            out.append((str(entry["duty_station"]), written))
    return out


def _body_met(text: str, standards: Standards, lang: str, body_id: str) -> tuple[str, str] | None:
    """The duty station and name of another body ``text`` names (standards.yaml, receiving_bodies: a
    treaty body, the Environment Assembly …), for meeting time given to that body ("to provide the
    Committee on the Rights of the Child with additional meeting time"): its sessions meet there."""
    edge = "" if lang == "zh" else r"\b"
    found = [(m.start(), str(entry["duty_station"]), m.group(0))
             for key, entry in standards.receivers.items() if key != body_id and entry.get("duty_station")
             for name in entry.get("names", {}).get(lang, [])
             for m in [re.search(edge + re.escape(name) + edge, text, re.IGNORECASE)] if m]
    return min(found)[1:] if found else None


def _bodies_named(sent: list[tuple[str, str]], station: str) -> str:
    """“General Assembly” and “Economic and Social Council”: the bodies of ``sent`` that meet at ``station``."""
    names = list(dict.fromkeys(f"“{name}”" for at, name in sent if at == station))
    return " and ".join(names)


def _at_stations(activities: list[dict[str, Any]], first: int, sent: list[tuple[str, str]], ref: str,
                 assumptions: list[str]) -> list[dict[str, Any]]:
    """The documents of ``activities[first:]`` again for each further duty station of the bodies they are
    submitted to: bodies meeting at one station share one document, bodies at two stations each have theirs."""
    stations = list(dict.fromkeys(station for station, _ in sent))
    out = [{**act, "id": f"{act['id']}-{station.lower().replace(' ', '-')}", "location": station}
           for station in stations[1:] for act in activities[first:]
           if act["kind"] == "documentation" and act.get("location") == stations[0]]
    assumptions.append(f"paragraph {ref}: submitted to bodies that meet in {' and '.join(stations)} ("
                       + "; ".join(f"{_bodies_named(sent, s)} in {s}" for s in stations)
                       + "): one document processed at each duty station")
    return out


def _at_sessions(activities: list[dict[str, Any]], first: int, listed: list[tuple[int, str]], ref: str,
                 assumptions: list[str]) -> list[dict[str, Any]]:
    """The activities of ``activities[first:]`` again for each later session a clause lists."""
    out = [{**act, "id": f"{act['id']}-{year}", "year": year,
            "funding": act["funding"] if act["funding"] != "regular_budget" else "budget_process"}
           for year, _ in listed[1:] for act in activities[first:]]
    assumptions.append(f"paragraph {ref}: one for each session it names: "
                       + "; ".join(f"{year}, {why}" for year, why in listed))
    return out


def _year_span(text: str, rules: RuleSet, draft_year: int) -> tuple[int, int, str] | None:
    """The first and last of the consecutive years a paragraph lists or spans ("in 2028, 2029 and 2030",
    "在2028-2029两年期内"), with the words; None for one year, years apart or years before the draft's."""
    for pattern in rules.year_spans:
        for m in pattern.finditer(text):
            years = sorted({int(y) for y in re.findall(r"20[0-9]{2}", m.group(0))})
            if len(years) < 2 or years[0] < draft_year:
                continue
            if len(years) == 2 and re.search(r"[-–至]", m.group(0)):
                years = list(range(years[0], years[1] + 1))
            if years == list(range(years[0], years[-1] + 1)):
                return years[0], years[-1], m.group(0).strip()
    return None


def _choose_table(body_id: str, body: dict[str, Any], years: set[int], table: str | None,
                  near: Path | None, draft: Draft, draft_year: int) -> tuple[str, Path | None, str]:
    """The table id, its file, and why it was chosen."""
    if table is not None:
        loaded = resolve_table(table, near=near)
        return loaded.id, Path(loaded.file), f"given with --table ({table})"
    known = installed_tables(near)
    lo, hi = min(years), max(years)
    for entry in vocabulary.body_tables(body_id):
        if entry["id"] not in known or int(entry["from"]) > lo:
            continue
        valid_to = _table(known[entry["id"]]).valid_to
        if valid_to is None or hi <= valid_to.year:
            return str(entry["id"]), known[entry["id"]], str(entry.get("why", ""))
    for entry in vocabulary.body_tables(body_id):  # none covers every year: the first that covers the draft's own
        if entry["id"] in known and int(entry["from"]) <= lo:
            valid_to = _table(known[entry["id"]]).valid_to
            if valid_to is None or lo <= valid_to.year:
                return str(entry["id"]), known[entry["id"]], (f"{entry.get('why', '')}; it holds no rates after "
                                                              f"{valid_to}: later activities are left out")
    for entry in vocabulary.body_tables(body_id):  # all the work is later than every table: the draft's own year's
        if entry["id"] in known and int(entry["from"]) <= draft_year:
            valid_to = _table(known[entry["id"]]).valid_to
            if valid_to is not None and draft_year <= valid_to.year < lo:
                return str(entry["id"]), known[entry["id"]], (f"{entry.get('why', '')}; the draft's work falls in "
                                                              f"{lo}-{hi}, after its last rates ({valid_to}): "
                                                              "left out, listed as not costed")
    listed = ", ".join(f"{e['id']} (from {e['from']})" for e in vocabulary.body_tables(body_id))
    article, span = ("an" if body_id[:1] in "aeiou" else "a"), (str(lo) if lo == hi else f"{lo}-{hi}")
    raise InputError(f"no cost table for {article} {body_id} draft priced in {span} (looked for: {listed}; "
                     f"installed: {', '.join(sorted(known)) or 'none'}); give one with --table",
                     file=draft.file, line=draft.line)


def _table(path: Path) -> Table:
    """A table file, loaded once per run of several drafts (keyed by file and modification time)."""
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    if key not in _TABLES:
        _TABLES[key] = resolve_table(path)
    return _TABLES[key]


_TABLES: dict[tuple[str, int], Table] = {}


#: what a spec keeps of an activity left out for a year after its table (extra.not_costed)
_LATER_QUANTITIES = ("words", "pages", "days", "meetings", "participants", "count", "work_months", "grade", "location",
                     "funding", "section")


def _fit_to_table(requests: list[dict[str, Any]], table: Table, assumptions: list[str],
                  not_costed: list[dict[str, Any]] | None = None) -> None:
    """Every activity of a kind the table prices: a kind it lacks is replaced by the template's first
    ``fallback`` of a kind it has, or left out; an activity in a year after the table's last is left
    out; either way an assumption says so."""
    for request in requests:
        kept: list[dict[str, Any]] = []
        for act in request.get("activities", []):
            tpl = act.pop("_template", {})
            # what the draft states rather than the template's standard
            stated = {k: act[k] for k in ("days", "meetings", "words", "pages") if k in act and str(act[k]) != str(tpl.get(k))}
            if table.valid_to and int(act["year"]) > table.valid_to.year:
                assumptions.append(f"request {request['id']}: table {table.id} holds no rates after {table.valid_to}: "
                                   f"{act['label'].get('en', act['kind'])} in {act['year']} is left out of the "
                                   "estimate; price it with a table for that year (--table)")
                if not_costed is not None:  # the note says it too (extra.not_costed)
                    # with what the draft states of it, for the officer to price it later
                    said = {k: act[k] for k in _LATER_QUANTITIES if k in act}
                    not_costed.append({"paragraphs": list(request.get("operative_paragraphs", [])),
                                       "label": dict(act["label"]), "year": int(act["year"]),
                                       "rates_to": str(table.valid_to), "activity": {"kind": act["kind"], **said}})
                continue
            if act["kind"] in table.activities:
                kept.append(act)
                continue
            label = act["label"].get("en", act["kind"])
            for alternative in tpl.get("fallback", []):
                if alternative.get("when") and not act.get(alternative["when"]):
                    continue  # an alternative for what the draft states ("with interpretation") only
                if alternative["kind"] in table.activities:
                    if "participants" in act and "trips" in alternative:
                        alternative = {**alternative, "trips": act["participants"]}
                    if "days" in act and "dsa_days" in alternative:  # the meeting days and one travel day
                        alternative = {**alternative, "dsa_days": _plus_one(act["days"])}
                    # the grade and months the paragraph gave stay (a new post priced as staff)
                    alternative = {**alternative, **{k: act[k] for k in ("grade", "work_months")
                                                     if k in act and k in alternative}}
                    for key in ("words", "pages", "days", "participants", "work_months", "languages", "grade",
                                "interpretation", "copies", "documents", "meetings", "trips", "dsa_days", "continuing"):
                        act.pop(key, None)
                    act.update({k: v for k, v in alternative.items() if k not in ("basis", "funding", "when")})
                    if alternative["kind"] not in ("travel", "dsa"):  # the length the draft states stays
                        act.update(stated)
                        if "meetings" in stated:
                            act.pop("days", None)
                    kept.append(act)
                    assumptions.append(f"request {request['id']}: table {table.id} prices no {tpl['kind']}: "
                                       f"{label} is priced as {alternative['kind']} ({alternative.get('basis', '')})")
                    break
            else:
                assumptions.append(f"request {request['id']}: table {table.id} prices no {act['kind']}: {label} "
                                   "is left out of the estimate; price it by hand")
        if "activities" in request:
            request["activities"] = kept
            if not kept:
                del request["activities"]


def _request_text(text: str, lang: str) -> str:
    text = text.strip().rstrip("；;。.，,：: ")
    if lang == "en":
        # "Requests the Secretary-General" → "Request the Secretary-General" (the note says "would: (a) Request …")
        text = re.sub(r"^((?:Also|Further|Further also|Again)\s+)?([A-Z]?[a-z]+)\b",
                      lambda m: (m.group(1) or "") + _infinitive(m.group(2)), text, count=1)
    return text


def _infinitive(verb: str) -> str:
    """Requests → Request, Decides → Decide, Stresses → Stress, Establishes → Establish."""
    if verb.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb


def _quote(words: str, limit: int = 48) -> str:
    """The trigger words as quoted in an assumption: long matches keep their two ends."""
    words = words.strip()
    if len(words) <= limit:
        return f"“{words}”"
    half = limit // 2
    return f"“{words[:half]}…{words[-half:]}”"


def _letters(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(97 + r) + s
    return s


def _expert_body(results: Sequence[ParagraphResult], rules: RuleSet, lang: str) -> tuple[str, str, str, str] | None:
    """The body of independent experts the draft creates ("a Working Group …, composed of five
    independent experts"): (its kind as the draft calls it, lower case; its members, "" if not counted; the
    words; the paragraph)."""
    for result in results:
        for text in result.texts:
            for pattern in rules.expert_bodies:
                m = pattern.search(text)
                if m:
                    noun = re.match(r"工作组|专家组|小组|委员会|机制", m.group(0)) if lang == "zh" else \
                        re.match(r"\w+(?: group| de travail| d['’]experts| de trabajo| de expertos| группа| экспертов)?", m.group(0))
                    counted = m.group(1) if m.lastindex else None
                    cardinal = {"zh": cn_number, "fr": fr_cardinal, "es": es_cardinal, "ru": ru_cardinal, "ar": ar_cardinal}.get(
                        lang, en_cardinal)
                    n = cardinal(counted.lower()) if counted else None
                    return (noun.group(0).lower() if noun else "", str(n) if n else "", m.group(0), result.ref)
    return None


def _draft_year(draft: Draft, operative: str, body: dict[str, Any], rules: RuleSet, standards: Standards,
                this_year: int, context_year: int | None, asking: str = "") -> tuple[int, str]:
    """The draft's own year and why: the session its masthead names; else the latest dated event its
    operative paragraphs name (a bare year may be a goal, 2030; the preamble's dates are of what it
    recalls, never the draft's own); else the year before the earliest session it asks something
    for; else its document's year, or this year."""
    masthead = _masthead_year(draft, standards, body)
    if masthead:
        return masthead
    named = [y for y in _years(operative, rules, dated=True) if 1990 <= y <= this_year]
    if named and context_year and context_year > max(named):
        return context_year, (f"the latest year its document names ({context_year}); "
                              f"the draft itself names {max(named)}")
    if named:
        return max(named), f"the latest dated event its operative paragraphs name ({max(named)})"
    if context_year:
        return context_year, f"the latest year its document names ({context_year})"
    # only a paragraph that asks for something dates the draft by its session: a report taken note
    # of ("the Statistical Commission on its fifty-seventh session") is of another body's past
    session = _session_year(asking, body, rules, draft.language, standards)
    if session and session[0] <= this_year + 1:
        return session[0] - 1, f"it asks for work for a session held in {session[0]} ({session[1]})"
    bare = [y for y in _years(operative, rules) if 1990 <= y <= this_year + 1]
    if bare:
        return min(bare) - 1, f"the earliest year its operative paragraphs name for the work ({min(bare)}), less one"
    return this_year, f"the draft names no year of its own: this year ({this_year}) is assumed"


#: the longest an activity of one year can last, in days
_YEAR_DAYS = 366


def _paragraph_of(loc: tuple[int | str, ...], requests: list[dict[str, Any]],
                  results: Sequence[ParagraphResult]) -> tuple[str, int] | None:
    """The operative paragraph (number, line) whose request holds the invalid field ``loc``."""
    if len(loc) < 2 or loc[0] != "requests" or not isinstance(loc[1], int) or loc[1] >= len(requests):
        return None
    number = requests[loc[1]]["operative_paragraphs"][0]
    return next(((number, r.paragraph.line) for r in results if r.ref == number), None)


def _label(tpl: dict[str, Any], template: str, text: str, rules: RuleSet) -> dict[str, str]:
    """The activity's label: the rules' name for what the paragraph asks (a summary report, a
    report of the High Commissioner), else the template's."""
    for pattern, name, label in rules.report_labels:
        if name == template and pattern.search(text):
            return {**dict(tpl.get("label", {})), **label}
    return dict(tpl.get("label", {}))


def _plus_one(days: Any) -> str:
    """``3`` → ``"4"``, ``0.5`` → ``"1.5"``: a meeting's days and one day of travel."""
    value = Decimal(str(days)) + 1
    return str(value.quantize(Decimal(1)) if value == value.to_integral_value() else value)


def _quantities(template_activity: dict[str, Any], body_id: str = "") -> dict[str, Any]:
    """The quantities and services of a template's activity; a value given by body
    (``verbatim_records: {general-assembly: true}``) is the adopting body's, or left out."""
    keys = ("words", "pages", "days", "participants", "work_months", "languages", "grade", "interpretation",
            "copies", "documents", "meetings", "verbatim_records", "summary_records", "webcasting")
    out: dict[str, Any] = {}
    for k in keys:
        value = template_activity.get(k)
        if isinstance(value, dict):
            value = value.get(body_id, value.get("default"))
        if value is not None:
            out[k] = value
    return out


def propose_spec(draft: Draft, *, table: str | None = None, near: Path | None = None,
                 rules: RuleSet | None = None, standards: Standards | None = None,
                 today: dt.date | None = None, context_year: int | None = None) -> Proposal:
    """The spec pbi proposes for ``draft``: it validates, and ``pbi cost`` prices it as it is."""
    rules = rules or load_rules(draft.language)
    standards = standards or load_standards()
    lang = draft.language
    results = classify_draft(draft, rules, standards)
    body_id, body_why = _body_of(draft, standards)
    body = standards.bodies.get(body_id, {})
    assumptions: list[str] = []
    receiving = _receiving_opening(draft, standards)
    if receiving and body.get("duty_station") != receiving[2] and not any(
            name.lower() in draft.body.lower() and name.lower() not in receiving[1].lower()
            for name in body.get("names", {}).get(lang, [])):
        # a body pbi prices no statement for (priced as the General Assembly's) meets where it meets: its
        # meetings, and the documents it asks for itself, are at its duty station
        body = {**body, "duty_station": receiving[2]}
        body_why += f"; that body meets in {receiving[2]}: its meetings and documents are priced there"

    operative_text = " ".join(" ".join(r.texts) for r in results)
    asking_text = " ".join(" ".join(r.texts) for r in results if r.classification.has_implications)
    draft_year, year_why = _draft_year(draft, operative_text, body, rules, standards,
                                       (today or dt.date.today()).year, context_year, asking_text)
    # the budget a draft's costs fall in: for the Assembly, which appropriates, the next year's unless the draft is
    # of a spring or summer (resumed) session; its statement asks an appropriation under the budget it adopts in
    # December (43 of the corpus's 47 statements of 2019-2026 cost the year after their document, as TR-0156
    # A/C.5/79/16). Other bodies' drafts are costed in their own year's budget and later years' budget process.
    early = draft.dated == draft_year and draft.dated_month is not None and draft.dated_month <= _EARLY_MONTHS
    known_body = vocabulary.body(body_id)
    period = period_of(draft_year + 1 if known_body.appropriates and not early else draft_year)
    rule = known_body.rule
    assumptions.append(f"body: {body_id} ({body_why}); " + (f"rule {rule} of its rules of procedure" if rule else
                       "its rules of procedure: the rule number is not verified (model/vocabulary.yaml), check it"))
    own = _own_cadence(draft) if body_id not in {b for b in standards.bodies if _body_named(draft, standards.bodies[b])} else None
    if own is not None:  # its sessions: "提交工作组第十八届会议" a year after its seventeenth
        body = {**body, "names": {lang: [draft.body]}, "session_year": own}
        assumptions.append(f"the {draft.body} is taken to meet once a year: its masthead's {draft.session} is of "
                           f"{own['first']}")
    elif own_sessions := next((o for o in standards.sessions.values() if _body_named(draft, o)), None):
        # a commission whose sessions pbi knows adopts the draft: "委员会第六十八届会议" is one of its own
        body = {**body, "names": {lang: [draft.body]}, "session_year": own_sessions["session_year"]}
        assumptions.append(f"the sessions the draft names without a body are those of the {draft.body}, which adopts it")
    period_said = len(assumptions)  # the line that says the period, lowered below if the work comes sooner
    assumptions.append(f"the draft is of {draft_year}, {year_why}; budget period {period}")

    experts = _expert_body(results, rules, lang)
    invitations = [(r.ref, r.classification.invitation) for r in results
                   if r.classification.cls == "invitation" and r.classification.invitation]
    requests: list[dict[str, Any]] = []
    produced: dict[str, str] = {}  # template → the paragraph that first priced it
    years_used: set[int] = set()
    paragraph_log: list[dict[str, Any]] = []
    for result in results:
        c = result.classification
        entry: dict[str, Any] = {"paragraph": result.ref, "class": c.cls}
        if c.matches:
            entry["rules"] = [m.rule.id for m in c.matches]
            entry["words"] = [m.words for m in c.matches]
        if c.why and not c.has_implications:
            entry["why"] = c.why
            if c.why.startswith(UNNAMED_REQUEST):
                assumptions.append(f"paragraph {result.ref} asks the secretariat for work no rule names "
                                   f"({_quote(result.paragraph.text)}): not priced; check it, and price it by hand if it "
                                   "has implications")
        if c.condition:
            entry["condition"] = c.condition
        paragraph_log.append(entry)
        if not c.has_implications:
            continue
        rid = _letters(len(requests))
        request: dict[str, Any] = {"id": rid, "operative_paragraphs": [result.ref],
                                   "text": {lang: _request_text(result.paragraph.text, lang)}}
        if result.paragraph.items:
            request["items"] = [{lang: _request_text(i.all_text(), lang)} for i in result.paragraph.items]
        conditional = c.cls == "extrabudgetary"
        absorbed = c.cls == "absorbed"
        if conditional:
            request["conditional"] = True
        actor = _actor(result.paragraph.all_text(), standards, lang, body)
        # no office named, in a body with no section of its own: the office whose subject the work is
        subject = None if actor or body.get("section") else _subject_actor(
            [("the paragraph", result.paragraph.all_text()), ("its agenda item", draft.agenda_title or "")],
            standards, lang, body)
        activities: list[dict[str, Any]] = []
        for match in c.matches:
            template = standards.templates.get(match.rule.template or "", {})
            members: tuple[str, str] | None = None
            if match.rule.template == "session" and experts is not None and experts[0] in result.paragraph.all_text().lower() \
                    and "expert_sessions" in standards.templates:
                # the sessions of the body of independent experts the draft creates: its members meet
                template = standards.templates["expert_sessions"]
                members = (experts[1], experts[2]) if experts[1] else None
                assumptions.append(f"paragraph {result.ref}: {_quote(match.words)} → "
                                   f"{template.get('label', {}).get('en', '')}: paragraph {experts[3]} creates it as a "
                                   f"body of independent experts ({_quote(experts[2])}), not an intergovernmental one")
            text = next((t for t in result.texts if match.words in t), result.texts[0])
            counted = _participants(text, rules)
            alternative = (template.get("when_stated") or {}).get("participants") if counted else None
            if not template.get("activities") and alternative in standards.templates:
                assumptions.append(f"paragraph {result.ref}: {_quote(match.words)} counts its participants "
                                   f"(“{counted[1] if counted else ''}”): priced as "
                                   f"{standards.templates[alternative].get('label', {}).get('en', alternative)}")
                template = standards.templates[alternative]
            if same := same_document(match.rule.template or "", template, c.matches, text, rules):
                # "to prepare a study … and to submit a report thereon": the study is issued as that report
                other = standards.templates.get(same[0], {}).get("label", {}).get("en", same[0])
                assumptions.append(f"paragraph {result.ref}: {_quote(match.words)} is the document of the {other} the "
                                   f"paragraph asks for (“{same[1]}”): one document, priced with the {other}")
                continue
            if not template.get("activities"):
                basis = template.get("basis", "")
                assumptions.append(f"paragraph {result.ref}: {_quote(match.words)} → "
                                   f"{template.get('label', {}).get('en', match.rule.id)}: {basis}")
                continue
            earlier = produced.get(match.rule.template or "")
            back = next((w for w in rules.anaphora if w in match.words), None)
            if earlier and back and match.rule.template in _OBJECT_TEMPLATES:
                assumptions.append(f"paragraph {result.ref}: {_quote(match.words)} refers back (“{back}”) to the "
                                   f"{template.get('label', {}).get('en', '')} of paragraph {earlier}: priced there once")
                continue
            host = _PRICED_WITH.get(match.rule.template or "")
            host_ref = next((r.ref for r in results for m in r.classification.matches if host and
                             m.rule.template == host and r.classification.has_implications), None)
            beyond: list[tuple[str, str]] = []
            if host_ref is not None:
                # the mandate's own report is processed where it is; a report also sent to a body that meets
                # elsewhere ("to the Human Rights Council and to the General Assembly") is priced here, there
                hosted = {a.get("location") for q in requests if q["operative_paragraphs"][0] == host_ref
                          for a in q.get("activities", []) if a["kind"] == "documentation"} or \
                    {(actor or body).get("duty_station")}
                beyond = [(station, name) for station, name in _destinations(text, standards, rules, lang, body_id)
                          if station not in hosted]
                assumptions.append(f"paragraph {result.ref}: {_quote(match.words)} → "
                                   f"{template.get('label', {}).get('en', '')}: priced with the mandate of paragraph "
                                   f"{host_ref}, which includes its reports" + (
                                       f"; its report to the {_bodies_named(beyond, beyond[0][0])}, processed in "
                                       f"{beyond[0][0]}, is priced here" if beyond else ""))
                if not beyond:
                    continue
            produced.setdefault(match.rule.template or "", result.ref)
            year, why = draft_year + 1, f"the year after the draft ({draft_year + 1})"
            if early and draft.dated_month:  # a draft of January–July (a spring or summer session) starts its work that year
                year, why = draft_year, (f"the year of the draft ({draft_year}): its masthead is dated "
                                         f"{dt.date(draft_year, draft.dated_month, 1):%B} {draft_year}")
            # the clause of the request ("to convene in 2028 a meeting…, and to submit to the Assembly at its
            # eighty-fourth session a report"): its own year or session dates it, else the paragraph's
            # (a clause dated before the paragraph's own year is not its request's: a report on a workshop of
            # 2027 "for the Council at its fifty-eighth session" follows the workshop)
            # (a report priced here for the body that meets elsewhere: the clause that names that body)
            clause = _clause(text, beyond[0][1] if beyond else match.words, rules)
            explicit, session, stated = _dating(text, body, rules, lang, standards, draft_year, year)
            if clause != text:
                in_clause = _dating(clause, body, rules, lang, standards, draft_year, year)
                clause_year, whole_year = _dated_year(*in_clause), _dated_year(explicit, session, stated)
                if clause_year is not None and (whole_year is None or clause_year >= whole_year):
                    explicit, session, stated = in_clause
            # "at its eighty-fourth and eighty-sixth sessions": one activity for each session
            listed = _listed_sessions(clause, body, rules, lang, standards, draft_year)
            if listed:
                session = (listed[0][0], listed[0][1], listed[0][0])
            notes = " ".join(result.paragraph.notes)  # its footnotes: read for what the paragraph leaves out
            noted = False
            if notes and not (explicit or session or stated):
                explicit = [y for y in _years(notes, rules) if draft_year <= y <= draft_year + _HORIZON]
                session = _session_year(notes, body, rules, lang, standards)
                stated = _activity_year(notes, rules, draft_year, year, session[0] if session else None)
                noted = bool(explicit or session or stated)
            if stated:  # the year of the activity itself wins over a session's
                year, why = stated[0], stated[1] + (f", not the year of {session[1].split(' is held')[0]} "
                                                    f"({session[0]})" if session and session[0] != stated[0] else "")
            elif explicit:
                year, why = max(explicit), f"the paragraph names {max(explicit)}"
            elif session and draft_year <= session[0] <= draft_year + _STATED_HORIZON:
                year, why = session[0], session[1]
            elif session and session[0] < draft_year <= session[2]:  # before a session of the draft's own year
                year, why = draft_year, f"{session[1]}, in {draft_year}, the year of the draft"
            elif session and session[0] > draft_year + _STATED_HORIZON:
                # a session after the periods a note looks at: its year, for the note to say it is not costed now
                year, why = session[0], f"{session[1]}, after the budget periods the draft's note covers"
            elif dated := _year_of_body(text, template, lang, results, result.ref, rules, draft_year, year):
                year, why = dated
            if far := sorted({y for y in _years(text, rules) if y > draft_year + _STATED_HORIZON and y != year}):
                # "in 2031" in a draft of 2027: a goal more often than a date; said, for the user to check
                why += (f"; the paragraph also names {', '.join(map(str, far))}, further ahead than a note "
                        "dates work: taken as a goal, not the activity's year (set `year:` if it is)")
            count = _count(text, rules)
            place, days = _place(text, rules), _days(text, rules)
            participants = _participants(text, rules)
            months = _months(text, rules)
            grade = _grade(text, rules)
            length = _length(text, rules)
            if notes and not (place and days and participants and length):
                stated_here = (place, days, participants, length)
                place, days = place or _place(notes, rules), days or _days(notes, rules)
                participants, length = participants or _participants(notes, rules), length or _length(notes, rules)
                noted = noted or stated_here != (place, days, participants, length)
            if noted:
                assumptions.append(f"paragraph {result.ref}: what it does not state is read from its footnote "
                                   f"({_quote(notes, 80)})")
            participants = participants or members
            if days and Decimal(days[0]) > _YEAR_DAYS:
                raise SpecError(f"paragraph {result.ref}: {_quote(days[1])}: an activity of one year lasts at most "
                                f"{_YEAR_DAYS} days", file=draft.file, line=result.paragraph.line)
            meetings_said = _meetings(text, rules)
            if count and meetings_said and re.search(r"meetings?\b|会议$", count[1]) and \
                    str(count[0]) == meetings_said[0]:
                count = None  # "convene three meetings of three hours each": three meetings, not three times three
            often = _times_a_year(clause, rules) or _times_a_year(text, rules)
            again = None if listed else _recurrence(text, rules)
            if again is None and not listed and (each := next((m.group(0) for pattern in rules.each_year_listed
                                                            if (m := pattern.search(text))), None)) \
                    and _year_span(text, rules, draft_year):
                again = (1, None, each)  # "in each of the years 2028, 2029 and 2030": one a year listed
            if again is None and not listed and count and count[0] > 1 \
                    and any(tpl.get("per_session") for tpl in template["activities"]) \
                    and (span := _year_span(text, rules, draft_year)) and span[1] - span[0] + 1 == count[0]:
                # "two sessions … in 2028 and 2029": as many sessions as years listed, one in each
                again, count = (1, count[0], f"{count[1]} … {span[2]}"), None
                if year != span[0]:
                    year, why = span[0], f"the first of the years the paragraph lists (“{span[2]}”)"
            if again and again[0] == 1 and not again[1]:
                # "ten working days each year in 2028, 2029 and 2030": as many years as it lists
                span = _year_span(text, rules, draft_year)
                if span:
                    again = (1, span[1] - span[0] + 1, f"{again[2]} … {span[2]}")
                    if year != span[0]:  # the first of the years listed, not the last named
                        year, why = span[0], f"the first of the years the paragraph lists (“{span[2]}”)"
            if template.get("for_each_year_of_mandate") and not listed and (again is None or (
                    again[0] == 1 and not again[1])) and (lasts := _lasting(text, rules)) and lasts[0] > 1:
                # "renews the mandate … for a further period of three years": its yearly work in each year
                again = (1, lasts[0], lasts[1])
            # the bodies a document of the request is submitted to (its clause's, else the paragraph's), each
            # with the duty station where the document is processed; none for a meeting's own report
            holds_meeting = any(a["kind"] in _MEETING_KINDS for a in template["activities"])
            sent = [] if holds_meeting else beyond or (
                _destinations(clause, standards, rules, lang, body_id) or _destinations(text, standards, rules, lang, body_id))
            # a body's own report: where its session is held, or at its seat (standards.yaml, processed_where_issued)
            issued = issued_at(text, template, standards, rules, lang, place if holds_meeting else None)
            first_act = len(activities)
            engaged = next((m for m in c.matches if m.rule.template in _STAFF_TEMPLATES), None)
            for n, tpl in enumerate(template["activities"], start=1):
                if tpl["kind"] == "staff" and match.rule.template == "study" and engaged is not None:
                    # "to prepare a study, and to engage a consultant for that purpose": the study's work is
                    # the consultant's (or the temporary assistance's) the paragraph asks for, priced once
                    assumptions.append(f"paragraph {result.ref}: the staff time of the study is the "
                                       f"{(engaged.rule.template or '').replace('_', ' ')} the paragraph asks for "
                                       f"({_quote(engaged.words)}): not priced twice")
                    continue
                funding_kind = tpl.get("funding", "regular")
                if isinstance(funding_kind, dict):  # by the office asked, else by body, else default
                    funding_kind = funding_kind.get((actor or {}).get("section", ""),
                                                    funding_kind.get(body_id, funding_kind.get("default", "regular")))
                if absorbed:
                    funding = "existing_resources"
                elif conditional or (funding_kind == "regular" and tpl["kind"] == "staff" and invitations):
                    funding = "extrabudgetary"
                elif funding_kind == "regular":
                    funding = "regular_budget" if year in period else "budget_process"
                elif funding_kind == "existing":
                    funding = "existing_resources"
                else:
                    funding = str(funding_kind)
                act: dict[str, Any] = {"_template": tpl, "id": f"{rid}-{match.rule.template}-{n}".replace("_", "-"),
                                       "kind": tpl["kind"], "label": _label(tpl, match.rule.template or "", text, rules),
                                       **_quantities(tpl, body_id), "year": year, "funding": funding}
                if tpl.get("object"):  # the object of expenditure the template's kind falls under
                    act["object"] = tpl["object"]
                conference = tpl["kind"] in _CONFERENCE_KINDS and body.get("conference_section")
                if funding in ("regular_budget", "budget_process"):
                    # meetings and documents are conference services (the body's conference section);
                    # other work is under the section of the office the paragraph names, or the
                    # template's, or the body's own; a body without one (the General Assembly) names
                    # none: staff are never put under conference services
                    if conference:
                        act["section"] = body["conference_section"]
                    elif tpl.get("section"):
                        act["section"] = tpl["section"]
                    elif (actor or body).get("section"):
                        act["section"] = (actor or body)["section"]
                    elif subject is not None and match.rule.template == "expert_meeting":
                        act["section"] = subject["section"]  # the expert group meeting of that office
                meeting = tpl["kind"] in _MEETING_KINDS
                met = None if place or match.rule.template != "during_session" else \
                    _body_met(text, standards, lang, body_id)
                if meeting and met:
                    # meeting time given to another body (a treaty body) is serviced where that body meets
                    act["location"] = met[0]
                    assumptions.append(f"paragraph {result.ref}: the meeting time is that of the {met[1]}, which "
                                       f"meets in {met[0]}")
                elif meeting:
                    act["location"] = place[0] if place else (actor or body).get("duty_station", "Vienna")
                elif tpl["kind"] == "documentation" and issued is not None:
                    # a body's own report, processed where its session is held or at its seat (a report of a
                    # session at Geneva, or of a subsidiary body of the Human Rights Council, in Geneva)
                    act["location"] = issued[0]
                elif tpl["kind"] == "documentation" and sent:
                    # a document is processed where the body it is submitted to meets (a Council's report to
                    # the General Assembly in New York); the office named still sets its section
                    act["location"] = sent[0][0]
                elif tpl["kind"] in _PROCESSED_AT_HOME and (actor or body).get("duty_station"):
                    # documents are processed, and staff work, at the duty station of the office that
                    # writes them or of the body (a Council's report in Geneva), priced at its rates
                    act["location"] = (actor or body)["duty_station"]
                if meeting and days and "days" in act:
                    act["days"] = days[0]
                if tpl["kind"] in ("meeting", "meeting_during_session", "meeting_full_cost") and meetings_said:
                    act["meetings"] = meetings_said[0]  # counted meetings, not meeting days
                    act.pop("days", None)
                services = [(service, m.group(0)) for pattern, service in rules.meeting_services
                            if tpl["kind"] in ("meeting", "meeting_during_session", "meeting_full_cost")
                            and not act.get(service) and (m := pattern.search(text))]
                act.update({service: True for service, _ in services})
                if tpl["kind"] in ("documentation", "publication") and length:
                    act.pop("words", None)
                    act.pop("pages", None)
                    act[length[0]] = length[1]
                if tpl["kind"] == "expert_meeting" and participants:
                    act["participants"] = participants[0]
                if tpl["kind"] == "expert_meeting" and any(p.search(text) for p in rules.interpretation_stated):
                    act["interpretation"] = True  # an intergovernmental meeting (_fit_to_table prices its services)
                    if act.get("section") and body.get("conference_section"):
                        act["section"] = body["conference_section"]  # its services are conference services
                if tpl.get("per_session") and count and count[0] > 1:
                    act["count"] = count[0]
                elif often and tpl["kind"] in ("documentation", *_MEETING_KINDS) and act.get("count", 1) == 1:
                    act["count"] = often[0]  # "every 120 days": three reports in the year
                staff = match.rule.template in ("temporary_assistance", "consultant", "new_post")
                if staff and months:
                    act["work_months"] = months[0]
                if staff and grade and "grade" in act:
                    act["grade"] = grade[0]
                activities.append(act)
                years_used.add(year)
                posts = _grades(text, rules) if match.rule.template == "new_post" and "grade" in act else []
                # "two new posts at the P-4 level": two posts of the one grade the paragraph names
                several = _number_in(text, rules.post_phrases, rules.post_numbers) \
                    if match.rule.template == "new_post" else None
                if len(posts) > 1:  # the posts at each grade the paragraph names, one unless it counts them
                    activities.extend({**act, "id": f"{act['id']}-{i}", "grade": g}
                                      for i, (g, _, _) in enumerate(posts[1:], start=2))
                    for post, (_, _, of_grade) in zip(activities[-len(posts):], posts, strict=True):
                        if of_grade is not None and of_grade != "1":
                            post["posts"] = of_grade
                elif several:
                    act["posts"] = several[0]
                said = [f"paragraph {result.ref}: {_quote(match.words)} → {act['label'].get('en', tpl['kind'])} "
                        f"({tpl['kind']}): {tpl.get('basis', 'template ' + str(match.rule.template))}",
                        f"in {year} ({why})", f"funded from {vocabulary.funding_source(funding).resources('en')}"
                        + (f" ({_quote(c.condition)})" if (conditional or absorbed) and c.condition else
                           " (technical assistance and new work are met from what the draft invites: "
                           f"paragraph {invitations[0][0]}, {_quote(invitations[0][1])})" if funding == "extrabudgetary"
                           and invitations and not conditional else "")]
                if "location" in act and tpl["kind"] == "documentation" and issued is not None:
                    said.append(f"in {act['location']} ({issued[1]}: a body's report is processed where it is issued)")
                elif "location" in act and tpl["kind"] == "documentation" and sent:
                    said.append(f"in {act['location']} (submitted to the {_bodies_named(sent, act['location'])}: a "
                                "document is processed where the body it is submitted to meets)")
                elif "location" in act:
                    said.append(f"in {act['location']}" + (f" (“{place[1]}”)" if place and place[0] == act["location"]
                                                           else f" (the duty station of the {actor['named']})" if actor
                                                           else " (the body's duty station)"))
                    elsewhere = None if place else _unpriced_place(text, rules)
                    if elsewhere:
                        said.append(f"the paragraph names another venue (“{elsewhere}”), where no table prices "
                                    f"meetings: priced as if in {act['location']}; the travel there is not priced "
                                    "(price it by hand)")
                if "section" in act and tpl["kind"] in _CONFERENCE_KINDS and body.get("conference_section"):
                    said.append(f"under {act['section']} (meetings and documentation are conference services)")
                elif "section" in act and actor:
                    said.append(f"under {act['section']} (the paragraph names the {actor['named']})")
                elif "section" in act and subject is not None and act["section"] == subject["section"] \
                        and tpl["kind"] not in _CONFERENCE_KINDS:
                    said.append(f"under {act['section']}: the paragraph names no office, and {subject['where']} is "
                                f"of the subject of the {subject['names'][lang][0]} (“{subject['named']}”): check it")
                if meeting and days and "days" in act:
                    said.append(f"{act['days']} day{'' if act['days'] == '1' else 's'} (“{days[1]}”)")
                if "meetings" in act and meetings_said:
                    said.append(f"{act['meetings']} meetings (“{meetings_said[1]}”)")
                said.extend(f"with {service.replace('_', ' ')} (“{words}”)" for service, words in services)
                if tpl["kind"] in ("documentation", "publication") and length:
                    said.append(f"{int(length[1]):,} {length[0]} as the paragraph states (“{length[2]}”), not the standard"
                                + (", priced at the table's words per page" if length[0] == "pages" else ""))
                if "section" not in act and tpl["kind"] not in _CONFERENCE_KINDS and funding in (
                        "regular_budget", "budget_process"):
                    said.append("section not stated (the paragraph names no office whose section it is)")
                if staff and months:
                    said.append(f"{act['work_months']} work-months (“{months[1]}”)")
                if len(posts) > 1:
                    said.append("the posts at each grade the paragraph names: "
                                + ", ".join(f"{k or 1} at {g} (“{w}”)" for g, w, k in posts))
                    by_grades = sum(int(k or 1) for _, _, k in posts)
                    if several and int(several[0]) != by_grades and not _grades(several[1], rules):  # a total
                        said.append(f"the paragraph says {several[0]} posts (“{several[1]}”) but its grades count "
                                    f"{by_grades}: check it")
                elif staff and grade and "grade" in act:
                    said.append(f"at the {act['grade']} level (“{grade[1]}”)")
                if several and len(posts) <= 1:
                    said.append(f"{several[0]} posts (“{several[1]}”)")
                if tpl["kind"] == "expert_meeting" and participants:
                    said.append(f"{participants[0]} participants (“{participants[1]}”)")
                if "count" in act and not count and often:
                    said.append(f"{act['count']} times in the year (“{often[1]}”)")
                elif "count" in act:
                    said.append(f"{act['count']} sessions (“{count[1] if count else ''}”)")
                assumptions.append("; ".join(said))
                if match.rule.template == "new_post" and year + 1 <= draft_year + _HORIZON:
                    later = _continued_posts(activities[-max(len(posts), 1):], year + 1, period)
                    activities.extend(later)
                    years_used.add(year + 1)
                    assumptions.append(f"paragraph {result.ref}: the post{'s' if len(later) > 1 else ''} established "
                                       f"in {year} continue{'' if len(later) > 1 else 's'} in {year + 1} at full "
                                       "cost, without the first-year vacancy factor")
            parts = _meeting_parts(text, rules) if any(
                a["kind"] in _MEETING_KINDS for a in activities[first_act:]) else []
            if too_long := next((d for d, *_ in parts if Decimal(d[0]) > _YEAR_DAYS), None):
                raise SpecError(f"paragraph {result.ref}: {_quote(too_long[1])}: an activity of one year lasts at "
                                f"most {_YEAR_DAYS} days", file=draft.file, line=result.paragraph.line)
            if parts:  # "an organizational session of two days in New York …, the first in Geneva in 2028 …"
                activities[first_act:] = _each_meeting(activities[first_act:], parts, period, result.ref, assumptions,
                                                       rules, bool(template.get("processed_where_issued")))
                years_used.update(a["year"] for a in activities[first_act:])
                again, listed = None, []
            documents = [a for a in activities[first_act:] if a["kind"] == "documentation"]
            if documents and not parts and (held := _listed_meeting(text, results, result.ref, rules)) is not None:
                # "a background note for the first substantive session of the preparatory committee": processed
                # where and when that session is held, as the paragraph that lists it says
                for act in documents:
                    if held[0] is not None:
                        act["location"] = held[0][0]
                    if held[1] is not None:
                        _date_in(act, held[1], period)
                        years_used.add(held[1])
                assumptions.append(f"paragraph {result.ref}: its document is for {_quote(held[2])}, which paragraph "
                                   f"{held[3]} holds" + (f" in {held[0][0]}" if held[0] else "")
                                   + (f" in {held[1]}" if held[1] else "") + ": processed there and then")
            if len({station for station, _ in sent}) > 1:
                activities.extend(_at_stations(activities, first_act, sent, result.ref, assumptions))
            if again:
                activities.extend(_repeat(activities, first_act, again, year, draft_year, result.ref, assumptions))
            elif listed:
                activities.extend(_at_sessions(activities, first_act, listed, result.ref, assumptions))
            for pattern, service in rules.unpriced_services:
                m = pattern.search(text)
                if m and template["activities"]:
                    assumptions.append(f"paragraph {result.ref}: {service} is asked for (“{m.group(0)}”): no "
                                       "cost table prices it; price it by hand")
        if activities:
            request["activities"] = activities
        requests.append(request)
    if not requests:
        assumptions.append("no operative paragraph asks for anything with resource implications")
    for ref, words in invitations:
        assumptions.append(f"paragraph {ref} invites donors ({_quote(words)}): it asks nothing of the secretariat")

    if years_used and min(years_used) < period.years[0]:
        # work the draft dates in its own year (its session's, "in 2011") is costed in that year's period
        period = period_of(draft_year)
        assumptions[period_said] += f" (work in {min(years_used)}: budget period {period})"
        for act in (a for r in requests for a in r.get("activities", [])):
            _date_in(act, act["year"], period)
    table_id, table_path, table_why = _choose_table(body_id, body, years_used or {draft_year}, table, near, draft, draft_year)
    cost_table = _table(table_path) if table_path else resolve_table(table_id, near=near)
    not_costed: list[dict[str, Any]] = []
    _fit_to_table(requests, cost_table, assumptions, not_costed)
    assumptions.insert(2, f"cost table {table_id}: {table_why}; it must hold rates for "
                          f"{', '.join(str(y) for y in sorted(years_used or {draft_year}))}")
    number = draft.number or ""
    value = cn_number(number) if number else None
    if value:
        number = roman(value)
    kind_word = "decision" if draft.kind == "decision" else "resolution"
    title = draft.title
    if not title and draft.agenda_title:
        title = draft.agenda_title
        assumptions.append(f"the draft prints no title: it takes its agenda item's, “{title}” (the masthead): "
                           "check it")
    data: dict[str, Any] = {
        "symbol": draft.symbol or f"draft {kind_word} {number}".strip(),
        "draft_kind": draft.kind,
        "title": {lang: title or f"draft {kind_word} {number}".strip()},
        "body": body_id,
        "rule": rule,
        "budget_period": str(period),
        "table": table_id,
        "operative_paragraphs": [r["operative_paragraphs"][0] for r in requests],
        "requests": requests,
        "extra": {"assumptions": assumptions, "paragraphs": paragraph_log,
                  "source": {"file": Path(draft.file).name, "line": draft.line, "label": draft.label}},
    }
    if not_costed:
        data["extra"]["not_costed"] = not_costed
    if draft.session:
        data["session"] = {lang: draft.session}
    if draft.dated and draft.dated_month and draft.dated_day:
        with contextlib.suppress(ValueError):  # "31 June": no date, said nowhere but in the draft
            data["dated"] = issued_on = dt.date(draft.dated, draft.dated_month, draft.dated_day)
            assumptions.append(f"the statement is dated {issued_on.day} {issued_on:%B %Y}, as the draft's masthead"
                               + (f": before the budget period {period}, whose budget is still the proposed "
                                  "programme budget" if issued_on.year < period.years[0] else ""))
    if draft.agenda_items:
        topic = draft.agenda_title or (draft.title.split(":")[0].strip() if draft.title else "")
        data["agenda_items"] = [{"number": n, "title": {lang: topic or draft.title}} for n in draft.agenda_items]
        if not draft.agenda_title:
            assumptions.append(f"agenda item{'s' if len(draft.agenda_items) > 1 else ''} "
                               f"{', '.join(draft.agenda_items)} (the masthead), titled “{topic}” "
                               "(the title's words before its colon): check the title against the agenda")
    if requests and all(r["operative_paragraphs"][0].startswith("(") for r in requests):
        data["paragraphs_in"] = "annex"
    if lang in ("en", "zh", "fr", "es", "ru", "ar"):
        _in_both_languages(data, lang, assumptions)
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:  # a rule or template that does not fit the spec model
        err = exc.errors()[0]
        loc = err["loc"]
        where = _paragraph_of(loc, requests, results)
        if where is not None:  # a quantity the draft states: say its paragraph and line
            number, line = where
            raise SpecError(f"paragraph {number}: {loc[-1]}: {error_text(err)[1]}", file=draft.file, line=line) from None
        raise SpecError("the proposed spec is invalid: {}: {} (check pbi/draft/rules/standards.yaml)".format(
            *error_text(err)), file=draft.file, line=draft.line) from None
    try:  # the spec must price as it is: a rule or standard that the table cannot price is said here
        cost(spec, cost_table)
    except PbiError as err:
        raise SpecError(f"the proposed spec does not price with table {cost_table.id}: {err.message}",
                        file=draft.file, line=draft.line) from None
    return Proposal(draft=draft, spec=spec, paragraphs=tuple(results), table_path=table_path)


def spec_yaml(proposal: Proposal) -> str:
    """The proposed spec as YAML, with a header saying where it comes from and what to check."""
    d = proposal.draft
    costed = sum(1 for r in proposal.paragraphs if r.classification.has_implications)
    header = [
        f"# Proposed by `pbi draft` from {Path(d.file).name}, line {d.line} ({d.label}).",
        f"# {len(proposal.paragraphs)} paragraphs read, {costed} with resource implications. Every quantity,",
        "# year, place and funding source below is a guess listed under extra.assumptions with the words",
        "# that triggered it: check them against the draft, then `pbi cost` and `pbi note` this file.",
    ]
    return "\n".join(header) + "\n" + _dump(proposal.spec)


def _dump(spec: Spec) -> str:
    """The spec as :func:`pbi.model.specs.dump_spec` writes it, with libyaml's emitter where there is one."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", None)
    if dumper is None:  # pragma: no cover - PyYAML without libyaml
        return dump_spec(spec)
    data = spec.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data.setdefault("title", {})
    return str(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100))

