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


def test_programme_support_and_vacancy_factor_name_their_source() -> None:
    extra = explain(cost_file(ROOT / "tests" / "data" / "newuser" / "ga-ny-2028-extrabudgetary.yaml"), "total")
    lines = extra.splitlines()
    psc = [i for i, x in enumerate(lines) if "programme support costs (programme_support)" in x]
    assert len(psc) == 3
    assert all("resolution 35/217" in lines[i + 1] for i in psc)
    post = explain(cost_file(NAIROBI), "p4").splitlines()
    assert any(x.strip().startswith("vacancy factor 50 %: First-year cost of new Professional posts") for x in post)


def test_days_of_subsistence_are_named_in_words() -> None:
    text = explain(cost_file(ROOT / "tests" / "data" / "newuser" / "ga-ny-2028-extrabudgetary.yaml"),
                   "workshop-travel")
    assert "80 trip-days (20 participants × 4 days of subsistence)" in text and "dsa days" not in text


def test_documents_the_table_does_not_price_are_said_to_share_the_words() -> None:
    absorbed = ROOT / "tests" / "data" / "newuser" / "ga-ny-2027-absorbed.yaml"
    lines = explain(cost_file(absorbed), "wg-docs").splitlines()
    assert "  (3 documents: the words stated are those of all of them together; un-standard-costs prices no " \
           "document apart)" in lines
    assert "  10,700 words × 6 languages = 64,200 word·language × 0.47975 USD/(word·language) = 30,799.95" in lines
    one = explain(cost_file(absorbed), "report")
    assert "documents:" not in one  # one document: nothing to say
