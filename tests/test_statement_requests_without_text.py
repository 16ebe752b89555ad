"""A statement on a spec whose requests carry no text of the draft says that the body would request the
activities listed (it said the body "would take note of the matters it sets out", the wording of a draft
without implications)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.costing.api import cost_file
from pbi.render import render_note

from _paths import ROOT

SPEC = """symbol: A/HRC/61/L.14
title: {en: Human rights, fr: Droits, es: Derechos, ru: Права, zh: 人权, ar: حقوق}
body: human-rights-council
budget_period: "2026"
table: un-standard-costs
requests:
  - id: a
    activities:
      - {id: rep, kind: documentation, words: 10700, languages: 6, location: Geneva, year: 2026,
         funding: regular_budget}
"""

SAID = {"en": "would request the activities set out below.", "fr": "demanderait que soient exécutées",
        "es": "solicitaría que se realizaran las actividades", "ru": "просил бы осуществить мероприятия",
        "zh": "将请求开展下文所列活动。", "ar": "بطلب تنفيذ الأنشطة المبينة أدناه"}


@pytest.mark.parametrize("lang", sorted(SAID))
def test_a_statement_without_request_texts_says_the_activities_are_requested(tmp_path: Path, lang: str) -> None:
    (tmp_path / "cost_tables").symlink_to(ROOT / "cost_tables")
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    text = str(render_note(cost_file(path), lang, "text", kind="statement"))
    assert SAID[lang] in text
    assert "take note of the matters" not in text and "prendrait note" not in text
