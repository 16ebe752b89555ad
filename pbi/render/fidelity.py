"""How close a generated note is to the published one: seed extraction, normalisation, similarity.

A published note is cut out of a seed (the text of a report, annexes 附件一 … 附件九), page headers
and footers, footnote separators, footnotes, footnote markers and the 附件 heading are removed, and
both texts are normalised (Unicode NFKC, all whitespace removed) before they are compared with
``difflib.SequenceMatcher(autojunk=False)``. Every amount and every number of three or more digits
of the published note must also appear in the generated one.

Part of a generated note is text the spec supplies (its title, the requests' texts, items and
subjects, the activities' labels): that part matches the published note by construction. So the
similarity is reported twice: for the whole note, and for the generated prose alone — with every
spec-supplied string removed from both sides (:func:`spec_texts`) — with the share of the note the
spec supplied.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pbi.model.errors import InputError
from pbi.model.specs import Spec, Text
from pbi.model.yamlio import read_bytes, read_text

__all__ = ["ANNEX_NUMERALS", "annex_text", "normalise", "seed_numbers", "Fidelity", "compare", "THRESHOLD",
           "spec_texts", "strip_supplied"]

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
    head = read_bytes(path)[:8]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0", b"%PDF")):
        raise InputError("a Word, zip or PDF file, not text: --diff reads the report as UTF-8 text "
                         "(save it as plain text)", file=str(path))
    text = read_text(path)
    if not text.strip():
        raise InputError("file is empty (--diff expects the report's Chinese text with its annexes)", file=str(path))
    lines = text.splitlines()
    heads: dict[str, int] = {}
    for n, line in enumerate(lines):
        if line.strip().startswith("附件") and line.strip()[2:] in ANNEX_NUMERALS:
            heads[line.strip()[2:]] = n  # the last occurrence: the annexes come at the end
    numeral = ANNEX_NUMERALS[annex - 1] if 1 <= annex <= len(ANNEX_NUMERALS) else str(annex)
    if numeral not in heads:
        why = (f"no line 附件{numeral}" if numeral in ANNEX_NUMERALS
               else f"--diff reads annexes 附件一 to 附件{ANNEX_NUMERALS[-1]}")
        raise InputError(f"the seed has no annex {annex} ({why}: --diff expects the report's Chinese text with "
                         "its annexes)", file=str(path))
    start = heads[numeral] + 1
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


def spec_texts(spec: Spec, lang: str) -> list[str]:
    """Every text of ``spec`` in ``lang`` that a note may print as it is: the title, each request's
    text, items and subject, and each activity's label, session and author."""
    texts: list[Text | None] = [spec.title]
    for request in spec.requests:
        texts += [request.text, *request.items, request.subject]
        for a in request.activities:
            texts += [a.label, a.document_for, a.author]
    out = [getattr(t, lang, None) for t in texts if t is not None]
    return list(dict.fromkeys(str(t) for t in out if t))


def strip_supplied(text: str, supplied: list[str]) -> str:
    """``text`` normalised, with each supplied string (normalised; longest first) removed."""
    out = normalise(text)
    for s in sorted({normalise(s) for s in supplied if normalise(s)}, key=len, reverse=True):
        out = out.replace(s, "")
    return out


@dataclass(frozen=True)
class Fidelity:
    """The comparison of a generated note with the published one; with the spec-supplied texts
    given, also of the generated prose alone."""

    ratio: float
    missing: tuple[str, ...]
    excused: tuple[str, ...] = ()
    opcodes: tuple[tuple[str, str, str], ...] = field(default=(), repr=False)
    prose_ratio: float | None = None  # similarity with the spec-supplied texts removed from both sides
    supplied_share: float | None = None  # share of the generated note (characters) the spec supplied

    @property
    def ok(self) -> bool:
        return self.ratio >= THRESHOLD and not self.missing

    def report(self) -> str:
        lines = [f"similarity {self.ratio:.4f} (at least {THRESHOLD}); "
                 f"numbers missing: {', '.join(self.missing) or 'none'}"]
        if self.prose_ratio is not None and self.supplied_share is not None:
            lines.append(f"generated prose alone: similarity {self.prose_ratio:.4f} (the spec supplies "
                         f"{self.supplied_share:.0%} of the note — title, request texts, items, subjects, "
                         "labels — removed from both sides)")
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


def compare(generated: str, published: str, *, misprints: frozenset[str] = frozenset(),
            supplied: list[str] | None = None) -> Fidelity:
    """Compare a generated note with the published text (both raw; they are normalised here).

    ``misprints`` are numbers the published note prints that its own quantities contradict (a
    figure whose ``same_as`` twin gives another value): they are reported, not required.
    ``supplied`` are the texts the spec supplies (:func:`spec_texts`): the generated prose is then
    also compared without them."""
    a, b = normalise(published), normalise(generated)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    got = set(_NUMBER.findall(b))
    missing: list[str] = []
    excused: list[str] = []
    for number in dict.fromkeys(_NUMBER.findall(a)):
        if number not in got:
            (excused if number.replace(",", "") in misprints else missing).append(number)
    ops = tuple((tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    prose: float | None = None
    share: float | None = None
    if supplied is not None:
        pa, pb = strip_supplied(published, supplied), strip_supplied(generated, supplied)
        prose = difflib.SequenceMatcher(None, pa, pb, autojunk=False).ratio()
        share = (len(b) - len(pb)) / len(b) if b else 0.0
    return Fidelity(ratio=matcher.ratio(), missing=tuple(missing), excused=tuple(excused), opcodes=ops,
                    prose_ratio=prose, supplied_share=share)
