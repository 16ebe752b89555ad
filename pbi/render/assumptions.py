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
    """The heading and the lines of the assumptions a note lists (no lines: nothing assumed).

    An ``extra.assumptions`` entry with no text in ``lang`` is printed as written where the language
    has no ``untranslated`` wording (en, zh); elsewhere the note counts such entries in its own language
    rather than print another language's words in it."""
    words = phrases.get("assumptions")
    if not isinstance(words, dict):
        raise RenderError("templates/phrases.yaml names no assumptions wording")
    if lang not in words["title"]:  # no wording in this language yet: nothing listed in another language
        return "", []
    untranslated = words.get("untranslated", {}).get(lang)
    lines: list[str] = []
    foreign = 0
    given = spec.extra.get("assumptions", [])
    for entry in given if isinstance(given, list) else [given]:
        if isinstance(entry, dict):
            text = entry.get(lang) or (None if untranslated else entry.get("en") or next(iter(entry.values()), ""))
        else:
            text = None if untranslated else entry
        if text:
            lines.append(str(text))
        elif untranslated and entry:
            foreign += 1
    if foreign:
        lines.append(str(untranslated).format(count=foreign))

    def say(entry: dict[str, Any]) -> str:
        if lang not in entry:
            raise RenderError(f"no {lang} wording of an assumption in templates/phrases/{lang}.yaml")
        return str(entry[lang])

    marker = say(words["marker"])
    names = words["quantities"]
    own_names = names.get(lang, {}) if isinstance(names.get(lang), dict) else {}
    for _, activity in spec.activities():
        for name in activity.assumed:
            what = own_names.get(name) or (say(names[name]) if name in names else name)
            value = _value(activity, name, lang)
            label = _label(activity, lang, phrases)
            lines.append(f"{label}：{what} {value}{marker}" if lang == "zh" else f"{label}: {value} {what} {marker}")
    return (say(words["title"]) if lines else ""), lines
