"""Financial notes in the six languages (specs in tests/data/langs2): new posts counted with their
grade, a single meeting's length said without "each", a publication with its article."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pbi.costing.api import cost_file
from pbi.render import render_note

DATA = Path(__file__).parent / "data" / "langs2"


@cache
def _text(name: str, lang: str) -> str:
    text = render_note(cost_file(DATA / f"{name}.yaml"), lang, "text", kind="financial_note")
    assert isinstance(text, str)
    return text.replace("'", "’")


@pytest.mark.parametrize("lang, posts, length", [
    ("en", "two new posts in the General Service (Other level) category in Geneva", "in 2026, lasting two days,"),
    ("fr", "deux nouveaux postes de la catégorie des services généraux (Autres classes) à Genève",
     "en 2026, d’une durée de deux jours,"),
    ("es", "dos nuevos puestos del Cuadro de Servicios Generales (otras categorías) en Ginebra",
     "en 2026, de dos días de duración,"),
    ("ru", "две новые должности категории ОО (ПР) в Женеве", "в 2026 году продолжительностью 2 дня с устным"),
    # nominative after «لما يلي في عام 2026:» (langs4), as statements list them
    ("ar", "وظيفتان جديدتان من فئة الخدمات العامة (الرتب الأخرى) في جنيف", "في عام 2026، مدته يومان،"),
    ("zh", "在日内瓦设立两个一般事务（其他职等）新员额", "会议为期两天"),
])
def test_new_posts_are_counted_with_their_grade(lang: str, posts: str, length: str) -> None:
    text = _text("l02-twos-2026", lang)
    assert posts in text
    assert length in text
    for each in ("each of two days", "deux jours chacune", "cada una", "2 дня каждое", "مدة كل منها", "每次会议为期"):
        assert each not in text


@pytest.mark.parametrize("lang, post", [
    ("en", "one new post at the P-3 level in New York"),
    ("fr", "un nouveau poste de classe P-3 à New York"),
    ("ru", "новая должность класса С-3 в Нью-Йорке"),
    ("ar", "وظيفة جديدة واحدة برتبة ف-3 في نيويورك"),
])
def test_one_new_post_is_singular(lang: str, post: str) -> None:
    assert post in _text("l01-ones-2027", lang)


def test_an_unnamed_publication_takes_its_article() -> None:
    text = render_note(cost_file(DATA / "l10-cop-workshops-2021.yaml"), "en", "text")
    assert isinstance(text, str)
    assert "the translation and printing of a publication (101 pages, six languages)" in text
