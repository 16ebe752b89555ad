"""A .docx given to `pbi draft` that inflates without bound: 1.5 MB of Word file that unzips to
1.5 GB of XML took 15 s and 3 GB of memory before failing; it is refused before it is inflated."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pbi.cli import main
from pbi.draft.reader import MAX_DOCX_UNZIPPED

TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
         'wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')


def test_a_docx_that_expands_without_bound_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", TYPES)
        out.writestr("_rels/.rels", RELS)
        with out.open("word/document.xml", "w", force_zip64=True) as handle:
            handle.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                         b'wordprocessingml/2006/main"><w:body>')
            chunk = b" " * (1 << 24)
            for _ in range(MAX_DOCX_UNZIPPED // len(chunk) + 1):
                handle.write(chunk)
            handle.write(b"</w:body></w:document>")
    assert bomb.stat().st_size < 1_000_000
    before = bomb.read_bytes()
    rc = main(["draft", str(bomb), "-o", str(tmp_path / "s.yaml")])
    err = capsys.readouterr().err
    assert rc == 2, err
    assert len(err.strip().splitlines()) == 1 and err.startswith(str(bomb) + ":"), err
    assert "expand" in err
    assert bomb.read_bytes() == before and not (tmp_path / "s.yaml").exists()


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not really a zip", b"Draft resolution\n\n1. Requests."])
def test_a_docx_that_is_no_zip(data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "d.docx"
    bad.write_bytes(data)
    rc = main(["draft", str(bad)])
    err = capsys.readouterr().err
    assert rc == 2 and len(err.strip().splitlines()) == 1 and err.startswith(str(bad) + ":"), err
