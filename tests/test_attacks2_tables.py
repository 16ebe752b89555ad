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


def test_one_id_in_two_folders_is_refused_by_check_and_draft_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """`pbi cost` refused two different tables of one id; `pbi check` and `pbi draft` took the first."""
    note = ("Programme budget implications of draft resolution A/C.3/80/L.9\n\n"
            "1. Under the draft resolution, the General Assembly would request a report.\n\n"
            "2. An additional appropriation of $24,500 would be required under section 2 of the programme "
            "budget for 2025 for one report of 8,500 words in six languages.\n")
    draft = ("Draft resolution\n\nThe General Assembly,\n\n1. Requests the Secretary-General to submit a report "
             "to the General Assembly at its eighty-first session;\n")
    inputs = write(tmp_path, {"a/t.yaml": table("'2025-01-01': '0.4796'", "'2025-01-01': '0.5'"),
                              "b/t.yaml": table("'2025-01-01': '0.4796'", "'2025-01-01': '0.6'"),
                              "note.txt": note, "draft.txt": draft})
    monkeypatch.setenv("PBI_TABLES", f"{tmp_path / 'a'}:{tmp_path / 'b'}")
    for argv in (["check", str(tmp_path / "note.txt")], ["draft", str(tmp_path / "draft.txt")]):
        err = refused(argv, capsys, inputs, want="which differ")
        assert "a/t.yaml" in err and "b/t.yaml" in err
