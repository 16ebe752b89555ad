"""Trigger rules as data (``pbi/draft/rules/{zh,en,fr,es}.yaml``) and the standards behind the
quantities (``pbi/draft/rules/standards.yaml``), and classifying one operative paragraph with them.

A phrase is written as a budget officer reads it: ``…`` is any words within the same sentence,
``(a|b)`` either word, ``{request}``, ``{actor}`` and ``{shall}`` the request verbs, the actors and
the modal verbs ("should") the file lists.

A phrase with wildcards is searched in time near-linear in the text (see ``Phrase``): its pieces
between wildcards are looked for first, in order, and the full expression runs only from where the
first piece is found (and, when no piece can take a full stop, only within that sentence). What it
finds is what the full expression finds on the whole text.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pbi.model import vocabulary
from pbi.model.errors import InputError, PbiError
from pbi.model.yamlio import LoadedYaml, load_yaml

__all__ = ["RULES_DIR", "UNNAMED_REQUEST", "Phrase", "Rule", "RuleSet", "Match", "Classification", "Standards", "load_rules",
           "load_standards", "classify_text", "ParagraphClass"]

RULES_DIR = Path(__file__).with_name("rules")
#: why a paragraph that asks the secretariat for work no rule names is not priced
UNNAMED_REQUEST = "asks the secretariat for work no rule names: not priced, check it"
ParagraphClass = Literal["costed", "extrabudgetary", "absorbed", "invitation", "none"]
_CLASSES = ("costed", "extrabudgetary", "absorbed")


class Phrase:
    """A compiled phrase: ``search`` finds what ``regex.search`` finds, sooner on a long text.

    Its pieces (the parts between its top-level wildcards, each compiled alone, built on the first
    long text) are looked for first. A match of the whole phrase holds a match of each piece, in
    order, each starting at least the piece before's shortest width after it: when the pieces cannot
    be found so, one after the other (a scan of the text per piece), nothing matches, and no match
    starts before the first piece's first place.

    When no piece can take a sentence's stop (``.``, ``;``, ``。``, ``；``), look ahead or test the
    text's end, a match lies within one sentence (``reach`` 0); when only the end of the first piece
    can (an actor's brackets, "Office (see para. 3)"), at most ``reach`` characters from its end, a
    match starting in a sentence ends before the first stop ``reach`` characters after it. The
    expression then runs sentence by sentence, on those that hold every piece in order, within that
    window. (``reach`` None: on the whole text.) A text of at most ``SHORT`` characters is searched
    with the expression alone.
    """

    SHORT = 500

    __slots__ = ("regex", "pattern", "_source", "_wildcard", "_stops", "_ready", "pieces", "widths", "stops",
                 "reach")

    def __init__(self, regex: re.Pattern[str], source: str = "", wildcard: str = "", stops: str = "") -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self._source, self._wildcard, self._stops = source, wildcard, stops
        self._ready = False
        self.pieces: tuple[re.Pattern[str], ...] = ()
        self.widths: tuple[int, ...] = ()
        self.stops: re.Pattern[str] | None = None
        self.reach: int | None = None

    def __repr__(self) -> str:
        return f"Phrase({self.pattern!r})"

    @property
    def sentence_bound(self) -> bool:
        """Whether its matches lie within one sentence."""
        return self.reach == 0

    def prepare(self) -> None:
        """Cut the phrase into its pieces (once)."""
        if self._ready:
            return
        self._ready = True
        cut = _pieces(self._source) if "\x00" in self._source and self._stops else None
        if not cut:
            return
        try:
            # the word boundaries the wildcard puts around the pieces it joins (\b…\b) hold for them too
            edge = "\\b" if self._wildcard.startswith("\\b") else ""
            pieces = tuple(re.compile((edge if k else "") + f"(?:{p.replace(chr(0), self._wildcard)})"
                                      + (edge if k < len(cut) - 1 else ""), self.regex.flags)
                           for k, p in enumerate(cut))
        except re.error:  # a piece that is no expression alone (a group reference): the whole phrase only
            return
        try:
            read = [_read_piece(p, self._stops) for p in pieces]
            for p in pieces:
                _read_piece(p, "")  # what _find asks of each piece, read now
        except Exception:  # re's parser is private to Python: where it reads otherwise, the whole phrase only
            return
        self.pieces, self.widths = pieces, tuple(width for width, _, _, _ in read)
        self.stops = re.compile(f"[{re.escape(self._stops)}]")
        if all(bound for _, bound, _, _ in read[1:]):
            self.reach = read[0][3]

    def search(self, text: str) -> re.Match[str] | None:
        """The leftmost match in ``text``, exactly as ``self.regex.search(text)``."""
        if len(text) <= self.SHORT:
            return self.regex.search(text)
        self.prepare()
        if not self.pieces:
            return self.regex.search(text)
        at = 0
        while True:
            first = _find(self.pieces[0], text, at, len(text))
            if first is None:
                return None
            if self.reach is None:
                missing = self._missing(text, first.start() + self.widths[0], len(text))
                return None if missing else self.regex.search(text, first.start())
            assert self.stops is not None
            stop = self.stops.search(text, first.start())
            close = stop.start() if stop else len(text)  # the stop of the sentence the match would start in
            end = close
            if self.reach and close < len(text):
                stop = self.stops.search(text, close + 1 + self.reach)
                end = stop.start() if stop else len(text)
            # the pieces after the first, in the same sentence; or, when the first piece may end past
            # the stop, in the next sentence(s) of the window
            missing = self._missing(text, first.start() + self.widths[0], close)
            if not missing or end > close and not self._missing(text, close + 1, end):
                m = self.regex.search(text, first.start(), end)
                if m is not None and m.start() <= close:
                    return m
                missing = 0
            if close >= len(text):
                return None
            at = close + 1
            if missing:  # on to the first sentence that may hold the missing piece (within reach)
                later = _find(self.pieces[missing], text, at, len(text))
                if later is None:
                    return None
                at = max(at, self._sentence_from(text, later.start()))

    def _sentence_from(self, text: str, at: int) -> int:
        """Where the first sentence starts whose match may hold a piece found at ``at``: the sentence
        of ``at``, or, when the first piece may end past a stop, the first within its reach."""
        before = max(text.rfind(c, 0, at) for c in self._stops)
        if self.reach and before >= 0:
            before = max(text.rfind(c, 0, max(0, before - self.reach)) for c in self._stops)
        return before + 1

    def _missing(self, text: str, at: int, end: int) -> int:
        """0 when the pieces after the first are found in ``text[at:end]`` one after the other, each at
        least the width of the one before after it; else the index of the first not found."""
        for k in range(1, len(self.pieces)):
            m = _find(self.pieces[k], text, at, end)
            if m is None:
                return k
            at = m.start() + self.widths[k]
        return 0


# the last search of a piece in a text (pieces are shared by phrases: "{request} {actor}"):
# (piece, text, end) → (from, match); a later search from at least ``from`` that the match does not
# precede finds the same match
_FOUND: dict[tuple[re.Pattern[str], str, int], tuple[int, re.Match[str] | None]] = {}
_READ: dict[tuple[str, int, str], tuple[int, bool, tuple[str, ...], int | None]] = {}


def _find(piece: re.Pattern[str], text: str, at: int, end: int) -> re.Match[str] | None:
    """``piece.search(text, at, end)``, remembered; None at once when the text lacks every word the
    piece needs."""
    key = (piece, text, end)
    known = _FOUND.get(key)
    if known is not None and known[0] <= at and (known[1] is None or known[1].start() >= at):
        return known[1]
    needs = _read_piece(piece, "")[2]
    if needs and (text, needs) not in _HOLDS:
        if len(_HOLDS) > 4096:
            _HOLDS.clear()
        _HOLDS[text, needs] = _holds(text, needs)
    m = piece.search(text, at, end) if not needs or _HOLDS[text, needs] else None
    if len(_FOUND) > 4096:
        _FOUND.clear()
    _FOUND[key] = (at, m)
    return m


_LOWER: dict[str, str | None] = {}
_HOLDS: dict[tuple[str, tuple[str, ...]], bool] = {}


def _holds(text: str, needs: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``needs`` (words in ASCII, matched ignoring capitals in a text in
    ASCII, or in Chinese characters, which have no capitals); True when it cannot tell."""
    lower = _LOWER.get(text, "")
    if lower == "":
        lower = text.lower() if text.isascii() else None
        if len(_LOWER) > 64:
            _LOWER.clear()
        _LOWER[text] = lower
    for need in needs:
        if need.isascii():
            if lower is None or need in lower:
                return True
        elif need in text:
            return True
    return False


def _read_piece(piece: re.Pattern[str], stops: str) -> tuple[int, bool, tuple[str, ...], int | None]:
    """The fewest characters a match of ``piece`` takes, whether its matches lie between two of
    ``stops``, words one of which each of its matches holds (none: no such words), and how far from
    its end a match may hold a stop (None: anywhere)."""
    key = (piece.pattern, piece.flags, stops)
    if key not in _READ:
        parsed = _parser().parse(piece.pattern, piece.flags)
        bound = _within_sentence(parsed, stops) if stops else False
        _READ[key] = (int(parsed.getwidth()[0]), bound, tuple(_needs(parsed) or ()),
                      0 if bound else _reach(parsed, stops) if stops else None)
    return _READ[key]


def _reach(parsed: Any, stops: str) -> int | None:
    """How far from the end of a match of a parsed piece it may hold a stop: the most characters its
    nodes from the first that can take one take (None: no bound, or a look ahead among them)."""
    nodes = list(parsed)
    first = next((i for i, node in enumerate(nodes) if not _within_sentence([node], stops)), len(nodes))
    tail = nodes[first:]
    if not _within_sentence(tail, ""):  # with no stops: only a look ahead or a test of the end fails
        return None
    width = int(_parser().SubPattern(parsed.state, tail).getwidth()[1])
    return width if width < 10_000 else None


def _caseless(char: str) -> bool:
    """A Chinese character or punctuation mark: no capitals, nothing else matches it ignoring them."""
    return "\u3000" <= char <= "\u303f" or "\u3400" <= char <= "\u9fff"


def _needs(parsed: Any) -> list[str] | None:
    """Words one of which every match of a parsed expression holds, each in ASCII (lower case) or in
    Chinese characters: the best of its runs of literal characters and of its groups of alternatives."""
    best: list[str] | None = None
    run = ""

    def keep(words: list[str] | None) -> None:
        nonlocal best
        if words and all(len(w) >= 2 for w in words) and (best is None or min(map(len, words)) > min(map(len, best))):
            best = words

    for op, av in [*parsed, ("END", None)]:
        name = str(op)
        char = chr(av) if name == "LITERAL" else ""
        if char and (char.isascii() and (run.isascii() or not run)
                     or _caseless(char) and (not run or not run.isascii())):
            run += char.lower()
            continue
        keep([run] if run else None)
        run = char.lower() if char and (char.isascii() or _caseless(char)) else ""
        if name == "SUBPATTERN":
            keep(_needs(av[3]))
        elif name == "BRANCH":
            alternatives = [_needs(b) for b in av[1]]
            if all(alternatives):
                keep(sorted({w for a in alternatives if a for w in a}))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            keep(_needs(av[2]))
        elif name == "ATOMIC_GROUP":
            keep(_needs(av))
    return best


def _parser() -> Any:
    return importlib.import_module("re._parser")


def _takes(items: Any, char: str) -> bool:
    """Whether a parsed character set (``[^.;]``, ``\\w``) matches ``char``; True when unsure."""
    negate, hit = False, False
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            hit = hit or chr(av) == char
        elif name == "RANGE":
            hit = hit or av[0] <= ord(char) <= av[1]
        elif name == "CATEGORY":
            test = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                    "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}.get(str(av))
            hit = hit or test is None or bool(re.match(test, char))
        else:
            return True
    return hit != negate


def _within_sentence(parsed: Any, stops: str) -> bool:
    """Whether no node of a parsed expression can take one of ``stops``, look ahead or test the end of
    the text: its matches then lie between two stops."""
    for op, av in parsed:
        name = str(op)
        if name == "LITERAL":
            if chr(av) in stops:
                return False
        elif name == "NOT_LITERAL":
            if any(c != chr(av) for c in stops):
                return False
        elif name == "ANY":
            if stops:
                return False
        elif name == "IN":
            if any(_takes(av, c) for c in stops):
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _within_sentence(av[2], stops):
                return False
        elif name == "SUBPATTERN":
            if not _within_sentence(av[3], stops):
                return False
        elif name == "ATOMIC_GROUP":
            if not _within_sentence(av, stops):
                return False
        elif name == "BRANCH":
            if not all(_within_sentence(b, stops) for b in av[1]):
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if av[0] >= 0:  # a look-ahead may see past the stop
                return False
        elif name == "AT":
            if str(av) not in ("AT_BEGINNING", "AT_BEGINNING_STRING", "AT_BOUNDARY", "AT_NON_BOUNDARY"):
                return False
        else:
            return False
    return True


def _pieces(text: str) -> list[str] | None:
    """An expression cut at its top-level wildcards (marked ``\\x00``), or None if a piece is empty."""
    out, depth, escaped, in_set, piece = [], 0, False, False, ""
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_set:
            in_set = char != "]" or piece.endswith(("[", "[^"))
        elif char == "[":
            in_set = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "\x00" and depth == 0:
            out.append(piece)
            piece = ""
            continue
        piece += char
    out.append(piece)
    return out if all(out) else None


@dataclass(frozen=True)
class Rule:
    """One trigger rule: phrases that lead to a class of request and an activity template."""

    id: str
    cls: ParagraphClass
    phrases: tuple[str, ...]
    patterns: tuple[Phrase, ...]
    unless: tuple[Phrase, ...] = ()
    template: str | None = None
    line: int | None = None
    examples: tuple[str, ...] = ()       # sentences the rule must fire on (checked by the tests)
    counter_examples: tuple[str, ...] = ()  # sentences it must not fire on

    def search(self, text: str, paragraph: str | None = None) -> str | None:
        """The words that trigger the rule in ``text``, or None; ``unless`` phrases are looked for
        in the whole ``paragraph`` (default: ``text``)."""
        if any(u.search(paragraph or text) for u in self.unless):
            return None
        for pattern in self.patterns:
            m = pattern.search(text)
            if m:
                return m.group(0)
        return None


@dataclass(frozen=True)
class RuleSet:
    """The rules of one language."""

    language: str
    file: str
    requests: tuple[Rule, ...]
    extrabudgetary: tuple[Rule, ...]
    invitation: tuple[Rule, ...]
    endorses_annex: tuple[Phrase, ...]
    openings: tuple[tuple[str, str], ...]
    years: tuple[re.Pattern[str], ...]
    dates: tuple[re.Pattern[str], ...]
    places: dict[str, tuple[str, ...]]
    counts: dict[str, int]
    count_phrases: tuple[re.Pattern[str], ...]
    session_phrases: tuple[re.Pattern[str], ...]
    numerals: dict[str, int] = field(default_factory=dict)
    # a paragraph asking the secretariat itself: "Requests the Secretary-General", "请秘书长"
    asks_secretariat: tuple[Phrase, ...] = ()
    # venues the tables price no meetings in ("in Rome", "在罗马"): named in the assumption, not priced there
    unpriced_places: tuple[str, ...] = ()
    anaphora: tuple[str, ...] = ()  # words that refer back to an object named before ("该", "the said")
    absorbed: tuple[Rule, ...] = ()  # "within existing resources": no additional requirement
    day_phrases: tuple[re.Pattern[str], ...] = ()  # "a two-day panel", "sessions of five days"
    day_numbers: dict[str, str] = field(default_factory=dict)  # "half" → "0.5"
    # "with interpretation in the six official languages", 提供口译: a meeting of experts that is intergovernmental
    interpretation_stated: tuple[re.Pattern[str], ...] = ()
    # "on 6 and 7 May 2028", "from 6 to 8 May", 5月6日至8日: the first and last day (groups 1 and 2)
    date_spans: tuple[re.Pattern[str], ...] = ()
    # "twelve weeks of sessions": weeks of five meeting days, when no day count is given
    week_phrases: tuple[re.Pattern[str], ...] = ()
    participant_phrases: tuple[re.Pattern[str], ...] = ()  # "of 25 experts"
    participant_numbers: dict[str, str] = field(default_factory=dict)  # "twelve" → "12"
    post_phrases: tuple[re.Pattern[str], ...] = ()  # "two new posts": how many posts of the one grade named
    post_numbers: dict[str, str] = field(default_factory=dict)  # words the number readers do not know (a dual)
    # "one P-4 and two P-3": how many posts of a grade, read in the words just before it (each ends with ``$``)
    grade_counts: tuple[re.Pattern[str], ...] = ()
    month_phrases: tuple[re.Pattern[str], ...] = ()  # "for twelve months", "six work-months"
    # the name of a report by who prepares it or what it is: (phrase, template, label by language)
    report_labels: tuple[tuple[re.Pattern[str], str, dict[str, str]], ...] = ()
    month_numbers: dict[str, str] = field(default_factory=dict)  # "twelve" → "12"
    grade_phrases: tuple[re.Pattern[str], ...] = ()  # "at the P-3 level"
    grade_names: tuple[tuple[re.Pattern[str], str], ...] = ()  # "General Service (Other level)" → GS (Other level)
    word_phrases: tuple[re.Pattern[str], ...] = ()  # "not exceeding 10,700 words", "不超过10,700字"
    page_phrases: tuple[re.Pattern[str], ...] = ()  # "not exceeding 20 pages", "20页以内"
    meeting_phrases: tuple[re.Pattern[str], ...] = ()  # "three meetings of three hours each"
    activity_years: tuple[re.Pattern[str], ...] = ()  # "in 2027", "in the biennium 2026-2027", "于2027年"
    recurrence: tuple[tuple[re.Pattern[str], int], ...] = ()  # ("annually for three years", every 1 year)
    within_year: tuple[tuple[re.Pattern[str], int], ...] = ()  # ("every 120 days", of 365 in a year)
    # how many years a mandate or body the paragraph renews or establishes lasts ("for a further period of
    # three years", 再延长三年): group 1 is the number
    lasting: tuple[re.Pattern[str], ...] = ()
    # the activity is held in each of the years the paragraph lists ("in each of the years 2028, 2029 and
    # 2030", "in 2028 and a further meeting … in 2029", 在2028年和2029年…各召开一次)
    each_year_listed: tuple[re.Pattern[str], ...] = ()
    # where each of the meetings a paragraph lists one by one begins ("an organizational session of two days in New
    # York in 2028 and two substantive sessions …, the first in Geneva in 2028 and the second …", 于2028年在纽约…，并于…)
    meeting_parts: tuple[re.Pattern[str], ...] = ()
    # a document for one of the meetings another paragraph lists ("for the first substantive session of the
    # preparatory committee", 提交筹备委员会第二届会议): group 1 is the ordinal, group 2 the body's name
    for_listed_meeting: tuple[re.Pattern[str], ...] = ()
    unpriced_services: tuple[tuple[re.Pattern[str], str], ...] = ()  # ("sign interpretation", its name)
    # services of a meeting the paragraph states and the tables price: ("with webcasting", "webcasting")
    meeting_services: tuple[tuple[re.Pattern[str], str], ...] = ()
    # a body of independent experts the draft creates ("a Working Group … composed of five independent
    # experts"): its sessions are meetings of its members, not of an intergovernmental body
    expert_bodies: tuple[re.Pattern[str], ...] = ()
    # where a paragraph's clauses part (", and to …", "，并"): each request's own year or session is its clause's
    clause_breaks: tuple[re.Pattern[str], ...] = ()
    # two or more sessions named together ("at its eighty-fourth and eighty-sixth sessions"): one group a session
    session_lists: tuple[re.Pattern[str], ...] = ()
    # consecutive years a paragraph lists or spans ("in 2028, 2029 and 2030", "2028-2029两年期")
    year_spans: tuple[re.Pattern[str], ...] = ()
    # what comes just before the name of a body a document is submitted to ("to the ", "向"), and before a
    # further one ("and to the ", "和"); a body named short ("the Council", 理事会): the adopting body when
    # the word is in its name, else the body id given (or none)
    submitted_to: tuple[re.Pattern[str], ...] = ()
    also_submitted_to: tuple[re.Pattern[str], ...] = ()
    short_body_names: dict[str, str | None] = field(default_factory=dict)
    # what follows a body's name when the name is only the start of another's ("Conference of the Parties to the
    # United Nations Framework Convention …"): not that body
    name_continues: tuple[re.Pattern[str], ...] = ()
    # the report on the study the paragraph asks for ("and to submit a report thereon", 并就此提交报告): one document
    reports_on_it: tuple[re.Pattern[str], ...] = ()
    # the place of the session a body's report is of ("on its session, held at Geneva"): group 1 a word of ``places``
    held_at: tuple[re.Pattern[str], ...] = ()
    # what comes right before the body asked to issue a document ("Requests the ", 请): that body issues it
    issuer_before: tuple[re.Pattern[str], ...] = ()
    # an organizational session named ("an organizational session", 组织会议)
    organizational: tuple[re.Pattern[str], ...] = ()
    # the body a numbered session is of, named right after it ("… session de la Commission de statistique"): group 1
    # (default: English "of the …")
    session_of: tuple[re.Pattern[str], ...] = ()
    # the words before a numbered session that put the work before it ("avant sa soixante-deuxième session";
    # default: English "before its", "prior to the")
    before_session: tuple[re.Pattern[str], ...] = ()
    # the last word of an organ's name just before a numbered session ("la Conférence à sa quatorzième session") or
    # just after it ("la quatorzième session de la Conférence"): that organ's session, not the adopting body's unless
    # the word is in its name (default: the English and Chinese words)
    organ_before: tuple[re.Pattern[str], ...] = ()
    organ_after: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Match:
    """A rule that fired, with the words that fired it."""

    rule: Rule
    words: str


@dataclass(frozen=True)
class Classification:
    """What one paragraph asks for."""

    cls: ParagraphClass
    matches: tuple[Match, ...] = ()
    condition: str | None = None      # words making it extrabudgetary ("以可得到预算外资源为前提")
    invitation: str | None = None     # words inviting donors, in the same paragraph
    why: str | None = None            # for "none": what the paragraph does instead

    @property
    def has_implications(self) -> bool:
        return self.cls in _CLASSES


@dataclass(frozen=True)
class Standards:
    """Templates of activities and the bodies' data (standards.yaml)."""

    file: str
    templates: dict[str, dict[str, Any]]
    bodies: dict[str, dict[str, Any]]
    actors: tuple[dict[str, Any], ...] = ()  # parts of the secretariat: names, section, duty station
    # other bodies whose sessions a draft names ("the Commission for Social Development at its
    # sixty-seventh session"): names and the year of their sessions only, never a draft's own body
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    # bodies a document may be submitted to that adopt no draft pbi prices (the Environment Assembly):
    # names and duty station, where a document submitted to them is processed
    receivers: dict[str, dict[str, Any]] = field(default_factory=dict)
    # bodies that issue their reports at their seat (a subsidiary body of the Human Rights Council): names and
    # duty station
    issuers: dict[str, dict[str, Any]] = field(default_factory=dict)


def _compile(phrase: str, words: dict[str, tuple[str, ...]], sentence: str, where: str,
             patterns: dict[str, tuple[str, ...]] | None = None) -> Phrase:
    text = phrase
    for key, values in words.items():
        alternatives = "|".join([re.escape(v) for v in sorted(values, key=len, reverse=True)]
                                + list((patterns or {}).get(key, ())))
        after = "(?:（[^）]{0,30}）|\\([^)]{0,30}\\))?" if key == "actor" else ""  # "办公室（毒品和犯罪问题办公室）"
        text = text.replace("{" + key + "}", f"(?:{alternatives}){after}")
    # "…" is any words within the sentence; in a text with spaces between words it stands for
    # one space or for words with a space on either side
    spaced = " " in phrase.replace(" … ", "")
    wildcard = f"\\b[^{sentence}]*?\\b" if spaced else f"[^{sentence}]*?"
    marked = re.sub(r"\s*(…|\.\.\.)\s*", "\x00", text)
    # an apostrophe after a letter reads either form: "d'organiser" finds "d’organiser" as French texts print it
    marked = re.sub(r"(?<=\w)['’]", "['’]", marked)
    try:
        regex = re.compile(marked.replace("\x00", wildcard), re.IGNORECASE)
    except re.error as exc:
        raise InputError(f"phrase {phrase!r} cannot be read: {exc}", file=where) from None
    return Phrase(regex, marked, wildcard, sentence)


def _report_labels(loaded: LoadedYaml, value: Any) -> tuple[tuple[re.Pattern[str], str, dict[str, str]], ...]:
    out: list[tuple[re.Pattern[str], str, dict[str, str]]] = []
    for i, entry in enumerate(value or []):
        path = f"report_labels[{i}]"
        if not isinstance(entry, dict) or not {"phrase", "template", "label"} <= set(entry) \
                or not isinstance(entry["label"], dict):
            raise InputError("expected {phrase, template, label: {en: …, zh: …}}", file=loaded.file,
                             line=loaded.line_of(path), field=path)
        out.append((re.compile(str(entry["phrase"]), re.IGNORECASE), str(entry["template"]),
                    {str(k): str(v) for k, v in entry["label"].items()}))
    return tuple(out)


def _pairs(loaded: LoadedYaml, key: str, value_key: str) -> tuple[tuple[re.Pattern[str], Any], ...]:
    """``[{phrase: …, every: 1}]`` → ((pattern, 1), …): a phrase and what it stands for."""
    out: list[tuple[re.Pattern[str], Any]] = []
    for i, entry in enumerate(loaded.data.get(key) or []):
        path = f"{key}[{i}]"
        if not isinstance(entry, dict) or not {"phrase", value_key} <= set(entry):
            raise InputError(f"expected {{phrase: …, {value_key}: …}}", file=loaded.file, line=loaded.line_of(path),
                             field=path)
        try:
            out.append((re.compile(str(entry["phrase"]), re.IGNORECASE), entry[value_key]))
        except re.error as exc:
            raise InputError(f"phrase cannot be read: {exc}", file=loaded.file, line=loaded.line_of(path),
                             field=path) from None
    return tuple(out)


def _strings(value: Any, where: LoadedYaml, path: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError("expected a list of phrases", file=where.file, line=where.line_of(path), field=path)
    return tuple(value)


def _rules(loaded: LoadedYaml, key: str, cls: ParagraphClass | None, words: dict[str, tuple[str, ...]],
           sentence: str, patterns: dict[str, tuple[str, ...]] | None = None) -> tuple[Rule, ...]:
    out: list[Rule] = []
    for i, body in enumerate(loaded.data.get(key) or []):
        path = f"{key}[{i}]"
        if not isinstance(body, dict) or "phrases" not in body or "id" not in body:
            raise InputError("a rule needs an id and phrases", file=loaded.file, line=loaded.line_of(path), field=path)
        rule_cls = body.get("class", cls)
        if rule_cls not in ("costed", "extrabudgetary", "absorbed", "invitation", "none"):
            raise InputError(f"unknown class {rule_cls!r} (expected costed, extrabudgetary, absorbed, invitation "
                             "or none)",
                             file=loaded.file, line=loaded.line_of(path + ".class"), field=path + ".class")
        phrases = _strings(body["phrases"], loaded, path + ".phrases")
        where = f"{loaded.file}:{loaded.line_of(path)}"
        out.append(Rule(
            id=str(body["id"]), cls=rule_cls, phrases=phrases,
            patterns=tuple(_compile(p, words, sentence, where, patterns) for p in phrases),
            unless=tuple(_compile(p, words, sentence, where, patterns)
                         for p in _strings(body.get("unless"), loaded, path)),
            template=body.get("template"), line=loaded.line_of(path),
            examples=_strings(body.get("examples"), loaded, path + ".examples"),
            counter_examples=_strings(body.get("not"), loaded, path + ".not")))
    return tuple(out)


def load_rules(language: str, path: Path | str | None = None) -> RuleSet:
    """The rules of ``language`` (``zh``, ``en``, ``fr`` or ``es``), from the package or from ``path``."""
    return _load_rules(language, str(path) if path else str(RULES_DIR / f"{language}.yaml"))


@lru_cache(maxsize=8)
def _load_rules(language: str, path: str) -> RuleSet:
    loaded = load_yaml(path)
    data = loaded.data
    sentence = "。；" if language == "zh" else ".;"
    words = {"request": _strings(data.get("request_verbs"), loaded, "request_verbs"),
             "actor": _strings(data.get("actors"), loaded, "actors"),
             "shall": _strings(data.get("modal_verbs"), loaded, "modal_verbs")}
    # actors given as regular expressions: an office named by what comes before "办事处"
    patterns = {"actor": _strings(data.get("actor_patterns"), loaded, "actor_patterns")}
    openings: list[tuple[str, str]] = []
    for entry in data.get("none") or []:
        for opening in _strings(entry.get("opening"), loaded, "none"):
            openings.append((opening, str(entry.get("why", ""))))
    openings.sort(key=lambda o: len(o[0]), reverse=True)
    where = loaded.file
    return RuleSet(
        language=language, file=loaded.file,
        requests=_rules(loaded, "requests", None, words, sentence, patterns),
        extrabudgetary=_rules(loaded, "extrabudgetary", "extrabudgetary", words, sentence, patterns),
        invitation=_rules(loaded, "invitation", "invitation", words, sentence, patterns),
        asks_secretariat=tuple(_compile(p, words, sentence, where, patterns)
                               for p in _strings(data.get("asks_secretariat"), loaded, "asks_secretariat")),
        endorses_annex=tuple(_compile(p, words, sentence, where)
                             for p in _strings(data.get("endorses_annex"), loaded, "endorses_annex")),
        openings=tuple(openings),
        years=tuple(re.compile(p) for p in _strings(data.get("years"), loaded, "years")),
        dates=tuple(re.compile(p, re.IGNORECASE) for p in _strings(data.get("dates"), loaded, "dates")),
        places={k: _strings(v, loaded, f"places.{k}") for k, v in (data.get("places") or {}).items()},
        counts={str(k): int(v) for k, v in (data.get("counts") or {}).items()},
        count_phrases=tuple(re.compile(p, re.IGNORECASE) for p in _strings(data.get("count_phrases"), loaded, "count_phrases")),
        session_phrases=tuple(re.compile(p, re.IGNORECASE)
                              for p in _strings(data.get("session_phrases"), loaded, "session_phrases")),
        numerals={str(k): int(v) for k, v in (data.get("numerals") or {}).items()},
        anaphora=_strings(data.get("anaphora"), loaded, "anaphora"),
        unpriced_places=_strings(data.get("unpriced_places"), loaded, "unpriced_places"),
        report_labels=_report_labels(loaded, data.get("report_labels")),
        absorbed=_rules(loaded, "absorbed", "absorbed", words, sentence, patterns),
        day_phrases=tuple(re.compile(p, re.IGNORECASE) for p in _strings(data.get("day_phrases"), loaded, "day_phrases")),
        day_numbers={str(k): str(v) for k, v in (data.get("day_numbers") or {}).items()},
        week_phrases=tuple(re.compile(p, re.IGNORECASE) for p in _strings(data.get("week_phrases"), loaded, "week_phrases")),
        participant_phrases=tuple(re.compile(p, re.IGNORECASE)
                                  for p in _strings(data.get("participant_phrases"), loaded, "participant_phrases")),
        participant_numbers={str(k): str(v) for k, v in (data.get("participant_numbers") or {}).items()},
        post_phrases=tuple(re.compile(p, re.IGNORECASE) for p in _strings(data.get("post_phrases"), loaded, "post_phrases")),
        post_numbers={str(k): str(v) for k, v in (data.get("post_numbers") or {}).items()},
        grade_counts=tuple(re.compile(p, re.IGNORECASE) for p in _strings(data.get("grade_counts"), loaded, "grade_counts")),
        month_phrases=tuple(re.compile(p, re.IGNORECASE) for p in _strings(data.get("month_phrases"), loaded, "month_phrases")),
        month_numbers={str(k): str(v) for k, v in (data.get("month_numbers") or {}).items()},
        grade_phrases=tuple(re.compile(p) for p in _strings(data.get("grade_phrases"), loaded, "grade_phrases")),
        grade_names=tuple((p, str(v)) for p, v in _pairs(loaded, "grade_names", "grade")),
        word_phrases=_patterns(loaded, "word_phrases"), page_phrases=_patterns(loaded, "page_phrases"),
        meeting_phrases=_patterns(loaded, "meeting_phrases"), activity_years=_patterns(loaded, "activity_years"),
        recurrence=tuple((p, int(v)) for p, v in _pairs(loaded, "recurrence", "every")),
        within_year=tuple((p, int(v)) for p, v in _pairs(loaded, "within_year", "per_year")),
        lasting=_patterns(loaded, "lasting"), each_year_listed=_patterns(loaded, "each_year_listed"),
        meeting_parts=_patterns(loaded, "meeting_parts"), for_listed_meeting=_patterns(loaded, "for_listed_meeting"),
        unpriced_services=tuple((p, str(v)) for p, v in _pairs(loaded, "unpriced_services", "label")),
        meeting_services=tuple((p, str(v)) for p, v in _pairs(loaded, "meeting_services", "service")),
        expert_bodies=_patterns(loaded, "expert_bodies"),
        clause_breaks=_patterns(loaded, "clause_breaks"), session_lists=_patterns(loaded, "session_lists"),
        year_spans=_patterns(loaded, "year_spans"),
        date_spans=_patterns(loaded, "date_spans"),
        interpretation_stated=_patterns(loaded, "interpretation_stated"),
        submitted_to=_patterns(loaded, "submitted_to"), also_submitted_to=_patterns(loaded, "also_submitted_to"),
        name_continues=_patterns(loaded, "name_continues"),
        reports_on_it=_patterns(loaded, "reports_on_it"), held_at=_patterns(loaded, "held_at"),
        issuer_before=_patterns(loaded, "issuer_before"), organizational=_patterns(loaded, "organizational"),
        session_of=_patterns(loaded, "session_of"), before_session=_patterns(loaded, "before_session"),
        organ_before=_cased_patterns(loaded, "organ_before"), organ_after=_cased_patterns(loaded, "organ_after"),
        short_body_names={str(k): (str(v) if v else None) for k, v in (data.get("short_body_names") or {}).items()},
    )


def _cased_patterns(loaded: LoadedYaml, key: str) -> tuple[re.Pattern[str], ...]:
    """The regular expressions listed under ``key``, matching capitals as written (an organ's name)."""
    return tuple(re.compile(p) for p in _strings(loaded.data.get(key), loaded, key))


def _patterns(loaded: LoadedYaml, key: str) -> tuple[re.Pattern[str], ...]:
    """The regular expressions listed under ``key`` (matching ignores capitals)."""
    return tuple(re.compile(p, re.IGNORECASE) for p in _strings(loaded.data.get(key), loaded, key))


@lru_cache(maxsize=2)
def load_standards(path: str | None = None) -> Standards:
    """The activity templates and bodies of ``standards.yaml``."""
    loaded = load_yaml(path or RULES_DIR / "standards.yaml")
    return Standards(file=loaded.file, templates=dict(loaded.data.get("templates") or {}),
                     bodies={key: _with_vocabulary_names(key, body) for key, body in (loaded.data.get("bodies") or {}).items()},
                     actors=tuple(loaded.data.get("actors") or ()),
                     sessions=dict(loaded.data.get("other_sessions") or {}),
                     receivers={key: _with_vocabulary_names(key, body)
                                for key, body in (loaded.data.get("receiving_bodies") or {}).items()},
                     issuers={key: _with_vocabulary_names(key, body)
                              for key, body in (loaded.data.get("issuing_bodies") or {}).items()})


#: languages whose body names standards.yaml does not give: taken from pbi/model/vocabulary.yaml
_VOCABULARY_LANGUAGES = ("fr", "es", "ru", "ar")


def _with_vocabulary_names(key: str, body: Any) -> Any:
    """A body of standards.yaml with its names in the languages standards.yaml leaves out (French, Spanish,
    Russian), as pbi/model/vocabulary.yaml gives them, without their article ("l’Assemblée générale" →
    "Assemblée générale"), with either apostrophe, and in each case the vocabulary declines them in
    ("Генеральной Ассамблее")."""
    if not isinstance(body, dict):
        return body
    try:
        known = vocabulary.body(key).names
    except PbiError:
        return body
    names = dict(body.get("names") or {})
    for lang in _VOCABULARY_LANGUAGES:
        name = str((known.get(lang) or {}).get("name") or "")
        if lang in names or not name:
            continue
        core = re.sub(r"^(?:l['’]\s?|la\s+|le\s+|les\s+|el\s+|los\s+|las\s+)", "", name, flags=re.IGNORECASE)
        cases = [str(v) for k, v in (known.get(lang) or {}).items() if k in ("name_gen", "name_dat", "name_ins")]
        names[lang] = list(dict.fromkeys((core, core.replace("’", "'"), core.replace("'", "’"), *cases)))
    return {**body, "names": names}


def classify_text(texts: list[str], rules: RuleSet) -> Classification:
    """Classify a paragraph given as the texts to search: the paragraph, and each sub-item with the
    words before it (a request's verb and actor are in the chapeau, its object in the item)."""
    matches: list[Match] = []
    seen: set[str] = set()
    paragraph = " ".join(texts)
    for text in texts:
        for rule in rules.requests:
            if rule.id in seen:
                continue
            words = rule.search(text, paragraph)
            if words:
                matches.append(Match(rule, words))
                seen.add(rule.id)
    whole = " ".join(texts[:1])
    condition = next((m for r in rules.extrabudgetary for m in [r.search(whole)] if m), None)
    invitation = next((m for r in rules.invitation for m in [r.search(whole)] if m), None)
    absorbed = next((m for r in rules.absorbed for m in [r.search(paragraph)] if m), None)
    if absorbed and not condition and matches:
        return Classification("absorbed", tuple(matches), absorbed, invitation)
    if any(m.rule.cls == "costed" for m in matches):
        return Classification("extrabudgetary" if condition else "costed", tuple(matches), condition, invitation)
    if matches:
        return Classification("extrabudgetary", tuple(matches), condition, invitation)
    if condition and any(p.search(whole) for p in rules.asks_secretariat):
        # asks the secretariat for work no rule names, met from extrabudgetary resources: said, not priced
        return Classification("extrabudgetary", (), condition, invitation)
    if invitation:
        return Classification("invitation", (), condition, invitation, why="invites donors to provide resources")
    if absorbed and not condition and any(p.search(whole) for p in rules.asks_secretariat):
        # asks the secretariat for work no rule names, within existing resources: said, not priced
        return Classification("absorbed", (), absorbed, invitation)
    if absorbed:  # asks others for something, within existing resources
        return Classification("none", (), absorbed, None, why=f"within existing resources (“{absorbed}”)")
    asked = next((m for p in rules.asks_secretariat for m in [p.search(whole)] if m), None)
    if asked is not None:
        # asks the secretariat itself for work no rule names (an oral update, a task pbi has no rule for): not
        # priced, and said so, never silently "asks others"
        return Classification("none", (), condition, None, why=f"{UNNAMED_REQUEST} (“{asked.group(0)}”)")
    why = next((w for opening, w in rules.openings if whole.lower().startswith(opening.lower())), None)
    return Classification("none", (), condition, None, why=why or "asks nothing of the secretariat")
