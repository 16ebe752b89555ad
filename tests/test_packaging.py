"""What a regular (non-editable) install ships: every subpackage, and the cost tables inside the package."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pbi.model.tables import BUNDLED, bundled_folder, find_tables

ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_subpackage_is_shipped():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pbi").rglob("__init__.py")}
    assert set(SETUPTOOLS["packages"]) == found | {"pbi.cost_tables"}


def test_cost_tables_ship_inside_the_package():
    assert SETUPTOOLS["package-dir"]["pbi.cost_tables"] == "cost_tables"
    shipped = SETUPTOOLS["package-data"]["pbi.cost_tables"]
    tables = sorted(p.name for p in (ROOT / "cost_tables").iterdir() if p.is_file())
    assert tables and all(any(Path(t).match(pattern) for pattern in shipped) for t in tables)


def test_installed_tables_are_preferred_to_a_checkout_beside(tmp_path):
    package = tmp_path / "site-packages" / "pbi"
    (package / "cost_tables").mkdir(parents=True)
    (tmp_path / "site-packages" / "cost_tables").mkdir()
    assert bundled_folder(package) == package / "cost_tables"


def test_a_checkout_uses_its_top_level_tables(tmp_path):
    (tmp_path / "pbi").mkdir()
    assert bundled_folder(tmp_path / "pbi") == tmp_path / "cost_tables"


def test_this_checkout_finds_the_standard_costs():
    assert BUNDLED == ROOT / "cost_tables"
    assert "un-standard-costs" in find_tables(BUNDLED)
