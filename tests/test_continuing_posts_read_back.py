"""New posts in the year after their first, at full cost (``continuing``): the statement and the financial note
say so in six languages, and ``pbi check`` reads them back at full cost, without the first-year vacancy factor
(«au coût intégral», "al costo total" — not a total —, «по полной стоимости», «بالتكلفة الكاملة», "按全额费用计算")."""

from __future__ import annotations

from typing import Any

import pytest

from pbi.costing.api import table_for
from pbi.costing.engine import cost
from pbi.model.specs import LANGUAGES, Spec

from test_delegate_roundtrip import round_trip


def _spec() -> Spec:
    where: dict[str, Any] = {"location": "New York", "section": "Section 4"}
    posts = [{"id": f"{grade[:2].lower()}-{year}", "kind": "new_post", "grade": grade, "year": year,
              "funding": "regular_budget" if year == 2027 else "budget_process",
              **({"continuing": True} if year == 2028 else {}), **where}
             for year in (2027, 2028) for grade in ("P-3", "GS (Other level)")]
    return Spec.model_validate({
        "symbol": "A/C.1/81/L.99", "title": {lang: "A draft resolution" for lang in LANGUAGES},
        "body": "general-assembly", "rule": "153", "budget_period": "2027", "table": "un-standard-costs",
        "operative_paragraphs": ["3"],
        "requests": [{"id": "a", "operative_paragraphs": ["3"], "activities": posts,
                      "text": {lang: "Request the Secretary-General to provide two additional posts"
                               for lang in LANGUAGES}}],
        "published": []})


@pytest.mark.parametrize("kind", ["financial_note", "statement"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_posts_at_full_cost_read_back(lang: str, kind: str) -> None:
    spec = _spec()
    errors, missing = round_trip(cost(spec, table_for(spec)), kind, lang)
    assert errors == [] and missing == set()
