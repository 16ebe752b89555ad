"""The reading rules behind the attack tests, at the level of the functions that hold them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from pbi.model.errors import InputError, TableError
from pbi.model.fileio import guarding_inputs, write_atomic
from pbi.model.money import to_decimal
from pbi.model.tables import find_tables
from pbi.model.yamlio import load_yaml


def _load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path).data


@pytest.mark.parametrize("written, read", [
    ("017", 17), ("-3", -3), ("1.50", "1.50"), ("1e3", "1e3"), ("true", True), ("False", False),
    ("yes", "yes"), ("on", "on"), ("0o17", "0o17"), ("0x1F", "0x1F"), ("1:30", "1:30"), ("1_000", "1_000"),
    ("~", None), ("null", None), ("2010-10-22", dt.date(2010, 10, 22)), ("'12'", "12"),
])
def test_yaml_12_core_scalars(tmp_path: Path, written: str, read: object) -> None:
    assert _load(tmp_path, f"v: {written}\n") == {"v": read}


@pytest.mark.parametrize("text, message", [
    ("a: &x 1\nb: *x\n", "anchors and aliases"),
    ("a: !!str 1\n", "YAML tag"),
    ("a: !!float 1.5\n", "YAML tag"),
    ("a: " + "[" * 50 + "]" * 50 + "\n", "nested deeper than 40"),
    ("a: " + "9" * 41 + "\n", "41 digits"),
    ("a: 2010-02-30\n", "not a date"),
    ("a: 9999-12-31\n", "out of range"),
    ('a: "x\\ey"\n', "control character"),
    ("a: ⟦P⟧\n", "mark up notes"),
])
def test_yaml_refusals(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        _load(tmp_path, text)
    assert info.value.line == 1


@pytest.mark.parametrize("value, message", [
    ("1,5", "comma is ambiguous"), ("12,000", "comma is ambiguous"), ("1_000", "not a number"),
    ("1e13", "ceiling"), (10**13, "ceiling"), ("1e-11", "decimal places"),
])
def test_numbers_refused(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        to_decimal(value)


def test_numbers_at_the_ceiling() -> None:
    assert to_decimal("1e12") == Decimal("1e12")
    assert to_decimal("0.0000000001") == Decimal("1e-10")


def test_table_ids_from_parsed_yaml_and_unique(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text('"id": t1  # a comment\ntitle: A\n', encoding="utf-8")
    (tmp_path / "b.yaml").write_text("{id: t2, title: B}\n", encoding="utf-8")
    assert find_tables(tmp_path) == {"t1": tmp_path / "a.yaml", "t2": tmp_path / "b.yaml"}
    (tmp_path / "c.yaml").write_text("id: t1\ntitle: C\n", encoding="utf-8")
    with pytest.raises(TableError, match="a.yaml: ids must be unique"):
        find_tables(tmp_path)


def test_an_input_is_never_an_output(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("a: 1\n", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(spec)
    (tmp_path / "sub").mkdir()
    with guarding_inputs():
        load_yaml(spec)
        for target in (spec, link, tmp_path / "sub" / ".." / "spec.yaml"):
            with pytest.raises(InputError, match="input of this command"):
                write_atomic(target, "b: 2\n")
        write_atomic(tmp_path / "out.txt", "ok\n")
    assert spec.read_text(encoding="utf-8") == "a: 1\n"
    write_atomic(tmp_path / "out.txt", "again\n")  # outside a command, nothing is guarded


def test_special_files_are_never_outputs(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        write_atomic(fifo, "x")
    with pytest.raises(InputError, match="not a regular file"):
        load_yaml(fifo)
