"""Trigger rules as data (``pbi/draft/rules/{zh,en}.yaml``) and the standards behind the
quantities (``pbi/draft/rules/standards.yaml``), and classifying one operative paragraph with them.

A phrase is written as a budget officer reads it: ``…`` is any words within the same sentence,
``(a|b)`` either word, ``{request}``, ``{actor}`` and ``{shall}`` the request verbs, the actors and
the modal verbs ("should") the file lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pbi.model.errors import InputError
from pbi.model.yamlio import LoadedYaml, load_yaml

__all__ = ["RULES_DIR", "Rule", "RuleSet", "Match", "Classification", "Standards", "load_rules",
           "load_standards", "classify_text", "ParagraphClass"]

RULES_DIR = Path(__file__).with_name("rules")
ParagraphClass = Literal["costed", "extrabudgetary", "absorbed", "invitation", "none"]
_CLASSES = ("costed", "extrabudgetary", "absorbed")


@dataclass(frozen=True)
class Rule:
    """One trigger rule: phrases that lead to a class of request and an activity template."""

    id: str
    cls: ParagraphClass
    phrases: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...] = ()
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
    endorses_annex: tuple[re.Pattern[str], ...]
    openings: tuple[tuple[str, str], ...]
    years: tuple[re.Pattern[str], ...]
    dates: tuple[re.Pattern[str], ...]
    places: dict[str, tuple[str, ...]]
    counts: dict[str, int]
    count_phrases: tuple[re.Pattern[str], ...]
    session_phrases: tuple[re.Pattern[str], ...]
    numerals: dict[str, int] = field(default_factory=dict)
    # a paragraph asking the secretariat itself: "Requests the Secretary-General", "请秘书长"
    asks_secretariat: tuple[re.Pattern[str], ...] = ()
    # venues the tables price no meetings in ("in Rome", "在罗马"): named in the assumption, not priced there
    unpriced_places: tuple[str, ...] = ()
    anaphora: tuple[str, ...] = ()  # words that refer back to an object named before ("该", "the said")
    absorbed: tuple[Rule, ...] = ()  # "within existing resources": no additional requirement
    day_phrases: tuple[re.Pattern[str], ...] = ()  # "a two-day panel", "sessions of five days"
    day_numbers: dict[str, str] = field(default_factory=dict)  # "half" → "0.5"
    # "twelve weeks of sessions": weeks of five meeting days, when no day count is given
    week_phrases: tuple[re.Pattern[str], ...] = ()
    participant_phrases: tuple[re.Pattern[str], ...] = ()  # "of 25 experts"
    participant_numbers: dict[str, str] = field(default_factory=dict)  # "twelve" → "12"
    month_phrases: tuple[re.Pattern[str], ...] = ()  # "for twelve months", "six work-months"
    # the name of a report by who prepares it or what it is: (phrase, template, label by language)
    report_labels: tuple[tuple[re.Pattern[str], str, dict[str, str]], ...] = ()
    month_numbers: dict[str, str] = field(default_factory=dict)  # "twelve" → "12"
    grade_phrases: tuple[re.Pattern[str], ...] = ()  # "at the P-3 level"
    word_phrases: tuple[re.Pattern[str], ...] = ()  # "not exceeding 10,700 words", "不超过10,700字"
    page_phrases: tuple[re.Pattern[str], ...] = ()  # "not exceeding 20 pages", "20页以内"
    meeting_phrases: tuple[re.Pattern[str], ...] = ()  # "three meetings of three hours each"
    activity_years: tuple[re.Pattern[str], ...] = ()  # "in 2027", "in the biennium 2026-2027", "于2027年"
    recurrence: tuple[tuple[re.Pattern[str], int], ...] = ()  # ("annually for three years", every 1 year)
    unpriced_services: tuple[tuple[re.Pattern[str], str], ...] = ()  # ("sign interpretation", its name)


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


def _compile(phrase: str, words: dict[str, tuple[str, ...]], sentence: str, where: str,
             patterns: dict[str, tuple[str, ...]] | None = None) -> re.Pattern[str]:
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
    text = re.sub(r"\s*(…|\.\.\.)\s*", lambda _: wildcard, text)
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error as exc:
        raise InputError(f"phrase {phrase!r} cannot be read: {exc}", file=where) from None


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
    """The rules of ``language`` (``zh`` or ``en``), from the package or from ``path``."""
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
        month_phrases=tuple(re.compile(p, re.IGNORECASE) for p in _strings(data.get("month_phrases"), loaded, "month_phrases")),
        month_numbers={str(k): str(v) for k, v in (data.get("month_numbers") or {}).items()},
        grade_phrases=tuple(re.compile(p) for p in _strings(data.get("grade_phrases"), loaded, "grade_phrases")),
        word_phrases=_patterns(loaded, "word_phrases"), page_phrases=_patterns(loaded, "page_phrases"),
        meeting_phrases=_patterns(loaded, "meeting_phrases"), activity_years=_patterns(loaded, "activity_years"),
        recurrence=tuple((p, int(v)) for p, v in _pairs(loaded, "recurrence", "every")),
        unpriced_services=tuple((p, str(v)) for p, v in _pairs(loaded, "unpriced_services", "label")),
    )


def _patterns(loaded: LoadedYaml, key: str) -> tuple[re.Pattern[str], ...]:
    """The regular expressions listed under ``key`` (matching ignores capitals)."""
    return tuple(re.compile(p, re.IGNORECASE) for p in _strings(loaded.data.get(key), loaded, key))


@lru_cache(maxsize=2)
def load_standards(path: str | None = None) -> Standards:
    """The activity templates and bodies of ``standards.yaml``."""
    loaded = load_yaml(path or RULES_DIR / "standards.yaml")
    return Standards(file=loaded.file, templates=dict(loaded.data.get("templates") or {}),
                     bodies=dict(loaded.data.get("bodies") or {}),
                     actors=tuple(loaded.data.get("actors") or ()))


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
    why = next((w for opening, w in rules.openings if whole.lower().startswith(opening.lower())), None)
    return Classification("none", (), condition, None, why=why or "asks nothing of the secretariat")
