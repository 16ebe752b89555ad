"""check4: a note pbi writes as Markdown, HTML or Word reads back with ``pbi check`` exactly as its
text does (the same claims, the same findings): the formats `pbi note` writes are formats `pbi check`
reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.check import check_files, read_path
from pbi.costing.api import cost_file

from _paths import ROOT

CASES = [
    ("notes/ga-statements/st-d13-a-c-5-78-19.yaml", "statement", "en"),
    ("notes/e-2011-30/draft-resolution-a-ii.yaml", "statement", "zh"),
    ("notes/e-2011-30/draft-resolution-b-i.yaml", "statement", "fr"),
    ("notes/ctoc-cop-2010-17/annex-05.yaml", "financial_note", "zh"),
    ("notes/ctoc-cop-2010-17/annex-08.yaml", "financial_note", "en"),
    ("notes/e-2011-30/draft-resolution-a-i.yaml", "statement", "es"),
    ("examples/ga-2025-draft.yaml", "statement", "en"),
]


def _summary(path: Path) -> tuple[list[tuple[str, object, object]], list[tuple[str, str]]]:
    claims = sorted((c.paragraph.split(" (table")[0], c.low, c.high) for n in read_path(path) for c in n.claims)
    rep = check_files([path])
    return claims, sorted((f.severity, f.message) for _, f in rep.findings)


@pytest.mark.parametrize("spec, kind, lang", CASES)
@pytest.mark.parametrize("fmt, suffix", [("md", ".md"), ("html", ".html"), ("docx", ".docx")])
def test_formats_read_as_the_text(spec: str, kind: str, lang: str, fmt: str, suffix: str, tmp_path: Path) -> None:
    from pbi.render import render_note

    if fmt == "docx":
        pytest.importorskip("docx")
    try:
        est = cost_file(ROOT / spec)
        text = render_note(est, lang, "text", kind=kind)
        other = render_note(est, lang, fmt, kind=kind)
    except Exception as exc:  # a combination the renderer does not write is no case
        pytest.skip(f"not written: {exc}")
    plain = tmp_path / "note.txt"
    plain.write_text(str(text), encoding="utf-8")
    written = tmp_path / f"note{suffix}"
    if isinstance(other, bytes):
        written.write_bytes(other)
    else:
        written.write_text(other, encoding="utf-8")
    want = _summary(plain)
    assert want[0], "the text states amounts"
    got = _summary(written)
    if fmt != "docx" or kind == "statement":
        assert got == want
        return
    # a financial note's Word file adds its resource table (an item a row, and their total): every
    # claim of the text, and the same errors and warnings; the table's total adds up
    rest = list(got[0])
    for claim in want[0]:
        rest.remove(claim)
    assert rest, "the resource table is read"
    alarms = [f for f in got[1] if f[0] != "info"]
    assert alarms == [f for f in want[1] if f[0] != "info"]
    if all(low == high for _, low, high in got[0]):  # a range in the table leaves its total unchecked
        assert any("(table: " in m and "total" in m and " = sum of " in m for _, m in got[1])
