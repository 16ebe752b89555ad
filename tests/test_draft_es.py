"""pbi draft reads Spanish drafts (tests/data/drafts-es): the class of every operative paragraph and the
activities of the costed ones as labelled by hand before pbi read them; Spanish numbers, ordinals, months,
mastheads and the point between thousands ("10.700 palabras")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from _drafts import check_labelled, check_translation, only_paragraph

from pbi.draft.reader import detect_language, es_cardinal, es_ordinal, masthead

DATA = Path(__file__).resolve().parent / "data"
ES = DATA / "drafts-es"
LABELS = sorted(ES.glob("*.yaml"))
#: held-out drafts missed on their one read (tests/data/drafts-es/README.md) and not fixed since
HELD_OUT_MISSED: set[str] = set()


@pytest.mark.parametrize("label", [p for p in LABELS if p.stem not in HELD_OUT_MISSED], ids=lambda p: p.stem)
def test_spanish_draft_as_labelled(label: Path) -> None:
    check_labelled(label, "es")


def test_there_are_six_spanish_drafts_two_held_out() -> None:
    labels = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in LABELS]
    assert len(labels) == 6 and sum(bool(x.get("held_out")) for x in labels) == 2


def test_language_is_detected() -> None:
    assert detect_language((ES / "es-c3-informe.txt").read_text(encoding="utf-8")) == "es"
    assert detect_language((DATA / "drafts-fr" / "fr-c3-rapport.txt").read_text(encoding="utf-8")) == "fr"


@pytest.mark.parametrize(("words", "n"), [("tres", 3), ("veinticinco", 25), ("treinta y cinco", 35), ("doce", 12),
                                          ("10.700", 10700)])
def test_spanish_cardinals(words: str, n: int) -> None:
    assert es_cardinal(words) == n


@pytest.mark.parametrize(("words", "n"), [("primer", 1), ("decimocuarto", 14), ("decimotercer", 13),
                                          ("octogésimo primer", 81), ("sexagésima segunda", 62), ("63er", 63),
                                          ("64º", 64), ("vigésimo quinto", 25)])
def test_spanish_ordinals(words: str, n: int) -> None:
    assert es_ordinal(words) == n
    assert es_ordinal("Secretario") is None


@pytest.mark.parametrize(("line", "field"), [
    ("Octogésimo primer período de sesiones", ("session", "Octogésimo primer período de sesiones")),
    ("62º período de sesiones", ("session", "62º período de sesiones")),
    ("Período de sesiones de 2026", ("session", "Período de sesiones de 2026")),
    ("Tercera Comisión", ("committee", "Tercera Comisión")),
    ("Tema 68 del programa", ("agenda", "68")),
    ("Viena, 12 a 16 de octubre de 2026", ("date", "2026-10")),
    ("Asamblea General", ("organ", "Asamblea General")),
])
def test_spanish_masthead(line: str, field: tuple[str, str]) -> None:
    assert masthead(line, "es") == field


FRAME = """Proyecto de resolución

La Asamblea General,

Recordando su resolución 79/1,

1.\u00a0{}
"""


def _one(text: str) -> tuple[str, list[dict[str, Any]]]:
    return only_paragraph(FRAME, text, "es")


@pytest.mark.parametrize(("text", "cls"), [
    ("Solicita al Secretario General que le presente, en su octogésimo segundo período de sesiones, un informe;", "costed"),
    ("Pide al Secretario General que le informe en su octogésimo segundo período de sesiones sobre la aplicación de la "
     "presente resolución;", "costed"),
    ("Decide seguir ocupándose de la cuestión.", "none"),
    ("Invita a los Estados Miembros a que refuercen su cooperación;", "none"),
    ("Solicita al Secretario General que mantenga el sitio web, con cargo a los recursos existentes;", "absorbed"),
    ("Solicita a la Oficina que preste asistencia técnica con cargo a recursos extrapresupuestarios;", "extrabudgetary"),
    ("Decide establecer un grupo de trabajo intergubernamental de composición abierta sobre la deuda;", "costed"),
])
def test_spanish_phrases(text: str, cls: str) -> None:
    assert _one(text)[0] == cls


def test_thousands_with_points_and_experts_in_words() -> None:
    cls, acts = _one("Solicita al Secretario General que prepare, en un documento que no exceda de 10.700 palabras, un "
                     "informe sobre la cuestión;")
    assert cls == "costed" and [a["words"] for a in acts if a["kind"] == "documentation"] == ["10700"]
    cls, acts = _one("Solicita al Secretario General que convoque en Nairobi, en 2028, una reunión de expertos de tres días "
                     "con la participación de veinticinco expertos;")
    (act,) = [a for a in acts if a["kind"] in ("expert_meeting", "travel")]
    assert (cls, str(act.get("participants", act.get("trips"))), act["year"], act["location"]) == (
        "costed", "25", 2028, "Nairobi")


# two English drafts of tests/data/drafts-en translated into Spanish: the same classes and activities

#: paragraph 2 of ecosoc-statistics, "to convene an expert group meeting … to develop guidelines on disaggregated
#: data": the English publication rule also reads "develop … guide(lines)" as a guide to publish; the Spanish
#: "elaborar directrices" is the meeting's work only. Both extrabudgetary, both the expert group meeting.
DIVERGES = {("ecosoc-statistics", "2")}


@pytest.mark.parametrize("name", ["ecosoc-statistics", "c3-older-persons"])
def test_translated_draft_gives_the_english_spec(name: str) -> None:
    check_translation(DATA / "drafts-en" / f"{name}.txt", ES / "translated" / f"{name}.txt",
                      {ref for n, ref in DIVERGES if n == name})
