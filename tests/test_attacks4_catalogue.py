"""The fourth round's catalogue (``attack4_cases.ATTACKS4``) run in process: one line and exit 2,
or the right output; inputs unchanged. The cases of many values run here against a lowered bound
(the full-size ones, with time and memory, are in ``benchmarks/attacks.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import pbi.model.yamlio as yamlio
from attack4_cases import ATTACKS4
from attack_cases import Attack, argv, prepare, verdict
from pbi.cli import main


def _run(attack: Attack, d: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    before = prepare(attack, d)
    monkeypatch.delenv("PBI_TABLES", raising=False)
    monkeypatch.chdir(d)
    code = main(argv(attack, d))
    captured = capsys.readouterr()
    return verdict(attack, d, before, code, captured.out, captured.err, 0.0, 0.0)


#: run in benchmarks/attacks.py only: over a few seconds each
SLOW = ("300,000", "a workbook of 1,000")


@pytest.mark.parametrize("attack", [pytest.param(a, id=a.id) for a in ATTACKS4
                                    if not any(s in a.name for s in SLOW)])
def test_fourth_round(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> None:
    why = _run(attack, tmp_path, monkeypatch, capsys)
    assert not why, f"{attack.id}: {why}"


@pytest.mark.parametrize("attack", [pytest.param(a, id=a.id) for a in ATTACKS4 if "300,000" in a.name])
def test_values_over_the_bound(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """The bound lowered to 2,000: the 300,000 values of the case are over it, and refused in one line
    naming the file and the line where the bound is passed."""
    monkeypatch.setattr(yamlio, "MAX_NODES", 2_000)
    small = Attack(attack.family, attack.name, attack.argv,
                   {k: v.replace("1," * 300_000, "1," * 3_000) if isinstance(v, str) else v
                    for k, v in attack.files.items()}, want="more than 2,000 values")
    why = _run(small, tmp_path, monkeypatch, capsys)
    assert not why, f"{attack.id}: {why}"


def test_a_spec_under_the_bound_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(yamlio, "MAX_NODES", 2_000)
    spec = next(a for a in ATTACKS4 if a.name == "300,000 values in one spec")
    ok = Attack("values", "under", spec.argv, {k: v.replace("1," * 300_000, "1,") if isinstance(v, str) else v
                                               for k, v in spec.files.items()}, want="extra: Input should be")
    assert not _run(ok, tmp_path, monkeypatch, capsys)  # read whole: refused for its value, not its size
