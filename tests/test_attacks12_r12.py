"""The twelfth round of attacks (tests/attack12_cases.py), each case in this process, judged as the
first round's: one line and exit 2 or the right output, inputs unchanged, within the bounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from attack12_cases import ATTACKS12
from attack_cases import Attack
from test_attacks import run


#: a file name that is no UTF-8 is printed by the process's own stderr (benchmarks/attacks.py runs it), not pytest's capture
_IN_PROCESS = [a for a in ATTACKS12 if "non-UTF-8" not in a.name]


@pytest.mark.parametrize("attack", _IN_PROCESS, ids=lambda a: a.id)
def test_attack12(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> None:
    why, _peak = run(attack, tmp_path, monkeypatch, capsys)
    assert not why, why
