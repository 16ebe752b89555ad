"""Russian counts of five and more take the genitive plural, whose stem loses its «к»: «6 поездок
сотрудников», not «6 поездки». ``pbi check`` must read them as trips, beside «1 поездка» and «2 поездки»
(a property test found a Russian financial note of 1 + 6 trips re-priced as the first item alone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.check.lexicon import lexicon
from pbi.cli import main

SPEC = """\
symbol: A/C.3/81/L.70
title: {en: Test draft, ru: Проект для проверки}
body: general-assembly
rule: "153"
budget_period: "2027"
table: un-standard-costs
operative_paragraphs: ["3"]
requests:
  - id: a
    operative_paragraphs: ["3"]
    text: {en: Request the Secretary-General to do the work, ru: просить Генерального секретаря выполнить работу}
    activities:
      - {id: a0, kind: travel, trips: 1, dsa_days: 1, travellers: staff, object: travel_of_staff, year: 2027, funding: regular_budget}
      - {id: a1, kind: travel, trips: TRIPS, dsa_days: 3, travellers: experts, year: 2027, funding: regular_budget}
"""


@pytest.mark.parametrize("count, form", [(2, "поездки"), (5, "поездок"), (6, "поездок"), (21, "поездка"), (25, "поездок")])
def test_every_count_of_trips_is_read(count: int, form: str) -> None:
    rewritten = lexicon("ru").rewrite(f"{count} {form} экспертов с выплатой суточных за 3 дня на каждую поездку")
    assert rewritten.startswith(f"{count} trips of experts with 3 days"), rewritten


@pytest.mark.parametrize("kind", ["financial_note", "statement"])
def test_a_russian_note_of_one_and_six_trips_checks_clean(tmp_path: Path, kind: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.replace("TRIPS", "6"), encoding="utf-8")
    note = tmp_path / "note-ru.txt"
    assert main(["note", str(spec), "--lang", "ru", "--kind", kind, "-o", str(note)]) == 0
    assert "6 поездок" in note.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(note)]) == 0
    out = capsys.readouterr().out
    assert "0 errors, 0 warnings" in out and "against" not in out, out
