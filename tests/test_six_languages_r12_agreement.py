"""Spanish financial notes: the verb placed before what existing resources cover agrees with it in
number ("se sufragarían tres meses de trabajo", "se sufragaría la documentación")."""

from __future__ import annotations

from pathlib import Path

import pytest
from pbi.costing.api import cost_file
from pbi.render import render_note
from pbi.render.nouns import plural_subject

_SPEC = """
symbol: A/C.3/80/L.12
title: {en: A title, es: Un título}
body: general-assembly
budget_period: "2025"
table: un-standard-costs
requests:
  - id: a
    operative_paragraphs: ["4"]
    text: {en: Request a study, es: Solicitaría un estudio}
    activities:
      - {id: study, kind: consultant, work_months: 3, year: 2025, funding: existing_resources}
"""


@pytest.mark.parametrize("phrase, plural", [
    ("tres meses de trabajo de un consultor", True), ("dos reuniones de tres días de duración", True),
    ("12 sesiones", True), ("servicios de conferencias", True), ("un informe", False),
    ("una sesión", False), ("la documentación (1.100 palabras)", False), ("el análisis", False),
])
def test_a_spanish_subject_is_plural_by_its_count_article_or_head(phrase: str, plural: bool) -> None:
    assert plural_subject(phrase, "es") is plural
    assert plural_subject(phrase, "fr") is False


def test_months_covered_by_existing_resources_take_a_plural_verb(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(_SPEC, encoding="utf-8")
    text = str(render_note(cost_file(spec), "es", "text", kind="financial_note"))
    assert "se sufragarían tres meses de trabajo" in text
    assert "se sufragaría tres meses" not in text
