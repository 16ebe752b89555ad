"""Small dense linear algebra for ``pbi calibrate``, in exact fractions or in decimals.

Every function works on lists of :class:`fractions.Fraction` or of :class:`decimal.Decimal` (the
caller sets the decimal context's precision); ``tol`` is the size below which a pivot counts as
zero (0 for fractions). numpy is not a dependency: the systems are one connected group of rate
values each, small enough for Gauss–Jordan elimination.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

__all__ = ["N", "DIGITS", "pivots", "solve_columns", "inverse", "nnls", "to_decimal", "fit_nonnegative"]

#: numbers of the linear algebra: exact fractions, or decimals of DIGITS digits
N = TypeVar("N", Fraction, Decimal)
#: the precision of the decimal path
DIGITS = 50


def pivots(ata: list[list[N]], tol: N) -> list[int]:
    """Columns of the (symmetric) normal matrix that carry a pivot: the others are dependent."""
    m = [row[:] for row in ata]
    n = len(m)
    pivots: list[int] = []
    r = 0
    for col in range(n):
        p = max(range(r, n), key=lambda i: abs(m[i][col]), default=None)
        if p is None or abs(m[p][col]) <= tol:
            continue
        m[r], m[p] = m[p], m[r]
        inv = 1 / m[r][col]
        m[r] = [v * inv for v in m[r]]
        for i in range(n):
            if i != r and m[i][col] != 0:
                fac = m[i][col]
                m[i] = [a - fac * b for a, b in zip(m[i], m[r], strict=True)]
        pivots.append(col)
        r += 1
    return sorted(pivots)


def solve_columns(g: list[list[N]], h: list[N], cols: list[int]) -> dict[int, N]:
    """Solve g[cols][cols] z = h[cols] (non-singular: cols are independent)."""
    n = len(cols)
    m = [[g[i][j] for j in cols] + [h[i]] for i in cols]
    for c in range(n):
        p = max(range(c, n), key=lambda i: abs(m[i][c]))
        m[c], m[p] = m[p], m[c]
        inv = 1 / m[c][c]
        m[c] = [v * inv for v in m[c]]
        for i in range(n):
            if i != c and m[i][c] != 0:
                fac = m[i][c]
                m[i] = [a - fac * b for a, b in zip(m[i], m[c], strict=True)]
    return {cols[i]: m[i][n] for i in range(n)}


def inverse(g: list[list[N]], tol: N) -> list[list[N]] | None:
    """The inverse of a square matrix (Gauss-Jordan), or None if it is singular."""
    n = len(g)
    zero, one = tol * 0, tol * 0 + 1
    m = [row[:] + [one if i == j else zero for j in range(n)] for i, row in enumerate(g)]
    for c in range(n):
        p = max(range(c, n), key=lambda i: abs(m[i][c]))
        if abs(m[p][c]) <= tol:
            return None
        m[c], m[p] = m[p], m[c]
        inv = 1 / m[c][c]
        m[c] = [v * inv for v in m[c]]
        for i in range(n):
            if i != c and m[i][c] != 0:
                fac = m[i][c]
                m[i] = [a - fac * b for a, b in zip(m[i], m[c], strict=True)]
    return [row[n:] for row in m]


def nnls(g: list[list[N]], h: list[N]) -> tuple[list[N], list[N]]:
    """min ||Ax - b|| with x ≥ 0, from the normal equations g = AᵀA (non-singular), h = Aᵀb
    (Lawson–Hanson active set); also the unconstrained solution."""
    n = len(h)
    z = solve_columns(g, h, list(range(n)))
    unconstrained = [z[i] for i in range(n)]
    zero = h[0] * 0
    if all(v >= 0 for v in unconstrained):
        return unconstrained, unconstrained
    x = [zero] * n
    passive: list[int] = []
    for _ in range(3 * n + 10):
        w = [h[i] - sum((g[i][j] * x[j] for j in passive), zero) for i in range(n)]
        candidates = [i for i in range(n) if i not in passive and w[i] > 0]
        if not candidates:
            break
        passive.append(max(candidates, key=lambda i: w[i]))
        while passive:
            z = solve_columns(g, h, sorted(passive))
            if all(z[j] > 0 for j in passive):
                x = [z.get(i, zero) for i in range(n)]
                break
            alpha = min(x[j] / (x[j] - z[j]) for j in passive if z[j] <= 0)
            x = [x[i] + alpha * (z.get(i, zero) - x[i]) if i in passive else zero for i in range(n)]
            passive = [j for j in passive if x[j] > 0]
    return x, unconstrained


def to_decimal(v: Fraction) -> Decimal:
    """A fraction as a Decimal, in the current context's precision."""
    return Decimal(v.numerator) / Decimal(v.denominator)


def fit_nonnegative(ata: list[list[N]], atb: list[N], base: list[N], tol: N) -> tuple[list[int], list[N], list[N]]:
    """Pivot columns, the non-negative fit of them (the others at ``base``) and the unconstrained one."""
    n = len(atb)
    cols = pivots(ata, tol)
    rest = [c for c in range(n) if c not in cols]
    if not cols:
        return cols, [], []
    g = [[ata[i][j] for j in cols] for i in cols]
    h = [atb[i] - sum((ata[i][c] * base[c] for c in rest), tol * 0) for i in cols]
    x, unconstrained = nnls(g, h)
    return cols, x, unconstrained
