"""The vocabulary is data in one place (pbi/model/vocabulary.yaml): funding sources with their class
and names, duty stations; the modules that need them read it, and none keeps a second table."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import pbi
from pbi.model import vocabulary as v

PACKAGE = Path(pbi.__file__).parent
FUNDING = set(v.funding_sources())


def test_every_funding_source_has_a_class_and_its_names():
    assert list(v.funding_sources())[:4] == ["regular_budget", "budget_process", "extrabudgetary", "voluntary"]
    for key, source in v.funding_sources().items():
        assert source.cls in ("regular", "later", "other", "covered"), key
        for lang in ("en", "zh"):
            assert source.label(lang) and source.resources(lang), (key, lang)
    with pytest.raises(pbi.RenderError, match="no fr label for funding source 'regular_budget'"):
        v.funding_source("regular_budget").label("fr")
    with pytest.raises(pbi.RenderError, match="unknown funding source 'gift'"):
        v.funding_source("gift")


@pytest.mark.parametrize(("written", "key"), [
    ("absorbed", "existing_resources"), ("Within existing resources", "existing_resources"),
    ("Regular budget", "regular_budget"), ("contingency-fund", "contingency_fund"), ("contingency", "contingency_fund"),
    ("EXTRABUDGETARY", "extrabudgetary"), ("regular", None), ("gift", None)])
def test_a_spec_may_write_a_funding_source_as_the_statements_name_it(written: str, key: str | None) -> None:
    assert v.funding_key(written) == key
    act = {"id": "r", "kind": "documentation", "words": 100, "location": "New York", "year": 2025, "funding": written}
    if key is None:
        with pytest.raises(ValueError, match=f"unknown funding source {written!r}"):
            pbi.Activity.model_validate(act)
    else:
        assert pbi.Activity.model_validate(act).funding == key


def test_the_classes_the_code_reasons_with_come_from_the_vocabulary():
    from pbi.costing.conclusions import EXTRABUDGETARY_SOURCES, REGULAR_BUDGET_SOURCES
    from pbi.costing.engine import COVERED_SOURCES
    from pbi.model.tables import FUNDING_SOURCES
    from pbi.render.context import OTHER_RESOURCES

    assert set(FUNDING_SOURCES) == FUNDING
    assert COVERED_SOURCES == {"entitlement", "existing_resources"} == v.funding_keys("covered")
    assert REGULAR_BUDGET_SOURCES == {"regular_budget", "contingency_fund"}
    assert EXTRABUDGETARY_SOURCES == OTHER_RESOURCES == {"extrabudgetary", "voluntary"}
    assert v.funding_keys() == FUNDING


def _dicts_keyed_by_funding(path: Path) -> list[int]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict) and all(isinstance(x, ast.Constant) for x in node.values):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
            if len(keys & FUNDING) >= 2:
                found.append(node.lineno)
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_keeps_its_own_table_of_funding_sources(path):
    assert _dicts_keyed_by_funding(path) == [], f"{path}: a dict keyed by funding sources; use model/vocabulary"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_note_templates_take_funding_names_from_the_vocabulary(lang):
    text = (PACKAGE / "render" / "templates" / "financial_note" / f"{lang}.j2").read_text(encoding="utf-8")
    keys = "|".join(FUNDING)
    assert not re.search(r'\{\s*"(?:' + keys + r')"\s*:', text)
    assert "funding|resources" in text


def test_duty_stations_are_read_from_the_vocabulary_by_check():
    from pbi.check.quantities import extract

    assert v.place_name("Vienna", "zh") == "维也纳" and v.place_name("Lyon", "zh") == "Lyon"
    for station, names in v.duty_stations().items():
        assert extract(f"在{names['zh']}举行一次为期 3 天的会议").get("location") == station
        assert extract(f"a three-day meeting in {station}").get("location") == station


def test_grades_a_spec_may_name_are_the_vocabularys():
    from pbi.model.specs import GRADES, Activity

    assert GRADES == v.grades() and "P-3" in GRADES
    with pytest.raises(ValueError, match="unknown grade 'P-9'.*USG, ASG"):
        Activity.model_validate({"id": "x", "kind": "staff", "grade": "P-9", "work_months": 1, "year": 2022,
                                 "funding": "extrabudgetary"})
