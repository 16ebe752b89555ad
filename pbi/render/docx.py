"""A note as a Word document (python-docx, the ``docx`` extra), laid out as a UN document.

- A4 pages with the margins of :data:`MARGINS_MM`;
- fonts per script set for ASCII, East Asian and complex scripts (:data:`FONTS`), the language tag
  of the note on every run (``w:lang`` val / eastAsia / bidi) and in the settings (``w:themeFontLang``),
  so that Chinese is set in SimSun as zh-CN and Arabic in an Arabic font as ar-SA;
- right to left for Arabic: ``w:bidi`` on paragraphs, ``w:rtl`` on runs, ``w:bidiVisual`` on tables;
- the masthead (organization, symbol, distribution, date, language of the version, original
  language), a title in a black bold style of its own (never Word's blue headings);
- numbered paragraphs with hanging numbers, lettered items and sub-items;
- footnotes, as Word footnotes, when the note has them;
- page numbers (a ``PAGE`` field) at the foot of every page, and the symbol at the head of every page
  after the first;
- the resource table with sized columns, a header row repeated on each page and a total row, its
  amounts written as the body writes them (:func:`pbi.render.numbers.money`).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from pbi.model.errors import RenderError

if TYPE_CHECKING:  # pragma: no cover
    from . import Note

__all__ = ["note_docx", "FONTS", "LANGUAGE_TAGS", "MARGINS_MM", "COLUMNS_CM"]

#: A4 margins in millimetres (top, bottom, left, right): a 16.6 cm text block
MARGINS_MM = (25.0, 25.0, 22.0, 22.0)
#: widths of the resource table's columns: item, funding, year, amount (16.5 cm in all)
COLUMNS_CM = (6.4, 4.2, 1.4, 4.5)
#: fonts per language: (ascii and hAnsi, eastAsia, complex script)
FONTS: dict[str, tuple[str, str, str]] = {
    "en": ("Times New Roman", "SimSun", "Times New Roman"),
    "fr": ("Times New Roman", "SimSun", "Times New Roman"),
    "es": ("Times New Roman", "SimSun", "Times New Roman"),
    "ru": ("Times New Roman", "SimSun", "Times New Roman"),
    "zh": ("Times New Roman", "SimSun", "Times New Roman"),
    "ar": ("Times New Roman", "SimSun", "Simplified Arabic"),
}
#: language tags: (w:val, w:eastAsia, w:bidi)
LANGUAGE_TAGS: dict[str, tuple[str, str, str]] = {
    "en": ("en-GB", "zh-CN", "ar-SA"),
    "fr": ("fr-FR", "zh-CN", "ar-SA"),
    "es": ("es-ES", "zh-CN", "ar-SA"),
    "ru": ("ru-RU", "zh-CN", "ar-SA"),
    "zh": ("en-US", "zh-CN", "ar-SA"),
    "ar": ("en-US", "zh-CN", "ar-SA"),
}
_ORGANIZATION = {"en": "United Nations", "fr": "Nations Unies", "es": "Naciones Unidas",
                 "ru": "Организация Объединенных Наций", "ar": "الأمم المتحدة", "zh": "联合国"}
_BODY_PT = 10.5
_TITLE_STYLE = "Note Title"


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    result: str = qn(tag)
    return result


def _set_fonts(rpr: Any, lang: str) -> None:
    """Fonts and language tag of a run or style property element (w:rPr)."""
    from docx.oxml import OxmlElement

    ascii_font, east_asia, complex_script = FONTS[lang]
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):  # theme fonts would override the named ones (w:cstheme is lower case)
        if attr.lower().endswith("theme"):
            del fonts.attrib[attr]
    for attr, value in (("w:ascii", ascii_font), ("w:hAnsi", ascii_font), ("w:eastAsia", east_asia),
                        ("w:cs", complex_script)):
        fonts.set(_qn(attr), value)
    tag = rpr.find(_qn("w:lang"))
    if tag is None:
        tag = OxmlElement("w:lang")
        rpr.append(tag)
    val, east, bidi = LANGUAGE_TAGS[lang]
    tag.set(_qn("w:val"), val)
    tag.set(_qn("w:eastAsia"), east)
    tag.set(_qn("w:bidi"), bidi)


def _on(parent: Any, tag: str) -> Any:
    """The child ``tag`` of ``parent``, created if missing."""
    from docx.oxml import OxmlElement

    child = parent.find(_qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.append(child)
    return child


#: what follows ``w:bidi`` in a paragraph's properties (the schema's order, which Word holds to)
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
               "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
               "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _bidi(ppr: Any) -> None:
    """A right-to-left paragraph: ``w:bidi`` in its place among the paragraph's properties, before its
    spacing, indentation and alignment, however they were set."""
    from docx.oxml import OxmlElement

    if ppr.find(_qn("w:bidi")) is None:
        ppr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _setup(document: Any, lang: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.shared import Mm, Pt, RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)

    styles = document.styles
    defaults = styles.element.find(_qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = _on(_on(defaults, "w:rPrDefault"), "w:rPr")
        _set_fonts(rpr_default, lang)
    normal = styles["Normal"]
    normal.font.size = Pt(_BODY_PT)
    normal.font.name = FONTS[lang][0]
    _set_fonts(normal.element.get_or_add_rPr(), lang)
    normal.paragraph_format.space_after = Pt(6)
    if lang in ("ar",):
        _bidi(normal.element.get_or_add_pPr())
        _on(normal.element.get_or_add_rPr(), "w:rtl")
    title = styles.add_style(_TITLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = normal
    title.font.bold = True
    title.font.cs_bold = True
    title.font.size = Pt(12)
    title.font.color.rgb = RGBColor(0, 0, 0)
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(12)
    title.paragraph_format.keep_with_next = True

    settings = document.settings.element
    theme_lang = settings.find(_qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.append(theme_lang)
    val, east, bidi = LANGUAGE_TAGS[lang]
    theme_lang.set(_qn("w:val"), val)
    theme_lang.set(_qn("w:eastAsia"), east)
    theme_lang.set(_qn("w:bidi"), bidi)
    document.core_properties.language = LANGUAGE_TAGS[lang][1 if lang == "zh" else 2 if lang == "ar" else 0]


def _paragraph(document: Any, text: str, lang: str, *, style: str | None = None, indent_cm: float = 0.0,
               hanging_cm: float = 0.0, align: str = "justify", bold: bool = False, size: float | None = None) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    para = document.add_paragraph(style=style)
    run = para.add_run(text)
    run.bold = bold or None
    run.font.cs_bold = bold or None
    if size:
        run.font.size = Pt(size)
    fmt = para.paragraph_format
    if indent_cm or hanging_cm:
        fmt.left_indent = Cm(indent_cm + hanging_cm)
        fmt.first_line_indent = Cm(-hanging_cm)
        if hanging_cm:
            fmt.tab_stops.add_tab_stop(Cm(indent_cm + hanging_cm))
    fmt.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "end": WD_ALIGN_PARAGRAPH.RIGHT,
                     "start": WD_ALIGN_PARAGRAPH.LEFT}[align]
    if lang == "ar":  # Word reads w:jc "left"/"right" of a right-to-left paragraph as its start/end
        _bidi(para._p.get_or_add_pPr())
        _on(run._r.get_or_add_rPr(), "w:rtl")
    return para


def _masthead(document: Any, note: "Note") -> None:
    """Organization and symbol, then distribution, date, language of the version and original
    language on the end side (in Arabic documents these lines are English, set left to right)."""
    header = note.header
    lang = note.lang
    latin = "en" if lang == "ar" else lang  # a left-to-right line inside a right-to-left document
    _paragraph(document, _ORGANIZATION[lang], lang, align="start", bold=True, size=12)
    if header.get("symbol"):
        _paragraph(document, header["symbol"], latin, align="start" if lang == "ar" else "end", bold=True, size=12)
    for key in ("distribution", "date", "language", "original"):
        value = header.get(key, "")
        if not value or (key == "language" and value == "English"):
            continue
        _paragraph(document, value, latin, align="start" if lang == "ar" else "end")


def _widths(columns: int, resource: bool) -> tuple[float, ...]:
    """Column widths (cm): the resource table's own, else a wide first column and equal amounts."""
    if resource:
        return COLUMNS_CM
    rest = min(2.8, 10.5 / max(columns - 1, 1))
    return (round(16.5 - rest * (columns - 1), 2), *(rest for _ in range(columns - 1)))


def _table(document: Any, note: "Note", *, heading: bool = True) -> None:
    """The table of the note: sized columns, a header row repeated on each page, rows that never
    split, a total row in bold; amounts at the end of their cells."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    lang = note.lang
    if heading:
        _paragraph(document, note.header.get("table_heading", ""), lang, style=_TITLE_STYLE, align="start")
    rows: list[tuple[str, ...]] = [note.table_header, *note.table]
    if note.table_total:
        rows.append((note.header.get("total", ""), *("" for _ in note.table_header[2:]), note.table_total))
    # the financial note's resource table (item, funding, year, amount), not a statement's table of
    # objects of expenditure by year, which may have as many columns (two years and the total)
    resource = len(note.table_header) == len(COLUMNS_CM) and not any(
        h.strip()[:4].isdigit() for h in note.table_header[1:])
    widths = _widths(len(note.table_header), resource)
    table = document.add_table(rows=len(rows), cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(_qn("w:type"), "fixed")
    tbl_pr.append(layout)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "bottom", "insideH"):
        line = OxmlElement(f"w:{edge}")
        line.set(_qn("w:val"), "single")
        line.set(_qn("w:sz"), "4")
        line.set(_qn("w:color"), "000000")
        borders.append(line)
    tbl_pr.append(borders)
    if lang == "ar":
        tbl_pr.append(OxmlElement("w:bidiVisual"))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    last = len(rows) - 1
    first_amount = 2 if resource else 1  # the resource table's year column is numeric too
    for r, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        _on(row._tr.get_or_add_trPr(), "w:cantSplit")  # a row never breaks across pages
        if r == 0:  # the header row repeats on every page
            _on(row._tr.get_or_add_trPr(), "w:tblHeader")
        for c, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Cm(widths[c])
            para = cell.paragraphs[0]
            indent = len(text) - len(text.lstrip(" "))
            run = para.add_run(text.strip(" "))
            if indent:
                para.paragraph_format.left_indent = Cm(0.25 * indent)
            # bold: the header and the total row; in a statement's table every row that is not indented
            # (section titles, totals, staff assessment) — objects of expenditure and subtotals are not
            strong = r == 0 or (r == last if note.table_total else not values[0].startswith(" "))
            run.bold = strong or None
            run.font.cs_bold = strong or None
            numeric = c >= first_amount and r > 0
            if lang == "ar":
                _bidi(para._p.get_or_add_pPr())
                _on(run._r.get_or_add_rPr(), "w:rtl")
            # amounts at the end of their cells, words at the start: Word reads "left"/"right" of a
            # right-to-left paragraph as its start/end, so the values are those of a left-to-right one
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT


def _footnotes(document: Any, paragraph: Any, notes: list[str], lang: str) -> None:
    """Word footnotes (a footnotes part) referenced at the end of ``paragraph``."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = [f'<w:footnotes {w}>',
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
            '</w:p></w:footnote>']
    from xml.sax.saxutils import escape

    rtl = "<w:bidi/>" if lang == "ar" else ""
    for i, text in enumerate(notes, start=1):
        body.append(f'<w:footnote w:id="{i}"><w:p><w:pPr>{rtl}</w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
                    f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
                    f'</w:p></w:footnote>')
    body.append("</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                "".join(body).encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    for i in range(1, len(notes) + 1):
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        align = OxmlElement("w:vertAlign")
        align.set(_qn("w:val"), "superscript")
        rpr.append(align)
        run.append(rpr)
        ref = OxmlElement("w:footnoteReference")  # marked * as UN documents mark a heading's footnote
        ref.set(_qn("w:customMarkFollows"), "1")
        ref.set(_qn("w:id"), str(i))
        run.append(ref)
        mark = OxmlElement("w:t")
        mark.text = "*" * i
        run.append(mark)
        paragraph._p.append(run)


def _page_field(paragraph: Any) -> None:
    """A ``PAGE`` field (the page's number, as Word counts it) at the end of ``paragraph``."""
    from docx.oxml import OxmlElement

    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        run = OxmlElement("w:r")
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(_qn("w:fldCharType"), kind)
            run.append(char)
        else:
            node = OxmlElement("w:instrText" if text == "PAGE" else "w:t")
            node.set(_qn("xml:space"), "preserve")
            node.text = f" {text} " if text == "PAGE" else text
            run.append(node)
        paragraph._p.append(run)


def _running_lines(document: Any, note: "Note") -> None:
    """The page number at the foot of every page (centred); the symbol at the head of the pages after
    the first (the first page has the masthead)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    section.different_first_page_header_footer = True
    for footer in (section.footer, section.first_page_footer):
        para = footer.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if note.lang == "ar":
            _bidi(para._p.get_or_add_pPr())
        _page_field(para)
    symbol = note.header.get("symbol", "")
    if symbol:
        para = section.header.paragraphs[0]
        para.add_run(symbol).bold = True
        para.alignment = WD_ALIGN_PARAGRAPH.LEFT


def note_docx(note: "Note") -> bytes:
    """The bytes of a .docx file holding ``note``."""
    try:
        import docx
    except ImportError:
        raise RenderError('--format docx needs python-docx: pip install "pbi[docx]"') from None
    from . import paragraph_number

    lang = note.lang
    document = docx.Document()
    _setup(document, lang)
    _running_lines(document, note)
    _masthead(document, note)
    for line in note.preamble:
        _paragraph(document, line, lang, align="start")
    title = _paragraph(document, note.heading, lang, style=_TITLE_STYLE, align="start")
    if note.subtitle:
        _paragraph(document, note.subtitle, lang, align="start").runs[0].italic = True
    placed = note.table_after is not None
    for p in note.paragraphs:
        if p.part:
            _paragraph(document, p.part, lang, style=_TITLE_STYLE, align="start")
        _paragraph(document, f"{paragraph_number(p.number, lang)}\t{p.text}", lang, hanging_cm=1.0)
        for item in p.items:
            _paragraph(document, f"{item.label}\t{item.text}", lang, indent_cm=1.0, hanging_cm=1.0)
            for s in item.items:
                _paragraph(document, f"{s.label}\t{s.text}", lang, indent_cm=2.0, hanging_cm=1.0)
        if placed and p.number == note.table_after and note.table:
            _table(document, note, heading=False)
    if note.assumptions:
        _paragraph(document, note.assumptions_title, lang, style=_TITLE_STYLE, align="start")
        for a in note.assumptions:
            _paragraph(document, a, lang, style="List Bullet", align="start")
    if note.footnotes:
        _footnotes(document, title, note.footnotes, lang)
    if note.table and not placed:
        _table(document, note)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
