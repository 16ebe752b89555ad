"""Score ``pbi check`` on the check7 statements against their labels (written before pbi read them).

    python tests/data/check7/score.py dev        # the 16 statements worked on
    python tests/data/check7/score.py heldout    # the 4 held out, scored once at the end

Each statement is read as text, as a .docx built with python-docx and as an .html page, as in
check5 and check6 (the scoring is check4's). What is new here: the notes below a rule of underscores
at the foot of a text ("1 The experts would be nominated …") become real Word footnotes in the .docx
(a footnotes part, each marker a footnote reference where the text has "word.1") and a footnote list
under an <hr> in the .html, with the marker as <sup>.
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("check5_score", HERE.parent / "check5" / "score.py")
assert _spec is not None and _spec.loader is not None
check5 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check5)
check4 = check5.check4

_RULE = re.compile(r"^_{5,}\s*$", re.M)
_NOTE = re.compile(r"^(\d{1,2}) (.+)$")
_MARK = re.compile(r"(?<=[.,;:a-z\)])(\d{1,2})(?=\s|$)")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def split_footnotes(text: str) -> tuple[str, dict[str, str]]:
    """The body of a statement and its footnotes by marker (the lines under a rule of underscores)."""
    parts = _RULE.split(text, maxsplit=1)
    if len(parts) == 1:
        return text, {}
    notes: dict[str, str] = {}
    for line in parts[1].splitlines():
        m = _NOTE.match(line.strip())
        if m:
            notes[m.group(1)] = m.group(2)
    return parts[0].rstrip() + "\n", notes


def _footnotes_part(document, notes: dict[str, str]) -> dict[str, int]:
    """Add a footnotes part holding ``notes``; the Word id of each marker."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    ids = {mark: i + 1 for i, mark in enumerate(notes)}
    body = "".join(
        f'<w:footnote w:id="{ids[m]}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {html.escape(t)}</w:t></w:r></w:p></w:footnote>'
        for m, t in notes.items())
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           f'</w:p></w:footnote>{body}</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, _FOOTNOTES_RT)
    return ids


def to_docx(text: str, out: Path) -> Path:
    """check4's Word file, with the notes under the rule as Word footnotes."""
    import docx
    from docx.oxml import parse_xml

    body, notes = split_footnotes(text)
    check4.to_docx(body, out)
    if not notes:
        return out
    document = docx.Document(str(out))
    ids = _footnotes_part(document, notes)
    for paragraph in document.paragraphs:
        m = _MARK.search(paragraph.text)
        if not m or m.group(1) not in ids or not paragraph.text.rstrip().endswith(m.group(0)):
            continue
        text_before = paragraph.text[: m.start()]
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        paragraph.add_run(text_before)
        paragraph._p.append(parse_xml(
            f'<w:r xmlns:w="{_W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{ids[m.group(1)]}"/></w:r>'))
    document.save(str(out))
    return out


def to_html(text: str, out: Path) -> Path:
    """check5's HTML page, markers as <sup>, the notes under an <hr> at the foot."""
    body, notes = split_footnotes(text)
    check5.to_html(body, out)
    if not notes:
        return out
    page = out.read_text(encoding="utf-8")
    page = re.sub(r"(?<=[.,;:a-z\)])(\d{1,2})</p>",
                  lambda m: f"<sup>{m.group(1)}</sup></p>" if m.group(1) in notes else m.group(0), page)
    foot = "".join(f'<p class="footnote"><sup>{m}</sup> {html.escape(t)}</p>' for m, t in notes.items())
    out.write_text(page.replace("</body>", f"<hr/>{foot}</body>"), encoding="utf-8")
    return out


def as_text_word_and_html(txt: Path, tmp: Path) -> dict[str, Path]:
    """A statement as its text file, a .docx and an .html page built from it."""
    text = txt.read_text(encoding="utf-8")
    return {"txt": txt, "docx": to_docx(text, tmp / (txt.stem + ".docx")),
            "html": to_html(text, tmp / (txt.stem + ".html"))}


def main(which: str, verbose: bool = False) -> None:
    check4.main(which, verbose, folder=HERE, forms=as_text_word_and_html)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev", "-v" in sys.argv)
