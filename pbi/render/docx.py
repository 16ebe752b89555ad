"""A note as a Word document (python-docx, the ``docx`` extra): heading, numbered paragraphs,
lettered items and a table of the resource requirements."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from pbi.model.errors import RenderError

if TYPE_CHECKING:  # pragma: no cover
    from . import Note

__all__ = ["note_docx"]


def note_docx(note: "Note") -> bytes:
    """The bytes of a .docx file holding ``note``."""
    try:
        import docx
        from docx.shared import Pt
    except ImportError:
        raise RenderError('--format docx needs python-docx: pip install "pbi[docx]"') from None
    document = docx.Document()
    document.add_heading(note.heading, level=1)
    for p in note.paragraphs:
        para = document.add_paragraph(f"{p.number}.\t{p.text}")
        para.paragraph_format.space_after = Pt(6)
        for item in p.items:
            sub = document.add_paragraph(f"{item.label}\t{item.text}")
            sub.paragraph_format.left_indent = Pt(36)
            for s in item.items:
                subsub = document.add_paragraph(f"{s.label}\t{s.text}")
                subsub.paragraph_format.left_indent = Pt(72)
    if note.table:
        document.add_heading("所需资源" if note.lang == "zh" else "Resource requirements", level=2)
        table = document.add_table(rows=1, cols=len(note.table_header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, note.table_header, strict=True):
            cell.text = text
        for row in note.table:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
