"""``pbi reproduce`` over a corpus against one spec, and ``pbi calibrate`` over 800 figures:
``python benchmarks/reproduce_speed.py [RUNS] [FOLDER]``.

Target (issue 10): reproducing every spec of a folder of about 200 takes at most twice the wall
time of reproducing one (each table loaded once, each spec validated once). Runs each command RUNS
times (default 7) in a fresh interpreter and prints the minimum and median wall times and the
ratio. FOLDER defaults to a synthetic corpus of 200 specs (800 figures, three duty stations,
2010-2026; see tests/synthetic_corpus.py); give ``notes`` to measure the repository's own specs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from synthetic_corpus import write_corpus  # noqa: E402

__all__ = ["measure", "main"]


def measure(cmd: list[str], runs: int, cwd: Path) -> tuple[float, float]:
    """Minimum and median wall time of ``cmd`` in seconds (exit codes 0 and 1 are both fine)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)
        times.append(time.perf_counter() - t)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return min(times), statistics.median(times)


def main(argv: list[str]) -> int:
    runs = int(argv[1]) if len(argv) > 1 else 7
    py = [sys.executable, "-m", "pbi"]
    with tempfile.TemporaryDirectory() as tmp:
        if len(argv) > 2:
            cwd, folder = Path.cwd(), Path(argv[2])
        else:
            cwd = Path(tmp)
            folder = write_corpus(cwd, 200).relative_to(cwd)
        specs = sorted(p for p in (cwd / folder).rglob("*.yaml") if p.name != "entitlements.yaml")
        one = specs[0].relative_to(cwd)
        rows = [(f"pbi reproduce {one}", measure([*py, "reproduce", str(one)], runs, cwd)),
                (f"pbi reproduce {folder} ({len(specs)} specs)", measure([*py, "reproduce", str(folder)], runs, cwd))]
        if len(argv) <= 2:  # the synthetic corpus has one table: calibrate it too (800 figures)
            rows.append((f"pbi calibrate {folder}", measure([*py, "calibrate", str(folder)], max(1, runs // 3), cwd)))
    for name, (low, med) in rows:
        print(f"{name:<60} min {low:6.3f} s   median {med:6.3f} s")
    ratio = rows[1][1][0] / rows[0][1][0]
    print(f"folder / one spec (minimum wall times): {ratio:.2f} (target: at most 2)")
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
