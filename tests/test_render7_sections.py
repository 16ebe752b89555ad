"""Section 22 is named for the periods a cited document names it in; sections with no source for a
period stay numbered alone (no name is made up)."""

from __future__ import annotations

import pytest
import yaml

from pbi.model.vocabulary import section

from _paths import ROOT


@pytest.mark.parametrize("year", [2016, 2017, 2021, 2024, 2025, 2026])
def test_section_22_is_named_where_a_budget_fascicle_names_it(year: int) -> None:
    assert section("Section 22").named("en", year) == "section 22 (Economic and social development in Western Asia)"


@pytest.mark.parametrize("year", [2018, 2019, 2020])
def test_no_name_without_a_reading_for_the_period(year: int) -> None:
    assert section("Section 22").named("en", year) == "section 22"


def test_every_section_name_cites_its_source() -> None:
    data = yaml.safe_load((ROOT / "pbi/model/vocabulary.yaml").read_text(encoding="utf-8"))
    for key, entry in data["sections"].items():
        for name in entry.get("names") or []:
            assert str(name.get("source", "")).strip(), key


def test_a_2025_statement_prints_section_22_with_its_name(tmp_path) -> None:
    from pbi.costing.api import cost_file
    from pbi.render import render_note

    spec = tmp_path / "s.yaml"
    spec.write_text("""\
symbol: A/C.2/80/L.5
title: {en: Regional cooperation}
body: general-assembly
budget_period: "2025"
table: un-standard-costs
requests:
  - id: a
    activities:
      - {id: gta, kind: staff, grade: P-3, work_months: 6, location: New York, year: 2025, funding: regular_budget, section: Section 22}
""", encoding="utf-8")
    text = render_note(cost_file(spec), "en", kind="statement")
    assert "Section 22, Economic and social development in Western Asia" in text
