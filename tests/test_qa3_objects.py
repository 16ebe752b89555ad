"""Every activity kind of the bundled cost tables falls under an object of expenditure the
vocabulary names for it, so that a statement never shows new posts or consultants as "General
operating expenses"; new posts carry staff assessment."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.costing.api import cost_file
from pbi.model.tables import load_table
from pbi.model.vocabulary import objects_of_expenditure
from pbi.render import render_note

from _paths import ROOT

TABLES = sorted((ROOT / "cost_tables").glob("*.yaml"))
POSTS = Path(__file__).parent / "data" / "qa3" / "s07-new-posts-2023.yaml"


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.stem)
def test_every_kind_has_an_object_of_expenditure(path: Path) -> None:
    listed = {k for o in objects_of_expenditure() for k in o.kinds}
    assert sorted(set(load_table(path).activities) - listed) == []


@pytest.mark.parametrize("kind, expected", [("new_post", "posts"), ("consultant", "consultants"),
                                            ("dsa", "travel_of_staff")])
def test_the_object_of_a_kind(kind: str, expected: str) -> None:
    assert next(o.key for o in objects_of_expenditure() if kind in o.kinds) == expected


def test_a_statement_shows_new_posts_under_posts_with_staff_assessment() -> None:
    text = render_note(cost_file(POSTS), lang="en", kind="statement")
    assert "    Posts " in text and "General operating expenses" not in text
    assert "Section 36, Staff assessment" in text
    assert "(Other level) level" not in text


@pytest.mark.parametrize("lang, words", [
    ("en", ("One new post at the P-4 level", "Two new posts in the General Service (Other level) category")),
    ("fr", ("Un nouveau poste de classe P-4", "services généraux (Autres classes)")),
    ("es", ("Un nuevo puesto de categoría P-4", "Servicios Generales (otras categorías)"))])
def test_a_statement_lists_new_posts_by_grade(lang: str, words: tuple[str, ...]) -> None:
    text = str(render_note(cost_file(POSTS), lang=lang, kind="statement"))
    for w in words:
        assert w in text


DATA = Path(__file__).parent / "data" / "qa3"


@pytest.mark.parametrize("spec, lang, words", [
    ("s05-ny-week-verbatim-2027.yaml", "en", "A one-week meeting (ten meetings, with interpretation"),  # langs4
    ("s04-nairobi-2020.yaml", "fr", "Trois mois de travail d’un consultant"),
    ("s04-nairobi-2020.yaml", "es", "Tres meses de trabajo de un consultor"),
    ("s12-dsa-only-2021.yaml", "en", "Ten days of daily subsistence allowance for each of two trips in Nairobi")])
def test_a_statement_states_weeks_consultants_and_subsistence(spec: str, lang: str, words: str) -> None:
    assert words in str(render_note(cost_file(DATA / spec), lang=lang, kind="statement"))
