"""CI (.ci/run): installs the test and dev extras, runs the linters before the tests, stops at the
first failure, and ends with the README's test command."""

from __future__ import annotations

import os
import re

from _paths import ROOT

RUN = ROOT / ".ci" / "run"


def _commands() -> list[str]:
    lines = [ln.strip() for ln in RUN.read_text(encoding="utf-8").splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("#")]


def test_ci_stops_at_the_first_failure_and_is_executable():
    assert os.access(RUN, os.X_OK)
    assert "set -euo pipefail" in _commands()


def test_linters_run_before_the_tests():
    commands = _commands()
    order = [next(i for i, c in enumerate(commands) if c.startswith(prefix))
             for prefix in ('python -m pip install -e ".[test,dev]"', "ruff check pbi tests", "mypy --strict pbi",
                            "lint-imports", "python -m pytest -q")]
    assert order == sorted(order)


def test_the_last_command_is_the_readmes_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, re.S)
    test_commands = [c.split("&&")[-1].strip() for b in blocks for c in b.splitlines() if "pytest" in c]
    assert test_commands and _commands()[-1] == test_commands[0] == "python -m pytest -q"
