from __future__ import annotations

from pathlib import Path

import pytest

from _paths import TABLES


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
