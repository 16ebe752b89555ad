"""Text helpers for published financial notes: normalisation, clean-up, numbers and amounts.

Everything here works on plain ``str`` and returns :class:`~decimal.Decimal` for money, never
``float``.  The raw input is PDF-extracted text: page headers and footers, footnotes that
interrupt paragraphs, lines broken mid-sentence and mid-number, full-width characters.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pbi.model.errors import CheckError

__all__ = [
    "Line",
    "Joined",
    "Money",
    "normalize",
    "clean_lines",
    "is_furniture",
    "join_lines",
    "rejoin",
    "is_cjk",
    "to_int",
    "parse_number",
    "parse_amount",
    "parse_range",
    "find_money",
]

# --------------------------------------------------------------------------- normalisation

_DASHES = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2212\ufe63"}
_INVISIBLE = {ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"}


def normalize(text: str) -> str:
    """NFKC, unify line ends, map hyphen-like dashes to ``-``, drop invisible characters.

    NFKC turns full-width digits and punctuation into ASCII (``１２,０００`` → ``12,000``,
    ``，`` → ``,``, ``（`` → ``(``) and ``㈠`` into ``(一)``.
    """
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_DASHES).translate(_INVISIBLE)


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs and CJK/full-width punctuation."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
            or 0x3000 <= o <= 0x303F)


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True)
class Line:
    """One physical line of the cleaned text; ``number`` is 1-based in the original."""

    number: int
    text: str  # right-stripped; leading blanks kept (indentation is a paragraph signal)


_JOB_NUMBER = r"[A-Z]{1,2}\.\d{2}-\d{4,6}"
_FURNITURE = re.compile(
    rf"^(?:\d{{1,4}}\s+{_JOB_NUMBER}|{_JOB_NUMBER}(?:\s+\d{{1,4}})?"
    r"|[A-Z]{1,6}(?:/[A-Za-z0-9.()\-]+){1,6}"  # a lone document symbol (page header)
    r"|-\s*\d{1,4}\s*-|\*{1,3})$"
)
_FOOTNOTE_SEP = re.compile(r"^_{5,}$")
_FOOTNOTE_START = re.compile(r"^(?:\*{1,3}|\d{1,3}|[a-z])\s+(\S)")
_TERMINAL = ("。", ".", ")", "”", "\"", "」", ";")
_MAX_FOOTNOTE_LINES = 8


def is_furniture(s: str) -> bool:
    """Page header/footer: ``64 V.10-58210``, ``CTOC/COP/2010/17`` (not a draft ``L.`` symbol)."""
    if len(s) > 60 or not _FURNITURE.match(s):
        return False
    return "/L." not in s


def _footnote_start(s: str) -> bool:
    m = _FOOTNOTE_START.match(s)
    if not m:
        return False
    if s[0].isalpha():  # letter markers: the footnote text must not read as running English
        first = m.group(1)
        return first.isupper() or first.isdigit() or not first.isascii()
    return True


def _skip_footnotes(lines: list[str], j: int) -> int:
    """Index of the first line after the footnote block that starts at ``lines[j]``."""
    n = len(lines)
    while True:
        k = j
        while k < n and not lines[k].strip():
            k += 1
        if k >= n or not _footnote_start(lines[k].strip()):
            return j
        # consume one footnote: until a line ends a sentence
        count = 0
        while k < n and count < _MAX_FOOTNOTE_LINES:
            s = lines[k].strip()
            k += 1
            if not s or is_furniture(s):
                continue
            count += 1
            if s.endswith(_TERMINAL):
                break
        j = k


def clean_lines(text: str) -> list[Line]:
    """Normalise ``text`` and drop blank lines, page furniture and footnote blocks."""
    raw = normalize(text).split("\n")
    out: list[Line] = []
    i, n = 0, len(raw)
    while i < n:
        s = raw[i].rstrip()
        stripped = s.strip()
        if not stripped or is_furniture(stripped):
            i += 1
            continue
        if _FOOTNOTE_SEP.match(stripped):
            i = _skip_footnotes(raw, i + 1)
            continue
        out.append(Line(i + 1, s))
        i += 1
    return out


# --------------------------------------------------------------------------- joining


@dataclass(frozen=True)
class Joined:
    """Lines re-joined into one string, with a map from string offsets to source lines."""

    text: str
    starts: tuple[int, ...]  # offset in ``text`` where each source line begins
    lines: tuple[int, ...]  # the source line number of each piece

    def line_at(self, pos: int) -> int:
        """Source line number of the character at ``pos``."""
        if not self.lines:
            return 0
        k = bisect_right(self.starts, max(pos, 0)) - 1
        return self.lines[max(k, 0)]


_GROUP_TAIL = re.compile(r"\d{1,3}(?:,\d{3})*,$")
_GROUP_HEAD = re.compile(r"\d{3}(?!\d)")


def _glue(prev: str, nxt: str) -> str:
    """The separator to put between two pieces of one broken line: ``""`` or ``" "``."""
    if not prev or not nxt:
        return ""
    a, b = prev[-1], nxt[0]
    if a == "-" and (b.isdigit() or b.isalpha()) and len(prev) > 1 and prev[-2].isalnum():
        return ""  # 2010-\n2011, pro-\ngramme
    if a == "," and _GROUP_TAIL.search(prev) and _GROUP_HEAD.match(nxt):
        return ""  # 1,200,\n000
    if is_cjk(a) or is_cjk(b):
        return ""  # 篇幅为 16\n页 → 篇幅为 16页 ; 会\n议 → 会议
    return " "


def join_lines(lines: list[Line]) -> Joined:
    """Join physical lines into one logical line, re-gluing broken words and numbers."""
    parts: list[str] = []
    starts: list[int] = []
    nums: list[int] = []
    pos = 0
    prev = ""
    for ln in lines:
        piece = ln.text.strip()
        if not piece:
            continue
        sep = _glue(prev, piece) if parts else ""
        parts.append(sep)
        pos += len(sep)
        starts.append(pos)
        nums.append(ln.number)
        parts.append(piece)
        pos += len(piece)
        prev = piece
    return Joined("".join(parts), tuple(starts), tuple(nums))


def rejoin(text: str) -> str:
    """Clean ``text`` and join all its lines into one string (convenience for short texts)."""
    return join_lines(clean_lines(text)).text


# --------------------------------------------------------------------------- numbers

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}


def _cn_int(s: str) -> int | None:
    """Chinese numerals up to 999: 三 → 3, 十二 → 12, 二十 → 20, 一百二十 → 120."""
    if not s or any(c not in _CN_DIGITS and c not in "十百" for c in s):
        return None
    total, cur = 0, 0
    for c in s:
        if c == "百":
            total += (cur or 1) * 100
            cur = 0
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = cur * 10 + _CN_DIGITS[c] if cur else _CN_DIGITS[c]
    return total + cur


def to_int(token: str) -> int | None:
    """An integer from digits (``1,200``), Chinese numerals (``六``) or English words (``six``)."""
    t = token.strip().lower().replace(",", "").replace(" ", "")  # 1,200 and 1 200
    if not t:
        return None
    if t.isdigit() and t.isascii():
        return int(t)
    if t in _EN_NUMBERS:
        return _EN_NUMBERS[t]
    return _cn_int(t)


NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: an amount as the United Nations prints it: ``156,600`` or ``156 600`` (a space or, before
#: normalisation, a no-break or thin space between groups of three digits)
NUM_UN = r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULTIPLIERS = {"million": Decimal(1_000_000), "百万": Decimal(1_000_000),
                "万": Decimal(10_000), "thousand": Decimal(1_000), "": Decimal(1)}
_MULT = r"(?:\s*(?:million|thousand|百万|万))?"


def parse_number(s: str) -> Decimal:
    """``"1,200,000"`` → ``Decimal("1200000")``; full-width digits are accepted."""
    t = normalize(str(s)).strip().replace(" ", "")
    if not re.fullmatch(NUM, t):
        raise CheckError(f"not a number: {s!r}", field="amount")
    try:
        return Decimal(t.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise CheckError(f"not a number: {s!r}", field="amount") from exc


def _value(num: str, mult: str) -> Decimal:
    return parse_number(num) * _MULTIPLIERS[mult.strip()]


# --------------------------------------------------------------------------- money


@dataclass(frozen=True)
class Money:
    """An amount of money found in a text: ``low == high`` unless it is a range."""

    start: int
    end: int
    low: Decimal
    high: Decimal
    text: str

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def rounded_to(self) -> Decimal | None:
        """The unit a figure stated in millions or thousands is rounded to ("$1.2 million": 100,000;
        "$3 million": 1,000,000); None for a figure stated in full."""
        m = _ROUNDED.search(self.text)
        if m is None:
            return None
        decimals = len(m.group(1) or "")
        return _MULTIPLIERS[m.group(2).lower()] / Decimal(10) ** decimals


_ROUNDED = re.compile(r"\d(?:\.(\d+))?\s*(million|thousand|百万|万)", re.I)
_N = rf"(?<![\d.])(?<!\d,)(?<!\d )({NUM_UN})({_MULT})"
_PRE = r"(?:US\s?\$|USD|\$)"
_POST = r"(?:美元|(?:United\s+States\s+|US\s+|U\.S\.\s+)?dollars\b)"
_TO = r"(?:到|至|-|~|to|and)"
_TO_MONEY = r"(?:到|至|-|~|to)"
_MONEY_RANGES = (
    # 800,000 到 1,200,000 美元 ; 从 800,000 美元至 1,200,000 美元 ; 800,000 to 900,000 dollars
    re.compile(rf"(?:(?:从|介于|from)\s*)?{_N}\s*(?:美元|dollars)?\s*{_TO_MONEY}\s*{_N}\s*{_POST}",
               re.I),
    # $800,000 to $1,200,000 ; from US$ 600,000 to 900,000
    re.compile(rf"(?:from\s*)?{_PRE}\s*{_N}\s*{_TO_MONEY}\s*(?:{_PRE}\s*)?{_N}", re.I),
    # between $80,000 and $120,000 ; between 80,000 and 120,000 dollars
    re.compile(rf"between\s*{_PRE}\s*{_N}\s*and\s*(?:{_PRE}\s*)?{_N}", re.I),
    re.compile(rf"between\s*{_N}\s*(?:dollars)?\s*and\s*{_N}\s*{_POST}", re.I),
)
_MONEY_SINGLE = (
    re.compile(rf"{_PRE}\s*{_N}", re.I),
    re.compile(rf"{_N}\s*{_POST}", re.I),
)


def find_money(text: str) -> list[Money]:
    """All amounts of money in ``text`` (already normalised), in order, ranges first-class."""
    found: list[Money] = []
    taken = bytearray(len(text))  # 1 where an amount already found lies: linear, however many amounts

    def free(a: int, b: int) -> bool:
        return taken.find(1, a, b) < 0

    def take(a: int, b: int) -> None:
        taken[a:b] = b"\x01" * (b - a)

    for rx in _MONEY_RANGES:
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            low, high = _value(m.group(1), m.group(2)), _value(m.group(3), m.group(4))
            found.append(Money(m.start(), m.end(), low, high, m.group(0)))
            take(m.start(), m.end())
    for rx in _MONEY_SINGLE:
        for m in rx.finditer(text):
            if not free(m.start(), m.end()):
                continue
            v = _value(m.group(1), m.group(2))
            found.append(Money(m.start(), m.end(), v, v, m.group(0)))
            take(m.start(), m.end())
    found.sort(key=lambda x: x.start)
    return found


_BARE_RANGE = re.compile(
    rf"^(?:从|介于|from|between)?\s*{_PRE}?\s*{_N}\s*(?:美元|dollars)?\s*(?:[^\d\s$]{{0,12}}\s*)?"
    rf"{_TO}\s*{_PRE}?\s*{_N}", re.I)
_BARE_SINGLE = re.compile(rf"^{_PRE}?\s*{_N}", re.I)


def parse_range(s: str) -> tuple[Decimal, Decimal]:
    """``"800,000 到 1,200,000"`` or ``"from 600 to 900 pages"`` → ``(low, high)``.

    A single figure gives ``(x, x)``.  Raises :class:`CheckError` if there is no figure.
    """
    t = rejoin(str(s)).strip()
    m = _BARE_RANGE.match(t)
    if m:
        return _value(m.group(1), m.group(2)), _value(m.group(3), m.group(4))
    m = _BARE_SINGLE.match(t)
    if m:
        v = _value(m.group(1), m.group(2))
        return v, v
    raise CheckError(f"no amount in {s!r}", field="amount")


def parse_amount(s: str) -> Decimal:
    """``"23,000"``, ``"１２,０００"``, ``"US$ 23,000"``, ``"$23,000"``, ``"23,000 美元"`` → Decimal.

    Raises :class:`CheckError` if ``s`` holds no amount or a range.
    """
    low, high = parse_range(s)
    if low != high:
        raise CheckError(f"a range, not one amount: {s!r}", field="amount")
    return low
