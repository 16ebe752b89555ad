from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from _paths import SEED, TABLES

# CI explores the same generated examples on every run (derandomized, no example database), so that a
# run passes or fails for the code, not for the draw; locally each run draws new examples
# (PBI_FUZZ_EXAMPLES sets how many), and what fails is replayed from .hypothesis.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test that needs the seed document (the ``seed`` fixture) is skipped without it, naming the
    missing file; when the environment sets CI, it fails instead, so that CI cannot pass without it."""
    if "seed" in getattr(item, "fixturenames", ()) and not SEED.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set and the seed document is missing: {SEED}", pytrace=False)
        pytest.skip(f"needs the seed document {SEED} (shared/seeds beside the clone)")


@pytest.fixture(scope="session")
def seed() -> Path:
    """The seed document (see pytest_runtest_setup for when it is missing)."""
    return SEED


@pytest.fixture(scope="session")
def table():
    from pbi.model.tables import load_table

    return load_table(TABLES / "unodc-vienna-2010.yaml")


@pytest.fixture
def write(tmp_path: Path):
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write
