"""Hostile cost tables and table folders: refused in one line naming the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from attack2_helpers import SPEC, refused, table, write


@pytest.mark.parametrize("percent", ["'-5'", "'100'", "'1000'", "'100000000000'"])
def test_staff_assessment_outside_a_percentage(percent: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A staff assessment of -5 or 1,000 per cent printed a negative or absurd section 36 in the note."""
    inputs = write(tmp_path, {"spec.yaml": SPEC, "t/t.yaml": table("  percent: '19.9'", f"  percent: {percent}")})
    monkeypatch.setenv("PBI_TABLES", str(tmp_path / "t"))
    err = refused(["note", str(tmp_path / "spec.yaml"), "--lang", "en"], capsys, inputs)
    assert "t.yaml:48: staff_assessment.percent:" in err


@pytest.mark.parametrize("entry", ["file", "missing"])
def test_pbi_tables_entry_that_is_no_folder(entry: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """PBI_TABLES naming a table file, or a folder that is not there, was ignored: the spec was priced
    with the table that comes with pbi, and nothing said so."""
    inputs = write(tmp_path, {"spec.yaml": SPEC, "t/t.yaml": table("'2025-01-01': '0.4796'", "'2025-01-01': '0.5'")})
    target = tmp_path / ("t/t.yaml" if entry == "file" else "no-such-folder")
    monkeypatch.setenv("PBI_TABLES", str(target))
    err = refused(["reproduce", str(tmp_path / "spec.yaml")], capsys, inputs, want="PBI_TABLES")
    assert str(target) in err


def test_pbi_tables_overlong_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    inputs = write(tmp_path, {"spec.yaml": SPEC})
    monkeypatch.setenv("PBI_TABLES", "/" + "a" * 5000)
    err = refused(["reproduce", str(tmp_path / "spec.yaml")], capsys, inputs, want="PBI_TABLES")
    assert len(err) < 600


def test_pbi_tables_empty_folder_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """An empty folder is a folder: the id is then found among the tables that come with pbi."""
    from attack2_helpers import run

    write(tmp_path, {"spec.yaml": SPEC, "empty/.keep": ""})
    monkeypatch.setenv("PBI_TABLES", str(tmp_path / "empty"))
    code, out, err = run(["reproduce", str(tmp_path / "spec.yaml")], capsys)
    assert code == 0 and "24,500" in out, err
