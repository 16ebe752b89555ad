"""Linear growth: time and peak memory of note, calibrate and check as their input doubles.

    python benchmarks/growth.py            # note: 2,500-10,000 activities; calibrate: 250-2,000
                                           # figures; check: 2,500-10,000 amounts in one paragraph,
                                           # and in one English sentence of parts by section
    python benchmarks/growth.py calibrate  # only the cases whose name starts with the word(s) given
                                           # (calibrate: also 250-2,000 figures of values that
                                           # cannot be separated)

For each size the run is timed (best of 3) and the peak of Python's allocations measured
(tracemalloc, one extra run). Linear growth shows as a ratio near 2 each time the size doubles
(quadratic would show 4).
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from attack_cases import SPEC, TABLE, _check_text  # noqa: E402


def spec_with(n: int, figures: bool) -> str:
    """A spec of ``n`` documentation activities; with ``figures``, one published figure each."""
    head = SPEC.split("    activities:\n")[0]
    acts = "".join(f"      - {{id: a{i}, kind: documentation, pages: {10 + i % 40}, year: 2012, "
                   "funding: budget_process}\n" for i in range(n))
    out = head + "    activities:\n" + acts
    if figures:
        out += "published:\n" + "".join(
            f"  - {{id: F{i:04d}, paragraph: \"3\", amount: {(425 + 6 * 235 * (10 + i % 40)) // 100 * 100}, "
            f"activities: [a{i}]}}\n" for i in range(n))
    return out


def inseparable_spec(n: int) -> str:
    """``n`` documents of the same length, one figure each: the per-document and per-page values
    cannot be separated, so the low-rank leave-one-out update applies to none of them."""
    head = SPEC.split("    activities:\n")[0]
    acts = "".join(f"      - {{id: a{i}, kind: documentation, pages: 20, year: 2012, funding: budget_process}}\n"
                   for i in range(n))
    return head + "    activities:\n" + acts + "published:\n" + "".join(
        f"  - {{id: F{i:04d}, paragraph: \"3\", amount: {28000 + 100 * (i % 7)}, activities: [a{i}]}}\n"
        for i in range(n))


def check_text(n: int) -> str:
    return _check_text("第 8 执行段 " + "。".join(f"用于 {1 + i % 9} 天会议的费用为 {i + 1},000 美元"
                                                 for i in range(n)) + "。")


def sentence_text(n: int) -> str:
    """One English sentence of ``n`` parts named by section, in the Fifth Committee's form."""
    parts = ", ".join(f"section {i % 40}, Human rights (${(i + 1) * 100:,})" for i in range(n))
    return ("Programme budget implications of draft resolution A/C.3/80/L.1\n\n 1. Additional requirements "
            f"amounting to $1 would arise under {parts}.\n")


def measure(fn: Callable[[], object]) -> tuple[float, float]:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak


def main() -> None:
    from pbi.check.report import check_files
    from pbi.costing.api import cost_file
    from pbi.costing.calibrate import calibrate
    from pbi.render import render_note

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        (d / "cost_tables").mkdir()
        (d / "cost_tables" / "unodc-vienna-2010.yaml").write_text(TABLE, encoding="utf-8")
        runs: list[tuple[str, list[int], Callable[[int], Callable[[], object]]]] = []

        def note(n: int) -> Callable[[], object]:
            path = d / f"note-{n}.yaml"
            path.write_text(spec_with(n, figures=False), encoding="utf-8")
            return lambda: render_note(cost_file(path), "en", "text")

        def fit(n: int) -> Callable[[], object]:
            path = d / f"fit-{n}.yaml"
            path.write_text(spec_with(n, figures=True), encoding="utf-8")
            return lambda: calibrate([path])

        def inseparable(n: int) -> Callable[[], object]:
            path = d / f"inseparable-{n}.yaml"
            path.write_text(inseparable_spec(n), encoding="utf-8")
            return lambda: calibrate([path])

        def check(n: int) -> Callable[[], object]:
            path = d / f"check-{n}.txt"
            path.write_text(check_text(n), encoding="utf-8")
            return lambda: check_files([path], table=None)

        def sentence(n: int) -> Callable[[], object]:
            path = d / f"sentence-{n}.txt"
            path.write_text(sentence_text(n), encoding="utf-8")
            return lambda: check_files([path], table=None)

        runs = [("note (activities)", [2_500, 5_000, 10_000], note),
                ("calibrate (figures)", [250, 500, 1_000, 2_000], fit),
                ("calibrate (inseparable)", [250, 500, 1_000, 2_000], inseparable),
                ("check (amounts)", [2_500, 5_000, 10_000], check),
                ("check (one sentence)", [2_500, 5_000, 10_000], sentence)]
        wanted = sys.argv[1:]
        print(f"{'what':23} {'size':>7} {'seconds':>8} {'ratio':>6} {'peak MB':>8}")
        for name, sizes, make in runs:
            if wanted and not any(name.startswith(w) for w in wanted):
                continue
            last = None
            for n in sizes:
                seconds, peak = measure(make(n))
                ratio = f"{seconds / last:6.2f}" if last else "     -"
                print(f"{name:23} {n:7,} {seconds:8.2f} {ratio} {peak:8.1f}")
                last = seconds


if __name__ == "__main__":
    main()
