"""The fourteenth round of attacks (tests/attack14_cases.py): each command-line case in this process,
judged as the first round's (one line and exit 2 or the right output, inputs unchanged, within the
bounds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from attack14_cases import ATTACKS14
from attack_cases import Attack
from pbi.costing.api import compare_file
from test_attack14 import NOTES, _book
from test_attacks import run


@pytest.mark.parametrize("attack", ATTACKS14, ids=lambda a: a.id)
def test_attack14(attack: Attack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> None:
    why, _peak = run(attack, tmp_path, monkeypatch, capsys)
    assert not why, why


# guards of what round 14 must not break (they passed before it too)
def test_an_amount_and_a_rate_still_take_usd() -> None:
    change = compare_file(NOTES / "annex-03.yaml", assignments=["sea-smuggling-egm.amount=60000 USD",
                                                                "rates.documentation.document=500USD"])
    assert change.scenario.total.low > change.baseline.total.low


def test_a_deleted_rates_sheet_nothing_refers_to_is_still_honoured(tmp_path: Path) -> None:
    from pbi.export.workbook import read_workbook_scenario

    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        del wb["rates"]
        wb["quantities"]["C8"] = 20

    est, path = _book(tmp_path, edit=edit)
    assert str(read_workbook_scenario(path, est).quantities["secretariat-report.pages"].low) == "20"
