"""The six official languages: numbers as each language writes them, golden sentences checked exactly
(invisible characters included), every spec in notes/ rendered in every language and kind with every
amount and quantity of the estimate in the text, Word files a document control desk would accept."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from pbi.costing.api import cost_file
from pbi.model.errors import RenderError
from pbi.model.specs import Range
from pbi.render import KINDS, build_note, render_note
from pbi.render.numbers import SUPPORTED, count_word, formatted, money, number, plural

ROOT = Path(__file__).resolve().parent.parent
def _written(path: Path) -> bool:
    """A spec pbi writes notes for: its title has a Chinese text as well as an English one. The
    corpus of published statements (notes/ga-statements, generated with English titles only, "do not
    edit by hand") is data for the cost tables, not notes to write, and is left out."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return isinstance(data, dict) and isinstance(data.get("title"), dict) and bool(data["title"].get("zh"))


SPECS = sorted(p for p in (ROOT / "notes").rglob("*.yaml") if p.name != "entitlements.yaml" and _written(p))
NEW = ("fr", "es", "ru", "ar")
NNBSP, NBSP = "\u202f", "\u00a0"


def _kinds(lang: str, est=None) -> list[str]:
    """The kinds with a template in ``lang`` that the spec's body takes (model/vocabulary.yaml)."""
    from pbi.render.statement import check_kind

    out = []
    for k in KINDS:
        if not (ROOT / "pbi" / "render" / "templates" / k / f"{lang}.j2").exists():
            continue
        try:
            if est is not None:
                check_kind(est.spec, k)
        except Exception:
            continue
        out.append(k)
    return out


# -- numbers -------------------------------------------------------------------------------------

def test_amounts_per_language_with_their_invisible_separators():
    d = Decimal("345200")
    assert money(d, "fr") == f"345{NNBSP}200{NBSP}dollars"
    assert money(d, "es") == f"345.200{NBSP}dólares"
    assert money(d, "ru") == f"345{NBSP}200{NBSP}долл.{NBSP}США"
    assert money(d, "ar") == f"345{NBSP}200 دولار"
    assert money(d, "zh") == "345,200 美元" and money(d, "en") == "$345,200"
    assert money(Range(Decimal(800000), Decimal(1200000)), "fr") == f"800{NNBSP}000 à 1{NNBSP}200{NNBSP}000{NBSP}dollars"
    assert money(Range(Decimal(800000), Decimal(1200000)), "ar") == f"من 800{NBSP}000 إلى 1{NBSP}200{NBSP}000 دولار"


def test_babel_never_rounds_the_decimals_it_is_given():
    # Babel rounds half-even when it quantizes; pbi rounds once, before, and Babel keeps every digit
    assert formatted(Decimal("29891.425"), "fr") == f"29{NNBSP}891,425"
    assert formatted(Decimal("0.125"), "es") == "0,125"
    assert formatted(Decimal("1234.5"), "ar") == f"1{NBSP}234,5"
    assert formatted(Decimal("8500"), "es") == "8.500"  # UN Spanish groups four digits too


def test_arabic_uses_european_digits():
    text = money(Decimal("1734600"), "ar")
    assert re.fullmatch(r"[0-9\u00a0]+ دولار", text)
    assert not re.search(r"[\u0660-\u0669\u066b\u066c]", text)  # no Arabic-Indic digits or marks


def test_counts_agree_with_their_nouns():
    assert count_word(1, "fr", "f") == "une" and count_word(2, "ru", "f") == "две" and count_word(1, "es", "f") == "una"
    assert count_word(3, "ar") == "3"  # Arabic counts stay in figures
    forms = ("заседание", "заседания", "заседаний")
    assert [plural(n, "ru", *forms) for n in (1, 3, 5, 21, 22, 25)] == [
        "заседание", "заседания", "заседаний", "заседание", "заседания", "заседаний"]
    assert plural(11, "ar", "x", "one", "two", "few", "many", "other") == "many"
    with pytest.raises(RenderError, match="one few many"):
        plural(3, "ru", "заседание")


# -- golden sentences, one per language and kind ------------------------------------------------------

GOLDEN = {
    ("fr", "financial_note"): (
        "annex-04",
        "S’agissant de la demande formulée au paragraphe 6 du dispositif, des ressources extrabudgétaires "
        "supplémentaires d’un montant de 223\u202f700\u00a0dollars seraient nécessaires en 2011 pour financer la traduction "
        "et l’impression de la loi type (140 pages, six langues)."),
    ("es", "financial_note"): (
        "annex-04",
        "En relación con la solicitud que figura en el párrafo 6 de la parte dispositiva, se necesitarían "
        "recursos extrapresupuestarios adicionales por valor de 223.700\u00a0dólares en 2011 para sufragar la traducción e "
        "impresión de la ley modelo (140 páginas, seis idiomas)."),
    ("ru", "financial_note"): (
        "annex-04",
        "Что касается просьбы, содержащейся в пункте 6 постановляющей части, потребуются дополнительные "
        "внебюджетные ресурсы в размере 223\u00a0700\u00a0долл.\u00a0США в 2011 году для финансирования следующих "
        "мероприятий: перевод и издание типового закона (140 страниц, шесть языков)."),
    ("ar", "financial_note"): (
        "annex-04",
        "وفيما يتعلق بالطلب الوارد في الفقرة 6 من المنطوق، ستلزم موارد إضافية من خارج الميزانية قدرها "
        "223\u00a0700 دولار في عام 2011 لتمويل ترجمة وطباعة القانون النموذجي (140 صفحة، 6 لغات)."),
}


def _grouped(value: Decimal, sep: str) -> str:
    """Digits in groups of three joined by ``sep``, written out here without Babel."""
    digits = str(int(value))
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sep.join(groups)


def _statement_golden(lang: str) -> str:
    """The extrabudgetary paragraph of the statement on E/2011/30 draft resolution A.III, with the
    figures the estimate computes (the table's rates move; the wording and separators must not)."""
    from pbi.costing.conclusions import conclude

    est = cost_file(ROOT / "notes" / "e-2011-30" / "draft-resolution-a-iii.yaml")
    c = conclude(est)
    eb = c.extrabudgetary_total.low
    psc = est.table.rounding.apply(c.programme_support.low)  # rounded as the totals beside it
    (year,) = {r.year for r in c.extrabudgetary}
    return {
        "fr": f"Des ressources extrabudgétaires d’un montant de {_grouped(eb, NNBSP)}{NBSP}dollars seraient nécessaires "
              f"en {year}, y compris des dépenses d’appui aux programmes d’un montant de {_grouped(psc, NNBSP)}"
              f"{NBSP}dollars au taux de 13{NNBSP}%. Si ces ressources ne se matérialisaient pas, les activités ne "
              f"seraient pas exécutées.",
        "es": f"Se necesitarían recursos extrapresupuestarios por valor de {_grouped(eb, '.')}{NBSP}dólares en {year}, "
              f"incluidos gastos de apoyo a los programas por valor de {_grouped(psc, '.')}{NBSP}dólares al 13 %. Si no "
              f"se dispusiera de esos recursos, las actividades no se llevarían a cabo.",
        "ru": f"Потребуются внебюджетные ресурсы в размере {_grouped(eb, NBSP)}{NBSP}долл.{NBSP}США в {year} году, "
              f"включая расходы на вспомогательное обслуживание программ в размере "
              f"{_grouped(psc, NBSP)}{NBSP}долл.{NBSP}США по ставке 13 процентов. Если эти ресурсы не поступят, "
              f"эта деятельность осуществляться не будет.",
        "ar": f"ستلزم موارد من خارج الميزانية قدرها {_grouped(eb, NBSP)} دولار في عام {year}، بما في ذلك تكاليف دعم "
              f"البرامج البالغة {_grouped(psc, NBSP)} دولار بنسبة 13 في المائة. وإذا لم تتوافر هذه الموارد، فلن "
              f"يُضطلع بالأنشطة.",
    }[lang]


@pytest.mark.parametrize("lang", NEW)
def test_golden_statement_sentence(lang):
    note = build_note(cost_file(ROOT / "notes" / "e-2011-30" / "draft-resolution-a-iii.yaml"), lang, "statement")
    texts = [p.text for p in note.paragraphs]
    assert _statement_golden(lang) in texts, "\n".join(ascii(t) for t in texts)


@pytest.mark.parametrize(("lang", "kind"), sorted(GOLDEN))
def test_golden_sentence(lang, kind):
    spec, sentence = GOLDEN[(lang, kind)]
    folder = "ctoc-cop-2010-17" if spec.startswith("annex") else "e-2011-30"
    note = build_note(cost_file(ROOT / "notes" / folder / f"{spec}.yaml"), lang, kind)
    texts = [p.text for p in note.paragraphs]
    assert sentence in texts, "\n".join(ascii(t) for t in texts)


def test_the_fixed_formulas_of_each_language():
    est = cost_file(ROOT / "notes" / "ctoc-cop-2010-17" / "annex-05.yaml")
    fr, es = render_note(est, "fr"), render_note(est, "es")
    ru, ar = render_note(est, "ru"), render_note(est, "ar")
    assert isinstance(fr, str) and isinstance(es, str) and isinstance(ru, str) and isinstance(ar, str)
    assert "aucun crédit supplémentaire ne serait nécessaire au titre du budget-programme" in fr
    assert "'" not in fr and "l’exercice biennal" in fr  # one apostrophe, the typographic one
    assert "no se necesitarían consignaciones adicionales en el presupuesto por programas" in es
    assert "бюджете по программам" in ru and "Генеральной Ассамблеи" in ru
    assert "عملا بالمادة 75 من النظام الداخلي" in ar and "الميزانية البرنامجية" in ar


# -- every spec, every language, every kind -----------------------------------------------------

def _quantities(est) -> list[tuple[str, Range | Decimal | int]]:
    """The quantities the note states for each priced activity (the estimate's own numbers)."""
    from pbi.render.context import build_context

    ctx = build_context(est)
    out: list[tuple[str, Range | Decimal | int]] = []
    for p in ctx.paragraphs:
        if p.kind not in ("cost", "regular_budget"):
            continue
        for g in p.groups:
            if g.quoted:
                continue
            for a in g.activities:
                for name in ("pages", "words", "participants", "copies", "work_months"):
                    value = getattr(a, name, None)
                    if value is not None:
                        out.append((f"{a.id}.{name}", value))
    return out


def _amounts(est) -> list[Range]:
    from pbi.render.context import build_context

    ctx = build_context(est)
    amounts = [g.amount for p in ctx.paragraphs for g in p.groups if not g.covered]
    amounts += [p.data["amount"] for p in ctx.paragraphs if p.kind == "total"]
    return amounts


@pytest.mark.parametrize("lang", NEW)
@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_every_spec_in_every_language_and_kind_states_its_amounts_and_quantities(path, lang):
    est = cost_file(path)
    kinds = _kinds(lang, est)
    assert kinds, "every spec renders in at least one kind"
    for kind in kinds:
        text = render_note(est, lang, "text", kind=kind)
        assert isinstance(text, str)
        assert "{{" not in text and "⟦" not in text and "‖" not in text
        if kind == "financial_note":
            for amount in _amounts(est):
                assert money(amount, lang) in text, (kind, money(amount, lang))
            quantities = _quantities(est)
        else:
            c = est_conclusion(est)
            amounts = [c.additional_total, c.extrabudgetary_total] + [r.amount for r in c.budget_process]
            for amount in amounts:
                if amount.high > 0:
                    assert money(amount, lang) in text, (kind, money(amount, lang))
            quantities = _statement_quantities(est)
        for name, value in quantities:
            shown = {number(value, lang), count_word(value, lang), count_word(value, lang, "f"),
                     count_word(value, lang, "n")}
            assert any(s in text for s in shown), (kind, name, shown)
        # no number written the English way, and no English left in the note
        assert not re.search(r"\d,\d{3}\b", text)
        assert not re.search(r"\b(the|of the|would be|and the)\b", text), re.findall(r".{30}\bthe\b.{30}", text)
        for fmt in ("md", "html"):
            assert render_note(est, lang, fmt, kind=kind)


def est_conclusion(est):
    from pbi.costing.conclusions import conclude

    return conclude(est)


def _statement_quantities(est) -> list[tuple[str, Range | Decimal | int]]:
    """The quantities a statement's activities state: words or pages, participants, work-months."""
    from pbi.render.statement import build_statement_context

    ctx = build_statement_context(est)
    out: list[tuple[str, Range | Decimal | int]] = []
    for line in [*ctx.activities, *ctx.covered]:
        a = line.activity
        for name in ("words", "participants", "work_months"):
            value = getattr(a, name, None)
            if value is not None:
                out.append((f"{a.id}.{name}", value))
        if a.pages is not None and a.words is None and a.kind in ("documentation", "publication"):
            out.append((f"{a.id}.pages", a.pages))
    return out


def _annex_07_without(tmp_path, *starts):
    """Annex VII's spec (and its entitlements) in ``tmp_path`` without the lines that start with ``starts``."""
    src = (ROOT / "notes" / "ctoc-cop-2010-17" / "annex-07.yaml").read_text(encoding="utf-8")
    lines = [line for line in src.splitlines() if not line.lstrip().startswith(starts)]
    assert len(lines) == len(src.splitlines()) - len(starts)
    bad = tmp_path / "annex-07.yaml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "entitlements.yaml").write_text(
        (ROOT / "notes" / "ctoc-cop-2010-17" / "entitlements.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return bad


def test_a_missing_translation_names_its_key(tmp_path):
    bad = _annex_07_without(tmp_path, "fr: Lutte contre")
    with pytest.raises(RenderError) as err:
        render_note(cost_file(bad), "fr")
    message = str(err.value)
    assert message.startswith(f"{bad}:") and "title: no fr text (en: 'Combating transnational" in message
    assert render_note(cost_file(bad), "es")  # the other languages are still complete


def test_a_missing_phrase_names_its_key(tmp_path):
    src = (ROOT / "notes" / "ctoc-cop-2010-17" / "annex-08.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "annex-08.yaml"
    bad.write_text(src.replace("location: Vienna", "location: Bangkok"), encoding="utf-8")
    with pytest.raises(RenderError, match=r"no fr entry for places\.Bangkok"):
        render_note(cost_file(bad), "fr")


def test_cli_writes_every_format_in_every_new_language(tmp_path, capsys):
    from pbi.cli import main

    spec = str(ROOT / "notes" / "ctoc-cop-2010-17" / "annex-08.yaml")
    for lang in NEW:
        for suffix in ("txt", "md", "html", "docx"):
            out = tmp_path / f"n-{lang}.{suffix}"
            args = ["note", spec, "--lang", lang, "-o", str(out)] + (["--format", "text"] if suffix == "txt" else [])
            assert main(args) == 0, capsys.readouterr().err
            assert out.stat().st_size > 1000
    html = (tmp_path / "n-ar.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="ar" dir="rtl">' in html and '<meta charset="utf-8">' in html
    assert '<html lang="fr" dir="ltr">' in (tmp_path / "n-fr.html").read_text(encoding="utf-8")


# -- Word files ---------------------------------------------------------------------------------

def _xml(data: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(part).decode("utf-8")


@pytest.mark.parametrize("lang", SUPPORTED)
def test_word_file_a_document_control_desk_would_accept(lang):
    docx = pytest.importorskip("docx")
    from docx.shared import Mm

    from pbi.render.docx import COLUMNS_CM, FONTS, LANGUAGE_TAGS

    est = cost_file(ROOT / "notes" / "ctoc-cop-2010-17" / "annex-05.yaml")
    data = render_note(est, lang, "docx")
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    assert section.left_margin is not None and section.left_margin > Mm(20)
    styles = _xml(data, "word/styles.xml")
    ascii_font, east_asia, complex_script = FONTS[lang]
    assert f'w:eastAsia="{east_asia}"' in styles and f'w:cs="{complex_script}"' in styles
    assert 'w:asciiTheme' not in styles.split("</w:docDefaults>")[0]
    val, east, bidi = LANGUAGE_TAGS[lang]
    assert f'w:val="{val}" w:eastAsia="{east}" w:bidi="{bidi}"' in styles
    settings = _xml(data, "word/settings.xml")
    assert f'<w:themeFontLang w:val="{val}" w:eastAsia="{east}" w:bidi="{bidi}"/>' in settings
    # no Word heading style (blue): the title has a black style of its own
    assert not [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    texts = [p.text for p in document.paragraphs]
    assert "CTOC/COP/2010/17" in texts
    assert {"22 October 2010", "22 octobre 2010", "22 de octubre de 2010"} & set(texts)
    # the resource table: sized columns, header and total row, amounts as the body writes them
    table = document.tables[0]
    widths = [round(c.width.cm, 1) for c in table.rows[1].cells]
    assert widths == list(COLUMNS_CM)
    rows = [[c.text for c in r.cells] for r in table.rows]
    body = render_note(est, lang, "text")
    assert isinstance(body, str)
    for row in rows[1:-1]:
        assert row[3] in body, row[3]
    assert rows[-1][3] == money(Range(Decimal(1716440), Decimal(2116440)), lang)
    document_xml = _xml(data)
    assert ("<w:bidi/>" in document_xml and "<w:bidiVisual/>" in document_xml) == (lang == "ar")
    assert "w:footnoteReference" in document_xml if lang in NEW else True


def test_the_chinese_table_writes_amounts_as_the_body_does():
    docx = pytest.importorskip("docx")
    est = cost_file(ROOT / "notes" / "ctoc-cop-2010-17" / "annex-05.yaml")
    data = render_note(est, "zh", "docx")
    assert isinstance(data, bytes)
    rows = [[c.text for c in r.cells] for r in docx.Document(io.BytesIO(data)).tables[0].rows]
    assert ["政府间工作组", "经常预算", "2011", "227,600 美元"] in rows
    assert "227,600 美元" in str(render_note(est, "zh", "text"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; "
                                                            "the PDF check runs where it is")
def test_libreoffice_renders_the_arabic_file_right_to_left(tmp_path):
    est = cost_file(ROOT / "notes" / "ctoc-cop-2010-17" / "annex-04.yaml")
    path = tmp_path / "note-ar.docx"
    data = render_note(est, "ar", "docx")
    assert isinstance(data, bytes)
    path.write_bytes(data)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "note-ar.pdf").stat().st_size > 10000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "note-ar.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "223 700" in text.replace("\u00a0", " ")  # the number stays one number inside Arabic text


@pytest.mark.parametrize("lang", NEW)
def test_statement_word_file_keeps_parts_table_and_direction(lang):
    docx = pytest.importorskip("docx")
    est = cost_file(ROOT / "notes" / "e-2011-30" / "ga-66" / "draft-resolution-a-i.yaml")
    data = render_note(est, lang, "docx", kind="statement")
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    note = build_note(est, lang, "statement")
    texts = [p.text for p in document.paragraphs]
    assert [p.part for p in note.paragraphs if p.part] == [t for t in texts if t in {p.part for p in note.paragraphs}]
    assert not [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == list(note.table_header)
    assert ("<w:bidiVisual/>" in _xml(data)) == (lang == "ar")
    assert note.paragraphs[0].part.startswith("أولا - " if lang == "ar" else "I. ")


@pytest.mark.parametrize("lang", NEW)
def test_the_phrases_name_no_section(lang):
    """Budget sections are named in model/vocabulary.yaml only (by budget period): the phrases of a
    language hold no copy of them."""
    import yaml

    phrases = yaml.safe_load((ROOT / "pbi" / "render" / "templates" / "phrases" / f"{lang}.yaml")
                             .read_text(encoding="utf-8"))
    assert "sections" not in phrases



def test_a_missing_translation_names_the_language_of_the_text_it_has(tmp_path):
    """A title that exists only in Chinese, asked for in English, is shown under "zh", not under "en"."""
    bad = _annex_07_without(tmp_path, "en: Combating transnational", "fr: Lutte contre")
    with pytest.raises(RenderError) as err:
        render_note(cost_file(bad), "en")
    message = str(err.value)
    assert "title: no en text (zh: '" in message and "(en: " not in message
