"""How many new posts a paragraph asks for, in the six languages: of one grade ("two new posts at the P-4
level") and of each of several grades ("three new posts (one P-4 and two P-3)"); each post is priced (``posts``),
a grade with no number before it is one post, and the posts go on at full cost the year after."""

from __future__ import annotations

import pytest
from _drafts import GA, paragraph_two

from pbi.draft import parse_drafts, spec_yaml
from pbi.draft.propose import propose_spec

import yaml


def _posts(text: str, lang: str = "") -> list[tuple[str, str | None]]:
    acts = paragraph_two(text, lang or None)
    return [(a["grade"], a.get("posts")) for a in acts if a["kind"] == "new_post" and not a.get("continuing")]


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


@pytest.mark.parametrize(("text", "lang"), [
    ("Requests the Secretary-General to establish three new posts (one P-4 and two P-3) in the Office of Legal "
     "Affairs;", ""),
    ("Requests the Secretary-General to establish one post at the P-4 level and two posts at the P-3 level in the "
     "Office of Legal Affairs;", ""),
    ("请秘书长在法律事务厅设立三个新员额（一个P-4和两个P-3）；", ""),
    ("Prie le Secrétaire général de créer trois nouveaux postes (un P-4 et deux P-3) au Bureau des affaires "
     "juridiques ;", "fr"),
    ("Solicita al Secretario General que cree un puesto de categoría P-4 y dos puestos de categoría P-3 en la "
     "Oficina de Asuntos Jurídicos;", "es"),
    ("просит Генерального секретаря учредить в Управлении по правовым вопросам одну должность класса С-4 и две "
     "должности класса С-3;", "ru"),
    ("تطلب إلى الأمين العام أن ينشئ في مكتب الشؤون القانونية وظيفة واحدة برتبة ف-4 ووظيفتين برتبة ف-3؛", "ar"),
])
def test_posts_counted_at_each_grade(text: str, lang: str) -> None:
    assert _posts(text, lang) == [("P-4", None), ("P-3", "2")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Requests the Secretary-General to provide all the assistance necessary to the Special Rapporteur, including two "
     "additional posts (one P-4 and one General Service (Other level));", ""),
    ("请秘书长向特别报告员提供一切必要协助，包括增设两个员额（一个P-4和一个一般事务（其他职等））；", ""),
    ("Prie le Secrétaire général de fournir au Rapporteur spécial toute l'assistance nécessaire, y compris deux postes "
     "supplémentaires (un P-4 et un agent des services généraux (Autres classes)) ;", "fr"),
    ("Solicita al Secretario General que proporcione al Relator Especial toda la asistencia necesaria, incluidos dos "
     "puestos adicionales (uno de categoría P-4 y uno del Cuadro de Servicios Generales (otras categorías));", "es"),
    ("просит Генерального секретаря предоставить Специальному докладчику всю необходимую помощь, включая две "
     "дополнительные должности (одну класса С-4 и одну категории общего обслуживания (прочие разряды));", "ru"),
    ("يطلب إلى الأمين العام أن يقدم إلى المقرر الخاص كل ما يلزم من مساعدة، بما في ذلك وظيفتان إضافيتان (واحدة برتبة "
     "ف-4 وواحدة من فئة الخدمات العامة (الرتب الأخرى))؛", "ar"),
])
def test_posts_asked_for_with_a_mandates_support(text: str, lang: str) -> None:
    assert _posts(text, lang) == [("P-4", None), ("GS (Other level)", None)]


def test_months_before_a_grade_are_no_count_of_posts() -> None:
    got = _posts("Requests the Secretary-General to establish a new post at the P-4 level and to provide general "
                 "temporary assistance for 12 months at the P-3 level in the Office of Legal Affairs;")
    assert ("P-3", "12") not in got and all(n is None for _, n in got)


def _said(text: str) -> str:
    (draft,) = parse_drafts(GA.format(text))
    return " ".join(yaml.safe_load(spec_yaml(propose_spec(draft)))["extra"]["assumptions"])


def test_a_total_the_grades_do_not_make_is_said() -> None:
    said = _said("Requests the Secretary-General to establish three new posts (one P-4 and one P-3) in the Office of "
                 "Legal Affairs;")
    assert "says 3 posts" in said and "count 2: check it" in said


def test_posts_counted_at_each_grade_are_no_total() -> None:
    said = _said("Requests the Secretary-General to establish one P-4 post and two P-3 posts in the Office of Legal "
                 "Affairs;")
    assert "check it" not in said and "2 at P-3" in said


@pytest.mark.parametrize(("text", "lang"), [
    ("Requests the Secretary-General to establish one post at the P-4 level and two posts at the P-3 level in the "
     "Office of Legal Affairs;", ""),
    ("请秘书长在法律事务厅设立三个新员额（一个P-4和两个P-3）；", ""),
    ("просит Генерального секретаря учредить в Управлении по правовым вопросам одну должность класса С-4 и две "
     "должности класса С-3;", "ru"),
])
def test_new_posts_continue_the_year_after_at_full_cost(text: str, lang: str) -> None:
    acts = [a for a in paragraph_two(text, lang or None) if a["kind"] == "new_post"]
    first = [a for a in acts if not a.get("continuing")]
    later = [a for a in acts if a.get("continuing")]
    assert [(a["grade"], a.get("posts")) for a in later] == [(a["grade"], a.get("posts")) for a in first]
    assert all(b["year"] == a["year"] + 1 and str(b["work_months"]) == "12" for a, b in zip(first, later, strict=True))
    # the year after the budget period: the budget process of that year
    assert {a["funding"] for a in later} == {"budget_process"} and {a["funding"] for a in first} == {"regular_budget"}


def _note(tmp_path, capsys, *args: str) -> str:  # type: ignore[no-untyped-def]
    """The note of a General Assembly draft that establishes one new post (no ``posts:`` in its spec)."""
    from pbi.cli import main

    draft = tmp_path / "draft.txt"
    draft.write_text(GA.format("Requests the Secretary-General to establish a new post at the P-4 level in the Office "
                               "of Legal Affairs;"), encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    assert main(["draft", str(draft), "-o", str(spec)]) == 0
    assert "posts:" not in spec.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["note", str(spec), *args, "--quote-untranslated"]) == 0
    return str(capsys.readouterr().out)


@pytest.mark.parametrize(("lang", "first", "full"), [
    ("en", "at first-year cost with a 50 per cent vacancy factor", "at full cost"),
    ("zh", "按首年费用计算", "按全额费用计算"), ("fr", "au coût de la première année", "au coût intégral"),
    ("es", "al costo del primer año", "al costo total"), ("ru", "по расходам первого года", "по полной стоимости"),
    ("ar", "بتكلفة السنة الأولى", "بالتكلفة الكاملة"),
])
def test_a_statement_shows_the_first_year_and_the_full_cost(tmp_path, capsys, lang: str, first: str, full: str) -> None:
    out = _note(tmp_path, capsys, "--lang", lang)
    assert first in out and full in out


@pytest.mark.parametrize("lang", ["en", "zh", "fr", "es", "ru", "ar"])
def test_a_financial_note_names_a_new_post_it_does_not_count(tmp_path, capsys, lang: str) -> None:
    """A post without ``posts:`` is one: the financial note took the statement's default and stopped on it."""
    out = _note(tmp_path, capsys, "--kind", "financial_note", "--lang", lang)
    assert {"en": "at full cost", "zh": "续设", "fr": "au coût intégral", "es": "al costo total",
            "ru": "по полной стоимости", "ar": "بالتكلفة الكاملة"}[lang] in out
