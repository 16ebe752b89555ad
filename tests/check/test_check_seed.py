"""pbi check on the seed: the nine financial notes of CTOC/COP/2010/17 (Chinese text).

Figures F01–F28 are those of shared/reference/cop5-financial-notes.md.
"""

import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pbi.check import Claim, Note, check_notes, read_notes

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "001_f0894e873e5d82b0.txt"

EB, VC, RB, BP = "extrabudgetary", "voluntary", "regular_budget", "budget_process"

# id: (annex, paragraph, amount | (low, high) | None, quantities ⊆ claim.quantities, funding, OP)
FIGURES: dict[str, tuple[int, str, Any, dict[str, Any], str, str | None]] = {
    "F01": (2, "4", 23000, {"pages": 16, "report": True, "background_document": True,
                            "biennium": "2012-2013"}, BP, "11"),
    "F02": (2, "5", 20000, {}, EB, "12"),
    "F03": (2, "6", None, {"meetings": 6, "entitlement_meetings": 12, "used_meetings": 6}, RB,
            "15"),
    "F04": (3, "3", 50000, {"meetings": 1, "consultants": 1}, EB, "13"),
    "F05": (3, "4", 42900, {"grade": "P-3", "work_months": 3}, EB, "21"),
    "F06": (3, "4", 23000, {"report": True, "biennium": "2012-2013"}, BP, "21"),
    "F07": (3, "5", 38900, {"days": 1, "meetings": 1, "interpretation": True, "languages": 6,
                            "conference_services": True, "pages": 12}, EB, "22"),
    "F08": (4, "4", 223700, {"pages": 140, "languages": 6, "translation": True,
                             "printing": True}, EB, "6"),
    "F09": (4, "5", 224800, {"meetings": 1, "days": 5, "languages": 6, "interpretation": True,
                             "conference_services": True, "pages": 60}, EB, "8"),
    "F10": (4, "7", 28600, {"pages": 20, "report": True, "biennium": "2012-2013"}, BP, "13"),
    "F11": (5, "3(a)", 227600, {"meetings": 2, "days": 5, "languages": 6,
                                "interpretation": True, "conference_services": True}, RB,
            "3, 9, 10"),
    "F12": (5, "3(b)", 227600, {"meetings": 2, "days": 5, "languages": 6,
                                "interpretation": True}, RB, "3, 9, 10"),
    "F13": (5, "3(c)", 127800, {"pages": 45, "languages": 6, "per_meeting": True,
                                "meetings": 2}, RB, "3, 9, 10"),
    "F14": (5, "3(d)", 173400, {"pages": 45, "pages_all": [45, 32], "languages": 6,
                                "per_meeting": True, "meetings": 2}, RB, "3, 9, 10"),
    "F15": (5, "4", 160040, {"meetings": 7, "entitlement_meetings": 20, "used_meetings": 18,
                             "available_meetings": 3}, VC, None),
    "F16": (5, "6", (800000, 1200000), {"pages": (600, 900), "languages": 6, "copies": 800,
                                        "translation": True, "distribution": True}, EB, "6, 7"),
    "F17": (6, "4", (80000, 1200000), {"pages": (600, 900), "languages": 6, "copies": 800,
                                       "translation": True, "distribution": True}, EB, "(f)"),
    "F18": (7, "3", 23000, {"pages": 16, "report": True, "biennium": "2012-2013"}, BP, "8"),
    "F19": (8, "4", 467900, {"workshops": 3, "days": 3, "participants": 30,
                             "advisory_services": True, "translation": True, "printing": True,
                             "pages": 250, "languages": 3,
                             "language_names": ["English", "French", "Spanish"]}, VC, "1(b)"),
    "F20": (8, "4", 191000, {"languages": 3, "other_languages": True, "optional": True,
                             "translation": True, "printing": True}, VC, "1(b)"),
    "F21": (8, "5", 25500, {"travel": True}, VC, "1(d)"),
    "F22": (8, "6", 554600, {"meetings": 7, "days": 3, "participants": 30, "location": "Vienna",
                             "interpretation": False, "travel": True,
                             "advisory_services": True}, VC, "2(a)"),
    "F23": (8, "7", 238600, {"meetings": 1, "days": 3, "participants": 20, "location": "Vienna",
                             "interpretation": False, "advisory_services": True,
                             "translation": True, "printing": True, "pages": 100,
                             "languages": 6}, VC, "2(b)"),
    "F24": (8, "8", 238600, {"meetings": 1, "days": 3, "participants": 20, "location": "Vienna",
                             "interpretation": False, "pages": 100, "languages": 6}, VC, "2(c)"),
    "F25": (8, "9", 104700, {"meetings": 1, "days": 3, "participants": 20, "location": "Vienna",
                             "interpretation": False, "advisory_services": True,
                             "translation": True, "printing": True, "pages": 16,
                             "languages": 6}, VC, "2(d)"),
    "F26": (8, "10", 104700, {"meetings": 1, "days": 3, "participants": 20, "location": "Vienna",
                              "interpretation": False, "pages": 16, "languages": 6}, VC, "2(e)"),
    "F27": (8, "11", 1734600, {"is_total": True,
                               "total_of": ["4", "5", "6", "7", "8", "9", "10"]}, VC, "1, 2"),
    "F28": (8, "13", 23000, {"pages": 16, "report": True, "biennium": "2012-2013"}, BP, "6"),
}
YEARS = {"F03": 2011, "F11": 2011, "F12": 2012, "F13": 2011, "F14": 2012, "F15": 2011}
SYMBOLS = ["CTOC/COP/2010/L.7/Rev.1", "CTOC/COP/2010/L.5", "CTOC/COP/2010/L.4/Rev.2",
           "CTOC/COP/2010/L.3/Rev.2", "CTOC/COP/2010/L.6/Rev.1", "CTOC/COP/2010/L.9",
           "CTOC/COP/2010/L.8/Rev.1", "CTOC/COP/2010/L.2/Rev.1", "CTOC/COP/2010/L.10"]


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed not found: {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def notes(seed_text: str) -> list[Note]:
    return read_notes(seed_text, source=str(SEED))


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
    assert [n.symbol for n in notes] == SYMBOLS
    assert all(n.title.startswith("关于题为“") and n.title.endswith("财务说明") for n in notes)
    assert [n.line for n in notes] == [3712, 3765, 3890, 3972, 4081, 4199, 4275, 4323, 4486]
    assert notes[0].claims == [] and notes[8].claims == []  # annexes I and IX: no figure


def test_no_spurious_claims(notes: list[Note]) -> None:
    assert sum(len(n.claims) for n in notes) == len(FIGURES)


@pytest.mark.parametrize("fid", sorted(FIGURES))
def test_figure(notes: list[Note], fid: str) -> None:
    annex, para, amount, quantities, funding, op = FIGURES[fid]
    c = _find(notes, annex, para, amount)
    assert c.note == annex
    for key, value in quantities.items():
        assert c.quantities.get(key) == value, (fid, key, c.quantities)
    assert c.funding == funding, fid
    assert c.operative_paragraph == op, fid
    assert c.year == YEARS.get(fid), fid
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


def test_fast(seed_text: str) -> None:
    t0 = time.perf_counter()
    check_notes(read_notes(seed_text))
    assert time.perf_counter() - t0 < 0.5
