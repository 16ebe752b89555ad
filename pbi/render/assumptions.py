"""What a spec assumed, as a generated note lists it after its paragraphs.

A spec may carry figures no draft and no published note states: a report's page count estimated,
a meeting's length supposed. A generated note must not print them as published facts, so it lists
them under a heading of their own: each ``extra.assumptions`` entry (a string, or a text by
language ``{zh: …, en: …}``), then each quantity an activity marks ``assumed:`` with its value.
The wording is data: ``assumptions`` in ``templates/phrases.yaml``.
"""

from __future__ import annotations

from typing import Any

from pbi.model.errors import RenderError
from pbi.model.specs import Activity, Range, Spec

__all__ = ["note_assumptions"]


def _value(activity: Activity, name: str, lang: str) -> str:
    from pbi.render.numbers import number

    if name in ("location", "grade", "year"):
        return str(getattr(activity, name) or "-")
    value = activity.quantity(name)
    if value is None:
        return "-"
    return number(value if isinstance(value, Range) else Range.of(value), lang)


def _label(activity: Activity, lang: str, phrases: dict[str, Any]) -> str:
    if activity.label is not None and getattr(activity.label, lang, None):
        return str(getattr(activity.label, lang))
    kind: dict[str, str] = phrases.get("kinds", {}).get(activity.kind, {})
    return kind.get(lang, activity.id)


def note_assumptions(spec: Spec, lang: str, phrases: dict[str, Any]) -> tuple[str, list[str]]:
    """The heading and the lines of the assumptions a note lists (no lines: nothing assumed)."""
    words = phrases.get("assumptions")
    if not isinstance(words, dict):
        raise RenderError("templates/phrases.yaml names no assumptions wording")
    lines: list[str] = []
    given = spec.extra.get("assumptions", [])
    for entry in given if isinstance(given, list) else [given]:
        if isinstance(entry, dict):
            text = entry.get(lang) or entry.get("en") or next(iter(entry.values()), "")
        else:
            text = entry
        if text:
            lines.append(str(text))
    if lang not in words["title"]:  # no wording in this language yet: nothing listed in another language
        return "", []

    def say(entry: dict[str, str]) -> str:  # a language without its own wording reads the English
        return str(entry.get(lang) or entry["en"])

    marker = say(words["marker"])
    for _, activity in spec.activities():
        for name in activity.assumed:
            what = say(words["quantities"][name]) if name in words["quantities"] else name
            value = _value(activity, name, lang)
            label = _label(activity, lang, phrases)
            lines.append(f"{label}：{what} {value}{marker}" if lang == "zh" else f"{label}: {value} {what} {marker}")
    return (say(words["title"]) if lines else ""), lines
