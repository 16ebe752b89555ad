"""check4: ``pbi check`` reads a statement saved as a Word file (.docx) as it reads its text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pbi.check import read_path
from pbi.model.errors import CheckError

docx = pytest.importorskip("docx")

DATA = Path(__file__).parent / "data" / "check4" / "dev"


def _amounts(path: Path) -> list[str]:
    return sorted(format(c.low, "f") for n in read_path(path) for c in n.claims if c.low is not None)


def _word(text: str, out: Path) -> Path:
    sys.path.insert(0, str(DATA.parent))
    try:
        from score import to_docx  # the scorer's builder: paragraphs joined, tables as Word tables
    finally:
        sys.path.pop(0)
    return to_docx(text, out)


@pytest.mark.parametrize("name", ["en03-ecosoc", "zh01-ga", "fr01-ag"])
def test_docx_reads_as_the_text(name: str, tmp_path: Path) -> None:
    txt = DATA / f"{name}.txt"
    word = _word(txt.read_text(encoding="utf-8"), tmp_path / f"{name}.docx")
    assert _amounts(word) == _amounts(txt)
    assert _amounts(word)


def test_docx_numbered_by_word(tmp_path: Path) -> None:
    """Paragraph numbers Word draws itself ("List Number") are read as printed."""
    d = docx.Document()
    d.add_paragraph("Programme budget implications of draft resolution A/C.3/80/L.90")
    d.add_paragraph("Under operative paragraph 3 of draft resolution A/C.3/80/L.90, the General Assembly "
                    "would request a report.", style="List Number")
    d.add_paragraph("The report would require $24,500 under section 2 in 2026.", style="List Number")
    d.add_paragraph("Additional requirements of $24,500 would be charged against the contingency fund.",
                    style="List Number")
    path = tmp_path / "statement.docx"
    d.save(str(path))
    notes = read_path(path)
    assert [p.number for p in notes[0].paragraphs] == ["1", "2", "3"]
    assert notes[0].symbol == "A/C.3/80/L.90"


def test_damaged_docx_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CheckError, match="not a readable Word document"):
        read_path(bad)
    run = subprocess.run([sys.executable, "-m", "pbi", "check", str(bad)], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0 and str(bad) in run.stderr
    assert "Traceback" not in run.stderr


def test_binary_text_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Programme budget implications\n 1. caf\xe9 $100\n".encode("latin-1"))
    with pytest.raises(CheckError) as err:
        read_path(bad)
    assert f"{bad}:2:" in str(err.value)


@pytest.mark.parametrize("head, says", [(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF file"),
                                        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Word 97-2003")])
def test_a_pdf_or_old_word_file_is_named(head: bytes, says: str, tmp_path: Path) -> None:
    path = tmp_path / "statement.bin"
    path.write_bytes(head + b"\x00" * 64)
    with pytest.raises(CheckError) as err:
        read_path(path)
    assert says in str(err.value) and f"{path}:1:" in str(err.value)
