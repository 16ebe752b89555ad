"""How close a generated note is to the published one: seed extraction, normalisation, similarity.

A published note is cut out of a seed (the text of a report, annexes 附件一 … 附件九), page headers
and footers, footnote separators, footnotes, footnote markers and the 附件 heading are removed, and
both texts are normalised (Unicode NFKC, all whitespace removed) before they are compared with
``difflib.SequenceMatcher(autojunk=False)``. Every amount and every number of three or more digits
of the published note must also appear in the generated one.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pbi.model.errors import InputError

__all__ = ["ANNEX_NUMERALS", "annex_text", "normalise", "seed_numbers", "Fidelity", "compare", "THRESHOLD"]

#: the similarity every generated annex must reach
THRESHOLD = 0.95
ANNEX_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")

_PAGE = re.compile(r"^\s*(\d+\s+V\.\d{2}-\d{5}|V\.\d{2}-\d{5}\s+\d+|[A-Z]+(/[A-Z0-9.]+)+)\s*$")
_SEPARATOR = re.compile(r"^\s*_{5,}\s*$")
_FOOTNOTE = re.compile(r"^\s*(\*|[a-z])\s+\S")
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u3200-\u32ff"


def annex_text(seed: str | Path, annex: int) -> str:
    """The raw text of annex ``annex`` (1 = 附件一) of a report seed, without its 附件 heading,
    page headers and footers, footnote separators and footnotes (footnote markers stay; see
    :func:`normalise`)."""
    path = Path(seed)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"cannot read the seed ({err.strerror})", file=str(path)) from None
    heads: dict[str, int] = {}
    for n, line in enumerate(lines):
        if line.strip().startswith("附件") and line.strip()[2:] in ANNEX_NUMERALS:
            heads[line.strip()[2:]] = n  # the last occurrence: the annexes come at the end
    if not 1 <= annex <= len(ANNEX_NUMERALS) or ANNEX_NUMERALS[annex - 1] not in heads:
        raise InputError(f"the seed has no annex {annex} (附件{ANNEX_NUMERALS[annex - 1]})", file=str(path))
    start = heads[ANNEX_NUMERALS[annex - 1]] + 1
    later = [n for n in heads.values() if n > start]
    end = min(later) if later else len(lines)
    out: list[str] = []
    footnotes: list[str] = []
    in_notes = False
    for line in lines[start:end]:
        if _SEPARATOR.match(line):
            in_notes = True
            continue
        if in_notes:
            if not line.strip():
                continue
            if _FOOTNOTE.match(line) or not line[:1].isspace():
                footnotes.append(line.strip())
                continue
            in_notes = False
        if _PAGE.match(line):
            continue
        out.append(line)
    text = "\n".join(out)
    for label in {m.group(1) for f in footnotes if (m := re.match(r"([a-z])\s", f))}:
        text = re.sub(rf"(?<=[{_CJK}]){label}(?=\s|$)", "", text)
    return text.replace("*", "")


def normalise(text: str) -> str:
    """NFKC, and every whitespace character removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{3,}(?:\.\d+)?")


def seed_numbers(text: str) -> list[str]:
    """Amounts (grouped with commas) and numbers of three or more digits, in order."""
    return _NUMBER.findall(normalise(text))


@dataclass(frozen=True)
class Fidelity:
    """The comparison of a generated note with the published one."""

    ratio: float
    missing: tuple[str, ...]
    excused: tuple[str, ...] = ()
    opcodes: tuple[tuple[str, str, str], ...] = field(default=(), repr=False)

    @property
    def ok(self) -> bool:
        return self.ratio >= THRESHOLD and not self.missing

    def report(self) -> str:
        lines = [f"similarity {self.ratio:.4f} (at least {THRESHOLD}); "
                 f"numbers missing: {', '.join(self.missing) or 'none'}"]
        if self.excused:
            lines.append("printed differently in the seed (misprints): " + ", ".join(self.excused))
        for tag, a, b in self.opcodes:
            if tag == "replace":
                lines.append(f"  ~ seed «{a}»\n    note «{b}»")
            elif tag == "delete":
                lines.append(f"  - seed «{a}»")
            elif tag == "insert":
                lines.append(f"  + note «{b}»")
        return "\n".join(lines)


def compare(generated: str, published: str, *, misprints: frozenset[str] = frozenset()) -> Fidelity:
    """Compare a generated note with the published text (both raw; they are normalised here).

    ``misprints`` are numbers the published note prints that its own quantities contradict (a
    figure whose ``same_as`` twin gives another value): they are reported, not required."""
    a, b = normalise(published), normalise(generated)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    got = set(_NUMBER.findall(b))
    missing: list[str] = []
    excused: list[str] = []
    for number in dict.fromkeys(_NUMBER.findall(a)):
        if number not in got:
            (excused if number.replace(",", "") in misprints else missing).append(number)
    ops = tuple((tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    return Fidelity(ratio=matcher.ratio(), missing=tuple(missing), excused=tuple(excused), opcodes=ops)
