"""Find the financial notes in a text and read the claims they make.

A *note* is found by its heading (Chinese "关于题为“…”的…财务说明", optionally preceded by
"附件X"; English "Financial note on …" / "Statement of programme budget implications …",
optionally preceded by "Annex X").  Its body is split into numbered paragraphs ("1.") and
sub-items ("(a)", "(i)", "㈠").  Each amount of money (or range) becomes a :class:`Claim`
carrying the quantities stated beside it; a paragraph that states how many meetings are left
under an entitlement ("最多…再为 6 次会议") gives a claim without amount.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from pbi.model.errors import CheckError
from pbi.model.money import from_roman, roman
from . import lexicon as lx
from . import quantities as qx
from .tables import Table, TableAmount, find_tables, table_amounts
from .markup import HTML_SUFFIXES, MARKDOWN_SUFFIXES, markup_text
from .wordfile import docx_text, is_docx
from .text import Joined, Line, Money, clean_lines, find_money, is_furniture, join_lines, normalize, to_int

__all__ = ["Note", "Paragraph", "Claim", "read_notes", "read_path", "MAX_TEXT_BYTES", "LANGUAGES"]


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph ("4") or sub-item ("3(a)", "2(a)(i)") of a note, re-joined."""

    number: str
    text: str
    line: int


@dataclass(frozen=True)
class Claim:
    """One amount (or range ``low``–``high``) a note states, with what it pays for.

    ``note`` is the annex number, or the note's 1-based position when it has no annex.
    ``amount`` is set for a single figure; ``low``/``high`` are always set when there is a
    figure (equal for a single one).  ``quantities`` — see :mod:`pbi.check.quantities`; plus
    ``is_total``/``total_of``/``parts`` for a stated sum, ``optional`` for a conditional
    figure ("如将…还需要"), ``inherited`` (keys taken from the lead-in of a list),
    ``op_inferred``, ``biennium`` and the meeting-entitlement keys ``entitlement_meetings``,
    ``used_meetings``, ``available_meetings``; ``total_kind`` (``"comprising"`` when the parts
    follow the total, ``"of_which"`` when they may cover only part of it), ``staff_assessment``
    and ``income_offset`` (staff assessment and its offset under income section 1, never a part
    of a net total); ``shared_purpose`` on a total whose parts share the purpose stated after the
    last of them (its quantities are then the total's, not the last part's); ``rounded_to`` on a
    figure stated in millions or thousands ("$1.2 million": 100,000), ``range_parts`` on a total
    stated as a range (its parts' lows and highs), ``length_elsewhere`` on a document whose length
    the note states in another paragraph, ``services_elsewhere`` on meetings whose interpretation
    and languages it states in another paragraph.
    """

    note: int | None
    paragraph: str
    amount: Decimal | None
    low: Decimal | None
    high: Decimal | None
    quantities: dict[str, Any]
    funding: str | None
    year: int | None
    operative_paragraph: str | None
    text: str
    line: int
    #: the budget section the amount is stated under ("2", "29C", "income 1"), if any: the first of
    #: ``sections``; None for a total across sections
    section: str | None = None
    #: every budget section the amount is stated under ("under section 2 (…) and section 8 (…)",
    #: "sections 2 and 29D"); a total's, those of its parts; empty for an amount under none or
    #: "under a section to be stated"
    sections: tuple[str, ...] = ()
    #: the name of the note: its document symbol, else its annex, else its heading
    note_name: str = ""

    @property
    def is_total(self) -> bool:
        return bool(self.quantities.get("is_total"))

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.low != self.high


@dataclass(frozen=True)
class Note:
    """A financial note: annex number, draft symbol, title, paragraphs and claims."""

    annex: int | None
    symbol: str | None
    title: str
    paragraphs: list[Paragraph]
    source: str
    line: int
    claims: list[Claim] = field(default_factory=list)
    #: what the note is called in findings: the draft's symbol, else "annex IV", else the
    #: document symbol or the heading
    name: str = ""
    #: the one duty station the note's heading names ("Vienna, 15-19 March 2027"), else None
    station: str | None = None


# ============================================================================ note boundaries

_ANNEX = re.compile(r"^\s*(?:附件\s*([一二三四五六七八九十]+)|Annex\s+([IVXLC]+|\d+))\s*$", re.I)
_TITLE_START = re.compile(
    r"^\s*(?:关于题为|关于.{0,60}?(?:财务说明|所涉(?:行政和)?方案预算问题)|(?=.{0,200}?所涉(?:行政和)?方案预算问题(?:的说明)?\s*$)|"
    r"(?:Financial\s+note|Statement\s+of\s+(?:the\s+)?programme\s+budget\s+implications|"
    r"(?:Administrative\s+and\s+)?Programme\s+budget\s+implications)\b)", re.I)
_TITLE_KEY = re.compile(r"财务说明|所涉(?:行政和)?方案预算问题|所涉经费问题|financial\s+note|"
                        r"programme\s+budget\s+implications", re.I)
_CHAPTER = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*\.\s*\S|[IVX]+\.\s+[A-Z]|第[一二三四五六七八九十]+章)")
_PARA = re.compile(r"^\s*(\d{1,2})\.(?!\d)\s*")
_LETTER = re.compile(r"^\s*\(([a-z])\)\s+")
_ROMAN = re.compile(r"^\s*\((i{1,3}|iv|v|vi{1,3}|ix|x)\)\s+|^\s*\(([一二三四五六七八九十]+)\)\s*")
#: a draft's symbol; it may follow a Chinese word directly ("决议草案A/C.3/80/L.30")
_SYMBOL = re.compile(r"(?<![A-Za-z0-9/.])[A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)*?/L\.\d+(?:/(?:Rev|Add|Corr)\.\d+)*")
#: the languages whose notes pbi check reads (headings, paragraphs, amounts and quantities): Chinese
#: and English as they are, the others through the rewrite of their words (lexicon.yaml)
LANGUAGES = ("zh", "en", *lx.languages())
_LANGS = LANGUAGES


def _annex_number(m: re.Match[str]) -> int | None:
    if m.group(1):
        return to_int(m.group(1))
    tok = m.group(2)
    if tok.isdigit():
        return int(tok)
    try:
        return from_roman(tok)
    except ValueError:
        return None


def _title_span(lines: list[Line], i: int) -> int | None:
    """End index (exclusive) of a note title starting at ``lines[i]``, or None."""
    end = i
    while end < len(lines) and end - i < 6 and not _PARA.match(lines[end].text):
        end += 1
    if end == i or end >= len(lines) or not _PARA.match(lines[end].text):
        return None
    title = join_lines([ln for ln in lines[i:end] if not _CHAPTER.match(ln.text)]).text
    return end if _TITLE_KEY.search(title) else None


@dataclass
class _Head:
    annex: int | None
    line: int  # source line of the heading
    title: str
    body_start: int  # index into lines


def _find_heads(lines: list[Line]) -> list[tuple[_Head, int]]:
    """Note headings with the index where each body ends."""
    heads: list[_Head] = []
    stops: list[int] = []  # indices where some body must end
    i = 0
    while i < len(lines):
        s = lines[i].text
        ma = _ANNEX.match(s)
        if ma:
            stops.append(i)
            end = _title_span(lines, i + 1) if i + 1 < len(lines) else None
            if end is not None:
                title = join_lines(lines[i + 1:end]).text
                heads.append(_Head(_annex_number(ma), lines[i].number, title, end))
                i = end
                continue
        elif _TITLE_START.match(s):
            end = _title_span(lines, i)
            if end is not None:
                stops.append(i)
                heads.append(_Head(None, lines[i].number,
                                   join_lines([ln for ln in lines[i:end] if not _CHAPTER.match(ln.text)]).text, end))
                i = end
                continue
        elif _CHAPTER.match(s):
            stops.append(i)
        i += 1
    out = []
    for h in heads:
        end = min((k for k in stops if k >= h.body_start), default=len(lines))
        while _STATEMENT.search(h.title) and end < len(lines) and _continues(lines, h.body_start, end):
            end = min((k for k in stops if k > end), default=len(lines))  # a part of the statement
        out.append((h, end))
    return out


#: a statement of programme budget implications: its parts ("II. Activities …", "三. 所需资源")
#: are headings inside the note, numbered paragraphs running on across them
_STATEMENT = re.compile(r"programme\s+budget\s+implications|所涉(?:行政和)?方案预算问题", re.I)


def _continues(lines: list[Line], start: int, stop: int) -> bool:
    """The chapter heading at ``stop`` is followed by the paragraph after the last one of
    ``lines[start:stop]``: a part heading of the same note, not the end of it."""
    nums = [int(m.group(1)) for ln in lines[start:stop] for m in [_PARA.match(ln.text)] if m]
    nxt = next((m for ln in lines[stop + 1:stop + 4] for m in [_PARA.match(ln.text)] if m), None)
    return bool(nums) and nxt is not None and int(nxt.group(1)) == nums[-1] + 1


# ============================================================================ paragraphs


@dataclass
class _Block:
    number: str
    level: int  # 0 paragraph, 1 letter sub-item, 2 roman sub-item
    lines: list[Line]
    parent: "_Block | None" = None
    children: list["_Block"] = field(default_factory=list)
    joined: Joined = field(default_factory=lambda: Joined("", (), ()))

    @property
    def text(self) -> str:
        return self.joined.text

    @property
    def line(self) -> int:
        return self.lines[0].number if self.lines else 0


def _raw_body(b: _Block, raw: dict[int, str], lex: lx.Lexicon) -> list[Line] | None:
    """The lines of ``b`` as the text has them, before the rewrite of their words (the mark of its
    first line taken off): rewritten once joined, a phrase broken across two lines is rewritten whole.
    None when a line cannot be traced back."""
    out: list[Line] = []
    for i, ln in enumerate(b.lines):
        text = raw.get(ln.number)
        if text is None:
            return None
        if i == 0:
            full = lex.rewrite(text)
            if full == ln.text:
                pass  # no mark taken off
            elif full.endswith(ln.text):
                mark = full[:len(full) - len(ln.text)]
                marked = lex.rewrite_marks(text)
                if not marked.startswith(mark):
                    return None
                text = marked[len(mark):]
            else:
                return None
        out.append(Line(ln.number, text))
    return out


def _split_blocks(lines: list[Line], lex: lx.Lexicon | None = None, *, unnumbered: bool = False,
                  raw: dict[int, str] | None = None) -> list[_Block]:
    """Split a note body into paragraphs and sub-items, checking that numbers run in order.

    In a text whose paragraphs are not numbered (``unnumbered``), a paragraph starts after a blank
    line and is called by the line it starts on ("l.12")."""
    blocks: list[_Block] = []
    top: _Block | None = None
    letter: _Block | None = None
    last_num, last_letter, last_roman = 0, "", 0
    prev = None
    for ln in lines:
        s = ln.text
        if unnumbered and (prev is None or ln.number != prev + 1):
            name = f"l.{ln.number}"
            same = sum(b.number.split("-")[0] == name for b in blocks)  # pieces of one flattened line
            name += f"-{same + 1}" if same else ""
            top, letter, last_letter = _Block(name, 0, [ln]), None, ""
            blocks.append(top)
            prev = ln.number
            continue
        prev = ln.number
        if _CHAPTER.match(s) and top is not None:
            continue  # a part heading of a statement: not text of the paragraph before it
        m = _PARA.match(s)
        if m and (int(m.group(1)) == last_num + 1 or last_num == 0):
            last_num, last_letter, last_roman = int(m.group(1)), "", 0
            top = _Block(str(last_num), 0, [Line(ln.number, s[m.end():])])
            letter = None
            blocks.append(top)
            continue
        m = _LETTER.match(s)
        ch = m.group(1) if m else ""
        roman_i = ch == "i" and last_letter != "h"
        in_order = bool(m) and ((ch == "a" and not last_letter) or (
            bool(last_letter) and ord(ch) == ord(last_letter) + 1))
        if m and top is not None and not roman_i and in_order:
            last_letter, last_roman = ch, 0
            letter = _Block(f"{top.number}({ch})", 1, [Line(ln.number, s[m.end():])], top)
            top.children.append(letter)
            blocks.append(letter)
            continue
        m = _ROMAN.match(s)
        if m and letter is not None:
            val = from_roman(m.group(1)) if m.group(1) else to_int(m.group(2))
            if val == last_roman + 1:
                last_roman = val
                name = roman(val, lower=True)
                item = _Block(f"{letter.number}({name})", 2, [Line(ln.number, s[m.end():])], letter)
                letter.children.append(item)
                blocks.append(item)
                continue
        if blocks:
            blocks[-1].lines.append(ln)
    for b in blocks:
        if lex is None:
            b.joined = join_lines(b.lines)
            continue
        body = _raw_body(b, raw, lex) if raw is not None else None
        b.joined = lx.canonical_joined(join_lines(body if body is not None else b.lines), lex)
    return blocks


# ============================================================================ claims

#: a sentence ends at 。 or at . ! ? before a capital (Latin or Cyrillic), a quote, or Arabic
#: (which has no capitals)
_SENT_END = re.compile(r"。|(?<=[.!?])\s+(?=[A-ZА-ЯЁ(\"“«\u0621-\u064A])")
_CLAUSE = re.compile(r"[,;:]")
#: after the last part of a "comprising" list: a purpose stated for the whole total
_SHARED_PURPOSE = re.compile(r"[,;]\s*(?=(?:for|to\s+cover|to\s+provide|in\s+order\s+to|to\s+fund)\b)", re.I)
#: quantities that say what an amount pays for (a part that states any has a purpose of its own)
_ITEM_KEYS = (*qx.COUNTABLE, "grade", "days", "languages", *qx.KINDS)


def _has_item(q: dict[str, Any]) -> bool:
    return any(k in q for k in _ITEM_KEYS)
_PURPOSE = re.compile(r"^\s*[,;]?\s*(?:用于|以便|作为|用作|for\b|to\s+cover|to\s+provide|"
                      r"in\s+order\s+to|to\s+fund|would\s+be\s+(?:required|needed)\s+"
                      r"(?:to\s+(?:fund|cover)|for)\b)", re.I)
_OPTIONAL = re.compile(r"^\s*(?:如果?(?!不)(?![^,。]{0,16}通过)|若|倘若|假如|if\b(?!\s+not)|were\b|should\b(?!\s+the\s+"
                       r"(?:General\s+Assembly|Council|Conference|Committee|Commission|Board)\s+adopt))",
                       re.I)
_TOTAL = re.compile(r"以上相加|上述各项相加|以上各项|以上合计|共计|合计|总计|总额|总共需要|"
                    r"\bin\s+total\b|\ba\s+total\s+of\b|\btotal\s+(?:additional\s+|net\s+)?(?:resource\s+)?(?:requirement|cost|amount)s?\b|"
                    r"\baltogether\b|\bthe\s+above\b|\bthe\s+total\s+of\s+(?=\$|US\$)|\bamounting\s+to\b|"
                    # not a length: "four documents totalling 34,000 words" (the documents' total)
                    r"\btotall?ing\b(?!\s+\d[\d,]*(?:\s+to\s+\d[\d,]*)?[\s-]*(?:words?|pages?)\b)|"
                    r"\b(?:would\s+)?total\s+(?=\$|US\$|USD)|"
                    # "the requirements would amount to $97,200": the requirements of the note, a total
                    r"\brequirements\b[^$.;]{0,60}?\b(?:would|will)\s+(?:then\s+)?amount\s+to\b|"
                    # "the revised requirements therefore amount to $104,800" (not "the requirements
                    # for the meetings amount to": an item's)
                    r"\brequirements\s+(?:for\s+(?:19|20)\d\d\s+)?(?:(?!for\b)\w+\s+){0,2}?amount\s+to\b|"
                    r"\b(?:would|will)\s+amount\s+to\s+(?:the\s+)?(?:additional\s+)?requirements\b|"
                    # "The requirements for 2027 are estimated at $87,900": the note's (not "the
                    # requirements for the meeting are estimated at", an item's)
                    r"(?:^|[.;]\s*)\s*the\s+(?:additional\s+)?requirements\s+(?:(?:for|in)\s+(?:the\s+biennium\s+)?(?:19|20)\d\d"
                    r"(?:\s*(?:-|–|and)\s*(?:19|20)\d\d)?\s+)?(?:are|is|would\s+be|were)\s+estimated\s+at\b", re.I)
#: before and after an amount: the requirements of the note, sent on to be funded, a total ("The
#: additional requirements of $291,200 would be considered in the context of the proposed programme
#: budget for 2027"; "The revised requirements of $103,100 would be included in the proposed …"). Plain
#: "the requirements of $X" only when considered with the budget; never "the remaining …". An amount
#: charged against the contingency fund is left as it is: it restates a total or an item above
_SENT_ON_BEFORE = re.compile(r"(?:^|[^\w\s]\s*|\b(?:the|and|that|those|these)\s+)(?:(?:total|overall)\s+)?"
                             r"(?:(additional|revised)\s+)?(?:resource\s+)?requirements\s+of\s*$", re.I)
#: "would arise" only with the year of the amount ("additional requirements of $57,300 for 2027 and $58,800
#: for 2028 would arise", "… of $169,000 would arise in 2028"): the requirements of a whole period that "would arise" may leave out those sent
#: on to a later budget, which no sum of the text's amounts gives
_SENT_ON_AFTER = re.compile(r"\s*(?:\([^()$]{0,60}\)\s*)?(?P<year>(?:for|in)\s+(?:the\s+biennium\s+)?(?:19|20)\d\d"
                            r"(?:\s*(?:and|-|–)\s*(?:19|20)\d\d)?\s*)?,?\s*(?:would|will|shall)\s+"
                            r"(?:(?P<considered>be\s+considered\s+in\s+the\s+context)|be\s+included\s+in\s+the\s+proposed|(?P<arise>arise))\b",
                            re.I)
#: the Chinese form of "should the General Assembly adopt …, additional requirements of $X would arise":
#: "如大会通过决议草案…，2027年将需要追加经费379 800美元" (the sentence names the adoption)
_SENT_ON_ZH = re.compile(r"(?:将|会)?需要?追加(?:经费|资源|批款)(?:共计)?\s*$")
_ADOPT_ZH = re.compile(r"如(?:果)?[^。]{0,20}?通过")


#: after "the requirements of $X": they are met otherwise ("would be absorbed within existing
#: resources", "would be charged against the contingency fund"): the total said again when a total of
#: that amount is stated above, else the item said again (``restates``)
_MET_AFTER = re.compile(r"[^.;$]{0,120}?\b(?:would|will)\s+be\s+(?:absorbed|met|accommodated|financed|funded|"
                        r"charged\s+against)\b", re.I)


#: "…, and those of $76,500 for 2028 in the context of the proposed programme budget for 2028": the
#: same verb, elided, for another year
_THOSE_OF = re.compile(r"\bthose\s+of\s*$", re.I)
_IN_CONTEXT = re.compile(r"\s*(?:(?:for|in)\s+(?:19|20)\d\d\s*,?\s*)?in\s+the\s+context\s+of\b", re.I)


def _sent_on(text: str, start: int, money: list[Money], k: int) -> bool:
    """``money[k]``, in the sentence from ``start``, is the note's requirements sent on to be funded
    (a total)."""
    mo = money[k]
    window = text[max(start, mo.start - 80):mo.start]
    if _THOSE_OF.search(window) and _IN_CONTEXT.match(text, mo.end):
        return k > 0 and money[k - 1].start >= start and _sent_on(text, start, money, k - 1)
    if _SENT_ON_ZH.search(window) and _ADOPT_ZH.search(text, start, mo.start):
        return True
    before = _SENT_ON_BEFORE.search(window)
    after = _SENT_ON_AFTER.match(text, mo.end)
    if before and after is None and k + 1 < len(money) and _NEXT_YEAR.match(text[mo.end:money[k + 1].start]) \
            and _YEAR_AFTER.match(text, money[k + 1].end):
        # "additional requirements of $57,300 for 2027 and $58,800 for 2028 would arise": the verb
        # after the amount of the other year
        after = _SENT_ON_AFTER.match(text, money[k + 1].end)
    if after is not None and after.group("arise") and not after.group("year") \
            and not _YEAR_AFTER.match(text, after.end()):  # "… would arise in 2028"
        after = None
    return bool(before and after and (before.group(1) or after.group("considered")))


#: after an amount: its parts follow ("$118,600 for 2023 [comprising $107,300 under section 2 …]",
#: "$612,450 (net of staff assessment) would arise for 2028, comprising …": a parenthesis counts as one)
_PARTS_FOLLOW = re.compile(r"^(?:\([^()$]{0,60}\)|[^.;$()]){0,40}?(?:\b(comprising|consisting\s+of|broken\s+down\s+(?:as\s+"
                           r"follows|into|to)|breaks?\s+down\s+(?:as\s+follows|into|to)|made\s+up\s+of)\b|"
                           r"\b(of\s+which)\b|其中)", re.I)
#: between an amount and the next: the next is a part named by its section, in parentheses
#: ("$248,700 would arise under section 4, Disarmament ($221,900), and section 36, …")
_SECTION_PARTS = re.compile(r"^[^.;$()]{0,80}?\bsections?\s+\d{1,2}[A-Z]?\b[^\d$()]{0,120}\(\s*$", re.I)
#: right after an amount: the year it is for ("$80,300 in 2028", "$80,300 for 2027"), not a biennium
#: two years joined, as a total names the years it spans: "for 2027 and 2028", "2027年和2028年"
_YEARS_JOINED = re.compile(r"(?<![\d/.])(?:19|20)\d\d\s*年?\s*(?:and|和|及)\s*(?:19|20)\d\d(?!\d)")
_YEAR_AFTER = re.compile(r"\s*(?:in|for)\s+((?:19|20)\d\d)\b(?!\s*[-–])", re.I)
#: between two amounts: the second is the first's items in another year ("$80,300 in 2027 and
#: $80,300 in 2028"; "2027年为48 200美元，2028年为")
_NEXT_YEAR = re.compile(r"^\s*(?:(?:in|for)\s+(?:19|20)\d\d\s*,?\s*(?:and\s+)?|"
                        r"[，,、]\s*(?:19|20)\d\d\s*年\s*(?:为|需要|所需经费为)?\s*)$", re.I)
#: a year that opens a sentence: "For 2028, they comprise …", "In 2027, …"
_LEAD_YEAR = re.compile(r"\s*(?:for|in)\s+((?:19|20)\d\d)\s*,", re.I)
#: two consecutive years: a biennium named without the word ("the requirements for 2018-2019")
_YEAR_PAIR = re.compile(r"\b((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\b")
#: before an amount: a further sum apart from the item just costed ("would require a further $191,000")
_FURTHER = re.compile(r"\ba\s+further\s*$|另需\s*$", re.I)
_OF_WHICH = re.compile(r"\bof\s+which\b|其中", re.I)
#: before an amount: it is a cut, not a cost ("a reduction of $32,100", "每年减少32 100美元")
_REDUCTION = re.compile(r"\b(?:a\s+)?(?:reduction|decrease)\s+(?:of|by)\s*$|\breduced\s+by\s*$|减少\s*$", re.I)
#: an amount of the estimate a revised one replaces: "the $136,900 previously estimated",
#: "比原先估计的160 600美元", or any amount of a sentence reporting what an earlier statement estimated
_EARLIER_AFTER = re.compile(r"\s*(?:(?:previously|originally|initially|earlier)\s+estimated|"
                            r"estimated\s+(?:previously|originally|earlier))\b", re.I)
_EARLIER_BEFORE = re.compile(r"原(?:先)?估计的?\s*$")
_EARLIER_SENT = re.compile(r"\bthe\s+Secretary-General\s+(?:had\s+)?estimated\b|"
                           r"秘书长在[^。]{0,80}?(?:说明|报告)中估计", re.I)
#: after an amount: it falls under the section named for the amount before it ("$27,100 under the
#: same section"; the other languages' forms are rewritten into this one, lexicon.yaml)
_SAME_SECTION = re.compile(r"\b(?:under|in|from|within)\s+the\s+same\s+section\b|同一款|同款", re.I)
#: before an amount: it repeats one stated above ("The amounts of $30,800 and $80,300 would fall under
#: section 2"), to say where it falls, not to add to it
_RESTATED = re.compile(r"\bthe\s+amounts?\s+of\s*$", re.I)
_RESTATED_NEXT = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_GROSS = re.compile(r"\bgross\b|\b(?:including|inclusive\s+of)\s+staff\s+assessment\b|"
                    r"含工作人员薪金税", re.I)
_NET = re.compile(r"\(net\)|\bnet\s+of\s+staff\s+assessment\b|净额", re.I)
_DOC_SYMBOL = re.compile(r"(?<![A-Za-z0-9/.])(?:A|E|S|TD|HRC|CTOC|UNEP|ST|DP|CRC|CEDAW)(?:/[A-Z0-9][A-Za-z0-9.()]*){1,6}")
_REQUEST = re.compile(r"请求|request", re.I)
_SUMMARY = re.compile(r"执行段中?规定|分段规定|决定草案规定|决议草案规定|under\s+the\s+terms\s+of|"
                      r"provides?\s+that|would\s+(?:request|decide)", re.I)
#: what an amount's own reading says of it alone, not carried to the same items in another year
_NOT_CARRIED = frozenset({"is_total", "sent_on", "sums_before", "restates", "total_kind", "total_of", "parts",
                          "of_which", "further", "optional", "reduction", "earlier_estimate", "restated", "period_year",
                          "rounded_to"})
_INHERIT = ("meetings", "workshops", "days", "half_day", "languages", "participants", "location", "interpreted_all") + qx.MEETING_SERVICES
_N = r"(\d+|[一二两三四五六七八九十]+)"
_AVAIL = (re.compile(rf"最多[^。]*?{_N}\s*次[^,;。]{{0,6}}?会议"),
          re.compile(r"\b(?:at\s+most|a\s+maximum\s+of|up\s+to)\s+(\d+|\w+)\s+(?:\w+\s+){0,3}?"
                     r"meetings\b", re.I))
_USED = (re.compile(rf"已(?:经)?为[^。]*?{_N}\s*次会议"),
         re.compile(r"\b(\d+|\w+)\s+meetings\s+(?:have|had)\s+(?:already\s+)?been\b", re.I))
_ENTITLED = (re.compile(rf"共\s*{_N}\s*次会议"),
             re.compile(r"\b(?:entitlement|total)\s+of\s+(\d+|\w+)\s+meetings\b", re.I))


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


#: between two amounts of a sentence: the next item begins, described before its amount ("$186,300
#: under section 24, and the processing of the report of 8,500 words …, at a cost of $14,700")
_NEXT_ITEM = re.compile(r"(?:[,;]\s+|\s+)and\s+(?=(?:the|a|an|its|their|one|two|three|four|five|six|\d+)\s|"
                        r"(?:pre|in|post)-session\s|documentation\b|travel\b|general\s+temporary\b|"
                        r"daily\s+subsistence\b|consultan)"
                        r"(?![^$]*\b(?:of\s+which|comprising)\b)", re.I)


def _segment(text: str, sent: tuple[int, int], money: list[Money], k: int,
             starts: list[int] | None = None) -> tuple[int, int]:
    """The part of a sentence that belongs to ``money[k]`` when it holds several amounts
    (``starts``: where each amount starts, when the caller has them)."""
    a, b = sent
    # the amounts of the sentence, found by bisection: linear however many amounts a paragraph holds
    starts = starts if starts is not None else [m.start for m in money]
    lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
    inside = money[lo:hi]
    idx = k - lo
    if idx > 0:
        prev = inside[idx - 1]
        semi = text.rfind(";", prev.end, money[k].start)
        item = _NEXT_ITEM.search(text, prev.end, money[k].start)
        cut = [m.end() for m in _CLAUSE.finditer(text, prev.end, money[k].start)]
        # items of a list between semicolons, each described before its amount ("…: the report …
        # would require $30,800; the ten meetings …, with interpretation …, would require $80,300")
        a = semi + 1 if semi >= 0 else item.start() + 1 if item else cut[-1] if cut else prev.end
    if idx + 1 < len(inside):
        nxt = inside[idx + 1]
        semi = text.find(";", money[k].end, nxt.start)
        item = _NEXT_ITEM.search(text, money[k].end, nxt.start)
        cut = [m.end() for m in _CLAUSE.finditer(text, money[k].end, nxt.start)]
        b = semi + 1 if semi >= 0 else item.start() + 1 if item else cut[-1] if cut else nxt.start
    return a, b


#: before an amount: the parts of it the sentence goes on to state ("Of the amount of $214,300 for 2027,
#: $40,000 would be absorbed …")
_OF_THE_AMOUNT = re.compile(r"(?:^|[.;]\s*)\s*of\s+the\s+(?:total\s+)?(?:amount|sum|requirements?|estimate)\s+of\s*$",
                            re.I)
#: a sentence listing the parts of the amount the sentence before ends with ("The estimate comprises …")
_BACK_COMPRISES = re.compile(r"\s*(?:the|this|that|these|those)\s+(?:estimated\s+)?(?:estimate|amount|total|sum|"
                             r"requirements?)\s+(?:would\s+)?(?:comprises?|consists?\s+of|(?:is|are)\s+made\s+up\s+of|"
                             r"(?:is|are|would\s+be)\s+broken\s+down\s+(?:as\s+follows|into))", re.I)
#: between an amount and the first of its parts: a verb that lists what it pays for, the next amount in
#: parentheses after its item ("the requirements of $734,500 would cover general temporary assistance
#: … ($398,200), the travel … ($211,700) and conference services … ($124,600)")
_COVERS = re.compile(r"^[^.;$()]{0,60}?\b(?:would\s+(?:cover|include|provide\s+for)|(?:to\s+)?cover(?:s|ing)?|"
                     r"includ(?:es|ing)|would\s+be\s+required\s+for)\b[^.;$()]{0,200}\(\s*$", re.I)


def _listed_parts_follow(text: str, mo: Money, rest: list[Money], sent: tuple[int, int]) -> bool:
    """The amounts after ``mo`` in its sentence are its parts, each in parentheses after the item it
    pays for, after a verb that lists them ("would cover X ($a), Y ($b) and Z ($c)"): two at least,
    and ``mo`` not itself in parentheses."""
    inside = [m for m in rest if m.start < sent[1]]
    if len(inside) < 2 or text[max(0, mo.start - 8):mo.start].rstrip().endswith("("):
        return False
    if not _COVERS.match(text[mo.end:inside[0].start]):
        return False
    return all(text[m.end:m.end + 4].lstrip().startswith(")") and text[max(0, m.start - 4):m.start].rstrip()
               .endswith("(") for m in inside)


def _bigrams(s: str) -> set[str]:
    t = re.sub(r"\s+", "", s.lower())
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _entitlement(text: str) -> tuple[dict[str, int], tuple[int, int] | None, str | None]:
    """Meeting entitlement stated in a paragraph; the span of the 'available' sentence."""
    found: dict[str, int] = {}
    avail_span = None
    funding = None
    for a, b in _sentences(text):
        s = text[a:b]
        for key, rxs in (("available_meetings", _AVAIL), ("used_meetings", _USED),
                         ("entitlement_meetings", _ENTITLED)):
            m = next((m for rx in rxs for m in [rx.search(s)] if m), None)
            if m and key not in found:
                v = to_int(m.group(1))
                if v:
                    found[key] = v
                    if key == "available_meetings":
                        avail_span = (a, b)
                    if key == "entitlement_meetings":
                        funding = qx.find_funding(s)
                    break
    return found, avail_span, funding


def _total_said(claims: list[Claim], c: Claim) -> Claim | None:
    """The last total of ``claims`` of ``c``'s amount and a year it may be of, if any."""
    return next((x for x in reversed(claims) if x.is_total and x.amount == c.amount
                 and (x.year is None or c.year is None or x.year == c.year)), None)


def _adds(x: Claim, total: Claim) -> bool:
    """``x`` may be a part of ``total``: not a reduction, an amount restated, an amount of the
    estimate a revised one replaces (unless the total is one too), nor a cost absorbed within
    existing resources (unless the total is of those)."""
    q = x.quantities
    if q.get("reduction") or q.get("restated"):
        return False
    if q.get("earlier_estimate") and not total.quantities.get("earlier_estimate"):
        return False
    # an amount absorbed is a part of a total broken down "of which" ("Of the amount of $214,300, $40,000
    # would be absorbed …"), never of the additional requirements
    return x.funding != "existing_resources" or total.funding == "existing_resources" \
        or total.quantities.get("total_kind") == "of_which"


class _NoteReader:
    """Reads the claims of one note."""

    def __init__(self, blocks: list[_Block], note_no: int | None) -> None:
        self.blocks = blocks
        self.note_no = note_no
        self.claims: list[Claim] = []
        self.op_map = self._op_map()
        self._own_q: dict[int, dict[str, Any]] = {}  # per item of a list: its own quantities
        self._memo: dict[Any, Any] = {}  # per block: following text and earlier funding by sentence
        #: id(claim) → (paragraph, sentence span, position): where each amount stands
        self._at: dict[int, tuple[str, tuple[int, int], int]] = {}
        #: (paragraph, sentence span) → its claims, and the sentences that hold a "comprising" total
        self._by_sent: dict[tuple[str, tuple[int, int]], list[Claim]] = {}
        self._listings: set[tuple[str, tuple[int, int]]] = set()
        #: id(claim) → where in its paragraph the sections it is under are named
        self._named_at: dict[int, int | None] = {}
        #: id(total) → the sentence after its own that lists its parts ("The estimate comprises …")
        self._parts_in: dict[int, tuple[str, tuple[int, int]]] = {}

    # -- operative paragraphs ---------------------------------------------------------------
    def _op_map(self) -> list[tuple[str, set[str]]]:
        for b in self.blocks:
            if b.level == 0 and b.children and _SUMMARY.search(b.text):
                ops = qx.find_ops(b.text)
                if len(ops) == len(b.children):
                    return [(op, _bigrams(c.text)) for op, c in zip(ops, b.children, strict=True)]
        return []

    def _infer_op(self, query: str) -> str | None:
        if not self.op_map or not _REQUEST.search(query):
            return None
        q = _bigrams(query)
        if len(q) < 6:
            return None
        scored = sorted(((len(q & grams) / len(q), op) for op, grams in self.op_map), reverse=True)
        best = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        return best[1] if best[0] >= 0.4 and best[0] - second >= 0.1 else None

    # -- claims ----------------------------------------------------------------------------
    def read(self) -> list[Claim]:
        for b in self.blocks:
            self._read_block(b)
        self._resolve_totals()
        return self.claims

    def _read_block(self, b: _Block) -> None:
        text = b.text
        money = find_money(text)
        sents = _sentences(text)
        ent, avail_span, ent_funding = _entitlement(text)
        sent_starts = [s[0] for s in sents]
        starts = [m.start for m in money]
        self._memo = {"starts": starts}
        first_ops = qx.find_ops_at(text)
        for k, mo in enumerate(money):
            at = bisect.bisect_right(sent_starts, mo.start) - 1
            sent = sents[at] if at >= 0 and sents[at][0] <= mo.start < sents[at][1] else (0, len(text))
            seg_a, seg_b = _segment(text, sent, money, k, starts)
            seg = text[seg_a:seg_b]
            before, after = text[seg_a:mo.start], text[mo.end:seg_b]
            listing = (b.number, sent) in self._listings
            last = k + 1 == len(money) or money[k + 1].start >= sent[1]
            shared = self._shared_purpose(after, b.number, sent) if listing and last else None
            q = self._quantities(before, after if shared is None else after[:shared])
            if not _has_item(q) and k and money[k - 1].end > sent[0]:
                q = self._wider(text, money[k - 1], mo, after, q)
            if not _has_item(q) or (q.get("meetings") and "interpretation" not in q):
                q = self._from_sentence_before(text, sents, at, starts, q)
            follow = self._following(text, sents, sent, money)
            if qx.extract(follow).get("background_document"):
                q["background_document"] = q["documentation"] = True
            years = qx.find_years(seg)
            year = years[0] if years else None
            own_year = _YEAR_AFTER.match(text, mo.end)  # "$80,300 in 2028": the year after it is its own
            if own_year:
                # "$1.2 million for 2027 and 2028": of both years, not the first's
                year = None if _YEARS_JOINED.match(text, own_year.start(1)) else int(own_year.group(1))
            if year is None and own_year is None:
                # "For 2027, the requirements comprise $0.7 million under section 2 and $0.5 million
                # under section 10": the year that opens the sentence, of each amount in it
                lead = _LEAD_YEAR.match(text, sent[0])
                year = int(lead.group(1)) if lead and len(set(qx.find_years(text[sent[0]:sent[1]]))) == 1 else None
            if k == 0 or money[k - 1].start < sent[0]:
                self._parts_said_after(text, sent, b)
            if k and money[k - 1].start >= sent[0] and _NEXT_YEAR.match(text[money[k - 1].end:mo.start]):
                # "$80,300 in 2027 and $80,300 in 2028", "2027年为48 200美元，2028年为48 200美元":
                # the same items in another year
                prev_q = self.claims[-1].quantities if self.claims else {}
                q = {**{key: v for key, v in prev_q.items() if key not in _NOT_CARRIED}, **q}
            if b.parent is not None:
                self._inherit(b, q, year)
            funding, fund_text = self._funding(text, sents, sent, mo, money, b, k, starts)
            if funding == "budget_process" and fund_text:
                bien = qx.find_biennium(fund_text)
                later = set(qx.find_years(fund_text))
                pair = _YEAR_PAIR.search(fund_text)  # "The requirements for 2018–2019 will be …"
                if not bien and pair and int(pair.group(2)) - int(pair.group(1)) == 1:
                    bien = f"{pair.group(1)}-{pair.group(2)}"
                if bien:
                    q["biennium"] = bien
                elif year is None and len(later) == 1:  # "The requirements for 2024 will be considered …"
                    year = later.pop()
            if mo.rounded_to is not None and mo.rounded_to > 1:
                q["rounded_to"] = mo.rounded_to  # "$1.2 million": a sum is checked to 100,000
            if _OPTIONAL.match(text[sent[0]:sent[1]]):
                q["optional"] = True
            if _FURTHER.search(text[max(sent[0], mo.start - 40):mo.start]):  # a window: linear in the text
                q["further"] = True
            if k and _OF_WHICH.search(text, money[k - 1].end, mo.start):
                q["of_which"] = True  # "…, of which $50,600 would be charged…": not one more part
            self._revised(text, sent, money, k, q)
            nxt = money[k + 1].start if k + 1 < len(money) else sent[1]
            # "Of the amount of $214,300 for 2027, $40,000 would be absorbed …": said again, to break it down
            of_amount = nxt < sent[1] and bool(_OF_THE_AMOUNT.search(text[max(sent[0], mo.start - 40):mo.start]))
            if of_amount:
                q.pop("restated", None)
            cut = q.get("reduction") or q.get("earlier_estimate") or q.get("restated")
            if cut:
                pass  # a cut, an earlier estimate or an amount said again: never a total
            elif _TOTAL.search(seg):
                q["is_total"] = True
                if k and money[k - 1].start >= sent[0] and _TOTAL.search(text, money[k - 1].end, seg_b):
                    # "$1.2 million in 2027 and $0.9 million in 2028, for a total of $2.2 million", "…, or
                    # $27,000 in total": the amounts before it in its sentence are its parts
                    q["sums_before"] = True
            elif _sent_on(text, sent[0], money, k):
                q["is_total"] = q["sent_on"] = True
            elif _SENT_ON_BEFORE.search(text, max(sent[0], mo.start - 80), mo.start) and _MET_AFTER.match(text, mo.end):
                q["restates"] = True  # a total if one of its amount is stated above (_resolve_totals)
            elif k and self.claims and self.claims[-1].is_total and money[k - 1].start >= sent[0] \
                    and _NEXT_YEAR.match(text[money[k - 1].end:mo.start]) \
                    and (own_year is not None or not re.match(r"\s*(?:in|for)\b", text[money[k - 1].end:mo.start])):
                # "would amount to $111,100 in 2027 and $111,100 in 2028" (not "Of the amount of $214,300
                # for 2027, $40,000 would be absorbed": an amount of no year of its own after a total's year)
                q["is_total"] = True
            if q.get("is_total") and (_YEARS_JOINED.match(text, own_year.start(1)) if own_year
                                      else _YEARS_JOINED.search(seg)):
                year = None  # "a total of $160,600 for 2027 and 2028": the total of both years
            follow_parts = _PARTS_FOLLOW.match(text[mo.end:min(nxt, sent[1])])
            if follow_parts and listing and (follow_parts.group(2) or "其中" in follow_parts.group(0)):
                follow_parts = None  # "comprising $A and $B, of which $A …": B is a part, not a total
            if follow_parts and not cut and k + 1 < len(money) and money[k + 1].start < sent[1]:
                q["is_total"] = True
                q["total_kind"] = "of_which" if follow_parts.group(2) or "其中" in follow_parts.group(0) \
                    else "comprising"
            elif nxt < sent[1] and not listing and not cut and (
                    self._section_parts_follow(text, mo, money[k + 1])
                    or _listed_parts_follow(text, mo, money[k + 1:], sent)):
                q["is_total"] = True
                q["total_kind"] = "comprising"
            elif of_amount and not cut:
                q["is_total"] = True  # "Of the amount of $214,300 for 2027, $40,000 would be absorbed …"
                q["total_kind"] = "of_which"
            sections, named_at = self._sections(text, sent, seg_a, seg_b, mo, b)
            section = sections[0] if sections else None
            if section == "income 1":
                q["income_offset"] = True
            elif not q.get("is_total") and (section == "36" or qx.staff_assessment(seg)):
                q["staff_assessment"] = True
            q.update({key: v for key, v in ent.items()})
            ops = self._ops(b, seg, text[:mo.start], q, first_ops)
            claim = Claim(
                note=self.note_no, paragraph=b.number,
                amount=None if mo.is_range else mo.low, low=mo.low, high=mo.high,
                quantities=q, funding=funding, year=year,
                operative_paragraph=", ".join(ops) if ops else None,
                text=seg.strip(), line=b.joined.line_at(mo.start), section=section, sections=sections)
            self._at[id(claim)] = (b.number, sent, mo.start)
            self._named_at[id(claim)] = named_at
            self._by_sent.setdefault((b.number, sent), []).append(claim)
            if q.get("total_kind") == "comprising":
                self._listings.add((b.number, sent))
            self.claims.append(claim)
        if avail_span and not any(avail_span[0] <= mo.start < avail_span[1] for mo in money):
            seg = text[avail_span[0]:avail_span[1]]
            q = {"meetings": ent["available_meetings"], "entitlement": True, **ent}
            years = qx.find_years(seg)
            ops = self._ops(b, seg, text[:avail_span[0]], q)
            self.claims.append(Claim(
                note=self.note_no, paragraph=b.number, amount=None, low=None, high=None,
                quantities=q, funding=ent_funding or "regular_budget",
                year=years[0] if years else None,
                operative_paragraph=", ".join(ops) if ops else None,
                text=seg.strip(), line=b.joined.line_at(avail_span[0])))

    def _parts_said_after(self, text: str, sent: tuple[int, int], b: _Block) -> None:
        """A sentence that lists the parts of the amount the sentence before it ends with ("… resources
        estimated at $1.2 million for 2027 and 2028. The estimate comprises $734,500 for 2027 and
        $465,500 for 2028"): that amount becomes a total of this sentence's amounts."""
        if not _BACK_COMPRISES.match(text, sent[0]) or not self.claims:
            return
        prev = self.claims[-1]
        at = self._at.get(id(prev))
        if at is None or at[0] != b.number or at[1][1] > sent[0] or prev.quantities.get("total_kind") \
                or self._by_sent.get((at[0], at[1]), [])[-1:] != [prev]:
            return
        prev.quantities.update(is_total=True, total_kind="comprising")
        self._parts_in[id(prev)] = (b.number, sent)

    def _revised(self, text: str, sent: tuple[int, int], money: list[Money], k: int, q: dict[str, Any]) -> None:
        """Mark the amount ``money[k]`` a reduction, an amount of an earlier estimate, or an amount
        restated from above: none of them is a part of the note's totals."""
        mo = money[k]
        window = text[max(sent[0], mo.start - 40):mo.start]
        if _REDUCTION.search(window):
            q["reduction"] = True
        elif _EARLIER_AFTER.match(text, mo.end) or _EARLIER_BEFORE.search(window):
            q["earlier_estimate"] = True
        else:
            key = ("earlier_sentence", sent)
            if key not in self._memo:
                self._memo[key] = bool(_EARLIER_SENT.search(text, sent[0], sent[1]))
            if self._memo[key]:
                q["earlier_estimate"] = True
        prev = self.claims[-1] if k and self.claims else None
        said = _RESTATED.search(window) or (
            prev is not None and prev.quantities.get("restated") and money[k - 1].start >= sent[0]
            and _RESTATED_NEXT.fullmatch(text, money[k - 1].end, mo.start))
        if said and not _has_item(q) and any(c.amount == mo.low and not c.is_total for c in self.claims):
            q["restated"] = True

    @staticmethod
    def _section_parts_follow(text: str, mo: Money, nxt: Money) -> bool:
        """The amounts after ``mo`` are its parts, each in parentheses after its section; ``mo``
        itself is not one of them."""
        return (not text[max(0, mo.start - 8):mo.start].rstrip().endswith("(")
                and text[nxt.end:nxt.end + 8].lstrip().startswith(")")
                and bool(_SECTION_PARTS.match(text[mo.end:nxt.start])))

    def _sections(self, text: str, sent: tuple[int, int], seg_a: int, seg_b: int, mo: Money,
                  b: _Block) -> tuple[tuple[str, ...], int | None]:
        """The budget sections of an amount: in its clause, its sentence, or the list's lead-in (a
        sentence that names no section is searched once, however many amounts it holds); every
        section of the list it is stated under ("section 2 (…) and section 8 (…)"); none for an
        amount "under a section to be stated". With where in ``text`` they are named (None when
        in a lead-in paragraph)."""
        # "section 24, Human rights ($415,450)", "section 32: $70,300", across the clause's commas
        start = max(sent[0], mo.start - 200)
        before = qx.section_before_at(text[start:mo.start])
        if before:
            return (before[0],), start + before[1]
        after = text[mo.end:seg_b]  # "$93,900 under a section to be stated"
        unstated = qx.no_section_at(after)
        if unstated is not None and not qx.find_sections(after[:unstated]):
            return (), None
        same = _SAME_SECTION.search(after)  # "$27,100 each year under the same section": the one before
        if same is not None and not qx.find_sections(after[:same.start()]):
            earlier = next((c.sections for c in reversed(self.claims) if c.sections), ())
            if earlier:
                return earlier, None
        lead = re.split(r"[,，;；]", text[seg_a:mo.start])[-1]  # "待定款次下 93,900 美元"
        unstated = qx.no_section_at(lead)
        if unstated is not None and not qx.find_sections(lead[unstated:]):
            return (), None
        found, at = qx.find_section_run_at(text[seg_a:seg_b], mo.start - seg_a)
        where = None if at is None else seg_a + at
        key = ("names_section", sent)
        if not found and key not in self._memo:
            self._memo[key] = qx.find_section(text[sent[0]:sent[1]]) is not None
        if not found and self._memo[key]:
            found, at = qx.find_section_run_at(text[sent[0]:sent[1]], mo.start - sent[0])
            where = None if at is None else sent[0] + at
        p = b.parent
        while not found and p is not None:
            found, where = qx.find_section_run(p.text), None
            p = p.parent
        return tuple(found), where

    def _shared_purpose(self, after: str, para: str, sent: tuple[int, int]) -> int | None:
        """Where, in the text after the last part of a "comprising" list, a purpose stated for the
        whole total begins ("$38,000 under section 4 (Disarmament), for the servicing of four
        meetings …"), which then goes to the total; None when a part states a purpose of its own.

        The purpose is the total's when it follows a comma and neither the earlier parts nor the
        last one (before the comma) state quantities of their own.
        """
        m = _SHARED_PURPOSE.search(after)
        if m is None or _has_item(qx.extract(after[:m.start()])):
            return None
        shared = qx.extract(after[m.end():])
        if not _has_item(shared):
            return None
        in_sent = self._by_sent.get((para, sent), [])
        total = next((c for c in reversed(in_sent) if c.quantities.get("total_kind") == "comprising"), None)
        if total is None or any(_has_item(c.quantities) for c in in_sent[in_sent.index(total) + 1:]):
            return None
        for key, v in shared.items():
            total.quantities.setdefault(key, v)
        total.quantities["shared_purpose"] = True
        return m.start()

    def _from_sentence_before(self, text: str, sents: list[tuple[int, int]], at: int, starts: list[int],
                              q: dict[str, Any]) -> dict[str, Any]:
        """The quantities of an amount whose sentence states none, from the sentence before it in
        the paragraph when that one states what is costed and no amount of its own ("每次专家会议将
        举行2次会议，以六种正式语文提供口译服务。2026年所需经费为16 100美元"); ``q`` otherwise."""
        if at < 1:
            return q
        a, b = sents[at - 1]
        if bisect.bisect_left(starts, a) < bisect.bisect_left(starts, b):
            return q  # the sentence before states an amount: its quantities are its own
        key = ("sentence_q", a)
        if key not in self._memo:
            self._memo[key] = qx.extract(text[a:b])
        before: dict[str, Any] = self._memo[key]
        if not _has_item(before):
            return q
        if _has_item(q) and before.get("meetings") != q.get("meetings"):
            return q  # "… for the two meetings $16,100": the services of those the sentence before states
        return {**before, **q}

    @staticmethod
    def _wider(text: str, prev: Money, mo: Money, after: str, q: dict[str, Any]) -> dict[str, Any]:
        """The quantities of an amount whose own clause states none ("，所需经费为66 100美元"), from
        the clauses since the one of the amount before it ("以及一名一般事务(其他职等)人员，为期6个月，
        所需经费为66 100美元"); ``q`` when those state none either."""
        cut = _CLAUSE.search(text, prev.end, mo.start)
        if cut is None:
            return q
        wider = qx.extract(text[cut.end():mo.start] + " " + after)
        return wider if _has_item(wider) else q

    @staticmethod
    def _quantities(before: str, after: str) -> dict[str, Any]:
        """Quantities of the purpose clause after the amount, else of the whole segment."""
        if _PURPOSE.match(after):
            q = qx.extract(after)
            if any(k in q for k in qx.COUNTABLE + ("grade", "days", "languages")):
                return q
        return qx.extract(before + " " + after)

    def _following(self, text: str, sents: list[tuple[int, int]], sent: tuple[int, int],
                   money: list[Money]) -> str:
        """Sentences after ``sent`` in the paragraph, up to the next one with an amount (once per
        sentence of a block: see :meth:`_read_block`)."""
        key = ("following", sent)
        if key not in self._memo:
            starts = [m.start for m in money] if "starts" not in self._memo else self._memo["starts"]
            out = []
            for a, b in sents[bisect.bisect_left(sents, (sent[1], -1)):]:
                if bisect.bisect_left(starts, a) < bisect.bisect_left(starts, b):
                    break
                out.append(text[a:b])
            self._memo[key] = "".join(out)
        return str(self._memo[key])

    def _funding_before(self, text: str, sents: list[tuple[int, int]], sent: tuple[int, int]) -> tuple[str, str] | None:
        """The funding the nearest earlier sentence of the block names, with that sentence."""
        i = bisect.bisect_right(sents, (sent[0], sent[0])) - 1
        while i >= 0 and sents[i][1] > sent[0]:
            i -= 1
        pending = []
        found: tuple[str, str] | None = None
        while i >= 0:
            key = ("before", i)
            if key in self._memo:
                found = self._memo[key]
                break
            pending.append(i)
            a, bb = sents[i]
            f = qx.find_funding(text[a:bb])
            if f:
                found = (f, text[a:bb])
                break
            i -= 1
        for j in pending:
            self._memo[("before", j)] = found
        return found

    def _funding(self, text: str, sents: list[tuple[int, int]], sent: tuple[int, int],
                 mo: Money, money: list[Money], b: _Block, k: int,
                 starts: list[int] | None = None) -> tuple[str | None, str]:
        seg_a, seg_b = _segment(text, sent, money, k, starts)
        s = text[seg_a:seg_b]
        f = qx.find_funding(s, mo.start - seg_a)
        if f:
            return f, s
        follow = self._following(text, sents, sent, money)
        if follow:
            f = qx.find_funding(follow)
            if f:
                return f, follow
        before = self._funding_before(text, sents, sent)
        if before:
            return before
        p = b.parent
        while p is not None:
            f = qx.find_funding(p.text)
            if f:
                return f, p.text
            p = p.parent
        return None, ""

    def _inherit(self, b: _Block, q: dict[str, Any], year: int | None) -> None:
        """Fill missing quantities from the lead-in of the list ``b`` belongs to."""
        lead = b.parent.text if b.parent else ""
        keep = []
        for clause in re.split(r"[,;。:]|\.\s", lead):  # a sentence ends a clause too
            ys = qx.find_years(clause)
            if len(set(ys)) > 1 and year is not None and year in ys:
                # "two meetings in 2011 and two meetings in 2012": keep the year's own part
                clause = " ".join(piece for piece in re.split(r"\band\b|和|及|以及", clause)
                                  if year in qx.find_years(piece) or not qx.find_years(piece))
            if not ys or (year is not None and year in ys):
                keep.append(clause)
        got = qx.extract(",".join(keep))
        added = [k for k in _INHERIT if k in got and k not in q]
        for k in added:
            q[k] = got[k]
        for k in ("meetings", "workshops"):
            if k in added and b.parent is not None:
                # the lead-in's meetings less those another item of the list states as its own
                # (meetings of the same year and kind: with interpretation or without)
                own = sum(int(self._own(s).get(k, 0)) for s in b.parent.children if s is not b
                          and self._own(s).get("interpretation") == q.get("interpretation")
                          and (year is None or not qx.find_years(s.text) or year in qx.find_years(s.text)))
                if 0 < own < int(got[k]):
                    q[k] = int(got[k]) - own
        if added:
            q["inherited"] = added

    def _own(self, b: _Block) -> dict[str, Any]:
        """The quantities an item of a list states in its own text (once per item)."""
        if id(b) not in self._own_q:
            self._own_q[id(b)] = qx.extract(b.text)
        return self._own_q[id(b)]

    def _ops(self, b: _Block, seg: str, before: str, q: dict[str, Any],
             first: tuple[list[str], int] | None = None) -> list[str]:
        # the text before the amount names (if anything) what the block names first, so the block
        # is searched once, not each of its prefixes: linear however many amounts it holds
        block_ops = (first if first is not None else qx.find_ops_at(b.text))[0]
        ops = qx.find_ops(seg)
        if ops:
            return ops
        if block_ops:
            return block_ops
        p = b.parent
        while p is not None:
            ops = qx.find_ops(p.text)
            if ops:
                return ops
            p = p.parent
        op = self._infer_op(before)
        if op:
            q["op_inferred"] = True
            return [op]
        return []

    # -- totals ----------------------------------------------------------------------------
    def _range_total(self, c: Claim, pool: list[Claim]) -> None:
        """The parts of a total stated as a range: the amounts (single or ranges) of the paragraphs
        before it since the last total, of the same funding, none conditional, none of staff assessment."""
        parts = [x for x in pool
                 if x.low is not None and x.high is not None and x.paragraph != c.paragraph
                 and not x.is_total and _adds(x, c) and not x.quantities.get("optional") and not x.quantities.get("further")
                 and not x.quantities.get("income_offset") and not x.quantities.get("staff_assessment")
                 and (c.funding is None or x.funding in (None, c.funding) or {c.funding, x.funding} <= _REGULAR)]
        if parts:
            c.quantities["total_of"] = [x.paragraph for x in parts]
            c.quantities["range_parts"] = [(x.low, x.high) for x in parts]

    def _sentence_before(self, x: Claim, c: Claim) -> bool:
        """``x`` stands in a sentence of ``c``'s paragraph before ``c``'s ("… $32,400. Those
        requirements, totalling $111,100, …"), neither being in a table."""
        at_x, at_c = self._at.get(id(x)), self._at.get(id(c))
        return at_x is not None and at_c is not None and at_x[0] == at_c[0] and at_x[1][1] <= at_c[1][0]

    def _same_sentence_before(self, x: Claim, c: Claim) -> bool:
        """``x`` stands before ``c`` in ``c``'s sentence."""
        at_x, at_c = self._at.get(id(x)), self._at.get(id(c))
        return at_x is not None and at_c is not None and at_x[:2] == at_c[:2] and at_x[2] < at_c[2]

    def _year_totals(self, done: list[Claim], c: Claim) -> list[Claim]:
        """The totals of single years just before ``c``, a total of no year, in its sentence ("2027年将
        需要追加经费379 800美元，2028年…390 100美元，两年共计769 900美元"): its parts, for a total that
        finds no other (the items above are theirs). Two or more, of different years."""
        run: list[Claim] = []
        for x in reversed(done):
            if not (x.is_total and x.year is not None and x.amount is not None
                    and self._at.get(id(x), ("",))[0] == self._at.get(id(c), ("", (0, 0)))[0]
                    and self._at[id(x)][1] == self._at[id(c)][1]):
                break
            run.insert(0, x)
        return run if len(run) > 1 and len({x.year for x in run}) == len(run) else []

    def _resolve_totals(self) -> None:
        done: list[Claim] = []
        since = before_prev = 0
        #: id(part) → the year of the "comprising" total it is listed under, for a part that names none
        year_of: dict[int, int] = {}
        shares: set[int] = set()  # id(part) of a total's parts by year, each a year's requirements
        for c in self.claims:
            if id(c) in year_of:  # "In 2027, the requirements of $734,500 would cover … ($398,200), …"
                at = self._at[id(c)]
                c = replace(c, year=year_of[id(c)])
                self._at[id(c)] = at
            if c.is_total and c.amount is None and c.low is not None and not c.quantities.get("total_kind"):
                self._range_total(c, done[since:])  # "共计84 800至94 800美元"
                done.append(c)
                since = len(done)
                continue
            if c.quantities.get("restates") and not c.is_total and c.amount is not None:
                said = _total_said(done, c)
                if said is not None:  # "The requirements of $87,900 would be absorbed …": the total again
                    c.quantities.update(is_total=True, total_of=[said.paragraph], parts=[said.amount])
                done.append(c)
                continue
            if not c.is_total or c.amount is None:
                done.append(c)
                continue
            if c.quantities.get("total_kind"):
                para, sent, pos = self._at[id(c)]
                follow = [x for x in self._by_sent.get((para, sent), []) if x is not c and self._at[id(x)][2] > pos]
                follow += self._by_sent.get(self._parts_in.get(id(c), ("", (0, 0))), [])
                comprising = c.quantities["total_kind"] == "comprising"
                nested = next((i for i, x in enumerate(follow)
                               if x.is_total or (comprising and x.quantities.get("of_which"))), len(follow))
                net = bool(_NET.search(c.text))  # "$201,000 (net), comprising …": without staff assessment
                parts = [x for x in follow[:nested] if x.amount is not None and _adds(x, c)
                         and not x.quantities.get("income_offset")
                         and not (net and x.quantities.get("staff_assessment"))]
                c.quantities["total_of"] = [x.paragraph for x in parts]
                c.quantities["parts"] = [x.amount for x in parts]
                if len(parts) > 1 and len({x.year for x in parts} - {None}) == len(parts):
                    # "114 600 dollars au total, soit 56 100 dollars pour 2027 et 58 500 dollars pour 2028":
                    # each part the requirements of its year; when items of that year are stated above
                    # it, they said again, never a part of a later total
                    items = {x.year for x in done[since:] if not x.is_total and x.amount is not None}
                    shares.update(id(x) for x in parts if x.year in items)
                if c.year is not None and not _YEARS_JOINED.search(c.text):
                    year_of.update((id(x), c.year) for x in parts if x.year is None)
                named = self._named_at.get(id(c))
                if c.sections and named is not None and named not in {self._named_at.get(id(x)) for x in parts}:
                    c.quantities["stated_sections"] = list(c.sections)  # its own, not a part's
                if len({x.sections for x in parts}) > 1:  # a total across sections: under theirs, not one
                    secs = tuple(dict.fromkeys(sec for x in parts for sec in x.sections))
                    c = replace(c, section=None, sections=secs)
                    self._at[id(c)] = (para, sent, pos)
                done.append(c)
                continue
            said = next((x for x in reversed(done) if x.is_total and x.amount == c.amount
                         and (x.year is None or c.year is None or x.year == c.year)),
                        None) if c.quantities.get("sent_on") else None
            if said is not None:
                # "… totalling $157,900, comprising …. The additional requirements of $157,900 would be
                # considered …": the total said again, the sum of nothing more
                c.quantities["total_of"] = [said.paragraph]
                c.quantities["parts"] = [said.amount]
                done.append(c)
                continue
            children = [x for x in self.claims if x.paragraph.startswith(c.paragraph + "(")]
            prev = done[-1] if done else None
            if (prev is not None and prev.is_total and prev.paragraph == c.paragraph and c.year is not None
                    and prev.year != c.year and not prev.quantities.get("total_kind")):
                # "$111,100 in 2027 and $111,100 in 2028", "共计163 600美元，2027年76 800美元，2028年…":
                since = before_prev  # totals of one pool, by year (after the total of both, if stated)
            pool = children or [x for x in done[since:] if x.paragraph != c.paragraph
                                or self._sentence_before(x, c)]
            if c.quantities.get("sums_before"):
                own = [x for x in done[since:] if self._same_sentence_before(x, c)]
                pool = own if len(own) > 1 else pool
            years = {x.year for x in pool if x.amount is not None and not x.is_total}
            by_year = c.year is not None and c.year in years and len(years - {None}) > 1
            if by_year:
                pool = [x for x in pool if x.year in (None, c.year)]  # a total for 2027 of the 2027 amounts
            total_ops = {op.split("(")[0] for op in (c.operative_paragraph or "").split(", ") if op}
            gross = bool(_GROSS.search(c.text))
            parts = [x for x in pool
                     if x.amount is not None and not x.is_total and _adds(x, c)
                     and not x.quantities.get("optional")
                     # "a further $0.3 million in 2028": apart from the items of 2027, one of 2028's
                     and (not x.quantities.get("further") or (by_year and x.year == c.year))
                     and not x.quantities.get("income_offset")
                     and id(x) not in shares  # a year's share of a total: the items above, said again
                     and (gross or not x.quantities.get("staff_assessment"))
                     and (c.funding is None or x.funding in (None, c.funding)
                          or {c.funding, x.funding} <= _REGULAR)
                     and (not total_ops or x.operative_paragraph is None
                          or x.operative_paragraph.split("(")[0].split(",")[0] in total_ops)]
            if not parts and c.quantities.get("sent_on"):  # one amount stated above, sent on alone
                parts = [x for x in reversed(done) if x.amount == c.amount and _adds(x, c)][:1]
            if not parts and c.year is None:
                parts = self._year_totals(done, c)
            c.quantities["total_of"] = [x.paragraph for x in parts]
            c.quantities["parts"] = [x.amount for x in parts]
            done.append(c)
            before_prev, since = since, len(done)
        self.claims = done


# ============================================================================ entry points


_EXCERPT_KEY = re.compile(r"programme\s+budget\s+implications|contingency\s+fund|appropriation|"
                          r"extrabudgetary|regular\s+budget|voluntary\s+contributions|"
                          r"additional\s+(?:\w+\s+)?(?:resources|requirements)|\brequirements\b|"
                          r"\bunder\s+section\s+\d|\brevised\s+estimates\b|所涉(?:行政和)?方案预算|财务说明|订正估计|"
                          r"追加|预算外", re.I)
#: funding sources a total may add up across: money of the regular budget, now or later
_REGULAR = frozenset({"regular_budget", "budget_process", "contingency_fund"})


def _excerpt_head(lines: list[Line]) -> list[tuple[_Head, int]]:
    """An excerpt without a note heading (paragraphs 12 to 15 of a statement, an ACABQ or Fifth
    Committee text): one note from the first numbered paragraph, when the text states money and
    speaks of budget implications."""
    first = next((i for i, ln in enumerate(lines) if _PARA.match(ln.text)), None)
    if first is None:
        return []
    body = join_lines(lines[first:]).text
    if not find_money(body) or not _EXCERPT_KEY.search(body):
        return []
    title = join_lines(lines[:first]).text.strip() if first else ""
    return [(_Head(None, lines[first].number if not first else lines[0].number, title, first),
             len(lines))]


def _unnumbered_heads(lines: list[Line]) -> list[tuple[_Head, int]]:
    """A text without numbered paragraphs (a Fifth Committee decision): a note under each heading
    "Programme budget implications of draft resolution …" whose text states money, or the whole
    text as one note, when it states money and speaks of budget implications."""
    starts = [i for i, ln in enumerate(lines) if _TITLE_START.match(ln.text)] or [0]
    out = []
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        body = join_lines(lines[i:end]).text
        if not find_money(body) or not _EXCERPT_KEY.search(body):
            continue
        title = lines[i].text.strip() if _TITLE_START.match(lines[i].text) else ""
        # a heading of its own is not a paragraph; a heading run on into its text (a flattened page) is
        first = i + 1 if title and len(title) < 200 and i + 1 < end else i
        out.append((_Head(None, lines[i].number, title[:200], first), end))
    return out


#: a paragraph number run into the text of a flattened page ("… (Uganda) 1. At its 23rd meeting")
_INLINE_PARA = re.compile(r"(?<=\S)\s+(\d{1,2})\.\s+(?=[A-Z“\"(])")
#: a heading run into the text of a flattened page
_INLINE_HEAD = re.compile(r"(?<=\S)\s+(?=(?:Statement\s+submitted\s+by|Programme\s+budget\s+implications\s+of)\b)")


def _reflow(lines: list[Line]) -> list[Line]:
    """Lines of a page flattened into a few long lines, broken again before its headings and
    before paragraph numbers that run in order (1., 2., 3. …)."""
    out: list[Line] = []
    for ln in lines:
        cuts = {m.end() for m in _INLINE_HEAD.finditer(ln.text)}
        expect = None
        for m in _INLINE_PARA.finditer(ln.text):
            n = int(m.group(1))
            if expect is None or n == expect:
                cuts.add(m.start(1))
                expect = n + 1
        bounds = [0, *sorted(cuts), len(ln.text)]
        pieces = [ln.text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        out += [Line(ln.number, p.strip()) for p in pieces if p.strip()]
    return out


def _name(annex: int | None, symbol: str | None, title: str, lead: str, source: str, document: str | None = None) -> str:
    """A note's name: its draft's symbol, else "annex IV", else a symbol in its heading or
    opening, else its heading (shortened), else the symbol of the document it is an excerpt of
    (its page header), else the file's name."""
    if symbol:
        return symbol
    if annex is not None:
        return f"annex {_roman(annex)}"
    doc = _DOC_SYMBOL.search(title) or _DOC_SYMBOL.search(lead)
    if doc:
        return doc.group(0).rstrip(".)")
    words = title.split()
    short = " ".join(words[:10]) + (" …" if len(words) > 10 else "")
    return short or document or (Path(source).name if source != "<text>" else "the text")


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                          (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += digits
            n -= value
    return out


def _read(text: str, source: str, lang: str | None = None) -> list[Note]:
    lines = clean_lines(text)
    lex = lx.lexicon(lang or lx.detect(join_lines(lines).text) or "")
    unwritten: dict[int, str] | None = None  # each line before the rewrite of its words, by its number
    if lex is not None:
        lines = lx.unreverse_groups(lines, lex)
        unwritten = {ln.number: ln.text for ln in lines}
        lines = lx.canonical_lines(lines, lex)
    notes: list[Note] = []
    # the symbol in an excerpt's page header ("E/2002/43/Rev.1"): a name for a note with no other
    document = next((m.group(0) for raw in normalize(text[:2000]).split("\n")[:8]
                     if is_furniture(raw.strip()) for m in [_DOC_SYMBOL.match(raw.strip())] if m), None)
    heads = _find_heads(lines) or _excerpt_head(lines)
    if not heads and any(len(ln.text) > 300 for ln in lines):
        flowed = _reflow(lines)
        heads = _find_heads(flowed) or _excerpt_head(flowed)
        lines = flowed if heads else lines
        unwritten = None if heads else unwritten  # pieces of one long line share its number
    unnumbered = not heads
    if unnumbered:
        lines = _reflow(lines)
        heads = _unnumbered_heads(lines)
    before = 0  # where the lines of a note's heading begin: after the previous note's body
    for pos, (head, end) in enumerate(heads, start=1):
        heading = qx.stations_named(" ".join(ln.text for ln in lines[before:head.body_start]))
        before = end
        body, tables = find_tables(lines[head.body_start:end], _TABLE_END)
        blocks = _split_blocks(body, lex, unnumbered=unnumbered, raw=None if unnumbered else unwritten)
        if not blocks:
            continue
        note_no = head.annex if head.annex is not None else pos
        claims = _NoteReader(blocks, note_no).read()
        whole = " ".join(b.text for b in blocks)
        first = _period_year(whole)
        if first is None:  # a statement whose activities name one year, and the paragraphs costing them none
            years = set(qx.find_years(whole))
            first = years.pop() if len(years) == 1 else None
        if first is not None:
            for c in claims:
                if c.year is None:
                    c.quantities.setdefault("period_year", first)
        _document_length(claims, whole, blocks)
        _meeting_services(claims, blocks)
        stations = qx.stations_named(whole)
        for c in claims:  # subsistence is paid where the persons meet: the one station the note names
            dsa = c.quantities.get("dsa_only")
            if dsa and not dsa["location"] and not c.quantities.get("location") and len(stations) == 1:
                dsa["location"] = next(iter(stations))
        for table in tables:
            claims += _table_claims(table, body, blocks, note_no)
        _totals_in_tables(claims)
        sym = _SYMBOL.search(whole) or _SYMBOL.search(head.title)
        symbol = sym.group(0) if sym else None
        title = head.title.rstrip("* ").strip()
        name = _name(head.annex, symbol, title, blocks[0].text[:300], source, document)
        claims = [replace(c, note_name=name) for c in claims]
        notes.append(Note(
            annex=head.annex, symbol=symbol, title=title,
            paragraphs=[Paragraph(b.number, b.text, b.line) for b in blocks],
            source=source, line=head.line, claims=claims, name=name,
            station=next(iter(heading)) if len(heading) == 1 else None))
    return notes


def _totals_in_tables(claims: list[Claim]) -> None:
    """A total of the text whose parts the text does not state ("The revised requirements for 2027
    amount to $402,800, …, as shown in table 1") is the table's total row of the same amount and year:
    that row, whose own parts the table checks, is its one part."""
    rows = [c for c in claims if c.quantities.get("table") and c.is_total and c.quantities.get("parts")
            and not c.quantities.get("earlier_estimate")]
    for c in claims:
        q = c.quantities
        if q.get("restates") and not c.is_total and c.amount is not None:
            said = _total_said(rows, c)  # "The requirements of $39,000 would be absorbed": a table's total
            if said is not None:
                q.update(is_total=True, total_of=[said.paragraph], parts=[said.amount])
            continue
        # the requirements sent on to be funded ("additional requirements of $952,700 would be charged
        # against …") restate the table's total rather than add the text's amounts again
        if not c.is_total or q.get("table") or (q.get("parts") and not q.get("sent_on")) \
                or q.get("range_parts") or c.amount is None:
            continue
        row = next((r for r in rows if r.amount == c.amount and (c.year is None or r.year in (None, c.year))), None)
        if row is not None:
            q["total_of"], q["parts"] = [row.paragraph], [row.amount]


#: quantities that say an amount pays for something other than one document
_NOT_A_DOCUMENT = ("pages", "words", "meetings", "workshops", "work_months", "participants", "trips", "grade",
                   "days", "weeks", "copies")


def _meeting_services(claims: list[Claim], blocks: list[_Block]) -> None:
    """The services of meetings an amount counts without them, from the one paragraph that states
    as many meetings with their services ("8 meetings with interpretation in the six official
    languages" … "The meeting servicing of 8 meetings would require $48,000"): only when the amount
    costs meetings and nothing else, and one other paragraph states that count with interpretation."""
    stated: dict[int, list[dict[str, Any]]] = {}
    for b in blocks:
        q = qx.extract(b.text)
        if q.get("interpretation") is True and q.get("meetings") and "events" not in q and "days" not in q:
            stated.setdefault(int(q["meetings"]), []).append(q)
    for c in claims:
        q = c.quantities
        same = stated.get(int(q.get("meetings") or 0), [])
        if len(same) != 1 or c.low is None or q.get("is_total") or "interpretation" in q \
                or "meetings" in q.get("inherited", ()) \
                or any(k in q for k in ("days", "weeks", "pages", "words", "grade", "work_months", "trips",
                                        "participants", "travel", "events")):
            continue
        q["interpretation"] = True
        for key in ("languages", *qx.MEETING_SERVICES):
            if key in same[0]:
                q.setdefault(key, same[0][key])
        q["services_elsewhere"] = True


_LENGTH_WORDS = re.compile(r"\d\s*(?:words|pages|字|页)", re.I)


def _document_length(claims: list[Claim], whole: str, blocks: list[_Block]) -> None:
    """The length of the one document a statement requests, for the amount that processes it in
    another paragraph ("… a summary report of 10,700 words." … "The summary report would be processed
    in Geneva in the six official languages, at a cost of $18,500"): only when the note states one
    length, and the amount costs a report or document in languages and nothing else."""
    length = qx.extract(whole)
    if "words_all" in length or "pages_all" in length or not (length.get("words") or length.get("pages")):
        return
    order = {b.number: i for i, b in enumerate(blocks)}
    stated = next((i for i, b in enumerate(blocks) if _LENGTH_WORDS.search(b.text)
                   and any(qx.extract(b.text).get(k) for k in ("words", "pages"))), None)
    for c in claims:
        q = c.quantities
        # the languages of the note, for an amount that names none ("The cost of the report, estimated
        # at $24,500, …"), only after the paragraph that requests the document and states its length
        langs = q.get("languages") or (length.get("languages") if stated is not None
                                       and stated < order.get(c.paragraph, -1) else None)
        if (q.get("report") or q.get("documentation")) and langs \
                and c.low is not None \
                and not q.get("is_total") and not any(k in q for k in _NOT_A_DOCUMENT) \
                and q.get("interpretation") is not True and not q.get("travel"):
            key = "words" if length.get("words") else "pages"
            q[key] = length[key]
            q.setdefault("languages", langs)
            q["length_elsewhere"] = True
            station = qx.processed_in(c.text)
            if station:  # "would be processed in Geneva": the document's station
                q[f"{key}_location"] = station


#: the budget period a note names: "programme budget for 2022", "… for the biennium 2016–2017"
_PERIOD = re.compile(r"(?<!proposed )programme\s+budget\s+for\s+(?:the\s+biennium\s+)?((?:19|20)\d\d)\b|"
                     r"((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d\s*两年期方案预算|((?:19|20)\d\d)\s*年方案预算", re.I)


def _period_year(text: str) -> int | None:
    """The first year of the one budget period a note names (None for none or several)."""
    years = {int(next(g for g in m.groups() if g)) for m in _PERIOD.finditer(text)}
    return years.pop() if len(years) == 1 else None


_TABLE_END = re.compile(f"{_PARA.pattern}|{_CHAPTER.pattern}")


def _described_items(text: str) -> dict[str, dict[str, Any]]:
    """The items a paragraph lists without amounts, between semicolons, by kind ("travel", "staff",
    "consultant"): the quantities of the one item of each kind (none when two are of one kind)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for piece in re.split(r"[;；]", text):
        if find_money(piece):
            continue
        q = qx.extract(piece)
        kind = ("travel" if q.get("trips") else "staff" if q.get("grade") and q.get("work_months")
                and not q.get("consultant_months") else "consultant" if q.get("consultant_months") else None)
        if kind:
            found.setdefault(kind, []).append(q)
    return {kind: qs[0] for kind, qs in found.items() if len(qs) == 1}


#: how a claim of a table of revised estimates names its column ("3 (table: Travel, initial estimate, 2027)")
_COLUMN_NAMES = {"earlier": "earlier estimate", "change": "change"}


def _table_claims(table: Table, body: list[Line], blocks: list[_Block], note_no: int | None) -> list[Claim]:
    """The figures of a statement's table as claims of the paragraph it follows, named by row and
    column ("3 (table: Total (net), 2023)"), each total with its parts (see :mod:`pbi.check.tables`)."""
    at = body[table.after].number if table.after >= 0 else 0
    owner = next((b for b in reversed(blocks) if b.lines and b.lines[0].number <= at), None)
    num = owner.number if owner else "0"

    def name(t: TableAmount) -> str:  # "3 (table: Subtotal, section 16, 2023)"
        where = [t.label.strip()] + ([f"section {t.section}"] if t.role in ("object", "subtotal") and t.section
                                     and qx.find_section(t.label) != t.section else [])
        where += [_COLUMN_NAMES[t.column]] if t.column in _COLUMN_NAMES else []
        return f"{num} (table: {', '.join(where)}, {t.year or 'total'})"

    described = _described_items(owner.text) if owner else {}
    amounts = table_amounts(table)
    if owner is not None and table.kind != "items" and all(t.section is None for t in amounts):
        # a table of objects of expenditure alone, after a paragraph that names its one section ("The
        # requirements …, under section 24, Human rights, are set out by object of expenditure in table 1")
        named = {sec for sec in qx.find_sections(owner.text) if sec != "36" and not sec.startswith("income")}
        if len(named) == 1:
            only = named.pop()
            for t in amounts:
                if t.role in ("object", "subtotal", "net"):
                    t.section = only
    out: list[Claim] = []
    for t in amounts:
        para = name(t)
        q: dict[str, Any] = {"table": True}
        kind = lx.object_of_expenditure(t.label) if t.role == "object" and not t.is_total else None
        if kind in described:  # "… in table 1: the travel of six representatives …, with …; …"
            q.update(described[kind], described_in=num)
        if t.is_total:
            q.update(is_total=True, total_of=[name(p) for p in t.parts], parts=[p.amount for p in t.parts])
        if t.column == "earlier":
            q["earlier_estimate"] = True  # the estimate a revised one replaces: priced, not a part
        elif t.column == "change":
            q["reduction"] = True  # a change from the earlier estimate: neither priced nor a part
        if t.role == "staff_assessment":
            q["staff_assessment"] = True
        elif t.role == "income":
            q["income_offset"] = True
        year = f" {t.year}" if t.year else ""
        out.append(Claim(note=note_no, paragraph=para, amount=t.amount, low=t.amount, high=t.amount,
                         quantities=q, funding=t.funding or "regular_budget", year=t.year, operative_paragraph=None,
                         text=f"{t.label.strip()}{year}", line=t.line, section=t.section))
    return out


#: the largest text ``pbi check`` reads: a published report runs to a few hundred kilobytes
MAX_TEXT_BYTES = 2_000_000
#: the most numbers one file may hold (a session report with nine notes holds under 2,000): checking
#: takes about a millisecond and a half an amount, so 250,000 amounts on one line took minutes
MAX_TEXT_NUMBERS = 10_000
#: the longest run of digits a text may hold: no note prints a number of more (a run of 400,000
#: digits took minutes to read)
MAX_DIGIT_RUN = 100
_DIGITS = re.compile(r"\d+")


def read_notes(text: str, *, lang: str | None = None, source: str = "<text>") -> list[Note]:
    """Every financial note in ``text``, with its paragraphs and claims.

    ``lang`` is one of :data:`LANGUAGES`; Chinese and English are recognised in any text, and a
    text in French, Spanish, Russian or Arabic is recognised by its words when ``lang`` is None.
    Raises :class:`CheckError` when the text cannot be read or holds no financial note;
    no other exception escapes.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = text[:exc.start].count(b"\n") + 1
            raise CheckError(f"not UTF-8 text (byte 0x{text[exc.start]:02x}; a Word file is read when "
                             "named .docx)", file=source, line=line) from exc
    if not isinstance(text, str):
        raise CheckError(f"expected text, got {type(text).__name__}", file=source)
    if len(text) > MAX_TEXT_BYTES:
        raise CheckError(f"text of {len(text):,} characters (expected at most {MAX_TEXT_BYTES:,}: "
                         "split it into files of a few notes each)", file=source)
    if lang is not None and lang not in _LANGS:
        raise CheckError(f"unknown language {lang!r} (expected one of {', '.join(_LANGS)})",
                         file=source, field="lang")
    try:
        notes = _read(text, source, lang)
    except CheckError as exc:
        raise exc.located(file=source) from None
    except Exception as exc:  # boundary: nothing but CheckError may reach the caller
        raise CheckError(f"cannot read the text ({type(exc).__name__}: {exc})",
                         file=source) from exc
    if not notes:
        raise CheckError("no financial note found (expected a heading such as "
                         "'关于题为“…”的决议草案的财务说明', 'Financial note on …' or 'Note financière "
                         "concernant …'; --lang names a text's language)",
                         file=source, line=1)
    return notes


#: files read as text would be bytes: a PDF, a Word 97-2003 document
_BINARY = ((b"%PDF", "a PDF file (pdftotext -layout gives its text)"),
           (b"\xd0\xcf\x11\xe0", "a Word 97-2003 document (.doc: save it as .docx)"))


def read_path(path: str | Path, *, lang: str | None = None) -> list[Note]:
    """:func:`read_notes` on a file: UTF-8 text, a Word file (.docx), Markdown (.md) or HTML (.html),
    each read as its text; unreadable files raise :class:`CheckError`."""
    from pbi.model.errors import InputError
    from pbi.model.yamlio import read_bytes

    p = Path(path)
    try:
        data = read_bytes(p, limit=MAX_TEXT_BYTES)
    except InputError as exc:
        raise CheckError(exc.message, file=str(p)) from None
    for magic, what in _BINARY:  # a format pbi check does not read: say so, not "not UTF-8"
        if data.startswith(magic):
            raise CheckError(f"{what}: pbi check reads text, .docx, .md and .html (extract the text first)",
                             file=str(p), line=1)
    if is_docx(p, data[:4]):  # a statement saved as a Word file: its paragraphs and tables as text
        text = docx_text(p)
        if len(text) > MAX_TEXT_BYTES:
            raise CheckError(f"a Word document of {len(text):,} characters of text (expected at most "
                             f"{MAX_TEXT_BYTES:,}: split it into files of a few notes each)", file=str(p))
        data = text.encode("utf-8")
    if p.suffix.lower() in (*MARKDOWN_SUFFIXES, *HTML_SUFFIXES):  # a statement in Markdown or HTML: its text
        try:
            data = markup_text(p, data.decode("utf-8")).encode("utf-8")
        except UnicodeDecodeError:
            pass  # read_notes names the line that is not UTF-8
    count = longest = 0
    for run in _DIGITS.finditer(data.decode("utf-8", "replace")):
        count, longest = count + 1, max(longest, run.end() - run.start())
    if count > MAX_TEXT_NUMBERS:
        raise CheckError(f"{count:,} numbers in one file (at most {MAX_TEXT_NUMBERS:,}): not a financial "
                         "note or a report of a few; split the file", file=str(p))
    if longest > MAX_DIGIT_RUN:
        raise CheckError(f"a run of {longest:,} digits (at most {MAX_DIGIT_RUN}): not a number a note prints",
                         file=str(p))
    return read_notes(data, lang=lang, source=str(p))  # type: ignore[arg-type]
