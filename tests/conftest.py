from __future__ import annotations

import os
from pathlib import Path

import pytest

from _paths import SEED, TABLES


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
