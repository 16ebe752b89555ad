"""Fuzzing spec and table loading: whatever the bytes, only a PbiError escapes.

The default run is bounded; a longer one: ``PBI_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz_loading.py``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pbi.costing.engine import cost
from pbi.model.errors import PbiError
from pbi.model.specs import load_spec
from pbi.model.tables import load_table

from _paths import NOTES, TABLES

EXAMPLES = int(os.environ.get("PBI_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

SPEC_TEXT = (NOTES / "annex-08.yaml").read_text(encoding="utf-8")
TABLE_TEXT = (TABLES / "unodc-vienna-2010.yaml").read_text(encoding="utf-8")
TABLE = load_table(TABLES / "unodc-vienna-2010.yaml")
TOKENS = [":", "-", "[", "]", "{", "}", "\n", "  ", "0", "-1", "1e9", "null", "true", "2010-01-01", "!!str",
          "&a", "*a", "<<", "'", '"', "#", "\t", "…", "页", "\x00", "9" * 40, ".nan", "{low: 9, high: 1}"]


def mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    for position, cut, token in edits:
        at = position % (len(text) + 1)
        text = text[:at] + token + text[at + cut % 12:]
    return text


edits = st.lists(st.tuples(st.integers(0, 100_000), st.integers(0, 11), st.sampled_from(TOKENS)),
                 min_size=1, max_size=6)


def _load_and_cost(tmp_path, text: str) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        cost(load_spec(path), TABLE)
    except PbiError:
        pass


@FUZZ
@given(edits=edits)
def test_mutated_spec_raises_only_pbi_errors(tmp_path_factory, edits):
    _load_and_cost(tmp_path_factory.mktemp("s"), mutate(SPEC_TEXT, edits))


@FUZZ
@given(edits=edits)
def test_mutated_table_raises_only_pbi_errors(tmp_path_factory, edits):
    path = tmp_path_factory.mktemp("t") / "t.yaml"
    path.write_text(mutate(TABLE_TEXT, edits), encoding="utf-8")
    try:
        table = load_table(path)
        cost(load_spec(NOTES / "annex-08.yaml"), table)
    except PbiError:
        pass


@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_raise_only_pbi_errors(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("b") / "spec.yaml"
    path.write_bytes(data)
    try:
        load_spec(path)
    except PbiError:
        pass
