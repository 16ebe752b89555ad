"""What one request's documents are and where they are processed, when a paragraph asks for more than one
thing: a report that is the study the paragraph asks for (one document), a body's report that is the report of
the session the paragraph holds, the report of a session held away from the body that receives it, and an
organizational session within the meetings a paragraph lists. The words are data (rules' ``reports_on_it``,
``held_at``, ``issuer_before``, ``organizational``; standards.yaml's ``one_document_with``,
``processed_where_issued`` and ``issuing_bodies``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from pbi.draft.rules import Match, RuleSet, Standards
from pbi.model.errors import InputError

__all__ = ["same_document", "issued_at", "is_organizational"]

#: the rules' lists a template's ``one_document_with`` may name under ``said``
_SAID: dict[str, Callable[[RuleSet], tuple[re.Pattern[str], ...]]] = {
    "reports_on_it": lambda rules: rules.reports_on_it,
}


def same_document(template_id: str, template: dict[str, Any], matches: Sequence[Match], text: str,
                  rules: RuleSet) -> tuple[str, str] | None:
    """The template of the same paragraph whose document this template's is (standards.yaml,
    ``one_document_with``: a report on the study the paragraph asks for, a body's report on the session
    it holds), with the words that say so; None when the document is one of its own."""
    with_ = template.get("one_document_with")
    if not isinstance(with_, dict):
        return None
    other = str(with_.get("template", ""))
    if other == template_id or not any(m.rule.template == other for m in matches):
        return None
    said = with_.get("said")
    if not said:
        words = next(m.words for m in matches if m.rule.template == other)
        return other, words
    read = _SAID.get(str(said))
    if read is None:
        raise InputError(f"standards.yaml, template {template_id}: one_document_with said: {said!r} is none of the "
                         f"rules' lists ({', '.join(sorted(_SAID))})")
    patterns = read(rules)
    found = next((m for p in patterns if (m := p.search(text))), None)
    return (other, found.group(0)) if found else None


def _station_of(word: str, rules: RuleSet) -> str | None:
    return next((place for place, words in rules.places.items() if any(w.lower() == word.lower() for w in words)), None)


def issued_at(text: str, template: dict[str, Any], standards: Standards, rules: RuleSet, lang: str,
              meeting_place: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """Where the document of ``template`` is processed when it is a body's own (``processed_where_issued``): the
    place of the session it reports on as the paragraph states it ("on its session, held at Geneva"; the
    session the paragraph holds), else the seat of the body the paragraph asks to issue it ("Requests the
    Human Rights Council Advisory Committee to …"); with the reason. None leaves the usual rule (where
    the body it is submitted to meets, else the office's or the adopting body's station)."""
    if not template.get("processed_where_issued"):
        return None
    for pattern in rules.held_at:
        m = pattern.search(text)
        if m and (station := _station_of(m.group(1), rules)):
            return station, f"the session it reports on is held there (“{m.group(0)}”)"
    if meeting_place is not None:
        return meeting_place[0], f"the session it reports on is held there (“{meeting_place[1]}”)"
    edge = "" if lang == "zh" else r"\b"
    known = {**standards.bodies, **standards.receivers, **standards.issuers}
    names = sorted(((name, entry) for entry in known.values() for name in entry.get("names", {}).get(lang, [])),
                   key=lambda n: -len(n[0]))
    for name, entry in names:
        for m in re.finditer(edge + re.escape(name) + edge, text, re.IGNORECASE):
            before = text[max(0, m.start() - 60):m.start()]
            if entry.get("duty_station") and any(p.search(before) for p in rules.issuer_before):
                return str(entry["duty_station"]), f"the “{m.group(0)}” issues it, at its seat"
    return None


def is_organizational(words: str, rules: RuleSet) -> bool:
    """Whether ``words`` (one of the meetings a paragraph lists) name an organizational session."""
    return any(p.search(words) for p in rules.organizational)
