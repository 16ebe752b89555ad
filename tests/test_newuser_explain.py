"""`pbi explain` of a budget officer's own spec: every line's arithmetic holds as printed."""

from __future__ import annotations

import re
from decimal import Decimal

from pbi.costing.api import cost_file
from pbi.costing.explain import explain

from _paths import ROOT

NAIROBI = ROOT / "tests" / "data" / "newuser" / "unep-nairobi-2028.yaml"
LINE = re.compile(r"= ([\d,.]+) \S+ × ([\d,.]+) \S+ = ([\d,.]+)$")


def _d(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def test_a_new_general_service_post_shows_its_fractional_work_months() -> None:
    text = explain(cost_file(NAIROBI), "gs")
    line = next(x for x in text.splitlines() if "staff" not in x and "work-month ×" in x)
    assert "= 7.80 work-month × 10,788 USD/work-month = 84,146.40" in line


def test_every_printed_line_multiplies_out() -> None:
    lines = [m for x in explain(cost_file(NAIROBI), "total").splitlines() if (m := LINE.search(x))]
    assert len(lines) == 5
    for m in lines:
        quantity, rate, amount = (_d(g) for g in m.groups())
        assert abs(quantity * rate - amount) <= rate / 200, m.group(0)  # quantity shown to 2 places
