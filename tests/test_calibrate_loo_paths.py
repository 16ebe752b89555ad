"""Leave-one-out where the low-rank update does not apply (a group with values the figures cannot
separate): each figure's values equal those of solving the figures without it, whichever way
``leave_one_out`` finds them (the group refitted from its normal equations, or solved again).
A figure set aside with values only it uses leaves those undetermined."""

from __future__ import annotations

import datetime as dt
import random
from fractions import Fraction

import pytest

from pbi.costing.calibrate import Equation, RateId, leave_one_out, solve

D = dt.date(2010, 1, 1)


def _key(name: str) -> RateId:
    return (name, None, D)


def _equations(seed: int, figures: int, others: int) -> list[Equation]:
    """Figures that all use values A and B in the ratio 2 : 1 (so the group's normal equations are
    singular), and some of ``others`` further values; some figures are ranges (two equations)."""
    rnd = random.Random(seed)
    names = [f"v{i:02d}" for i in range(others)]
    out: list[Equation] = []
    for f in range(figures):
        ends = ["low", "high"] if rnd.random() < 0.2 else [""]
        scale = Fraction(rnd.randrange(1, 9))
        used = rnd.sample(names, rnd.randrange(0, min(3, others) + 1)) if rnd.random() < 0.8 else []
        for end in ends:
            extra = Fraction(rnd.randrange(0, 3)) if end == "high" else Fraction(0)
            coefs = {_key("A"): 2 * scale, _key("B"): scale}
            coefs.update({_key(n): Fraction(rnd.randrange(1, 40), rnd.choice((1, 2, 4, 10)))
                          + extra for n in used})
            published = Fraction(rnd.randrange(1_000, 90_000), rnd.choice((1, 100)))
            out.append(Equation(f"F{f:03d}", end, published, coefs))
    return out


def _brute(eqs: list[Equation], base: dict[RateId, Fraction], fig: str
           ) -> tuple[dict[RateId, Fraction], list[str]]:
    rest = [e for e in eqs if e.figure != fig]
    mine = {k for e in eqs if e.figure == fig for k in e.coefs}
    vals, meth = solve(rest, base)
    lost = sorted({k[0] for k in mine if k not in vals or meth[k] == "undetermined"})
    return {k: v for k, v in vals.items() if k in mine}, lost


@pytest.mark.parametrize(("seed", "figures", "others"),
                         [(1, 6, 2), (2, 12, 3), (3, 25, 4), (4, 40, 6), (5, 8, 0), (6, 60, 18)])
def test_leave_one_out_equals_solving_without_the_figure(seed: int, figures: int, others: int) -> None:
    eqs = _equations(seed, figures, others)
    base = {k: Fraction(100 + i) for i, k in enumerate(sorted({k for e in eqs for k in e.coefs}))}
    got = leave_one_out(eqs, base)
    assert set(got) == {e.figure for e in eqs}
    checked = 0
    for fig, (vals, lost) in got.items():
        want_vals, want_lost = _brute(eqs, base, fig)
        if not vals:  # set aside with values only it uses: those are what it leaves undetermined
            assert lost and set(lost) <= set(want_lost), fig
            continue
        checked += 1
        assert lost == want_lost, fig
        assert vals == want_vals, fig
        assert list(vals) == list(want_vals), fig  # the same order of values too
    assert checked >= figures // 2


def test_the_singular_group_leaves_a_value_undetermined() -> None:
    """The cases above are the ones the update cannot take: B is never separated from A."""
    eqs = _equations(3, 25, 4)
    base = {k: Fraction(1) for e in eqs for k in e.coefs}
    _, method = solve(eqs, base)
    assert method[_key("B")] == "undetermined"
