"""Every duty station and activity kind of the bundled cost tables has a name in every language
pbi writes notes in, so that a note of a Nairobi meeting or a new post renders in all six."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbi.model.tables import load_table
from pbi.render import phrase

from _paths import ROOT

LANGS = ("zh", "en", "fr", "es", "ru", "ar")
TABLES = sorted((ROOT / "cost_tables").glob("*.yaml"))


def _stations(path: Path) -> list[str]:
    table = load_table(path)
    return [s for s in (table.duty_station, *table.stations) if s]


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", LANGS)
def test_every_station_of_a_table_has_a_place_name(path: Path, lang: str) -> None:
    for station in _stations(path):
        assert str(phrase("places", station, lang)).strip()


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_of_a_table_has_a_label(path: Path, lang: str) -> None:
    for kind in load_table(path).activities:
        assert str(phrase("kinds", kind, lang)).strip()
