"""The claims read from the seed against the specs of notes/ctoc-cop-2010-17.

Every published figure of the specs is found among the claims of the same annex and paragraph,
and so is every quantity the spec's activities state (pages, languages, days, participants,
work-months, copies, grade, and meetings where the spec counts meetings).
"""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pbi.check import Claim, Note, read_notes
from pbi.costing.reproduce import find_specs
from pbi.model.specs import Range, Spec, load_spec

ROOT = Path(__file__).resolve().parents[2]
SPECS = [load_spec(p) for p in find_specs([ROOT / "notes" / "ctoc-cop-2010-17"])]
FIGURES = [(s, f) for s in SPECS for f in s.published]

#: quantities a spec states that the note does not restate beside the figure, and why
NOT_IN_TEXT = {
    ("F06", "pages"): "a standard report: the note does not restate its 16 pages",
    ("F15", "languages"): "'另外七次会议': the meetings' six languages are implied, not stated",
    ("F15", "days"): "the spec requests the whole five-day session against the Conference's entitlement; "
                     "the note states only the 7 meetings beyond it (claimed as meetings: 7)",
}


@pytest.fixture(scope="module")
def notes(seed: Path) -> list[Note]:
    return read_notes(seed.read_text(encoding="utf-8"))


def _claims(notes: list[Note], spec: Spec, paragraph: str) -> list[Claim]:
    (note,) = [n for n in notes if n.annex == spec.annex]
    return [c for c in note.claims if c.paragraph == paragraph]


def _value(r: Range) -> Any:
    return (int(r.low), int(r.high)) if r.is_range else int(r.low)


def _stated(claims: list[Claim], key: str) -> list[Any]:
    out: list[Any] = []
    for c in claims:
        q = c.quantities
        if key == "pages":
            out += [q["pages"], *q.get("pages_all", [])] if "pages" in q else []
        elif key == "meetings":
            out += [q[k] for k in ("meetings", "available_meetings") if k in q]
        elif key in q:
            out.append(q[key])
    return out


def test_every_spec_figure_is_listed() -> None:
    assert len(FIGURES) == 28 and [f.id for _, f in FIGURES] == [f"F{i:02d}" for i in range(1, 29)]


@pytest.mark.parametrize("spec,figure", FIGURES, ids=[f.id for _, f in FIGURES])
def test_figure_and_quantities_found(notes: list[Note], spec: Spec, figure: Any) -> None:
    claims = _claims(notes, spec, figure.paragraph)
    assert claims, f"{figure.id}: no claim in annex {spec.annex} para {figure.paragraph}"
    if figure.amount == Range.of(0):   # no cost: the note states what is left of an entitlement
        assert any(c.low is None for c in claims)
    else:
        assert any((c.low, c.high) == (figure.amount.low, figure.amount.high) for c in claims), \
            (figure.id, [(c.low, c.high) for c in claims])
    acts = {a.id: a for _, a in spec.activities()}
    for aid in figure.activities:
        act = acts[aid]
        wanted: dict[str, Any] = {}
        for key in ("pages", "days", "participants", "work_months", "copies"):
            if getattr(act, key) is not None:
                wanted[key] = _value(getattr(act, key))
        if act.language_count is not None:
            wanted["languages"] = act.language_count
        if act.grade:
            wanted["grade"] = act.grade
        if act.meetings is not None:
            wanted["meetings"] = _value(act.meetings)
        for key, value in wanted.items():
            if (figure.id, key) in NOT_IN_TEXT:
                assert value not in _stated(claims, key)
                continue
            assert value in _stated(claims, key), (figure.id, aid, key, value, _stated(claims, key))


def test_stated_total_names_its_parts(notes: list[Note]) -> None:
    (spec, f27) = next((s, f) for s, f in FIGURES if f.sum_of)
    (total,) = [c for c in _claims(notes, spec, f27.paragraph) if c.is_total]
    paras = {f.id: f.paragraph for _, f in FIGURES if _ is spec}
    assert total.quantities["total_of"] == [paras[p] for p in f27.sum_of]
    assert sum(total.quantities["parts"], Decimal(0)) == f27.amount.low
