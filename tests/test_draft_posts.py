"""How many new posts of one grade a paragraph asks for ("two new posts at the P-4 level"), in the six languages:
each post is priced (``posts``); one post at each of several grades stays one each."""

from __future__ import annotations

import pytest
from _drafts import paragraph_two

from pbi.draft import parse_drafts, spec_yaml
from pbi.draft.propose import propose_spec

import yaml

FRAMES = {
    "fr": "Projet de résolution\n\nL'Assemblée générale,\n\nRappelant sa résolution 79/1,\n\n1. Prend note du rapport ;\n\n2. {}\n",
    "es": "Proyecto de resolución\n\nLa Asamblea General,\n\nRecordando su resolución 79/1,\n\n1. Toma nota del informe;\n\n2. {}\n",
}


def _posts(text: str, lang: str = "") -> list[tuple[str, str | None]]:
    if lang in FRAMES:
        (draft,) = parse_drafts(FRAMES[lang].format(text))
        spec = yaml.safe_load(spec_yaml(propose_spec(draft)))
        acts = [a for r in spec["requests"] if r["operative_paragraphs"] == ["2"] for a in r.get("activities", [])]
    else:
        acts = paragraph_two(text)
    return [(a["grade"], a.get("posts")) for a in acts if a["kind"] == "new_post"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Requests the Secretary-General to establish two new posts at the P-4 level in the Office of Legal Affairs;", ""),
    ("请秘书长在法律事务厅设立两个P-4职等新员额；", ""),
    ("Prie le Secrétaire général de créer deux nouveaux postes P-4 au Bureau des affaires juridiques ;", "fr"),
    ("Solicita al Secretario General que cree dos nuevos puestos de categoría P-4 en la Oficina de Asuntos Jurídicos;",
     "es"),
])
def test_two_posts_of_one_grade(text: str, lang: str) -> None:
    assert _posts(text, lang) == [("P-4", "2")]


def test_one_post_is_one() -> None:
    assert _posts("Requests the Secretary-General to establish a new post at the P-3 level in the Office of Legal "
                  "Affairs;") == [("P-3", None)]


def test_posts_at_several_grades_are_one_each() -> None:
    got = _posts("Requests the Secretary-General to establish two new posts, one at the P-4 level and one at the P-3 "
                 "level, in the Office of Legal Affairs;")
    assert got == [("P-4", None), ("P-3", None)]
