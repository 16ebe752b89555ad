"""pbi check reads notes in French, Spanish, Russian and Arabic (pbi/check/lexicon.yaml).

Two real-style statements (tests/data/languages: an « état des incidences sur le budget-programme »
and an « exposición de las consecuencias para el presupuesto por programas ») are read with their
totals, sections and quantities; pbi's own notes in every language read back as the English note
does; numbers in each language's grouping; detection; the command line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from pbi.check import check_notes, read_notes
from pbi.check import lexicon as lx
from pbi.check.reader import LANGUAGES, read_path
from pbi.check.report import check_files
from pbi.check.text import clean_lines, find_money, normalize
from pbi.costing.api import cost_file
from pbi.costing.engine import cost
from pbi.model.errors import CheckError
from pbi.model.specs import Spec, dump_spec

from _paths import NOTES, ROOT
from test_properties import TABLE, specs

DATA = ROOT / "tests" / "data" / "languages"
OTHER = ("fr", "es", "ru", "ar")


# ---------------------------------------------------------------------------- real-style statements


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_a_real_style_statement_is_read_with_its_total_sections_and_quantities(lang: str) -> None:
    path = DATA / f"statement-{lang}.txt"
    report = check_files([path], table=None)
    assert report.errors == 0
    (note,) = report.notes
    assert note.name == "A/C.3/70/L.42"
    by_para: dict[str, list] = {}
    for c in note.claims:
        by_para.setdefault(c.paragraph, []).append(c)
    (meeting,) = by_para["3"]
    assert meeting.amount == Decimal("118600") and meeting.section == "2" and meeting.year == 2016
    assert meeting.operative_paragraph == "12"
    assert {k: meeting.quantities.get(k) for k in ("meetings", "days", "languages", "location")} == {
        "meetings": 1, "days": 2, "languages": 6, "location": "Geneva"}
    (report_claim,) = by_para["4"]
    assert report_claim.amount == Decimal("38000") and report_claim.section == "24"
    total = next(c for c in by_para["5"] if c.is_total)
    assert total.amount == Decimal("156600") and total.funding == "contingency_fund"
    assert not total.quantities.get("optional")  # "Si l'Assemblée générale adoptait …" concludes
    assert sorted(total.quantities["parts"]) == [Decimal("38000"), Decimal("118600")]
    assert [c.section for c in by_para["5"] if not c.is_total] == ["2", "24"]


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_a_wrong_total_in_a_statement_is_an_error(lang: str, tmp_path: Path) -> None:
    text = (DATA / f"statement-{lang}.txt").read_text(encoding="utf-8")
    wrong = text.replace("156 600", "165 600").replace("156.600", "165.600")
    assert wrong != text
    path = tmp_path / "wrong.txt"
    path.write_text(wrong, encoding="utf-8")
    findings = [f for _, f in check_files([path], table=None).findings if f.severity == "error"]
    assert findings and "165,600" in findings[0].message


def test_a_claim_keeps_the_line_of_its_amount() -> None:
    path = DATA / "statement-fr.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    claims = read_path(path)[0].claims
    assert len(claims) == 5
    for c in claims:
        assert str(int(c.amount or 0)) in re.sub(r"\D", "", lines[c.line - 1])


# ---------------------------------------------------------------------------- pbi's own notes


def _claims(text: str, lang: str | None) -> list[tuple]:
    keys = ("pages", "languages", "days", "meetings", "workshops", "participants", "work_months", "grade",
            "copies", "is_total", "optional", "further", "total_of", "available_meetings", "entitlement_meetings")
    return [(c.paragraph, c.low, c.high, c.funding, c.year, c.operative_paragraph, c.section,
             {k: c.quantities[k] for k in keys if k in c.quantities})
            for n in read_notes(text, lang=lang) for c in n.claims]


@pytest.mark.parametrize("lang", OTHER)
@pytest.mark.parametrize("spec", ["annex-05", "annex-08"])
def test_a_note_in_any_language_reads_as_its_english_note(spec: str, lang: str) -> None:
    """Every amount, funding source, year, operative paragraph, section and quantity the reader
    finds in the English note, it finds in the same note written in ``lang``."""
    from pbi.render import render_note

    est = cost_file(NOTES / f"{spec}.yaml")
    english = _claims(render_note(est, "en", "text"), None)
    assert len(english) >= 6
    assert _claims(render_note(est, lang, "text"), lang) == english
    assert _claims(render_note(est, lang, "text"), None) == english  # the language detected


def _every_language(spec: Spec) -> Spec:
    """A generated spec with its English texts standing in for the other languages' (the
    reader reads the amounts and quantities, not the titles)."""
    data = yaml.safe_load(dump_spec(spec))

    def fill(d: object) -> None:
        if isinstance(d, dict):
            if "en" in d and all(isinstance(v, str) for v in d.values()):
                for lang in OTHER:
                    d.setdefault(lang, d["en"])
            for v in d.values():
                fill(v)
        elif isinstance(d, list):
            for v in d:
                fill(v)

    fill(data)
    return Spec.model_validate(data)




@pytest.mark.parametrize("lang", OTHER)
def test_every_generated_note_reads_back_in_every_language(lang: str) -> None:
    from test_delegate_roundtrip import round_trip

    @settings(max_examples=int(os.environ.get("PBI_FUZZ_EXAMPLES", "30")), deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(spec=specs())
    def reads_back(spec: Spec) -> None:
        est = cost(_every_language(spec), TABLE)
        mixed = any(len({i.type == "quoted" for i in est.items if i.group == g and i.type in ("rate", "quoted")}) > 1
                    for g in {i.group for i in est.items})
        if mixed:  # see test_delegate_roundtrip: read for arithmetic only
            return
        # zero errors and every amount found; where the English note itself is not read back
        # (a reader's limit, tested in test_delegate_roundtrip), the note reads as the English does
        english = round_trip(est, "financial_note", "en")
        assert round_trip(est, "financial_note", lang) == english

    reads_back()


# ---------------------------------------------------------------------------- numbers and words


@pytest.mark.parametrize("lang, text, amounts", [
    ("fr", "345\u202f200\u00a0dollars et 1\u202f234\u202f567,50\u00a0dollars des États-Unis",
     [("345200", "345200"), ("1234567.50", "1234567.50")]),
    ("fr", "de 800 000 à 1 200 000 dollars", [("800000", "1200000")]),
    ("fr", "entre 80 000 et 120 000 dollars", [("80000", "120000")]),
    ("es", "345.200\u00a0dólares y 1.234.567,50 dólares de los Estados Unidos",
     [("345200", "345200"), ("1234567.50", "1234567.50")]),
    ("es", "entre 80.000 y 120.000 dólares", [("80000", "120000")]),
    ("ru", "345\u00a0200\u00a0долл.\u00a0США; 800\u00a0000\u20131\u00a0200\u00a0000\u00a0долл.\u00a0США",
     [("345200", "345200"), ("800000", "1200000")]),
    ("ar", "قدرها 345 200 دولار؛ من 800 000 إلى 1 200 000 دولار",
     [("345200", "345200"), ("800000", "1200000")]),
])
def test_amounts_in_each_language(lang: str, text: str, amounts: list[tuple[str, str]]) -> None:
    lex = lx.lexicon(lang)
    assert lex is not None
    found = find_money(lex.rewrite(normalize(text)))
    assert [(m.low, m.high) for m in found] == [(Decimal(a), Decimal(b)) for a, b in amounts]


@pytest.mark.parametrize("lang, text", [
    ("es", "A/64/6 (Secc. 16), párr. 16.55; el bienio 2010-2011; la resolución 64/244"),
    ("fr", "par. 16.55 a) ; l'exercice biennal 2010-2011 ; la résolution 64/244"),
])
def test_what_is_not_an_amount_stays_as_it_is(lang: str, text: str) -> None:
    lex = lx.lexicon(lang)
    assert lex is not None
    out = lex.rewrite(text)
    for kept in ("16.55", "2010-2011", "64/244"):
        assert kept in out
    assert find_money(out) == []


def test_a_phrase_broken_across_two_lines_is_read() -> None:
    text = ("Note financière concernant le projet de résolution X/L.1\n\n1. La présente note est soumise.\n\n"
            "2. Des ressources extrabudgétaires d’un montant de 12 300 dollars des États-\nUnis seraient "
            "nécessaires pour financer une réunion de trois\njours.\n")
    (note,) = read_notes(text)
    (claim,) = note.claims
    assert claim.amount == Decimal("12300") and claim.funding == "extrabudgetary"
    assert claim.quantities.get("days") == 3 and claim.line == 5


def test_the_language_of_a_text_is_detected() -> None:
    from pbi.render import render_note

    est = cost_file(NOTES / "annex-05.yaml")
    for lang in OTHER:
        assert lx.detect(render_note(est, lang, "text")) == lang
    for lang in ("en", "zh"):
        assert lx.detect(render_note(est, lang, "text")) is None
    assert lx.detect((DATA / "statement-es.txt").read_text(encoding="utf-8")) == "es"


def test_the_lexicon_covers_every_language_pbi_writes() -> None:
    from pbi.render.numbers import SUPPORTED

    assert set(LANGUAGES) == set(SUPPORTED)
    for lang in lx.languages():
        lex = lx.lexicon(lang)
        assert lex is not None and lex.detect and len(lex.rules) > 50
    assert lx.lexicon("en") is None and lx.lexicon("zh") is None


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(CheckError, match="unknown language 'de'"):
        read_notes("1. x", lang="de")


# ---------------------------------------------------------------------------- command line


def test_pbi_check_lang_choices_are_the_languages_read() -> None:
    run = subprocess.run([sys.executable, "-m", "pbi", "check", "--help"], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "{" + ",".join(LANGUAGES) + "}" in run.stdout


@pytest.mark.parametrize("args, code, shown", [
    (["--lang", "fr", str(DATA / "statement-fr.txt")], 0, "0 errors"),
    ([str(DATA / "statement-es.txt")], 0, "0 errors"),
    (["--lang", "de", str(DATA / "statement-fr.txt")], 2, "invalid choice"),
])
def test_pbi_check_in_another_language(args: list[str], code: int, shown: str) -> None:
    run = subprocess.run([sys.executable, "-m", "pbi", "check", "--no-rates", *args], capture_output=True,
                         text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == code
    assert shown in run.stdout + run.stderr
    assert "Traceback" not in run.stderr


def test_lines_are_rewritten_in_place() -> None:
    lex = lx.lexicon("ar")
    assert lex is not None
    lines = clean_lines("3 - نص\n    (ب) 227 600 دولار\n")
    out = lx.canonical_lines(lines, lex)
    assert [ln.number for ln in out] == [ln.number for ln in lines]
    assert out[0].text.startswith("3. ") and out[1].text.strip().startswith("(b) $227,600")


def test_checks_find_no_error_in_any_language_of_a_shipped_note() -> None:
    from pbi.render import render_note

    est = cost_file(NOTES / "annex-08.yaml")
    for lang in OTHER:
        notes = read_notes(render_note(est, lang, "text"))
        assert [f.message for f in check_notes(notes) if f.severity == "error"] == []
