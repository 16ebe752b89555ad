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


def _services_only(tmp_path: Path, *services: str) -> Path:
    """s04 with its meetings priced for ``services`` and no interpretation."""
    spec = yaml.safe_load(S04.read_text(encoding="utf-8"))
    meet = spec["requests"][0]["activities"][0]
    assert meet["kind"] == "meeting"
    meet["interpretation"] = False
    meet.update({s: True for s in services})
    path = tmp_path / "services-only.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


#: how a statement describes s04's four meetings with summary records and webcasting, without interpretation
UNINTERPRETED = {
    "en": "Four meetings (with summary records and webcasting, without interpretation)",
    "zh": "（四场会议，提供简要记录及网播，不提供口译）",
    "fr": "(quatre séances, avec comptes rendus analytiques et webdiffusion, sans interprétation)",
    "es": "(cuatro sesiones, con actas resumidas y transmisión web, sin servicios de interpretación)",
}
INTERPRETED = {"en": "with interpretation", "zh": "口译", "fr": "avec interprétation", "es": "con interpretación"}


@pytest.mark.parametrize("lang", sorted(UNINTERPRETED))
def test_a_statement_says_a_meeting_is_priced_without_interpretation(lang: str, tmp_path: Path) -> None:
    spec = _services_only(tmp_path, "summary_records", "webcasting")
    est = cost_file(spec)
    assert not any(i.rate is not None and i.rate.key.startswith("interpretation") for i in est.items)
    text = str(render_note(est, lang=lang, kind="statement"))
    assert UNINTERPRETED[lang] in text
    assert INTERPRETED[lang] not in text.replace("不提供口译", "")
    out = tmp_path / f"statement.{lang}.txt"
    out.write_text(text, encoding="utf-8")
    assert check_files([out], lang=lang).errors == 0


@pytest.mark.parametrize("lang", sorted(INTERPRETED))
def test_an_interpreted_meeting_is_still_stated_with_interpretation(lang: str) -> None:
    text = str(render_note(cost_file(S04), lang=lang, kind="statement"))
    assert INTERPRETED[lang] in text and "不提供口译" not in text


def test_a_chinese_financial_note_prices_a_meeting_without_interpretation(tmp_path: Path) -> None:
    text, priced, errors = _read_back(_services_only(tmp_path, "summary_records"), "zh", tmp_path)
    assert "4 次提供简要记录但不配备口译的会议" in text and "种语文口译" not in text
    assert errors == [] and priced == 1


@pytest.mark.parametrize(("lang", "closing", "garbled"), [
    ("fr", "au titre du budget-programme de 2020.", "au titre du du "),
    ("es", "en el presupuesto por programas para 2020.", "en del "),
])
def test_a_note_without_budget_sections_names_the_budget_once(lang: str, closing: str, garbled: str) -> None:
    text = str(render_note(cost_file(S04), lang=lang, kind="financial_note"))
    assert closing in text and garbled not in text
