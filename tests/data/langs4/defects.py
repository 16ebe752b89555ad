"""Count the defect patterns read in the langs4 notes, by language: text files, and Word files by their
paragraphs (``*.docx.txt`` written by render.py).

    python tests/data/langs4/defects.py /tmp/langs4/out
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

#: section names whose own "and"/"и" are not a list's
NAMES = ("General Assembly and Economic and Social Council affairs and conference management",
         "Дела Генеральной Ассамблеи и Экономического и Социального Совета и конференционное управление",
         "Экономического и Социального Совета")

#: name: (languages, pattern, files the pattern is read in: a prefix of their names, or "" for all)
PATTERNS: dict[str, tuple[str, str, str]] = {
    "nested parentheses (a grade in brackets in brackets)":
        ("en fr es ru ar", r"\([^()\n]*\([^()\n]*\)\)", ""),
    "nested parentheses (zh)": ("zh", r"（[^（）\n]*（[^（）\n]*））", ""),
    "one trip of plural travellers":
        ("en fr es ru ar", r"One trip of (staff|experts|representatives|participants)\b|Un voyage (de fonctionnaires|"
         r"d’experts|de représentants)|Un viaje de (funcionarios|expertos|representantes)|\b1 поездка (сотрудников|"
         r"экспертов|представителей)|رحلة واحدة (للموظفين|للخبراء|للممثلين)", ""),
    # fr/es/ar/zh say « une réunion (une séance …) »: an event and its sitting, two words; English says one twice
    "a meeting (one meeting …) (en)": ("en", r"A meeting \(one meeting|meetings \(one meeting each", ""),
    "weeks not said as days are": ("en fr es ar ru", r"A meeting \(\w+ weeks of meetings|Une réunion \(\w+ semaines de "
                                   r"séances|Una reunión \(\w+ semanas de sesiones|اجتماع واحد \(\d+ أسابيع من الجلسات|\d+ недели заседаний \(", ""),
    "and … and (en)": ("en", r"\band [^,;.()]{1,40} and [^,;.()]{1,30} and\b|and IT support and (documentation|a document)", ""),
    "et … et, y … y (fr, es)": ("fr es", r"et [^,;.()]{1,40} et les services|y [^,;.()]{1,40} y servicios", ""),
    "и … и (ru)": ("ru", r" и [^,;.()]{1,60} и [^,;.()]{1,60} и ", ""),
    "подготовкой …, подготовкой (ru)": ("ru", r"подготовкой кратких отчетов,? (и )?подготовкой стенографических", ""),
    "dual in the oblique case after a colon (ar)": ("ar", r": (رحلتين|شهري عمل|وثيقتين|اجتماعين)", ""),
    "dual in the oblique case in a list (ar)": ("ar", r" و(شهري عمل|رحلتين)", ""),
    "section 16 as 第 16 编 beside 第 2 款 (zh)": ("zh", r"第 ?16 ?编", ""),
    "举行 1 次 in figures (zh)": ("zh", r"举行 1 次", ""),
    "several documents as 一份 (zh)": ("zh", r"和一份在\S+处理的", ""),
    "信息技术支持 beside 支助 (zh)": ("zh", r"信息技术支持", ""),
    "年的在 (zh)": ("zh", r"年的在", ""),
    "several documents as one (en, left by langs3)": ("en", r"a document of [\d,]+ words", ""),
    "one meeting for weeks of meetings (ru, ar)":
        ("ru ar", r"провести одно совещание в [^.]* с устным|عقد اجتماع واحد في [^.،]*، مع", "n01 n07"),
    "« une voyage », and « chacun » for one trip (fr, es, en)": ("fr es en", r"\bune voyage\b|\b[Uu]n voyage [^,;.]{0,80}"
                                                                  r"subsistance chacun|\b[Uu]n viaje [^,;.]{0,60}dietas "
                                                                  r"cada uno|\b[Oo]ne trip [^,;.]{0,60}allowance each", ""),
    "sound and recording joined by and/et/y/和 (statements)": ("en fr es zh", r"sound and recording|sonorisation et "
                                                               r"enregistrement|sonido y grabación|音响和录音", ""),
    "duplicated word": ("en fr es ru", r"\b(\w{3,}) \1\b", ""),
    "English left in another language": ("fr es ru ar zh", r"\b(meeting|Section|trips?|work-months?|staff member|per cent)\b", ""),
    "ordinary space before : ; ! ? » or after « (fr)": ("fr", r"(?<=[^\s\u202f\u00a0])[;!?](?=\s|$)| [;:!?»]|« ", ""),
    "ASCII double quotes (zh, fr, ru)": ("zh fr ru", r"\"", ""),
}


def language(path: Path) -> str:
    parts = path.name.split(".")
    return parts[-3] + " docx" if path.name.endswith(".docx.txt") else parts[-2]


def count(folder: Path) -> dict[str, Counter[str]]:
    rows: dict[str, Counter[str]] = {}
    for name, (langs, pattern, prefixes) in PATTERNS.items():
        found: Counter[str] = Counter()
        for path in sorted(folder.glob("*.txt")):
            lang = language(path)
            if lang.split()[0] not in langs.split() or (prefixes and not path.name.startswith(tuple(prefixes.split()))):
                continue
            text = path.read_text()
            for section in NAMES:
                text = text.replace(section, "SECTION")
            found[lang] += len(re.findall(pattern, text))
        rows[name] = found
    return rows


def main(folder: Path) -> int:
    total: Counter[str] = Counter()
    for name, found in count(folder).items():
        shown = {lang: n for lang, n in sorted(found.items()) if n}
        print(f"{sum(shown.values()):4d}  {name}: {shown}")
        total.update(shown)
    print("by language:", dict(sorted(total.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/langs4/out")))
