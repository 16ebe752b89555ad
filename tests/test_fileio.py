import os

import pytest

from pbi.errors import InputError
from pbi.fileio import write_atomic


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
