"""A General Service grade is printed in the note's language (model/vocabulary.yaml grade_names), a new
post in Russian and Arabic keeps its count, grade and vacancy factor, and `pbi check` reads the grade back
(tests/data/qa4: q05 two GS (Other level) posts, q10 three months of GS (Other level) assistance)."""

from __future__ import annotations

from typing import Any

import pytest

from pbi.costing.api import cost_file
from pbi.costing.engine import cost
from pbi.model.specs import Spec
from pbi.model.tables import resolve_table
from pbi.model.vocabulary import grade_name
from pbi.render import render_note

from _paths import ROOT
from test_check_languages import _every_language
from test_delegate_roundtrip import round_trip

QA4 = ROOT / "tests" / "data" / "qa4"
LANGS = ("zh", "en", "fr", "es", "ru", "ar")
POSTS = {"zh": "两个一般事务（其他职等）新员额（按首年费用计算，空缺率为 35%）",
         "en": "Two new posts in the General Service (Other level) category, at first-year cost with a 35 per cent vacancy factor",
         "fr": "Deux nouveaux postes de la catégorie des services généraux (Autres classes)",
         "es": "Dos nuevos puestos del Cuadro de Servicios Generales (otras categorías)",
         "ru": "две новые должности категории ОО (ПР) по расходам первого года с учетом 35-процентной нормы вакансий",
         "ar": "وظيفتان جديدتان من فئة الخدمات العامة (الرتب الأخرى)، بتكلفة السنة الأولى مع تطبيق معدل شغور قدره 35 في المائة"}


@pytest.mark.parametrize("lang", LANGS)
def test_new_posts_of_the_general_service_in_every_language(lang: str) -> None:
    text = str(render_note(cost_file(QA4 / "q05-ny-biennium-2016-2017.yaml"), lang, "text"))
    assert POSTS[lang] in text
    assert "Other level" not in text or lang == "en"


@pytest.mark.parametrize("lang", LANGS)
def test_no_grade_left_in_english(lang: str) -> None:
    text = str(render_note(cost_file(QA4 / "q10-hrc-entitlement-2024.yaml"), lang, "text"))
    assert grade_name("GS (Other level)", lang) in text
    assert "GS (Other level)" not in text


def _staff(grade: str) -> Any:
    spec = Spec.model_validate({
        "symbol": "A/C.3/71/L.7", "title": {"en": "Test draft", "zh": "测试草案"}, "body": "general-assembly",
        "rule": "153", "budget_period": "2024", "operative_paragraphs": ["3"], "table": "un-standard-costs",
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "text": {"en": "Request the work", "zh": "请开展工作"},
                      "activities": [{"id": "s", "kind": "staff", "grade": grade, "work_months": 3, "location": "Geneva",
                                      "year": 2024, "funding": "regular_budget", "section": "Section 24"}]}]})
    return cost(_every_language(spec), resolve_table("un-standard-costs"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("grade", ["GS", "GS (Other level)", "GS (Principal level)", "P-4"])
def test_a_staff_grade_reads_back(lang: str, grade: str) -> None:
    from pbi.check.quantities import extract
    from pbi.check.lexicon import lexicon

    est = _staff(grade)
    text = str(render_note(est, lang, "text", kind="financial_note"))
    line = next(s for s in text.splitlines() if grade_name(grade, lang) in s and s.lstrip().startswith(("(a)", "a)", "(أ)")))
    lex = lexicon(lang)
    q = extract(lex.rewrite(line) if lex is not None else line)
    assert (q.get("grade"), q.get("work_months")) == (grade, 3)
    assert round_trip(est, "financial_note", lang) == ([], set())
