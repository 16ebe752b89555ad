"""The thirteenth round of attacks (tests/attack13_cases.py): each command-line case in this process,
judged as the first round's (one line and exit 2 or the right output, inputs unchanged, within the
bounds, and for some an error line of bounded length), and each hostile call of the Python API, which
must raise a one-line :class:`pbi.PbiError` naming the argument."""

from __future__ import annotations

from pathlib import Path

import pytest

from attack13_cases import API13, ATTACKS13, ApiAttack, api_verdict
from attack_cases import Attack
from test_attacks import run

#: cases that need a process of their own (benchmarks/attacks.py runs them): the locale of stdout
_IN_PROCESS = [a for a in ATTACKS13 if a.family != "env13" or "LANG" not in a.env]


@pytest.mark.parametrize("attack", _IN_PROCESS, ids=lambda a: a.id)
def test_attack13(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> None:
    why, _peak = run(attack, tmp_path, monkeypatch, capsys)
    assert not why, why


@pytest.mark.parametrize("attack", API13, ids=lambda a: a.id)
def test_api13(attack: ApiAttack, tmp_path: Path) -> None:
    why = api_verdict(attack, tmp_path)
    assert not why, why


def test_api_errors_are_still_type_errors() -> None:
    """A wrong type is a PbiError and still a TypeError, as it was (code catching TypeError goes on working)."""
    import pbi

    with pytest.raises(TypeError):
        pbi.load_spec(None)  # type: ignore[arg-type]
    with pytest.raises(pbi.PbiError):
        pbi.cost(None, None)  # type: ignore[arg-type]


def test_catalogue_size() -> None:
    assert len(ATTACKS13) >= 100
    assert len({a.id for a in ATTACKS13}) == len(ATTACKS13)
    assert len({a.id for a in API13}) == len(API13)
