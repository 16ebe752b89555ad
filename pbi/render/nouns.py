"""A spec's label counted in French and Spanish: ``rapport`` × 3 → ``trois rapports``,
``le rapport du Secrétaire général`` × 2 → ``deux rapports du Secrétaire général``, ``réunion-débat``
× 2 → ``deux réunions-débats``, ``reunión regional`` × 2 → ``dos reuniones regionales``.

The head of the noun phrase (its noun and the adjectives before the first complement: de, du, sur,
pour … / de, del, sobre, para …) takes the plural by the languages' regular rules; the article of
the label gives way to the count. English labels are counted by :mod:`pbi.render.statement`;
Russian and Arabic labels keep their count in brackets, as their templates say.
"""

from __future__ import annotations

import re

__all__ = ["plural_phrase", "plural_subject"]

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
