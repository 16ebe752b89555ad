"""Seventh round of attacks: an error stays on one line whatever a file name, key or value holds (a
newline, a carriage return, U+2028), and a signal ends pbi with one line, exit 130 or 143 and no file
left behind, whenever it arrives after pbi has started. Each run is a separate process, as a user's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _paths import ROOT
from pbi.model.errors import SpecError, one_line

SPEC = (ROOT / "examples" / "ga-2025-draft.yaml").read_text(encoding="utf-8")


def _pbi(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "pbi", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def _one_line_refusal(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def _refused_beside_spec(args: tuple[str, ...], folder: Path) -> str:
    """The one line pbi refuses ``args`` with, ``{spec}`` standing for a spec written in ``folder``."""
    spec = folder / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return _one_line_refusal(_pbi(*(a.replace("{spec}", str(spec)) for a in args), cwd=folder))


def test_one_line_escapes_every_line_break() -> None:
    text = "a\nb\rc\x0bd\x0ce\x1cf\x1dg\x1eh\x85i\u2028j\u2029k"
    assert len(one_line(text).splitlines()) == 1
    assert one_line("a\nb") == "a\\nb"
    assert str(SpecError("unknown key", file="x\ny.yaml", line=3, field="k\u2028ey")) == \
        "x\\ny.yaml:3: k\\u2028ey: unknown key"


@pytest.mark.parametrize("key", ["bad\\nkey", "bad\\rkey", "bad\\u2028key", "bad\\x85key"])
@pytest.mark.parametrize("command", [("cost",), ("note", "--lang", "en"), ("conclude",)])
def test_a_key_holding_a_line_break_is_one_line(key: str, command: tuple[str, ...], tmp_path: Path) -> None:
    """An unknown key "bad\\nkey" printed the error on two lines."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.replace("symbol:", f'"{key}": 1\nsymbol:', 1), encoding="utf-8")
    before = spec.read_bytes()
    line = _one_line_refusal(_pbi(*command, str(spec), cwd=tmp_path))
    assert line.startswith(f"{spec}:") and ("unknown key" in line or "control character" in line)
    assert spec.read_bytes() == before


def test_a_language_key_holding_a_newline_is_one_line(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.replace("title: {en:", 'title: {"e\\nn":', 1), encoding="utf-8")
    line = _one_line_refusal(_pbi("cost", str(spec), cwd=tmp_path))
    assert "title.e\\nn: unknown key" in line


@pytest.mark.parametrize("args", [
    ("cost", "missing\nfile.yaml"),
    ("check", "missing\nnote.txt"),
    ("draft", "missing\ndraft.txt"),
    ("tables", "missing\nfolder"),
    ("cost", "{spec}", "-o", "no\nfolder/out.txt"),
    ("compare", "{spec}", "--scenario", "missing\nscenario.yaml"),
    ("compare", "{spec}", "--set", "a\nb=3"),
])
def test_a_file_name_or_argument_holding_a_newline_is_one_line(args: tuple[str, ...], tmp_path: Path) -> None:
    line = _refused_beside_spec(args, tmp_path)
    assert "\\n" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.yaml"]


def test_output_onto_the_spec_under_a_name_with_a_newline(tmp_path: Path) -> None:
    spec = tmp_path / "x\ny.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    line = _one_line_refusal(_pbi("note", "--lang", "en", str(spec), "-o", str(spec), cwd=tmp_path))
    assert "is an input of this command" in line
    assert spec.read_text(encoding="utf-8") == SPEC


def _big_spec(folder: Path, activities: int = 1500) -> Path:
    head = SPEC.split("    activities:\n")[0] + "    activities:\n"
    rows = "".join(f"      - {{id: g{i}, kind: staff, grade: P-3, work_months: {i % 11 + 1}, location: New York, "
                   "year: 2025, funding: regular_budget, section: Section 24}\n" for i in range(activities))
    path = folder / "big.yaml"
    path.write_text(head + rows, encoding="utf-8")
    return path


def _handles(pid: int, signum: int) -> bool:
    """Whether the process ``pid`` has installed a handler for ``signum`` (Linux: /proc/PID/status)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(caught, 16) & (1 << (signum - 1)))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc to know when pbi is running")
@pytest.mark.parametrize("signum, code, said", [(signal.SIGTERM, 143, "pbi: terminated"),
                                                (signal.SIGINT, 130, "pbi: interrupted")])
def test_a_signal_during_a_long_run_is_one_line_and_leaves_nothing(signum: int, code: int, said: str,
                                                                   tmp_path: Path) -> None:
    """SIGTERM ended pbi with exit 143 but said nothing; SIGINT while pbi imported its modules printed a
    traceback. Now both say one line, and the workbook being written is not left behind."""
    spec = _big_spec(tmp_path)
    out = tmp_path / "out" / "book.xlsx"
    out.parent.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen([sys.executable, "-m", "pbi", "workbook", str(spec), "-o", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    deadline = time.monotonic() + 60
    while not _handles(process.pid, signal.SIGTERM) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.005)
    time.sleep(0.3)  # within the run (a 1,500-activity workbook takes seconds)
    process.send_signal(signum)
    _, err = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("the workbook was written before the signal arrived (a very fast machine)")
    assert process.returncode == code, err
    assert err.splitlines() == [said]
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_standard_output_that_cannot_hold_the_text(encoding: str, tmp_path: Path) -> None:
    """A terminal in ASCII or Latin-1 (PYTHONIOENCODING, a C locale without coercion) made `pbi note`
    an internal error (exit 3, UnicodeEncodeError); now one line says what to set, exit 2, and --help
    escapes what the encoding lacks."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING=encoding)
    spec = ROOT / "notes" / "ctoc-cop-2010-17" / "annex-04.yaml"
    result = subprocess.run([sys.executable, "-m", "pbi", "note", str(spec)], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=120)
    line = _one_line_refusal(result)
    assert line.startswith("pbi: cannot write to standard output:") and "PYTHONIOENCODING=utf-8" in line
    helped = subprocess.run([sys.executable, "-m", "pbi", "--help"], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=120)
    assert helped.returncode == 0 and "Traceback" not in helped.stderr and "usage: pbi" in helped.stdout


@pytest.mark.parametrize("args", [("cost", ""), ("reproduce", ""), ("calibrate", ""), ("tables", ""),
                                  ("check", ""), ("cost", "{spec}", "-o", ""), ("cost", "{spec}", "--table", ""),
                                  ("note", "{spec}", "--lang", "en", "--scenario", "")])
def test_an_empty_file_name_is_refused(args: tuple[str, ...], tmp_path: Path) -> None:
    """"" was the working folder: `pbi reproduce ""` read every spec under it, `pbi cost ""` said
    ".: is a directory"."""
    line = _refused_beside_spec(args, tmp_path)
    assert "empty file name" in line


@pytest.mark.parametrize("command", ["reproduce", "calibrate", "tables"])
def test_a_folder_that_cannot_be_read_is_said_so(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A folder without read permission was taken for an empty one ("no spec (*.yaml) found", "no cost
    table in this folder"), or its specs were left out of a folder above it in silence."""
    from pbi.cli import main

    outer = tmp_path / "outer"
    locked = outer / "locked"
    locked.mkdir(parents=True)
    (outer / "spec.yaml").write_text(SPEC, encoding="utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    target = locked if command == "tables" else outer
    assert main([command, str(target)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{locked}: cannot read this folder: Permission denied"]


@pytest.mark.parametrize("table_id", ['"un\\nstd"', '"un standard"', '"../un-standard-costs"', '"-x"'])
def test_a_table_id_that_is_no_name_is_refused(table_id: str, tmp_path: Path) -> None:
    """A table whose id held a newline or a space was loaded and printed in every header ("priced with
    un⏎std"), although no spec could name it and `calibrate --id` refuses such an id."""
    text = (ROOT / "cost_tables" / "un-standard-costs.yaml").read_text(encoding="utf-8")
    table = tmp_path / "t.yaml"
    table.write_text(text.replace("id: un-standard-costs", f"id: {table_id}", 1), encoding="utf-8")
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    for args in (("cost", str(spec), "--table", str(table)), ("tables", str(table))):
        line = _one_line_refusal(_pbi(*args, cwd=tmp_path))
        assert line.startswith(f"{table}:") and "is not a table id" in line


def test_a_spec_table_with_a_trailing_newline_is_no_id(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC.replace("table: un-standard-costs", 'table: "un-standard-costs\\n"', 1), encoding="utf-8")
    line = _one_line_refusal(_pbi("cost", str(spec), cwd=tmp_path))
    assert "table: 'un-standard-costs\\n' is not a table id" in line


@pytest.mark.parametrize("args", [("cost", "{spec}", "-o", "new.txt/"), ("note", "--lang", "en", "{spec}", "-o", "new.md/"),
                                  ("workbook", "{spec}", "-o", "new.xlsx/"),
                                  ("cost", "{spec}", "-o", "new.txt", "--chart", "new.png/")])
def test_an_output_ending_with_a_slash_names_a_folder(args: tuple[str, ...], tmp_path: Path) -> None:
    """`-o new.txt/` wrote a file named new.txt: the slash that says "a folder" was dropped."""
    line = _refused_beside_spec(args, tmp_path)
    assert "ends with '/'" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.yaml"]


def test_an_empty_note_language_is_refused(tmp_path: Path) -> None:
    """`--lang ''` is no language: one line, exit 2, nothing written (it wrote the default language)."""
    line = _refused_beside_spec(("note", "{spec}", "--lang", "", "-o", "note.md"), tmp_path)
    assert "''" in line and not (tmp_path / "note.md").exists()
