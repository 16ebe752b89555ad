"""`pbi check`: an amount stated under several budget sections carries them all ("under section 2 (…)
and section 8 (…)", "under sections 2 and 29D"), an amount "under a section to be stated" carries
none, and the checks use them: a total is under every section of its parts, and a total stated under
sections whose parts lie under another section is flagged."""

from __future__ import annotations

from typing import Any

import pytest

from pbi.check import check_notes, read_notes
from pbi.costing.engine import cost
from pbi.model.tables import resolve_table
from pbi.render import render_note

from test_notes2_conclusion import MEETING, MIXED, STAFF, _spec

LANGS = ["en", "zh", "fr", "es", "ru", "ar"]
HEAD = ("Programme budget implications of draft resolution A/C.3/78/L.40\n\n"
        "Statement submitted by the Secretary-General in accordance with rule 153 of the rules of procedure "
        "of the General Assembly\n\n")


def _claims(text: str, lang: str = "en") -> list[Any]:
    (note,) = read_notes(text, lang=lang)
    return note.claims


def _note(body: str) -> str:
    return HEAD + body + "\n"


@pytest.mark.parametrize("body, sections", [
    ("4. The requirements of $1,208,100 would arise under section 2 (General Assembly and Economic and Social "
     "Council affairs and conference management) and section 8 (Legal affairs) of the programme budget for 2024.",
     ("2", "8")),
    ("4. The requirements of $1,208,100 would arise under sections 2 and 29D of the programme budget for 2024.",
     ("2", "29D")),
    ("4. The requirements of $1,208,100 would arise under sections 2, 24 and 29D of the programme budget for 2024.",
     ("2", "24", "29D")),
    ("4. The requirements of $1,208,100 would arise under section 24 of the programme budget for 2024.", ("24",)),
])
def test_an_amount_carries_every_section_its_clause_names(body: str, sections: tuple[str, ...]) -> None:
    (claim,) = _claims(_note(body))
    assert claim.sections == sections
    assert claim.section == sections[0]


def test_amounts_each_under_their_own_section_keep_one_each() -> None:
    claims = _claims(_note("4. Requirements of $32,200 would arise under section 2 and $93,900 under section 8 "
                           "in 2024."))
    assert [c.sections for c in claims] == [("2",), ("8",)]


@pytest.mark.parametrize("lang", LANGS)
def test_a_conclusion_under_two_sections_is_read_under_both(lang: str) -> None:
    spec = _spec("2024", [MEETING, STAFF | {"section": "Section 8"}])
    text = render_note(cost(spec, resolve_table(spec.table)), lang, "text", kind="financial_note")
    assert isinstance(text, str)
    claims = _claims(text, lang)
    last = [c for c in claims if c.paragraph == claims[-1].paragraph]
    assert [c.sections for c in last] == [("2", "8")]
    assert [c.sections for c in claims if c.paragraph.startswith("3")] == [("2",), ("8",)]


@pytest.mark.parametrize("lang", LANGS)
def test_an_amount_under_a_section_to_be_stated_has_none(lang: str) -> None:
    text = render_note(cost(MIXED["one year"], resolve_table("un-standard-costs")), lang, "text",
                       kind="financial_note")
    assert isinstance(text, str)
    claims = _claims(text, lang)
    total, *parts = [c for c in claims if c.paragraph == claims[-1].paragraph]
    assert [c.sections for c in parts] == [("2",), ()]
    assert total.is_total and total.section is None and total.sections == ("2",)


def test_a_total_under_a_section_its_parts_are_not_under_is_flagged() -> None:
    text = _note("4. The requirements of $126,100 under section 2, comprising $32,200 under section 2 and "
                 "$93,900 under section 8, would arise in 2024.")
    findings = check_notes(read_notes(text, lang="en"))
    flagged = [f for f in findings if f.severity == "warning" and "section 8" in f.message]
    assert flagged, [f.message for f in findings]


def test_a_total_under_the_sections_of_its_parts_is_not_flagged() -> None:
    text = _note("4. The requirements of $126,100 under sections 2 and 8, comprising $32,200 under section 2 and "
                 "$93,900 under section 8, would arise in 2024.")
    findings = check_notes(read_notes(text, lang="en"))
    assert not [f for f in findings if f.severity in ("warning", "error")], [f.message for f in findings]


@pytest.mark.parametrize("lang, phrase, sections", [
    ("fr", "au titre des chapitres 2 et 29D du budget-programme", ["2", "29D"]),
    ("fr", "au titre du chapitre 2 et du chapitre 8 du budget-programme", ["2", "8"]),
    ("es", "en las secciones 2 y 29D del presupuesto por programas", ["2", "29D"]),
    ("ru", "по разделам 2 и 29D бюджета по программам", ["2", "29D"]),
    ("ar", "في إطار البابين 2 و8 من الميزانية البرنامجية", ["2", "8"]),
    ("zh", "第2款和第29D款下", ["2", "29D"]),
    ("en", "under section 2 and 3 meetings", ["2"]),  # a count after a section is no section
])
def test_a_list_of_sections_is_read_in_every_language(lang: str, phrase: str, sections: list[str]) -> None:
    from pbi.check import quantities as qx
    from pbi.check.lexicon import lexicon

    lex = lexicon(lang)
    assert qx.find_section_run(lex.rewrite(phrase) if lex else phrase) == sections
