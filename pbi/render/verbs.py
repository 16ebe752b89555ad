"""A request as a statement cites it: what the body *would* do (``templates/verbs.yaml``).

A spec's request text may copy the draft's words, whose operative verbs are in the present
("Requests the Secretary-General …", "Prie le Secrétaire général …", "просит Генерального
секретаря …"). After "the General Assembly would:" English takes the bare form, French and Spanish
the conditional, Russian the conditional past, which agrees in gender with the body that would act
(Генеральная Ассамблея … просила бы; Совет … просил бы). :func:`would` turns the draft's verbs into
those forms and makes a Russian conditional agree with its subject; a text already in the statement's
form is returned as written. Chinese and Arabic texts are returned as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["would"]

VERBS_FILE = Path(__file__).parent / "templates" / "verbs.yaml"

#: where a verb of the draft may stand: at the start, or after "and" (a second verb)
_BEFORE = {"en": r"(?:^|\band\s+)", "fr": r"(?:^|\bet\s+)", "es": r"(?:^|\by\s+)", "ru": r"(?:^|\bи\s+)"}
#: English verbs double as plural nouns ("reports, notes and requests"): after "and", a verb is one
#: only where its object or complement follows
_EN_AFTER_AND = re.compile(r"\s+(?:the|to|that|all|Member|States|its|their|also|further|upon|on|with)\b")

#: a Russian conditional past: the verb (masculine or feminine, reflexive or not) and «бы»
_RU_CONDITIONAL = re.compile(r"\b([а-яё]+?)(л|ла|лся|лась) бы\b")


@lru_cache(maxsize=1)
def _verbs() -> dict[str, dict[str, str]]:
    import yaml

    data: dict[str, dict[str, str]] = yaml.safe_load(VERBS_FILE.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=8)
def _pattern(lang: str) -> re.Pattern[str] | None:
    table = _verbs().get(lang)
    if not table:
        return None
    keys = sorted(table, key=len, reverse=True)  # "Also requests" before "Requests"
    alternatives = "|".join(re.escape(k[:1].lower()) + re.escape(k[1:]) if lang != "ru" else re.escape(k)
                            for k in keys)
    flags = 0 if lang == "ru" else re.IGNORECASE
    return re.compile(f"({_BEFORE[lang]})({alternatives})(?![\\w-])", flags)


def _ru_agree(verb: str, feminine: bool) -> str:
    """A Russian past-tense verb in the masculine (просил, согласился) in the subject's gender."""
    if verb.endswith("лся"):
        return verb[:-2] + "ась" if feminine else verb
    return verb + "а" if feminine else verb


def _ru_conditional(value: str, feminine: bool) -> str:
    """«просил» → «просила бы»; «принял к сведению» → «принял бы к сведению»."""
    words = value.split(" ")
    i = next((k for k, w in enumerate(words) if w.endswith(("л", "лся"))), len(words) - 1)
    words[i] = _ru_agree(words[i], feminine) + " бы"
    return " ".join(words)


def would(text: str, lang: str, feminine: bool = False) -> str:
    """``text`` (a request as the draft words it) as the statement cites it after "would:".

    ``feminine``: the Russian subject (the body that would act) agrees in the feminine."""
    pattern = _pattern(lang)
    if pattern is not None:
        table = {k.lower(): v for k, v in _verbs()[lang].items()}

        def replace(match: re.Match[str]) -> str:
            found = match.group(2)
            if lang == "en" and match.group(1) and not _EN_AFTER_AND.match(match.string, match.end()):
                return match.group(0)
            value = table[found.lower()]
            if lang == "ru":
                value = _ru_conditional(value, feminine)
            elif found[:1].islower():
                value = value[:1].lower() + value[1:]
            return match.group(1) + value

        text = pattern.sub(replace, text)
    if lang == "ru":  # a conditional already written agrees with the body that would act
        text = _RU_CONDITIONAL.sub(lambda m: _ru_form(m, feminine), text)
    return text


def _ru_form(match: re.Match[str], feminine: bool) -> str:
    stem, ending = match.group(1), match.group(2)
    reflexive = ending in ("лся", "лась")
    return _ru_agree(stem + ("лся" if reflexive else "л"), feminine) + " бы"
