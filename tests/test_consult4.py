"""A consultant's work-months are stated in every financial note, and read back by ``pbi check``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pbi.check.report import check_files
from pbi.costing.api import cost_file
from pbi.render import render_note

S04 = Path(__file__).parent / "data" / "qa3" / "s04-nairobi-2020.yaml"

#: how each language states the consultant of s04 (three work-months of one consultant in Nairobi)
ONE_CONSULTANT = {
    "en": "three work-months of a consultant in Nairobi",
    "zh": "在内罗毕聘用一名顾问三个工作月",
    "fr": "trois mois de travail d’un consultant à Nairobi",
    "es": "tres meses de trabajo de un consultor en Nairobi",
}
#: and two consultants for two work-months each in Geneva
TWO_CONSULTANTS = {
    "en": "two work-months of two consultants in Geneva",
    "zh": "在日内瓦聘用两名顾问各两个工作月",
    "fr": "deux mois de travail de deux consultants à Genève",
    "es": "dos meses de trabajo de dos consultores en Ginebra",
}


def _two_consultants(tmp_path: Path) -> Path:
    spec = yaml.safe_load(S04.read_text(encoding="utf-8"))
    cons = spec["requests"][0]["activities"][1]
    assert cons["kind"] == "consultant"
    cons.update(work_months=2, count=2, location="Geneva")
    path = tmp_path / "two-consultants.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


def _read_back(spec: Path, lang: str, tmp_path: Path) -> tuple[str, int, list[str]]:
    """The note's text, the number of its claims priced by the rates check, and its errors."""
    est = cost_file(spec)
    text = str(render_note(est, lang=lang, kind="financial_note"))
    out = tmp_path / f"note.{lang}.txt"
    out.write_text(text, encoding="utf-8")
    report = check_files([out], lang=lang)
    assert report.rates is not None
    errors = [f.message for _, f in report.findings if f.severity == "error"]
    return text, len(report.rates.priced), errors


@pytest.mark.parametrize("lang", sorted(ONE_CONSULTANT))
def test_a_consultant_is_stated_with_its_work_months(lang: str, tmp_path: Path) -> None:
    text, priced, errors = _read_back(S04, lang, tmp_path)
    assert ONE_CONSULTANT[lang] in text
    assert errors == []
    assert priced == 1  # the meetings and the consultant, priced together against the stated amount


@pytest.mark.parametrize("lang", sorted(TWO_CONSULTANTS))
def test_several_consultants_are_counted_and_priced(lang: str, tmp_path: Path) -> None:
    text, priced, errors = _read_back(_two_consultants(tmp_path), lang, tmp_path)
    assert TWO_CONSULTANTS[lang] in text
    assert errors == []
    assert priced == 1


@pytest.mark.parametrize("lang", ["zh", "fr", "es"])
def test_the_reader_prices_the_consultant_not_the_meetings_alone(lang: str, tmp_path: Path) -> None:
    """Without the consultant's clause, the same amount is an error: the check really prices it."""
    est = cost_file(S04)
    text = str(render_note(est, lang=lang, kind="financial_note"))
    stated = ONE_CONSULTANT[lang]
    bare = {"zh": "顾问", "fr": "consultant", "es": "consultor"}[lang]
    out = tmp_path / f"bare.{lang}.txt"
    out.write_text(text.replace(stated, bare), encoding="utf-8")
    report = check_files([out], lang=lang)
    assert report.errors >= 1
