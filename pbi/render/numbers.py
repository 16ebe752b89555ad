"""Numbers, amounts, ranges and lists written the way UN documents write them, per language.

Amounts are Decimal (already rounded by the engine); nothing here rounds, and nothing goes
through float. Chinese: ``23,000 美元``, ``800,000 到 1,200,000 美元``, ``三天``; English (UN
style): ``$23,000``, ``$800,000 to $1,200,000``, ``three work-months``, ``2012–2013``.
"""

from __future__ import annotations

from decimal import Decimal
from collections.abc import Iterable, Sequence

from pbi.model.errors import RenderError
from pbi.model.specs import Range

__all__ = ["SUPPORTED", "grouped", "money", "number", "count_word", "join", "ops_list", "paragraph_list",
           "period", "biennium_of", "language_names"]

#: languages with number formatting (templates decide which note kinds exist per language)
SUPPORTED = ("zh", "en")

_ZH_DIGITS = "零一两三四五六七八九十"  # counts: 两次, 两天
_EN_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_LANGUAGE_NAMES = {
    "zh": {"ar": "阿拉伯文", "zh": "中文", "en": "英文", "fr": "法文", "ru": "俄文", "es": "西班牙文"},
    "en": {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"},
}


def _check(lang: str) -> None:
    if lang not in SUPPORTED:
        raise RenderError(f"no number formatting for language {lang!r} (have: {', '.join(SUPPORTED)})")


def grouped(value: Decimal | int) -> str:
    """``1734600`` → ``1,734,600``; decimals are kept as they are (``160,040.50``)."""
    d = Decimal(value)
    if d == d.to_integral_value():
        return f"{d.quantize(Decimal(1)):,}"
    return f"{d:,f}"


def number(value: Range | Decimal | int, lang: str) -> str:
    """A plain number or range: ``600 到 900`` / ``600 to 900``."""
    _check(lang)
    r = Range.of(value)
    if not r.is_range:
        return grouped(r.low)
    return f"{grouped(r.low)}{'到' if lang == 'zh' else ' to '}{grouped(r.high)}"


def money(value: Range | Decimal | int, lang: str) -> str:
    """US dollars: ``23,000美元`` / ``$23,000``; a range ``800,000到1,200,000美元`` / ``$800,000 to $1,200,000``."""
    _check(lang)
    r = Range.of(value)
    if lang == "zh":
        return f"{number(r, lang)}美元"
    if not r.is_range:
        return f"${grouped(r.low)}"
    return f"${grouped(r.low)} to ${grouped(r.high)}"


def count_word(value: Range | Decimal | int, lang: str) -> str:
    """A count as prose writes it: words up to ten (三 / three), figures above (20)."""
    _check(lang)
    r = Range.of(value)
    if r.is_range:
        return number(r, lang)
    d = r.low
    if d == d.to_integral_value() and 0 <= d <= 10:
        return (_ZH_DIGITS if lang == "zh" else _EN_WORDS)[int(d)]
    return grouped(d)


def join(items: Sequence[str], lang: str, *, last: str | None = None) -> str:
    """``a、b和c`` / ``a, b and c``."""
    _check(lang)
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if lang == "zh":
        return "、".join(items[:-1]) + (last or "和") + items[-1]
    return ", ".join(items[:-1]) + f" {last or 'and'} " + items[-1]


def _split(ref: str) -> tuple[str, str]:
    head = ref.split("(", 1)[0]
    return head, ref[len(head):]


def ops_list(refs: Iterable[str], lang: str) -> str:
    """Paragraph references joined, with a shared number written once: ``1(a)和(c)``, ``3、4和5``."""
    out: list[str] = []
    previous = None
    for ref in refs:
        head, tail = _split(ref)
        out.append(tail if head and head == previous and tail else ref)
        previous = head
    return join(out, lang)


def paragraph_list(numbers: Sequence[int], lang: str) -> str:
    """``3、4和5`` / ``3, 4 and 5``; a run of four or more is ``4至11`` / ``4 to 11``."""
    nums = sorted(set(numbers))
    if len(nums) >= 4 and nums[-1] - nums[0] == len(nums) - 1:
        return f"{nums[0]}至{nums[-1]}" if lang == "zh" else f"{nums[0]} to {nums[-1]}"
    return join([str(n) for n in nums], lang)


def period(value: str, lang: str) -> str:
    """``2010-2011`` (zh) / ``2010–2011`` (en, with an en dash)."""
    return value if lang == "zh" else value.replace("-", "\u2013")


def biennium_of(year: int, budget_period: str) -> str:
    """The biennium a year falls in, counted from the spec's budget period: 2012 → ``2012-2013``."""
    start, _, end = budget_period.partition("-")
    if not end:
        return str(year)
    first = int(start) + ((year - int(start)) // 2) * 2
    return f"{first}-{first + 1}"


def language_names(codes: Sequence[str], lang: str) -> list[str]:
    _check(lang)
    return [_LANGUAGE_NAMES[lang][c] for c in codes]
