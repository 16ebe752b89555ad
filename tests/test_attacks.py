"""The attack of issue 13 kept as tests: one test per family, every case bounded in time and memory.

Each case of ``attack_cases.ATTACKS`` runs ``pbi.cli.main`` in this process under two timers: one of
processor time at ``TIME_BOUND`` seconds (SIGPROF: the work pbi does, whatever else loads the machine)
and one of wall time at ``WALL_BOUND`` seconds (SIGALRM: a read that blocks), with tracemalloc measuring the peak of what Python allocates; the bounds
are generous ceilings, not speed claims (the speed is in benchmarks/). ``python benchmarks/attacks.py``
runs the same cases in separate processes under an address-space limit.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from attack_cases import ATTACKS, MEMORY_BOUND_MB, TIME_BOUND, WALL_BOUND, Attack, argv, prepare, verdict
from pbi.cli import main


class _Full:
    """A stdout on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "no descriptor")


class _Bound(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Bound(f"over {TIME_BOUND:.0f} s of processor time" if signum == signal.SIGPROF
                 else f"over {WALL_BOUND:.0f} s of wall time")


def _fault(attack: Attack, monkeypatch: pytest.MonkeyPatch) -> None:
    if attack.fault == "enospc":
        def full(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(os, "fsync", full)
    elif attack.fault == "sigterm":
        monkeypatch.setattr(os, "fsync", lambda fd: os.kill(os.getpid(), signal.SIGTERM))
    elif attack.fault == "closed-stdout":
        monkeypatch.setattr(sys, "stdout", None)
    elif attack.fault == "full-stdout":
        monkeypatch.setattr(sys, "stdout", _Full())


def run(attack: Attack, d: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> tuple[str, float]:
    """(verdict, peak MB) of one attack run in this process."""
    before = prepare(attack, d)
    monkeypatch.delenv("PBI_TABLES", raising=False)
    for key, value in attack.env.items():
        monkeypatch.setenv(key, value.replace("{d}", str(d)))
    monkeypatch.chdir(d / attack.cwd)
    previous = signal.signal(signal.SIGALRM, _alarm), signal.signal(signal.SIGPROF, _alarm)
    tracemalloc.start()
    code: int | None
    try:
        with monkeypatch.context() as patch:
            _fault(attack, patch)
            signal.setitimer(signal.ITIMER_PROF, TIME_BOUND)
            signal.setitimer(signal.ITIMER_REAL, WALL_BOUND)
            try:
                code = main(argv(attack, d))
            except SystemExit as exc:  # SIGTERM ends pbi with 128 + 15
                code = int(exc.code or 0)
            except _Bound:
                code = None
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.setitimer(signal.ITIMER_PROF, 0)
    finally:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        signal.signal(signal.SIGALRM, previous[0])
        signal.signal(signal.SIGPROF, previous[1])
    captured = capsys.readouterr()
    return verdict(attack, d, before, code, captured.out, captured.err, 0.0, peak), peak


def _cases(family: str) -> list[Any]:
    return [pytest.param(attack, id=attack.name) for attack in ATTACKS if attack.family == family]


def _check(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> None:
    why, peak = run(attack, tmp_path, monkeypatch, capsys)
    assert not why, f"{attack.id}: {why}"
    assert peak < MEMORY_BOUND_MB


@pytest.mark.parametrize("attack", _cases("memory"))
def test_memory_and_time(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    """Aliases, special files, over-size files, format strings, backtracking, quadratic paths."""
    _check(attack, tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("attack", _cases("files"))
def test_files_never_destroyed(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """-o never onto a special file or an input; -o - is stdout; SIGTERM, disk full, closed stdout."""
    _check(attack, tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("attack", _cases("numbers"))
def test_numbers_read_one_way(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    """YAML 1.2 core numbers, commas refused, table values checked, duplicate ids, CSV plain."""
    _check(attack, tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("attack", _cases("tables"))
def test_tables_by_id_only(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    """Ids from the parsed YAML, never the working directory, one id one table."""
    _check(attack, tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("attack", _cases("errors"))
def test_one_line_errors(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    """Dates, overflow, huge integers, bad suffixes, binary input: one line, exit 2, right FILE:LINE."""
    _check(attack, tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("attack", _cases("promises"))
def test_promises_hold(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    """Tags refused, no marker forgery, no HTML through Markdown, no terminal escapes."""
    _check(attack, tmp_path, monkeypatch, capsys)


def test_every_family_is_tested() -> None:
    tested = {"memory", "files", "numbers", "tables", "errors", "promises"}
    assert {a.family for a in ATTACKS} == tested
    assert len(ATTACKS) >= 80
