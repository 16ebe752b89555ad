"""What the language tests share: a one-request spec priced with every language's texts, and a note's text
with its spaces and apostrophes made plain for comparing."""

from __future__ import annotations

from typing import Any

from _paths import TABLES
from test_check_languages import _every_language

from pbi.costing.engine import cost
from pbi.model.specs import Spec
from pbi.model.tables import load_table
from pbi.render import render_note


def estimate(activities: list[dict[str, Any]], *, symbol: str, paragraph: str, period: str,
             body: str = "general-assembly", rule: str = "153") -> Any:
    """The activities as one request of a test draft, priced with ``un-standard-costs``."""
    spec = Spec.model_validate({
        "symbol": symbol, "title": {"en": "Test draft", "zh": "测试草案"}, "body": body, "rule": rule,
        "budget_period": period, "table": "un-standard-costs",
        "requests": [{"id": "a", "operative_paragraphs": [paragraph], "activities": activities,
                      "text": {"zh": "请秘书处开展工作", "en": "Request the Secretariat to do the work"}}]})
    return cost(_every_language(spec), load_table(TABLES / "un-standard-costs.yaml"))


def note_text(est: Any, lang: str, kind: str) -> str:
    """The note or statement as text on one line: no-break spaces plain, apostrophes typographic."""
    text = render_note(est, lang, "text", kind=kind)
    assert isinstance(text, str)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").replace("'", "’").split())
