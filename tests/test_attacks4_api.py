"""The public API given what it does not take (a path where a Spec is expected, None, a table id where
a Table is expected): a TypeError that names the function, the argument and how to get one, never an
AttributeError from deep inside."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import pbi
from _paths import NOTES

SPEC_PATH = str(NOTES / "annex-07.yaml")

CALLS: dict[str, tuple[Callable[[pbi.Estimate, pbi.Spec], Any], str]] = {
    "cost with a table id": (lambda e, s: pbi.cost(s, "unodc-vienna-2010"), "cost() takes table as a Table"),  # type: ignore[arg-type]
    "cost with a path": (lambda e, s: pbi.cost(SPEC_PATH, e.table), "cost() takes spec as a Spec"),  # type: ignore[arg-type]
    "explain None": (lambda e, s: pbi.explain(None, "total"), "explain() takes estimate as an Estimate"),  # type: ignore[arg-type]
    "conclude a path": (lambda e, s: pbi.conclude(SPEC_PATH), "conclude() takes estimate"),  # type: ignore[arg-type]
    "sweep a path": (lambda e, s: pbi.sweep(SPEC_PATH, e.table, []), "sweep() takes spec as a Spec"),  # type: ignore[arg-type]
    "sweep a table id": (lambda e, s: pbi.sweep(s, "unodc-vienna-2010", []), "sweep() takes table"),  # type: ignore[arg-type]
    "compare None": (lambda e, s: pbi.compare(e, None), "compare() takes scenario as an Estimate"),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("name", CALLS)
def test_wrong_type_is_a_type_error_that_says_what(name: str) -> None:
    estimate = pbi.cost_file(SPEC_PATH)
    call, message = CALLS[name]
    with pytest.raises(TypeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call(estimate, estimate.spec)


def test_the_right_types_still_work() -> None:
    estimate = pbi.cost_file(SPEC_PATH)
    again = pbi.cost(estimate.spec, estimate.table)
    assert again.total == estimate.total
    assert pbi.compare(estimate, again).to_table()
