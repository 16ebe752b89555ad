"""Every `pbi` command with each file argument given a hostile input (tests/attack5_cases.py), in
process: a fifth of the pairs here, all of them by `python benchmarks/attacks.py --matrix`
(each in its own process under limits). Also each public function of pbi that reads a file."""

from __future__ import annotations

import io
import resource
import sys
from pathlib import Path

import pytest

import pbi
from attack5_cases import HOSTILE, SLOTS, pair_id, pairs, prepare, verdict
from pbi.cli import main

#: every fifth pair: 5 and the 12 inputs have no common divisor, so each input and each command is met
SAMPLE = pairs()[::5]
#: the resident size a pair may take the process to, in megabytes, unless other tests of the same
#: process already took it higher (ru_maxrss is the process's peak: a pair must then not raise it by more than 50 MB)
MEMORY_MB = 400


def test_the_sample_meets_every_command_and_every_input() -> None:
    assert {s.command for s, _ in SAMPLE} == {s.command for s in SLOTS}
    assert {h.name for _, h in SAMPLE} == {h.name for h in HOSTILE}


@pytest.mark.parametrize("slot, hostile", SAMPLE, ids=[pair_id(s, h) for s, h in SAMPLE])
def test_pair(slot: object, hostile: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> None:
    argv, d, before = prepare(slot, hostile, tmp_path)  # type: ignore[arg-type]
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    try:
        code = main(argv)
    except SystemExit as exc:  # a usage error
        code = exc.code if isinstance(exc.code, int) else 2
    captured = capsys.readouterr()
    why = verdict(slot, hostile, d, before, code, captured.out, captured.err)  # type: ignore[arg-type]
    assert not why, why
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 <= max(MEMORY_MB, peak_before + 50)


#: the public functions that read a file, with what each is given besides the path
READERS = [("load_spec", ()), ("load_table", ()), ("load_scenario", ()), ("load_entitlements", ()),
           ("cost_file", ()), ("compare_file", ())]


@pytest.mark.parametrize("name", [n for n, _ in READERS])
@pytest.mark.parametrize("hostile", [h for h in HOSTILE if not h.ok and not h.name.startswith("stdin")],
                         ids=lambda h: h.name)
def test_public_readers(name: str, hostile: object, tmp_path: Path) -> None:
    """A folder, a missing path, binary bytes…: a PbiError naming the file, nothing else."""
    d = tmp_path / "dossier è"
    d.mkdir()
    path = hostile.make(d, ".yaml")  # type: ignore[attr-defined]
    with pytest.raises(pbi.PbiError) as info:
        getattr(pbi, name)(path)
    assert "\n" not in str(info.value)
    assert str(info.value).startswith(path) or "no such" in str(info.value) or "too long" in str(info.value)


@pytest.mark.parametrize("name", [n for n, _ in READERS])
@pytest.mark.parametrize("value", [None, 42, 3.5, b"spec.yaml", ["spec.yaml"], ""], ids=repr)
def test_public_readers_given_no_path(name: str, value: object) -> None:
    """A value of the wrong type: TypeError or a PbiError, never an AttributeError from inside."""
    with pytest.raises((TypeError, pbi.PbiError)):
        getattr(pbi, name)(value)
