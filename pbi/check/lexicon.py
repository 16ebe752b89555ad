"""Notes in French, Spanish, Russian and Arabic, read by the reader of Chinese and English notes.

The reader knows the words of UN notes in Chinese and English.  For the other languages, each
language's words for what the reader looks for — amounts and their currency, totals, quantities
(pages, words, documents, languages, meetings, days, work-months, participants), years, budget
sections, funding sources, paragraph and item marks, headings — are rewritten into the reader's
own (English) terms before the note is read.  The vocabulary is data, in one place:
``lexicon.yaml`` next to this module; the code here knows no language.

A rewrite keeps every line where it was, so a claim still names its source line; its ``text``
is the text as the reader read it (amounts as ``$345,200``, key words in English).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .text import Joined, Line

__all__ = ["Lexicon", "LEXICON_FILE", "lexicon", "languages", "detect", "canonical_lines", "canonical_joined",
           "unreverse_groups", "station_of_body", "year_in_symbol",
           "year_of_session", "object_of_expenditure"]

#: the vocabulary of every language the reader reads through a rewrite
LEXICON_FILE = Path(__file__).with_name("lexicon.yaml")


Repl = Callable[["re.Match[str]"], str] | str


@dataclass(frozen=True)
class Lexicon:
    """One language's rewrite rules, in the order they apply."""

    lang: str
    #: a text is in this language when it holds at least ``min_hits`` of these marks
    detect: tuple[re.Pattern[str], ...]
    min_hits: int
    rules: tuple[tuple[re.Pattern[str], Repl], ...]
    #: how many of ``rules``, first, rewrite paragraph and item marks
    marks: int = 0
    #: a number whose digit groups the language's documents may write right to left (see
    #: :func:`unreverse_groups`), else None
    reversed_groups: re.Pattern[str] | None = None

    def rewrite_marks(self, text: str) -> str:
        """``text`` with only its paragraph and item marks in the reader's terms ("a) " → "(a) ")."""
        for rx, repl in self.rules[:self.marks]:
            text = rx.sub(lambda m, r=repl: _piece(m, r), text)  # type: ignore[misc]
        return text

    def rewrite(self, text: str) -> str:
        """``text`` in the reader's terms."""
        for rx, repl in self.rules:
            text = rx.sub(lambda m, r=repl: _piece(m, r), text)  # type: ignore[misc]
        return text

    def rewrite_mapped(self, text: str, positions: list[int]) -> tuple[str, list[int]]:
        """``text`` rewritten, and where each of ``positions`` lies in the new text."""
        for rx, repl in self.rules:
            out: list[str] = []
            spans: list[tuple[int, int, int]] = []  # old start, old end, change in length
            pos = 0
            for m in rx.finditer(text):
                piece = _piece(m, repl)
                out.append(text[pos:m.start()])
                out.append(piece)
                spans.append((m.start(), m.end(), len(piece) - (m.end() - m.start())))
                pos = m.end()
            if not spans:
                continue
            out.append(text[pos:])
            text = "".join(out)
            positions = _moved(spans, positions)
        return text, positions


def _piece(m: "re.Match[str]", repl: Repl) -> str:
    """The replacement of one match; a capital at the start of the match stays a capital, and a
    sentence of a script without capitals (Arabic) starts with one (so that the reader still
    finds where a sentence starts)."""
    piece = repl(m) if callable(repl) else m.expand(repl)
    first = m.group(0)[:1]
    if piece[:1].islower() and (first.isupper() or (
            first.isalpha() and not first.islower() and _SENTENCE_START.search(m.string[max(0, m.start() - 4):m.start()]))):
        piece = piece[0].upper() + piece[1:]
    return piece


#: the end of what precedes the first word of a sentence
_SENTENCE_START = re.compile(r"(?:^\s*|[.!?؟]\s+)$")


def _moved(spans: list[tuple[int, int, int]], positions: list[int]) -> list[int]:
    """Where each of ``positions`` (ascending) lies after the changes ``spans`` (ascending): inside
    a changed span, at its end (a line that starts inside a phrase broken across two lines starts
    after it: the phrase is the line's before). One pass over both: linear however many lines and
    changes."""
    out: list[int] = []
    k, shift = 0, 0
    for pos in positions:
        while k < len(spans) and spans[k][1] <= pos:
            shift += spans[k][2]
            k += 1
        if k < len(spans) and spans[k][0] < pos:
            out.append(spans[k][1] + shift + spans[k][2])
        else:
            out.append(pos + shift)
    return out


def _compile(spec: Any, where: str) -> re.Pattern[str]:
    try:
        return re.compile(str(spec), re.I)
    except re.error as exc:  # pragma: no cover - the shipped file is tested
        raise ValueError(f"{LEXICON_FILE.name}: {where}: bad pattern {spec!r}: {exc}") from None


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    import yaml

    with open(LEXICON_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict)
    return data


def languages() -> tuple[str, ...]:
    """The languages read through a rewrite, in the order of the file."""
    return tuple(k for k in _data() if not str(k).startswith("_"))


def station_of_body(key: str | None) -> str | None:
    """The duty station a body meets in (``_stations_of_bodies``), None for New York or a body not known."""
    found = (_data().get("_stations_of_bodies") or {}).get(key) if key else None
    return str(found) if found else None


@lru_cache(maxsize=1)
def _objects() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((str(kind), _compile(rx, f"_objects_of_expenditure.{kind}"))
                 for kind, patterns in (_data().get("_objects_of_expenditure") or {}).items() for rx in patterns)


def object_of_expenditure(label: str) -> str | None:
    """The kind of item a table row of an object of expenditure costs ("Travel of representatives" →
    ``travel``; ``_objects_of_expenditure``), None for a row of no such kind (contractual services)."""
    return next((kind for kind, rx in _objects() if rx.search(label.strip())), None)


#: a year written in a symbol: CTOC/COP/2010/L.3 (a session number, A/C.3/79/L.1, is not a year)
_SYMBOL_YEAR = re.compile(r"/((?:19|20)\d\d)/")


def year_in_symbol(symbol: str | None) -> int | None:
    """The year a symbol names (CTOC/COP/2010/L.3 → 2010), or None."""
    found = _SYMBOL_YEAR.search(symbol or "")
    return int(found.group(1)) if found else None


def year_of_session(symbol: str | None) -> int | None:
    """The year a note's items are costed in by its session number when it states none
    (``_session_years``: A/C.3/81/L.5 → 2027, A/HRC/61/L.2 → 2026), or None."""
    for pattern, first, per_year in _data().get("_session_years") or ():
        session = re.match(str(pattern), (symbol or "").strip(), re.IGNORECASE)
        if session and int(session.group(1)) > 0:
            return int(first) + (int(session.group(1)) - 1) // int(per_year)
    return None


#: an amount once the language's grouping is undone (the reader's ``1,234.5``)
_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon | None:
    """The rewrite of ``lang``, or None for a language the reader reads as it is (zh, en)."""
    data = _data()
    if lang not in data or lang.startswith("_"):
        return None
    d = data[lang]
    rules: list[tuple[re.Pattern[str], Repl]] = []
    for k, pair in enumerate(d.get("marks", [])):  # paragraph and item marks, at a line's start
        rules.append((_compile(pair[0], f"{lang}.marks[{k}]"), str(pair[1])))
    for name, value in (d.get("letters") or {}).items():  # (أ) → (a), an item or in "paragraph 1 (ب)"
        rules.append((re.compile(rf"\(\s*{re.escape(str(name))}\s*\)"), f"({value})"))
    cur = "|".join(str(c) for c in d.get("currency", []))
    rules.extend(_numbers(str(d.get("group", " ")), str(d.get("decimal", ","))))
    if cur:
        frm = "|".join(str(c) for c in d.get("range_from", [])) or "(?!)"
        to = "|".join(str(c) for c in d.get("range_to", []))
        # one space at most about the word of the range: a table's "–" cell between two amounts, set
        # apart by a column's spaces, is no range
        rules.append((_compile(rf"(?:(?<!\w)(?:{frm})\s+)?{_NUM}\s?(?:{cur})?\s?(?:{to})\s?{_NUM}\s*(?:{cur})",
                               f"{lang}.range"), r"$\1 to $\2"))
        between = d.get("range_between")
        if between:  # "entre 80 000 et 120 000 dollars" → "between $80,000 and $120,000"
            rules.append((_compile(rf"(?<!\w)(?:{between[0]})\s+{_NUM}\s*(?:{cur})?\s*(?:{between[1]})\s*{_NUM}\s*"
                                   rf"(?:{cur})", f"{lang}.range_between"), r"between $\1 and $\2"))
        millions = "|".join(str(w) for w in d.get("millions", []))
        if millions:  # "1,5 millones de dólares" → "$1.5 million", before the amount alone is read
            rules.append((_compile(rf"{_NUM}\s*(?:{millions})\s*(?:{cur})", f"{lang}.millions"), r"$\1 million"))
        rules.append((_compile(rf"{_NUM}\s*(?:{cur})", f"{lang}.currency"), r"$\1"))
    if d.get("section_letters"):
        rules.append(_section_letters(str(d["section_letters"]), lang))
    for k, pair in enumerate(d.get("phrases", [])):
        rules.append((_compile(pair[0], f"{lang}.phrases[{k}]"), str(pair[1])))
    marks = tuple(_compile(m, f"{lang}.detect[{k}]") for k, m in enumerate(d.get("detect", [])))
    reversed_groups = _reversed_groups(str(d["reversed_groups"]), lang) if d.get("reversed_groups") else None
    return Lexicon(lang, marks, int(d.get("min_hits", 2)), tuple(rules), len(d.get("marks", [])), reversed_groups)


def _section_letters(pattern: str, lang: str) -> tuple[re.Pattern[str], Repl]:
    """The rule that reads a lettered section number («الباب 29 جيم») as ``section 29C``, with the
    letters the notes write it in (model/vocabulary.yaml ``section_forms``); the pattern's groups: a
    conjunction before it, the number, the letter."""
    from pbi.model.vocabulary import section_form

    back = {str(word): str(latin) for latin, word in (section_form(lang).get("letters") or {}).items()}
    rx = _compile(pattern.replace("{letter}", "|".join(re.escape(w) for w in back)), f"{lang}.section_letters")
    return rx, lambda m: f"{'and ' if m.group(1) else ''}section {m.group(2)}{back[m.group(3)]}"


def _reversed_groups(units: str, lang: str) -> re.Pattern[str]:
    """A number before one of ``units`` written in groups of digits: groups 1 (all but the last) and 2
    (the last)."""
    return _compile(rf"(?<![\d.,/])(\d{{3}}(?: \d{{3}})*) (\d{{1,3}})(?=\s*(?:{units}))", f"{lang}.reversed_groups")


def _back(m: "re.Match[str]") -> str:
    groups = [*m.group(1).split(" "), m.group(2)]
    last = groups[-1]
    if len(last) < 3 or (groups[0].endswith("00") and not last.endswith("00")):
        return " ".join(reversed(groups))
    return m.group(0)


def unreverse_groups(lines: list[Line], lex: Lexicon) -> list[Line]:
    """``lines`` with the digit groups of their numbers in reading order, when the text writes them
    right to left, as Arabic documents are often typed or extracted («500 16 دولار» for 16,500).

    A text writes them so when one of its numbers shows it (a last group of fewer than three digits,
    which no number grouped left to right has); its other numbers are then reversed where the order
    shows, amounts being stated to the hundred («600 160 دولار» for 160,600; «200 300 دولار» is read
    as written). A text without such a number is left as it is."""
    rx = lex.reversed_groups
    if rx is None or not any(len(m.group(2)) < 3 for ln in lines for m in rx.finditer(ln.text)):
        return lines
    return [Line(ln.number, rx.sub(_back, ln.text)) for ln in lines]


def _numbers(group: str, decimal: str) -> list[tuple[re.Pattern[str], Repl]]:
    """The language's numbers in the reader's terms: groups first, then the decimal mark, so that
    ``1.200,50`` (es) and ``1 200,50`` (fr, after NFKC) both read ``1,200.50``."""
    g = "".join(re.escape(c) for c in group)
    d = re.escape(decimal)
    grouped = re.compile(rf"(?<![\d.,/])(\d{{1,3}}(?:[{g}]\d{{3}})+)(?:{d}(\d+))?(?![\d/])")

    def regroup(m: "re.Match[str]") -> str:
        digits = re.sub(r"\D", "", m.group(1))
        whole = f"{int(digits):,}"
        return whole + ("." + m.group(2) if m.group(2) else "")

    rules: list[tuple[re.Pattern[str], Repl]] = [(grouped, regroup)]
    if decimal != ".":
        rules.append((re.compile(rf"(?<![\d.,/])(\d+){d}(\d{{1,2}})(?![\d/])"), r"\1.\2"))
    return rules


def detect(text: str) -> str | None:
    """The language of ``text`` among those read through a rewrite, or None (zh, en or unknown):
    the one with the most of its marks (each counted once) in the first 20,000 characters."""
    best: tuple[int, str] | None = None
    sample = text[:20000]
    for lang in languages():
        lex = lexicon(lang)
        assert lex is not None
        hits = sum(1 for rx in lex.detect if rx.search(sample))
        if hits >= lex.min_hits and (best is None or hits > best[0]):
            best = (hits, lang)
    return best[1] if best else None


def canonical_lines(lines: list[Line], lex: Lexicon) -> list[Line]:
    """Each line in the reader's terms, at its own line number."""
    return [Line(ln.number, lex.rewrite(ln.text)) for ln in lines]


def canonical_joined(joined: Joined, lex: Lexicon) -> Joined:
    """Re-joined lines rewritten once more (a phrase broken across two lines), lines remapped."""
    text, starts = lex.rewrite_mapped(joined.text, list(joined.starts))
    if text == joined.text:
        return joined
    return Joined(text, tuple(starts), joined.lines)
