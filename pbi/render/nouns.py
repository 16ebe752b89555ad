"""A spec's label counted in French and Spanish: ``rapport`` × 3 → ``trois rapports``,
``le rapport du Secrétaire général`` × 2 → ``deux rapports du Secrétaire général``, ``réunion-débat``
× 2 → ``deux réunions-débats``, ``reunión regional`` × 2 → ``dos reuniones regionales``.

The head of the noun phrase (its noun and the adjectives before the first complement: de, du, sur,
pour … / de, del, sobre, para …) takes the plural by the languages' regular rules; the article of
the label gives way to the count. English labels are counted by :mod:`pbi.render.statement`.

A Russian label whose head noun is one of the phrases' counted nouns takes the form that follows its count,
with the adjectives before it (``региональный практикум`` × 2 → ``2 региональных практикума``,
``совещание высокого уровня`` × 5 → ``5 совещаний высокого уровня``); other Russian labels, and Arabic
labels, keep their count in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

__all__ = ["plural_phrase", "plural_subject", "ru_counted", "ru_each", "ru_heads"]

_ARTICLES = {"fr": ("le ", "la ", "les ", "un ", "une ", "l'", "l’"), "es": ("el ", "la ", "los ", "las ", "un ", "una ")}
#: words that end the head of a noun phrase: a complement follows
_COMPLEMENT = {
    "fr": {"de", "du", "des", "d'", "d’", "sur", "pour", "à", "au", "aux", "en", "avec", "contre", "entre", "chargé",
           "chargée", "et", "ou", "dans", "par", "(", "sous"},
    "es": {"de", "del", "sobre", "para", "en", "con", "entre", "a", "al", "contra", "por", "y", "o", "(", "encargado",
           "encargada", "bajo"},
}
_ES_ACCENTS = str.maketrans("áéíóú", "aeiou")


def _fr_word(word: str) -> str:
    if not word or not word[0].isalpha() or word.isupper() or word[-1] in "sxz":
        return word
    if word.endswith("al") and word not in ("festival", "carnaval", "bal", "récital"):
        return word[:-2] + "aux"
    if word.endswith(("eau", "au", "eu")) and word not in ("pneu", "bleu"):
        return word + "x"
    return word + "s"


def _es_word(word: str) -> str:
    if not word or not word[0].isalpha() or word.isupper():
        return word
    if word[-1] in "aeiouéó":
        return word + "s"
    if word[-1] in "sx" and len(word) > 3 and not re.search(r"[áéíóú]\w*$", word[-3:]):
        return word  # análisis, crisis, tórax: the same in the plural
    if word.endswith("z"):
        return word[:-1] + "ces"
    if re.search(r"[aeiou][íú][nsl]$", word):  # país → países, raíz: the accent marks a hiatus and stays
        return word + "es"
    if re.search(r"[áéíóú][nsl]$", word):  # reunión → reuniones, inglés → ingleses
        return word[:-2] + word[-2].translate(_ES_ACCENTS) + word[-1] + "es"
    return word + "es"


def plural_phrase(phrase: str, lang: str) -> str:
    """``phrase`` (a French or Spanish noun phrase, with or without its article) in the plural, without
    its article; a phrase of another language is returned as written."""
    if lang not in _ARTICLES:
        return phrase
    text = phrase.strip()
    for article in _ARTICLES[lang]:
        if text.lower().startswith(article):
            text = text[len(article):]
            break
    tokens = re.split(r"(\s+)", text)
    word_of = _fr_word if lang == "fr" else _es_word
    out: list[str] = []
    in_head = True
    for token in tokens:
        if in_head and token.strip():
            bare = token.lower()
            if bare in _COMPLEMENT[lang] or bare.startswith(("d'", "d’", "l'", "l’", "(")):
                in_head = False
            else:
                token = "-".join(word_of(part) for part in token.split("-"))
        out.append(token)
    return "".join(out)


_ES_PLURAL_ARTICLES = ("los", "las", "unos", "unas")
_ES_ONE = ("un", "una", "uno", "1")


def plural_subject(phrase: str, lang: str) -> bool:
    """Whether a Spanish noun phrase (the subject of a verb placed before it, as in "se sufragarían
    tres meses de trabajo") is plural: it opens with a count other than one (dos, 3), a plural article
    (los, las), or a head noun in the plural (servicios de conferencias). Other languages: False."""
    if lang != "es":
        return False
    words = phrase.strip().split()
    if not words:
        return False
    first = words[0].lower().strip("(,")
    if first in _ES_ONE:
        return False
    if first in _ES_PLURAL_ARTICLES:
        return True
    from pbi.render.numbers import STYLES

    if first in STYLES["es"].words[2:] or (first.replace(".", "").isdigit() and first != "0"):
        return True
    if first in ("el", "la", "lo") or first in _COMPLEMENT["es"]:
        return False
    return first.endswith("s") and not first.endswith(("is", "sis"))


_RU_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее)$")
_RU_VELAR = "кгхжшщч"


def ru_each(phrase: str | None) -> str:
    """«каждое», «каждая» or «каждый» agreeing with the head noun of a Russian label, its first word that is
    not an adjective: совещание → каждое, организационная сессия → каждая, практикум → каждый; no label is
    a meeting (совещание)."""
    for word in (phrase or "совещание").strip().lower().split():
        if _RU_ADJECTIVE.search(word) and "-" not in word:
            continue
        if word.endswith(("а", "я")):
            return "каждая"
        return "каждое" if word.endswith(("о", "е")) else "каждый"
    return "каждое"


def _ru_adjective(word: str, category: str, feminine: bool) -> str:
    """An adjective before a counted noun: after 2–4 a feminine noun's adjective is in the nominative plural
    (2 организационные сессии), any other in the genitive plural (2 региональных практикума, 5 … сессий)."""
    stem, ending = word[:-2], word[-2:]
    soft = ending in ("ий", "яя", "ее") or (stem[-1:] in _RU_VELAR and ending != "ой")
    if category == "few" and feminine:
        return stem + ("ие" if soft else "ые")
    return stem + ("их" if soft else "ых")


def ru_heads(counted: Mapping[str, Mapping[str, Sequence[str]]]) -> dict[str, tuple[str, ...]]:
    """The Russian nouns of the phrases' ``counted`` forms that can head a label, by their form after one: one
    word in the nominative (not the forms of another case, keyed ``…_gen``, ``…_dat``, ``…_prep``)."""
    return {forms["ru"][0]: tuple(forms["ru"]) for key, forms in counted.items()
            if not key.endswith(("_gen", "_dat", "_prep")) and "ru" in forms and " " not in forms["ru"][0]}


def ru_counted(phrase: str, category: str, heads: dict[str, tuple[str, ...]]) -> str | None:
    """A Russian label after a count of the CLDR ``category`` (one, few, many): its head noun (a noun of
    ``heads``, by its form after one: its forms after one, few and many) takes its form, and the adjectives
    before it agree; the words after the head (its complements, in the genitive already) stay. None where
    the label does not open with adjectives and one of those nouns."""
    words = phrase.strip().split(" ")
    for i, word in enumerate(words):
        bare = word.lower()
        if bare in heads:
            forms = heads[bare]
            form = forms[("one", "few", "many").index(category)] if category in ("one", "few", "many") else forms[1]
            feminine = bare.endswith(("а", "я"))
            before = [w.lower() if category == "one" else _ru_adjective(w.lower(), category, feminine)
                      for w in words[:i]]
            return " ".join([*before, form, *words[i + 1:]])
        if not _RU_ADJECTIVE.search(bare) or "-" in bare:
            return None
    return None
