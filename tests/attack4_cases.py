"""The fourth round of the attack catalogue: what earlier rounds did not reach (values without
bound in one YAML file, numbers in other scripts' digits, Word tables python-docx cannot read or
expands without bound, quantity sheets without their columns, Markdown quoted a million times).

Run in process by ``tests/test_attacks4_catalogue.py`` and in separate processes under limits by
``benchmarks/attacks.py`` (after the first rounds' cases), with the same verdict.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from collections.abc import Callable

from attack_cases import SPEC, TABLES, Attack, spec

#: the note of a statement in its shortest form, as ``pbi check`` reads it
NOTE = "关于题为“打击跨国有组织犯罪”的决议草案的财务说明\n\n1. 所需经费估计为23,000美元。\n"
#: a draft in its shortest form, as ``pbi draft`` reads it
DRAFT = ["Draft resolution", "The General Assembly,", "1. Requests the Secretary-General to submit a report."]

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')


def word(paragraphs: list[str], before: str = "", after: str = "") -> bytes:
    """A minimal Word file: ``before``, one paragraph per text, ``after`` (raw WordprocessingML)."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{before}{body}{after}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


#: a table cell spanning a hundred million columns: python-docx lists each (minutes, gigabytes)
WIDE_SPAN = ('<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000000"/>'
             '</w:tcPr><w:p/></w:tc></w:tr></w:tbl>')
#: a vertical merge that continues a cell above the first row: python-docx raised ValueError
MERGE_ABOVE = '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>'
#: a list number whose list id is no number: python-docx raised ValueError
BAD_NUMBERING = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="-1"/><w:numId w:val="x"/></w:numPr></w:pPr>'
                 '<w:r><w:t>1</w:t></w:r></w:p>')


def activities(n: int) -> str:
    """The base spec with ``n`` activities in its one request."""
    acts = "".join(f"      - {{id: a{i}, kind: documentation, pages: 16, year: 2012, funding: budget_process}}\n"
                   for i in range(n))
    return SPEC.split("    activities:\n")[0] + "    activities:\n" + acts


def _values(n: int) -> str:
    """A spec with ``n`` more values in one flow list: a few bytes each."""
    return SPEC + "extra: [" + "1," * n + "1]\n"


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def make(d: Path) -> None:
        (d / name).write_bytes(data)
    return make


ATTACKS4: list[Attack] = [
    # ------------------------------------------------------------------ values without bound
    Attack("values", "300,000 values in one spec", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": _values(300_000), **TABLES}, want="more than 200,000 values"),
    Attack("values", "300,000 values in a scenario", ("compare", "{d}/spec.yaml", "--scenario", "{d}/s.yaml"),
           {"spec.yaml": SPEC, "s.yaml": "set: {languages: 4}\nx: [" + "1," * 300_000 + "1]\n", **TABLES},
           want="more than 200,000 values"),
    Attack("values", "full-width digits as pages", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": spec("pages: 16", "pages: '１６'"), **TABLES}, want="digits 0-9"),
    Attack("values", "Arabic-Indic digits in --set", ("compare", "{d}/spec.yaml", "--set",
                                                     "analytical-report.pages=٣٢"),
           {"spec.yaml": SPEC, **TABLES}, want="digits 0-9"),
    Attack("values", "2,001 activities in one spec", ("cost", "{d}/spec.yaml"),
           {"spec.yaml": activities(2_001), **TABLES}, want="more than 2,000 activities"),
    Attack("values", "a workbook of 1,000 activities", ("workbook", "{d}/spec.yaml", "-o", "{d}/w.xlsx"),
           {"spec.yaml": activities(1_000), **TABLES}, expect="ok", want="wrote"),
    Attack("values", "1,001 --set options", ("compare", "{d}/spec.yaml",
                                            *[f"--set=analytical-report.pages={i + 1}" for i in range(1_001)]),
           {"spec.yaml": SPEC, **TABLES}, want="at most 1,000"),
    Attack("values", "calibrate --id that is a path", ("calibrate", "{d}/spec.yaml", "-o", "{d}/t.yaml",
                                                      "--id", "../../etc"),
           {"spec.yaml": SPEC, **TABLES}, want="not a table id", check=lambda d: "t.yaml was written"
           if (d / "t.yaml").exists() else ""),
    # ------------------------------------------------------------------ Word files
    Attack("word", "check: a cell spanning 10^8 columns", ("check", "{d}/n.docx", "--no-rates"),
           setup=_write("n.docx", word(NOTE.splitlines(), before=WIDE_SPAN)), want="spans"),
    Attack("word", "draft: a cell spanning 10^8 columns", ("draft", "{d}/d.docx"),
           setup=_write("d.docx", word(DRAFT, before=WIDE_SPAN)), want="spans"),
    Attack("word", "check: a merge above the first row", ("check", "{d}/n.docx", "--no-rates"),
           setup=_write("n.docx", word(NOTE.splitlines(), before=MERGE_ABOVE)), want="not a readable Word"),
    Attack("word", "draft: a merge above the first row", ("draft", "{d}/d.docx"),
           setup=_write("d.docx", word(DRAFT, before=MERGE_ABOVE)), want="not a readable Word"),
    Attack("word", "check: a list id that is no number", ("check", "{d}/n.docx", "--no-rates"),
           setup=_write("n.docx", word(NOTE.splitlines(), before=BAD_NUMBERING)), expect="ok"),
    Attack("word", "draft: a list id that is no number", ("draft", "{d}/d.docx"),
           setup=_write("d.docx", word(DRAFT, after=BAD_NUMBERING)), expect="ok"),
    Attack("word", "check: 17 MB of empty paragraphs", ("check", "{d}/n.docx", "--no-rates"),
           setup=_write("n.docx", word(NOTE.splitlines(), before="<w:p/>" * 2_900_000)), want="document.xml"),
    # ------------------------------------------------------------------ markup
    Attack("markup", "Markdown quoted 900,000 times", ("check", "{d}/n.md", "--no-rates"),
           setup=_write("n.md", ("> " * 900_000 + "\n").encode() + NOTE.encode()), expect="ok"),
]
