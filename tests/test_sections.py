"""Budget sections: one vocabulary (model/vocabulary.yaml ``sections``), names by budget period, the
number alone where no name is known for the period or language, and the reader reading a section by
its number, with or without its name, in all six languages (issue 16, the round trip of every spec)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pbi.check import read_notes
from pbi.check.lexicon import lexicon
from pbi.check.quantities import find_sections
from pbi.costing.api import cost_file
from pbi.costing.engine import cost
from pbi.costing.estimate import Estimate
from pbi.model.errors import PbiError, RenderError
from pbi.model.vocabulary import body, section, section_form, sections
from pbi.costing.conclusions import conclude
from pbi.render import render_note
from pbi.render.statement import statement_sections

from _paths import ROOT
from test_check_languages import _every_language

LANGS = ("en", "zh", "fr", "es", "ru", "ar")
DRAFT = ROOT / "tests" / "data" / "general-assembly" / "draft-statement.yaml"
SHIPPED = sorted(p for p in (ROOT / "notes").glob("*/*.yaml") if p.name != "entitlements.yaml") + [DRAFT]


def _section_keys(path: Path) -> set[str]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {str(a["section"]) for r in (data.get("requests") or []) for a in (r.get("activities") or [])
            if isinstance(a, dict) and a.get("section")}


# ------------------------------------------------------------------------------------ the vocabulary


def test_every_section_a_shipped_spec_names_is_in_the_vocabulary() -> None:
    keys = set().union(*(_section_keys(p) for p in SHIPPED))
    assert len(keys) > 40
    assert {k for k in keys if not _known(k)} == set()


def _known(key: str) -> bool:
    try:
        section(key)
    except RenderError:
        return False
    return True


def test_an_unknown_section_is_an_error_naming_it() -> None:
    with pytest.raises(RenderError, match="'Section 99'"):
        section("Section 99")


def test_an_alias_is_the_section_it_stands_for() -> None:
    assert section("Section 11.A").key == "Section 11A" and section("Section 11.A").number == "11A"
    assert section("Section 11.G").number == "11G"


def test_a_name_holds_for_the_budget_periods_it_was_read_in() -> None:
    ocss = section("Section 29D")
    assert ocss.name("en", 2016) == "Office of Central Support Services"
    assert ocss.name("en", 2025) is None and ocss.name("en", 2010) is None  # renumbered since / not yet
    dpi = section("Section 28")
    assert dpi.name("en", 2014) == "Public information" and dpi.name("en", 2022) == "Global communications"
    geneva = section("Section 29E")  # Administration, Geneva in 2012-2013 and from 2022, not between
    assert geneva.name("en", 2012) == geneva.name("en", 2022) == "Administration, Geneva"
    assert geneva.name("en", 2018) is None
    human_rights = {y: [s.number for s in sections() if s.name("en", y) == "Human rights"] for y in (1998, 2008, 2012)}
    assert human_rights == {1998: ["22"], 2008: ["23"], 2012: ["24"]}


def test_a_name_is_given_only_in_the_languages_it_was_verified_in() -> None:
    assert section("Section 7").name("en", 2023) == "International Court of Justice"
    assert [section("Section 7").name(lang, 2023) for lang in LANGS[1:]] == [None] * 5
    assert section("Section 2").name("ar", 2023) == "شؤون الجمعية العامة والمجلس الاقتصادي والاجتماعي وإدارة المؤتمرات"


def test_every_name_says_where_it_was_read_and_no_two_names_of_a_section_overlap() -> None:
    for sec in sections():
        for entry in sec.periods:
            assert entry.source, sec.key
            assert entry.first is None or entry.last is None or entry.first <= entry.last, sec.key
        for lang in LANGS:
            spans = sorted((e.first or 0, e.last or 9999) for e in sec.periods if lang in e.names)
            assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False)), (sec.key, lang, spans)


@pytest.mark.parametrize(("lang", "plain", "lettered", "dative"), [
    ("en", "section 27", "section 29C", "section 27"),
    ("zh", "第27款", "第29C款", "第27款"),
    ("fr", "chapitre 27", "chapitre 29C", "chapitre 27"),
    ("es", "sección 27", "sección 29C", "sección 27"),
    ("ru", "раздел 27", "раздел 29C", "разделу 27"),
    ("ar", "الباب 27", "الباب 29 جيم", "الباب 27"),
])
def test_a_section_by_its_number_in_each_language(lang: str, plain: str, lettered: str, dative: str) -> None:
    assert section("Section 27").numbered(lang) == plain == section("Section 27").named(lang, 2010)
    assert section("Section 29C").numbered(lang) == lettered
    assert section("Section 27").numbered(lang, "number_dat") == dative
    assert set(section_form(lang)) >= {"number", "named"}


def test_a_section_with_its_name_where_one_is_known() -> None:
    assert section("Section 24").named("en", 2014) == "section 24 (Human rights)"
    assert section("Section 24").named("ru", 2014, "number_dat") == "разделу 24 («Права человека»)"
    assert section("Section 24").named("zh", 2014) == "第24款“人权”"
    # 第16编 is how the COP 5 notes (CTOC/COP/2010/17, 2010-2011) print section 16; later budgets: 第16款 (langs4)
    assert section("Section 16").named("zh", 2010) == "第16编“国际药物管制、预防犯罪和恐怖主义及刑事司法”"
    assert section("Section 16").named("zh", 2012).startswith("第16款“")
    assert section("Section 16").named("zh", 2010, labelled=False).startswith("第16款“")


def test_the_phrases_hold_no_section() -> None:
    phrases = yaml.safe_load((ROOT / "pbi" / "render" / "templates" / "phrases.yaml").read_text(encoding="utf-8"))
    assert "sections" not in phrases
    for path in (ROOT / "pbi" / "render" / "templates" / "phrases").glob("*.yaml"):
        assert "sections" not in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}), path.name


# ------------------------------------------------------------------------- notes: written and read


def _draft(tmp: Path, sec: str) -> Estimate:
    """The test draft (2023) with its section 16 staff activity under ``sec``, in every language."""
    path = tmp / "draft.yaml"
    path.write_text(DRAFT.read_text(encoding="utf-8").replace("section: Section 16", f"section: {sec}"),
                    encoding="utf-8")
    est = cost_file(path)
    return cost(_every_language(est.spec), est.table)


@pytest.mark.parametrize("kind", ["statement", "financial_note"])
@pytest.mark.parametrize("lang", LANGS)
def test_a_section_named_in_english_only_is_printed_by_its_number_in_the_other_languages(
        kind: str, lang: str, tmp_path: Path) -> None:
    est = _draft(tmp_path, "Section 29E")  # Administration, Geneva (2022 on), verified in English only
    text = render_note(est, lang, "text", kind=kind)
    assert isinstance(text, str)
    number = section("Section 29E").numbered(lang, "number_dat" if kind == "financial_note" else "number")
    assert number.lower().replace(" ", "") in text.lower().replace(" ", "")
    assert ("Administration, Geneva" in text) == (lang == "en")
    assert "29E" in _read_sections(text, lang)
    if kind == "statement":  # its table sets the amount out under the section
        assert "29E" in {c.section for n in read_notes(text, lang=lang) for c in n.claims}


@pytest.mark.parametrize("lang", LANGS)
def test_a_section_without_a_name_for_its_period_is_read_by_its_number(lang: str, tmp_path: Path) -> None:
    est = _draft(tmp_path, "Section 27")  # renumbered over the years: no name is known for 2023
    for kind in ("statement", "financial_note"):
        text = render_note(est, lang, "text", kind=kind)
        assert isinstance(text, str)
        assert "27 (" not in text and "27“" not in text and "27 «" not in text
        assert "27" in _read_sections(text, lang), kind


def _printed_sections(est: Estimate, text: str, lang: str) -> set[str]:
    """The budget sections of the estimate that the text prints, by their number."""
    out = set()
    bare = re.sub(r"\s", "", text)  # spaces aside: the Chinese notes set numbers apart (第 29E 款)
    for key in {i.section for i in est.items if i.section}:
        sec = section(key)
        forms = {sec.numbered(lang, case, labelled=lab) for case in ("number", "number_dat") for lab in (True, False)}
        forms |= {f[:1].upper() + f[1:] for f in forms}
        if any(re.search(re.escape(re.sub(r"\s", "", f)) + r"(?![\dA-Z])", bare) for f in forms):
            out.add(sec.number)
    return out


def _read_sections(text: str, lang: str) -> set[str]:
    """The sections the reader finds in a note, as it reads it (the other languages rewritten into
    its terms); a claim names one, so "$1,208,100 under section 2 (…) and section 8 (…)" is read here."""
    lex = lexicon(lang)
    canonical = lex.rewrite(text) if lex else text
    claims = {c.section for n in read_notes(text, lang=lang) for c in n.claims if c.section}
    return set(find_sections(canonical)) | claims


def _cases() -> list[object]:
    out: list[object] = []
    for path in SHIPPED:
        if not _section_keys(path):
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        try:
            kinds = body(str(data.get("body"))).kinds
        except PbiError:
            continue
        for kind in kinds:
            for lang in (data.get("title") or {}):
                out.append(pytest.param(path, kind, lang, id=f"{path.stem}-{kind}-{lang}"))
    return out


@pytest.mark.parametrize(("path", "kind", "lang"), _cases())
def test_every_section_a_shipped_note_prints_is_read_back(path: Path, kind: str, lang: str) -> None:
    try:
        est = cost_file(path)
    except PbiError as err:
        pytest.skip(f"pbi cannot cost it: {err}")
    text = render_note(est, lang, "text", kind=kind)
    assert isinstance(text, str)
    printed = _printed_sections(est, text, lang)
    assert printed <= _read_sections(text, lang)
    if kind == "statement":  # a statement's table sets out every section of its regular-budget requirements
        shown, under = statement_sections(est)
        rows = conclude(shown, shown_under=under).objects_of("additional", "budget_process")
        assert {section(r.section).number for r in rows if r.section} <= printed
