"""The seed rule of tests/conftest.py: without the seed, a test that needs it is skipped with the
missing file named; when CI is set, it fails."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

HERE = Path(__file__).parent


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(_paths='from pathlib import Path\nSEED = Path("/nonexistent/seeds/seed.txt")\n'
                               'TABLES = Path("/nonexistent/cost_tables")\n')
    pytester.makeconftest((HERE / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(test_uses_seed="def test_reads(seed):\n    assert seed.read_text()\n\n"
                                       "def test_other():\n    assert True\n")
    return pytester


def test_missing_seed_is_a_skip_naming_the_file(suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    result = suite.runpytest_subprocess("-ra", "-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:benchmark")
    result.assert_outcomes(passed=1, skipped=1)
    result.stdout.fnmatch_lines(["*SKIPPED*needs the seed document /nonexistent/seeds/seed.txt*"])


def test_missing_seed_fails_under_ci(suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    result = suite.runpytest_subprocess("-ra", "-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:benchmark")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*CI is set and the seed document is missing: /nonexistent/seeds/seed.txt*"])
