import os

import pytest

from pbi.model.errors import InputError
from pbi.model.fileio import write_atomic


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "note.txt"
    write_atomic(target, "first")
    write_atomic(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert os.listdir(tmp_path) == ["note.txt"]


def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "note.txt"
    target.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["note.txt"]


def test_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="folder does not exist"):
        write_atomic(tmp_path / "nope" / "x.txt", "x")
    with pytest.raises(InputError, match="is a directory"):
        write_atomic(tmp_path, "x")


@pytest.mark.parametrize("args, name", [
    (["note", "{spec}", "--lang", "en", "-o", "{out}"], "note.txt"),
    (["note", "{spec}", "--format", "docx", "-o", "{out}"], "note.docx"),
    (["cost", "{spec}", "-o", "{out}"], "cost.xlsx"),
    (["compare", "{spec}", "--set", "F09.days=3", "-o", "{out}"], "compare.xlsx"),
])
def test_interrupted_cli_output_keeps_the_old_file(tmp_path, monkeypatch, capsys, args, name):
    from pbi.cli import main

    from _paths import NOTES

    if name.endswith(".docx"):
        pytest.importorskip("docx")
    if name.endswith(".xlsx"):
        pytest.importorskip("openpyxl")
    out = tmp_path / name
    out.write_bytes(b"previous version")
    argv = [a.format(spec=NOTES / "annex-04.yaml", out=out) for a in args]

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    assert main(argv) == 130
    assert out.read_bytes() == b"previous version"
    assert os.listdir(tmp_path) == [name]
    monkeypatch.undo()
    assert main(argv) == 0
    assert out.read_bytes() != b"previous version"
    capsys.readouterr()
