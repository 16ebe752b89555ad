"""pbi check on the seed: the nine financial notes of CTOC/COP/2010/17 (Chinese text).

Figures F01–F28 are those of shared/reference/cop5-financial-notes.md.
"""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from pbi.check import Claim, Note, check_notes, read_notes

#: golden expectations, as data: symbols, the line of each note, and per figure what its claim holds
GOLDEN = yaml.safe_load((Path(__file__).parent / "data" / "seed-claims.yaml").read_text(encoding="utf-8"))
FIGURES: dict[str, dict[str, Any]] = GOLDEN["figures"]


def _value(v: Any) -> Any:
    """A golden value as the reader gives it: ``{low, high}`` is a (low, high) tuple."""
    if isinstance(v, dict) and set(v) == {"low", "high"}:
        return (v["low"], v["high"])
    return v


@pytest.fixture(scope="module")
def seed_text(seed: Path) -> str:
    return seed.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def notes(seed_text: str, seed: Path) -> list[Note]:
    return read_notes(seed_text, source=str(seed))


def _find(notes: list[Note], annex: int, para: str, amount: Any) -> Claim:
    (note,) = [n for n in notes if n.annex == annex]
    for c in note.claims:
        if c.paragraph != para:
            continue
        if amount is None and c.low is None:
            return c
        if isinstance(amount, tuple) and (c.low, c.high) == tuple(map(Decimal, amount)) \
                and c.amount is None:
            return c
        if isinstance(amount, int) and c.amount == Decimal(amount):
            return c
    raise AssertionError(f"no claim {amount} in annex {annex} para {para}: {note.claims}")


def test_nine_notes(notes: list[Note]) -> None:
    assert [n.annex for n in notes] == list(range(1, 10))
    assert [n.symbol for n in notes] == GOLDEN["symbols"]
    assert all(n.title.startswith("关于题为“") and n.title.endswith("财务说明") for n in notes)
    assert [n.line for n in notes] == GOLDEN["note_lines"]
    assert notes[0].claims == [] and notes[8].claims == []  # annexes I and IX: no figure


def test_no_spurious_claims(notes: list[Note]) -> None:
    assert sum(len(n.claims) for n in notes) == len(FIGURES)


@pytest.mark.parametrize("fid", sorted(FIGURES))
def test_figure(notes: list[Note], fid: str) -> None:
    g = FIGURES[fid]
    c = _find(notes, g["annex"], g["paragraph"], _value(g["amount"]))
    assert c.note == g["annex"]
    for key, value in g["quantities"].items():
        assert c.quantities.get(key) == _value(value), (fid, key, c.quantities)
    assert c.funding == g["funding"], fid
    assert c.operative_paragraph == g["operative_paragraph"], fid
    assert c.year == g.get("year"), fid
    assert c.line > 3700 and c.text


def test_f15_amount_is_exact(notes: list[Note]) -> None:
    c = _find(notes, 5, "4", 160040)
    assert c.amount == Decimal("160040") and isinstance(c.amount, Decimal)


def test_f20_is_not_part_of_the_total(notes: list[Note]) -> None:
    total = _find(notes, 8, "11", 1734600)
    assert Decimal(191000) not in total.quantities["parts"]
    assert sum(total.quantities["parts"]) == Decimal(1734600)


def test_findings(notes: list[Note]) -> None:
    findings = check_notes(notes)
    errors = [f for f in findings if f.severity == "error"]
    (err,) = errors
    assert (err.note, err.paragraph) == (6, "4")
    assert {(x["note"], x["paragraph"]) for x in err.figures} == {(5, "6"), (6, "4")}
    assert "800,000 to 1,200,000" in err.message and "80,000 to 1,200,000" in err.message
    assert "CTOC/COP/2010/L.6/Rev.1" in err.message and "CTOC/COP/2010/L.9" in err.message
    infos = [f for f in findings if f.severity == "info"]
    (total,) = [f for f in infos if f.note == 8 and f.paragraph == "11"]
    assert len(total.figures) == 8  # seven parts and the total
    assert {x["paragraph"] for x in total.figures[:-1]} == {"4", "5", "6", "7", "8", "9", "10"}
    # the 16-page report costed 23,000 in four notes is not a finding
    assert not any("23,000" in f.message for f in findings)
    warnings = [f for f in findings if f.severity == "warning"]
    assert [(f.note, f.paragraph) for f in warnings] == [(6, "4")]

