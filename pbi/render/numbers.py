"""Numbers, amounts, ranges and lists written the way UN documents write them, per language.

Amounts are Decimal, already rounded by the engine: nothing here rounds (Babel is called with
``decimal_quantization=False``, so it keeps every digit it is given and never rounds half-even), and
nothing goes through float. Grouping comes from Babel (CLDR); where the UN's house style differs
from CLDR, the style table :data:`STYLES` says so:

=====  ===========================  ======================================================
zh     ``23,000 美元``              ``800,000 到 1,200,000 美元``, counts in words: 三天
en     ``$23,000``                  ``$800,000 to $1,200,000``, ``three work-months``
fr     ``345 200 dollars``          narrow no-break space (U+202F) between groups, U+00A0 before dollars
es     ``345.200 dólares``          full stop between groups, decimal comma, U+00A0 before dólares
ru     ``345 200 долл. США``        no-break space (U+00A0) between groups
ar     ``345 200 دولار``            European digits 0–9 and a no-break space between groups
=====  ===========================  ======================================================

Arabic: UN Arabic documents print European digits, not the Arabic-Indic digits (٣٤٥) that CLDR
gives some Arabic locales, and group thousands with a space; the space here is U+00A0, whose
bidirectional class (CS, a number separator) keeps ``345 200`` one number inside right-to-left text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from pbi.model.errors import RenderError
from pbi.model.specs import Range

__all__ = ["SUPPORTED", "RTL", "STYLES", "NumberStyle", "grouped", "formatted", "money", "number", "count_word", "feminine",
           "plural", "plural_categories", "letter", "item_label", "subitem_label", "contract", "join", "ops_list", "paragraph_list", "period", "biennium_of", "language_names"]

#: languages with number formatting (templates decide which note kinds exist per language)
SUPPORTED = ("zh", "en", "fr", "es", "ru", "ar")
#: languages written right to left
RTL = frozenset({"ar"})


@dataclass(frozen=True)
class NumberStyle:
    """How one language writes numbers and amounts in UN documents."""

    locale: str                      #: Babel locale of the grouping pattern and symbols
    group: str | None = None         #: thousands separator, where UN style differs from CLDR
    decimal: str | None = None       #: decimal mark, where UN style differs from CLDR
    amount: str = "{n}"              #: one amount in US dollars
    to: str = " to "                 #: between the ends of a range
    range_amount: str = "{low}{to}{high}"  #: a range of amounts, from the formatted ends
    words: tuple[str, ...] = ()      #: counts 0–10 as words (masculine / default gender)
    feminine: dict[int, str] | None = None  #: counts whose feminine form differs
    neuter: dict[int, str] | None = None    #: counts whose neuter form differs
    conjunction: str = " and "       #: the last link of a list
    comma: str = ", "                #: the other links of a list
    run: str = "{a} to {b}"          #: a run of paragraph numbers


STYLES: dict[str, NumberStyle] = {
    "zh": NumberStyle("zh", amount="{n} 美元", to=" 到 ", range_amount="{low_n}{to}{high_n} 美元",
                      words=tuple("零一两三四五六七八九十"), conjunction="和", comma="、", run="{a}至{b}"),
    "en": NumberStyle("en", amount="${n}", range_amount="${low_n}{to}${high_n}",
                      words=("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")),
    "fr": NumberStyle("fr", group="\u202f", amount="{n}\u00a0dollars", to=" à ",
                      range_amount="{low_n}{to}{high_n}\u00a0dollars",
                      words=("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"),
                      feminine={1: "une"}, conjunction=" et ", run="{a} à {b}"),
    "es": NumberStyle("es", amount="{n}\u00a0dólares", to=" a ", range_amount="{low_n}{to}{high_n}\u00a0dólares",
                      words=("cero", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"),
                      feminine={1: "una"}, conjunction=" y ", run="{a} a {b}"),
    "ru": NumberStyle("ru", group="\u00a0", amount="{n}\u00a0долл.\u00a0США", to="\u2013",
                      range_amount="{low_n}{to}{high_n}\u00a0долл.\u00a0США",
                      words=("ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять",
                             "десять"),
                      feminine={1: "одна", 2: "две"}, neuter={1: "одно"}, conjunction=" и ", run="{a}\u2013{b}"),
    # Arabic counts stay in figures: the number–noun agreement is carried by plural() on the noun
    "ar": NumberStyle("ar", group="\u00a0", decimal=",", amount="{n} دولار", to=" إلى ",
                      range_amount="من {low_n}{to}{high_n} دولار", conjunction=" و", comma=" و",
                      run="{a} إلى {b}"),
}

_LANGUAGE_NAMES = {
    "zh": {"ar": "阿拉伯文", "zh": "中文", "en": "英文", "fr": "法文", "ru": "俄文", "es": "西班牙文"},
    "en": {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"},
    "fr": {"ar": "arabe", "zh": "chinois", "en": "anglais", "fr": "français", "ru": "russe", "es": "espagnol"},
    "es": {"ar": "árabe", "zh": "chino", "en": "inglés", "fr": "francés", "ru": "ruso",
           "es": "español"},
    "ru": {"ar": "арабский", "zh": "китайский", "en": "английский", "fr": "французский", "ru": "русский",
           "es": "испанский"},
    "ar": {"ar": "العربية", "zh": "الصينية", "en": "الإنكليزية", "fr": "الفرنسية", "ru": "الروسية",
           "es": "الإسبانية"},
}


def _style(lang: str) -> NumberStyle:
    try:
        return STYLES[lang]
    except KeyError:
        raise RenderError(f"no number formatting for language {lang!r} (have: {', '.join(SUPPORTED)})") from None


@lru_cache(maxsize=16)
def _symbols(locale: str) -> tuple[str, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_group_symbol(locale, numbering_system="latn"), get_decimal_symbol(locale, numbering_system="latn")


def formatted(value: Decimal | int, lang: str) -> str:
    """A number grouped as ``lang`` writes it, every digit kept: fr ``29 891,43``, es ``345.200``."""
    from babel.numbers import format_decimal

    style = _style(lang)
    d = Decimal(value)
    # Babel's patterns keep a 4-digit number ungrouped in es (CLDR minimum grouping); UN Spanish
    # documents group it (8.500 palabras), so the pattern is given, with the locale's symbols
    text = format_decimal(d, format="#,##0.###", locale=style.locale, decimal_quantization=False,
                          numbering_system="latn")
    if style.group is None and style.decimal is None:
        return text
    group, decimal = _symbols(style.locale)
    table = {ord(group): style.group or group, ord(decimal): style.decimal or decimal}
    return text.translate(table)


def grouped(value: Decimal | int) -> str:
    """``1734600`` → ``1,734,600``; decimals are kept as they are (``160,040.50``)."""
    return formatted(value, "en")


def number(value: Range | Decimal | int, lang: str) -> str:
    """A plain number or range: ``600 到 900`` / ``600 to 900`` / ``600 à 900``."""
    style = _style(lang)
    r = Range.of(value)
    if not r.is_range:
        return formatted(r.low, lang)
    return f"{formatted(r.low, lang)}{style.to}{formatted(r.high, lang)}"


def money(value: Range | Decimal | int, lang: str) -> str:
    """US dollars: ``23,000 美元`` / ``$23,000`` / ``23 000 dollars``; a range ``$800,000 to $1,200,000``."""
    style = _style(lang)
    r = Range.of(value)
    if not r.is_range:
        return style.amount.format(n=formatted(r.low, lang))
    return style.range_amount.format(low_n=formatted(r.low, lang), high_n=formatted(r.high, lang), to=style.to)


def count_word(value: Range | Decimal | int, lang: str, gender: str = "m") -> str:
    """A count as prose writes it: words up to ten (三 / three / trois; ``gender`` ``f`` or ``n`` where
    the word agrees: une, una, две), figures above (20); Arabic writes figures."""
    style = _style(lang)
    r = Range.of(value)
    if r.is_range:
        return number(r, lang)
    d = r.low
    if style.words and d == d.to_integral_value() and 0 <= d <= 10:
        i = int(d)
        forms = {"f": style.feminine, "n": style.neuter}.get(gender) or {}
        return forms.get(i, style.words[i])
    return formatted(d, lang)


def plural(value: Range | Decimal | int, lang: str, *forms: str) -> str:
    """The form of a noun after a count, by the CLDR plural category of the language: forms in the
    order of :func:`plural_categories` (ru ``one few many``: заседание, заседания, заседаний)."""
    from babel import Locale

    _style(lang)
    r = Range.of(value)
    categories = plural_categories(lang)
    if len(forms) != len(categories):
        raise RenderError(f"plural forms for {lang!r} are {' '.join(categories)}: got {len(forms)} forms")
    # a whole count computed as 1.0 (half a day's two meetings) is counted as 1, not as a fraction
    count = int(r.high) if r.high == r.high.to_integral_value() else r.high
    category = Locale.parse(lang).plural_form(count)
    if category not in categories:  # a fraction (ru "other": 19,9 процента) takes the form of few
        return forms[min(1, len(forms) - 1)]
    return forms[categories.index(category)]


def feminine(noun: str, lang: str, genders: Mapping[str, Sequence[str]] | None = None) -> bool:
    """Whether a noun phrase agrees in the feminine. Russian (nominative): its head noun, the last word
    of a body's short name (Ассамблея, Комиссия, Конференция; not Совет), ends in -а or -я. Arabic: its
    head noun, the first word (حلقة نقاش, دورة; not اجتماع), ends in the tā' marbūṭa ة. French and
    Spanish: its head noun, the first word (réunion-débat, atelier régional, mesa redonda), by ``genders``
    (the language's ``genders`` phrases: nouns, then endings); without them False. Other languages: False."""
    words = noun.strip().split()
    if not words:
        return False
    if lang == "ar":
        return words[0].endswith("ة")
    if lang in ("fr", "es") and genders:
        head = words[0].split("-")[0].lower()
        if head in genders.get("feminine", ()) or head in genders.get("masculine", ()):
            return head in genders.get("feminine", ())
        return head.endswith(tuple(genders.get("feminine_endings", ())))
    return lang == "ru" and words[-1][-1:] in ("а", "я")


def plural_categories(lang: str) -> tuple[str, ...]:
    """The plural forms a template gives, in order (the integer categories of CLDR)."""
    return {"zh": ("other",), "en": ("one", "other"), "fr": ("one", "other"), "es": ("one", "other"),
            "ru": ("one", "few", "many"), "ar": ("zero", "one", "two", "few", "many", "other")}[lang]


_ARABIC_LETTERS = ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
                   "ر", "ش", "ت", "ث", "خ", "ذ", "ض")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


def letter(i: int, lang: str) -> str:
    """The ``i``-th item letter: a, b, c … (Arabic: أ، ب، ج، د، هـ … in abjad order)."""
    return _ARABIC_LETTERS[i - 1] if lang == "ar" else chr(96 + i)


def item_label(i: int, lang: str) -> str:
    """The label of a lettered item: ``(a)`` (zh, en), ``a)`` (fr, es, ru), ``(أ)`` (ar)."""
    return f"{letter(i, lang)})" if lang in ("fr", "es", "ru") else f"({letter(i, lang)})"


def agenda_number(number: str, lang: str) -> str:
    """An agenda item's number as each language prints it: ``14 (c)`` (en, zh, ru), ``14 c)`` (fr,
    es), ``14 (ج)`` (ar: the item letter in abjad order). A number of another shape stays as written."""
    match = re.fullmatch(r"\s*(\d+)\s*\(([a-z])\)\s*", number)
    if match is None or lang not in ("fr", "es", "ar"):
        return number
    n, sub = match.group(1), match.group(2)
    i = ord(sub) - 96
    if lang == "ar":
        return f"{n} ({letter(i, lang)})" if i <= len(_ARABIC_LETTERS) else number
    return f"{n} {sub})"


def subitem_label(i: int, lang: str) -> str:
    """The label of a sub-item: ``㈠`` (zh), ``(i)`` (en), ``i)`` (fr, es, ru), ``'1'`` (ar)."""
    if lang == "zh":
        return chr(0x321F + i)
    if lang == "ar":
        return f"'{i}'"
    return f"{_ROMAN[i - 1]})" if lang in ("fr", "es", "ru") else f"({_ROMAN[i - 1]})"


#: prepositions that contract with the article of the word that follows (fr du, des, au, aux; es del, al)
_CONTRACTIONS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "fr": {"de": (("le ", "du "), ("les ", "des "), ("Le ", "du "), ("Les ", "des ")),
           "à": (("le ", "au "), ("les ", "aux "), ("Le ", "au "), ("Les ", "aux "))},
    "es": {"de": (("el ", "del "), ("El ", "del ")), "a": (("el ", "al "), ("El ", "al "))},
}


def contract(word: str, text: str, lang: str) -> str:
    """``de`` + ``le guide`` → ``du guide``; ``de`` + ``l'outil`` → ``de l'outil``; ``de`` +
    ``un atelier`` → ``d'un atelier`` (fr); ``de`` + ``el informe`` → ``del informe`` (es); Arabic
    prefixes join the word: ``ل`` + ``الفريق`` → ``للفريق``."""
    for article, contracted in _CONTRACTIONS.get(lang, {}).get(word, ()):
        if text.startswith(article):
            return contracted + text[len(article):]
    if lang == "ar" and word in ("ل", "ب", "و"):  # prefixed: للفريق، بالموارد، والأنشطة
        if word == "ل" and text.startswith("الل"):  # ل + اللجنة → للجنة
            return "لل" + text[3:]
        return ("لل" + text[2:]) if word == "ل" and text.startswith("ال") else word + text
    if lang == "fr" and word in ("de", "que") and text[:1].lower() in "aeiouéèêhâîô" and not text.startswith("l'"):
        return f"{word[:-1]}'{text}"
    return f"{word} {text}"


def join(items: Sequence[str], lang: str, *, last: str | None = None) -> str:
    """``a、b和c`` / ``a, b and c`` / ``a, b et c`` / ``a، b وc``."""
    style = _style(lang)
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    link = style.conjunction if last is None else (last if lang == "zh" else f" {last} ")
    return style.comma.join(items[:-1]) + link + items[-1]


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
    if lang in ("fr", "es", "ru"):  # 1(b) → 1 b)
        out = [re.sub(r"\(([^)]*)\)", r" \1)", o).strip() for o in out]
    elif lang == "ar":  # 1(b) → 1 (ب)
        out = [re.sub(r"\(([a-z])\)", lambda m: f" ({letter(ord(m.group(1)) - 96, lang)})", o).strip() for o in out]
    return join(out, lang)


def paragraph_list(numbers: Sequence[int], lang: str) -> str:
    """``3、4和5`` / ``3, 4 and 5``; a run of four or more is ``4至11`` / ``4 to 11`` / ``4 à 11``."""
    style = _style(lang)
    nums = sorted(set(numbers))
    if len(nums) >= 4 and nums[-1] - nums[0] == len(nums) - 1:
        return style.run.format(a=nums[0], b=nums[-1])
    return join([str(n) for n in nums], lang)


def period(value: str, lang: str) -> str:
    """``2010-2011`` (zh, fr, es, ar: a hyphen) / ``2010–2011`` (en, ru: an en dash)."""
    return value.replace("-", "\u2013") if lang in ("en", "ru") else value


def biennium_of(year: int, budget_period: str) -> str:
    """The biennium a year falls in, counted from the spec's budget period: 2012 → ``2012-2013``."""
    start, _, end = budget_period.partition("-")
    if not end:
        return str(year)
    first = int(start) + ((year - int(start)) // 2) * 2
    return f"{first}-{first + 1}"


def language_names(codes: Sequence[str], lang: str) -> list[str]:
    _style(lang)
    return [_LANGUAGE_NAMES[lang][c] for c in codes]
