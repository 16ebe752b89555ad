"""Score ``pbi check`` on the check5 statements against their labels (written before pbi read them).

    python tests/data/check5/score.py dev        # the 16 statements worked on
    python tests/data/check5/score.py heldout    # the 4 held out, scored once at the end

Each statement is read as text, as a .docx built from it with python-docx and as an .html page
(one <p> a paragraph, tables as <table>); the scoring is check4's (tests/data/check4/score.py).
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from pathlib import Path


HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("check4_score", HERE.parent / "check4" / "score.py")
assert _spec is not None and _spec.loader is not None
check4 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check4)
_CAPTION = re.compile(r"^Table\s+\d+|^表\s*\d+|^Tableau\s+\d+|^Cuadro\s+\d+|^Таблица\s+\d+|^الجدول\s+\d+")


def to_html(text: str, out: Path) -> Path:
    """An HTML page of a statement: paragraphs joined from their lines, a table after its caption."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            blocks[-1].append(line)
        else:
            blocks.append([])
    parts = ["<html><body>"]
    in_table = False
    for block in (b for b in blocks if b):
        rows = [check4._CELLS.split(ln.strip()) for ln in block]
        if in_table and sum(len(r) >= 2 for r in rows) >= 2:
            width = max(len(r) for r in rows)
            parts.append("<table>")
            for r in rows:
                cells = [r[0], *[""] * (width - len(r)), *r[1:]]
                parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
            parts.append("</table>")
            in_table = False
            continue
        para: list[str] = []
        for ln in block:
            if para and check4._NEW_PARA.match(ln):
                parts.append(f"<p>{html.escape(' '.join(para))}</p>")
                para = []
            para.append(ln.strip())
        if para:
            parts.append(f"<p>{html.escape(' '.join(para))}</p>")
        in_table = bool(_CAPTION.match(block[0].strip()))
    parts.append("</body></html>")
    out.write_text("\n".join(parts), encoding="utf-8")
    return out


def as_text_word_and_html(txt: Path, tmp: Path) -> dict[str, Path]:
    """A statement as its text file, a .docx and an .html page built from it."""
    return {**check4.as_text_and_word(txt, tmp),
            "html": to_html(txt.read_text(encoding="utf-8"), tmp / (txt.stem + ".html"))}


def main(which: str, verbose: bool = False) -> None:
    check4.main(which, verbose, folder=HERE, forms=as_text_word_and_html)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev", "-v" in sys.argv)
