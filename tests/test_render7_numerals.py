"""Counted nouns agree with their count in Russian (one / few / many) and Arabic (dual, 3–10 plural,
11–99 singular accusative, 100 and on singular), in statements and financial notes.

The expected forms are written out here, with the Russian rule stated on its own (not Babel's), so a
wrong form in the phrase data or a wrong category would show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pbi.costing.api import cost_file
from pbi.render import render_note

from _paths import ROOT

COUNTS = (1, 2, 3, 4, 5, 11, 12, 14, 20, 21, 22, 25, 101, 111)
SPEC = """\
symbol: A/C.3/80/L.{n}
title: {{en: Counts, zh: 计数, fr: Comptes, es: Cuentas, ru: Счет, ar: عدد}}
body: general-assembly
budget_period: "2025"
table: un-standard-costs
requests:
  - id: a
    operative_paragraphs: ["3"]
    activities:
      - {{id: mtg, kind: meeting, meetings: {n}, interpretation: true, languages: 6, location: Geneva, year: 2025, funding: regular_budget, section: Section 2}}
      - {{id: days, kind: meeting, days: {n}, interpretation: true, languages: 6, location: New York, year: 2025, funding: regular_budget, section: Section 2}}
      - {{id: docs, kind: documentation, words: 8500, documents: {n}, languages: 6, location: New York, year: 2025, funding: regular_budget, section: Section 2}}
      - {{id: trips, kind: travel, trips: {n}, dsa_days: {n}, travellers: participants, location: Geneva, year: 2025, funding: regular_budget, section: Section 24}}
      - {{id: cons, kind: consultant, count: {n}, work_months: {n}, location: New York, year: 2025, funding: regular_budget, section: Section 24}}
      - {{id: gta, kind: staff, grade: P-3, work_months: {n}, location: New York, year: 2025, funding: regular_budget, section: Section 24}}
      - {{id: posts, kind: new_post, grade: P-3, posts: {n}, location: New York, year: 2025, funding: regular_budget, section: Section 24}}
"""
#: nominative forms after a count: one (1, 21, 101), few (2–4, 22), many (5–20, 25, 111)
RU = {"заседание": ("заседание", "заседания", "заседаний"), "документ": ("документ", "документа", "документов"),
      "день": ("день", "дня", "дней"), "поездка": ("поездка", "поездки", "поездок"),
      "месяц": ("месяц", "месяца", "месяцев"), "консультант": ("консультант", "консультанта", "консультантов"),
      "должность": ("должность", "должности", "должностей"), "язык": ("язык", "языка", "языков"),
      "участник": ("участник", "участника", "участников")}
_FORM = {form: (noun, i) for noun, forms in RU.items() for i, form in enumerate(forms)}


def _ru_category(n: int) -> int:
    """0 one, 1 few, 2 many: the Russian rule for whole numbers."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def _note(tmp_path: Path, n: int, lang: str, kind: str) -> str:
    path = tmp_path / f"n{n}.yaml"
    path.write_text(SPEC.format(n=n), encoding="utf-8")
    text = render_note(cost_file(path), lang, "text", kind=kind)
    assert isinstance(text, str)
    return text


def test_the_russian_rule_here_is_cldr_s() -> None:
    from babel import Locale

    ru = Locale.parse("ru")
    assert [("one", "few", "many")[_ru_category(n)] for n in range(0, 250)] == \
        [ru.plural_form(n) for n in range(0, 250)]


@pytest.mark.parametrize("kind", ["statement", "financial_note"])
@pytest.mark.parametrize("n", COUNTS)
def test_russian_counted_nouns_agree(tmp_path: Path, n: int, kind: str) -> None:
    text = _note(tmp_path, n, "ru", kind).replace("\u00a0", "")
    found = 0
    for m in re.finditer(r"(?<![\d,.])(\d+) (новых |новые |новая )?(\w+)", text):
        if m.group(3) in _FORM and int(m.group(1)) == n:
            noun, got = _FORM[m.group(3)]
            assert got == _ru_category(n), f"{m.group(0)!r}: {RU[noun][_ru_category(n)]} expected"
            found += 1
    assert found >= 3  # the meetings, the days and the trips at least are counted with their noun
    # an activity the spec does not name is counted with its noun, not named in the plural with its count after
    assert not re.search(r"заседания \(\d", text)
    assert f"{n} {RU['заседание'][_ru_category(n)]}" in text
    # one trip is one participant's (langs4): «1 поездка участника»; 21 trips are still «21 поездка участников»
    assert f"{n} {RU['поездка'][_ru_category(n)]} {'участника' if n == 1 else 'участников'}" in text


@pytest.mark.parametrize("n, day, session", [
    (1, "يوم واحد", "جلسة واحدة"), (2, "يومان", "جلستان"), (3, "3 أيام", "3 جلسات"), (10, "10 أيام", "10 جلسات"),
    (11, "11 يوما", "11 جلسة"), (21, "21 يوما", "21 جلسة"), (101, "101 يوم", "101 جلسة"), (111, "111 يوما", "111 جلسة"),
])
def test_arabic_counted_nouns_agree(tmp_path: Path, n: int, day: str, session: str) -> None:
    text = _note(tmp_path, n, "ar", "statement")
    assert f"مدته {day}" in text       # a meeting of n days
    assert f"({session} مع" in text     # n meetings (sittings)


def test_russian_counted_nouns_are_data_in_one_place() -> None:
    """Every counted noun of the Russian templates comes from ``counted`` in phrases/ru.yaml, with its
    three forms; the templates hold no forms of their own for these nouns."""
    data = yaml.safe_load((ROOT / "pbi/render/templates/phrases/ru.yaml").read_text(encoding="utf-8"))["counted"]
    assert all(isinstance(forms, list) and len(forms) == 3 for forms in data.values())
    for noun, forms in RU.items():
        if noun in ("должность", "участник"):
            continue  # counted in the templates as new posts and, in the genitive, participants
        assert list(forms) in data.values(), noun
    for template in (ROOT / "pbi/render/templates").glob("*/ru.j2"):
        inline = re.findall(r'pl\("([^"]+)", "([^"]+)", "([^"]+)"\)', template.read_text(encoding="utf-8"))
        assert not [f for f in inline if list(f) in data.values()], template
