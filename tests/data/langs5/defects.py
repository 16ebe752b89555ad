"""Count what one language says and another drops or gets wrong in the langs5 notes (written by render.py).

Two counts, by language and kind (statement, financial note):

1. quantities: every quantity an activity line states (days, weeks, meetings, words, pages, documents,
   languages, participants, trips, days of subsistence, work-months, posts, years, amounts, in figures or in
   words, Arabic duals included) is read into a multiset, item by item in statements (section II, lettered
   items aligned by their letter) and paragraph by paragraph in financial notes (the cost paragraphs, 3 to
   the paragraph on resolution 45/248 B). A value English states that another language does not is
   "missing"; a value another language states that English does not is "stated differently". The value 1
   is left out of both (« une réunion (six séances …) » beside "Six meetings (…)" is the house style of
   langs4, not a quantity lost).
2. patterns: grammar defects that can be told mechanically (``PATTERNS``).

    python tests/data/langs5/defects.py /tmp/langs5/out            # counts
    python tests/data/langs5/defects.py /tmp/langs5/out --table    # and the table of quantities per item
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

LANGS = ("en", "fr", "es", "ru", "ar", "zh")

#: number words, by language (what a count in words may be written as)
WORDS: dict[str, dict[str, str]] = {
    "en": dict(zip("one two three four five six seven eight nine ten eleven twelve twenty thirty".split(),
                   "1 2 3 4 5 6 7 8 9 10 11 12 20 30".split(), strict=True)) | {"half": "0.5"},
    "fr": dict(zip("un une deux trois quatre cinq six sept huit neuf dix onze douze vingt trente".split(),
                   "1 1 2 3 4 5 6 7 8 9 10 11 12 20 30".split(), strict=True)) | {"demi-journée": "0.5"},
    "es": dict(zip("un una uno dos tres cuatro cinco seis siete ocho nueve diez once doce veinte treinta".split(),
                   "1 1 1 2 3 4 5 6 7 8 9 10 11 12 20 30".split(), strict=True)) | {"medio": "0.5"},
    "ru": dict(zip("один одна одно одного одной два две двух три трех четыре четырех пять пяти шесть шести "
                   "семь семи восемь восьми девять девяти десять десяти".split(),
                   "1 1 1 1 1 2 2 2 3 3 4 4 5 5 6 6 7 7 8 8 9 9 10 10".split(), strict=True)) | {"полдня": "0.5"},
    "ar": {"واحد": "1", "واحدة": "1", "اثنان": "2", "اثنتان": "2", "ثلاثة": "3", "ثلاث": "3", "أربعة": "4",
           "أربع": "4", "خمسة": "5", "خمس": "5", "ستة": "6", "الست": "6", "ست": "6", "نصف": "0.5",
           # duals: the number is in the noun
           "يومان": "2", "يومين": "2", "جلستان": "2", "جلستين": "2", "رحلتان": "2", "رحلتين": "2",
           "شهرا": "2", "شهري": "2", "وظيفتان": "2", "وظيفتين": "2", "أسبوعان": "2", "أسبوعين": "2",
           "وثيقتان": "2", "وثيقتين": "2", "اجتماعان": "2", "اجتماعين": "2",
           "خبيرين": "2", "موظفين": "2"},
}
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: the Chinese counters a number in characters is read before
_ZH = re.compile(r"([一二两三四五六七八九十]+)(?=[天周场次名个份种项])|半(?=天)")
_DIGITS = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d])|\d+(?:[.,]5)?")


def _zh_value(chars: str) -> int:
    if "十" not in chars:
        return _ZH_DIGITS.get(chars, 0)
    tens, _, units = chars.partition("十")
    return (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (_ZH_DIGITS.get(units, 0) if units else 0)


def quantities(text: str, lang: str) -> Counter[str]:
    """The multiset of the values ``text`` states (1 left out)."""
    found: Counter[str] = Counter()
    for m in _DIGITS.finditer(text):
        raw = m.group(0)
        if re.fullmatch(r"\d+[.,]5", raw):
            found[str(Decimal(raw.replace(",", ".")))] += 1
        else:
            found[str(int(re.sub(r"[ \u00a0\u202f.,]", "", raw)))] += 1
    if lang == "zh":
        for m in _ZH.finditer(text):
            found["0.5" if m.group(0) == "半" else str(_zh_value(m.group(1)))] += 1
    elif lang in WORDS:
        words = WORDS[lang]
        for token in re.findall(r"[\w’'-]+", text):
            # "two-day", "half-day", "one-week": the number is the first part (« demi-journée » is a word)
            if lang == "ar" and token not in words and token.startswith("و") and token[1:] in words:
                token = token[1:]  # «واجتماعين»: "and" joined to the word
            for w in ([token] if token.lower() in words else token.split("-")[:1]):
                value = words.get(w.lower() if lang != "ar" else w)
                if value:
                    found[value] += 1
    found.pop("1", None)
    found.pop("0", None)
    return found


#: the first line of part II (statements), of part III
_PART2 = re.compile(r"^(II\.|ثانيا|二\.)")
_PART3 = re.compile(r"^(III\.|ثالثا|三\.)")
_ITEM = re.compile(r"^\s+(\(?[a-zأ-ي]{1,2}\)|\([a-z]\)|\(\w+\))\s")
_NUMBERED = re.compile(r"^(\d+)(\.| -) ")
_END = re.compile(r"45/248 B")


def units(path: Path) -> list[str]:
    """The activity lines of a statement (its lettered items in part II), or the cost paragraphs of a financial
    note (paragraph 3 up to the one on resolution 45/248 B)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if ".statement." in path.name:
        start = next((i for i, line in enumerate(lines) if _PART2.match(line)), None)
        end = next((i for i, line in enumerate(lines) if _PART3.match(line)), len(lines))
        if start is None:
            return []
        return [line for line in lines[start + 1:end] if _ITEM.match(line)]
    out: list[str] = []
    for line in lines:
        m = _NUMBERED.match(line)
        if _END.search(line):
            break
        if m and int(m.group(1)) >= 3:
            out.append(line)
        elif out and line.startswith("    "):
            out[-1] += " " + line.strip()
    return out


#: name: (languages, pattern, kinds the pattern is read in: "statement", "financial_note" or "" for both)
PATTERNS: dict[str, tuple[str, str, str]] = {
    # a label named alone, with no article (« Réunion de haut niveau (…) », «Informe del período …»)
    "label without its article (item)": ("fr es", r"(?m)^\s+[a-z]\) (Réunion|Session|Rapport|Groupe|Atelier|Reunión|"
                                          r"Período|Informe|Grupo|Taller)\b", "statement"),
    "label without its article (financial note)": ("en fr es", r"\bthat (?!the |a |an )[\w-]+(?: [\w-]+)? would hold\b|"
                                                   r"\bque (réunion|session|groupe|rapport|reunión|período|grupo|informe)\b|"
                                                   r", (rapport|informe) d|\bpages of (?!the |a |an )\w", "financial_note"),
    "half a day as a decimal": ("en fr es ru ar", r"\b0[.,]5 (day|jour|día|дн)", ""),
    "plural after one, singular after more (en)": ("en", r"\b(?:one|1) (days|meetings|trips|documents|pages|words|weeks|"
                                                   r"posts|work-months)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|"
                                                   r"[2-9]|\d\d+) (day|meeting|trip|document|page|word|week|post|work-month)\b", ""),
    "plural after one, singular after more (fr)": ("fr", r"\b(?:un|une|1) (jours|séances|voyages|documents|pages|mots|"
                                                   r"semaines|postes)\b|\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|"
                                                   r"[2-9]|\d\d+|0,5) (jour|séance|voyage|document|page|mot|semaine|poste)\b|"
                                                   r"\b0,5 jours\b", ""),
    "plural after one, singular after more (es)": ("es", r"\b(?:un|una|1) (días|sesiones|viajes|documentos|páginas|palabras|"
                                                   r"semanas|puestos)\b|\b(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|"
                                                   r"[2-9]|\d\d+) (día|sesión|viaje|documento|página|palabra|semana|puesto)\b|"
                                                   r"\b0,5 días\b", ""),
    # Russian: 1 (not 11) — nominative singular; 2–4 (not 12–14) — genitive singular; else genitive plural
    "number and noun disagree (ru)": ("ru", "RU", ""),
    # Arabic: 3–10 take a plural, 11–99 a singular
    "number and noun disagree (ar)": ("ar", r"(?<![\d ])(?:[3-9]|10) (رحلة|جلسة|يوما|وثيقة|صفحة|كلمة)(?!\w)|"
                                      r"(?<![\d ])(?:1[1-9]|[2-9]\d) (رحلات|جلسات|أيام|وثائق|صفحات|كلمات)(?!\w)", ""),
    "a labelled count in brackets (ru: совещание высокого уровня (2))": ("ru", r"[а-я] \(\d+\) (?:продолжительностью|\()", ""),
    "English left in another language": ("fr es ru ar zh", r"\b(meetings?|trips?|work-months?|staff member|per cent|days?|"
                                         r"weeks?|report|the|and|of|with|each|in all)\b", ""),
    # in paragraphs and items (table rows are aligned by spaces)
    "doubled space in a sentence": ("en fr es ru ar zh", r"(?m)^(?:\s+\(?\w{1,3}\)|\d+(?:\.| -)) .*\S  \S", ""),
    "doubled punctuation": ("en fr es ru ar zh", r"[,;:][ \t]*[,;:.]|\.[ \t]*[,;:]|\([ \t]*\)|[ \t][,.)](?!\d)", ""),
    "ordinary space before : ; ! ? » or after « (fr)": ("fr", r"(?<=[^\s\u202f\u00a0])[;!?](?=\s|$)| [;:!?»]|« ", ""),
}

_RU_FORMS = {  # noun: (1, 2–4, 5+)
    "заседание": ("заседание", "заседания", "заседаний"), "день": ("день", "дня", "дней"),
    "поездка": ("поездка", "поездки", "поездок"), "документ": ("документ", "документа", "документов"),
    "страница": ("страница", "страницы", "страниц"), "слово": ("слово", "слова", "слов"),
    "неделя": ("неделя", "недели", "недель"), "месяц": ("месяц", "месяца", "месяцев"),
}
_RU_ANY = {form: key for key, forms in _RU_FORMS.items() for form in forms}


def _ru_disagree(text: str) -> int:
    wrong = 0
    for number, noun in re.findall(r"(?<![\d,])(\d+) (\w+)", text):
        key = _RU_ANY.get(noun)
        if key is None:
            continue
        n = int(number)
        want = 0 if n % 10 == 1 and n % 100 != 11 else (1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2)
        # a genitive after «для», «из» … is not read here: the forms the notes print are nominative/accusative
        if noun != _RU_FORMS[key][want]:
            wrong += 1
    return wrong


def language(path: Path) -> str:
    return path.name.split(".")[-2]


def kind(path: Path) -> str:
    return path.name.split(".")[-3]


def quantity_rows(folder: Path) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]], list[str]]:
    missing: Counter[tuple[str, str]] = Counter()
    different: Counter[tuple[str, str]] = Counter()
    table: list[str] = []
    for en in sorted(folder.glob("*.en.txt")):
        stem = en.name[:-len(".en.txt")]
        en_units = units(en)
        for lang in LANGS[1:]:
            other = folder / f"{stem}.{lang}.txt"
            if not other.exists():
                continue
            o_units = units(other)
            for i, line in enumerate(en_units):
                want = quantities(line, "en")
                got = quantities(o_units[i], lang) if i < len(o_units) else Counter()
                lost, extra = want - got, got - want
                missing[(lang, kind(en))] += sum(lost.values())
                different[(lang, kind(en))] += sum(extra.values())
                if lost or extra:
                    table.append(f"{stem} #{i + 1} {lang}: missing {dict(lost)} extra {dict(extra)}")
    return missing, different, table


def main(folder: Path, show_table: bool = False) -> int:
    missing, different, table = quantity_rows(folder)
    total: Counter[tuple[str, str]] = Counter()
    print("quantities (against English), by language and kind:")
    for (lang, k) in sorted(set(missing) | set(different)):
        print(f"  {lang} {k:15s} missing {missing[(lang, k)]:3d}   stated differently {different[(lang, k)]:3d}")
        total[(lang, k)] += missing[(lang, k)] + different[(lang, k)]
    print("patterns:")
    for name, (langs, pattern, kinds) in PATTERNS.items():
        found: Counter[tuple[str, str]] = Counter()
        for path in sorted(folder.glob("*.txt")):
            lang, k = language(path), kind(path)
            if lang not in langs.split() or (kinds and k != kinds):
                continue
            text = path.read_text(encoding="utf-8")
            if pattern == "RU":
                found[(lang, k)] += _ru_disagree(text)
            else:
                # the symbols of documents and the spec titles are not prose
                prose = re.sub(r"\b[A-Z]+/[\w./-]+", "SYMBOL", text)
                found[(lang, k)] += len(re.findall(pattern, prose))
        shown = {f"{lang} {k}": v for (lang, k), v in sorted(found.items()) if v}
        print(f"{sum(shown.values()):4d}  {name}: {shown}")
        total.update({key: v for key, v in found.items() if v})
    print("by language and kind:", {f"{lang} {k}": v for (lang, k), v in sorted(total.items()) if v})
    print("by language:", dict(sorted(Counter({lang: 0 for lang in LANGS} | {}).items())) if not total else
          dict(sorted(sum((Counter({lang: v}) for (lang, _), v in total.items()), Counter()).items())))
    if show_table:
        print("\n".join(table))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/langs5/out"), "--table" in sys.argv))
