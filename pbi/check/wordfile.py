"""The text of a statement saved as a Word file (.docx), as ``pbi check`` reads text.

Each Word paragraph is a line (a number Word draws itself, "1." or "(a)", written out as printed);
each row of a table is a line whose cells stand four spaces apart, as in the statements' text, so
that the table reader of :mod:`pbi.check.tables` finds its columns. Headers, footers and footnotes
are not the statement's text and are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pbi.model.errors import CheckError, InputError
from pbi.model.fileio import MAX_DOCX_UNZIPPED, open_word_document, word_blocks, word_number

__all__ = ["docx_text", "is_docx", "MAX_DOCX_UNZIPPED"]

#: a Word file is a zip: its first bytes
_ZIP_MAGIC = b"PK\x03\x04"
_CELL_GAP = "    "


def is_docx(path: Path, head: bytes) -> bool:
    """``path`` is a Word file: named .docx, or a zip (a Word file saved under another name)."""
    return path.suffix.lower() == ".docx" or head.startswith(_ZIP_MAGIC)


def docx_text(path: Path) -> str:
    """The statement in the Word file ``path`` as text; CheckError (naming the file) when it is
    not a readable Word document."""
    try:
        document = open_word_document(path, beyond="longer than any statement")
    except InputError as exc:
        raise CheckError(exc.message, file=str(path)) from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    counters: dict[tuple[str, int], int] = {}
    lines: list[str] = []
    try:
        for child in word_blocks(document.element.body, file=path):
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                paragraph = Paragraph(child, document)
                number = word_number(paragraph, counters)
                text = paragraph.text
                lines.append(f"{number} {text}" if number else text)
                lines.append("")  # a paragraph ends: a blank line, as between paragraphs of a text
            elif tag == "tbl":
                lines.extend(_rows(Table(child, document)))
                lines.append("")
    except InputError as exc:
        raise CheckError(exc.message, file=str(path)) from None
    except ValueError as exc:  # python-docx on a table Word would not write (a merge above the first row)
        raise CheckError(f"not a readable Word document ({exc})", file=str(path)) from None
    return "\n".join(lines)


def _rows(table: Any) -> list[str]:
    """One line per row, cells four spaces apart; a merged cell (repeated by python-docx) once; an
    empty first cell (above the row labels) left out."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        text = _CELL_GAP.join(c for c in cells if c)
        if text:
            indent = "    " if cells and cells[0] and _indented(row) else ""
            rows.append(indent + text)
            if len(rows) == 1 and len(table.rows) > 1:
                rows.append("-" * 8)  # a Word table's first row is its header: ruled off, as in text
    return rows


def _indented(row: Any) -> bool:
    """The row's label is indented (an object of expenditure under its section)."""
    try:
        p_pr = row.cells[0].paragraphs[0]._p.pPr
        ind = p_pr.ind if p_pr is not None else None
        return ind is not None and bool(ind.left) and int(ind.left) > 0
    except (AttributeError, IndexError):
        return False
